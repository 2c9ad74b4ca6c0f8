"""resume_reader._layout: a dangling date range is joined after a hyphen, an en or an em dash."""

from __future__ import annotations

import pytest

from jobmatch.scoring.resume_reader import _DANGLING, _layout

CASES = [
    "Engineer\nJan 2019 -\nPresent\nAcme",
    "Engineer\nJan 2019 \u2013\nPresent\nAcme",
    "Engineer\nJan 2019 \u2014 \t\nMarch 2021\nAcme",
    "Engineer\n2018 \u2013\n2020, and 2019 \u2014\nnow",
    # a dash then a line break, no year before it: nothing to join
    "Skills \u2013\nPython",
    "no dash at all\n2019\nPresent",
]


@pytest.mark.parametrize("text", CASES)
def test_layout_joins_what_the_full_pattern_joins(text: str) -> None:
    lines, _, _ = _layout(text, [])
    assert "\n".join(lines) == _DANGLING.sub(r"\1 ", text)


def test_en_and_em_dashes_are_joined() -> None:
    lines, _, _ = _layout(CASES[3], [])
    assert lines == ["Engineer", "2018 \u2013 2020, and 2019 \u2014 now"]
