"""Keyphraseness of every lexicon surface form on the SkillSpan *train* split.

For each matched surface form (lower case) count the mentions that overlap a gold span
(Knowledge or Skill layer) and those that lie outside every gold span. Forms whose ratio
``inside / (inside + outside)`` is low are generic words that hurt precision: they are removed
from the curated sources or given a context rule. This is how the shipped lexicon was filtered.

    python skill_lexicon/tools/keyphraseness.py [--min-count 3] [--max-ratio 0.4] [--split train]

Needs ``../shared/data`` (or ``JOBMATCH_SHARED_DATA``). Never run it on the test split.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path


def shared_data() -> Path:
    here = Path(__file__).resolve().parents[2].parent / "shared" / "data"
    if here.is_dir():
        return here
    env = os.environ.get("JOBMATCH_SHARED_DATA")
    if env and Path(env).is_dir():
        return Path(env)
    sys.exit("shared data not found: set JOBMATCH_SHARED_DATA")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="train", choices=["train", "dev"])
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--max-ratio", type=float, default=0.4)
    ap.add_argument("--source", default=None, help="tech or house (default: both)")
    args = ap.parse_args()

    from jobmatch.extract.component import SkillExtractor

    path = shared_data() / "gold" / "skillspan" / f"skillspan_{args.split}.jsonl"
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    if args.source:
        rows = [r for r in rows if r["source"] == args.source]
    extractor = SkillExtractor()
    inside: Counter[str] = Counter()
    outside: Counter[str] = Counter()
    owner: dict[str, str] = {}
    contexts: dict[str, list[str]] = defaultdict(list)
    texts = [r["text"] for r in rows]
    for row, mentions in zip(rows, extractor.pipe(texts), strict=True):
        spans = [(s["start"], s["end"]) for s in row["spans"]]
        for m in mentions:
            key = m.text.lower()
            owner[key] = m.skill_id
            if any(m.start < e and s < m.end for s, e in spans):
                inside[key] += 1
            else:
                outside[key] += 1
                if len(contexts[key]) < 2:
                    t = row["text"]
                    contexts[key].append(t[max(0, m.start - 40) : m.end + 40])
    rows_out = []
    for key in set(inside) | set(outside):
        n_in, n_out = inside[key], outside[key]
        total = n_in + n_out
        ratio = n_in / total
        if total >= args.min_count and ratio <= args.max_ratio:
            rows_out.append((n_out - n_in, key, n_in, n_out, ratio))
    rows_out.sort(reverse=True)
    print(f"{'form':32} {'skill':28} {'in':>4} {'out':>4} {'ratio':>6}")
    for _, key, n_in, n_out, ratio in rows_out:
        print(
            f"{key[:32]:32} {owner[key][:28]:28} {n_in:4} {n_out:4} {ratio:6.2f}",
            contexts[key][:1],
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
