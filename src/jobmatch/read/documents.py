"""Read resumes and postings (PDF, DOCX, TXT, Markdown, HTML) into checked text.

``read_document(path)`` is the one entry point for files. It never trusts the file name
alone: the first bytes are sniffed (:mod:`jobmatch.read.sniff`), sizes are checked before
anything is read, text encodings are detected (:mod:`jobmatch.read.encodings`), PDFs are
parsed behind the guards of :mod:`jobmatch.read.pdf` (pdfminer.six) or
:mod:`jobmatch.read.pdfium` (pypdfium2), DOCX files are read by :mod:`jobmatch.read.docx`,
HTML is stripped by :mod:`jobmatch.read.html`, and every text passes the quality gate
(:func:`jobmatch.read.normalize.check_text`) before anyone may score it.

Every failure is a :class:`~jobmatch.errors.DocumentError` subclass with ``source`` set to the
path and a one-line reason; third-party exceptions are re-raised ``from`` the original.
"""

from __future__ import annotations

import errno
import logging
import os
import stat
from pathlib import Path

from ..errors import (
    DocumentError,
    DocumentNotFoundError,
    DocumentTooLargeError,
    EmptyDocumentError,
    UnsupportedFormatError,
)
from ..models import Document, Limits
from .encodings import read_text_bytes
from .normalize import check_text, drawn_soft_hyphens
from .pdf_result import PDF_ENGINES, ExtractedPDF, check_engine, default_pdf_engine
from .sniff import describe, sniff_format

__all__ = [
    "Limits",
    "DEFAULT_LIMITS",
    "PDF_ENGINES",
    "default_pdf_engine",
    "read_document",
    "read_bytes",
    "read_text",
    "read_text_bytes",
    "check_text",
    "sniff_format",
]

log = logging.getLogger(__name__)

#: the limits used when none are given
DEFAULT_LIMITS = Limits()

_TEXT_EXTENSIONS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown"}
_HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}

# ---------------------------------------------------------------------------- files


def read_document(
    path: str | os.PathLike[str],
    *,
    password: str | None = None,
    limits: Limits | None = None,
    pdf_engine: str | None = None,
) -> Document:
    """Read the document at ``path`` into a checked :class:`~jobmatch.models.Document`.

    Args:
        path: the file (PDF, DOCX, TXT, Markdown or HTML; the content decides, not the
            name alone).
        password: opens a PDF encrypted with a user password.
        limits: bounds size, pages, time, memory and decompression (see
            :class:`~jobmatch.models.Limits`); the defaults when ``None``.
        pdf_engine: ``"pdfminer"`` (the reference) or ``"pdfium"`` (the
            ``jobmatch[pdfium]`` extra, many times faster); ``None`` means
            :func:`~jobmatch.read.pdf_result.default_pdf_engine` (the environment variable
            ``JOBMATCH_PDF_ENGINE``, else ``"pdfminer"``), which is how every library
            function that reads files (``jobmatch.score``, batch workers) is switched.

    Returns:
        The :class:`~jobmatch.models.Document`; its ``text`` is the repaired text that
        mention offsets refer to.

    Raises:
        DocumentError: a subclass of it, with ``source`` set to ``path``, for anything
            that cannot be read into text.
        ValueError: an unknown ``pdf_engine``.
    """
    limits = limits or DEFAULT_LIMITS
    pdf_engine = check_engine(pdf_engine)
    source = os.fspath(path)
    data = _read_file(Path(source), source=source, limits=limits)
    return read_bytes(
        data, source=source, name=source, password=password, limits=limits, pdf_engine=pdf_engine
    )


def _read_file(path: Path, *, source: str, limits: Limits) -> bytes:
    try:
        st = path.stat()
    except FileNotFoundError as exc:
        if path.is_symlink():
            raise DocumentNotFoundError(
                f"broken symbolic link (target {os.readlink(path)!r} does not exist)", source=source
            ) from exc
        raise DocumentNotFoundError("no such file", source=source) from exc
    except OSError as exc:
        raise DocumentError(_os_reason(exc), source=source) from exc
    if stat.S_ISDIR(st.st_mode):
        raise DocumentError("is a directory, not a file", source=source)
    if not stat.S_ISREG(st.st_mode):
        raise UnsupportedFormatError("not a regular file (device, pipe or socket)", source=source)
    if st.st_size > limits.max_bytes:
        raise DocumentTooLargeError(_too_large(st.st_size, limits), source=source)
    try:
        with open(path, "rb") as fh:
            # read one byte more than the limit: the file may have grown since stat(); the
            # size stat() saw first (a read of the limit sets aside that many bytes at once)
            data = fh.read(st.st_size + 1)
            if len(data) > st.st_size:  # it grew
                data += fh.read(limits.max_bytes + 1 - len(data))
    except OSError as exc:
        raise DocumentError(_os_reason(exc), source=source) from exc
    if len(data) > limits.max_bytes:
        raise DocumentTooLargeError(_too_large(len(data), limits, more=True), source=source)
    return data


