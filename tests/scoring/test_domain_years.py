"""Years asked in a domain ("3+ years of applied ML engineering experience") count only the
jobs whose entry names it; years asked in nothing count every job (audit finding 5)."""

from __future__ import annotations

from datetime import date

import pytest

from jobmatch.extract.component import SkillExtractor
from jobmatch.lexicon.loader import load_lexicon
from jobmatch.models import ScoreReport
from jobmatch.report import render_markdown, render_text
from jobmatch.report_facts import years_lines
from jobmatch.report_html import render_html
from jobmatch.report_parts import category_band
from jobmatch.scoring.posting_reader import read_posting, read_requirements
from jobmatch.scoring.posting_years import and_list, years_phrase
from jobmatch.scoring.resume_reader import facts_and_roles
from tests.helpers import load_schema, match_texts_on, schema_errors

NURSE = """Jane Doe
Registered Nurse

EXPERIENCE
Registered Nurse, City Hospital — Jan 2014 – Dec 2023
- Patient care on a surgical ward; triage and medication administration.
- Trained new nurses on the ward's procedures.

EDUCATION
Bachelor of Science in Nursing, 2013
"""

ML = """John Roe

EXPERIENCE
Machine Learning Engineer, Acme — Jan 2021 – Dec 2023
- Trained TensorFlow models for demand forecasting and deployed them with Docker.

Accountant, Books Ltd — Jan 2015 – Dec 2020
- Prepared monthly financial statements and reconciliations.

SKILLS
Python, SQL, machine learning
"""

ML_POSTING = "Requirements:\n- 3+ years of applied ML engineering experience\n- Python\n"
ANY_POSTING = "Requirements:\n- 5+ years of experience\n- Python\n"


def _match(extractor: SkillExtractor, resume: str, posting: str) -> ScoreReport:
    report: ScoreReport = match_texts_on(extractor, resume, posting)
    return report


@pytest.mark.parametrize(
    ("clause", "phrase"),
    [
        (
            "Requirements: 3+ years of applied ML engineering experience",
            "3+ years of applied ML engineering experience",
        ),
        # the degree's field before the figure and the next sentence are not the domain
        (
            "MS in Biology with 2+ years of experience in assay development. Strong skills",
            "2+ years of experience in assay development",
        ),
        # a second figure starts a phrase of its own
        (
            "6 - 10 years of IT industry experience, with 5+ years on the ServiceNow platform",
            "6 - 10 years of IT industry experience",
        ),
        # a degree alternative ends it; an "or" between skills does not
        (
            "8 years of experience in data science or analytics OR Masters Degree and 6 years",
            "8 years of experience in data science or analytics",
        ),
        ("5+ years of software development, including Python", "5+ years of software development"),
        # a degree after the figure is another ask; "experience," ends the item
        (
            "3+ years of Python experience and a Bachelor's degree in Statistics",
            "3+ years of Python experience",
        ),
        (
            "2 - 3 years of relevant experience, advanced Excel, analytics a plus",
            "2 - 3 years of relevant experience",
        ),
        # a field opened beyond what it names: no domain a skill can show
        ("2 years as a Scientist in Chemistry or any science-based field", ""),
        ("4 years of experience in cell biology, or related field", ""),
        ("3+ years of experience in a similar role", ""),
        ("Python and SQL", None),
        # a share of the years in a narrower field: the years are asked in the first
        ("5+ years in ML, 3+ of which in NLP", "5+ years in ML"),
        (
            "7 years of software engineering, at least 2 of them in Rust",
            "7 years of software engineering",
        ),
    ],
)
def test_years_phrase(clause: str, phrase: str | None) -> None:
    assert years_phrase(clause) == phrase


