"""``market_report``: one lazy pass over the postings, a report built from counts.

Each posting is read, scored (:class:`~jobmatch.market.postings.PostingScorer`) and counted
in the :class:`~jobmatch.market.counts.ScoreBin` of its score; nothing of it is kept. The
views are then read off the bins: every posting, and the top quartile by score (the bins
from :func:`~jobmatch.market.counts.top_quartile_start` up).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import JobmatchError
from .counts import (
    PAY_BIN,
    SCORE_BINS,
    ScoreBin,
    histogram_quantile,
    score_bin,
    top_quartile_start,
)
from .model import (
    CategoryDemand,
    CoSkill,
    DemandView,
    LevelSalary,
    MarketReport,
    ProfileSalary,
    SalaryStats,
    SalaryView,
    SkillDemand,
    SkillGap,
)
from .pairs import PairCounts
from .postings import Posting, PostingScorer, as_postings
from .spill import SkillSpill

if TYPE_CHECKING:
    from ..models import Lexicon
    from ..scoring.profiles import Profile

__all__ = [
    "market_report",
    "MarketCounts",
    "count_postings",
    "build_report",
    "MATCH_SCORE",
    "TOP_SKILLS",
    "TOP_COOCCURRING",
]

log = logging.getLogger(__name__)

#: a posting "matches" from this score on (the "strong" band of the score report)
MATCH_SCORE = 70.0
#: skills listed per view, most demanded first
TOP_SKILLS = 50
#: co-occurring skills listed per skill
TOP_COOCCURRING = 5


@dataclass
class MarketCounts:
    """Everything a market report is built from: per score point counts, and failures.

    Plain data (picklable): partial counts made elsewhere (worker processes, Spark
    executors) add up with :meth:`merge`. The skills mentioned together are kept apart:
    by default each posting's skills are spilled to an anonymous temporary file and paired
    at the end for the ranked skills only (:class:`~jobmatch.market.spill.SkillSpill`);
    Spark partitions count every pair per score bin instead
    (:class:`~jobmatch.market.pairs.PairCounts`). :meth:`close` (or ``with``) removes the
    file.
    """

    bins: list[ScoreBin] = field(default_factory=lambda: [ScoreBin() for _ in range(SCORE_BINS)])
    pairs: SkillSpill | PairCounts = field(default_factory=SkillSpill)
    failed: int = 0
    no_skills: int = 0

    def merge(self, other: MarketCounts) -> None:
        """Add ``other``'s counts to these."""
        for mine, theirs in zip(self.bins, other.bins, strict=True):
            mine.merge(theirs)
        self.pairs.merge(other.pairs)  # type: ignore[arg-type]  # each checks the other's type
        self.failed += other.failed
        self.no_skills += other.no_skills

    def close(self) -> None:
        """Release the postings' skills (the spilled file); the other counts stay."""
        self.pairs.close()

    def __enter__(self) -> MarketCounts:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def count_postings(
    postings: Iterable[Posting],
    scorer: PostingScorer,
    *,
    match_score: float = MATCH_SCORE,
    counts: MarketCounts | None = None,
) -> MarketCounts:
    """Score and count ``postings`` (lazily, once) into ``counts`` (default: new ones).

    A posting that cannot be read, or has no text, is counted in ``failed``.

    Returns:
        The counts. Those made here are closed if counting fails (interrupted too).
    """
    if counts is not None:
        return _count_into(counts, postings, scorer, match_score)
    counts = MarketCounts()
    try:
        return _count_into(counts, postings, scorer, match_score)
    except BaseException:  # KeyboardInterrupt too: the spilled file goes now
        counts.close()
        raise


