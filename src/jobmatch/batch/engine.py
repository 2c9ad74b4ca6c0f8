"""Streaming, parallel, resumable scoring of many records: :func:`score_many`.

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

import logging
import multiprocessing
import os
import signal
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from functools import partial
from multiprocessing.connection import Connection, wait
from types import FrameType
from typing import TYPE_CHECKING, Any

from ..errors import DocumentTooLargeError, EmptyDocumentError, JobmatchError
from ..models import BatchResult, ScoreReport
from .records import DEFAULT_MAX_BYTES, Record, iter_records

if TYPE_CHECKING:
    from ..read.documents import Limits
    from ..scoring.scorer import Scorer

__all__ = [
    "score_many",
    "compact_result",
    "ScoringEngine",
    "EngineConfig",
    "DEFAULT_TIMEOUT",
    "DEFAULT_MAX_BYTES",
]

log = logging.getLogger(__name__)

#: default per-document time limit, seconds
DEFAULT_TIMEOUT = 60.0
#: records per chunk sent to a worker (and per ``nlp.pipe`` batch)
CHUNK_SIZE = 128
#: how many top matched / missing skills a result keeps
TOP_SKILLS = 10

#: called with ``(record id, text)`` just before a text is scored, in the scoring process;
#: for instrumentation and tests (a hook that hangs or exits stands for a bad document)
RecordHook = Callable[[str, str], None]


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
    scorer: Scorer | None = None,
) -> Iterator[BatchResult]:
    """Score every item against ``profile`` (or ``resume``); yield one result per record.

    ``items`` is consumed lazily and may mix texts (``str``, id ``text:N``), paths
    (``pathlib.Path``: documents, CSV, JSONL or directories, as :func:`iter_records`),
    ``(id, text)`` pairs and :class:`~jobmatch.batch.records.Record` objects. Results come in
    input order. ``max_bytes`` and ``timeout`` bound each document; ``skip`` holds ids
    already done (resume: each listed occurrence of an id is skipped once). ``jobs > 1``
    scores in that many worker processes. A ready ``scorer`` replaces ``profile`` and
    ``resume`` (forked workers inherit it instead of building their own pipeline).
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
    config = EngineConfig(profile, resume, max_bytes, timeout, top_skills, on_record, scorer)
    records = _as_records(items, max_bytes)
    if skip:
        records = _skipping(records, Counter(skip))
    chunks = _chunked(records, chunk_size)
    if jobs == 1:
        return _run_here(chunks, config)
    return _run_pool(chunks, config, jobs)


def compact_result(
    report: ScoreReport, *, id: str, source: str, top_skills: int = TOP_SKILLS
) -> BatchResult:
    """The compact batch form of a :class:`~jobmatch.models.ScoreReport`."""
    matched = dict.fromkeys(m.skill_id for m in report.matched)
    missing = dict.fromkeys(m.skill_id for m in report.missing)  # ranked by gain
    return BatchResult(
        id=id,
        source=source,
        status="ok",
        score=report.score,
        profile=report.profile,
        coverage={c.id: c.coverage for c in report.categories},
        matched=tuple(matched)[:top_skills],
        missing=tuple(missing)[:top_skills],
        warnings=tuple(report.warnings),
    )


# --- input ------------------------------------------------------------------------------


def _as_records(items: Iterable[Any], max_bytes: int) -> Iterator[Record]:
    for n, item in enumerate(items, 1):
        if isinstance(item, Record):
            yield item
        elif isinstance(item, str):
            yield Record(id=f"text:{n}", source=f"text:{n}", text=item)
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


def _error(rec: Record, reason: str, code: str) -> BatchResult:
    return BatchResult(id=rec.id, source=rec.source, status="error", error=reason, error_code=code)


def _input_error(rec: Record) -> BatchResult:
    return _error(rec, rec.error or "unusable record", rec.error_code or "bad_record")


# --- scoring (in whichever process) --------------------------------------------------------


class _Timeout(BaseException):
    """Raised by the SIGALRM handler. A BaseException so no ``except Exception`` eats it."""


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise _Timeout


@dataclass(frozen=True)
class EngineConfig:
    """The settings a :class:`ScoringEngine` is built from.

    ``profile`` and ``resume`` are as for :func:`score_many` (a profile id, path or
    :class:`~jobmatch.scoring.profiles.Profile`; a resume text, path or
    :class:`~jobmatch.models.Document`, or ``None``); ``max_bytes`` and ``timeout`` bound
    each document; ``top_skills`` is how many matched / missing skills a result keeps;
    ``hook`` is :func:`score_many`'s ``on_record``; a ready ``scorer`` replaces ``profile``
    and ``resume``. ``hook`` and ``scorer`` take no part in equality.
    """

    profile: Any
    resume: Any
    max_bytes: int
    timeout: float | None
    top_skills: int
    hook: RecordHook | None = field(default=None, compare=False)
    scorer: Scorer | None = field(default=None, compare=False)