@pytest.mark.parametrize(
    ("posting", "skills"),
    [
        (ML_POSTING, ["applied_machine_learning"]),
        ("Requirements:\n- 4+ years of professional Python experience\n", ["python"]),
        (
            "Requirements:\n- 3+ years of experience with Machine Learning, Predictive Modeling\n",
            ["machine_learning", "predictive_modeling"],
        ),
        # no skill after the figure: years of any job
        (ANY_POSTING, []),
        ("Requirements:\n- MS in Computer Science with 2+ years of experience\n", []),
        # soft skills and languages name no field of work
        ("Requirements:\n- 3+ years of experience communicating in English\n", []),
        # a series of -ing verbs says what the job does (glassdoor-0423): no monitoring
        (
            "Requirements:\n- Minimum 7 years of experience in a position monitoring, managing,"
            " manipulating, and drawing insights from data\n",
            [],
        ),
        # ... but a series of skills is a field of work
        (
            "Requirements:\n- 5+ years of experience in monitoring, alerting, and logging\n",
            ["monitoring", "logging"],
        ),
    ],
)
def test_posting_keeps_the_domain_of_its_years(
    extractor: SkillExtractor, posting: str, skills: list[str]
) -> None:
    read = read_requirements(posting, extractor.extract(posting), lexicon=load_lexicon())
    assert read.years_min is not None
    assert [s.skill_id for s in read.years_skills] == skills


def test_a_nurses_years_do_not_meet_years_of_applied_ml(extractor: SkillExtractor) -> None:
    report = _match(extractor, NURSE, ML_POSTING)
    (years,) = report.years
    assert years.label == "3+ years of experience in applied machine learning"
    assert years.domain == ("applied machine learning",)
    assert (years.years, years.credit) == (0.0, 0.0)
    assert [(r.title, r.years, r.counted) for r in years.roles] == [
        ("Registered Nurse", 10.0, False)
    ]
    assert report.career.years == 10.0  # the career line still gives every job's years
    (cat,) = [c for c in report.categories if c.id == "experience"]
    assert cat.coverage == 0.0 and cat.missing == ("years",)


def test_only_the_jobs_naming_the_domain_count(extractor: SkillExtractor) -> None:
    report = _match(extractor, ML, ML_POSTING)
    (years,) = report.years
    # the ML job (TensorFlow implies machine learning, which "applied machine learning"
    # names) counts; the accountant's six years do not
    assert [(r.title, r.counted, r.skill) for r in years.roles] == [
        ("Machine Learning Engineer", True, "machine learning"),
        ("Accountant", False, None),
    ]
    assert (years.years, years.credit) == (3.0, 1.0)
    text = render_text(report)
    assert (
        "  3+ years of experience in applied machine learning: 3.0 of 3 years count (met); "
        "only jobs whose entry names applied machine learning count\n"
    ) in text
    assert (
        "    not counted: Accountant (2015-01 to 2020-12, 6.0 years), its entry does not"
        " name applied machine learning\n" in text
    )
    assert "## Years asked" in render_markdown(report)
    assert schema_errors(report.to_dict(), load_schema()) == []


def test_years_partly_met_read_so(extractor: SkillExtractor) -> None:
    report = _match(extractor, ML, ML_POSTING.replace("3+", "6+"))
    (years,) = report.years
    assert (years.years, years.credit) == (3.0, 0.5)
    (item,) = [m for m in report.missing if m.requirement == "years"]
    text = render_text(report)
    assert (
        f"+{item.gain:.1f} 6+ years of experience in applied machine learning "
        "(Experience; required; 3.0 of 6 years count)" in text
    )
    assert ": 3.0 of 6 years count (partly met);" in text


def test_years_asked_in_no_domain_count_every_job(extractor: SkillExtractor) -> None:
    report = _match(extractor, ML, ANY_POSTING)
    (years,) = report.years
    assert years.domain == () and years.label == "5+ years of experience"
    assert (years.years, years.credit) == (9.0, 1.0)
    assert all(r.counted and r.skill is None for r in years.roles)
    text = render_text(report)
    assert "the years of every dated job count (the years name no skill jobmatch can check)" in (
        text
    )
    # glassdoor-0530 and glassdoor-0419 name a field ("technical/engineering experience in
    # Systems / Integration & Verification"): the report said none was named
    assert "no field named" not in text


