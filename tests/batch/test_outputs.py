"""Batch output an analyst can use: kept fields, readable columns, settings fingerprint,
usage errors for a wrong output name or text column, the --min-score count."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobmatch.cli import main
from jobmatch.scoring.profiles import load_profile

ML = "Research engineer: Python, PyTorch and CUDA; Kubernetes a plus."
NURSE = "Registered nurse for patient care on night shifts."


@pytest.fixture()
def postings_csv(tmp_path: Path) -> Path:
    f = tmp_path / "p.csv"
    with f.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["text", "title", "company"])
        w.writerow([ML, "ML Engineer", "Acme"])
        w.writerow([NURSE, "Nurse", "=Clinic"])
        w.writerow([" ", "Empty", "Void"])
    return f


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["batch", *args])
    return result.exit_code, result.stdout, result.stderr


def test_csv_keeps_fields_numbers_rows_and_has_a_column_per_category(
    postings_csv: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.csv"
    code, _, _ = run(str(postings_csv), "-o", str(out), "--keep-fields", "title,company", "-q")
    assert code == 1  # the empty text
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    categories = [f"{c.label} coverage" for c in load_profile().categories]
    assert rows[0] == [
        "id",
        "title",
        "company",
        "source",
        "status",
        "score",
        *categories,
        "matched",
        "missing",
        "error",
        "error_code",
        "warnings",
        "profile",
    ]
    table = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    # ids are data row numbers (no id column); sources are physical lines
    assert [(r["id"], r["source"]) for r in table] == [
        (f"{postings_csv}:{n}", f"{postings_csv}:{n + 1}") for n in (1, 2, 3)
    ]
    assert [(r["title"], r["company"], r["status"]) for r in table] == [
        ("ML Engineer", "Acme", "ok"),
        ("Nurse", "'=Clinic", "ok"),  # a formula neutralised
        ("Empty", "Void", "error"),
    ]
    assert table[0]["Programming languages coverage"] == "0.52"
    assert table[1]["Programming languages coverage"] == "0.00"
    assert table[2]["Programming languages coverage"] == ""


def test_jsonl_carries_kept_fields_only_when_asked(postings_csv: Path) -> None:
    _, out, _ = run(str(postings_csv), "--keep-fields", "title, salary", "-q")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["fields"] for r in rows] == [
        {"title": "ML Engineer", "salary": ""},
        {"title": "Nurse", "salary": ""},
        {"title": "Empty", "salary": ""},
    ]
    _, out, _ = run(str(postings_csv), "-q")
    assert ["fields" in json.loads(line) for line in out.splitlines()] == [False] * 3


def test_table_shows_skill_names_and_kept_fields(postings_csv: Path) -> None:
    code, out, err = run(str(postings_csv), "--format", "table", "--keep-fields", "title")
    lines = out.splitlines()
    assert lines[0].split() == ["#", "score", "id", "title", "matched", "missing"]
    assert lines[1].split()[:2] == ["1", "28.6"]
    assert lines[1].index("ML Engineer") == lines[0].index("title")
    # names, not ids, clipped between two names ("deep learning" and ", …" take 42)
    assert "  Python, machine learning, …  " in lines[1]
    assert "machine_learning" not in out
    assert (
        lines[3]
        == "2 of 2 scored records shown; 1 failed (see the jsonl or csv output for reasons)"
    )
    assert f"failed: {postings_csv}:4: empty text" in err


def test_continuing_with_other_settings_is_a_usage_error_saying_what_differs(
    postings_csv: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    assert run(str(postings_csv), "-o", str(out), "-q")[0] == 1
    before = out.read_text()
    resume = tmp_path / "cv.txt"
    resume.write_text("SKILLS\nPython, PyTorch, CUDA\n", encoding="utf-8")
    args = ["--resume", str(resume), "--keep-fields", "title", "-q"]
    code, _, err = run(str(postings_csv), "-o", str(out), *args)
    assert code == 2
    settings = json.loads(Path(f"{out}.settings.json").read_text())
    assert settings["keep_fields"] is None and settings["resume"] is None
    message = " ".join(err.split()).split("Error: ", 1)[1]
    assert message.startswith(
        f"{out} was written with other settings: keep_fields was (none), now 'title';"
        " resume was (none), now 'sha256:"
    )
    assert message.endswith(
        f". continue with the same settings, or write to another -o (or delete {out})"
    )
    assert out.read_text() == before
    # the same settings continue (nothing left to do)
    code, _, err = run(str(postings_csv), "-o", str(out))
    assert code == 0
    assert err.startswith("batch: 0 ok, 0 failed, 3 already done,")


@pytest.mark.parametrize(
    ("name", "fmt", "code"),
    [("out.txt", None, 2), ("out.xlsx", None, 2), ("out.txt", "csv", 1), ("OUT.CSV", None, 1)],
)
def test_an_output_name_of_an_unknown_format_needs_format(
    postings_csv: Path, tmp_path: Path, name: str, fmt: str | None, code: int
) -> None:
    out = tmp_path / name
    args = [str(postings_csv), "-o", str(out), "-q", *(["--format", fmt] if fmt else [])]
    got, _, err = run(*args)
    assert got == code
    if code == 2:
        assert (
            f"Error: cannot tell what to write to {out}: name it .jsonl, .ndjson, .jsonlines,"
            " .csv, or give --format"
        ) in " ".join(err.split())
        assert not out.exists()
    else:
        assert out.read_text().startswith("id,source,status,score,")


def test_the_summary_counts_what_min_score_left_out(postings_csv: Path) -> None:
    code, out, err = run(str(postings_csv), "--min-score", "10")
    assert code == 1
    assert len(out.splitlines()) == 2  # ML and the error record
    assert err.startswith("batch: 2 ok, 1 failed, 1 below --min-score left out, ")


def test_a_text_column_or_field_absent_everywhere_is_a_usage_error(
    postings_csv: Path, tmp_path: Path
) -> None:
    code, out, err = run(str(postings_csv), "--text-column", "body")
    assert (code, out) == (2, "")
    assert (
        "Error: no CSV input has the text column 'body' (--text-column);"
        f" {postings_csv}: no column 'body' (columns: text, title, company)"
    ) in " ".join(err.split())
    jl = tmp_path / "p.jsonl"
    jl.write_text(json.dumps({"id": "a", "body": ML}) + "\n", encoding="utf-8")
    code, _, err = run(str(jl))
    assert code == 2
    assert f"Error: no JSON line has the text field 'text' (--text-field), in {jl}" in err
    assert run(str(jl), "--text-field", "body", "-q")[0] == 0


def test_the_encrypted_pdf_reason_does_not_name_an_option_batch_lacks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jobmatch.errors import EncryptedDocumentError
    from jobmatch.read import documents

    def encrypted(path: object, **kwargs: object) -> None:
        raise EncryptedDocumentError(
            "encrypted PDF: pass its password to read it", source=str(path)
        )

    monkeypatch.setattr(documents, "read_document", encrypted)
    pdf = tmp_path / "locked.pdf"
    pdf.write_bytes(b"%PDF-1.7\n")
    code, out, _ = run(str(pdf), "-q")
    assert code == 1
    row = json.loads(out)
    assert (row["error_code"], row["error"]) == (
        "encrypted",
        "encrypted PDF: it needs a password; batch does not open encrypted PDFs"
        " (score it alone: jobmatch score --password PW FILE)",
    )


def test_keep_fields_may_not_repeat_a_column(postings_csv: Path) -> None:
    code, _, err = run(str(postings_csv), "--keep-fields", "title,score")
    assert code == 2
    assert "--keep-fields: score would repeat a column of the output" in err


def test_kept_fields_survive_the_worker_pool(postings_csv: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    keep = ["--keep-fields", "title,company", "-q"]
    assert run(str(postings_csv), "-o", str(one), *keep)[0] == 1
    assert run(str(postings_csv), "-o", str(two), "--jobs", "2", *keep)[0] == 1
    assert two.read_text() == one.read_text()
    assert "ML Engineer,Acme," in one.read_text()
