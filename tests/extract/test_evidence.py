"""Evidence phrases (skill_lexicon/evidence.toml, jobmatch.extract.evidence)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobmatch.errors import LexiconError
from jobmatch.extract.evidence import load_evidence
from jobmatch.extract.extractor import SkillExtractor


def found(ex: SkillExtractor, text: str) -> list[tuple[str, int, int, str]]:
    return [(m.skill_id, m.start, m.end, m.text) for m in ex.extract(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mentored 3 junior engineers and led a team of 5.",
            [
                ("mentoring", 0, 27, "Mentored 3 junior engineers"),
                ("team_leadership", 32, 42, "led a team"),
            ],
        ),
        # the nearest verb decides between rules sharing an object
        ("Designed and ran experiments.", [("experimentation", 13, 28, "ran experiments")]),
        ("Designed experiments.", [("experimental_design", 0, 20, "Designed experiments")]),
        # deploying a model is model deployment; deploying a payroll system is not
        (
            "Deployed the model using Flask.",
            [("model_deployment", 0, 18, "Deployed the model")],
        ),
        ("Deployed the new payroll system to 40 stores.", []),
        ("Presented a paper at CVPR.", [("conference_presentations", 0, 17, "Presented a paper")]),
        ("Published 5 papers at NeurIPS", [("publishing_research", 0, 18, "Published 5 papers")]),
        # a venue alone; an ambiguous one only with a year or a paper word
        ("Paper accepted at ACL 2022.", [("publishing_research", 6, 21, "accepted at ACL")]),
        ("Configured ACLs on Cisco routers.", [("cisco", 19, 32, "Cisco routers")]),
        # a mention of the phrase's own skill on the object suffices; another skill's
        # stays and the phrase shrinks to its verb
        ("Designed and ran ablation studies.", [("experimentation", 17, 33, "ablation studies")]),
        (
            "Leading cross-functional teams to design products.",
            [
                ("team_leadership", 0, 7, "Leading"),
                ("cross-functional_teamwork", 8, 30, "cross-functional teams"),
            ],
        ),
        # research work told as deeds: reproducing results, surveying the literature,
        # open-sourcing code
        (
            "Replicated baselines from the original paper.",
            [("reproducibility", 0, 20, "Replicated baselines")],
        ),
        (
            "Surveyed the literature on retrieval.",
            [("literature_review", 0, 23, "Surveyed the literature")],
        ),
        (
            "Open-sourced our training library.",
            [("open-source_contributions", 0, 33, "Open-sourced our training library")],
        ),
        # a participle after a number describes its object: "published papers" someone
        # else wrote are no publishing; a farther verb may still govern the object
        (
            "Reproduced results of three published papers.",
            [("reproducibility", 0, 18, "Reproduced results")],
        ),
        ("Studied two published papers.", []),
        (
            "Author of three published papers.",
            [("publishing_research", 0, 32, "Author of three published papers")],
        ),
        # a white paper or a term paper is no research paper (CONSULTANT_13586069: "Author
        # white papers and web content which are used for client marketing"), and articles
        # written are research only near a word of it (PUBLIC-RELATIONS_13129275: "Wrote
        # articles and press releases for the organization's newsletter")
        ("Author white papers and web content for client marketing.", []),
        ("Wrote term papers on the Civil War.", []),
        ("Wrote articles and press releases for the newsletter.", []),
        (
            "Authored 12 articles in peer-reviewed journals.",
            [("publishing_research", 0, 20, "Authored 12 articles")],
        ),
        (
            "Wrote articles for peer-reviewed journals.",
            [("publishing_research", 0, 14, "Wrote articles")],
        ),
        (
            "Write scientific articles",
            [("publishing_research", 0, 25, "Write scientific articles")],
        ),
        # a "verb" after a determiner is a noun; no object, no phrase
        ("Takes the lead where needed in the team.", []),
        ("Our mentor developer will help you.", []),
        ("Mentored by Prof. Smith.", []),
        # never across a sentence end or a line break
        ("Led the migration. The team grew.", []),
        ("Managed\nteam calendars", []),
    ],
)
def test_phrases(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, int, int, str]]
) -> None:
    assert found(extractor, text) == expected


def test_shipped_rules_name_lexicon_skills(extractor: SkillExtractor) -> None:
    rules = load_evidence()
    assert rules is not None
    skills = {r.skill for r in rules.verb_object}
    assert skills == {
        "experimentation",
        "experimental_design",
        "publishing_research",
        "conference_presentations",
        "reproducibility",
        "literature_review",
        "open-source_contributions",
        "team_leadership",
        "mentoring",
        "model_deployment",
        "model_evaluation",
        "people_management",
        "forecasting",
    }
    assert rules.venues is not None and "NeurIPS" in rules.venues.names
    assert skills | {rules.venues.skill} <= set(extractor.lexicon.by_id)


def test_lexicon_folder_without_evidence_file(mini_lexicon_dir: Path) -> None:
    assert load_evidence(mini_lexicon_dir) is None


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[[verb_object]\n", "evidence.toml: "),
        ('[[verb_object]]\nverbs = ["ran"]\nobjects = ["tests"]\n', "'skill' must be a skill id"),
        (
            '[[verb_object]]\nskill = "x"\nverbs = "ran"\nobjects = []\n',
            "'verbs' must be a list of non-empty strings",
        ),
        (
            '[[verb_object]]\nskill = "x"\nverbs = ["ran"]\nobjects = ["a"]\ngap = 99\n',
            "'gap' must be an integer from 0 to 20",
        ),
        ('[venues]\nskill = "x"\nnames = [1]\n', "'names' must be a list of non-empty strings"),
        (
            '[[verb_object]]\nskill = "x"\nverbs = ["ran"]\nobjects = ["a"]\ncues = "lab"\n',
            "'cues' must be a list of non-empty strings",
        ),
    ],
)
def test_bad_evidence_file(tmp_path: Path, body: str, message: str) -> None:
    (tmp_path / "evidence.toml").write_text(body, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        load_evidence(tmp_path)
