"""Evaluation: the default profile on real resumes nobody here wrote (../shared/data).

Thresholds that matter to users: ML resumes score high, unrelated ones low, and the same
resume laid out in one or two columns scores the same.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jobmatch.extract.component import SkillExtractor
from jobmatch.models import ScoreReport
from jobmatch.read.documents import read_document
from jobmatch.scoring.scorer import Scorer

pytestmark = pytest.mark.evaluation

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="module")
def scorer(extractor: SkillExtractor) -> Scorer:
    return Scorer("research-engineer", extractor=extractor)


def score_file(scorer: Scorer, path: Path) -> ScoreReport:
    return scorer.score_document(read_document(path))


@pytest.mark.parametrize("name", ["harvey_dent_mle.pdf", "john_smith_python_ml.pdf"])
def test_ml_resumes_score_at_least_70(scorer: Scorer, shared_data: Path, name: str) -> None:
    r = score_file(scorer, shared_data / "resumes" / "resume_matcher" / name)
    assert r.score >= 70, r.to_dict()
    assert {"machine_learning", "python"} <= {m.requirement for m in r.matched}


@pytest.mark.parametrize(
    "name",
    [
        "livecareer/HEALTHCARE_14062078.pdf",
        "livecareer/ACCOUNTANT_10674770.pdf",
        "livecareer/SALES_10138632.pdf",
        "livecareer/CHEF_10001727.pdf",
        "open_resume/laverne-resume.pdf",
    ],
)
def test_unrelated_resumes_score_at_most_20(scorer: Scorer, shared_data: Path, name: str) -> None:
    r = score_file(scorer, shared_data / "resumes" / name)
    assert r.score <= 20, (r.score, r.coverage, r.similarity)


def test_fraternity_dates_under_interests_are_no_experience(
    scorer: Scorer, shared_data: Path
) -> None:
    # "Interests" and "Additional Information / Activities" hold "Alpha Sigma Phi: Officer
    # and Chair positions January 2006- May 2010"; the four jobs run 2010-2014 (45 months)
    c = score_file(
        scorer, shared_data / "resumes" / "livecareer" / "ACCOUNTANT_10674770.pdf"
    ).career
    assert all(r.start >= "2010" for r in c.roles), [(r.title, r.start) for r in c.roles]
    assert c.years == 3.8


def test_one_and_two_column_templates_agree(scorer: Scorer, shared_data: Path) -> None:
    folder = shared_data / "resumes" / "resume_matcher"
    one = score_file(scorer, folder / "template_modern_single_column.pdf")
    two = score_file(scorer, folder / "template_two_column.pdf")
    assert abs(one.score - two.score) <= 3, (one.score, two.score)


def test_samples(scorer: Scorer) -> None:
    strong = SAMPLES / "research_engineer_resume.txt"
    nurse = SAMPLES / "nurse_resume.txt"
    if not strong.is_file() or not nurse.is_file():
        pytest.skip("samples not written yet")
    r = score_file(scorer, strong)
    assert r.score >= 80
    assert (r.education.level, r.career.level) == ("phd", "senior")
    assert score_file(scorer, nurse).score < 20


def test_ml_postings_rank_first(scorer: Scorer, shared_data: Path) -> None:
    """ROC-AUC of ml_ai postings (benchmarks/bench_rank_postings.py prints the full table)."""
    import json

    from sklearn.metrics import roc_auc_score

    path = shared_data / "postings" / "glassdoor_ds_2020" / "glassdoor_public.jsonl"
    recs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    texts = [r["text"] for r in recs]
    scores = [
        scorer.score_parsed(doc, mentions, text=text).score
        for text, (doc, mentions) in zip(texts, scorer.extractor.pipe_docs(texts), strict=True)
    ]
    labels = [r["role_group"] for r in recs]
    near = [(lab == "ml_ai", s) for lab, s in zip(labels, scores, strict=True)
            if lab in ("ml_ai", "other", "data_analyst")]  # fmt: skip
    assert roc_auc_score([y for y, _ in near], [s for _, s in near]) >= 0.95
    assert roc_auc_score([lab == "ml_ai" for lab in labels], scores) >= 0.85


def test_livecareer_resumes_covering_under_a_fifth_are_no_match(
    scorer: Scorer, shared_data: Path
) -> None:
    """58 resumes of all occupations: under coverage 0.2 the score stays <= 30."""
    files = sorted((shared_data / "resumes").glob("livecareer*/*.pdf"))
    assert len(files) == 58
    low = [r for r in (score_file(scorer, f) for f in files) if r.coverage < 0.2]
    assert len(low) >= 40
    assert max(r.score for r in low) <= 30
