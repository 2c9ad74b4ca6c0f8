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
