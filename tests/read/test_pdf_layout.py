"""The reading order's sums: the same floats, bit for bit, as adding in a loop."""

from __future__ import annotations

import numpy as np
import pytest

from jobmatch.read.pdf_layout import _column_sums


@pytest.mark.parametrize("columns", [1, 2, 3, 9, 300])
@pytest.mark.parametrize("rows", [1, 2, 8, 9, 17, 45, 129, 1500])
def test_column_sums_add_each_column_in_row_order(rows: int, columns: int) -> None:
    rng = np.random.default_rng(rows * 1000 + columns)
    # magnitudes far apart and zeros: pairwise and running sums round differently here
    values = rng.random((rows, columns)) * 10.0 ** rng.integers(-3, 4, (rows, columns))
    values *= rng.random((rows, columns)) < 0.7
    expected = []
    for c in range(columns):
        total = 0.0
        for r in range(rows):
            total += float(values[r, c])
        expected.append(total)
    assert _column_sums(values).tobytes() == np.array(expected).tobytes()


def test_pairwise_sums_would_differ() -> None:
    """The test above can fail: NumPy's own sum of one long column rounds differently."""
    rng = np.random.default_rng(0)
    values = rng.random((1500, 1)) * 10.0 ** rng.integers(-3, 4, (1500, 1))
    running = 0.0
    for v in values[:, 0]:
        running += float(v)
    assert float(np.add.reduce(values[:, 0])) != running
    assert float(_column_sums(values)[0]) == running
