"""Batch input: turn paths, CSV rows and JSON lines into a lazy stream of :class:`Record`.

Every input record becomes exactly one :class:`Record`, in input order, with a stable id
(the id given in the data, else the file path for a document, else ``file:line``). A record
that cannot be used (malformed CSV row or JSON line, missing column, empty text, unreadable
directory, symlink loop) becomes an *error record* instead of being dropped, so the batch
run can write it out and carry on. Documents (PDF, DOCX...) are not read here: the record
carries the path and the scoring worker reads it under the time limit.
"""

from __future__ import annotations

import codecs
import csv
import errno
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO, Any

from ..read.encodings import detect_encoding

__all__ = [
    "Record",
    "iter_records",
    "DOCUMENT_EXTENSIONS",
    "CSV_EXTENSIONS",
    "JSONL_EXTENSIONS",
    "PROJECT_FILE",
    "walked",
    "DEFAULT_MAX_BYTES",
]

#: documents read with :func:`jobmatch.read.documents.read_document`, one record each
DOCUMENT_EXTENSIONS = frozenset(
    {".pdf", ".docx", ".txt", ".text", ".md", ".markdown", ".html", ".htm"}
)
#: files a folder of documents keeps beside them (a licence, a read-me, a change log): a
#: folder walk skips them; named on their own they are read
PROJECT_FILE = re.compile(
    r"^(?:licen[cs]e|copying|notice|readme|changelog|changes|authors|contributing)(?:[.-].*)?$",
    re.IGNORECASE,
)
CSV_EXTENSIONS = frozenset({".csv", ".tsv"})
JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson", ".jsonlines"})


def walked(name: str, extensions: frozenset[str] | None = None) -> bool:
    """Whether a folder walk takes the file ``name`` (its base name): a document, CSV or
    JSONL file (or one of ``extensions``), and not a :data:`PROJECT_FILE`."""
    known = (
        DOCUMENT_EXTENSIONS | CSV_EXTENSIONS | JSONL_EXTENSIONS
        if extensions is None
        else extensions
    )
    return os.path.splitext(name)[1].lower() in known and not PROJECT_FILE.match(name)


#: default per-record text size limit (bytes of UTF-8)
DEFAULT_MAX_BYTES = 10_000_000

_SNIFF_BYTES = 64 * 1024
_DELIMITERS = ",;\t|"
_STDIN_NAME = "<stdin>"
#: how the reason of a record without its text column / field starts
_MISSING_TEXT = ("no column ", "no field ")


@dataclass(frozen=True, slots=True)
class Record:
    """One input record: a text in hand, a document path to read, or an error.

    Exactly one of ``text``, ``path`` and ``error`` is set.
    """

    id: str
    #: where it came from: a path, or ``file:line`` for CSV rows and JSON lines
    source: str
    text: str | None = None
    path: str | None = None
    #: the one-line reason this record cannot be scored
    error: str | None = None
    #: short reason code (the ``.code`` of the matching :class:`~jobmatch.errors.JobmatchError`)
    error_code: str | None = None
    #: input fields carried through to the output (``keep_fields``), as ``(name, value)``
    fields: tuple[tuple[str, str], ...] = ()

    @classmethod
    def failed(
        cls,
        record_id: str,
        source: str,
        reason: str,
        code: str,
        fields: tuple[tuple[str, str], ...] = (),
    ) -> Record:
        """An error record: ``reason`` on one line, ``code`` as for a JobmatchError."""
        return cls(
            id=record_id,
            source=source,
            error=" ".join(reason.split()),
            error_code=code,
            fields=fields,
        )

    @property
    def missing_text(self) -> bool:
        """Whether this error record is a CSV file without the text column, or a JSON line
        without the text field (the options may name the wrong one)."""
        return self.error is not None and self.error.startswith(_MISSING_TEXT)


def iter_records(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    text_column: str = "text",
    id_column: str | None = "id",
    text_field: str = "text",
    id_field: str | None = "id",
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: IO[bytes] | None = None,
    keep_fields: Sequence[str] = (),
) -> Iterator[Record]:
    """Yield one :class:`Record` per input record, lazily, in input order.

    ``inputs`` are paths: documents (one record each), ``.csv``/``.tsv`` files (one record
    per row, text in ``text_column``), ``.jsonl`` files (one record per line, text in
    ``text_field``), directories (walked recursively, sorted, by extension; symlink loops
    are reported, not followed) or ``"-"`` for JSON lines on ``stdin``. The id comes from
    ``id_column``/``id_field`` when the record has a non-empty value there, else it is the
    path (documents), ``file:line`` (JSON lines) or ``file:row`` (CSV: the data row number,
    1 for the row after the header, whatever the lines quoted fields span).

    Args:
        inputs: paths, folders, or ``"-"``.
        text_column: the CSV column holding the text; ``id_column`` the one of the id.
        text_field: the JSON field holding the text; ``id_field`` the one of the id.
        max_bytes: a text over this many bytes of UTF-8 becomes an error record.
        stdin: the byte stream read for ``"-"`` (default ``sys.stdin.buffer``).
        keep_fields: CSV columns / JSON fields copied into each record's ``fields``
            (``""`` when absent; a JSON value that is not a string as JSON text).

    Returns:
        A lazy iterator of records; an unusable input record (missing file, malformed
        row, empty text...) is an error record, never an exception.
    """
    opts = _Options(text_column, id_column, text_field, id_field, max_bytes, tuple(keep_fields))
    for item in inputs:
        name = os.fspath(item)
        if name == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _iter_jsonl_stream(stream, _STDIN_NAME, opts)
        else:
            yield from _iter_path(name, opts, explicit=True, seen=set())


