"""``jobmatch batch``: formats, exit codes, CSV injection, stdin, resume after a kill."""

from __future__ import annotations

import csv
import io
import json
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobmatch.cli import main

ML = "Research engineer: Python, PyTorch and CUDA; Kubernetes a plus."
NURSE = "Registered nurse for patient care on night shifts."


@pytest.fixture()
def postings(tmp_path: Path) -> Path:
    f = tmp_path / "postings.jsonl"
    rows = [
        {"id": "ml", "text": ML},
        {"id": "nurse", "text": NURSE},
        {"id": "=HYPERLINK(1)", "text": "PyTorch"},
        {"id": "empty", "text": " "},
    ]
    f.write_text("".join(json.dumps(r) + "\n" for r in rows) + "{oops\n", encoding="utf-8")
    return f


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["batch", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_jsonl_output_fields_and_exit_code_1(postings: Path) -> None:
    code, out, err = run(str(postings))
    assert code == 1  # two records failed
    lines = [json.loads(line) for line in out.splitlines()]
    assert [(r["id"], r["status"], r["error_code"]) for r in lines] == [
        ("ml", "ok", None),
        ("nurse", "ok", None),
        ("=HYPERLINK(1)", "ok", None),
        ("empty", "error", "empty"),
        (f"{postings}:5", "error", "bad_record"),
    ]
    assert list(lines[0]) == [
        "id",
        "source",
        "status",
        "score",
        "coverage",
        "matched",
        "missing",
        "error",
        "error_code",
        "warnings",
        "profile",
    ]
    assert [r["profile"] for r in lines] == ["research-engineer"] * 3 + [None, None]
    assert lines[0]["source"] == f"{postings}:1"
    assert lines[0]["score"] > lines[1]["score"]
    assert lines[3]["error"] == "empty text"
    assert err.startswith("batch: 3 ok, 2 failed, ")
    assert err.rstrip().endswith(" records/s")


def test_all_ok_exits_0_and_quiet_is_silent(tmp_path: Path) -> None:
    f = tmp_path / "p.jsonl"
    f.write_text(json.dumps({"id": "a", "text": ML}) + "\n")
    code, out, err = run(str(f), "--quiet")
    assert (code, err) == (0, "")
    assert json.loads(out)["id"] == "a"


def test_csv_output_neutralises_formulas(postings: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    code, stdout, _ = run(str(postings), "-o", str(out), "-q")
    assert (code, stdout) == (1, "")
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["id"] for r in rows] == [
        "ml",
        "nurse",
        "'=HYPERLINK(1)",
        "empty",
        f"{postings}:5",
    ]
    assert rows[0]["status"] == "ok"
    assert "python" in rows[0]["matched"].split("; ")
    assert (rows[3]["status"], rows[3]["error"], rows[3]["error_code"]) == (
        "error",
        "empty text",
        "empty",
    )


def test_top_k_table_and_min_score(postings: Path) -> None:
    code, out, err = run(str(postings), "--format", "table", "--top", "2")
    assert code == 1
    lines = out.splitlines()
    assert lines[0].split() == ["#", "score", "id", "matched", "missing"]
    assert lines[1].split()[0:1] == ["1"] and " ml " in lines[1]
    assert (
        lines[3]
        == "2 of 3 scored records shown; 2 failed (see the jsonl or csv output for reasons)"
    )
    assert f"failed: {postings}:4: empty text" in err
    code, out, _ = run(str(postings), "--top", "1", "-q")
    assert [json.loads(x)["id"] for x in out.splitlines()] == ["ml"]
    score_ml = json.loads(out)["score"]
    code, out, _ = run(str(postings), "--min-score", str(score_ml), "-q")
    assert [json.loads(x)["id"] for x in out.splitlines()] == [
        "ml",
        "empty",
        f"{postings}:5",
    ]


def test_resume_mode_names_each_posting_in_every_format(postings: Path, tmp_path: Path) -> None:
    """With --resume the profile is the posting: its record id, or a document's file name."""
    resume = tmp_path / "cv.txt"
    resume.write_text("SKILLS\nPython, PyTorch, CUDA\n", encoding="utf-8")
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "acme-ml.txt").write_text(ML, encoding="utf-8")
    args = [str(postings), str(folder), "--resume", str(resume), "-q"]
    code, out, _ = run(*args)
    assert code == 1
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["id"], r["profile"]) for r in rows] == [
        ("ml", "posting:ml"),
        ("nurse", "posting:nurse"),
        ("=HYPERLINK(1)", "posting:=HYPERLINK(1)"),
        ("empty", None),
        (f"{postings}:5", None),
        (str(folder / "acme-ml.txt"), "posting:acme-ml.txt"),  # the file name, no folder
    ]
    csv_out = tmp_path / "out.csv"
    run(*args, "-o", str(csv_out))
    with csv_out.open(encoding="utf-8", newline="") as f:
        table = list(csv.DictReader(f))
    assert [r["profile"] for r in table] == [
        "posting:ml",
        "posting:nurse",
        "posting:=HYPERLINK(1)",  # starts with "p": nothing to neutralise
        "",
        "",
        "posting:acme-ml.txt",
    ]


