"""Postings read as a demanding recruiter would (session 25, thirteenth reading): each test
holds the general rule behind a wrong reading, in text written here."""

from __future__ import annotations

from jobmatch import read_posting
from jobmatch.extract.component import SkillExtractor


def test_a_run_on_clause_names_no_field_far_from_its_degree(
    extractor: SkillExtractor,
) -> None:
    """An iOS posting written without punctuation ("MS or BS in Computer Science Good
    written and spoken English ... engineering mindset We offer ... PE accounting and
    support") read engineering and accounting as the degree's fields: a field more than
    30 words from its degree and the degree's other fields is none of its."""
    text = (
        "Qualifications and Skills Experience building commercial products for mobile "
        "platforms MS or BS in Computer Science Good written and spoken English Strong "
        "understanding of fundamentals Deep practical knowledge of the SDK understanding of "
        "app architecture official platform recommendations native platform tools and "
        "techniques Practical experience with Swift and Objective-C Courage to take on a wide "
        "variety of development tasks from UI layout to low level hardware-related tasks "
        "Ability and desire to write unit tests Proactive problem-solving habits and "
        "engineering mindset We offer multiple benefits that include competitive salary and "
        "perks PE accounting and support and remote working mode possibility .\n"
    )
    read = read_posting(text, extractor=extractor)
    assert read.education is not None
    assert read.education.fields == ("computer science",)


def test_a_long_list_of_fields_stays_the_degree_s(extractor: SkillExtractor) -> None:
    """The fields a list joins to its degree stay its own, however long the list."""
    text = (
        "Requirements\n"
        "A bachelor's degree or higher from an accredited college or university in medical "
        "laboratory science, medical technology, clinical laboratory science or in a related "
        "science (e.g. laboratory sciences such as chemistry, biochemistry, biology, "
        "physics, mathematics, statistics, economics)\n"
    )
    read = read_posting(text, extractor=extractor)
    assert read.education is not None
    assert {"chemistry", "mathematics", "statistics"} <= set(read.education.fields)


def test_one_of_two_settings_is_no_skill_asked(extractor: SkillExtractor) -> None:
    """glassdoor-0057: "2-4 years of experience in analytics (...) in research and/or
    corporate environment" required scientific research: a setting offered as one of two
    alternatives names where the years were worked, no skill."""
    text = (
        "Requirements\n"
        "3+ years of experience in analytics (machine learning, statistics) in research "
        "and/or corporate environment.\n"
    )
    read = read_posting(text, extractor=extractor)
    asked = {s.skill_id for r in read.requirements for s in r.skills}
    assert "machine_learning" in asked
    assert "scientific_research" not in asked
    assert "scientific_research" not in {s.skill_id for s in read.years_skills}


def test_research_not_offered_as_a_setting_stays_asked(extractor: SkillExtractor) -> None:
    """Research done in one setting, or one of two skills, is asked."""
    for line in (
        "Experience in research in an academic environment.",
        "Experience in research and/or corporate strategy.",
    ):
        read = read_posting(f"Requirements\n{line}\n", extractor=extractor)
        asked = {s.skill_id for r in read.requirements for s in r.skills}
        assert "scientific_research" in asked, line


def test_a_bare_minimum_shares_the_unit_of_the_preferred_figure(
    extractor: SkillExtractor,
) -> None:
    """glassdoor-0222: "Minimum Level: 2-3; Preferred Level: 3+ years of relevant
    experience" read 3 years required: the minimum's bare range takes the unit of the
    preferred figure after it, and its lower end is the minimum."""
    text = (
        "Job Related Experience:\n"
        "Minimum Level: 2-3; Preferred Level: 4+ years of relevant experience in data "
        "analysis\n"
    )
    read = read_posting(text, extractor=extractor)
    assert read.years_min == 2.0
    assert read.years_preferred is False
    assert read.years_evidence is not None and read.years_evidence.startswith("Minimum Level")


def test_a_bare_minimum_alone_asks_no_years(extractor: SkillExtractor) -> None:
    """A label's bare figure with no unit named after it is no figure of years."""
    text = "Job Related Experience:\nMinimum Level: 2-3\nExperience in data analysis.\n"
    assert read_posting(text, extractor=extractor).years_min is None
