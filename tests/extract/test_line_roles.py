"""Line roles (jobmatch.extract.line_roles): employer names, citation lines, thesis titles."""

from __future__ import annotations

import pytest

from jobmatch.extract.extractor import SkillExtractor


def found(ex: SkillExtractor, text: str) -> list[tuple[str, str]]:
    return [(m.skill_id, m.text) for m in ex.extract(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # employer names: a company word after the name, "AI" ending it, "at" after a
        # job title, a comma after a job title
        (
            "Spark Therapeutics, Philadelphia\nBuilt ETL jobs in Spark and Hive.",
            [("etl", "ETL"), ("apache_spark", "Spark"), ("apache_hive", "Hive")],
        ),
        ("Research Scientist at Nexus AI (2021-2023)", []),
        ("Nexus AI, San Francisco, CA", []),
        ("Software Engineer at Oracle, Redwood City", []),
        ("Tuned queries on Oracle 19c.", [("oracle_database", "Oracle 19c")]),
        ("MERN Stack Developer, OpenAI, San Francisco", []),
        ("Registered Nurse, Unity Health Toronto", [("rn", "Registered Nurse")]),
        # ", Inc." ends a company name; an employer's statement about itself names it
        (
            "Rapid Response Monitoring Services, Inc. is an affirmative action employer.",
            [],
        ),
        ("H2O.ai is an equal opportunity employer. We welcome all.", []),
        ("Esri is an equal opportunity employer (EOE)", []),
        (
            "Trained models with H2O.ai and mapped data in Esri.",
            [("h2o", "H2O.ai"), ("esri", "Esri")],
        ),
        # "PLC" after a comma is a controller, not a company word
        (
            "PLC programming, PLC, plumbing",
            [("ladder_logic", "PLC programming"), ("plc", "PLC"), ("plumbing", "plumbing")],
        ),
        # a mention that holds the company word is a skill ("Java EE Technologies" is no
        # company; "Technologies" is not a company word)
        ("Learn more in Java EE Technologies.", [("java_ee", "Java EE")]),
        # citation lines: a year and a marker, or a strong marker alone
        (
            "J. Doe, A. Roe. Emergent Communication in Multi-Agent Games. ICLR 2022.",
            [
                (
                    "publishing_research",
                    "J. Doe, A. Roe. Emergent Communication in Multi-Agent Games. ICLR 2022.",
                )
            ],
        ),
        (
            "Efficient Routing for Mixture-of-Experts. In Proceedings of ICML, 2023.",
            [
                (
                    "publishing_research",
                    "Efficient Routing for Mixture-of-Experts. In Proceedings of ICML, 2023.",
                )
            ],
        ),
        # "et al." with its period, or "et al" on a line with a year, cites
        (
            "J. Doe, A. Roe et al (2020) Emergent communication",
            [("publishing_research", "J. Doe, A. Roe et al (2020) Emergent communication")],
        ),
        (
            "Doe et al. Emergent communication.",
            [("publishing_research", "Doe et al. Emergent communication.")],
        ),
        # a list ending "et al)" with no year is no citation: its skills are read
        (
            "Hands-on with Python, Docker, Kubernetes, et al).",
            [("python", "Python"), ("docker", "Docker"), ("kubernetes", "Kubernetes")],
        ),
        # an ISO date is no publication's year: a posting's header run into one line
        # (SkillSpan: "Date posted: 2021-06-09 ... „Big Data“") cites nothing
        (
            "Date posted: 2021-06-09 Role: DevOps „Big Data“!",
            [("devops", "DevOps"), ("big_data", "Big Data")],
        ),
        # nor does a year and a marker on a line longer than any citation
        (
            "Java. " * 60 + "2021 „Big Data“!",
            [("java", "Java")] * 60 + [("big_data", "Big Data")],
        ),
        # a verb of the writer's makes the line prose, not a citation
        (
            "Presented our work on Kubernetes at CVPR 2023.",
            [("conference_presentations", "Presented"), ("kubernetes", "Kubernetes")],
        ),
        # a thesis title: what follows the colon
        ("Thesis: Graph Neural Networks for Traffic Forecasting", []),
        (
            "Master's thesis in adaptive control, penchant for machine learning",
            [("masters_degree", "Master's"), ("machine_learning", "machine learning")],
        ),
    ],
)
def test_roles(extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "resume", "posting"),
    [
        # a technology named on a title line: the writer's skill in a resume; a posting's
        # title names the job (SkillSpan leaves it unannotated) and the filter judges it
        ("Senior Java Developer", {"java"}, set()),
        ("Java Developer – Full-time job – Berlin", {"java"}, set()),
        ("Machine Learning Engineer", {"machine_learning"}, set()),
        # not a title line: the same either way
        ("5+ years of Java and Spring Boot.", {"java", "spring_boot"}, {"java", "spring_boot"}),
    ],
)
def test_title_names(
    extractor: SkillExtractor, text: str, resume: set[str], posting: set[str]
) -> None:
    comp = extractor.component
    assert comp.title_names  # the default: resume reading
    assert {m.skill_id for m in extractor.extract(text)} == resume
    comp.title_names = False
    try:
        assert {m.skill_id for m in extractor.extract(text)} == posting
    finally:
        comp.title_names = True


def test_title_names_config() -> None:
    import spacy

    from jobmatch.extract.component import SkillComponent

    nlp = spacy.blank("en")
    comp = nlp.add_pipe("jobmatch_skills", config={"title_names": False})
    assert isinstance(comp, SkillComponent) and comp.title_names is False
    assert nlp.config["components"]["jobmatch_skills"]["title_names"] is False


def test_every_employer_statement_holds_a_cue_word() -> None:
    # a text without a cue skips the search for a statement: each statement must hold one
    from jobmatch.extract.vocabulary import EMPLOYER_STATEMENT_CUES, EMPLOYER_STATEMENTS

    assert all(EMPLOYER_STATEMENT_CUES.intersection(s) for s in EMPLOYER_STATEMENTS)
