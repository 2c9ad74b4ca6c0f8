"""``jobmatch batch``: formats, exit codes, CSV injection, stdin, continuing an interrupted run."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

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


def test_an_output_without_a_settings_record_is_not_continued(
    postings: Path, tmp_path: Path
) -> None:
    """An output of an older version (or another program): its settings are unknown."""
    out = tmp_path / "out.csv"
    out.write_text("id,source,status\nml,x,ok\n", encoding="utf-8")
    code, _, err = run(str(postings), "-o", str(out), "-q")
    assert code == 2
    assert (
        f"Error: {out} exists but there is no record of the settings it was written with"
        f" ({out}.settings.json), so it cannot be continued safely: continue with the same"
        f" settings, or write to another -o (or delete {out})"
    ) in " ".join(err.split())
    assert out.read_text() == "id,source,status\nml,x,ok\n"  # untouched


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
        (["--top", "3", "--continue-from", "o.jsonl"], "--continue-from needs a streamed output"),
        (
            ["--resume-from", "o.jsonl"],
            "Error: --resume-from was renamed --continue-from (--resume is the resume, a CV)",
        ),
        (["-o", "a.jsonl", "--continue-from", "b.jsonl"], "name different files"),
        (["--jobs", "0"], "0 is not in the range x>=1"),
    ],
)
def test_usage_errors_exit_2(postings: Path, args: list[str], message: str) -> None:
    code, _, err = run(str(postings), *args)
    assert code == 2
    assert message in err


def test_continue_skips_done_ids_and_repairs_a_torn_line(postings: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert run(str(postings), "-o", str(out), "-q")[0] == 1
    full = out.read_text(encoding="utf-8")
    first = full.splitlines(keepends=True)[0]
    out.write_text(first + '{"id": "nurse", "sta', encoding="utf-8")  # killed mid-line
    code, stdout, err = run(str(postings), "--continue-from", str(out))
    assert (code, stdout) == (1, "")
    assert out.read_text(encoding="utf-8") == full
    assert ", 1 already done," in err
    # running again on the finished output adds nothing
    run(str(postings), "-o", str(out), "-q")
    assert out.read_text(encoding="utf-8") == full


def _many(tmp_path: Path, n: int, text: Any = lambda i: f"{ML} {i}") -> Path:
    src = tmp_path / "many.jsonl"
    src.write_text("".join(json.dumps({"id": f"p{i}", "text": text(i)}) + "\n" for i in range(n)))
    return src


@pytest.fixture()
def interrupt_after(monkeypatch: pytest.MonkeyPatch) -> Any:
    """``interrupt_after(k)``: Ctrl-C (KeyboardInterrupt) when record ``k + 1`` is scored.

    Deterministic stand-in for a user's Ctrl-C or a kill: with ``--jobs 1`` the records of
    every chunk finished before it are in the output, the rest are not.
    """
    from jobmatch.batch import engine

    original = engine.brief_result
    calls = [0]

    def arm(k: int) -> None:
        calls[0] = 0

        def compact(*args: Any, **kwargs: Any) -> Any:
            calls[0] += 1
            if calls[0] > k:
                raise KeyboardInterrupt
            return original(*args, **kwargs)

        monkeypatch.setattr(engine, "brief_result", compact)

    yield arm
    monkeypatch.setattr(engine, "brief_result", original)


def test_interrupted_run_exits_130_and_continues_to_exactly_one_record_each(
    tmp_path: Path, interrupt_after: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    n = 300  # chunks of 128: interrupted in the second, after the first was written
    src = _many(tmp_path, n)
    reference = tmp_path / "reference.jsonl"
    assert run(str(src), "-o", str(reference), "-q")[0] == 0
    out = tmp_path / "out.jsonl"
    interrupt_after(200)
    code, _, err = run(str(src), "-o", str(out))
    assert code == 130
    assert err == (
        f"interrupted after 128 records (128 written to {out}); run the same command again"
        f" to continue: the records already in {out} are skipped\n"
        "(72 more were scored but not written yet: the run scores them again)\n"
    )
    assert out.read_bytes().count(b"\n") == 128
    with out.open("ab") as f:
        f.write(b'{"id": "p')  # and as if killed in the middle of a line
    from jobmatch.batch import engine

    monkeypatch.undo()  # no more interruptions
    assert engine.brief_result.__name__ == "brief_result"
    code, _, err = run(str(src), "-o", str(out))
    assert code == 0
    assert ", 128 already done," in err
    assert out.read_text() == reference.read_text()


def test_interrupting_a_run_to_stdout_says_how_to_make_it_continuable(
    postings: Path, interrupt_after: Any
) -> None:
    interrupt_after(1)
    code, out, err = run(str(postings))
    assert (code, out) == (130, "")
    assert err == (
        "interrupted after 0 records; the output went to standard output:"
        " use -o FILE to be able to continue\n"
    )


def _dropped_ids(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text().splitlines()]


@pytest.fixture()
def count_scored(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the records scored in this process from now on (``--jobs 1``)."""
    from jobmatch.batch import engine

    scored: list[str] = []
    original = engine.brief_result

    def counting(*args: Any, **kwargs: Any) -> Any:
        scored.append(kwargs["record_id"])
        return original(*args, **kwargs)

    monkeypatch.setattr(engine, "brief_result", counting)
    return scored


