"""The PDFium engine (pypdfium2, the ``jobmatch[pdfium]`` extra): PDF text many times faster.

PDFium (the PDF engine of Chromium) extracts the characters of a page with their boxes in
C; this module turns them into the lines and text blocks pdfminer.six's layout analysis
would find (same margins: a gap wider than two characters ends a line, lines closer than
half a line height and aligned on an edge or the centre form a block) and hands them to
:mod:`jobmatch.read.pdf_layout`, so both engines order columns and paragraphs alike.

The guards are pdfminer's: the page count is checked before any page is parsed, the time
limit between pages, the parse runs isolated in a forked child (:mod:`jobmatch.read.isolation`,
with the address-space and time limits), and since PDFium inflates streams in C where no
budget can reach, the compressed streams are first inflated (and thrown away) under
``Limits.max_inflated_bytes`` (:func:`jobmatch.read.pdf_inflate.inflated_size`).
Encrypted, image-only, empty and corrupt files get the same one-line errors as with pdfminer.
"""

from __future__ import annotations

import ctypes
import importlib
import time
from collections.abc import Callable, Iterator
from typing import Any

from ..errors import (
    CorruptDocumentError,
    DocumentError,
    EncryptedDocumentError,
    ParseLimitError,
)
from ..models import Limits
from . import isolation as guard
from .pdf_inflate import check_inflated_size
from .pdf_layout import TextLine, lines_text
from .pdf_result import ExtractedPDF, PageText, assemble, page_limit_reason, timeout_reason

__all__ = ["extract_pdf", "parse_pdf", "available"]

#: pdfminer's LAParams defaults, which the pdfminer engine uses
_CHAR_MARGIN = 2.0
_LINE_MARGIN = 0.5
_WORD_MARGIN = 0.1
_OVERHANG_MARGIN = 0.02
_FPDF_ERR_PASSWORD = 4
_FPDF_ERR_SECURITY = 5
#: PDFium marks a hyphen it took for a word break at a line end with U+FFFE
_SOFT_BREAK = "\ufffe"


def available() -> bool:
    """True when pypdfium2 (the ``jobmatch[pdfium]`` extra) is installed."""
    try:
        _pypdfium2()
    except ImportError:
        return False
    return True


def _pypdfium2(name: str = "pypdfium2") -> Any:
    # imported by name: pypdfium2 ships no type information, and it is an optional extra
    return importlib.import_module(name)


def extract_pdf(
    data: bytes,
    *,
    source: str,
    password: str | None = None,
    limits: Limits,
    clock: Callable[[], float] = time.monotonic,
) -> ExtractedPDF:
    """Extract the text of the PDF ``data`` under ``limits`` with PDFium.

    Args:
        data: the PDF's bytes.
        source: the name used in errors.
        password: the user password of an encrypted PDF.
        limits: the guards (isolation, time, memory, pages, inflation).
        clock: the clock the time limits are measured with (tests pass a fake one).

    Returns:
        The :class:`~jobmatch.read.pdf_result.ExtractedPDF`.

    Raises:
        DocumentError: a subclass of it for an encrypted, corrupt, image-only, empty or
            too large PDF, one that passes a limit, or when pypdfium2 is not installed.
    """
    if not available():
        raise DocumentError(
            "the pdfium engine needs pypdfium2: pip install 'jobmatch[pdfium]'", source=source
        )
    check_inflated_size(data, source=source, limits=limits)
    if limits.isolate and guard.can_isolate():
        result = guard.run_isolated(
            lambda: _to_json(parse_pdf(data, source=source, password=password, limits=limits)),
            source=source,
            timeout_s=limits.timeout_s,
            max_memory_mb=limits.max_memory_mb,
            clock=clock,
        )
        text, pages, warnings = result
        return ExtractedPDF(text=text, pages=pages, warnings=tuple(warnings))
    try:
        return parse_pdf(data, source=source, password=password, limits=limits, clock=clock)
    except MemoryError as exc:
        raise ParseLimitError("parsing ran out of memory", source=source) from exc


def _to_json(result: ExtractedPDF) -> list[Any]:
    return [result.text, result.pages, list(result.warnings)]


