"""The one exception hierarchy of jobmatch.

Every failure caused by *input* (a document, a record, the lexicon, a profile) is a
:class:`JobmatchError`. Misuse of the API stays a builtin ``TypeError``/``ValueError``.
This module imports nothing of ours so every other module may import it.
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
    """Base of every error caused by input. ``str(err)`` is one line: ``source: reason``."""

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
    code = "not_found"


class EmptyDocumentError(DocumentError):
    code = "empty"


class UnsupportedFormatError(DocumentError):
    code = "unsupported_format"


class EncryptedDocumentError(DocumentError):
    code = "encrypted"


class NoTextLayerError(DocumentError):
    code = "no_text_layer"


class DocumentTooLargeError(DocumentError):
    code = "too_large"


class CorruptDocumentError(DocumentError):
    code = "corrupt"


class ParseLimitError(DocumentError):
    """Parsing passed a time, memory, page or decompression limit."""

    code = "limit_exceeded"


class RecordError(JobmatchError):
    """A batch input record is malformed (bad CSV row, bad JSON line, missing column)."""

    code = "bad_record"


class LexiconError(JobmatchError):
    """The skill lexicon is invalid. ``problems`` lists every problem as ``file:line: message``."""

    code = "bad_lexicon"

    def __init__(
        self, reason: str, *, source: str | None = None, problems: Sequence[str] = ()
    ) -> None:
        super().__init__(reason, source=source)
        self.problems = tuple(problems)


class ProfileError(JobmatchError):
    """A role profile file is invalid or cannot be found."""

    code = "bad_profile"
