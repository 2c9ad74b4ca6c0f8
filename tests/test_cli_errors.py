"""Every command that reads files, against every kind of bad input (the error matrix).

Single-document commands (score, match, extract) exit 1 with exactly one stderr line
``Error: <file>: <reason>`` and print nothing else. Batch-like commands (batch, rank)
exit 1, still write the good record, and write an error record for the bad one; market
writes its report counting the bad posting and exits 1 with one stderr line. Text in a
wrong encoding is not an error: it is decoded and its skills are found. See docs/errors.md.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from jobmatch.cli import main
from jobmatch.models import Limits
from tests.helpers import encrypted_pdf, image_only_pdf, write

GOOD = "Python developer with PyTorch and SQL experience.\n"
ENCODED = "Skills: Python, PyTorch and SQL. Caf\u00e9 r\u00e9sum\u00e9.\n"
#: the size limit the "huge" input is over (commands without --max-bytes: monkeypatched)
SMALL_LIMIT = 2_000


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a.txt", "Python")
    return buf.getvalue()


def _folder(tmp: Path) -> Path:
    folder = tmp / "folder"
    folder.mkdir()
    return folder


#: kind -> (build the bad input in tmp_path, the reason, the batch error_code)
BAD: dict[str, tuple[Callable[[Path], Path], str, str]] = {
    "missing": (lambda t: t / "missing.txt", "no such file", "not_found"),
    "empty": (lambda t: write(t, "empty.txt", b""), "empty file (0 bytes)", "empty"),
    "huge": (
        lambda t: write(t, "huge.txt", b"Python SQL " * 400),
        "too large (4400 bytes > limit 2000 bytes; raise Limits.max_bytes to read it)",
        "too_large",
    ),
    "corrupt_pdf": (
        lambda t: write(t, "corrupt.pdf", b"%PDF-1.4\n garbage garbage\n%%EOF"),
        "corrupt PDF: No /Root object! - Is this really a PDF?",
        "corrupt",
    ),
    "encrypted_pdf": (
        lambda t: write(t, "locked.pdf", encrypted_pdf("Python")),
        "encrypted PDF: pass its password to read it",
        "encrypted",
    ),
    "image_only_pdf": (
        lambda t: write(t, "scan.pdf", image_only_pdf()),
        "no text layer: 1 page(s) with 1 image(s) and no text (a scan?); OCR is not supported",
        "no_text_layer",
    ),
    "png_as_pdf": (
        lambda t: write(t, "png.pdf", b"\x89PNG\r\n\x1a\n" + bytes(100)),
        "not a PDF: looks like a PNG image",
        "unsupported_format",
    ),
    "zip_as_pdf": (
        lambda t: write(t, "zip.pdf", _zip()),
        "not a PDF: looks like a ZIP archive",
        "unsupported_format",
    ),
    "folder": (_folder, "is a directory, not a file", "unreadable"),
}

#: wrongly encoded text: decoded, not refused (nothing lost)
ENCODINGS: dict[str, bytes] = {
    "utf16_without_bom": ENCODED.encode("utf-16-le"),
    "latin1": ENCODED.encode("latin-1"),
    "invalid_utf8": b"Skills: Python, PyTorch and SQL. \xff\xfe\xc3( end\n",
}


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def small_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """The document size limit of score / match / extract / market, made small."""
    monkeypatch.setattr("jobmatch.read.documents.DEFAULT_LIMITS", Limits(max_bytes=SMALL_LIMIT))


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return write(tmp_path, "good.txt", GOOD.encode())


def _single(command: str, bad: Path, good: Path) -> list[str]:
    return {
        "score": ["score", str(bad)],
        "match": ["match", str(bad), str(good)],
        "match_posting": ["match", str(good), str(bad)],
        "extract": ["extract", str(good), str(bad)],
    }[command]


@pytest.mark.usefixtures("small_limit")
@pytest.mark.parametrize("command", ["score", "match", "match_posting", "extract"])
@pytest.mark.parametrize("kind", sorted(BAD))
def test_single_document_commands(tmp_path: Path, good: Path, command: str, kind: str) -> None:
    build, reason, _code = BAD[kind]
    bad = build(tmp_path)
    result = run(*_single(command, bad, good))
    assert result.exit_code == 1, result.output
    if kind == "encrypted_pdf" and command == "score":
        reason += " (--password PW)"  # the one command with the option names it
    assert result.stderr == f"Error: {bad}: {reason}\n"
    assert result.stdout == ""


def _records(stdout: str) -> dict[str, dict[str, object]]:
    return {r["source"]: r for r in map(json.loads, stdout.splitlines())}


@pytest.mark.parametrize("command", ["batch", "rank"])
@pytest.mark.parametrize("kind", sorted(set(BAD) - {"folder"}))  # a folder is an input there
def test_batch_like_commands(tmp_path: Path, good: Path, command: str, kind: str) -> None:
    build, reason, code = BAD[kind]
    bad = build(tmp_path)
    limit = ["--max-bytes", str(SMALL_LIMIT), "-q", "--format", "jsonl"]
    if command == "batch":
        result = run("batch", *limit, str(good), str(bad))
    else:
        result = run("rank", *limit, "--posting", str(good), str(good), str(bad))
    assert result.exit_code == 1, result.output
    assert result.stderr == ""
    records = _records(result.stdout)
    assert sorted(records) == sorted([str(good), str(bad)])
    assert records[str(good)]["status"] == "ok"
    assert records[str(bad)]["status"] == "error"
    assert records[str(bad)]["error_code"] == code


@pytest.mark.usefixtures("small_limit")
@pytest.mark.parametrize("kind", sorted(set(BAD) - {"folder"}))
def test_market_counts_the_bad_posting(tmp_path: Path, good: Path, kind: str) -> None:
    bad = BAD[kind][0](tmp_path)
    result = run("market", "--format", "json", str(good), str(bad))
    assert result.exit_code == 1, result.output
    assert result.stderr == "Error: 1 posting(s) could not be read (--debug lists them)\n"
    report = json.loads(result.stdout)
    assert (report["postings"], report["failed"]) == (1, 1)


@pytest.mark.parametrize("kind", sorted(ENCODINGS))
def test_wrong_encodings_are_decoded(tmp_path: Path, kind: str) -> None:
    path = write(tmp_path, f"{kind}.txt", ENCODINGS[kind])
    result = run("extract", "--format", "json", str(path))
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    [document] = json.loads(result.stdout)
    assert [s["skill_id"] for s in document["skills"]] == ["python", "pytorch", "sql"]
    result = run("batch", "-q", str(path))
    assert result.exit_code == 0, result.output
    # the profile's matched skills (SQL is not one; PyTorch also credits deep and machine learning)
    matched = sorted(json.loads(result.stdout)["matched"])
    assert matched == ["deep_learning", "machine_learning", "python", "pytorch"]


@pytest.mark.parametrize("command", ["score", "extract", "match"])
def test_text_over_the_pipeline_limit(tmp_path: Path, good: Path, command: str) -> None:
    """A 1.2 MB text is within the file limit but over the 1,000,000 characters spaCy
    takes: DocumentTooLargeError, not spaCy's bare ValueError and a traceback."""
    long = write(tmp_path, "long.txt", b"Python SQL " * 110_000)
    result = run(*_single(command, long, good))
    assert result.exit_code == 1, result.output
    assert result.stderr == (
        f"Error: {long}: text too long: 1,209,999 characters, over the limit of 1,000,000\n"
    )


@pytest.mark.parametrize(
    "args",
    [
        ["score"],
        ["score", "a.txt", "b.txt"],
        ["match", "-", "-"],
        ["extract", "-", "-"],
        ["batch", "--jobs", "0", "x"],
        ["rank", "x.txt"],
        ["market", "-o", "report.txt", "x"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.stderr.splitlines()[-1].startswith("Error: ")
