"""The counts a market report is built from: one :class:`ScoreBin` per score point.

Every posting adds to the bin of its score (0-100, to the point): the skills and
categories it mentions (required or preferred), its annual pay in 1,000-wide bins per
currency and, with a resume, the resume's gaps (the skills it mentions together are kept
apart: :mod:`jobmatch.market.spill`). The memory a bin takes grows with the lexicon and
the range of pay, never with the number of postings; bins add up (:meth:`ScoreBin.merge`),
so partial counts made elsewhere (other processes, Spark executors) merge into the same
report.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from .salary import Salary

__all__ = [
    "SCORE_BINS",
    "PAY_BIN",
    "PostingFacts",
    "ScoreBin",
    "score_bin",
    "top_quartile_start",
    "histogram_quantile",
]

#: one bin per score point, 0-100
SCORE_BINS = 101
#: width of a pay bin (annual, in the posting's currency)
PAY_BIN = 1000


@dataclass(frozen=True, slots=True)
class PostingFacts:
    """What the report keeps of one scored posting.

    Attributes:
        score: the posting's score against the profile (or the resume's against it).
        skills: skill id -> required (True) or preferred (False) in the posting.
        categories: skill id -> its lexicon category.
        gaps: with a resume, skill id -> the points adding it would give (largest gain).
        salary: the pay read from the posting, if any.
    """

    score: float
    skills: Mapping[str, bool]
    categories: Mapping[str, str]
    gaps: Mapping[str, float] = field(default_factory=dict)
    salary: Salary | None = None


def score_bin(score: float) -> int:
    """The bin of a score: its integer part, clamped to 0-100."""
    return min(SCORE_BINS - 1, max(0, int(score)))


@dataclass
class ScoreBin:
    """The counts of the postings whose score falls on one point."""

    postings: int = 0
    skills: Counter[str] = field(default_factory=Counter)
    required: Counter[str] = field(default_factory=Counter)
    categories: Counter[str] = field(default_factory=Counter)
    categories_required: Counter[str] = field(default_factory=Counter)
    #: currency -> annual pay bin (thousands) -> postings
    pay: dict[str, Counter[int]] = field(default_factory=dict)
    #: postings whose pay was read from a salary field / column (the rest: from the text)
    pay_from_field: int = 0
    #: with a resume: postings lacking each skill, the sum of its gains there, and the
    #: postings it alone would lift from below to at least the match score
    lacking: Counter[str] = field(default_factory=Counter)
    gain: dict[str, float] = field(default_factory=dict)
    unlocks: Counter[str] = field(default_factory=Counter)

    def add(self, facts: PostingFacts, *, match_score: float) -> None:
        """Count one posting."""
        self.postings += 1
        skills = facts.skills
        self.skills.update(skills.keys())
        self.required.update(s for s, req in skills.items() if req)
        cats: dict[str, bool] = {}
        for sid, req in skills.items():
            cat = facts.categories.get(sid, "other")
            cats[cat] = cats.get(cat, False) or req
        self.categories.update(cats.keys())
        self.categories_required.update(c for c, req in cats.items() if req)
        if facts.salary is not None:
            per = self.pay.setdefault(facts.salary.currency, Counter())
            per[round(facts.salary.annual_mid / PAY_BIN)] += 1
            self.pay_from_field += facts.salary.from_field
        for sid, gain in facts.gaps.items():
            self.lacking[sid] += 1
            self.gain[sid] = self.gain.get(sid, 0.0) + gain
            if facts.score < match_score <= facts.score + gain:
                self.unlocks[sid] += 1

    def merge(self, other: ScoreBin) -> None:
        """Add ``other``'s counts to this bin's."""
        self.postings += other.postings
        self.pay_from_field += other.pay_from_field
        for mine, theirs in (
            (self.skills, other.skills),
            (self.required, other.required),
            (self.categories, other.categories),
            (self.categories_required, other.categories_required),
            (self.lacking, other.lacking),
            (self.unlocks, other.unlocks),
        ):
            mine.update(theirs)
        for sid, gain in other.gain.items():
            self.gain[sid] = self.gain.get(sid, 0.0) + gain
        for cur, hist in other.pay.items():
            self.pay.setdefault(cur, Counter()).update(hist)

    @classmethod
    def total(cls, bins: Iterable[ScoreBin]) -> ScoreBin:
        """One bin holding the sum of ``bins``."""
        out = cls()
        for b in bins:
            out.merge(b)
        return out


def top_quartile_start(postings_per_bin: Sequence[int]) -> int | None:
    """The lowest score bin of the top quartile, or ``None`` without postings.

    Counting from the top bin down, the first bin at which at least a quarter of the
    postings (rounded up) are reached: the top quartile holds the whole of that bin (ties
    of score to the point stay together), so it can hold more than a quarter.
    """
    total = sum(postings_per_bin)
    if not total:
        return None
    need, seen = (total + 3) // 4, 0
    for i in range(len(postings_per_bin) - 1, -1, -1):
        seen += postings_per_bin[i]
        if seen >= need:
            return i
    return 0


def histogram_quantile(hist: Mapping[int, int], q: float) -> int:
    """The nearest-rank ``q`` quantile of a histogram (the bin at rank ceil(q n)).

    Raises:
        ValueError: for an empty histogram or ``q`` outside 0-1.
    """
    n = sum(hist.values())
    if not n or not 0.0 <= q <= 1.0:
        raise ValueError(f"no {q} quantile of a histogram of {n} values")
    rank, seen = max(1, math.ceil(q * n)), 0
    for value in sorted(hist):
        seen += hist[value]
        if seen >= rank:
            return value
    return max(hist)
