"""Batch result writers: JSON lines, CSV (formula-safe), and the ranked table.

Each streamed writer flushes per record, so a killed run loses at most its last line
(which :func:`~jobmatch.batch.continuation.repair_tail` cuts before continuing).
"""

from __future__ import annotations

import csv
import heapq
import json
from collections.abc import Iterable, Sequence
from typing import IO

from ..models import BatchResult

__all__ = [
    "FORMATS",
    "CSV_COLUMNS",
    "FORMULA_START",
    "TABLE_DEFAULT_TOP",
    "JsonlWriter",
    "CsvWriter",
    "neutralise_cell",
    "top_results",
    "write_table",
    "make_writer",
]

FORMATS = ("jsonl", "csv", "table")
#: rows shown by the ``table`` format when no ``--top`` is given
TABLE_DEFAULT_TOP = 20
CSV_COLUMNS = (
    "id",
    "source",
    "status",
    "score",
    "coverage",
    "matched",
    "missing",
    "error",
    "error_code",
    "warnings",
    "profile",
)
#: first characters that make a spreadsheet read a cell as a formula
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: str) -> str:
    """Make a CSV cell inert in spreadsheets: prefix ``'`` if it starts like a formula."""
    return "'" + value if value.startswith(FORMULA_START) else value


def _coverage_text(coverage: dict[str, float]) -> str:
    return "; ".join(f"{k}={v:.2f}" for k, v in coverage.items())


def _csv_row(r: BatchResult, columns: Sequence[str] = CSV_COLUMNS) -> list[str]:
    cells = {
        "id": r.id,
        "source": r.source,
        "status": r.status,
        "score": "" if r.score is None else f"{r.score:g}",
        "coverage": _coverage_text(r.coverage),
        "matched": "; ".join(r.matched),
        "missing": "; ".join(r.missing),
        "error": r.error or "",
        "error_code": r.error_code or "",
        "warnings": " | ".join(r.warnings),
        "profile": r.profile or "",
    }
    return [neutralise_cell(cells.get(c, "")) for c in columns]


class JsonlWriter:
    """One JSON object per line, flushed per record (a killed run loses at most a line)."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, result: BatchResult) -> None:
        self.stream.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        self.stream.flush()


class CsvWriter:
    """CSV with a header (unless appending), formula-injection-safe cells, flushed per row.

    ``columns`` are those of the file's header: appending to a file written by an earlier
    version (without the ``profile`` column) keeps its columns, so every row fits the header.
    """

    def __init__(
        self, stream: IO[str], *, header: bool = True, columns: Sequence[str] = CSV_COLUMNS
    ) -> None:
        self.stream = stream
        self.columns = tuple(columns)
        self.writer = csv.writer(stream, lineterminator="\n")
        if header:
            self.writer.writerow(self.columns)
            stream.flush()

    def write(self, result: BatchResult) -> None:
        self.writer.writerow(_csv_row(result, self.columns))
        self.stream.flush()


def top_results(results: Iterable[BatchResult], k: int) -> list[BatchResult]:
    """The ``k`` best scored results, best first (ties: input order), in O(k) memory."""
    heap: list[tuple[float, int, BatchResult]] = []
    for seq, r in enumerate(results):
        if r.score is None:
            continue
        item = (r.score, -seq, r)  # -seq: among equal scores the earlier record ranks higher
        if len(heap) < k:
            heapq.heappush(heap, item)
        elif item[:2] > heap[0][:2]:
            heapq.heapreplace(heap, item)
    return [r for _, _, r in sorted(heap, key=lambda t: t[:2], reverse=True)]


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def write_table(
    stream: IO[str], ranked: Sequence[BatchResult], *, scored: int, failed: int, skills: int = 4
) -> None:
    """A readable ranked summary: rank, score, id, top matched and missing skills."""
    stream.write(f"{'#':>4}  {'score':>5}  {'id':<36}  {'matched':<40}  missing\n")
    for n, r in enumerate(ranked, 1):
        matched = ", ".join(r.matched[:skills]) or "-"
        missing = ", ".join(r.missing[:skills]) or "-"
        score = f"{r.score:5.1f}" if r.score is not None else "    -"
        rid, matched, missing = _clip(r.id, 36), _clip(matched, 40), _clip(missing, 40)
        stream.write(f"{n:>4}  {score}  {rid:<36}  {matched:<40}  {missing}\n")
    tail = f"{len(ranked):,} of {scored:,} scored records shown"
    if failed:
        tail += f"; {failed:,} failed (see the jsonl or csv output for reasons)"
    stream.write(tail + "\n")
    stream.flush()


def make_writer(
    fmt: str, stream: IO[str], *, header: bool, columns: Sequence[str] = CSV_COLUMNS
) -> JsonlWriter | CsvWriter:
    """The streamed writer of ``fmt`` (``"csv"``, else JSON lines) over ``stream``."""
    if fmt == "csv":
        return CsvWriter(stream, header=header, columns=columns)
    return JsonlWriter(stream)
