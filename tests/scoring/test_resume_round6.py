"""Resume facts, round 6 (session 25): a degree's abbreviation before a school's name, a
sentence counting the work read as a title, a status ending a degree's field, and the school
above the first degree past a place line."""

from __future__ import annotations

from datetime import date

import pytest

import jobmatch

AS_OF = date(2026, 11, 1)


@pytest.mark.parametrize(
    ("line", "school"),
    [
        # ENGINEERING_32985311: the school was "MS IM Thapar University"
        (
            "B.E : Chemical Engineering MS IM Thapar University \ufffd City India Chemical"
            " Engineering 6.7/10",
            "Thapar University",
        ),
        ("Bachelor of Science : Biology MS Stanford University", "Stanford University"),
        # a name opening with capitals keeps them when no degree's abbreviation leads
        ("Bachelor of Science : Biology IIT Delhi", "IIT Delhi"),
        ("Bachelor of Science : Biology, MBA Harvard Business School", "Harvard Business School"),
    ],
)
def test_a_degree_abbreviation_before_the_school_is_no_part_of_its_name(
    line: str, school: str
) -> None:
    degree = jobmatch.read_resume("Education\n" + line + "\n", as_of=AS_OF).education[0]
    assert degree.institution == school


def _entry(body: str) -> str:
    return (
        "Experience\n"
        "Nanny/Caregiver , 01/2012 to 02/2014 Company Name \ufffd City , State\n\n"
        f"{body}\n"
        "Provided discipline according to their ages and gave them everyday chores\n"
    )


def test_a_sentence_counting_the_work_is_no_entry() -> None:
    # DIGITAL-MEDIA_11270462: "entry without dates: 'Basic caregiver for three ...'"
    facts = jobmatch.read_resume(
        _entry("Basic caregiver for three small children for 4-6 hours everyday"), as_of=AS_OF
    )
    assert [r.title for r in facts.roles] == ["Nanny/Caregiver"]
    assert not [w for w in facts.warnings if "entry without dates" in w]


def test_a_short_title_with_a_count_is_still_a_title() -> None:
    # a title of a few words, or one with a capitalised name, stays an entry's title
    facts = jobmatch.read_resume(
        "Experience\nShift supervisor for 12 Cashiers at Target Stores\n2015 - 2018\n",
        as_of=AS_OF,
    )
    assert [r.title for r in facts.roles] == ["Shift supervisor for 12 Cashiers"]


@pytest.mark.parametrize(
    ("line", "field"),
    [
        # TEACHER_15899269: no field (a sentence runs on after the degree's name)
        (
            "Master of Social Work In Progress I was a student-athlete on a softball"
            " scholarship. I received Bright Futures Scholarship and maintained",
            "social work",
        ),
        ("Bachelor of Science in Nursing Expected May 2022", "nursing"),
        ("Master of Public Health Anticipated 2027", "public health"),
    ],
)
def test_a_status_ends_the_field_of_a_degree(line: str, field: str) -> None:
    (degree,) = jobmatch.read_resume("Education\n" + line + "\n", as_of=AS_OF).education
    assert degree.field == field
    assert degree.in_progress


_PDFIUM_EDUCATION = (
    "Jane Doe\n\nEducation\n"
    "POSTECH(Pohang University of Science and Technology)\n\n"
    "Pohang, S.Korea\n\n"
    "B.S. in Computer Science and Engineering\n\n"
    "Mar. 2010 - Aug. 2017\n\n"
    "• Got a scholarship which is given to promising students\n\n"
    "Skills\nDevOps\n"
)


def test_the_school_above_the_first_degree_past_its_place_line() -> None:
    # awesome_cv cv.pdf with pdfium: the degree had no school
    (degree,) = jobmatch.read_resume(_PDFIUM_EDUCATION, as_of=AS_OF).education
    assert degree.institution == "POSTECH(Pohang University of Science and Technology)"
    assert degree.year == 2017


def test_a_school_line_below_other_text_is_not_taken_from_above() -> None:
    # the line above the school is the section's text: the school may be another entry's
    text = _PDFIUM_EDUCATION.replace(
        "Education\n", "Education\nExchange semester, Seoul National University\n"
    )
    degree = jobmatch.read_resume(text, as_of=AS_OF).education[-1]
    assert degree.level == "bachelor"
    assert degree.institution is None


@pytest.mark.parametrize(
    ("line", "major"),
    [
        # BANKING_11262933: the criminal justice major of an AAS went unread
        (
            "Associates Degree : Applied Science, Criminal Justice , 2009 DeKalb Technical"
            " Institute \ufffd City , State Applied Science, Criminal Justice",
            "criminal justice",
        ),
        ("Associate : Science, Boston, MA", None),  # a place after the comma is no major
    ],
)
def test_a_field_that_is_a_degree_name_gives_its_major_after_a_comma(
    line: str, major: str | None
) -> None:
    (degree,) = jobmatch.read_resume("Education\n" + line + "\n", as_of=AS_OF).education
    assert degree.major == major
