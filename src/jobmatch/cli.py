"""The ``jobmatch`` command: a thin click layer over the library.

Each command makes one library call and formats its result. Exactly one place maps
:class:`~jobmatch.errors.JobmatchError` to exit code 1 (``JobmatchGroup.invoke``); usage
errors exit 2 (click). Heavy libraries are imported inside the commands, never here.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from . import __version__
from .errors import JobmatchError

if TYPE_CHECKING:
    from .models import Document, ScoreReport

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
            click.echo(f"Error: {self.error_line(ctx, exc)}", err=True)
            ctx.exit(EXIT_INPUT_ERROR)

    def error_line(self, ctx: click.Context, exc: JobmatchError) -> str:
        """``exc`` on one line; an encrypted PDF names --password where the command has it."""
        from .errors import EncryptedDocumentError

        command = self.commands.get(ctx.invoked_subcommand or "")
        has_password = command is not None and any(p.name == "password" for p in command.params)
        if has_password and exc.reason == EncryptedDocumentError.NEEDS_PASSWORD:
            return f"{exc} (--password PW)"
        return " ".join(str(exc).split())


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
    from .lexicon.loader import check_lexicon

    problems = check_lexicon(path)
    for p in problems:
        click.echo(p)
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s) in the lexicon")
    click.echo("lexicon OK")


@lexicon.command("show")
@click.argument("query", required=False)
@click.option("--category", "-c", default=None, help="Only skills of this category.")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def lexicon_show(query: str | None, category: str | None, fmt: str) -> None:
    """Show skills: the skill with id QUERY, or those with a name/alias matching QUERY.

    Without QUERY or --category: the lexicon version and the number of skills per category.
    Exit code 1 when nothing matches.
    """
    import json

    from .lexicon.mining import find_skills, lexicon_stats, skill_record

    if query is None and category is None:
        stats = lexicon_stats()
        if fmt == "json":
            click.echo(json.dumps(stats.to_dict(), indent=2))
            return
        click.echo(f"lexicon {stats.version}: {stats.skills} skills, {stats.forms} surface forms")
        for cid, (_label, layer, n) in stats.categories.items():
            click.echo(f"  {cid:22} {layer:9} {n:5}")
        return
    try:
        skills = find_skills(query, category=category)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--category") from exc
    if not skills:
        raise click.ClickException(f"no skill matches {query!r}")
    if fmt == "json":
        click.echo(json.dumps([skill_record(s) for s in skills], indent=2, ensure_ascii=False))
        return
    if len(skills) > 1:
        for s in skills:
            click.echo(f"{s.id}\t{s.name}\t{s.category}")
        return
    s = skills[0]
    click.echo(f"{s.id}: {s.name} [{s.category}]")
    if s.aliases:
        click.echo(f"  aliases: {', '.join(s.aliases)}")
    if s.implies:
        click.echo(f"  implies: {', '.join(s.implies)}")
    if s.context is not None:
        ctx = s.context
        click.echo(f"  context: forms {', '.join(ctx.forms)}; window {ctx.window}")
    click.echo(f"  origin: {s.origin}")


@lexicon.command("build")
@click.argument("docs", nargs=-1, required=True, type=click.Path())
@click.option(
    "--background",
    "-b",
    multiple=True,
    type=click.Path(),
    help="Background corpus (file or folder; repeatable). Default: a small built-in one.",
)
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(dir_okay=False),
    help="Write the candidates (JSON lines) here.",
)
@click.option("--top", default=200, show_default=True, type=click.IntRange(min=1))
@click.option("--min-count", default=2, show_default=True, type=click.IntRange(min=1))
def lexicon_build(
    docs: tuple[str, ...], background: tuple[str, ...], output: str, top: int, min_count: int
) -> None:
    """Mine candidate skill terms from DOCS (.txt/.md/.jsonl files or folders) for review.

    Terms are ranked by TF-IDF against the background corpus; terms already in the lexicon
    are left out. The output lines are lexicon records plus score, count and an example.
    """
    from .lexicon.mining import iter_texts, mine_candidates, write_candidates

    texts = [t for _, t in iter_texts(docs)]
    bg = [t for _, t in iter_texts(background)] if background else None
    n = write_candidates(
        mine_candidates(texts, background=bg, top=top, min_count=min_count), output
    )
    click.echo(f"wrote {n} candidate(s) to {output}")


# --------------------------------------------------------------- extract

#: one shared --accurate option for the commands that extract skills
_accurate_option = click.option(
    "--accurate",
    is_flag=True,
    help="Also run the shipped span model (finds skills the lexicon does not list; slower).",
)


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
@_accurate_option
def extract(paths: tuple[str, ...], fmt: str, accurate: bool) -> None:
    """List the skills found in documents, with their sections.

    PATH is a TXT, Markdown, HTML, PDF or DOCX file, or - for standard input. Every input
    is read before anything is printed. Exit codes: 0 success, 1 an input could not be
    read, 2 usage error.
    """
    from .extract.documents import extract_documents, render_skills
    from .extract.extractor import default_extractor

    if paths.count("-") > 1:
        raise click.UsageError("- (standard input) can be given only once")
    documents = [_read_input(p) for p in paths]
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
def facts(paths: tuple[str, ...], fmt: str, as_of: Any) -> None:
    """Read resumes the way a recruiter does: roles, degrees, years, latest title.

    PATH is a TXT, Markdown, HTML, PDF or DOCX file, or - for standard input. Every input
    is read before anything is printed. Exit codes: 0 success, 1 an input could not be
    read, 2 usage error.
    """
    import json

    from .report_facts import render_facts
    from .scoring.resume_reader import read_resume

    if paths.count("-") > 1:
        raise click.UsageError("- (standard input) can be given only once")
    day = as_of.date() if as_of is not None else None
    found = [read_resume(_read_input(p), as_of=day) for p in paths]
    if fmt == "json":
        body = [f.to_dict() for f in found]
        click.echo(json.dumps(body, indent=2, ensure_ascii=False))
        return
    click.echo("\n".join(render_facts(f, "text") for f in found), nl=False)


# --------------------------------------------------------------- score and match

#: the formats of jobmatch.report.FORMATS (spelt out so that --help does not import it)
REPORT_FORMATS = ("text", "json", "markdown", "html")


def _report_options(f: Any) -> Any:
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
    import os

    from .read.pdf_result import PDF_ENGINE_VARIABLE

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


_pdf_engine_option = click.option(
    "--pdf-engine",
    type=click.Choice(("pdfminer", "pdfium")),
    expose_value=False,
    callback=_set_pdf_engine,
    help="PDF text engine: pdfminer (default, the reference) or pdfium (jobmatch[pdfium]).",
)


def _read_input(path: str, password: str | None = None) -> Document:
    """The document at PATH, or standard input for ``-``."""
    from .read.documents import DEFAULT_LIMITS, read_bytes, read_document

    if path == "-":
        # one byte over the limit is enough for read_bytes to refuse an oversized stream
        # sys.stdin.buffer, not click.get_binary_stream (deprecated in Click 8.2)
        data = sys.stdin.buffer.read(DEFAULT_LIMITS.max_bytes + 1)
        return read_bytes(data, source="<stdin>", password=password)
    return read_document(path, password=password)


def _write_report(report: ScoreReport, fmt: str, output: str | None) -> None:
    """Render ``report``; colour only for a text report going to a terminal."""
    import os

    from .report import render

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


@main.command()
@click.argument("path")
@click.option(
    "--profile",
    default="research-engineer",
    show_default=True,
    metavar="NAME|PATH",
    help="A shipped profile (jobmatch profile list) or a profile TOML file.",
)
@_report_options
@click.option("--password", metavar="PW", help="Password of an encrypted PDF.")
@_pdf_engine_option
@_accurate_option
def score(
    path: str, profile: str, fmt: str, output: str | None, password: str | None, accurate: bool
) -> None:
    """Score a resume against a role profile: score, coverage, what to add.

    PATH is a PDF, DOCX, TXT, Markdown or HTML file, or - for standard input. Exit codes:
    0 scored, 1 the input could not be read or scored, 2 usage error.
    """
    from .api import score as score_document

    report = score_document(_read_input(path, password), profile=profile, accurate=accurate)
    _write_report(report, fmt, output)


@main.command()
@click.argument("resume")
@click.argument("posting")
@_report_options
@_pdf_engine_option
@_accurate_option
def match(resume: str, posting: str, fmt: str, output: str | None, accurate: bool) -> None:
    """Score a resume against one job posting (its requirements become the profile).

    Either RESUME or POSTING may be - for standard input. Exit codes: 0 scored, 1 an input
    could not be read or scored, 2 usage error.
    """
    from .api import match as match_documents

    if resume == "-" and posting == "-":
        raise click.UsageError("only one of RESUME and POSTING can be - (standard input)")
    report = match_documents(_read_input(resume), _read_input(posting), accurate=accurate)
    _write_report(report, fmt, output)


# --------------------------------------------------------------- batch and rank


def _renamed_option(ctx: click.Context, param: click.Parameter, value: Any) -> None:
    """The callback of a hidden, renamed option: a usage error naming the new one."""
    if value is not None:
        raise click.UsageError(
            "--resume-from was renamed --continue-from (--resume is the resume, a CV)", ctx=ctx
        )


def _run_options(f: Any) -> Any:
    """The options ``batch`` and ``rank`` share: output, parallelism, limits, continuing."""
    options = [
        click.option(
            "--format",
            "fmt",
            type=click.Choice(["jsonl", "csv", "table"]),
            help="Output format (default: from the -o name: .jsonl or .csv).",
        ),
        click.option(
            "-o",
            "--output",
            metavar="OUT",
            help="Write here (default stdout); an existing jsonl/csv OUT is continued.",
        ),
        click.option(
            "--jobs",
            "-j",
            type=click.IntRange(min=1),
            default=1,
            show_default=True,
            help="Worker processes.",
        ),
        click.option(
            "--top",
            type=click.IntRange(min=1),
            metavar="K",
            help="Only the K best records, best first.",
        ),
        click.option(
            "--min-score",
            type=float,
            metavar="X",
            help="Leave out scored records below X (listed in OUT.dropped: a continued run"
            " skips them).",
        ),
        click.option(
            "--continue-from",
            metavar="OUT",
            help="Continue an interrupted run: skip the ids already in OUT and append to it.",
        ),
        click.option("--resume-from", hidden=True, callback=_renamed_option, expose_value=False),
        click.option(
            "--max-bytes",
            type=click.IntRange(min=1),
            help="Per-document size limit (default 10 MB).",
        ),
        click.option(
            "--timeout",
            type=click.FloatRange(min=0, min_open=True),
            help="Per-document time limit, seconds (default 60).",
        ),
        click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary line."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _keep_fields(value: str | None) -> tuple[str, ...]:
    return tuple(k.strip() for k in (value or "").split(",") if k.strip())


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
def posting(path: str, fmt: str) -> None:
    """Show what jobmatch reads from a job posting: required and preferred skills
    (alternatives together), the degree and the years asked.

    PATH is a PDF, DOCX, TXT, Markdown or HTML file, or - for standard input. Exit codes:
    0 read, 1 the input could not be read, 2 usage error.
    """
    from .posting_report import render_posting
    from .scoring.posting_reader import read_posting

    click.echo(render_posting(read_posting(_read_input(path)), fmt), nl=False)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--profile", metavar="NAME|PATH", help="Role profile (default research-engineer).")
@click.option(
    "--resume", "resume_path", metavar="RESUME", help="Rank postings against this resume."
)
@_run_options
@click.option(
    "--text-column", default="text", show_default=True, help="CSV column holding the text."
)
@click.option(
    "--id-column", default="id", show_default=True, help="CSV column holding the id (if present)."
)
@click.option(
    "--text-field", default="text", show_default=True, help="JSONL field holding the text."
)
@click.option(
    "--id-field", default="id", show_default=True, help="JSONL field holding the id (if present)."
)
@click.option(
    "--keep-fields",
    metavar="A,B,...",
    help="Input columns / fields to carry into the output (e.g. title,company,location).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "spark"]),
    default="local",
    show_default=True,
    help="Score in local processes, or on Apache Spark (needs jobmatch[spark] and Java): "
    "CSV/JSONL/Parquet in, a folder of Parquet or JSONL (-o *.jsonl) out.",
)
@click.option("--master", metavar="URL", help="Spark master (default local[2], or spark-submit's).")
@_pdf_engine_option
@click.pass_context
def batch(
    ctx: click.Context,
    /,
    inputs: tuple[str, ...],
    profile: str | None,
    resume_path: str | None,
    text_column: str,
    id_column: str,
    text_field: str,
    id_field: str,
    keep_fields: str | None,
    engine: str,
    master: str | None,
    quiet: bool,
    **run_options: Any,
) -> None:
    """Score many postings (files, folders, CSV, JSONL, - for JSONL on stdin).

    Writes one record per input record, in input order (jsonl, csv), or the best first
    (--top, table). A record that fails is written with status "error" and the run goes
    on. Ctrl-C stops the run; the same command continues it. Exit codes: 0 all records
    scored, 1 some failed, 2 usage error, 130 interrupted.
    """
    from pathlib import Path

    if profile and resume_path:
        raise click.UsageError("use --profile or --resume, not both")
    if master and engine != "spark":
        raise click.UsageError("--master needs --engine spark")
    options = _library_options(run_options)
    options["profile"] = profile or "research-engineer"
    options["resume"] = Path(resume_path) if resume_path else None
    options["record_options"] = {
        "text_column": text_column,
        "id_column": id_column,
        "text_field": text_field,
        "id_field": id_field,
    }
    if engine == "spark":
        from .batch.spark import run_batch as run_spark_batch

        if keep_fields:
            options["keep_fields"] = _keep_fields(keep_fields)  # refused by the Spark engine
        options.update(master=master, quiet=quiet)
        _run_batch_command(ctx, run_spark_batch, inputs, options, quiet=quiet, command="batch")
        return
    from .batch.run import run_batch

    options["keep_fields"] = _keep_fields(keep_fields)
    _run_batch_command(ctx, run_batch, inputs, options, quiet=quiet, command="batch", bar=True)


@main.command()
@click.argument("resumes", nargs=-1, required=True, metavar="RESUMES...")
@click.option(
    "--posting", required=True, metavar="POSTING", help="The job posting to rank candidates for."
)
@_run_options
@click.pass_context
def rank(
    ctx: click.Context,
    /,
    resumes: tuple[str, ...],
    posting: str,
    quiet: bool,
    **run_options: Any,
) -> None:
    """Rank resumes (files or folders of PDF, DOCX, TXT...) against one job posting.

    Each resume gets the score ``jobmatch match RESUME POSTING`` gives it, with the same
    explanations and outputs as batch; the default output is a table, best first. Runs in
    parallel (--jobs) and can be continued (-o). Exit codes: 0 all resumes scored, 1 some
    failed, 2 usage error, 130 interrupted.
    """
    from .batch.rank import rank_resumes

    options = _library_options(run_options)
    if options["format"] is None and options["output"] is None:
        options["format"] = "table"
    options["posting"] = _read_input(posting)
    _run_batch_command(ctx, rank_resumes, resumes, options, quiet=quiet, command="rank", bar=True)


def _library_options(run_options: dict[str, Any]) -> dict[str, Any]:
    """The shared command options under the names of the library's keywords."""
    options = dict(run_options)
    options["format"] = options.pop("fmt")
    return options


