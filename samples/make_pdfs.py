"""Write the bundled sample texts as small, real PDF files.

A dependency-free text-to-PDF writer: Helvetica (one of the PDF standard fonts, so nothing is
embedded) with WinAnsiEncoding, word wrapping from the Adobe font metrics, page breaks and bold
headings. The output is byte-for-byte deterministic (no dates, no document IDs), so the
committed PDFs only change when the texts or this script change.

Run `python samples/make_pdfs.py` to regenerate samples/*.pdf from samples/*_resume.txt and
samples/posting_*.txt. Import `write_pdf` to build other PDFs, for example in tests.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = ["main", "render_pdf", "write_pdf"]

# A4 in points; 1 pt = 1/72 inch.
PAGE_WIDTH = 595
PAGE_HEIGHT = 842
MARGIN = 56
BODY_SIZE = 10.5
HEADING_SIZE = 11.5
LEADING = 1.3  # line height as a multiple of the font size
TAB = "    "


def _widths(table: str) -> tuple[int, ...]:
    values = tuple(int(v) for v in table.split())
    if len(values) != 224:
        raise AssertionError("a width table must cover codes 32..255")
    return values


# Advance widths (1/1000 em) of WinAnsiEncoding codes 32..255, from the Adobe Core 14 AFM files.
# Codes that cp1252 leaves undefined have width 0; the text never contains them.
_HELVETICA = _widths(
    """
    278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278
    556 556 556 556 556 556 556 556 556 556 278 278 584 584 584 556
    1015 667 667 722 722 667 611 778 722 278 500 667 556 833 722 778
    667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556
    333 556 556 500 556 556 278 556 556 222 222 500 222 833 556 556
    556 556 333 500 278 556 500 722 500 500 500 334 260 334 584 0
    556 0 222 556 333 1000 556 556 333 1000 667 333 1000 0 611 0
    0 222 222 333 333 350 556 1000 333 1000 500 333 944 0 500 667
    278 333 556 556 556 556 260 556 333 737 370 556 584 333 737 333
    400 584 333 333 333 556 537 278 333 333 365 556 834 834 834 611
    667 667 667 667 667 667 1000 722 667 667 667 667 278 278 278 278
    722 722 778 778 778 778 778 584 778 722 722 722 722 667 667 611
    556 556 556 556 556 556 889 500 556 556 556 556 278 278 278 278
    556 556 556 556 556 556 556 584 611 556 556 556 556 500 556 500
"""
)
_HELVETICA_BOLD = _widths(
    """
    278 333 474 556 556 889 722 238 333 333 389 584 278 333 278 278
    556 556 556 556 556 556 556 556 556 556 333 333 584 584 584 611
    975 722 722 722 722 667 611 778 722 278 556 722 611 833 722 778
    667 778 722 667 611 722 667 944 667 667 611 333 278 333 584 556
    333 556 611 556 611 556 333 611 611 278 278 556 278 889 611 611
    611 611 389 556 333 611 556 778 556 556 500 389 280 389 584 0
    556 0 278 556 500 1000 556 556 333 1000 667 333 1000 0 611 0
    0 278 278 500 500 350 556 1000 333 1000 556 333 944 0 500 667
    278 333 556 556 556 556 280 556 333 737 370 556 584 333 737 333
    400 584 333 333 333 611 556 278 333 333 365 556 834 834 834 611
    722 722 722 722 722 722 1000 722 667 667 667 667 278 278 278 278
    722 722 778 778 778 778 778 584 778 722 722 722 722 667 667 611
    556 556 556 556 556 556 889 556 556 556 556 556 278 278 278 278
    611 611 611 611 611 611 611 584 611 611 611 611 611 556 611 556
