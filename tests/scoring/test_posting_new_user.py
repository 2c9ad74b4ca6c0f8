"""Postings read as a new user would (session 22, second reading): each test holds the
general rule behind a wrong reading of a shared posting, in text written here."""

from __future__ import annotations

import pytest

from jobmatch import read_posting
from jobmatch.extract.component import SkillExtractor
from jobmatch.extract.sections import classify_heading
from tests.helpers import requirement_groups


def _reqs(text: str, extractor: SkillExtractor) -> dict[tuple[str, ...], bool]:
    return requirement_groups(text, extractor)


@pytest.mark.parametrize(
    ("line", "section"),
    [
        ("What we love to see:", "preferred"),
        ("We\u2019d Love to See:", "preferred"),
        (
            "We'll REALLY love you if: (This is the bonus stuff that makes you stand out)",
            "preferred",
        ),
        ("We'd love it if you also had:", "preferred"),
        ("You'll love our Data Engineer position if: (the stuff you MUST have)", "requirements"),
        ("We'd love to hear from you if:", "requirements"),
        ("Impact You'll Make:", "responsibilities"),
        ("What your day will look like:", "responsibilities"),
        ("Why you'll love working here:", "benefits"),
    ],
)
def test_what_the_employer_would_love_is_preferred(line: str, section: str) -> None:
    assert classify_heading(line) == section


LOVE = """What You'll Bring:
Solid knowledge of statistical methods
Advanced SQL skills
What we love to see:
Prior Marketing Analytics experience
Experience with tools such as Hive and Pig
Impact You'll Make:
Extract insights from large data sets using Python
"""


def test_the_nice_to_haves_after_love_to_see_are_preferred(extractor: SkillExtractor) -> None:
    reqs = _reqs(LOVE, extractor)
    assert reqs[("sql",)] is True
    assert reqs[("marketing_analytics",)] is False
    assert reqs[("apache_hive", "apache_pig")] is False
    assert reqs[("python",)] is True  # the tasks that follow are the job's again


MUST = """Basic Qualifications:
3+ years of experience in data engineering
Preferred Qualifications:
Healthcare domain experience
Experience with Azure is a plus
Problem solving skills and Ability to meet deadlines are a must
Working knowledge of Docker is mandatory
"""


def test_a_must_under_a_preferred_heading_is_required(extractor: SkillExtractor) -> None:
    reqs = _reqs(MUST, extractor)
    assert reqs[("healthcare",)] is False
    assert reqs[("azure",)] is False
    assert reqs[("problem-solving",)] is True
    assert reqs[("meeting_deadlines",)] is True
    assert reqs[("docker",)] is True


def test_two_skills_each_with_its_examples_are_two_requirements(
    extractor: SkillExtractor,
) -> None:
    text = (
        "Requirements\n"
        "Solid knowledge of statistical methods such as GLM and machine learning techniques"
        " such as random forest, GBM, XGBoost, etc.\n"
    )
    reqs = _reqs(text, extractor)
    assert reqs[("statistics", "regression_analysis")] is True
    assert reqs[("machine_learning", "random_forest", "gradient_boosting", "xgboost")] is True


def test_the_last_example_joined_by_and_stays_an_example(extractor: SkillExtractor) -> None:
    text = (
        "Requirements\n"
        "Experience with deep learning frameworks such as PyTorch, TensorFlow, and JAX\n"
    )
    assert list(_reqs(text, extractor)) == [("deep_learning", "pytorch", "tensorflow", "jax")]


def test_a_department_before_the_other_stakeholders_is_no_skill(
    extractor: SkillExtractor,
) -> None:
    text = (
        "What you'll do:\n"
        "- Coordinate with Product management and technical stakeholders on the roadmap.\n"
        "- Write SQL queries for reports.\n"
        "- Collaborate with Biostatistics on trial design.\n"
    )
    reqs = _reqs(text, extractor)
    assert ("product_management",) not in reqs
    assert reqs[("sql",)] is True
    assert reqs[("biostatistics",)] is True  # one name alone may be the field of the work


DEPARTMENT = """At Acme, we help veterans buy homes.

The Acme Technology Department includes:
Data Services
Information Security
Product Strategy
Examples of these roles include:
Data Engineer
Tableau Administrator

We're looking for someone who is passionate about their job, who will deliver results \
with integrity, and who enjoys helping others.

We'll also want to know you can demonstrate some or all of these attributes:
Strong knowledge of SQL
Familiarity working with Windows or Linux server environments
"""


def test_a_department_s_teams_ask_nothing(extractor: SkillExtractor) -> None:
    assert classify_heading("The Acme Technology Department includes:") == "about"
    reqs = _reqs(DEPARTMENT, extractor)
    assert set(reqs).isdisjoint({("security",), ("product_strategy",), ("tableau",)})
    assert reqs[("integrity",)] is False  # the company's wish, no requirements heading
    assert reqs[("sql",)] is True
    assert reqs[("windows", "linux")] is True