def test_role_entries_are_offsets_of_the_text_read() -> None:
    # a range over three lines is repaired before the roles are read: the offsets are
    # mapped back to the text given
    text = (
        "EXPERIENCE\nData Engineer, Initech\n2016\nto\n2019\n- Built Spark pipelines.\n"
        "Nurse, Hospital\n2012 - 2015\n- Cared for patients.\n"
    )
    facts, roles = facts_and_roles(text, as_of=date(2024, 1, 1))
    assert [r.role for r in roles] == list(facts.roles)
    spans = [text[a:b].strip() for a, b in (r.span for r in roles)]
    assert spans == [
        "Data Engineer, Initech\n2016\nto\n2019\n- Built Spark pipelines.",
        "Nurse, Hospital\n2012 - 2015\n- Cared for patients.",
    ]


# a two-column template's layout: the title, its dates, then (after a blank line) the
# employer with the place and the bullets (the shared template_two_column.pdf)
TWO_COLUMN = """EXPERIENCE
Senior Software Engineer

Jan 2023 - Present

Stripe • San Francisco, CA
•  Designed and trained fraud detection models in Python and Go
Software Engineer

Jun 2021 - Dec 2022

Figma • San Francisco, CA
•  Built collaborative editing infrastructure using CRDTs and WebSockets
"""


def test_a_line_of_names_below_an_entry_and_its_bullets_are_the_entrys(
    extractor: SkillExtractor,
) -> None:
    # the entry ended at its date line: its employer was lost, and the years asked in
    # machine learning did not count the job whose bullets name it
    facts, roles = facts_and_roles(TWO_COLUMN, as_of=date(2026, 1, 1))
    assert [(r.title, r.employer) for r in facts.roles] == [
        ("Senior Software Engineer", "Stripe"),
        ("Software Engineer", "Figma"),
    ]
    spans = [TWO_COLUMN[a:b].strip() for a, b in (r.span for r in roles)]
    assert spans[0].endswith("fraud detection models in Python and Go")
    assert spans[1].endswith("using CRDTs and WebSockets")
    (years,) = _match(extractor, TWO_COLUMN, ML_POSTING).years
    assert [(r.title, r.counted) for r in years.roles] == [
        ("Senior Software Engineer", True),
        ("Software Engineer", False),
    ]


def test_a_line_of_names_below_an_anonymised_entry_names_no_employer() -> None:
    # LiveCareer's "Company Name" names the employer: a licence line below is no employer
    text = (
        "EXPERIENCE\nCompany Name October 2003 to December 2003 Student Teacher\n"
        "City , State\n\nOhio Teaching Licensure, Visual Arts, PK-12\n\n"
        "Designed and implemented daily lesson plans.\n"
    )
    facts, roles = facts_and_roles(text, as_of=date(2026, 1, 1))
    assert [(r.title, r.employer) for r in facts.roles] == [("Student Teacher", None)]
    a, b = roles[0].span
    assert text[a:b].strip().endswith("daily lesson plans.")


def test_a_title_naming_the_one_who_does_it_counts(extractor: SkillExtractor) -> None:
    # "Product Manager" does product management, though no bullet names it
    resume = (
        "EXPERIENCE\nProduct Manager, Acme — Jan 2018 – Dec 2023\n- Ran the roadmap.\n"
        "Software Engineer, Initech — Jan 2012 – Dec 2017\n- Wrote the billing service.\n"
    )
    posting = "Requirements:\n- 4+ years of product management experience\n"
    (years,) = _match(extractor, resume, posting).years
    assert [(r.title, r.counted, r.skill, r.snippet) for r in years.roles] == [
        ("Product Manager", True, "product management", "title: Product Manager"),
        ("Software Engineer", False, None, None),
    ]
    assert (years.years, years.credit) == (6.0, 1.0)


