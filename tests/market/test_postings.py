"""PostingScorer scores each posting as ``jobmatch batch`` does (profile and resume modes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobmatch import score_many
from jobmatch.market import Posting
from jobmatch.market.postings import PostingScorer

POSTINGS = [
    "Requirements:\n- Python\n- PyTorch\n- 3+ years of machine learning",
    "Requirements:\n- Python and SQL\n\nPreferred:\n- Docker, Kubernetes",
    "Data scientist: statistics, R, Python, Python; Tableau preferred.",
]
RESUME = "Experience\nData scientist 2019 - 2023. Python, SQL and statistics; PyTorch."


@pytest.mark.parametrize("resume", [None, RESUME])
def test_scores_are_batch_scores(resume: str | None) -> None:
    batch = [r.score for r in score_many(POSTINGS, resume=resume)]
    scorer = PostingScorer("research-engineer", resume=resume)
    pairs = ((Posting(id=str(i), text=t), t) for i, t in enumerate(POSTINGS))
    assert [facts.score for _, facts in scorer.facts(pairs)] == batch


def test_required_and_preferred_come_from_the_posting_profile() -> None:
    scorer = PostingScorer("research-engineer")
    (_, facts), *_ = scorer.facts([(Posting(id="p", text=POSTINGS[1]), POSTINGS[1])])
    assert dict(facts.skills) == {
        "python": True,
        "sql": True,
        "docker": False,
        "kubernetes": False,
    }
    assert facts.categories["docker"] == "devops"


def test_a_document_path_is_read(tmp_path: Path) -> None:
    f = tmp_path / "p.txt"
    f.write_text(POSTINGS[0], encoding="utf-8")
    scorer = PostingScorer("research-engineer")
    assert scorer.read(Posting(id="f", path=str(f))) == POSTINGS[0]
