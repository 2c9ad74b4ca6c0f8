"""score_many: order, error records, limits, worker crashes and hangs, resume skipping."""

from __future__ import annotations

import itertools
import os
import signal
import time
from pathlib import Path

import pytest

from jobmatch.batch.records import Record
from jobmatch.batch.stream import score_many
from jobmatch.extract.component import SkillExtractor
from jobmatch.models import BatchResult
from jobmatch.scoring.scorer import Scorer

ML = "Research engineer: Python, PyTorch and CUDA; Kubernetes a plus."
NURSE = "Registered nurse for patient care on night shifts."


@pytest.fixture(scope="module")
def scorer(extractor: SkillExtractor) -> Scorer:
    """One real Scorer for the module; forked workers inherit it (no pipeline rebuilds)."""
    return Scorer(extractor=extractor)


def summary(results: list[BatchResult]) -> list[tuple[str, str, str | None]]:
    return [(r.id, r.status, r.error_code) for r in results]


def hang_on(marker: str, *, block_alarm: bool = False) -> object:
    """A hook that never returns for texts containing ``marker``."""

    def hook(rid: str, text: str) -> None:
        if marker in text:
            if block_alarm:  # stands for C code that never returns to Python
                signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(3600)

    return hook


def crash_on(marker: str) -> object:
    def hook(rid: str, text: str) -> None:
        if marker in text:
            os._exit(7)  # a worker dying mid-record (segfault, OOM kill...)

    return hook


def test_mixed_items_in_order_with_error_records(tmp_path: Path, scorer: Scorer) -> None:
    jl = tmp_path / "p.jsonl"
    jl.write_text('{"id": "j1", "text": "SQL and Spark"}\n{bad\n')
    items = [ML, ("n1", NURSE), jl, "  ", Record.failed("r", "r", "broken", "bad_record")]
    results = list(score_many(items, scorer=scorer))
    assert summary(results) == [
        ("text:1", "ok", None),
        ("n1", "ok", None),
        ("j1", "ok", None),
        (f"{jl}:2", "error", "bad_record"),
        ("text:4", "error", "empty"),
        ("r", "error", "bad_record"),
    ]
    ml, nurse = results[0], results[1]
    assert ml.score is not None and nurse.score is not None
    assert ml.score > nurse.score
    assert {"python", "pytorch"} <= set(ml.matched)
    assert nurse.matched == ()
    assert list(ml.coverage)[:3] == ["programming", "math_stats", "ml_algorithms"]
    assert (
        results[3].error
        == "malformed JSON: Expecting property name enclosed in double quotes at column 2"
    )


def test_parallel_output_equals_serial_output(scorer: Scorer) -> None:
    texts = [ML, NURSE, "", "PyTorch", "Kubernetes and Go"] * 7
    serial = list(score_many(texts, chunk_size=4, scorer=scorer))
    parallel = list(score_many(texts, jobs=2, chunk_size=3, scorer=scorer))
    assert parallel == serial
    assert [r.id for r in parallel] == [f"text:{n}" for n in range(1, 36)]


def test_too_large_and_lazy_consumption(scorer: Scorer) -> None:
    big = "Python " * 300  # 2,100 bytes
    first = list(
        itertools.islice(score_many(itertools.repeat(big), max_bytes=2000, scorer=scorer), 2)
    )
    assert summary(first) == [("text:1", "error", "too_large"), ("text:2", "error", "too_large")]
    assert first[0].error == "text is 2100 bytes, over the limit of 2000 bytes"
    # an endless input with a pool: results stream while the input is still being read
    endless = (f"{ML} #{n}" for n in itertools.count())
    got = list(itertools.islice(score_many(endless, jobs=2, chunk_size=2, scorer=scorer), 5))
    assert [r.id for r in got] == [f"text:{n}" for n in range(1, 6)]


def test_skip_counts_each_occurrence_once(scorer: Scorer) -> None:
    items = [("a", ML), ("b", ML), ("a", NURSE), ("c", ML)]
    results = list(score_many(items, skip=["a", "b"], scorer=scorer))
    assert [r.id for r in results] == ["a", "c"]
    assert results[0].score == list(score_many([NURSE], scorer=scorer))[0].score


def test_timeout_in_process(scorer: Scorer) -> None:
    results = list(
        score_many([ML, "HANG " + ML, NURSE], timeout=0.3, on_record=hang_on("HANG"), scorer=scorer)
    )
    assert summary(results) == [
        ("text:1", "ok", None),
        ("text:2", "error", "timeout"),
        ("text:3", "ok", None),
    ]
    assert results[1].error == "took longer than the time limit of 0.3 s"


def test_worker_crash_fails_only_that_record(scorer: Scorer) -> None:
    texts = [ML, NURSE, "CRASH " + ML, "Go", ML, NURSE]
    results = list(
        score_many(texts, jobs=2, chunk_size=3, on_record=crash_on("CRASH"), scorer=scorer)
    )
    assert summary(results) == [
        ("text:1", "ok", None),
        ("text:2", "ok", None),
        ("text:3", "error", "crashed"),
        ("text:4", "ok", None),
        ("text:5", "ok", None),
        ("text:6", "ok", None),
    ]
    assert results[2].error == "the worker process died (exit code 7)"


@pytest.mark.parametrize(
    ("block_alarm", "code", "reason"),
    [
        (False, "timeout", "took longer than the time limit of 0.2 s"),
        (True, "timeout", "the worker hung for over 1.4 s and was killed"),
    ],
)
def test_hanging_worker_is_interrupted_or_replaced(
    block_alarm: bool, code: str, reason: str, scorer: Scorer
) -> None:
    texts = [ML, "HANG " + NURSE, ML, NURSE]
    hook = hang_on("HANG", block_alarm=block_alarm)
    results = list(
        score_many(texts, jobs=2, chunk_size=2, timeout=0.2, on_record=hook, scorer=scorer)
    )  # type: ignore[arg-type]
    assert summary(results) == [
        ("text:1", "ok", None),
        ("text:2", "error", code),
        ("text:3", "ok", None),
        ("text:4", "ok", None),
    ]
    assert results[1].error == reason


def test_bad_arguments(scorer: Scorer) -> None:
    with pytest.raises(ValueError, match="jobs must be at least 1"):
        score_many([ML], jobs=0)
    with pytest.raises(TypeError, match="not int"):
        list(score_many([3], scorer=scorer))


def test_bad_profile_fails_before_any_work(tmp_path: Path) -> None:
    from jobmatch.errors import ProfileError

    with pytest.raises(ProfileError):
        score_many([ML], jobs=2, profile=str(tmp_path / "nope.toml"))


def test_worker_start_error_is_raised_in_the_parent(monkeypatch: pytest.MonkeyPatch) -> None:
    import jobmatch.scoring.scorer
    from jobmatch.errors import ProfileError
    from jobmatch.extract.component import default_extractor

    default_extractor()  # built here once: the forked workers inherit it

    def broken(*args: object, **kwargs: object) -> Scorer:
        raise ProfileError("cannot build", source="p.toml")

    monkeypatch.setattr(jobmatch.scoring.scorer, "Scorer", broken)
    with pytest.raises(ProfileError, match="p.toml: cannot build"):
        list(score_many([ML, NURSE], jobs=2))