def test_a_skill_implying_the_domain_counts_and_says_so(extractor: SkillExtractor) -> None:
    resume = (
        "EXPERIENCE\nSoftware Engineer, Acme — Jan 2020 – Dec 2023\n"
        "- Trained TensorFlow models for demand forecasting.\n"
    )
    (years,) = _match(extractor, resume, ML_POSTING).years
    (role,) = years.roles
    assert (role.counted, role.skill) == (True, "TensorFlow, which implies machine learning")
    assert (
        role.snippet
        == "…Acme — Jan 2020 – Dec 2023 - Trained TensorFlow models for demand forecasting."
    )


#: the same posting, the years required or only preferred ("3 years ... preferred")
_REQUIRED_YEARS = "Requirements:\n- 5+ years of experience with Python\n- Python\n- SQL\n"
_PREFERRED_YEARS = (
    "Requirements:\n- Python\n- SQL\n\nPreferred Qualifications:\n"
    "- 5+ years of experience with Python\n"
)


def test_years_a_posting_only_prefers_weigh_as_a_preferred_skill(
    extractor: SkillExtractor,
) -> None:
    # 3 of 5 years of Python: short of years the posting prefers, a resume loses what a
    # preferred requirement weighs (1), not what a required one does (2)
    resume = "EXPERIENCE\nData Engineer, Acme — Jan 2021 – Dec 2023\n- Python and SQL pipelines.\n"
    required = _match(extractor, resume, _REQUIRED_YEARS)
    preferred = _match(extractor, resume, _PREFERRED_YEARS)
    (req,) = required.years
    (pref,) = preferred.years
    assert (req.years, req.credit, req.required) == (3.0, 0.6, True)
    assert (pref.years, pref.credit, pref.required) == (3.0, 0.6, False)
    # the same skills met in both; coverage = (2 + 2 + w * 0.6) / (2 + 2 + w + prior 8)
    assert required.coverage == round((4 + 2 * 0.6) / 14, 4)
    assert preferred.coverage == round((4 + 1 * 0.6) / 13, 4)
    assert required.score < preferred.score
    p = preferred.parts
    assert (p.required_met, p.required_total, p.preferred_partial, p.preferred_total) == (
        2,
        2,
        1,
        1,
    )
    (item,) = [m for m in preferred.missing if m.requirement == "years"]
    assert item.required is False
    # a preferred requirement partly met is no required miss: the bar is not red or yellow
    bands = [
        category_band(r, c) for r in (required, preferred) for c in r.categories
        if c.id == "experience"
    ]  # fmt: skip
    assert bands == ["partial", "optional"]
    text = render_text(preferred)
    assert (
        "  5+ years of experience in Python (preferred): 3.0 of 5 years count (partly met); "
        "only jobs whose entry names Python count\n"
    ) in text
    assert "(Experience; preferred; 3.0 of 5 years count)" in text
    assert "(preferred): 3.0 of 5 years count" not in render_text(required)
    assert "- 5+ years of experience in Python (preferred): 3.0 of 5" in render_markdown(preferred)
    assert "5+ years of experience in Python (preferred): 3.0 of 5" in render_html(preferred)
    (entry,) = preferred.to_dict()["years"]
    assert entry["required"] is False
    assert schema_errors(preferred.to_dict(), load_schema()) == []


