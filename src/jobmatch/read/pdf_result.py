"""What both PDF engines share: their result, their engine names and their one-line errors.

The pdfminer.six engine (:mod:`jobmatch.read.pdf`) and the pypdfium2 engine
(:mod:`jobmatch.read.pdfium`) differ in how they get text out of a page; the checks on
what comes out (page limits, time limit, empty or image-only documents) and the words of
the errors are the same, so they live here.
"""

from __future__ import annotations

import dataclasses
import importlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from ..errors import CorruptDocumentError, EmptyDocumentError, NoTextLayerError, ParseLimitError
from ..models import Limits
from . import isolation, parse_worker

__all__ = [
    "PDF_ENGINES",
    "ExtractedPDF",
    "PageText",
    "check_engine",
    "default_pdf_engine",
    "PDF_ENGINE_VARIABLE",
    "page_limit_reason",
    "timeout_reason",
    "assemble",
    "bomb_error",
    "Parser",
    "run_parser",
    "parse_json",
    "saved_on",
]

#: the PDF text engines :func:`jobmatch.read_document` accepts; the first is the default
PDF_ENGINES = ("pdfminer", "pdfium")
#: the environment variable naming the engine used when none is passed
PDF_ENGINE_VARIABLE = "JOBMATCH_PDF_ENGINE"


@dataclass(frozen=True, slots=True)
class ExtractedPDF:
    """The text of a PDF as an engine extracted it (before the quality gate).

    Attributes:
        text: the pages' text, pages separated by a blank line.
        pages: the number of pages.
        warnings: one-line warnings (truncated file, scanned pages).
    """

    text: str
    pages: int
    warnings: tuple[str, ...] = ()
    #: the day the PDF says it was last saved (ISO 8601), from its metadata; see
    #: :func:`saved_on`
    dated: str | None = None


#: a PDF date string: ``D:YYYYMMDD...`` (PDF 32000-1, 7.9.4), the ``D:`` often left out
_PDF_DATE = re.compile(r"\s*(?:D:)?(\d{4})(\d{2})(\d{2})")


def saved_on(*values: object) -> str | None:
    """The latest valid day among PDF date strings (the ``ModDate`` and ``CreationDate`` of
    a PDF's information dictionary), as an ISO date; ``None`` without one.

    A day before 1980 or after today is no date (a wrong clock or a placeholder).

    >>> saved_on("D:20210808155011+05'30'", b"D:20190101")
    '2021-08-08'
    """
    found: list[date] = []
    for value in values:
        text = value.decode("latin-1") if isinstance(value, bytes) else value
        match = _PDF_DATE.match(text) if isinstance(text, str) else None
        if match is None:
            continue
        try:
            day = date(*(int(g) for g in match.groups()))
        except ValueError:
            continue
        if 1980 <= day.year and day <= date.today():
            found.append(day)
    return max(found).isoformat() if found else None


@dataclass(frozen=True, slots=True)
class PageText:
    """The text of one page in reading order and the number of images on it."""

    text: str
    images: int


def default_pdf_engine() -> str:
    """The engine used when none is passed: ``$JOBMATCH_PDF_ENGINE``, else ``"pdfminer"``.

    The command line's ``--pdf-engine`` sets the variable for the run, so forked batch
    workers and every library function that reads a file use the same engine.

    Returns:
        The engine name (not checked; see :func:`check_engine`).
    """
    return os.environ.get(PDF_ENGINE_VARIABLE) or PDF_ENGINES[0]


def check_engine(engine: str | None) -> str:
    """The engine to use: ``engine``, or the default when ``None``; refuse unknown names.

    Args:
        engine: the name given by the caller, or ``None``.

    Returns:
        One of :data:`PDF_ENGINES`.

    Raises:
        ValueError: the name is not one of :data:`PDF_ENGINES`.
    """
    name = default_pdf_engine() if engine is None else engine
    if name not in PDF_ENGINES:
        raise ValueError(f"unknown PDF engine {name!r} (choose from {', '.join(PDF_ENGINES)})")
    return name


def page_limit_reason(n: int, limits: Limits, *, at_least: bool = False) -> str:
    """The reason given when a PDF has more than ``limits.max_pages`` pages.

    Args:
        n: the page count declared, or (``at_least``) the number of the page reached.
        limits: the limits in force.
        at_least: the count was found while parsing (the declared count lied).

    Returns:
        The one-line reason.
    """
    return (
        f"too many pages ({'more than ' + str(n - 1) if at_least else n} > limit"
        f" {limits.max_pages}; raise Limits.max_pages to read it)"
    )


def timeout_reason(limits: Limits, page: int) -> str:
    """The reason given when the time limit passes between two pages.

    Args:
        limits: the limits in force.
        page: the page that was about to be parsed.

    Returns:
        The one-line reason.
    """
    return (
        f"parsing took longer than {limits.timeout_s:g} s (Limits.timeout_s); stopped"
        f" at page {page}"
    )


def bomb_error(source: str, limits: Limits) -> ParseLimitError:
    """The error for a PDF whose streams inflate past ``limits.max_inflated_bytes``.

    Args:
        source: the name used in errors.
        limits: the limits in force.

    Returns:
        The :class:`~jobmatch.errors.ParseLimitError` to raise.
    """
    return ParseLimitError(
        f"decompression bomb: PDF streams inflate to more than {limits.max_inflated_bytes} bytes"
        " (Limits.max_inflated_bytes)",
        source=source,
    )


