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
