"""What a match report tells a user, in shapes an audit of twelve shared (resume, posting)
pairs found wrong: a field of study only a preferred clause names, reported as required; the
years asked as a role ("as a Data Scientist") counted from every job."""

from __future__ import annotations

import pytest

from jobmatch import match, read_posting
from jobmatch.extract.component import SkillExtractor


@pytest.mark.parametrize(
    ("line", "fields_required"),
    [
        # glassdoor-0884: the degree and its fields are preferred
        ("Master's Degree preferred, computer science, statistics or mathematics.", False),
        ("Master's Degree in Computer Science or Statistics preferred.", False),
        ("Bachelor's degree in Computer Science or Statistics.", True),
    ],
)
def test_fields_are_asked_only_by_a_required_clause(
    extractor: SkillExtractor, line: str, fields_required: bool
) -> None:
    read = read_posting(f"Analyst\n\nRequirements\n- {line}\n- SQL\n", extractor=extractor)
    assert read.education is not None
    assert read.education.fields == ("computer science", "statistics") + (
        ("mathematics",) if "mathematics" in line else ()
    )
    assert read.education.fields_required is fields_required


def test_fields_under_a_preferred_heading_are_missing_as_preferred() -> None:
    # glassdoor-0419: "Preferred Qualifications / Masters Degree, preferably in ... Economics,
    # Mathematics": the report listed "Field: economics or mathematics (Education; required)"
    posting = (
        "Project Manager\n\nQualifications\n- 10 years managing complex projects\n- Jira\n"
        "Preferred Qualifications\n"
        "- Masters Degree, preferably in an analytical field such as Economics, Mathematics\n"
    )
    report = match("SKILLS\nJira\n\nEDUCATION\nBachelor of Arts in History\n", posting)
    field = [m for m in report.missing if m.requirement == "field"]
    assert [(m.name, m.required) for m in field] == [("Field: economics or mathematics", False)]


@pytest.mark.parametrize(
    ("line", "domain"),
    [
        # glassdoor-0353: a teacher's years counted as a data scientist's
        ("5+ years of experience as a Data Scientist", ["data_science"]),
        ("3 years of experience as a data analyst", ["data_analysis"]),
        # a role whose work the lexicon does not name: the years of every job
        ("5+ years of experience as a hair stylist", []),
        # glassdoor-0157: a list of roles, one of which names no skill
        ("2-5 years experience as a data scientist, software engineer or statistical modeler", []),
        ("3+ years as a data scientist or data analyst", ["data_science", "data_analysis"]),
        (
            "5+ years as a data scientist in a fast-paced consumer products company",
            ["data_science"],
        ),
        # the skills named come first
        ("4+ years of experience as a Python developer", ["python"]),
    ],
)
def test_years_asked_as_a_role_count_that_work(
    extractor: SkillExtractor, line: str, domain: list[str]
) -> None:
    read = read_posting(f"Analyst\n\nRequirements\n- {line}\n- SQL\n", extractor=extractor)
    assert [s.skill_id for s in read.years_skills] == domain


def test_a_teacher_has_no_years_as_a_data_scientist() -> None:
    posting = (
        "Data Scientist\n\nRequirements\n- 5+ years of experience as a Data Scientist\n- SQL\n"
    )
    resume = (
        "EXPERIENCE\nTeacher, 08/2015 to 07/2017\nPrepared lesson plans.\n"
        "Data Scientist, 01/2018 to 01/2020\nBuilt models in SQL.\n"
    )
    (years,) = match(resume, posting).years
    assert years.domain == ("data science",)
    assert [(r.title, r.counted) for r in years.roles] == [
        ("Teacher", False),
        ("Data Scientist", True),
    ]


def test_a_line_s_own_label_prefers_each_of_its_clauses(extractor: SkillExtractor) -> None:
    # glassdoor-0407: the label's preference reached only its first sentence, and a label
    # whose words ran together ("PreferredTechnical") none
    text = (
        "Analyst\n\nQualifications and Education Requirements\n\n"
        "Required Work Experience -3+ years of data analysis experience\n\n"
        "Preferred Work Experience -Retail banking experience. Experience with Tableau\n\n"
        "PreferredTechnical Knowledge -CRM experience, Python or R\n\n"
        "Technical Knowledge Required -Writing SQL queries.\n"
    )
    read = read_posting(text, extractor=extractor)
    assert [([s.skill_id for s in r.skills], r.required) for r in read.requirements] == [
        (["data_analysis"], True),
        (["retail_banking"], False),
        (["tableau"], False),
        (["crm"], False),
        (["python", "r"], False),
        (["sql"], True),
    ]


def test_client_communication_is_communication() -> None:
    # INFORMATION-TECHNOLOGY_10553553 lists "Client communication" among its highlights;
    # once "Network and Communications Management" no longer read as the skill, the
    # report listed communication as missing
    posting = "Project Manager\n\nRequirements\n- Excellent communication skills\n- Jira\n"
    report = match("HIGHLIGHTS\nClient communication\nJira\n", posting)
    assert [(m.skill_id, m.match) for m in report.matched] == [
        ("communication", "full"),
        ("jira", "full"),
    ]


@pytest.mark.parametrize(
    ("line", "asked"),
    [
        # glassdoor-0884: "plant communications (phones, networks)" met "data analysis"
        (
            "Fluency in data analysis, including experimentation, data visualization, "
            "defining KPIs, and communication around data",
            [["data_analysis", "experimentation", "data_visualization"], ["communication"]],
        ),
        # glassdoor-0312: the soft skill is a true alternative after "or"
        (
            "Some experience with legacy analytics software such SAS or willingness to learn",
            [["sas", "eagerness_to_learn"]],
        ),
    ],
)
def test_a_soft_skill_is_no_alternative_to_a_technical_one(
    extractor: SkillExtractor, line: str, asked: list[list[str]]
) -> None:
    read = read_posting(f"Analyst\n\nRequirements\n- {line}\n", extractor=extractor)
    assert [[s.skill_id for s in r.skills] for r in read.requirements] == asked
