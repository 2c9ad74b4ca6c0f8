"""Readers stay linear on hostile lines: no pattern backtracks over a long line.

The resume and posting readers run on every line of untrusted text. A pattern that scans
forward from every start position is quadratic on a long line with no match: 4,000
characters of "B.S." took 11 s in the education reader's institution pattern. The
replacement is checked against that pattern on random lines, and run on lines long enough
that the former pattern would not return for hours (no time is measured or asserted).
"""

from __future__ import annotations

import random
import re

import pytest

from jobmatch.scoring.education import institution_span
from jobmatch.scoring.education_names import INSTITUTION_WORD

#: the pattern institution_span replaces (quadratic search), kept here as the reference:
#: the institution words (``\b(?:university|college|...)\b``) with what surrounds them
_REFERENCE = re.compile(
    r"[^,;|ï¼\ufffd\d:]*" + INSTITUTION_WORD.pattern + r"[^,;|ï¼\ufffd\d]*", re.IGNORECASE
)

_PIECES = [
    "University", "college", "SCHOOL", "Institute", "Hochschule", "école", "of", "Arts",
    " ", " ", "  ", ",", ";", "|", ":", "1", "٣", "ï", "Ï", "¼", "\ufffd", "-", "MIT", "x",
    "universities", "preschool", "B.S.", "\n", "\t", "é", "IIT", "iit", "ETH", "Stanford",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(20))
def test_institution_span_finds_what_the_reference_pattern_finds(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(500):
        line = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 14)))
        ref = _REFERENCE.search(line)
        assert institution_span(line) == (ref.group(0) if ref else None), repr(line)


@pytest.mark.parametrize("unit", ["B.S.", "PhD ", "a", "Arts and Science "])
def test_institution_span_on_a_long_line_without_an_institution(unit: str) -> None:
    line = unit * 50_000  # 50-850 k characters: the former pattern would take hours
    assert institution_span(line) is None
    assert institution_span(line + " at Stanford University") == line + " at Stanford University"
