"""Batch throughput and memory on real postings, all figures from one run.

Prints: spaCy tokenizer-only docs/s (the floor cost of reading a text), ``jobmatch batch``
docs/s at ``--jobs 1`` and ``--jobs 2`` (the CLI run as a subprocess on a generated JSONL;
both end-to-end and steady-state, i.e. the marginal rate between a small and a large run,
which leaves out start-up), and the peak memory of whole runs over 10k and 100k postings
(``--quick``: 2k and 20k): the largest single process (its ``VmHWM``) and the peak sum of
RSS over the process tree (parent + workers), both sampled from /proc every 50 ms.

Postings come from ``../shared/data/postings`` (Glassdoor, SkillSpan, Resume-Matcher JSONL),
repeated to volume with distinct ids. ``--baseline-src DIR`` also runs the throughput runs
with another version of jobmatch (``DIR`` is its ``src`` folder, e.g. from ``git archive``),
alternating with this one, and prints both rows: a before/after measured in one run. Usage::

    python benchmarks/bench_batch.py [--quick] [--throughput N] [--baseline-src DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_extract import posting_texts, shared_data  # noqa: E402


def write_jsonl(path: Path, texts: list[str], n: int) -> None:
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"id": f"p{i}", "text": texts[i % len(texts)]}) + "\n")


def tokenizer_rate(texts: list[str], n: int) -> tuple[float, float]:
    """(docs per wall second, docs per CPU second) of the bare blank("en") tokenizer."""
    import spacy

    nlp = spacy.blank("en")
    sample = [texts[i % len(texts)] for i in range(n)]
    for t in sample[:50]:  # warm-up
        nlp.make_doc(t)
    start, cpu = time.perf_counter(), time.process_time()
    for t in sample:
        nlp.make_doc(t)
    return n / (time.perf_counter() - start), n / (time.process_time() - cpu)


def children_cpu() -> float:
    """CPU seconds of all finished (waited-for) descendants, workers included."""
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def tree_memory_kb(pid: int, hwm: dict[int, int]) -> int:
    """Sum of RSS over ``pid`` and its descendants (kB); records each one's VmHWM in ``hwm``."""
    total = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                    elif line.startswith("VmHWM:"):
                        hwm[p] = max(hwm.get(p, 0), int(line.split()[1]))
            with open(f"/proc/{p}/task/{p}/children") as f:
                todo.extend(int(c) for c in f.read().split())
        except (OSError, ValueError):
            continue
    return total


def run_batch(
    src: Path, jobs: int, pythonpath: str | None = None
) -> tuple[float, float, int, int, int]:
    """(seconds, CPU seconds, peak tree RSS kB, largest process kB, lines) of one run.

    ``pythonpath``: run the jobmatch found there (a baseline version) instead of this one.
    """
    out = src.with_suffix(f".out{jobs}.jsonl")
    cmd = [sys.executable, "-m", "jobmatch", "batch", str(src), "-o", str(out), "-q"]
    cmd += ["--jobs", str(jobs)]
    start, cpu = time.perf_counter(), children_cpu()
    env = dict(os.environ, PYTHONPATH=pythonpath) if pythonpath else None
    proc = subprocess.Popen(cmd, env=env)
    peak = 0
    hwm: dict[int, int] = {}
    while proc.poll() is None:
        peak = max(peak, tree_memory_kb(proc.pid, hwm))
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"jobmatch batch failed with exit code {proc.returncode}")
    with out.open("rb") as f:
        lines = sum(1 for _ in f)
    out.unlink()
    Path(f"{out}.settings.json").unlink(missing_ok=True)  # the settings record beside it
    return seconds, children_cpu() - cpu, peak, max(hwm.values(), default=0), lines


