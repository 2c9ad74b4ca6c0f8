"""What a posting asks, in more shapes the fifth audit of the shared postings found misread
(tests/scoring/data/postings_gold_s20.json): an initialism's full stop inside a sentence, items
of uneven length one a line, headings of tasks and of what is asked in the words of a
sentence."""

from __future__ import annotations

import pytest

from jobmatch import read_posting
from jobmatch.extract.component import SkillExtractor
from jobmatch.extract.sections import classify_heading, inline_headings
from jobmatch.extract.sections import detect_sections as sections_of
from jobmatch.scoring.posting_rules import clauses


def _requirements(text: str, extractor: SkillExtractor) -> list[tuple[list[str], bool]]:
    """Each requirement's skill ids, with whether it is required."""
    return [
        ([s.skill_id for s in r.skills], r.required)
        for r in read_posting(text, extractor=extractor).requirements
    ]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        # glassdoor-0624: "requires" asks the clearance; "U.S." ended the sentence before
        (
            "This position requires U.S. Citizenship and a security clearance. We are growing.",
            [
                "This position requires U.S. Citizenship and a security clearance.",
                "We are growing.",
            ],
        ),
        ("Must obtain a U.K. Security Clearance", ["Must obtain a U.K. Security Clearance"]),
        # a sentence still ends after a word's full stop, and "e.g." still ends none
        ("We use SQL. Python is a plus.", ["We use SQL.", "Python is a plus."]),
        ("Tools (e.g. Excel) matter. Git too.", ["Tools (e.g. Excel) matter.", "Git too."]),
    ],
)
def test_an_initialism_ends_no_sentence(text: str, parts: list[str]) -> None:
    assert [text[a:b] for a, b in clauses(text)] == parts


def test_a_clearance_after_us_citizenship_is_required(extractor: SkillExtractor) -> None:
    # glassdoor-0624: the clause after "U.S." lost its "requires" and was preferred
    text = (
        "Job Description:\n\nAcme is seeking an experienced Data Scientist to join our team "
        "supporting a federal contract. This position requires U.S. Citizenship and an active "
        "TS/SCI security clearance. You will build models for our client.\n"
    )
    assert (["security_clearance"], True) in _requirements(text, extractor)


_PROSE = (
    "As a Data Engineer, you will use cutting edge cloud and data technologies to power the "
    "mission of our clients and join our team of data and cloud professionals."
)
_ITEM = (
    "Deep knowledge of data ingestion strategies and understanding of the V-dimensions of "
    "data (velocity, volume, variety, veracity)"
)


def test_an_item_shorter_than_the_text_s_lines_ends_at_its_line() -> None:
    # glassdoor-0357: its items, one a line, are of uneven length; "Extensive" would have
    # fitted on the line before it, so that line was ended by the writer, not wrapped
    text = "\n".join(
        [_PROSE, _PROSE, _PROSE, "Profile of Success", _ITEM, "Extensive experience with Azure"]
    )
    assert [text[a:b] for a, b in clauses(text)][-2:] == [_ITEM, "Extensive experience with Azure"]


@pytest.mark.parametrize(
    "line",
    [
        "This person's main focus will be developing and maintaining our team's",
        "This person's main focus will be developing and maintaining data for the",
    ],
)
def test_a_line_ending_with_a_word_that_runs_on_is_wrapped(line: str) -> None:
    # glassdoor-0821 is wrapped at about 80 characters: "our team's" / "ETL pipeline."
    wrapped = "data to make it more suitable for data-mining and research as well as build"
    text = "\n".join([wrapped, wrapped, wrapped, line, "ETL pipeline. This will include SQL."])
    assert text[slice(*clauses(text)[-2])].endswith(f"build\n{line}\nETL pipeline.")


@pytest.mark.parametrize(
    ("line", "section"),
    [
        ("Your Job", "responsibilities"),
        ("YOUR JOB", "responsibilities"),
        ("Your Job:", "responsibilities"),
        ("Your job title", None),  # a field of a form, no heading
        ("Job Description", "description"),
        # dev-tech-016, glassdoor-0012, rm-servicenow_job1: the tasks
        ("What you'll be working on.. .", "responsibilities"),
        ("What you'll do...", "responsibilities"),
        ("What you get to do in this role:", "responsibilities"),
        # glassdoor-0664: what is asked
        ("What is needed to succeed!", "requirements"),
        ("What you need to succeed", "requirements"),
        # sentences stay sentences
        ("What you will do. We are here.", None),
        ("How you will work on it is up to you.", None),
    ],
)
def test_headings_of_tasks_and_of_what_is_asked(line: str, section: str | None) -> None:
    assert classify_heading(line) == section


def test_a_task_under_your_job_is_asked(extractor: SkillExtractor) -> None:
    # dev-tech-026: "Styling with Bulma" under "Your Job" was not asked (no heading read)
    text = (
        "Frontend developer\n\nAcme is a software company.\n\nYour Job\n"
        "Web development with standard web technologies like HTML JavaScript and CSS\n"
        "Styling with Bulma\n\nYour Profile\n- Experience with React\n"
    )
    assert (["bulma"], True) in _requirements(text, extractor)


