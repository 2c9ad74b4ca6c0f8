"""The parts of the server on their own: error table, names, download store, pool, CLI."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import Executor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

import pytest
from click.testing import CliRunner

from jobmatch import errors
from jobmatch.cli import main
from jobmatch.serve.downloads import ReportStore
from jobmatch.serve.pool import Busy, WorkerPool
from jobmatch.serve.problems import Problem, problem_of
from jobmatch.serve.server import is_loopback
from jobmatch.serve.service import safe_name


@pytest.mark.parametrize(
    ("cls", "status"),
    [
        (errors.UnsupportedFormatError, 415),
        (errors.DocumentTooLargeError, 413),
        (errors.ParseLimitError, 413),
        (errors.EncryptedDocumentError, 422),
        (errors.NoTextLayerError, 422),
        (errors.CorruptDocumentError, 422),
        (errors.EmptyDocumentError, 422),
        (errors.DocumentNotFoundError, 422),
        (errors.DocumentError, 422),
        (errors.RecordError, 422),
        (errors.ProfileError, 422),
        (errors.LexiconError, 422),
        (errors.JobmatchError, 422),
    ],
)
def test_every_error_class_has_a_4xx(cls: type[errors.JobmatchError], status: int) -> None:
    exc = cls("the reason", source="cv.pdf")
    assert problem_of(exc) == Problem(status, cls.code, "cv.pdf: the reason")


def test_every_error_class_is_covered() -> None:
    classes = {getattr(errors, n) for n in errors.__all__}
    assert all(problem_of(c("r")).status in (413, 415, 422) for c in classes)


@pytest.mark.parametrize(
    ("filename", "expected"),
    [
        ("resume.pdf", "resume.pdf"),
        ("/etc/passwd", "passwd"),
        ("C:\\Users\\me\\cv.docx", "cv.docx"),
        ("../../x.txt", "x.txt"),
        ("a\x1b[31mred\x00.txt", "a[31mred.txt"),
        ("", "<resume>"),
        (None, "<resume>"),
        ("..", "<resume>"),
        ("dir/", "<resume>"),
        ("x" * 200 + ".pdf", "x" * 116 + ".pdf"),
    ],
)
def test_safe_name(filename: str | None, expected: str) -> None:
    assert safe_name(filename, "resume") == expected


def test_store_keeps_the_newest_and_expires_the_old() -> None:
    now = [0.0]
    store = ReportStore(max_items=2, ttl_s=10, clock=lambda: now[0])
    a = store.put({"json": "A"})
    b = store.put({"json": "B"})
    c = store.put({"json": "C"})
    assert (store.get(a, "json"), store.get(b, "json"), store.get(c, "json")) == (None, "B", "C")
    assert store.get(c, "html") is None
    now[0] = 10.5
    assert store.get(b, "json") is None and len(store) == 0


def _run(coro: Any) -> Any:
    return asyncio.run(coro)


def test_pool_refuses_beyond_workers_plus_queue() -> None:
    gate = threading.Event()
    pool = WorkerPool(workers=1, queue=1, executor_factory=lambda: ThreadPoolExecutor(1))

    async def scenario() -> tuple[list[Any], int]:
        first = asyncio.ensure_future(pool.run(gate.wait))
        second = asyncio.ensure_future(pool.run(gate.wait))
        await asyncio.sleep(0)  # both are in flight now
        assert pool.in_flight == 2
        with pytest.raises(Busy) as refused:
            await pool.run(gate.wait)
        gate.set()
        return [await first, await second, refused.value.retry_after], pool.in_flight

    results, in_flight = _run(scenario())
    assert results == [True, True, 2]
    assert in_flight == 0
    pool.shutdown()


class _Broken(ThreadPoolExecutor):
    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Any:
        raise BrokenProcessPool("a child process terminated abruptly")


def test_pool_replaces_a_broken_executor() -> None:
    made: list[Executor] = []

    def factory() -> Executor:
        made.append(_Broken(1) if not made else ThreadPoolExecutor(1))
        return made[-1]

    pool = WorkerPool(workers=1, queue=0, executor_factory=factory)
    with pytest.raises(Busy, match="a worker process stopped unexpectedly; retry"):
        _run(pool.run(int, "4"))
    assert _run(pool.run(int, "4")) == 4
    assert len(made) == 2 and pool.in_flight == 0
    pool.shutdown()


def test_pool_arguments() -> None:
    with pytest.raises(ValueError, match="workers >= 1 and queue >= 0"):
        WorkerPool(workers=0, queue=1, executor_factory=lambda: ThreadPoolExecutor(1))


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("127.0.0.2", True), ("::1", True), ("localhost", True),
     ("0.0.0.0", False), ("192.168.1.4", False), ("::", False), ("example.org", False)],
)  # fmt: skip
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_cli_serve_passes_its_options(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr("jobmatch.serve.server.run", lambda **kw: calls.append(kw))
    result = CliRunner().invoke(main, ["serve", "--port", "8123", "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert calls == [{"host": "127.0.0.1", "port": 8123, "workers": 2, "queue": None}]
    assert result.stderr == ""


def test_cli_serve_warns_when_binding_beyond_localhost(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("jobmatch.serve.server.run", lambda **kw: None)
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--queue", "3"])
    assert result.exit_code == 0
    assert result.stderr == (
        "Warning: serving on 0.0.0.0: reachable from the network, unauthenticated.\n"
    )


def test_the_reader_process_reads_as_read_bytes_does(samples: Any) -> None:
    import os

    from jobmatch.read.documents import read_bytes
    from jobmatch.serve.reader import ReaderProcess
    from tests.helpers import encrypted_pdf, many_pages_pdf

    data = (samples / "research_engineer_resume.pdf").read_bytes()
    reader = ReaderProcess()
    try:
        assert reader.pid is not None and reader.pid != os.getpid()
        document = reader.read(data, source="cv.pdf", name="cv.pdf")
        assert document == read_bytes(data, source="cv.pdf", name="cv.pdf")
        for bad in (encrypted_pdf("Python"), many_pages_pdf(600), b"", b"\x89PNG\r\n\x1a\n"):
            with pytest.raises(errors.DocumentError) as there:
                reader.read(bad, source="cv.pdf", name="cv.pdf")
            with pytest.raises(errors.DocumentError) as here:
                read_bytes(bad, source="cv.pdf", name="cv.pdf")
            assert (type(there.value), str(there.value)) == (type(here.value), str(here.value))
        # the reader gone, the worker reads in-process: same document
        os.kill(reader.pid, 9)
        assert reader.read(data, source="cv.pdf", name="cv.pdf") == document
        assert reader.pid is None
    finally:
        reader.close()
