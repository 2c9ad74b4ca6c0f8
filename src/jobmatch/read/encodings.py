"""Text encodings: the one detector used for documents and for batch CSV files.

:func:`detect_encoding` names the codec of some bytes (a BOM, UTF-16 without a BOM, an HTML
``<meta charset>``, strict UTF-8, CP-1252, then Latin-1); :func:`read_text_bytes` decodes a
whole text document with it and refuses binary data. ``jobmatch.batch.records`` calls
:func:`detect_encoding` on the first 64 KB of a CSV file (``partial=True``: a UTF-8
character cut at the end of the sample is not an error).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..errors import CorruptDocumentError

__all__ = ["Encoding", "detect_encoding", "read_text_bytes", "utf16_guess", "CONTROL", "C1"]

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # (BOM, codec that reads the BOM and drops it, name reported)
    (b"\x00\x00\xfe\xff", "utf-32", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8"),
    (b"\xff\xfe", "utf-16", "utf-16-le"),
    (b"\xfe\xff", "utf-16", "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I
)
#: C0 controls other than tab/newline/carriage return/form feed/vertical tab, plus DEL
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
#: C1 controls (what Latin-1 makes of CP-1252's undefined bytes)
C1 = re.compile(r"[\x80-\x9f]")


@dataclass(frozen=True, slots=True)
class Encoding:
    """A detected text encoding.

    Attributes:
        codec: the Python codec that decodes the bytes (a byte-order mark included: it
            reads the BOM and drops it, so it also suits ``open(encoding=...)``).
        name: the name reported in ``Document.encoding`` (``utf-8``, ``utf-16-le``...).
        bom: the data starts with a byte-order mark.
    """

    codec: str
    name: str
    bom: bool = False


def utf16_guess(data: bytes) -> str | None:
    """UTF-16 without a BOM: mostly-ASCII text has a NUL in every other byte.

    Args:
        data: the first bytes of a file (4 KB are looked at).

    Returns:
        ``"utf-16-le"``, ``"utf-16-be"`` or ``None`` when the NUL pattern is not there.
    """
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    nul_even, nul_odd = even.count(0) / len(even), odd.count(0) / max(1, len(odd))
    if nul_odd > 0.6 and nul_even < 0.1:
        return "utf-16-le"
    if nul_even > 0.6 and nul_odd < 0.1:
        return "utf-16-be"
    return None


def detect_encoding(data: bytes, *, html: bool = False, partial: bool = False) -> Encoding:
    """Name the text encoding of ``data``.

    Order: a BOM (UTF-8, UTF-16 LE/BE, UTF-32), UTF-16 without BOM (NUL-byte pattern), an
    HTML ``<meta charset>`` when ``html``, strict UTF-8, CP-1252, then Latin-1 (which
    decodes anything). Binary data is not refused here (see :func:`read_text_bytes`).

    Args:
        data: the bytes, or a sample of their start.
        html: honour a ``<meta charset>`` declaration in the first 4 KB.
        partial: ``data`` is a sample cut anywhere: a multi-byte UTF-8 character cut at
            its end does not rule UTF-8 out.

    Returns:
        The :class:`Encoding`.
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return Encoding(codec, name, bom=True)
    guess = utf16_guess(data)
    if guess:
        return Encoding(guess, guess)
    candidates = ["utf-8", "cp1252", "latin-1"]
    if html:
        m = _META_CHARSET.search(data[:4096])
        declared = _codec_name(m.group(1).decode("ascii")) if m else None
        if declared and declared != "utf-8":
            candidates.insert(0, declared)
    for codec in candidates:
        try:
            codecs.getincrementaldecoder(codec)().decode(data, final=not partial)
        except UnicodeDecodeError:
            continue
        return Encoding(codec, codec)
    raise AssertionError("latin-1 decodes every byte string")  # pragma: no cover


def read_text_bytes(data: bytes, *, source: str, html: bool = False) -> tuple[str, str]:
    """Decode text bytes, detecting the encoding with :func:`detect_encoding`.

    Args:
        data: the whole file.
        source: the name used in errors.
        html: the bytes are an HTML page (honour ``<meta charset>``).

    Returns:
        ``(text, encoding name)``.

    Raises:
        CorruptDocumentError: NUL bytes or many control characters (binary data), or bytes
            invalid in the encoding their BOM announces.
    """
    enc = detect_encoding(data, html=html)
    if not enc.bom and not enc.codec.startswith("utf-16") and b"\x00" in data:
        at = data.index(b"\x00")
        raise CorruptDocumentError(
            f"binary data, not text (NUL byte at offset {at})", source=source
        )
    try:
        text = data.decode(enc.codec)
    except UnicodeDecodeError as exc:
        raise CorruptDocumentError(
            f"invalid {enc.name} text at byte {exc.start}: {exc.reason}", source=source
        ) from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    _refuse_binary(text, source=source, c1=enc.codec == "latin-1")
    return text, enc.name


def _codec_name(label: str) -> str | None:
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # only byte-oriented text encodings a web page may declare; never utf-7 and friends
    if name in {"utf-7", "utf-16", "utf-32"} or not name.replace("-", "").isalnum():
        return None
    return "cp1252" if name in {"latin-1", "iso8859-1", "ascii"} else name


def _refuse_binary(text: str, *, source: str, c1: bool) -> None:
    if "\x00" in text:
        raise CorruptDocumentError(
            f"binary data, not text (NUL character at {text.index(chr(0))})", source=source
        )
    sample = text[:65536]
    bad = len(CONTROL.findall(sample)) + (len(C1.findall(sample)) if c1 else 0)
    # real text has (almost) no control characters; random bytes have ~12 % of them
    if sample and bad > max(2, len(sample) // 100):
        raise CorruptDocumentError(
            f"binary data, not text ({bad} control characters in {len(sample)})", source=source
        )
