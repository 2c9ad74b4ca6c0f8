"""The skills of each posting, spilled to an anonymous temporary file, for exact co-occurrence.

A market report lists, for each of its top skills, the skills most often mentioned with it,
over all postings and over the best fits. Which skills are "top" and where the best fits
start are known only once every posting is counted, and counting every (score bin, pair of
skills) as the postings stream by takes memory that grows with the postings (on distinct
postings new combinations keep coming: about 70 per posting after 5,000). So nothing is
paired while streaming: :class:`SkillSpill` appends each posting's score bin and skill
indices (integers only, no text) to an anonymous temporary file, in chunks of
:data:`FLUSH` mentions, and :meth:`SkillSpill.cooccurring` reads the file back once at the end
and counts, with numpy, the partners of the ranked skills only (a ranked x skills array).
Counts are exact; the memory held is the skill index (bounded by the lexicon) and one chunk.

The file is made with :func:`tempfile.TemporaryFile` in :func:`tempfile.gettempdir`: it has
no name (it is unlinked as soon as it is created), so it is gone when it is closed
(:meth:`SkillSpill.close`), when the object is collected, and when the process ends in any
way. On disk it takes 2 bytes a skill mention (4 beyond 65,536 distinct skills) and 5 bytes
a posting.
"""

from __future__ import annotations

import tempfile
from array import array
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import IO, Any

import numpy as np

from ..errors import JobmatchError

__all__ = ["SkillSpill", "FLUSH", "View"]

#: skill mentions buffered in memory before they are written to the file as one chunk
FLUSH = 1 << 15
#: pairs (ranked mention x the skills of its posting) expanded at a time when counting
_EXPAND = 1 << 16
#: chunk header: postings, mentions, bytes per skill index
_HEADER = np.dtype("<i8")

#: a view whose partners are wanted: (its ranked skill ids, the lowest score bin or None)
View = tuple[Collection[str], int | None]


