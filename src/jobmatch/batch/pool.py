"""The worker pool of :func:`~jobmatch.batch.stream.score_many` with ``jobs > 1``.

N forked worker processes each build a :class:`~jobmatch.batch.engine.ScoringEngine` once
and score chunks of records sent over a pipe; results come back as compact dicts, in input
order (finished chunks wait in a bounded window until every earlier chunk is done). A
worker that dies, or hangs beyond twice the time limit, is killed and replaced; its chunk
is retried one record at a time so that only the record that caused it fails.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from functools import partial
from multiprocessing.connection import Connection, wait
from typing import Any

from ..models import BatchResult
from .engine import EngineConfig, ScoringEngine, error_result, input_error_result
from .records import Record

__all__ = ["run_pool"]

log = logging.getLogger(__name__)


def _tick(progress: Any) -> None:  # pragma: no cover - runs in the worker
    progress.value += 1


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
        results = engine.run(records, partial(_tick, progress))
        try:
            conn.send(("results", [r.to_dict() for r in results]))
        except OSError:  # the parent is gone
            return


class _Chunk:
    """A chunk in the output window: results fill in as workers report."""

    def __init__(self, records: list[Record]) -> None:
        self.records = records
        self.results: list[BatchResult | None] = [
            input_error_result(r) if r.error is not None else None for r in records
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
        #: the worker's progress count already reported to the pool's ``on_progress``
        self.reported = 0

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


def run_pool(
    chunks: Iterator[list[Record]],
    config: EngineConfig,
    jobs: int,
    *,
    on_progress: Callable[[int], None] | None = None,
) -> Iterator[BatchResult]:
    """Score ``chunks`` in ``jobs`` forked worker processes; yield results in input order.

    Args:
        chunks: lists of records (error records are passed through, not sent).
        config: what each worker builds its engine from.
        jobs: the number of worker processes.
        on_progress: called in this process with a number of records just finished.

    Returns:
        A lazy iterator of results, one per record. Closing it stops the workers.

    Raises:
        RuntimeError: when worker processes keep dying while they start.
        BaseException: whatever a worker raised while building its engine (re-raised here).
    """
    pool = _Pool(config, jobs, on_progress)
    try:
        yield from pool.results(chunks)
    finally:
        pool.close()


class _Pool:
    def __init__(
        self, config: EngineConfig, jobs: int, on_progress: Callable[[int], None] | None
    ) -> None:
        self.ctx = multiprocessing.get_context("fork")
        self.config = config
        self.on_progress = on_progress
        # a worker stuck this long is beyond its own alarm (C code, blocked signal): kill it.
        # Past 2x timeout because a document read runs on a 2x backstop clock.
        self.hard_limit = config.timeout * 2 + 1 if config.timeout else None
        self.window: deque[_Chunk] = deque()
        self.queue: deque[_Task] = deque()
        self.max_window = jobs * 4
        self.start_failures = 0
        self.jobs = jobs
        self.workers: list[_Worker] = []

    def results(self, chunks: Iterator[list[Record]]) -> Iterator[BatchResult]:
        for _ in range(self.jobs):
            self.workers.append(_Worker(self.ctx, self.config))
        exhausted = False
        while True:
            while not exhausted and len(self.window) < self.max_window:
                records = next(chunks, None)
                if records is None:
                    exhausted = True
                else:
                    self._add(records)
            if self.window and self.window[0].pending == 0:
                head = self.window.popleft()
                yield from (r for r in head.results if r is not None)
                continue
            if not self.window:
                return
            self._dispatch()
            self._watch()

    def _add(self, records: list[Record]) -> None:
        chunk = _Chunk(records)
        self.window.append(chunk)
        work = [i for i, r in enumerate(chunk.results) if r is None]
        if work:
            self.queue.append(_Task(chunk, work))
        if self.on_progress is not None and len(work) < len(records):
            self.on_progress(len(records) - len(work))  # error records are done already

    def _dispatch(self) -> None:
        for w in self.workers:
            if w.ready and w.task is None and self.queue:
                # if it died meanwhile, it is found dead below and its task retried
                with suppress(OSError):
                    w.send(self.queue.popleft())

    def _watch(self) -> None:
        workers = self.workers
        # a short wait when progress is shown, so that the bar moves per record
        timeout = 0.5 if self.on_progress is None else 0.1
        ready = wait([w.conn for w in workers] + [w.proc.sentinel for w in workers], timeout)
        now = time.monotonic()
        for n, w in enumerate(workers):
            self._report(w)
            failure: tuple[str, str] | None = None
            if w.conn in ready or w.proc.sentinel in ready:
                failure = _drain(w)
                if failure is None and not w.proc.is_alive():
                    failure = _died(w)
            elif w.task is not None and self.hard_limit and w.stalled(now) > self.hard_limit:
                failure = (
                    f"the worker hung for over {self.hard_limit:g} s and was killed",
                    "timeout",
                )
            if failure is not None:
                self._replace(n, failure)

    def _report(self, w: _Worker) -> None:
        if self.on_progress is None:
            return
        value = w.progress.value
        if value > w.reported:
            self.on_progress(value - w.reported)
            w.reported = value

    def _replace(self, n: int, failure: tuple[str, str]) -> None:
        w = self.workers[n]
        if not w.ready:
            self.start_failures += 1
            if self.start_failures > 3:
                raise RuntimeError("batch worker processes keep dying while starting")
        task = w.task
        w.kill()
        self.workers[n] = _Worker(self.ctx, self.config)
        if task is None:
            return
        if len(task.indices) > 1:
            # retry one record per task, so only the culprit fails
            self.queue.extendleft(_Task(task.chunk, [i]) for i in reversed(task.indices))
        else:
            i = task.indices[0]
            log.warning("%s: %s", task.chunk.records[i].source, failure[0])
            task.chunk.set(i, error_result(task.chunk.records[i], *failure))
            if self.on_progress is not None:
                self.on_progress(1)

    def close(self) -> None:
        # idle workers exit at once; busy ones (the consumer stopped early) are killed
        for w in self.workers:
            w.ask_to_stop()
        deadline = time.monotonic() + 1.0
        for w in self.workers:
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
