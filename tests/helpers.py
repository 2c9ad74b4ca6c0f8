"""Shared test helpers: the one module tests import helpers from (never conftest or a test).

* Odd PDFs and DOCX files built from raw syntax for the reader tests (no binaries in the repo):
  ``build_pdf(pages)`` writes a valid PDF (catalog, page tree, Helvetica, one content stream
  per page, correct xref); the helpers on top make the hostile variants: image-only pages, an
  unmapped CID font, thousands of pages, and a Flate "decompression bomb".
* A small, fixed lexicon (``MINI_RECORDS``, ``write_lexicon``) for tests that must not move
  when the shipped data is tuned.
* The score report's JSON Schema (``load_schema``) and a validator (``schema_errors``).
* ``match_texts_on``: a resume text against a posting text, open ranges ending on a fixed day.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

__all__ = [
    "match_texts_on",
    "write",
    "text_stream",
    "build_pdf",
    "simple_pdf",
    "image_only_pdf",
    "cid_font_pdf",
    "many_pages_pdf",
    "bomb_pdf",
    "docx_bytes",
    "filtered_pdf",
    "MINI_CATEGORIES",
    "MINI_RECORDS",
    "write_lexicon",
    "load_schema",
    "schema_errors",
    "encrypted_pdf",
]


def write(folder: Path, name: str, data: bytes) -> Path:
    """Write ``data`` to ``folder/name`` and return the path (the readers take paths)."""
    path = folder / name
    path.write_bytes(data)
    return path


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def text_stream(lines: Sequence[str], *, font: str = "F1", size: int = 11) -> bytes:
    """A content stream drawing ``lines`` top-down from (72, 720)."""
    ops = [f"BT /{font} {size} Tf 14 TL 72 720 Td"]
    for line in lines:
        ops.append(f"({_escape(line)}) Tj T*")
    ops.append("ET")
    return "\n".join(ops).encode("latin-1")


def _stream(body: bytes, extra: str = "", *, compress: bool = False) -> bytes:
    if compress:
        body = zlib.compress(body)
        extra += " /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(body), extra.encode()) + body + b"\nendstream"


def build_pdf(
    contents: Sequence[bytes],
    *,
    fonts: bytes = b"<< /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>",
    xobjects: bytes = b"",
    extra_objects: Sequence[bytes] = (),
    compress: bool = False,
    trailer_extra: bytes = b"",
) -> bytes:
    """A PDF with one page per content stream. Objects 1-2 are the catalog and page tree,
    then each page and its content; ``extra_objects`` follow (refer to them by number:
    ``3 + 2 * len(contents) + i``)."""
    n = len(contents)
    objects: list[bytes] = []
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode())
    resources = b"<< /Font " + fonts + (b" /XObject " + xobjects if xobjects else b"") + b" >>"
    for i, body in enumerate(contents):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
            + resources
            + f" /Contents {4 + 2 * i} 0 R >>".encode()
        )
        objects.append(_stream(body, compress=compress))
    objects.extend(extra_objects)
    return _assemble(objects, trailer_extra=trailer_extra)


def _assemble(objects: Sequence[bytes], *, trailer_extra: bytes = b"") -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for num, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{num} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R ".encode() + trailer_extra
    out += f" >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def simple_pdf(*pages: Sequence[str], compress: bool = False) -> bytes:
    """A PDF whose pages show the given lines in Helvetica."""
    return build_pdf([text_stream(lines) for lines in pages], compress=compress)


def image_only_pdf(pages: int = 1) -> bytes:
    """Pages that only paint a grey 8x8 image: a "scanned" PDF without a text layer."""
    n = pages
    image_obj = 3 + 2 * n
    image = _stream(
        bytes(range(64)),
        " /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray"
        " /BitsPerComponent 8",
    )
    draw = b"q 400 0 0 400 100 200 cm /Im1 Do Q"
    return build_pdf(
        [draw] * n, fonts=b"<< >>", xobjects=f"<< /Im1 {image_obj} 0 R >>".encode(),
        extra_objects=[image],
    )  # fmt: skip


def cid_font_pdf(readable: Sequence[str] = ("Python and SQL",)) -> bytes:
    """One page: readable Helvetica lines, then a line in a Type0 (CID) font without a
    ToUnicode map; pdfminer can only report its glyphs as ``(cid:NN)``."""
    garbled = b"BT /F2 11 Tf 72 600 Td <0012002300340045> Tj ET"
    body = text_stream(readable) + b"\n" + garbled
    fonts = b"<< /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> /F2 5 0 R >>"
    type0 = (
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Garbled /Encoding /Identity-H"
        b" /DescendantFonts [6 0 R] >>"
    )
    cidfont = (
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Garbled"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
        b" /FontDescriptor 7 0 R /DW 500 >>"
    )
    descriptor = (
        b"<< /Type /FontDescriptor /FontName /Garbled /Flags 4 /FontBBox [0 0 1000 1000]"
        b" /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>"
    )
    return build_pdf([body], fonts=fonts, extra_objects=[type0, cidfont, descriptor])


def many_pages_pdf(pages: int) -> bytes:
    """``pages`` distinct page objects sharing one content stream (cheap: ~80 bytes/page)."""
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{4 + i} 0 R" for i in range(pages))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode())
    objects.append(_stream(text_stream(["Page of a very long resume: Python"])))
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1"
        b" << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> /Contents 3 0 R >>"
    )
    objects.extend([page] * pages)
    return _assemble(objects)


def bomb_pdf(inflated_bytes: int) -> bytes:
    """One page whose Flate content stream inflates to ``inflated_bytes`` of spaces after a
    readable line; 1 GB of spaces compresses to about 1 MB.

    Built in milliseconds: a 1 MB block of spaces is deflated once with a full flush (which
    resets the compressor, so the compressed block is self-contained) and repeated; the
    stream ends with an empty final block and the Adler-32 of the whole inflated text.
    """
    head = text_stream(["Python developer"]) + b"\n"
    block = b" " * (1 << 20)
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = co.compress(head) + co.flush(zlib.Z_FULL_FLUSH)
    repeated = co.compress(block) + co.flush(zlib.Z_FULL_FLUSH)
    copies = max(1, inflated_bytes // len(block))
    checksum = zlib.adler32(head)
    for _ in range(copies):
        checksum = zlib.adler32(block, checksum)
    body = b"\x78\xda" + first + repeated * copies + b"\x03\x00" + checksum.to_bytes(4, "big")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1"
        b" << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream",
    ]
    return _assemble(objects)


def docx_bytes(
    paragraphs: Sequence[str],
    *,
    header: str | None = None,
    document_xml: bytes | None = None,
    extra: dict[str, bytes] | None = None,
) -> bytes:
    """A minimal DOCX (a ZIP with ``word/document.xml``); ``\\t`` and ``\\n`` in a paragraph
    become ``<w:tab/>`` and ``<w:br/>``."""
    import io
    import zipfile
    from xml.sax.saxutils import escape

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def para(text: str) -> str:
        runs = []
        for i, piece in enumerate(text.split("\n")):
            if i:
                runs.append("<w:br/>")
            for j, cell in enumerate(piece.split("\t")):
                if j:
                    runs.append("<w:tab/>")
                runs.append(f'<w:t xml:space="preserve">{escape(cell)}</w:t>')
        return f"<w:p><w:r>{''.join(runs)}</w:r></w:p>"

    body = "".join(para(p) for p in paragraphs)
    xml = (
        document_xml
        or (
            f'<?xml version="1.0" encoding="UTF-8"?><w:document {ns}><w:body>{body}</w:body>'
            "</w:document>"
        ).encode()
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        zf.writestr("word/document.xml", xml)
        if header is not None:
            zf.writestr("word/header1.xml", f"<w:hdr {ns}>{para(header)}</w:hdr>")
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return out.getvalue()


def filtered_pdf(encoded_content: bytes, filter_name: str) -> bytes:
    """One page whose content stream is ``encoded_content`` under ``/Filter /<filter_name>``."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1"
        b" << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> /Contents 4 0 R >>",
        _stream(encoded_content, f" /Filter /{filter_name}"),
    ]
    return _assemble(objects)


