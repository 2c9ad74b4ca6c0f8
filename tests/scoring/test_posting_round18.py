"""Session 26, eighteenth reading of the postings (the glassdoor postings whose id ends in
9): the texts are written for these tests after the wording of the postings named."""

from __future__ import annotations

import pytest

from jobmatch.scoring.posting_reader import read_posting


@pytest.mark.parametrize(
    ("clause", "related"),
    [
        # glassdoor-0199: "or related ... science" widens the degree's fields
        ("PhD in biochemistry, cell and molecular biology or related pharmaceutical science", True),
        ("Bachelor's degree in chemistry or a related science.", True),
        ("Bachelor's degree in chemistry or related life sciences.", True),
        ("Bachelor's degree in chemistry and biology.", False),
    ],
)
def test_a_related_science_widens_the_fields(clause: str, related: bool) -> None:
    edu = read_posting(f"Qualifications:\n- {clause}\n").education
    assert edu is not None and edu.fields
    assert edu.related_fields is related


@pytest.mark.parametrize(
    ("clause", "asked"),
    [
        # glassdoor-0229: a certification the candidate wishes to earn is not asked
        (
            "Are familiar with Agile frameworks and methodologies with a desire to be a"
            " certified SCRUM Master",
            {"agile"},
        ),
        ("Experience with Python and a willingness to become certified in AWS.", {"python"}),
        # held, it is asked
        ("Experience with Python; certified SCRUM Master.", {"python", "csm_certification"}),
    ],
)
def test_a_certification_wished_for_is_not_asked(clause: str, asked: set[str]) -> None:
    read = read_posting(f"Requirements:\n- {clause}\n")
    assert {s.skill_id for r in read.requirements for s in r.skills} == asked


def test_some_of_the_tools_we_use_are_alternatives() -> None:
    # glassdoor-0619: experience with some of the listed tools, not each of them
    text = (
        "Are we a match?\n"
        "Hands-on knowledge of SQL is a must\n"
        "You have experience with some of the tools and languages we use and are excited to"
        " learn the others:\n"
        "Python, R\n"
        "Tableau\n"
        "Jupyter Notebooks\n"
        "Github\n"
        "Highly Desired Additions:\n"
        "Hadoop\n"
    )
    read = read_posting(text)
    groups = [([s.skill_id for s in r.skills], r.required) for r in read.requirements]
    assert groups == [
        (["sql"], True),
        (["python", "r", "tableau", "jupyter", "github"], True),
        (["apache_hadoop"], False),
    ]
