"""PDFium's characters into text lines with pdfminer's margins, in bulk.

PDFium gives the page's text in its own order (``\\r\\n`` where it saw a new line; spaces
where it saw a gap, but not at every gap pdfminer sees: many PDFs place each glyph on its
own, and there PDFium runs words together) and a box per character. The lines are built
glyph by glyph with pdfminer's rules (:meth:`_Page.glyph`), but most glyphs need no
decision: a glyph that overlaps the glyph before it vertically, ends to its right, and
sits within the line's reach, either touching it (below the overhang margin: no space),
clearly apart (above the word margin: a space) or after white space, just continues the
line. Those are found for the whole page at once with numpy (:func:`_continuing`), and
only the others (line starts, gaps between the two margins, glyphs off the baseline or
drawn backwards, white space before them) go through the Python loop: about one glyph in
eighteen on the shared resumes. The boxes themselves are fetched with one ctypes call per
glyph, the one cost per glyph left (PDFium has no call returning many boxes).
"""

from __future__ import annotations

import ctypes
import functools
import itertools
import re
from itertools import repeat
from typing import Any

import numpy as np

__all__ = ["Line", "page_lines"]

#: pdfminer's LAParams defaults, which the pdfminer engine uses
_CHAR_MARGIN = 2.0
_WORD_MARGIN = 0.1
_OVERHANG_MARGIN = 0.02
#: glyphs whose box may be wider than their advance; others ("r" in a justified line)
#: have real small gaps that are no word break
_OVERHANGING = frozenset("f")
#: PDFium marks a hyphen it took for a word break at a line end with U+FFFE
_SOFT_BREAK = "\ufffe"
_BREAKS = "\r\n" + _SOFT_BREAK
#: the code points ``str.isspace`` (and the regular expression ``\\s``) takes for white space
_SPACES = np.array(
    [0x9, 0xA, 0xB, 0xC, 0xD, 0x1C, 0x1D, 0x1E, 0x1F, 0x20, 0x85, 0xA0, 0x1680]
    + list(range(0x2000, 0x200B))
    + [0x2028, 0x2029, 0x202F, 0x205F, 0x3000],
    dtype=np.uint32,
)
_SPACE_RUN = re.compile(r"\s+")
#: what a character is: a glyph with a box, white space, a line break, a glyph without one
_GLYPH, _SPACE, _BREAK, _BOXLESS = 0, 1, 2, 3
#: the kind of each code point of the Basic Multilingual Plane (the last, U+FFFF, a
#: non-character, stands for those above it: glyphs), looked up for a whole page at once
_KINDS = np.full(0x10000, _GLYPH, dtype=np.int8)
_KINDS[_SPACES] = _SPACE
_KINDS[[ord(ch) for ch in _BREAKS]] = _BREAK

Box = tuple[float, float, float, float]


class Line:
    """A line built from glyphs: its text and box."""

    __slots__ = ("chars", "x0", "y0", "x1", "y1")

    def __init__(self, chars: list[str], box: Box) -> None:
        self.chars = chars
        self.x0, self.y0, self.x1, self.y1 = box

    def text(self) -> str:
        """The line's text, without surrounding white space."""
        return "".join(self.chars).strip()


def page_lines(textpage: Any, raw: Any, *, bulk: bool = True) -> list[Line]:
    """The lines of a PDFium text page, in PDFium's order.

    Args:
        textpage: a ``pypdfium2.PdfTextPage``.
        raw: the ``pypdfium2.raw`` module.
        bulk: let the glyphs that need no decision skip the per-glyph loop (``False``
            sends every character through it: the reference the tests compare with).

    Returns:
        The non-empty lines with their boxes.
    """
    return _Page(textpage, raw).lines(bulk=bulk)


@functools.cache
def _box_reader(raw: Any) -> Any:
    """``FPDFText_GetLooseCharBox`` taking plain addresses (a fifth cheaper per call than
    pypdfium2's typed binding, which converts its pointer arguments each time), called
    without releasing the GIL: the function only reads the text page (no callback, no
    wait), and giving the GIL up and taking it back cost a quarter of each call."""
    address = ctypes.cast(raw.FPDFText_GetLooseCharBox, ctypes.c_void_p).value
    if not address:  # pragma: no cover - the library always exports it
        raise RuntimeError("PDFium has no FPDFText_GetLooseCharBox")
    proto = ctypes.PYFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p)
    return proto(address)


