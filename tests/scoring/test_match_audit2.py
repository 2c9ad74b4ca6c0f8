"""What a match report tells a user, in more shapes the audit of resume x posting reports
left wrong: a nice-to-have item read as an Experience heading, a duty's departments read
as a skill asked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jobmatch import read_posting
from jobmatch.extract.component import SkillExtractor
from jobmatch.scoring.posting_departments import department_names
from tests.helpers import skills_asked


def _glassdoor(shared_data: Path, posting_id: str) -> str:
    path = shared_data / "postings" / "glassdoor_ds_2020" / "glassdoor_public.jsonl"
    for line in path.read_text("utf-8").splitlines():
        row = json.loads(line)
        if row["id"] == posting_id:
            return str(row["text"])
    raise AssertionError(posting_id)


def test_nice_to_have_items_stay_preferred(shared_data: Path, extractor: SkillExtractor) -> None:
    # glassdoor-0229: "Customer technical support experience" under "Nice to Have" read as
    # an Experience heading, and the items after it as required
    asked = skills_asked(_glassdoor(shared_data, "glassdoor-0229"), extractor)
    assert asked["technical_support"] is False
    assert asked["technical_documentation"] is False
    assert asked["javascript"] is True


@pytest.mark.parametrize(
    ("line", "names"),
    [
        (
            "Lead and participate in cross-functional teams for corporate sales, marketing, "
            "customer service, and product development",
            ["corporate sales, marketing, customer service, and product development"],
        ),
        (
            "Partner with departments including discovery, pre-clinical, protein production "
            "and CMC.",
            ["discovery, pre-clinical, protein production and CMC"],
        ),
        # no list: what the teams work on
        ("Lead cross-functional teams for data platform delivery", []),
    ],
)
def test_a_list_called_departments_names_departments(line: str, names: list[str]) -> None:
    assert [line[a:b] for a, b in department_names(line)] == names


def test_a_duty_s_departments_are_not_asked(shared_data: Path, extractor: SkillExtractor) -> None:
    # glassdoor-0407: "customer service (required)" came from the duty "Lead and participate
    # in cross-functional teams for corporate sales, marketing, customer service, ..."; the
    # posting prefers it ("Experience with marketing, sales, or customer service")
    read = read_posting(_glassdoor(shared_data, "glassdoor-0407"), extractor=extractor)
    assert [
        (r.required, r.evidence[:20])
        for r in read.requirements
        if "customer_service" in {s.skill_id for s in r.skills}
    ] == [(False, "Experience with mark")]


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        # glassdoor-0109, -0523: "Business" was dropped from the list of fields
        (
            "BS degree in Business, Computer Science, Engineering, Information Systems or "
            "related field",
            ("business", "computer science", "engineering", "information systems"),
        ),
        ("Masters Degree in Business/Finance", ("business", "finance")),
        ("A business or finance degree at master's level", ("business", "finance")),
        # not the field: a kind of intelligence, requirements
        (
            "Bachelor's degree in Computer Science; Business Intelligence tools",
            ("computer science",),
        ),
        (
            "Bachelor's degree in Statistics and documentation of business and system requirements",
            ("statistics",),
        ),
    ],
)
def test_business_is_a_field_of_study(
    extractor: SkillExtractor, line: str, fields: tuple[str, ...]
) -> None:
    read = read_posting(f"Analyst\n\nRequirements\n- {line}\n- SQL\n", extractor=extractor)
    assert read.education is not None
    assert read.education.fields == fields


@pytest.mark.parametrize(
    ("line", "asked", "domain"),
    [
        # glassdoor-0884: the report listed "statistics (required)"
        (
            "3+ years experience of engineering, analysis, statistics, product operations or "
            "equivalent experience",
            [],
            [],
        ),
        ("3+ years of experience in statistics, plant operations or finance", [], []),
        # every field a skill: alternatives, and the years are asked in them
        ("3+ years of experience in Python or Java", [["python", "java"]], ["python", "java"]),
        # a field opened to its like stays asked
        (
            "3 years of work experience in data science or related field",
            [["data_science"]],
            [],
        ),
        # not a list of fields: a kind of databases
        (
            "1+ years of experience working with relational or multi-dimensional databases",
            [["databases"]],
            ["databases"],
        ),
    ],
)
def test_years_in_one_of_several_fields_ask_no_skill_of_them(
    extractor: SkillExtractor, line: str, asked: list[list[str]], domain: list[str]
) -> None:
    read = read_posting(f"Analyst\n\nRequirements\n- {line}\n", extractor=extractor)
    assert [[s.skill_id for s in r.skills] for r in read.requirements] == asked
    assert [s.skill_id for s in read.years_skills] == domain


@pytest.mark.parametrize(
    ("line", "asked"),
    [
        # glassdoor-0419: PMP, Scrum and agile were asked apart, so knowing Scrum met the
        # line; it asks a PMP or a Scrum Master certification
        ("Certified PM (PMP) and/or Agile Scrum Master", [["pmp", "csm_certification"]]),
        # no certification before "or": the practice is asked
        ("Certified nursing experience or Scrum", [["nursing"], ["scrum"]]),
    ],
)
def test_certified_is_shared_by_a_coordination(
    extractor: SkillExtractor, line: str, asked: list[list[str]]
) -> None:
    read = read_posting(f"Project Manager\n\nRequirements\n- {line}\n", extractor=extractor)
    assert [[s.skill_id for s in r.skills] for r in read.requirements] == asked
