"""Postings read as a new user would (session 22, third reading): each test holds the
general rule behind a wrong reading of a shared posting, in text written here."""

from __future__ import annotations

import pytest

from jobmatch.extract.component import SkillExtractor
from jobmatch.extract.sections import classify_heading
from tests.helpers import requirement_groups


def _reqs(text: str, extractor: SkillExtractor) -> dict[tuple[str, ...], bool]:
    return requirement_groups(text, extractor)


@pytest.mark.parametrize(
    "line",
    [
        "You will get extra points for the following",
        "You'll earn bonus points for:",
        "Extra points for the following",
        "Brownie points for these",
    ],
)
def test_extra_points_for_the_following_is_preferred(line: str) -> None:
    assert classify_heading(line) == "preferred"


@pytest.mark.parametrize("line", ["Points for style", "We award points for effort."])
def test_points_alone_open_no_section(line: str) -> None:
    assert classify_heading(line) is None


POINTS = """What you need
Experience with Java
Good problem solving skills
You will get extra points for the following
Experience in DevOps
Capacity planning
"""


def test_the_items_after_extra_points_are_preferred(extractor: SkillExtractor) -> None:
    reqs = _reqs(POINTS, extractor)
    assert reqs[("java",)] is True
    assert reqs[("problem-solving",)] is True
    assert reqs[("devops",)] is False
    assert reqs[("capacity_planning",)] is False


def test_a_must_and_an_advantage_under_a_preferred_heading_are_apart(
    extractor: SkillExtractor,
) -> None:
    text = (
        "What you need\n"
        "Experience with Java\n"
        "Nice to have\n"
        "Fluent English both written and spoken is a must while German and French are"
        " considered as an advantage\n"
    )
    reqs = _reqs(text, extractor)
    assert reqs[("english",)] is True
    assert reqs[("german",)] is False
    assert reqs[("french",)] is False


@pytest.mark.parametrize("cue", ["some or all of the following", "some of the following"])
def test_some_or_all_of_the_following_is_one_choice(cue: str, extractor: SkillExtractor) -> None:
    text = f"Requirements\nExperience with {cue}: Nginx Jenkins Git Terraform\n"
    reqs = _reqs(text, extractor)
    assert reqs == {("nginx", "jenkins", "git", "terraform"): True}


@pytest.mark.parametrize(
    ("line", "section"),
    [
        ("Building skills and careers", "benefits"),
        ("Develop your skills", "benefits"),
        ("Skills", "skills"),
        ("Developing skills in Python", "skills"),
    ],
)
def test_building_skills_and_careers_is_what_the_employer_offers(line: str, section: str) -> None:
    assert classify_heading(line) == section


GROWTH = """Requirements
Experience with Java
Building skills and careers
We have built up a talent pool of people who have a solid business sense .
Our management fosters a strategic mindset in its employees .
"""


def test_what_the_employer_grows_in_its_people_asks_nothing(extractor: SkillExtractor) -> None:
    reqs = _reqs(GROWTH, extractor)
    assert reqs == {("java",): True}


HEADCOUNT = """Requirements
Experience with SQL
More than 50 highly specialized academics are currently working at the centre within
medical research public health research statistics and bioinformatics .
"""


def test_a_head_count_of_the_staff_asks_nothing(extractor: SkillExtractor) -> None:
    reqs = _reqs(HEADCOUNT, extractor)
    assert reqs == {("sql",): True}


DEPARTMENT = """About the department The Department of Bioinformatics and Data Mining combines
strong computational skills with biological insights .
Qualifications
Experience with Python
"""


def test_about_the_department_combining_fields_asks_nothing(extractor: SkillExtractor) -> None:
    reqs = _reqs(DEPARTMENT, extractor)
    assert reqs == {("python",): True}


def test_based_on_our_mindset_is_the_company_speaking(extractor: SkillExtractor) -> None:
    text = (
        "About the job\n"
        "Based on our finance partnering mind-set our overall aim is to provide business"
        " impact to our stakeholders with a solid business understanding .\n"
        "Qualifications\n"
        "Experience with Excel\n"
    )
    reqs = _reqs(text, extractor)
    assert reqs == {("excel",): True}
