"""Resume facts in the score report: the level only inside the profile's family, the salary
reference of that level, the facts in every report format, and ``jobmatch facts``."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from jobmatch.cli import main
from jobmatch.extract.component import SkillExtractor
from jobmatch.read.documents import read_document
from jobmatch.report import render
from jobmatch.scoring.career import career_estimate, in_family
from jobmatch.scoring.profiles import load_profile
from jobmatch.scoring.resume_reader import read_resume
from jobmatch.scoring.scorer import Scorer

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
AS_OF = date(2026, 11, 1)
TEACHER = (
    "EXPERIENCE\nTeacher, Lincoln High School — Sep 2010 – Present\n"
    "Teaching Assistant, Oak School — Sep 2008 – Jun 2010\n"
    "EDUCATION\nMaster of Arts in Education, State University, 2010\n"
)


@pytest.fixture(scope="module")
def scorer(extractor: SkillExtractor) -> Scorer:
    return Scorer("research-engineer", extractor=extractor, as_of=AS_OF)


def score_json_schema() -> dict[str, Any]:
    text = resources.files("jobmatch").joinpath("schemas/score_report.schema.json").read_text()
    schema: dict[str, Any] = json.loads(text)
    return schema


def test_the_profile_declares_its_family() -> None:
    profile = load_profile("research-engineer")
    assert {"developer", "software", "machine learning", "data scientist"} <= set(profile.family)
    assert {"engineer", "scientist", "researcher", "data"} <= set(profile.family_shared)
    assert not set(profile.family) & set(profile.family_shared)


@pytest.mark.parametrize(
    ("title", "coverage", "expected"),
    [
        # a word the family shares with other fields needs the profile's skills too
        ("Services Engineer", 0.0, False),
        ("Services Engineer", 0.25, True),
        ("Clinical and Data Operations Support Analyst", 0.03, False),
        # the family's own words place the resume whatever it covers
        ("Software Engineer", 0.0, True),
        ("Machine Learning Engineer", 0.05, True),
        ("Senior Data Scientist", 0.1, True),
        # no coverage given (a caller without a score): every word counts, as before
        ("Services Engineer", None, True),
    ],
)
def test_shared_family_words_need_the_field(
    title: str, coverage: float | None, expected: bool
) -> None:
    facts = read_resume(f"EXPERIENCE\n{title}, Acme 2015 - 2020\n", as_of=AS_OF)
    career = career_estimate(facts, load_profile("research-engineer"), coverage=coverage)
    assert career.in_family is expected
    assert (career.level is None) is not expected


def test_a_workshop_engineer_gets_no_ai_level(scorer: Scorer) -> None:
    text = (
        "EXPERIENCE\nServices Engineer, City Motorbikes 2009 - 2020\n"
        "Repaired motorbike engines, gearboxes and brakes; ordered parts; trained apprentices.\n"
    )
    career = scorer.score_text(text).career
    assert career.most_recent_title == "Services Engineer"
    assert (career.in_family, career.level, career.salary_reference) == (False, None, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (TEACHER, False),
        ("EXPERIENCE\nData Scientist, Uber 2018 - 2021\n", True),
        # the latest title is another family's, but most of the career is in this one
        (
            "EXPERIENCE\nProduct Manager, Google 2017 - Present\n"
            "Software Engineer, Amazon 2012 - 2017\nSoftware Engineer, Apple 2007 - 2012\n",
            True,
        ),
        ("no roles at all", False),
    ],
)
def test_in_family(text: str, expected: bool) -> None:
    facts = read_resume(text, as_of=AS_OF)
    profile = load_profile("research-engineer")
    assert in_family(facts, profile.family, profile.family_shared) is expected
    assert in_family(facts, ()) is None  # a profile without a family checks nothing


@pytest.mark.parametrize(
    ("text", "level", "basis"),
    [
        ("Machine Learning Intern, Acme 2023 - 2023", "intern", "title"),
        ("Junior Data Engineer, Acme 2022 - 2023", "junior", "title"),
        # a title with no seniority word names no level: the years do
        ("Research Engineer, Acme 2023 - Present", "mid", "years"),
        ("Research Engineer, Acme 2019 - Present", "senior", "years"),
        ("Mid-level Data Scientist, Acme 2024 - Present", "mid", "title"),
        # years alone never make a director: leadership levels are titles (title_only)
        ("Machine Learning Engineer, Acme 2008 - Present", "senior", "years"),
        ("Senior Research Engineer, Acme 2015 - Present", "senior", "title"),
        ("Director of AI, Acme 2010 - Present", "principal", "title"),
        ("Machine Learning Specialist, Acme 2012 - 2020", "senior", "years"),
        ("Machine Learning Specialist, Acme 2023 - 2024", "junior", "years"),
        # "staff" alone is no seniority (Staff Accountant, Staff Nurse): a staff engineer is
        ("Staff Machine Learning Engineer, Acme 2024 - Present", "senior", "title"),
        ("Staff Developer, Acme 2024 - 2025", "junior", "years"),
        # a Senior Associate (consulting, finance, law) is mid-level: the associate's entry
        # level and the senior's level are words of the longer "senior associate"
        ("Senior Associate Data Scientist, Acme 2025 - Present", "mid", "title"),
        ("Sr. Associate Data Engineer, Acme 2025 - Present", "mid", "title"),
        ("Associate Data Scientist, Acme 2025 - Present", "junior", "title"),
        ("Senior Associate Director of AI, Acme 2025 - Present", "principal", "title"),
        ("Associate Professor of Machine Learning, Acme 2025 - Present", "senior", "title"),
        ("Senior Machine Learning Intern, Acme 2025 - 2025", "intern", "title"),
    ],
)
def test_level_from_the_latest_title_else_the_years(text: str, level: str, basis: str) -> None:
    facts = read_resume("EXPERIENCE\n" + text + "\n", as_of=AS_OF)
    c = career_estimate(facts, load_profile("research-engineer"))
    assert (c.in_family, c.level, c.level_from) == (True, level, basis)


def test_a_member_of_technical_staff_is_in_the_family() -> None:
    # the AI labs' title: placed by its years, not outside the ladder
    facts = read_resume(
        "EXPERIENCE\nMember of Technical Staff, OpenAI, 2020 - Present\nTrained language models.\n",
        as_of=AS_OF,
    )
    c = career_estimate(facts, load_profile("research-engineer"))
    assert (c.in_family, c.level_from) == (True, "years")


@pytest.mark.parametrize(
    "title", ["PhD Candidate", "Ph.D. Candidate", "Ph.D. student", "Doctoral Researcher"]
)
def test_a_doctoral_students_years_are_a_student_roles(title: str) -> None:
    # "PhD Candidate" read as an employer with no title, and its years as a job's
    facts = read_resume(
        f"EXPERIENCE\nResearch Engineer, Acme, 2022 - 2024\nBuilt models.\n"
        f"{title}, UC Berkeley, 2017 - 2022\nThesis on reinforcement learning.\n",
        as_of=AS_OF,
    )
    phd = facts.roles[-1]
    assert (phd.title, phd.employer, phd.kind) == (title, "UC Berkeley", "internship")
    assert (facts.years, facts.internship_years) == (2.0, 5.0)


def test_outside_the_family_no_level_and_no_salary(scorer: Scorer) -> None:
    r = scorer.score_text(TEACHER)
    c = r.career
    assert (c.in_family, c.level, c.level_label, c.level_from, c.salary_reference) == (
        False,
        None,
        None,
        None,
        None,
    )
    assert (c.years, c.most_recent_title) == (16.2, "Teacher")
    text = render(r, "text")
    assert (
        "Experience 16.2 years in dated jobs (and 1.8 in internships and student roles);"
        " outside this profile's ladder (latest title: Teacher), so no level or salary"
        " reference\n"
    ) in text
    assert "salary reference:" not in text
    assert "Principal" not in render(r, "html")


def test_inside_the_family_the_level_and_its_salary_figure(scorer: Scorer) -> None:
    r = scorer.score_document(read_document(SAMPLES / "research_engineer_resume.txt"))
    c = r.career
    assert (c.in_family, c.level, c.level_from, c.years, c.internship_years) == (
        True,
        "senior",
        "title",
        7.3,
        0.3,
    )
    # the figure of the seed document for experienced engineers (7+ years)
    assert c.salary_reference == (
        "experienced (7+ years): AI engineer $185,833; ML engineer $189,477"
    )
    assert (r.education.level, r.education.field) == ("phd", "computer science")


def test_the_facts_in_every_report_format(scorer: Scorer) -> None:
    r = scorer.score_text(TEACHER)
    data = json.loads(render(r, "json"))
    jsonschema.validate(data, score_json_schema())
    assert data["career"]["roles"][0] == {
        "title": "Teacher",
        "start": "2010-09",
        "end": "present",
        "years": 16.2,
        "employer": "Lincoln High School",
        "kind": "job",
    }
    assert data["career"]["in_family"] is False
    line = "Teacher, Lincoln High School: 2010-09 to present (16.2 years, job)"
    assert f"\n## Roles\n\n- {line}\n" in render(r, "markdown")
    assert f"<li>{line}</li>" in render(r, "html")


# ------------------------------------------------------------------------------ CLI


def run(*args: str, stdin: str | None = None) -> Any:
    return CliRunner().invoke(main, list(args), input=stdin)


def test_cli_facts_text() -> None:
    res = run("facts", "--as-of", "2026-11-01", str(SAMPLES / "software_engineer_resume.txt"))
    assert res.exit_code == 0, res.output
    assert res.output == (
        f"{SAMPLES / 'software_engineer_resume.txt'}\n"
        "  highest degree: bachelor's degree in computer engineering\n"
        "  years in jobs: 4.2; in internships and student roles: 0.0 (as of 2026-11-01)\n"
        "  most recent title: Software Engineer\n"
        "  roles:\n"
        "    - Software Engineer, Parcelwise: 2024-06 to present (2.5 years, job)\n"
        "    - Junior Software Engineer, Tiller Payments: 2022-09 to 2024-05 (1.8 years, job)\n"
        "  education:\n"
        "    - bachelor's degree, computer engineering, University of Porto, 2022\n"
    )


def test_cli_facts_json_is_an_array_following_the_schema() -> None:
    paths = [str(SAMPLES / "nurse_resume.txt"), "-"]
    res = run("facts", "--format", "json", "--as-of", "2026-11-01", *paths, stdin=TEACHER)
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    schema = json.loads(
        resources.files("jobmatch").joinpath("schemas/resume_facts.schema.json").read_text()
    )
    for item in data:
        jsonschema.validate(item, schema)
    assert [(d["source"], d["most_recent_title"], d["years"]) for d in data] == [
        (paths[0], "Senior Staff Nurse", 8.2),
        ("<stdin>", "Teacher", 16.2),
    ]


def test_cli_facts_errors() -> None:
    res = run("facts", "/no/such/resume.pdf")
    assert (res.exit_code, res.output.startswith("Error: ")) == (1, True)
    assert run("facts").exit_code == 2
    assert run("facts", "--as-of", "tomorrow", "x.txt").exit_code == 2
    assert run("facts", "-", "-", stdin="x").exit_code == 2


def test_the_degree_in_the_asked_field_is_shown_among_equal_levels() -> None:
    # two bachelor's degrees: the finance one meets "a degree in finance or economics"
    import jobmatch

    resume = (
        "EDUCATION\nBachelor of Science : Accounting, 2010\nUniversity of North Carolina\n"
        "Bachelor of Science : Finance, 2012\nUniversity of Texas\nSKILLS\nExcel\n"
    )
    posting = "Requirements\n- A bachelor's degree in finance or economics\n- Excel\n"
    r = jobmatch.match_texts(resume, posting)
    assert (r.education.level, r.education.field) == ("bachelor", "finance")
    assert "field" not in [m.requirement for m in r.missing]
    # the line read for the first degree is not shown as the finance degree's evidence
    assert r.education.evidence is None
    # a higher degree in another field still comes first: levels before fields
    higher = resume.replace("Bachelor of Science : Accounting", "Master of Science : Accounting")
    m = jobmatch.match_texts(higher, posting)
    assert (m.education.level, m.education.field) == ("master", "accounting")
    assert m.education.evidence is not None and "Master of Science" in m.education.evidence
