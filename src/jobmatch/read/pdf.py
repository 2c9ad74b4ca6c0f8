"""The pdfminer.six boundary: PDF bytes in, text out, behind three guards.

1. Inflation budget: pdfminer inflates Flate streams with ``zlib.decompress``, which happily
   turns 1 MB into 1 GB. We give ``pdfminer.pdftypes`` a ``zlib`` stand-in that inflates in
   1 MB steps and stops when the document's total passes ``Limits.max_inflated_bytes``. It
   sees every stream pdfminer decodes (content, object, xref and font streams, nested filters).
2. Page limit: the page tree's ``/Count`` is checked before any page is parsed, and pages are
   counted while parsing (``/Count`` may lie).
3. Isolation (:mod:`jobmatch.read.isolation`): the parse runs in a forked child with an
   address-space limit and a wall-clock deadline, for what the first two cannot foresee.

All pdfminer exceptions (and the assorted ``KeyError``/``TypeError``/``struct.error`` it
raises on broken files) are caught here and re-raised as ``DocumentError`` subclasses.
We never unpickle anything; pdfminer.six >= 20260107 no longer unpickles CMaps either.
"""

from __future__ import annotations

import io
import logging
import math
import re
import threading
import time
import zlib
from dataclasses import dataclass
from typing import Any

from pdfminer import pdftypes
from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import (
    LAParams,
    LTContainer,
    LTImage,
    LTItem,
    LTPage,
    LTTextBox,
    LTTextLine,
)
from pdfminer.lzw import LZWDecoder
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.psexceptions import PSException

from ..errors import (
    CorruptDocumentError,
    DocumentError,
    EmptyDocumentError,
    EncryptedDocumentError,
    NoTextLayerError,
    ParseLimitError,
)
from . import isolation as guard
from .documents import Limits

__all__ = ["ExtractedPDF", "extract_pdf", "LAPARAMS"]

log = logging.getLogger(__name__)

# pdfminer logs a warning for every harmless quirk ("Could not get FontBBox..."), which would
# drown our one-line errors on stderr; keep its errors unless the user configured the logger
_pdfminer_log = logging.getLogger("pdfminer")
if _pdfminer_log.level == logging.NOTSET:
    _pdfminer_log.setLevel(logging.ERROR)

#: layout analysis; ``all_texts`` also lays out text drawn inside form XObjects (figures)
LAPARAMS = LAParams(all_texts=True)


@dataclass(frozen=True, slots=True)
class ExtractedPDF:
    text: str
    pages: int
    warnings: tuple[str, ...] = ()


# ---------------------------------------------------------------------------- inflation budget


class _Budget(threading.local):
    remaining: int | None = None
    exceeded: bool = False


_budget = _Budget()
_STEP = 1 << 20


class _InflateLimit(Exception):
    """Raised inside pdfminer when the inflation budget is spent (not a zlib.error, so
    pdfminer's own ``except zlib.error`` fallbacks do not swallow it)."""


def _charge(n: int) -> None:
    if _budget.remaining is None:
        return
    _budget.remaining -= n
    if _budget.remaining < 0:
        _budget.exceeded = True
        raise _InflateLimit()


class _BoundedDecompressor:
    def __init__(self, *args: Any) -> None:
        self._d = zlib.decompressobj(*args)

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        out = self._d.decompress(data, max_length or _STEP)
        buf = [out]
        _charge(len(out))
        # without max_length zlib would inflate everything at once: loop in bounded steps
        while not max_length and self._d.unconsumed_tail and not self._d.eof:
            out = self._d.decompress(self._d.unconsumed_tail, _STEP)
            _charge(len(out))
            buf.append(out)
        return b"".join(buf)

    def flush(self, *args: Any) -> bytes:
        out = self._d.flush(*args)
        _charge(len(out))
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
            _charge(len(tail))
            out.write(tail)
            if not d.eof:
                raise zlib.error(
                    "Error -5 while decompressing data: incomplete or truncated stream"
                )
        return out.getvalue()


