"""Run one untrusted parse in a forked child with a time limit and a memory limit.

Why ``os.fork`` rather than ``multiprocessing``: the batch engineer calls ``read_document``
from pool workers, which are daemonic, and ``multiprocessing`` refuses to start children
from daemonic processes. A bare fork has no such rule, costs a few milliseconds, and the
child inherits the already imported parser (no re-import, nothing to pickle in).

The child sets ``RLIMIT_AS`` (address space: what it has at fork time plus the budget) and
``RLIMIT_CPU``, runs the function, and writes its JSON result to a pipe. Results travel as
JSON, never pickle: the child has just parsed hostile input. The parent waits with a
deadline and SIGKILLs the child when it passes, so time is bounded even if the parser
loops in C code. Where fork is missing (Windows) the caller runs in-process instead.

While the child parses, the parent has nothing to do but wait. :func:`meanwhile` gives it
work: a command that will need the skill pipeline next (``jobmatch score`` on a PDF) builds
it in the parent while the child parses, on the other core, instead of after.
"""

from __future__ import annotations

import contextlib
import contextvars
import gc
import json
import logging
import os
import select
import signal
import sys
import time
import traceback
import warnings
from collections.abc import Callable, Iterator
from typing import Any

from .. import errors
from ..errors import CorruptDocumentError, DocumentError, ParseLimitError

__all__ = [
    "can_isolate",
    "meanwhile",
    "run_meanwhile_work",
    "run_isolated",
    "peak_rss_mb",
    "vm_size",
    "child_setup",
    "set_limits",
    "outcome",
    "raise_outcome",
    "crash_error",
    "timeout_error",
    "kill",
    "reap",
]

log = logging.getLogger(__name__)

MB = 1024 * 1024

# work for the parent to do while the next isolated parse runs (see meanwhile)
_PENDING: contextvars.ContextVar[list[Callable[[], object]] | None] = contextvars.ContextVar(
    "jobmatch_isolation_pending", default=None
)


@contextlib.contextmanager
def meanwhile(work: Callable[[], object]) -> Iterator[None]:
    """Run ``work()`` in this process while the next isolated parse in the block runs.

    The first :func:`run_isolated` inside the ``with`` block forks its child, then calls
    ``work()`` here before it waits for the child, so the two overlap on two cores. The
    child's wall-clock deadline starts when ``work()`` returns. ``work`` should be a
    warm-up whose result is remembered elsewhere (a cached pipeline): its return value is
    dropped, and an ``Exception`` it raises is logged and dropped too, so the error shows
    when the caller does the same thing again, in its usual order. When no isolated
    parse starts in the block (text files, ``Limits(isolate=False)``, no ``fork``),
    ``work`` is not called.

    Args:
        work: a function of no arguments.

    Returns:
        A context manager.

    Raises:
        TypeError: ``work`` is not callable.
    """
    if not callable(work):
        raise TypeError(f"meanwhile() needs a callable, not {type(work).__name__}")
    token = _PENDING.set([work])
    try:
        yield
    finally:
        _PENDING.reset(token)


def run_meanwhile_work() -> None:
    """Run (once) the work :func:`meanwhile` left for the parent of a parse.

    Called by the parse runners right after the parse has started elsewhere (a forked
    child, or the warm parser process of :mod:`.parse_worker`) and before they wait.
    """
    pending = _PENDING.get()
    while pending:
        work = pending.pop(0)
        try:
            work()
        except Exception:  # noqa: BLE001 - a warm-up; the caller meets the error again
            log.debug("work done during an isolated parse failed", exc_info=True)


def can_isolate() -> bool:
    """True where :func:`run_isolated` can fork (POSIX)."""
    return hasattr(os, "fork") and sys.platform != "win32"


def peak_rss_mb() -> tuple[float, float]:
    """Peak resident memory in MB of this process and of its (waited-for) children."""
    try:
        import resource  # POSIX only
    except ImportError:  # pragma: no cover - Windows
        return 0.0, 0.0
    scale = 1 / 1024 if sys.platform != "darwin" else 1 / MB  # Linux reports KiB
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * scale
    return own, kids


