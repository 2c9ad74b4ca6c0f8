"""Streaming, parallel, continuable scoring of many records: :func:`score_many`.

Records flow through in chunks. With ``jobs=1`` they are scored in this process; with
``jobs=N`` by N forked worker processes, each building the pipeline once (at start) and
exchanging only texts and compact result dicts with the parent, never spaCy ``Doc``s.
Results come back in input order: finished chunks wait in a bounded window until every
earlier chunk is done, so memory stays flat however long the input.

Nothing is lost: a record that cannot be read or scored becomes a ``status="error"``
:class:`~jobmatch.models.BatchResult`. A document that takes longer than ``timeout``
seconds is interrupted (``SIGALRM`` in the process scoring it); a worker that hangs
beyond that, or dies, is killed and replaced, its chunk is retried one record at a time,
and only the record that caused it fails.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from ..models import BatchResult
from ..read.inputs import replace_surrogates
from .engine import (
    DEFAULT_TIMEOUT,
    TOP_SKILLS,
    EngineConfig,
    RecordHook,
    ScoringEngine,
    input_error_result,
)
from .records import DEFAULT_MAX_BYTES, Record, iter_records

if TYPE_CHECKING:
    from ..scoring.scorer import Scorer

__all__ = ["score_many", "CHUNK_SIZE", "DEFAULT_TIMEOUT", "DEFAULT_MAX_BYTES", "ProgressHook"]

#: records per chunk sent to a worker (and per ``nlp.pipe`` batch)
CHUNK_SIZE = 128

#: called with a number of records just done (scored or failed), as they finish
ProgressHook = Callable[[int], None]


def score_many(
    items: Iterable[Any],
    *,
    profile: Any = "research-engineer",
    resume: Any = None,
    jobs: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float | None = DEFAULT_TIMEOUT,
    skip: Mapping[str, int] | Collection[str] | None = None,
    top_skills: int = TOP_SKILLS,
    chunk_size: int = CHUNK_SIZE,
    on_record: RecordHook | None = None,
    on_progress: ProgressHook | None = None,
    scorer: Scorer | None = None,
    accurate: bool = False,
) -> Iterator[BatchResult]:
    """Score every item against ``profile`` (or ``resume``); yield one result per record.

    Args:
        items: consumed lazily; texts (``str``, id ``text:N``), paths (``pathlib.Path``:
            documents, CSV, JSONL or folders, as :func:`~jobmatch.batch.records.iter_records`),
            ``(id, text)`` pairs and :class:`~jobmatch.batch.records.Record` objects, mixed.
        profile: a shipped profile id, a profile TOML path or a
            :class:`~jobmatch.scoring.profiles.Profile`.
        resume: with a resume (path, text or :class:`~jobmatch.models.Document`) each item
            is a posting and the resume is scored against it.
        jobs: worker processes (1: score in this process).
        max_bytes: per-record size limit.
        timeout: per-record time limit, seconds (``None``: none).
        skip: ids already done (continuing a run): each listed occurrence is skipped once.
        top_skills: matched / missing skill ids kept per result.
        chunk_size: records per chunk (per worker task and ``nlp.pipe`` batch).
        on_record: called with ``(id, text)`` before each text is scored, in the scoring
            process (instrumentation and tests).
        on_progress: called in this process with a number of records just finished.
        scorer: a ready :class:`~jobmatch.scoring.scorer.Scorer`; replaces ``profile`` and
            ``resume`` (forked workers inherit it instead of building their own pipeline).
        accurate: extract with the accurate pipeline (lexicon + span model; each worker
            loads it once); ignored with ``scorer``.

    Returns:
        A lazy iterator of :class:`~jobmatch.models.BatchResult`, one per record not
        skipped, in input order; a record that fails is a ``status="error"`` result.

    Raises:
        ValueError: for a non-positive ``jobs``, ``chunk_size``, ``max_bytes`` or ``timeout``.
        TypeError: for an item of another type (when it is reached).
        JobmatchError: an unknown profile or an unreadable resume (at once).
    """
    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    if chunk_size < 1 or max_bytes < 1:
        raise ValueError("chunk_size and max_bytes must be positive")
    if timeout is not None and timeout <= 0:
        raise ValueError("timeout must be positive (or None for no limit)")
    if scorer is None:
        # fail fast on a bad profile, before any worker starts; forked workers also
        # inherit the loaded lexicon and profile caches
        from ..scoring.profiles import Profile, load_profile

        if not isinstance(profile, Profile):
            load_profile(profile)
        if isinstance(resume, os.PathLike):
            from ..read.documents import read_document

            resume = read_document(resume)  # read once, not once per worker
    config = EngineConfig(
        profile, resume, max_bytes, timeout, top_skills, on_record, scorer, accurate=accurate
    )
    records = _as_records(items, max_bytes)
    if skip:
        records = _skipping(records, Counter(skip))
    chunks = _chunked(records, chunk_size)
    if jobs == 1:
        return _run_here(chunks, config, on_progress)
    from .pool import run_pool

    return run_pool(chunks, config, jobs, on_progress=on_progress)


# --- input ------------------------------------------------------------------------------


def _as_records(items: Iterable[Any], max_bytes: int) -> Iterator[Record]:
    for n, item in enumerate(items, 1):
        if isinstance(item, Record):
            yield item
        elif isinstance(item, str):
            # lone surrogates -> U+FFFD (offsets unchanged): no encoder takes them
            yield Record(id=f"text:{n}", source=f"text:{n}", text=replace_surrogates(item)[0])
        elif isinstance(item, os.PathLike):
            yield from iter_records([item], max_bytes=max_bytes)
        elif isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], str):
            yield Record(id=str(item[0]), source=str(item[0]), text=item[1])
        else:
            raise TypeError(
                "score_many() items must be texts, paths, (id, text) pairs or Records,"
                f" not {type(item).__name__}"
            )


def _skipping(records: Iterator[Record], done: Counter[str]) -> Iterator[Record]:
    for rec in records:
        if done[rec.id] > 0:
            done[rec.id] -= 1
            continue
        yield rec


def _chunked(records: Iterator[Record], size: int) -> Iterator[list[Record]]:
    chunk: list[Record] = []
    for rec in records:
        chunk.append(rec)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _run_here(
    chunks: Iterator[list[Record]], config: EngineConfig, on_progress: ProgressHook | None
) -> Iterator[BatchResult]:
    engine: ScoringEngine | None = None
    tick = None if on_progress is None else (lambda: on_progress(1))
    for chunk in chunks:
        work = [r for r in chunk if r.error is None]
        if work and engine is None:
            engine = ScoringEngine(config)  # only once there is something to score
        if on_progress is not None and len(work) < len(chunk):
            on_progress(len(chunk) - len(work))
        scored = iter(engine.run(work, tick) if engine is not None and work else [])
        for rec in chunk:
            yield input_error_result(rec) if rec.error is not None else next(scored)
