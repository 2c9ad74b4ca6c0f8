"""The upload mix of benchmarks/bench_serve.py gets the statuses the benchmark expects."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from starlette.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from bench_serve import kinds, pct  # noqa: E402


def test_every_kind_gets_its_expected_status(client: TestClient) -> None:
    mix = kinds()
    assert [k.name for k in mix] == [
        "resume-pdf-2p", "resume-pdf-1p", "resume-txt", "resume-docx", "match",
        "bomb", "2000-pages",
        "resume-pdf-2p", "resume-pdf-1p", "resume-txt", "resume-docx", "match",
        "encrypted", "truncated",
    ]  # fmt: skip
    seen = {}
    for kind in mix:
        if kind.name not in seen:
            seen[kind.name] = client.post(kind.path, files=kind.files).status_code
    assert seen == {k.name: k.expect for k in mix}


def test_percentile_is_a_nearest_rank() -> None:
    values = [float(v) for v in range(1, 21)]
    assert (pct(values, 0.5), pct(values, 0.95), pct(values, 1.0)) == (11.0, 19.0, 20.0)


def test_tree_cpu_counts_this_process() -> None:
    from bench_serve import tree_cpu_s

    before = tree_cpu_s(os.getpid())
    sum(i * i for i in range(2_000_000))  # some CPU of our own
    assert tree_cpu_s(os.getpid()) > before > 0