@pytest.mark.parametrize(
    ("phrase", "words", "joined"),
    [
        ("2+ years of experience with C# and Python", ["C#", "Python"], True),
        ("3 years with Terraform, GCP, and Kubernetes", ["Terraform", "GCP", "Kubernetes"], True),
        # a text that lost its commas (SkillSpan)
        ("3 years with Terraform GCP and Kubernetes", ["Terraform", "GCP", "Kubernetes"], True),
        ("2+ years of experience with SAS and/or SQL", ["SAS", "SQL"], False),
        # a name not found as a word of the phrase: no list is read
        ("5+ years of Python and SQL", ["Python", "SQL", "Go"], False),
        # a name inside another ("Spring" in "Spring Boot") is that one's
        (
            "8 years on Java Spring Spring Boot and Node",
            ["Java", "Spring", "Spring Boot", "Node"],
            True,
        ),
        ("5 years building software in Python, Java, or Scala", ["Python", "Java", "Scala"], False),
        ("5 years with PyTorch/TensorFlow", ["PyTorch", "TensorFlow"], False),
        ("5+ years with Scala, Python, SQL, etc.", ["Scala", "Python", "SQL"], False),
        # the first skill stands outside the list: the years are in Java development
        (
            "5 years in Java development, with strong proficiency in Java, Spring, and Hibernate",
            ["Java", "Spring", "Hibernate"],
            False,
        ),
        ("4+ years of product management experience in a SaaS company", ["product", "SaaS"], False),
    ],
)
def test_and_list(phrase: str, words: list[str], joined: bool) -> None:
    assert and_list(phrase, words) is joined


@pytest.mark.parametrize(
    ("line", "skills", "each", "label"),
    [
        ("5+ years of experience with Python and SQL", ["python", "sql"], True, "Python and SQL"),
        ("2+ years of experience with SAS and/or SQL", ["sas", "sql"], False, "SAS or SQL"),
        ("5 years of Python, Java, or Scala", ["python", "java", "scala"], False, None),
        # fields of work joined by "and" are one domain: any job in one of them counts
        (
            "2+ years of hands-on experience in predictive modeling and data analysis",
            ["predictive_modeling", "data_analysis"],
            False,
            "predictive modeling or data analysis",
        ),
    ],
)
def test_years_naming_each_of_several_skills_are_read_so(
    extractor: SkillExtractor, line: str, skills: list[str], each: bool, label: str | None
) -> None:
    read = read_posting(f"Requirements:\n- {line}\n", extractor=extractor)
    assert [s.skill_id for s in read.years_skills] == skills
    assert read.years_each is each
    assert read.to_dict()["years_each"] is each
    if label is not None:
        (years,) = _match(extractor, "EXPERIENCE\nClerk, Acme — 2019 – 2020\n", line).years
        assert years.label.endswith(f" in {label}")


#: two years naming Python and SQL, six naming only SQL, two naming neither
_SQL_THEN_PYTHON = """EXPERIENCE
Data Engineer, Initech — Jan 2022 – Dec 2023
- Python and SQL pipelines for billing.

Data Analyst, Acme — Jan 2016 – Dec 2021
- Wrote SQL reports for finance.

Sales Assistant, Shop — Jan 2014 – Dec 2015
- Served customers.
"""


