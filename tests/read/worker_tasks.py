"""Module-level tasks for the warm parser child (it looks functions up by name)."""

from __future__ import annotations

import faulthandler
import os
import resource
import signal
import time

from jobmatch.errors import CorruptDocumentError

MB = 1024 * 1024


def pid(data: bytes) -> int:
    """The child's process id."""
    return os.getpid()


def echo(data: bytes, *, suffix: str) -> str:
    """The document's text with ``suffix``."""
    return data.decode("utf-8") + suffix


def fail(data: bytes) -> None:
    """A parse that refuses the document."""
    raise CorruptDocumentError("corrupt PDF: no xref", source="ignored")


def allocate(data: bytes, *, mb: int) -> int:
    """Touch ``mb`` MB, free it, return the pid."""
    block = bytearray(mb * MB)
    del block
    return os.getpid()


def burn(data: bytes, *, seconds: float) -> int:
    """Use ``seconds`` of CPU time, return the pid."""
    start = time.process_time()
    while time.process_time() - start < seconds:
        pass
    return os.getpid()


def limits(data: bytes) -> list[float]:
    """The CPU limit and the CPU time used so far, the address-space limit and size."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    with open("/proc/self/status", "rb") as fh:
        vm = next(int(line.split()[1]) * 1024 for line in fh if line.startswith(b"VmSize:"))
    return [
        resource.getrlimit(resource.RLIMIT_CPU)[0],
        usage.ru_utime + usage.ru_stime,
        resource.getrlimit(resource.RLIMIT_AS)[0],
        vm,
    ]


def sleep(data: bytes) -> None:
    """A parse that blocks."""
    time.sleep(30)


def crash(data: bytes) -> None:
    """A parse that dies of a segmentation fault (without pytest's fault handler report)."""
    faulthandler.disable()
    os.kill(os.getpid(), signal.SIGSEGV)
