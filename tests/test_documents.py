"""read_document: formats, encodings, HTML stripping, DOCX, the quality gate, reading order."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import jobmatch
from jobmatch.documents import (
    Limits,
    check_text,
    read_bytes,
    read_document,
    read_text,
    read_text_bytes,
    sniff_format,
)
from jobmatch.errors import (
    CorruptDocumentError,
    EmptyDocumentError,
    NoTextLayerError,
    UnsupportedFormatError,
)
from jobmatch.html_reader import html_to_text

if TYPE_CHECKING:
    from jobmatch.pipeline import SkillExtractor
from pdf_factory import cid_font_pdf, docx_bytes, simple_pdf


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# ---------------------------------------------------------------------------- plain text


@pytest.mark.parametrize(
    ("name", "fmt"), [("cv.txt", "text"), ("cv.md", "markdown"), ("cv", "text"), ("cv.csv", "text")]
)
def test_text_formats_by_extension(tmp_path: Path, name: str, fmt: str) -> None:
    doc = read_document(write(tmp_path, name, b"Python\r\nSQL\n"))
    assert (doc.text, doc.format, doc.encoding, doc.pages, doc.warnings) == (
        "Python\nSQL",
        fmt,
        "utf-8",
        None,
        (),
    )
    assert doc.source == str(tmp_path / name)


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        ("Café résumé, naïve".encode("latin-1"), "Café résumé, naïve", "cp1252"),
        ("‘Data’ – 5€ • ok".encode("cp1252"), "‘Data’ – 5€ • ok", "cp1252"),
        ("Zürich – Python".encode(), "Zürich – Python", "utf-8"),
        (b"\xef\xbb\xbf" + "Zürich".encode(), "Zürich", "utf-8"),
        ("\ufeffZürich – Python".encode("utf-16-le"), "Zürich – Python", "utf-16-le"),
        ("\ufeffZürich – Python".encode("utf-16-be"), "Zürich – Python", "utf-16-be"),
        ("Zürich – Python".encode("utf-16-le"), "Zürich – Python", "utf-16-le"),  # no BOM
        ("Zürich – Python".encode("utf-16-be"), "Zürich – Python", "utf-16-be"),  # no BOM
        ("\ufeffZürich".encode("utf-32-le"), "Zürich", "utf-32-le"),
        (b"caf\xe9 \x81x", "café \x81x", "latin-1"),  # byte CP-1252 leaves undefined
    ],
)
def test_encodings_are_detected(data: bytes, text: str, encoding: str) -> None:
    assert read_text_bytes(data, source="x") == (text, encoding)


def test_latin1_file_decoded(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "cv.txt", "Développeur Python à Genève".encode("latin-1")))
    assert (doc.text, doc.encoding) == ("Développeur Python à Genève", "cp1252")


def test_utf16_bom_file_decoded(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "cv.txt", "Python – Müller\n".encode("utf-16")))
    assert (doc.text, doc.encoding) == ("Python – Müller", "utf-16-le")


# ---------------------------------------------------------------------------- HTML

HTML = b"""<!DOCTYPE html><html><head><title>Job: Research Engineer</title>
<style>body { font: Python; }</style><script>var skill = "Kubernetes";</script></head>
<body><h1>Research&nbsp;Engineer</h1><p>We use <b>PyTorch</b> &amp; JAX.</p>
<noscript>Enable JavaScript</noscript><template><p>Rust</p></template>
<ul><li>Python</li><li>C++ &lt;17&gt;</li></ul><script>
document.write("<p>TensorFlow</p>")</script><div>Caf&eacute;<br>Zurich</div></body></html>"""


def test_html_markup_stripped_and_scripts_dropped(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "post.html", HTML))
    assert doc.format == "html"
    assert doc.text == (
        "Job: Research Engineer\n\nResearch Engineer\n\nWe use PyTorch & JAX.\n\nPython\n"
        "C++ <17>\n\nCafé\nZurich"
    )
    for hidden in ("Kubernetes", "font", "JavaScript", "Rust", "TensorFlow"):
        assert hidden not in doc.text


def test_html_sniffed_without_extension_and_meta_charset(tmp_path: Path) -> None:
    page = '<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9 \u2013 ML</p>'
    doc = read_document(write(tmp_path, "posting", page.encode("cp1252")))
    assert (doc.format, doc.text, doc.encoding) == ("html", "Café – ML", "cp1252")


def test_unclosed_script_never_reaches_text() -> None:
    assert html_to_text("<p>Python</p><script>alert('Go')") == "Python"


def test_html_file_with_txt_extension_stays_text(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "raw.txt", b"<html><p>Python</p></html>"))
    assert (doc.format, doc.text) == ("text", "<html><p>Python</p></html>")


# ---------------------------------------------------------------------------- DOCX


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


# ---------------------------------------------------------------------------- PDF


def test_pdf_pages_and_text(tmp_path: Path) -> None:
    doc = read_document(
        write(tmp_path, "cv.pdf", simple_pdf(["Jane Doe", "Python (5 years)"], ["SQL"]))
    )
    assert (doc.format, doc.pages, doc.text, doc.warnings, doc.encoding) == (
        "pdf",
        2,
        "Jane Doe\nPython (5 years)\n\nSQL",
        (),
        None,
    )


@pytest.mark.parametrize("isolate", [True, False])
def test_pdf_read_in_process_or_isolated(isolate: bool) -> None:
    doc = read_bytes(
        simple_pdf(["Python"], compress=True), source="x.pdf", limits=Limits(isolate=isolate)
    )
    assert doc.text == "Python"


def test_pdf_content_with_wrong_extension_is_read_with_warning(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "cv.txt", simple_pdf(["Python"])))
    assert (doc.format, doc.text) == ("pdf", "Python")
    assert doc.warnings == ("the file name ends in .txt but the content is a PDF; read as PDF",)


def test_garbled_font_gives_warning() -> None:
    doc = read_bytes(cid_font_pdf(["Python and SQL"]), source="cid.pdf")
    assert doc.text == "Python and SQL"
    assert doc.warnings == (
        "garbled font encoding: 4 glyph(s) without a Unicode mapping ((cid:NN)) were dropped;"
        " some words may be missing",
    )


# ---------------------------------------------------------------------------- quality gate


def test_mojibake_repaired_with_warning() -> None:
    text, warnings = check_text("CafÃ© â€“ donâ€™t Ã¼ber", source="x")
    assert text == "Café – don’t über"
    assert warnings == ["mojibake: repaired 4 UTF-8 sequence(s) read as CP-1252 (Ã© -> é)"]


def test_mojibake_with_nbsp_and_c1_bytes() -> None:
    # "à" is C3 A0 (A0 = no-break space), "Á" is C3 81 (81 is undefined in CP-1252)
    assert check_text("Voil\u00c3\u00a0 \u00c3\u0081lvaro", source="x")[0] == "Voilà Álvaro"


def test_legit_latin1_text_is_not_mojibake() -> None:
    assert check_text("SÃO PAULO, Ångström, « déjà vu »", source="x") == (
        "SÃO PAULO, Ångström, « déjà vu »",
        [],
    )


def test_replacement_chars_and_controls_and_ligatures() -> None:
    text, warnings = check_text("ﬁne-tuning\x07 Py\ufffdhon\x0c\ufb02ow", source="x")
    assert text == "fine-tuning Py\ufffdhon\nflow"
    assert warnings == [
        "removed 1 control character(s)",
        "1 replacement character(s) (U+FFFD): some characters were lost before jobmatch saw"
        " the text",
    ]


def test_only_unmapped_glyphs_is_no_text_layer() -> None:
    with pytest.raises(NoTextLayerError) as err:
        check_text("(cid:12)(cid:34)\n(cid:5)", source="s.pdf")
    assert str(err.value) == (
        "s.pdf: no usable text layer: all 3 glyphs lack a Unicode mapping ((cid:NN)); OCR is not"
        " supported"
    )


def test_garbled_text_warning() -> None:
    _, warnings = check_text("#$%& 12 ;;" * 30, source="x")
    assert warnings == ["text looks garbled: only 0% of its characters are letters"]


def test_lone_surrogates_replaced() -> None:
    text, warnings = check_text("Python \ud800 SQL", source="x")
    assert text == "Python \ufffd SQL"
    assert len(warnings) == 1


def test_read_text_and_empty_text() -> None:
    assert read_text("  Python  \n", source="<t>").text == "Python"
    with pytest.raises(EmptyDocumentError) as err:
        read_text(" \n\t ", source="<t>")
    assert str(err.value) == "<t>: no text (empty or whitespace only)"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n", "pdf"),
        (b"junk\n%PDF-1.4\n1 0 obj\n<<>>\nendobj\n", "pdf"),
        (b"Notes: our parser reads %PDF-1.4 files", "text"),
        (b"\x89PNG\r\n\x1a\n\x00", "png"),
        (b"\xff\xd8\xff\xe0", "jpeg"),
        (b"PK\x03\x04", "zip"),
        (b"{\\rtf1 hi}", "rtf"),
        (b"  <!DOCTYPE html><p>", "html"),
        (b"MZ", "text"),
        (b"MZ Consulting GmbH, data engineer " * 3, "text"),
        (b"BMW Group: ML engineer", "text"),
        (b"BM\x36\x00\x0c\x00\x00\x00\x00\x00\x36\x00", "bmp"),
        (b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 60, "exe"),
        (b"plain words", "text"),
        (b"\x01\x02\x00\x03", "binary"),
    ],
)
def test_sniff_format(data: bytes, kind: str) -> None:
    assert sniff_format(data) == kind


def test_limits_validation() -> None:
    with pytest.raises(ValueError, match="Limits.max_pages must be positive"):
        Limits(max_pages=0)
    assert Limits().max_bytes == 20 * 1024 * 1024


def test_public_api_is_lazy() -> None:
    code = (
        "import sys, jobmatch; assert 'pdfminer' not in sys.modules;"
        "jobmatch.read_document; assert 'pdfminer' not in sys.modules; print('ok')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "ok\n"
    assert jobmatch.read_document is read_document


# ---------------------------------------------------------------------------- real documents


@pytest.mark.evaluation
def test_two_column_template_reads_in_column_order(shared_data: Path) -> None:
    folder = shared_data / "resumes" / "resume_matcher"
    two = read_document(folder / "template_two_column.pdf").text
    one = read_document(folder / "template_modern_single_column.pdf").text
    # the sidebar (skills) comes after the main column, not interleaved with EXPERIENCE
    experience, projects, skills = (two.index(h) for h in ("EXPERIENCE", "PROJECTS", "\nSKILLS"))
    assert experience < projects < skills
    for sidebar_item in ("Kubernetes", "Terraform", "Datadog", "A/B Testing", "Feature Flags"):
        assert two.index(f"\n{sidebar_item}\n") > skills, sidebar_item
    for bullet in ("Designed and implemented real-time fraud detection", "DevFlow"):
        assert bullet in one and experience < two.index(bullet) < skills


@pytest.mark.evaluation
def test_two_column_template_gives_the_same_skills(
    shared_data: Path, extractor: SkillExtractor
) -> None:
    # line breaks fall differently in the two layouts ("conflict\nresolution"); compare the
    # words read, with whitespace normalised, so this checks the reader, not phrase matching
    folder = shared_data / "resumes" / "resume_matcher"
    skills = [
        {m.skill_id for m in extractor.extract(" ".join(read_document(folder / name).text.split()))}
        for name in ("template_two_column.pdf", "template_modern_single_column.pdf")
    ]
    # same skills; the only difference allowed is the single-column "Technical Skills:" label
    assert len(skills[0]) >= 40
    assert skills[0] ^ skills[1] <= {"technical_skills"}, skills[0] ^ skills[1]


def test_one_or_two_unmapped_icons_are_dropped_without_warning() -> None:
    text = "Jane Doe\n(cid:240) jdoe\n" + "Python and SQL developer. " * 4
    assert check_text(text, source="x") == (
        "Jane Doe\n jdoe\n" + ("Python and SQL developer. " * 4).strip(),
        [],
    )


def test_html_table_rows_become_lines_with_tabs_between_cells() -> None:
    html = "<table><tr><th>Skill</th><th>Years</th></tr><tr><td>Python</td><td>5</td></tr></table>"
    assert html_to_text(html) == "Skill\tYears\nPython\t5"


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
