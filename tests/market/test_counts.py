"""The counts a market report is built from: score bins, the top quartile, quantiles."""

from __future__ import annotations

import pickle
import random
from collections import Counter

import pytest

from jobmatch.market import pairs as pairs_module
from jobmatch.market.counts import (
    PostingFacts,
    ScoreBin,
    histogram_quantile,
    score_bin,
    top_quartile_start,
)
from jobmatch.market.pairs import PairCounts
from jobmatch.market.salary import Salary


@pytest.mark.parametrize(
    ("score", "expected"), [(0.0, 0), (69.9, 69), (70.0, 70), (100.0, 100), (-1.0, 0), (101, 100)]
)
def test_score_bin(score: float, expected: int) -> None:
    assert score_bin(score) == expected


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ([], None),
        ([0, 0, 0], None),
        ([1, 1, 1, 1], 3),  # 4 postings: the best one
        ([1, 1, 1, 1, 1], 3),  # 5: two (a quarter rounded up)
        ([0, 4, 0, 0], 1),  # ties stay together
        ([3, 0, 0, 1, 0, 2], 5),
    ],
)
def test_top_quartile_start(counts: list[int], expected: int | None) -> None:
    assert top_quartile_start(counts) == expected


def test_histogram_quantiles_are_nearest_rank() -> None:
    hist = {10: 1, 20: 2, 30: 1}
    assert [histogram_quantile(hist, q) for q in (0.0, 0.25, 0.5, 0.75, 1.0)] == [
        10,
        10,
        20,
        20,
        30,
    ]
    with pytest.raises(ValueError):
        histogram_quantile({}, 0.5)


def test_a_bin_counts_skills_categories_pairs_pay_and_gaps() -> None:
    facts = PostingFacts(
        score=65.0,
        skills={"python": True, "sql": False, "docker": False},
        categories={"python": "lang", "sql": "lang", "docker": "ops"},
        gaps={"docker": 6.0, "sql": 2.0},
        salary=Salary(low=50, high=60, currency="USD", period="hour"),
    )
    b = ScoreBin()
    b.add(facts, match_score=70.0)
    assert b.postings == 1
    assert dict(b.required) == {"python": 1}
    assert dict(b.categories) == {"lang": 1, "ops": 1}
    assert dict(b.categories_required) == {"lang": 1}
    assert b.pay == {"USD": {114: 1}}  # (104,000 + 124,800) / 2 to the nearest 1,000
    assert dict(b.unlocks) == {"docker": 1}  # 65 + 6 crosses 70; 65 + 2 does not
    total = ScoreBin.total([b, b])
    assert (total.postings, total.skills["python"], total.gain["docker"]) == (2, 2, 12.0)
    assert total.pay == {"USD": {114: 2}}


def test_pair_counts_give_each_skills_top_partners_from_a_bin_up() -> None:
    pc = PairCounts()
    pc.add(60, ["python", "sql", "docker"])
    pc.add(80, ["python", "sql"])
    pc.add(80, ["sql", "python", "spark"])
    pc.add(90, ["r"])  # no pair
    assert len(pc) == 6  # (60: 3 pairs) (80: python-sql, python-spark, sql-spark)
    assert pc.partners(["python", "r"], from_bin=0, top=5) == {
        "python": [("sql", 3), ("docker", 1), ("spark", 1)]
    }
    assert pc.partners(["python"], from_bin=70, top=1) == {"python": [("sql", 2)]}
    assert pc.partners(["docker"], from_bin=61, top=5) == {}
    assert pc.partners(["python"], from_bin=None, top=5) == {}


def _naive(
    posts: list[tuple[int, list[str]]], skills: list[str], start: int, top: int
) -> dict[str, list[tuple[str, int]]]:
    together: Counter[tuple[str, str]] = Counter()
    for b, ss in posts:
        if b >= start:
            o = sorted(ss)
            together.update((x, y) for i, x in enumerate(o) for y in o[i + 1 :])
    by: dict[str, list[tuple[str, int]]] = {}
    for (x, y), n in together.items():
        by.setdefault(x, []).append((y, n))
        by.setdefault(y, []).append((x, n))
    return {s: sorted(v, key=lambda p: (-p[1], p[0]))[:top] for s, v in by.items() if s in skills}


def test_pair_counts_match_a_counter_through_flushes_pickles_and_merges(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pairs_module, "FLUSH", 40)  # many merges of the buffer
    rng = random.Random(7)
    names = [f"s{i:02d}" for i in range(30)]
    posts = [(rng.randrange(101), rng.sample(names, rng.randint(0, 6))) for _ in range(2000)]
    one, left, right = PairCounts(), PairCounts(), PairCounts()
    for i, (b, ss) in enumerate(posts):
        one.add(b, ss)
        (left if i % 3 else right).add(b, ss)  # skills indexed in different orders
    left.merge(pickle.loads(pickle.dumps(right)))
    for start in (0, 37, 100):
        want = _naive(posts, names[:12], start, 5)
        assert one.partners(names[:12], from_bin=start, top=5) == want
        assert left.partners(names[:12], from_bin=start, top=5) == want
    assert len(left) == len(one)
    assert left == one and left.as_dict() == one.as_dict()
    assert left != PairCounts()
