"""DOCX to plain text for :func:`jobmatch.read.documents.read_document` (standard library only).

:func:`zip_kind` tells a DOCX from the other ZIP-based formats (XLSX, PPTX, OpenDocument) by
its member names. :func:`docx_text` reads the body, then the headers, footers, footnotes and
endnotes, behind two guards: at most ``_MAX_ZIP_ENTRIES`` members, and a shared inflation
budget (``Limits.max_inflated_bytes``) checked against each member's declared size and again
while it is read. A part that declares a DTD is refused (no entity-expansion tricks).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import TYPE_CHECKING
from xml.etree import ElementTree

from ..errors import CorruptDocumentError, DocumentError, ParseLimitError

if TYPE_CHECKING:
    from .documents import Limits

__all__ = ["zip_kind", "docx_text", "docx_dated"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_DOCX_MAIN = "word/document.xml"
_DOCX_PARTS = re.compile(r"word/(header\d*|footer\d*|footnotes|endnotes)\.xml")
_MAX_ZIP_ENTRIES = 5000


def zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist()[: _MAX_ZIP_ENTRIES + 1])
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return "zip"
    if _DOCX_MAIN in names:
        return "docx"
    for marker, kind in (("xl/workbook.xml", "xlsx"), ("ppt/presentation.xml", "pptx")):
        if marker in names:
            return kind
    if "mimetype" in names and "content.xml" in names:
        return "odf"
    return "zip"


def docx_text(data: bytes, *, source: str, limits: Limits) -> str:
    budget = [limits.max_inflated_bytes]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if len(infos) > _MAX_ZIP_ENTRIES:
                raise ParseLimitError(
                    f"DOCX has {len(infos)} entries (limit {_MAX_ZIP_ENTRIES})", source=source
                )
            by_name = {i.filename: i for i in infos}
            body = _docx_part(zf, by_name[_DOCX_MAIN], budget, source=source, limits=limits)
            extra = [
                _docx_part(zf, by_name[n], budget, source=source, limits=limits)
                for n in sorted(by_name)
                if _DOCX_PARTS.fullmatch(n)
            ]
    except DocumentError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as exc:
        raise CorruptDocumentError(f"corrupt DOCX: {exc}", source=source) from exc
    except (ElementTree.ParseError, KeyError) as exc:
        raise CorruptDocumentError(f"corrupt DOCX XML: {exc}", source=source) from exc
    parts = [body] + [e for e in extra if e.strip()]
    return "\n\n".join(parts)


#: the document properties part and the days in it (read as bytes: no XML parser)
_CORE = "docProps/core.xml"
_CORE_DAY = re.compile(rb"<dcterms:(?:modified|created)\b[^>]*>\s*(\d{4})-(\d{2})-(\d{2})")


def docx_dated(data: bytes) -> str | None:
    """The day a DOCX says it was last saved (``dcterms:modified`` or ``created`` of
    ``docProps/core.xml``, the later valid one), ISO 8601; ``None`` without one. Never
    raises: the body was read already, and a missing or odd date is no error."""
    from .pdf_result import saved_on

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            info = zf.getinfo(_CORE)
            if info.file_size > 1 << 20:
                return None
            xml = zf.read(info)
    except (KeyError, zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError):
        return None
    return saved_on(*(b"".join(day) for day in _CORE_DAY.findall(xml)))


def _docx_part(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: list[int], *, source: str, limits: Limits
) -> str:
    # declared size first (cheap), then the actual inflated size while reading (a bomb may lie)
    if info.file_size > budget[0]:
        raise ParseLimitError(_inflate_reason(info.filename, info.file_size, limits), source=source)
    buf = io.BytesIO()
    with zf.open(info) as fh:
        while chunk := fh.read(1 << 20):
            budget[0] -= len(chunk)
            if budget[0] < 0:
                raise ParseLimitError(
                    _inflate_reason(info.filename, buf.tell() + len(chunk), limits), source=source
                )
            buf.write(chunk)
    xml = buf.getvalue()
    if b"<!DOCTYPE" in xml[:4096] or b"<!ENTITY" in xml:
        # Word never writes a DTD; refusing it rules out entity-expansion tricks
        raise CorruptDocumentError(f"DOCX part {info.filename} declares a DTD", source=source)
    return "".join(_docx_runs(xml))


def _inflate_reason(name: str, size: int, limits: Limits) -> str:
    return (
        f"decompression bomb: {name} inflates to more than {limits.max_inflated_bytes} bytes"
        f" ({size} so far; Limits.max_inflated_bytes)"
    )


def _docx_runs(xml: bytes) -> Iterator[str]:
    # Word writes text boxes twice: as DrawingML in mc:Choice and as VML in mc:Fallback;
    # reading the fallback too would double every word of a text-box (two-column) resume
    fallback = 0
    for event, elem in ElementTree.iterparse(io.BytesIO(xml), events=("start", "end")):
        tag = elem.tag
        if tag == _MC_FALLBACK:
            fallback += 1 if event == "start" else -1
            continue
        if event == "start" or fallback:
            continue
        if tag == f"{_W}t" and elem.text:
            yield elem.text
        elif tag == f"{_W}tab":
            yield "\t"
        elif tag in (f"{_W}br", f"{_W}cr"):
            yield "\n"
        elif tag == f"{_W}p":
            yield "\n"
            elem.clear()
        elif tag == f"{_W}tc":
            yield "\t"
