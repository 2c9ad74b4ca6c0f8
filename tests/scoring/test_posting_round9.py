"""Postings read as a new user would (session 24, ninth reading): each test holds the
general rule behind a wrong reading, in text written here."""

from __future__ import annotations

from jobmatch.extract.component import SkillExtractor
from tests.helpers import requirement_groups, skills_asked


def test_a_team_describing_itself_asks_nothing(extractor: SkillExtractor) -> None:
    """glassdoor-0532: "The Discovery Sciences team has been active in supporting projects
    for more than 30 years, providing key chemistry ... services" required chemistry."""
    text = (
        "The Analytical Sciences team has been active for more than 30 years, providing key "
        "chemistry and toxicology services to our clients.\n\n"
        "Requirements:\n- Experience with Python\n"
    )
    asked = skills_asked(text, extractor)
    assert "chemistry" not in asked
    assert asked["python"] is True


def test_a_team_with_an_aside_describing_itself(extractor: SkillExtractor) -> None:
    """glassdoor-0730: "The Data Engineering team, part of MassMutual's Enterprise
    Technology & Experience, is comprised of highly skilled, collaborative, problem solvers"
    preferred problem-solving (the team's name still names the job's field)."""
    text = (
        "The Data Engineering team, part of our Enterprise Technology group, is comprised "
        "of highly skilled problem solvers with experience in data engineering.\n\n"
        "Requirements:\n- Experience with SQL\n"
    )
    asked = skills_asked(text, extractor)
    assert "problem-solving" not in asked
    assert asked["sql"] is True


def test_a_program_describing_itself_asks_nothing(extractor: SkillExtractor) -> None:
    """glassdoor-0411: "The enterprise Data, Privacy and AI governance program is
    responsible for implementing ..." preferred AI governance."""
    text = (
        "The enterprise Data, Privacy and AI governance program is responsible for "
        "implementing a program that enables superior customer value, experiences and "
        "trust.\n\n"
        "Requirements:\n- Experience with SQL\n"
    )
    asked = skills_asked(text, extractor)
    assert "ai_governance" not in asked
    assert asked["sql"] is True


def test_the_team_the_candidate_joins_may_still_ask(extractor: SkillExtractor) -> None:
    """A team clause that turns to the candidate still asks."""
    text = "Requirements:\n- The team is looking for someone with experience in chemistry\n"
    assert skills_asked(text, extractor).get("chemistry") is True


def test_a_title_case_item_closing_a_preferred_list(extractor: SkillExtractor) -> None:
    """glassdoor-0598: "Familiarity with major cloud platforms such as AWS and Azure" /
    "Healthcare Industry Experience" / "" under "Preferred Qualifications:" opened an
    Experience section: healthcare was required."""
    text = (
        "Minimum Qualifications:\n\n- Experience with SQL\n\n"
        "Preferred Qualifications:\n\n"
        "- Master's degree in Computer Science\n"
        "Familiarity with cloud platforms such as AWS\n"
        "Healthcare Industry Experience\n\n"
        "We are an equal opportunity employer.\n"
    )
    asked = skills_asked(text, extractor)
    assert asked["healthcare"] is False
    assert asked["sql"] is True


def test_an_experience_heading_over_its_items_stays(extractor: SkillExtractor) -> None:
    """A Title Case heading with its items under it (no blank line after) opens its
    section as before."""
    from jobmatch.extract.sections import detect_sections

    text = (
        "Preferred Qualifications:\n- Docker\n- Kubernetes\n\n"
        "Relevant Experience\n- 3 years of Python\n"
    )
    assert [s[2] for s in detect_sections(text)] == ["preferred", "experience"]


def test_a_dash_glued_to_a_degree_is_a_bullet(extractor: SkillExtractor) -> None:
    """glassdoor-0598: "-Bachelor's Degree" under "Minimum Qualifications:" was an
    Education heading."""
    from jobmatch.extract.sections import classify_heading

    assert classify_heading("-Bachelor's Degree") is None
    assert classify_heading("Education") == "education"


def test_a_preferred_alternative_leaves_the_choice_asked(extractor: SkillExtractor) -> None:
    """glassdoor-0511: "2+ years of Cloud Platform experience with either AWS (preferred)
    or Azure" preferred the cloud, AWS and Azure."""
    text = (
        "Requirements:\n- Experience with Python\n"
        "- 2+ years of cloud experience with either AWS (preferred) or Azure\n"
    )
    groups = requirement_groups(text, extractor)
    assert groups[("aws", "azure")] is True


def test_a_preferred_degree_or_experience_stays_preferred(extractor: SkillExtractor) -> None:
    from jobmatch import read_posting

    text = "Requirements:\n- Bachelor's degree (preferred) or equivalent experience\n"
    read = read_posting(text, extractor=extractor)
    assert read.education is not None and read.education.min_level is None


