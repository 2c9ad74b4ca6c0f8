"""Read resumes and postings (PDF, DOCX, TXT, Markdown, HTML) into checked text.

``read_document(path)`` is the one entry point for files. It never trusts the file name
alone: the first bytes are sniffed (a PNG renamed ``.pdf`` is "not a PDF: looks like a PNG
image"), sizes are checked before anything is read, text encodings are detected (BOM, strict
UTF-8, CP-1252, Latin-1), PDFs are parsed behind the guards in :mod:`jobmatch.read.pdf`, DOCX
files are read by :mod:`jobmatch.read.docx`, HTML is stripped by :mod:`jobmatch.read.html`,
and every text passes the extraction-quality gate (:func:`check_text`) before anyone may score it.

Every failure is a :class:`~jobmatch.errors.DocumentError` subclass with ``source`` set to the
path and a one-line reason; third-party exceptions are re-raised ``from`` the original.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from ..errors import (
    CorruptDocumentError,
    DocumentError,
    DocumentNotFoundError,
    DocumentTooLargeError,
    EmptyDocumentError,
    NoTextLayerError,
    UnsupportedFormatError,
)
from ..models import Document
from .docx import docx_text, zip_kind
from .html import html_to_text

__all__ = [
    "Limits",
    "DEFAULT_LIMITS",
    "read_document",
    "read_bytes",
    "read_text",
    "read_text_bytes",
    "check_text",
    "sniff_format",
]

log = logging.getLogger(__name__)

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on what one document read may cost. Pass ``Limits(max_pages=2000)`` etc."""

    #: largest file accepted, checked with ``stat`` before reading anything
    max_bytes: int = 20 * MB
    #: most PDF pages parsed (the page count is checked before parsing the pages)
    max_pages: int = 500
    #: wall-clock limit for parsing one PDF, in seconds
    timeout_s: float = 30.0
    #: address space the PDF parser may add on top of the process it starts from, in MB
    max_memory_mb: int = 384
    #: total bytes that compressed PDF streams / DOCX members may inflate to
    max_inflated_bytes: int = 128 * MB
    #: parse PDFs in a forked child process with the time and memory limits (POSIX only);
    #: without it only the inflation, page and time-between-pages checks apply
    isolate: bool = True

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_pages", "max_memory_mb", "max_inflated_bytes"):
            if int(getattr(self, name)) <= 0:
                raise ValueError(f"Limits.{name} must be positive")
        if self.timeout_s <= 0:
            raise ValueError("Limits.timeout_s must be positive")


DEFAULT_LIMITS = Limits()

_TEXT_EXTENSIONS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown"}
_HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}

# ---------------------------------------------------------------------------- files


def read_document(
    path: str | os.PathLike[str], *, password: str | None = None, limits: Limits | None = None
) -> Document:
    """Read the document at ``path`` into a checked :class:`~jobmatch.models.Document`.

    ``password`` opens a PDF encrypted with a user password. ``limits`` bounds size, pages,
    time, memory and decompression (see :class:`Limits`). Raises a ``DocumentError``
    subclass, with ``source`` set to ``path``, for anything that cannot be read into text.
    """
    limits = limits or DEFAULT_LIMITS
    source = os.fspath(path)
    data = _read_file(Path(source), source=source, limits=limits)
    return read_bytes(data, source=source, name=source, password=password, limits=limits)


def _read_file(path: Path, *, source: str, limits: Limits) -> bytes:
    try:
        st = path.stat()
    except FileNotFoundError as exc:
        if path.is_symlink():
            raise DocumentNotFoundError(
                f"broken symbolic link (target {os.readlink(path)!r} does not exist)", source=source
            ) from exc
        raise DocumentNotFoundError("no such file", source=source) from exc
    except OSError as exc:
        raise DocumentError(_os_reason(exc), source=source) from exc
    if stat.S_ISDIR(st.st_mode):
        raise DocumentError("is a directory, not a file", source=source)
    if not stat.S_ISREG(st.st_mode):
        raise UnsupportedFormatError("not a regular file (device, pipe or socket)", source=source)
    if st.st_size > limits.max_bytes:
        raise DocumentTooLargeError(_too_large(st.st_size, limits), source=source)
    try:
        with open(path, "rb") as fh:
            # read one byte more than the limit: the file may have grown since stat()
            data = fh.read(limits.max_bytes + 1)
    except OSError as exc:
        raise DocumentError(_os_reason(exc), source=source) from exc
    if len(data) > limits.max_bytes:
        raise DocumentTooLargeError(_too_large(len(data), limits, more=True), source=source)
    return data