class ScoringEngine:
    """Reads, checks and scores records; built once per process (the pipeline is costly).

    The per-record code shared by :func:`score_many` (in this process or in each worker)
    and the Spark engine (:mod:`jobmatch.batch.spark`, once per executor process):
    :meth:`run` turns a list of records into one :class:`~jobmatch.models.BatchResult`
    each, a failure becoming an error result rather than an exception.
    """

    def __init__(self, config: EngineConfig) -> None:
        self.config = config
        if config.scorer is not None:
            self.scorer = config.scorer
        else:
            from ..extract.component import default_extractor
            from ..scoring.resume_scorer import ResumeScorer
            from ..scoring.scorer import Scorer

            self.scorer = (
                Scorer(config.profile, extractor=default_extractor())
                if config.resume is None
                else ResumeScorer(
                    config.profile, resume=config.resume, extractor=default_extractor()
                )
            )
        self.extractor = self.scorer.extractor
        self._limits: Limits | None = None
        self._alarm = bool(config.timeout) and hasattr(signal, "setitimer")
        self._armed = False

    def limits(self) -> Limits:
        """The reading limits for records that are files (``max_bytes``, ``timeout``)."""
        if self._limits is None:
            from ..read.documents import Limits

            if self.config.timeout:
                self._limits = Limits(
                    max_bytes=self.config.max_bytes, timeout_s=self.config.timeout
                )
            else:
                self._limits = Limits(max_bytes=self.config.max_bytes)
        return self._limits

    @contextmanager
    def _clock(self, seconds: float | None) -> Iterator[None]:
        """Interrupt the block with :class:`_Timeout` after ``seconds`` (main thread only)."""
        if not seconds or not self._armed:
            yield
            return
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)

    def run(self, records: list[Record], progress: Any = None) -> list[BatchResult]:
        """Score ``records`` (none an error record): one result each, in the same order.

        ``progress`` (a shared counter) is incremented per record done, so the parent
        can tell a slow worker from a hung one.
        """
        results: list[BatchResult | None] = [None] * len(records)

        def done(i: int, result: BatchResult) -> None:
            results[i] = result
            if progress is not None:
                progress.value += 1

        # SIGALRM only reaches the main thread: elsewhere there is no per-document clock
        self._armed = self._alarm and threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGALRM, _on_alarm) if self._armed else None
        try:
            todo: list[tuple[int, str, tuple[str, ...]]] = []
            for i, rec in enumerate(records):
                prepared = self._guarded(rec, partial(self._prepare, rec), done, i)
                if prepared is not None:
                    todo.append((i, *prepared))
            self._score(records, todo, done)
        finally:
            if previous is not None:
                signal.signal(signal.SIGALRM, previous)
        return [
            r if r is not None else _error(records[i], "not scored", "internal")
            for i, r in enumerate(results)
        ]

    def _guarded(
        self,
        rec: Record,
        step: Callable[[], Any],
        done: Callable[[int, BatchResult], None],
        i: int,
    ) -> Any:
        """Run ``step`` for one record under the clock; on failure record the error."""
        timeout = self.config.timeout
        try:
            # a document read has its own (parser) time limit; this one is the backstop
            with self._clock(timeout * 2 if timeout and rec.path else timeout):
                return step()
        except _Timeout:
            done(i, _timeout_error(rec, timeout))
        except JobmatchError as exc:
            done(i, _error(rec, exc.reason, exc.code))
        except Exception as exc:  # a bug on one record must not end a long run
            log.exception("scoring %s failed", rec.source)
            done(i, _error(rec, f"{type(exc).__name__}: {exc}", "internal"))
        return None

    def _prepare(self, rec: Record) -> tuple[str, tuple[str, ...]]:
        """The text to score and its reading warnings; raises JobmatchError."""
        warnings: tuple[str, ...] = ()
        if rec.path is not None:
            from ..read.documents import read_document

            doc = read_document(rec.path, limits=self.limits())
            text, warnings = doc.text, tuple(doc.warnings)
        else:
            text = rec.text or ""
        limit = self.config.max_bytes
        # encode only when the text could pass the limit (at most 4 bytes a character)
        size = len(text.encode("utf-8", "surrogatepass")) if len(text) * 4 > limit else 0
        if size > limit:
            raise DocumentTooLargeError(
                f"text is {size} bytes, over the limit of {self.config.max_bytes} bytes",
                source=rec.source,
            )
        if not text.strip():
            raise EmptyDocumentError("empty text", source=rec.source)
        if self.config.hook is not None:
            self.config.hook(rec.id, text)
        return text, warnings

    def _result(
        self, rec: Record, doc: Any, mentions: Any, warnings: tuple[str, ...], text: str
    ) -> BatchResult:
        # a posting (resume mode) is named by its record id, a document file by its file name
        record_id = rec.id if rec.path is None else None
        # ``text`` given: rebuilding doc.text from its tokens cost ~18 % of a record's time
        report = self.scorer.score_parsed(
            doc, mentions, source=rec.source, warnings=warnings, record_id=record_id, text=text
        )
        return compact_result(
            report, id=rec.id, source=rec.source, top_skills=self.config.top_skills
        )

    def _score(
        self,
        records: list[Record],
        todo: list[tuple[int, str, tuple[str, ...]]],
        done: Callable[[int, BatchResult], None],
    ) -> None:
        # tokenise once: the extractor's Doc also feeds the TF-IDF side of the scorer
        docs = self.extractor.pipe_docs(text for _, text, _ in todo)
        finished = 0
        try:
            for i, text, warnings in todo:
                with self._clock(self.config.timeout):
                    doc, mentions = next(docs)
                    result = self._result(records[i], doc, mentions, warnings, text)
                done(i, result)
                finished += 1
            return
        except (_Timeout, Exception) as exc:  # noqa: B902 - retried one by one below
            # the batched generator is broken now: redo the rest singly to isolate the culprit
            log.debug("batch interrupted (%r); retrying one record at a time", exc)
        for i, text, warnings in todo[finished:]:
            rec = records[i]

            def one(
                rec: Record = rec, text: str = text, warnings: tuple[str, ...] = warnings
            ) -> BatchResult:
                doc, mentions = next(self.extractor.pipe_docs([text]))
                return self._result(rec, doc, mentions, warnings, text)

            result = self._guarded(rec, one, done, i)
            if result is not None:
                done(i, result)