@dataclass(frozen=True, slots=True)
class _Options:
    text_column: str
    id_column: str | None
    text_field: str
    id_field: str | None
    max_bytes: int
    keep_fields: tuple[str, ...] = ()


def _os_error(name: str, exc: OSError) -> Record:
    if isinstance(exc, FileNotFoundError):
        return Record.failed(name, name, "no such file or directory", "not_found")
    if isinstance(exc, PermissionError):
        return Record.failed(name, name, "permission denied", "unreadable")
    if exc.errno == errno.ELOOP:
        return Record.failed(name, name, "symlink loop", "symlink_loop")
    return Record.failed(name, name, exc.strerror or str(exc), "unreadable")


def _iter_path(
    name: str, opts: _Options, *, explicit: bool, seen: set[tuple[int, int]]
) -> Iterator[Record]:
    try:
        st = os.stat(name)
    except OSError as exc:
        yield _os_error(name, exc)
        return
    except ValueError:  # a NUL character or a lone surrogate: no file can have that name
        yield Record.failed(name, name, "no such file (invalid name)", "not_found")
        return
    if stat.S_ISDIR(st.st_mode):
        yield from _walk(name, st, opts, seen)
        return
    ext = os.path.splitext(name)[1].lower()
    if ext in CSV_EXTENSIONS:
        yield from _iter_csv(name, opts)
    elif ext in JSONL_EXTENSIONS:
        try:
            with open(name, "rb") as stream:
                yield from _iter_jsonl_stream(stream, name, opts)
        except OSError as exc:
            yield _os_error(name, exc)
    elif explicit or ext in DOCUMENT_EXTENSIONS:
        # read later, by the scoring worker (under the per-document time limit)
        yield Record(id=name, source=name, path=name)


def _walk(
    name: str, st: os.stat_result, opts: _Options, seen: set[tuple[int, int]]
) -> Iterator[Record]:
    key = (st.st_dev, st.st_ino)
    if key in seen:
        # reached again through a symlink: following it would loop (or repeat records)
        yield Record.failed(name, name, "symlink loop: directory already visited", "symlink_loop")
        return
    seen.add(key)
    try:
        with os.scandir(name) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield _os_error(name, exc)
        return
    for entry in entries:
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if not is_dir and not walked(entry.name):
            continue
        yield from _iter_path(entry.path, opts, explicit=False, seen=seen)


def _check_text(
    value: Any, field: str, max_bytes: int
) -> tuple[str | None, str | None, str | None]:
    """(text, error reason, error code) for a CSV cell or JSON value."""
    if value is None:
        return None, f"no {field}", "bad_record"
    if not isinstance(value, str):
        return None, f"{field} is not a string ({type(value).__name__})", "bad_record"
    if not value.strip():
        return None, "empty text", "empty"
    if len(value) * 4 > max_bytes:  # only encode when it could pass the limit
        size = len(value.encode("utf-8", "surrogatepass"))
        if size > max_bytes:
            return None, f"text is {size} bytes, over the limit of {max_bytes} bytes", "too_large"
    return value, None, None