def vm_size() -> int:
    """This process's address space in bytes (its peak resident memory where ``/proc`` is
    missing).

    Returns:
        The size in bytes.
    """
    try:
        with open("/proc/self/status", "rb") as fh:
            for line in fh:
                if line.startswith(b"VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        log.debug("no /proc/self/status: using the peak RSS as the memory baseline")
    return int(peak_rss_mb()[0] * MB)


def run_isolated(
    func: Callable[[], Any],
    *,
    source: str,
    timeout_s: float,
    max_memory_mb: int,
    max_result_bytes: int = 256 * MB,
    clock: Callable[[], float] = time.monotonic,
) -> Any:
    """Run ``func()`` in a forked child and return its (JSON-able) result.

    Args:
        func: what to run; it returns JSON-able data.
        source: the name used in errors.
        timeout_s: the wall-clock deadline (the child is killed when it passes), also the
            child's CPU-time limit.
        max_memory_mb: address space the child may add to what it has at fork time.
        max_result_bytes: the most the child may send back.
        clock: the clock the deadline is measured with (tests pass a fake one).

    Returns:
        ``func()``'s result, through JSON.

    Raises:
        DocumentError: the one ``func`` raised, same class and reason.
        ParseLimitError: the time limit, the memory limit or the result size was passed.
        CorruptDocumentError: the child crashed or sent garbage.
    """
    budget = vm_size() + max_memory_mb * MB
    read_fd, write_fd = os.pipe()
    with warnings.catch_warnings():
        # Python 3.12+ warns about fork() in a threaded process; the child below only runs
        # the parser, writes to a pipe and _exit()s, so the usual lock hazards do not apply
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child (coverage cannot see it)
        os.close(read_fd)
        _child(func, write_fd, budget=budget, cpu_s=timeout_s)
    os.close(write_fd)
    try:
        run_meanwhile_work()
        started = clock()
        payload = _collect(
            read_fd,
            pid,
            deadline=(clock, started + timeout_s),
            limit=max_result_bytes,
            source=source,
        )
    except BaseException:
        kill(pid)
        raise
    finally:
        os.close(read_fd)
    if payload is None:  # deadline passed: kill first, then reap
        kill(pid)
        raise timeout_error(timeout_s, source=source)
    status = reap(pid)
    log.debug("isolated parse of %s: %.2f s, exit status %s", source, clock() - started, status)
    if not payload:
        raise crash_error(status, timeout_s=timeout_s, source=source)
    return raise_outcome(payload, source=source)


def _child(func: Callable[[], Any], fd: int, *, budget: int, cpu_s: float) -> None:
    # runs in the child only (pragma: coverage cannot follow a fork)
    code = 0
    try:
        child_setup()
        set_limits(address_space=budget, cpu_s=cpu_s)
        data = json.dumps(outcome(func)).encode("utf-8")
        view = memoryview(data)
        while view:
            n = os.write(fd, view)
            view = view[n:]
    except BaseException:  # noqa: BLE001 - the child must reach os._exit whatever happens
        code = 70
    finally:
        os._exit(code)


def child_setup() -> None:  # pragma: no cover - runs in forked children
    """What a forked parser child does first: keep the inherited heap out of the collector
    and die with its parent.

    Move every object inherited from the parent out of the collector's reach: a full
    collection in the child would otherwise walk (and so copy-on-write) the parent's whole
    heap, e.g. a loaded spaCy pipeline, costing more than the parse itself. Die with the
    parent instead of lingering as an orphan (Linux only, best effort: elsewhere the CPU
    limit still ends a runaway child).
    """
    gc.freeze()
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def set_limits(*, address_space: int, cpu_s: float) -> None:  # pragma: no cover - in children
    """Set this process's address-space limit to ``address_space`` bytes and its CPU-time
    limit to ``cpu_s`` seconds more than it has used (never above the hard limits).

    Args:
        address_space: the ``RLIMIT_AS`` soft limit, in bytes.
        cpu_s: CPU seconds allowed from now on.
    """
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = int(usage.ru_utime + usage.ru_stime + cpu_s) + 1
    for limit, value in ((resource.RLIMIT_AS, address_space), (resource.RLIMIT_CPU, cpu)):
        _, hard = resource.getrlimit(limit)
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)  # never above what this process may set
        resource.setrlimit(limit, (value, hard))


