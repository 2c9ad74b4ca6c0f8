"""The lexicon's mentions as BIO tags in ``token.tag_``: the span model's lexicon feature."""

from __future__ import annotations

import spacy

from jobmatch import make_nlp
from jobmatch.extract.lexicon_tags import (
    LEXICON_TAGS_PIPE,
    OUTSIDE,
    LexiconTagger,
    lexicon_tags,
    set_lexicon_tags,
)
from jobmatch.extract.span_model import SPAN_MODEL_PIPE

TEXT = "Skills: Python programming, machine learning and teamwork."


def test_mentions_become_bio_tags_with_their_layer() -> None:
    doc = LexiconTagger()(make_nlp()(TEXT))
    assert [(t.text, t.tag_) for t in doc] == [
        ("Skills", "O"),
        (":", "O"),
        ("Python", "LB-K"),
        ("programming", "LI-K"),
        (",", "O"),
        ("machine", "LB-K"),
        ("learning", "LI-K"),
        ("and", "O"),
        ("teamwork", "LB-S"),
        (".", "O"),
    ]


def test_a_doc_without_lexicon_mentions_is_all_outside() -> None:
    doc = LexiconTagger()(spacy.blank("en")("no skills here"))
    assert [t.tag_ for t in doc] == [OUTSIDE] * 3


def test_lexicon_tags_take_the_layer_from_the_callback() -> None:
    doc = make_nlp()("Python and teamwork")
    assert lexicon_tags(doc, lambda skill_id: "X") == ["LB-X", "O", "LB-X"]
    set_lexicon_tags(doc, ["a", "b", "c"])
    assert [t.tag_ for t in doc] == ["a", "b", "c"]


def test_the_accurate_pipeline_tags_before_the_model_runs() -> None:
    nlp = make_nlp(accurate=True)
    assert nlp.pipe_names == ["jobmatch_skills", LEXICON_TAGS_PIPE, SPAN_MODEL_PIPE]
    doc = nlp("Python and teamwork")
    assert [t.tag_ for t in doc] == ["LB-K", "O", "LB-S"]


def test_the_factory_is_registered_by_name() -> None:
    nlp = make_nlp()
    nlp.add_pipe(LEXICON_TAGS_PIPE)
    assert [t.tag_ for t in nlp("R and Python")] == ["LB-K", "O", "LB-K"]
