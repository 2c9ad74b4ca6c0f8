"""How many postings mention each pair of skills together, per score bin, in compact arrays.

The Spark engine's partial counts: each partition's pairs are aggregated here, bounded by
the lexicon and the score points, and merged on the driver (locally the postings' skills
are spilled to a file instead, :mod:`jobmatch.market.spill`, whose memory does not grow).

A posting with k skills adds k(k-1)/2 pairs, and on distinct postings new (score point,
pair) combinations keep coming for long (3,447 skills, 101 score points): as a ``Counter``
of tuples they took about 110 bytes each, some 10 MB per 1,000 distinct postings. Here a
pair is one ``uint64`` key (score bin, skill a, skill b; a skill is its index in
:attr:`PairCounts.names`) with a ``uint32`` count in two sorted numpy arrays, 12 bytes a pair;
new pairs wait in a short list and are merged in every :data:`FLUSH` pairs. Counts are
exact; the co-occurring skills of a view are read without building a Python object per pair.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import Any

import numpy as np

__all__ = ["PairCounts", "FLUSH"]

#: pairs buffered before they are merged into the arrays
FLUSH = 1 << 16
#: bits of a skill index in a key (two of them, then the score bin above)
_SKILL_BITS = 21
_SKILL_MASK = (1 << _SKILL_BITS) - 1
_BIN_SHIFT = 2 * _SKILL_BITS
#: entries decoded at a time when a view's pairs are read (bounds the temporaries)
_SLICE = 1 << 18


def _collapse(keys: Any, counts: Any) -> tuple[Any, Any]:
    """Sorted unique ``keys`` with the sums of their ``counts``."""
    if not len(keys):
        return keys.astype(np.uint64), counts.astype(np.uint32)
    order = np.argsort(keys, kind="stable")
    keys, counts = keys[order], counts[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    return keys[starts], np.add.reduceat(counts, starts).astype(np.uint32)


class PairCounts:
    """Postings per (score bin, pair of skills); adds up across processes (:meth:`merge`)."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self._index: dict[str, int] = {}
        self._keys = np.zeros(0, dtype=np.uint64)
        self._counts = np.zeros(0, dtype=np.uint32)
        self._pending: list[int] = []

    def __len__(self) -> int:
        """The number of distinct (score bin, pair) counted."""
        self._flush()
        return len(self._keys)

    def __eq__(self, other: object) -> bool:
        """The same counts (whatever the order the skills were indexed in)."""
        if not isinstance(other, PairCounts):
            return NotImplemented
        return self.as_dict() == other.as_dict()

    __hash__ = None  # type: ignore[assignment]  # mutable

    def as_dict(self) -> dict[tuple[int, str, str], int]:
        """Every count as ``(score bin, skill, skill) -> postings``, the skills in id order
        (a Python object per pair: for tests and small counts)."""
        self._flush()
        out: dict[tuple[int, str, str], int] = {}
        names = self.names
        for key, n in zip(self._keys.tolist(), self._counts.tolist(), strict=True):
            a, b = names[(key >> _SKILL_BITS) & _SKILL_MASK], names[key & _SKILL_MASK]
            out[key >> _BIN_SHIFT, min(a, b), max(a, b)] = n
        return out

    def __getstate__(self) -> dict[str, Any]:
        self._flush()
        return {"names": self.names, "keys": self._keys, "counts": self._counts}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.names = list(state["names"])
        self._index = {s: i for i, s in enumerate(self.names)}
        self._keys, self._counts = state["keys"], state["counts"]
        self._pending = []

    def _id(self, skill: str) -> int:
        i = self._index.get(skill)
        if i is None:
            i = self._index[skill] = len(self.names)
            if i > _SKILL_MASK:
                raise ValueError(f"more than {_SKILL_MASK + 1} distinct skills")
            self.names.append(skill)
        return i

    def add(self, score_bin: int, skills: Iterable[str]) -> None:
        """Count one posting of ``score_bin`` mentioning ``skills`` (distinct ids)."""
        ids = sorted(map(self._id, skills))
        base = score_bin << _BIN_SHIFT
        self._pending.extend(
            base | (a << _SKILL_BITS) | b for i, a in enumerate(ids) for b in ids[i + 1 :]
        )
        if len(self._pending) >= FLUSH:
            self._flush()

    def _flush(self) -> None:
        if not self._pending:
            return
        new = np.array(self._pending, dtype=np.uint64)
        self._pending.clear()
        self._merge_arrays(new, np.ones(len(new), dtype=np.uint32))

    def _merge_arrays(self, keys: Any, counts: Any) -> None:
        """Add ``counts`` of ``keys`` (any order, repeats allowed) to the sorted arrays.

        Known keys are counted in place; only the new ones are inserted (one copy of the
        arrays, not the several of sorting them all again).
        """
        keys, counts = _collapse(keys, counts)
        at = np.searchsorted(self._keys, keys)
        known = at < len(self._keys)
        known[known] = self._keys[at[known]] == keys[known]
        self._counts[at[known]] += counts[known]
        new = ~known
        if new.any():
            self._keys = np.insert(self._keys, at[new], keys[new])
            self._counts = np.insert(self._counts, at[new], counts[new])

    def merge(self, other: PairCounts) -> None:
        """Add ``other``'s counts to these (its skill indices are mapped onto these)."""
        other._flush()
        if not len(other._keys):
            return
        remap = np.array([self._id(s) for s in other.names], dtype=np.uint64)
        keys = other._keys
        a = remap[(keys >> np.uint64(_SKILL_BITS)) & np.uint64(_SKILL_MASK)]
        b = remap[keys & np.uint64(_SKILL_MASK)]
        lo, hi = np.minimum(a, b), np.maximum(a, b)
        bins = keys >> np.uint64(_BIN_SHIFT)
        mapped = (bins << np.uint64(_BIN_SHIFT)) | (lo << np.uint64(_SKILL_BITS)) | hi
        self._merge_arrays(mapped, other._counts)

    def partners(
        self, skills: Collection[str], *, from_bin: int | None, top: int
    ) -> dict[str, list[tuple[str, int]]]:
        """The ``top`` skills most often mentioned with each of ``skills``, in the bins from
        ``from_bin`` up (``None``: no bin), most postings first, then by id.

        Returns:
            skill id -> ``[(partner id, postings), ...]`` (a skill without partners is absent).
        """
        self._flush()
        wanted = np.zeros(len(self.names), dtype=bool)
        wanted[[self._index[s] for s in skills if s in self._index]] = True
        if from_bin is None or not wanted.any():
            return {}
        start = int(np.searchsorted(self._keys, np.uint64(from_bin << _BIN_SHIFT)))
        found: dict[tuple[int, int], int] = {}
        pair_mask = np.uint64((1 << _BIN_SHIFT) - 1)
        for s in range(start, len(self._keys), _SLICE):
            keys = self._keys[s : s + _SLICE] & pair_mask
            a = (keys >> np.uint64(_SKILL_BITS)).astype(np.intp)
            b = (keys & np.uint64(_SKILL_MASK)).astype(np.intp)
            keep = wanted[a] | wanted[b]
            counts = self._counts[s : s + _SLICE][keep]
            for x, y, n in zip(a[keep].tolist(), b[keep].tolist(), counts.tolist(), strict=True):
                found[x, y] = found.get((x, y), 0) + n
        by_skill: dict[str, list[tuple[str, int]]] = {}
        names = self.names
        for (x, y), n in found.items():
            if wanted[x]:
                by_skill.setdefault(names[x], []).append((names[y], n))
            if wanted[y]:
                by_skill.setdefault(names[y], []).append((names[x], n))
        return {s: sorted(ps, key=lambda p: (-p[1], p[0]))[:top] for s, ps in by_skill.items()}

    def cooccurring(
        self, views: Sequence[tuple[Collection[str], int | None]], *, top: int
    ) -> list[dict[str, list[tuple[str, int]]]]:
        """:meth:`partners` of each ``(skills, from_bin)`` view (as
        :meth:`jobmatch.market.spill.SkillSpill.cooccurring`)."""
        return [self.partners(skills, from_bin=start, top=top) for skills, start in views]

    def close(self) -> None:
        """Nothing to release (the counts are in memory); as ``SkillSpill.close``."""
