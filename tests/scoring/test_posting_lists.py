"""A posting's preferred list, its "one or more of the following" items and the company's
values (glassdoor-0438, read as a new user would: the certifications of its preferred list
and everything after them came out required, and the company's core values as soft skills
the candidate must have)."""

from __future__ import annotations

import pytest

from jobmatch import read_posting
from jobmatch.extract.component import SkillExtractor
from jobmatch.extract.sections import classify_heading, detect_sections, inline_headings
from tests.helpers import skills_asked

POSTING = """Life at Acme
Operating from the 22nd and 23rd floors of a tower downtown, weve worked hard to build a \
strong culture built on our core values of integrity, accountability, passion, compassion \
and collaboration.

Key Qualifications
Intermediate SQL query writing
Knowledge of data warehouse design and usage

Additional Preferred Qualifications
Advanced degree in IT or a related field
One or more of the following certifications: CBIP, ITIL, Lean Six Sigma, TOGAF
Outstanding verbal and written communication skills
"""


def _reqs(extractor: SkillExtractor) -> list[tuple[tuple[str, ...], bool]]:
    return [
        (tuple(s.skill_id for s in r.skills), r.required)
        for r in read_posting(POSTING, extractor=extractor).requirements
    ]


@pytest.mark.parametrize(
    "line",
    [
        "One or more of the following certifications: CBIP, ITIL, Lean Six Sigma, TOGAF",
        "Any of the following certifications:",
        "At least one of the following certifications: AWS Solutions Architect",
        "Two of the following skills: Java, Go, Rust",
    ],
)
def test_a_choice_among_the_following_is_an_item_not_a_heading(line: str) -> None:
    assert classify_heading(line) is None


def test_certifications_stay_headings() -> None:
    assert classify_heading("Certifications") == "certifications"
    assert classify_heading("Certifications: PMP, CISSP") == "certifications"


def test_a_labelled_certifications_item_stays_in_the_preferred_list() -> None:
    text = "Preferred Qualifications\nCertifications: PMP, CISSP\nExperience with Jira\n"
    assert [name for _, _, name in detect_sections(text)] == ["preferred"]


def test_the_preferred_list_stays_preferred_after_its_certifications(
    extractor: SkillExtractor,
) -> None:
    reqs = dict(_reqs(extractor))
    assert reqs[("itil", "six_sigma", "togaf")] is False  # one choice, preferred
    assert reqs[("communication",)] is False
    assert reqs[("sql",)] is True


def test_the_company_values_ask_nothing(extractor: SkillExtractor) -> None:
    asked = {s for ids, _ in _reqs(extractor) for s in ids}
    assert asked.isdisjoint({"integrity", "accountability", "empathy", "collaboration"})


FOOD = """Responsibilities
As a member of the R&D Team, you will help develop products for a food plant.
Assist in the development of new products from concept to launch by collaborating with \
Marketing , Sales, Project management, QA, and Production.
Minimum Qualifications
Strong communication skills (oral and written).
"""


def test_departments_worked_with_are_no_skills(extractor: SkillExtractor) -> None:
    """glassdoor-0242 (a food scientist): "Project management" and "QA" were required."""
    asked = set(skills_asked(FOOD, extractor))
    assert "communication" in asked
    assert asked.isdisjoint({"project_management", "qa", "research_and_development"})


@pytest.mark.parametrize(
    ("line", "groups"),
    [
        # glassdoor-0435: every tool was one requirement of alternatives
        (
            "Familiarity with the following tools: Python, C, SQL, ML platforms (H2O, DataRobot)",
            [["python"], ["c"], ["sql"], ["machine_learning", "h2o", "datarobot"]],
        ),
        # the skill's own words stay with it
        (
            "Experience with full stack engineering, Python web frameworks such as Django, Flask",
            [["full-stack"], ["python", "web_frameworks", "django", "flask"]],
        ),
        (
            "Experience with NoSQL datastores (Cassandra, MongoDB, Neo4J)",
            [["nosql", "databases", "apache_cassandra", "mongodb", "neo4j"]],
        ),
        (
            "Skills such as Python, Java, ML platforms (H2O)",
            [["python", "java", "machine_learning", "h2o"]],
        ),
        # glassdoor-0879: a choice of two among four, asked as four requirements
        (
            "3 years of hands on experience with at least 2 out of SAS, SQL, Python, R.",
            [["sas", "sql", "python", "r"]],
        ),
    ],
)
def test_a_list_before_a_skill_and_its_examples(
    line: str, groups: list[list[str]], extractor: SkillExtractor
) -> None:
    reqs = read_posting(f"Requirements:\n{line}\n", extractor=extractor).requirements
    assert [[s.skill_id for s in r.skills] for r in reqs] == groups


