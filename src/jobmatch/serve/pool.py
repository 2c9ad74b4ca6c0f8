"""CPU-bound work off the event loop: a process pool behind a bounded queue.

Scoring is CPU-bound (spaCy, TF-IDF, PDF parsing), so it runs in worker processes, each of
which loads the pipeline and the profiles once (:func:`jobmatch.serve.service.init_worker`).
The event loop only counts what it has handed out: at most ``workers`` jobs run and at most
``queue`` more wait; past that :meth:`WorkerPool.run` raises :class:`Busy` at once (the app
answers ``503`` with ``Retry-After``) rather than letting latency and memory grow without
bound. Workers are started with ``spawn``: the server process has threads, and a fork of a
threaded process may deadlock.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from . import service

__all__ = ["Busy", "WorkerPool", "process_executor"]

log = logging.getLogger(__name__)

T = TypeVar("T")


class Busy(Exception):
    """Every worker is busy and the queue is full (or a worker died): try again later."""

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def process_executor(workers: int, profile_ids: Sequence[str]) -> ProcessPoolExecutor:
    """A pool of ``workers`` spawned processes, each with the pipeline and profiles loaded.

    Args:
        workers: number of processes (at least 1).
        profile_ids: shipped profiles each worker loads at start.

    Returns:
        The executor (its processes start on first use).
    """
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=service.init_worker,
        initargs=(tuple(profile_ids),),
    )


def _pid() -> int:
    return os.getpid()


class WorkerPool:
    """Run library calls in an executor, refusing work beyond ``workers + queue`` jobs.

    Args:
        workers: how many jobs run at once (the executor's size).
        queue: how many more jobs may wait; beyond that :meth:`run` raises :class:`Busy`.
        executor_factory: makes the executor (again, if a worker process dies).
        retry_after: seconds a refused client is told to wait.

    Raises:
        ValueError: ``workers`` < 1 or ``queue`` < 0.
    """

    def __init__(
        self,
        *,
        workers: int,
        queue: int,
        executor_factory: Callable[[], Executor],
        retry_after: int = 2,
    ) -> None:
        if workers < 1 or queue < 0:
            raise ValueError("WorkerPool needs workers >= 1 and queue >= 0")
        self.workers = workers
        self.capacity = workers + queue
        self.retry_after = retry_after
        self._factory = executor_factory
        self._executor = executor_factory()
        self.in_flight = 0

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """Run ``fn(*args)`` in a worker and return its result.

        Raises:
            Busy: ``workers + queue`` jobs are already in flight, or the worker died.
        """
        if self.in_flight >= self.capacity:
            raise Busy(
                f"the server is busy ({self.in_flight} requests in progress); retry shortly",
                retry_after=self.retry_after,
            )
        self.in_flight += 1
        executor = self._executor
        try:
            return await asyncio.get_running_loop().run_in_executor(executor, fn, *args)
        except BrokenProcessPool as exc:
            log.error("a worker process died; starting a new pool")
            if executor is self._executor:  # the first request to notice replaces it
                executor.shutdown(wait=False, cancel_futures=True)
                self._executor = self._factory()
            raise Busy(
                "a worker process stopped unexpectedly; retry", retry_after=self.retry_after
            ) from exc
        finally:
            self.in_flight -= 1

    async def warm_up(self) -> list[int]:
        """Start the workers (each loads the pipeline) and return their process ids."""
        loop = asyncio.get_running_loop()
        jobs = [loop.run_in_executor(self._executor, _pid) for _ in range(self.workers)]
        return sorted(set(await asyncio.gather(*jobs)))

    def shutdown(self) -> None:
        """Stop the workers, cancelling the jobs that have not started."""
        self._executor.shutdown(wait=True, cancel_futures=True)
