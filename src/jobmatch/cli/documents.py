"""Commands over single documents: extract, facts, score, match, posting."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

import click

from ..read.isolation import meanwhile
from .app import main
from .options import (
    accurate_option,
    pdf_engine_option,
    read_input,
    report_options,
    write_report,
)

if TYPE_CHECKING:
    pass


def _preload(profile: str | None, accurate: bool) -> None:
    """Build the scorer ``score``/``match`` will use (run while a PDF parses)."""
    from ..api import DEFAULT_PROFILE, preload

    preload(DEFAULT_PROFILE if profile is None else profile, accurate=accurate)


#: one shared --accurate option for the commands that extract skills
@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("text", "json", "jsonl")),
    default="text",
    show_default=True,
    help="text (one line per skill), json (one array), jsonl (one object per document).",
)
@pdf_engine_option
@accurate_option
def extract(paths: tuple[str, ...], fmt: str, accurate: bool) -> None:
    """List the skills found in documents, with their sections.

    PATH is a TXT, Markdown, HTML, PDF or DOCX file, or - for standard input. Every input
    is read before anything is printed. Exit codes: 0 success, 1 an input could not be
    read, 2 usage error.
    """
    from ..extract.documents import extract_documents, render_skills
    from ..extract.extractor import default_extractor

    if paths.count("-") > 1:
        raise click.UsageError("- (standard input) can be given only once")
    documents = [read_input(p) for p in paths]
    extractor = default_extractor(accurate=True) if accurate else None  # None: the default
    found = extract_documents(documents, extractor=extractor)
    click.echo(render_skills(found, fmt), nl=False)


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("text", "json")),
    default="text",
    show_default=True,
    help="text (readable), json (an array of objects, see the schema).",
)
@click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    metavar="YYYY-MM-DD",
    help="The date open ranges (Present) end at (default today).",
)
@pdf_engine_option
def facts(paths: tuple[str, ...], fmt: str, as_of: Any) -> None:
    """Read resumes the way a recruiter does: roles, degrees, years, latest title.

    PATH is a TXT, Markdown, HTML, PDF or DOCX file, or - for standard input. Every input
    is read before anything is printed. Exit codes: 0 success, 1 an input could not be
    read, 2 usage error.
    """
    import json

    from ..report_facts import render_facts
    from ..scoring.resume_reader import read_resume

    if paths.count("-") > 1:
        raise click.UsageError("- (standard input) can be given only once")
    day = as_of.date() if as_of is not None else None
    found = [read_resume(read_input(p), as_of=day) for p in paths]
    if fmt == "json":
        body = [f.to_dict() for f in found]
        click.echo(json.dumps(body, indent=2, ensure_ascii=False))
        return
    click.echo("\n".join(render_facts(f, "text") for f in found), nl=False)


@main.command()
@click.argument("path")
@click.option(
    "--profile",
    default="research-engineer",
    show_default=True,
    metavar="NAME|PATH",
    help="A shipped profile (jobmatch profile list) or a profile TOML file.",
)
@report_options
@click.option("--password", metavar="PW", help="Password of an encrypted PDF.")
@pdf_engine_option
@accurate_option
def score(
    path: str, profile: str, fmt: str, output: str | None, password: str | None, accurate: bool
) -> None:
    """Score a resume against a role profile: score, coverage, what to add.

    PATH is a PDF, DOCX, TXT, Markdown or HTML file, or - for standard input. Exit codes:
    0 scored, 1 the input could not be read or scored, 2 usage error.
    """
    with meanwhile(partial(_preload, profile, accurate)):  # while a PDF parses
        document = read_input(path, password)
    from ..api import score as score_document

    report = score_document(document, profile=profile, accurate=accurate)
    write_report(report, fmt, output)


@main.command()
@click.argument("resume")
@click.argument("posting")
@report_options
@pdf_engine_option
@accurate_option
def match(resume: str, posting: str, fmt: str, output: str | None, accurate: bool) -> None:
    """Score a resume against one job posting (its requirements become the profile).

    Either RESUME or POSTING may be - for standard input. Exit codes: 0 scored, 1 an input
    could not be read or scored, 2 usage error.
    """
    if resume == "-" and posting == "-":
        raise click.UsageError("only one of RESUME and POSTING can be - (standard input)")
    with meanwhile(partial(_preload, None, accurate)):  # while a PDF parses
        documents = read_input(resume), read_input(posting)
    from ..api import match as match_documents

    report = match_documents(*documents, accurate=accurate)
    write_report(report, fmt, output)


@main.command()
@click.argument("path")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@pdf_engine_option
def posting(path: str, fmt: str) -> None:
    """Show what jobmatch reads from a job posting: required and preferred skills
    (alternatives together), the degree and the years asked.

    PATH is a PDF, DOCX, TXT, Markdown or HTML file, or - for standard input. Exit codes:
    0 read, 1 the input could not be read, 2 usage error.
    """
    from ..posting_report import render_posting
    from ..scoring.posting_reader import read_posting

    click.echo(render_posting(read_posting(read_input(path)), fmt), nl=False)