def outcome(func: Callable[[], Any]) -> dict[str, Any]:
    """Run ``func()`` and describe what happened as JSON-able data for the parent.

    Args:
        func: the parse.

    Returns:
        ``{"result": ...}``, or ``{"error": class name, "reason": ...}`` (with the traceback
        under ``"detail"`` for an unexpected exception).
    """
    try:
        return {"result": func()}
    except DocumentError as exc:
        return {"error": type(exc).__name__, "reason": exc.reason}
    except MemoryError:
        return {
            "error": "ParseLimitError",
            "reason": "parsing needed more memory than the limit (Limits.max_memory_mb)",
        }
    except Exception as exc:  # noqa: BLE001 - anything else is reported, never lost
        return {
            "error": "CorruptDocumentError",
            "reason": f"the parser failed ({type(exc).__name__})",
            "detail": traceback.format_exc(),
        }


def raise_outcome(payload: bytes, *, source: str) -> Any:
    """The result a child sent (see :func:`outcome`), or its error raised again here.

    Args:
        payload: the JSON the child wrote.
        source: the name used in errors.

    Returns:
        The child's result.

    Raises:
        DocumentError: the one the child reported, same class and reason.
        CorruptDocumentError: the payload is not what a child sends.
    """
    try:
        message = json.loads(payload)
    except ValueError as exc:
        raise CorruptDocumentError("the parser returned garbage", source=source) from exc
    if "error" in message:
        cls = getattr(errors, str(message["error"]), None)
        if not (isinstance(cls, type) and issubclass(cls, DocumentError)):
            cls = CorruptDocumentError
        if message.get("detail"):
            log.debug("parser error in child for %s:\n%s", source, message["detail"])
        raise cls(str(message["reason"]), source=source)
    return message["result"]


def crash_error(status: int, *, timeout_s: float, source: str) -> DocumentError:
    """The error for a child that ended without a result.

    Args:
        status: its exit code, or minus the signal that killed it.
        timeout_s: the time limit (the CPU limit is derived from it).
        source: the name used in errors.

    Returns:
        A :class:`ParseLimitError` for the CPU limit, else a :class:`CorruptDocumentError`.
    """
    sig = -status if status < 0 else 0
    if sig in (signal.SIGXCPU, signal.SIGKILL):
        return ParseLimitError(
            f"parsing passed the CPU time limit ({timeout_s:g} s)", source=source
        )
    return CorruptDocumentError(
        f"the parser crashed ({'signal ' + str(sig) if sig else 'exit ' + str(status)});"
        " the file is probably corrupt",
        source=source,
    )


def timeout_error(timeout_s: float, *, source: str) -> ParseLimitError:
    """The error for a parse stopped at the wall-clock deadline.

    Args:
        timeout_s: the time limit.
        source: the name used in errors.

    Returns:
        The :class:`ParseLimitError`.
    """
    return ParseLimitError(
        f"parsing took longer than {timeout_s:g} s (Limits.timeout_s); stopped", source=source
    )


def _collect(
    fd: int, pid: int, *, deadline: tuple[Callable[[], float], float], limit: int, source: str
) -> bytes | None:
    """Read the child's output until EOF; ``None`` when the deadline passes first."""
    chunks: list[bytes] = []
    total = 0
    clock, until = deadline
    while True:
        left = until - clock()
        if left <= 0:
            return None
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            return None
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > limit:
            kill(pid)
            raise ParseLimitError(f"extracted text larger than {limit} bytes", source=source)
        chunks.append(chunk)


def kill(pid: int) -> None:
    """SIGKILL the child ``pid`` (if it still runs) and reap it.

    Args:
        pid: the child.
    """
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        return
    reap(pid)


def reap(pid: int) -> int:
    """Wait for the child ``pid`` to end.

    Args:
        pid: the child.

    Returns:
        Its exit code, or minus the signal that killed it (0 if it was reaped already).
    """
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        return 0
    return os.waitstatus_to_exitcode(status)