def assemble(
    pages: list[PageText], *, source: str, warnings: list[str], dated: str | None = None
) -> ExtractedPDF:
    """Join the pages' texts and refuse documents without text.

    Args:
        pages: each page's text and image count, in order.
        source: the name used in errors.
        warnings: warnings found so far (a warning on scanned pages is added).
        dated: the day the PDF was last saved (:func:`saved_on`), if it says.

    Returns:
        The :class:`ExtractedPDF`.

    Raises:
        CorruptDocumentError: no pages.
        NoTextLayerError: no text, but images (a scan).
        EmptyDocumentError: no text and no images.
    """
    count = len(pages)
    if count == 0:
        raise CorruptDocumentError("corrupt PDF: no pages found", source=source)
    text = "\n\n".join(p.text for p in pages if p.text.strip())
    images = sum(p.images for p in pages)
    if not text.strip():
        if images:
            raise NoTextLayerError(
                f"no text layer: {count} page(s) with {images} image(s) and no text (a scan?);"
                " OCR is not supported",
                source=source,
            )
        raise EmptyDocumentError(f"no text in {count} page(s)", source=source)
    scanned = sum(1 for p in pages if p.images and not p.text.strip())
    if scanned:
        warnings.append(
            f"{scanned} of {count} page(s) are images without text (scanned?); their content"
            " is not read (no OCR)"
        )
    return ExtractedPDF(text=text, pages=count, warnings=tuple(warnings), dated=dated)


class Parser(Protocol):
    """An engine's in-process parse (``parse_pdf`` of :mod:`.pdf` or :mod:`.pdfium`)."""

    def __call__(
        self,
        data: bytes,
        *,
        source: str,
        password: str | None,
        limits: Limits,
        clock: Callable[[], float] = ...,
    ) -> ExtractedPDF: ...


_LIMIT_FIELDS = dataclasses.fields(Limits)


def run_parser(
    parse: Parser,
    data: bytes,
    *,
    source: str,
    password: str | None,
    limits: Limits,
    clock: Callable[[], float],
) -> ExtractedPDF:
    """Run an engine's ``parse`` under the guards both engines share.

    With ``limits.isolate`` (where the platform can), the parse runs in a forked child with
    the address-space and wall-clock limits of :mod:`.isolation`; otherwise in this process,
    where running out of memory is a :class:`ParseLimitError`.

    Args:
        parse: the engine's in-process parse.
        data: the PDF's bytes.
        source: the name used in errors.
        password: the user password of an encrypted PDF.
        limits: the guards.
        clock: the clock the time limits are measured with.

    Returns:
        The extracted text, page count and warnings.

    Raises:
        DocumentError: a subclass of it, from the parse or from the isolation's limits.
    """
    if limits.isolate and isolation.can_isolate():
        name = parse_worker.task_name(parse)
        if name is not None and limits.reuse_parser:  # the warm child: no fork per file
            text, pages, warnings, dated = parse_worker.run_in_worker(
                f"{__name__}:{parse_json.__name__}",
                data,
                kwargs={
                    "parser": name,
                    "source": source,
                    "password": password,
                    # its fields are numbers and flags: no deep copy (``asdict``) needed
                    "limits": {f.name: getattr(limits, f.name) for f in _LIMIT_FIELDS},
                },
                source=source,
                timeout_s=limits.timeout_s,
                max_memory_mb=limits.max_memory_mb,
                clock=clock,
            )
            return ExtractedPDF(text=text, pages=pages, warnings=tuple(warnings), dated=dated)

        def parse_to_json() -> list[object]:
            result = parse(data, source=source, password=password, limits=limits)
            return [result.text, result.pages, list(result.warnings), result.dated]

        text, pages, warnings, dated = isolation.run_isolated(
            parse_to_json,
            source=source,
            timeout_s=limits.timeout_s,
            max_memory_mb=limits.max_memory_mb,
            clock=clock,
        )
        return ExtractedPDF(text=text, pages=pages, warnings=tuple(warnings), dated=dated)
    try:
        return parse(data, source=source, password=password, limits=limits, clock=clock)
    except MemoryError as exc:
        raise ParseLimitError("parsing ran out of memory", source=source) from exc


def parse_json(
    data: bytes, *, parser: str, source: str, password: str | None, limits: dict[str, Any]
) -> list[object]:
    """Run an engine's parse named ``parser`` and return its result as JSON-able data (what
    the isolated parser child runs for :func:`run_parser`).

    Args:
        data: the PDF's bytes.
        parser: ``"module:function"`` of the engine's in-process parse.
        source: the name used in errors.
        password: the user password of an encrypted PDF.
        limits: the fields of the :class:`~jobmatch.models.Limits` in force.

    Returns:
        ``[text, pages, warnings, dated]``.

    Raises:
        DocumentError: as the engine's parse.
    """
    module, name = parser.split(":")
    parse: Parser = getattr(importlib.import_module(module), name)
    result = parse(data, source=source, password=password, limits=Limits(**limits))
    return [result.text, result.pages, list(result.warnings), result.dated]
