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

import collections
import ctypes
import functools
import itertools
import operator
import re
import threading
from itertools import repeat
from typing import Any

import numpy as np

from .pdf_layout import TextLine

__all__ = ["page_lines"]

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
#: what each line break leaves at the end of its line: a hyphen for PDFium's soft break
_LINE_END = {"\r": [], "\n": [], _SOFT_BREAK: ["-"]}
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


def page_lines(textpage: Any, raw: Any, *, bulk: bool = True) -> list[TextLine]:
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
    proto = ctypes.PYFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p)
    return proto(_box_address(raw))


@functools.cache
def _untyped_box_reader(raw: Any) -> Any:
    """The same function without argument types, called with ready-made references (the
    text page's and each box's address as ``ctypes.byref`` objects, which ctypes passes as
    pointers without converting or allocating anything) and the character's index (a
    Python int, passed as a C ``int``), and its result (a flag) not read, since a call that
    fails writes nothing and the zeroed box says so: 0.13 against 0.32 µs a call (0.19
    with ``c_void_p`` objects, each of which ctypes turns into a new argument object per
    call, and the result converted). Every argument must be of those types: nothing
    checks them."""
    return ctypes.PYFUNCTYPE(None)(_box_address(raw))


def _box_address(raw: Any) -> int:
    address = ctypes.cast(raw.FPDFText_GetLooseCharBox, ctypes.c_void_p).value
    if not address:  # pragma: no cover - the library always exports it
        raise RuntimeError("PDFium has no FPDFText_GetLooseCharBox")
    return int(address)


#: the fewest boxes a thread's buffer holds (a resume page has about 3,000 characters)
_MIN_BOXES = 4096


class _BoxBuffer(threading.local):
    """One thread's buffer of ``FS_RECTF`` boxes (left, top, right, bottom floats) and a
    reference to each box (``ctypes.byref``), grown as pages need: the references are made
    once, not per glyph and page."""

    def __init__(self) -> None:
        self.size = 0
        self.array: Any = np.zeros((0, 4), dtype=np.float32)
        self.refs: list[Any] = []

    def rects(self, n: int) -> tuple[Any, list[Any]]:
        """The first ``n`` boxes, zeroed, and the references to all boxes."""
        if n > self.size:
            size = max(n, 2 * self.size, _MIN_BOXES)
            # the references point into this array, which self.array keeps alive
            self.array = np.zeros((size, 4), dtype=np.float32)
            step = self.array.strides[0]
            memory = (ctypes.c_char * (size * step)).from_address(self.array.ctypes.data)
            self.refs = [ctypes.byref(memory, i * step) for i in range(size)]
            self.size = size
        rects = self.array[:n]
        rects[:] = 0
        return rects, self.refs


_buffer = _BoxBuffer()


