"""Postings read as a demanding recruiter would (session 26, fifteenth reading): each test
holds the general rule behind a wrong reading, in text written here."""

from __future__ import annotations

from jobmatch import read_posting
from jobmatch.extract.component import SkillExtractor


def test_years_written_after_their_experience_are_asked_in_it(
    extractor: SkillExtractor,
) -> None:
    """glassdoor-0493: "Extensive experience in ... CI/CD solutions ... for a minimum of three
    (3) years" asked 3 years in no domain: the figure ends the clause, after what it is
    asked in."""
    text = (
        "Requirements\n"
        "Extensive experience in designing CI/CD solutions for data teams, including use of "
        "Spark and Hive for a minimum of three (3) years.\n"
    )
    read = read_posting(text, extractor=extractor)
    assert read.years_min == 3.0
    assert {s.skill_id for s in read.years_skills} == {"ci_cd"}


def test_a_span_of_time_after_for_stays_no_years_asked(
    extractor: SkillExtractor,
) -> None:
    """A "for 3 years" with no minimum is a span of time, as before: no years asked."""
    text = "Requirements\nExperience with Python. The contract runs for 3 years.\n"
    read = read_posting(text, extractor=extractor)
    assert read.years_min is None

