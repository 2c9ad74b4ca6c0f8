"""The accurate pipeline (lexicon + trained span model) against the lexicon alone (issue 18).

Accuracy on SkillSpan dev, per source (tech, house, all) and layer (Knowledge, Skill), for
three systems measured in the same run:

* lexicon = the default pipeline; a mention's layer is its lexicon category's layer;
* model = the span model's spans alone; the layer is the model's label;
* merged = ``SkillExtractor(accurate=True)``; a lexicon mention keeps its category's layer,
  an unlisted one (including a span the model labelled with the other layer around a
  lexicon mention) takes the model's label;
* lex+new = the other boundary rule, for comparison: the lexicon's mentions with their own
  boundaries, plus merged's unlisted mentions;
* drop = merged without the generic lexicon mentions the model leaves out
  (``merge_mentions(drop_unconfirmed=True)``), for comparison.

Strict = exact character offsets, tokens = exact on SkillSpan's tokens (predictions widened
to the tokens they touch), overlap = any overlap; the scoring is ``bench_extract.Score``.
"Pany t" / "Pany o" is the precision of all predictions against the gold spans of both
layers, on tokens / by overlap.

Then the scores of the shared resumes and the samples (default profile) with either
extractor, the throughput in one run (bare tokenizer, fast pipeline, accurate pipeline; docs per
CPU-second, the ratio taken within each round), the peak memory of this process and the
size of the wheel (``--wheel DIR`` builds it there).

Usage::

    python benchmarks/bench_accurate.py                   # accuracy + throughput (500 docs)
    python benchmarks/bench_accurate.py --no-speed --limit 200 --repeats 3 --wheel /tmp/w
    python benchmarks/bench_accurate.py --no-accuracy --no-resumes --other-model DIR
        # the throughput of another span model (a saved spaCy pipeline) in the same rounds
    python benchmarks/bench_accurate.py --no-resumes --no-speed --errors
        # and where the merge's Knowledge errors are (exact, boundary, other layer, no gold)
    python benchmarks/bench_accurate.py --no-resumes --other-model DIR --threshold 0.4
        # and its accuracy; a spancat (docs/accurate.md) keeps the spans scored 0.4 or more

Tune on train/dev only: the SkillSpan test split is held out.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from bench_extract import Score, Tokens, posting_texts, shared_data
from jobmatch.extract import SkillExtractor
from jobmatch.extract.lexicon_tags import LEXICON_TAGS_PIPE
from jobmatch.extract.span_model import SPAN_MODEL_PIPE, merge_mentions, model_spans
from jobmatch.extract.span_model import UNLISTED_CATEGORY as UNLISTED
from jobmatch.models import SkillMention

Pred = list[tuple[int, int, str]]  # (start, end, layer)
TRAINING_CODE = Path(__file__).resolve().parents[1] / "training" / "span_model_code.py"
SOURCES = ("tech", "house", "all")
LAYERS = ("knowledge", "skill")
SYSTEMS = ("lexicon", "model", "merged", "lex+new", "drop")


def _layered(
    mentions: list[SkillMention], label: dict[tuple[int, int], str], layer: dict[str, str]
) -> Pred:
    """A merge's mentions with their layer: the model's label for an unlisted one."""
    return [
        (m.start, m.end, label[m.start, m.end])
        if m.category == UNLISTED
        else (m.start, m.end, layer.get(m.category, "skill"))
        for m in mentions
    ]


def predictions(ex: SkillExtractor, rows: list[dict]) -> Iterable[dict[str, Pred]]:
    """The systems' predictions for each row (one accurate pass per row)."""
    layer = {c.id: c.layer for c in ex.lexicon.categories.values()}
    for row, doc in zip(rows, ex.nlp.pipe(r["text"] for r in rows), strict=True):
        text = row["text"]
        lex = ex.component.mentions(doc, text)
        spans = model_spans(doc)
        # an unlisted mention is its span, or inside it (separators trimmed at the edges)
        label = {
            (m.start, m.end): s.label.lower()
            for m in merge_mentions([], spans, text)
            for s in spans
            if s.start <= m.start and m.end <= s.end
        }
        # as SkillExtractor(accurate=True) merges (the same layers)
        merged = merge_mentions(lex, spans, text, layers=layer)
        new = [(m.start, m.end, label[m.start, m.end]) for m in merged if m.category == UNLISTED]
        lex_pred = [(m.start, m.end, layer.get(m.category, "skill")) for m in lex]
        dropped = merge_mentions(lex, spans, text, drop_unconfirmed=True, layers=layer)

        yield {
            "lexicon": lex_pred,
            "model": [(s.start, s.end, s.label.lower()) for s in spans],
            "merged": _layered(merged, label, layer),
            # the other boundary rule: lexicon mentions as they are, plus the unlisted ones
            "lex+new": lex_pred + new,
            "drop": _layered(dropped, label, layer),
        }


