"""DOCX resumes: paragraphs, tabs, headers, text boxes, hostile XML and other zips (docx_reader)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobmatch.errors import CorruptDocumentError, UnsupportedFormatError
from jobmatch.read.documents import read_document
from tests.helpers import docx_bytes, write


def test_docx_paragraphs_tabs_breaks_and_header(tmp_path: Path) -> None:
    data = docx_bytes(["Jane Doe", "Skills:\tPython, SQL", "Line one\nLine two"], header="CV 2026")
    doc = read_document(write(tmp_path, "cv.docx", data))
    assert (doc.format, doc.pages) == ("docx", None)
    assert doc.text == "Jane Doe\nSkills:\tPython, SQL\nLine one\nLine two\n\nCV 2026"


def test_docx_detected_by_content(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "cv.bin", docx_bytes(["Python"])))
    assert (doc.format, doc.text) == ("docx", "Python")


def test_docx_with_dtd_refused(tmp_path: Path) -> None:
    xml = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'
    path = write(tmp_path, "cv.docx", docx_bytes([], document_xml=xml))
    with pytest.raises(CorruptDocumentError) as err:
        read_document(path)
    assert str(err.value) == f"{path}: DOCX part word/document.xml declares a DTD"


def test_docx_broken_xml(tmp_path: Path) -> None:
    path = write(tmp_path, "cv.docx", docx_bytes([], document_xml=b"<w:document><w:body>"))
    with pytest.raises(CorruptDocumentError, match=r"corrupt DOCX XML: "):
        read_document(path)


def test_zip_that_is_not_docx(tmp_path: Path) -> None:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("xl/workbook.xml", "<x/>")
    path = write(tmp_path, "sheet.xlsx", buf.getvalue())
    with pytest.raises(UnsupportedFormatError) as err:
        read_document(path)
    assert err.value.reason == (
        "unsupported format: looks like an Excel spreadsheet (.xlsx) (jobmatch reads PDF, DOCX,"
        " TXT, Markdown and HTML)"
    )


def test_docx_text_box_fallback_is_not_read_twice(tmp_path: Path) -> None:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    box = "<w:p><w:r><w:t>Kubernetes</w:t></w:r></w:p>"
    xml = (
        f"<w:document {w} {mc}><w:body><w:p><w:r><w:t>Python</w:t></w:r></w:p>"
        f"<w:p><w:r><mc:AlternateContent><mc:Choice>{box}</mc:Choice>"
        f"<mc:Fallback>{box}</mc:Fallback></mc:AlternateContent></w:r></w:p>"
        "</w:body></w:document>"
    ).encode()
    doc = read_document(write(tmp_path, "cv.docx", docx_bytes([], document_xml=xml)))
    assert doc.text == "Python\nKubernetes"


def test_docx_saved_day_from_its_core_properties(tmp_path: Path) -> None:
    core = (
        b'<cp:coreProperties xmlns:dcterms="http://purl.org/dc/terms/">'
        b'<dcterms:created xsi:type="dcterms:W3CDTF">2019-02-01T10:00:00Z</dcterms:created>'
        b'<dcterms:modified xsi:type="dcterms:W3CDTF">2020-09-14T08:00:00Z</dcterms:modified>'
        b"</cp:coreProperties>"
    )
    dated = read_document(
        write(tmp_path, "a.docx", docx_bytes(["Jane"], extra={"docProps/core.xml": core}))
    )
    assert dated.dated == "2020-09-14"
    # no properties, or a day in the future: no date
    assert read_document(write(tmp_path, "b.docx", docx_bytes(["Jane"]))).dated is None
    future = core.replace(b"2020-09-14", b"2999-01-01").replace(b"2019-02-01", b"2998-01-01")
    odd = docx_bytes(["Jane"], extra={"docProps/core.xml": future})
    assert read_document(write(tmp_path, "c.docx", odd)).dated is None
