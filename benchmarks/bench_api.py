"""What the path/text rule of the public API costs over a direct ``Scorer`` call.

The baseline, measured in the same run and interleaved with the API calls, is the 0.1.0
code path of a text: ``Scorer.score_document(Document(text, "<text>", "text"))``. The API
adds the check for lone surrogates and, for a one-line text, one ``stat`` (the warning for a
``str`` that names a file). Scores must be identical; the table shows the time per call.

    python benchmarks/bench_api.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import jobmatch
from jobmatch.models import Document
from jobmatch.scoring.scorer import Scorer

ROOT = Path(__file__).resolve().parents[1]


def texts() -> dict[str, list[str]]:
    """The input sets: the sample resumes (multi-line) and short one-line texts."""
    samples = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("samples/*_resume.txt"))]
    one_liners = [
        "Python, PyTorch and SQL",
        "Senior data engineer: Spark, Kafka, Airflow, AWS",
        "resume.pdf",
        "Registered nurse, ICU, patient care",
    ] * 5
    return {"sample resumes (3, multi-line)": samples, "one-line texts (20)": one_liners}


def per_call(fn: Callable[[str], float], items: list[str]) -> tuple[float, list[float]]:
    """Seconds per call over ``items``, and the scores."""
    t0 = time.perf_counter()
    scores = [fn(t) for t in items]
    return (time.perf_counter() - t0) / len(items), scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="interleaved rounds per set")
    args = parser.parse_args()
    scorer = Scorer("research-engineer")
    jobmatch.score_text("warm-up: build the pipeline and the api's scorer")

    def baseline(text: str) -> float:
        return scorer.score_document(Document(text=text, source="<text>", format="text")).score

    def api_score(text: str) -> float:
        return jobmatch.score(text).score

    print(f"{'input':<32} {'baseline ms':>12} {'jobmatch.score ms':>18} {'ratio':>6} same")
    for name, items in texts().items():
        base: list[float] = []
        api: list[float] = []
        same = True
        for _ in range(args.runs):
            b, b_scores = per_call(baseline, items)
            a, a_scores = per_call(api_score, items)
            base.append(b)
            api.append(a)
            same = same and a_scores == b_scores
        mb, ma = statistics.median(base) * 1e3, statistics.median(api) * 1e3
        print(f"{name:<32} {mb:>12.2f} {ma:>18.2f} {ma / mb:>6.2f} {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