def test_years_of_python_and_sql_need_the_years_of_each(extractor: SkillExtractor) -> None:
    report = _match(extractor, _SQL_THEN_PYTHON, "Requirements:\n- 5+ years of Python and SQL\n")
    (years,) = report.years
    assert years.label == "5+ years of experience in Python and SQL"
    # eight years of SQL, two of Python: the fewest decide (any of them counted 8.0)
    assert [(s.skill, s.years) for s in years.each] == [("Python", 2.0), ("SQL", 8.0)]
    assert (years.years, years.credit) == (2.0, 0.4)
    # the jobs of the skill with the fewest years
    assert [(r.title, r.counted) for r in years.roles] == [
        ("Data Engineer", True),
        ("Data Analyst", False),
        ("Sales Assistant", False),
    ]
    head, rows = years_lines(years)
    assert head == (
        "5+ years of experience in Python and SQL: 2.0 of 5 years count (partly met); each "
        "skill's years count apart, the fewest decide (Python 2.0, SQL 8.0)"
    )
    assert rows == [
        "counted for Python and SQL: Data Engineer (2022-01 to 2023-12, 2.0 years), names "
        "Python: …Initech — Jan 2022 – Dec 2023 - Python and SQL pipelines for billing. Data…; "
        "SQL: …— Jan 2022 – Dec 2023 - Python and SQL pipelines for billing. Data Analyst,…",
        "counted for SQL: Data Analyst (2016-01 to 2021-12, 6.0 years), names SQL: …Acme — Jan "
        "2016 – Dec 2021 - Wrote SQL reports for finance. Sales Assistant,…",
        "not counted: Sales Assistant (2014-01 to 2015-12, 2.0 years), its entry names none of "
        "Python and SQL",
    ]
    assert "(Experience; required; 2.0 of 5 years count)" in render_text(report)
    (entry,) = report.to_dict()["years"]
    assert [(e["skill"], e["years"]) for e in entry["each"]] == [("Python", 2.0), ("SQL", 8.0)]
    assert schema_errors(report.to_dict(), load_schema()) == []
    # one of the alternatives is enough: the eight years count
    (alt,) = _match(
        extractor, _SQL_THEN_PYTHON, "Requirements:\n- 5+ years of Python or SQL\n"
    ).years
    assert (alt.years, alt.credit, alt.each) == (8.0, 1.0, ())


@pytest.mark.parametrize(
    ("posting", "years", "skills"),
    [
        # "3+ of which in NLP" is a share of the years asked in ML, not the years' field
        ("Requirements\n- 5+ years in ML, 3+ of which in NLP\n", 5.0, ("machine_learning",)),
        # a wider field naming no skill: the share's field is the one that can be checked
        (
            "Requirements\n- 3-5 years experience working in data technology, several of those"
            " in Machine Learning.\n",
            3.0,
            ("machine_learning",),
        ),
    ],
)
def test_a_share_of_the_years_is_no_field_of_them(
    extractor: SkillExtractor, posting: str, years: float, skills: tuple[str, ...]
) -> None:
    read = read_posting(posting, extractor=extractor)
    assert read.years_min == years
    assert tuple(s.skill_id for s in read.years_skills) == skills


def test_a_field_asked_is_met_by_any_degree_held(extractor: SkillExtractor) -> None:
    # the field was read from the highest degree alone: an engineer with a bachelor's in
    # electrical engineering and a master's in control systems (ENGINEERING_28505854), or
    # a computer scientist with an MBA, missed "computer science or electrical engineering"
    resume = (
        "EXPERIENCE\nSoftware Engineer, Initech — Jan 2016 – Dec 2023\n- Wrote Python services.\n"
        "EDUCATION\nMaster of Business Administration, Wharton, 2015\n"
        "Bachelor of Science in Computer Science, University of Leeds, 2012\n"
    )
    posting = (
        "Requirements:\n- Bachelor's degree in Computer Science or Electrical Engineering\n"
        "- Python\n"
    )
    report = _match(extractor, resume, posting)
    assert report.education.field == "business administration"
    assert report.education.fields_held == ("business administration", "computer science")
    (edu,) = [c for c in report.categories if c.id == "education"]
    assert edu.missing == () and edu.coverage == 1.0
    assert schema_errors(report.to_dict(), load_schema()) == []


LITERAL = """John Roe

EXPERIENCE
Data Engineer, Acme — Jan 2021 – Dec 2023
- Built pipelines with TensorFlow for a forecasting team.
- Improved fraud detection using machine learning algorithms.
"""


def test_the_entry_s_own_words_are_the_evidence_of_its_years(extractor: SkillExtractor) -> None:
    # TensorFlow, which implies machine learning, comes first in the entry; the entry also
    # says "machine learning": that is the evidence cited
    report = _match(extractor, LITERAL, ML_POSTING)
    (years,) = report.years
    (role,) = years.roles
    assert role.counted and role.skill == "machine learning"
    assert "using machine learning algorithms" in (role.snippet or "")
    assert "which implies" not in render_text(report)