def _read_boxes(raw: Any, handle: int, glyphs: list[int], n: int, *, typed: bool = False) -> Any:
    """The loose boxes of the characters at ``glyphs`` (of ``n``), one call each, as a
    float32 array of ``n`` rows (left, top, right, bottom; zeros for the others and where a
    call fails: a call that fails writes nothing). The array is the thread's buffer, valid
    until the next call: copy it to keep it. ``typed=True`` calls the typed binding into a
    fresh array (the reference the tests compare with)."""
    if typed:
        rects = np.zeros((n, 4), dtype=np.float32)
        base, step = rects.ctypes.data, rects.strides[0]
        collections.deque(
            map(_box_reader(raw), repeat(handle), glyphs, [base + g * step for g in glyphs]),
            maxlen=0,
        )
        return rects
    rects, refs = _buffer.rects(n)
    # one C call picks the boxes' references (itemgetter of one index returns no tuple)
    boxes = operator.itemgetter(*glyphs)(refs) if len(glyphs) > 1 else [refs[g] for g in glyphs]
    # a reference to the byte at the text page's address passes that address as is
    page = ctypes.byref(ctypes.c_char.from_address(handle))
    collections.deque(map(_untyped_box_reader(raw), repeat(page), glyphs, boxes), maxlen=0)
    return rects


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
        self.kind, self.box = self._boxes(raw)

    def _boxes(self, raw: Any) -> tuple[Any, Any]:
        """Each character's kind and loose box (left, bottom, right, top columns)."""
        n = len(self.text)
        codes = np.frombuffer(self.text.encode("utf-32-le"), dtype=np.uint32)
        kind = _KINDS[np.minimum(codes, 0xFFFF)]
        glyphs = np.flatnonzero(kind == _GLYPH)
        handle = ctypes.cast(self.handle, ctypes.c_void_p).value or 0
        rects = _read_boxes(raw, handle, glyphs.tolist(), n)
        # left, bottom, right, top: a row each, contiguous (what every later step reads)
        box = rects.T[[0, 3, 2, 1]].astype(np.float64)
        empty = ~((box[2] > box[0]) & (box[3] > box[1]))
        kind[(kind == _GLYPH) & empty] = _BOXLESS
        return kind, box

    def lines(self, *, bulk: bool) -> list[TextLine]:
        """The page's lines: each character that needs a decision (every one without
        ``bulk``) goes through pdfminer's rules, then the run of characters after it that
        just continue the line (:func:`_continuing`) is added at once."""
        text, kind, box = self.text, self.kind, self.box
        events, ends, runs, firsts, lasts, gap_list, kinds, boxes = _events(kind, box, bulk=bulk)
        x0s, y0s, y1s, run_lefts, run_rights = runs
        lefts, bottoms, rights, tops = boxes
        out: list[TextLine] = []
        chars: list[str] = []
        x0 = y0 = x1 = y1 = right = width = 0.0
        last = -1  # index of the line's last glyph
        # each event with its run's end, its kind and its box
        each = zip(events, ends, kinds, lefts, bottoms, rights, tops, strict=True)
        for e, (k, end, what, left, bottom, right_i, top) in enumerate(each):
            i, stop = k, k + 1  # the characters to take one at a time
            while i < stop:
                if i > k:  # the line reaches further right than its last glyph (rare)
                    what = int(kind[i])
                    left, bottom, right_i, top = box[:, i].tolist()
                # pdfminer's rules for character i (min and max spelled out: a builtin's
                # call costs more than the test; ``b if b < a else a`` is ``min(a, b)``,
                # NaN alike)
                if what == _GLYPH:
                    # a new line when the glyph overlaps the line vertically by less than
                    # half the smaller height, or starts more than two glyph widths (at
                    # least a point) away from the line's end
                    high, low = top if top < y1 else y1, bottom if bottom > y0 else y0
                    line_height, glyph_height = y1 - y0, top - bottom
                    glyph_width = right_i - left
                    reach = glyph_width if glyph_width > width else width
                    reach = _CHAR_MARGIN * (1.0 if 1.0 > reach else reach)
                    if chars and (
                        high - low
                        < 0.5 * (glyph_height if glyph_height < line_height else line_height)
                        or not -reach < left - x1 < reach
                    ):
                        out.append(TextLine(x0, y0, x1, y1, _joined(chars), 0))
                        chars = []
                    if chars:
                        # a space where the gap is a word break: above the word margin, or
                        # above the overhang margin after an "f" whose ink reaches its
                        # box's edge
                        gap = left - right
                        size = glyph_height if glyph_height > glyph_width else glyph_width
                        if (
                            chars[-1] != " "
                            and not gap <= _OVERHANG_MARGIN * size
                            and (
                                gap > _WORD_MARGIN * size
                                or (text[last] in _OVERHANGING and self.overhangs(last))
                            )
                        ):
                            chars.append(" ")
                        x0, y0 = left if left < x0 else x0, bottom if bottom < y0 else y0
                        x1, y1 = right_i if right_i > x1 else x1, top if top > y1 else y1
                    else:
                        x0, y0, x1, y1 = left, bottom, right_i, top
                    chars.append(text[i])
                    right, width, last = right_i, right_i - left, i
                elif what == _SPACE:
                    if chars and chars[-1] != " ":
                        chars.append(" ")
                elif what == _BREAK:
                    if chars:
                        chars += _LINE_END[text[i]]
                        out.append(TextLine(x0, y0, x1, y1, _joined(chars), 0))
                        chars = []
                elif chars:  # a glyph without a box only follows the line
                    chars.append(text[i])
                i += 1
                if i == k + 1 < end:
                    if x1 != right_i:
                        stop = end  # the rest one at a time
                        continue
                    # the glyphs (and spaces) up to the next event continue the line
                    chars.append(_run_text(text, i, end, gap_list[firsts[e] : lasts[e]]))
                    run_x0, run_y0, run_y1 = x0s[e], y0s[e], y1s[e]
                    x0 = run_x0 if run_x0 < x0 else x0
                    y0 = run_y0 if run_y0 < y0 else y0
                    y1 = run_y1 if run_y1 > y1 else y1
                    x1 = right = run_rights[e]
                    width, last = right - run_lefts[e], end - 1
        return _kept([*out, TextLine(x0, y0, x1, y1, _joined(chars), 0)])

    def overhangs(self, index: int) -> bool:
        """The glyph at ``index`` has ink up to its box's right edge."""
        ink = [ctypes.c_double() for _ in range(4)]
        return (
            bool(self.raw.FPDFText_GetCharBox(self.handle, index, *ink))
            and ink[1].value >= float(self.box[2, index]) - 0.01
        )


def _joined(chars: list[str]) -> str:
    """A line's text: its characters without surrounding white space."""
    return "".join(chars).strip()


def _kept(lines: list[TextLine]) -> list[TextLine]:
    """The lines with text and a width (the last one built may have neither)."""
    return [ln for ln in lines if ln.text and ln.x0 < ln.x1]