def _count_into(
    counts: MarketCounts, postings: Iterable[Posting], scorer: PostingScorer, match_score: float
) -> MarketCounts:
    def readable() -> Iterator[tuple[Posting, str]]:
        for posting in postings:
            text = _text(posting, scorer)
            if text is None:
                counts.failed += 1
            else:
                yield posting, text

    for _posting, facts in scorer.facts(readable()):
        if not facts.skills:
            counts.no_skills += 1
        at = score_bin(facts.score)
        counts.bins[at].add(facts, match_score=match_score)
        counts.pairs.add(at, facts.skills)
    return counts


def _text(posting: Posting, scorer: PostingScorer) -> str | None:
    if posting.error is not None:
        log.info("posting %s not read: %s", posting.id, posting.error)
        return None
    try:
        text = scorer.read(posting)
    except JobmatchError as exc:
        log.info("posting %s not read: %s", posting.id, exc)
        return None
    return text if text.strip() else None


def market_report(
    records: Iterable[Any],
    *,
    resume: Any = None,
    profile: str | Path | Profile = "research-engineer",
    match_score: float = MATCH_SCORE,
    top_skills: int = TOP_SKILLS,
    jobs: int = 1,
) -> MarketReport:
    """What postings ask for and pay, overall and among those that fit best.

    Args:
        records: the postings, read lazily and once: texts (``str``), files
            (``pathlib.Path``), ``(id, text)`` pairs, :class:`~jobmatch.market.Posting` or
            batch ``Record`` objects (:func:`~jobmatch.market.iter_postings` reads the
            inputs of ``jobmatch market``, salary field included).
        resume: score this resume against each posting (a ``Path`` or Document is a
            file, a ``str`` its text) instead of each posting against ``profile``.
        profile: the profile: a shipped id, a TOML path or a Profile (with a resume, its
            scoring constants; always its salary figures).
        match_score: with a resume, the score at which a posting counts as matched (a gap
            "unlocks" a posting when adding it alone lifts the score across it).
        top_skills: skills listed per view, most demanded first.
        jobs: worker processes (1: count in this process); the report is the same.

    Returns:
        The :class:`~jobmatch.market.MarketReport`.

    Raises:
        ValueError: ``jobs`` below 1.
        ProfileError: the profile cannot be loaded.
        DocumentError: the resume cannot be read. A posting that cannot be read is
            counted in ``failed``, never raised.
        TypeError: a record of an unknown type.
    """
    scorer = PostingScorer(profile, resume=resume)
    if jobs == 1:
        counts = count_postings(as_postings(records), scorer, match_score=match_score)
    else:
        from .parallel import count_parallel

        postings = as_postings(records)
        counts = count_parallel(postings, scorer, jobs=jobs, match_score=match_score)
    with counts:
        return build_report(counts, scorer, match_score=match_score, top_skills=top_skills)


def build_report(
    counts: MarketCounts,
    scorer: PostingScorer,
    *,
    match_score: float = MATCH_SCORE,
    top_skills: int = TOP_SKILLS,
) -> MarketReport:
    """The report read off ``counts`` (names, labels and salary figures from ``scorer``).

    Returns:
        The :class:`~jobmatch.market.MarketReport`.
    """
    everything = ScoreBin.total(counts.bins)
    start = top_quartile_start([b.postings for b in counts.bins])
    best = ScoreBin.total(counts.bins[start:] if start is not None else [])
    lexicon = scorer.lexicon
    profile = scorer.profile
    resume = scorer.resume
    # the ranked skills of both views are known now: their partners, in one read
    ranked = [_ranked(everything, top_skills), _ranked(best, top_skills)]
    views = [([sid for sid, _ in ranked[0]], 0), ([sid for sid, _ in ranked[1]], start)]
    partners = counts.pairs.cooccurring(views, top=TOP_COOCCURRING)
    return MarketReport(
        profile=profile.id,
        resume=_file_name(resume.source) if resume is not None else None,
        postings=everything.postings,
        failed=counts.failed,
        no_skills=counts.no_skills,
        match_score=match_score,
        best_min_score=start,
        overall=_view(everything, lexicon, ranked[0], partners[0]),
        best=_view(best, lexicon, ranked[1], partners[1]),
        learn_next=_learn_next(best, everything, lexicon)[:top_skills] if resume else (),
        levels=tuple(LevelSalary(lv.id, lv.label, lv.salary) for lv in profile.ladder),
        profile_salary=tuple(ProfileSalary(s.role, s.item, s.usd) for s in profile.salary),
    )


