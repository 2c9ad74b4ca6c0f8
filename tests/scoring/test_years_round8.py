"""Years of experience, round 8: a posting's further years asks that name skills on other
lines ("At least 2 years experience with MILP" beside "... and 5 years of experience") are
kept beside the first (``years_also``), checked against the resume and reported. The texts
are written for these tests."""

from __future__ import annotations

import json

import pytest

from jobmatch.extract.component import SkillExtractor
from jobmatch.models import ScoreReport
from jobmatch.posting_report import render_posting
from jobmatch.report import render_markdown, render_text
from jobmatch.report_html import render_html
from jobmatch.scoring.formula import requirement_weight
from jobmatch.scoring.posting_profile import posting_profile
from jobmatch.scoring.posting_reader import read_posting
from jobmatch.scoring.profiles import TermModel, load_profile
from tests.helpers import load_schema, match_texts_on, schema_errors

MILP = (
    "Requirements:\n"
    "- Master's degree in Operations Research and 5 years of experience\n"
    "- At least 2 years experience with MILP models\n"
    "- Python\n"
)
#: the same posting without its narrower ask
GENERAL = (
    "Requirements:\n"
    "- Master's degree in Operations Research and 5 years of experience\n"
    "- MILP models\n"
    "- Python\n"
)

RESUME = """Jane Roe

EXPERIENCE
Data Scientist, Acme — Jan 2017 – Dec 2023
- Built Python forecasting pipelines.

EDUCATION
Master of Science in Operations Research, 2016
"""


def test_a_narrower_skill_ask_is_kept_beside_the_first() -> None:
    read = read_posting(MILP)
    assert (read.years_min, read.years_skills) == (5.0, ())
    (ask,) = read.years_also
    assert (ask.years, [s.skill_id for s in ask.skills], ask.required) == (
        2.0,
        ["linear_programming"],
        True,
    )
    assert ask.evidence == "At least 2 years experience with MILP models"
    assert read_posting(GENERAL).years_also == ()


@pytest.mark.parametrize(
    "line",
    [
        # names no skill: any job may show it
        "2 years of experience leading small teams",
        # the same skills asked again, with more years (the first ask decides)
        "7+ years of Python experience",
        # a degree's figure: an alternative of the first ask, not a further ask
        "OR Master's degree and 2 years of Python experience",
    ],
)
def test_what_is_no_further_ask(line: str) -> None:
    read = read_posting(f"Requirements:\n- 5+ years of Python experience\n- {line}\n- SQL\n")
    assert read.years_min == 5.0
    assert read.years_also == ()


def test_a_further_ask_under_a_preferred_heading_is_preferred() -> None:
    read = read_posting(
        "Requirements:\n- 3+ years of Python experience\n- SQL\n\n"
        "Preferred:\n- 5+ years of Python experience\n- 2+ years of experience with Kubernetes\n"
    )
    assert [s.skill_id for s in read.years_skills] == ["python"]
    (ask,) = read.years_also  # Python's 5 years are the same skill asked again
    assert ([s.name for s in ask.skills], ask.required) == (["Kubernetes"], False)


@pytest.mark.parametrize(
    ("line", "required"),
    [
        ("2+ years of experience with Kubernetes (preferred)", False),
        ("2+ years of Cloud Platform experience with either AWS (preferred) or Azure", True),
        ("At least 2 years of experience with Kubernetes, Docker is a plus", True),
    ],
)
def test_a_further_ask_preferred_only_when_its_clause_prefers_it(line: str, required: bool) -> None:
    read = read_posting(f"Requirements:\n- 5+ years of experience\n- {line}\n- SQL\n")
    (ask,) = read.years_also
    assert ask.required is required


def test_each_skill_of_a_further_ask_and_list() -> None:
    read = read_posting(
        "Requirements:\n- 5+ years of experience\n- 3+ years of experience with Python and SQL\n"
    )
    (ask,) = read.years_also
    assert (ask.domain, ask.each) == ("Python and SQL", True)


def test_the_posting_report_shows_the_further_ask() -> None:
    read = read_posting(MILP)
    text = render_posting(read)
    assert (
        "Experience: 5+ years\n"
        '  "Master\'s degree in Operations Research and 5 years of experience"\n'
        "Also: 2+ years in linear programming\n"
        '  "At least 2 years experience with MILP models"\n'
    ) in text
    (also,) = json.loads(render_posting(read, "json"))["years_also"]
    assert also == {
        "years": 2.0,
        "skills": [{"skill_id": "linear_programming", "name": "linear programming"}],
        "each": False,
        "required": True,
        "evidence": "At least 2 years experience with MILP models",
    }


def test_the_years_asks_share_the_weight_of_one(extractor: SkillExtractor) -> None:
    base = load_profile("research-engineer")
    params = base.scoring
    profiles = [
        posting_profile(
            text,
            extractor.extract(text),
            lexicon=extractor.lexicon,
            base=base,
            terms=TermModel(idf={"python": 1.0}, vector={"python": 1.0}),
        )
        for text in (MILP, GENERAL)
    ]
    (two,) = [c for c in profiles[0].categories if c.id == "experience"]
    (one,) = [c for c in profiles[1].categories if c.id == "experience"]
    assert [r.id for r in two.requirements] == ["years", "years-2"]
    extra = two.requirements[1]
    assert (extra.years, extra.domain, extra.required) == (2.0, ("linear_programming",), True)
    assert extra.label == "2+ years of experience in linear programming"
    assert two.weight == one.weight == requirement_weight(two.requirements[0], params)


def _match(extractor: SkillExtractor, posting: str) -> ScoreReport:
    report: ScoreReport = match_texts_on(extractor, RESUME, posting)
    return report


def test_the_further_ask_is_checked_against_the_resume(extractor: SkillExtractor) -> None:
    report = _match(extractor, MILP)
    general, milp = report.years
    assert (general.requirement, general.years, general.credit) == ("years", 7.0, 1.0)
    assert (milp.requirement, milp.years, milp.credit) == ("years-2", 0.0, 0.0)
    (experience,) = [c for c in report.categories if c.id == "experience"]
    assert experience.coverage == 0.5  # the weight of one ask, split between the two
    # the narrower ask missed costs what half a years requirement weighs, no more
    assert report.score < _match(extractor, GENERAL).score
    assert "years-2" in {m.requirement for m in report.missing}
    line = (
        "2+ years of experience in linear programming: 0.0 of 2 years count (not met); "
        "only jobs whose entry names linear programming count"
    )
    assert line in render_text(report)
    assert line in render_markdown(report)
    assert "2+ years of experience in linear programming: 0.0 of 2" in render_html(report)
    entries = report.to_dict()["years"]
    assert [e["requirement"] for e in entries] == ["years", "years-2"]
    assert schema_errors(report.to_dict(), load_schema()) == []


def test_a_narrower_ask_sharing_a_skill_is_kept_a_repeated_one_not() -> None:
    read = read_posting(
        "Requirements:\n- A minimum of five years of business intelligence reporting experience\n"
        "- Two years of demonstrated Cognos, Tableau, or SharePoint reporting experience\n"
    )
    (ask,) = read.years_also
    assert {s.name for s in ask.skills} >= {"Cognos", "Tableau"}
    repeated = read_posting(
        "Requirements:\n- 3+ years of experience with machine learning, statistics and "
        "optimization\n- 3+ years of machine learning, optimization and R experience\n"
    )
    assert repeated.years_also == ()
