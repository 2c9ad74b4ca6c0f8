"""`jobmatch score` and `jobmatch match` through click's CliRunner: exit codes and output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from jobmatch.cli import main
from jobmatch.cli.options import REPORT_FORMATS
from jobmatch.errors import DocumentNotFoundError
from jobmatch.report import FORMATS
from tests.helpers import load_schema, schema_errors

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
RESUME_TXT = SAMPLES / "research_engineer_resume.txt"
RESUME_PDF = SAMPLES / "research_engineer_resume.pdf"
POSTING_TXT = SAMPLES / "posting_research_engineer.txt"


def run(*args: str, stdin: str | bytes | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=stdin)


def assert_input_error(result: Result, message: str) -> None:
    """Exit 1, exactly one line on stderr, no traceback, nothing on stdout."""
    assert result.exit_code == 1, result.output
    assert result.stderr == message + "\n"
    assert result.stdout == ""
    assert "Traceback" not in result.output


# --------------------------------------------------------------------------- scored: 0


def test_score_text_report() -> None:
    result = run("score", str(RESUME_TXT))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Score ")
    # the title shows the file name, not the absolute path
    assert f"  {RESUME_TXT.name} against profile research-engineer\n" in result.stdout
    for heading in ("\nCategories\n", "\nMatched skills (", "\nEducation  ", "\nExperience "):
        assert heading in result.stdout
    assert "\x1b[" not in result.stdout  # not a terminal: no colour
    assert result.stderr == ""


def test_score_json_has_score_on_top_and_validates() -> None:
    result = run("score", str(RESUME_TXT), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert next(iter(data)) == "score"
    assert 0 <= data["score"] <= 100
    assert data["source"] == str(RESUME_TXT)
    assert data["profile"] == "research-engineer"
    assert schema_errors(data, load_schema()) == []
    # the text report shows the same score
    text = run("score", str(RESUME_TXT)).stdout
    assert text.startswith(f"Score {data['score']:.1f}/100 ")


def test_score_pdf_same_as_text_layer() -> None:
    result = run("score", str(RESUME_PDF), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["source"] == str(RESUME_PDF)
    assert schema_errors(data, load_schema()) == []
    assert data["score"] >= 70  # the samples' strong resume


def test_score_reads_stdin() -> None:
    result = run("score", "-", "--format", "json", stdin=RESUME_TXT.read_bytes())
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["source"] == "<stdin>"
    from_file = json.loads(run("score", str(RESUME_TXT), "--format", "json").stdout)
    assert data["score"] == from_file["score"]


@pytest.mark.parametrize(
    ("fmt", "start"),
    [
        ("html", "<!DOCTYPE html>\n"),
        ("markdown", "# jobmatch score: "),
        ("json", '{\n  "score": '),
        ("text", "Score "),
    ],
)
def test_score_writes_output_file(tmp_path: Path, fmt: str, start: str) -> None:
    out = tmp_path / f"report.{fmt}"
    result = run("score", str(RESUME_TXT), "--format", fmt, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith(start)


def test_match_resume_against_posting() -> None:
    result = run("match", str(RESUME_TXT), str(POSTING_TXT), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["source"] == str(RESUME_TXT)
    assert schema_errors(data, load_schema()) == []
    assert data["score"] >= 60
    assert "pytorch" in {m["skill_id"] for m in data["matched"]}


@pytest.mark.parametrize("fmt", REPORT_FORMATS)
def test_match_report_names_the_posting_by_file_name(fmt: str) -> None:
    """Every format shows the posting's profile id, with the file name and no folder."""
    result = run("match", str(RESUME_TXT), str(POSTING_TXT), "--format", fmt)
    assert result.exit_code == 0, result.output
    shown = {"markdown": r"posting:posting\_research\_engineer.txt"}
    assert shown.get(fmt, "posting:posting_research_engineer.txt") in result.stdout
    assert str(POSTING_TXT) not in result.stdout  # (the resume's path is its source)
    if fmt == "json":
        assert json.loads(result.stdout)["profile"] == "posting:posting_research_engineer.txt"


