"""The resume-text case set of issue 12 (tests/extract/resume_cases.jsonl).

Each case is a short text of one class (title-like lines and lists after a colon, research
practice / leadership / mentoring, wrong senses with the right sense beside them, multi-word
skills broken across a line break) with the skill ids it must yield and those it must not.
benchmarks/bench_resume_cases.py prints the same figures next to a baseline.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from jobmatch.extract.extractor import SkillExtractor

CASES_FILE = Path(__file__).with_name("resume_cases.jsonl")
CLASSES = {"title_line", "research_practice", "wrong_sense", "line_break"}


def _cases() -> list[dict[str, object]]:
    with CASES_FILE.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


CASES = _cases()


def test_case_file_shape(extractor: SkillExtractor) -> None:
    assert len(CASES) >= 150
    assert Counter(str(c["class"]) for c in CASES) == {
        "title_line": 56,
        "research_practice": 75,
        "wrong_sense": 399,
        "line_break": 32,
    }
    known = set(extractor.lexicon.by_id)
    for case in CASES:
        assert set(case) == {"class", "text", "expected", "forbidden"}
        assert case["class"] in CLASSES and case["text"]
        ids = [*case["expected"], *case["forbidden"]]  # type: ignore[misc]
        assert set(ids) <= known, case
    texts = [c["text"] for c in CASES]
    assert len(set(texts)) == len(texts)


def test_figures_per_class(extractor: SkillExtractor) -> None:
    found: dict[str, list[int]] = {c: [0, 0, 0] for c in CLASSES}  # found, expected, false
    misses = []
    for case, mentions in zip(CASES, extractor.pipe(str(c["text"]) for c in CASES), strict=True):
        ids = {m.skill_id for m in mentions}
        expected, forbidden = set(case["expected"]), set(case["forbidden"])  # type: ignore[call-overload]
        row = found[str(case["class"])]
        row[0] += len(expected & ids)
        row[1] += len(expected)
        row[2] += len(forbidden & ids)
        if not expected <= ids or forbidden & ids:
            misses.append((case["text"], sorted(expected - ids), sorted(forbidden & ids)))
    assert found == {
        "title_line": [102, 102, 0],
        "research_practice": [88, 88, 0],
        "wrong_sense": [393, 393, 0],
        "line_break": [42, 42, 0],
    }
    assert misses == []


@pytest.mark.parametrize(
    "case",
    [c for c in CASES if c["forbidden"]],
    ids=lambda c: str(c["text"])[:40],
)
def test_no_forbidden_sense(extractor: SkillExtractor, case: dict[str, object]) -> None:
    ids = {m.skill_id for m in extractor.extract(str(case["text"]))}
    assert not ids & set(case["forbidden"])  # type: ignore[call-overload]
