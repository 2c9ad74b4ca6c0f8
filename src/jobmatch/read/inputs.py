"""The path/text rule of the public API: a ``Path`` (or ``Document``) is a file, a ``str`` text.

Nothing here guesses. :func:`as_document` turns what a caller passed into a
:class:`~jobmatch.models.Document`: a :class:`~jobmatch.models.Document` as is, an
``os.PathLike`` (``pathlib.Path``) by reading the file, a ``str`` as the text itself. A
``str`` that happens to name an existing file is still text; a warning is logged that says
how to read the file instead.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import replace
from pathlib import Path

from ..errors import DocumentError, DocumentNotFoundError
from ..models import Document
from .documents import Limits, read_document

__all__ = ["as_document", "text_document", "read_file", "replace_surrogates", "TEXT_SOURCE"]

log = logging.getLogger(__name__)

#: the ``source`` of a document given as a ``str`` of text
TEXT_SOURCE = "<text>"

_SURROGATE = re.compile(r"[\ud800-\udfff]")
# a str longer than this, or with a line break, is never worth a look in the file system
_MAX_NAME = 4096


def replace_surrogates(text: str) -> tuple[str, tuple[str, ...]]:
    """``text`` with each lone surrogate replaced by U+FFFD, and the warning to report.

    No encoder accepts a lone surrogate (``"\\ud800"``); replacing it one for one keeps every
    offset into the text valid. Returns ``(text, ())`` when there is none (the same object).
    """
    lone = len(_SURROGATE.findall(text))
    if not lone:
        return text, ()
    return _SURROGATE.sub("\ufffd", text), (f"replaced {lone} lone surrogate(s) by U+FFFD",)


def text_document(text: str, *, source: str = TEXT_SOURCE) -> Document:
    """A :class:`~jobmatch.models.Document` of format ``text`` holding ``text`` itself.

    The text is never read as a path. Lone surrogates (``"\\ud800"``, which no encoder
    accepts) are replaced by U+FFFD, one for one, so offsets into the text stay valid; the
    document then carries a warning saying so. If ``text`` names an existing file or folder, a
    warning is logged ("pass a pathlib.Path to read the file"); the file is not read.

    Args:
        text: the document's text.
        source: the name the document is reported under (default ``"<text>"``).

    Returns:
        The document (``format="text"``).

    Raises:
        TypeError: ``text`` is not a ``str``.
    """
    if not isinstance(text, str):
        raise TypeError(f"expected a str of text, not {type(text).__name__}")
    text, warnings = replace_surrogates(text)
    if _names_a_path(text):
        log.warning(
            "the str %r is scored as text, not read as a file; pass a pathlib.Path to read it",
            text,
        )
    return Document(text=text, source=source, format="text", warnings=warnings)


def _names_a_path(text: str) -> bool:
    """Whether ``text`` names an existing file or folder (only ever used for a warning)."""
    if not text.strip() or len(text) > _MAX_NAME or "\n" in text or "\x00" in text:
        return False
    try:
        return Path(text).exists()
    except (OSError, ValueError):  # a name too long for the file system, or not encodable
        return False


def read_file(
    path: str | os.PathLike[str],
    *,
    password: str | None = None,
    limits: Limits | None = None,
    pdf_engine: str | None = None,
) -> Document:
    """Read the file at ``path`` (a ``str`` or ``pathlib.Path``: here both are file names).

    Like :func:`jobmatch.read.documents.read_document`, and a name no file system can hold
    (a NUL character, a lone surrogate) is a :class:`~jobmatch.errors.DocumentNotFoundError`
    instead of a ``ValueError`` or ``UnicodeEncodeError``; a name too long is a
    :class:`~jobmatch.errors.DocumentError` ("File name too long"), never an ``OSError``.

    Args:
        path: the file to read.
        password: the password of an encrypted PDF.
        limits: size, page, time and memory bounds (default :class:`Limits`).
        pdf_engine: ``"pdfminer"`` or ``"pdfium"`` (default: ``$JOBMATCH_PDF_ENGINE``, else
            ``"pdfminer"``).

    Returns:
        The checked document.

    Raises:
        DocumentError: any subclass, when the file cannot be read into text.
        TypeError: ``path`` is neither a ``str`` nor an ``os.PathLike`` of ``str``.
    """
    if not isinstance(path, str | os.PathLike):
        raise TypeError(f"expected a file path, not {type(path).__name__}")
    name = os.fspath(path)
    if not isinstance(name, str):
        raise TypeError(f"expected a str file path, not {type(name).__name__}")
    if "\x00" in name:
        raise DocumentNotFoundError("no such file (the name has a NUL character)", source=name)
    try:
        os.fsencode(name)
    except UnicodeEncodeError as exc:
        raise DocumentNotFoundError(
            "no such file (the name cannot be encoded for the file system)", source=name
        ) from exc
    try:
        return read_document(path, password=password, limits=limits, pdf_engine=pdf_engine)
    except OSError as exc:  # the reader maps the usual ones; this is the last line of defence
        raise DocumentError(f"cannot read the file: {exc.strerror or exc}", source=name) from exc


def as_document(x: str | os.PathLike[str] | Document) -> Document:
    """A :class:`~jobmatch.models.Document` from a Document, a path or a text: no guessing.

    A :class:`~jobmatch.models.Document` is returned as is (lone surrogates replaced); an
    ``os.PathLike`` (a ``pathlib.Path``) is read with :func:`read_file`; a ``str`` is the
    text itself (:func:`text_document`, source ``"<text>"``), even when it looks like a
    file name.

    Args:
        x: the document, its path, or its text.

    Returns:
        The document.

    Raises:
        DocumentError: any subclass, when a path cannot be read into text.
        TypeError: ``x`` is none of the three.
    """
    if isinstance(x, Document):
        text, warnings = replace_surrogates(x.text)
        if warnings:  # a hand-made Document: no encoder (nor spaCy) accepts a lone surrogate
            return replace(x, text=text, warnings=(*x.warnings, *warnings))
        return x
    if isinstance(x, os.PathLike):
        return read_file(x)
    if isinstance(x, str):
        return text_document(x)
    raise TypeError(f"expected a pathlib.Path, a str of text or a Document, not {type(x).__name__}")
