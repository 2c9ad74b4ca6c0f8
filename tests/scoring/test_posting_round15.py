"""Postings read as a demanding recruiter would (session 26, fifteenth reading): each test
holds the general rule behind a wrong reading, in text written here."""

from __future__ import annotations

from jobmatch import read_posting
from jobmatch.extract.component import SkillExtractor


def test_years_written_after_their_experience_are_asked_in_it(
    extractor: SkillExtractor,
) -> None:
    """glassdoor-0493: "Extensive experience in ... CI/CD solutions ... for a minimum of three
    (3) years" asked 3 years in no domain: the figure ends the clause, after what it is
    asked in."""
    text = (
        "Requirements\n"
        "Extensive experience in designing CI/CD solutions for data teams, including use of "
        "Spark and Hive for a minimum of three (3) years.\n"
    )
    read = read_posting(text, extractor=extractor)
    assert read.years_min == 3.0
    assert {s.skill_id for s in read.years_skills} == {"ci_cd"}


def test_a_span_of_time_after_for_stays_no_years_asked(
    extractor: SkillExtractor,
) -> None:
    """A "for 3 years" with no minimum is a span of time, as before: no years asked."""
    text = "Requirements\nExperience with Python. The contract runs for 3 years.\n"
    read = read_posting(text, extractor=extractor)
    assert read.years_min is None


def test_a_preferred_tail_ends_at_the_next_item_of_a_run_on_line(
    extractor: SkillExtractor,
) -> None:
    """skillspan-train-tech-035: in a list that lost its line breaks, the "Ideally" tail ran
    to the line's end and preferred "You use Python as your primary language". The next
    item ("You ...", capitalised after a word) ends the tail."""
    text = (
        "Your Profile You have deep experience in running applications in Kubernetes "
        "Ideally you have used Terraform and are a fan of Infrastructure-as-Code You use "
        "Python as your primary language\n"
    )
    read = read_posting(text, extractor=extractor)
    required = {s.skill_id for r in read.requirements if r.required for s in r.skills}
    preferred = {s.skill_id for r in read.requirements if not r.required for s in r.skills}
    assert "python" in required
    assert "terraform" in preferred


def test_a_degree_s_fields_after_a_semicolon_are_its_fields(
    extractor: SkillExtractor,
) -> None:
    """glassdoor-0106: "... M.S with 6 years of experience preferred; in molecular biology,
    biology, or biochemistry or related field" required the fields as skills; they are the
    degree's fields of study."""
    text = (
        "Requirements:\n"
        "B.S with 8 years of experience or, M.S with 6 years of experience preferred; in "
        "molecular biology, biology, or biochemistry or related field.\n"
        "Strong publication history\n"
    )
    read = read_posting(text, extractor=extractor)
    asked = {s.skill_id for r in read.requirements for s in r.skills}
    assert not asked & {"molecular_biology", "biochemistry", "biology"}
    assert read.education is not None
    assert {"molecular biology", "biochemistry"} <= set(read.education.fields)


def test_a_clause_after_a_semicolon_that_names_no_field_stays_apart(
    extractor: SkillExtractor,
) -> None:
    """Words like "in case" or "in fact" open no field: the degree clause ends at its
    semicolon."""
    text = (
        "Requirements:\n"
        "Master's degree or equivalent; in case the degree is pending, specify the date.\n"
    )
    read = read_posting(text, extractor=extractor)
    assert read.education is not None
    assert "pending" not in read.education.evidence
