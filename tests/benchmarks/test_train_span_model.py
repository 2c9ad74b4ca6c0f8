"""The training corpora of benchmarks/train_span_model.py: which gold spans become entities.

The shipped span model is trained on both SkillSpan layers (an NER tags each token once, so
where a Knowledge and a Skill span overlap the longer one is kept); ``--labels knowledge``
(the experiment of docs/accurate.md) keeps every Knowledge span and no Skill span. And
``--vectors wordllama``'s table, built from WordLlama's token embeddings (skipped when the
``train`` extra is not installed).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from train_span_model import LABELS, convert, gold_spans, wordllama_vectors  # noqa: E402

TEXT = "develop Python applications and SQL reports"


def _span(sub: str, kind: str) -> dict[str, object]:
    start = TEXT.index(sub)
    return {"start": start, "end": start + len(sub), "text": sub, "type": kind}


# a Knowledge span inside a Skill span, and one on its own
ROW = {
    "text": TEXT,
    "spans": [
        _span("develop Python applications", "Skill"),
        _span("Python", "Knowledge"),
        _span("SQL", "Knowledge"),
    ],
}


def _ents(path: Path) -> list[tuple[str, str]]:
    import spacy
    from spacy.tokens import DocBin

    (doc,) = DocBin().from_disk(path).get_docs(spacy.blank("en").vocab)
    return [(e.text, e.label_) for e in doc.ents]


def test_gold_spans_keep_the_labels_asked_for() -> None:
    import spacy

    doc = spacy.blank("en")(TEXT)
    both = [(s.text, s.label_) for s in gold_spans(doc, ROW)]
    assert both == [
        ("develop Python applications", "SKILL"),
        ("Python", "KNOWLEDGE"),
        ("SQL", "KNOWLEDGE"),
    ]
    knowledge = [(s.text, s.label_) for s in gold_spans(doc, ROW, LABELS["knowledge"])]
    assert knowledge == [("Python", "KNOWLEDGE"), ("SQL", "KNOWLEDGE")]


def test_a_gold_edge_inside_a_token_widens_to_the_token() -> None:
    import spacy

    doc = spacy.blank("en")(TEXT)
    row = {"text": TEXT, "spans": [{"start": 9, "end": 14, "type": "Knowledge"}]}  # "ytho"
    assert [s.text for s in gold_spans(doc, row, LABELS["knowledge"])] == ["Python"]


@pytest.mark.parametrize(
    ("labels", "ents", "dropped"),
    [
        # both layers: the Skill span around "Python" is longer, so "Python" is lost
        ("both", [("develop Python applications", "SKILL"), ("SQL", "KNOWLEDGE")], 1),
        # Knowledge alone: every Knowledge span, the nested one included
        ("knowledge", [("Python", "KNOWLEDGE"), ("SQL", "KNOWLEDGE")], 0),
    ],
)
def test_convert_writes_the_entities_of_the_labels(
    tmp_path: Path, labels: str, ents: list[tuple[str, str]], dropped: int
) -> None:
    src = tmp_path / "rows.jsonl"
    src.write_text(json.dumps(ROW) + "\n", encoding="utf-8")
    n_rows, n_spans, n_dropped = convert(src, tmp_path / "out.spacy", LABELS[labels])
    assert (n_rows, n_spans, n_dropped) == (1, len(ents), dropped)
    assert _ents(tmp_path / "out.spacy") == ents


def test_wordllama_vectors_are_unit_rows_of_the_first_dims(tmp_path: Path) -> None:
    pytest.importorskip("wordllama")
    import numpy as np
    import spacy

    words = ["docker", "guitar", "Kubernetes", "SQL", "database", "JavaScript"]
    nlp = spacy.load(wordllama_vectors(words, tmp_path, 64))
    vectors = nlp.vocab.vectors
    assert vectors.shape == (6, 64)  # one row a word, whatever its case
    rows = np.stack([nlp.vocab[w].vector for w in words])
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-3)
    # the key is the token's text: each case form given, lower, upper and capitalised
    # share the lower case's row; another form has none
    kube = nlp.vocab["kubernetes"]
    for form in ("Kubernetes", "KUBERNETES", "kubernetes"):
        assert np.array_equal(nlp(form)[0].vector, kube.vector)
    assert nlp.vocab.has_vector("JavaScript") and nlp.vocab.has_vector("Javascript")
    assert not nlp.vocab.has_vector("kUbernetes")
    # pretrained knowledge: related tools are nearer each other than to an instrument
    assert kube.similarity(nlp.vocab["docker"]) > kube.similarity(nlp.vocab["guitar"]) + 0.3
    assert nlp.vocab["sql"].similarity(nlp.vocab["database"]) > 0.4
