"""What the web layer answers for each input error: an HTTP status and a JSON body.

Every :class:`~jobmatch.errors.JobmatchError` becomes a 4xx with ``{"error", "message"}``:
``error`` is the exception's short ``code`` (``encrypted``, ``too_large`` ...), ``message``
the one-line reason. The most specific class listed in :data:`STATUS_BY_ERROR` decides the
status; any other ``JobmatchError`` is a 422. Nothing here imports the web framework, so the
table is shared by the worker processes and the app.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..errors import (
    DocumentTooLargeError,
    JobmatchError,
    ParseLimitError,
    UnsupportedFormatError,
)

__all__ = ["Problem", "STATUS_BY_ERROR", "problem_of"]

#: the status of each error class; a subclass takes the status of its nearest listed base
STATUS_BY_ERROR: dict[type[JobmatchError], int] = {
    UnsupportedFormatError: 415,
    DocumentTooLargeError: 413,
    # page, decompression, time and memory limits: the document is too big to parse
    ParseLimitError: 413,
}
DEFAULT_STATUS = 422


@dataclass(frozen=True, slots=True)
class Problem:
    """One refused request: the HTTP ``status`` and the JSON body ``{error, message}``."""

    status: int
    error: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        """The JSON body: ``{"error": code, "message": reason}``."""
        return {"error": self.error, "message": self.message}


def problem_of(exc: JobmatchError) -> Problem:
    """The :class:`Problem` for ``exc``: status from :data:`STATUS_BY_ERROR`, else 422.

    Args:
        exc: an input error raised by the library.

    Returns:
        The problem; its message is ``str(exc)`` (``source: reason``, one line).
    """
    for cls in type(exc).__mro__:
        status = STATUS_BY_ERROR.get(cls)
        if status is not None:
            return Problem(status, exc.code, str(exc))
    return Problem(DEFAULT_STATUS, exc.code, str(exc))