#: the exit code of a run stopped by Ctrl-C (128 + SIGINT), as shells report it
EXIT_INTERRUPTED = 130


def _run_batch_command(
    ctx: click.Context,
    runner: Callable[..., Any],
    inputs: tuple[str, ...],
    options: dict[str, Any],
    *,
    quiet: bool,
    command: str,
    bar: bool = False,
) -> None:
    """Run ``runner`` with a progress bar; print the summary; exit 0, 1, 2 or 130."""
    from .batch.summary import BatchInterrupted
    from .cli_progress import TerminalProgress

    if bar and not quiet:
        progress = TerminalProgress(sys.stderr)
        options["progress"] = progress
        options["stream"] = progress.wrap(sys.stdout)
    try:
        summary = runner(inputs, **options)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    except BatchInterrupted as exc:
        click.echo(exc.summary.interrupted_line(), err=True)
        ctx.exit(EXIT_INTERRUPTED)
    if not quiet:
        for line in summary.failure_lines():
            click.echo(line, err=True)
        click.echo(summary.line(command), err=True)
    ctx.exit(EXIT_INPUT_ERROR if summary.failed else EXIT_OK)


def _interrupted_message(summary: Any, command: str) -> str:
    done = f"interrupted after {summary.ok + summary.failed:,} records"
    if summary.output is None:
        return f"{done}; the output went to standard output: use -o FILE to be able to continue"
    return (
        f"{done} ({summary.written:,} written to {summary.output}); run the same command"
        f" again to continue: the records already in {summary.output} are skipped"
    )


