"""Batch input records: documents, folders, CSV, JSONL, stdin; errors become records."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from jobmatch.batch.records import Record, iter_records
from jobmatch.batch.survey import count_records


def recs(*inputs: str | Path, **kw: object) -> list[tuple[str, str, str | None, str | None]]:
    """(id, source, text or path, error code) for each record."""
    return [
        (r.id, r.source, r.text if r.text is not None else r.path, r.error_code)
        for r in iter_records([str(i) for i in inputs], **kw)  # type: ignore[arg-type]
    ]


def test_jsonl_ids_texts_and_bad_lines(tmp_path: Path) -> None:
    f = tmp_path / "p.jsonl"
    f.write_text(
        '{"id": "a", "text": "Python and SQL"}\n'
        "\n"  # blank lines are not records
        '{"text": "no id here"}\n'
        '{"id": 7, "text": "numeric id"}\n'
        "{not json\n"
        '{"id": "e", "text": "   "}\n'
        '{"id": "m", "body": "x"}\n'
        "[1, 2]\n"
        '{"id": "n", "text": 3}\n',
        encoding="utf-8",
    )
    src = str(f)
    assert recs(f) == [
        ("a", f"{src}:1", "Python and SQL", None),
        (f"{src}:3", f"{src}:3", "no id here", None),
        ("7", f"{src}:4", "numeric id", None),
        (f"{src}:5", f"{src}:5", None, "bad_record"),
        ("e", f"{src}:6", None, "empty"),
        ("m", f"{src}:7", None, "bad_record"),
        (f"{src}:8", f"{src}:8", None, "bad_record"),
        ("n", f"{src}:9", None, "bad_record"),
    ]
    errors = [r.error for r in iter_records([src]) if r.error]
    assert errors == [
        "malformed JSON: Expecting property name enclosed in double quotes at column 2",
        "empty text",
        "no field 'text'",
        "line is not a JSON object",
        "field 'text' is not a string (int)",
    ]


def test_jsonl_custom_fields_bom_and_bad_utf8(tmp_path: Path) -> None:
    f = tmp_path / "p.jsonl"
    f.write_bytes(
        b'\xef\xbb\xbf{"key": "k1", "body": "caf\xc3\xa9"}\n{"key": "k2", "body": "\xff"}\n'
    )
    out = recs(f, text_field="body", id_field="key")
    assert out == [
        ("k1", f"{f}:1", "café", None),
        (f"{f}:2", f"{f}:2", None, "bad_record"),
    ]


def test_jsonl_overlong_line_and_text_are_refused(tmp_path: Path) -> None:
    f = tmp_path / "big.jsonl"
    f.write_text(
        '{"text": "' + "x" * 70_000 + '"}\n'  # beyond the line bound: not even parsed
        '{"id": "t", "text": "' + "\u00e9" * 600 + '"}\n'  # 1,200 bytes of UTF-8
        '{"id": "b", "text": "ok"}\n'
    )
    assert recs(f, max_bytes=1000) == [
        (f"{f}:1", f"{f}:1", None, "too_large"),
        ("t", f"{f}:2", None, "too_large"),
        ("b", f"{f}:3", "ok", None),
    ]
    reasons = [r.error for r in iter_records([str(f)], max_bytes=1000) if r.error]
    assert reasons == [
        "line longer than 67536 bytes (limit)",
        "text is 1200 bytes, over the limit of 1000 bytes",
    ]


def test_stdin_jsonl() -> None:
    stdin = io.BytesIO(b'{"id": "s1", "text": "Go and Rust"}\n{"text": "t"}\n')
    out = [(r.id, r.source, r.text) for r in iter_records(["-"], stdin=stdin)]
    assert out == [("s1", "<stdin>:1", "Go and Rust"), ("<stdin>:2", "<stdin>:2", "t")]


@pytest.mark.parametrize(
    ("content", "delimiter"),
    [
        ("id,title,text\n1,ML,PyTorch; CUDA\n2,Nurse,patient care\n", ","),
        ("id;title;text\n1;ML;PyTorch, CUDA\n2;Nurse;patient care\n", ";"),
        ("id\ttitle\ttext\n1\tML\tPyTorch, CUDA\n2\tNurse\tpatient care\n", "\t"),
    ],
)
def test_csv_dialects_are_sniffed(tmp_path: Path, content: str, delimiter: str) -> None:
    f = tmp_path / "p.csv"
    f.write_text(content, encoding="utf-8")
    expected_text = "PyTorch; CUDA" if delimiter == "," else "PyTorch, CUDA"
    assert recs(f) == [
        ("1", f"{f}:2", expected_text, None),
        ("2", f"{f}:3", "patient care", None),
    ]


def test_csv_quoted_multiline_row_keeps_its_start_line(tmp_path: Path) -> None:
    f = tmp_path / "p.csv"
    f.write_text('text,id\n"line one\nline two",a\n"third",b\n', encoding="utf-8")
    assert recs(f) == [
        ("a", f"{f}:2", "line one\nline two", None),
        ("b", f"{f}:4", "third", None),
    ]


def test_csv_bad_rows_become_error_records(tmp_path: Path) -> None:
    f = tmp_path / "p.csv"
    f.write_text(
        'id,text\n1,fine\n2,"broken"quote\n3,also fine\n4\n5,\n6,"extra",field\n',
        encoding="utf-8",
    )
    out = recs(f)
    assert out == [
        ("1", f"{f}:2", "fine", None),
        (f"{f}:2", f"{f}:3", None, "bad_record"),  # id: the 2nd data row; source: line 3
        ("3", f"{f}:4", "also fine", None),
        ("4", f"{f}:5", None, "bad_record"),
        ("5", f"{f}:6", None, "empty"),
        ("6", f"{f}:7", None, "bad_record"),
    ]
    reasons = [r.error for r in iter_records([str(f)]) if r.error]
    assert reasons == [
        "malformed CSV row: ',' expected after '\"'",
        "malformed CSV row: 1 fields, header has 2",
        "empty text",
        "malformed CSV row: 3 fields, header has 2",
    ]


def test_csv_missing_column_and_custom_columns(tmp_path: Path) -> None:
    f = tmp_path / "p.csv"
    f.write_text("ref,body\nr1,SQL\n", encoding="utf-8")
    [missing] = list(iter_records([str(f)]))
    assert (missing.id, missing.error_code, missing.error) == (
        str(f),
        "bad_record",
        "no column 'text' (columns: ref, body)",
    )
    assert recs(f, text_column="body", id_column="ref") == [("r1", f"{f}:2", "SQL", None)]


def test_csv_cp1252_and_empty_file(tmp_path: Path) -> None:
    f = tmp_path / "p.csv"
    f.write_bytes("id,text\n1,caf\u00e9 \u2013 SQL\n".encode("cp1252"))
    assert recs(f) == [("1", f"{f}:2", "caf\u00e9 \u2013 SQL", None)]
    empty = tmp_path / "e.csv"
    empty.write_text("")
    assert recs(empty) == [(str(empty), str(empty), None, "empty")]


def test_documents_and_folders_walked_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("z")
    (tmp_path / "b" / "a.pdf").write_bytes(b"%PDF")
    (tmp_path / "b" / "notes.xyz").write_text("skipped: unknown extension")
    (tmp_path / "a.md").write_text("a")
    (tmp_path / "c.jsonl").write_text('{"id": "j", "text": "x"}\n')
    out = recs(tmp_path)
    assert out == [
        (f"{tmp_path}/a.md", f"{tmp_path}/a.md", f"{tmp_path}/a.md", None),
        (f"{tmp_path}/b/a.pdf", f"{tmp_path}/b/a.pdf", f"{tmp_path}/b/a.pdf", None),
        (f"{tmp_path}/b/z.txt", f"{tmp_path}/b/z.txt", f"{tmp_path}/b/z.txt", None),
        ("j", f"{tmp_path}/c.jsonl:1", "x", None),
    ]
    # an explicit file of unknown type is still a record (the reader decides)
    assert recs(tmp_path / "b" / "notes.xyz")[0][3] is None
    assert count_records([str(tmp_path)]) == 4


def test_a_folder_walk_skips_licence_and_read_me_files(tmp_path: Path) -> None:
    """A folder of resumes with a LICENSE or a README beside them: those are no candidates
    (rank over the shared resume folders scored two licence texts); named on their own
    they are read."""
    (tmp_path / "LICENSE.Apache-2.0.txt").write_text("Apache License")
    (tmp_path / "README.md").write_text("read me")
    (tmp_path / "copying").write_text("GPL")
    (tmp_path / "license_plate_recognition.txt").write_text("a resume about plates")
    (tmp_path / "jane.txt").write_text("Jane, Python")
    assert [r[0] for r in recs(tmp_path)] == [
        f"{tmp_path}/jane.txt",
        f"{tmp_path}/license_plate_recognition.txt",
    ]
    assert count_records([str(tmp_path)]) == 2
    assert recs(tmp_path / "README.md")[0][0] == f"{tmp_path}/README.md"


def test_symlink_loops_and_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "x.txt").write_text("x")
    os.symlink(tmp_path / "d", tmp_path / "d" / "loop")  # d/loop -> d
    os.symlink(tmp_path / "self.txt", tmp_path / "self.txt")  # a file link to itself
    out = recs(tmp_path)
    assert out == [
        (f"{tmp_path}/d/loop", f"{tmp_path}/d/loop", None, "symlink_loop"),
        (f"{tmp_path}/d/x.txt", f"{tmp_path}/d/x.txt", f"{tmp_path}/d/x.txt", None),
        (f"{tmp_path}/self.txt", f"{tmp_path}/self.txt", None, "symlink_loop"),
    ]
    missing = tmp_path / "nope.csv"
    [r] = iter_records([str(missing)])
    assert r == Record(
        id=str(missing),
        source=str(missing),
        error="no such file or directory",
        error_code="not_found",
    )


def test_records_are_lazy(tmp_path: Path) -> None:
    f = tmp_path / "p.jsonl"
    f.write_text('{"text": "a"}\n' * 3)
    it = iter_records([str(f), str(tmp_path / "missing.txt")])
    assert next(it).text == "a"  # nothing beyond the first line had to be read


def test_csv_ids_without_an_id_column_are_data_row_numbers(tmp_path: Path) -> None:
    """Not physical lines: a quoted field over two lines and a blank line do not count."""
    f = tmp_path / "p.csv"
    f.write_text('text,title\n"line one\nline two",A\n\n"third",B\n', encoding="utf-8")
    assert recs(f) == [
        (f"{f}:1", f"{f}:2", "line one\nline two", None),
        (f"{f}:2", f"{f}:5", "third", None),
    ]


def test_keep_fields_are_carried_from_csv_and_jsonl(tmp_path: Path) -> None:
    c = tmp_path / "p.csv"
    c.write_text("id,text,title,company\n1,SQL,Analyst,=cmd\n2,,Nurse,Clinic\n", encoding="utf-8")
    j = tmp_path / "p.jsonl"
    j.write_text('{"id": "a", "text": "SQL", "title": "Dev", "pay": 5}\n', encoding="utf-8")
    keep = ("title", "company", "pay")
    got = [(r.id, r.fields) for r in iter_records([c, j], keep_fields=keep)]
    assert got == [
        ("1", (("title", "Analyst"), ("company", "=cmd"), ("pay", ""))),
        ("2", (("title", "Nurse"), ("company", "Clinic"), ("pay", ""))),  # an error record too
        ("a", (("title", "Dev"), ("company", ""), ("pay", "5"))),
    ]


def test_a_text_column_or_field_absent_everywhere_is_a_value_error(tmp_path: Path) -> None:
    from jobmatch.batch.survey import check_text_source

    c = tmp_path / "p.csv"
    c.write_text("ref,body\nr1,SQL\n", encoding="utf-8")
    j = tmp_path / "p.jsonl"
    j.write_text('{"id": "a", "body": "SQL"}\n{oops\n', encoding="utf-8")
    with pytest.raises(ValueError) as err:
        check_text_source([c])
    assert str(err.value) == (
        "no CSV input has the text column 'text' (--text-column);"
        f" {c}: no column 'text' (columns: ref, body)"
    )
    with pytest.raises(ValueError) as err:
        check_text_source([j])
    assert str(err.value) == f"no JSON line has the text field 'text' (--text-field), in {j}"
    check_text_source([c, j], text_column="body", text_field="body")  # both fine
    check_text_source([tmp_path], text_field="body")  # the CSV of the folder lacks it: fine
    check_text_source(["-"])  # stdin is not read ahead