def test_a_titled_exclamation_is_a_heading(extractor: SkillExtractor) -> None:
    """glassdoor-0435: the awards under "Why We're Proud To Be Mavens!" were asked."""
    assert classify_heading("Why We\u2019re Proud To Be Mavens!") == "benefits"
    assert classify_heading("We are hiring data scientists in New York now!") is None
    text = (
        "Requirements:\nStrong SQL skills\n"
        "Why We\u2019re Proud To Be Mavens!\nGoogle Cloud Services Partner of the Year 2019\n"
    )
    asked = set(skills_asked(text, extractor))
    assert asked == {"sql"}


@pytest.mark.parametrize(
    "line",
    ["What makes this job great", "What makes this role special?", "What Makes Us Different"],
)
def test_what_makes_the_job_great_is_its_benefits(line: str) -> None:
    """skillspan-dev-house-047: its perks ("white-board brainstorming") were asked."""
    assert classify_heading(line) == "benefits"
    assert detect_sections(f"Requirements: Python\n{line}\nBrainstorming\n")[-1][2] == "benefits"


def test_what_makes_the_job_great_run_into_its_text() -> None:
    text = "Requirements: Python\nWhat makes this job great  Exciting charter, brainstorming\n"
    assert detect_sections(text)[-1][2] == "benefits"


def test_a_long_line_opens_the_section_its_label_names(extractor: SkillExtractor) -> None:
    """skillspan-dev-house-052: the rebuilt SkillSpan postings join a list into one line
    after its label; the tasks were read as the company's words, and its English asked
    nothing."""
    text = (
        "Acme is looking for an enthusiastic Business Process Engineer.\n"
        "Main tasks in the position are: Responsible for capacity planning of the global "
        "manpower resources in order execution repair Responsible for matching the repair "
        "market requests\n"
        "Continuously optimize supply chain process Transform market data to capacity planning\n"
        "English spoken and written mastered at high level .\n"
    )
    assert [name for _, _, name in detect_sections(text)] == ["other", "responsibilities"]
    asked = skills_asked(text, extractor)
    assert asked["capacity_planning"] is True
    assert asked["supply_chain_management"] is True
    assert asked["english"] is True


def test_a_long_line_keeps_the_headings_further_on() -> None:
    line = (
        "Basic Qualifications: High School Diploma GED or equivalent certification At least 7 "
        "years of experience with incident response Preferred Qualifications: 4+ years of "
        "experience in a security engineering role\n"
    )
    assert [name for _, _, name in detect_sections(line)] == ["requirements", "preferred"]


def test_a_salary_field_opens_no_benefits() -> None:
    line = (
        "Salary: 35,000 - 45,000 Here at Acme we are changing the way consumers and businesses "
        "interact with their banks and we need engineers who know Python well\n"
    )
    assert [name for _, _, name in detect_sections(line)] == ["other"]


def test_an_institution_speaking_of_itself_asks_nothing(extractor: SkillExtractor) -> None:
    """skillspan-dev-house-038 asked biology, cell biology and knowledge sharing from the
    research centre's description of itself."""
    text = (
        "The Center comprises a wide range of expertise and resources from proteomics to "
        "chemical biology and protein therapeutics .\n"
        "In addition to a mass spectrometry facility the Department of Proteomics is also well "
        "equipped for performing studies by molecular biology and cell biology techniques .\n"
        "The Faculty creates new knowledge through research teaching and knowledge sharing .\n"
        "Prior experience in biochemistry and mammalian cell culture is required .\n"
    )
    asked = set(skills_asked(text, extractor))
    assert "biochemistry" in asked
    assert asked.isdisjoint({"biology", "cell_biology", "knowledge_sharing", "proteomics"})


