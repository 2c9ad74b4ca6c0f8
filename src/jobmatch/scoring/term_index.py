"""The cosine of a Doc with a term model, from the Doc's word hashes (the batch's hot path).

:meth:`TermModel.doc_cosine <jobmatch.scoring.terms.TermModel.doc_cosine>` gives the float
``model.cosine(doc_terms(doc, vocabulary=model.idf), in_vocabulary=True)`` gives, bit for
bit, without making a string per word: the Doc's lower-case hashes are looked up in sorted
arrays (:class:`VocabularyIndex`: which words :func:`~jobmatch.scoring.terms.analyze`
keeps, and which of those are vocabulary words or halves of a vocabulary bigram), bigrams
are pairs of word numbers, and the sums run over the distinct terms in the order of their
first occurrence, as :meth:`TermModel.cosine` runs them. In a batch worker the string path
spent most of its time on a dictionary look-up per word, each a likely cache miss after the
extraction has filled the caches with its own data; the arrays here are small and scanned
in C.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Collection, Mapping
from typing import Any

import numpy as np

__all__ = ["VocabularyIndex", "cosine_of_ids", "repeat_index", "vocabulary_index"]

_U64 = np.uint64


class VocabularyIndex:
    """A vocabulary's terms as numbers, and the words of Docs by their hashes.

    Each word a Doc may hold is known by its lower-case hash (the id a spaCy
    ``StringStore`` gives it) with a code: 0 for a word :func:`~jobmatch.scoring.terms.analyze`
    drops (no letter, one character, a stop word), 1 for a kept word the vocabulary does
    not use, and 2 or more for a kept word that is a vocabulary term or half of a bigram
    term (its word number). Bigrams are pairs of word numbers, as keys
    ``first * base + second``.

    The vocabulary's own words are known from the start; other words are learned from the
    Docs that hold them (whether a word is kept depends on its text only). They sit in two
    sorted arrays: a large one, and a small one that takes each new word at once (a copy of
    it per Doc with new words) and is merged into the large one when it holds ``merge_at``
    words. Past ``max_size`` learned words the table starts again from the vocabulary's
    (distinct postings bring a few new words each).
    """

    def __init__(
        self,
        idf: Mapping[str, float],
        string_id: Callable[[str], int],
        keep: Callable[[str], bool],
        *,
        merge_at: int = 4096,
        max_size: int = 2_000_000,
    ) -> None:
        self._keep = keep
        self._merge_at = merge_at
        self._max_size = max_size
        terms = list(idf)
        number = {t: i for i, t in enumerate(terms)}
        halves: set[str] = set()
        splits: list[tuple[str, str, int]] = []
        for t in terms:
            ws = t.split(" ")
            for i in range(1, len(ws)):
                a, b = " ".join(ws[:i]), " ".join(ws[i:])
                halves.update((a, b))
                splits.append((a, b, number[t]))
        # a word's number is its place in ``words`` + 2; a dropped one keeps code 0
        words = sorted(set(terms) | halves)
        code = {w: (i + 2 if keep(w) else 0) for i, w in enumerate(words)}
        self.base = len(words) + 2
        #: a code -> the term number of its word when the word is a term, else -1
        self.unigram = np.array([-1, -1, *(number.get(w, -1) for w in words)], np.int64)
        keys = [code[a] * self.base + code[b] for a, b, _ in splits]
        pairs = sorted(zip(keys, (s[2] for s in splits), strict=True))
        #: the bigrams' keys, sorted, ending in a sentinel; and each one's term (-1 last)
        self.pair_keys = np.array([k for k, _ in pairs] + [np.iinfo(np.int64).max], np.int64)
        self.pair_term = np.array([t for _, t in pairs] + [-1], np.int64)
        self.terms = terms
        #: a term -> its number
        self.number = number
        #: the idf of each term number
        self.idf = np.array([idf[t] for t in terms], dtype=np.float64)
        hashes = np.array([string_id(w) for w in words], dtype=_U64)
        order = np.argsort(hashes, kind="stable")
        self._own = (hashes[order], np.array([code[w] for w in words], np.int64)[order])
        empty = _table(hashes[:0], np.empty(0, np.int64))
        #: (large, small): each sorted hashes ending in a sentinel, and the words' codes
        self._tables = (_table(*self._own), empty)
        #: the large table's words as a hash table (:func:`_hashed`), looked up first
        self._hashed = _hashed(*self._own)
        self._lock = threading.Lock()

    def __len__(self) -> int:
        """How many words it knows."""
        return sum(len(hashes) - 1 for hashes, _ in self._tables)

    def codes(self, hashes: Any, strings: Any) -> Any:
        """The code of each of ``hashes`` (a ``uint64`` array); ``strings`` (a spaCy
        ``StringStore``) gives the text of a hash not seen before."""
        # both replaced whole, never changed in place (the hashed one first: a reader
        # holding a newer hashed table than its small one misses nothing)
        hashed = self._hashed
        large, small = self._tables
        out, miss = _probe_hashed(hashed, large, hashes)
        if miss is None:
            return out
        rest = hashes[miss]
        out_small, miss_small = _probe(small, rest)
        if miss_small is not None:
            new, inverse = np.unique(rest[miss_small], return_inverse=True)
            keep = self._keep
            codes = np.array([int(keep(strings[h])) for h in new.tolist()], dtype=np.int64)
            out_small[miss_small] = codes[inverse.reshape(-1)]
            self._learn(new, codes)
        out[miss] = out_small
        return out

    def _learn(self, new: Any, codes: Any) -> None:
        with self._lock:
            large, small = self._tables
            hashes, known = _insert(small[0][:-1], small[1][:-1], new, codes)
            if len(hashes) < self._merge_at:
                self._tables = (large, _table(hashes, known))
                return
            big, big_codes = large[0][:-1], large[1][:-1]
            if len(big) + len(hashes) > self._max_size + len(self._own[0]):
                big, big_codes = self._own  # start again from the vocabulary's words
            none = _table(hashes[:0], known[:0])
            merged = _insert(big, big_codes, hashes, known)
            # the hashed table first: a reader then finds every word in one of the two
            self._hashed = _hashed(*merged)
            self._tables = (_table(*merged), none)

    def term_ids(self, hashes: Any, strings: Any) -> Any:
        """The term numbers of a Doc's lower-case hashes: its vocabulary words in order,
        then its vocabulary bigrams (pairs of consecutive kept words) in order, as
        :func:`~jobmatch.scoring.terms.doc_terms` lists them."""
        codes = self.codes(hashes, strings)
        kept = codes[codes > 0]
        unigrams = self.unigram[kept]
        # a pair with a word the vocabulary does not use (code 1) has a key no bigram has
        keys = kept[:-1] * self.base + kept[1:]
        at = np.searchsorted(self.pair_keys, keys)
        np.minimum(at, len(self.pair_keys) - 1, out=at)
        bigrams = self.pair_term[at[self.pair_keys[at] == keys]]
        return np.concatenate((unigrams[unigrams >= 0], bigrams))


def _table(hashes: Any, codes: Any) -> tuple[Any, Any]:
    """A sorted hash array and its codes, each with a sentinel (the largest hash, code 0)
    at the end, so that every search position is a valid index."""
    return np.append(hashes, _U64(np.iinfo(_U64).max)), np.append(codes, 0)


def _probe(table: tuple[Any, Any], hashes: Any) -> tuple[Any, Any]:
    """The codes of ``hashes`` in ``table`` (0 for those not in it) and a mask of those not
    in it (``None``: all are)."""
    known, codes = table
    pos = np.searchsorted(known, hashes)
    np.minimum(pos, len(known) - 1, out=pos)
    hit = known[pos] == hashes
    if hit.all():
        return codes[pos], None
    return np.where(hit, codes[pos], 0), ~hit


def _hashed(hashes: Any, codes: Any) -> tuple[Any, Any, Any]:
    """A direct-mapped table of ``hashes`` and their ``codes`` (sorted, as a table's):
    ``(keys, codes, mask)``, a power of two of slots at least four times as many as the
    hashes, each slot holding the first hash that falls in it (by ``hash & mask``) and its
    code, or hash 0 and code 0 (the empty string's hash, whose code is 0). A look-up reads
    one slot where a binary search reads a dozen, each a likely cache miss in a batch
    worker; the few hashes another one holds the slot of are searched in the sorted
    table."""
    size = 1 << max(4, (4 * len(hashes) - 1).bit_length())
    mask = size - 1
    keys = np.zeros(size, _U64)
    values = np.zeros(size, np.int64)
    pos = (hashes & _U64(mask)).astype(np.intp)
    at, first = np.unique(pos, return_index=True)
    keys[at] = hashes[first]
    values[at] = codes[first]
    return keys, values, _U64(mask)


def _probe_hashed(
    table: tuple[Any, Any, Any], sorted_table: tuple[Any, Any], hashes: Any
) -> tuple[Any, Any]:
    """:func:`_probe` of a table by its :func:`_hashed` form, then its sorted form for the
    hashes not in their slot: the codes of ``hashes`` (0 for those in neither) and a mask of
    those in neither (``None``: all are found)."""
    keys, codes, mask = table
    pos = (hashes & mask).astype(np.intp)
    hit = keys[pos] == hashes
    if hit.all():
        return codes[pos], None
    out = np.where(hit, codes[pos], 0)
    rest = np.flatnonzero(~hit)
    found, miss = _probe(sorted_table, hashes[rest])
    out[rest] = found
    if miss is None:
        return out, None
    missing = np.zeros(len(hashes), dtype=bool)
    missing[rest[miss]] = True
    return out, missing


def _insert(hashes: Any, codes: Any, new: Any, new_codes: Any) -> tuple[Any, Any]:
    """Sorted ``hashes`` and their codes with the sorted ``new`` ones not in them."""
    pos = np.searchsorted(hashes, new)
    present = np.zeros(len(new), dtype=bool)
    inside = pos < len(hashes)
    present[inside] = hashes[pos[inside]] == new[inside]
    add = ~present
    return np.insert(hashes, pos[add], new[add]), np.insert(codes, pos[add], new_codes[add])


#: the largest 16-bit integer: term numbers and positions up to it sort as 16-bit ones
_INT16 = int(np.iinfo(np.int16).max)


def cosine_of_ids(idf: Any, ids: Any, vector: Any) -> float:
    """:meth:`TermModel.cosine` of the terms numbered ``ids`` (``idf[i]`` is term ``i``'s
    idf, ``vector[i]`` its weight in the profile vector or NaN): raw tf x idf, summed in
    order of each term's first occurrence (``add.accumulate`` adds left to right, as the
    loop of :meth:`TermModel.cosine` does), so the float is the same."""
    n = len(ids)
    if not n:
        return 0.0
    # a stable sort of 16-bit integers is numpy's radix sort (the same order, sooner)
    order = np.argsort(ids.astype(np.int16) if len(idf) <= _INT16 else ids, kind="stable")
    ordered = ids[order]
    starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
    counts = np.diff(np.append(starts, n))
    at = order[starts]
    # the terms by first occurrence
    first = np.argsort(at.astype(np.int16) if n <= _INT16 else at, kind="stable")
    terms, counts = ordered[starts][first], counts[first]
    v = counts * idf[terms]
    sq = float(np.add.accumulate(v * v)[-1])
    if sq <= 0.0:
        return 0.0
    p = vector[terms]
    has = ~np.isnan(p)
    dot = float(np.add.accumulate(v[has] * p[has])[-1]) if has.any() else 0.0
    return dot / math.sqrt(sq)


_INDEXES: dict[int, tuple[Collection[str], VocabularyIndex]] = {}
_INDEX_LOCK = threading.Lock()


#: the vocabularies that have asked :func:`repeat_index` once (held: their ids stay unique)
_ASKED: dict[int, Collection[str]] = {}


def repeat_index(idf: Mapping[str, float]) -> VocabularyIndex | None:
    """The :class:`VocabularyIndex` of ``idf`` from its second request on; ``None`` the
    first time a vocabulary asks (its first Doc takes the string path, which is cheaper
    than building the index for one Doc)."""
    cached = _INDEXES.get(id(idf))
    if cached is not None and cached[0] is idf:
        return cached[1]
    with _INDEX_LOCK:
        asked = _ASKED.get(id(idf))
        if asked is not idf:
            if len(_ASKED) > 16:  # as for _INDEXES: ad-hoc vocabularies come and go
                _ASKED.clear()
            _ASKED[id(idf)] = idf
            return None
    return vocabulary_index(idf)


def vocabulary_index(idf: Mapping[str, float]) -> VocabularyIndex:
    """The :class:`VocabularyIndex` of ``idf`` (built once per vocabulary, by identity)."""
    cached = _INDEXES.get(id(idf))
    if cached is not None and cached[0] is idf:
        return cached[1]
    # the id a StringStore gives a string: a symbol's own number (spaCy's attribute and
    # label names: "agent", "number"), else its hash
    from spacy.strings import get_string_id

    from .terms import keeps

    index = VocabularyIndex(idf, get_string_id, keeps)
    with _INDEX_LOCK:
        if len(_INDEXES) > 16:  # ad-hoc vocabularies come and go; the shipped one stays
            _INDEXES.clear()
        _INDEXES[id(idf)] = (idf, index)  # holding it keeps its id unique
    return index
