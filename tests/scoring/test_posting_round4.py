"""Postings read as a new user would (session 23, fourth reading): each test holds the
general rule behind a wrong reading, in text written here."""

from __future__ import annotations

import pytest

from jobmatch.extract.component import SkillExtractor
from jobmatch.extract.sections import inline_headings, stack_parts
from tests.helpers import skills_asked

STACK_LABELS = """Our Tech Stack:
Languages: Go, TypeScript
- Kubernetes and Terraform
Requirements:
- 3+ years of experience with Python
"""


def test_a_labelled_line_under_the_stack_heading_stays_in_the_stack(
    extractor: SkillExtractor,
) -> None:
    """ "Languages: Go, TypeScript" under "Our Tech Stack:" is an item of the company's
    stack (the reader classified the line again and read it as a Skills heading of its own,
    whose items were required)."""
    asked = skills_asked(STACK_LABELS, extractor)
    assert asked["go"] is False
    assert asked["typescript"] is False
    assert asked["kubernetes"] is False
    assert asked["python"] is True


def test_a_skills_heading_after_the_stack_still_asks(extractor: SkillExtractor) -> None:
    text = "THE TECH STACK\nSpark and Kafka\nTECHNICAL SKILLS\nExperience with Python\n"
    asked = skills_asked(text, extractor)
    assert asked["apache_kafka"] is False
    assert asked["python"] is True


@pytest.mark.parametrize(
    "heading",
    [
        "Our Tech Stack",
        "THE TECH STACK",
        "THE STACK:",
        "Tools & Services",
        "Technologies we use",
        "TECHNOLOGY STACK",
        "Our Core tech stack",
    ],
)
def test_one_definition_of_a_stack_heading_serves_both_forms(heading: str) -> None:
    """A stack heading alone on its line reads preferred in a posting, and the same words
    run into a line after text open the preferred part too, in the capitals of a title
    (one definition in sections)."""
    line = heading + "\n"
    assert [name for _, _, name in stack_parts(line + "Python\n", 0, len(line) + 7)] == [
        "preferred"
    ]
    run_in = "We build data tools. " + heading.rstrip(":") + ": Spark Kafka"
    titled = heading != "Our Core tech stack"
    assert inline_headings(run_in) == ([(21, "preferred")] if titled else [])


@pytest.mark.parametrize("line", ["Stack Overflow answers", "Full Stack Developer: Python"])
def test_a_bare_stack_is_no_stack_heading(line: str) -> None:
    assert inline_headings("We build data tools. " + line) == []
    assert [n for _, _, n in stack_parts(line + "\n", 0, len(line) + 1)] == ["skills"]
