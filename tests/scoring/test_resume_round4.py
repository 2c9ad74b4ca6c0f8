"""Resume facts, round 4 (session 24): a title of just "Volunteer", schools named an
"Institute", a degree's dates lines below it, and the major after a degree's colon."""

from __future__ import annotations

from datetime import date

import pytest

import jobmatch

AS_OF = date(2026, 11, 1)


def test_a_title_of_just_volunteer_under_volunteering_is_the_entry_title() -> None:
    # laverne-resume: "Volunteer" between the organisation and its dates was a heading
    text = (
        "VOLUNTEER EXPERIENCE\nLionLike MindState, Pomona, CA\nVolunteer\n"
        "June 2012 – Present\n• Plan two yearly outreach events\n\n"
        "YMCA, Pomona, CA\nVolunteer Swim Coach\nSummer 2013\n"
    )
    facts = jobmatch.read_resume(text, as_of=AS_OF)
    assert [(r.title, r.kind) for r in facts.roles][0] == ("Volunteer", "volunteer")
    assert not any("dates without an entry" in w for w in facts.warnings)


def test_an_ihe_school_after_the_field_is_the_school() -> None:
    # ENGINEERING_12011623: "UNESCO-IHE" (an institute of higher education) was no school
    text = (
        "Education\nApril 2010\nMaster of Science : Environmental Science and Technology"
        " UNESCO-IHE \ufffd City The Netherlands Environmental Science and Technology\n"
    )
    (degree,) = jobmatch.read_resume(text, as_of=AS_OF).education
    assert degree.level == "master"
    assert degree.institution == "UNESCO-IHE"


@pytest.mark.parametrize(
    "school",
    ["Instituto Tecnológico de Monterrey", "Universidad de Chile", "Universitas Indonesia"],
)
def test_schools_named_in_other_languages_are_schools(school: str) -> None:
    text = f"Education\nBachelor of Science : Chemistry , 2010 {school} \ufffd City , State\n"
    (degree,) = jobmatch.read_resume(text, as_of=AS_OF).education
    assert degree.institution == school


def test_a_degree_date_printed_lines_below_it_is_its_date() -> None:
    # awesome_cv resume.pdf: the right-hand column (places, dates) printed after the entry
    text = (
        "Education\nPOSTECH(Pohang University of Science and Technology)\n"
        "B.S. in Computer Science and Engineering\n"
        "• Got a Chun Shin-Il Scholarship\n\nSeoul, S.Korea\nSeoul, S.Korea\n\n"
        "Pohang, S.Korea\nMar. 2010 - Aug. 2017\n"
    )
    (degree,) = jobmatch.read_resume(text, as_of=AS_OF).education
    assert (degree.level, degree.year) == ("bachelor", 2017)


def test_a_date_line_right_above_the_next_degree_stays_its_own() -> None:
    text = (
        "Education\nB.S. in Chemistry\nState University\nLos Angeles, CA\n\n"
        "2012\nM.S. in Chemistry\nTech University\n"
    )
    first, second = jobmatch.read_resume(text, as_of=AS_OF).education
    assert first.year is None


@pytest.mark.parametrize(
    ("line", "field"),
    [
        (
            "Cambridge College Master of Education : Integrated Studies and Management",
            "integrated studies and management",
        ),
        ("Bachelor of Business Administration : Accounting August 2002", "accounting"),
        ("Master of Public Health : Epidemiology, Emory University", "epidemiology"),
    ],
)
def test_the_major_after_a_degree_colon_is_the_field(line: str, field: str) -> None:
    # CONSTRUCTION_12826414: "Master of Education : Integrated Studies..." read "education"
    (degree,) = jobmatch.read_resume(f"Education\n{line}\n", as_of=AS_OF).education
    assert degree.field == field


def test_a_degree_of_a_field_with_nothing_after_its_colon_keeps_it() -> None:
    (degree,) = jobmatch.read_resume("Education\nMaster of Education :\n", as_of=AS_OF).education
    assert degree.field == "education"
