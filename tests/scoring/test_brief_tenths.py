"""brief._tenths: round(x, 1), the same float (bit for bit), sooner."""

from __future__ import annotations

import math
import random
import struct

import pytest

from jobmatch.scoring.brief import _tenths


def _bits(x: float) -> bytes:
    return struct.pack("<d", x)


def _values() -> list[float]:
    rng = random.Random(15)
    xs = [rng.random() * 40 for _ in range(20_000)] + [rng.uniform(-5, 5) for _ in range(2_000)]
    # halves and tenths, and the floats beside each half: where a rounding could slip
    halves = [k / 20 for k in range(-200, 4_000)]
    xs += halves + [math.nextafter(h, math.inf) for h in halves]
    xs += [math.nextafter(h, -math.inf) for h in halves]
    return xs


def test_the_float_of_round() -> None:
    xs = _values()
    assert [_bits(_tenths(x)) for x in xs] == [_bits(round(x, 1)) for x in xs]


@pytest.mark.parametrize(
    "x",
    [0.0, -0.0, 5e-324, 0.05, 0.15, 0.25, 2.675, 1e8 + 0.05, 1e9, 1e20, math.inf, -math.inf],
)
def test_the_edges(x: float) -> None:
    assert _bits(_tenths(x)) == _bits(round(x, 1))


def test_nan() -> None:
    assert math.isnan(_tenths(math.nan))
