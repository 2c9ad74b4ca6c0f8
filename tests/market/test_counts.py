"""The counts a market report is built from: score bins, the top quartile, quantiles."""

from __future__ import annotations

import pytest

from jobmatch.market.counts import (
    PostingFacts,
    ScoreBin,
    histogram_quantile,
    score_bin,
    top_quartile_start,
)
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
    assert sorted(b.pairs) == [("docker", "python"), ("docker", "sql"), ("python", "sql")]
    assert b.pay == {"USD": {114: 1}}  # (104,000 + 124,800) / 2 to the nearest 1,000
    assert dict(b.unlocks) == {"docker": 1}  # 65 + 6 crosses 70; 65 + 2 does not
    total = ScoreBin.total([b, b])
    assert (total.postings, total.skills["python"], total.gain["docker"]) == (2, 2, 12.0)
    assert total.pay == {"USD": {114: 2}}
