"""``--accurate`` on ``batch`` and ``rank``: the accurate pipeline's scores, in any worker."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import jobmatch
from jobmatch.cli import main

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
RESUME = SAMPLES / "research_engineer_resume.txt"
POSTING = SAMPLES / "posting_research_engineer.txt"
TEXTS = {
    "ml": "Research engineer: Python, PyTorch and CUDA; budget forecasting and IFRS reporting.",
    "finance": "You will handle month-end closing and vendor reconciliations. Python is a plus.",
}


@pytest.fixture()
def postings(tmp_path: Path) -> Path:
    f = tmp_path / "postings.jsonl"
    f.write_text("".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in TEXTS.items()))
    return f


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def rows(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines()]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_accurate_scores_as_the_library_does(postings: Path, jobs: str) -> None:
    code, out, _ = invoke("batch", str(postings), "--accurate", "-j", jobs, "-q")
    assert code == 0
    got = {r["id"]: r["score"] for r in rows(out)}
    assert got == {k: jobmatch.score(v, accurate=True).score for k, v in TEXTS.items()}


def test_batch_accurate_with_a_resume_shows_unlisted_requirements(postings: Path) -> None:
    """Against a resume each posting is a profile: its unlisted mentions are requirements."""
    args = ("batch", str(postings), "--resume", str(RESUME), "-q")
    fast, accurate = invoke(*args), invoke(*args, "--accurate", "-j", "2")
    assert (fast[0], accurate[0]) == (0, 0)

    def unlisted(out: str) -> set[str]:
        ids = [s for r in rows(out) for s in [*r["matched"], *r["missing"]]]  # type: ignore[misc]
        return {s for s in ids if s.startswith("unlisted:")}

    assert unlisted(fast[1]) == set()
    assert "unlisted:handle month-end closing and vendor reconciliations" in unlisted(accurate[1])


def test_batch_accurate_is_part_of_the_settings(postings: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert invoke("batch", str(postings), "--accurate", "-o", str(out), "-q")[0] == 0
    assert json.loads(Path(f"{out}.settings.json").read_text())["accurate"] == "true"
    code, _, err = invoke("batch", str(postings), "-o", str(out), "-q")  # not accurate: refused
    assert code == 2
    assert "accurate was 'true', now (none)" in " ".join(err.split())


def test_batch_accurate_is_refused_on_spark(postings: Path, tmp_path: Path) -> None:
    args = ("batch", str(postings), "--engine", "spark", "-o", str(tmp_path / "o"), "--accurate")
    code, _, err = invoke(*args)
    assert code == 2
    assert "--accurate works with --engine local only" in err


def test_rank_accurate_scores_equal_match_accurate(tmp_path: Path) -> None:
    out = tmp_path / "ranked.jsonl"
    resumes = [str(SAMPLES / f"{n}_resume.txt") for n in ("nurse", "research_engineer")]
    code, _, _ = invoke("rank", *resumes, "--posting", str(POSTING), "--accurate", "-o", str(out))
    assert code == 0
    for row in rows(out.read_text()):
        report = jobmatch.match(Path(str(row["id"])), POSTING, accurate=True)
        assert row["score"] == report.score
        assert row["coverage"] == {c.id: c.coverage for c in report.categories}