def _decompress_corrupted(data: bytes) -> bytes:
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
                _charge(len(piece))
                out.write(piece)
            return out.getvalue()  # pragma: no cover - the replay fails where the chunk did
    return out.getvalue()


def _inflate_into(d: Any, data: bytes, out: io.BytesIO) -> None:
    """Inflate ``data`` into ``out`` in bounded steps, charging the budget as it goes."""
    piece = d.decompress(data, _STEP)
    while True:
        _charge(len(piece))
        out.write(piece)
        if d.eof or not d.unconsumed_tail:
            return
        piece = d.decompress(d.unconsumed_tail, _STEP)


setattr(pdftypes, "zlib", _BoundedZlib())  # noqa: B010 - swap the module pdfminer calls
#: pdfminer's original, kept for the tests that compare the two
_pdfminer_decompress_corrupted = pdftypes.decompress_corrupted
setattr(pdftypes, "decompress_corrupted", _decompress_corrupted)  # noqa: B010


def _lzwdecode(data: bytes) -> bytes:
    """pdfminer's LZW decoder, consumed piece by piece under the inflation budget (LZW
    expands up to ~2,700:1, so 1 MB could become 2.7 GB)."""
    out = io.BytesIO()
    for piece in LZWDecoder(io.BytesIO(data)).run():
        _charge(len(piece))
        out.write(piece)
    return out.getvalue()


def _rldecode(data: bytes) -> bytes:
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
            _charge(len(out) - charged)
            charged = len(out)
    _charge(len(out) - charged)
    return bytes(out)


setattr(pdftypes, "lzwdecode", _lzwdecode)  # noqa: B010
setattr(pdftypes, "rldecode", _rldecode)  # noqa: B010


# ---------------------------------------------------------------------------- extraction


def extract_pdf(
    data: bytes, *, source: str, password: str | None = None, limits: Limits
) -> ExtractedPDF:
    """Extract the text of the PDF ``data`` under ``limits``; raise ``DocumentError``s."""
    if limits.isolate and guard.can_isolate():
        result = guard.run_isolated(
            lambda: _to_json(_parse(data, source=source, password=password, limits=limits)),
            source=source,
            timeout_s=limits.timeout_s,
            max_memory_mb=limits.max_memory_mb,
        )
        text, pages, warnings = result
        return ExtractedPDF(text=text, pages=pages, warnings=tuple(warnings))
    try:
        return _parse(data, source=source, password=password, limits=limits)
    except MemoryError as exc:
        raise ParseLimitError("parsing ran out of memory", source=source) from exc


def _parse(data: bytes, *, source: str, password: str | None, limits: Limits) -> ExtractedPDF:
    deadline = time.monotonic() + limits.timeout_s
    _budget.remaining, _budget.exceeded = limits.max_inflated_bytes, False
    try:
        return _parse_unguarded(
            data, source=source, password=password, limits=limits, deadline=deadline
        )
    except DocumentError:
        raise
    except _InflateLimit as exc:
        raise _bomb(source, limits) from exc
    except PDFPasswordIncorrect as exc:
        reason = (
            "wrong password for this encrypted PDF"
            if password
            else "encrypted PDF: it needs a password (--password)"
        )
        raise EncryptedDocumentError(reason, source=source) from exc
    except PDFEncryptionError as exc:
        raise EncryptedDocumentError(f"unsupported PDF encryption: {exc}", source=source) from exc
    except RecursionError as exc:
        raise CorruptDocumentError(
            "corrupt PDF: structure nested too deeply", source=source
        ) from exc
    except PSException as exc:
        raise CorruptDocumentError(f"corrupt PDF: {_short(exc)}", source=source) from exc
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001 - pdfminer raises builtins on broken files
        if _budget.exceeded:
            raise _bomb(source, limits) from exc
        raise CorruptDocumentError(
            f"corrupt PDF ({type(exc).__name__}: {_short(exc)})", source=source
        ) from exc
    finally:
        _budget.remaining = None


