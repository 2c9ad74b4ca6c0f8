"""A corporate rank is no career level of another family ("VP, Principal" of an asset
manager is no AI director), a rank after a comma is part of the title, and a date a sentence
names makes no role. The texts are written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from jobmatch.models import ResumeFacts
from jobmatch.report_facts import career_line
from jobmatch.scoring.career import career_estimate
from jobmatch.scoring.profiles import load_profile
from jobmatch.scoring.resume_reader import facts_from_text

AS_OF = date(2026, 1, 1)
# a bank's VP whose earlier titles are a developer's: in the family by most of its titles
BANK_VP = (
    "Experience\n01/2010 to Current\n{title} Company Name City , State\n\n"
    "Led the data platform team of the investment office.\n\n"
    "01/2006 to 01/2010\nSenior Software Engineer Company Name City , State\n\n"
    "Built the trade store.\n\n01/2003 to 01/2006\nDatabase Developer Company Name\n\n"
    "Tuned queries.\n"
)


def facts(text: str) -> ResumeFacts:
    return facts_from_text(text, as_of=AS_OF)


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("VP, Principal Company Name City , State", "VP, Principal"),
        ("Vice President, Director Company Name", "Vice President, Director"),
        ("VP, Managing Director, Acme Bank", "VP, Managing Director"),
        # an employer or a place after the comma still ends the title
        ("Software Engineer, Google", "Software Engineer"),
        ("Senior Analyst, Lead Bank", "Senior Analyst"),
    ],
)
def test_a_rank_after_a_comma_is_part_of_the_title(line: str, title: str) -> None:
    f = facts(f"Experience\n01/2015 to 01/2020\n{line}\n\nDid the work.\n")
    assert [r.title for r in f.roles] == [title]


@pytest.mark.parametrize("title", ["VP, Principal", "VP", "Vice President, Director"])
def test_a_rank_outside_the_family_names_no_level(title: str) -> None:
    f = facts(BANK_VP.format(title=title))
    assert f.most_recent_title == title
    estimate = career_estimate(f, load_profile("research-engineer"))
    assert estimate.in_family is True
    # 16 years in jobs: senior by its years, not the title-only principal level
    assert (estimate.level, estimate.level_from) == ("senior", "years")
    assert estimate.rank_outside_family is True
    assert estimate.salary_reference is not None and "$338,000" not in estimate.salary_reference
    line = career_line(estimate)
    assert f"the latest title, {title}, is outside this profile's job family" in line


@pytest.mark.parametrize(
    ("title", "level"),
    [("VP of Machine Learning", "principal"), ("Director of AI", "principal")],
)
def test_a_rank_in_the_family_still_names_its_level(title: str, level: str) -> None:
    estimate = career_estimate(
        facts(BANK_VP.format(title=title)), load_profile("research-engineer")
    )
    assert (estimate.level, estimate.level_from, estimate.rank_outside_family) == (
        level,
        "title",
        False,
    )


def test_a_title_without_a_rank_outside_the_family_says_nothing_more() -> None:
    estimate = career_estimate(
        facts(BANK_VP.format(title="Product Manager")), load_profile("research-engineer")
    )
    assert (estimate.level_from, estimate.rank_outside_family) == ("years", False)
    assert "outside this profile's job family" not in career_line(estimate)


@pytest.mark.parametrize(
    "sentence",
    [
        "IT Thought leader and key note speaker at in-memory compute summit in 2017",
        "Team lead of the award winning launch during 2015",
    ],
)
def test_a_date_a_sentence_names_makes_no_role(sentence: str) -> None:
    text = (
        "Experience\n01/2003 to 01/2020\nSenior Developer Company Name City , State\n\n"
        f"Built the trade store.\n{sentence}\nand 2018\n"
    )
    f = facts(text)
    assert [(r.title, r.start, r.end) for r in f.roles] == [
        ("Senior Developer", "2003-01", "2020-01")
    ]