def _too_large(size: int, limits: Limits, *, more: bool = False) -> str:
    return (
        f"too large ({'more than ' if more else ''}{size} bytes > limit {limits.max_bytes} bytes;"
        " raise Limits.max_bytes to read it)"
    )


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop (too many levels of symbolic links)"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory, not a file"
    return f"cannot read file: {exc.strerror or exc}"


# ---------------------------------------------------------------------------- sniffing

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"BM", "bmp"),  # checked further below: "BMW engineer" is text
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"{\\rtf", "rtf"),
    (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!\x1a\x07", "rar"),
    (b"\x7fELF", "elf"),
    (b"MZ", "exe"),
    (b"%!PS", "postscript"),
)

_DESCRIPTIONS = {
    "pdf": "a PDF document",
    "docx": "a DOCX document",
    "zip": "a ZIP archive",
    "xlsx": "an Excel spreadsheet (.xlsx)",
    "pptx": "a PowerPoint presentation (.pptx)",
    "odf": "an OpenDocument file (.odt/.ods; save it as DOCX or PDF)",
    "png": "a PNG image",
    "jpeg": "a JPEG image",
    "gif": "a GIF image",
    "tiff": "a TIFF image",
    "bmp": "a BMP image",
    "webp": "a WebP image",
    "ole": "a legacy Office file (.doc/.xls)",
    "rtf": "an RTF document",
    "gzip": "a gzip archive",
    "7z": "a 7-Zip archive",
    "rar": "a RAR archive",
    "elf": "an executable",
    "exe": "an executable",
    "postscript": "a PostScript file",
    "html": "an HTML page",
    "text": "plain text",
    "binary": "binary data",
}


def sniff_format(data: bytes) -> str:
    """Name the format of ``data`` from its first bytes.

    Returns ``pdf``, ``zip``, an image or archive kind (``png``, ``jpeg``...), ``html``,
    ``text`` or ``binary``. ``zip`` is refined to ``docx`` by the DOCX reader.
    """
    head = data[:1024]
    if head.lstrip(b"\xef\xbb\xbf \t\r\n\x00").startswith(b"%PDF-"):
        return "pdf"
    if b"%PDF-" in head and b"endobj" in data:  # readers accept junk before the header (1 KB)
        return "pdf"
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            # two-letter magics need more evidence: "MZ Consulting" and "BMW" are text
            if kind == "exe" and b"\x00" not in head[:64]:
                continue
            if kind == "bmp" and head[6:10] != b"\x00\x00\x00\x00":
                continue
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    probe = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if probe.startswith((b"<!doctype html", b"<html")):
        return "html"
    if _looks_binary(head):
        return "binary"
    return "text"


