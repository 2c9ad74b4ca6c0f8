"""Postings read as a demanding recruiter would (session 25, fourteenth reading): each test
holds the general rule behind a wrong reading, in text written here."""

from __future__ import annotations

from jobmatch import read_posting
from jobmatch.extract.component import SkillExtractor


def test_settings_listed_after_a_field_leave_the_field_asked(
    extractor: SkillExtractor,
) -> None:
    """The clause "2+ years of experience in machine learning in research and/or corporate
    environment" asked nothing: the list of settings was read as alternative fields, one
    of which names no skill, so machine learning was ignored. The field stays asked and is
    the years' domain; the setting is not asked."""
    text = (
        "Requirements\n"
        "2+ years of experience in machine learning in research and/or corporate "
        "environment.\n"
    )
    read = read_posting(text, extractor=extractor)
    asked = {s.skill_id for r in read.requirements for s in r.skills}
    assert "machine_learning" in asked
    assert "scientific_research" not in asked
    assert {s.skill_id for s in read.years_skills} == {"machine_learning"}


def test_alternative_fields_with_no_setting_stay_unchecked(
    extractor: SkillExtractor,
) -> None:
    """Fields offered as alternatives, one of which names no skill, are still not asked."""
    text = (
        "Requirements\n"
        "3+ years experience of engineering, analysis, statistics, product operations or "
        "equivalent experience.\n"
    )
    read = read_posting(text, extractor=extractor)
    asked = {s.skill_id for r in read.requirements for s in r.skills}
    assert "statistics" not in asked


def test_years_that_come_with_a_preferred_degree_are_preferred(
    extractor: SkillExtractor,
) -> None:
    """glassdoor-0106: "B.S with 8 years of experience or, M.S with 6 years of experience
    preferred" preferred the degree but required the years: each degree comes with its
    years, and the preference closing the alternatives covers both packages."""
    text = (
        "Requirements:\n"
        "B.S with 8 years of experience or, M.S with 6 years of experience preferred\n"
        "Strong publication history\n"
    )
    read = read_posting(text, extractor=extractor)
    assert read.years_min == 8.0
    assert read.years_preferred
    assert read.education is not None
    assert read.education.min_level is None


def test_years_with_a_degree_stay_required_when_the_clause_says_so(
    extractor: SkillExtractor,
) -> None:
    """A firm word keeps the degree's years required: "BS with 5 years required, or MS with
    3 years; PhD preferred" does not prefer the years."""
    text = (
        "Requirements:\n"
        "A minimum of a BS with 5 years of experience or MS with 3 years of experience, PhD "
        "preferred\n"
    )
    read = read_posting(text, extractor=extractor)
    assert read.years_min == 5.0
    assert not read.years_preferred


def test_an_equivalent_combination_of_education_and_experience_replaces_the_degree(
    extractor: SkillExtractor,
) -> None:
    """glassdoor-0305: "Bachelor's degree in Computer Science ... or related field; or an
    equivalent combination of education and experience" required the degree with no way
    around it: the combination accepts experience in the degree's place, in the degree's
    clause or in the clause after its semicolon."""
    for line in (
        "Bachelor's degree in Computer Science, Mathematics or related field; or an "
        "equivalent combination of education and experience",
        "Bachelor's degree in related area (Computer Science, Engineering) or an equivalent "
        "combination of education and experience.",
    ):
        read = read_posting(f"Qualifications:\n{line}\n", extractor=extractor)
        assert read.education is not None
        assert read.education.min_level == "bachelor", line
        assert read.education.or_experience, line


def test_a_degree_with_no_way_around_it_stays_firm(extractor: SkillExtractor) -> None:
    """A clause after the degree's that asks something else accepts nothing in its place."""
    text = (
        "Qualifications:\n"
        "Bachelor's degree in Computer Science; strong combination of education and sales\n"
    )
    read = read_posting(text, extractor=extractor)
    assert read.education is not None
    assert not read.education.or_experience


