"""A look at the inputs before a run: how many records (for an ETA), and whether the text
column / field the options name exists at all (a wrong name is a usage error, not one
failed record per row)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from .records import (
    CSV_EXTENSIONS,
    JSONL_EXTENSIONS,
    Record,
    iter_records,
    walked,
)

__all__ = ["count_records", "check_text_source"]

#: JSON lines read at most, per file, looking for one that has the text field
_SCAN_LINES = 100_000
#: error reasons of records that do have the text column / field (with a bad value)
_PRESENT = ("field ", "column ", "text is ")


def count_records(inputs: Iterable[str | os.PathLike[str]]) -> int | None:
    """A quick upper estimate of the number of records (for a progress ETA).

    Args:
        inputs: the inputs of a run.

    Returns:
        The lines of the CSV/JSONL files and one per document; ``None`` when an input is
        stdin (it cannot be read ahead).
    """
    total = 0
    for item in inputs:
        name = os.fspath(item)
        if name == "-":
            return None
        path = Path(name)
        if path.is_dir():
            # os.walk does not follow directory symlinks: no loops while counting
            for root, _dirs, files in os.walk(path):
                total += count_records(os.path.join(root, f) for f in files if walked(f)) or 0
        elif path.suffix.lower() in CSV_EXTENSIONS | JSONL_EXTENSIONS:
            try:
                with open(path, "rb") as f:
                    while block := f.read(1 << 20):
                        total += block.count(b"\n")
            except OSError:
                total += 1
        else:
            total += 1
    return total


def _tabular_files(inputs: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """The CSV and JSONL files among ``inputs`` and in their folders, sorted (stdin excluded)."""
    for item in inputs:
        path = Path(os.fspath(item))
        if os.fspath(item) == "-":
            continue
        try:
            is_dir = path.is_dir()
        except OSError:  # a name too long to be a file: the records report it, one by one
            continue
        if is_dir:
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for f in sorted(files):
                    if walked(f, CSV_EXTENSIONS | JSONL_EXTENSIONS):
                        yield Path(root, f)
        elif path.suffix.lower() in CSV_EXTENSIONS | JSONL_EXTENSIONS and path.is_file():
            yield path


def check_text_source(
    inputs: Iterable[str | os.PathLike[str]], *, text_column: str = "text", text_field: str = "text"
) -> None:
    """Check that the text column / field exists in at least one CSV / JSONL input.

    Args:
        inputs: the inputs of a run (paths, folders, ``"-"``; stdin is not checked).
        text_column: the CSV column holding the text.
        text_field: the JSONL field holding the text.

    Raises:
        ValueError: when there are CSV inputs and none has ``text_column`` in its header, or
            JSONL inputs with JSON objects and none has ``text_field`` (in its first
            100,000 lines); the message names the option and what the inputs have instead.
    """
    csv_seen: list[tuple[Path, str]] = []
    jsonl_seen: list[Path] = []
    for path in _tabular_files(inputs):
        is_csv = path.suffix.lower() in CSV_EXTENSIONS
        records = iter_records([path], text_column=text_column, text_field=text_field)
        verdict = _has_text(islice(records, 1 if is_csv else _SCAN_LINES))
        if verdict is True:
            return
        if isinstance(verdict, str) and is_csv:
            csv_seen.append((path, verdict))
        elif isinstance(verdict, str):
            jsonl_seen.append(path)
    if csv_seen:
        path, reason = csv_seen[0]
        raise ValueError(
            f"no CSV input has the text column {text_column!r} (--text-column); {path}: {reason}"
        )
    if jsonl_seen:
        raise ValueError(
            f"no JSON line has the text field {text_field!r} (--text-field), in"
            f" {', '.join(map(str, jsonl_seen[:3]))}"
        )


def _has_text(records: Iterable[Record]) -> bool | str | None:
    """True: a record has the text; a reason: only records without it; None: no evidence."""
    missing: str | None = None
    for rec in records:
        if rec.missing_text:
            missing = rec.error
        elif rec.error is None or rec.error_code == "empty" or rec.error.startswith(_PRESENT):
            return True
    return missing
