"""Skills named by coordination ("analytical and problem-solving skills", "data collection
and analysis")."""

from __future__ import annotations

from typing import Any

import pytest

from jobmatch.extract.component import SkillExtractor


def found(ex: SkillExtractor, text: str) -> list[tuple[str, str]]:
    """``(skill id, quoted text)`` of each mention, checking the quote against the offsets."""
    out = []
    for m in ex.extract(text):
        assert text[m.start : m.end] == m.text
        out.append((m.skill_id, m.text))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Strong analytical and problem-solving skills.",
            [("analytical_skills", "analytical"), ("problem-solving", "problem-solving skills")],
        ),
        (
            "Analytical, problem-solving, and communication skills",
            [
                ("analytical_skills", "Analytical"),
                ("problem-solving", "problem-solving"),
                ("communication", "communication skills"),
            ],
        ),
        (
            "Cell and molecular biology",
            [("cell_biology", "Cell"), ("molecular_biology", "molecular biology")],
        ),
        (
            "Proficient in project and personnel management",
            [("project_management", "project"), ("people_management", "personnel management")],
        ),
        (
            "Create unit and integration tests for your code",
            [("unit_testing", "unit"), ("integration_testing", "integration tests")],
        ),
        (
            "Experience with machine/deep learning",
            [("machine_learning", "machine"), ("deep_learning", "deep learning")],
        ),
        (
            "Use supervised and unsupervised learning",
            [
                ("supervised_learning", "supervised"),
                ("unsupervised_learning", "unsupervised learning"),
            ],
        ),
    ],
)
def test_each_conjunct_is_the_skill_it_names_with_the_shared_words(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected


def test_a_conjunct_that_is_a_skill_alone_keeps_that_reading(extractor: SkillExtractor) -> None:
    # "SQL databases" is a relational-database pattern, but "SQL" names SQL here
    assert found(extractor, "SQL and relational databases") == [
        ("sql", "SQL"),
        ("relational_databases", "relational databases"),
    ]


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # a list of noun phrases: the Oxford comma with one conjunct before it
        ("evidence from Mixpanel funnel data, and competitive analysis", "data_analysis"),
        # plain lists, no join before the matched phrase
        ("Office, product lifecycle management", "office_administration"),
        ("statistics, machine learning, probability theory", "statistical_learning_theory"),
    ],
)
def test_lists_are_no_coordination(extractor: SkillExtractor, text: str, wrong: str) -> None:
    assert wrong not in {m.skill_id for m in extractor.extract(text)}


def test_data_and_data_structures_is_one_mention(extractor: SkillExtractor) -> None:
    assert found(extractor, "data and data structures") == [("data_structures", "data structures")]


def test_conjuncts_pass_the_mention_filter(extractor: SkillExtractor) -> None:
    # the trained filter drops many lone words; a conjunct is judged with its shared words
    assert extractor.component.filter_active
    assert ("relational_databases", "relational") in found(
        extractor, "Experience with relational and NoSQL databases"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Data collection and analysis of large datasets",
            [("data_collection", "Data collection"), ("data_analysis", "analysis")],
        ),
        (
            "Computer vision and graphics",
            [("computer_vision", "Computer vision"), ("computer_graphics", "graphics")],
        ),
        (
            "Statistical analysis and modeling.",
            [("statistics", "Statistical analysis"), ("statistical_modeling", "modeling")],
        ),
        (
            "Quality control/assurance",
            [("quality_control", "Quality control"), ("qa", "assurance")],
        ),
    ],
)
def test_a_conjunct_after_a_phrase_shares_its_first_words(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # "work" heads "work independently", not "team work"
        "A team player and work independently",
        # a hyphen joins the word to what follows: no phrase ends there
        "Open-source contributions and community-driven development",
    ],
)
def test_a_word_that_goes_on_is_no_conjunct_after_a_phrase(
    extractor: SkillExtractor, text: str
) -> None:
    assert not {"teamwork", "open_source_community"} & {
        m.skill_id for m in extractor.extract(text) if m.text.lower() in {"work", "community"}
    }


def test_the_phrase_index_agrees_with_the_matcher(
    extractor: SkillExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The look-up of a conjunct's words gives the key the matcher finds on a doc of them."""
    from jobmatch.extract import coordination
    from jobmatch.extract.coordination import _full_match

    monkeypatch.setattr(coordination, "_ASKED_BEFORE_INDEX", 0)  # the index, built now

    comp = extractor.component
    patterns, index, nlp = comp._patterns, comp._phrases, extractor.nlp
    for words in (
        ["written", "communication"],
        ["Cell", "biology"],
        ["problem", "-", "solving", "skills"],
        ["data", "analysis"],
        ["verbal", "and"],
        ["no", "such", "skill", "here"],
    ):
        lows = tuple(nlp.vocab.strings.add(w.lower()) for w in words)
        doc = nlp.make_doc(" ".join(words))
        assert index.key(lows) == _full_match(doc, patterns, words)
    assert index.key(tuple(nlp.vocab.strings.add(w) for w in ["written", "communication"]))


def _small_index() -> Any:
    from jobmatch.extract.coordination import PhraseIndex
    from jobmatch.extract.patterns import MatchKind, PatternPlan

    plan = PatternPlan(
        groups=(
            (0, MatchKind.PLAIN, ((1, 2),)),
            (0, MatchKind.AMBIGUOUS, ((1, 2), (3,))),
            (1, MatchKind.PLAIN, ((3,), (4, 5))),
            (2, MatchKind.EXACT, ((4, 5),)),
        ),
        exact={},
        join_pairs=frozenset(),
        max_tokens=2,
        n_patterns=5,
    )
    info = {10: (0, MatchKind.PLAIN), 11: (0, MatchKind.AMBIGUOUS), 12: (1, MatchKind.PLAIN)}
    info[13] = (2, MatchKind.EXACT)
    return PhraseIndex(plan, info)


def test_a_spelling_two_keys_of_one_skill_share_is_left_to_the_matcher(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """When a plain and an ambiguous pattern of one skill spell the same tokens, the index
    does not choose: the matcher's order does, as before the index."""
    from jobmatch.extract import coordination
    from jobmatch.extract.coordination import UNSURE

    monkeypatch.setattr(coordination, "_ASKED_BEFORE_INDEX", 0)
    index = _small_index()
    assert index.key((1, 2)) == UNSURE
    assert index.key((3,)) == 11  # the lowest skill index
    assert index.key((4, 5)) == 12  # never an exact-case key
    assert index.key((9,)) is None


def test_the_first_questions_go_to_the_matcher_then_the_index_is_built() -> None:
    """A command scoring one document asks a few dozen conjuncts: the matcher answers them
    (building the index of ~20,000 spellings costs more); the index is built after
    ``_ASKED_BEFORE_INDEX`` questions and answers from then on."""
    from jobmatch.extract.coordination import _ASKED_BEFORE_INDEX, UNSURE

    index = _small_index()
    assert [index.key((3,)) for _ in range(_ASKED_BEFORE_INDEX)] == [UNSURE] * _ASKED_BEFORE_INDEX
    assert index._best is None
    assert index.key((3,)) == 11
    assert index._best is not None
