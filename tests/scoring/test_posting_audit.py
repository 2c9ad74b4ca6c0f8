"""What a posting asks, in shapes an audit of the shared postings found misread: the fields
of a degree read as skills, the company speaking of itself by its name, a task's tool asked
again beside the alternatives the requirements accept."""

from __future__ import annotations

import pytest

from jobmatch import read_posting
from jobmatch.extract.component import SkillExtractor
from jobmatch.scoring.posting_company import company_names
from jobmatch.scoring.posting_rules import degree_levels, states_preference, years_phrase
from tests.helpers import skills_asked


@pytest.mark.parametrize(
    ("line", "fields", "asked"),
    [
        (
            "Ph.D. in cell biology, immunology, biochemistry, or a related discipline",
            ["cell_biology", "immunology", "biochemistry"],
            [],
        ),
        (
            "Minimum of a Masters Degree in Epidemiology, Biostatistics or Health Economics",
            ["epidemiology", "biostatistics", "health_economics"],
            [],
        ),
        (
            "BS/MS in Biochemistry/Pharmacology with 7 years industry experience",
            ["pharmacology"],
            [],
        ),
        # the list ends where the clause turns to something else than the degree
        (
            "Bachelor's degree in Biochemistry with experience in immunology",
            ["biochemistry"],
            ["immunology"],
        ),
        ("MS or BS in Computer Science Good written and spoken English", [], ["english"]),
        ("Master's degree in Economics and proficiency in SQL", [], ["sql"]),
        # the examples of "a quantitative field such as ..." (glassdoor-0241)
        (
            "BS in a quantitative field such as math, physics, economics, or computer science",
            ["mathematics"],
            [],
        ),
    ],
)
def test_the_fields_of_a_degree_are_no_skills(
    extractor: SkillExtractor, line: str, fields: list[str], asked: list[str]
) -> None:
    got = skills_asked(f"Data Scientist\n\nRequirements\n- {line}\n", extractor)
    assert not set(fields) & set(got)
    assert {s: True for s in asked}.items() <= got.items()


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("At Hygiena, our emphasis on teamwork ...\nApply Now", ("Hygiena",)),
        ("Since 2001, Blueprint Medicines has been on a mission.", ("Blueprint Medicines",)),
        ("Why join Porch?\nJoin Porch as a data scientist.", ("Porch",)),
        ("Acme is an equal opportunity employer.", ("Acme",)),
        ("About Us\nJoin Us. At Our Core, we value people.", ()),
    ],
)
def test_the_names_a_posting_calls_its_company_by(text: str, names: tuple[str, ...]) -> None:
    assert company_names(text) == names


COMPANY = """Data Engineer

Since 2001, Hygiena has been on a mission to lead rapid diagnostic testing.

Qualifications:
- Experience with SQL and Python

Be a part of something big.
Hygiena uses machine learning and statistics to prevent outbreaks.
"""


def test_a_company_speaking_of_itself_by_its_name_asks_nothing(
    extractor: SkillExtractor,
) -> None:
    # in the third person as in the first ("We help prevent ..."): its domain is not asked
    read = read_posting(COMPANY, extractor=extractor)
    assert [s.skill_id for r in read.requirements for s in r.skills] == ["sql", "python"]
    assert {s.skill_id for s in read.ignored} == {"machine_learning", "statistics"}
    # ... but the same clause of another subject still asks
    read = read_posting(COMPANY.replace("Hygiena uses", "Experience using"), extractor=extractor)
    asked = [s.skill_id for r in read.requirements for s in r.skills]
    assert asked == ["sql", "python", "machine_learning", "statistics"]


TOOLS = """Product Manager

Responsibilities
- Define the product backlog using Mixpanel funnel data and NPS surveys.
- Build dashboards in Tableau.

Requirements
- Proficiency with analytics tools (Amplitude, Mixpanel, or Looker)
- Experience with Tableau
- Python or R
"""


