"""Postings read as a new user would (session 23, fourth reading): each test holds the
general rule behind a wrong reading, in text written here."""

from __future__ import annotations

import pytest

from jobmatch.extract.component import SkillExtractor
from jobmatch.extract.sections import classify_heading, inline_headings, stack_parts
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


@pytest.mark.parametrize("line", ["Beneficial:", "BENEFICIAL", "Beneficial Skills"])
def test_beneficial_is_a_preferred_heading(line: str) -> None:
    assert classify_heading(line) == "preferred"


def test_the_items_under_beneficial_are_preferred(extractor: SkillExtractor) -> None:
    """glassdoor-0356: "Beneficial:" stood in its Qualifications as a heading no rule read,
    and the items under it (IoT data, machine learning) were required."""
    text = (
        "Qualifications\n"
        "Strong programming skills in Python\n"
        "Beneficial:\n"
        "Experience analyzing IoT data\n"
        "Experience with machine learning methods\n"
    )
    asked = skills_asked(text, extractor)
    assert asked["python"] is True
    assert asked["iot"] is False
    assert asked["machine_learning"] is False


@pytest.mark.parametrize(
    "title", ["How To Apply:", "HOW TO APPLY", "To Apply", "Application Process:"]
)
def test_nothing_is_asked_under_how_to_apply(title: str, extractor: SkillExtractor) -> None:
    """glassdoor-0356: "How To Apply:" / "... If contacted, please be prepared to provide
    writing samples ... and references who can speak to your work ethic" asked a work
    ethic."""
    text = (
        "Requirements\n"
        "Strong programming skills in Python\n"
        f"{title}\n"
        "If contacted, please be prepared to provide writing samples and two references who"
        " can speak to your experience, work orientation, and work ethic.\n"
    )
    asked = skills_asked(text, extractor)
    assert asked["python"] is True
    assert "work_ethic" not in asked


def test_an_o_bullet_is_no_part_of_the_evidence(extractor: SkillExtractor) -> None:
    """glassdoor-0109's sub-items, "o Use SQL tools to resubmit encounters ...", kept
    their bullet in the evidence a user reads."""
    from jobmatch import read_posting

    text = "Responsibilities\n\u2022 Run data extracts:\no Use SQL tools to resubmit claims\n"
    (sql,) = [
        r
        for r in read_posting(text, extractor=extractor).requirements
        if r.skills[0].skill_id == "sql"
    ]
    assert sql.evidence == "Use SQL tools to resubmit claims"


@pytest.mark.parametrize(
    ("line", "section"),
    [
        ("Preferred Qualifications...", "preferred"),
        ("Minimum Qualifications...", "requirements"),
        ("About Logic20/20. . .", "about"),
        ("About Acme\u2026", "about"),
    ],
)
def test_a_title_trailing_off_is_a_heading(line: str, section: str) -> None:
    """glassdoor-0012's "Preferred Qualifications..." and glassdoor-0007's "About
    Logic20/20. . ." ended with an ellipsis read as a sentence's full stop: no heading, and
    the company's words after them stood under the preferred qualifications."""
    assert classify_heading(line) == section


@pytest.mark.parametrize("line", ["We are growing...", "And more...", "Python, SQL, etc..."])
def test_a_sentence_trailing_off_stays_a_sentence(line: str) -> None:
    assert classify_heading(line) is None


def test_the_company_speaking_after_although_asks_nothing(extractor: SkillExtractor) -> None:
    """glassdoor-0007's "About" part: "Although we make it look like magic, we succeed by
    combining methodical and structured approaches ..." preferred organizational skills."""
    text = (
        "Requirements\n"
        "Experience with Python\n"
        "About Acme\n"
        "Although we make it look like magic, we succeed by combining methodical and"
        " structured approaches with our substantial experience.\n"
    )
    asked = skills_asked(text, extractor)
    assert asked["python"] is True
    assert "organizational_skills" not in asked


