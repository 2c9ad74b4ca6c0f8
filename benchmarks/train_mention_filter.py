"""Train the mention filter (logistic regression) on the SkillSpan train split; write its JSON.

    python benchmarks/train_mention_filter.py            # writes the shipped weights
    python benchmarks/train_mention_filter.py -o /tmp/f.json --dev   # elsewhere, + dev check

Candidates are the mentions of the lexicon and context rules on every train sentence, plus
the generic words (case-insensitive context rules: "design", "Banking") whose rule found no
evidence either way: the component hands exactly those to the filter (feature
``rule:none``). Label: the mention overlaps a gold span of its layer (``Knowledge`` for
categories of the knowledge layer, either layer for the others). Features:
:func:`jobmatch.extract.mention_filter.mention_features`, the same function the component runs.

C and the decision threshold are chosen on out-of-fold predictions (5 folds grouped by
posting) over the train split, maximising (averaged over the threshold and its two
neighbours on each side of the 0.025 grid, so that the middle of the flat top wins, not
its noisiest point) the mean of strict and overlap F1 on tech /
Knowledge plus a quarter of the overlap precision against both layers (counted up to
0.85). The model is fitted only on the candidates the component will hand it under the
chosen ``--scope`` (for "generic": lower-case mentions not right after a bullet's verb,
generic words without evidence, and the names on job-title lines); a technology's name as
written ("Java") is never judged elsewhere at run time, so it does not pull the weights
either. SkillSpan is posting text: a technology on a posting's title line ("Senior Java
Developer") is judged (component ``title_names=False``; ``--title-names`` for the resume
reading, where it is not). Then the model is fitted on the
whole train split and written as plain JSON (feature -> weight, bias, threshold): the
component applies it with dict lookups, scikit-learn is needed only here. Dev is only
reported (``--dev``), never used to choose anything; the test split is not read.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_extract import Score, overlaps, shared_data  # noqa: E402
from jobmatch.extract.component import SkillComponent, SkillExtractor  # noqa: E402
from jobmatch.extract.vocabulary import ACTION_VERBS, TITLE_FIELDS  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "skill_lexicon" / "models" / "mention_filter.json"
C_GRID = (0.1, 0.3, 1.0)
THRESHOLDS = tuple(round(x, 2) for x in np.arange(0.05, 0.71, 0.025))
SMOOTH = 2  # neighbours on each side (0.05) averaged when choosing the threshold


class Candidates:
    """Every unfiltered mention of a split, with features, labels and what scoring needs."""

    def __init__(self, ex: SkillExtractor, rows: list[dict]) -> None:
        comp: SkillComponent = ex.component
        comp.soft_rules = True  # generic words without evidence are candidates too
        comp.read_lines = False  # line roles and evidence phrases come after the filter
        index = {s.id: i for i, s in enumerate(ex.lexicon.skills)}
        layer = {c.id: c.layer for c in ex.lexicon.categories.values()}
        self.rows = rows
        self.feats: list[list[str]] = []
        self.labels: list[int] = []
        self.row_of: list[int] = []
        self.span: list[tuple[int, int]] = []
        self.knowledge: list[bool] = []
        docs = ex.nlp.pipe((r["text"] for r in rows), batch_size=256)
        for r, (row, doc) in enumerate(zip(rows, docs, strict=True)):
            spans = list(doc.spans["skills"])
            found = [(sp.start, sp.end, index[sp.label_]) for sp in spans]
            gold = row.get("spans") or []
            gold_k = [(g["start"], g["end"]) for g in gold if g["type"].lower() == "knowledge"]
            gold_all = [(g["start"], g["end"]) for g in gold]
            soft = doc.user_data.get("jobmatch_soft_mentions", set())
            for sp, f in zip(spans, comp.features(doc, found, soft), strict=True):
                cat = ex.lexicon.by_id[sp.label_].category
                is_k = layer.get(cat) == "knowledge"
                ch = (sp.start_char, sp.end_char)
                target = gold_k if is_k else gold_all
                self.feats.append(f)
                self.labels.append(int(any(overlaps(ch, g) for g in target)))
                self.row_of.append(r)
                self.span.append(ch)
                self.knowledge.append(is_k)
        self.groups = [rows[r]["doc_id"] for r in self.row_of]

    def scores(self, keep: Sequence[bool]) -> tuple[Score, Score, Score]:
        """(tech/Knowledge, tech/both, all/both) as in bench_extract, for kept candidates."""
        by_row: dict[int, list[int]] = {}
        for j, k in enumerate(keep):
            if k:
                by_row.setdefault(self.row_of[j], []).append(j)
        tk, ta, aa = Score(), Score(), Score()
        for r, row in enumerate(self.rows):
            js = by_row.get(r, [])
            gold = row.get("spans") or []
            gold_all = [(g["start"], g["end"]) for g in gold]
            gold_k = [(g["start"], g["end"]) for g in gold if g["type"].lower() == "knowledge"]
            pred_all = [self.span[j] for j in js]
            pred_k = [self.span[j] for j in js if self.knowledge[j]]
            aa.add(pred_all, gold_all)
            if row["source"] == "tech":
                tk.add(pred_k, gold_k)
                ta.add(pred_all, gold_all)
        return tk, ta, aa


def in_scope(feats: Sequence[str], scope: str, title_names: bool = False) -> bool:
    """Does the filter judge this candidate under ``filter_scope`` (see filtering.py)?
    ``title_names``: the component's; SkillSpan is posting text, where a technology on a
    job-title line is judged like any name there (``title_names=False``)."""
    if scope == "all":
        return True
    if "rule:none" in feats:
        return True
    # lower case, unless right after a bullet's verb ("Trained diffusion models": the
    # component looks two tokens back, the features hold one)
    lower = bool({"case:lower", "case:none"}.intersection(feats))
    if lower and not any(f"p:{verb}" in feats for verb in ACTION_VERBS):
        return True
    # a name as written only on a job-title line (a technology's name only in posting text)
    category = next((f[4:] for f in feats if f.startswith("cat:")), "")
    return "title" in feats and not (title_names and category in TITLE_FIELDS)


def objective(tk: Score, ta: Score) -> float:
    # the targets: strict and overlap F1 on tech/Knowledge, overlap P on both layers
    # (>= 0.75); precision counts up to 0.85 because out-of-fold train figures run a few
    # points above held-out ones. Strict here is on characters, the stricter count.
    strict, overlap = tk.prf("strict")[2], tk.prf("overlap")[2]
    return (strict + overlap) / 2 + 0.25 * min(ta.prf("overlap")[0], 0.85)


def table(label: str, sc: tuple[Score, Score, Score]) -> None:
    tk, ta, aa = sc
    sp, sr, sf = tk.prf("strict")
    op, or_, of = tk.prf("overlap")
    print(
        f"{label:<28} tech/K strict P {sp:.3f} R {sr:.3f} F1 {sf:.3f} "
        f"| overlap P {op:.3f} R {or_:.3f} F1 {of:.3f} "
        f"| tech/both ov P {ta.prf('overlap')[0]:.3f} | all/both ov P {aa.prf('overlap')[0]:.3f}"
    )


def main() -> None:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("-o", "--output", type=Path, default=OUT)
    ap.add_argument("--dev", action="store_true", help="also report dev (never used to tune)")
    ap.add_argument("--C", type=float, default=None, help="fix C (default: chosen on train)")
    ap.add_argument("--threshold", type=float, default=None, help="fix the threshold")
    ap.add_argument(
        "--scope",
        choices=("generic", "all"),
        default="generic",
        help="the mentions the filter judges (component filter_scope) when choosing C/threshold",
    )
    ap.add_argument(
        "--title-names",
        action="store_true",
        help="technologies on job-title lines are not judged (the resume reading)",
    )
    args = ap.parse_args()
    t0 = time.perf_counter()
    data = shared_data() / "gold" / "skillspan"
    ex = SkillExtractor(use_filter=False)
    rows = [json.loads(x) for x in (data / "skillspan_train.jsonl").open(encoding="utf-8")]
    train = Candidates(ex, rows)
    y = np.array(train.labels)
    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(f, 1) for f in train.feats])
    judged = np.array([in_scope(f, args.scope, args.title_names) for f in train.feats])
    print(
        f"train: {len(rows)} sentences, {len(y)} candidates, {y.mean():.1%} positive; "
        f"{judged.sum()} judged under scope {args.scope} ({y[judged].mean():.1%} positive)"
    )
    table("train, no filter", train.scores([True] * len(y)))
    best: tuple[float, float, float] = (-1.0, 0.0, 0.0)
    for c in C_GRID if args.C is None else (args.C,):
        oof = np.zeros(len(y))
        for fit_idx, val_idx in GroupKFold(n_splits=5).split(x, y, train.groups):
            fit_idx = fit_idx[judged[fit_idx]]  # fitted on what it will judge
            model = LogisticRegression(C=c, max_iter=2000)
            model.fit(x[fit_idx], y[fit_idx])
            oof[val_idx] = model.predict_proba(x[val_idx])[:, 1]
        grid = THRESHOLDS if args.threshold is None else (args.threshold,)
        objs = [objective(*train.scores((oof >= t) | ~judged)[:2]) for t in grid]
        # the objective is flat near its top (+-0.002 over 0.45-0.60): its argmax moves with
        # any small change of the candidates. Each threshold is judged by the mean objective
        # of it and its SMOOTH neighbours on each side, which picks the middle of the plateau.
        for k, t in enumerate(grid):
            near = objs[max(0, k - SMOOTH) : k + SMOOTH + 1]
            smooth = sum(near) / len(near)
            if smooth > best[0]:
                best = (smooth, c, t)
        print(f"C={c}: best smoothed objective so far {best[0]:.4f} (C={best[1]}, p>={best[2]})")
    _, c, t = best
    oof = np.zeros(len(y))
    for fit_idx, val_idx in GroupKFold(n_splits=5).split(x, y, train.groups):
        fit_idx = fit_idx[judged[fit_idx]]
        model = LogisticRegression(C=c, max_iter=2000).fit(x[fit_idx], y[fit_idx])
        oof[val_idx] = model.predict_proba(x[val_idx])[:, 1]
    table(f"train OOF, C={c}, p>={t}", train.scores((oof >= t) | ~judged))
    model = LogisticRegression(C=c, max_iter=2000).fit(x[judged], y[judged])
    names = vec.get_feature_names_out()
    weights = {
        str(n): round(float(w), 4)
        for n, w in sorted(zip(names, model.coef_[0], strict=True))
        if abs(w) >= 1e-4
    }
    out = {
        "about": "jobmatch mention filter: logistic regression over mention_features(); "
        "keep a mention when sigmoid(bias + sum of weights) >= threshold_probability",
        "trained_on": "SkillSpan train split (skillspan_train.jsonl)",
        "lexicon_version": ex.lexicon.version,
        "command": " ".join(
            ["python benchmarks/train_mention_filter.py"]
            + ([] if args.C is None else ["--C", str(args.C)])
            + ([] if args.threshold is None else ["--threshold", str(args.threshold)])
            + (["--title-names"] if args.title_names else [])
        ),
        "C": c,
        "n_candidates": int(len(y)),
        "threshold_probability": t,
        "threshold_chosen_for_scope": args.scope,
        "title_names": args.title_names,
        "fitted_on": f"the {int(judged.sum())} candidates that scope judges",
        "bias": round(float(model.intercept_[0]), 4),
        "weights": weights,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(out, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.output} ({len(weights)} weights) in {time.perf_counter() - t0:.0f} s")
    if args.dev:
        dev_rows = [json.loads(x) for x in (data / "skillspan_dev.jsonl").open(encoding="utf-8")]
        dev = Candidates(ex, dev_rows)
        p = model.predict_proba(vec.transform([dict.fromkeys(f, 1) for f in dev.feats]))[:, 1]
        dev_judged = np.array([in_scope(f, args.scope, args.title_names) for f in dev.feats])
        table("dev, no filter", dev.scores([True] * len(p)))
        table(f"dev, filter p>={t} ({args.scope})", dev.scores((p >= t) | ~dev_judged))


if __name__ == "__main__":
    main()