class SkillSpill:
    """Each posting's (score bin, skills), buffered then spilled; partners counted at the end.

    Adds up across processes (:meth:`merge`, and pickling carries the records). Use it as a
    context manager, or call :meth:`close`, to remove the file as soon as it is not needed.
    """

    def __init__(self, *, in_memory: bool = False) -> None:
        #: never write a file (a worker's small chunk of postings, sent back pickled)
        self.in_memory = in_memory
        self.names: list[str] = []
        self._index: dict[str, int] = {}
        self._file: IO[bytes] | None = None
        self._bins = array("B")
        self._lens = array("I")
        self._skills = array("I")
        #: postings and mentions written to the file so far
        self.spilled_postings = 0
        self.spilled_mentions = 0

    # -- streaming in ------------------------------------------------------------------

    def _id(self, skill: str) -> int:
        i = self._index.get(skill)
        if i is None:
            i = self._index[skill] = len(self.names)
            self.names.append(skill)
        return i

    def add(self, score_bin: int, skills: Iterable[str]) -> None:
        """Keep one posting of ``score_bin`` (0-255) mentioning ``skills`` (distinct ids)."""
        before = len(self._skills)
        self._skills.extend(map(self._id, skills))
        self._bins.append(score_bin)
        self._lens.append(len(self._skills) - before)
        if len(self._skills) >= FLUSH and not self.in_memory:
            self._flush()

    def _flush(self) -> None:
        """Write the buffer to the file as one chunk (the file is made on the first one)."""
        if not self._bins:
            return
        wide = len(self.names) > 1 << 16
        skills = np.frombuffer(self._skills, dtype=np.uint32)
        skills = skills if wide else skills.astype(np.uint16)
        try:
            if self._file is None:
                self._file = tempfile.TemporaryFile(prefix="jobmatch-market-")  # noqa: SIM115
            f = self._file
            f.write(np.array([len(self._bins), len(skills), skills.itemsize], _HEADER).tobytes())
            f.write(self._bins.tobytes())
            f.write(self._lens.tobytes())
            f.write(skills.tobytes())
        except OSError as exc:  # no temporary folder to write in, or a full disk
            raise JobmatchError(
                f"cannot write the market's temporary file in {tempfile.gettempdir()}:"
                f" {exc.strerror or exc}"
            ) from exc
        self.spilled_postings += len(self._bins)
        self.spilled_mentions += len(skills)
        del self._bins[:], self._lens[:], self._skills[:]

    def merge(self, other: SkillSpill) -> None:
        """Add ``other``'s postings to these (its skill indices mapped onto these)."""
        if not isinstance(other, SkillSpill):
            raise TypeError(f"cannot merge {type(other).__name__} into SkillSpill")
        remap = np.array([self._id(s) for s in other.names], dtype=np.uint32)
        for bins, lens, skills in other._chunks():
            self._bins.frombytes(bins.astype(np.uint8).tobytes())
            self._lens.frombytes(lens.astype(np.uint32).tobytes())
            self._skills.frombytes(remap[skills].tobytes())
            if len(self._skills) >= FLUSH and not self.in_memory:
                self._flush()

    # -- reading back ------------------------------------------------------------------

    def _chunks(self) -> Iterator[tuple[Any, Any, Any]]:
        """Every (bins, lengths, skill indices) chunk: the file's, then the buffer."""
        f = self._file
        if f is not None:
            f.flush()
            f.seek(0)
            try:
                while head := f.read(3 * _HEADER.itemsize):
                    n_posts, n_mentions, width = np.frombuffer(head, _HEADER).tolist()
                    bins = np.frombuffer(f.read(n_posts), np.uint8)
                    lens = np.frombuffer(f.read(4 * n_posts), np.uint32)
                    dtype = np.uint16 if width == 2 else np.uint32
                    skills = np.frombuffer(f.read(width * n_mentions), dtype)
                    yield bins, lens, skills
            finally:
                f.seek(0, 2)  # later chunks are appended
        if self._bins:
            yield (
                np.frombuffer(self._bins, np.uint8),
                np.frombuffer(self._lens, np.uint32),
                np.frombuffer(self._skills, np.uint32),
            )

    def cooccurring(
        self, views: Sequence[View], *, top: int
    ) -> list[dict[str, list[tuple[str, int]]]]:
        """For each view, the ``top`` skills most often mentioned with each of its skills in
        the postings of its bins (from its lowest bin up; ``None``: no posting), most
        postings first, then by id. One read of the file serves every view.

        Returns:
            Per view: skill id -> ``[(partner id, postings), ...]`` (a skill without
            partners is absent).
        """
        n = len(self.names)
        plans = []
        for skills, from_bin in views:
            rows = list(dict.fromkeys(self._index[s] for s in skills if s in self._index))
            rank = np.full(n, -1, dtype=np.int64)
            rank[rows] = np.arange(len(rows))
            counts = np.zeros(len(rows) * n, dtype=np.int64)
            plans.append((rows, rank, from_bin, counts))
        live = [
            (rank, start, counts)
            for rows, rank, start, counts in plans
            if rows and start is not None
        ]
        if live:
            for bins, lens, skills in self._chunks():
                for rank, start, counts in live:
                    _count_chunk(bins, lens, skills, rank, start, counts)
        return [_top_partners(rows, counts, self.names, top) for rows, _, _, counts in plans]

    def records(self) -> Counter[tuple[int, frozenset[str]]]:
        """Every posting as ``(score bin, its skills)`` (a Python object per posting: for
        tests and small counts)."""
        out: Counter[tuple[int, frozenset[str]]] = Counter()
        names = self.names
        for bins, lens, skills in self._chunks():
            ids = skills.tolist()
            at = 0
            for b, k in zip(bins.tolist(), lens.tolist(), strict=True):
                out[b, frozenset(names[i] for i in ids[at : at + k])] += 1
                at += k
        return out

    def __len__(self) -> int:
        """The number of postings kept."""
        return self.spilled_postings + len(self._bins)

    def __eq__(self, other: object) -> bool:
        """The same postings (whatever their order and the order skills were indexed in)."""
        if not isinstance(other, SkillSpill):
            return NotImplemented
        return self.records() == other.records()

    __hash__ = None  # type: ignore[assignment]  # mutable

    # -- life cycle --------------------------------------------------------------------

    def close(self) -> None:
        """Remove the file and forget the postings (the skill index stays)."""
        if self._file is not None:
            self._file.close()
            self._file = None
        del self._bins[:], self._lens[:], self._skills[:]
        self.spilled_postings = self.spilled_mentions = 0

    def __enter__(self) -> SkillSpill:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __getstate__(self) -> dict[str, Any]:
        """The skill names and every record (read back from the file): for the small
        counts a worker process sends back, not for a whole run."""
        state: dict[str, Any] = {"names": self.names, "in_memory": self.in_memory}
        state.update(bins=b"", lens=b"", skills=b"")
        for bins, lens, skills in self._chunks():
            state["bins"] += bins.astype(np.uint8).tobytes()
            state["lens"] += lens.astype(np.uint32).tobytes()
            state["skills"] += skills.astype(np.uint32).tobytes()
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        SkillSpill.__init__(self, in_memory=state["in_memory"])
        self.names = list(state["names"])
        self._index = {s: i for i, s in enumerate(self.names)}
        self._bins.frombytes(state["bins"])
        self._lens.frombytes(state["lens"])
        self._skills.frombytes(state["skills"])


