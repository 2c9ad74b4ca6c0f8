"""The two PDF engines side by side on the shared resume PDFs: answers and speed.

For every resume PDF under ``$JOBMATCH_SHARED_DATA/resumes`` (and ``samples/*.pdf``), both
engines read the file (default limits: isolated parse), the skills are extracted and the
resume scored with ``jobmatch.Scorer().score_document(doc)``. Printed per file: pages, the
skill ids only one engine found, both scores and their difference. Then the pages per
second of both engines, measured in the same run on the same files (each file read
``--runs`` times per engine, engines interleaved), and pdfium's speed-up.

    JOBMATCH_SHARED_DATA=../shared/data python benchmarks/bench_pdf_engines.py [--runs 1]

Targets (issue 15): pdfium >= 20x pdfminer's pages per second; a score difference of at
most 2 points on every shared resume; identical skill sets on most.
"""

from __future__ import annotations

import argparse
import os
import time
from dataclasses import dataclass
from pathlib import Path

import jobmatch
from jobmatch.read.documents import read_document

ROOT = Path(__file__).resolve().parents[1]
ENGINES = ("pdfminer", "pdfium")


@dataclass
class Outcome:
    pages: int
    skills: set[str]
    score: float
    seconds: float


def pdf_files(shared: Path | None) -> list[Path]:
    """The shared resume PDFs (sorted), then the samples."""
    files = sorted(shared.glob("resumes/**/*.pdf")) if shared else []
    return files + sorted((ROOT / "samples").glob("*.pdf"))


def measure(path: Path, engine: str, scorer: jobmatch.Scorer, runs: int) -> Outcome:
    """Read ``path`` ``runs`` times with ``engine`` (best time), then extract and score."""
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        doc = read_document(path, pdf_engine=engine)
        best = min(best, time.perf_counter() - started)
    skills = {m.skill_id for m in scorer.extractor.extract(doc.text)}
    report = scorer.score_document(doc)
    return Outcome(doc.pages or 0, skills, report.score, best)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="reads per file and engine")
    args = parser.parse_args()
    shared = os.environ.get("JOBMATCH_SHARED_DATA")
    files = pdf_files(Path(shared) if shared else None)
    scorer = jobmatch.Scorer()
    pages = dict.fromkeys(ENGINES, 0)
    seconds = dict.fromkeys(ENGINES, 0.0)
    same_sets, worst = 0, 0.0
    print(f"{'file':44} {'pages':>5} {'pdfminer':>8} {'pdfium':>7} {'diff':>5}  skills only in")
    for path in files:
        out = {e: measure(path, e, scorer, args.runs) for e in ENGINES}
        for e in ENGINES:
            pages[e] += out[e].pages
            seconds[e] += out[e].seconds
        a, b = out["pdfminer"], out["pdfium"]
        diff = b.score - a.score
        worst = max(worst, abs(diff))
        same_sets += a.skills == b.skills
        only = "; ".join(
            f"{e}: {', '.join(sorted(s))}"
            for e, s in (("pdfminer", a.skills - b.skills), ("pdfium", b.skills - a.skills))
            if s
        )
        name = (
            str(path.relative_to(shared)) if shared and path.is_relative_to(shared) else path.name
        )
        print(f"{name[-44:]:44} {a.pages:5} {a.score:8.1f} {b.score:7.1f} {diff:+5.1f}  {only}")
    rates = {e: pages[e] / seconds[e] for e in ENGINES}
    print()
    print(f"files {len(files)}, identical skill sets {same_sets}, largest |score diff| {worst:.1f}")
    for e in ENGINES:
        print(f"{e:9} {pages[e]:5} pages in {seconds[e]:7.2f} s = {rates[e]:7.1f} pages/s")
    print(f"pdfium speed-up: {rates['pdfium'] / rates['pdfminer']:.1f}x pdfminer (target >= 20x)")


if __name__ == "__main__":
    main()