class _Page:
    """Reads a text page's glyphs into lines.

    A glyph continues the current line when it overlaps it vertically by half the smaller
    height and starts within two glyph widths of the last one (pdfminer's ``char_margin``).
    A space is inserted where the gap exceeds pdfminer's ``word_margin`` (0.1 of the glyph's
    size); after an "f" whose ink reaches its box's right edge (a Times "f",
    whose box is wider than its advance) any clear gap counts, because PDFium drops the
    space character there ("of what" would read "ofwhat").
    """

    def __init__(self, textpage: Any, raw: Any) -> None:
        self.raw = raw
        self.handle = textpage.raw
        count = textpage.count_chars()
        self.text = (textpage.get_text_range(0, count) if count else "")[:count]
        self.out: list[Line] = []
        self.chars: list[str] = []
        self.x0 = self.y0 = self.x1 = self.y1 = self.right = self.width = 0.0
        self.last = -1  # index of the line's last glyph
        self.kind, self.box = self._boxes(raw)
        self.kinds: list[int] = []
        self.lefts, self.bottoms, self.rights, self.tops = (col.tolist() for col in self.box)

    def _boxes(self, raw: Any) -> tuple[Any, Any]:
        """Each character's kind and loose box (left, bottom, right, top columns)."""
        n = len(self.text)
        codes = np.frombuffer(self.text.encode("utf-32-le"), dtype=np.uint32)
        kind = _KINDS[np.minimum(codes, 0xFFFF)]
        glyphs = np.flatnonzero(kind == _GLYPH)
        rects = np.zeros((n, 4), dtype=np.float32)  # FS_RECTF: left, top, right, bottom
        base, step = rects.ctypes.data, rects.strides[0]
        handle = ctypes.cast(self.handle, ctypes.c_void_p).value
        found = list(
            map(_box_reader(raw), repeat(handle), glyphs.tolist(), (base + glyphs * step).tolist())
        )
        box = rects.astype(np.float64)[:, [0, 3, 2, 1]].T  # left, bottom, right, top
        empty = ~((box[2] > box[0]) & (box[3] > box[1]))
        kind[glyphs[np.array(found, dtype=np.int64) == 0]] = _BOXLESS
        kind[(kind == _GLYPH) & empty] = _BOXLESS
        return kind, box

    def lines(self, *, bulk: bool) -> list[Line]:
        text = self.text
        if not text:
            return []
        if bulk:
            continuing, spaced = _continuing(self.kind, self.box)
            events = np.flatnonzero(~continuing)
        else:
            events, spaced = np.arange(len(text)), np.zeros(len(text), dtype=bool)
        # the box of each run of continuing characters (white space counts for nothing)
        x0s, y0s, y1s = _run_boxes(self.kind, self.box, events)
        # the glyphs a word gap separates from the one before, by run
        gaps = np.flatnonzero(spaced)
        ends = np.append(events[1:], len(text))
        firsts = np.searchsorted(gaps, events + 1).tolist()
        lasts = np.searchsorted(gaps, ends).tolist()
        gap_list = gaps.tolist()
        self.kinds = self.kind.tolist()
        for n, (k, end) in enumerate(zip(events.tolist(), ends.tolist(), strict=True)):
            self.event(k)
            if end == k + 1:
                continue
            # the glyphs (and spaces) up to the next event continue the line
            if self.x1 == self.rights[k]:
                cuts = [k + 1, *gap_list[firsts[n] : lasts[n]], end]
                run = " ".join(text[a:b] for a, b in itertools.pairwise(cuts))
                # white space other than single spaces is not printable: most runs need no sub
                self.chars.append(
                    run if run.isprintable() and "  " not in run else _SPACE_RUN.sub(" ", run)
                )
                last = end - 1
                self.x0, self.y0, self.y1 = (
                    min(self.x0, x0s[n]),
                    min(self.y0, y0s[n]),
                    max(self.y1, y1s[n]),
                )
                self.x1 = self.right = self.rights[last]
                self.width, self.last = self.right - self.lefts[last], last
            else:  # the line reaches further right than its last glyph: one at a time
                for i in range(k + 1, end):
                    self.event(i)
        self.flush()
        return [ln for ln in self.out if ln.text() and ln.x0 < ln.x1]

    def event(self, i: int) -> None:
        """Add character ``i`` by pdfminer's rules."""
        kind, ch = self.kinds[i], self.text[i]
        if kind == _GLYPH:
            self.glyph(i, ch)
        elif kind == _SPACE:
            if self.chars and self.chars[-1] != " ":
                self.chars.append(" ")
        elif kind == _BREAK:
            if ch == _SOFT_BREAK and self.chars:
                self.chars.append("-")
            self.flush()
        elif self.chars:  # a glyph without a box only follows the line
            self.chars.append(ch)

    def flush(self) -> None:
        if self.chars:
            self.out.append(Line(self.chars, (self.x0, self.y0, self.x1, self.y1)))
        self.chars = []

    def glyph(self, index: int, ch: str) -> None:
        """Add one glyph with a box."""
        box = left, bottom, right, top = (
            self.lefts[index],
            self.bottoms[index],
            self.rights[index],
            self.tops[index],
        )
        if self.chars and _breaks(box, (self.x0, self.y0, self.x1, self.y1), self.width):
            self.flush()
        if self.chars:
            gap = left - self.right
            if self.chars[-1] != " " and self.word_gap(gap, right - left, top - bottom):
                self.chars.append(" ")
            self.x0, self.y0 = min(self.x0, left), min(self.y0, bottom)
            self.x1, self.y1 = max(self.x1, right), max(self.y1, top)
        else:
            self.x0, self.y0, self.x1, self.y1 = box
        self.chars.append(ch)
        self.right, self.width, self.last = right, right - left, index

    def word_gap(self, gap: float, width: float, height: float) -> bool:
        """A gap of ``gap`` before a glyph of this size, after the line's last glyph, is a
        space."""
        size = max(width, height)
        if gap <= _OVERHANG_MARGIN * size:
            return False
        if gap > _WORD_MARGIN * size:
            return True
        return self.text[self.last] in _OVERHANGING and self.overhangs(self.last)

    def overhangs(self, index: int) -> bool:
        """The glyph at ``index`` has ink up to its box's right edge."""
        ink = [ctypes.c_double() for _ in range(4)]
        return (
            bool(self.raw.FPDFText_GetCharBox(self.handle, index, *ink))
            and ink[1].value >= self.rights[index] - 0.01
        )


