"""The degree-level reader's pre-test: it never hides a degree the full patterns find."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from jobmatch.scoring import posting_rules
from jobmatch.scoring.posting_rules import clauses, degree_levels

SPELLINGS = [
    ("PhD in Computer Science", ["phd"]),
    ("Ph.D. or equivalent", ["phd"]),
    ("DPhil preferred", ["phd"]),
    ("a doctoral degree", ["phd"]),
    ("M.Sc. in Statistics", ["master"]),
    ("MSc or MBA", ["master"]),
    ("M.Eng in EE", ["master"]),
    ("BS/MS in Physics", ["master", "bachelor"]),
    ("graduate degree in math", ["master"]),
    ("B.A. in Economics", ["bachelor"]),
    ("B.Tech or BEng", ["bachelor"]),
    ("a 4-year degree", ["bachelor"]),
    ("associate's degree", ["associate"]),
    ("High school diploma or G.E.D", ["high_school"]),
    ("degree in chemistry", ["bachelor"]),
    ("Strong Python and SQL", []),
]


def _full_levels(clause: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """degree_levels without the pre-test (a hint that matches every clause)."""
    with monkeypatch.context() as m:
        m.setattr(posting_rules, "DEGREE_HINT", re.compile(""))
        posting_rules._degree_levels.cache_clear()
        found = degree_levels(clause)
    posting_rules._degree_levels.cache_clear()
    return found


@pytest.mark.parametrize(("clause", "levels"), SPELLINGS)
def test_each_spelling_passes_the_pre_test(
    clause: str, levels: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert sorted(degree_levels(clause)) == sorted(levels)
    assert _full_levels(clause, monkeypatch) == degree_levels(clause)


def test_the_pre_test_changes_nothing_on_real_postings(
    shared_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    glassdoor = shared_data / "postings" / "glassdoor_ds_2020" / "glassdoor_public.jsonl"
    texts = [json.loads(line)["text"] for line in glassdoor.read_text("utf-8").splitlines()]
    found = [" ".join(t[a:b].split()) for t in texts for a, b in clauses(t)]
    dev = shared_data / "gold" / "skillspan" / "skillspan_dev.jsonl"
    found += [json.loads(line)["text"] for line in dev.read_text("utf-8").splitlines()]
    posting_rules._degree_levels.cache_clear()
    fast = [degree_levels(c) for c in found]
    with monkeypatch.context() as m:
        m.setattr(posting_rules, "DEGREE_HINT", re.compile(""))
        posting_rules._degree_levels.cache_clear()
        full = [degree_levels(c) for c in found]
    posting_rules._degree_levels.cache_clear()
    assert fast == full
    assert sum(map(bool, full)) > 100  # the sample does hold degrees
    assert sum(1 for c in found if not posting_rules.DEGREE_HINT.search(c)) > len(found) / 2
