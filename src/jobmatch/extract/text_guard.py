"""What a text passes before it enters the pipeline: no lone surrogate, no C1 control
character, not too long.

Lone surrogates (``"\\ud800"``) make spaCy and every encoder raise ``UnicodeEncodeError``;
they are replaced one for one by U+FFFD, so mention offsets stay valid. A text over
``MAX_TEXT_CHARS`` (spaCy's ``nlp.max_length``) makes spaCy raise a bare ``ValueError``;
it is refused with :class:`~jobmatch.errors.DocumentTooLargeError` instead.

A C1 control character (U+0080-U+009F) is never written in a text: it is a CP-1252 byte that
was decoded as Latin-1 (a posting's "\x95Experience with ..." is "•Experience with ...",
"Bachelor\x92s" is "Bachelor’s"). Each becomes its CP-1252 character, one for one, so
offsets stay valid and the bullet opens its item; the five bytes CP-1252 leaves undefined
stay as they are. (A file read by :func:`jobmatch.read_document` has them dropped already.)
"""

from __future__ import annotations

import re

from ..read.inputs import replace_surrogates
from ..read.normalize import check_length

__all__ = ["guard_text"]

_C1 = re.compile("[\x80-\x9f]")
#: a C1 control character or a lone surrogate (what the two repairs below act on)
_ODD = re.compile("[\x80-\x9f\ud800-\udfff]")
#: C1 control character -> its CP-1252 character (the five undefined bytes are left out)
_CP1252 = {
    b: c
    for b in range(0x80, 0xA0)
    if (c := bytes([b]).decode("cp1252", errors="replace")) != "\ufffd"
}


def _cp1252(m: re.Match[str]) -> str:
    char = m.group()
    return _CP1252.get(ord(char), char)


def guard_text(text: str, *, source: str | None = None) -> str:
    """``text`` ready for the pipeline.

    Args:
        text: the text to extract or score.
        source: the name used in an error (``None``: none).

    Returns:
        ``text`` with lone surrogates replaced by U+FFFD and C1 control characters by their
        CP-1252 characters (the same object when there is none).

    Raises:
        TypeError: ``text`` is not a ``str``.
        DocumentTooLargeError: ``text`` is longer than ``MAX_TEXT_CHARS`` characters.
    """
    if not isinstance(text, str):
        raise TypeError(f"a text must be a str, not {type(text).__name__}")
    if _ODD.search(text):  # one scan of the text; most have neither
        text, _ = replace_surrogates(text)
        if _C1.search(text):  # a few characters of a long text: replaced where they stand
            text = _C1.sub(_cp1252, text)
    check_length(text, source=source)
    return text
