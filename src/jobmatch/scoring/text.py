"""The text a score is made of: never empty.

Every scoring entry point (:class:`~jobmatch.scoring.scorer.Scorer`,
:class:`~jobmatch.scoring.resume_scorer.ResumeScorer`, ``rank`` and ``market``) checks its text
with :func:`require_text`, so an empty document gets the same error everywhere.
"""

from __future__ import annotations

from ..errors import EmptyDocumentError

__all__ = ["require_text"]


def require_text(text: str, source: str) -> str:
    """``text``, when it has a non-space character: a score is never made of an empty text.

    Args:
        text: the text to score.
        source: its name, for the error.

    Returns:
        ``text``.

    Raises:
        EmptyDocumentError: ``text`` is empty or white space only.
    """
    if not text.strip():
        raise EmptyDocumentError("the document has no text to score", source=source)
    return text
