"""resume_facts: degrees, fields, dated roles, years of experience, career level."""

from __future__ import annotations

from datetime import date

import pytest

from jobmatch.scoring.resume_facts import (
    career_level,
    degree_level,
    find_education,
    find_roles,
    years_of_experience,
)

AS_OF = date(2024, 6, 15)
LADDER = [
    ("intern", ("intern", "trainee"), 0.0),
    ("junior", ("junior", "graduate"), 0.0),
    ("mid", ("engineer", "scientist"), 2.0),
    ("senior", ("senior", "lead"), 5.0),
    ("principal", ("principal", "director", "head of"), 10.0),
]


@pytest.mark.parametrize(
    ("line", "level", "field"),
    [
        ("Ph.D. in Machine Learning, MIT, 2019", "phd", "machine learning"),
        ("PhD, Computer Science", "phd", "computer science"),
        ("Doctor of Philosophy (Statistics)", "phd", "statistics"),
        ("M.Sc. Computer Science, KTH", "master", "computer science"),
        ("MSc in Data Science", "master", "data science"),
        (
            "Master of Science in Electrical Engineering from Stanford",
            "master",
            "electrical engineering",
        ),
        ("Master's degree in Economics", "master", "economics"),
        ("M.S. in Operations Research, 2015", "master", "operations research"),
        ("B.S. in Physics, 2010", "bachelor", "physics"),
        ("Bachelor of Arts in History", "bachelor", "history"),
        ("BSc Nursing", "bachelor", "nursing"),
        ("Associate's degree in Culinary Arts", "associate", "culinary arts"),
        ("High School Diploma", "high_school", None),
        ("MSc, Robotics", "master", "robotics"),
        ("Master of Science : Analytics University of New Hampshire", "master", "analytics"),
        # forms found in the shared resumes
        ("B.E : Chemical Engineering", "bachelor", "chemical engineering"),
        ("B.E. in Electronics", "bachelor", "electronics"),
        ("A.S : Nursing", "associate", "nursing"),
        ("ASN, Nursing, 2005", "associate", "nursing"),
        ("Masters in Data Science", "master", "data science"),
    ],
)
def test_degrees_and_fields(line: str, level: str, field: str | None) -> None:
    edu = find_education(f"EDUCATION\n{line}\n")
    assert (edu.level, edu.field, edu.evidence) == (level, field, line)


@pytest.mark.parametrize(
    "line", ["Certified Scrum Master", "MS Office, Excel", "Bachelor party planner? no", "BA"]
)
def test_not_degrees(line: str) -> None:
    expected = "bachelor" if line.startswith("Bachelor") else None
    assert degree_level(line) == expected


def test_highest_degree_wins() -> None:
    text = "BSc in Mathematics, 2010\nMSc in Statistics, 2012\nPhD in Computer Science, 2016\n"
    edu = find_education(text)
    assert (edu.level, edu.field) == ("phd", "computer science")
    assert find_education("no degree here").level is None


@pytest.mark.parametrize(
    ("line", "title", "start", "end", "years"),
    [
        (
            "Senior Engineer, Acme — Jan 2019 – Present",
            "Senior Engineer, Acme",
            "2019-01",
            "present",
            5.5,
        ),
        ("Data Analyst 2015-2018", "Data Analyst", "2015-01", "2018-12", 4.0),
        ("Engineer | 03/2020 - 05/2021", "Engineer", "2020-03", "2021-05", 1.2),
        ("Intern (June 2018 to Sept 2018)", "Intern", "2018-06", "2018-09", 0.3),
        ("Lead Scientist  Aug. 2021 - current", "Lead Scientist", "2021-08", "present", 2.9),
    ],
)
def test_date_ranges(line: str, title: str, start: str, end: str, years: float) -> None:
    (role,) = find_roles(line, as_of=AS_OF)
    r = role.to_role()
    assert (r.title, r.start, r.end, r.years) == (title, start, end, years)


