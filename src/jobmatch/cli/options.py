"""Options and helpers the commands share: report formats, --accurate, --pdf-engine."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from ..models import Document, ScoreReport


accurate_option = click.option(
    "--accurate",
    is_flag=True,
    help="Also run the shipped span model (finds skills the lexicon does not list; slower).",
)


REPORT_FORMATS = ("text", "json", "markdown", "html")


def report_options(f: Any) -> Any:
    f = click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, writable=True),
        metavar="FILE",
        help="Write the report to FILE instead of standard output.",
    )(f)
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(REPORT_FORMATS),
        default="text",
        show_default=True,
        help="text (terminal), json (see the schema), markdown, or html (one self-contained page).",
    )(f)


def _set_pdf_engine(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    """--pdf-engine: set $JOBMATCH_PDF_ENGINE for this command (workers inherit it)."""

    from ..read.pdf_result import PDF_ENGINE_VARIABLE

    if value is None:
        return
    before = os.environ.get(PDF_ENGINE_VARIABLE)
    os.environ[PDF_ENGINE_VARIABLE] = value

    def restore() -> None:
        if before is None:
            os.environ.pop(PDF_ENGINE_VARIABLE, None)
        else:
            os.environ[PDF_ENGINE_VARIABLE] = before

    ctx.call_on_close(restore)


pdf_engine_option = click.option(
    "--pdf-engine",
    type=click.Choice(("pdfminer", "pdfium")),
    expose_value=False,
    callback=_set_pdf_engine,
    help="PDF text engine: pdfminer (default, the reference) or pdfium (jobmatch[pdfium]).",
)


def read_input(path: str, password: str | None = None) -> Document:
    """The document at PATH, or standard input for ``-``."""
    from ..read.documents import DEFAULT_LIMITS, read_bytes, read_document

    if path == "-":
        # one byte over the limit is enough for read_bytes to refuse an oversized stream
        # sys.stdin.buffer, not click.get_binary_stream (deprecated in Click 8.2)
        data = sys.stdin.buffer.read(DEFAULT_LIMITS.max_bytes + 1)
        return read_bytes(data, source="<stdin>", password=password)
    return read_document(path, password=password)


def write_report(report: ScoreReport, fmt: str, output: str | None) -> None:
    """Render ``report``; colour only for a text report going to a terminal."""

    from ..report import render

    if output is None:
        # sys.stdout, not click.get_text_stream (deprecated in Click 8.5)
        color = fmt == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
        click.echo(render(report, fmt, color=color), nl=False)
        return
    try:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(render(report, fmt))
    except OSError as exc:
        raise click.FileError(output, hint=exc.strerror or str(exc)) from exc
