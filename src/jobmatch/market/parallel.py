"""Counting postings in worker processes (``jobmatch market --jobs N``).

The parent reads the postings lazily and sends them in chunks to ``jobs`` worker
processes; each worker builds its :class:`~jobmatch.market.postings.PostingScorer` once and
returns the :class:`~jobmatch.market.build.MarketCounts` of each chunk, which the parent
merges: the skills of a chunk's postings come back in memory (a chunk is small) and the
parent spills them to its own file (:class:`~jobmatch.market.spill.SkillSpill`). At most
two chunks per worker are in flight, so memory stays bounded whatever the number of
postings. Counts add up, so the report is the same as with one process.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from itertools import islice
from typing import Any

from .build import MarketCounts, count_postings
from .postings import Posting, PostingScorer
from .spill import SkillSpill

__all__ = ["count_parallel", "CHUNK_SIZE"]

#: postings per chunk sent to a worker
CHUNK_SIZE = 64

_WORKER: dict[str, Any] = {}


def _init(profile: Any, resume: Any, match_score: float) -> None:
    _WORKER["scorer"] = PostingScorer(profile, resume=resume)
    _WORKER["match_score"] = match_score


def _count(chunk: list[Posting]) -> MarketCounts:
    # a chunk's postings stay in memory (no file in the worker): they go back pickled
    counts = MarketCounts(pairs=SkillSpill(in_memory=True))
    return count_postings(
        chunk, _WORKER["scorer"], match_score=_WORKER["match_score"], counts=counts
    )


def _chunks(postings: Iterable[Posting], size: int) -> Iterator[list[Posting]]:
    it = iter(postings)
    while chunk := list(islice(it, size)):
        yield chunk


def count_parallel(
    postings: Iterable[Posting],
    scorer: PostingScorer,
    *,
    jobs: int,
    match_score: float,
    chunk_size: int = CHUNK_SIZE,
) -> MarketCounts:
    """Count ``postings`` in ``jobs`` worker processes (the profile and resume of ``scorer``).

    Returns:
        The merged counts.

    Raises:
        ValueError: ``jobs`` below 1.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    counts = MarketCounts()
    try:
        return _count_in_pool(counts, postings, scorer, jobs, match_score, chunk_size)
    except BaseException:  # KeyboardInterrupt too: the spilled file goes now
        counts.close()
        raise


def _count_in_pool(
    counts: MarketCounts,
    postings: Iterable[Posting],
    scorer: PostingScorer,
    jobs: int,
    match_score: float,
    chunk_size: int,
) -> MarketCounts:
    # fork: the workers start without re-importing spaCy (as batch's pool does)
    ctx = multiprocessing.get_context("fork")
    args = (scorer.profile, scorer.resume, match_score)
    with ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init, initargs=args) as pool:
        pending: set[Future[MarketCounts]] = set()
        for chunk in _chunks(postings, chunk_size):
            if len(pending) >= 2 * jobs:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for f in done:
                    counts.merge(f.result())
            pending.add(pool.submit(_count, chunk))
        for f in pending:
            counts.merge(f.result())
    return counts
