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


@pytest.mark.parametrize(
    "dates",
    [
        "1 June 2015 - 30 May 2018",  # read as two lone months (0.2 years)
        "1st June 2015 - 30th May 2018",
        "01 Jun 2015 to 30 May 2018",
        "June 1, 2015 - May 30, 2018",  # a range as precise as a day: no job at all
    ],
)
def test_a_range_of_days_is_a_range_of_months(dates: str) -> None:
    text = f"Experience\nSoftware Engineer, Acme Corp\n{dates}\nBuilt services in Java.\n"
    facts = jobmatch.read_resume(text, as_of=AS_OF)
    assert [(r.title, r.start, r.end) for r in facts.roles] == [
        ("Software Engineer", "2015-06", "2018-05")
    ]
    assert facts.years == pytest.approx(3.0, abs=0.05)


# the first lines of open_resume's LICENSE.AGPL-3.0.txt, centred as there
_LICENCE_HEAD = (
    "                    GNU AFFERO GENERAL PUBLIC LICENSE\n"
    "                       Version 3, 19 November 2007\n\n"
    " Copyright (C) 2007 Free Software Foundation, Inc. <https://fsf.org/>\n"
    " Everyone is permitted to copy and distribute verbatim copies\n"
    " of this license document, but changing it is not allowed.\n\n"
    "                            Preamble\n"
)


def test_a_day_or_a_copyright_year_dates_no_job() -> None:
    # open_resume's LICENSE.AGPL-3.0.txt read two jobs here: "GNU AFFERO GENERAL PUBLIC
    # LICENSE Version 3" (2007-11, a day's date) and an untitled one (the copyright's 2007)
    assert jobmatch.read_resume(_LICENCE_HEAD, as_of=AS_OF).roles == ()


@pytest.mark.parametrize("mark", ["Copyright (C)", "\u00a9", "Copyright"])
def test_a_copyright_year_dates_no_job(mark: str) -> None:
    text = _LICENCE_HEAD.split("\n\n", 1)[1].replace("Copyright (C)", mark)
    assert jobmatch.read_resume(text, as_of=AS_OF).roles == ()


def test_a_day_date_beside_a_title_dates_no_job() -> None:
    # a lone date as precise as a day is an event's, not an entry's
    text = "Experience\nSoftware Engineer, Acme Corp\n19 November 2007\nBuilt services.\n"
    facts = jobmatch.read_resume(text, as_of=AS_OF)
    assert facts.roles == ()


@pytest.mark.parametrize(
    ("line", "field", "major"),
    [
        # LiveCareer's "Degree : Field Major", the major ending with the field's word
        (
            "Xavier University May, 2012 Masters : Education Secondary Education City , State"
            " Education Secondary Education",
            "education",
            "secondary education",
        ),
        (
            "Bachelor of Science : Engineering Mechanical Engineering 2010",
            "engineering",
            "mechanical engineering",
        ),
        # two fields joined, and a field that names its word once, stay one field
        (
            "Master of Arts : Education and Special Education 2010",
            "education and special education",
            None,
        ),
        ("Bachelor of Arts : Art Education 2004", "art education", None),
    ],
)
def test_a_field_ending_with_its_first_word_is_a_field_and_its_major(
    line: str, field: str, major: str | None
) -> None:
    (degree,) = jobmatch.read_resume("Education\n" + line + "\n", as_of=AS_OF).education
    assert (degree.field, degree.major) == (field, major)


@pytest.mark.parametrize(
    ("line", "major"),
    [
        # LiveCareer's "Field - Major" and "Field Major" after business administration
        ("Bachelor of Science , Business Administration - Marketing 2011 University", "marketing"),
        ("Bachelor of Science : Business Administration Finance , May 2010", "finance"),
        # a school after the dash, and two fields joined, are no major
        ("Bachelor of Science , Business Administration - University of Missouri 2011", None),
    ],
)
def test_business_administration_gives_the_major_after_it(line: str, major: str | None) -> None:
    (degree,) = jobmatch.read_resume("Education\n" + line + "\n", as_of=AS_OF).education
    assert (degree.field, degree.major) == ("business administration", major)


def test_business_administration_and_a_field_stay_one_field() -> None:
    line = "Bachelor of Science : Business Administration and Management 2010"
    (degree,) = jobmatch.read_resume("Education\n" + line + "\n", as_of=AS_OF).education
    assert (degree.field, degree.major) == ("business administration and management", None)
