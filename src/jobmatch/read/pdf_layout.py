"""Reading order of a PDF page, from the lines an engine found and where they sit.

Both PDF engines hand over the page's text lines with their boxes (PDF points, origin at
the bottom left) and the id of the text block each belongs to; :func:`lines_text` orders
them and joins them into the page's text. Keeping this out of the engines is what makes
them agree on column order and paragraphs (and so on sections).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["TextLine", "lines_text"]

_MAX_COLUMN_LINES = 1500


@dataclass(slots=True)
class TextLine:
    """One line of text on a page (not frozen: a frozen dataclass's ``__init__`` costs five
    times as much, and a page has dozens of lines; the pdfium engine builds its lines before
    it groups them, and sets ``box`` then).

    Attributes:
        x0: left edge, in PDF points.
        y0: bottom edge.
        x1: right edge.
        y1: top edge.
        text: the line's text (no line break).
        box: id of the text block the line belongs to (lines of one block are one
            paragraph).
    """

    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    box: int

    @property
    def height(self) -> float:
        """The line's height (at least 1 point)."""
        return max(self.y1 - self.y0, 1.0)


def lines_text(lines: list[TextLine]) -> str:
    """The text of one page's lines in reading order.

    The engine's order is kept on one-column pages; when a vertical gutter splits the
    page's lines (only a few lines, such as the header, cross it), each band between
    crossing lines is read left column first, then right column. Lines of one paragraph
    are joined with a line break, paragraphs with a blank line (a hyphen at a line end is
    left to :func:`jobmatch.read.hyphens.dehyphenate`).

    Args:
        lines: the page's lines in the engine's order.

    Returns:
        The page's text.
    """
    ordered = _column_order(lines) or lines
    out: list[str] = []
    prev: TextLine | None = None
    for line in ordered:
        if prev is not None:
            out.append("\n" if _same_paragraph(prev, line) else "\n\n")
        out.append(line.text)
        prev = line
    return "".join(out)


def _same_paragraph(prev: TextLine, line: TextLine) -> bool:
    """``line`` continues ``prev``'s paragraph: it sits just below it, in the same column.

    Decided from geometry rather than the engine's text blocks, which sometimes split one
    bullet into two blocks (and so would put a paragraph break inside "conflict resolution").
    """
    if line.box == prev.box:
        return True
    gap = prev.y0 - line.y1
    overlap = min(prev.x1, line.x1) - max(prev.x0, line.x0)
    return -0.5 * line.height < gap < 0.8 * max(line.height, prev.height) and overlap > 0


def _find_gutter(lines: list[TextLine], heights: list[float], total: float) -> float | None:
    left_edge = min(ln.x0 for ln in lines)
    right_edge = max(ln.x1 for ln in lines)
    width = right_edge - left_edge
    if not (math.isfinite(width) and math.isfinite(total)) or width <= 0:
        return None
    # candidate gutters every ~2 pt across the middle 70 %, but never more than 300 of them
    # (a corrupt PDF may put a line at x = 1e12); for each, the height of the lines
    # crossing it, all at once (a row per line, a column per candidate)
    steps = min(300, int(0.7 * width / 2.0) + 1)
    xs = left_edge + 0.15 * width + np.arange(steps) * 0.7 * width / steps
    x0s = np.array([ln.x0 for ln in lines])
    x1s = np.array([ln.x1 for ln in lines])
    crosses = (x0s[:, None] < xs - 1) & (x1s[:, None] > xs + 1)
    # heights are finite and >= 1 here: times False is 0.0, as adding nothing
    crossing = _column_sums(crosses * np.array(heights)[:, None])
    k = int(np.argmin(crossing))  # the first of the lowest, as a scan keeping the best
    best = (float(crossing[k]), float(xs[k]))
    if best[0] > 0.2 * total:
        return None
    return best[1]


def _column_sums(rows: Any) -> Any:
    """The sums of a 2-D float array's columns, each added top to bottom in order (as a
    loop would: the same float, bit for bit).

    NumPy adds a C-ordered array's rows one after another, a column per lane (half the
    time of a running sum along each row); a single column it would add pairwise, a
    different rounding, so that one is a running sum.
    """
    if rows.shape[1] > 1:
        return np.add.reduce(rows, axis=0)
    return np.cumsum(rows, axis=0)[-1]


def _top_down(group: list[TextLine]) -> list[TextLine]:
    return sorted(group, key=lambda ln: (-ln.y1, ln.x0))


def _column_order(lines: list[TextLine]) -> list[TextLine] | None:
    if not 8 <= len(lines) <= _MAX_COLUMN_LINES:
        return None
    heights = [max(ln.y1 - ln.y0, 1.0) for ln in lines]  # each line's height
    total = sum(heights)
    gutter = _find_gutter(lines, heights, total)
    if gutter is None:
        return None
    left = [ln for ln in lines if ln.x1 <= gutter + 1]
    right = [ln for ln in lines if ln.x0 >= gutter - 1 and ln.x1 > gutter + 1]
    if min(len(left), len(right)) < 3:
        return None
    if min(sum(ln.height for ln in left), sum(ln.height for ln in right)) < 0.15 * total:
        return None
    cross = [ln for ln in lines if ln.x0 < gutter - 1 and ln.x1 > gutter + 1]
    ordered: list[TextLine] = []
    upper = float("inf")
    for c in [*_top_down(cross), None]:
        lower = (c.y0 + c.y1) / 2 if c is not None else float("-inf")

        def inside(ln: TextLine, hi: float = upper, lo: float = lower) -> bool:
            return lo < (ln.y0 + ln.y1) / 2 <= hi

        ordered += _top_down([ln for ln in left if inside(ln)])
        ordered += _top_down([ln for ln in right if inside(ln)])
        if c is not None:
            ordered.append(c)
            upper = lower
    return ordered
