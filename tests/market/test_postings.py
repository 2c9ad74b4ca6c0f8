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


def test_worker_processes_give_the_same_report() -> None:
    from jobmatch.market import market_report
    from jobmatch.market.build import count_postings
    from jobmatch.market.parallel import count_parallel

    postings = [*POSTINGS, "  ", "Salary: $120K-$150K. Python and Spark.", *POSTINGS]
    one = market_report(postings, resume=RESUME)
    two = market_report(postings, resume=RESUME, jobs=2)
    assert two.to_dict() == one.to_dict()
    assert (two.postings, two.failed) == (7, 1)
    scorer = PostingScorer("research-engineer")
    items = [Posting(id=str(i), text=t) for i, t in enumerate(postings)]
    small = count_parallel(items, scorer, jobs=2, match_score=70.0, chunk_size=2)
    assert small == count_postings(items, scorer)
    with pytest.raises(ValueError, match="at least 1"):
        count_parallel(items, scorer, jobs=0, match_score=70.0)
