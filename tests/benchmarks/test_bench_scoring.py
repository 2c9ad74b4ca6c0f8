"""The counting behind benchmarks/bench_extract.py: strict, token-level and overlap hits.

The figures in the README and the closing notes come from this code, so it is tested like
library code (the benchmark itself needs ../shared/data and is not run here).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from bench_extract import Score, Tokens  # noqa: E402

TEXT = "Experience with jest/enzyme and AngularJS) or Terraform )"


def _span(sub: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(sub)
    return start, start + len(sub)


def test_tokens_snap_widens_to_the_tokens_touched() -> None:
    toks = Tokens(TEXT)
    assert toks.snap(_span("jest")) == _span("jest/enzyme")
    assert toks.snap(_span("enzyme")) == _span("jest/enzyme")
    assert toks.snap(_span("AngularJS")) == _span("AngularJS)")
    # a prediction already on token edges is unchanged, even over several tokens
    assert toks.snap(_span("Experience with")) == _span("Experience with")
    # a separate ")" token is not pulled in: only the tokens a prediction touches
    assert toks.snap(_span("Terraform")) == _span("Terraform")


def test_score_counts_token_hits_once_per_token_span() -> None:
    toks = Tokens(TEXT)
    gold = [_span("jest/enzyme"), _span("AngularJS)"), _span("Terraform )")]
    pred = [_span("jest"), _span("enzyme"), _span("AngularJS"), _span("Terraform")]
    sc = Score()
    sc.add(pred, gold, toks)
    # characters: no prediction equals a gold span
    assert sc.prf("strict") == (0.0, 0.0, 0.0)
    # tokens: jest + enzyme become one prediction on "jest/enzyme"; "AngularJS)" hits;
    # "Terraform" stays short of the gold "Terraform )"
    assert sc.token_pred == 3
    assert sc.token_tp == 2
    p, r, _ = sc.prf("tokens")
    assert p == pytest.approx(2 / 3)
    assert r == pytest.approx(2 / 3)
    # overlap: every prediction and every gold span overlaps something
    assert sc.prf("overlap")[:2] == (1.0, 1.0)


def test_score_without_tokens_counts_token_hits_as_strict() -> None:
    sc = Score()
    sc.add([(0, 4), (5, 9)], [(0, 4)])
    assert sc.prf("tokens") == sc.prf("strict")
    with pytest.raises(ValueError):
        sc.prf("loose")