def _file_name(source: str) -> str:
    """A source without its folders: the report shows nothing of the reader's file system."""
    return re.split(r"[/\\]", source.rstrip("/\\"))[-1] or source


def _ranked(counts: ScoreBin, top_skills: int) -> list[tuple[str, int]]:
    """The ``top_skills`` most demanded skills, with their postings (ties by id)."""
    return sorted(counts.skills.items(), key=lambda kv: (-kv[1], kv[0]))[:top_skills]


def _view(
    counts: ScoreBin,
    lexicon: Lexicon,
    ranked: list[tuple[str, int]],
    partners: dict[str, list[tuple[str, int]]],
) -> DemandView:
    """The demand of the postings counted in ``counts``: ``ranked`` skills and their
    ``partners`` (read off the pairs for the same bins)."""
    n = counts.postings
    names = _names(lexicon)
    categories_of = {s.id: s.category for s in lexicon.skills}
    skills = tuple(
        SkillDemand(
            skill=sid,
            name=names.get(sid, sid),
            category=categories_of.get(sid, "other"),
            postings=c,
            share=round(c / n, 4),
            required=counts.required[sid],
            preferred=c - counts.required[sid],
            cooccurring=tuple(CoSkill(o, names.get(o, o), k) for o, k in partners.get(sid, ())),
        )
        for sid, c in ranked
    )
    labels = {cid: c.label for cid, c in lexicon.categories.items()}
    categories = tuple(
        CategoryDemand(
            category=cid,
            label=labels.get(cid, cid),
            postings=c,
            share=round(c / n, 4),
            required=counts.categories_required[cid],
            preferred=c - counts.categories_required[cid],
        )
        for cid, c in sorted(counts.categories.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    stated = sum(sum(h.values()) for h in counts.pay.values())
    salary = SalaryView(
        stated=stated,
        coverage=round(stated / n, 4) if n else 0.0,
        currencies=tuple(_salary_stats(cur, h) for cur, h in sorted(counts.pay.items())),
        from_field=counts.pay_from_field,
    )
    return DemandView(postings=n, skills=skills, categories=categories, salary=salary)


def _names(lexicon: Lexicon) -> dict[str, str]:
    return {s.id: s.name for s in lexicon.skills}


def _salary_stats(currency: str, hist: dict[int, int]) -> SalaryStats:
    return SalaryStats(
        currency=currency,
        postings=sum(hist.values()),
        low=float(min(hist) * PAY_BIN),
        q1=float(histogram_quantile(hist, 0.25) * PAY_BIN),
        median=float(histogram_quantile(hist, 0.5) * PAY_BIN),
        q3=float(histogram_quantile(hist, 0.75) * PAY_BIN),
        high=float(max(hist) * PAY_BIN),
    )


def _learn_next(best: ScoreBin, everything: ScoreBin, lexicon: Lexicon) -> tuple[SkillGap, ...]:
    """The resume's gaps: demand among its best fits x the mean points each adds there."""
    if not best.postings:
        return ()
    names = _names(lexicon)
    gaps = []
    for sid, n in best.lacking.items():
        share = n / best.postings
        mean_gain = best.gain[sid] / n
        gaps.append(
            SkillGap(
                skill=sid,
                name=names.get(sid, sid),
                postings=n,
                share=round(share, 4),
                mean_gain=round(mean_gain, 2),
                value=round(share * mean_gain, 2),
                unlocks=everything.unlocks[sid],
            )
        )
    return tuple(sorted(gaps, key=lambda g: (-g.value, -g.postings, g.skill)))
