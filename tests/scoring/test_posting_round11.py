"""Postings read as a new user would (session 24, eleventh reading): each test holds the
general rule behind a wrong reading, in text written here."""

from __future__ import annotations

from jobmatch import read_posting
from jobmatch.extract.component import SkillExtractor
from tests.helpers import skills_asked


def test_a_command_of_skills_after_the_years_is_another_ask(extractor: SkillExtractor) -> None:
    """raw_job_2: "At least 5 years of experience in Java development, with strong proficiency
    in Java, Spring, and Hibernate frameworks" credited the years to Spring and Hibernate."""
    text = (
        "Requirements:\n- At least 4 years of experience in Python development, with solid "
        "knowledge of Python, Django, and Flask.\n"
    )
    read = read_posting(text, extractor=extractor)
    assert read.years_min == 4.0
    assert [s.skill_id for s in read.years_skills] == ["python"]
    asked = skills_asked(text, extractor)
    assert asked["django"] is True
    assert asked["flask"] is True


def test_a_focus_after_the_years_still_narrows_them(extractor: SkillExtractor) -> None:
    """The end of the years' words is a command of skills, not any "with": "with a focus on
    ..." keeps its skills in the years' domain."""
    text = "Requirements:\n- 5+ years of experience in software, with a focus on Django.\n"
    read = read_posting(text, extractor=extractor)
    assert "django" in [s.skill_id for s in read.years_skills]


def test_examples_of_related_fields_after_a_field_are_fields(extractor: SkillExtractor) -> None:
    """glassdoor-0619: "a Bachelor's degree in Analytics or related quantitative fields
    (statistics, Operations research, mathematics, econometrics etc.)" asked econometrics."""
    text = (
        "Requirements:\n- Bachelor's degree in Finance or related quantitative fields "
        "(statistics, mathematics, econometrics etc.)\n- Experience with SQL\n"
    )
    read = read_posting(text, extractor=extractor)
    assert "econometrics" not in skills_asked(text, extractor)
    assert read.education is not None
    assert "econometrics" in read.education.fields


def test_examples_after_a_turn_from_the_degree_stay_asked(extractor: SkillExtractor) -> None:
    """Only a list of names may stand before the examples: "degree in Finance with experience
    in fields such as econometrics" asks econometrics."""
    text = (
        "Requirements:\n- Bachelor's degree in Finance with experience in fields such as "
        "econometrics\n"
    )
    assert skills_asked(text, extractor).get("econometrics") is True


def test_an_education_label_in_a_list_of_services_opens_no_section(
    extractor: SkillExtractor,
) -> None:
    """skillspan-dev-tech-001: under "What do we do:", "Professional Education:
    High-impact training courses taught by practitioners ( Agile and Lean methodologies) ."
    opened an Education section and required Agile and Lean."""
    text = (
        "Acme is a software consultancy.\n"
        "What do we do:\n"
        "Acme Labs Targeted interventions to rescue complex engineering projects .\n"
        "Professional Education: Practical training courses taught by our coaches ( Scrum "
        "and Kanban methods) .\n"
        "What you'll need\n"
        "Experience with Python\n"
    )
    asked = skills_asked(text, extractor)
    assert "scrum" not in asked
    assert "kanban" not in asked
    assert asked["python"] is True


def test_an_education_label_naming_a_degree_opens_its_section(
    extractor: SkillExtractor,
) -> None:
    """An Education label whose text names a degree is the section's: its degree is asked."""
    text = (
        "Acme is a software consultancy.\n"
        "Requirements\n"
        "Experience with Python\n"
        "Education: Bachelor's degree in Computer Science or a similar subject area\n"
    )
    read = read_posting(text, extractor=extractor)
    assert read.education is not None
    assert read.education.min_level == "bachelor"


def test_the_industries_of_the_company_clients_are_not_asked(
    extractor: SkillExtractor,
) -> None:
    """glassdoor-0050: "leading provider of ... communication services, serving Fortune 1000
    companies and other clients in a variety of industries, including telecommunications,
    retail, financial services" required telecommunications and retail."""
    text = (
        "Requirements:\n- Experience with Excel\n\n"
        "Acme is a leading provider of cloud services, serving large companies and other "
        "clients in a variety of industries, including telecommunications, retail and "
        "healthcare.\n"
    )
    asked = skills_asked(text, extractor)
    assert "telecommunications" not in asked
    assert "retail" not in asked
    assert asked["excel"] is True


def test_clients_industries_the_candidate_knows_are_asked(extractor: SkillExtractor) -> None:
    """The same words in a sentence asking of the candidate stay asked: "Experience serving
    clients in industries such as retail"."""
    text = "Requirements:\n- Experience serving clients in industries such as retail\n"
    assert skills_asked(text, extractor).get("retail") is True
