"""A completed doctorate's dated research counts toward the career level (a new PhD is no
junior), months in jobs left out, at most ``RESEARCH_YEARS_MAX``; the report says so."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources

import jsonschema
import pytest

from jobmatch.models import CareerEstimate, ResumeFacts
from jobmatch.report_facts import career_line, render_facts
from jobmatch.scoring.career import RESEARCH_YEARS_MAX, career_estimate
from jobmatch.scoring.profiles import load_profile
from jobmatch.scoring.resume_reader import read_resume

AS_OF = date(2026, 11, 1)
INTERNSHIPS = (
    "Research Intern, Google DeepMind — Jun 2021 – Sep 2021\n"
    "- Built JAX pipelines for reinforcement learning experiments.\n"
    "Machine Learning Intern, Meta AI — Jun 2020 – Sep 2020\n"
    "- Trained computer vision models in PyTorch.\n"
)
BSC = "BSc in Mathematics, University of Warsaw — 2014 – 2018\n"


def _career(text: str) -> tuple[ResumeFacts, CareerEstimate]:
    facts = read_resume(text, as_of=AS_OF)
    return facts, career_estimate(facts, load_profile("research-engineer"))


@pytest.mark.parametrize(
    "text",
    [
        # the doctorate as a role: "PhD Candidate" is a student role, so no dated job
        "EXPERIENCE\nPhD Candidate, Stanford University — Sep 2018 – Jun 2023\n"
        "- Efficient training of language models; papers at NeurIPS.\n"
        + INTERNSHIPS
        + "EDUCATION\nPhD in Computer Science, Stanford University — 2018 – 2023\n"
        + BSC,
        # the doctorate in education only: the latest title was an internship's ("intern")
        "EXPERIENCE\n"
        + INTERNSHIPS
        + "EDUCATION\nPh.D. in Computer Science, Stanford University, 2018 – 2023\n"
        + BSC,
    ],
)
def test_a_new_phd_is_no_junior(text: str) -> None:
    facts, c = _career(text)
    assert (facts.years, facts.research_years) == (0.0, 5.0)
    assert (facts.research_start, facts.research_end) == ("2018", "2023")
    # five years of research, of which four count: above entry level, not a senior
    assert (c.in_family, c.level, c.level_from) == (True, "mid", "years")
    assert c.research_years == RESEARCH_YEARS_MAX == 4.0
    assert "with the PhD 2018-2023 counted as 4.0 years of research" in career_line(c)
    assert "doctoral research: 5.0 years (2018 to 2023" in render_facts(facts, "text")


def test_years_of_a_job_held_during_the_doctorate_count_once() -> None:
    facts, c = _career(
        "EXPERIENCE\nResearch Engineer, Acme — Jul 2020 – Jun 2023\n- Built models.\n"
        "EDUCATION\nPhD in Computer Science, MIT, 2018 – 2023\n"
    )
    assert (facts.years, facts.research_years) == (3.0, 2.0)
    assert (c.research_years, c.level, c.level_from) == (2.0, "senior", "years")
    assert "counted as 2.0 years of research)" in career_line(c)


def test_a_job_after_the_doctorate_names_its_level() -> None:
    facts, c = _career(
        "EXPERIENCE\nJunior Data Scientist, Acme — Sep 2023 – Present\n"
        "EDUCATION\nPhD in Statistics, MIT, 2018 – 2023\n"
    )
    assert facts.research_years == 5.0
    assert (c.level, c.level_from, c.research_years) == ("junior", "title", None)
    assert "PhD" not in career_line(c)  # the title placed it: no research counted


@pytest.mark.parametrize(
    "degree",
    [
        "PhD in Computer Science, MIT, 2023",  # no dated length
        "PhD in Computer Science, MIT, 2022 – 2027 (expected)",  # not held
        "MSc in Computer Science, MIT, 2018 – 2023",  # no doctorate
    ],
)
def test_no_dated_completed_doctorate_counts_nothing(degree: str) -> None:
    facts, c = _career("EXPERIENCE\n" + INTERNSHIPS + "EDUCATION\n" + degree + "\n")
    assert (facts.research_years, facts.research_start) == (0.0, None)
    assert (c.research_years, c.level, c.level_from) == (None, "intern", "title")


def test_the_facts_follow_the_schema() -> None:
    phd = "PhD in Physics, ETH Zurich, Sep 2017 – May 2022"
    facts, _ = _career("EXPERIENCE\n" + INTERNSHIPS + "EDUCATION\n" + phd + "\n")
    assert (facts.research_start, facts.research_end) == ("2017-09", "2022-05")
    phd = facts.education[0]
    assert (phd.start, phd.end, phd.year) == ("2017-09", "2022-05", 2022)
    text = resources.files("jobmatch").joinpath("schemas/resume_facts.schema.json").read_text()
    jsonschema.validate(json.loads(render_facts(facts, "json")), json.loads(text))
