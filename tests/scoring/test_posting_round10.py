"""Postings read as a new user would (session 24, tenth reading): each test holds the
general rule behind a wrong reading, in text written here."""

from __future__ import annotations

from jobmatch.extract.component import SkillExtractor
from tests.helpers import requirement_groups, skills_asked


def test_a_list_ending_in_or_some_other_kind_is_one_choice(extractor: SkillExtractor) -> None:
    """glassdoor-0592: "experience using PyTorch, Tensorflow, or some other framework" asked
    PyTorch and TensorFlow each."""
    text = "Requirements:\n- Experience using Keras, PyTorch, or some other framework\n"
    groups = requirement_groups(text, extractor)
    assert groups == {("keras", "pytorch"): True}


def test_companies_named_as_past_employers_are_not_asked(extractor: SkillExtractor) -> None:
    """glassdoor-0592: "founding team members who all hail from marquee tech companies (i.e:
    Facebook/LinkedIn/Splunk)" preferred Splunk."""
    text = (
        "Requirements:\n- Experience with Python\n\n"
        "You will work with founders who come from leading companies (i.e: Google/Splunk) "
        "and previous startups.\n"
        "Our advisors come from companies such as Tableau, Salesforce and Microsoft.\n"
    )
    asked = skills_asked(text, extractor)
    assert "splunk" not in asked
    assert "tableau" not in asked
    assert asked["python"] is True


def test_a_word_for_organisations_before_prose_keeps_its_skills(
    extractor: SkillExtractor,
) -> None:
    """A word for organisations before prose names no company: "data management
    organizations, including use of ... Spark, Scala"
    (a CI/CD posting whose tools stay asked)."""
    text = (
        "Requirements:\n- Experience designing solutions for data management organizations, "
        "including use of Spark and Scala\n"
    )
    asked = skills_asked(text, extractor)
    assert asked["apache_spark"] is True
    assert asked["scala"] is True


def test_what_the_candidate_will_enjoy_is_offered(extractor: SkillExtractor) -> None:
    """glassdoor-0554: "You will enjoy working with a ... team of data scientists
    specializing in deep learning, ..., cloud compute resources including Spark clusters and
    GPUs" (under a position summary) required them."""
    text = (
        "Position Summary:\n\nYou will enjoy working with a talented team of data scientists "
        "specializing in deep learning and active learning, and cloud resources including "
        "Spark clusters.\n\n"
        "Qualifications:\n- Experience with Python\n"
    )
    asked = skills_asked(text, extractor)
    assert "deep_learning" not in asked
    assert "apache_spark" not in asked
    assert asked["python"] is True


def test_pairs_of_alternatives_in_one_list_are_one_choice(extractor: SkillExtractor) -> None:
    """glassdoor-0303: "Knowledge and experience in farming, plant breeding or physiology,
    agronomy or genetics" preferred physiology and genetics each."""
    text = (
        "Preferred:\n- Knowledge of forestry, plant breeding or physiology, agronomy or genetics\n"
    )
    assert requirement_groups(text, extractor) == {("physiology", "genetics"): False}


def test_an_unheaded_list_opening_with_a_degree_asks(extractor: SkillExtractor) -> None:
    """glassdoor-0513: a list with no heading, opening with "BS/MS in ... with 5+ years",
    read as the description: its soft skills were not asked, communication only
    preferred."""
    text = (
        "Acme seeks a scientist to develop cell culture processes.\n\n"
        "Run bioreactor operations in the lab\n"
        "Author technical reports\n\n"
        "BS/MS in chemical engineering or biology with 5+ years industry experience\n"
        "Cell culture experience required\n"
        "Experience with data management preferred\n"
        "Excellent written and oral communication skills\n"
    )
    asked = skills_asked(text, extractor)
    assert asked["communication"] is True
    assert asked["data_management"] is False