def _timeout_error(rec: Record, timeout: float | None) -> BatchResult:
    return _error(rec, f"took longer than the time limit of {timeout:g} s", "timeout")


def _run_here(chunks: Iterator[list[Record]], config: EngineConfig) -> Iterator[BatchResult]:
    engine: ScoringEngine | None = None
    for chunk in chunks:
        work = [r for r in chunk if r.error is None]
        if work and engine is None:
            engine = ScoringEngine(config)  # only once there is something to score
        scored = iter(engine.run(work) if engine is not None and work else [])
        for rec in chunk:
            yield _input_error(rec) if rec.error is not None else next(scored)


# --- the worker pool -----------------------------------------------------------------------


def _worker_main(conn: Connection, progress: Any, config: EngineConfig) -> None:  # pragma: no cover
    """A worker process: build the engine once, then score chunks until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    parent = os.getppid()
    try:
        engine = ScoringEngine(config)
    except BaseException as exc:
        try:
            conn.send(("init_error", exc))
        except Exception:  # an unpicklable error: send its text
            conn.send(("init_error", RuntimeError(str(exc))))
        return
    conn.send(("ready", None))
    while True:
        if not conn.poll(1.0):
            if os.getppid() != parent:  # the parent was killed: do not linger
                return
            continue
        try:
            records = conn.recv()
        except (EOFError, OSError):
            return
        if records is None:
            return
        results = engine.run(records, progress)
        try:
            conn.send(("results", [r.to_dict() for r in results]))
        except OSError:  # the parent is gone
            return


class _Chunk:
    """A chunk in the output window: results fill in as workers report."""

    def __init__(self, records: list[Record]) -> None:
        self.records = records
        self.results: list[BatchResult | None] = [
            _input_error(r) if r.error is not None else None for r in records
        ]
        self.pending = sum(1 for r in self.results if r is None)

    def set(self, i: int, result: BatchResult) -> None:
        if self.results[i] is None:
            self.pending -= 1
        self.results[i] = result


@dataclass
class _Task:
    chunk: _Chunk
    indices: list[int]


class _Worker:
    def __init__(self, ctx: Any, config: EngineConfig) -> None:
        self.progress = ctx.RawValue("Q", 0)
        self.conn, child = ctx.Pipe(duplex=True)
        # not daemonic: read_document forks its own parser children
        self.proc = ctx.Process(
            target=_worker_main, args=(child, self.progress, config), name="jobmatch-batch"
        )
        self.proc.start()
        child.close()
        self.ready = False
        self.task: _Task | None = None
        self.seen = 0
        self.since = 0.0

    def send(self, task: _Task) -> None:
        self.task = task
        self.seen = self.progress.value
        self.since = time.monotonic()
        self.conn.send([task.chunk.records[i] for i in task.indices])

    def stalled(self, now: float) -> float:
        """Seconds since this busy worker last finished a record."""
        value = self.progress.value
        if value != self.seen:
            self.seen, self.since = value, now
        return now - self.since

    def ask_to_stop(self) -> None:
        with suppress(OSError):  # already gone: nothing to ask
            self.conn.send(None)

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(timeout=5)
        self.conn.close()


def _run_pool(
    chunks: Iterator[list[Record]], config: EngineConfig, jobs: int
) -> Iterator[BatchResult]:
    ctx = multiprocessing.get_context("fork")
    # a worker stuck this long is beyond its own alarm (C code, blocked signal): kill it.
    # Past 2x timeout because a document read runs on a 2x backstop clock.
    hard_limit = config.timeout * 2 + 1 if config.timeout else None
    window: deque[_Chunk] = deque()
    queue: deque[_Task] = deque()
    max_window = jobs * 4
    exhausted = False
    start_failures = 0
    workers: list[_Worker] = []
    try:
        workers = [_Worker(ctx, config) for _ in range(jobs)]
        while True:
            while not exhausted and len(window) < max_window:
                records = next(chunks, None)
                if records is None:
                    exhausted = True
                    break
                chunk = _Chunk(records)
                window.append(chunk)
                work = [i for i, r in enumerate(chunk.results) if r is None]
                if work:
                    queue.append(_Task(chunk, work))
            if window and window[0].pending == 0:
                head = window.popleft()
                yield from (r for r in head.results if r is not None)
                continue
            if not window:
                return
            for w in workers:
                if w.ready and w.task is None and queue:
                    # if it died meanwhile, it is found dead below and its task retried
                    with suppress(OSError):
                        w.send(queue.popleft())
            ready = wait([w.conn for w in workers] + [w.proc.sentinel for w in workers], 0.5)
            now = time.monotonic()
            for n, w in enumerate(workers):
                failure: tuple[str, str] | None = None
                if w.conn in ready or w.proc.sentinel in ready:
                    failure = _drain(w)
                    if failure is None and not w.proc.is_alive():
                        failure = _died(w)
                elif w.task is not None and hard_limit and w.stalled(now) > hard_limit:
                    failure = (
                        f"the worker hung for over {hard_limit:g} s and was killed",
                        "timeout",
                    )
                if failure is None:
                    continue
                if not w.ready:
                    start_failures += 1
                    if start_failures > 3:
                        raise RuntimeError("batch worker processes keep dying while starting")
                task = w.task
                w.kill()
                workers[n] = _Worker(ctx, config)
                if task is None:
                    continue
                if len(task.indices) > 1:
                    # retry one record per task, so only the culprit fails
                    queue.extendleft(_Task(task.chunk, [i]) for i in reversed(task.indices))
                else:
                    i = task.indices[0]
                    log.warning("%s: %s", task.chunk.records[i].source, failure[0])
                    task.chunk.set(i, _error(task.chunk.records[i], *failure))
    finally:
        # idle workers exit at once; busy ones (the consumer stopped early) are killed
        for w in workers:
            w.ask_to_stop()
        deadline = time.monotonic() + 1.0
        for w in workers:
            w.proc.join(timeout=max(0.0, deadline - time.monotonic()))
            w.kill()


def _drain(w: _Worker) -> tuple[str, str] | None:
    """Read every message waiting from ``w``; a failure (reason, code) if it died."""
    while True:
        try:
            if not w.conn.poll():
                return None
            kind, payload = w.conn.recv()
        except (EOFError, OSError):
            return _died(w)
        if kind == "ready":
            w.ready = True
        elif kind == "init_error":
            raise payload  # the worker could not build its pipeline: no worker will
        elif kind == "results" and w.task is not None:
            for i, data in zip(w.task.indices, payload, strict=True):
                w.task.chunk.set(i, BatchResult.from_dict(data))
            w.task = None


def _died(w: _Worker) -> tuple[str, str]:
    w.proc.join(timeout=5)
    code = w.proc.exitcode
    how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
    return f"the worker process died ({how})", "crashed"