def test_title_from_previous_line_and_education_skipped() -> None:
    text = (
        "Machine Learning Engineer\nJan 2019 – Dec 2020\n"
        "EDUCATION\nUniversity of Oslo 2012 - 2016\nPhD in CS 2016-2019\n"
    )
    roles = find_roles(text, as_of=AS_OF)
    assert [(r.title, r.to_role().years) for r in roles] == [("Machine Learning Engineer", 2.0)]


def test_skip_ranges_are_ignored() -> None:
    text = "Engineer 2010-2012\nPUBLICATIONS\nPaper, 2014-2015\n"
    start = text.index("PUBLICATIONS")
    roles = find_roles(text, as_of=AS_OF, skip=[(start, len(text))])
    assert [r.title for r in roles] == ["Engineer"]


def test_overlapping_roles_are_merged() -> None:
    text = "Engineer A 2015-2018\nEngineer B 2017-2019\nEngineer C 2021-2021\n"
    roles = find_roles(text, as_of=AS_OF)
    assert years_of_experience(roles) == 6.0  # 2015-2019 (5 years) + 2021 (1 year)
    assert years_of_experience([]) is None


def test_future_and_reversed_ranges_are_dropped() -> None:
    assert find_roles("Engineer 2019-2016\nEngineer 2030-2031\n", as_of=AS_OF) == []


@pytest.mark.parametrize(
    "text", ["We will be in touch as soon as possible.", "Be as good as you can."]
)
def test_english_words_are_no_degree(text: str) -> None:
    assert find_education(text).level is None


def test_bsn_is_a_bachelors_degree() -> None:
    assert find_education("Education\nBSN, University of Phoenix 2010\n").level == "bachelor"


@pytest.mark.parametrize(
    ("text", "level", "source"),
    [
        ("Machine Learning Intern 2023-2023", "intern", "title"),
        ("Junior Data Engineer 2022-2023", "junior", "title"),
        ("Research Engineer 2021 - Present", "mid", "title"),
        ("Senior Research Engineer 2015 - Present", "senior", "title"),
        ("Director of AI 2010 - Present", "principal", "title"),
        ("Acme Corp 2012 - 2020", "senior", "years"),
        ("Acme Corp 2023 - 2023", "junior", "years"),
    ],
)
def test_career_level(text: str, level: str, source: str) -> None:
    roles = find_roles(text, as_of=AS_OF)
    assert career_level(roles, years_of_experience(roles), LADDER) == (level, source)
    assert career_level([], None, LADDER) == (None, None)


def test_range_broken_over_two_lines_and_title_below() -> None:
    text = "EXPERIENCE\nJune 2020 –\nPresent\n\nJuly 2015 –\nMay 2020\n"
    roles = [r.to_role() for r in find_roles(text, as_of=AS_OF)]
    assert [(r.title, r.start, r.end) for r in roles] == [
        ("", "2020-06", "present"),
        ("", "2015-07", "2020-05"),
    ]
    text2 = "Work Experience\nJan 2013 to Jan 2016\nQuality Technician, Acme\n- did things.\n"
    assert [r.title for r in find_roles(text2, as_of=AS_OF)] == ["Quality Technician, Acme"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Requirements\nBachelor's degree in CS\nPreferred\nPhD in ML\n", ("bachelor", "phd")),
        ("Bachelor's degree required, Master's preferred", ("bachelor", "master")),
        ("MS or PhD in Computer Science", ("master", None)),
        ("Requirements\nPhD in Physics\nNice to have\nBSc\n", ("phd", None)),
        ("Python, SQL, MS Office", (None, None)),
    ],
)
def test_degree_requirements_of_a_posting(
    text: str, expected: tuple[str | None, str | None]
) -> None:
    from jobmatch.extract.sections import detect_sections
    from jobmatch.scoring.resume_facts import degree_requirements

    assert degree_requirements(text, detect_sections(text)) == expected
