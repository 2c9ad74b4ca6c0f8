"""A warm isolated parser: one forked child parses file after file, each under its own limits.

A fork per file (:func:`jobmatch.read.isolation.run_isolated`) costs little next to
pdfminer's 0.2 s per file, but as much as the parse itself with PDFium: about 5 ms to fork
and reap a process that has spaCy loaded, and 5-10 ms more of copy-on-write faults while
the fresh child first touches its memory. So the parent keeps one parser child per thread
and sends it file after file (the request and the PDF's bytes down one pipe, the JSON
result up another, length-prefixed). The guards stay per file:

- before each file the child sets its address-space limit to what it uses now plus
  ``max_memory_mb``, and its CPU-time limit to what it has used plus ``timeout_s``;
- the parent waits for each result with the file's own wall-clock deadline and SIGKILLs
  the child when it passes (as for a fork per file);
- a child that reported any error, crashed or was killed is never used again (the next
  file gets a fresh fork), nor is one that has parsed :data:`FILES_PER_WORKER` files, so
  a parse that went wrong cannot leak into the next file and memory drift stays bounded.

What is shared between files is the parser's process, as in any long-running reader: a
file that exploited a bug in PDFium without failing could see the files parsed after it in
the same child (at most :data:`FILES_PER_WORKER - 1`), where a fork per file would not.
A child inherited through ``os.fork`` (a batch worker forked after a parse) is never used
by the new process, which forks its own.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import json
import logging
import os
import select
import struct
import threading
import time
import warnings
import weakref
from collections.abc import Callable
from typing import Any

from ..errors import ParseLimitError
from . import isolation

__all__ = [
    "FILES_PER_WORKER",
    "child_cpu_seconds",
    "child_pid",
    "run_in_worker",
    "stop_worker",
    "task_name",
]

log = logging.getLogger(__name__)

MB = 1024 * 1024
#: files one child parses before it is replaced by a fresh fork
FILES_PER_WORKER = 64
_SIZE = struct.Struct("!Q")


def task_name(func: Callable[..., Any]) -> str | None:
    """The ``"module:qualname"`` under which a child finds ``func``, if it can.

    Args:
        func: a module-level function.

    Returns:
        The name, or ``None`` for a function the child could not look up by name (a local
        function or a lambda: run those with a fork per call).
    """
    module, name = getattr(func, "__module__", None), getattr(func, "__qualname__", "")
    if not module or "<" in name:
        return None
    try:
        found: Any = importlib.import_module(module)
        for part in name.split("."):
            found = getattr(found, part)
    except (ImportError, AttributeError):
        return None
    return f"{module}:{name}" if found is func else None


class _Worker:
    """The parent's handle on one parser child."""

    def __init__(self) -> None:
        down_r, self.down = os.pipe()
        self.up, up_w = os.pipe()
        with warnings.catch_warnings():
            # as in isolation.run_isolated: the child only parses, writes and _exit()s
            warnings.simplefilter("ignore", DeprecationWarning)
            pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child
            os.close(self.down)
            os.close(self.up)
            _serve(down_r, up_w)
        os.close(down_r)
        os.close(up_w)
        self.pid, self.owner, self.files = pid, os.getpid(), 0
        # a thread's worker goes with the thread (and at exit): stop its child then
        self.finalizer = weakref.finalize(self, _release, pid, (self.down, self.up), self.owner)

    def send(self, header: bytes, data: bytes) -> None:
        for chunk in (_SIZE.pack(len(header)), header, data):
            _write_all(self.down, chunk)

    def receive(
        self, *, deadline: tuple[Callable[[], float], float], limit: int, source: str
    ) -> bytes | None:
        """The child's next message; ``b""`` when it ended first, ``None`` at the deadline."""
        head = _read_exactly(self.up, _SIZE.size, deadline)
        if not head:
            return head
        (size,) = _SIZE.unpack(head)
        if size > limit:
            raise ParseLimitError(f"extracted text larger than {limit} bytes", source=source)
        return _read_exactly(self.up, size, deadline)

    def close(self) -> None:
        """Close this process's ends of the pipes, and nothing else (for a worker inherited
        through a fork, whose child is not ours)."""
        self.finalizer.detach()
        _close((self.down, self.up))

    def stop(self) -> None:
        """Close the pipes, kill the child and reap it."""
        self.finalizer()

    def reap(self) -> int:
        """Close the pipes and wait for the child, which has ended or is ending; return its
        exit status."""
        self.close()
        return isolation.reap(self.pid)


def _close(fds: tuple[int, ...]) -> None:
    for fd in fds:
        with contextlib.suppress(OSError):
            os.close(fd)


def _release(pid: int, fds: tuple[int, ...], owner: int) -> None:
    """Close a worker's pipes and, in the process that forked the child, kill and reap it."""
    _close(fds)
    if os.getpid() == owner:
        isolation.kill(pid)


_local = threading.local()


def _worker() -> _Worker:
    worker: _Worker | None = getattr(_local, "worker", None)
    if worker is not None and worker.owner != os.getpid():
        worker.close()  # inherited through a fork: the parent's child, not ours to signal
        worker = None
    if worker is None:
        worker = _local.worker = _Worker()
    return worker


def stop_worker() -> None:
    """Stop this thread's parser child, if it has one (the next parse forks a fresh one)."""
    worker: _Worker | None = getattr(_local, "worker", None)
    _local.worker = None
    if worker is not None and worker.owner == os.getpid():
        worker.stop()


def child_pid() -> int | None:
    """The process id of this thread's parser child, if it has one.

    Returns:
        The pid, or ``None``.
    """
    worker: _Worker | None = getattr(_local, "worker", None)
    return worker.pid if worker is not None and worker.owner == os.getpid() else None