def _looks_binary(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")) or _utf16_guess(head):
        return False
    return b"\x00" in head


# ---------------------------------------------------------------------------- dispatch


def read_bytes(
    data: bytes,
    *,
    source: str,
    name: str | None = None,
    password: str | None = None,
    limits: Limits | None = None,
) -> Document:
    """Read a document held in memory; ``name`` (a file name) supplies the extension hint."""
    limits = limits or DEFAULT_LIMITS
    if len(data) > limits.max_bytes:
        raise DocumentTooLargeError(_too_large(len(data), limits), source=source)
    if not data:
        raise EmptyDocumentError("empty file (0 bytes)", source=source)
    ext = Path(name).suffix.lower() if name else ""
    kind = sniff_format(data)
    if kind == "zip":
        kind = zip_kind(data)
    warnings: list[str] = []

    if kind == "pdf":
        if ext and ext != ".pdf":
            warnings.append(f"the file name ends in {ext} but the content is a PDF; read as PDF")
        from .pdf import extract_pdf  # pdfminer is imported only when a PDF is read

        extracted = extract_pdf(data, source=source, password=password, limits=limits)
        text, more = check_text(extracted.text, source=source)
        return Document(
            text=text,
            source=source,
            format="pdf",
            pages=extracted.pages,
            warnings=tuple(warnings + list(extracted.warnings) + more),
        )
    if ext == ".pdf":
        raise UnsupportedFormatError(f"not a PDF: looks like {_DESCRIPTIONS[kind]}", source=source)
    if kind == "docx":
        text = docx_text(data, source=source, limits=limits)
        text, more = check_text(text, source=source)
        return Document(text=text, source=source, format="docx", warnings=tuple(more))
    if ext == ".docx":
        raise UnsupportedFormatError(
            f"not a DOCX document: looks like {_DESCRIPTIONS.get(kind, kind)}", source=source
        )
    if kind not in ("text", "html", "binary"):
        raise UnsupportedFormatError(
            f"unsupported format: looks like {_DESCRIPTIONS.get(kind, kind)}"
            " (jobmatch reads PDF, DOCX, TXT, Markdown and HTML)",
            source=source,
        )
    is_html = ext in _HTML_EXTENSIONS or (kind == "html" and ext not in _TEXT_EXTENSIONS)
    decoded, encoding = read_text_bytes(data, source=source, html=is_html)
    if is_html:
        fmt = "html"
        decoded = html_to_text(decoded)
    else:
        fmt = _TEXT_EXTENSIONS.get(ext, "text")
    text, more = check_text(decoded, source=source)
    return Document(text=text, source=source, format=fmt, warnings=tuple(more), encoding=encoding)


def read_text(text: str, *, source: str = "<text>") -> Document:
    """Wrap an already decoded text in a checked :class:`Document` (format ``text``)."""
    checked, warnings = check_text(text, source=source)
    return Document(text=checked, source=source, format="text", warnings=tuple(warnings))


# ---------------------------------------------------------------------------- encodings

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I
)
# C0 controls other than tab/newline/carriage return/form feed/vertical tab, plus DEL
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_C1 = re.compile(r"[\x80-\x9f]")


def _utf16_guess(data: bytes) -> str | None:
    """UTF-16 without a BOM: mostly-ASCII text has a NUL in every other byte."""
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