"""
)

_FONTS = {"F1": ("Helvetica", _HELVETICA), "F2": ("Helvetica-Bold", _HELVETICA_BOLD)}


@dataclass(frozen=True)
class _Line:
    font: str  # resource name, "F1" regular or "F2" bold
    size: float
    x: float
    text: bytes  # cp1252 bytes
    space_before: float = 0.0


def _to_cp1252(text: str) -> bytes:
    """Encode for WinAnsiEncoding: anything it cannot show, control characters included, is '?'."""
    text = text.replace("\t", TAB)
    cleaned = "".join("?" if (ord(c) < 32 or ord(c) == 127) else c for c in text)
    return cleaned.encode("cp1252", errors="replace")


def _width(data: bytes, font: str, size: float) -> float:
    table = _FONTS[font][1]
    return sum(table[b - 32] for b in data) * size / 1000


def _is_heading(line: str, previous: str, following: str) -> bool:
    """A short line in ALL CAPS, or a short capitalised line that opens a block."""
    stripped = line.strip()
    if not stripped or len(stripped) > 60 or stripped != line.rstrip():
        return False
    if stripped[0] in "-*•" or stripped[-1] in ".,;:":
        return False
    letters = [c for c in stripped if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return True
    opens_block = not previous.strip() and bool(following.strip())
    return opens_block and stripped[0].isupper() and len(stripped.split()) <= 5


def _wrap(data: bytes, font: str, size: float, width: float) -> Iterator[bytes]:
    """Greedy word wrap by measured width; a word longer than a line is cut."""
    line = b""
    for word in data.split(b" "):
        candidate = word if not line else line + b" " + word
        if _width(candidate, font, size) <= width:
            line = candidate
            continue
        if line:
            yield line
        while _width(word, font, size) > width:
            cut = len(word) - 1
            while cut > 1 and _width(word[:cut], font, size) > width:
                cut -= 1
            yield word[:cut]
            word = word[cut:]
        line = word
    yield line


def _layout(text: str) -> list[_Line]:
    lines: list[_Line] = []
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    usable = PAGE_WIDTH - 2 * MARGIN
    pending_space = 0.0
    for i, line in enumerate(raw):
        previous = raw[i - 1] if i > 0 else ""
        following = raw[i + 1] if i + 1 < len(raw) else ""
        if not line.strip():
            pending_space += BODY_SIZE * LEADING * 0.6
            continue
        heading = _is_heading(line, previous, following)
        font, size = ("F2", HEADING_SIZE) if heading else ("F1", BODY_SIZE)
        # Every line starts at the margin, indented or not: text extractors such as pdfminer
        # start a new text box when the left edges differ, which would split a paragraph.
        body = _to_cp1252(line.strip())
        for n, chunk in enumerate(_wrap(body, font, size, usable)):
            space = pending_space + (size * 0.4 if heading and lines else 0.0)
            lines.append(_Line(font, size, MARGIN, chunk, space if n == 0 else 0.0))
            pending_space = 0.0
    return lines


def _paginate(lines: list[_Line]) -> list[list[tuple[_Line, float]]]:
    """Place lines top to bottom; a heading never sits alone at the foot of a page."""
    pages: list[list[tuple[_Line, float]]] = [[]]
    top = float(PAGE_HEIGHT - MARGIN)
    y = top
    for i, line in enumerate(lines):
        step = line.size * LEADING
        needed = step
        if line.font == "F2" and i + 1 < len(lines):
            needed += 2 * lines[i + 1].size * LEADING
        if pages[-1]:
            y -= line.space_before
            if y - needed < MARGIN:
                pages.append([])
                y = top
        y -= step
        pages[-1].append((line, y))
    return pages


def _escape(data: bytes) -> bytes:
    return data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _number(value: float) -> bytes:
    return (f"{value:.2f}".rstrip("0").rstrip(".")).encode("ascii")


def _content(placed: list[tuple[_Line, float]]) -> bytes:
    parts = [b"BT"]
    for line, y in placed:
        parts.append(b"/%s %s Tf" % (line.font.encode("ascii"), _number(line.size)))
        parts.append(b"1 0 0 1 %s %s Tm" % (_number(line.x), _number(y)))
        parts.append(b"(%s) Tj" % _escape(line.text))
    parts.append(b"ET")
    return b"\n".join(parts) + b"\n"


def _text_string(value: str) -> bytes:
    """A PDF text string: literal if plain ASCII, else UTF-16BE with a byte-order mark."""
    if value.isascii() and value.isprintable():
        return b"(" + _escape(value.encode("ascii")) + b")"
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def render_pdf(text: str, *, title: str | None = None) -> bytes:
    """Return the bytes of a PDF showing *text*; the same input always gives the same bytes."""
    pages = _paginate(_layout(text))
    objects: list[bytes] = []  # object n is objects[n - 1]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(b"")  # the page tree, filled in once the page objects are numbered
    for base, _ in _FONTS.values():  # objects 3 and 4, named F1 and F2 in the resources
        objects.append(
            b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>"
            % base.encode("ascii")
        )
    info = b"<< /Producer (jobmatch samples/make_pdfs.py)"
    if title is not None:
        info += b" /Title " + _text_string(title)
    objects.append(info + b" >>")
    info_ref = len(objects)
    resources = b"<< /Font << /F1 3 0 R /F2 4 0 R >> >>"
    kids = []
    for placed in pages:
        stream = _content(placed)
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        content_ref = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources %s /Contents %d 0 R >>"
            % (PAGE_WIDTH, PAGE_HEIGHT, resources, content_ref)
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\n" % (len(objects) + 1, info_ref)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def write_pdf(path: str | Path, text: str, *, title: str | None = None) -> Path:
    """Write *text* as a PDF at *path* and return the path."""
    target = Path(path)
    target.write_bytes(render_pdf(text, title=title))
    return target


def main(argv: list[str] | None = None) -> int:
    """Regenerate the sample PDFs next to their .txt sources (or in the given directory)."""
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else Path(__file__).resolve().parent
    sources = sorted([*folder.glob("*_resume.txt"), *folder.glob("posting_*.txt")])
    for source in sources:
        text = source.read_text(encoding="utf-8")
        title = next((line.strip() for line in text.splitlines() if line.strip()), None)
        target = write_pdf(source.with_suffix(".pdf"), text, title=title)
        pages = len(_paginate(_layout(text)))
        print(f"wrote {target.name} ({pages} page{'s' if pages > 1 else ''})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
