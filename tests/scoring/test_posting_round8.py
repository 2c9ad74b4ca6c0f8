"""Postings read as a new user would (session 23, eighth reading): each test holds the
general rule behind a wrong reading, in text written here."""

from __future__ import annotations

from jobmatch.extract.component import SkillExtractor
from tests.helpers import requirement_groups, skills_asked


def test_a_slash_pair_inside_a_list_ending_in_or(extractor: SkillExtractor) -> None:
    """glassdoor-0239: "software like SAS, Microsoft Excel/VBA, Tableau, or SAS Visual
    Analytics" asked SAS twice, in "sas,excel,vba" and in "tableau,sas"."""
    text = (
        "Requirements:\n"
        "- Build dashboards using software like SAS, Microsoft Excel/VBA, Tableau, or Looker.\n"
    )
    groups = requirement_groups(text, extractor)
    assert [g for g in groups if "tableau" in g] == [("sas", "excel", "vba", "tableau", "looker")]


def test_a_slash_pair_in_a_list_ending_in_and_stays_apart(extractor: SkillExtractor) -> None:
    """A list ending in "and" is no list of alternatives: its slash pairs stay pairs."""
    text = "Requirements:\n- Experience with Pandas, Numpy/Scipy, Tableau and Keras / Tensorflow\n"
    groups = requirement_groups(text, extractor)
    assert ("pandas",) in groups
    assert ("tableau",) in groups


def test_the_department_the_work_supports_is_no_skill(extractor: SkillExtractor) -> None:
    """glassdoor-0182: "evidence and insights ... that support R&D, advance scientific and
    medical knowledge" required research and development."""
    text = (
        "Purpose\n\nYou will generate evidence and insights on our medicines that support "
        "R&D, advance scientific knowledge, and enable patient care.\n\n"
        "Qualifications:\n- Experience with Python\n"
    )
    asked = skills_asked(text, extractor)
    assert "research_and_development" not in asked
    assert asked["python"] is True


def test_research_and_development_asked_as_experience_stays(extractor: SkillExtractor) -> None:
    text = "Qualifications:\n- Experience in R&D and Python\n"
    assert skills_asked(text, extractor).get("research_and_development") is True


def test_a_double_spaced_subject_goes_on_into_its_verb(extractor: SkillExtractor) -> None:
    """glassdoor-0302: "Advanced statistics and health economics" / "" / "concepts are a
    plus." required statistics, the line cut from its "are a plus" by the blank line."""
    text = (
        "Qualifications:\n\n"
        "- Strong problem-solving capabilities. Advanced statistics and machine learning\n\n"
        "concepts are a plus.\n\n"
        "- Experience with Python\n"
    )
    asked = skills_asked(text, extractor)
    assert asked["statistics"] is False
    assert asked["problem-solving"] is True
    assert asked["python"] is True


def test_the_degrees_emphasis_names_its_field(extractor: SkillExtractor) -> None:
    """glassdoor-0295: "BA or BS, with emphasis in statistical research or mathematics."
    required scientific research as a skill."""
    from jobmatch import read_posting

    text = (
        "Qualifications:\n- BA or BS, with emphasis in statistical research or mathematics.\n"
        "- Experience with SPSS\n"
    )
    read = read_posting(text, extractor=extractor)
    asked = skills_asked(text, extractor)
    assert "scientific_research" not in asked
    assert read.education is not None and "mathematics" in read.education.fields
    assert asked["spss"] is True


def test_a_labelled_field_of_study_names_degree_fields(extractor: SkillExtractor) -> None:
    """glassdoor-0459: "Education: Bachelor's Degree or equivalent experience.Field of
    Study: Actuarial Science, Mathematics, Statistics or a related discipline" required
    actuarial science as a skill."""
    from jobmatch import read_posting

    text = (
        "Qualifications:\n"
        "Education: Bachelor's Degree.Field of Study: Actuarial Science, Mathematics or a "
        "related discipline.\n"
        "Experience with SQL\n"
    )
    read = read_posting(text, extractor=extractor)
    assert "actuarial_science" not in skills_asked(text, extractor)
    assert read.education is not None and "actuarial science" in read.education.fields


def test_a_field_of_study_in_its_own_sentence_is_no_skill(extractor: SkillExtractor) -> None:
    text = (
        "Qualifications:\n"
        "Bachelor's Degree required. Major: Actuarial Science, Mathematics or Statistics.\n"
        "Experience with SQL\n"
    )
    asked = skills_asked(text, extractor)
    assert "actuarial_science" not in asked
    assert asked["sql"] is True


def test_a_short_line_ending_in_a_run_on_word_goes_on(extractor: SkillExtractor) -> None:
    """glassdoor-0463 (hard breaks): "Possess the communication and analytical skills
    needed to" / "collaborate broadly ..." and "Leverages critical thinking and" /
    "problem-solving skills ..." (glassdoor-0880) were cut in two, the second half read
    alone."""
    from jobmatch.scoring.posting_rules import clauses

    text = (
        "Required Qualifications:\n"
        "Leverages critical thinking and\n"
        "problem-solving skills to extract insights.\n"
        "Experience with SQL\n"
    )
    assert [text[a:b] for a, b in clauses(text)][1] == (
        "Leverages critical thinking and\nproblem-solving skills to extract insights."
    )
    assert skills_asked(text, extractor)["problem-solving"] is True


def test_a_short_item_before_a_lower_case_item_stays_apart(extractor: SkillExtractor) -> None:
    from jobmatch.scoring.posting_rules import clauses

    text = "Skills:\nJupyter Notebooks\ndBeaver or equivalent\n"
    assert len(clauses(text)) == 3


def test_an_unknown_name_inside_a_list_ending_in_or(extractor: SkillExtractor) -> None:
    """glassdoor-0495: "Experience with SQL, SAQL, R, Python, or JSON" was read as SQL
    and, apart, "R, Python or JSON": the unknown SAQL cut the list."""
    text = "Requirements:\n- Experience with SQL, Qwertyql, R, Python, or JSON\n"
    groups = requirement_groups(text, extractor)
    assert ("sql", "r", "python", "json") in groups


def test_an_unknown_name_in_a_list_ending_in_and_cuts_nothing_more(
    extractor: SkillExtractor,
) -> None:
    text = "Requirements:\n- Experience with SQL, Qwertyql, R, Python, and JSON\n"
    groups = requirement_groups(text, extractor)
    assert ("sql",) in groups
    assert ("json",) in groups
