"""The degree and the years a posting asks: the shapes an audit of real postings found
misread (the word "master", academic postings, "N or more years", contract lengths...)."""

from __future__ import annotations

import pytest

from jobmatch import read_posting
from jobmatch.extract.component import SkillExtractor
from jobmatch.scoring.posting_rules import degree_levels, years_asked


@pytest.mark.parametrize(
    ("clause", "levels"),
    [
        # "master" as a verb, a title or an adjective is no degree
        ("You have excellent communication skills and master the English language.", []),
        ("Dimension Project Management / Scrum Master", []),
        ("Working alongside Scrum Masters and Product Owners", []),
        ("An SEI Consultant is a master communicator and active listener.", []),
        ("Understand concepts of master data management", []),
        ("A drive to learn and master new technologies.", []),
        ("Maintain the Master Person Index", []),
        ("BS and/or MS in Computer Science, or related field.", ["master", "bachelor"]),
        # ... the degree stays, however it is written
        ("A master's degree in Physics", ["master"]),
        ("M.Sc. in Statistics", ["master"]),
        ("MSc or equivalent", ["master"]),
        ("MA in Economics", ["master"]),
        ("Master of Science in Chemistry", ["master"]),
        ("Master's preferred", ["master"]),
        ("Master in Computer Science", ["master"]),
        ("Master is preferred", ["master"]),
        ("Bachelor or Master in Engineering", ["master", "bachelor"]),
        ("Master and/or doctorate degree in economics", ["phd", "master"]),
        ("a master\u00b4s degree in biochemistry", ["master"]),
        ("a finance degree at master\x92s level", ["master"]),
        ("Boston, MA, USA", []),
        # the level of the position, students, courses or documents is no degree asked
        ("A PhD scholarship in simulations of ion transport is available.", []),
        ("The PhD student will be selected through a competitive process.", []),
        ("invites applications for a PhD research project on climate", []),
        ("There are two PhD students in the department.", []),
        ("Limited teaching primarily in terms of MSc.", []),
        ("The file must include: CV, Diploma (MSc/PhD), List of publications", []),
        ("Please attach a copy of your master's diploma.", []),
        ("A PhD degree or equivalent.", ["phd"]),
        ("The candidate must hold a PhD in law.", ["phd"]),
        ("For this PhD student position, you hold a master's degree.", ["master"]),
        ("High School Diploma, GED or equivalent certification", ["high_school"]),
    ],
)
def test_degree_levels_named_and_asked(clause: str, levels: list[str]) -> None:
    assert degree_levels(clause) == levels


@pytest.mark.parametrize(
    ("clause", "years"),
    [
        # "N or more years", number words, ranges in words
        ("Five or more years of relevant experience.", 5.0),
        ("4 or more years in Business Intelligence", 4.0),
        ("Minimum 3 or more years of experience as a software developer", 3.0),
        ("Seven to ten years health data analysis experience", 7.0),
        ("four to six years of relevant experience", 4.0),
        ("Three (3) to five (5) years' experience", 3.0),
        ("Fifteen (15) years of experience in AI", 15.0),
        ("At least 2-3 year\x92s practical experience in C#", 2.0),
        ("Minimum one-year data collection or data entry experience required.", 1.0),
        # contract lengths, grants, a company's facts, ceilings: no experience asked
        ("The company has grown 5,000% in 4 years and 300% in the past year.", None),
        ("ONLY GC/EAD (more than 1-year validity)", None),
        ("A 3-year PhD scholarship in Pharmaceutical Technology is available.", None),
        ("a 1-year appointment (beginning June 2020)", None),
        ("The period of employment is 3 years.", None),
        ("Tenure: Three years", None),
        ("Employment for a fixed term of three years", None),
        ("Postdoc position from 2018 for first two years extendable", None),
        ("junior scientists are provided with three years of full support", None),
        ("a 4-year undergraduate degree or demonstrated relevant experience", None),
        ("a dynamic company with more than 50 years of experience", None),
        ("The company is celebrating 25 years in the IT industry", None),
        ("the candidate must have less than 4 years research experience", None),
        ("Applicants must be at least 25 years of age", None),
        ("within a 3-5 year timeframe", None),
        # several figures: the first asked, or the lowest of alternatives
        (
            "At least 7 years of experience with incident response or threat hunting "
            "At least 4 years of experience with a scripting language "
            "At least 2 years of experience leading small teams",
            7.0,
        ),
        ("+4 years of professional experience * +1 years of experience leading a team", 4.0),
        ("6 - 10 years of IT experience, with 5+ years on the ServiceNow platform", 6.0),
        ("Minimum 3 years, 5+ years preferred, experience in analytics", 3.0),
        ("Bachelor of Science and 5 years' experience OR Master of Science and 3 years'", 3.0),
        ("BS with 2+ years, or MS with 0-3 years", 0.0),
        ("Minimum 5 years (with M.S. degree) or 3 years (with PhD) of experience", 3.0),
        ("At least 5 years of experience in analysis. 3 years with a Master's degree.", 3.0),
        ("4 years relevant experience OR 6 years relevant experience", 4.0),
    ],
)
def test_years_asked(clause: str, years: float | None) -> None:
    assert years_asked(clause) == years


