"""The jobmatch tokenizer keeps spaCy's English tokens while letting spaCy cache more runs.

spaCy caches the split of a run of text only while no special case has matched in the
document; its white-space special cases ("\\n", " ", "\\t") matched in almost every
document. They are left out of the jobmatch tokenizer: the tokens must not change.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from jobmatch.extract.nlp_tokenizer import (
    CACHE_RUNS,
    LONG_RUN,
    _has_long_run,
    blank_pipeline,
    cacheable_rules,
)

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_only_white_space_naming_itself_is_left_out() -> None:
    rules = spacy.blank("en").tokenizer.rules
    kept = cacheable_rules(rules)
    assert sorted(set(rules) - set(kept)) == ["\t", "\n", " "]
    assert kept["\xa0"] == rules["\xa0"]  # it sets a norm: kept


def _tokens(nlp: spacy.language.Language, text: str) -> list[tuple[str, str, str, int]]:
    return [(t.text, t.whitespace_, t.norm_, t.is_space) for t in nlp.make_doc(text)]


@pytest.fixture(scope="module")
def pipelines() -> tuple[spacy.language.Language, spacy.language.Language]:
    """The jobmatch tokenizer, and the same with spaCy's full English special cases."""
    ours = blank_pipeline()
    full = blank_pipeline()
    full.tokenizer.rules = {**spacy.blank("en").tokenizer.rules, **full.tokenizer.rules}
    assert len(full.tokenizer.rules) == len(ours.tokenizer.rules) + 3
    return ours, full


TEXTS = [
    "Python\nSQL\n\nR.\tGo  Java \n \t Scala\xa0Spark",
    "  leading\n\n\n\ttabs\t\t and  double  spaces \n",
    "e.g. don't\nC++ /  C#/.NET\n\u2022Negotiation \n-Java\n",
    "\n",
    " ",
    "\t\n ",
]


@pytest.mark.parametrize("text", TEXTS)
def test_same_tokens_as_with_the_white_space_cases(
    pipelines: tuple[spacy.language.Language, spacy.language.Language], text: str
) -> None:
    ours, full = pipelines
    assert _tokens(ours, text) == _tokens(full, text)


def test_same_tokens_on_every_sample(
    pipelines: tuple[spacy.language.Language, spacy.language.Language],
) -> None:
    ours, full = pipelines
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    assert texts
    for text in texts:
        assert _tokens(ours, text) == _tokens(full, text)


def test_the_tokenizer_remembers_more_runs_than_spacys() -> None:
    assert blank_pipeline().tokenizer.max_cache_size == CACHE_RUNS
    assert CACHE_RUNS > spacy.blank("en").tokenizer.max_cache_size


def test_remembered_runs_give_the_tokens_of_runs_split_anew() -> None:
    # each sample twice (the second time its runs come from the cache) against a tokenizer
    # that remembers nothing: the same tokens
    remembering = blank_pipeline()
    forgetting = blank_pipeline()
    forgetting.tokenizer.max_cache_size = 0
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))] + TEXTS
    for text in texts + texts:
        assert _tokens(remembering, text) == _tokens(forgetting, text)


def test_new_runs_are_split_alone_first_outside_memory_zones() -> None:
    nlp = blank_pipeline()
    text = "e.g. Python,\nSQL and R. " + "y" * LONG_RUN
    nlp.make_doc(text)
    assert nlp.tokenizer._known_runs == set(text.split())
    with nlp.memory_zone():
        nlp.make_doc("Kubernetes (k8s)")  # spaCy remembers nothing in a zone: neither do we
    assert "Kubernetes" not in nlp.tokenizer._known_runs
    nlp.make_doc("Kubernetes (k8s)")
    assert {"Kubernetes", "(k8s)"} <= nlp.tokenizer._known_runs


def test_runs_after_a_special_case_give_the_same_tokens() -> None:
    # "don't" is a special case: spaCy would not remember the runs after it in this doc
    texts = ["don't use Node.js/Express (v18+) or C#/.NET;", "Node.js/Express (v18+) C#/.NET;"]
    forgetting = blank_pipeline()
    forgetting.tokenizer.max_cache_size = 0
    remembering = blank_pipeline()
    for text in texts + texts:
        assert _tokens(remembering, text) == _tokens(forgetting, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("x" * (LONG_RUN - 1), False),
        ("x" * LONG_RUN, True),
        ("word " * 200, False),
        ("a " * 100 + "y" * LONG_RUN + "\n", True),
        ("a\n" * 100 + "y" * (LONG_RUN - 1) + "\n" + "z" * (LONG_RUN - 1), False),
        ("\t".join(["q" * 200] * 5), False),  # tabs only: every block is checked in full
        ("é" * (LONG_RUN + 1) + " end", True),
    ],
)
def test_long_runs_are_found_as_by_splitting(text: str, expected: bool) -> None:
    assert (max(map(len, text.split()), default=0) >= LONG_RUN) is expected
    assert _has_long_run(text) is expected
