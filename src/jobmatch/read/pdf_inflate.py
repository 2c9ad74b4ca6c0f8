"""The inflation budget: pdfminer.six decompresses PDF streams only as far as allowed.

pdfminer inflates Flate streams with ``zlib.decompress``, which happily turns 1 MB into
1 GB. We give ``pdfminer.pdftypes`` a ``zlib`` stand-in that inflates in 1 MB steps and
stops when the document's total passes ``Limits.max_inflated_bytes`` (:data:`budget`, set
per parse by :mod:`jobmatch.read.pdf`). It sees every stream pdfminer decodes (content,
object, xref and font streams, nested filters). The LZW and run-length decoders and the
fallback for corrupt Flate streams are replaced by linear-time versions under the same
budget. Importing this module installs the replacements.

:func:`check_inflated_size` applies the same budget ahead of an engine that inflates in C
(PDFium), and ahead of the workers of ``jobmatch serve``: it inflates every Flate stream of
the file once, keeping nothing. It counts with zlib-ng where installed (the ``web`` extra
brings it): inflated output is the same by definition, and zlib-ng inflates the long runs
of a bomb some 30 times faster (0.012 s against 0.39 s for 128 MB of spaces). A file too
small to hold a bomb is not inflated at all: Deflate turns one byte into at most
:data:`MAX_INFLATE_RATIO` bytes, so a file of ``max_inflated_bytes / 1032`` bytes or less
(124 KiB under the default 128 MiB) cannot pass the budget, whatever its streams hold.
"""

from __future__ import annotations

import io
import logging
import re
import threading
import zlib
from typing import Any

from pdfminer import pdftypes
from pdfminer.lzw import LZWDecoder

from ..models import Limits
from .pdf_result import bomb_error

try:  # only counts bytes: any inflater that follows RFC 1950 gives the same count
    from zlib_ng import zlib_ng as _counting_zlib
except ImportError:  # pragma: no cover - the web extra installs it
    _counting_zlib = zlib  # type: ignore[misc,unused-ignore]
#: what a broken stream raises while counting (zlib-ng's stubs type its error loosely)
_COUNTING_ERRORS: tuple[type[BaseException], ...] = (zlib.error, _counting_zlib.error)  # type: ignore[assignment,unused-ignore]

__all__ = [
    "Budget",
    "budget",
    "InflateLimit",
    "charge",
    "decompress_corrupted",
    "lzwdecode",
    "rldecode",
    "PDFMINER_DECOMPRESS_CORRUPTED",
    "check_inflated_size",
    "MAX_INFLATE_RATIO",
]

log = logging.getLogger(__name__)


class Budget(threading.local):
    """Per-thread inflation budget: bytes left (``None``: no limit) and whether it ran out."""

    remaining: int | None = None
    exceeded: bool = False


#: the budget of the parse running in this thread
budget = Budget()
_STEP = 1 << 20


class InflateLimit(Exception):
    """Raised inside pdfminer when the inflation budget is spent (not a zlib.error, so
    pdfminer's own ``except zlib.error`` fallbacks do not swallow it)."""


def charge(n: int) -> None:
    """Count ``n`` inflated bytes against the budget; raise :class:`InflateLimit` past it."""
    if budget.remaining is None:
        return
    budget.remaining -= n
    if budget.remaining < 0:
        budget.exceeded = True
        raise InflateLimit()


class _BoundedDecompressor:
    def __init__(self, *args: Any) -> None:
        self._d = zlib.decompressobj(*args)

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        out = self._d.decompress(data, max_length or _STEP)
        buf = [out]
        charge(len(out))
        # without max_length zlib would inflate everything at once: loop in bounded steps
        while not max_length and self._d.unconsumed_tail and not self._d.eof:
            out = self._d.decompress(self._d.unconsumed_tail, _STEP)
            charge(len(out))
            buf.append(out)
        return b"".join(buf)

    def flush(self, *args: Any) -> bytes:
        out = self._d.flush(*args)
        charge(len(out))
        return out

    def __getattr__(self, name: str) -> Any:  # eof, unused_data, unconsumed_tail
        return getattr(self._d, name)


class _BoundedZlib:
    """The subset of :mod:`zlib` that ``pdfminer.pdftypes`` uses, inflating under budget."""

    error = zlib.error
    MAX_WBITS = zlib.MAX_WBITS

    def decompressobj(self, *args: Any) -> _BoundedDecompressor:
        return _BoundedDecompressor(*args)

    def decompress(self, data: bytes, wbits: int = zlib.MAX_WBITS, bufsize: int = 0) -> bytes:
        d = zlib.decompressobj(wbits)
        out = io.BytesIO()  # getvalue() hands over the buffer without a copy
        _inflate_into(d, data, out)
        if not d.eof:
            tail = d.flush()
            charge(len(tail))
            out.write(tail)
            if not d.eof:
                raise zlib.error(
                    "Error -5 while decompressing data: incomplete or truncated stream"
                )
        return out.getvalue()


