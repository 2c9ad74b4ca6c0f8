"""Postings read as a new user would (session 23, fifth reading): each test holds the
general rule behind a wrong reading a match-report reviewer found, in text written here."""

from __future__ import annotations

import pytest

from jobmatch import read_posting
from jobmatch.extract.component import SkillExtractor
from jobmatch.extract.sections import classify_heading
from jobmatch.scoring.posting_years import years_phrase
from tests.helpers import requirement_groups, skills_asked


@pytest.mark.parametrize(
    "line", ["So, what does Acme do?", "HOW DOES GLOBEX FIT IN?", "What Does Initech Do"]
)
def test_a_question_about_the_employer_opens_about(line: str) -> None:
    assert classify_heading(line) == "about"


@pytest.mark.parametrize(
    "line", ["What does this role do?", "How does the team fit in?", "What does success look like?"]
)
def test_a_question_about_the_role_is_no_company_heading(line: str) -> None:
    assert classify_heading(line) != "about"


def test_values_under_a_question_about_the_employer_are_not_asked(
    extractor: SkillExtractor,
) -> None:
    """glassdoor-0025: "So, what does Novetta do?" was no heading; the company's core values
    under it (integrity, ethics) were read as preferred."""
    text = (
        "Requirements:\n- Experience with Python\n"
        "So, what does Acme do?\n"
        "We focus on analytics. Our culture is shaped by our values:\n"
        "Integrity: We hold ourselves accountable to the highest standards of integrity.\n"
    )
    asked = skills_asked(text, extractor)
    assert asked["python"] is True
    assert "integrity" not in asked


def test_what_the_candidate_gets_to_use_is_a_perk(extractor: SkillExtractor) -> None:
    """glassdoor-0015: "You'll get to play with all of Amazon's technologies like EC2, SQS
    and S3" under "HOW DOES AMAZON FIT IN?" was read as required."""
    text = (
        "Requirements:\n- Experience with Python\n"
        "About us\nWe are part of a larger group. You'll get to play with all of its "
        "technologies like EC2, SQS and S3. You will have the opportunity to work with Kafka.\n"
    )
    asked = skills_asked(text, extractor)
    assert asked["python"] is True
    for skill in ("amazon_ec2", "amazon_sqs", "amazon_s3", "apache_kafka"):
        assert skill not in asked


def test_a_team_named_after_a_technology_names_the_stack(extractor: SkillExtractor) -> None:
    """e2e_frontend-eng: "working closely with product designers and a GraphQL API team"
    required GraphQL (a team the hire works with, not a skill asked)."""
    text = (
        "What you'll do:\n"
        "- You will build React interfaces, working closely with product designers and a "
        "GraphQL API team.\n"
        "- Work with JavaScript together with Redux Develop functions from start to finish.\n"
    )
    asked = skills_asked(text, extractor)
    assert asked["react"] is True
    assert asked["graphql"] is False
    assert asked["redux"] is True


def test_a_field_in_the_singular_heads_its_examples(extractor: SkillExtractor) -> None:
    """job_desc_full_stack_engineer: "database technology such as MySQL, Oracle, and
    MongoDB" was two requirements (databases; and MySQL, Oracle or MongoDB)."""
    text = "Requirements:\n- Familiarity with database technology such as MySQL, and MongoDB.\n"
    groups = requirement_groups(text, extractor)
    assert groups == {("databases", "mysql", "mongodb"): True}


def test_the_same_years_again_with_their_field_name_the_field() -> None:
    """job_desc_full_stack_engineer: the title's "(5+ Years of Experience)" came first, and
    "5+ years of experience in web development" lost its field."""
    read = read_posting(
        "Senior Web Engineer (5+ Years of Experience)\nRequirements:\n"
        "- 5+ years of experience in web development.\n- 3+ years of experience with Python\n"
    )
    assert read.years_min == 5
    assert [s.skill_id for s in read.years_skills] == ["web_development"]


def test_other_years_do_not_replace_the_first() -> None:
    read = read_posting(
        "Requirements:\n- 5+ years of professional experience\n"
        "- 3+ years of experience with Python\n"
    )
    assert read.years_min == 5
    assert read.years_skills == ()


@pytest.mark.parametrize(
    ("clause", "phrase"),
    [
        (
            "4+ years of product management experience in a SaaS environment",
            "4+ years of product management experience",
        ),
        (
            "3+ years of Python development in a cloud environment.",
            "3+ years of Python development",
        ),
        (
            "5 years of experience in a SaaS environment",
            "5 years of experience in a SaaS environment",
        ),
    ],
)
def test_the_setting_of_the_years_is_no_field(clause: str, phrase: str) -> None:
    """e2e_product-manager: "4+ years of product management experience in a SaaS
    environment" asked the years in "product management or SaaS"."""
    assert years_phrase(clause) == phrase