def test_interrupted_min_score_run_continues_without_rescoring_dropped_records(
    tmp_path: Path, count_scored: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Records --min-score left out before the interruption are not scored again when the
    run continues, and the output (and its .dropped sidecar) ends up exactly as that of an
    uninterrupted run."""
    n = 300
    src = _many(tmp_path, n, lambda i: f"{ML} {i}" if i % 2 else f"{NURSE} {i}")
    # a threshold between the two kinds of posting: every other record is dropped
    two = tmp_path / "two.jsonl"
    two.write_text("".join(src.read_text().splitlines(keepends=True)[:2]))
    _, out, _ = run(str(two), "-q")
    low, high = (json.loads(line)["score"] for line in out.splitlines())
    threshold = str((low + high) / 2)
    assert low < float(threshold) < high

    reference = tmp_path / "reference.jsonl"
    assert run(str(src), "-o", str(reference), "--min-score", threshold, "-q")[0] == 0
    assert _dropped_ids(tmp_path / "reference.jsonl.dropped") == [f"p{i}" for i in range(0, n, 2)]

    out_file = tmp_path / "out.jsonl"
    sidecar = tmp_path / "out.jsonl.dropped"
    count_scored.clear()
    calls = len(count_scored)
    from jobmatch.batch import engine

    counting = engine.brief_result

    def interrupting(*args: Any, **kwargs: Any) -> Any:
        if len(count_scored) - calls >= 200:
            raise KeyboardInterrupt
        return counting(*args, **kwargs)

    monkeypatch.setattr(engine, "brief_result", interrupting)
    code, _, _ = run(str(src), "-o", str(out_file), "--min-score", threshold, "-q")
    assert code == 130
    written = [json.loads(line)["id"] for line in out_file.read_text().splitlines()]
    dropped = _dropped_ids(sidecar)
    assert (len(written), len(dropped)) == (64, 64)  # the first chunk of 128
    with sidecar.open("ab") as f:
        f.write(b'{"id": "p')  # and as if killed in the middle of a sidecar line

    monkeypatch.setattr(engine, "brief_result", counting)
    count_scored.clear()
    code, _, err = run(str(src), "-o", str(out_file), "--min-score", threshold)
    assert code == 0
    assert f", {len(written) + len(dropped)} already done," in err
    assert not set(count_scored) & set(dropped)  # the dropped records were not scored again
    assert sorted(count_scored) == sorted({f"p{i}" for i in range(n)} - set(written) - set(dropped))
    assert out_file.read_text() == reference.read_text()
    assert sidecar.read_text() == (tmp_path / "reference.jsonl.dropped").read_text()


def test_dropped_records_on_resume_follow_the_new_min_score(
    postings: Path, tmp_path: Path, count_scored: list[str]
) -> None:
    out = tmp_path / "out.jsonl"
    _, first, _ = run(str(postings), "-q")
    score = {json.loads(x)["id"]: json.loads(x)["score"] for x in first.splitlines()}
    high = str(score["ml"])  # leaves out nurse and =HYPERLINK(1)
    count_scored.clear()
    run(str(postings), "-o", str(out), "--min-score", high, "-q")
    before = out.read_text()
    assert [json.loads(x)["id"] for x in before.splitlines()] == ["ml", "empty", f"{postings}:5"]
    assert _dropped_ids(tmp_path / "out.jsonl.dropped") == ["nurse", "=HYPERLINK(1)"]
    # the same threshold: nothing is scored again, nothing added
    count_scored.clear()
    code, _, err = run(str(postings), "-o", str(out), "--min-score", high)
    assert (count_scored, out.read_text()) == ([], before)
    assert ", 5 already done," in err
    # a lower threshold keeps one of them: only that one is scored again, and appended
    lower, higher = sorted(["nurse", "=HYPERLINK(1)"], key=score.__getitem__)
    assert score[lower] < score[higher]
    low = str((score[lower] + score[higher]) / 2)
    run(str(postings), "-o", str(out), "--min-score", low, "-q")
    assert count_scored == [higher]
    line = next(x for x in first.splitlines() if json.loads(x)["id"] == higher)
    assert out.read_text() == before + line + "\n"
    # without --min-score the other one is scored again (and appended) too
    count_scored.clear()
    run(str(postings), "-o", str(out), "-q")
    assert count_scored == [lower]
    assert len(out.read_text().splitlines()) == 5


def test_a_higher_min_score_cannot_continue_an_output(postings: Path, tmp_path: Path) -> None:
    """Records below the new threshold are in the output already: refused, not mixed in."""
    out = tmp_path / "out.jsonl"
    run(str(postings), "-o", str(out), "-q")
    before = out.read_text()
    code, _, err = run(str(postings), "-o", str(out), "--min-score", "40")
    assert code == 2
    assert (
        f"{out} was written with other settings: min_score was (none), now '40.0' (records"
        " below 40.0 are in it already; the same or a lower --min-score can continue it)."
    ) in " ".join(err.split())
    assert out.read_text() == before
    out.unlink()
    run(str(postings), "-o", str(out), "--min-score", "30", "-q")
    assert run(str(postings), "-o", str(out), "--min-score", "31", "-q")[0] == 2
    assert run(str(postings), "-o", str(out), "--min-score", "30", "-q")[0] == 0
    assert json.loads((tmp_path / "out.jsonl.settings.json").read_text())["min_score"] == "30.0"
    run(str(postings), "-o", str(out), "-q")  # lower: continues, and is recorded
    assert json.loads((tmp_path / "out.jsonl.settings.json").read_text())["min_score"] is None


def test_a_fresh_run_replaces_a_stale_dropped_sidecar(postings: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    sidecar = tmp_path / "out.jsonl.dropped"
    sidecar.write_text(json.dumps({"id": "ml", "score": 0.0}) + "\n")  # from an old run
    run(str(postings), "-o", str(out), "--min-score", "1", "-q")  # out does not exist: fresh
    assert "ml" in [json.loads(x)["id"] for x in out.read_text().splitlines()]
    assert not sidecar.exists() or "ml" not in _dropped_ids(sidecar)
    # a fresh (ranked) output at the same path removes the sidecar of the old one
    sidecar.write_text(json.dumps({"id": "ml", "score": 0.0}) + "\n")
    run(str(postings), "-o", str(out), "--top", "2", "-q")
    assert not sidecar.exists()


def test_unwritable_output_and_a_missing_file_to_continue(postings: Path, tmp_path: Path) -> None:
    code, _, err = run(str(postings), "-o", str(tmp_path), "-q")
    assert (code, err) == (1, f"Error: {tmp_path}: cannot write the output: Is a directory\n")
    out = tmp_path / "new.jsonl"
    code, _, _ = run(str(postings), "--continue-from", str(out), "-q")  # nothing there yet
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


def test_progress_bar_on_a_terminal_moves_per_record_and_is_cleared(postings: Path) -> None:
    from jobmatch.batch.run import run_batch
    from jobmatch.cli.progress import TerminalProgress

    err, out = _Terminal(), io.StringIO()
    progress = TerminalProgress(err, min_interval=0)
    summary = run_batch([str(postings)], stream=out, progress=progress)
    assert (summary.ok, summary.failed, summary.written, summary.skipped) == (3, 2, 5, 0)
    shown = err.getvalue()
    # done/total (lines in the file), one step per record, then the line is cleared
    counts = re.findall(r"\| (\d)/5 \[", shown)
    # shown; clock restarted at the first done; the 2 error records, then per scored record
    assert counts == ["0", "0", "2", "3", "4", "5"]
    assert shown.endswith("\r\x1b[K")  # erased to the end of the line
    assert shown.removesuffix("\x1b[K").rstrip("\r").split("\r")[-1].strip() == ""
    assert progress.bar is None


def test_no_progress_bar_when_stderr_is_not_a_terminal(postings: Path) -> None:
    from jobmatch.batch.run import run_batch
    from jobmatch.cli.progress import TerminalProgress

    err = io.StringIO()
    run_batch([str(postings)], stream=io.StringIO(), progress=TerminalProgress(err))
    assert err.getvalue() == ""


def test_the_bar_is_cleared_before_output_to_the_same_terminal() -> None:
    from jobmatch.cli.progress import TerminalProgress

    err = _Terminal()
    progress = TerminalProgress(err, min_interval=0)
    progress.start(3)
    progress.update(1)
    stream = progress.wrap(err)  # stdout and stderr the same terminal
    before = len(err.getvalue())
    stream.write('{"id": 1}\n')
    written = err.getvalue()[before:]
    cleared, rest = written.split('{"id": 1}\n')
    assert cleared.startswith("\r") and cleared.strip() == ""  # the bar line is blanked first
    assert "1/3" in rest  # and drawn again below the output
    progress.close()


def test_the_bar_leaves_room_for_the_echo_of_ctrl_c(monkeypatch: pytest.MonkeyPatch) -> None:
    """A full-width bar would wrap at the "^C" a terminal echoes, and its line would stay."""
    import tqdm.utils

    from jobmatch.cli import progress as progress_module

    monkeypatch.setattr(progress_module, "_columns", lambda stream: 60)
    monkeypatch.setattr(tqdm.utils, "_screen_shape_wrapper", lambda: lambda fp: (60, 24))
    err = _Terminal()
    progress = progress_module.TerminalProgress(err, min_interval=0)
    progress.start(3)
    progress.update(1)
    progress.update(1)
    lines = [x for x in err.getvalue().split("\r") if "/3" in x]
    assert lines and {len(x) for x in lines} == {58}
    progress.close()
    shape = progress_module._leave_room(lambda fp: (None, None))
    assert (shape(None), progress.done) == ((None, None), 2)


def test_help_documents_the_exit_codes() -> None:
    result = CliRunner().invoke(main, ["batch", "--help"])
    assert result.exit_code == 0
    assert (
        "Exit codes: 0 all records scored, 1 some failed, 2 usage error, 130 interrupted."
        in " ".join(result.stdout.split())
    )
