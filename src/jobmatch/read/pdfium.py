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
from collections.abc import Callable
from typing import Any

from ..errors import (
    CorruptDocumentError,
    DocumentError,
    EncryptedDocumentError,
    ParseLimitError,
)
from ..models import Limits
from .pdf_inflate import check_inflated_size
from .pdf_layout import TextLine, lines_text
from .pdf_result import (
    ExtractedPDF,
    PageText,
    assemble,
    page_limit_reason,
    run_parser,
    timeout_reason,
)

__all__ = ["extract_pdf", "parse_pdf", "available"]

#: pdfminer's LAParams defaults, which the pdfminer engine uses
_CHAR_MARGIN = 2.0
_LINE_MARGIN = 0.5
_WORD_MARGIN = 0.1
_OVERHANG_MARGIN = 0.02
#: glyphs whose box may be wider than their advance; others ("r" in a justified line)
#: have real small gaps that are no word break
_OVERHANGING = frozenset("f")
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
    return run_parser(parse_pdf, data, source=source, password=password, limits=limits, clock=clock)


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
        limits: the inflation, page and time (between pages) limits.
        clock: the clock the time limit is measured with.

    Returns:
        The :class:`~jobmatch.read.pdf_result.ExtractedPDF`.

    Raises:
        DocumentError: as :func:`extract_pdf`.
    """
    pdfium = _pypdfium2()
    deadline = clock() + limits.timeout_s
    # under the isolation's time and memory limits, like the parse itself
    check_inflated_size(data, source=source, limits=limits)
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
            else EncryptedDocumentError.NEEDS_PASSWORD
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
    """A line built from characters: its text and box."""

    __slots__ = ("chars", "x0", "y0", "x1", "y1")

    def __init__(self, chars: list[str], box: tuple[float, float, float, float]) -> None:
        self.chars = chars
        self.x0, self.y0, self.x1, self.y1 = box

    def text(self) -> str:
        return "".join(self.chars).strip()


class _Page:
    """Reads a text page's characters into lines (the hot loop: one pass, plain floats).

    A glyph continues the current line when it overlaps it vertically by half the smaller
    height and starts within two glyph widths of the last one (pdfminer's ``char_margin``).
    A space is inserted where the gap exceeds pdfminer's ``word_margin`` (0.1 of the glyph's
    size); after an "f" whose ink reaches its box's right edge (a Times "f",
    whose box is wider than its advance) any clear gap counts, because PDFium drops the
    space character there ("of what" would read "ofwhat").
    """

    def __init__(self, textpage: Any) -> None:
        raw = _pypdfium2("pypdfium2.raw")
        self.handle = textpage.raw
        self.count = textpage.count_chars()
        self.text = textpage.get_text_range(0, self.count) if self.count else ""
        self.loose, self.tight = raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetCharBox
        self.rect = raw.FS_RECTF()
        self.ink = [ctypes.c_double() for _ in range(4)]

    def overhangs(self, index: int, right: float) -> bool:
        """The glyph at ``index`` has ink up to its box's right edge ``right``."""
        return bool(self.tight(self.handle, index, *self.ink)) and self.ink[1].value >= right - 0.01

    def word_gap(self, gap: float, width: float, height: float, last: int) -> bool:
        """A gap of ``gap`` before a glyph of this size, after glyph ``last``, is a space."""
        size = max(width, height)
        if gap <= _OVERHANG_MARGIN * size:
            return False
        if gap > _WORD_MARGIN * size:
            return True
        return self.text[last] in _OVERHANGING and self.overhangs(last, self.right_of(last))

    def right_of(self, index: int) -> float:
        """The right edge of glyph ``index``'s box."""
        self.loose(self.handle, index, self.rect)
        return float(self.rect.right)

    def lines(self) -> list[_Line]:
        out: list[_Line] = []
        chars: list[str] = []
        x0 = y0 = x1 = y1 = right = width = 0.0
        last = -1  # index of the line's last glyph
        rect, loose, handle = self.rect, self.loose, self.handle
        for i, ch in enumerate(self.text[: self.count]):
            if ch in "\r\n" or ch == _SOFT_BREAK:
                if ch == _SOFT_BREAK and chars:
                    chars.append("-")
                if chars:
                    out.append(_Line(chars, (x0, y0, x1, y1)))
                chars = []
                continue
            if ch.isspace():
                if chars and chars[-1] != " ":
                    chars.append(" ")
                continue
            if not loose(handle, i, rect):
                if chars:
                    chars.append(ch)
                continue
            left, bottom, r, top = rect.left, rect.bottom, rect.right, rect.top
            if r <= left or top <= bottom:
                if chars:
                    chars.append(ch)
                continue
            if chars and _breaks(left, bottom, r, top, (x0, y0, x1, y1), width):
                out.append(_Line(chars, (x0, y0, x1, y1)))
                chars = []
            if chars:
                if chars[-1] != " " and self.word_gap(left - right, r - left, top - bottom, last):
                    chars.append(" ")
                x0, y0 = min(x0, left), min(y0, bottom)
                x1, y1 = max(x1, r), max(y1, top)
            else:
                x0, y0, x1, y1 = left, bottom, r, top
            chars.append(ch)
            right, width, last = r, r - left, i
        if chars:
            out.append(_Line(chars, (x0, y0, x1, y1)))
        return [ln for ln in out if ln.text() and ln.x0 < ln.x1]


def _breaks(
    left: float,
    bottom: float,
    right: float,
    top: float,
    line: tuple[float, float, float, float],
    width: float,
) -> bool:
    """A glyph at this box starts a new line after ``line`` (whose last glyph is ``width``
    wide): it overlaps the line vertically by less than half the smaller height, or starts
    more than two glyph widths away from the line's end."""
    x0, y0, x1, y1 = line
    overlap = min(y1, top) - max(y0, bottom)
    if overlap < 0.5 * min(y1 - y0, top - bottom):
        return True
    margin = _CHAR_MARGIN * max(width, right - left, 1.0)
    return not -margin < left - x1 < margin


def _lines(textpage: Any) -> list[_Line]:
    return _Page(textpage).lines()


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
