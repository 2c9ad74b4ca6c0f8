"""Commands over many documents: batch, rank, market."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .app import EXIT_INPUT_ERROR, EXIT_INTERRUPTED, EXIT_OK, main
from .options import (
    accurate_option,
    pdf_engine_option,
    read_input,
)

if TYPE_CHECKING:
    pass


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
        accurate_option,
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _keep_fields(value: str | None) -> tuple[str, ...]:
    return tuple(k.strip() for k in (value or "").split(",") if k.strip())


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
@pdf_engine_option
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

    if profile and resume_path:
        raise click.UsageError("use --profile or --resume, not both")
    if master and engine != "spark":
        raise click.UsageError("--master needs --engine spark")
    if engine == "spark" and run_options["accurate"]:
        raise click.UsageError("--accurate works with --engine local only")
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
        from ..batch.spark import run_batch as run_spark_batch

        if keep_fields:
            options["keep_fields"] = _keep_fields(keep_fields)  # refused by the Spark engine
        del options["accurate"]
        options.update(master=master, quiet=quiet)
        _run_batch_command(ctx, run_spark_batch, inputs, options, quiet=quiet, command="batch")
        return
    from ..batch.run import run_batch

    options["keep_fields"] = _keep_fields(keep_fields)
    _run_batch_command(ctx, run_batch, inputs, options, quiet=quiet, command="batch", bar=True)


@main.command()
@click.argument("resumes", nargs=-1, required=True, metavar="RESUMES...")
@click.option(
    "--posting", required=True, metavar="POSTING", help="The job posting to rank candidates for."
)
@_run_options
@pdf_engine_option
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
    from ..batch.rank import rank_resumes

    options = _library_options(run_options)
    if options["output_format"] is None and options["output"] is None:
        options["output_format"] = "table"
    options["posting"] = read_input(posting)
    _run_batch_command(ctx, rank_resumes, resumes, options, quiet=quiet, command="rank", bar=True)


def _library_options(run_options: dict[str, Any]) -> dict[str, Any]:
    """The shared command options under the names of the library's keywords."""
    options = dict(run_options)
    options["output_format"] = options.pop("fmt")
    return options


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
    from ..batch.summary import BatchInterrupted
    from .progress import TerminalProgress

    progress: TerminalProgress | None = None
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
        ahead = progress.done - exc.summary.ok - exc.summary.failed if progress else 0
        if ahead > 0 and exc.summary.output is not None:
            # the bar counts records as they are scored; the output is written in input
            # order, so the ones scored after a gap were not written yet
            more = " more" if exc.summary.written else ""
            click.echo(
                f"({ahead:,}{more} were scored but not written yet: the run scores them again)",
                err=True,
            )
        ctx.exit(EXIT_INTERRUPTED)
    if not quiet:
        for line in summary.failure_lines():
            click.echo(line, err=True)
        for note in summary.notes:
            click.echo(f"note: {note}", err=True)
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
    "--salary-column",
    "--salary-field",
    "salary_name",
    metavar="NAME",
    help="CSV column / JSONL field of the pay (default: the first of salary_estimate,"
    " salary, salary_range, pay, pay_range, compensation, in any case, with spaces,"
    " _ or -, present in a record; '' for none). It wins over pay in the text.",
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
@pdf_engine_option
def market(
    inputs: tuple[str, ...],
    profile: str,
    resume_path: str | None,
    fmt: str | None,
    output: str | None,
    match_score: float,
    salary_name: str | None,
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
    be read (the report is written, counting them), 2 usage error, 130 interrupted.
    """

    from ..market import iter_postings, market_report, render_market
    from ..market.postings import SALARY_NAMES

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
    salary_field = SALARY_NAMES if salary_name is None else salary_name
    if engine == "spark":
        from ..market.spark import market_report_spark_files

        try:
            report = market_report_spark_files(
                inputs, master=master, salary_field=salary_field, **columns, **fields, **options
            )
        except ValueError as exc:
            raise click.UsageError(str(exc)) from exc
    else:
        postings = iter_postings(
            inputs,
            salary_field=salary_field,
            text_column=text_column,
            id_column=id_column,
            text_field=text_field,
            id_field=id_field,
        )
        try:
            report = market_report(postings, jobs=jobs, **options)
        except KeyboardInterrupt:
            click.echo(
                "\ninterrupted: the report is made once every posting is read, so nothing was"
                " written; run the command again",
                err=True,
            )
            click.get_current_context().exit(EXIT_INTERRUPTED)
    text = render_market(report, fmt or "markdown")
    if output is None:
        click.echo(text, nl=False)
    else:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise click.FileError(output, hint=exc.strerror or str(exc)) from exc
    if salary_name and not report.overall.salary.from_field:
        click.echo(
            f"Warning: no pay was read from a salary column/field {salary_name!r} (absent,"
            " empty or not pay in every posting); pay was looked for in the texts",
            err=True,
        )
    if report.failed:  # the report is written; the unread postings are logged (--debug)
        click.echo(
            f"Error: {report.failed:,} posting(s) could not be read (--debug lists them)",
            err=True,
        )
        click.get_current_context().exit(EXIT_INPUT_ERROR)