def test_match_posting_on_stdin_is_named_by_a_digest_of_its_text() -> None:
    text = POSTING_TXT.read_bytes()
    first = run("match", str(RESUME_TXT), "-", "--format", "json", stdin=text)
    again = run("match", str(RESUME_TXT), "-", "--format", "json", stdin=text)
    other = run("match", str(RESUME_TXT), "-", "--format", "json", stdin=text + b"\nSQL\n")
    ids = [json.loads(r.stdout)["profile"] for r in (first, again, other)]
    assert ids[0] == ids[1] != ids[2]
    assert all(len(i) == len("posting:text-") + 12 and i.startswith("posting:text-") for i in ids)


def test_match_html_escapes_hostile_documents(tmp_path: Path) -> None:
    posting = tmp_path / "<b>posting.txt"  # the file name is in the profile id
    posting.write_text(
        "Requirements\n- Python and PyTorch <script>alert(1)</script>\n- Docker\n",
        encoding="utf-8",
    )
    resume = tmp_path / "resume.txt"
    resume.write_text(
        'Skills\nPython, PyTorch "><img src=x onerror=alert(2)>\n'
        "<script>alert(3)</script> Docker\n",
        encoding="utf-8",
    )
    result = run("match", str(resume), str(posting), "--format", "html")
    assert result.exit_code == 0, result.output
    page = result.stdout
    assert "<script" not in page and "<img" not in page and "onerror=alert(2)>" not in page
    assert "<b>" not in page and "profile posting:&lt;b&gt;posting.txt" in page
    # the evidence snippets show the text, escaped
    assert (
        "&quot;&gt;&lt;img src=x onerror=alert(2)&gt; &lt;script&gt;alert(3)&lt;/script&gt;" in page
    )
    for external in ('src="http', 'href="http', "<link", "<script src"):
        assert external not in page


def test_match_stdin_for_one_side() -> None:
    result = run("match", "-", str(POSTING_TXT), stdin=RESUME_TXT.read_bytes())
    assert result.exit_code == 0, result.output
    assert "  <stdin> against profile " in result.stdout


# ------------------------------------------------------------------- input errors: 1


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.pdf"
    assert_input_error(run("score", str(path)), f"Error: {path}: no such file")


def test_directory(tmp_path: Path) -> None:
    assert_input_error(
        run("score", str(tmp_path)), f"Error: {tmp_path}: is a directory, not a file"
    )


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert_input_error(run("score", str(path)), f"Error: {path}: empty file (0 bytes)")


def test_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "resume.pdf"
    path.write_text("just text, renamed", encoding="utf-8")
    result = run("score", str(path))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {path}: not a PDF")
    assert result.stderr.count("\n") == 1


def test_match_missing_posting(tmp_path: Path) -> None:
    path = tmp_path / "posting.txt"
    assert_input_error(run("match", str(RESUME_TXT), str(path)), f"Error: {path}: no such file")


def test_unknown_profile() -> None:
    result = run("score", str(RESUME_TXT), "--profile", "astronaut")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")
    assert "astronaut" in result.stderr
    assert result.stderr.count("\n") == 1


