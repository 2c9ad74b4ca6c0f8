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


#: a page pasted with hard line breaks, as glassdoor-0107 is
_WRAPPED = (
    "Required Qualifications:\n"
    "BS in Computer Science or other\n"
    "related discipline\n"
    "2 or more years of experience with data\n"
    "analytics and data visualization\n"
    "The candidate should have a strong knowledge\n"
    "of statistics, various programming languages, and open source\n"
    "technologies.\n"
)


def test_a_hard_wrapped_line_goes_on_into_the_next(extractor: SkillExtractor) -> None:
    """glassdoor-0107: in a text with hard line breaks, "2 or more years of experience with
    data" / "analytics and data visualization" was read as two clauses (years in no
    domain), and "BS in Computer Science or other" / "related discipline" lost its related
    fields."""
    read = read_posting(_WRAPPED, extractor=extractor)
    assert read.years_min == 2.0
    assert "data_visualization" in {s.skill_id for s in read.years_skills}
    assert read.education is not None
    assert read.education.related_fields


def test_lines_of_items_in_lower_case_stay_apart(extractor: SkillExtractor) -> None:
    """A list whose items open in lower case, in a text that is not hard-wrapped, keeps its
    items apart: the preference of "front-end development ... is a plus" is not the
    item's before it (skillspan-train-tech-014's form)."""
    text = (
        "Requirements:\n"
        "Experience and knowledge in following areas:\n"
        "C# and the .NET framework\n"
        "design patterns and unit testing frameworks\n"
        "front-end development with HTML and CSS is a plus\n"
        "Experience with PostgreSQL.\n"
        "Very good English.\n"
    )
    read = read_posting(text, extractor=extractor)
    required = {s.skill_id for r in read.requirements if r.required for s in r.skills}
    preferred = {s.skill_id for r in read.requirements if not r.required for s in r.skills}
    assert "css" in preferred
    assert "design_patterns" in required


def test_what_the_company_gives_in_return_asks_nothing(extractor: SkillExtractor) -> None:
    """glassdoor-0892: "In return, we have the privilege of backing you with ... a culture of
    innovation and knowledge sharing" preferred knowledge sharing: the company's side of
    the bargain, however it turns to the candidate, asks nothing."""
    text = (
        "Requirements:\n"
        "Experience with Python.\n"
        "\n"
        "In return, we have the privilege of backing you with thousands of technical "
        "experts, a culture of innovation and knowledge sharing, and partnerships across "
        "government and academia.\n"
    )
    read = read_posting(text, extractor=extractor)
    asked = {s.skill_id for r in read.requirements for s in r.skills}
    assert "python" in asked
    assert not asked & {"knowledge_sharing", "government"}


def test_years_asked_past_their_degrees_in_parentheses(extractor: SkillExtractor) -> None:
    """glassdoor-0067: "Minimum 5 years (with M.S. degree) or 3 years (with PhD) of industry
    experience in data science" asked its years in no domain: the degrees in parentheses
    ended the years' words before what they are asked in."""
    text = (
        "Requirements\n"
        "Minimum 5 years (with M.S. degree) or 3 years (with PhD) of industry experience in "
        "data science\n"
    )
    read = read_posting(text, extractor=extractor)
    assert read.years_min is not None
    assert {s.skill_id for s in read.years_skills} == {"data_science"}
