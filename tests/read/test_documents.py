"""read_document: formats, encodings, PDF, the quality gate, reading order (HTML and DOCX:
test_html_reader.py, test_docx_reader.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import jobmatch
from jobmatch.errors import (
    EmptyDocumentError,
    NoTextLayerError,
)
from jobmatch.read.documents import (
    Limits,
    check_text,
    read_bytes,
    read_document,
    read_text,
    read_text_bytes,
    sniff_format,
)

if TYPE_CHECKING:
    from jobmatch.extract.component import SkillExtractor
from tests.helpers import cid_font_pdf, simple_pdf, write

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
    assert warnings == [
        'mojibake: repaired 4 UTF-8 sequence(s) read as CP-1252, the first "CafÃ©" -> "Café"'
    ]
    # the example is the document's own first repaired word, not a fixed one
    _, warnings = check_text("Python\nSQL and donâ€™t", source="x")
    assert warnings == [
        'mojibake: repaired 1 UTF-8 sequence(s) read as CP-1252, the first "donâ€™t" -> "don’t"'
    ]


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


def test_letters_are_counted_as_str_isalpha_counts_them() -> None:
    import random

    from jobmatch.read.normalize import count_letters

    rng = random.Random(6)
    alphabet = "aZ09 _-.\u00e9\u00df\u0416\u4e2d\u0661\u00b2\u2022\U0001d400\ufb01\u02b0"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
        assert count_letters(text) == sum(map(str.isalpha, text)), text
    assert count_letters("abc") == 3
    assert count_letters("\u00e9t\u00e9 2021") == 3


def test_trailing_spaces_and_blank_lines_go() -> None:
    text, _ = check_text("Python  \nSQL\t\n\n\n\nDocker \t \nGo\n\n\nRust", source="x")
    assert text == "Python\nSQL\n\nDocker\nGo\n\nRust"
    assert check_text("Python\n \nSQL", source="x")[0] == "Python\n\nSQL"


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


def test_an_isolated_pdf_parse_imports_pdfminer_in_the_child_only() -> None:
    # the parent (jobmatch score, building its scorer meanwhile) never imports pdfminer:
    # the parser child does; in process, the parse imports it on first use
    code = (
        "import sys\n"
        "from jobmatch.models import Limits\n"
        "from jobmatch.read import pdf\n"
        "data = open(sys.argv[1], 'rb').read()\n"
        "isolated = pdf.extract_pdf(data, source='a.pdf', limits=Limits())\n"
        "print('pdfminer' in sys.modules, 'numpy' in sys.modules)\n"
        "here = pdf.extract_pdf(data, source='a.pdf', limits=Limits(isolate=False))\n"
        "print('pdfminer' in sys.modules, here.text == isolated.text, here.pages)\n"
    )
    sample = str(Path(__file__).resolve().parents[2] / "samples" / "research_engineer_resume.pdf")
    out = subprocess.run(
        [sys.executable, "-c", code, sample], capture_output=True, text=True, check=True
    )
    assert out.stdout.split("\n")[:2] == ["False False", "True True 2"]
    from jobmatch.read import pdf, pdf_parse

    assert pdf.page_text is pdf_parse.page_text  # the names pdf gave before still work
    with pytest.raises(AttributeError):
        pdf.no_such_name  # noqa: B018


def test_the_docx_and_html_readers_are_imported_for_such_files_only() -> None:
    code = (
        "import sys\n"
        "from jobmatch.read.documents import read_bytes\n"
        "from tests.helpers import docx_bytes\n"
        "readers = ('jobmatch.read.docx', 'jobmatch.read.html')\n"
        "read_bytes(b'Python and SQL', source='cv.txt')\n"
        "print([m in sys.modules for m in readers])\n"
        "read_bytes(b'<p>Python</p>', source='cv.html', name='cv.html')\n"
        "print([m in sys.modules for m in readers])\n"
        "print(read_bytes(docx_bytes(['Python']), source='cv.docx', name='cv.docx').format)\n"
        "print([m in sys.modules for m in readers])\n"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root
    )
    assert out.stdout.splitlines() == [
        "[False, False]",
        "[False, True]",
        "docx",
        "[True, True]",
    ]


def test_public_api_is_lazy() -> None:
    code = (
        "import sys, jobmatch; assert 'pdfminer' not in sys.modules;"
        "jobmatch.read_document; assert 'pdfminer' not in sys.modules; print('ok')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "ok\n"
    # 0.2.0: the public read_document is jobmatch.api's (file names no file system can hold
    # are DocumentNotFoundError there); it reads through this module's read_document
    from jobmatch import api

    assert jobmatch.read_document is api.read_document


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