def test_profile_file_errors(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    assert_input_error(
        run("score", str(RESUME_TXT), "--profile", str(missing)),
        f"Error: {missing}: profile file not found",
    )
    bad = tmp_path / "bad.toml"
    bad.write_text("x = \n", encoding="utf-8")
    assert_input_error(
        run("score", str(RESUME_TXT), "--profile", str(bad)),
        f"Error: {bad}: not valid TOML: Invalid value (at line 1, column 5)",
    )


def test_pdf_on_stdin() -> None:
    result = run("score", "-", "--format", "json", stdin=RESUME_PDF.read_bytes())
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["source"] == "<stdin>"
    from_file = json.loads(run("score", str(RESUME_PDF), "--format", "json").stdout)
    assert data["score"] == from_file["score"]


def test_debug_shows_the_exception(tmp_path: Path) -> None:
    result = run("--debug", "score", str(tmp_path / "nope.txt"))
    assert result.exit_code == 1
    assert isinstance(result.exception, DocumentNotFoundError)


def test_unwritable_output_is_an_error(tmp_path: Path) -> None:
    out = tmp_path / "missing-dir" / "report.html"
    result = run("score", str(RESUME_TXT), "-o", str(out))
    assert result.exit_code in (1, 2)  # click may reject the path before scoring
    assert "Traceback" not in result.output
    assert not out.exists()


# ------------------------------------------------------------------- usage errors: 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["score"], "Missing argument 'PATH'"),
        (["score", "x.pdf", "--format", "pdf"], "Invalid value for '--format'"),
        (["score", "x.pdf", "--colour"], "No such option '--colour'"),
        (["match", "cv.pdf"], "Missing argument 'POSTING'"),
        (["match", "-", "-"], "only one of RESUME and POSTING can be - (standard input)"),
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_output_to_a_directory_is_a_usage_error(tmp_path: Path) -> None:
    result = run("score", str(RESUME_TXT), "-o", str(tmp_path))
    assert result.exit_code == 2
    assert "is a directory" in result.stderr


# ------------------------------------------------------------------------ help, speed


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    out: list[tuple[str, click.Command]] = []
    for name, cmd in sorted(group.commands.items()):
        out.append((f"{prefix}{name}", cmd))
        if isinstance(cmd, click.Group):
            out += _commands(cmd, f"{prefix}{name} ")
    return out


def test_every_command_has_help() -> None:
    commands = _commands(main)
    assert {"score", "match"} <= {name for name, _ in commands}
    for name, cmd in commands:
        assert cmd.help and cmd.get_short_help_str(), f"jobmatch {name} has no help text"
        result = run(*name.split(), "--help")
        assert result.exit_code == 0 and "Usage: " in result.stdout, name


def test_formats_match_the_renderers() -> None:
    assert REPORT_FORMATS == FORMATS


def test_help_imports_no_heavy_module() -> None:
    code = (
        "import sys\n"
        "from jobmatch.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = ('spacy', 'sklearn', 'pdfminer', 'numpy', 'jobmatch.scoring.scorer')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.splitlines()[-1] == "[]"


def test_every_command_is_in_the_readme() -> None:
    """Each command and subcommand appears as `jobmatch <command>` in README.md or in a
    page of the documentation site (docs/*.md)."""
    root = Path(__file__).resolve().parents[1]
    pages = [root / "README.md", *sorted((root / "docs").glob("*.md"))]
    text = "\n".join(p.read_text(encoding="utf-8") for p in pages)
    missing = [f"jobmatch {name}" for name, _ in _commands(main) if f"jobmatch {name}" not in text]
    assert missing == []


def test_the_console_script_exits_like_main_and_skips_the_last_collection(
    tmp_path: Path,
) -> None:
    resume = tmp_path / "r.txt"
    resume.write_text("Python, PyTorch and SQL; ran ablation studies.\n", encoding="utf-8")
    ok = subprocess.run(
        [sys.executable, "-m", "jobmatch", "score", str(resume), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert ok.returncode == 0, ok.stderr
    assert CliRunner().invoke(main, ["score", str(resume), "--format", "json"]).output == ok.stdout
    missing = subprocess.run(
        [sys.executable, "-m", "jobmatch", "score", str(tmp_path / "none.pdf")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert missing.returncode == 1 and "none.pdf" in missing.stderr


def test_run_freezes_the_collector_after_the_command(monkeypatch: pytest.MonkeyPatch) -> None:
    from jobmatch.cli import app

    calls: list[str] = []

    def fake_main() -> None:
        calls.append("main")
        raise SystemExit(3)

    monkeypatch.setattr(app, "main", fake_main)
    monkeypatch.setattr(app.gc, "freeze", lambda: calls.append("freeze"))
    monkeypatch.setattr(app.gc, "set_threshold", lambda *t: calls.append(f"threshold {t}"))
    with pytest.raises(SystemExit) as stop:
        app.run()
    assert stop.value.code == 3
    assert calls == ["threshold (10000, 10, 10)", "main", "freeze"]
