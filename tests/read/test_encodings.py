"""The one encoding detector, used by documents and by batch CSV files."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobmatch.batch.records import iter_records
from jobmatch.read.encodings import Encoding, detect_encoding, read_text_bytes

TEXT = "id,text\n1,Café Python développeur\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (TEXT.encode("utf-8"), Encoding("utf-8", "utf-8")),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), Encoding("utf-8-sig", "utf-8", bom=True)),
        (TEXT.encode("utf-16"), Encoding("utf-16", "utf-16-le", bom=True)),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), Encoding("utf-16", "utf-16-be", bom=True)),
        (TEXT.encode("utf-32"), Encoding("utf-32", "utf-32-le", bom=True)),
        (TEXT.encode("utf-16-le"), Encoding("utf-16-le", "utf-16-le")),
        (TEXT.encode("utf-16-be"), Encoding("utf-16-be", "utf-16-be")),
        (TEXT.encode("cp1252") + b"\x80", Encoding("cp1252", "cp1252")),
        (TEXT.encode("latin-1") + b"\x81", Encoding("latin-1", "latin-1")),
    ],
)
def test_detect_encoding(data: bytes, expected: Encoding) -> None:
    assert detect_encoding(data) == expected


def test_a_sample_cut_inside_a_utf8_character_is_still_utf8() -> None:
    sample = "Café".encode()[:-1]  # the last byte of "é" is cut off
    assert detect_encoding(sample, partial=True).codec == "utf-8"
    assert detect_encoding(sample).codec == "cp1252"


def test_html_meta_charset_is_honoured_only_for_html() -> None:
    page = b'<meta charset="koi8-r"><p>\xf0\xc9\xd4\xcf\xce</p>'
    assert detect_encoding(page, html=True).codec == "koi8-r"
    assert detect_encoding(page).codec == "cp1252"
    assert read_text_bytes(page, source="p", html=True)[0].endswith("<p>Питон</p>")


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-32", "cp1252"])
def test_csv_records_use_the_same_detector(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "postings.csv"
    path.write_bytes(TEXT.encode(codec))
    records = list(iter_records([path]))
    assert [(r.id, r.text) for r in records] == [("1", "Café Python développeur")]
