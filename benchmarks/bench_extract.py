"""Accuracy and throughput of skill extraction (prints tables; not a test).

Accuracy against the SkillSpan gold (``../shared/data/gold/skillspan/skillspan_<split>.jsonl``):

* tech / Knowledge: sentences of the ``tech`` source, gold = ``Knowledge`` spans, predictions =
  mentions whose lexicon category is in the ``knowledge`` layer;
* all / both layers: every sentence, gold = ``Skill`` + ``Knowledge`` spans, predictions = all
  mentions.

Three ways to count a hit:

* strict = exact character offsets;
* tokens = exact offsets on SkillSpan's own tokens. SkillSpan is annotated token by token (a
  row's ``text`` is its ``tokens`` joined by spaces, and every gold span starts and ends at a
  token edge), so a gold span can never start or end inside a token such as ``jest/enzyme``,
  ``react-redux`` or ``AngularJS)``. Each prediction is widened to the tokens it touches
  (two predictions in one token become one) before the exact comparison. This is the
  granularity of the published anchors (JobSpanBERT tags SkillSpan's tokens), and the
  issue's strict target is read on it; the character row is printed beside it;
* overlap = a prediction counts if it overlaps a gold span (precision) and a gold span counts
  if some prediction overlaps it (recall).

Throughput: documents per second of :class:`jobmatch.extract.component.SkillExtractor`
(mentions with
sections) over real postings, next to spaCy's bare tokenizer on the same texts in the same run:
several rounds, each timing the tokenizer and the extractor back to back; "vs tokenizer" is
the median over rounds of the ratio within a round (with its range).

Usage::

    python benchmarks/bench_extract.py                 # dev accuracy + throughput (2,000 docs)
    python benchmarks/bench_extract.py --no-speed      # accuracy only
    python benchmarks/bench_extract.py --errors 30     # most frequent FP / FN strings
    python benchmarks/bench_extract.py --split train --lexicon /path/to/lexicon_folder
    python benchmarks/bench_extract.py --no-accuracy --limit 500
    python benchmarks/bench_extract.py --no-filter     # without the trained mention filter
    python benchmarks/bench_extract.py --filter-scope all --filter-path F.json
        # the filter judges every mention, with weights from train_mention_filter.py --scope all
    python benchmarks/bench_extract.py --posting-reading   # title_names=False

The extractor runs as jobmatch runs it everywhere (``title_names=True``: "Senior Java
Developer" heading a role names a skill). SkillSpan is posting text, whose title lines are
left unannotated; ``--posting-reading`` runs the extractor with ``title_names=False``, a
reading jobmatch itself does not use yet, for comparison.

Tune on train/dev only: the SkillSpan test split is held out.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from jobmatch.extract.component import SkillExtractor


def shared_data() -> Path:
    here = Path(__file__).resolve().parents[1].parent / "shared" / "data"
    if here.is_dir():
        return here
    env = os.environ.get("JOBMATCH_SHARED_DATA")
    if env and Path(env).is_dir():
        return Path(env)
    sys.exit("shared data not found: set JOBMATCH_SHARED_DATA")


class Tokens:
    """The token edges of a SkillSpan row (its ``text`` is its ``tokens`` joined by spaces)."""

    def __init__(self, text: str) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        pos = 0
        for tok in text.split(" "):
            if tok:
                self.starts.append(pos)
                self.ends.append(pos + len(tok))
            pos += len(tok) + 1

    def snap(self, span: tuple[int, int]) -> tuple[int, int]:
        """``span`` widened to the edges of the tokens it touches."""
        a, b = span
        i = bisect_right(self.starts, a) - 1
        j = bisect_left(self.ends, b)
        start = self.starts[i] if i >= 0 else a
        end = self.ends[j] if j < len(self.ends) else b
        return start, end


@dataclass
class Score:
    n_pred: int = 0
    n_gold: int = 0
    strict_tp: int = 0
    overlap_pred_tp: int = 0
    overlap_gold_tp: int = 0
    token_pred: int = 0  # predictions after widening to tokens (merged within a token)
    token_tp: int = 0

    def add(
        self,
        pred: Sequence[tuple[int, int]],
        gold: Sequence[tuple[int, int]],
        tokens: Tokens | None = None,
    ) -> None:
        self.n_pred += len(pred)
        self.n_gold += len(gold)
        gold_set = set(gold)
        self.strict_tp += sum(1 for p in pred if p in gold_set)
        self.overlap_pred_tp += sum(1 for p in pred if any(overlaps(p, g) for g in gold))
        self.overlap_gold_tp += sum(1 for g in gold if any(overlaps(p, g) for p in pred))
        snapped = {tokens.snap(p) for p in pred} if tokens is not None else set(pred)
        self.token_pred += len(snapped)
        self.token_tp += len(snapped & gold_set)

    def pred_count(self, kind: str) -> int:
        """The predictions counted for ``kind`` (on tokens, two in one token are one)."""
        return self.token_pred if kind == "tokens" else self.n_pred

    def prf(self, kind: str) -> tuple[float, float, float]:
        """Precision, recall, F1 with ``kind`` "strict", "tokens" or "overlap"."""
        n_pred = self.pred_count(kind)
        if kind == "strict":
            tp_p = tp_g = self.strict_tp
        elif kind == "tokens":
            tp_p = tp_g = self.token_tp
        elif kind == "overlap":
            tp_p, tp_g = self.overlap_pred_tp, self.overlap_gold_tp
        else:
            raise ValueError(f"kind must be strict, tokens or overlap, not {kind!r}")
        p = tp_p / n_pred if n_pred else 0.0
        r = tp_g / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether the character spans ``a`` and ``b`` (``(start, end)``, end exclusive) overlap."""
    return a[0] < b[1] and b[0] < a[1]


