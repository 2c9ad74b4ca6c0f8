"""The TF-IDF side of scoring: terms of a text and the stored term model of a profile.

:func:`analyze` turns token texts into terms (words and bigrams); :class:`TermModel` holds a
background vocabulary's idf and a profile's term vector and computes the cosine of a document
with it. spaCy is imported only when a text must be tokenised here (:func:`text_terms`).
"""

from __future__ import annotations

import math
import threading
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any

from ..models import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .term_index import VocabularyIndex

__all__ = ["TermModel", "analyze", "text_terms", "doc_words", "doc_terms", "skill_terms"]


@dataclass(frozen=True)
class TermModel:
    """Stored TF-IDF model: vocabulary idf and the L2-normalised profile term vector."""

    idf: dict[str, float] = field(repr=False)
    vector: dict[str, float] = field(repr=False)
    background: str = ""
    #: the vocabulary terms that are skill vocabulary (lexicon names and aliases)
    skill_terms: frozenset[str] = field(default=frozenset(), repr=False)

    def weights(self, terms: Iterable[str]) -> dict[str, float]:
        """Raw tf x idf of ``terms`` over the stored vocabulary (not normalised).

        Raw, not sublinear, term frequency: how often a document repeats a profile term is
        evidence of fit (measured: ranking postings, README "Scoring")."""
        idf = self.idf
        return {t: n * idf[t] for t, n in Counter(terms).items() if t in idf}

    def cosine(self, terms: Iterable[str], *, in_vocabulary: bool = False) -> float:
        """Cosine similarity of the document ``terms`` with the profile vector.

        One pass over the distinct terms (the hot path of batch scoring); the sums run in
        order of first occurrence, so the same terms always give the same float.
        ``in_vocabulary``: every term is in ``idf`` (as :func:`doc_terms` with
        ``vocabulary=idf`` gives them), so none is dropped.
        """
        table = self._idf_and_vector
        dot = sq = 0.0
        # terms outside the vocabulary are dropped before counting (most bigrams are): the
        # kept ones keep their order of first occurrence
        kept = terms if in_vocabulary else [t for t in terms if t in table]
        counts = Counter(kept)
        # the counts and each term's (idf, weight) in the same order: no look-up per step
        for n, (idf, p) in zip(counts.values(), map(table.__getitem__, counts), strict=True):
            v = n * idf
            sq += v * v
            if p is not None:
                dot += v * p
        return dot / math.sqrt(sq) if sq > 0.0 else 0.0

    def doc_cosine(self, doc: Doc) -> float:
        """``self.cosine(doc_terms(doc, vocabulary=self.idf), in_vocabulary=True)``, the
        same float.

        From the second Doc of a vocabulary on, it is computed from the Doc's word hashes
        (:mod:`jobmatch.scoring.term_index`: no string per word; the hot path of batch
        scoring). The first Doc takes the string path: building the vocabulary's index
        costs more than one Doc (a ``jobmatch score`` scores one; an ad-hoc profile of a
        posting scores one resume).
        """
        from .term_index import repeat_index

        index = repeat_index(self.idf)
        if index is None:
            return self.cosine(doc_terms(doc, vocabulary=self.idf), in_vocabulary=True)
        return self._index_cosine(index, doc)

    def index_cosine(self, doc: Doc) -> float:
        """:meth:`doc_cosine` from the Doc's word hashes, whichever Doc it is (the same
        float as the string path)."""
        from .term_index import vocabulary_index

        return self._index_cosine(vocabulary_index(self.idf), doc)

    def _index_cosine(self, index: VocabularyIndex, doc: Doc) -> float:
        from ..extract.columns import lower_hashes
        from .term_index import cosine_of_ids

        ids = index.term_ids(lower_hashes(doc), doc.vocab.strings)
        return cosine_of_ids(index.idf, ids, self._vector_array)

    @cached_property
    def _vector_array(self) -> Any:
        """The vector's weights by term number (the place of each term in ``idf``), NaN
        for the others (terms outside ``idf`` count for nothing in :meth:`cosine`)."""
        import numpy as np

        from .term_index import vocabulary_index

        number = vocabulary_index(self.idf).number
        weights = np.full(len(number), np.nan)
        for t, w in self.vector.items():
            if t in number:
                weights[number[t]] = w
        return weights

    @cached_property
    def _idf_and_vector(self) -> dict[str, tuple[float, float | None]]:
        """term -> (its idf, its weight in ``vector`` or ``None``): one look-up per term."""
        vec = self.vector
        return {t: (idf, vec.get(t)) for t, idf in self.idf.items()}

    def vector_of(self, terms: Iterable[str]) -> dict[str, float]:
        """The L2-normalised TF-IDF vector of ``terms`` (for ad-hoc profiles).

        Like the shipped profile vector it keeps skill vocabulary only (``skill_terms``),
        when the model has it.
        """
        w = self.weights(terms)
        if self.skill_terms:
            w = {t: v for t, v in w.items() if t in self.skill_terms}
        norm = math.sqrt(math.fsum(v * v for v in w.values()))
        return {t: v / norm for t, v in sorted(w.items())} if norm else {}


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def analyze(tokens: Iterable[str]) -> list[str]:
    """TF-IDF terms from lower-cased token texts (spaCy ``Token.lower_``).

    Keeps tokens with a letter, of two characters or more, that are not English stop words,
    followed by the bigrams of consecutive kept tokens.
    The same function serves the build and the scorer, so both see the same terms.
    """
    tokens = list(tokens)
    # decide once per distinct token (a text repeats most of its tokens)
    keep = set(filter(keeps, set(tokens)))
    words = [t for t in tokens if t in keep]
    # bigrams of consecutive kept words ("machine learning", "computer vision") are far more
    # specific to a role than their parts (as sklearn builds n-grams after stop words)
    return words + list(map(" ".join, zip(words, words[1:], strict=False)))


