"""Reading postings and ranking resume x posting pairs, against labels made by hand.

Prints, in one run:

* **Reader agreement** with ``tests/scoring/data/postings_gold.json`` and
  ``postings_gold_s20.json`` (postings from the shared data, labelled by a careful reader;
  each set on its own and all together): the share of the labelled skills found, the
  required/preferred agreement on those found, the labelled alternative groups found as one
  requirement, the minimum degree and the whole education requirement exact, the years
  exact, and the share of requirements read that are not skills at all. The baseline, in
  the same run, is the previous reader: every skill mentioned is a requirement, required
  when under a requirements heading or mentioned twice, no alternatives, no years.
* **Ranking pairs** of ``tests/scoring/data/match_pairs.json`` (resumes x postings labelled
  match / unrelated): ROC-AUC, major errors (an unrelated pair >= 70 or a matching pair
  < 40), the mean score of unrelated resumes against ML postings, and the ROC-AUC of ML
  resumes ranking ML postings above the others.
* **batch --resume**: the top 10 of the shared Glassdoor postings for the sample research
  engineer's resume, and how many of them share a score.

Run: ``python benchmarks/bench_postings.py [--data DIR]``
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from sklearn.metrics import roc_auc_score

from jobmatch.errors import ProfileError
from jobmatch.extract.component import default_extractor
from jobmatch.models import Document, Lexicon, SkillMention
from jobmatch.read.documents import read_document
from jobmatch.scoring.posting_model import PostingRequirements
from jobmatch.scoring.posting_reader import read_requirements
from jobmatch.scoring.profiles import Profile, load_profile
from jobmatch.scoring.resume_scorer import ResumeScorer
from jobmatch.scoring.scorer import Scorer

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "scoring" / "data" / "postings_gold.json"
#: the labelled sets, each reported on its own and all together: the first set, and the
#: second draw (12 postings, random.Random(20) over the unlabelled ids)
GOLDS = (GOLD, GOLD.with_name("postings_gold_s20.json"))
PAIRS = ROOT / "tests" / "scoring" / "data" / "match_pairs.json"


def previous_calibration() -> Profile:
    """The default profile with the constants before issue 14 (the baseline): raw = 0.5 x
    coverage + 0.5 x similarity, midpoint 0.32, steepness 9, no coverage ceiling, and the
    same constants for postings."""
    base = load_profile()
    old = replace(
        base.scoring,
        similarity_weight=0.5,
        midpoint=0.32,
        steepness=9.0,
        low_coverage_score=100.0,
        posting_similarity_weight=0.5,
        posting_steepness=9.0,
    )
    return replace(base, scoring=old)


def shared_data(cli: str | None) -> Path:
    if cli:
        return Path(cli)
    env = os.environ.get("JOBMATCH_SHARED_DATA")
    return Path(env) if env else ROOT.parent / "shared" / "data"


def load(data: Path, ref: str) -> Document:
    """A document of the shared data (``path#record-id`` for a JSONL record) or samples/."""
    if "#" in ref:
        path, rid = ref.split("#")
        for line in (data / path).read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if rec["id"] == rid:
                return Document(text=rec["text"], source=rid, format="text")
        raise KeyError(ref)
    return read_document(ROOT / ref if ref.startswith("samples/") else data / ref)


def skill_ids(lexicon: Lexicon) -> dict[str, str]:
    """Lower-case names, surface forms and ids -> skill id (labels are written as names)."""
    out: dict[str, str] = {}
    for s in lexicon.skills:
        for form in (*s.surface_forms, s.name, s.id):
            out.setdefault(form.lower(), s.id)
    return out


def gold_groups(items: Sequence[Sequence[str]], ids: dict[str, str]) -> list[set[str]]:
    return [{ids.get(n.lower(), "?" + n) for n in group} for group in items]


def old_reader(mentions: Sequence[SkillMention]) -> list[tuple[set[str], bool]]:
    """The baseline: the reader before issue 14 (one requirement per skill mentioned)."""
    by: dict[str, list[SkillMention]] = {}
    for m in mentions:
        by.setdefault(m.skill_id, []).append(m)
    out = []
    for sid, ms in by.items():
        sections = {m.section for m in ms}
        req = "requirements" in sections or ("preferred" not in sections and len(ms) >= 2)
        out.append(({sid}, req))
    return out


class Agreement:
    """Counts of one reader's agreement with the labels."""

    def __init__(self) -> None:
        self.c = dict.fromkeys(
            ("gold", "found", "kind", "alts", "alts_found", "reqs", "nonskill"), 0
        )
        self.edu = self.edu_min = self.years = self.n = 0

    def add(
        self,
        read: list[tuple[set[str], bool]],
        gold: dict[str, object],
        ids: dict[str, str],
        extra: tuple[object, object, float | None] | None,
    ) -> None:
        req = gold_groups(gold["required"], ids)  # type: ignore[arg-type]
        pref = gold_groups(gold["preferred"], ids)  # type: ignore[arg-type]
        kind = {s: True for g in req for s in g} | {s: False for g in pref for s in g}
        got: dict[str, bool] = {}
        for skills, required in read:
            for s in skills:
                got[s] = got.get(s, False) or required
        for s, want in kind.items():
            self.c["gold"] += 1
            if s in got:
                self.c["found"] += 1
                self.c["kind"] += got[s] == want
        for g in (g for g in req + pref if len(g) > 1):
            self.c["alts"] += 1
            present = {s for s in g if s in got}
            self.c["alts_found"] += len(present) > 1 and any(present <= sk for sk, _ in read)
        bad = {ids.get(n.lower(), n) for n in gold["not_skills"]}  # type: ignore[attr-defined]
        self.c["reqs"] += len(read)
        self.c["nonskill"] += sum(1 for sk, _ in read if sk <= bad)
        self.n += 1
        edu, years = gold["education"], gold["years"]
        if extra is not None:
            got_edu, got_years, _ = extra
            self.edu_min += _edu(got_edu, edu, exact=False)
            self.edu += _edu(got_edu, edu, exact=True)
            self.years += got_years == years
        else:
            self.edu_min += edu is None or edu["min_level"] is None  # type: ignore[index]
            self.edu += edu is None
            self.years += years is None

    def row(self) -> list[str]:
        c = self.c
        return [
            f"{c['found'] / c['gold']:.0%} ({c['found']}/{c['gold']})",
            f"{c['kind'] / max(1, c['found']):.0%} ({c['kind']}/{c['found']})",
            f"{c['alts_found']}/{c['alts']}",
            f"{self.edu_min}/{self.n}",
            f"{self.edu}/{self.n}",
            f"{self.years}/{self.n}",
            f"{c['nonskill'] / max(1, c['reqs']):.1%}",
        ]


def _edu(got: object, want: object, *, exact: bool) -> bool:
    if want is None or got is None:
        return (want is None or want["min_level"] is None) == (  # type: ignore[index]
            got is None or got.min_level is None  # type: ignore[attr-defined]
        ) and (not exact or (want is None) == (got is None))
    same_min = got.min_level == want["min_level"]  # type: ignore[attr-defined,index]
    if not exact:
        return bool(same_min)
    return bool(
        same_min
        and got.preferred_level == want["preferred_level"]  # type: ignore[attr-defined,index]
        and got.related_fields == want["related_fields"]  # type: ignore[attr-defined,index]
    )


def reader_table(data: Path) -> None:
    extractor = default_extractor()
    ids = skill_ids(extractor.lexicon)
    sets = [(f, json.loads(f.read_text(encoding="utf-8"))["postings"]) for f in GOLDS]
    rows: list[tuple[str, Agreement]] = []
    new_all, old_all = Agreement(), Agreement()
    for f, gold in sets:
        new = Agreement()
        for g in gold:
            doc = load(data, g["path"])
            _, mentions = next(extractor.pipe_docs([doc.text]))
            pr: PostingRequirements = read_requirements(
                doc.text, mentions, lexicon=extractor.lexicon, source=doc.source
            )
            read = [({s.skill_id for s in r.skills}, r.required) for r in pr.requirements]
            for agree in (new, new_all):
                agree.add(read, g, ids, (pr.education, pr.years_min, None))
            old_all.add(old_reader(mentions), g, ids, None)
        rows.append((f"posting reader: {f.name} ({len(gold)})", new))
    n = sum(len(gold) for _, gold in sets)
    rows += [
        (f"posting reader: all ({n})", new_all),
        (f"baseline: previous reader, all ({n})", old_all),
    ]
    heads = ("skills found", "req/pref agree", "alternatives", "min degree", "education",
             "years", "non-skill reqs")  # fmt: skip
    print(f"Reader agreement on {n} labelled postings ({', '.join(f.name for f in GOLDS)})")
    print()
    print("| reader | " + " | ".join(heads) + " |")
    print("|---|" + "---:|" * len(heads))
    for name, agree in rows:
        print(f"| {name} | " + " | ".join(agree.row()) + " |")
    print("| targets | >= 85% | >= 85% | | >= 90% | | >= 80% | <= 2% |")


def pairs_table(data: Path) -> None:
    spec = json.loads(PAIRS.read_text(encoding="utf-8"))
    resumes = {p: load(data, p) for p in spec["resumes"]}
    postings = {p: load(data, p) for p in spec["postings"]}
    match = {tuple(x) for x in spec["match"]}
    near = {tuple(x) for x in spec["near"]}
    pairs = [
        (r, p, int((rf, pf) in match), rf, pf)
        for r, rf in spec["resumes"].items()
        for p, pf in spec["postings"].items()
        if (rf, pf) not in near
    ]
    matches = sum(y for _, _, y, _, _ in pairs)
    print(f"Ranking {len(pairs)} labelled pairs ({PAIRS.name}; {matches} matches)")
    print()
    print("| scoring | ROC-AUC | major errors | unrelated vs ML (mean) | ML resumes: ML first |")
    print("|---|---:|---:|---:|---:|")
    errors: list[str] = []
    for name, scorer in (
        ("issue 14", Scorer()),
        ("baseline: previous calibration", Scorer(previous_calibration())),
    ):
        scores = [scorer.match(resumes[r], postings[p]).score for r, p, *_ in pairs]
        ys = [y for _, _, y, _, _ in pairs]
        bad = [
            f"  {name}: {'match' if y else 'unrelated'} {Path(r).name} x {Path(p).name}: {s}"
            for (r, p, y, _, _), s in zip(pairs, scores, strict=True)
            if (y and s < 40) or (not y and s >= 70)
        ]
        errors += bad
        unrelated = [
            s for (_, _, y, _, pf), s in zip(pairs, scores, strict=True) if pf == "ml" and not y
        ]
        ml = [
            (int(pf == "ml"), s)
            for (_, _, _, rf, pf), s in zip(pairs, scores, strict=True)
            if rf == "ml"
        ]
        print(
            f"| {name} | {roc_auc_score(ys, scores):.3f} | {len(bad)} "
            f"| {sum(unrelated) / len(unrelated):.1f} "
            f"| {roc_auc_score([y for y, _ in ml], [s for _, s in ml]):.3f} |"
        )
    print("| targets | | | <= 10 | >= 0.95 |")
    print("\n".join(errors))


def batch_table(data: Path) -> None:
    path = data / "postings" / "glassdoor_ds_2020" / "glassdoor_public.jsonl"
    recs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    resume = ROOT / "samples" / "research_engineer_resume.txt"
    print(f"batch --resume {resume.name} over {len(recs)} Glassdoor postings: the top 10")
    print()
    print("| scoring | top 10 | range | scores shared in the top 10 |")
    print("|---|---|---:|---:|")
    for name, profile in (
        ("issue 14", load_profile()),
        ("baseline: previous calibration", previous_calibration()),
    ):
        scorer = ResumeScorer(profile, resume=resume)
        scores = []
        docs = scorer.extractor.pipe_docs(r["text"] for r in recs)
        for r, (doc, mentions) in zip(recs, docs, strict=True):
            try:
                report = scorer.score_parsed(doc, mentions, source=r["id"], record_id=r["id"])
            except ProfileError:  # no skill of the lexicon in the posting: an error record
                continue
            scores.append(report.score)
        top = sorted(scores, reverse=True)[:10]
        shown = " ".join(f"{s:.1f}" for s in top)
        print(f"| {name} | {shown} | {top[-1]:.1f}-{top[0]:.1f} | {10 - len(set(top))} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", help="the shared data folder (default ../shared/data)")
    args = ap.parse_args()
    data = shared_data(args.data)
    reader_table(data)
    print()
    pairs_table(data)
    print()
    batch_table(data)


if __name__ == "__main__":
    main()