# --------------------------------------------------------------- profile


@main.group()
def profile() -> None:
    """List, show and build role profiles."""


@profile.command("list")
def profile_list() -> None:
    """List the shipped profiles (id, version, name)."""
    from .scoring.profiles import list_profiles

    for pid, name, version in list_profiles():
        click.echo(f"{pid}\t{version}\t{name}")


@profile.command("show")
@click.argument("name", default="research-engineer", metavar="NAME|PATH")
@click.option(
    "--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True
)
def profile_show(name: str, fmt: str) -> None:
    """Show a profile: categories, weights, requirements, career ladder, salary figures."""
    from .scoring.profiles import describe_profile, load_profile

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
    from .scoring.profile_build import build_profile

    result = build_profile(seed, background, profile=name, output=output)
    click.echo(
        f"wrote {output}: {len(result['vector'])} profile terms, "
        f"{len(result['idf'])} vocabulary terms, {len(result['requirements'])} requirements"
    )


# --------------------------------------------------------------- serve


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--workers", default=1, show_default=True, type=click.IntRange(min=1), help="Scoring processes."
)
@click.option(
    "--queue",
    type=click.IntRange(min=0),
    help="Requests that may wait for a worker (default 8 per worker); beyond: 503.",
)
def serve(host: str, port: int, workers: int, queue: int | None) -> None:
    """Serve the web page and the JSON API (needs the extra: pip install 'jobmatch[web]').

    The page is at http://HOST:PORT/, the API under /api/ and its documentation at /docs.
    It binds to 127.0.0.1: binding to another address lets anyone who reaches it upload
    files (no authentication, no TLS). Stop it with Ctrl-C.
    """
    from importlib.util import find_spec

    if not all(find_spec(m) for m in ("fastapi", "uvicorn", "multipart")):
        raise click.ClickException(
            "jobmatch serve needs the web extra: pip install 'jobmatch[web]'"
        )
    from .serve.server import is_loopback, run

    if not is_loopback(host):
        click.echo(
            f"Warning: serving on {host}: reachable from the network, unauthenticated.", err=True
        )
    run(host=host, port=port, workers=workers, queue=queue)