def text_terms(texts: Sequence[str]) -> list[list[str]]:
    """Terms of whole texts, tokenised with ``spacy.blank("en")`` (build time, ad-hoc profiles)."""
    tokenizer = _tokenizer()
    return [analyze(t.lower_ for t in doc) for doc in tokenizer.pipe(texts)]


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import spacy

    return spacy.blank("en").tokenizer


_SKILL_TERMS: dict[tuple[int, str], frozenset[str]] = {}


def skill_terms(lexicon: Lexicon) -> frozenset[str]:
    """The lexicon's surface forms as terms: a one-word form's word, a longer form's bigrams."""
    key = (id(lexicon), lexicon.version)
    if key not in _SKILL_TERMS:
        terms: set[str] = set()
        for ts in text_terms([f for s in lexicon.skills for f in s.surface_forms]):
            words = [t for t in ts if " " not in t]
            terms.update(words if len(words) == 1 else (t for t in ts if " " in t))
        _SKILL_TERMS[key] = frozenset(terms)
    return _SKILL_TERMS[key]


def doc_words(doc: Doc) -> list[str]:
    """The lower-cased token texts of a spaCy ``Doc`` (array access: no Token objects)."""
    strings = doc.vocab.strings
    return [strings[h] for h in doc.to_array("LOWER").tolist()]


#: lower-case string hash -> its text if :func:`analyze` keeps it as a term, else ``""``.
#: A hash names the same text in every vocab, and whether a word is kept depends on its text
#: only, so one table serves every Doc (cleared when it grows past ``_KEPT_MAX``: distinct
#: postings bring ~7 new words each, and 500,000 entries held ~55 MB; refilling the common
#: words after a clear costs a few Docs' worth of lookups)
_KEPT: dict[int, str] = {}
_KEPT_MAX = 50_000