def test_a_task_s_tool_asked_among_alternatives_is_asked_once(
    extractor: SkillExtractor,
) -> None:
    read = read_posting(TOOLS, extractor=extractor)
    asked = [([s.skill_id for s in r.skills], r.required) for r in read.requirements]
    # Mixpanel, named by a task, is one of the tools the requirements accept; Tableau, asked
    # alone by the requirements too, stays
    assert asked == [
        (["tableau"], True),
        (["amplitude_analytics", "mixpanel", "looker"], True),
        (["python", "r"], True),
    ]


@pytest.mark.parametrize(
    ("clause", "phrase"),
    [
        (
            "YOUR FITNESS LEVEL You have 5+ years of experience with Embedded Systems You"
            " possess expertise in modern C++ software development",
            "5+ years of experience with Embedded Systems",
        ),
        (
            "5+ years of software development experience A solid foundation in computer"
            " science Excellent coding skills in React Knowledge of REST JSON HTTP",
            "5+ years of software development experience",
        ),
        # after a name in capitals: "Experience with" opens the next item (SkillSpan
        # train-tech-059: the years were asked in PowerShell, Git and monitoring too)
        (
            "Minimum 3 or more years of experience as a software developer specifically"
            " working with the Dynamics NAV/BC Experience with PowerShell git"
            " monitoring/alerting/reporting tools",
            "3 or more years of experience as a software developer specifically working"
            " with the Dynamics NAV/BC",
        ),
        # a skill's name with such a word is no next item
        (
            "5+ years of experience in Deep Learning and Good Manufacturing Practice",
            "5+ years of experience in Deep Learning and Good Manufacturing Practice",
        ),
        ("3 years in Customer Experience management", "3 years in Customer Experience management"),
    ],
)
def test_the_years_domain_ends_at_the_next_item_of_a_run_on_list(clause: str, phrase: str) -> None:
    assert years_phrase(clause) == phrase


def test_a_run_on_list_s_next_items_are_no_domain_of_the_years(
    extractor: SkillExtractor,
) -> None:
    text = (
        "Embedded Engineer\n\nRequirements\nYou have 5+ years of experience with Embedded Systems"
        " You possess expertise in modern C++ software development You know Linux and Yocto\n"
    )
    read = read_posting(text, extractor=extractor)
    assert (read.years_min, [s.skill_id for s in read.years_skills]) == (5.0, ["embedded_systems"])


@pytest.mark.parametrize(
    ("clause", "levels"),
    [
        # no degree: a master of a craft, mass spectrometry, a contact person's title
        ("Master of Python, R, and SQL languages", []),
        ("analyze biological samples using quantitative LC-MS/MS assays", []),
        ("Experience with GC-MS and MS/MS spectra", []),
        ("For more information please contact <NAME> <NAME> M.Sc IT Manager", []),
        # ... the degrees stay
        ("Master of Science in Chemistry", ["master"]),
        ("Master of Public Health or Master of Business Administration", ["master"]),
        ("-MS/PhD degree in Statistics", ["phd", "master"]),
        ("BS/MS in Computer Science", ["master", "bachelor"]),
    ],
)
def test_words_like_a_degree_that_ask_none(clause: str, levels: list[str]) -> None:
    assert degree_levels(clause) == levels


@pytest.mark.parametrize(
    ("clause", "prefers"),
    [
        ("Experience in statistical genetics and statistical modelling is a large advantage", True),
        ("Knowledge in cell signaling would be considered a distinct advantage", True),
        ("Python is a great plus", True),
        ("SQL would be an added bonus", True),
        # an advantage the job offers is no preference
        ("You will have the advantage of gaining high-quality professional leverage", False),
    ],
)
def test_a_preference_with_an_adjective(clause: str, prefers: bool) -> None:
    assert states_preference(clause) is prefers


PRIVACY = """Data Scientist

Requirements
- Experience with SQL

Our Applicant Privacy Notice describes how Acme treats the personal information it receives \
from applicants.
"""