def _events(kind: Any, box: Any, *, bulk: bool) -> tuple[Any, ...]:
    """The characters that need a decision (all of them without ``bulk``), where the run
    of characters continuing the line after each one ends, the run's box (left, bottom and
    top edges of its glyphs, left and right edges of its last glyph), the word gaps
    inside it (``gaps[firsts[e]:lasts[e]]`` for event ``e``), and each event's kind and
    box (left, bottom, right and top edges), as lists."""
    n = len(kind)
    if not n:
        return [], [], ([], [], [], [], []), [], [], [], [], ([], [], [], [])
    if bulk:
        continuing, spaced = _continuing(kind, box)
        events = np.flatnonzero(~continuing)
    else:
        events, spaced = np.arange(n), np.zeros(n, dtype=bool)
    ends = np.concatenate((events[1:], [n]))
    if bulk:
        # a line break right after another ("\r\n") finds its line already ended: skip it
        needed = (kind[events] != _BREAK) | (kind[events - 1] != _BREAK) | (events == 0)
        events, ends = events[needed], ends[needed]
    runs = (
        *_run_boxes(kind, box, events, ends),
        box[0, ends - 1].tolist(),
        box[2, ends - 1].tolist(),
    )
    gaps = np.flatnonzero(spaced)
    firsts = np.searchsorted(gaps, events + 1).tolist()
    lasts = np.searchsorted(gaps, ends).tolist()
    return (
        events.tolist(),
        ends.tolist(),
        runs,
        firsts,
        lasts,
        gaps.tolist(),
        kind[events].tolist(),
        box[:, events].tolist(),
    )


def _run_text(text: str, start: int, end: int, gaps: list[int]) -> str:
    """The characters of ``text`` from ``start`` to ``end`` with a space at each of the
    ``gaps`` (word gaps), white space as single spaces."""
    run = (
        " ".join(text[a:b] for a, b in itertools.pairwise([start, *gaps, end]))
        if gaps
        else text[start:end]
    )
    # white space other than single spaces is not printable: most runs need no sub
    return run if run.isprintable() and "  " not in run else _SPACE_RUN.sub(" ", run)


def _run_boxes(
    kind: Any, box: Any, events: Any, ends: Any
) -> tuple[list[float], list[float], list[float]]:
    """The left, bottom and top edges of the glyphs after each event, up to its run's end."""
    n = len(kind)
    bounds = np.empty(2 * len(events), dtype=np.int64)
    bounds[0::2] = events + 1
    bounds[1::2] = ends
    glyph = kind == _GLYPH
    # the glyphs' left and bottom edges (inf for other characters) and top edges (-inf),
    # padded: a bound may be n
    lows = np.full((2, n + 1), np.inf)
    np.copyto(lows[:, :n], box[:2], where=glyph)
    tops = np.full(n + 1, -np.inf)
    np.copyto(tops[:n], box[3], where=glyph)
    left, bottom = np.minimum.reduceat(lows, bounds, axis=1)[:, 0::2].tolist()
    return left, bottom, np.maximum.reduceat(tops, bounds)[0::2].tolist()


def _continuing(kind: Any, box: Any) -> tuple[Any, Any]:
    """Which characters just continue the line before them (no decision to make), and
    which of those glyphs a word gap separates from the glyph before.

    A glyph continues when the glyph before it on the line (past white space only), which
    is the line's rightmost so far, overlaps it vertically by half its height (so it
    overlaps the line too), ends no further right, and the gap between them is within the
    line's reach (two glyph widths) and, with no white space between, either below the
    overhang margin (no word break) or above the word margin (a word break, whatever the
    glyph before). White space continues when the glyph after it does. Each test is the
    one :meth:`_Page.lines` makes, on the same floats.
    """
    n = len(kind)
    left, bottom, right, top = box
    solid = kind != _SPACE
    # how many non-space characters come before each one; from it, the last one before
    # it (-1: none) and the first one at or after it (n: none), without a running maximum
    # (numpy's is not vectorised: ten times a running sum's cost)
    count = np.zeros(n + 1, dtype=np.int32)
    np.cumsum(solid, dtype=np.int32, out=count[1:])
    count = count[:n]
    solids = np.flatnonzero(solid)
    prev = np.concatenate(([-1], solids))[count]
    after = np.append(solids, n)[count]
    glyph = kind == _GLYPH
    p = np.maximum(prev, 0)
    width, height = right - left, top - bottom
    right_p = right[p]
    gap = left - right_p
    reach = _CHAR_MARGIN * np.maximum(np.maximum(width[p], width), 1.0)
    overlap = np.minimum(top, top[p]) - np.maximum(bottom, bottom[p])
    after_space = prev < np.arange(-1, n - 1)
    size = np.maximum(width, height)
    word_gap = ~after_space & (gap > _WORD_MARGIN * size)
    ok = (
        glyph
        & (prev >= 0)
        & glyph[p]
        & (overlap >= 0.5 * height)
        & (right >= right_p)
        & (np.abs(gap) < reach)  # -reach < gap < reach: the same floats, NaN alike
        & (after_space | (gap <= _OVERHANG_MARGIN * size) | word_gap)
    )
    # white space continues when the next non-space character does
    return ok | (~solid & np.append(ok, False)[after]), ok & word_gap
