"""Spark local[2] against ``jobmatch batch --jobs 2`` on the same real postings, one run.

Real postings from ``../shared/data/postings`` (Glassdoor, SkillSpan, Resume-Matcher JSONL),
repeated under new ids to ``--records`` (default 20,000), written once as a JSONL file.
Both engines read that file and write their output; the figures are wall-clock:

- Spark start-up: creating the local[2] SparkSession (JVM start), then a 4-record job that
  starts the two Python workers, each building its engine once (warm-up);
- Spark run: read JSONL -> score_postings -> write Parquet, with warm workers;
- local: the ``jobmatch batch --jobs 2 -o out.jsonl --quiet`` command, as a subprocess.

Usage: python benchmarks/bench_spark.py [--records N] [--data DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from itertools import cycle, islice
from pathlib import Path
from typing import Any

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def write_postings(data: Path, n: int, out: Path) -> int:
    """Write ``n`` real postings (repeated under new ids) as JSONL; returns the bytes written."""
    files = [data / "postings" / "glassdoor_ds_2020" / "glassdoor_public.jsonl"]
    files += sorted((data / "postings" / "skillspan").glob("*.jsonl"))
    files += [data / "postings" / "resume_matcher" / "resume_matcher_jds.jsonl"]
    texts = [
        json.loads(line)["text"]
        for f in files
        for line in f.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    with out.open("w", encoding="utf-8") as fh:
        for i, text in enumerate(islice(cycle(texts), n)):
            fh.write(json.dumps({"id": f"p{i:07d}", "text": text}) + "\n")
    return out.stat().st_size


def bench_spark(postings: Path, out: Path) -> tuple[float, float, float, int, float]:
    """(session start-up s, warm-up s, run s, records, worker peak RSS MB) for local[2]."""
    from jobmatch.batch.spark import read_postings, score_postings, spark_session, write_results

    t0 = time.perf_counter()
    spark = spark_session("local[2]", app_name="jobmatch-bench")
    startup = time.perf_counter() - t0
    try:
        # one tiny job: starts the Python workers, each builds its engine once
        t1 = time.perf_counter()
        tiny = spark.createDataFrame(
            [(str(i), "Python and SQL") for i in range(4)], "id string, text string"
        )
        score_postings(tiny.repartition(2)).write.format("noop").mode("overwrite").save()
        warmup = time.perf_counter() - t1
        t2 = time.perf_counter()
        df = read_postings(spark, postings)
        write_results(score_postings(df, text_col="text", id_col="id"), out, fmt="parquet")
        run = time.perf_counter() - t2
        records = spark.read.parquet(str(out)).count()
        rss = max(
            r["rss_mb"]
            for r in spark.range(0, 4, numPartitions=4)
            .mapInPandas(_peak_rss, "rss_mb double")
            .collect()
        )
    finally:
        spark.stop()
    return startup, warmup, run, records, rss


def _peak_rss(batches: Iterator[Any]) -> Iterator[Any]:
    """Peak RSS (MB) of the Python worker running this task (they are reused across tasks)."""
    import resource

    import pandas as pd

    for _ in batches:
        yield pd.DataFrame({"rss_mb": [resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024]})


def bench_local(postings: Path, out: Path, jobs: int) -> tuple[float, int]:
    """(run s, records) for ``jobmatch batch --jobs N`` in a subprocess."""
    cmd = [sys.executable, "-m", "jobmatch", "batch", str(postings), "--jobs", str(jobs)]
    cmd += ["-o", str(out), "--quiet"]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    run = time.perf_counter() - t0
    if proc.returncode not in (0, 1):  # 1: some records failed, still a complete run
        raise SystemExit(f"jobmatch batch failed ({proc.returncode}): {proc.stderr.strip()}")
    with out.open("rb") as fh:
        records = sum(1 for _ in fh)
    return run, records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--data", type=Path, default=Path(os.environ.get("JOBMATCH_SHARED_DATA", DEFAULT_DATA))
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench_spark_") as tmp:
        postings = Path(tmp) / "postings.jsonl"
        size = write_postings(args.data, args.records, postings)
        print(f"{args.records} postings, {size / 1e6:.1f} MB JSONL, {os.cpu_count()} CPUs")
        local_s, local_n = bench_local(postings, Path(tmp) / "local.jsonl", args.jobs)
        startup, warmup, spark_s, spark_n, rss = bench_spark(postings, Path(tmp) / "spark.parquet")

    local_rate, spark_rate = local_n / local_s, spark_n / spark_s
    total_s = startup + warmup + spark_s
    rows = [
        (f"jobmatch batch --jobs {args.jobs}", local_n, local_s, local_rate),
        ("spark local[2], workers warm", spark_n, spark_s, spark_rate),
        ("spark local[2], incl. start-up", spark_n, total_s, spark_n / total_s),
    ]
    print(f"\nSpark session start-up: {startup:.1f} s; workers + engines warm-up: {warmup:.1f} s")
    print(f"Spark Python worker peak RSS: {rss:.0f} MB\n")
    print(f"{'engine':34} {'records':>8} {'seconds':>8} {'records/s':>10} {'vs local':>9}")
    for name, n, secs, rate in rows:
        print(f"{name:34} {n:8d} {secs:8.1f} {rate:10.1f} {rate / local_rate:8.2f}x")


if __name__ == "__main__":
    main()
