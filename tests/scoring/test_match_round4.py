"""What a match report says, read as a recruiter reads it (round 4): a skill met only as a
preferred one, a degree the posting prefers, and the TF-IDF cosine beside the similarity
the score is made of."""

from __future__ import annotations

import json
import re

import pytest

import jobmatch
from jobmatch.models import ScoreReport
from jobmatch.report import render

POSTING = """Data Engineer

Requirements:
- Bachelor's degree in Computer Science
- 3+ years of experience with Python and SQL
- Experience with Apache Airflow

Nice to have:
- Master's degree
- Experience with Docker and Kubernetes
"""

RESUME = """Jane Roe
Data Engineer

Experience
Data Engineer, Acme Corp, 2018 - 2023
- Built pipelines in Python and SQL, scheduled with Apache Airflow.
- Packaged services with Docker.

Education
{degree}, State University, 2018
"""

BACHELOR = "Bachelor of Science in Computer Science"
MASTER = "Master of Science in Computer Science"


@pytest.fixture(scope="module")
def report() -> ScoreReport:
    return jobmatch.match_texts(RESUME.format(degree=BACHELOR), POSTING)


def _line(text: str, skill: str) -> str:
    return next(x for x in text.splitlines() if re.match(rf"\s+[+~] {skill} \(", x))


def test_a_skill_met_as_a_preferred_one_says_so(report: ScoreReport) -> None:
    # awesome_cv resume x glassdoor-0290: "required 2 of 21 met; preferred 6 of 16" above
    # six matched skills, none labelled: four of them (AWS, Kafka, Ansible, Terraform) were
    # only the posting's tech stack, and nothing told which two were required
    text = render(report, "text")
    assert _line(text, "Docker").endswith(
        "(DevOps, MLOps, infrastructure and deployment; preferred)"
    )
    assert "preferred" not in _line(text, "Python")
    assert "preferred" not in _line(text, "Apache Airflow")
    rows = {m["name"]: m["required"] for m in json.loads(render(report, "json"))["matched"]}
    assert rows["Docker"] is False and rows["Python"] is True
    md = next(x for x in render(report, "markdown").splitlines() if x.startswith("| Docker |"))
    assert "| full, preferred |" in md
    html = render(report, "html")
    row = html[html.index("<td>Docker") : html.index("</tr>", html.index("<td>Docker"))]
    assert '<span class="tag">preferred</span>' in row


@pytest.mark.parametrize(
    ("degree", "verdict"),
    [
        # the posting asks computer science, the degree's field: "in a field asked"
        (
            BACHELOR,
            "meets the required bachelor's degree; below the preferred master's degree;"
            " in a field asked",
        ),
        (
            MASTER,
            "meets the required bachelor's degree; meets the preferred master's degree;"
            " in a field asked",
        ),
    ],
)
def test_the_education_line_says_whether_the_preferred_degree_is_held(
    degree: str, verdict: str
) -> None:
    # glassdoor-0212 ("Master's Degree ... preferred"): the line said only "meets the
    # required bachelor's degree" beside an Education bar at 50%; glassdoor-0290 (a degree
    # under BONUS POINTS) gave no verdict at all beside an Education bar at 100%
    rep = jobmatch.match_texts(RESUME.format(degree=degree), POSTING)
    line = next(x for x in render(rep, "text").splitlines() if x.startswith("Education"))
    assert line.endswith(f"({verdict})")
    edu = json.loads(render(rep, "json"))["education"]
    assert edu["preferred_level"] == "master"
    assert edu["meets_preferred"] is (degree == MASTER)


def test_a_preferred_degree_alone_gets_its_verdict() -> None:
    posting = (
        "Data Engineer\n\nRequirements:\n- Python\n- SQL\n\nBonus points:\n- Bachelor's degree\n"
    )
    rep = jobmatch.match_texts(RESUME.format(degree=BACHELOR), posting)
    line = next(x for x in render(rep, "text").splitlines() if x.startswith("Education"))
    assert line.endswith("(meets the preferred bachelor's degree)")


def test_markdown_names_the_cosine_apart_from_the_similarity(report: ScoreReport) -> None:
    # every markdown report printed "similarity 0.68" in the made-of line and "TF-IDF
    # similarity: 0.1356" two lines below: two numbers called similarity that do not agree
    md = render(report, "markdown")
    assert "TF-IDF similarity" not in md
    found = re.search(r"TF-IDF cosine: ([0-9.]+) \(the similarity ([0-9.]+) above", md)
    assert found is not None
    assert float(found[1]) == pytest.approx(report.similarity, abs=1e-4)
    assert report.parts is not None
    assert float(found[2]) == pytest.approx(report.parts.similarity, abs=0.005)