def parse_pdf(
    data: bytes,
    *,
    source: str,
    password: str | None,
    limits: Limits,
    clock: Callable[[], float] = time.monotonic,
) -> ExtractedPDF:
    """Parse the PDF in this process (the body of :func:`extract_pdf`, without isolation).

    Args:
        data: the PDF's bytes.
        source: the name used in errors.
        password: the user password of an encrypted PDF.
        limits: the page and time (between pages) limits.
        clock: the clock the time limit is measured with.

    Returns:
        The :class:`~jobmatch.read.pdf_result.ExtractedPDF`.

    Raises:
        DocumentError: as :func:`extract_pdf`.
    """
    pdfium = _pypdfium2()
    deadline = clock() + limits.timeout_s
    warnings: list[str] = []
    if not data.rstrip().endswith(b"%%EOF") and b"%%EOF" not in data[-2048:]:
        warnings.append("the PDF looks truncated (no %%EOF at the end); text may be incomplete")
    try:
        doc = pdfium.PdfDocument(data, password=password or None)
    except pdfium.PdfiumError as exc:
        raise _open_error(exc, source=source, password=password) from exc
    try:
        count = len(doc)
        if count > limits.max_pages:
            raise ParseLimitError(page_limit_reason(count, limits), source=source)
        pages: list[PageText] = []
        for n in range(1, count + 1):
            if clock() > deadline:
                raise ParseLimitError(timeout_reason(limits, n), source=source)
            pages.append(_page_text(doc, n - 1, source=source))
        return assemble(pages, source=source, warnings=warnings)
    finally:
        doc.close()


def _open_error(exc: Exception, *, source: str, password: str | None) -> DocumentError:
    code = getattr(exc, "err_code", None)
    if code == _FPDF_ERR_PASSWORD:
        reason = (
            "wrong password for this encrypted PDF"
            if password
            else "encrypted PDF: it needs a password (--password)"
        )
        return EncryptedDocumentError(reason, source=source)
    if code == _FPDF_ERR_SECURITY:
        return EncryptedDocumentError("unsupported PDF encryption", source=source)
    reason = " ".join(str(exc).split()) or type(exc).__name__
    return CorruptDocumentError(f"corrupt PDF: {reason}", source=source)


def _page_text(doc: Any, index: int, *, source: str) -> PageText:
    pdfium = _pypdfium2()
    pdfium_c = _pypdfium2("pypdfium2.raw")

    try:
        page = doc[index]
    except pdfium.PdfiumError as exc:
        raise CorruptDocumentError(f"corrupt PDF: page {index + 1}: {exc}", source=source) from exc
    try:
        textpage = page.get_textpage()
        try:
            lines = _lines(textpage)
        finally:
            textpage.close()
        text = lines_text(_blocks(lines))
        # images matter only on pages without text (a scan); counting costs a call per object
        images = 0 if text.strip() else _count_images(pdfium_c, page.raw)
    finally:
        page.close()
    return PageText(text, images)


def _count_images(raw: Any, page: Any, depth: int = 0) -> int:
    """Image objects on a page, in form XObjects too (pdfminer's count of LTImage)."""
    count_objects, get_object = (
        (raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject)
        if depth == 0
        else (raw.FPDFFormObj_CountObjects, raw.FPDFFormObj_GetObject)
    )
    images = 0
    for i in range(count_objects(page)):
        obj = get_object(page, i)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_IMAGE:
            images += 1
        elif kind == raw.FPDF_PAGEOBJ_FORM and depth < 15:
            images += _count_images(raw, obj, depth + 1)
    return images


# ---------------------------------------------------------------------------- lines


class _Line:
    """A line being built from characters: text and box."""

    __slots__ = ("chars", "x0", "y0", "x1", "y1", "width", "right", "overhang")

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.x0 = self.y0 = float("inf")
        self.x1 = self.y1 = float("-inf")
        self.width = 0.0  # the last glyph's width, for the gap rule
        self.right = float("-inf")  # the last glyph's right edge
        self.overhang = False  # the last glyph's box is wider than its advance

    def add(self, ch: str, box: _Box, overhang: bool) -> None:
        left, bottom, right, top = box
        # pdfminer's word_margin: a gap wider than 0.1 of the glyph's size is a space; after
        # an overhanging glyph the box hides most of the gap (PDFium drops the space char
        # there: "of what" would read "ofwhat"), so any clear gap counts
        margin = _OVERHANG_MARGIN if self.overhang else _WORD_MARGIN
        if self.chars and self.chars[-1] != " " and ch != " ":
            if left - self.right > margin * max(right - left, top - bottom):
                self.chars.append(" ")
        self.right, self.overhang = right, overhang
        self.chars.append(ch)
        self.x0, self.y0 = min(self.x0, left), min(self.y0, bottom)
        self.x1, self.y1 = max(self.x1, right), max(self.y1, top)
        self.width = right - left

    def continues(self, box: tuple[float, float, float, float]) -> bool:
        """A glyph at ``box`` belongs to this line: it overlaps it vertically and follows it
        within two glyph widths (pdfminer's ``char_margin``)."""
        if not self.chars:
            return True
        left, bottom, right, top = box
        overlap = min(self.y1, top) - max(self.y0, bottom)
        if overlap < 0.5 * min(self.y1 - self.y0, top - bottom):
            return False
        margin = _CHAR_MARGIN * max(self.width, right - left, 1.0)
        return -margin < left - self.x1 < margin

    def text(self) -> str:
        return "".join(self.chars).strip()


