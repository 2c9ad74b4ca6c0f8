"""The two PDF engines side by side on the shared resume PDFs: answers and speed.

For every resume PDF under ``$JOBMATCH_SHARED_DATA/resumes`` (and ``samples/*.pdf``), both
engines read the file (default limits: isolated parse), the skills are extracted and the
resume scored with ``jobmatch.Scorer().score_document(doc)``. Printed per file: pages, the
skill ids only one engine found, both scores and their difference. Then the pages per
second of both engines, measured in the same run on the same files (each file read
``--runs`` times per engine, engines interleaved), by wall clock and by CPU time (this
process and its isolated parser children: fairer on a shared, loaded machine), and
pdfium's speed-up.

    JOBMATCH_SHARED_DATA=../shared/data python benchmarks/bench_pdf_engines.py [--runs 1]
        [--in-process] [--floor]

``--floor`` also times, in this process and the same run, what no change to jobmatch can
remove: PDFium's own C work on the same pages (opening each file, loading each page and
its text page, closing them), then that plus one box call per glyph (what pdfminer's word
and line rules need); pdfminer's pages per second divided by each gives the speed-up the
pdfium engine could reach with nothing else left (CPU time, best of ``--runs``).

Targets (issue 15): pdfium >= 20x pdfminer's pages per second; a score difference of at
most 2 points on every shared resume; identical skill sets on most.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import resource
import time
from dataclasses import dataclass
from pathlib import Path

import jobmatch
from jobmatch.models import Limits
from jobmatch.read import parse_worker
from jobmatch.read.documents import read_document

ROOT = Path(__file__).resolve().parents[1]
ENGINES = ("pdfminer", "pdfium")


@dataclass
class Outcome:
    pages: int
    skills: set[str]
    score: float
    seconds: float
    cpu: float


def cpu_seconds() -> float:
    """CPU time of this process, its waited-for children (parser children that ended) and
    the live parser child (not in RUSAGE_CHILDREN until it is reaped)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    live = parse_worker.child_cpu_seconds()
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime + live


def pdf_files(shared: Path | None) -> list[Path]:
    """The shared resume PDFs (sorted), then the samples."""
    files = sorted(shared.glob("resumes/**/*.pdf")) if shared else []
    return files + sorted((ROOT / "samples").glob("*.pdf"))


def measure(path: Path, engine: str, scorer: jobmatch.Scorer, runs: int, limits: Limits) -> Outcome:
    """Read ``path`` ``runs`` times with ``engine`` (best time), then extract and score."""
    best = best_cpu = float("inf")
    for _ in range(runs):
        started, cpu = time.perf_counter(), cpu_seconds()
        doc = read_document(path, pdf_engine=engine, limits=limits)
        best = min(best, time.perf_counter() - started)
        best_cpu = min(best_cpu, cpu_seconds() - cpu)
    skills = {m.skill_id for m in scorer.extractor.extract(doc.text)}
    report = scorer.score_document(doc)
    return Outcome(doc.pages or 0, skills, report.score, best, best_cpu)


def pdfium_floor(datas: list[bytes], *, boxes: bool) -> float:
    """CPU seconds PDFium takes to open every file, load each page and its text page and
    close them (with ``boxes``, plus the loose box of every character, one call each: white
    space included, a few more calls than the engine makes)."""
    import pypdfium2
    import pypdfium2.raw as raw

    from jobmatch.read.pdfium_lines import _read_boxes  # the engine's box reader

    started = time.process_time()
    for data in datas:
        doc = pypdfium2.PdfDocument(data)
        for i in range(len(doc)):
            page = doc[i]
            textpage = page.get_textpage()
            if boxes:
                n = textpage.count_chars()
                handle = ctypes.cast(textpage.raw, ctypes.c_void_p).value or 0
                _read_boxes(raw, handle, list(range(n)), n)
            textpage.close()
            page.close()
        doc.close()
    return time.process_time() - started


def print_floor(files: list[Path], pages: int, pdfminer_cpu: float, runs: int) -> None:
    """What the pdfium engine could reach with nothing but PDFium's work left (CPU)."""
    datas = [path.read_bytes() for path in files]
    for label, boxes in (("PDFium C alone", False), ("PDFium C + a box call per char", True)):
        cpu = min(pdfium_floor(datas, boxes=boxes) for _ in range(max(runs, 2)))
        print(
            f"floor: {label:32} {cpu:6.2f} s CPU = {pages / cpu:7.1f} pages/s;"
            f" pdfminer / floor = {pdfminer_cpu / cpu:.1f}x"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="reads per file and engine")
    parser.add_argument(
        "--in-process", action="store_true", help="parse without the isolated child (engines only)"
    )
    parser.add_argument(
        "--floor", action="store_true", help="also time PDFium's own work (the ceiling)"
    )
    args = parser.parse_args()
    limits = Limits(isolate=not args.in_process)
    shared = os.environ.get("JOBMATCH_SHARED_DATA")
    files = pdf_files(Path(shared) if shared else None)
    scorer = jobmatch.Scorer()
    pages = dict.fromkeys(ENGINES, 0)
    seconds = dict.fromkeys(ENGINES, 0.0)
    cpu = dict.fromkeys(ENGINES, 0.0)
    same_sets, worst = 0, 0.0
    print(f"{'file':44} {'pages':>5} {'pdfminer':>8} {'pdfium':>7} {'diff':>5}  skills only in")
    for path in files:
        out = {e: measure(path, e, scorer, args.runs, limits) for e in ENGINES}
        for e in ENGINES:
            pages[e] += out[e].pages
            seconds[e] += out[e].seconds
            cpu[e] += out[e].cpu
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
    cpu_rates = {e: pages[e] / cpu[e] for e in ENGINES}
    print()
    print(f"files {len(files)}, identical skill sets {same_sets}, largest |score diff| {worst:.1f}")
    for e in ENGINES:
        print(
            f"{e:9} {pages[e]:5} pages in {seconds[e]:7.2f} s wall = {rates[e]:7.1f} pages/s;"
            f" {cpu[e]:7.2f} s CPU = {cpu_rates[e]:7.1f} pages/s"
        )
    wall_ratio = rates["pdfium"] / rates["pdfminer"]
    cpu_ratio = cpu_rates["pdfium"] / cpu_rates["pdfminer"]
    print(f"pdfium speed-up: {wall_ratio:.1f}x wall, {cpu_ratio:.1f}x CPU (target >= 20x)")
    if args.floor:
        print_floor(files, pages["pdfium"], cpu["pdfminer"], args.runs)


if __name__ == "__main__":
    main()