def _run_boxes(kind: Any, box: Any, events: Any) -> tuple[list[float], list[float], list[float]]:
    """The left, bottom and top edges of the glyphs between each event and the next."""
    n = len(kind)
    bounds = np.empty(2 * len(events), dtype=np.int64)
    bounds[0::2] = events + 1
    bounds[1::2] = np.append(events[1:], n)
    glyph = np.append(kind == _GLYPH, False)  # padded: a bound may be n
    left, bottom, _, top = (np.append(col, 0.0) for col in box)
    return (
        np.minimum.reduceat(np.where(glyph, left, np.inf), bounds)[0::2].tolist(),
        np.minimum.reduceat(np.where(glyph, bottom, np.inf), bounds)[0::2].tolist(),
        np.maximum.reduceat(np.where(glyph, top, -np.inf), bounds)[0::2].tolist(),
    )


def _continuing(kind: Any, box: Any) -> tuple[Any, Any]:
    """Which characters just continue the line before them (no decision to make), and
    which of those glyphs a word gap separates from the glyph before.

    A glyph continues when the glyph before it on the line (past white space only), which
    is the line's rightmost so far, overlaps it vertically by half its height (so it
    overlaps the line too), ends no further right, and the gap between them is within the
    line's reach (two glyph widths) and, with no white space between, either below the
    overhang margin (no word break) or above the word margin (a word break, whatever the
    glyph before). White space continues when the glyph after it does. Each test is the
    one :func:`_breaks` and :meth:`_Page.word_gap` make, on the same floats.
    """
    n = len(kind)
    left, bottom, right, top = box
    index = np.arange(n)
    solid = kind != _SPACE
    # the last non-space character before each one (-1: none)
    prev = np.empty(n, dtype=np.int64)
    prev[0] = -1
    prev[1:] = np.maximum.accumulate(np.where(solid, index, -1))[:-1]
    glyph = kind == _GLYPH
    p = np.maximum(prev, 0)
    width, height = right - left, top - bottom
    gap = left - right[p]
    reach = _CHAR_MARGIN * np.maximum(np.maximum(width[p], width), 1.0)
    overlap = np.minimum(top, top[p]) - np.maximum(bottom, bottom[p])
    after_space = prev < index - 1
    size = np.maximum(width, height)
    word_gap = ~after_space & (gap > _WORD_MARGIN * size)
    ok = (
        glyph
        & (prev >= 0)
        & glyph[p]
        & (overlap >= 0.5 * height)
        & (right >= right[p])
        & (-reach < gap)
        & (gap < reach)
        & (after_space | (gap <= _OVERHANG_MARGIN * size) | word_gap)
    )
    # white space continues when the next non-space character does
    after = np.minimum.accumulate(np.where(solid, index, n)[::-1])[::-1]
    return ok | (~solid & np.append(ok, False)[after]), ok & word_gap


def _breaks(box: Box, line: Box, width: float) -> bool:
    """A glyph at ``box`` starts a new line after ``line`` (whose last glyph is ``width``
    wide): it overlaps the line vertically by less than half the smaller height, or starts
    more than two glyph widths away from the line's end."""
    left, bottom, right, top = box
    x0, y0, x1, y1 = line
    overlap = min(y1, top) - max(y0, bottom)
    if overlap < 0.5 * min(y1 - y0, top - bottom):
        return True
    reach = _CHAR_MARGIN * max(width, right - left, 1.0)
    return not -reach < left - x1 < reach
