"""What a match report says, read as a recruiter reads it (round 6): a career level read
from a title's word above what the years reach, and the HTML "What to add" table's column
that tells a required skill from a preferred one."""

from __future__ import annotations

import json
import re

import pytest

import jobmatch
from jobmatch.models import ScoreReport
from jobmatch.report import render

POSTING = """Data Analyst

Requirements:
- Strong knowledge of SQL
- Experience with Python

Nice to have:
- Experience with Tableau
"""

LEAD = """Jane Roe
Lead Teacher

Experience
Lead Teacher, Sunny Days Preschool, 12/2015 to 06/2016
- Planned lessons; kept attendance records in Excel and SQL.
Teachers Aide, Sunny Days Preschool, 09/2014 to 11/2015
- Supported the lead teacher.

Education
Associate of Science, Education, City College, 2010
"""

SENIOR = """John Roe
Senior Data Analyst

Experience
Senior Data Analyst, Acme Corp, 01/2014 to 12/2021
- Built reports in Python and SQL.

Education
Bachelor of Science in Statistics, State University, 2013
"""


@pytest.fixture(scope="module")
def lead() -> ScoreReport:
    return jobmatch.match_texts(LEAD, POSTING)


def test_title_level_above_the_years_says_what_the_years_reach(lead: ScoreReport) -> None:
    # "Lead" names the senior level; 1.8 years in dated jobs reach a junior's: a recruiter
    # reading "career level senior" alone takes it for a senior's years
    car = lead.career
    assert car.level == "senior" and car.level_from == "title"
    assert car.years is not None and car.years < 2.0
    assert car.years_level == "junior"
    line = next(x for x in render(lead, "text").splitlines() if x.startswith("Experience"))
    assert re.search(r"Lead Teacher \(on the 1\.\d years in dated jobs alone: junior\)", line)
    assert json.loads(render(lead, "json"))["career"]["years_level"] == "junior"


def test_title_level_the_years_reach_too_says_nothing_more() -> None:
    # eight years as a "Senior Data Analyst": the title and the years agree
    car = jobmatch.match_texts(SENIOR, POSTING).career
    assert car.level == "senior" and car.level_from == "title"
    assert car.years_level is None


def test_html_what_to_add_column_says_required_or_preferred(lead: ScoreReport) -> None:
    # the column held "required" / "preferred" tags under the heading "Requirement", which
    # reads as the requirement's text
    html = render(lead, "html")
    table = html[html.index("<h2>What to add</h2>") :]
    table = table[: table.index("</thead>")]
    assert "<th>Required or preferred</th>" in table
    assert "<th>Requirement</th>" not in table


def test_title_only_level_names_no_years_level() -> None:
    # a director's level is reached by title only: the years cannot fall short of it, and
    # "on the 3.0 years alone: mid" would read as a demotion
    director = SENIOR.replace("Senior Data Analyst", "Director of Data Analytics").replace(
        "01/2014", "01/2019"
    )
    car = jobmatch.match_texts(director, POSTING).career
    assert car.level_from == "title" and car.level not in ("senior", "mid", "junior")
    assert car.years_level is None


def test_rank_table_names_the_requirements_that_are_no_skill() -> None:
    # a posting's profile has requirements that stand for no skill ("field", "years"): the
    # table's missing column showed the bare ids, "field" telling a recruiter nothing
    import io

    from jobmatch.batch.writers import write_table
    from jobmatch.models import BatchResult

    row = BatchResult(
        id="a.pdf",
        source="a.pdf",
        status="ok",
        score=40.0,
        missing=("years", "field"),
        matched=("python",),
    )
    out = io.StringIO()
    write_table(out, [row], scored=1, failed=0, names={"python": "Python"})
    line = out.getvalue().splitlines()[1]
    assert re.search(r"  Python +years of experience, field of study$", line)


def test_rank_table_says_a_skill_in_both_columns_is_met_in_part() -> None:
    # a requirement met through a related skill (half credit) puts its skill among the
    # matched and the missing ones alike: "computer programming" stood in both columns
    import io

    from jobmatch.batch.writers import write_table
    from jobmatch.models import BatchResult

    row = BatchResult(
        id="a.pdf",
        source="a.pdf",
        status="ok",
        score=40.0,
        missing=("computer_programming", "docker"),
        matched=("python", "computer_programming"),
    )
    out = io.StringIO()
    names = {"python": "Python", "computer_programming": "computer programming"}
    write_table(out, [row], scored=1, failed=0, names={**names, "docker": "Docker"})
    line = out.getvalue().splitlines()[1]
    assert line.endswith("  computer programming (partly), Docker")
    assert "Python, computer programming  " in line