def test_a_bullet_glued_to_its_item_opens_it(extractor: SkillExtractor) -> None:
    """glassdoor-0023 writes "\u2022Proven experience with data mining" (no space after the
    bullet): two items of a long and a short line ran into one clause, the second's skills
    quoting the first as their evidence."""
    from jobmatch import read_posting

    text = (
        "Preferred Qualifications\n"
        "\u2022Strong critical thinking and communication skills for explaining algorithms"
        " and processes to stakeholders\n"
        "\u2022Familiarity with data fundamentals including SQL\n"
    )
    reqs = read_posting(text, extractor=extractor).requirements
    (sql,) = [r for r in reqs if r.skills[0].skill_id == "sql"]
    assert sql.evidence == "Familiarity with data fundamentals including SQL"
    assert not sql.required


def test_a_clause_opening_with_must_under_a_preferred_heading_is_required(
    extractor: SkillExtractor,
) -> None:
    """glassdoor-0025: "Desired Skills:" / ... / "Security Clearance:" / "Must be eligible to
    obtain and maintain a TS/SCI with Poly clearance" read the clearance as preferred."""
    text = (
        "Desired Skills:\n"
        "Experience with R, Java, or other programming languages.\n"
        "Must be eligible to obtain and maintain a TS/SCI with Poly clearance\n"
    )
    asked = skills_asked(text, extractor)
    assert asked["r"] is False
    assert asked["security_clearance"] is True


def test_the_company_values_ask_nothing(extractor: SkillExtractor) -> None:
    """glassdoor-0042: "Our values:" / "Eager: We are self-starters, fully engaged ..."
    after its qualifications required initiative; glassdoor-0181's "CORE VALUES" humility."""
    text = (
        "Who you are:\n"
        "Expertise in Python or R\n"
        "Our values:\n"
        "Eager: We are self-starters, fully engaged and committed to pushing great ideas"
        " forward quickly and responsibly.\n"
    )
    asked = skills_asked(text, extractor)
    assert asked["python"] is True
    assert "initiative" not in asked
    assert classify_heading("CORE VALUES") == "about"


def test_an_item_broken_after_its_first_words_is_one_clause(extractor: SkillExtractor) -> None:
    """glassdoor-0107 (a Word export with hard breaks) breaks its items after a word or two:
    "Excellent" / "written and verbal communication skills, ...": the evidence lost its
    first words, and "Strong" / "interpersonal and communication skills" lost a skill."""
    from jobmatch import read_posting

    text = (
        "Required Qualifications:\n"
        "Strong\n"
        "interpersonal and communication skills\n"
        "Jupyter Notebooks\n"
        "dBeaver or equivalent\n"
    )
    reqs = {r.skills[0].skill_id: r for r in read_posting(text, extractor=extractor).requirements}
    assert reqs["interpersonal_skills"].evidence == "Strong interpersonal and communication skills"
    assert "communication" in reqs
    assert reqs["jupyter"].evidence == "Jupyter Notebooks"  # a name in lower case: two items


@pytest.mark.parametrize(
    ("line", "asked", "preferred"),
    [
        (
            "BS or MS with 5+ years industry experience or PhD with at least 2 years of"
            " postdoctoral experience, with industry experience preferred",
            "bachelor",
            None,
        ),
        (
            "An undergraduate degree in mathematics, computer science, or physics is preferred",
            None,
            "bachelor",
        ),
        ("Bachelor's degree in Statistics, preferred", None, "bachelor"),
    ],
)
def test_a_preference_for_something_else_leaves_the_degree_asked(
    line: str, asked: str | None, preferred: str | None, extractor: SkillExtractor
) -> None:
    """glassdoor-0176: "..., with industry experience preferred" made the degrees of the
    clause preferred: the posting asked no degree."""
    from jobmatch import read_posting

    edu = read_posting("Requirements\n" + line + "\n", extractor=extractor).education
    assert edu is not None
    assert (edu.min_level, edu.preferred_level) == (asked, preferred)