def _too_large(size: int, limits: Limits, *, more: bool = False) -> str:
    return (
        f"too large ({'more than ' if more else ''}{size} bytes > limit {limits.max_bytes} bytes;"
        " raise Limits.max_bytes to read it)"
    )


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop (too many levels of symbolic links)"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory, not a file"
    return f"cannot read file: {exc.strerror or exc}"


# ---------------------------------------------------------------------------- dispatch


def read_bytes(
    data: bytes,
    *,
    source: str,
    name: str | None = None,
    password: str | None = None,
    limits: Limits | None = None,
    pdf_engine: str | None = None,
) -> Document:
    """Read a document held in memory.

    Args:
        data: the file's bytes.
        source: where they came from (used in errors and ``Document.source``).
        name: a file name whose extension is a hint (the content decides).
        password: opens a PDF encrypted with a user password.
        limits: see :func:`read_document`.
        pdf_engine: ``"pdfminer"`` or ``"pdfium"``, see :func:`read_document`.

    Returns:
        The checked :class:`~jobmatch.models.Document`.

    Raises:
        DocumentError: a subclass of it for anything that cannot be read into text.
        ValueError: an unknown ``pdf_engine``.
    """
    limits = limits or DEFAULT_LIMITS
    pdf_engine = check_engine(pdf_engine)
    if len(data) > limits.max_bytes:
        raise DocumentTooLargeError(_too_large(len(data), limits), source=source)
    if not data:
        raise EmptyDocumentError("empty file (0 bytes)", source=source)
    ext = Path(name).suffix.lower() if name else ""
    kind = sniff_format(data)
    if kind == "zip":
        # the DOCX and HTML readers (zipfile, ElementTree, html.parser) are imported when
        # such a file is read: a PDF's reader starts without them
        from .docx import zip_kind

        kind = zip_kind(data)
    if kind == "pdf":
        return _read_pdf(data, source, ext, password, limits, pdf_engine)
    if ext == ".pdf":
        raise UnsupportedFormatError(f"not a PDF: looks like {describe(kind)}", source=source)
    if kind == "docx":
        from .docx import docx_dated, docx_text

        text = docx_text(data, source=source, limits=limits)
        text, more = check_text(text, source=source)
        return Document(
            text=text,
            source=source,
            format="docx",
            warnings=tuple(more),
            dated=docx_dated(data),
        )
    if ext == ".docx":
        raise UnsupportedFormatError(
            f"not a DOCX document: looks like {describe(kind)}", source=source
        )
    if kind not in ("text", "html", "binary"):
        raise UnsupportedFormatError(
            f"unsupported format: looks like {describe(kind)}"
            " (jobmatch reads PDF, DOCX, TXT, Markdown and HTML)",
            source=source,
        )
    return _read_text_file(data, source, ext, kind)


def _read_pdf(
    data: bytes, source: str, ext: str, password: str | None, limits: Limits, engine: str
) -> Document:
    warnings: list[str] = []
    if ext and ext != ".pdf":
        warnings.append(f"the file name ends in {ext} but the content is a PDF; read as PDF")
    extracted = _extract_pdf(data, source=source, password=password, limits=limits, engine=engine)
    text, more = check_text(drawn_soft_hyphens(extracted.text), source=source)
    return Document(
        text=text,
        source=source,
        format="pdf",
        pages=extracted.pages,
        warnings=tuple(warnings + list(extracted.warnings) + more),
        dated=extracted.dated,
    )


def _extract_pdf(
    data: bytes, *, source: str, password: str | None, limits: Limits, engine: str
) -> ExtractedPDF:
    # the engines are imported only when a PDF is read
    if engine == "pdfium":
        from .pdfium import extract_pdf as pdfium_extract

        return pdfium_extract(data, source=source, password=password, limits=limits)
    from .pdf import extract_pdf as pdfminer_extract

    return pdfminer_extract(data, source=source, password=password, limits=limits)


def _read_text_file(data: bytes, source: str, ext: str, kind: str) -> Document:
    is_html = ext in _HTML_EXTENSIONS or (kind == "html" and ext not in _TEXT_EXTENSIONS)
    decoded, encoding = read_text_bytes(data, source=source, html=is_html)
    if is_html:
        fmt = "html"
        from .html import html_to_text

        decoded = html_to_text(decoded)
    else:
        fmt = _TEXT_EXTENSIONS.get(ext, "text")
    text, more = check_text(decoded, source=source)
    return Document(text=text, source=source, format=fmt, warnings=tuple(more), encoding=encoding)


def read_text(text: str, *, source: str = "<text>") -> Document:
    """Wrap an already decoded text in a checked :class:`~jobmatch.models.Document`.

    Args:
        text: the text (it passes :func:`~jobmatch.read.normalize.check_text`).
        source: the name used in errors and ``Document.source``.

    Returns:
        The document, format ``text``.

    Raises:
        EmptyDocumentError: nothing but whitespace.
    """
    checked, warnings = check_text(text, source=source)
    return Document(text=checked, source=source, format="text", warnings=tuple(warnings))
