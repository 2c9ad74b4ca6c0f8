"""``jobmatch extract`` and the document-level API behind it (jobmatch.extract.documents)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import jobmatch.extract.extractor
from jobmatch.cli import main
from jobmatch.extract.component import SkillExtractor
from jobmatch.extract.documents import DocumentSkills, extract_documents, render_skills
from jobmatch.models import Document

RESUME = "Jane Doe\nSkills: Python, SQL\nExperience\nBuilt Python services on Docker.\n"


@pytest.fixture
def mini_default(monkeypatch: pytest.MonkeyPatch, mini_extractor: SkillExtractor) -> None:
    """Make the CLI use the small fixed test lexicon (exact, stable output)."""
    monkeypatch.setattr(jobmatch.extract.extractor, "default_extractor", lambda: mini_extractor)


@pytest.fixture
def resume(tmp_path: Path) -> Path:
    path = tmp_path / "resume.txt"
    path.write_text(RESUME, encoding="utf-8")
    return path


def test_document_skills_to_dict(mini_extractor: SkillExtractor) -> None:
    doc = Document(text=RESUME, source="r.txt", format="text")
    (result,) = extract_documents([doc], extractor=mini_extractor)
    assert isinstance(result, DocumentSkills)
    d = result.to_dict()
    assert d["counts"] == {"python": 2, "sql": 1, "docker": 1}
    assert d["sections"] == {
        "python": ["skills", "experience"],
        "sql": ["skills"],
        "docker": ["experience"],
    }
    assert d["n_mentions"] == 4 and d["n_skills"] == 3
    assert d["skills"][0] == {
        "skill_id": "python",
        "name": "Python",
        "category": "programming_language",
        "start": 17,
        "end": 23,
        "text": "Python",
        "section": "skills",
    }


def test_cli_text(mini_default: None, resume: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(resume)])
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"{resume}: 3 skills, 4 mentions\n"
        "  Python [python] programming_language x2 (skills, experience)\n"
        "  SQL [sql] programming_language x1 (skills)\n"
        "  Docker [docker] devops x1 (experience)\n"
    )


def test_cli_json_and_jsonl(mini_default: None, resume: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(main, ["extract", "--format", "json", str(resume), str(resume)])
    assert out.exit_code == 0
    data = json.loads(out.output)
    assert [d["source"] for d in data] == [str(resume), str(resume)]
    assert data[0]["counts"] == {"python": 2, "sql": 1, "docker": 1}
    lines = runner.invoke(main, ["extract", "--format", "jsonl", str(resume)]).output
    assert lines.count("\n") == 1
    assert json.loads(lines)["skills"][-1]["text"] == "Docker"


def test_cli_stdin(mini_default: None) -> None:
    result = CliRunner().invoke(main, ["extract", "-"], input="Python, R and SQL\n")
    assert result.exit_code == 0
    assert result.output == (
        "<stdin>: 3 skills, 3 mentions\n"
        "  Python [python] programming_language x1 (other)\n"
        "  R [r] programming_language x1 (other)\n"
        "  SQL [sql] programming_language x1 (other)\n"
    )


def test_cli_missing_file_exits_1(mini_default: None, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("Error: ")
    assert result.stderr.count("\n") == 1


def test_cli_usage_errors_exit_2() -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["extract"]).exit_code == 2
    assert runner.invoke(main, ["extract", "--format", "xml", "x.txt"]).exit_code == 2
    assert runner.invoke(main, ["extract", "-", "-"], input="x").exit_code == 2


def test_cli_help() -> None:
    result = CliRunner().invoke(main, ["extract", "--help"])
    assert result.exit_code == 0
    assert "text|json|jsonl" in result.output


def test_render_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        render_skills([], "xml")