def _clean_id(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    text = str(value).strip()
    return text or None


# --- JSON lines -------------------------------------------------------------------------


def _iter_jsonl_stream(stream: IO[bytes], name: str, opts: _Options) -> Iterator[Record]:
    # JSON escaping can grow a text; lines beyond this bound are refused unread
    max_line = 2 * opts.max_bytes + 65536
    lineno = 0
    while True:
        raw = stream.readline(max_line + 1)
        if not raw:
            return
        lineno += 1
        where = f"{name}:{lineno}"
        if len(raw) > max_line and not raw.endswith(b"\n"):
            while True:  # skip the rest of the over-long line in bounded pieces
                rest = stream.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield Record.failed(
                where, where, f"line longer than {max_line} bytes (limit)", "too_large"
            )
            continue
        if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        if not raw.strip():
            continue  # blank lines are not records
        yield _jsonl_record(raw, where, opts)


def _jsonl_record(raw: bytes, where: str, opts: _Options) -> Record:
    try:
        obj = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return Record.failed(where, where, f"line is not UTF-8 ({exc.reason})", "bad_record")
    except json.JSONDecodeError as exc:
        return Record.failed(
            where, where, f"malformed JSON: {exc.msg} at column {exc.colno}", "bad_record"
        )
    if not isinstance(obj, dict):
        return Record.failed(where, where, "line is not a JSON object", "bad_record")
    rid = (_clean_id(obj.get(opts.id_field)) if opts.id_field else None) or where
    kept = tuple((k, _json_cell(obj.get(k))) for k in opts.keep_fields)
    if opts.text_field not in obj:
        return Record.failed(rid, where, f"no field {opts.text_field!r}", "bad_record", kept)
    text, reason, code = _check_text(
        obj[opts.text_field], f"field {opts.text_field!r}", opts.max_bytes
    )
    if text is None:
        return Record.failed(rid, where, reason or "", code or "bad_record", kept)
    return Record(id=rid, source=where, text=text, fields=kept)


def _json_cell(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


# --- CSV --------------------------------------------------------------------------------


def _sniff_delimiter(sample: str, name: str, text_column: str) -> str:
    default = "\t" if name.lower().endswith(".tsv") else ","
    cut = sample.rfind("\n")
    sample = sample[: cut + 1] if cut > 0 else sample
    first = sample.splitlines()[:1]

    def header_has_text_column(delimiter: str) -> bool:
        header = next(csv.reader(first, delimiter=delimiter), [])
        return text_column in [h.strip() for h in header]

    try:
        sniffed = str(csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter)
    except csv.Error:
        sniffed = default
    # the sniffer guesses from character counts (prose full of commas fools it): trust a
    # delimiter only if it splits the header into a row that names the text column.
    # (Only the delimiter is sniffed: quoting guesses are unreliable, exports double quotes.)
    candidates: list[str] = [sniffed, default, *_DELIMITERS]
    return next((d for d in candidates if header_has_text_column(d)), sniffed)


def _iter_csv(name: str, opts: _Options) -> Iterator[Record]:
    try:
        with open(name, "rb") as fb:
            sample_bytes = fb.read(_SNIFF_BYTES)
        # the documents' detector (BOM, UTF-16, UTF-8, CP-1252, Latin-1) on the first 64 KB
        encoding = detect_encoding(sample_bytes, partial=True).codec
        with open(name, newline="", encoding=encoding, errors="replace") as f:
            delimiter = _sniff_delimiter(f.read(_SNIFF_BYTES), name, opts.text_column)
            f.seek(0)
            yield from _csv_rows(f, name, delimiter, opts)
    except OSError as exc:
        yield _os_error(name, exc)


def _csv_rows(f: IO[str], name: str, delimiter: str, opts: _Options) -> Iterator[Record]:
    if csv.field_size_limit() < opts.max_bytes + 1:
        csv.field_size_limit(opts.max_bytes + 1)
    reader = csv.reader(f, csv.excel, delimiter=delimiter, strict=True)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        yield Record.failed(name, name, "empty CSV file", "empty")
        return
    except csv.Error as exc:
        yield Record.failed(name, name, f"malformed CSV header: {exc}", "bad_record")
        return
    if opts.text_column not in header:
        columns = ", ".join(header)
        yield Record.failed(
            name, name, f"no column {opts.text_column!r} (columns: {columns})", "bad_record"
        )
        return
    text_at = header.index(opts.text_column)
    id_at = header.index(opts.id_column) if opts.id_column in header else None
    keep_at = [(k, header.index(k) if k in header else None) for k in opts.keep_fields]
    start = reader.line_num + 1
    number = 0  # the data row number: what a spreadsheet user counts, not physical lines
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            number += 1
            where = f"{name}:{start}"
            code = "too_large" if "field larger" in str(exc) else "bad_record"
            yield Record.failed(f"{name}:{number}", where, f"malformed CSV row: {exc}", code)
            start = reader.line_num + 1
            continue
        where = f"{name}:{start}"
        start = reader.line_num + 1
        if not row:
            continue  # blank line
        number += 1
        yield _csv_record(row, header, where, f"{name}:{number}", text_at, id_at, keep_at, opts)


def _csv_record(
    row: list[str],
    header: list[str],
    where: str,
    number: str,
    text_at: int,
    id_at: int | None,
    keep_at: list[tuple[str, int | None]],
    opts: _Options,
) -> Record:
    rid = (_clean_id(row[id_at]) if id_at is not None and id_at < len(row) else None) or number
    kept = tuple((k, row[i] if i is not None and i < len(row) else "") for k, i in keep_at)
    if len(row) != len(header):
        malformed = f"malformed CSV row: {len(row)} fields, header has {len(header)}"
        return Record.failed(rid, where, malformed, "bad_record", kept)
    value, reason, kind = _check_text(row[text_at], f"column {opts.text_column!r}", opts.max_bytes)
    if value is None:
        return Record.failed(rid, where, reason or "", kind or "bad_record", kept)
    return Record(id=rid, source=where, text=value, fields=kept)
