"""Session 26, seventeenth reading of the postings (the glassdoor postings whose id ends in
1): the texts are written for these tests after the wording of the postings named."""

from __future__ import annotations

import pytest

from jobmatch.scoring.posting_reader import read_posting


@pytest.mark.parametrize(
    ("clause", "or_experience"),
    [
        # glassdoor-0501, -0811: experience named without "equivalent" replaces the degree
        ("4-year undergraduate degree or demonstrated relevant progressive experience", True),
        ("College degree in science or computer or industrial experience.", True),
        ("Bachelor's degree or professional experience in analytics.", True),
        # the experience is the years' own: "or" joins two kinds of experience
        ("Bachelor's degree and 3 years of academic or industry experience.", False),
        ("BS with 2+ years of research or related experience.", False),
        ("BS, MS or PhD with academic or industry experience in deep learning.", False),
        ("Bachelor's degree in physics or research or industry experience.", False),
        ("Bachelor's degree in Computer Science or a related field.", False),
    ],
)
def test_a_degree_or_plain_experience(clause: str, or_experience: bool) -> None:
    edu = read_posting(f"Requirements:\n- {clause}\n").education
    assert edu is not None and edu.min_level is not None
    assert edu.or_experience is or_experience


@pytest.mark.parametrize(
    ("clause", "field"),
    [
        # glassdoor-0101: "or a related life science field" required life sciences as a
        # skill and lost related_fields
        ("Master's degree in Chemistry, Biochemistry or a related life science field.", None),
        # glassdoor-0221: "preferably a PhD, in Statistics/Applied Statistics" preferred
        # statistics as a skill besides the degree's field
        (
            "Master's degree in Physics; preferably a PhD, in Statistics/Applied Statistics,"
            " Applied Mathematics, or Economics, or a related field.",
            None,
        ),
    ],
)
def test_a_degree_field_after_related_or_a_comma_is_no_skill(
    clause: str, field: str | None
) -> None:
    read = read_posting(f"Requirements:\n- {clause}\n")
    assert read.education is not None and read.education.related_fields
    assert [r.skills[0].name for r in read.requirements] == []


def test_a_skill_after_related_experience_is_still_asked() -> None:
    """Not a field: "or related experience in data visualization" asks it."""
    read = read_posting(
        "Requirements:\n- Bachelor's degree in Physics or related experience in data"
        " visualization.\n"
    )
    assert "data visualization" in {s.name for r in read.requirements for s in r.skills}


def test_ideal_qualifications_are_preferred() -> None:
    """glassdoor-0401: under "Ideal Qualifications:" (after "Basic Qualifications:") Git and
    AWS were required and the Master's degree not preferred."""
    read = read_posting(
        "Basic Qualifications:\n- Experience developing ETL processes\n"
        "- Bachelor's degree in Computer Science\n"
        "Ideal Qualifications:\n- GIT expertise\n- Experience with AWS\n"
        "- Master's degree in Computer Science\n"
    )
    asked = {s.name: r.required for r in read.requirements for s in r.skills}
    assert asked["ETL"] is True
    assert asked["Git"] is False and asked["Amazon Web Services"] is False
    assert read.education is not None
    assert (read.education.min_level, read.education.preferred_level) == ("bachelor", "master")


@pytest.mark.parametrize("heading", ["The Ideal Candidate:", "Ideal candidate"])
def test_the_ideal_candidate_still_asks(heading: str) -> None:
    read = read_posting(f"{heading}\n- GIT expertise\n- Experience with AWS\n")
    assert all(r.required for r in read.requirements)


@pytest.mark.parametrize(
    "label",
    [
        "Job Segment: Database, Scientific, SQL, Technology, Engineering",
        "Job Category: Databases, SQL",
    ],
)
def test_a_job_boards_category_line_asks_nothing(label: str) -> None:
    """glassdoor-0341 required databases from the job board's tags: "Job Segment:
    Database, Scientific, SQL, Technology, Engineering"."""
    read = read_posting(f"Must Have:\n- Experience with Python\n\n{label}\n")
    assert [s.name for r in read.requirements for s in r.skills] == ["Python"]


def test_a_requirements_label_names_no_skill() -> None:
    """glassdoor-0051: "Security Requirements: Active TS/SCI security clearance required."
    required security (the label's word) besides the clearance."""
    read = read_posting(
        "Required Qualifications:\n- Strong technical writing skills\n"
        "Security Requirements: Active TS/SCI security clearance required.\n"
    )
    names = {s.name for r in read.requirements for s in r.skills}
    assert "security clearance" in names and "security" not in names


def test_a_skills_label_still_names_its_skill() -> None:
    read = read_posting("Requirements:\nMachine Learning Skills: 3 years building models\n")
    assert "machine learning" in {s.name for r in read.requirements for s in r.skills}


def test_a_sentence_end_inside_a_parenthesis_cuts_nothing() -> None:
    """glassdoor-0001: "(experience with tools such as WEKA, RapidMiner, R. Python or other
    open source tools strongly desired)" required WEKA, RapidMiner and R: the full stop
    after "R" cut the aside before its preference."""
    read = read_posting(
        "Requirements:\n- 3+ years of Machine Learning experience (experience with tools such"
        " as WEKA, RapidMiner, R. Python or other open source tools strongly desired)\n"
    )
    asked = {s.name: r.required for r in read.requirements for s in r.skills}
    assert asked["machine learning"] is True
    assert asked["Weka"] is False and asked["R"] is False and asked["Python"] is False
