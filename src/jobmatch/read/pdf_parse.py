"""The pdfminer.six parse, in the process that parses (a forked child, or this one).

:mod:`jobmatch.read.pdf` is the engine's front; this module holds what imports pdfminer, so
that a process which only hands PDFs to a parser child (``jobmatch score``) never imports
it: the child does, while the parent builds its scorer.

All pdfminer exceptions (and the assorted ``KeyError``/``TypeError``/``struct.error`` it
raises on broken files) are caught here and re-raised as ``DocumentError`` subclasses.
We never unpickle anything; pdfminer.six >= 20260107 no longer unpickles CMaps either.
The page's reading order is decided by :mod:`jobmatch.read.pdf_layout`, as for pdfium.
"""

from __future__ import annotations

import io
import logging
import time
from collections.abc import Callable

from pdfminer import pdftypes
from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LAParams, LTContainer, LTImage, LTItem, LTPage, LTTextBox, LTTextLine
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.psexceptions import PSException

from ..errors import CorruptDocumentError, DocumentError, EncryptedDocumentError, ParseLimitError
from ..models import Limits
from . import pdf_inflate
from .pdf_layout import TextLine, lines_text
from .pdf_result import (
    ExtractedPDF,
    PageText,
    assemble,
    bomb_error,
    page_limit_reason,
    saved_on,
    timeout_reason,
)

__all__ = ["parse_pdf", "page_text", "LAPARAMS", "short_reason"]

log = logging.getLogger(__name__)

# pdfminer logs a warning for every harmless quirk ("Could not get FontBBox..."), which would
# drown our one-line errors on stderr; keep its errors unless the user configured the logger
_pdfminer_log = logging.getLogger("pdfminer")
if _pdfminer_log.level == logging.NOTSET:
    _pdfminer_log.setLevel(logging.ERROR)

#: layout analysis; ``all_texts`` also lays out text drawn inside form XObjects (figures)
LAPARAMS = LAParams(all_texts=True)


def parse_pdf(
    data: bytes,
    *,
    source: str,
    password: str | None,
    limits: Limits,
    clock: Callable[[], float] = time.monotonic,
) -> ExtractedPDF:
    """Parse the PDF in this process (the body of :func:`~jobmatch.read.pdf.extract_pdf`,
    without isolation).

    Args:
        data: the PDF's bytes.
        source: the name used in errors.
        password: the user password of an encrypted PDF.
        limits: the page, time (between pages) and inflation limits.
        clock: the clock the time limit is measured with.

    Returns:
        The :class:`~jobmatch.read.pdf_result.ExtractedPDF`.

    Raises:
        DocumentError: as :func:`~jobmatch.read.pdf.extract_pdf`.
        MemoryError: the parse ran out of memory.
    """
    deadline = clock() + limits.timeout_s
    budget = pdf_inflate.budget
    budget.remaining, budget.exceeded = limits.max_inflated_bytes, False
    try:
        return _parse_unguarded(
            data, source=source, password=password, limits=limits, deadline=(clock, deadline)
        )
    except (DocumentError, MemoryError):
        raise
    except pdf_inflate.InflateLimit as exc:
        raise bomb_error(source, limits) from exc
    except Exception as exc:  # noqa: BLE001 - pdfminer raises builtins on broken files
        raise _translate(exc, source=source, password=password, limits=limits) from exc
    finally:
        budget.remaining = None


def _translate(
    exc: Exception, *, source: str, password: str | None, limits: Limits
) -> DocumentError:
    if isinstance(exc, PDFPasswordIncorrect):
        reason = (
            "wrong password for this encrypted PDF"
            if password
            else EncryptedDocumentError.NEEDS_PASSWORD
        )
        return EncryptedDocumentError(reason, source=source)
    if isinstance(exc, PDFEncryptionError):
        return EncryptedDocumentError(f"unsupported PDF encryption: {exc}", source=source)
    if isinstance(exc, RecursionError):
        return CorruptDocumentError("corrupt PDF: structure nested too deeply", source=source)
    if isinstance(exc, PSException):
        return CorruptDocumentError(f"corrupt PDF: {short_reason(exc)}", source=source)
    if pdf_inflate.budget.exceeded:
        return bomb_error(source, limits)
    return CorruptDocumentError(
        f"corrupt PDF ({type(exc).__name__}: {short_reason(exc)})", source=source
    )