def test_a_privacy_notice_asks_nothing(extractor: SkillExtractor) -> None:
    read = read_posting(PRIVACY, extractor=extractor)
    assert [s.skill_id for r in read.requirements for s in r.skills] == ["sql"]
    assert [s.skill_id for s in read.ignored] == ["data_privacy"]


def test_a_company_s_stack_holds_no_generic_word(extractor: SkillExtractor) -> None:
    text = (
        "Data Scientist\n\nAt Clarity Insights, we only provide Data & Analytics expertise.\n\n"
        "Requirements\n- Experience with SQL\n"
    )
    read = read_posting(text, extractor=extractor)
    assert [s.skill_id for r in read.requirements for s in r.skills] == ["sql"]


def test_items_labelled_under_preferred_are_preferred(extractor: SkillExtractor) -> None:
    # glassdoor-0362: a labelled line and an "Experience with ...: A, B" line opened Skills
    # and Experience sections, so all of its preferred skills read as required
    text = (
        "Data Engineer\n\nRequired:\n"
        "Experience with two of the following languages: Java, Scala, or Python\n"
        "Working knowledge of SQL\n"
        "Preferred:\nAdditional Languages: Chef, R, Javascript\n"
        "Experience with data formats including Parquet, ORC or AVRO\n"
        "Experience with a Rapid UI tools: EX: Tableau\n"
    )
    got = skills_asked(text, extractor)
    assert got["sql"] and got["python"]
    for skill in ("chef", "r", "javascript", "parquet", "tableau"):
        assert got[skill] is False, skill


@pytest.mark.parametrize(
    ("line", "asked"),
    [
        # the people a posting's leadership names (glassdoor postings of the shared data)
        ("Present findings to agency leadership.", False),
        ("Build materials for TransUnion leadership.", False),
        ("Generate insights for business units and senior leadership.", False),
        ("Educate executives and leadership on model outputs.", False),
        ("Additional duties as directed by leadership.", False),
        # ... not the skill
        ("Strong communication and leadership skills.", True),
        ("Provide leadership and direction to direct reports.", True),
        ("Strong analytical, computer, leadership and problem-solving skills.", True),
        ("Senior leadership experience.", True),
    ],
)
def test_leadership_naming_the_leaders_asks_no_leadership(
    extractor: SkillExtractor, line: str, asked: bool
) -> None:
    got = skills_asked(f"Data Analyst\n\nRequirements\n- {line}\n- Python\n", extractor)
    assert got["python"]
    assert ("leadership" in got) is asked


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        # glassdoor-0241, -0347, -0113: "math" and "Stats" name fields as "CS" does
        (
            "BS in a quantitative field such as math, physics, economics, or computer science",
            ["mathematics", "physics", "economics", "computer science"],
        ),
        ("M.S. in CS, EE, Stats or other quantitative field",
         ["computer science", "electrical engineering", "statistics"]),
        ("Masters Degree in Data Science, Math, or Analytics", ["data science", "mathematics"]),
    ],
)  # fmt: skip
def test_short_names_of_fields(extractor: SkillExtractor, line: str, fields: list[str]) -> None:
    read = read_posting(f"Data Scientist\n\nRequirements\n- {line}\n", extractor=extractor)
    assert read.education is not None
    assert list(read.education.fields) == fields


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        # glassdoor-0206, -0101, -0376: the fields the lexicon names are the degree's fields,
        # in the order the clause names them
        ("PhD in Immunology or related field", ["immunology"]),
        (
            "Master’s degree in Chemistry, Biochemistry or a related life science field",
            ["chemistry", "biochemistry"],
        ),
        (
            "Requires a BS degree in Microbiology, Virology, Immunology, Cell or Molecular"
            " Biology, Genetics, Biochemistry, or Chemistry with 2-5 years of experience",
            ["microbiology", "virology", "immunology", "cell biology", "molecular biology",
             "genetics", "biochemistry", "chemistry"],
        ),
        ("Ph.D. in cell biology, immunology, biochemistry, or a related discipline",
         ["cell biology", "immunology", "biochemistry"]),
        # a field by another name is named as written, a short form by the skill's name
        # (glassdoor-0242, -0493)
        ("Must hold a Bachelors degree in Food Science", ["food science"]),
        ("Advanced degree in MIS, computer science, or related field",
         ["information technology", "computer science"]),
        # a kind of field names none (glassdoor-0216, -0312)
        ("Masters Degree in a quantitative discipline", []),
        ("Masters degree in a quantitative research field", []),
        ("Bachelor's Degree in a STEM discipline (Science, Technology, Engineering, or Math)",
         ["engineering", "mathematics"]),
        # a skill after the list is no field ("with experience in immunology")
        ("Bachelor's degree in Biochemistry with experience in immunology", ["biochemistry"]),
    ],
)  # fmt: skip
def test_the_lexicon_s_fields_of_study_are_the_degree_s_fields(
    extractor: SkillExtractor, line: str, fields: list[str]
) -> None:
    read = read_posting(f"Scientist\n\nRequirements\n- {line}\n", extractor=extractor)
    assert read.education is not None
    assert list(read.education.fields) == fields


