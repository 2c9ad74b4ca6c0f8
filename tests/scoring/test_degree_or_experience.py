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