def steady_rates(
    short: Path, long: Path, jobs: int, n: int, pythonpath: str | None
) -> tuple[float, float, float]:
    """(steady docs/s, steady docs per CPU-s, end-to-end docs/s) from a short and a long run."""
    t_short, c_short, _, _, _ = run_batch(short, jobs, pythonpath)
    t_long, c_long, _, _, lines = run_batch(long, jobs, pythonpath)
    assert lines == n, f"{lines} lines written for {n} postings"
    steady = (n - n // 4) / max(t_long - t_short, 1e-9)
    steady_cpu = (n - n // 4) / max(c_long - c_short, 1e-9)
    return steady, steady_cpu, n / t_long


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="2k/20k postings instead of 10k/100k")
    ap.add_argument("--throughput", type=int, default=None, help="postings per throughput run")
    ap.add_argument("--no-memory", action="store_true", help="skip the peak-memory runs")
    ap.add_argument("--baseline-src", help="src folder of a baseline jobmatch to compare with")
    args = ap.parse_args()
    small, large = (2_000, 20_000) if args.quick else (10_000, 100_000)
    n = args.throughput or (1_500 if args.quick else 4_000)

    texts = posting_texts(shared_data())
    words = sum(len(t.split()) for t in texts) / len(texts)
    print(f"postings: {len(texts)} distinct real texts, {words:.0f} words on average")
    load = os.getloadavg()[0]
    print(f"load average at start: {load:.1f} on {os.cpu_count()} CPUs")
    # The baseline is measured before each batch run and once after the last: on a shared
    # machine one measurement can catch a fast or a slow moment; the median is the ratio's
    # denominator and the range is printed.
    tok_runs = [tokenizer_rate(texts, max(n, 2000))]

    with tempfile.TemporaryDirectory() as tmp:
        rates: dict[int, tuple[float, float]] = {}
        short, long = Path(tmp) / "short.jsonl", Path(tmp) / "long.jsonl"
        write_jsonl(short, texts, n // 4)
        write_jsonl(long, texts, n)
        print(f"\njobmatch batch, {n:,} postings (steady = marginal rate over {n - n // 4:,} more)")
        print(
            "jobs  version   end-to-end docs/s  steady docs/s  % of tokenizer/process"
            "  docs/CPU-s  % (CPU)"
        )
        versions = [("this", None)]
        if args.baseline_src:
            versions.insert(0, ("baseline", str(Path(args.baseline_src).resolve())))
        measured: dict[tuple[int, str], tuple[float, float, float]] = {}
        for jobs in (1, 2):
            if jobs > 1:
                tok_runs.append(tokenizer_rate(texts, max(n, 2000)))
            for name, path in versions:
                steady, steady_cpu, end_to_end = steady_rates(short, long, jobs, n, path)
                rates[jobs] = steady, steady_cpu  # this version's (it runs last)
                measured[jobs, name] = end_to_end, steady, steady_cpu
        tok_runs.append(tokenizer_rate(texts, max(n, 2000)))
        tok = statistics.median(r[0] for r in tok_runs)
        tok_cpu = statistics.median(r[1] for r in tok_runs)
        for (jobs, name), (end_to_end, steady, steady_cpu) in measured.items():
            share, share_cpu = 100 * steady / jobs / tok, 100 * steady_cpu / tok_cpu
            print(
                f"{jobs:>4}  {name:<8}  {end_to_end:>17,.0f}  {steady:>13,.0f}  {share:>21.0f}%"
                f"  {steady_cpu:>10,.0f}  {share_cpu:>6.0f}%"
            )
        lo, hi = min(r[1] for r in tok_runs), max(r[1] for r in tok_runs)
        print(
            f"spaCy tokenizer only (blank en), median of {len(tok_runs)} measurements taken "
            f"between the runs: {tok:,.0f} docs/s, {tok_cpu:,.0f} docs per CPU-s "
            f"(range {lo:,.0f}-{hi:,.0f})"
        )
        print(f"speed-up at 2 jobs (steady, wall clock): {rates[2][0] / rates[1][0]:.2f}x")
        # with two free cores each worker gets one: the speed-up is 2x the CPU efficiency
        print(
            "speed-up at 2 jobs on 2 free cores, from CPU time:"
            f" {2 * rates[2][1] / rates[1][1]:.2f}x (parent and IPC overhead included)"
        )

        if args.no_memory:
            return
        print("\npeak memory of whole runs (--jobs 2)")
        print(" postings  seconds   docs/s  largest process MB  process tree MB")
        peaks = {}
        for size in (small, large):
            src = Path(tmp) / f"gen{size}.jsonl"
            write_jsonl(src, texts, size)
            seconds, _, tree, largest, lines = run_batch(src, 2)
            assert lines == size
            src.unlink()
            peaks[size] = tree / 1024
            rate, big, all_ = size / seconds, largest / 1024, tree / 1024
            print(f"{size:>9,}  {seconds:>7.1f}  {rate:>7,.0f}  {big:>18,.0f}  {all_:>15,.0f}")
        growth = 100 * (peaks[large] / peaks[small] - 1)
        print(f"process-tree peak at {large:,} vs {small:,}: {growth:+.1f}%")


if __name__ == "__main__":
    main()
