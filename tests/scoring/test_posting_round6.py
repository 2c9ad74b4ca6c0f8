"""Postings read as a new user would (session 23, sixth reading): each test holds the
general rule behind a wrong reading, in text written here."""

from __future__ import annotations

import pytest

from jobmatch.extract.component import SkillExtractor
from jobmatch.scoring.posting_rules import aside_subject
from tests.helpers import skills_asked


def test_an_aside_with_a_subject_of_its_own_prefers_only_it(extractor: SkillExtractor) -> None:
    """glassdoor-0181: "Outstanding communication skills (publication history a plus)"
    preferred the communication."""
    text = (
        "Qualifications:\n- Experience with Python\n"
        "- Outstanding communication skills (publication history a plus)\n"
    )
    assert skills_asked(text, extractor)["communication"] is True


def test_a_bare_aside_still_prefers_its_clause(extractor: SkillExtractor) -> None:
    text = (
        "Qualifications:\n- Experience with Python\n- Experience with Docker (strongly preferred)\n"
    )
    asked = skills_asked(text, extractor)
    assert asked["python"] is True
    assert asked["docker"] is False


def test_a_preferred_version_keeps_its_clause_asked(extractor: SkillExtractor) -> None:
    """glassdoor-0043: "Hands-on experience working with HL7 (V3 preferred), XML, and web
    services" under "Required Skills" preferred all three."""
    text = "Required Skills:\n- Experience with Python (3.x preferred), SQL and Docker.\n"
    asked = skills_asked(text, extractor)
    assert (asked["python"], asked["sql"], asked["docker"]) == (True, True, True)


@pytest.mark.parametrize(
    ("aside", "own"),
    [
        ("(publication history a plus)", True),
        ("(preferably in a regulated industry)", True),
        ("(preferred)", False),
        ("(a huge plus)", False),
        ("(preferred / not a must)", False),
        ("( would be advantageous )", False),
        ("(prior experience strongly preferred)", False),
        # a version is a subject of its own: "HL7 (V3 preferred)" asks HL7 (glassdoor-0043
        # preferred HL7, XML and web services)
        ("(V3 preferred)", True),
        ("(3.x preferred)", True),
        ("(version 2 a plus)", True),
        ("(3+ years preferred)", False),
        ("(2.5 years a plus)", False),
    ],
)
def test_what_an_aside_names_besides_its_cue(aside: str, own: bool) -> None:
    assert aside_subject(aside) is own


def test_the_items_of_a_firm_lead_in_are_required(extractor: SkillExtractor) -> None:
    """glassdoor-0045: the ";"-separated items after "the applicant must have 1 year of
    professional experience in: 1. ..." were preferred, in a posting without headings."""
    text = (
        "We are a global team of makers.\n\nApplicant must have a Master's degree in Chemistry. "
        "Additionally, the applicant must have 1 year of professional experience in: 1. "
        "Formulating lotions using emulsion technologies; 2.) Analyzing results using SQL "
        "queries; 3.) Documenting results within a "
        "notebook using Python scripts; and 4) Collaborating with partners.\n"
    )
    asked = skills_asked(text, extractor)
    assert asked["sql"] is True
    assert asked["python"] is True


def test_items_after_a_lead_in_that_asks_nothing_firmly_are_not(
    extractor: SkillExtractor,
) -> None:
    text = (
        "We are a global team of makers.\n\nApplicant must have a Master's degree in Chemistry. "
        "The role may involve work in: 1. Developing formulation experiments using "
        "experimental design skills; 2.) Documenting results using Python scripts.\n"
    )
    asked = skills_asked(text, extractor)
    assert asked.get("python") is not True


def test_a_sentence_after_a_firm_lead_in_is_no_item(extractor: SkillExtractor) -> None:
    text = (
        "We are a global team of makers.\n\nApplicant must have a Master's degree in Chemistry. "
        "The applicant must have experience in: Excel. Our team uses Python scripts.\n"
    )
    assert skills_asked(text, extractor).get("python") is not True


def test_the_skills_of_the_experience_instead_of_a_degree_are_preferred(
    extractor: SkillExtractor,
) -> None:
    """glassdoor-0212: "Bachelor's Degree in a quantitative field ..., or 2+ years of
    experience in data analytics with heavy use of advanced Excel modeling" required Excel
    of everyone, quoting the degree."""
    text = (
        "Requirements:\n"
        "- Bachelor's Degree in mathematics or physics, or 2+ years of experience in data "
        "analytics with heavy use of Tableau dashboards\n"
        "- Strong knowledge of SQL queries\n"
    )
    asked = skills_asked(text, extractor)
    assert asked["sql"] is True
    assert asked["tableau"] is False


def test_a_skill_asked_elsewhere_stays_required_with_its_own_evidence(
    extractor: SkillExtractor,
) -> None:
    from jobmatch import read_posting

    text = (
        "Requirements:\n"
        "- Bachelor's Degree in mathematics, or 2+ years of experience with Excel modeling\n"
        "- Advanced Excel skills with VBA programming\n"
    )
    read = read_posting(text, extractor=extractor)
    excel = next(r for r in read.requirements if r.skills[0].skill_id == "excel")
    assert excel.required
    assert excel.evidence.startswith("Advanced Excel")
    assert read.education is not None and read.education.or_years == 2.0


def test_the_posts_clearance_field_asks_it(extractor: SkillExtractor) -> None:
    """glassdoor-0186: "Clearance: Active Top Secret", the post's field under "Desired
    Qualifications", preferred the clearance."""
    text = (
        "Required Qualifications\n- Experience with Python\n"
        "Desired Qualifications\n- Experience with Tableau\n"
        "Clearance: Active Top Secret security clearance\n"
    )
    asked = skills_asked(text, extractor)
    assert asked["tableau"] is False
    assert asked["security_clearance"] is True
