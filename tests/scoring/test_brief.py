"""Scorer.score_brief gives what a batch keeps of the full report, value for value."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobmatch.batch.engine import brief_result, compact_result
from jobmatch.extract.component import SkillExtractor
from jobmatch.models import BatchResult
from jobmatch.scoring.resume_scorer import ResumeScorer
from jobmatch.scoring.scorer import Scorer

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
TEXTS = [
    "Research engineer: Python, PyTorch and CUDA; Kubernetes a plus. PhD in CS preferred.",
    "Registered nurse for patient care on night shifts.",
    "Weekend barista wanted.",  # no skill: the warning
    (SAMPLES / "research_engineer_resume.txt").read_text(encoding="utf-8"),
    (SAMPLES / "nurse_resume.txt").read_text(encoding="utf-8"),
    (SAMPLES / "posting_data_analyst.txt").read_text(encoding="utf-8"),
]


def _both(scorer: Scorer, text: str) -> tuple[BatchResult, BatchResult]:
    doc, mentions = next(scorer.extractor.pipe_docs([text]))
    full = scorer.score_parsed(doc, mentions, source="s", warnings=("w",), text=text)
    brief = scorer.score_brief(doc, mentions, source="s", warnings=("w",), text=text)
    fields = (("title", "t"),)
    return (
        compact_result(full, record_id="r", source="s", top_skills=5, fields=fields),
        brief_result(brief, record_id="r", source="s", top_skills=5, fields=fields),
    )


@pytest.mark.parametrize("text", TEXTS)
def test_brief_result_equals_compact_result_of_the_full_report(
    extractor: SkillExtractor, text: str
) -> None:
    full, brief = _both(Scorer(extractor=extractor), text)
    assert brief == full


@pytest.mark.parametrize("text", TEXTS[:2] + TEXTS[5:])
def test_brief_result_equals_compact_result_in_resume_mode(
    extractor: SkillExtractor, text: str
) -> None:
    scorer = ResumeScorer(resume=TEXTS[3], extractor=extractor)
    full, brief = _both(scorer, text)
    assert brief == full


def test_brief_reads_the_roles_when_a_requirement_asks_for_years(
    extractor: SkillExtractor,
) -> None:
    """A posting asking for years of experience (resume mode): the brief counts the resume's
    years as the full report does (the roles are read then, not only the degrees)."""
    posting = "Data scientist. Requirements: 4+ years of experience with Python, SQL or Spark."
    scorer = ResumeScorer(resume=TEXTS[3], extractor=extractor)
    doc, mentions = next(scorer.extractor.pipe_docs([posting]))
    profile = scorer.posting_profile(posting, mentions, source="p", doc=doc)
    assert [r.years for _, r in profile.requirements() if r.years is not None] == [4.0]
    full, brief = _both(scorer, posting)
    assert brief == full
    # the years are asked in Python, SQL or Spark: only the job whose entry names one (Spark,
    # 2.4 years) counts, in the brief as in the full report; without the roles read, 0
    assert full.coverage["experience"] == brief.coverage["experience"] == 0.6
