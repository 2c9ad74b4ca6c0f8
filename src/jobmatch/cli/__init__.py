"""The ``jobmatch`` command: a thin click layer over the library.

Each command makes one library call and formats its result. Exactly one place maps
:class:`~jobmatch.errors.JobmatchError` to exit code 1 (``JobmatchGroup.invoke`` in
:mod:`.app`); usage errors exit 2 (click). Heavy libraries are imported inside the commands.
The commands are registered on :func:`main` by importing their modules here.
"""

from . import data, documents, runs, web  # noqa: F401  (registers the commands)
from .app import EXIT_INPUT_ERROR, EXIT_OK, EXIT_USAGE, JobmatchGroup, main, run

__all__ = ["EXIT_INPUT_ERROR", "EXIT_OK", "EXIT_USAGE", "JobmatchGroup", "main", "run"]