def accuracy(ex: SkillExtractor, path: Path, title: str = "the shipped model") -> None:
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    scores = {(src, lay, sy): Score() for src in SOURCES for lay in LAYERS for sy in SYSTEMS}
    anyl = {(src, sy): Score() for src in SOURCES for sy in SYSTEMS}
    t0 = time.perf_counter()
    for row, preds in zip(rows, predictions(ex, rows), strict=True):
        toks = Tokens(row["text"])
        gold = [(s["start"], s["end"], s["type"].lower()) for s in row.get("spans") or []]
        for src in (row["source"], "all"):
            for sy, pred in preds.items():
                for lay in LAYERS:
                    scores[src, lay, sy].add(
                        [(a, b) for a, b, la in pred if la == lay],
                        [(a, b) for a, b, la in gold if la == lay],
                        toks,
                    )
                anyl[src, sy].add([(a, b) for a, b, _ in pred], [(a, b) for a, b, _ in gold], toks)
    took = time.perf_counter() - t0
    print(f"\nAccuracy of {title} on {path.name}: {len(rows)} sentences ({took:.1f} s)")
    head = f"{'source':<7}{'layer':<11}{'system':<10}{'pred':>6}{'gold':>6}"
    head += f"{'P str':>7}{'R str':>7}{'F1 str':>8}{'F1 tok':>8}{'F1 ovl':>8}"
    print(f"\n{head}{'Pany t':>7}{'Pany o':>7}")
    print("-" * 92)
    for src in SOURCES:
        for lay in LAYERS:
            for sy in SYSTEMS:
                sc = scores[src, lay, sy]
                p, r, f = sc.prf("strict")
                ft, fo = sc.prf("tokens")[2], sc.prf("overlap")[2]
                pa, po = anyl[src, sy].prf("tokens")[0], anyl[src, sy].prf("overlap")[0]
                print(
                    f"{src:<7}{lay:<11}{sy:<10}{sc.n_pred:>6}{sc.n_gold:>6}"
                    f"{p:>7.3f}{r:>7.3f}{f:>8.3f}{ft:>8.3f}{fo:>8.3f}{pa:>7.3f}{po:>7.3f}"
                )
        print()