def _bomb(source: str, limits: Limits) -> ParseLimitError:
    return ParseLimitError(
        f"decompression bomb: PDF streams inflate to more than {limits.max_inflated_bytes} bytes"
        " (Limits.max_inflated_bytes)",
        source=source,
    )


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "..."


def _to_json(result: ExtractedPDF) -> list[Any]:
    return [result.text, result.pages, list(result.warnings)]


def _parse_unguarded(
    data: bytes, *, source: str, password: str | None, limits: Limits, deadline: float
) -> ExtractedPDF:
    warnings: list[str] = []
    if not data.rstrip().endswith(b"%%EOF") and b"%%EOF" not in data[-2048:]:
        warnings.append("the PDF looks truncated (no %%EOF at the end); text may be incomplete")
    doc = PDFDocument(PDFParser(io.BytesIO(data)), password=password or "")
    declared = _declared_pages(doc)
    if declared is not None and declared > limits.max_pages:
        raise ParseLimitError(_page_reason(declared, limits), source=source)
    rsrc = PDFResourceManager(caching=True)
    device = PDFPageAggregator(rsrc, laparams=LAPARAMS)
    interpreter = PDFPageInterpreter(rsrc, device)
    texts: list[str] = []
    images = scanned = 0
    for n, page in enumerate(PDFPage.create_pages(doc), start=1):
        if n > limits.max_pages:
            raise ParseLimitError(_page_reason(n, limits, at_least=True), source=source)
        if time.monotonic() > deadline:
            raise ParseLimitError(
                f"parsing took longer than {limits.timeout_s:g} s (Limits.timeout_s); stopped"
                f" at page {n}",
                source=source,
            )
        interpreter.process_page(page)
        layout = device.get_result()
        text, page_images = page_text(layout)
        texts.append(text)
        images += page_images
        scanned += bool(page_images and not text.strip())
    if _budget.exceeded:  # pdfminer swallowed our exception somewhere: still a bomb
        raise _bomb(source, limits)
    pages = len(texts)
    if pages == 0:
        raise CorruptDocumentError("corrupt PDF: no pages found", source=source)
    text = "\n\n".join(t for t in texts if t.strip())
    if not text.strip():
        if images:
            raise NoTextLayerError(
                f"no text layer: {pages} page(s) with {images} image(s) and no text (a scan?);"
                " OCR is not supported",
                source=source,
            )
        raise EmptyDocumentError(f"no text in {pages} page(s)", source=source)
    if scanned:
        warnings.append(
            f"{scanned} of {pages} page(s) are images without text (scanned?); their content"
            " is not read (no OCR)"
        )
    return ExtractedPDF(text=text, pages=pages, warnings=tuple(warnings))


def _declared_pages(doc: PDFDocument) -> int | None:
    try:
        pages = pdftypes.resolve1(doc.catalog.get("Pages"))
        count = pdftypes.resolve1(pages.get("Count")) if isinstance(pages, dict) else None
    except (PSException, KeyError, TypeError, ValueError, AttributeError):
        return None
    return count if isinstance(count, int) else None


def _page_reason(n: int, limits: Limits, *, at_least: bool = False) -> str:
    return (
        f"too many pages ({'more than ' + str(n - 1) if at_least else n} > limit"
        f" {limits.max_pages}; raise Limits.max_pages to read it)"
    )


# ---------------------------------------------------------------------------- reading order


@dataclass(frozen=True, slots=True)
class _Line:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    box: int

    @property
    def height(self) -> float:
        return max(self.y1 - self.y0, 1.0)


def _walk(item: LTItem, lines: list[_Line], box: list[int]) -> int:
    images = 0
    if isinstance(item, LTImage):
        return 1
    if isinstance(item, LTTextBox):
        box[0] += 1
        for line in item:
            if isinstance(line, LTTextLine):
                text = line.get_text().rstrip("\n")
                if text.strip():
                    lines.append(_Line(line.x0, line.y0, line.x1, line.y1, text, box[0]))
        return 0
    if isinstance(item, LTContainer):
        for child in item:
            images += _walk(child, lines, box)
    return images