# --------------------------------------------------------------- market


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--profile", default="research-engineer", show_default=True, metavar="NAME|PATH")
@click.option(
    "--resume", "resume_path", metavar="RESUME", help="Score this resume against each posting."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("html", "markdown", "json")),
    help="Output format (default: from -o's extension, else markdown).",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), metavar="FILE")
@click.option("--text-column", default="text", show_default=True, help="CSV text column.")
@click.option("--id-column", default="id", show_default=True, help="CSV id column.")
@click.option("--text-field", default="text", show_default=True, help="JSONL text field.")
@click.option("--id-field", default="id", show_default=True, help="JSONL id field.")
@click.option(
    "--salary-field", default="salary_estimate", show_default=True, help="JSONL salary field."
)
@click.option(
    "--match-score",
    type=click.FloatRange(0, 100),
    default=70.0,
    show_default=True,
    help="With --resume: the score a missing skill 'unlocks' a posting at.",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "spark"]),
    default="local",
    show_default=True,
    help="Count here, or on Apache Spark (jobmatch[spark], Java): CSV/JSONL/Parquet in.",
)
@click.option("--master", metavar="URL", help="Spark master (default local[2], or spark-submit's).")
@click.option(
    "--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True, help="Processes."
)
def market(
    inputs: tuple[str, ...],
    profile: str,
    resume_path: str | None,
    fmt: str | None,
    output: str | None,
    match_score: float,
    salary_field: str,
    text_column: str,
    id_column: str,
    text_field: str,
    id_field: str,
    engine: str,
    master: str | None,
    jobs: int,
) -> None:
    """What postings ask for, what a resume lacks, what they pay (files, folders, CSV, JSONL, -).

    Demand per skill and category (required vs preferred, co-occurring skills), overall and
    in the top quartile by score; with --resume the skills to learn next; pay quartiles.
    Exit codes: 0 written, 1 an input error (profile, resume) or some postings could not
    be read (the report is written, counting them), 2 usage error.
    """
    from pathlib import Path

    from .market import iter_postings, market_report, render_market

    suffixes = {".html": "html", ".htm": "html", ".md": "markdown", ".json": "json"}
    if fmt is None and output is not None and Path(output).suffix.lower() not in suffixes:
        raise click.UsageError(f"-o {output}: use .html, .md or .json, or give --format")
    fmt = fmt or suffixes.get(Path(output).suffix.lower(), "") if output else fmt
    if master and engine != "spark":
        raise click.UsageError("--master needs --engine spark")
    if jobs > 1 and engine == "spark":
        raise click.UsageError("--jobs is for the local engine (Spark has its own parallelism)")
    columns = {"text_column": text_column, "id_column": id_column}
    fields = {"text_field": text_field, "id_field": id_field}
    resume = Path(resume_path) if resume_path else None
    options: dict[str, Any] = {"resume": resume, "profile": profile, "match_score": match_score}
    if engine == "spark":
        from .market.spark import market_report_spark_files

        try:
            report = market_report_spark_files(
                inputs, master=master, salary_field=salary_field, **columns, **fields, **options
            )
        except ValueError as exc:
            raise click.UsageError(str(exc)) from exc
    else:
        postings = iter_postings(
            inputs,
            salary_field=salary_field or None,
            text_column=text_column,
            id_column=id_column,
            text_field=text_field,
            id_field=id_field,
        )
        report = market_report(postings, jobs=jobs, **options)
    text = render_market(report, fmt or "markdown")
    if output is None:
        click.echo(text, nl=False)
    else:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise click.FileError(output, hint=exc.strerror or str(exc)) from exc
    if report.failed:  # the report is written; the unread postings are logged (--debug)
        click.echo(
            f"Error: {report.failed:,} posting(s) could not be read (--debug lists them)",
            err=True,
        )
        click.get_current_context().exit(EXIT_INPUT_ERROR)
