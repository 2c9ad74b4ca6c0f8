"""Postings read as a demanding recruiter would (session 25, twelfth reading): each test
holds the general rule behind a wrong reading, in text written here."""

from __future__ import annotations

from jobmatch import read_posting
from jobmatch.extract.component import SkillExtractor
from tests.helpers import skills_asked


def test_years_after_an_opening_preference_are_preferred(extractor: SkillExtractor) -> None:
    """glassdoor-0223: "Preferred minimum of 2 years of pharmacovigilance or relevant
    experience, including at least 2 years of aggregate safety report writing" was shown
    as required: its "minimum" and "at least" are the preference's."""
    text = (
        "Qualifications\n"
        "Bachelor's degree required.\n"
        "Preferred minimum of 3 years of clinical research or relevant experience, including "
        "at least 2 years of protocol writing\n"
    )
    read = read_posting(text, extractor=extractor)
    assert read.years_min == 3.0
    assert read.years_preferred is True


def test_a_firm_figure_before_a_preferred_one_stays_required(
    extractor: SkillExtractor,
) -> None:
    """ "Minimum 3 years, 5+ years preferred": the preference is the second figure's."""
    text = "Qualifications\nMinimum 3 years, 5+ years preferred, of experience in analytics.\n"
    read = read_posting(text, extractor=extractor)
    assert read.years_min == 3.0
    assert read.years_preferred is False


def test_no_degree_with_years_is_experience_in_the_degree_place(
    extractor: SkillExtractor,
) -> None:
    """glassdoor-0654: "BS/BA Degree in Mathematics ... plus a minimum 0-2 years ... OR no
    degree w/6 years' experience ..." required the bachelor's degree with no way around
    it."""
    text = (
        "Requirements\n"
        "BS/BA Degree in Statistics or a related field plus a minimum 0-2 years performing "
        "data validation OR no degree w/5 years' experience performing data validation.\n"
    )
    read = read_posting(text, extractor=extractor)
    assert read.education is not None
    assert read.education.min_level == "bachelor"
    assert read.education.or_experience is True
    assert read.education.or_years == 5.0


def test_names_listed_before_teams_are_departments(extractor: SkillExtractor) -> None:
    """glassdoor-0612: "Work with partners in Data Engineering, Marketing, Product and
    Programmatic teams" required data engineering."""
    text = (
        "Responsibilities\n"
        "Work with partners in Data Engineering, Marketing and Finance teams, to ship models.\n"
        "Requirements\n"
        "Experience with Python\n"
    )
    asked = skills_asked(text, extractor)
    assert "data_engineering" not in asked
    assert asked["python"] is True


def test_a_skill_before_teams_alone_stays_asked(extractor: SkillExtractor) -> None:
    """One name before "teams" may be the field the work is in: only a list is read as
    departments."""
    text = "Requirements\nExperience with data engineering for analytics teams.\n"
    assert skills_asked(text, extractor).get("data_engineering") is True


def test_a_heading_read_as_a_skill_asks_nothing(extractor: SkillExtractor) -> None:
    """glassdoor-0057: the heading "Technical Requirements:" required functional
    requirements."""
    text = (
        "About You\n\nTechnical Requirements:\nExperience with Python\nSoft Skills:\nTeam player\n"
    )
    asked = skills_asked(text, extractor)
    assert "functional_requirements" not in asked
    assert asked["python"] is True


def test_a_label_with_its_items_keeps_them(extractor: SkillExtractor) -> None:
    """Only the title of a heading line with nothing after its colon is left out."""
    text = "Requirements\nData Science Skills: Python, SQL\n"
    asked = skills_asked(text, extractor)
    assert asked["python"] is True
    assert asked["sql"] is True


def test_examples_of_a_degree_background_are_fields(extractor: SkillExtractor) -> None:
    """glassdoor-0057: "Advanced degree (master's degree or PhD) with quantitative
    background (data science, ..., econometrics or another related field)" asked
    econometrics."""
    text = (
        "Requirements\nAdvanced degree (master's degree or PhD) with quantitative background "
        "(statistics, computer science, econometrics or another related field)\n"
        "Experience with SQL\n"
    )
    read = read_posting(text, extractor=extractor)
    assert "econometrics" not in skills_asked(text, extractor)
    assert read.education is not None
    assert "econometrics" in read.education.fields