def child_cpu_seconds() -> float:
    """CPU time used so far by this thread's parser child (0 when it has none, or without
    ``/proc``): a live child is not in ``RUSAGE_CHILDREN`` until it is reaped, so
    benchmarks add this.

    Returns:
        User plus system CPU seconds.
    """
    worker: _Worker | None = getattr(_local, "worker", None)
    if worker is None or worker.owner != os.getpid():
        return 0.0
    try:  # nanoseconds on the CPU (the child has one thread)
        with open(f"/proc/{worker.pid}/schedstat", "rb") as fh:
            return int(fh.read().split()[0]) / 1e9
    except (OSError, ValueError, IndexError):
        log.debug("no schedstat for child %d: CPU time in clock ticks", worker.pid)
    try:  # clock ticks
        with open(f"/proc/{worker.pid}/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
    except OSError:
        return 0.0
    # fields after the command name: state is field 3, utime 14 and stime 15 (proc(5))
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_in_worker(
    task: str,
    data: bytes,
    *,
    kwargs: dict[str, Any],
    source: str,
    timeout_s: float,
    max_memory_mb: int,
    max_result_bytes: int = 256 * MB,
    clock: Callable[[], float] = time.monotonic,
) -> Any:
    """Run ``task(data, **kwargs)`` in this thread's parser child under per-file limits.

    Args:
        task: ``"module:qualname"`` of the function (see :func:`task_name`); it returns
            JSON-able data.
        data: the document's bytes.
        kwargs: JSON-able keyword arguments.
        source: the name used in errors.
        timeout_s: the wall-clock deadline for this file (the child is killed when it
            passes), also the CPU time this file may use.
        max_memory_mb: address space this file may add to what the child uses.
        max_result_bytes: the most the child may send back.
        clock: the clock the deadline is measured with (tests pass a fake one).

    Returns:
        The task's result, through JSON.

    Raises:
        DocumentError: the one the task raised, same class and reason.
        ParseLimitError: the time limit, the memory limit or the result size was passed.
        CorruptDocumentError: the child crashed or sent garbage.
    """
    header = json.dumps(
        {
            "task": task,
            "kwargs": kwargs,
            "timeout_s": timeout_s,
            "max_memory_mb": max_memory_mb,
            "size": len(data),
        }
    ).encode("utf-8")
    worker = _worker()
    started = clock()
    try:
        try:
            worker.send(header, data)
        except BrokenPipeError:
            # the child ended after its last file (killed from outside, say), before it
            # saw this one: this file goes to a fresh child
            _local.worker = None
            worker.reap()
            worker = _worker()
            worker.send(header, data)
        isolation.run_meanwhile_work()  # the child parses; the caller's work runs here
        started = clock()  # the file's deadline starts once that work is done
        payload = worker.receive(
            deadline=(clock, started + timeout_s), limit=max_result_bytes, source=source
        )
    except BrokenPipeError:  # the fresh child is gone too: its status tells why
        payload = b""
    except BaseException:
        stop_worker()
        raise
    if payload is None:
        stop_worker()
        raise isolation.timeout_error(timeout_s, source=source)
    if not payload:
        _local.worker = None
        status = worker.reap()
        raise isolation.crash_error(status, timeout_s=timeout_s, source=source)
    worker.files += 1
    log.debug("parse of %s in child %d: %.3f s", source, worker.pid, clock() - started)
    try:
        return isolation.raise_outcome(payload, source=source)
    except BaseException:
        stop_worker()  # never reuse a child after a failed parse
        raise
    finally:
        if worker.files >= FILES_PER_WORKER:
            stop_worker()


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _read_exactly(fd: int, size: int, deadline: tuple[Callable[[], float], float]) -> bytes | None:
    """``size`` bytes from ``fd``; fewer (``b""``) at EOF, ``None`` once the deadline passes."""
    clock, until = deadline
    chunks: list[bytes] = []
    while size:
        left = until - clock()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            return None
        chunk = os.read(fd, min(size, 1 << 20))
        if not chunk:
            return b""
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


# ---------------------------------------------------------------------------- the child


def _serve(down: int, up: int) -> None:  # pragma: no cover - runs in the child
    code = 0
    try:
        isolation.child_setup()
        while True:
            request = _read_request(down)
            if request is None:
                break
            header, data = request
            isolation.set_limits(
                address_space=isolation.vm_size() + int(header["max_memory_mb"]) * MB,
                cpu_s=float(header["timeout_s"]),
            )
            result = isolation.outcome(functools.partial(_call, header, data))
            payload = json.dumps(result).encode("utf-8")
            _write_all(up, _SIZE.pack(len(payload)) + payload)
    except BaseException:  # noqa: BLE001 - the child must reach os._exit whatever happens
        code = 70
    finally:
        os._exit(code)


def _call(header: dict[str, Any], data: bytes) -> Any:  # pragma: no cover - in the child
    module, name = str(header["task"]).split(":")
    func: Any = importlib.import_module(module)
    for part in name.split("."):
        func = getattr(func, part)
    return func(data, **header["kwargs"])


def _read_request(fd: int) -> tuple[dict[str, Any], bytes] | None:  # pragma: no cover
    """The next request (its header and the document), ``None`` when the parent is gone."""
    head = _read_blocking(fd, _SIZE.size)
    body = head and _read_blocking(fd, _SIZE.unpack(head)[0])
    if not body:
        return None
    header: dict[str, Any] = json.loads(body)
    data = _read_blocking(fd, int(header["size"]))
    return None if data is None else (header, data)


def _read_blocking(fd: int, size: int) -> bytes | None:  # pragma: no cover - in the child
    chunks: list[bytes] = []
    while size:
        chunk = os.read(fd, min(size, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)
