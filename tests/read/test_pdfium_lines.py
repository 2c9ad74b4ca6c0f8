"""The pdfium engine's line builder: the bulk path gives exactly the per-glyph answer.

:func:`jobmatch.read.pdfium_lines.page_lines` lets glyphs that need no decision skip the
per-glyph loop; with ``bulk=False`` every character goes through it (pdfminer's rules one
glyph at a time, the reference). Both must give the same lines, boxes included, on odd
geometry built here and on every shared resume.
"""

from __future__ import annotations

import ctypes
import functools
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.helpers import build_pdf

pdfium = pytest.importorskip("pypdfium2")
raw = pytest.importorskip("pypdfium2.raw")

from jobmatch.read import pdfium_lines  # noqa: E402
from jobmatch.read.pdfium_lines import page_lines  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def pages_lines(data: bytes, *, bulk: bool) -> list[list[tuple[str, float, float, float, float]]]:
    doc = pdfium.PdfDocument(data)
    try:
        out = []
        for i in range(len(doc)):
            page = doc[i]
            textpage = page.get_textpage()
            lines = page_lines(textpage, raw, bulk=bulk)
            out.append([(ln.text, ln.x0, ln.y0, ln.x1, ln.y1) for ln in lines])
            textpage.close()
            page.close()
        return out
    finally:
        doc.close()


def texts(data: bytes) -> list[str]:
    fast, reference = pages_lines(data, bulk=True), pages_lines(data, bulk=False)
    assert fast == reference
    return [line[0] for page in fast for line in page]


def stream(*ops: str) -> bytes:
    return "\n".join(ops).encode("latin-1")


@pytest.mark.parametrize(
    ("ops", "expected"),
    [
        # each word placed on its own, PDFium writes no space between them; the gap is one
        (
            ["BT /F1 11 Tf 72 700 Td (Company) Tj ET", "BT /F1 11 Tf 121.5 700 Td (Name) Tj ET"],
            ["Company Name"],
        ),
        # glyphs placed one by one, touching: one word
        (
            [
                f"BT /F1 11 Tf {x} 700 Td ({c}) Tj ET"
                for x, c in [
                    (72, "P"),
                    (79.337, "y"),
                    (84.837, "t"),
                    (87.893, "h"),
                    (94.009, "o"),
                    (100.125, "n"),
                ]
            ],
            ["Python"],
        ),
        # letter-spaced heading and a kerned word gap inside one TJ
        (
            [
                "BT /F1 11 Tf 72 700 Td 4 Tc (SKILLS) Tj ET",
                "BT /F1 11 Tf 72 680 Td 0 Tc [(SQL,) -300 (Docker)] TJ ET",
            ],
            ["S K I L L S", "SQL, Docker"],
        ),
        # a raised glyph (PDFium itself starts a line there), a second column on the same baseline
        (
            [
                "BT /F1 11 Tf 72 700 Td (x) Tj 3 Ts (2) Tj 0 Ts ( and more) Tj ET",
                "BT /F1 11 Tf 350 700 Td (Right column) Tj ET",
            ],
            ["x", "2 and more", "Right column"],
        ),
        # text drawn right to left (PDFium sorts it), a glyph inside the one before
        (
            [f"BT /F1 11 Tf {x} 700 Td ({c}) Tj ET" for x, c in [(100, "c"), (90, "b"), (80, "a")]]
            + ["BT /F1 11 Tf 72 650 Td (W) Tj ET", "BT /F1 11 Tf 74 650 Td (i) Tj ET"],
            ["a b c", "Wi"],
        ),
    ],
)
def test_bulk_path_agrees_with_the_reference(ops: list[str], expected: list[str]) -> None:
    assert texts(build_pdf([stream(*ops)])) == expected


@pytest.mark.evaluation
def test_bulk_path_agrees_on_every_shared_resume(shared_data: Path) -> None:
    files = sorted(shared_data.glob("resumes/**/*.pdf")) + sorted((ROOT / "samples").glob("*.pdf"))
    assert len(files) >= 70
    differ = [f.name for f in files if not texts(f.read_bytes())]
    assert differ == []


def sample_pages() -> list[bytes]:
    return [f.read_bytes() for f in sorted((ROOT / "samples").glob("*.pdf"))]


def test_untyped_box_calls_equal_the_typed_ones_as_the_buffer_grows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The glyph boxes read with the untyped call into the reused buffer are those the
    typed call writes into a fresh array: page after page, as the buffer grows (from a tiny
    one here) and when a smaller page follows a larger one (its rows past the glyphs stay
    zero)."""
    monkeypatch.setattr(pdfium_lines, "_MIN_BOXES", 16)
    monkeypatch.setattr(pdfium_lines, "_buffer", pdfium_lines._BoxBuffer())
    sizes = []
    for data in [*sample_pages(), build_pdf([stream("BT /F1 11 Tf 72 700 Td (a b) Tj ET")])]:
        doc = pdfium.PdfDocument(data)
        for i in range(len(doc)):
            textpage = doc[i].get_textpage()
            page = pdfium_lines._Page(textpage, raw)
            n = len(page.text)
            glyphs = [g for g, ch in enumerate(page.text) if not ch.isspace()]
            handle = ctypes.cast(textpage.raw, ctypes.c_void_p).value or 0
            fast = pdfium_lines._read_boxes(raw, handle, glyphs, n).copy()
            reference = pdfium_lines._read_boxes(raw, handle, glyphs, n, typed=True)
            assert fast.shape == reference.shape == (n, 4)
            assert fast.tobytes() == reference.tobytes()
            assert fast.any()
            sizes.append(pdfium_lines._buffer.size)
        doc.close()
    assert len(set(sizes)) > 1  # the buffer grew along the way


def test_lines_are_the_same_with_the_typed_box_calls(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = [pages_lines(data, bulk=True) for data in sample_pages()]
    monkeypatch.setattr(
        pdfium_lines, "_read_boxes", functools.partial(pdfium_lines._read_boxes, typed=True)
    )
    assert [pages_lines(data, bulk=True) for data in sample_pages()] == fast


def test_each_thread_has_its_own_box_buffer(monkeypatch: pytest.MonkeyPatch) -> None:
    """A thread reads boxes into its own buffer (one thread at a time here: PDFium itself
    may not be called from two threads at once)."""
    monkeypatch.setattr(pdfium_lines, "_buffer", pdfium_lines._BoxBuffer())
    data = sample_pages()[0]
    with ThreadPoolExecutor(max_workers=1) as pool:
        in_thread = pool.submit(lambda: (pages_lines(data, bulk=True), pdfium_lines._buffer.size))
        lines, size = in_thread.result()
    assert size >= pdfium_lines._MIN_BOXES
    assert pdfium_lines._buffer.size == 0  # this thread's buffer is untouched
    assert pages_lines(data, bulk=True) == lines
    assert pdfium_lines._buffer.size == size