# ------------------------------------------------------------------ a small fixed lexicon

# The ambiguous names with context rules (their semantics: docs/lexicon.md, "Context rules")
# and a few unambiguous neighbours; one record per line in tests/data/mini_lexicon.jsonl.
MINI_CATEGORIES: dict[str, tuple[str, str]] = {
    "programming_language": ("Programming languages", "knowledge"),
    "ml_framework": ("ML frameworks", "knowledge"),
    "library": ("Libraries", "knowledge"),
    "data_tool": ("Data tools", "knowledge"),
    "devops": ("DevOps", "knowledge"),
    "tool": ("Tools", "knowledge"),
    "platform": ("Platforms", "knowledge"),
    "ml_method": ("ML methods", "knowledge"),
    "ai_domain": ("AI domains", "knowledge"),
    "soft_skill": ("Soft skills", "skill"),
}

_MINI_JSONL = Path(__file__).resolve().parent / "data" / "mini_lexicon.jsonl"
MINI_RECORDS: list[dict[str, Any]] = [
    json.loads(line) for line in _MINI_JSONL.read_text(encoding="utf-8").splitlines() if line
]


def write_lexicon(
    folder: Path,
    records: list[dict[str, Any]],
    categories: dict[str, tuple[str, str]] | None = None,
    *,
    version: str = "test",
) -> Path:
    """Write a lexicon folder (lexicon.toml + skills/test.jsonl) and return it."""
    cats = MINI_CATEGORIES if categories is None else categories
    (folder / "skills").mkdir(parents=True, exist_ok=True)
    lines = [f'version = "{version}"']
    for cid, (label, layer) in cats.items():
        lines += [f"[categories.{cid}]", f'label = "{label}"', f'layer = "{layer}"']
    (folder / "lexicon.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    body = "".join(json.dumps(r) + "\n" for r in records)
    (folder / "skills" / "test.jsonl").write_text(body, encoding="utf-8")
    return folder


# ------------------------------------------------------------------ the report's JSON Schema


def load_schema() -> dict[str, Any]:
    """The score report's schema as shipped in the package (importlib.resources: works
    from a wheel)."""
    text = resources.files("jobmatch").joinpath("schemas/score_report.schema.json").read_text()
    schema: dict[str, Any] = json.loads(text)
    return schema


def schema_errors(value: Any, schema: dict[str, Any]) -> list[str]:
    """Every way ``value`` breaks ``schema`` (JSON Schema draft 2020-12, checked by
    ``jsonschema``), as ``"<json path>: <message>"`` lines in a stable order."""
    validator = Draft202012Validator(schema)
    found = sorted(validator.iter_errors(value), key=lambda e: (e.json_path, e.message))
    return [f"{error.json_path}: {error.message}" for error in found]


def encrypted_pdf(*lines: str, password: str = "secret") -> bytes:
    """A one-page PDF showing ``lines``, encrypted (AES-256) with the user ``password``."""
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(simple_pdf(list(lines or ["Python"])))))
    writer.encrypt(user_password=password, owner_password=None, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


class FakeClock:
    """A clock that moves ``step`` seconds each time it is read (deterministic time)."""

    def __init__(self, step: float) -> None:
        self.now, self.step = 0.0, step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def match_texts_on(extractor: Any, resume: str, posting: str, *, as_of: Any = None) -> Any:
    """``Scorer.match`` of two texts (``resume.txt``, ``posting.txt``), open date ranges ending
    on ``as_of`` (default 2024-01-01): the report does not move with today's date."""
    from datetime import date

    from jobmatch.models import Document
    from jobmatch.scoring.scorer import Scorer

    scorer = Scorer(extractor=extractor, as_of=as_of or date(2024, 1, 1))
    return scorer.match(
        Document(text=resume, source="resume.txt", format="text"),
        Document(text=posting, source="posting.txt", format="text"),
    )


def skills_asked(text: str, extractor: Any) -> dict[str, bool]:
    """Each skill a posting asks, with whether a requirement naming it is required."""
    from jobmatch import read_posting

    out: dict[str, bool] = {}
    for r in read_posting(text, extractor=extractor).requirements:
        for s in r.skills:
            out[s.skill_id] = out.get(s.skill_id, False) or r.required
    return out


def requirement_groups(text: str, extractor: Any) -> dict[tuple[str, ...], bool]:
    """Each requirement of a posting as its tuple of skill ids, with whether it is required."""
    from jobmatch import read_posting

    return {
        tuple(s.skill_id for s in r.skills): r.required
        for r in read_posting(text, extractor=extractor).requirements
    }
