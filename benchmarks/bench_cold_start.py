"""Cold-start wall time of the CLI beside the bare imports it cannot avoid.

Each measurement is a fresh subprocess (a new interpreter, nothing cached in memory but
the OS file cache, which one discarded warm-up run fills). Runs are interleaved so that
load from other processes spreads evenly over the commands being compared.

    python benchmarks/bench_cold_start.py [--runs 5] [--pdf samples/research_engineer_resume.pdf]

Targets (issue 3): ``jobmatch score`` within 1.3x of importing spaCy (+ ``blank("en")``),
scikit-learn's text module and pdfminer; ``jobmatch --help`` within 2x of importing click.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARE_SCORE = "import spacy, sklearn.feature_extraction.text, pdfminer.high_level; spacy.blank('en')"
BARE_HELP = "import click"


def jobmatch_command() -> list[str]:
    """The installed console script next to this interpreter, else ``python -m jobmatch``."""
    script = Path(sys.executable).with_name("jobmatch")
    if script.exists():
        return [str(script)]
    found = shutil.which("jobmatch")
    return [found] if found else [sys.executable, "-m", "jobmatch"]


def run_once(argv: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + sys) of one fresh process; a failure aborts."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, check=False)
    elapsed = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(
            f"command failed ({proc.returncode}): {' '.join(argv)}\n"
            + proc.stderr.decode(errors="replace")[-2000:]
        )
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh processes per command")
    parser.add_argument(
        "--pdf",
        type=Path,
        default=ROOT / "samples" / "research_engineer_resume.pdf",
        help="the resume to score (a two-page PDF)",
    )
    args = parser.parse_args()
    if not args.pdf.is_file():
        sys.exit(f"no such file: {args.pdf}")

    jm = jobmatch_command()
    commands: dict[str, list[str]] = {
        "jobmatch score PDF": [*jm, "score", str(args.pdf)],
        "bare imports (spaCy, sklearn, pdfminer)": [sys.executable, "-c", BARE_SCORE],
        "jobmatch --help": [*jm, "--help"],
        "python -c 'import click'": [sys.executable, "-c", BARE_HELP],
    }
    for argv in commands.values():  # warm-up: fill the OS file cache, discard the time
        run_once(argv)
    wall: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, argv in commands.items():
            w, c = run_once(argv)
            wall[name].append(w)
            cpu[name].append(c)
    med = {name: statistics.median(ts) for name, ts in wall.items()}
    med_cpu = {name: statistics.median(ts) for name, ts in cpu.items()}

    print(f"cold start, median of {args.runs} fresh processes ({args.pdf.name})")
    print(f"{'command':<42} {'wall s':>7} {'min':>6} {'max':>6} {'cpu s':>6}")
    for name, ts in wall.items():
        print(f"{name:<42} {med[name]:>7.3f} {min(ts):>6.2f} {max(ts):>6.2f} {med_cpu[name]:>6.2f}")
    pairs = [
        ("jobmatch score PDF", "bare imports (spaCy, sklearn, pdfminer)", 1.3),
        ("jobmatch --help", "python -c 'import click'", 2.0),
    ]
    print()
    print(f"{'ratio of medians':<42} {'wall':>7} {'cpu':>6} {'target':>7}")
    for cmd, base, target in pairs:
        ratio = med[cmd] / med[base]
        ratio_cpu = med_cpu[cmd] / med_cpu[base]
        verdict = "ok" if ratio <= target else "SLOW"
        label = f"{cmd} / baseline"
        print(f"{label:<42} {ratio:>6.2f}x {ratio_cpu:>5.2f}x {target:>6.1f}x  {verdict}")
    print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs at the end)")


if __name__ == "__main__":
    main()