def test_appending_to_a_csv_without_the_profile_column_keeps_its_columns(
    postings: Path, tmp_path: Path
) -> None:
    """A CSV written before the profile column existed is resumed with its own header."""
    out = tmp_path / "out.csv"
    old_columns = "id,source,status,score,coverage,matched,missing,error,error_code,warnings"
    out.write_text(f"{old_columns}\nml,x,ok,50,,,,,,\n", encoding="utf-8")
    code, _, _ = run(str(postings), "-o", str(out), "-q")
    assert code == 1
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == old_columns.split(",")
    assert [r[0] for r in rows[1:]] == ["ml", "nurse", "'=HYPERLINK(1)", "empty", f"{postings}:5"]
    assert {len(r) for r in rows} == {10}


def test_stdin_and_csv_input(tmp_path: Path) -> None:
    code, out, _ = run("-", "-q", stdin=json.dumps({"text": ML}) + "\n")
    assert code == 0 and json.loads(out)["id"] == "<stdin>:1"
    f = tmp_path / "p.csv"
    f.write_text("ref;body\nr1;" + ML.replace(";", ",") + "\n", encoding="utf-8")
    code, out, _ = run(str(f), "--text-column", "body", "--id-column", "ref", "-q")
    assert code == 0 and json.loads(out)["id"] == "r1"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--profile", "x", "--resume", "r.txt"], "use --profile or --resume, not both"),
        (["--top", "3", "--resume-from", "o.jsonl"], "--resume-from needs a streamed output"),
        (["--jobs", "0"], "0 is not in the range x>=1"),
    ],
)
def test_usage_errors_exit_2(postings: Path, args: list[str], message: str) -> None:
    code, _, err = run(str(postings), *args)
    assert code == 2
    assert message in err


def test_resume_skips_done_ids_and_repairs_a_torn_line(postings: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    first = json.dumps({"id": "ml", "source": "x", "status": "ok"})
    out.write_text(first + '\n{"id": "nurse", "sta', encoding="utf-8")  # killed mid-line
    code, stdout, err = run(str(postings), "--resume-from", str(out))
    assert (code, stdout) == (1, "")
    ids = [json.loads(x)["id"] for x in out.read_text().splitlines()]
    assert ids == ["ml", "nurse", "=HYPERLINK(1)", "empty", f"{postings}:5"]
    assert ", 1 already done," in err
    # running again on the finished output adds nothing
    run(str(postings), "-o", str(out), "-q")
    assert len(out.read_text().splitlines()) == 5


def test_killed_run_resumes_to_exactly_one_record_each(tmp_path: Path) -> None:
    n = 400
    src = tmp_path / "many.jsonl"
    src.write_text(
        "".join(json.dumps({"id": f"p{i}", "text": f"{ML} {i}"}) + "\n" for i in range(n))
    )
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "jobmatch", "batch", str(src), "-o", str(out), "-q"]
    with (tmp_path / "stderr.txt").open("wb") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if out.exists() and out.stat().st_size > 0:
                break  # the first chunk is written: kill it mid-run
            time.sleep(0.005)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    done_before = out.read_bytes().count(b"\n")
    assert 0 < done_before < n, "the run finished before it could be killed"
    with out.open("ab") as f:
        f.write(b'{"id": "p')  # and as if killed in the middle of a line
    subprocess.run(cmd, check=True, capture_output=True)
    ids = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert ids == [f"p{i}" for i in range(n)]


def test_unwritable_output_and_missing_resume_file(postings: Path, tmp_path: Path) -> None:
    code, _, err = run(str(postings), "-o", str(tmp_path), "-q")
    assert (code, err) == (1, f"Error: {tmp_path}: cannot write the output: Is a directory\n")
    out = tmp_path / "new.jsonl"
    code, _, _ = run(str(postings), "--resume-from", str(out), "-q")  # nothing to resume yet
    assert code == 1 and len(out.read_text().splitlines()) == 5


def test_hostile_files_in_a_folder_become_error_records(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Python and PyTorch research engineer\n")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "garbage.txt").write_bytes(b"\x00\x9f\x12" * 500)
    (tmp_path / "fake.pdf").write_bytes(b"\x89PNG\r\n\x1a\n0000")
    (tmp_path / "loop.html").symlink_to(tmp_path / "loop.html")
    code, out, _ = run(str(tmp_path), "-q")
    assert code == 1
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(Path(r["id"]).name, r["status"], r["error_code"], r["error"]) for r in rows] == [
        ("empty.txt", "error", "empty", "empty file (0 bytes)"),
        ("fake.pdf", "error", "unsupported_format", "not a PDF: looks like a PNG image"),
        ("garbage.txt", "error", "corrupt", "binary data, not text (NUL byte at offset 0)"),
        ("good.txt", "ok", None, None),
        ("loop.html", "error", "symlink_loop", "symlink loop"),
    ]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_line_on_a_terminal(postings: Path) -> None:
    from jobmatch.batch_output import run_batch

    err, out = _Terminal(), io.StringIO()
    summary = run_batch([str(postings)], stdout=out, stderr=err)
    assert (summary.ok, summary.failed, summary.written, summary.skipped) == (3, 2, 5, 0)
    shown = err.getvalue()
    # done/total (lines in the file), rate, ETA
    assert re.match(r"\r1/5 records  [0-9.]+/s  ETA 0:\d\d:\d\d\x1b\[K", shown)
    assert shown.endswith("\r\x1b[K" + summary.line() + "\n")


def test_help_documents_the_exit_codes() -> None:
    result = CliRunner().invoke(main, ["batch", "--help"])
    assert result.exit_code == 0
    assert "Exit codes: 0 all records scored, 1 some failed, 2 usage error." in " ".join(
        result.stdout.split()
    )
