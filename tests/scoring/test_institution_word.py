"""education_names.institution_word: INSTITUTION_WORD's search, skipped on a line without
a school's word (the same match)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from jobmatch.scoring.education_names import (
    _SCHOOL_ACRONYMS,
    _SCHOOL_STEMS,
    INSTITUTION_WORD,
    institution_word,
)
from jobmatch.scoring.first_letter import alternatives

ODD = [
    "Bachelor of Science, Shepherd University 2012",
    "UNIVERSITY OF TORONTO",
    "Universidad de Chile",
    "Universidade de São Paulo",
    "Universität Wien",
    "ETH Zürich",
    "UC  Berkeley",
    "UCLA",
    "Hogeschool Utrecht",
    "Fachhochschule Köln",
    "École Polytechnique",
    "POLITÉCNICO DI MILANO",
    "Georgia Tech",
    # lower() changes the length (a dotted capital I), or keeps a letter the case-blind
    # search takes for an ASCII one (dotless i, long s): searched as they are
    "İstanbul Teknik Universitesi",
    "Unıversity of Ankara",
    "High ſchool",
    "\u212aAIST",
    # no school's word: a stem inside another word, an acronym in lower case
    "submit the Harvardish form",
    "mit",
    "",
]


def _same(line: str) -> None:
    for pos in (0, 4):
        a, b = INSTITUTION_WORD.search(line, pos), institution_word(line, pos)
        assert (a and (a.span(), a.group())) == (b and (b.span(), b.group())), line


@pytest.mark.parametrize("line", ODD)
def test_the_same_match_as_the_search(line: str) -> None:
    _same(line)


def test_every_alternative_holds_a_stem_or_an_acronym() -> None:
    # a word added to INSTITUTION_WORD must be added to the stems (or the acronyms) too
    inner = INSTITUTION_WORD.pattern
    assert inner.startswith(r"\b(?:") and inner.endswith(r")\b")
    for alt in alternatives(inner[len(r"\b(?:") : -len(r")\b")]):
        if alt.startswith("(?-i:"):
            for acronym in alternatives(alt[len("(?-i:") : -1]):
                written = re.split(r"[\\\[(]", acronym)[0]
                assert any(a in written for a in _SCHOOL_ACRONYMS), acronym
        else:
            word = re.split(r"[\\\[(]", alt)[0]
            assert any(stem in word for stem in _SCHOOL_STEMS), alt


def test_the_same_matches_on_the_shared_texts(shared_data: Path) -> None:
    lines = []
    for path in sorted((shared_data / "postings").rglob("*.jsonl")):
        for row in path.read_text(encoding="utf-8").splitlines():
            if row.strip():
                lines += str(json.loads(row).get("text") or "").split("\n")
    assert len(lines) > 10_000
    for line in lines:
        _same(line)
    assert sum(INSTITUTION_WORD.search(x) is not None for x in lines) > 100