def decompress_corrupted(data: bytes) -> bytes:
    """Linear-time replacement for ``pdftypes.decompress_corrupted``.

    pdfminer's version feeds the stream one byte at a time and appends to a ``bytes``
    (quadratic: a 16 MB stream with a broken checksum takes minutes). Same contract here:
    inflate as far as possible; an error in the last 3 bytes (the checksum) keeps what was
    inflated, an error earlier propagates. Chunks of 64 KB, and only a failing chunk is
    replayed byte by byte (from a copy of the decompressor) to locate the error.
    """
    d = zlib.decompressobj()
    out = io.BytesIO()
    step = 1 << 16
    for at in range(0, len(data), step):
        chunk = data[at : at + step]
        saved, mark = d.copy(), out.tell()
        try:
            _inflate_into(d, chunk, out)
        except zlib.error:
            out.seek(mark)  # drop what the failed chunk wrote; the replay writes it again
            out.truncate()
            for i in range(len(chunk)):
                try:
                    piece = saved.decompress(chunk[i : i + 1])
                except zlib.error:
                    if at + i < len(data) - 3:
                        raise
                    log.debug("data loss while inflating a corrupt stream")
                    return out.getvalue()
                charge(len(piece))
                out.write(piece)
            return out.getvalue()  # pragma: no cover - the replay fails where the chunk did
    return out.getvalue()


def _inflate_into(d: Any, data: bytes, out: io.BytesIO) -> None:
    """Inflate ``data`` into ``out`` in bounded steps, charging the budget as it goes."""
    piece = d.decompress(data, _STEP)
    while True:
        charge(len(piece))
        out.write(piece)
        if d.eof or not d.unconsumed_tail:
            return
        piece = d.decompress(d.unconsumed_tail, _STEP)


setattr(pdftypes, "zlib", _BoundedZlib())  # noqa: B010 - swap the module pdfminer calls
#: pdfminer's original, kept for the tests that compare the two
PDFMINER_DECOMPRESS_CORRUPTED = pdftypes.decompress_corrupted
setattr(pdftypes, "decompress_corrupted", decompress_corrupted)  # noqa: B010


def lzwdecode(data: bytes) -> bytes:
    """pdfminer's LZW decoder, consumed piece by piece under the inflation budget (LZW
    expands up to ~2,700:1, so 1 MB could become 2.7 GB)."""
    out = io.BytesIO()
    for piece in LZWDecoder(io.BytesIO(data)).run():
        charge(len(piece))
        out.write(piece)
    return out.getvalue()


def rldecode(data: bytes) -> bytes:
    """RunLengthDecode (PDF 1.7, 7.4.5) in linear time under the inflation budget.

    pdfminer's version collects every output byte as a Python int in a list (8 bytes per
    byte; a 128:1 run-length bomb of 20 MB would need 20 GB).
    """
    out = bytearray()
    charged, i, n = 0, 0, len(data)
    while i < n:
        length = data[i]
        i += 1
        if length == 128:  # end of data
            break
        if length < 128:
            if i + length + 1 > n:
                raise ValueError("truncated RunLengthDecode data")
            out += data[i : i + length + 1]
            i += length + 1
        else:
            if i >= n:
                raise ValueError("truncated RunLengthDecode data")
            out += data[i : i + 1] * (257 - length)
            i += 1
        if len(out) - charged >= _STEP:
            charge(len(out) - charged)
            charged = len(out)
    charge(len(out) - charged)
    return bytes(out)


setattr(pdftypes, "lzwdecode", lzwdecode)  # noqa: B010
setattr(pdftypes, "rldecode", rldecode)  # noqa: B010


#: the most bytes one byte of Deflate data inflates to (a 258-byte match coded in two bits:
#: a one-bit length code and a one-bit distance code; the zlib FAQ's "1032:1")
MAX_INFLATE_RATIO = 1032
_STREAM = re.compile(rb"stream\r?\n")
_FLATE = re.compile(rb"/(?:FlateDecode|Fl)\b")


def check_inflated_size(data: bytes, *, source: str, limits: Limits) -> None:
    """Refuse a PDF whose Flate streams inflate to more than ``limits.max_inflated_bytes``.

    Each stream whose dictionary names ``/FlateDecode`` is inflated in 1 MB steps and
    the output thrown away, so memory stays small whatever the stream holds; broken
    streams are left to the engine. A file whose every byte could inflate to
    :data:`MAX_INFLATE_RATIO` bytes and still stay within the budget is not inflated:
    the count could not pass it.

    Args:
        data: the PDF's bytes.
        source: the name used in errors.
        limits: the limits in force.

    Raises:
        ParseLimitError: the streams inflate to more than the budget.
    """
    left = limits.max_inflated_bytes
    if len(data) * MAX_INFLATE_RATIO <= left:
        return
    for m in _STREAM.finditer(data):
        head = data[max(0, m.start() - 512) : m.start()]
        if not _FLATE.search(head[head.rfind(b"obj") + 1 :]):
            continue
        end = data.find(b"endstream", m.end())
        left -= _inflated(data[m.end() : end if end >= 0 else len(data)], left)
        if left < 0:
            raise bomb_error(source, limits)


def _inflated(stream: bytes, limit: int) -> int:
    """Bytes ``stream`` inflates to, counting no further than just past ``limit``."""
    d = _counting_zlib.decompressobj()
    total = 0
    try:
        total += len(d.decompress(stream, _STEP))
        while d.unconsumed_tail and not d.eof and total <= limit:
            total += len(d.decompress(d.unconsumed_tail, _STEP))
    except _COUNTING_ERRORS:
        log.debug("broken Flate stream left to the engine")
    return total