def _count_chunk(bins: Any, lens: Any, skills: Any, rank: Any, from_bin: int, counts: Any) -> None:
    """Add to ``counts`` (ranked row x skill, flat) the pairs of one chunk's postings of a
    bin from ``from_bin`` up: each mention of a ranked skill with every skill of its posting
    (itself included; that diagonal is dropped when the partners are read)."""
    n = len(rank)
    lens = lens.astype(np.int64)
    starts = np.cumsum(lens) - lens
    post = np.repeat(np.arange(len(lens)), lens)
    rows = rank[skills]
    hit = np.flatnonzero((rows >= 0) & (bins >= from_bin)[post])
    if not len(hit):
        return
    widths = lens[post[hit]]
    # expand in slices so that the temporaries stay small whatever the chunk
    ends = np.cumsum(widths)
    lo = 0
    while lo < len(hit):
        hi = int(np.searchsorted(ends, ends[lo] - widths[lo] + _EXPAND, side="right"))
        hi = max(hi, lo + 1)
        h, w = hit[lo:hi], widths[lo:hi]
        total = int(w.sum())
        first = np.repeat(starts[post[h]] - (np.cumsum(w) - w), w)
        partner = skills[first + np.arange(total)].astype(np.int64)
        counts += np.bincount(np.repeat(rows[h], w) * n + partner, minlength=len(counts))
        lo = hi


def _top_partners(
    rows: list[int], counts: Any, names: list[str], top: int
) -> dict[str, list[tuple[str, int]]]:
    """The ``top`` partners of each ranked skill, most postings first, then by id."""
    if not rows:
        return {}
    table = counts.reshape(len(rows), -1)
    out: dict[str, list[tuple[str, int]]] = {}
    for r, sid in enumerate(rows):
        row = table[r]
        row[sid] = 0  # a skill is not its own partner
        found = np.flatnonzero(row)
        if len(found) > top:  # only those at or above the top-th count can be in the top
            least = np.partition(row[found], len(found) - top)[len(found) - top]
            found = found[row[found] >= least]
        if len(found):
            hits = row[found].tolist()
            pairs = [(names[j], n) for j, n in zip(found.tolist(), hits, strict=True)]
            out[names[sid]] = sorted(pairs, key=lambda p: (-p[1], p[0]))[:top]
    return out
