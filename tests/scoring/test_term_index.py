"""TermModel.doc_cosine: the cosine from word hashes is the float of the string path."""

from __future__ import annotations

import numpy as np
import pytest
import spacy
from spacy.strings import get_string_id
from spacy.tokens import Doc

from jobmatch.scoring.term_index import VocabularyIndex
from jobmatch.scoring.terms import TermModel, doc_terms, keeps

TEXTS = [
    "We use Python and PyTorch; machine learning, the Machine Learning team. A b 42 x2",
    # spaCy's symbols ("agent", "number", "mark") have their own ids, not hashes
    "The agent will mark the number of cases: a travel agent, phone number.",
    # a dropped word between two kept ones: the bigram of the kept pair
    "machine of learning, learning the python python python",
    "",
    "the of and 42 ! ?",
    "zzzz qqqq wwww unseen words only",
]
IDF = {
    "python": 2.0,
    "learning": 1.5,
    "machine": 1.25,
    "machine learning": 3.0,
    "learning python": 2.5,
    "agent": 1.1,
    "travel agent": 2.2,
    "phone number": 1.7,
    "team": 0.9,
    "learning team": 2.9,
}


def string_path(model: TermModel, doc: Doc) -> float:
    return model.cosine(doc_terms(doc, vocabulary=model.idf), in_vocabulary=True)


@pytest.mark.parametrize("text", TEXTS)
def test_doc_cosine_is_the_float_of_the_string_path(text: str) -> None:
    model = TermModel(idf=dict(IDF), vector={"python": 0.6, "machine learning": 0.8, "x": 1.0})
    doc = spacy.blank("en")(text)
    assert model.index_cosine(doc) == string_path(model, doc)


def test_doc_cosine_on_a_word_holding_a_space() -> None:
    idf = {"new york city": 2.0, "city hall": 1.0, "new york": 3.0, "hall": 0.5}
    model = TermModel(idf=idf, vector={"city hall": 1.0})
    doc = Doc(spacy.blank("en").vocab, words=["New York", "city", "hall"])
    expected = string_path(model, doc)
    assert expected > 0.0
    assert model.index_cosine(doc) == expected


def test_doc_cosine_of_the_shipped_model_on_the_samples() -> None:
    from pathlib import Path

    from jobmatch.scoring.scorer import Scorer

    scorer = Scorer()
    root = Path(__file__).resolve().parents[2] / "samples"
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.glob("*.txt"))]
    assert len(texts) >= 3
    for doc, _ in scorer.extractor.pipe_docs(texts):
        expected = string_path(scorer.terms, doc)
        assert scorer.terms.index_cosine(doc) == expected
        assert scorer.terms.doc_cosine(doc) == expected


def test_the_first_doc_of_a_vocabulary_builds_no_index() -> None:
    from jobmatch.scoring import term_index

    model = TermModel(idf=dict(IDF), vector={"python": 0.6, "machine learning": 0.8})
    nlp = spacy.blank("en")
    first, second = nlp(TEXTS[0]), nlp(TEXTS[2])
    assert model.doc_cosine(first) == string_path(model, first)
    assert id(model.idf) not in term_index._INDEXES  # the string path, no index
    assert model.doc_cosine(second) == string_path(model, second)
    assert term_index._INDEXES[id(model.idf)][0] is model.idf  # built for the second


def test_the_index_learns_new_words_merges_and_starts_again() -> None:
    nlp = spacy.blank("en")
    index = VocabularyIndex(IDF, get_string_id, keeps, merge_at=4, max_size=6)
    own = len(index)
    strings = nlp.vocab.strings
    seen: set[str] = set()
    for k in range(12):
        words = [f"word{k}a", "the", f"word{k}b", "python", "learning"]
        doc = nlp(" ".join(words))
        hashes = doc.to_array("LOWER")
        codes = index.codes(hashes, strings).tolist()
        # 0: dropped, 1: kept and not the vocabulary's, 2+: a vocabulary word
        assert codes[0] == 1 and codes[1] == 0 and codes[2] == 1
        assert codes[3] >= 2 and codes[4] >= 2
        seen.update(words[:1] + words[2:3])
        # a second look finds the same codes, now known
        assert index.codes(hashes, strings).tolist() == codes
        assert own <= len(index) <= own + 6 + 4
    # it started again at least once: not every word met is still known
    assert len(index) < own + len(seen)


def test_words_sharing_a_slot_of_the_hashed_table_are_found() -> None:
    # the hashed table holds one word a slot: the others are found in the sorted one
    from jobmatch.scoring.term_index import _hashed

    words = [f"term{i}" for i in range(3000)]
    idf = {w: 1.0 + i / 1000 for i, w in enumerate(words)}
    index = VocabularyIndex(idf, get_string_id, keeps)
    keys, _, mask = _hashed(*index._own)
    hashes = np.array([get_string_id(w) for w in words], dtype=np.uint64)
    shared = int(np.count_nonzero(keys[(hashes & mask).astype(np.intp)] != hashes))
    assert shared > 0  # some words are not in their slot
    strings = spacy.blank("en").vocab.strings
    codes = index.codes(hashes, strings)
    assert (codes >= 2).all()
    assert index.unigram[codes].tolist() == [index.number[w] for w in words]
    # an unknown word, wherever its slot falls, is learned as kept but no term's (code 1)
    strings.add("zzzunknownword")
    unknown = np.array([get_string_id("zzzunknownword"), 0], dtype=np.uint64)
    assert index.codes(unknown, strings).tolist() == [1, 0]


def test_terms_of_a_doc_in_order() -> None:
    nlp = spacy.blank("en")
    index = VocabularyIndex(IDF, get_string_id, keeps)
    doc = nlp("machine of learning python, machine learning")
    ids = index.term_ids(doc.to_array("LOWER"), nlp.vocab.strings)
    assert isinstance(ids, np.ndarray)
    names = [index.terms[i] for i in ids.tolist()]
    assert names == doc_terms(doc, vocabulary=IDF)
    assert names == [
        "machine",
        "learning",
        "python",
        "machine",
        "learning",
        "machine learning",
        "learning python",
        "machine learning",
    ]


def test_the_lower_hashes_the_component_left_are_the_docs() -> None:
    from jobmatch.extract.columns import COLUMNS_KEY, lower_hashes
    from jobmatch.extract.component import default_extractor

    extractor = default_extractor()
    text = "Senior ML Engineer\nPython, PyTorch; MSc in Computer Science.\n\n  New York"
    doc, _ = next(extractor.pipe_docs([text]))
    assert COLUMNS_KEY in doc.user_data  # left by the component: no second to_array
    assert lower_hashes(doc).tolist() == doc.to_array("LOWER").tolist()
    with doc.retokenize() as retokenizer:  # fewer tokens: the ones left are stale
        retokenizer.merge(doc[0:2])
    assert lower_hashes(doc).tolist() == doc.to_array("LOWER").tolist()
    blank = spacy.blank("en")(text)  # no component: read from the doc
    assert lower_hashes(blank).tolist() == blank.to_array("LOWER").tolist()