def test_experience_in_lieu_of_a_degree_replaces_it(extractor: SkillExtractor) -> None:
    """glassdoor-0747 and -0758: "... years of experience may be substituted in lieu of a
    degree" in the sentence after the degree's, and "Bachelor's degree or equivalent amount
    of experience" (glassdoor-0310), required the degree with no way around it."""
    for lines in (
        "You've obtained a BS degree and have eight (8) years of relevant experience. "
        "However, equivalent experience may be considered in lieu of degree.",
        "Bachelor's degree in Engineering or related field. 4 additional years of "
        "experience may be substituted in lieu of a degree",
        "Bachelor's degree or equivalent amount of experience required",
    ):
        read = read_posting(f"Qualifications:\n{lines}\n", extractor=extractor)
        assert read.education is not None
        assert read.education.min_level == "bachelor", lines
        assert read.education.or_experience, lines


def test_a_next_sentence_about_something_else_replaces_no_degree(
    extractor: SkillExtractor,
) -> None:
    """A sentence after the degree's that speaks of no degree accepts nothing in its place."""
    text = (
        "Qualifications:\n"
        "Bachelor's degree in Engineering. Experience with Python in lieu of Java is fine.\n"
    )
    read = read_posting(text, extractor=extractor)
    assert read.education is not None
    assert not read.education.or_experience


def test_degrees_listed_as_examples_of_one_prefer_the_lowest(
    extractor: SkillExtractor,
) -> None:
    """glassdoor-0948: "Graduate degree (MS, PhD, etc.) in a similar field will be highly
    valued but is not required" preferred a PhD: the levels in the parenthesis are examples
    of one graduate degree, and a master's meets the preference."""
    text = (
        "Requirements\n"
        "Undergraduate degree in a highly technical field (e.g. Computer Science)\n"
        "Graduate degree (MS, PhD, etc.) in a similar field will be highly valued but is not "
        "required\n"
    )
    read = read_posting(text, extractor=extractor)
    assert read.education is not None
    assert read.education.min_level == "bachelor"
    assert read.education.preferred_level == "master"


def test_a_higher_degree_preferred_after_the_lower_ones_stays_preferred(
    extractor: SkillExtractor,
) -> None:
    """glassdoor-0051: "Bachelor/Master degree in engineering ..., PhD desired but not
    required" still requires the lower degrees and prefers a PhD."""
    text = (
        "Requirements\n"
        "Bachelor/Master degree in engineering or mathematics, PhD desired but not required.\n"
    )
    read = read_posting(text, extractor=extractor)
    assert read.education is not None
    assert read.education.min_level == "bachelor"
    assert read.education.preferred_level == "phd"


def test_a_capitalised_ideally_in_a_run_on_item_prefers_only_its_tail(
    extractor: SkillExtractor,
) -> None:
    """skillspan-train-tech-063: "Experience in working with Kubernetes ... and Linux as
    well as knowledge of Kafka ... Ideally fit in Prometheus Ansible Jenkins" (a line whose
    punctuation was lost) preferred every skill: a capitalised "Ideally" starts the
    preferred tail as a lower-case one does, and the part before stays required."""
    text = (
        "Your Profile\n"
        "Experience in working with Kubernetes and Linux as well as knowledge of Kafka "
        "Ideally fit in Prometheus Ansible Jenkins\n"
    )
    read = read_posting(text, extractor=extractor)
    how = {s.skill_id: r.required for r in read.requirements for s in r.skills}
    assert how["kubernetes"] and how["linux"] and how["apache_kafka"]
    assert not how["prometheus"] and not how["ansible"]


def test_a_parenthesised_list_of_teams_asks_no_skill(extractor: SkillExtractor) -> None:
    """ "relationships with a diverse team of peers across organizations (Engineering, QA,
    DevOps, Product, Design, et al)" names departments: QA and DevOps are not asked (once
    the line was no longer taken for a citation, they were). A parenthesised list of
    platforms after other words stays asked."""
    text = (
        "Requirements\n"
        "Ability to develop working relationships with a diverse team of peers across "
        "organizations (Engineering, QA, DevOps, Product, Design, et al).\n"
        "Experience with cloud platforms (AWS, GCP).\n"
    )
    read = read_posting(text, extractor=extractor)
    asked = {s.skill_id for r in read.requirements for s in r.skills}
    assert not asked & {"qa", "devops"}
    assert {"aws", "gcp"} <= asked