def test_a_scrum_master_posting_asks_no_degree(extractor: SkillExtractor) -> None:
    text = (
        "Requirements:\n- 3+ years as Scrum Master of an agile team\n"
        "- You master the English language\n"
    )
    read = read_posting(text, extractor=extractor)
    assert read.education is None
    assert read.years_min == 3.0


def test_a_postdoc_asks_the_phd_not_the_diplomas_to_attach(extractor: SkillExtractor) -> None:
    text = (
        "Qualifications\nA PhD degree in computer science or equivalent.\n\n"
        "Application\nThe file must include: CV, Diploma (MSc/PhD), list of publications.\n"
        "The position is offered for a period of 2 years.\n"
    )
    read = read_posting(text, extractor=extractor)
    assert read.education is not None
    assert (read.education.min_level, read.education.preferred_level) == ("phd", None)
    assert read.years_min is None


def test_a_phd_student_position_asks_the_master(extractor: SkillExtractor) -> None:
    text = (
        "A 3-year PhD scholarship in machine learning is available.\n\n"
        "Qualifications\nCandidates must have a master's degree in computer science.\n"
    )
    read = read_posting(text, extractor=extractor)
    assert read.education is not None
    assert read.education.min_level == "master"
    assert read.years_min is None


def test_the_company_s_growth_does_not_hide_the_years_asked(extractor: SkillExtractor) -> None:
    text = (
        "About us\nThe company has grown 5,000% in 4 years.\n\n"
        "Requirements\n- 5-10 years of experience in full stack development\n"
    )
    read = read_posting(text, extractor=extractor)
    assert read.years_min == 5.0
    assert read.years_evidence == "5-10 years of experience in full stack development"


def test_the_company_s_own_years_are_not_asked() -> None:
    assert years_asked("We build our service around our 40 years of experience .") is None
    assert years_asked("Its 25 years of experience in drilling") is None
    assert years_asked("You have 4 years of experience in drilling") == 4.0


@pytest.mark.parametrize(
    ("preferred", "level"),
    [
        # either level meets a preference written with "or": the lower is preferred
        ("Master's degree or PhD in Computer Science.", "master"),
        ("PhD or MS degree in statistics or a related field.", "master"),
        # two preferred clauses: the higher one's
        ("Master's degree in Computer Science.\nA PhD is a plus.", "phd"),
    ],
)
def test_a_preferred_clause_prefers_its_lowest_level(preferred: str, level: str) -> None:
    posting = read_posting(
        "Minimum qualifications:\nBachelor's degree in Computer Science.\n"
        f"2 years of experience with Python.\n\nPreferred qualifications:\n{preferred}\n"
    )
    assert posting.education is not None
    assert (posting.education.min_level, posting.education.preferred_level) == (
        "bachelor",
        level,
    )


@pytest.mark.parametrize(
    ("clause", "levels"),
    [
        # a degree offered instead of the years asks no degree
        ("At least 3 years of industry experience (or a PhD).", None),
        ("7+ years of experience, or 5+ with a Master's, or 3+ with a PhD.", None),
        # a degree asked with the years, or before them, is asked
        ("3+ years of experience and a Bachelor's or Master's degree.", ("bachelor", None)),
        ("PhD, or a Master's with 3+ years of experience.", ("master", None)),
        ("3 years of experience with a Bachelor's degree or 1 year with a Master's.",
         ("bachelor", None)),
    ],
)  # fmt: skip
def test_a_degree_instead_of_the_years_is_not_asked(
    clause: str, levels: tuple[str | None, str | None] | None
) -> None:
    edu = read_posting(f"Requirements\n- Python\n- {clause}\n").education
    assert (None if edu is None else (edu.min_level, edu.preferred_level)) == levels
