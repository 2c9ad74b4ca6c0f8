"""Postings read as a new user would (session 23, seventh reading): each test holds the
general rule behind a wrong reading, in text written here."""

from __future__ import annotations

import pytest

from jobmatch.extract.component import SkillExtractor
from jobmatch.extract.sections import classify_heading
from tests.helpers import skills_asked


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("CMG Operating Principles", "about"),
        ("Our Guiding Principles", "about"),
        ("Leadership Principles", "about"),
        ("Core values", "about"),
        ("Design principles", None),
    ],
)
def test_principles_headings_are_the_companys_words(heading: str, kind: str | None) -> None:
    assert classify_heading(heading) == kind


def test_first_person_principles_ask_nothing(extractor: SkillExtractor) -> None:
    """glassdoor-0302: "I have a growth mindset." under "CMG Operating Principles"
    required continuous learning."""
    text = (
        "Responsibilities:\nAnalyze claims data with SQL.\n\n"
        "Acme Operating Principles\n\nI have a growth mindset.\n\nI am accountable.\n\n"
        "Qualifications:\n- Experience with Python\n"
    )
    asked = skills_asked(text, extractor)
    assert "continuous_learning" not in asked
    assert asked["python"] is True


def test_double_spaced_degree_line_goes_on(extractor: SkillExtractor) -> None:
    """glassdoor-0302: "... public health, psychology," / "" / "statistics, or other ..."
    required statistics as a skill, the degree line cut by the blank line."""
    from jobmatch import read_posting

    text = (
        "Qualifications:\n\n"
        "Master degree in economics, epidemiology, psychology,\n\n"
        "statistics, or other related disciplines.\n\n"
        "Experience with Python\n"
    )
    read = read_posting(text, extractor=extractor)
    assert "statistics" not in skills_asked(text, extractor)
    assert read.education is not None and "statistics" in read.education.fields


def test_a_blank_line_after_a_finished_line_still_ends_it(extractor: SkillExtractor) -> None:
    text = "Qualifications:\n\nExperience with Python\n\nexperience with Docker is a plus\n"
    asked = skills_asked(text, extractor)
    assert asked["python"] is True
    assert asked["docker"] is False


@pytest.mark.parametrize(
    ("line", "field"),
    [
        # glassdoor-0182
        (
            "MSc, PhD or similar qualification in a quantitative data science discipline "
            "(e.g., statistics/ biostatistics, epidemiology, bioinformatics, health "
            "economics, computational biology, computer science, mathematics, outcomes "
            "research, public health, biology)",
            "biostatistics",
        ),
        # glassdoor-0290
        (
            "Bachelor's degree or higher in a technical field (CS/Math/Stats/Engineering)",
            "mathematics",
        ),
        # glassdoor-0310
        (
            "Bachelor's degree or equivalent experience required, preferably in a "
            "quantitative field such Data, Actuarial Sciences, Engineering or Statistics",
            "actuarial_science",
        ),
    ],
)
def test_degree_fields_in_more_forms_are_no_skills(
    extractor: SkillExtractor, line: str, field: str
) -> None:
    text = f"Requirements:\n- {line}\n- Experience with Python\n"
    asked = skills_asked(text, extractor)
    assert field not in asked
    assert asked["python"] is True


def test_preferably_in_before_the_degree_names_no_field(extractor: SkillExtractor) -> None:
    """The "preferably in" of an experience before the degree is no field of it."""
    from jobmatch import read_posting

    text = (
        "Requirements:\n- Many years of experience in sales preferably in E-Commerce "
        "Bachelor's degree (preferably MBA in business)\n"
    )
    read = read_posting(text, extractor=extractor)
    assert read.education is not None and "e-commerce" not in read.education.fields
