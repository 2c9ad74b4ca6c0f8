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
    saved_on,
    timeout_reason,
)
from .pdfium_lines import page_lines

__all__ = ["extract_pdf", "parse_pdf", "available"]

#: pdfminer's LAParams default for grouping lines into text boxes
_LINE_MARGIN = 0.5
# blocks whose tops differ by less than this share of a line height are level (read left to right)
_LEVEL = 0.5
_FPDF_ERR_PASSWORD = 4
_FPDF_ERR_SECURITY = 5


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
    pdfium, pdfium_c = _pypdfium2(), _pypdfium2("pypdfium2.raw")  # once, not per page
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
            pages.append(_page_text(pdfium, pdfium_c, doc, n - 1, source=source))
        # the two dates only (the whole metadata dictionary is eight calls)
        dated = saved_on(doc.get_metadata_value("ModDate"), doc.get_metadata_value("CreationDate"))
        return assemble(pages, source=source, warnings=warnings, dated=dated)
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


def _page_text(pdfium: Any, pdfium_c: Any, doc: Any, index: int, *, source: str) -> PageText:
    try:
        page = doc[index]
    except pdfium.PdfiumError as exc:
        raise CorruptDocumentError(f"corrupt PDF: page {index + 1}: {exc}", source=source) from exc
    try:
        textpage = page.get_textpage()
        try:
            lines = page_lines(textpage, pdfium_c)
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


# ---------------------------------------------------------------------------- blocks


def _reading_rows(groups: list[list[int]], lines: list[TextLine]) -> list[list[int]]:
    """Blocks top-down, and left to right among blocks whose tops are level.

    Two tops count as level when they differ by less than half the first block's first
    line height: a date column drawn beside a role ("2021 -" / "Present" to the left of
    "Machine Learning Engineer, OpenAI") may sit a fraction of a point lower than the role's
    line, and is still read first, as pdfminer does.
    """
    by_top = sorted(groups, key=lambda g: (-lines[g[0]].y1, lines[g[0]].x0))
    rows: list[list[list[int]]] = []
    anchor, row_height = 0.0, 1.0
    for g in by_top:
        first = lines[g[0]]
        if rows and anchor - first.y1 < _LEVEL * row_height:
            rows[-1].append(g)
            continue
        anchor, row_height = first.y1, max(first.y1 - first.y0, 1.0)
        rows.append([g])
    return [g for row in rows for g in sorted(row, key=lambda g: lines[g[0]].x0)]


def _blocks(lines: list[TextLine]) -> list[TextLine]:
    """The page's lines in block order (blocks top-down, then left to right; lines of a
    block top-down), each tagged with its block id (``box``, set on the line itself).

    Lines are grouped as pdfminer groups them into a text box: two lines are neighbours
    when they are vertically within half a line height (the taller one's) of each other,
    overlap horizontally, and are aligned on the left, the right or the centre (within the
    same tolerance).
    """
    parent = list(range(len(lines)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # each line's edges, height and centre, read once (the pairs test them many times)
    boxes = [(ln.x0, ln.y0, ln.x1, ln.y1, ln.y1 - ln.y0, (ln.x0 + ln.x1) / 2) for ln in lines]
    order = sorted(range(len(lines)), key=lambda i: -lines[i].y1)
    for pos, i in enumerate(order):
        ax0, ay0, ax1, ay1, ah, ac = boxes[i]
        # only lines within a few line heights below can be neighbours
        below = ay0 - 3 * ah
        for j in order[pos + 1 : pos + 40]:
            bx0, by0, bx1, by1, bh, bc = boxes[j]
            if by1 < below:
                break
            d = _LINE_MARGIN * (bh if bh > ah else ah)  # max(ah, bh), NaN alike
            if (
                by1 > ay0 - d
                and by0 < ay1 + d
                # the edges are no NaN (a line is kept only when x0 < x1): for them
                # abs(x) < d is -d < x < d, and min(ax1, bx1) > max(ax0, bx0) is this
                and ax1 > bx0
                and bx1 > ax0
                and (-d < ax0 - bx0 < d or -d < ax1 - bx1 < d or -d < ac - bc < d)
            ):
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in order:
        groups.setdefault(root(i), []).append(i)
    ranked = _reading_rows([groups[k] for k in groups], lines)
    out: list[TextLine] = []
    for box, group in enumerate(ranked, start=1):
        for i in group:
            ln = lines[i]
            ln.box = box
            out.append(ln)
    return out
