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
