"""The training corpora of benchmarks/train_span_model.py: which gold spans become entities.

The shipped span model is trained on both SkillSpan layers (an NER tags each token once, so
where a Knowledge and a Skill span overlap the longer one is kept); ``--labels knowledge``
(the experiment of docs/accurate.md) keeps every Knowledge span and no Skill span. And the
table of ``--vectors wordllama``, built from WordLlama's token embeddings.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from train_span_model import LABELS, convert, gold_spans, write_word_vectors  # noqa: E402

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


def test_word_vectors_are_unit_means_of_their_pieces_under_each_case(tmp_path: Path) -> None:
    """The table of ``--vectors wordllama`` (built from a toy piece table here: WordLlama is
    the ``train`` extra): a word's row is the normalised mean of its pieces' rows, shared by
    its case forms, and ``spacy init vectors`` keys it by the token's text."""
    import numpy as np
    import spacy

    table = np.array([[3.0, 0.0, 9.0], [0.0, 4.0, 9.0], [1.0, 1.0, 9.0]], dtype=np.float32)[:, :2]
    ids = {"kubernetes": [0, 1], "docker": [2], "javascript": [0]}
    text = tmp_path / "vectors.txt"
    write_word_vectors(
        ["Kubernetes", "docker", "JavaScript"], lambda lows: [ids[w] for w in lows], table, text
    )
    vec_dir = tmp_path / "vectors"
    subprocess.run(
        [sys.executable, "-m", "spacy", "init", "vectors", "en", str(text), str(vec_dir)],
        check=True,
        capture_output=True,
    )
    nlp = spacy.load(vec_dir)
    assert nlp.vocab.vectors.shape == (3, 2)  # one row a word, whatever its case
    kube = np.array([0.6, 0.8])  # mean (1.5, 2.0), unit length
    for form in ("Kubernetes", "KUBERNETES", "kubernetes"):
        assert np.allclose(nlp(form)[0].vector, kube, atol=1e-4)
    assert np.allclose(nlp.vocab["docker"].vector, [2**-0.5, 2**-0.5], atol=1e-4)
    assert nlp.vocab.has_vector("JavaScript") and nlp.vocab.has_vector("Javascript")
    assert not nlp.vocab.has_vector("kUbernetes")  # another case form has no row