_Box = tuple[float, float, float, float]


def _chars(textpage: Any) -> Iterator[tuple[str, _Box | None, bool]]:
    """Each character of the page with its box (font bounds, as pdfminer's; ``None`` for
    spaces and the line breaks PDFium generates) and whether its ink reaches the box's
    right edge (an overhanging glyph such as a Times "f", whose box is wider than its
    advance)."""
    raw = _pypdfium2("pypdfium2.raw")
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count else ""
    rect = raw.FS_RECTF()
    ink = [ctypes.c_double() for _ in range(4)]
    loose_box, tight_box, handle = (
        raw.FPDFText_GetLooseCharBox,
        raw.FPDFText_GetCharBox,
        textpage.raw,
    )
    for i, ch in enumerate(text[:count]):
        if ch.isspace() or ch == _SOFT_BREAK or not loose_box(handle, i, rect):
            yield ch, None, False
            continue
        left, bottom, right, top = rect.left, rect.bottom, rect.right, rect.top
        if right <= left or top <= bottom:
            yield ch, None, False
            continue
        # lower case only: letter-spaced capitals ("SOFTWARE") have gaps after every glyph
        overhang = (
            ch.islower() and bool(tight_box(handle, i, *ink)) and ink[1].value >= right - 0.01
        )
        yield ch, (left, bottom, right, top), overhang


def _lines(textpage: Any) -> list[_Line]:
    lines: list[_Line] = []
    line = _Line()
    for ch, box, overhang in _chars(textpage):
        if ch in "\r\n" or ch == _SOFT_BREAK:
            if ch == _SOFT_BREAK:
                line.chars.append("-")
            if line.chars:
                lines.append(line)
            line = _Line()
            continue
        if box is None:
            if line.chars:
                line.chars.append(" " if ch.isspace() else ch)
            continue
        if not line.continues(box):
            lines.append(line)
            line = _Line()
        line.add(ch, box, overhang)
    if line.chars:
        lines.append(line)
    return [ln for ln in lines if ln.text() and ln.x0 < ln.x1]


# ---------------------------------------------------------------------------- blocks


def _neighbours(a: _Line, b: _Line) -> bool:
    """pdfminer's grouping of lines into a text box: vertically within half a line height
    and aligned on the left, the right or the centre (same tolerance)."""
    d = _LINE_MARGIN * max(a.y1 - a.y0, b.y1 - b.y0)
    if not (b.y1 > a.y0 - d and b.y0 < a.y1 + d):
        return False
    aligned = (
        abs(a.x0 - b.x0) < d
        or abs(a.x1 - b.x1) < d
        or abs((a.x0 + a.x1) / 2 - (b.x0 + b.x1) / 2) < d
    )
    return aligned and min(a.x1, b.x1) > max(a.x0, b.x0)


def _blocks(lines: list[_Line]) -> list[TextLine]:
    """The page's lines in block order (blocks top-down, then left to right; lines of a
    block top-down), each tagged with its block id."""
    parent = list(range(len(lines)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    order = sorted(range(len(lines)), key=lambda i: -lines[i].y1)
    for pos, i in enumerate(order):
        # only lines within a few line heights below can be neighbours
        for j in order[pos + 1 : pos + 40]:
            if lines[j].y1 < lines[i].y0 - 3 * (lines[i].y1 - lines[i].y0):
                break
            if _neighbours(lines[i], lines[j]):
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in order:
        groups.setdefault(root(i), []).append(i)
    ranked = sorted(groups.values(), key=lambda g: (-lines[g[0]].y1, lines[g[0]].x0))
    out: list[TextLine] = []
    for box, group in enumerate(ranked, start=1):
        for i in group:
            ln = lines[i]
            out.append(TextLine(ln.x0, ln.y0, ln.x1, ln.y1, ln.text(), box))
    return out
