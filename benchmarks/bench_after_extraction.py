"""CPU time of a batch record's work after extraction, against the bare tokenizer.

A steadier figure than the steady rate of ``bench_batch.py`` on a shared machine: in one
process, per chunk of 32 records (real postings repeated to 1,500, as ``bench_batch.py
--quick``), the bare ``spacy.blank("en")`` tokenizer, the extraction (``pipe_docs``) and
what follows it (``ScoringEngine._result``: the brief score and the batch result, and its
JSON line) are timed in turn, so a change of load touches the three alike. Prints each
as tokenizer-units (its CPU time over the tokenizer's) and the share of the tokenizer's
speed a worker reaches. Compare two versions by running it with ``PYTHONPATH`` set to the
other's ``src``, alternating. Usage::

    python benchmarks/bench_after_extraction.py [--passes 2]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_extract import posting_texts, shared_data  # noqa: E402

N = 1_500
CHUNK = 32


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--passes", type=int, default=2, help="measured passes over the records")
    args = ap.parse_args()

    import spacy

    import jobmatch
    from jobmatch.batch.engine import EngineConfig, ScoringEngine
    from jobmatch.batch.records import Record

    texts = posting_texts(shared_data())
    sample = [texts[i % len(texts)] for i in range(N)]
    records = [Record(id=f"p{i}", source=f"in.jsonl:{i + 1}", text=t) for i, t in enumerate(sample)]
    bare = spacy.blank("en")
    engine = ScoringEngine(EngineConfig("research-engineer", None, 10_000_000, 60.0, 10))
    extractor = engine.extractor
    clock = time.process_time

    def one_pass() -> tuple[float, float, float]:
        tok = ext = after = 0.0
        for a in range(0, N, CHUNK):
            chunk = sample[a : a + CHUNK]
            t = clock()
            for text in chunk:
                bare.make_doc(text)
            tok += clock() - t
            with extractor.memory_zone():
                t = clock()
                parsed = list(extractor.pipe_docs(chunk))
                ext += clock() - t
                t = clock()
                for k, (doc, mentions) in enumerate(parsed):
                    result = engine._result(records[a + k], doc, mentions, (), chunk[k])
                    json.dumps(result.to_dict(), ensure_ascii=False)
                after += clock() - t
        return tok, ext, after

    one_pass()  # warm-up: the tokenizer's cache, the term tables
    tok = ext = after = 0.0
    for _ in range(args.passes):
        t, e, a = one_pass()
        tok, ext, after = tok + t, ext + e, after + a
    print(f"jobmatch from {Path(jobmatch.__file__).parent}")
    print(
        f"extraction {ext / tok:.2f}, after extraction {after / tok:.2f} tokenizer-units; a"
        f" worker at {100 * tok / (ext + after):.1f} % of the tokenizer's speed"
        f" (CPU, {args.passes} x {N:,} records)"
    )


if __name__ == "__main__":
    main()