def page_text(layout: LTPage) -> tuple[str, int]:
    """The text of one laid-out page in reading order, and its number of images.

    pdfminer orders text boxes well on one-column pages but interleaves the two columns of
    a sidebar resume. When a vertical gutter splits the page's lines (only a few lines, such
    as the header, cross it), each band between crossing lines is read left column first,
    then right column.
    """
    lines: list[_Line] = []
    images = _walk(layout, lines, [0])
    ordered = _column_order(lines) or lines
    out: list[str] = []
    prev: _Line | None = None
    for line in ordered:
        if prev is not None:
            if not _same_paragraph(prev, line):
                out.append("\n\n")
            elif not _HYPHENATED.search(prev.text) or not line.text[:1].islower():
                out.append("\n")
            # else: "open-" + "source" -> "open-source" (keep the hyphen, drop the break)
        out.append(line.text)
        prev = line
    return "".join(out), images


_MAX_COLUMN_LINES = 1500
_HYPHENATED = re.compile(r"[^\W\d_]-$")


def _same_paragraph(prev: _Line, line: _Line) -> bool:
    """``line`` continues ``prev``'s paragraph: it sits just below it, in the same column.

    Decided from geometry rather than pdfminer's text boxes, which sometimes split one
    bullet into two boxes (and so would put a paragraph break inside "conflict resolution").
    """
    if line.box == prev.box:
        return True
    gap = prev.y0 - line.y1
    overlap = min(prev.x1, line.x1) - max(prev.x0, line.x0)
    return -0.5 * line.height < gap < 0.8 * max(line.height, prev.height) and overlap > 0


def _column_order(lines: list[_Line]) -> list[_Line] | None:
    if not 8 <= len(lines) <= _MAX_COLUMN_LINES:
        return None
    left_edge = min(ln.x0 for ln in lines)
    right_edge = max(ln.x1 for ln in lines)
    width = right_edge - left_edge
    total = sum(ln.height for ln in lines)
    if not (math.isfinite(width) and math.isfinite(total)) or width <= 0:
        return None
    # candidate gutters every ~2 pt across the middle 70 %, but never more than 300 of them
    # (a corrupt PDF may put a line at x = 1e12)
    steps = min(300, int(0.7 * width / 2.0) + 1)
    best: tuple[float, float] | None = None  # (crossing height, x)
    for k in range(steps):
        x = left_edge + 0.15 * width + k * 0.7 * width / steps
        crossing = sum(ln.height for ln in lines if ln.x0 < x - 1 and ln.x1 > x + 1)
        if best is None or crossing < best[0]:
            best = (crossing, x)
    if best is None or best[0] > 0.2 * total:
        return None
    gutter = best[1]
    left = [ln for ln in lines if ln.x1 <= gutter + 1]
    right = [ln for ln in lines if ln.x0 >= gutter - 1 and ln.x1 > gutter + 1]
    cross = [ln for ln in lines if ln.x0 < gutter - 1 and ln.x1 > gutter + 1]
    if min(sum(ln.height for ln in left), sum(ln.height for ln in right)) < 0.15 * total:
        return None
    if min(len(left), len(right)) < 3:
        return None

    def top_down(group: list[_Line]) -> list[_Line]:
        return sorted(group, key=lambda ln: (-ln.y1, ln.x0))

    ordered: list[_Line] = []
    upper = float("inf")
    for c in [*top_down(cross), None]:
        lower = (c.y0 + c.y1) / 2 if c is not None else float("-inf")

        def inside(ln: _Line, hi: float = upper, lo: float = lower) -> bool:
            return lo < (ln.y0 + ln.y1) / 2 <= hi

        ordered += top_down([ln for ln in left if inside(ln)])
        ordered += top_down([ln for ln in right if inside(ln)])
        if c is not None:
            ordered.append(c)
            upper = lower
    return ordered
