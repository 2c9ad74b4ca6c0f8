"""Recall and false hits per class on the resume-text case set (prints a table; not a test).

The cases (``tests/extract/resume_cases.jsonl``, one JSON object a line: ``class``, ``text``,
``expected`` skill ids, ``forbidden`` skill ids) are short texts of the kinds issue 12 names:
title-like lines and lists after a colon, research practice / leadership / mentoring written
as verb + object phrases, wrong senses (employer names, publication titles and citation
lines, lab instruments...) with the right sense beside them, and multi-word skills broken
across a line break.

Per class: ``recall`` = expected ids found / expected ids; ``false hits`` = forbidden ids
found (and the number of cases with a forbidden id, over the cases that have one);
``all right`` = cases with every expected id and no forbidden one.

The baseline is the same table for the code at ``--baseline-ref`` (default: the commit
before issue 12's work), measured in the same run: ``git archive`` of that commit into a
temporary folder, run in a subprocess with that folder first on ``PYTHONPATH``.

Usage::

    python benchmarks/bench_resume_cases.py                 # this checkout and the baseline
    python benchmarks/bench_resume_cases.py --misses        # list the cases this build gets wrong
    python benchmarks/bench_resume_cases.py --baseline-ref none
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "extract" / "resume_cases.jsonl"
BASELINE_REF = "d9f4f84"  # the component split (issue 11), before issue 12's work
CLASSES = ("title_line", "research_practice", "wrong_sense", "line_break")

# run in the baseline's interpreter: texts on stdin (JSON list), skill ids per text on stdout
_RUNNER = """
import json, sys
from jobmatch.extract.component import SkillExtractor
texts = json.load(sys.stdin)
ex = SkillExtractor()
json.dump([sorted({m.skill_id for m in ms}) for ms in ex.pipe(texts)], sys.stdout)
"""


@dataclass
class ClassScore:
    cases: int = 0
    expected: int = 0
    found: int = 0
    forbid_cases: int = 0
    false_hits: int = 0
    false_hit_cases: int = 0
    right: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, case: dict[str, object], ids: set[str]) -> None:
        expected = set(case["expected"])  # type: ignore[call-overload]
        forbidden = set(case["forbidden"])  # type: ignore[call-overload]
        got, bad = expected & ids, forbidden & ids
        self.cases += 1
        self.expected += len(expected)
        self.found += len(got)
        self.forbid_cases += bool(forbidden)
        self.false_hits += len(bad)
        self.false_hit_cases += bool(bad)
        ok = got == expected and not bad
        self.right += ok
        if not ok:
            missing = sorted(expected - ids)
            self.misses.append(f"{case['text']!r}: missing {missing}, false {sorted(bad)}")

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0


def load_cases(path: Path = CASES) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def ids_here(texts: Sequence[str]) -> list[set[str]]:
    from jobmatch.extract.extractor import SkillExtractor

    ex = SkillExtractor()
    return [{m.skill_id for m in ms} for ms in ex.pipe(texts)]


def ids_at(ref: str, texts: Sequence[str]) -> list[set[str]]:
    """The skill ids the code of git ``ref`` finds (run in a subprocess)."""
    with tempfile.TemporaryDirectory() as tmp:
        tar = Path(tmp) / "src.tar"
        subprocess.run(
            ["git", "-C", str(ROOT), "archive", "-o", str(tar), ref, "src", "skill_lexicon"],
            check=True,
        )
        with tarfile.open(tar) as tf:
            tf.extractall(tmp, filter="data")
        shutil.copytree(Path(tmp) / "skill_lexicon", Path(tmp) / "src/jobmatch/skill_lexicon")
        env = {**os.environ, "PYTHONPATH": str(Path(tmp) / "src")}
        out = subprocess.run(
            [sys.executable, "-c", _RUNNER],
            input=json.dumps(list(texts)),
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
    return [set(ids) for ids in json.loads(out.stdout)]


def score(cases: Sequence[dict[str, object]], found: Sequence[set[str]]) -> dict[str, ClassScore]:
    out = {c: ClassScore() for c in CLASSES}
    for case, ids in zip(cases, found, strict=True):
        out[str(case["class"])].add(case, ids)
    return out


def table(title: str, scores: dict[str, ClassScore]) -> None:
    print(f"\n{title}")
    print(f"{'class':<20}{'cases':>6}{'recall':>14}{'false hits':>12}{'cases hit':>11}{'right':>9}")
    print("-" * 72)
    total = ClassScore()
    for name, s in scores.items():
        rec = f"{s.found}/{s.expected} {s.recall:.2f}"
        print(
            f"{name:<20}{s.cases:>6}{rec:>14}{s.false_hits:>12}"
            f"{f'{s.false_hit_cases}/{s.forbid_cases}':>11}{f'{s.right}/{s.cases}':>9}"
        )
        for attr in ("cases", "expected", "found", "forbid_cases", "false_hits"):
            setattr(total, attr, getattr(total, attr) + getattr(s, attr))
        total.false_hit_cases += s.false_hit_cases
        total.right += s.right
    rec = f"{total.found}/{total.expected} {total.recall:.2f}"
    print(
        f"{'all':<20}{total.cases:>6}{rec:>14}{total.false_hits:>12}"
        f"{f'{total.false_hit_cases}/{total.forbid_cases}':>11}{f'{total.right}/{total.cases}':>9}"
    )


def main(argv: Iterable[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--cases", type=Path, default=CASES)
    ap.add_argument("--baseline-ref", default=BASELINE_REF, help="git ref, or 'none'")
    ap.add_argument("--misses", action="store_true", help="list the cases this build gets wrong")
    args = ap.parse_args(None if argv is None else list(argv))
    cases = load_cases(args.cases)
    texts = [str(c["text"]) for c in cases]
    here = score(cases, ids_here(texts))
    table(f"this checkout: {len(cases)} cases ({args.cases.name})", here)
    if args.baseline_ref != "none":
        table(f"baseline: {args.baseline_ref}", score(cases, ids_at(args.baseline_ref, texts)))
    if args.misses:
        print()
        for name, s in here.items():
            for line in s.misses:
                print(f"{name}: {line}")


if __name__ == "__main__":
    main()
