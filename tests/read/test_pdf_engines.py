"""Both PDF engines (pdfminer.six, the reference, and pypdfium2) under the same guards.

Each case runs with each engine and expects the same answer: the same text on simple
files, the same one-line errors for encrypted, image-only, empty, oversized and bomb files.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobmatch.errors import (
    CorruptDocumentError,
    DocumentError,
    EmptyDocumentError,
    EncryptedDocumentError,
    NoTextLayerError,
    ParseLimitError,
)
from jobmatch.models import Limits
from jobmatch.read import pdfium
from jobmatch.read.documents import read_bytes, read_document
from jobmatch.read.normalize import drawn_soft_hyphens
from tests.helpers import (
    FakeClock,
    bomb_pdf,
    build_pdf,
    image_only_pdf,
    many_pages_pdf,
    simple_pdf,
    text_stream,
    write,
)

MB = 1024 * 1024
ENGINES = ["pdfminer", "pdfium"]


def fails(data: bytes, cls: type[DocumentError], engine: str, **kw: object) -> str:
    with pytest.raises(DocumentError) as err:
        read_bytes(data, source="cv.pdf", pdf_engine=engine, **kw)  # type: ignore[arg-type]
    assert type(err.value) is cls, repr(err.value)
    assert "\n" not in str(err.value)
    return err.value.reason


def encrypt(data: bytes, *, user: str, owner: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user, owner_password=owner, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("isolate", [True, False])
def test_same_text_and_pages(engine: str, isolate: bool) -> None:
    data = simple_pdf(["Jane Doe", "Python developer", "SQL and Docker"], ["Page two: Kubernetes"])
    doc = read_bytes(data, source="cv.pdf", pdf_engine=engine, limits=Limits(isolate=isolate))
    assert (doc.text, doc.pages, doc.warnings) == (
        "Jane Doe\nPython developer\nSQL and Docker\n\nPage two: Kubernetes",
        2,
        (),
    )


@pytest.mark.parametrize("engine", ENGINES)
def test_a_drawn_soft_hyphen_is_a_hyphen(engine: str) -> None:
    # LaTeX classes such as Awesome-CV map their hyphen glyph to U+00AD: dropped as an
    # invisible soft hyphen, "cloud-native" read "cloudnative" and a date range lost its dash
    fonts = (
        b"<< /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type"
        b" /Encoding /BaseEncoding /WinAnsiEncoding /Differences [173 /sfthyphen] >> >> >>"
    )
    lines = [
        "Cloud\xadnative, Sep. 2023 \xad Mar. 2024",
        "high\xadavailability, the en\xad",
        "terprise",
    ]
    data = build_pdf([text_stream(lines)], fonts=fonts)
    doc = read_bytes(data, source="cv.pdf", pdf_engine=engine)
    # the line's last one joins a word broken across the lines, as a hyphen does
    assert doc.text == "Cloud-native, Sep. 2023 - Mar. 2024\nhigh-availability, the enterprise"


def test_soft_hyphens_of_other_formats_stay_invisible() -> None:
    assert read_bytes(b"cloud\xc2\xadnative", source="cv.txt").text == "cloudnative"
    # beside a hyphen character (a Word export's "on-\xad\u2010campus") it adds none
    assert drawn_soft_hyphens("on-\xad\u2010campus, a \xad b") == "on-\u2010campus, a - b"


@pytest.mark.parametrize("engine", ENGINES)
def test_encrypted(engine: str) -> None:
    data = encrypt(simple_pdf(["Python"]), user="s3cret", owner="own")
    assert fails(data, EncryptedDocumentError, engine) == (
        "encrypted PDF: pass its password to read it"
    )
    assert fails(data, EncryptedDocumentError, engine, password="guess") == (
        "wrong password for this encrypted PDF"
    )
    assert read_bytes(data, source="x", password="s3cret", pdf_engine=engine).text == "Python"
    owner_only = encrypt(simple_pdf(["Python"]), user="", owner="own")
    assert read_bytes(owner_only, source="x", pdf_engine=engine).text == "Python"


@pytest.mark.parametrize("engine", ENGINES)
def test_image_only_and_empty(engine: str) -> None:
    assert fails(image_only_pdf(3), NoTextLayerError, engine) == (
        "no text layer: 3 page(s) with 3 image(s) and no text (a scan?); OCR is not supported"
    )
    assert fails(simple_pdf([], []), EmptyDocumentError, engine) == "no text in 2 page(s)"


@pytest.mark.parametrize("engine", ENGINES)
def test_corrupt(engine: str) -> None:
    data = simple_pdf(["Python developer"] * 30)
    reason = fails(data[: len(data) // 3], CorruptDocumentError, engine)
    assert reason.startswith("corrupt PDF")


@pytest.mark.parametrize("engine", ENGINES)
def test_page_limit(engine: str) -> None:
    assert fails(many_pages_pdf(2000), ParseLimitError, engine) == (
        "too many pages (2000 > limit 500; raise Limits.max_pages to read it)"
    )
    assert read_bytes(many_pages_pdf(12), source="x", pdf_engine=engine).pages == 12


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("isolate", [True, False])
def test_decompression_bomb(engine: str, isolate: bool) -> None:
    limits = Limits(max_inflated_bytes=16 * MB, isolate=isolate)
    assert fails(bomb_pdf(64 * MB), ParseLimitError, engine, limits=limits) == (
        "decompression bomb: PDF streams inflate to more than 16777216 bytes"
        " (Limits.max_inflated_bytes)"
    )


@pytest.mark.parametrize("module", ["pdf", "pdfium"])
def test_time_limits_with_a_fake_clock(module: str) -> None:
    import importlib

    engine = importlib.import_module(f"jobmatch.read.{module}")
    with pytest.raises(ParseLimitError) as err:
        engine.extract_pdf(
            many_pages_pdf(3),
            source="slow.pdf",
            limits=Limits(timeout_s=1.5, isolate=False),
            clock=FakeClock(1),
        )
    assert err.value.reason == (
        "parsing took longer than 1.5 s (Limits.timeout_s); stopped at page 2"
    )
    with pytest.raises(ParseLimitError) as err:
        engine.extract_pdf(
            many_pages_pdf(3), source="slow.pdf", limits=Limits(timeout_s=5), clock=FakeClock(10)
        )
    assert err.value.reason == "parsing took longer than 5 s (Limits.timeout_s); stopped"


def test_memory_limit_of_the_isolated_pdfium_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    # a parse that allocates far past the child's address-space limit
    def greedy(*args: object, **kwargs: object) -> None:
        b"x" * (1024 * MB)

    monkeypatch.setattr(pdfium, "parse_pdf", greedy)
    limits = Limits(max_memory_mb=200, timeout_s=20)
    assert fails(simple_pdf(["Python"]), ParseLimitError, "pdfium", limits=limits) == (
        "parsing needed more memory than the limit (Limits.max_memory_mb)"
    )


def test_unknown_engine_and_missing_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValueError, match="unknown PDF engine 'mupdf'"):
        read_bytes(simple_pdf(["Python"]), source="x", pdf_engine="mupdf")
    monkeypatch.setattr(pdfium, "available", lambda: False)
    assert fails(simple_pdf(["Python"]), DocumentError, "pdfium") == (
        "the pdfium engine needs pypdfium2: pip install 'jobmatch[pdfium]'"
    )


def test_environment_variable_chooses_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdfium, "available", lambda: False)  # proves pdfium was chosen
    monkeypatch.setenv("JOBMATCH_PDF_ENGINE", "pdfium")
    with pytest.raises(DocumentError, match="needs pypdfium2"):
        read_bytes(simple_pdf(["Python"]), source="x")
    assert read_bytes(simple_pdf(["Python"]), source="x", pdf_engine="pdfminer").text == "Python"


@pytest.mark.parametrize("command", ["score", "match"])
def test_cli_pdf_engine_option(tmp_path: Path, command: str) -> None:
    from jobmatch.cli import main

    cv = write(tmp_path, "cv.pdf", simple_pdf(["Python developer", "PyTorch, SQL, Docker"]))
    posting = write(tmp_path, "job.txt", b"We need Python, PyTorch and Kubernetes.")
    args = [command, str(cv)] + ([str(posting)] if command == "match" else [])
    outputs = []
    for engine in ENGINES:
        result = CliRunner().invoke(main, [*args, "--pdf-engine", engine, "--format", "json"])
        assert result.exit_code == 0, result.output
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]
    bad = CliRunner().invoke(main, [*args, "--pdf-engine", "mupdf"])
    assert bad.exit_code == 2


def test_cli_option_does_not_leak(tmp_path: Path) -> None:
    import os

    from jobmatch.cli import main

    cv = write(tmp_path, "cv.pdf", simple_pdf(["Python developer"]))
    assert CliRunner().invoke(main, ["score", str(cv), "--pdf-engine", "pdfium"]).exit_code == 0
    assert "JOBMATCH_PDF_ENGINE" not in os.environ


@pytest.mark.evaluation
def test_two_column_template_in_column_order_with_both(shared_data: Path) -> None:
    path = shared_data / "resumes" / "resume_matcher" / "template_two_column.pdf"
    texts = [read_document(path, pdf_engine=e).text for e in ENGINES]
    heads = [[ln for ln in t.splitlines() if ln.isupper()][:8] for t in texts]
    assert heads[0] == heads[1]


def _date_beside_role_pdf() -> bytes:
    """A resume entry whose dates ("2021 -" / "Present") are drawn after the role, to its
    left, their top 0.3 pt below the role's first line (as in a real resume template)."""
    ops = [
        "BT /F1 11 Tf 146 700 Td (Machine Learning Engineer, Acme) Tj ET",
        "BT /F1 11 Tf 146 686 Td (Led a team of engineers building search.) Tj ET",
        "BT /F1 11 Tf 146 620 Td (Data Scientist, Initech) Tj ET",
        "BT /F1 10.7 Tf 90 699.7 Td (2021 -) Tj ET",
        "BT /F1 10.7 Tf 90 685.7 Td (Present) Tj ET",
        "BT /F1 11 Tf 90 620 Td (2018 - 2021) Tj ET",
    ]
    return build_pdf(["\n".join(ops).encode("latin-1")])


