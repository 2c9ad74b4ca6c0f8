"""Degree lines of the resume sites' "Degree : Field , YEAR School" form: a two-digit year is
the degree's, a course line of that form below a degree is an entry of its own, not the
degree's date line, and a field followed by its school's name keeps its field words. The
texts are written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from jobmatch.scoring.resume_reader import facts_from_text

AS_OF = date(2026, 1, 1)


def years(text: str, as_of: date = AS_OF) -> list[tuple[str, str | None, int | None]]:
    return [(e.level, e.field, e.year) for e in facts_from_text(text, as_of=as_of).education]


@pytest.mark.parametrize(
    ("line", "field", "year"),
    [
        (
            "B.E : Electrical Engineering , 87 Devi Ahilya University City , India",
            "electrical engineering",
            1987,
        ),
        ("Bachelor of Science : Accounting , 15 State University", "accounting", 2015),
        ("B.E : Electrical Engineering , 26", "electrical engineering", 2026),
    ],
)
def test_a_two_digit_year_is_the_degree_s(line: str, field: str, year: int) -> None:
    assert years(f"Education\n{line}\n") == [("bachelor", field, year)]


def test_a_two_digit_year_after_the_as_of_day_is_of_the_century_before() -> None:
    text = "Education\nB.E : Electrical Engineering , 27 Devi Ahilya University\n"
    assert years(text) == [("bachelor", "electrical engineering", 1927)]


def test_a_course_line_below_a_degree_gives_it_no_year() -> None:
    text = (
        "Education\nM.Tech : Control Systems , 1988 Indian Institute of Technology City , India\n"
        "B.E : Electrical Engineering , 87 Devi Ahilya University City , India\n"
        "Course : Machine learning , 2016 Coursera - Stanford USA\nSkills\nC, C++\n"
    )
    assert years(text) == [
        ("master", "control systems", 1988),
        ("bachelor", "electrical engineering", 1987),
    ]


def test_a_course_line_is_no_date_line_of_a_degree_without_a_year() -> None:
    text = (
        "Education\nBachelor of Science : Biology State University\n"
        "Certification : Food Safety and Sanitation , 2008 Johnson and Wales\n"
    )
    assert years(text) == [("bachelor", "biology", None)]


def test_a_date_line_below_a_degree_still_gives_its_year() -> None:
    text = "Education\nBachelor of Science : Biology State University\n2014\n"
    assert years(text) == [("bachelor", "biology", 2014)]


@pytest.mark.parametrize(
    ("line", "field"),
    [
        (
            "Bachelor of Science : Political Science & Global Studies South Dakota State "
            "University City , State , United States",
            "political science & global studies",
        ),
        (
            "Bachelor of Arts Political Science and International Relations Dakota Wesleyan "
            "University",
            "political science and international relations",
        ),
        # a sentence after the degree's name is still no field
        (
            "Master of Social Work Clinical I was a student-athlete on a softball scholarship",
            None,
        ),
        # a status ends the field before the sentence (round 6 of session 25)
        (
            "Master of Social Work Clinical In Progress I was a student-athlete on a softball "
            "scholarship",
            "social work clinical",
        ),
    ],
)
def test_a_field_before_a_long_school_name_keeps_its_words(line: str, field: str | None) -> None:
    [entry] = facts_from_text(f"Education\n{line}\n", as_of=AS_OF).education
    assert entry.field == field


def test_a_bare_diploma_line_above_an_entry_is_no_certificate() -> None:
    text = (
        "Education and Training\nDiploma\nMay 2004\n"
        "HS : General Studies Bainbridge High School City , State General Studies\n"
        "December2015\nBachelor of Science : Nursing South University City , State\n"
    )
    assert [e.level for e in facts_from_text(text, as_of=AS_OF).education] == [
        "high_school",
        "bachelor",
    ]


def test_a_certificate_with_its_field_is_still_listed() -> None:
    text = "Education\nCertificate in Project Management , 2011 Bowie State University\n"
    [entry] = facts_from_text(text, as_of=AS_OF).education
    assert (entry.level, entry.year) == ("certificate", 2011)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "FIDM/Fashion Institute Of Design & Merchandising City , State 2013 Bachelor's : "
            "Fashion Design",
            (
                "bachelor",
                "fashion design",
                "FIDM/Fashion Institute Of Design & Merchandising",
                2013,
            ),
        ),
        (
            "Southwestern Illinois College of Arts and Sciences City , State 2009 Master of "
            "Science : Nursing",
            ("master", "nursing", "Southwestern Illinois College of Arts and Sciences", 2009),
        ),
    ],
)
def test_a_degree_after_its_school_and_year_is_read(
    line: str, expected: tuple[str, str, str, int]
) -> None:
    [entry] = facts_from_text(f"Education\n{line}\nAccomplishments\nWon.\n", as_of=AS_OF).education
    assert (entry.level, entry.field, entry.institution, entry.year) == expected


def test_a_degree_named_far_into_a_sentence_is_still_none() -> None:
    text = (
        "Education\nBachelor of Science : Biology , 2010 State University\n"
        "Summary\nI led the lab team of the hospital from 2012 and in 2015 Master : trainees\n"
    )
    assert [e.level for e in facts_from_text(text, as_of=AS_OF).education] == ["bachelor"]


def test_a_date_after_a_blank_line_below_a_degree_is_its_own() -> None:
    # OpenResume's PDF prints the right-hand date after a blank line (the shared
    # openresume-resume.pdf): the degree had no year and no dates
    text = (
        "EDUCATION\nXYZ University\nBachelor of Science in Computer Science - 3.8 GPA\n\n"
        "Sep 2019 - May 2023\n• Won 1st place in 2022 Education Hackathon\n"
    )
    (entry,) = facts_from_text(text, as_of=AS_OF).education
    assert (entry.year, entry.start, entry.end) == (2023, "2019-09", "2023-05")
    assert not entry.in_progress
    # right above the next degree, it is that degree's (or nobody's), not the one above
    text = "EDUCATION\nBachelor of Science in Physics\n\n2015\nMaster of Science in Physics\n"
    assert years(text)[0] == ("bachelor", "physics", None)