@pytest.mark.parametrize(
    ("line", "asked"),
    [
        # glassdoor-0516: the parenthesis after a named tool joined by "and" gives its
        # parts or uses, each asked with it ("Pivot Tables" is Excel again)
        (
            "Advanced proficiency in Excel (Visual Basic and Pivot Tables)",
            [["excel"], ["visual_basic"]],
        ),
        ("Proficient in Microsoft Office (Word, Excel and Access)",
         [["microsoft_office"], ["microsoft_word"], ["excel"], ["microsoft_access"]]),
        ("Docker ( K8s and Terraform )", [["docker"], ["kubernetes"], ["terraform"]]),
        # ... alternatives when the parenthesis says so
        ("Proficiency in Microsoft Office (Word and/or Excel)",
         [["microsoft_office", "microsoft_word", "excel"]]),
        ("Experience with AWS (e.g. EC2 and S3)", [["aws", "amazon_ec2", "amazon_s3"]]),
        # ... or lists examples of a kind with no "and" (glassdoor-0758, -0362)
        ("NoSQL databases (ElasticSearch, Accumulo)",
         [["nosql", "elasticsearch", "apache_accumulo"]]),
        ("Experience with at least one NoSQL datastore (Cassandra, MongoDB, Neo4J)",
         [["nosql", "apache_cassandra", "mongodb", "neo4j"]]),
        ("Microsoft Office (Word, Excel, PowerPoint, Access)",
         [["microsoft_office", "microsoft_word", "excel", "microsoft_powerpoint",
           "microsoft_access"]]),
        # ... and the examples of a kind stay alternatives
        ("Cloud experience (AWS, GCP or Azure)", [["cloud_computing", "aws", "gcp", "azure"]]),
        ("Experience with deep learning frameworks (PyTorch, TensorFlow)",
         [["deep_learning", "pytorch", "tensorflow"]]),
        # a short name in a parenthesis is the skill again, the list goes on after it
        ("Google Cloud Platform (GCP), AWS or Azure", [["gcp", "aws", "azure"]]),
    ],
)  # fmt: skip
def test_a_parenthesis_after_a_named_tool_gives_its_parts(
    extractor: SkillExtractor, line: str, asked: list[list[str]]
) -> None:
    read = read_posting(f"Data Analyst\n\nRequirements\n- {line}\n", extractor=extractor)
    assert [[s.skill_id for s in r.skills] for r in read.requirements] == asked


def test_a_known_field_keeps_its_name(extractor: SkillExtractor) -> None:
    # glassdoor-0304: "Operations Research" is a form of the optimization skill
    line = "MS degree in Statistics, Operations Research, Econometrics or Industrial Engineering"
    read = read_posting(f"Data Scientist\n\nRequirements\n- {line}\n", extractor=extractor)
    assert read.education is not None
    assert list(read.education.fields) == [
        "statistics",
        "operations research",
        "econometrics",
        "industrial engineering",
    ]