def read_text_bytes(data: bytes, *, source: str, html: bool = False) -> tuple[str, str]:
    """Decode text bytes, detecting the encoding; return ``(text, encoding)``.

    Order: a BOM (UTF-8, UTF-16 LE/BE, UTF-32), UTF-16 without BOM (NUL-byte pattern), an
    HTML ``<meta charset>`` when ``html``, strict UTF-8, CP-1252, then Latin-1. NUL bytes or
    many control characters in what is left mean binary data: ``CorruptDocumentError``.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode(data, codec, source=source), codec.replace("-sig", "")
    guess = _utf16_guess(data)
    if guess:
        return _decode(data, guess, source=source), guess
    if b"\x00" in data:
        at = data.index(b"\x00")
        raise CorruptDocumentError(
            f"binary data, not text (NUL byte at offset {at})", source=source
        )
    candidates = ["utf-8", "cp1252", "latin-1"]
    if html:
        m = _META_CHARSET.search(data[:4096])
        declared = _codec_name(m.group(1).decode("ascii")) if m else None
        if declared and declared not in candidates[:1]:
            candidates.insert(0, declared)
    for codec in candidates:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        _refuse_binary(text, source=source, c1=codec == "latin-1")
        return text, codec
    raise AssertionError("latin-1 decodes every byte string")  # pragma: no cover


def _codec_name(label: str) -> str | None:
    import codecs

    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # only byte-oriented text encodings a web page may declare; never utf-7 and friends
    if name in {"utf-7", "utf-16", "utf-32"} or not name.replace("-", "").isalnum():
        return None
    return "cp1252" if name in {"latin-1", "iso8859-1", "ascii"} else name


def _decode(data: bytes, codec: str, *, source: str) -> str:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise CorruptDocumentError(
            f"invalid {codec} text at byte {exc.start}: {exc.reason}", source=source
        ) from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    _refuse_binary(text, source=source, c1=False)
    return text


def _refuse_binary(text: str, *, source: str, c1: bool) -> None:
    if "\x00" in text:
        raise CorruptDocumentError(
            f"binary data, not text (NUL character at {text.index(chr(0))})", source=source
        )
    sample = text[:65536]
    bad = len(_CONTROL.findall(sample)) + (len(_C1.findall(sample)) if c1 else 0)
    # real text has (almost) no control characters; random bytes have ~12 % of them
    if sample and bad > max(2, len(sample) // 100):
        raise CorruptDocumentError(
            f"binary data, not text ({bad} control characters in {len(sample)})", source=source
        )


# ---------------------------------------------------------------------------- quality gate

_CID = re.compile(r"\(cid:\d+\)")
_LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
     "\ufb05": "st", "\ufb06": "st", "\u00ad": None, "\u200b": None, "\ufeff": None}
)  # fmt: skip
_SPACES = re.compile(r"[\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _cp1252_char(b: int) -> str:
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(b)  # the five bytes CP-1252 leaves undefined come through as C1 controls


_MOJI_BYTE = {_cp1252_char(b): b for b in range(0x80, 0x100)}
_CONT = "".join(re.escape(_cp1252_char(b)) for b in range(0x80, 0xC0))
_LEAD2 = "".join(re.escape(_cp1252_char(b)) for b in range(0xC2, 0xE0))
_LEAD3 = "".join(re.escape(_cp1252_char(b)) for b in range(0xE0, 0xF0))
_LEAD4 = "".join(re.escape(_cp1252_char(b)) for b in range(0xF0, 0xF5))
# one UTF-8 character whose bytes were decoded as CP-1252 ("Ã©" for "é", "â€™" for "’")
_MOJIBAKE = re.compile(f"[{_LEAD2}][{_CONT}]|[{_LEAD3}][{_CONT}]{{2}}|[{_LEAD4}][{_CONT}]{{3}}")


def _fix_mojibake(text: str) -> tuple[str, int]:
    fixed = 0

    def repair(m: re.Match[str]) -> str:
        nonlocal fixed
        try:
            out = bytes(_MOJI_BYTE[c] for c in m.group()).decode("utf-8")
        except (UnicodeDecodeError, KeyError):
            return m.group()
        fixed += 1
        return out

    return _MOJIBAKE.sub(repair, text), fixed


def check_text(text: str, *, source: str) -> tuple[str, list[str]]:
    """The extraction-quality gate: normalise ``text`` and list what looks wrong with it.

    Returns ``(text, warnings)``. Unmapped PDF glyphs ``(cid:NN)`` are removed and counted,
    U+FFFD replacement characters are counted, UTF-8-read-as-CP-1252 mojibake is repaired and
    counted, ligatures (``ﬁ``) are expanded, control characters dropped. Raises
    ``EmptyDocumentError`` if no text is left, ``NoTextLayerError`` if only unmapped glyphs were.
    """
    warnings: list[str] = []
    text = text.replace("\r\n", "\n").translate(_LIGATURES)
    # before any character clean-up: mojibake uses NBSP and C1 characters ("Ã\xa0" is "à")
    text, fixed = _fix_mojibake(text)
    text = re.sub(r"[\r\f\v\x1c-\x1e\x85\u2028\u2029]", "\n", text)
    text = _SPACES.sub(" ", text)  # no-break and other Unicode spaces: "Machine\xa0Learning"
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    controls = len(_CONTROL.findall(text)) + len(_C1.findall(text))
    if controls:
        text = _C1.sub("", _CONTROL.sub("", text))
        warnings.append(f"removed {controls} control character(s)")
    cids = len(_CID.findall(text))
    if cids:
        text = _CID.sub("", text)
        if not text.strip():
            raise NoTextLayerError(
                f"no usable text layer: all {cids} glyphs lack a Unicode mapping ((cid:NN));"
                " OCR is not supported",
                source=source,
            )
        if cids >= 3 or cids >= 0.01 * len(text):  # one or two are usually icons (LinkedIn...)
            warnings.append(
                f"garbled font encoding: {cids} glyph(s) without a Unicode mapping ((cid:NN))"
                " were dropped; some words may be missing"
            )
    if fixed:
        warnings.append(f"mojibake: repaired {fixed} UTF-8 sequence(s) read as CP-1252 (Ã© -> é)")
    replacements = text.count("\ufffd")
    if replacements:
        warnings.append(
            f"{replacements} replacement character(s) (U+FFFD): some characters were lost"
            " before jobmatch saw the text"
        )
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    if not text:
        raise EmptyDocumentError("no text (empty or whitespace only)", source=source)
    visible = re.sub(r"\s", "", text)
    letters = sum(ch.isalpha() for ch in visible)
    if len(visible) >= 200 and letters < 0.5 * len(visible):
        warnings.append(
            f"text looks garbled: only {100 * letters // len(visible)}% of its characters"
            " are letters"
        )
    return text, warnings
