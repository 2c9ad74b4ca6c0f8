"""What a text passes before it enters the pipeline: no lone surrogate, not too long.

Lone surrogates (``"\\ud800"``) make spaCy and every encoder raise ``UnicodeEncodeError``;
they are replaced one for one by U+FFFD, so mention offsets stay valid. A text over
``MAX_TEXT_CHARS`` (spaCy's ``nlp.max_length``) makes spaCy raise a bare ``ValueError``;
it is refused with :class:`~jobmatch.errors.DocumentTooLargeError` instead.
"""

from __future__ import annotations

from ..read.inputs import replace_surrogates
from ..read.normalize import check_length

__all__ = ["guard_text"]


def guard_text(text: str, *, source: str | None = None) -> str:
    """``text`` ready for the pipeline.

    Args:
        text: the text to extract or score.
        source: the name used in an error (``None``: none).

    Returns:
        ``text`` with lone surrogates replaced by U+FFFD (the same object when there is none).

    Raises:
        TypeError: ``text`` is not a ``str``.
        DocumentTooLargeError: ``text`` is longer than ``MAX_TEXT_CHARS`` characters.
    """
    if not isinstance(text, str):
        raise TypeError(f"a text must be a str, not {type(text).__name__}")
    text, _ = replace_surrogates(text)
    check_length(text, source=source)
    return text
