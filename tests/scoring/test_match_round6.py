"""What a match report says, read as a recruiter reads it (round 6): a career level read
from a title's word above what the years reach, and the HTML "What to add" table's column
that tells a required skill from a preferred one."""

from __future__ import annotations

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


def test_html_what_to_add_column_says_required_or_preferred(lead: ScoreReport) -> None:
    # the column held "required" / "preferred" tags under the heading "Requirement", which
    # reads as the requirement's text
    html = render(lead, "html")
    table = html[html.index("<h2>What to add</h2>") :]
    table = table[: table.index("</thead>")]
    assert "<th>Required or preferred</th>" in table
    assert "<th>Requirement</th>" not in table