def accuracy(ex: SkillExtractor, path: Path, n_errors: int) -> None:
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    layer = {c.id: c.layer for c in ex.lexicon.categories.values()}
    tech_k, tech_all, all_all = Score(), Score(), Score()
    # the same without each posting's title line (its first sentence), which SkillSpan does
    # not annotate (shared data README): gold and predictions both left out
    nt_k, nt_all, nt_all_all = Score(), Score(), Score()
    seen_docs: set[str] = set()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    fp_unannotated = 0
    t0 = time.perf_counter()
    for row, mentions in zip(rows, ex.pipe(r["text"] for r in rows), strict=True):
        text = row["text"]
        spans = row.get("spans") or []
        gold_all = [(s["start"], s["end"]) for s in spans]
        gold_k = [(s["start"], s["end"]) for s in spans if s["type"].lower() == "knowledge"]
        pred_all = [(m.start, m.end) for m in mentions]
        pred_k = [(m.start, m.end) for m in mentions if layer.get(m.category) == "knowledge"]
        toks = Tokens(text)
        all_all.add(pred_all, gold_all, toks)
        title = row["doc_id"] not in seen_docs
        seen_docs.add(row["doc_id"])
        if not title:
            nt_all_all.add(pred_all, gold_all, toks)
        if row["source"] == "tech":
            if not spans:
                fp_unannotated += len(pred_k)
            tech_k.add(pred_k, gold_k, toks)
            tech_all.add(pred_all, gold_all, toks)
            if not title:
                nt_k.add(pred_k, gold_k, toks)
                nt_all.add(pred_all, gold_all, toks)
            if n_errors:
                fp.update(
                    text[a:b] for a, b in pred_k if not any(overlaps((a, b), g) for g in gold_k)
                )
                fn.update(
                    text[a:b] for a, b in gold_k if not any(overlaps(p, (a, b)) for p in pred_k)
                )
    elapsed = time.perf_counter() - t0
    print(f"\nAccuracy on {path.name}: {len(rows)} sentences ({elapsed:.1f} s)\n")
    print(f"{'subset':<26}{'match':<9}{'pred':>6}{'gold':>6}{'P':>8}{'R':>8}{'F1':>8}")
    print("-" * 71)
    _rows(tech_k, tech_all, all_all)
    print(f"\nexcluding the unannotated title lines ({len(seen_docs)} postings, first sentence)")
    print("-" * 71)
    _rows(nt_k, nt_all, nt_all_all)
    n_fp = tech_k.n_pred - tech_k.overlap_pred_tp
    print(
        f"\ntech / Knowledge: {fp_unannotated} of {n_fp} overlap false positives sit in sentences "
        "with no gold span at all (SkillSpan leaves many skill lists unannotated)"
    )
    if n_errors:
        print(f"\nMost frequent false positives (tech / Knowledge, overlap), top {n_errors}:")
        print("  " + "; ".join(f"{t!r}×{c}" for t, c in fp.most_common(n_errors)))
        print(f"\nMost frequent missed gold spans (tech / Knowledge, overlap), top {n_errors}:")
        print("  " + "; ".join(f"{t!r}×{c}" for t, c in fn.most_common(n_errors)))


def _rows(tech_k: Score, tech_all: Score, all_all: Score) -> None:
    """The table rows (strict, tokens, overlap) of the three subsets."""
    for label, sc in (
        ("tech / Knowledge", tech_k),
        ("tech / both layers", tech_all),
        ("all / both layers", all_all),
    ):
        for kind in ("strict", "tokens", "overlap"):
            p, r, f = sc.prf(kind)
            n_pred = sc.pred_count(kind)
            print(f"{label:<26}{kind:<9}{n_pred:>6}{sc.n_gold:>6}{p:>8.3f}{r:>8.3f}{f:>8.3f}")


