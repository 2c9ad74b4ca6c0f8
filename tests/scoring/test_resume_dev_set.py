"""Evaluation: resume facts against the hand labels of the development set (issue 13 targets).

The labels (``resume_facts_labels.toml``) were written by reading each document; the
counting is the benchmark's (``benchmarks/bench_resume_facts.py``), which also prints the
figures of the session-start code side by side.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from bench_resume_facts import Tally, after, is_bad_title, load_labels, resolve  # noqa: E402

pytestmark = pytest.mark.evaluation


@pytest.fixture(scope="module")
def tally(shared_data: Path) -> tuple[Tally, list[str]]:
    as_of, labels = load_labels()
    t, mistakes = Tally(), []
    for label in labels:
        mistakes += [
            f"{label.path}: {m}"
            for m in t.add(label, after(resolve(label.path, shared_data), as_of))
        ]
    return t, mistakes


def test_the_labels_cover_the_development_set() -> None:
    as_of, labels = load_labels()
    assert as_of == date(2026, 11, 1) and len(labels) == 62
    assert sum(x.path.startswith("resumes/livecareer/") for x in labels) == 10
    assert sum(x.path.startswith("resumes/livecareer_more/") for x in labels) == 37
    assert sum(x.path.startswith("samples/") for x in labels) == 3


def test_targets(tally: tuple[Tally, list[str]]) -> None:
    t, mistakes = tally
    assert t.n == 62
    assert t.degree / t.n >= 0.95, mistakes
    assert t.field / t.n >= 0.85, mistakes
    assert t.years / t.n >= 0.92 and t.max_error <= 3.0, mistakes
    assert t.title / t.n >= 0.80, mistakes
    assert t.bad == 0, mistakes


def test_no_mistake_today(tally: tuple[Tally, list[str]]) -> None:
    """The figures at the last commit: every labelled fact right but one (the targets allow
    less). AUTOMOBILE_22452756 writes its "PUC 2Nd year" (Karnataka's 12th grade) after a
    course's school, where no degree is read."""
    t, mistakes = tally
    automobile = "resumes/livecareer_more/AUTOMOBILE_22452756.pdf"
    assert mistakes == [f"{automobile}: degree certificate (label high_school)"]
    assert (t.degree, t.field, t.years, t.interns, t.title) == (61, 62, 62, 62, 62)


@pytest.mark.parametrize(
    ("title", "bad"),
    [
        ("Princeton, NJ", True),
        ("4 months", True),
        ("John Doe – 1/2", True),
        ("Seoul, S.Korea", True),
        ("February 10, 2026", True),
        ("Byungjin Park · Résumé", True),
        ("", True),
        ("Company Name ï¼ City , State", True),
        ("Junior Data Analyst", False),
        ("Software Engineer, Parcelwise", False),
        ("Senior Research Engineer", False),
    ],
)
def test_what_the_benchmark_calls_a_bad_title(title: str, bad: bool) -> None:
    assert is_bad_title(title) is bad
