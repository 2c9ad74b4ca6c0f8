"""Resume facts, round 5 (session 25): a school a resume site names without a school's word,
and the major a degree that names its own field gives after a colon."""

from __future__ import annotations

from datetime import date

import pytest

import jobmatch

AS_OF = date(2026, 11, 1)


@pytest.mark.parametrize("sep", ["\ufffd", "ï¼"])
def test_a_school_between_the_year_and_the_placeholder_place_is_the_school(sep: str) -> None:
    # CHEF_10001727: "2010 Stratford � City , State" had no school (no "University")
    text = (
        "Educational Background\n"
        f"Associate of Applied Science , Advanced Culinary Arts 2010 Stratford {sep} City ,"
        " State , USA\n"
    )
    (degree,) = jobmatch.read_resume(text, as_of=AS_OF).education
    assert (degree.level, degree.field, degree.year) == (
        "associate",
        "advanced culinary arts",
        2010,
    )
    assert degree.institution == "Stratford"


@pytest.mark.parametrize(
    "line",
    [
        # lower-case words, field words and a repeated field are no school's name
        "Bachelor of Arts , Psychology 2012 with honors \ufffd City , State",
        "Bachelor of Arts , Psychology 2012 Psychology \ufffd City , State",
        "Bachelor of Arts , Psychology 2012 Business Management \ufffd City , State",
        "Bachelor of Arts , Psychology 2012 Stratford City , State",  # no separator
    ],
)
def test_other_words_before_the_placeholder_place_are_no_school(line: str) -> None:
    (degree,) = jobmatch.read_resume("Education\n" + line + "\n", as_of=AS_OF).education
    assert degree.institution is None


@pytest.mark.parametrize(
    ("line", "field", "major"),
    [
        # CONSTRUCTION_12826414: the major after the colon read as no field at all
        (
            "Cambridge College Master of Education : Integrated Studies and Management",
            "education",
            "integrated studies and management",
        ),
        (
            "Bachelor of Business Administration : Accounting",
            "business administration",
            "accounting",
        ),
        ("MBA, Finance", "business administration", "finance"),
        # no major: a place after a comma, a school, a degree naming no field of its own
        ("Master of Education, Boston, MA", "education", None),
        ("MBA, Kellogg School of Management", "business administration", None),
        ("Bachelor of Science : Political Science", "political science", None),
    ],
)
def test_a_degree_naming_its_field_gives_its_major_after_it(
    line: str, field: str, major: str | None
) -> None:
    (degree,) = jobmatch.read_resume("Education\n" + line + "\n", as_of=AS_OF).education
    assert (degree.field, degree.major) == (field, major)


def test_a_major_meets_a_field_asked_beside_the_field_its_degree_names() -> None:
    text = "Education\nBachelor of Business Administration : Accounting 2012\n"
    report = jobmatch.score_text(text)
    held = report.education.fields_held
    assert held == ("business administration", "accounting")
