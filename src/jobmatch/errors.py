"""The one exception hierarchy of jobmatch.

Every failure caused by *input* (a document, a record, the lexicon, a profile) is a
:class:`JobmatchError`. Misuse of the API stays a builtin ``TypeError``/``ValueError``.
No other exception (``OSError``, ``UnicodeError``, a parser's own errors) escapes a public
function for any ``str`` argument: readers catch them where they arise and raise one of
these ``from`` them. This module imports nothing of ours so every other module may import it.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "JobmatchError",
    "DocumentError",
    "DocumentNotFoundError",
    "EmptyDocumentError",
    "UnsupportedFormatError",
    "EncryptedDocumentError",
    "NoTextLayerError",
    "DocumentTooLargeError",
    "CorruptDocumentError",
    "ParseLimitError",
    "RecordError",
    "LexiconError",
    "ProfileError",
]


class JobmatchError(Exception):
    """Base of every error caused by input. ``str(err)`` is one line: ``source: reason``.

    Args:
        reason: what went wrong; white space is folded so the message is one line.
        source: the file, record or profile concerned (``None`` if there is none).

    Attributes:
        reason: the folded reason.
        source: the ``source`` given.
        code: a short machine-readable reason code (batch ``error_code``).
    """

    #: short machine-readable reason code, used in batch ``error`` records
    code = "error"

    def __init__(self, reason: str, *, source: str | None = None) -> None:
        self.reason = " ".join(str(reason).split())  # always one line
        self.source = source
        super().__init__(f"{source}: {self.reason}" if source else self.reason)


class DocumentError(JobmatchError):
    """A document could not be read into usable text."""

    code = "unreadable"


class DocumentNotFoundError(DocumentError):
    """No file at the path given (also a name with a NUL character or a lone surrogate)."""

    code = "not_found"


class EmptyDocumentError(DocumentError):
    """The document (or the text given) has no non-space character: nothing to score."""

    code = "empty"


class UnsupportedFormatError(DocumentError):
    """The file is no PDF, DOCX, HTML, Markdown or text (an image, a spreadsheet, a pipe...)."""

    code = "unsupported_format"


class EncryptedDocumentError(DocumentError):
    """The PDF is encrypted and no (or a wrong) password was given."""

    code = "encrypted"
    #: the reason when no password was given; neutral, as the library, the CLI and the web
    #: page show it (the CLI adds its option name)
    NEEDS_PASSWORD = "encrypted PDF: pass its password to read it"


class NoTextLayerError(DocumentError):
    """The PDF has no usable text layer (a scan, or glyphs without a Unicode mapping)."""

    code = "no_text_layer"


class DocumentTooLargeError(DocumentError):
    """The file is larger than ``Limits.max_bytes``."""

    code = "too_large"


class CorruptDocumentError(DocumentError):
    """The file claims a format (PDF, DOCX) but cannot be parsed as one."""

    code = "corrupt"


class ParseLimitError(DocumentError):
    """Parsing passed a time, memory, page or decompression limit."""

    code = "limit_exceeded"


class RecordError(JobmatchError):
    """A batch input record is malformed (bad CSV row, bad JSON line, missing column)."""

    code = "bad_record"


class LexiconError(JobmatchError):
    """The skill lexicon cannot be read or is invalid.

    Args:
        reason: what went wrong (one line).
        source: the lexicon folder.
        problems: every problem found, as ``file:line: message``.

    Attributes:
        problems: the ``problems`` given, as a tuple.
    """

    code = "bad_lexicon"

    def __init__(
        self, reason: str, *, source: str | None = None, problems: Sequence[str] = ()
    ) -> None:
        super().__init__(reason, source=source)
        self.problems = tuple(problems)


class ProfileError(JobmatchError):
    """A role profile file is invalid or cannot be found."""

    code = "bad_profile"