@pytest.mark.parametrize("engine", ENGINES)
def test_dates_beside_a_role_are_read_before_it(engine: str) -> None:
    """A block level with another (tops within half a line) is read left to right, so the
    dates stay with their role whichever order the PDF drew them in."""
    text = read_bytes(_date_beside_role_pdf(), source="cv.pdf", pdf_engine=engine).text
    assert text.index("2021 -") < text.index("Present") < text.index("Machine Learning")
    assert text.index("Machine Learning") < text.index("2018 - 2021") < text.index("Data Sci")


@pytest.mark.parametrize(
    "command",
    [
        ["extract", "{cv}"],
        ["facts", "{cv}"],
        ["posting", "{cv}"],
        ["rank", "{cv}", "--posting", "{job}"],
        ["market", "{job}", "--resume", "{cv}", "--format", "json"],
    ],
)
def test_every_command_that_reads_files_takes_the_engine_option(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    """--pdf-engine reaches the reader: with pdfium made unavailable, choosing it fails
    on the PDF (naming the extra), choosing pdfminer reads it."""
    from jobmatch.cli import main

    cv = write(tmp_path, "cv.pdf", simple_pdf(["Python developer", "PyTorch, SQL, Docker"]))
    job = write(tmp_path, "job.txt", b"We need Python, PyTorch and Kubernetes.")
    args = [a.format(cv=cv, job=job) for a in command]
    monkeypatch.setattr(pdfium, "available", lambda: False)
    ok = CliRunner().invoke(main, [*args, "--pdf-engine", "pdfminer"])
    assert ok.exit_code == 0, ok.output
    failed = CliRunner().invoke(main, [*args, "--pdf-engine", "pdfium"])
    assert failed.exit_code == 1
    assert "needs pypdfium2" in failed.output