def error_kinds(ex: SkillExtractor, path: Path, system: str = "merged") -> None:
    """Where ``system``'s Knowledge errors are, per source: each prediction exact, a
    boundary error (it overlaps a gold Knowledge span with other edges), of the other layer
    (it overlaps only a gold Skill span) or overlapping no gold span; each gold Knowledge
    span found exactly, overlapped only (a boundary) or missed."""
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    kinds = ("exact", "pred boundary", "gold boundary", "other layer", "no gold", "missed")
    counts = {src: dict.fromkeys(kinds, 0) for src in ("tech", "house")}
    for row, preds in zip(rows, predictions(ex, rows), strict=True):
        c = counts[row["source"]]
        gold = [(s["start"], s["end"], s["type"].lower()) for s in row.get("spans") or []]
        known = {(a, b) for a, b, la in gold if la == "knowledge"}
        every = [(a, b) for a, b, _ in gold]
        pred = {(a, b) for a, b, la in preds[system] if la == "knowledge"}

        def hits(span: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
            return any(a < span[1] and span[0] < b for a, b in spans)

        for p in pred:
            kind = (
                "exact"
                if p in known
                else "pred boundary"
                if hits(p, known)
                else "other layer"
                if hits(p, every)
                else "no gold"
            )
            c[kind] += 1
        for g in known - pred:
            c["gold boundary" if hits(g, pred) else "missed"] += 1
    print(f"\nKnowledge errors of {system} on {path.name} (strict)")
    print(f"{'source':<7}" + "".join(f"{k:>15}" for k in kinds))
    for src, c in counts.items():
        print(f"{src:<7}" + "".join(f"{c[k]:>15}" for k in kinds))


def _rate(n: int, items: Iterable[object]) -> float:
    # CPU time of this process: the machine is shared, wall time would measure the neighbours
    t0 = time.process_time()
    for _ in items:
        pass
    return n / (time.process_time() - t0)


# the component that turns a spancat's spans into the merge's input (an experiment's model)
SPANS_TO_ENTS = "jobmatch_bench_spans_to_ents"


@Language.component(SPANS_TO_ENTS)
def spans_to_ents(doc: Doc) -> Doc:
    """A spancat's spans (``doc.spans["sc"]``, one label each, those at or above its
    threshold) as ``doc.ents``, which the merge reads: the best-scored first (then the
    longer), each kept unless it overlaps one kept already."""
    group = doc.spans["sc"]
    scores = group.attrs["scores"].ravel()
    order = sorted(range(len(group)), key=lambda i: (-scores[i], -len(group[i]), group[i].start))
    kept: list[Span] = []
    for i in order:
        sp = group[i]
        if all(sp.end <= k.start or k.end <= sp.start for k in kept):
            kept.append(sp)
    doc.ents = sorted(kept, key=lambda sp: sp.start)
    return doc


def other_model(path: Path, threshold: float) -> SkillExtractor:
    """An accurate extractor with the span model in ``path`` (a saved pipeline with one
    ``ner`` or ``spancat``, static vectors allowed) instead of the shipped one; a spancat
    keeps the spans scored ``threshold`` or more. The training code is imported first: a
    model trained with its registered functions (``span_model_kselect.cfg``'s scorer) names
    them in its config."""
    import spacy
    from spacy.util import import_file

    import_file("span_model_code", str(TRAINING_CODE))
    src = spacy.load(path, exclude=["tokenizer"])
    factory = src.pipe_names[0]
    ex = SkillExtractor(accurate=True)
    ex.nlp.remove_pipe(SPAN_MODEL_PIPE)
    if src.vocab.vectors.shape[0]:  # the model's static vectors, looked up in the doc's vocab
        ex.nlp.vocab.vectors = src.vocab.vectors
    ex.nlp.add_pipe(factory, name=SPAN_MODEL_PIPE, source=src, after=LEXICON_TAGS_PIPE)
    if factory == "spancat":
        ex.nlp.get_pipe(SPAN_MODEL_PIPE).cfg["threshold"] = threshold  # type: ignore[attr-defined]
        ex.nlp.add_pipe(SPANS_TO_ENTS, after=SPAN_MODEL_PIPE)
    return ex


def throughput(
    fast: SkillExtractor,
    acc: SkillExtractor,
    limit: int,
    repeats: int,
    other: SkillExtractor | None = None,
) -> None:
    import spacy

    base = posting_texts(shared_data())
    texts = (base * (limit // len(base) + 1))[:limit]
    bare = spacy.blank("en")
    list(acc.pipe(texts[:20]))  # warm up
    res: dict[str, list[float]] = {"tok": [], "fast": [], "acc": [], "other": []}
    for _ in range(repeats):
        res["tok"].append(_rate(len(texts), bare.tokenizer.pipe(texts, batch_size=64)))
        res["fast"].append(_rate(len(texts), fast.pipe(texts)))
        res["acc"].append(_rate(len(texts), acc.pipe(texts)))
        if other is not None:
            res["other"].append(_rate(len(texts), other.pipe(texts)))
    print(f"\nThroughput: {len(texts)} postings, {repeats} rounds, docs per CPU-second\n")
    print(f"{'':<42}{'best docs/s':>12}{'vs tokenizer':>14}{'vs fast':>9}")
    print("-" * 77)
    rows = [
        ("tok", "spaCy blank('en') tokenizer only"),
        ("fast", "SkillExtractor.pipe (default, lexicon)"),
        ("acc", "SkillExtractor(accurate=True).pipe"),
    ]
    if other is not None:
        rows.append(("other", "the same with the --other-model"))
    for key, label in rows:
        vs_tok = statistics.median(r / t for r, t in zip(res[key], res["tok"], strict=True))
        vs_fast = statistics.median(r / t for r, t in zip(res[key], res["fast"], strict=True))
        print(f"{label:<42}{max(res[key]):>12.0f}{vs_tok:>13.1%}{vs_fast:>9.0%}")


RESUMES = (
    "resumes/resume_matcher/harvey_dent_mle.pdf",
    "resumes/resume_matcher/john_smith_python_ml.pdf",
    "resumes/resume_matcher/bruce_wayne_fullstack.pdf",
    "resumes/livecareer/HEALTHCARE_14062078.pdf",
    "resumes/livecareer/ACCOUNTANT_10674770.pdf",
    "resumes/livecareer/SALES_10138632.pdf",
    "resumes/livecareer/CHEF_10001727.pdf",
    "resumes/open_resume/laverne-resume.pdf",
)


def resume_scores(fast: SkillExtractor, acc: SkillExtractor) -> None:
    """Scores (default profile) of the shared resumes and the samples, fast vs accurate."""
    from jobmatch import read_document
    from jobmatch.scoring.scorer import Scorer

    root = Path(__file__).resolve().parents[1]
    data = shared_data()
    paths = [data / r for r in RESUMES] + sorted((root / "samples").glob("*_resume.txt"))
    scorers = Scorer(extractor=fast), Scorer(extractor=acc)
    print(f"\n{'resume (default profile)':<52}{'fast':>7}{'accurate':>10}  unlisted  lost ids")
    print("-" * 100)
    for path in paths:
        if not path.is_file():
            continue
        doc = read_document(path)
        a, b = (sc.score_document(doc) for sc in scorers)
        found = acc.extract(doc.text)
        n_new = sum(1 for m in found if m.category == UNLISTED)
        # lexicon skills the accurate merge dropped everywhere in the document
        lost = sorted({m.skill_id for m in fast.extract(doc.text)} - {m.skill_id for m in found})
        name = str(path.relative_to(root if path.is_relative_to(root) else data))
        print(f"{name:<52}{a.score:>7.1f}{b.score:>10.1f}  {n_new:>8}  {', '.join(lost)}")


def wheel_size(out: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    cmd = [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(root)]
    subprocess.run(cmd, check=True, capture_output=True)
    for whl in sorted(out.glob("jobmatch-*.whl")):
        print(f"\nwheel {whl.name}: {whl.stat().st_size / 1e6:.1f} MB")


def main(argv: Iterable[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--limit", type=int, default=500, help="postings for throughput")
    ap.add_argument("--repeats", type=int, default=3, help="throughput rounds (median ratio)")
    ap.add_argument("--no-accuracy", action="store_true", help="skip the accuracy part")
    ap.add_argument("--no-speed", action="store_true", help="skip the throughput part")
    ap.add_argument("--no-resumes", action="store_true", help="skip the resume scores")
    ap.add_argument("--wheel", default=None, help="build the wheel into DIR and print its size")
    ap.add_argument(
        "--other-model",
        default=None,
        help="also measure a span model saved in DIR (accuracy; throughput in the same rounds)",
    )
    ap.add_argument(
        "--threshold", type=float, default=0.5, help="the --other-model's spancat threshold"
    )
    ap.add_argument(
        "--errors", action="store_true", help="also break the merge's Knowledge errors down"
    )
    args = ap.parse_args(None if argv is None else list(argv))
    t0 = time.perf_counter()
    fast = SkillExtractor()
    acc = SkillExtractor(accurate=True)
    print(f"fast and accurate extractors built in {time.perf_counter() - t0:.1f} s")
    other = None
    if args.other_model is not None:
        other = other_model(Path(args.other_model), args.threshold)
    dev = shared_data() / "gold" / "skillspan" / "skillspan_dev.jsonl"
    if not args.no_accuracy:
        accuracy(acc, dev)
        if args.errors:
            error_kinds(acc, dev)
        if other is not None:
            accuracy(other, dev, f"{args.other_model} (threshold {args.threshold})")
    if not args.no_resumes:
        resume_scores(fast, acc)
    if not args.no_speed:
        throughput(fast, acc, args.limit, args.repeats, other)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak memory (max RSS of this process, both pipelines): {peak:.0f} MB")
    if args.wheel:
        wheel_size(Path(args.wheel))


if __name__ == "__main__":
    main()