def test_an_abbreviation_aside_before_or_keeps_the_choice(extractor: SkillExtractor) -> None:
    """skillspan-dev-tech-001: "Docker ( DCA ) or Kubernetes ( CKAD ) certification a plus"
    asked Docker apart from Kubernetes."""
    text = "Nice to have:\n- Experience with Jenkins (CJE) or CircleCI\n"
    assert requirement_groups(text, extractor) == {("jenkins", "circleci"): False}


def test_a_run_on_item_keeps_its_preference_to_itself(extractor: SkillExtractor) -> None:
    """skillspan-dev-house-058: "Documented experience with SQL Experience with development
    lifecycle processes Knowledge of data/information security standards is a plus
    Proficiency in English ..." (a list run into one line) preferred SQL and English."""
    text = (
        "Qualifications:\n"
        "Documented experience with SQL Experience with Docker Knowledge of Kubernetes is a "
        "plus Proficiency in Python\n"
    )
    asked = skills_asked(text, extractor)
    assert asked["kubernetes"] is False
    assert asked["sql"] is True
    assert asked["docker"] is True
    assert asked["python"] is True


def test_a_cue_opening_a_run_on_list_prefers_the_list(extractor: SkillExtractor) -> None:
    """A cue opening a list: "Would be great if you have: Experience in ... Knowledge of
    decentralized systems"
    (skillspan-dev-tech): the cue ends no item and its items stay preferred."""
    text = (
        "Qualifications:\n"
        "Experience with SQL Would be great if you have: Experience with Docker Knowledge "
        "of Kubernetes\n"
    )
    asked = skills_asked(text, extractor)
    assert asked["kubernetes"] is False
    assert asked["docker"] is False


def test_a_degree_line_under_a_preferred_heading_is_its_item(
    extractor: SkillExtractor,
) -> None:
    """skillspan-train-tech-013: "Preferred Qualifications:" / "Master's Degree" / "3+ years
    of experience in CI/CD ..." opened an Education section: the preferred items were
    required."""
    text = (
        "Basic Qualifications:\n"
        "Bachelor's Degree\n"
        "At least 2 years of experience with SQL\n\n"
        "Preferred Qualifications:\n"
        "Master's Degree\n"
        "3+ years of experience with Terraform\n"
    )
    asked = skills_asked(text, extractor)
    assert asked["terraform"] is False
    assert asked["sql"] is True


def test_a_heading_run_in_at_a_line_end_is_not_its_item(extractor: SkillExtractor) -> None:
    """skillspan-train-tech-013: "At least 1 year experience with a public cloud ( AWS
    Microsoft Azure Google Cloud ) Preferred Qualifications:" preferred the cloud: the
    heading's words were read with the item before it."""
    text = (
        "Basic Qualifications:\n"
        "At least 1 year experience with infrastructure code ( Terraform ) Preferred "
        "Qualifications:\n"
        "Experience with Ansible\n"
    )
    asked = skills_asked(text, extractor)
    assert asked["terraform"] is True
    assert asked["ansible"] is False


def test_what_happens_to_late_applications_asks_nothing(extractor: SkillExtractor) -> None:
    """skillspan-train-house-102: "Applications received after the deadline or with
    insufficient documentation ... may not be considered" required documentation."""
    text = (
        "Qualifications:\nExperience with cell culture .\n"
        "Applications received after the deadline or with insufficient documentation or "
        "otherwise not complying with the above requirements may not be considered .\n"
    )
    asked = skills_asked(text, extractor)
    assert "documentation_skills" not in asked and "technical_documentation" not in asked
    assert asked["cell_culture"] is True


def test_unknown_examples_first_in_a_parenthesis(extractor: SkillExtractor) -> None:
    """resume_matcher job_desc_java_developer: "ORM technologies (JPA2, Hibernate)" asked
    ORM and Hibernate each: the example the lexicon does not know, first, cut the link."""
    text = "Requirements:\n- Knowledge of SQL, and ORM technologies (JPA2, Hibernate).\n"
    groups = requirement_groups(text, extractor)
    assert groups[("orm", "hibernate")] is True
    assert groups[("sql",)] is True
