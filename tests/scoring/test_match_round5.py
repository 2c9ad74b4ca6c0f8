"""What a match report says, read as a recruiter reads it (round 5, non-tech resumes): the
category a matched skill is shown in, a career level read from no dated job, and the count
of preferred requirements of a posting that prefers none."""

from __future__ import annotations

import json
import re

import pytest

import jobmatch
from jobmatch.models import ScoreReport
from jobmatch.report import render

POSTING = """Data Analyst

Requirements:
- Strong knowledge of SQL queries or Access database development
- Experience with Python

Nice to have:
- Experience with Tableau
"""

RESUME = """Jane Roe
Data Analyst

Experience
Data Analyst, Acme Corp, 2018 - 2023
- Built reports in Microsoft Access and Python.

Education
Bachelor of Science in Statistics, State University, 2018
"""


@pytest.fixture(scope="module")
def report() -> ScoreReport:
    return jobmatch.match_texts(RESUME, POSTING)


def _line(text: str, skill: str) -> str:
    return next(x for x in text.splitlines() if re.match(rf"\s+[+~] {skill} \(", x))


def test_a_matched_skill_names_its_own_category_beside_its_requirements(
    report: ScoreReport,
) -> None:
    # FINANCE_11877150 x glassdoor-0212: "+ Microsoft Access (Programming languages)": the
    # requirement "SQL or Microsoft Access" sits in the category of its first skill, SQL's
    access = next(m for m in report.matched if m.skill_id == "microsoft_access")
    assert access.category == "programming_language"  # still the profile category id
    assert access.skill_category == "Databases and data stores"
    text = render(report, "text")
    assert _line(text, "Microsoft Access").endswith(
        "(Databases and data stores, counted in Programming languages)"
    )
    assert _line(text, "Python").endswith("(Programming languages)")
    rows = {m["name"]: m for m in json.loads(render(report, "json"))["matched"]}
    assert rows["Microsoft Access"]["category"] == "programming_language"
    assert rows["Microsoft Access"]["skill_category"] == "Databases and data stores"
    assert rows["Python"]["skill_category"] is None
    md = next(x for x in render(report, "markdown").splitlines() if x.startswith("| Microsoft Acc"))
    assert "| Databases and data stores, counted in Programming languages |" in md
    html = render(report, "html")
    assert "<td>Databases and data stores, counted in Programming languages</td>" in html


def test_the_soft_categories_of_a_posting_profile_are_the_readers() -> None:
    from jobmatch.scoring.posting_reader import SOFT_CATEGORIES
    from jobmatch.scoring.profile_types import POSTING_SOFT

    assert POSTING_SOFT == SOFT_CATEGORIES


def test_a_profile_category_is_no_lexicon_category_to_compare() -> None:
    # the shipped profile's categories are its own ("Programming languages" holds what the
    # profile puts there): a skill's lexicon category is never named beside them
    rep = jobmatch.score_text(RESUME)
    assert rep.matched
    assert all(m.skill_category is None for m in rep.matched)


UNDATED = """John Roe
Pharmaceutical Sales Representative

Experience
Pharmaceutical Sales Representative, Acme Pharma
- Built reports in Microsoft Access and Python for the sales team.

Education
Bachelor of Arts in Business Administration, State University, 1995
"""


def test_no_dated_job_places_no_career_level() -> None:
    # HEALTHCARE_10466208, CONSULTANT_11333660 (no entry dated): "0.0 years in dated
    # roles; career level junior, read from the years": unread dates are no junior's
    rep = jobmatch.match_texts(UNDATED, POSTING)
    assert rep.career is not None and not rep.career.roles
    assert rep.career.level is None
    line = next(x for x in render(rep, "text").splitlines() if x.startswith("Experience"))
    assert line.endswith(
        "career level not determined (no role is dated and the latest title names no level)"
    )


def test_a_dated_job_still_places_the_level_by_its_years(report: ScoreReport) -> None:
    assert report.career is not None
    assert report.career.level is not None and report.career.level_from == "years"


def test_a_posting_preferring_nothing_says_none_preferred(report: ScoreReport) -> None:
    # HR_11592605 x glassdoor-0370: "required 5 of 15 met; preferred 0 of 0" read as a
    # preferred requirement missed
    posting = POSTING.split("Nice to have")[0]
    rep = jobmatch.match_texts(RESUME, posting)
    text = render(rep, "text")
    assert re.search(r"^  required \d+ of \d+ met; none preferred$", text, re.M)
    assert "preferred 0 of 0" not in render(rep, "markdown")
    assert re.search(r"^  required \d+ of \d+ met; preferred 0 of 1$", render(report, "text"), re.M)


SPREADSHEETS = """Jane Roe
Executive Assistant

Experience
Executive Assistant, Acme Corp, 2015 - 2023
- Compiled quarterly budget reports, financial pivot tables and company data reports
  using advanced Microsoft Excel functions.
- Provisioned servers on AWS.
"""

EXCEL_POSTING = """Data Analyst

Requirements:
- Advanced proficiency in Microsoft Excel
- Experience with Amazon Web Services
"""


def test_the_evidence_shown_names_the_skill() -> None:
    # SALES_10724818 x glassdoor-0239: "+ Microsoft Excel ... financial *spreadsheets*"
    # with "advanced Microsoft Excel functions" on the next line: the evidence shown is
    # the first mention naming the skill (a word of its name, or its initials: AWS). A
    # generic "spreadsheets" is no Excel since lexicon 2026.12.56: "pivot tables" is the
    # Excel form here that names no word of it
    rep = jobmatch.match_texts(SPREADSHEETS, EXCEL_POSTING)
    excel = next(m for m in rep.matched if m.skill_id == "excel")
    assert SPREADSHEETS[excel.start : excel.end] == "Microsoft Excel"
    assert excel.mentions == 2
    aws = next(m for m in rep.matched if m.skill_id == "aws")
    assert SPREADSHEETS[aws.start : aws.end] == "AWS"
