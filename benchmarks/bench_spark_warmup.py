"""Spark Python worker warm-up: this checkout beside an older one, in the same run.

Each measurement is a fresh driver process that creates a local[2] SparkSession and runs a
4-record job on 2 partitions: both Python workers start and build their jobmatch engine
once. The time of that job is the warm-up a Spark user waits before the first real batch.
Rounds alternate the two checkouts so that load from other processes spreads over both.

    python benchmarks/bench_spark_warmup.py [--rounds 3] [--before /tmp/base/src]
        # --before: the src/ folder of an older checkout
        # (`git archive <commit> src | tar -x -C /tmp/base`), put first on PYTHONPATH
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

DRIVER = """
import time
from jobmatch.batch.spark import score_postings, spark_session
spark = spark_session("local[2]", app_name="jobmatch-warmup")
try:
    t0 = time.perf_counter()
    tiny = spark.createDataFrame(
        [(str(i), "Python and SQL") for i in range(4)], "id string, text string"
    )
    score_postings(tiny.repartition(2)).write.format("noop").mode("overwrite").save()
    print(time.perf_counter() - t0)
finally:
    spark.stop()
"""


def warmup_once(pythonpath: str | None) -> float:
    """Seconds of the warm-up job in a fresh driver (``pythonpath`` first on the path)."""
    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = pythonpath + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.run(
        [sys.executable, "-c", DRIVER], capture_output=True, text=True, env=env, check=False
    )
    if proc.returncode != 0:
        sys.exit(f"warm-up driver failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return float(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--before", type=Path, help="the src/ folder of an older checkout")
    args = parser.parse_args()
    runs: dict[str, str | None] = {"this checkout": None}
    if args.before is not None:
        runs["before (--before)"] = str(args.before.resolve())
    times: dict[str, list[float]] = {name: [] for name in runs}
    for r in range(args.rounds):
        for name, path in runs.items():
            times[name].append(warmup_once(path))
            print(f"round {r + 1}: {name} {times[name][-1]:.1f} s", flush=True)
    print(f"Spark local[2] Python worker warm-up, median of {args.rounds} fresh drivers")
    for name, ts in times.items():
        med = statistics.median(ts)
        print(f"  {name:<20} {med:6.1f} s  (min {min(ts):.1f}, max {max(ts):.1f})")
    if args.before is not None:
        ratio = statistics.median(times["this checkout"]) / statistics.median(
            times["before (--before)"]
        )
        print(f"  this / before: {ratio:.2f}x")
    print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs at the end)")


if __name__ == "__main__":
    main()
