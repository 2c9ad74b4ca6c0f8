"""resume_facts: the degree patterns (a resume's highest degree, a posting's required one)."""

from __future__ import annotations

import pytest

from jobmatch.scoring.resume_facts import degree_level, find_education


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
        # the "B.A." inside "M.B.A." is no bachelor's
        ("M.B.A., Finance, Harvard University, 2015", "master", "finance"),
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
    "text", ["We will be in touch as soon as possible.", "Be as good as you can."]
)
def test_english_words_are_no_degree(text: str) -> None:
    assert find_education(text).level is None


def test_bsn_is_a_bachelors_degree() -> None:
    assert find_education("Education\nBSN, University of Phoenix 2010\n").level == "bachelor"


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


# the fast paths (a union scan before the five level patterns, a degree form looked for in
# the first 40 characters only, a date scan only on lines with two digits in a row) must
# answer as the patterns they stand in front of
@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("PH.D. IN PHYSICS", "phd"),  # upper case: the ASCII lower-case path
        ("Ph.D. in Physics, Universität Wien", "phd"),  # non-ASCII: the IGNORECASE path
        ("Maſter of Science", "master"),  # IGNORECASE reads a long s as "s"; lower() does not
        ("x" * 30 + " MSc Robotics", "master"),
        ("x" * 39 + " MSc Robotics", "master"),  # the form starts at 40: still near the start
        ("x" * 40 + " MSc Robotics", None),  # at 41: a sentence that mentions a degree
    ],
)
def test_degree_line_fast_paths(line: str, level: str | None) -> None:
    from jobmatch.scoring.education import degree_line

    assert degree_line(line) == level


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("Software Engineer, Acme", []),
        ("Intern Mar '19", ["2019-03"]),  # only two digits in a row
        ("Analyst 2017 - Present", ["2017"]),
        ("Analyst ２０１７", []),  # full-width digits are digits, but no year
    ],
)
def test_find_ranges_without_a_date(line: str, found: list[str]) -> None:
    from jobmatch.scoring.dates import find_ranges

    assert [r.start.iso() for r in find_ranges(line)] == found


@pytest.mark.parametrize(
    "line",
    [
        "Masters: Education",
        "MASTERS , Fine Arts",
        "master's degree",
        "AOS : Culinary Arts",
        "A.A.S. in Nursing",
        "a.o.s, baking",
        "S.E : Accounting",
        "s.e: accounting",
        "S. E. : Accounting",
        "BS, MS, PhD",
        "Requirements: 5 years. Skills: Python.",
        "Maſters: Education",  # not ASCII: every form is searched
        "ſ.E : Accounting",
    ],
)
def test_extra_degree_forms_are_found_as_by_their_patterns(line: str) -> None:
    from jobmatch.scoring.education import _EXTRA_LEVELS, _extra_levels

    assert _extra_levels(line) == [lvl for lvl, rx in _EXTRA_LEVELS if rx.search(line)]
