"""Postings read as a demanding user would (session 26, sixteenth reading): each test holds
the general rule behind a wrong reading, in text written here."""

from __future__ import annotations

from jobmatch import read_posting
from jobmatch.extract.component import SkillExtractor

#: a page pasted with hard line breaks, as glassdoor-0463 is
_WRAPPED = (
    "Required Qualifications:\n"
    "BS in Systems Engineering, Computer Science, Data Science\n"
    "or other relevant technical field\n"
    "Five or more years of relevant experience with data\n"
    "analytics and data visualization for the\n"
    "sponsor, and the ability to brief senior\n"
    "government leaders on the results\n"
)


def test_a_hard_wrap_after_a_capitalised_word_goes_on(extractor: SkillExtractor) -> None:
    """glassdoor-0463: "BS in Systems Engineering, Computer Science, Data Science" / "or
    other relevant technical field" lost its related fields (the line ended with a word in
    upper case)."""
    read = read_posting(_WRAPPED, extractor=extractor)
    assert read.education is not None
    assert read.education.related_fields
    assert "or other relevant technical field" in read.education.evidence


def test_what_the_job_provides_is_not_asked(extractor: SkillExtractor) -> None:
    """glassdoor-0123: "junior scientists are provided with extensive mentoring and three
    years of full support" required mentoring."""
    text = (
        "Job Summary:\n"
        "Junior scientists are provided with extensive mentoring and three years of support.\n"
        "Required Qualifications:\n"
        "- Experience with Python\n"
    )
    read = read_posting(text, extractor=extractor)
    assert {s.skill_id for r in read.requirements for s in r.skills} == {"python"}


def test_an_institution_name_asks_nothing(extractor: SkillExtractor) -> None:
    """glassdoor-0123: "the Center for Perception and Communication in Children (CPCC)"
    required communication."""
    text = (
        "Required Qualifications:\n"
        "- Research experience at the Center for Perception and Communication in Children\n"
        "- Experience with Python\n"
    )
    read = read_posting(text, extractor=extractor)
    assert "communication" not in {s.skill_id for r in read.requirements for s in r.skills}


def test_a_public_health_master_is_a_master(extractor: SkillExtractor) -> None:
    """glassdoor-0223: "PharmD, MD, PhD, MPH, an advance healthcare degree, or equivalent
    professional experience preferred" preferred a PhD (the MPH, the lowest, was no degree);
    either degree meets the preference, so a master's is preferred."""
    text = (
        "Qualifications:\n"
        "- Bachelor's degree required. PharmD, MD, PhD, MPH, or equivalent preferred\n"
        "- Experience with Python\n"
    )
    edu = read_posting(text, extractor=extractor).education
    assert edu is not None
    assert (edu.min_level, edu.preferred_level) == ("bachelor", "master")