def short_reason(exc: BaseException) -> str:
    """An exception's message on one line, at most 120 characters.

    Args:
        exc: the exception.

    Returns:
        Its message (or its class name when it has none).
    """
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "..."


def _parse_unguarded(
    data: bytes,
    *,
    source: str,
    password: str | None,
    limits: Limits,
    deadline: tuple[Callable[[], float], float],
) -> ExtractedPDF:
    warnings: list[str] = []
    if not data.rstrip().endswith(b"%%EOF") and b"%%EOF" not in data[-2048:]:
        warnings.append("the PDF looks truncated (no %%EOF at the end); text may be incomplete")
    doc = PDFDocument(PDFParser(io.BytesIO(data)), password=password or "")
    declared = _declared_pages(doc)
    if declared is not None and declared > limits.max_pages:
        raise ParseLimitError(page_limit_reason(declared, limits), source=source)
    rsrc = PDFResourceManager(caching=True)
    device = PDFPageAggregator(rsrc, laparams=LAPARAMS)
    interpreter = PDFPageInterpreter(rsrc, device)
    pages: list[PageText] = []
    clock, until = deadline
    for n, page in enumerate(PDFPage.create_pages(doc), start=1):
        if n > limits.max_pages:
            raise ParseLimitError(page_limit_reason(n, limits, at_least=True), source=source)
        if clock() > until:
            raise ParseLimitError(timeout_reason(limits, n), source=source)
        interpreter.process_page(page)
        pages.append(page_text(device.get_result()))
    if pdf_inflate.budget.exceeded:  # pdfminer swallowed our exception somewhere: still a bomb
        raise bomb_error(source, limits)
    return assemble(pages, source=source, warnings=warnings, dated=_saved_on(doc))


def _saved_on(doc: PDFDocument) -> str | None:
    """The day the PDF was last saved, from its information dictionaries."""
    values: list[object] = []
    for info in doc.info:
        if isinstance(info, dict):
            values += [pdftypes.resolve1(info.get(k)) for k in ("ModDate", "CreationDate")]
    return saved_on(*values)


def _declared_pages(doc: PDFDocument) -> int | None:
    try:
        pages = pdftypes.resolve1(doc.catalog.get("Pages"))
        count = pdftypes.resolve1(pages.get("Count")) if isinstance(pages, dict) else None
    except (PSException, KeyError, TypeError, ValueError, AttributeError):
        return None
    return count if isinstance(count, int) else None


def _walk(item: LTItem, lines: list[TextLine], box: list[int]) -> int:
    images = 0
    if isinstance(item, LTImage):
        return 1
    if isinstance(item, LTTextBox):
        box[0] += 1
        for line in item:
            if isinstance(line, LTTextLine):
                text = line.get_text().rstrip("\n")
                if text.strip():
                    lines.append(TextLine(line.x0, line.y0, line.x1, line.y1, text, box[0]))
        return 0
    if isinstance(item, LTContainer):
        for child in item:
            images += _walk(child, lines, box)
    return images


def page_text(layout: LTPage) -> PageText:
    """The text of one page laid out by pdfminer, in reading order, and its image count.

    Args:
        layout: the page as pdfminer's layout analysis returns it.

    Returns:
        The :class:`~jobmatch.read.pdf_result.PageText` (order: see
        :func:`jobmatch.read.pdf_layout.lines_text`).
    """
    lines: list[TextLine] = []
    images = _walk(layout, lines, [0])
    return PageText(lines_text(lines), images)
