"""doc_terms: the fast path of the TF-IDF terms of a Doc equals analyze(doc_words(doc))."""

from __future__ import annotations

import spacy

from jobmatch.scoring.terms import TermModel, analyze, doc_terms, doc_words

TEXT = "We use Python and PyTorch; machine learning, the Machine Learning team. A b 42 x2"


def test_doc_terms_equals_analyze_of_doc_words() -> None:
    doc = spacy.blank("en")(TEXT)
    expected = analyze(doc_words(doc))
    assert doc_terms(doc) == expected
    assert expected[:5] == ["use", "python", "pytorch", "machine", "learning"]
    assert "x2" in expected and "42" not in expected and "b" not in expected


def test_doc_terms_remembers_recent_docs_and_is_not_changed_by_callers() -> None:
    nlp = spacy.blank("en")
    doc = nlp("machine learning engineer")
    first = doc_terms(doc)
    first.append("mutated")
    assert doc_terms(nlp("deep learning")) == ["deep", "learning", "deep learning"]
    assert doc_terms(doc) == [
        "machine",
        "learning",
        "engineer",
        "machine learning",
        "learning engineer",
    ]
    other = nlp("computer vision")
    assert doc_terms(other) == ["computer", "vision", "computer vision"]
    assert doc_terms(other) == ["computer", "vision", "computer vision"]


def test_cosine_ignores_terms_outside_the_vocabulary() -> None:
    model = TermModel(idf={"python": 2.0, "ml": 1.0}, vector={"python": 1.0})
    # python: 2 x 2.0 = 4.0, ml: 1.0 -> cos = 4 / sqrt(17)
    assert model.cosine(["python", "zzz", "ml", "python", "zzz zzz"]) == 4.0 / 17**0.5
    assert model.cosine(["zzz"]) == 0.0


def test_doc_terms_in_a_vocabulary_keeps_the_order_of_analyze() -> None:
    doc = spacy.blank("en")(TEXT)
    vocabulary = {"machine learning", "python", "team", "learning team", "zzz zzz"}
    expected = [t for t in analyze(doc_words(doc)) if t in vocabulary]
    assert doc_terms(doc, vocabulary=vocabulary) == expected
    assert expected == ["python", "team", "machine learning", "machine learning", "learning team"]
    assert doc_terms(doc) == analyze(doc_words(doc))  # the same Doc, no vocabulary


def test_doc_terms_in_a_vocabulary_with_a_word_holding_a_space() -> None:
    # a token may hold a space (a special case, or a Doc built from words): its bigrams are
    # still found by their text, whichever space splits them
    from spacy.tokens import Doc

    doc = Doc(spacy.blank("en").vocab, words=["New York", "city", "hall"])
    vocabulary = {"new york city", "city hall", "new york"}
    expected = [t for t in analyze(doc_words(doc)) if t in vocabulary]
    assert expected == ["new york", "new york city", "city hall"]
    assert doc_terms(doc, vocabulary=vocabulary) == expected
