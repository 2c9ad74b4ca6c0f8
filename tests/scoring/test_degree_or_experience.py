"""A degree a posting accepts "or equivalent experience": the reading says so, and a resume
without the degree meets it with enough years in jobs that show a skill the posting
requires (not with any years: a nurse's are no computer science degree). The texts are
written for these tests."""

from __future__ import annotations

import pytest

import jobmatch
from jobmatch.report_parts import education_line
from jobmatch.scoring.posting_reader import read_posting

POSTING = (
    "Research Engineer\n\nMinimum qualifications:\n"
    "- Bachelor's degree in Computer Science or a related technical field, or equivalent"
    " practical experience.\n"
    "- Experience with Python and PyTorch.\n- Experience with distributed systems.\n"
)


@pytest.mark.parametrize(
    ("clause", "or_experience"),
    [
        ("Bachelor's degree in Computer Science, or equivalent practical experience.", True),
        ("BS/BA degree or equivalent experience", True),
        ("Bachelor's degree or relevant work experience in data engineering.", True),
        ("Bachelor's degree in mathematics, or 2+ years of experience in data analytics.", True),
        ("Bachelor's degree in Computer Science or a related field.", False),
        ("A PhD degree or equivalent.", False),  # an equivalent degree
        ("BS in Computer Science or an equivalent engineering degree.", False),
        ("Minimum 5 years (with M.S. degree) or 3 years (with PhD) of industry experience.", False),
    ],
)
def test_the_reading_says_when_experience_may_replace_the_degree(
    clause: str, or_experience: bool
) -> None:
    edu = read_posting(f"Requirements:\n- {clause}\n").education
    assert edu is not None and edu.min_level is not None
    assert edu.or_experience is or_experience


def resume(title: str, duty: str) -> str:
    return f"Jane Doe\n\nEXPERIENCE\n{title}, Acme   2015 - 2021\n- {duty}\n"


def test_relevant_years_meet_the_degree() -> None:
    report = jobmatch.match(
        resume("Software Engineer", "Built Python and PyTorch services."), POSTING
    )
    assert report.education.meets_requirement is True
    assert report.education.equivalent_years == 4.0
    assert report.education.experience_years == 6.0
    assert "degree" not in {m.requirement for m in report.missing}
    assert "4+ years of relevant experience: met, 6 years" in education_line(report)


def test_years_without_a_skill_it_requires_do_not() -> None:
    report = jobmatch.match(resume("Registered Nurse", "Cared for patients."), POSTING)
    assert report.education.meets_requirement is False
    assert report.education.experience_years == 0.0
    assert "degree" in {m.requirement for m in report.missing}


def test_too_few_relevant_years_do_not() -> None:
    text = (
        "Jane Doe\n\nEXPERIENCE\nSoftware Engineer, Acme   2019 - 2021\n- Built Python services.\n"
    )
    report = jobmatch.match(text, POSTING)
    assert report.education.meets_requirement is False
    assert report.education.experience_years == 2.0


@pytest.mark.parametrize(
    ("clause", "degree"),
    [
        ("Have 3+ years of experience building ML systems, or a PhD in a relevant field", "phd"),
        ("At least 3 years of industry experience (or a PhD)", "phd"),
        ("7+ years of experience, or 5+ with a Master's, or 3+ with a PhD", None),  # fewer
        ("5+ years of experience with Python", None),
    ],
)
def test_the_degree_that_replaces_the_years(clause: str, degree: str | None) -> None:
    assert read_posting(f"Requirements:\n- {clause}\n").years_or_degree == degree


YEARS_OR_PHD = (
    "Research Engineer\n\nYou may be a good fit if you:\n- Are proficient in Python.\n"
    "- Have 3+ years of experience building ML systems, or a PhD in a relevant field.\n"
)


def test_a_phd_meets_the_years_it_replaces() -> None:
    text = (
        "Jane Doe\n\nEDUCATION\nPh.D. in Computer Science, University of Washington, 2025\n\n"
        "EXPERIENCE\nMember of Technical Staff, Anthropic   Jul 2025 - present\n- Python.\n"
    )
    report = jobmatch.match(text, YEARS_OR_PHD)
    [years] = report.years
    assert (years.credit, years.instead) == (1.0, "phd")
    assert "years" not in {m.requirement for m in report.missing}


def test_without_the_phd_the_years_count() -> None:
    text = (
        "Jane Doe\n\nEXPERIENCE\nML Engineer, Acme   2024 - 2025\n- Built ML systems in Python.\n"
    )
    [years] = jobmatch.match(text, YEARS_OR_PHD).years
    assert years.instead is None and years.credit < 1.0


def test_the_years_a_posting_names_stand_for_the_degree() -> None:
    posting = (
        "Data Analyst\n\nRequirements:\n- Bachelor's degree in mathematics or statistics, or"
        " 2+ years of experience in data analytics.\n- Strong SQL and Python skills.\n"
    )
    edu = read_posting(posting).education
    assert edu is not None and (edu.or_experience, edu.or_years) == (True, 2.0)
    text = "Jane Doe\n\nEXPERIENCE\nData Analyst, Acme   2022 - 2025\n- SQL and Python reports.\n"
    report = jobmatch.match(text, posting)
    assert (report.education.equivalent_years, report.education.meets_requirement) == (2.0, True)