def test_a_board_s_fields_run_into_a_line_ask_nothing(extractor: SkillExtractor) -> None:
    # train-tech-073: "Industry: eCommerce Finance Retail" in SkillSpan's one-line header
    # preferred e-commerce and finance
    text = (
        "Principal Engineer Date posted: 2021-05-05 Job type: Full-time Experience level: Lead "
        "Industry: eCommerce Finance Retail Company size: 5k-10k people Company type: Private "
        "Job description We develop services for online stores.\n"
        "Your profile: 5+ years of experience with Python\n"
    )
    read = read_posting(text, extractor=extractor)
    asked = {s.skill_id for r in read.requirements for s in r.skills}
    assert "python" in asked and not asked & {"e-commerce", "finance"}
    assert {"e-commerce", "finance"} <= {s.skill_id for s in read.ignored}


@pytest.mark.parametrize(
    ("text", "levels"),
    [
        # dev-house-030: a postdoc asks a PhD; "MSc" of the students supervised asks nothing
        (
            "Qualifications A PhD degree or equivalent .\nSupervision experience of e.g .\n"
            "MSc .\nstudents .\nProject management experience\n",
            ("phd", None),
        ),
        # train-house-095: "B.Sc ." / "or M.Sc ." / "in Software Engineering ." is one clause
        (
            "We expect you to: * Hold a relevant B.Sc .\nor M.Sc .\nin Software Engineering .\n",
            ("bachelor", None),
        ),
    ],
)
def test_a_line_opening_in_lower_case_goes_on_after_a_full_stop(
    extractor: SkillExtractor, text: str, levels: tuple[str, str | None]
) -> None:
    education = read_posting(text, extractor=extractor).education
    assert education is not None
    assert (education.min_level, education.preferred_level) == levels


def test_a_line_opening_in_lower_case_joins_the_sentence_before() -> None:
    text = "Hold a relevant B.Sc .\nor M.Sc .\nin Software Engineering .\nStrong C++ skills"
    assert [text[a:b] for a, b in clauses(text)] == [
        "Hold a relevant B.Sc .\nor M.Sc .\nin Software Engineering .",
        "Strong C++ skills",
    ]
    # a bullet opening in lower case ("o Use SQL ...") is an item of its own
    items = "Resubmit claims.\no Use SQL tools to resubmit encounters"
    assert len(clauses(items)) == 2


@pytest.mark.parametrize(
    ("line", "related"),
    [
        # train-house-110: "or similar" widens the fields as "or a related field" does
        ("You have an MSc in mechanical engineering electronic engineer physics or similar", True),
        ("Bachelor's Degree in Statistics, Mathematics or similar quantitative discipline", True),
        ("Master in Computer Science or comparable field of study", True),
        # a similar job is no field
        ("A master degree in supply chain and 5 years of experience in a similar function", False),
        ("A bachelor's degree in Physics", False),
    ],
)
def test_or_similar_widens_a_degree_s_fields(
    extractor: SkillExtractor, line: str, related: bool
) -> None:
    education = read_posting(f"Analyst\n\nRequirements\n- {line}\n", extractor=extractor).education
    assert education is not None and education.related_fields is related


def test_a_heading_ending_a_line_of_text_opens_the_next_line(extractor: SkillExtractor) -> None:
    # dev-tech-008: "Job benefits:" at the end of an item left "Great team environment"
    # under the requirements
    text = (
        "Backend developer\n\nRequirements\n- Experience with Python\n"
        "- Experience in working with big data tools ( ETL processes etc. ) Job benefits:\n"
        "Private health insurance\nGreat team environment\nMeal allowance\n"
    )
    read = read_posting(text, extractor=extractor)
    assert "teamwork" not in {s.skill_id for r in read.requirements for s in r.skills}
    assert sections_of("... etc. ) Job benefits:\nPrivate health insurance\n")[-1][2] == "benefits"


@pytest.mark.parametrize(
    ("line", "section"),
    [
        # train-house-110, train-tech-048: SkillSpan's run-in headings of what is essential
        # and what is desirable
        ("... written and spoken Desirable experience and skills Knowledge of MBE", "preferred"),
        ("Essential Skills & Experience Scrum 2+ years of project management", "requirements"),
        ("... on your own . Essential experience and skills You have an MSc", "requirements"),
    ],
)
def test_essential_and_desirable_run_into_a_line(line: str, section: str) -> None:
    assert [name for _, name in inline_headings(line)] == [section]


@pytest.mark.parametrize(
    ("line", "stack"),
    [
        # train-tech-073, train-tech-071: the company's stack, in a clause naming no candidate
        ("We rely heavily on AWS Serverless framework Node.js Terraform and TypeScript .", True),
        ("As a framework we use Spring ( MVC ) and Spring Boot .", True),
        # a company naming technologies it does not work with asks nothing
        ("We have a top-tier client list that includes Dell, Cisco and Salesforce.", False),
        ("We predominantly communicate over Slack making little use of email.", False),
    ],
)
def test_the_stack_a_company_says_it_uses_is_preferred(
    extractor: SkillExtractor, line: str, stack: bool
) -> None:
    text = f"Engineer\n\n{line}\n\nRequirements\n- Experience with Python\n"
    asked = _requirements(text, extractor)
    assert asked[-1] == (["python"], True)
    assert (len(asked) > 1 and not any(req for _, req in asked[:-1])) is stack
