"""``meanwhile``: work the parent does while an isolated parse runs in its child."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from jobmatch.read.documents import Limits, read_document
from jobmatch.read.isolation import can_isolate, meanwhile, run_isolated

pytestmark = pytest.mark.skipif(not can_isolate(), reason="needs os.fork")

SAMPLE_PDF = Path(__file__).resolve().parents[2] / "samples" / "research_engineer_resume.pdf"


def test_work_runs_once_in_the_parent_during_the_first_parse() -> None:
    calls: list[int] = []
    with meanwhile(lambda: calls.append(os.getpid())):
        assert run_isolated(os.getpid, source="a", timeout_s=10, max_memory_mb=100) != os.getpid()
        assert calls == [os.getpid()]
        run_isolated(lambda: 1, source="b", timeout_s=10, max_memory_mb=100)
    assert calls == [os.getpid()]  # not again for the second parse
    run_isolated(lambda: 1, source="c", timeout_s=10, max_memory_mb=100)
    assert calls == [os.getpid()]  # nor after the block


def test_work_overlaps_a_real_pdf_parse_and_the_text_is_unchanged() -> None:
    calls: list[str] = []
    plain = read_document(SAMPLE_PDF)
    with meanwhile(lambda: calls.append("warm")):
        doc = read_document(SAMPLE_PDF)
    assert calls == ["warm"]
    assert doc.text == plain.text


def test_work_is_not_run_without_an_isolated_parse(tmp_path: Path) -> None:
    calls: list[str] = []
    text = tmp_path / "r.txt"
    text.write_text("Python and SQL\n", encoding="utf-8")
    with meanwhile(lambda: calls.append("warm")):
        read_document(text)
        read_document(SAMPLE_PDF, limits=Limits(isolate=False))
    assert calls == []


def test_a_failing_work_does_not_change_the_parse() -> None:
    def fail() -> None:
        raise RuntimeError("no profile")

    with meanwhile(fail):
        assert run_isolated(lambda: [1, "x"], source="a", timeout_s=10, max_memory_mb=100) == [
            1,
            "x",
        ]


def test_the_childs_deadline_starts_after_the_work() -> None:
    # work longer than the time limit: the child finished long ago, its result is kept
    with meanwhile(lambda: time.sleep(0.6)):
        assert run_isolated(lambda: 7, source="a", timeout_s=0.3, max_memory_mb=100) == 7


def test_meanwhile_needs_a_callable() -> None:
    with pytest.raises(TypeError, match="callable"), meanwhile(3):  # type: ignore[arg-type]
        pass


@pytest.mark.parametrize("reuse", [True, False])
def test_work_runs_on_both_isolated_paths(reuse: bool) -> None:
    from jobmatch.read import parse_worker

    parse_worker.stop_worker()
    calls: list[str] = []
    with meanwhile(lambda: calls.append("warm")):
        doc = read_document(SAMPLE_PDF, limits=Limits(reuse_parser=reuse))
    assert calls == ["warm"]
    assert "Python" in doc.text
    # the warm parser child is used only when reuse is allowed
    assert (parse_worker.child_pid() is not None) is reuse
    parse_worker.stop_worker()


def test_serve_reads_every_upload_in_a_fresh_parser_child() -> None:
    from jobmatch.serve.reader import UPLOAD_LIMITS

    assert UPLOAD_LIMITS.reuse_parser is False
    assert UPLOAD_LIMITS.isolate is True
