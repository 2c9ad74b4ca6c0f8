"""The ``jobmatch`` command: a thin click layer over the library.

Each command makes one library call and formats its result. Exactly one place maps
:class:`~jobmatch.errors.JobmatchError` to exit code 1 (``JobmatchGroup.invoke``); usage
errors exit 2 (click). Heavy libraries are imported inside the commands, never here.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING, Any

import click

from . import __version__
from .errors import JobmatchError

if TYPE_CHECKING:
    from .models import Document

EXIT_OK = 0
EXIT_INPUT_ERROR = 1
EXIT_USAGE = 2


class JobmatchGroup(click.Group):
    """Maps jobmatch's input errors to one stderr line and exit code 1 (traceback with --debug)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except JobmatchError as exc:
            if ctx.meta.get("jobmatch.debug"):
                raise
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(EXIT_INPUT_ERROR)


@click.group(cls=JobmatchGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="jobmatch")
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logging.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Extract skills from resumes and job postings and score them against a role profile.

    Exit codes: 0 success, 1 an input could not be read or scored (batch: some records
    failed), 2 usage error.
    """
    ctx.meta["jobmatch.debug"] = debug
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


@main.group()
def lexicon() -> None:
    """Validate, show and build the skill lexicon."""


@lexicon.command("check")
@click.argument("path", required=False, type=click.Path(file_okay=False))
def lexicon_check(path: str | None) -> None:
    """Validate the lexicon (the shipped one, or the folder PATH); list every problem."""
    from .lexicon import check_lexicon

    problems = check_lexicon(path)
    for p in problems:
        click.echo(p)
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s) in the lexicon")
    click.echo("lexicon OK")


# --------------------------------------------------------------- extract


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
def extract(paths: tuple[str, ...], fmt: str) -> None:
    """List the skills found in documents, with their sections.

    PATH is a TXT, Markdown, HTML, PDF or DOCX file, or - for standard input. Every input
    is read before anything is printed. Exit codes: 0 success, 1 an input could not be
    read, 2 usage error.
    """
    from .extract import extract_documents, render_skills

    if paths.count("-") > 1:
        raise click.UsageError("- (standard input) can be given only once")
    documents = [_read_input(p) for p in paths]
    click.echo(render_skills(extract_documents(documents), fmt), nl=False)


def _read_input(path: str, password: str | None = None) -> Document:
    """The document at PATH, or standard input for ``-``."""
    from .documents import DEFAULT_LIMITS, read_bytes, read_document

    if path == "-":
        # one byte over the limit is enough for read_bytes to refuse an oversized stream
        # sys.stdin.buffer, not click.get_binary_stream (deprecated in Click 8.2)
        data = sys.stdin.buffer.read(DEFAULT_LIMITS.max_bytes + 1)
        return read_bytes(data, source="<stdin>", password=password)
    return read_document(path, password=password)


# --------------------------------------------------------------- profile


@main.group()
def profile() -> None:
    """List, show and build role profiles."""


@profile.command("list")
def profile_list() -> None:
    """List the shipped profiles (id, version, name)."""
    from .profiles import list_profiles

    for pid, name, version in list_profiles():
        click.echo(f"{pid}\t{version}\t{name}")


@profile.command("show")
@click.argument("name", default="research-engineer", metavar="NAME|PATH")
@click.option(
    "--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True
)
def profile_show(name: str, fmt: str) -> None:
    """Show a profile: categories, weights, requirements, career ladder, salary figures."""
    from .profiles import describe_profile, load_profile

    click.echo(describe_profile(load_profile(name), fmt), nl=False)


@profile.command("build")
@click.option(
    "--seed", required=True, type=click.Path(dir_okay=False), help="The profile document."
)
@click.option(
    "--background",
    required=True,
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Background postings: JSONL with a 'text' field, or a text file (repeatable).",
)
@click.option(
    "--profile", "name", default="research-engineer", show_default=True, metavar="NAME|PATH"
)
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False), help="The JSON file to write."
)
def profile_build(seed: str, background: tuple[str, ...], name: str, output: str) -> None:
    """Rebuild a profile's generated TF-IDF part (deterministic JSON)."""
    from .profiles import build_profile

    result = build_profile(seed, background, profile=name, output=output)
    click.echo(
        f"wrote {output}: {len(result['vector'])} profile terms, "
        f"{len(result['idf'])} vocabulary terms, {len(result['requirements'])} requirements"
    )