def test_the_company_tool_list_is_preferred(extractor: SkillExtractor) -> None:
    """A posting's "Tools & Services" list run into its line after its tasks is the stack
    it uses: preferred, not required (it over-read as required once the tasks line opened a
    section)."""
    text = (
        "In your role you will: Design implement and deliver highly scalable solutions based on "
        "modern cloud-based architectures Continuously develop release and improve our products\n"
        "Tools & Services <CONTACT> On AWS: Docker on ECS Lambda SNS SQS S3 ELB EC2 Cloudfront "
        "CloudSearch ElasticSearch and more Runscope GhostInspector BrowserStack\n"
    )
    asked = skills_asked(text, extractor)
    assert asked["docker"] is False
    assert asked["aws_lambda"] is False


def test_a_heading_ending_its_line_opens_the_next(extractor: SkillExtractor) -> None:
    """skillspan-dev-tech-005: "... ( HIPAA FISMA GDPR FedRAMP ) Desired Experience" made
    the required item preferred (its clause read "Desired") and the desired items after it
    required."""
    text = (
        "Required Qualifications\n"
        "Experience with managing various compliance standards ( HIPAA GDPR ) Desired Experience\n"
        "Experience with DHIS2 or other health information software\n"
    )
    asked = skills_asked(text, extractor)
    assert asked["hipaa"] is True
    assert asked["dhis2"] is False
    assert inline_headings("You must meet the minimum Requirements\n") == []  # one word


def test_the_company_tech_stack_heading_is_preferred(extractor: SkillExtractor) -> None:
    """A posting's "THE TECH STACK" / "Our Tech Stack:" lists what the company works with:
    preferred; the Skills heading after it still asks (glassdoor's Eventbrite posting)."""
    text = (
        "THE TECH STACK\n"
        "Our primary stack includes Spark, Kafka, Redis, Terraform and more.\n"
        "THE SKILL SET\n"
        "5 years of experience building software in Python or Scala\n"
    )
    asked = skills_asked(text, extractor)
    assert asked["apache_kafka"] is False
    assert asked["terraform"] is False
    assert asked["python"] is True


def test_an_items_examples_do_not_make_it_longer(extractor: SkillExtractor) -> None:
    # glassdoor-0011: the second item's examples in a parenthesis made it a sentence of its
    # own, whose subjects were each required besides the list's alternatives
    text = (
        "Summary\n"
        "The successful candidate will possess a diverse range of data-focused skills and"
        " experience, both technical and analytical, and will work with large, complex, and"
        " disparate data sets to analyze and exploit the Sponsors data holdings.\n"
        "Required Experience, Skills, & Technologies\n"
        "Thorough knowledge of appropriate analytic tools and methodologies in one or more of"
        " the following:\n"
        "Applied mathematics (e.g. probability and statistics, formal modeling)\n"
        "Computer programming (e.g. programming languages, math/statistics packages, computer"
        " science, machine learning, scientific computing)\n"
        "Ability to code or script in one or more general programming language\n"
        "Knowledge of relational databases, including SQL\n"
    )
    read = read_posting(text, extractor=extractor)
    groups = [[s.skill_id for s in r.skills] for r in read.requirements]
    assert len(groups) == 2
    assert {"mathematics", "computer_programming", "machine_learning"} <= set(groups[0])
    assert groups[1] == ["relational_databases", "sql"]
    # a long item without an aside still ends the list
    long_item = read_posting(
        text.replace(
            "Computer programming (e.g. programming languages, math/statistics packages,"
            " computer science, machine learning, scientific computing)",
            "Computer programming with programming languages, math/statistics packages,"
            " computer science, machine learning, scientific computing",
        ),
        extractor=extractor,
    )
    assert len(long_item.requirements) > 2