def posting_texts(data: Path) -> list[str]:
    texts: list[str] = []
    for rel in (
        "postings/glassdoor_ds_2020/glassdoor_public.jsonl",
        "postings/skillspan/skillspan_postings_train.jsonl",
        "postings/skillspan/skillspan_postings_dev.jsonl",
        "postings/resume_matcher/resume_matcher_jds.jsonl",
    ):
        f = data / rel
        if f.is_file():
            texts += [json.loads(x)["text"] for x in f.open(encoding="utf-8") if x.strip()]
    return [t for t in texts if t.strip()]


def _rate(n: int, items: Iterable[object]) -> float:
    # CPU time of this process: the machine is shared, wall time would measure the neighbours
    t0 = time.process_time()
    for _ in items:
        pass
    return n / (time.process_time() - t0)


def throughput(ex: SkillExtractor, data: Path, limit: int, repeats: int) -> None:
    import spacy

    base = posting_texts(data)
    texts = (base * (limit // len(base) + 1))[:limit]
    words = sum(len(t.split()) for t in texts) / len(texts)
    bare = spacy.blank("en")
    list(bare.tokenizer.pipe(texts[:50]))  # warm up
    list(ex.pipe(texts[:50]))
    results: dict[str, list[float]] = {"tok": [], "comp": [], "ex": []}
    for _ in range(repeats):
        results["tok"].append(_rate(len(texts), bare.tokenizer.pipe(texts, batch_size=64)))
        results["comp"].append(_rate(len(texts), ex.nlp.pipe(texts, batch_size=64)))
        results["ex"].append(_rate(len(texts), ex.pipe(texts, batch_size=64)))
    print(
        f"\nThroughput: {len(texts)} postings (from {len(base)} distinct, "
        f"{words:.0f} words on average), {ex.component.n_patterns} patterns, "
        f"{repeats} rounds, docs per CPU-second\n"
    )
    # On a shared machine the speed moves from one second to the next: each round times the
    # tokenizer and the extractor back to back, and the ratio is taken within the round
    # (median over rounds), not best extractor over best tokenizer from different moments.
    print(f"{'':<48}{'best docs/s':>12}{'vs tokenizer':>14}{'  (rounds)':<14}")
    print("-" * 88)
    for key, label in (
        ("tok", "spaCy blank('en') tokenizer only"),
        ("comp", "nlp.pipe (tokenizer + jobmatch_skills)"),
        ("ex", "SkillExtractor.pipe (+ sections, mentions)"),
    ):
        ratios = sorted(r / t for r, t in zip(results[key], results["tok"], strict=True))
        spread = f"  ({ratios[0]:.0%}-{ratios[-1]:.0%})" if key != "tok" else ""
        best = max(results[key])
        print(f"{label:<48}{best:>12.0f}{statistics.median(ratios):>13.0%}{spread}")


def main(argv: Iterable[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--split", choices=("dev", "train"), default="dev")
    ap.add_argument("--limit", type=int, default=2000, help="postings for throughput")
    ap.add_argument("--repeats", type=int, default=5, help="throughput rounds (median ratio)")
    ap.add_argument("--errors", type=int, default=0, help="show the N most frequent FP/FN")
    ap.add_argument("--lexicon", default=None, help="lexicon folder (default: shipped)")
    ap.add_argument(
        "--no-filter",
        action="store_true",
        help="lexicon and context rules only (no trained filter)",
    )
    ap.add_argument(
        "--filter-scope",
        choices=("generic", "all"),
        default="generic",
        help="what the mention filter judges (component config filter_scope)",
    )
    ap.add_argument(
        "--filter-path",
        default=None,
        help="filter weights written by train_mention_filter.py -o (default: shipped)",
    )
    ap.add_argument(
        "--posting-reading",
        action="store_true",
        help="judge technologies on job-title lines (title_names=False; not jobmatch's default)",
    )
    ap.add_argument("--no-speed", action="store_true", help="skip the throughput part")
    ap.add_argument("--no-accuracy", action="store_true", help="skip the accuracy part")
    args = ap.parse_args(None if argv is None else list(argv))
    data = shared_data()
    t0 = time.perf_counter()
    ex = SkillExtractor(
        lexicon=args.lexicon,
        use_filter=not args.no_filter,
        filter_path=args.filter_path,
        filter_scope=args.filter_scope,
        title_names=not args.posting_reading,
    )
    filter_state = "off" if args.no_filter else f"on (scope {args.filter_scope})"
    print(
        f"lexicon {ex.lexicon.version}: {len(ex.lexicon)} skills, "
        f"{ex.component.n_patterns} patterns, mention filter {filter_state}, "
        f"title names {'judged (posting reading)' if args.posting_reading else 'kept (default)'}, "
        f"built in {time.perf_counter() - t0:.2f} s"
    )
    if not args.no_accuracy:
        gold = data / "gold" / "skillspan" / f"skillspan_{args.split}.jsonl"
        accuracy(ex, gold, args.errors)
    if not args.no_speed:
        throughput(ex, data, args.limit, args.repeats)


if __name__ == "__main__":
    main()