def keeps(word: str) -> bool:
    """:func:`analyze` keeps ``word`` (lower case) as a term."""
    return len(word) > 1 and word not in _stop_words() and any(map(str.isalpha, word))


#: id of a vocabulary -> (it, its bigrams as pairs of words)
_PAIRS: dict[int, tuple[Collection[str], frozenset[tuple[str, str]]]] = {}
#: (id of a Doc, id of the vocabulary) -> (the Doc, its terms) of the last two Docs given to
#: :func:`doc_terms`, least recently used first: a resume scored against many postings is
#: the same Doc every time, between the postings' own Docs
_RECENT: dict[tuple[int, int | None], tuple[Any, tuple[str, ...]]] = {}
#: the tables are shared by the threads of a server; the work is GIL-bound anyway
_LOCK = threading.Lock()


def doc_terms(doc: Doc, *, vocabulary: Collection[str] | None = None) -> list[str]:
    """``analyze(doc_words(doc))``, without re-deciding each distinct word for every Doc.

    Args:
        doc: a tokenised Doc.
        vocabulary: when given, only the terms in it are returned (the others count for
            nothing in a :class:`TermModel`), and bigrams that cannot be in it are not built.

    Returns:
        The terms of :func:`analyze` (same terms, same order), those in ``vocabulary`` only
        if it is given. The last two Docs' terms are remembered: do not change a Doc after
        asking for its terms.
    """
    key = (id(doc), None if vocabulary is None else id(vocabulary))
    with _LOCK:
        hit = _RECENT.pop(key, None)
        if hit is not None and hit[0] is doc:
            _RECENT[key] = hit  # the most recently used now
            return list(hit[1])
        terms = _terms(doc, vocabulary)
        while len(_RECENT) >= 2:
            del _RECENT[next(iter(_RECENT))]
        _RECENT[key] = doc, tuple(terms)  # holding the Doc keeps its id unique
    return terms


def _terms(doc: Doc, vocabulary: Collection[str] | None) -> list[str]:
    hashes = doc.to_array("LOWER").tolist()
    kept = _KEPT
    if len(kept) > _KEPT_MAX:
        kept.clear()
    found = list(map(kept.get, hashes))
    if None in found:  # words not judged yet (a C-level scan; most Docs have a few)
        strings = doc.vocab.strings
        for h in set(hashes).difference(kept):
            t = strings[h]
            kept[h] = t if keeps(t) else ""
        found = list(map(kept.__getitem__, hashes))
    # kept words are non-empty strings: filter(None) drops exactly the others ("")
    words: list[str] = list(filter(None, found))
    pairs = zip(words, words[1:], strict=False)
    if vocabulary is None:
        return words + list(map(" ".join, pairs))
    # only the pairs that are vocabulary bigrams become strings (most pairs are not)
    bigrams = list(map(" ".join, filter(_bigram_pairs(vocabulary).__contains__, pairs)))
    terms = list(filter(vocabulary.__contains__, words))
    terms += bigrams
    return terms


def _bigram_pairs(vocabulary: Collection[str]) -> frozenset[tuple[str, str]]:
    """``(a, b)`` for every split ``f"{a} {b}"`` of a term of ``vocabulary`` at a space, so
    that ``(a, b)`` is in it exactly when ``f"{a} {b}"`` is a term (cached by identity)."""
    cached = _PAIRS.get(id(vocabulary))
    if cached is not None and cached[0] is vocabulary:
        return cached[1]
    pairs = frozenset(
        (" ".join(ws[:i]), " ".join(ws[i:]))
        for ws in (t.split(" ") for t in vocabulary if " " in t)
        for i in range(1, len(ws))
    )
    if len(_PAIRS) > 16:  # ad-hoc vocabularies come and go; the shipped one stays
        _PAIRS.clear()
    _PAIRS[id(vocabulary)] = (vocabulary, pairs)  # holding it keeps its id unique
    return pairs