def test_eg_without_its_first_stop_ends_no_sentence(extractor: SkillExtractor) -> None:
    """glassdoor-0892: "Knowledge of programming/scripting languages (eg. Python, MATLAB,
    R, Perl)" was cut after "eg.": the examples after it, a sentence naming no candidate,
    were no requirement (Tableau and D3 in "... software (eg. Tableau, D3)")."""
    from jobmatch import read_posting

    text = (
        "We are a research company building aviation tools.\n\n"
        "The candidate will also have:\n"
        "Knowledge of programming languages (eg. Python, MATLAB, R, Perl)\n"
        "Experience with data visualization software (eg. Tableau, D3)\n"
    )
    reqs = read_posting(text, extractor=extractor).requirements
    python = next(r for r in reqs if "python" in [s.skill_id for s in r.skills])
    assert python.evidence.startswith("Knowledge of programming languages (eg. Python")
    assert skills_asked(text, extractor).get("tableau") is True


def test_what_the_job_teaches_is_not_asked(extractor: SkillExtractor) -> None:
    """glassdoor-0687: "Learn to build small to medium RPA (Robotic Process Automation)
    projects using Automation Anywhere." required RPA and Automation Anywhere."""
    text = (
        "Responsibilities:\n"
        "- Learn to build small RPA (Robotic Process Automation) projects using UiPath.\n"
        "- Develop reports in SQL\n"
    )
    asked = skills_asked(text, extractor)
    assert "rpa" not in asked and "uipath" not in asked
    assert asked["sql"] is True


def test_learning_as_a_skill_is_still_asked(extractor: SkillExtractor) -> None:
    text = "Requirements:\n- Experience with machine learning to improve segmentation\n"
    assert skills_asked(text, extractor).get("machine_learning") is True


def test_what_the_candidate_can_learn_is_not_asked(extractor: SkillExtractor) -> None:
    """glassdoor-0718: "Ability to quickly learn ICON databases with structure and
    Reporting Tools." required reporting."""
    text = "Requirements:\n- Experience with SQL and ability to quickly learn Tableau\n"
    asked = skills_asked(text, extractor)
    assert "tableau" not in asked
    assert asked["sql"] is True


def test_knowing_or_learning_it_is_still_asked(extractor: SkillExtractor) -> None:
    text = "Requirements:\n- You already know or are willing to learn Ansible\n"
    assert "ansible" in skills_asked(text, extractor)


def test_what_you_will_gain_is_the_benefits(extractor: SkillExtractor) -> None:
    """glassdoor-0824: under "What you will gain", "A deeper understanding of language
    ... including social media" and "Empowerment to satisfy your scientific curiosity"
    were required."""
    from jobmatch.extract.sections import classify_heading

    text = (
        "What you will do\nBuild NLP models in Python\n"
        "What you will gain\n"
        "A deeper understanding of language usage in domains including social media\n"
        "Empowerment to satisfy your scientific curiosity\n"
        "What you need\nExperience with Python\n"
    )
    asked = skills_asked(text, extractor)
    assert "social_media" not in asked and "curiosity" not in asked
    assert asked["python"] is True
    assert classify_heading("What You'll Gain:") == "benefits"


def test_a_word_negated_by_non_is_not_asked(extractor: SkillExtractor) -> None:
    """glassdoor-0824: "Participation in research regarding cross-lingual or non-English
    natural language data." required English."""
    text = (
        "Requirements:\n- Research on cross-lingual or non-English natural language data\n"
        "- Fluent English\n"
    )
    reqs = requirement_groups(text, extractor)
    english = [g for g in reqs if "english" in g]
    assert len(english) == 1
    from jobmatch import read_posting

    read = read_posting(text, extractor=extractor)
    ev = [r.evidence for r in read.requirements if "english" in [s.skill_id for s in r.skills]]
    assert ev == ["Fluent English"]


def test_a_preference_after_along_with(extractor: SkillExtractor) -> None:
    """glassdoor-0822: "Excellent organizational skills are required along with the
    ability to work independently or in a team environment is desired" preferred the
    organizational skills."""
    text = (
        "Qualifications:\n- Excellent organizational skills are required along with the "
        "ability to work independently or in a team environment is desired.\n"
    )
    asked = skills_asked(text, extractor)
    assert asked["organizational_skills"] is True
    assert asked["work_independently"] is False


def test_the_title_the_job_reports_to_is_no_skill(extractor: SkillExtractor) -> None:
    """glassdoor-0948: "Reporting to the Director of Analytics and Data Science, you will
    work with the Product, Marketing, and Engineering teams ..." required data science."""
    text = (
        "Reporting to the Director of Analytics and Data Science, you will build data "
        "pipelines in Python.\n\nRequirements:\n- Experience with SQL\n"
    )
    asked = skills_asked(text, extractor)
    assert "data_science" not in asked
    assert asked["python"] is True and asked["sql"] is True


def test_a_report_to_title_ends_at_the_next_verb(extractor: SkillExtractor) -> None:
    text = (
        "Requirements:\n- The analyst will report to the Senior Manager of Finance and "
        "builds predictive models\n"
    )
    asked = skills_asked(text, extractor)
    assert asked.get("predictive_modeling") is True
