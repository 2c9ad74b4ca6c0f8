"""The warm parser child: file after file in one child, each file under its own limits."""

from __future__ import annotations

import gc
import json
import os
import signal
import sys
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from jobmatch.errors import CorruptDocumentError, ParseLimitError
from jobmatch.models import Limits
from jobmatch.read import parse_worker
from jobmatch.read.documents import read_bytes
from tests.helpers import FakeClock, bomb_pdf, simple_pdf
from tests.read import worker_tasks

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="fork, /proc and rlimits")

MB = 1024 * 1024
TASKS = worker_tasks.__name__


@pytest.fixture(autouse=True)
def fresh_child() -> Iterator[None]:
    parse_worker.stop_worker()
    yield
    parse_worker.stop_worker()


def run(task: str, data: bytes = b"", **options: Any) -> Any:
    kwargs = options.pop("kwargs", {})
    options.setdefault("timeout_s", 30)
    options.setdefault("max_memory_mb", 256)
    return parse_worker.run_in_worker(
        f"{TASKS}:{task}", data, kwargs=kwargs, source="cv.pdf", **options
    )


def test_one_child_reads_file_after_file() -> None:
    first = run("pid")
    assert first != os.getpid()
    assert parse_worker.child_pid() == first
    assert [run("echo", "é".encode(), kwargs={"suffix": "!"}) for _ in range(3)] == ["é!"] * 3
    assert run("pid") == first


def test_task_names() -> None:
    assert parse_worker.task_name(worker_tasks.pid) == f"{TASKS}:pid"
    assert parse_worker.task_name(lambda data: data) is None

    def local(data: bytes) -> bytes:
        return data

    assert parse_worker.task_name(local) is None


def test_an_error_is_raised_here_and_the_child_replaced() -> None:
    first = run("pid")
    with pytest.raises(CorruptDocumentError) as err:
        run("fail")
    assert str(err.value) == "cv.pdf: corrupt PDF: no xref"
    assert parse_worker.child_pid() is None
    assert run("pid") != first


def test_the_memory_limit_is_per_file() -> None:
    # 150 MB three times under a 200 MB limit: each file gets its own budget
    first = run("allocate", kwargs={"mb": 150}, max_memory_mb=200)
    assert [run("allocate", kwargs={"mb": 150}, max_memory_mb=200) for _ in range(2)] == [first] * 2
    with pytest.raises(ParseLimitError) as err:
        run("allocate", kwargs={"mb": 400}, max_memory_mb=200)
    assert err.value.reason == "parsing needed more memory than the limit (Limits.max_memory_mb)"
    assert run("pid") != first


def test_the_cpu_limit_is_per_file() -> None:
    # after a file that used over a second, the next file still gets its whole timeout_s
    run("burn", kwargs={"seconds": 1.1})
    cpu_limit, used, as_limit, vm = run("limits", timeout_s=5, max_memory_mb=100)
    assert used > 1.0
    assert used + 5 < cpu_limit <= used + 6
    assert 99 * MB < as_limit - vm <= 100 * MB


def test_the_deadline_kills_the_child_and_the_next_file_gets_a_new_one() -> None:
    first = run("pid")
    with pytest.raises(ParseLimitError) as err:
        run("sleep", timeout_s=0.3, clock=FakeClock(1))
    assert err.value.reason == "parsing took longer than 0.3 s (Limits.timeout_s); stopped"
    assert parse_worker.child_pid() is None
    with pytest.raises(ProcessLookupError):
        os.kill(first, 0)  # killed and reaped
    assert run("pid") != first


def test_a_crash_is_a_corrupt_document() -> None:
    with pytest.raises(CorruptDocumentError) as err:
        run("crash")
    assert err.value.reason == "the parser crashed (signal 11); the file is probably corrupt"
    assert run("echo", b"ok", kwargs={"suffix": ""}) == "ok"


def test_a_child_killed_between_files_is_replaced_for_the_next() -> None:
    first = run("pid")
    os.kill(first, signal.SIGKILL)
    os.waitid(os.P_PID, first, os.WEXITED | os.WNOWAIT)  # dead, not yet reaped
    assert run("echo", b"x" * 200_000, kwargs={"suffix": ""}) == "x" * 200_000
    assert parse_worker.child_pid() not in (None, first)


def test_a_threads_child_ends_with_the_thread() -> None:
    pids: list[int] = []
    thread = threading.Thread(target=lambda: pids.append(run("pid")))
    thread.start()
    thread.join()
    del thread
    gc.collect()
    assert pids and pids[0] != parse_worker.child_pid()
    with pytest.raises(ProcessLookupError):
        os.kill(pids[0], 0)  # killed and reaped: no zombie left behind


def test_a_result_past_the_limit_is_refused() -> None:
    with pytest.raises(ParseLimitError) as err:
        run("echo", b"x" * 1000, kwargs={"suffix": ""}, max_result_bytes=100)
    assert err.value.reason == "extracted text larger than 100 bytes"
    assert parse_worker.child_pid() is None


def test_the_child_is_replaced_after_so_many_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse_worker, "FILES_PER_WORKER", 2)
    pids = [run("pid") for _ in range(5)]
    assert pids[0] == pids[1] != pids[2] == pids[3] != pids[4]


def test_a_forked_process_never_uses_the_parents_child() -> None:
    parent_child = run("pid")
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the forked test process
        code = 0
        try:
            os.write(write_fd, json.dumps([run("pid"), os.getpid()]).encode())
            parse_worker.stop_worker()
        except BaseException:  # noqa: BLE001 - report through the exit code
            code = 1
        finally:
            os._exit(code)
    os.close(write_fd)
    got = json.loads(os.read(read_fd, 1000) or b"null")
    os.close(read_fd)
    assert os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 0
    theirs, forked = got
    assert theirs not in (parent_child, forked)
    assert run("pid") == parent_child  # ours still works


@pytest.mark.parametrize("engine", ["pdfminer", "pdfium"])
def test_pdfs_are_read_in_the_warm_child_and_a_bomb_does_not_spoil_it(engine: str) -> None:
    limits = Limits(max_inflated_bytes=16 * MB)
    good = simple_pdf(["Python developer"])
    assert read_bytes(good, source="a.pdf", pdf_engine=engine, limits=limits).text == (
        "Python developer"
    )
    child = parse_worker.child_pid()
    assert child is not None
    assert read_bytes(good, source="b.pdf", pdf_engine=engine, limits=limits).pages == 1
    assert parse_worker.child_pid() == child
    with pytest.raises(ParseLimitError) as err:
        read_bytes(bomb_pdf(64 * MB), source="bomb.pdf", pdf_engine=engine, limits=limits)
    assert err.value.reason.startswith("decompression bomb")
    assert parse_worker.child_pid() is None
    assert read_bytes(good, source="c.pdf", pdf_engine=engine, limits=limits).text == (
        "Python developer"
    )
    assert parse_worker.child_pid() not in (None, child)
