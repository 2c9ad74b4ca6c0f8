"""The pdfminer.six engine: PDF bytes in, text out, behind three guards.

1. Inflation budget (:mod:`jobmatch.read.pdf_inflate`): streams inflate only as far as
   ``Limits.max_inflated_bytes`` allows.
2. Page limit: the page tree's ``/Count`` is checked before any page is parsed, and pages
   are counted while parsing (``/Count`` may lie); the time limit is checked between pages.
3. Isolation (:mod:`jobmatch.read.isolation`): the parse runs in a forked child with an
   address-space limit and a wall-clock deadline, for what the first two cannot foresee.

This module is the front: :func:`extract_pdf` runs :func:`parse_pdf` under the guards.
The parse itself, and every import of pdfminer, is in :mod:`jobmatch.read.pdf_parse`,
imported by the process that parses: with isolation, the parser child, so that the parent
(``jobmatch score``, which builds its scorer meanwhile) does not spend its start-up
importing pdfminer.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from ..models import Limits
from .pdf_result import ExtractedPDF, run_parser

__all__ = ["extract_pdf", "parse_pdf"]

#: names of :mod:`jobmatch.read.pdf_parse` this module still gives (on first use)
_PARSE_NAMES = frozenset({"page_text", "LAPARAMS", "short_reason"})


def extract_pdf(
    data: bytes,
    *,
    source: str,
    password: str | None = None,
    limits: Limits,
    clock: Callable[[], float] = time.monotonic,
) -> ExtractedPDF:
    """Extract the text of the PDF ``data`` under ``limits`` with pdfminer.six.

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
            too large PDF, or one that passes a limit.
    """
    return run_parser(parse_pdf, data, source=source, password=password, limits=limits, clock=clock)


def parse_pdf(
    data: bytes,
    *,
    source: str,
    password: str | None,
    limits: Limits,
    clock: Callable[[], float] = time.monotonic,
) -> ExtractedPDF:
    """Parse the PDF in this process (the body of :func:`extract_pdf`, without isolation):
    :func:`jobmatch.read.pdf_parse.parse_pdf`, imported on first use, which documents the
    arguments, the result and the errors."""
    from .pdf_parse import parse_pdf as parse

    return parse(data, source=source, password=password, limits=limits, clock=clock)


def __getattr__(name: str) -> Any:
    # page_text, LAPARAMS and short_reason live beside the parse (they need pdfminer)
    if name in _PARSE_NAMES:
        from . import pdf_parse

        return getattr(pdf_parse, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