def test_a_long_title_turning_to_the_candidate_opens_the_requirements() -> None:
    line = "We'll also want to know you can demonstrate some or all of these attributes:"
    assert len(line) > 72
    assert classify_heading(line) == "requirements"
    text = f"About Acme\nWe sell homes.\n{line}\nStrong knowledge of SQL\n"
    from jobmatch.extract.sections import detect_sections

    assert [name for _, _, name in detect_sections(text)][-1] == "requirements"


def test_colleagues_named_by_their_trade_are_no_skill(extractor: SkillExtractor) -> None:
    text = (
        "Responsibilities\n"
        "- Supporting user experience specialists and information architects through"
        " development of dashboards and user interfaces.\n"
        "- You will work with Scrum Masters, Business Analysts, and Developers to migrate"
        " data.\n"
        "- You will work closely alongside other software developers and DevOps software"
        " engineers in the wider teams.\n"
    )
    posting = read_posting(text, extractor=extractor)
    asked = {s.skill_id for r in posting.requirements for s in r.skills}
    assert asked.isdisjoint({"ux", "scrum", "devops"})
    assert {"scrum", "devops"} <= {s.skill_id for s in posting.ignored}
    assert {"dashboards", "ui"} <= asked


def test_a_script_pasted_with_the_posting_asks_nothing(extractor: SkillExtractor) -> None:
    script = (
        "(function() { var ac = document.createElement('script'); ac.type = "
        "'text/javascript'; ac.src = 'https://example.com/px.js'; })();\n"
    )
    text = "Requirements\n- Experience with Python.\n" + script
    assert _reqs(text, extractor) == {("python",): True}
    prose = "Requirements\n- Let us know if you use JavaScript = a plus for the web team.\n"
    assert ("javascript",) in _reqs(prose, extractor)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("A strong understanding of cGMPs and ICH guidelines", "good_manufacturing_practice"),
        (
            "Hands-on skills with chromatographic techniques e.g. HPLC, UPLC and GC",
            "chromatography",
        ),
        ("5-10 years of industry LC-MS/MS experience required", "mass_spectrometry"),
    ],
)
def test_the_lab_techniques_a_scientist_is_asked(
    extractor: SkillExtractor, text: str, skill: str
) -> None:
    assert skill in {m.skill_id for m in extractor.extract(text)}


@pytest.mark.parametrize(
    ("line", "asked", "preferred"),
    [
        ("Master's degree in Computer Science or a related field, PhD preferred,", "master", "phd"),
        ("Bachelor\u2019s degree in Statistics, Master\u2019s a plus", "bachelor", "master"),
    ],
)
def test_a_degree_asked_and_another_preferred_in_its_tail(
    extractor: SkillExtractor, line: str, asked: str, preferred: str
) -> None:
    posting = read_posting(
        f"Requirements\n- {line}\n- Experience with Python,\n", extractor=extractor
    )
    assert posting.education is not None
    assert posting.education.min_level == asked
    assert posting.education.preferred_level == preferred


def test_a_degree_written_apart_is_one_clause(extractor: SkillExtractor) -> None:
    posting = read_posting("Qualification:\n\nB. Tech with minimum 60%\n", extractor=extractor)
    assert posting.education is not None
    assert posting.education.min_level == "bachelor"


def test_pastimes_ask_nothing(extractor: SkillExtractor) -> None:
    text = (
        "Who we look for\n"
        "Our consultants must be adaptable. Whether it be cooking, traveling, hiking, or"
        " volunteering, our consultants enjoy working with genuine folks.\n"
    )
    reqs = _reqs(text, extractor)
    assert ("cooking",) not in reqs
    assert reqs[("adaptability",)] is True
    chef = "Requirements\n- Experience in cooking and baking for large groups.\n"
    assert ("cooking",) in _reqs(chef, extractor)


def test_a_clause_ending_is_critical_asks_firmly(extractor: SkillExtractor) -> None:
    text = (
        "Position Summary:\n"
        "We are seeking a scientist to join our team. A solid understanding of immunology"
        " and cell biology is critical. The SRE role is critical to our success and needs"
        " strong Python.\n"
    )
    reqs = _reqs(text, extractor)
    assert reqs[("immunology",)] is True
    assert reqs[("cell_biology",)] is True


def test_special_consideration_prefers(extractor: SkillExtractor) -> None:
    text = (
        "Requirements\n"
        "- 2+ years of experience with R and Python (special consideration for experience"
        " with pandas, NumPy, and SciPy)\n"
    )
    reqs = _reqs(text, extractor)
    assert reqs[("r",)] is True
    assert reqs[("python",)] is True
    assert reqs[("pandas", "numpy", "scipy")] is False
