"""A union regrouped by first letter finds what the plain union finds, match for match."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jobmatch.scoring.first_letter import alternatives, by_first_letter
from jobmatch.scoring.resume_facts import _LEVEL_PATTERNS

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
_PLAIN = "|".join(f"(?:{p})" for _, p in _LEVEL_PATTERNS)
_FACTORED = by_first_letter(p for _, p in _LEVEL_PATTERNS)
#: (plain, regrouped) of the union and of each level's pattern, as resume_facts uses them
_PAIRS = [(_PLAIN, _FACTORED), *((p, by_first_letter([p])) for _, p in _LEVEL_PATTERNS)]

# pieces of degree forms, their look-alikes and what stands before them (lookbehinds,
# word boundaries, letters IGNORECASE folds)
_PIECES = [
    "Ph.D", "ph d", "PhD", "D.Phil", "doctorate", "juris ", "Juris Doctor", "doctoral degree",
    "Ed.D.", "EdD", "J.D.", "M.D.", " Anderson", "D.O.", "(", ":", ",", " in ", " degree",
    "Pharm.D", "PsyD", "D.D.S.", "Doctor of ", "Medicine", "Philosophy", "JD", "MD", "DDS",
    "M.Sc", "MSc", "M.Eng", "MBA", "M.B.A.", "M.S.", "MS", "/", " or ", "M.A.", "Master's",
    "masters", " science", "Master\u2019s", "MA", "MFA", "M.F.A", "MSW", "M.Ed", "B.Sc",
    "BSc", "B.Eng", "B.Tech", "B.S.", "BS", "B.A.", "m.", "BA", "Bachelor", "bachelors",
    "undergraduate degree", "B.E", "BSN", "BBA", "B.Com", "LL.B", "LLB", "certified ",
    "Associate's", " of ", "A.A.S.", "associate of applied", "ASN", "ADN", "A.S.", "high school",
    "G.E.D.", "GED", "secondary school", "x", "_", "9", "\u00e9", " ", "\n", ".", "\u017f",
    "\u212a", "\u0130",
]  # fmt: skip


def _spans(rx: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in rx.finditer(text)]


@pytest.mark.parametrize("flags", [re.IGNORECASE, 0])
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_degree_patterns_by_first_letter_match_the_plain_ones(
    flags: int, pieces: list[str]
) -> None:
    text = "".join(pieces)
    for plain_pattern, factored_pattern in _PAIRS:
        plain, factored = re.compile(plain_pattern, flags), re.compile(factored_pattern, flags)
        for variant in (text, text.lower(), text.upper()):
            assert _spans(factored, variant) == _spans(plain, variant), (plain_pattern, variant)


def test_degree_union_by_first_letter_on_the_sample_postings() -> None:
    lines = (SAMPLES / "postings.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(x)["text"] for x in lines if x.strip()]
    plain, factored = re.compile(_PLAIN, re.IGNORECASE), re.compile(_FACTORED, re.IGNORECASE)
    found = 0
    for text in texts:
        assert _spans(factored, text) == _spans(plain, text)
        found += len(_spans(plain, text))
    assert found > 0  # the samples name degrees: the comparison compared something


def test_degree_union_by_first_letter_on_the_shared_postings(shared_data: Path) -> None:
    plain, factored = re.compile(_PLAIN), re.compile(_FACTORED)
    found = 0
    for f in sorted((shared_data / "postings").rglob("*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            low = (json.loads(line).get("text") or "").lower() if line.strip() else ""
            spans = _spans(plain, low)
            assert _spans(factored, low) == spans, f
            found += len(spans)
    assert found > 100


def test_each_first_letter_starts_one_branch_in_the_order_of_its_forms() -> None:
    pattern = by_first_letter([r"\bab\b|(?<!juris )\bdoc", r"\b(?:xy|ac)\b(?=:)"])
    assert alternatives(pattern) == [
        r"a(?<!\wa)(?:(?:b\b)|(?:c\b(?=:)))",
        r"d(?<!\wd)(?:(?<!juris d)(?:oc))",
        r"x(?<!\wx)(?:(?:y\b(?=:)))",
    ]
    rx = re.compile(pattern)
    assert [m.group() for m in rx.finditer("ab, doc, juris doc, xdoc, 1ab, ac:, ac, xy:")] == [
        "ab",
        "doc",
        "ac",
        "xy",
    ]


@pytest.mark.parametrize(
    "pattern",
    [
        r"phd",  # no word boundary
        r"\b[pq]hd",  # a class, not a letter
        r"\bPhD",  # upper case
        r"\b(?:ph|d)+\b",  # a repeated group
        r"\bp?hd",  # an optional first letter
        r"(?<=(a))\bphd",  # a group inside a lookbehind
        r"\bphd|\b(ms",  # unbalanced
    ],
)
def test_forms_it_cannot_regroup_are_refused(pattern: str) -> None:
    with pytest.raises(ValueError):
        by_first_letter([pattern])


def test_a_leading_group_ends_at_its_own_parenthesis_not_one_in_a_class() -> None:
    plain = r"\b(?:a[)]b|cd)\b"
    assert alternatives(by_first_letter([plain])) == [
        r"a(?<!\wa)(?:(?:[)]b\b))",
        r"c(?<!\wc)(?:(?:d\b))",
    ]
    rx = re.compile(by_first_letter([plain]))
    for text in ("a)b x", "a)bx", "cd", "xcd", "a)b cd."):
        assert _spans(rx, text) == _spans(re.compile(plain), text), text
    assert _spans(rx, "a)b cd.") == [(0, 3), (4, 6)]
