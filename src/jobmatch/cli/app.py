"""The ``jobmatch`` command: a thin click layer over the library.

Each command makes one library call and formats its result. Exactly one place maps
:class:`~jobmatch.errors.JobmatchError` to exit code 1 (``JobmatchGroup.invoke``); usage
errors exit 2 (click). Heavy libraries are imported inside the commands, never here.
"""

from __future__ import annotations

import gc
import logging
import sys
from typing import Any

import click

from .. import __version__
from ..errors import JobmatchError

EXIT_OK = 0
EXIT_INPUT_ERROR = 1
EXIT_USAGE = 2
#: Ctrl-C (128 + SIGINT), as shells report it
EXIT_INTERRUPTED = 130


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
        except KeyboardInterrupt:
            # Ctrl-C: the shells' code for it, not click's "Aborted!" and 1 (an input error)
            if ctx.meta.get("jobmatch.debug"):
                raise
            click.echo("\ninterrupted (Ctrl-C)", err=True)
            ctx.exit(EXIT_INTERRUPTED)

    def error_line(self, ctx: click.Context, exc: JobmatchError) -> str:
        """``exc`` on one line; an encrypted PDF names --password where the command has it."""
        from ..errors import EncryptedDocumentError

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


def run() -> None:
    """The ``jobmatch`` console script (and ``python -m jobmatch``): :func:`main`, exiting fast.

    Two settings of the garbage collector, for a process that builds a large, long-lived
    heap (the pipeline, the lexicon, the matcher) and then exits:

    - the youngest generation is collected after 10,000 new objects instead of 700, so
      building the pipeline triggers far fewer collections, each of which may walk
      the whole growing heap (about 0.07 s of a cold ``jobmatch score``);
    - when the command is done, the collector's objects are frozen before the interpreter
      exits: Python's last collection would otherwise walk the whole heap only to free
      memory the process returns anyway (about 0.2 s). Files and standard streams are
      flushed and closed as usual.

    :func:`main` itself (called from tests or other programs) changes neither.
    """
    gc.set_threshold(10_000, 10, 10)
    try:
        main()
    finally:
        gc.freeze()
