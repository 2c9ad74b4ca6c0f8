"""Batch result writers: JSON lines, CSV (formula-safe), and the ranked table.

Each streamed writer flushes per record, so a killed run loses at most its last line
(which :func:`~jobmatch.batch.continuation.repair_tail` cuts before continuing).
"""

from __future__ import annotations

import csv
import heapq
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import IO

from ..models import BatchResult

__all__ = [
    "FORMATS",
    "CSV_COLUMNS",
    "FORMULA_START",
    "TABLE_DEFAULT_TOP",
    "REQUIREMENT_NAMES",
    "JsonlWriter",
    "CsvWriter",
    "CsvLayout",
    "coverage_column",
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
    """Make a CSV cell inert in spreadsheets.

    Args:
        value: the cell.

    Returns:
        ``value``, prefixed with ``'`` if it starts like a formula (``=``, ``+``, ``-``,
        ``@``, tab, carriage return).
    """
    return "'" + value if value.startswith(FORMULA_START) else value


def coverage_column(label: str) -> str:
    """The CSV column of a category's coverage, named for a person.

    Args:
        label: the category's label (``Programming languages``).

    Returns:
        ``Programming languages coverage``.
    """
    return f"{label} coverage"


@dataclass(frozen=True)
class CsvLayout:
    """The columns of a CSV output.

    Attributes:
        keep_fields: input fields carried through, as columns right after ``id``.
        categories: ``(id, label)`` of the profile's categories: one coverage column each
            (:func:`coverage_column`), in profile order; none: one ``coverage`` column of
            ``id=value`` pairs.
    """

    keep_fields: tuple[str, ...] = ()
    categories: tuple[tuple[str, str], ...] = ()

    def columns(self) -> tuple[str, ...]:
        """The header of a new CSV output."""
        coverage = tuple(coverage_column(label) for _, label in self.categories)
        at = CSV_COLUMNS.index("coverage")
        return (
            "id",
            *self.keep_fields,
            *CSV_COLUMNS[1:at],
            *(coverage or ("coverage",)),
            *CSV_COLUMNS[at + 1 :],
        )

    def row(self, r: BatchResult, columns: Sequence[str]) -> list[str]:
        """The cells of ``r`` under ``columns`` (those of the file's header), formula-safe."""
        cells = {
            "id": r.id,
            "source": r.source,
            "status": r.status,
            "score": "" if r.score is None else f"{r.score:g}",
            "coverage": "; ".join(f"{k}={v:.2f}" for k, v in r.coverage.items()),
            "matched": "; ".join(r.matched),
            "missing": "; ".join(r.missing),
            "error": r.error or "",
            "error_code": r.error_code or "",
            "warnings": " | ".join(r.warnings),
            "profile": r.profile or "",
        }
        for cid, label in self.categories:
            value = r.coverage.get(cid)
            cells[coverage_column(label)] = "" if value is None else f"{value:.2f}"
        for name in self.keep_fields:
            cells[name] = r.fields.get(name, "")
        return [neutralise_cell(cells.get(c, "")) for c in columns]


class JsonlWriter:
    """One JSON object per line, flushed per record (a killed run loses at most a line)."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, result: BatchResult) -> None:
        """Write one line and flush."""
        self.stream.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        self.stream.flush()


class CsvWriter:
    """CSV with a header (unless appending), formula-injection-safe cells, flushed per row.

    ``columns`` are those of the file's header (default: ``layout.columns()``): appending to
    a file written by an earlier version keeps its columns, so every row fits the header.
    """

    def __init__(
        self,
        stream: IO[str],
        *,
        header: bool = True,
        layout: CsvLayout | None = None,
        columns: Sequence[str] | None = None,
    ) -> None:
        self.stream = stream
        self.layout = layout or CsvLayout()
        self.columns = tuple(columns or self.layout.columns())
        self.writer = csv.writer(stream, lineterminator="\n")
        if header:
            self.writer.writerow(self.columns)
            stream.flush()

    def write(self, result: BatchResult) -> None:
        """Write one row and flush."""
        self.writer.writerow(self.layout.row(result, self.columns))
        self.stream.flush()


def top_results(results: Iterable[BatchResult], k: int) -> list[BatchResult]:
    """The ``k`` best scored results, in O(k) memory.

    Args:
        results: results in input order (error results are skipped).
        k: how many to keep.

    Returns:
        Best first; among equal scores the earlier record first.
    """
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


#: where a clipped id may start: a path, word or name separator
_BREAK = re.compile(r"[\s/\\_.:,;-]")
_SLASH = re.compile(r"[/\\]")


def _clip(text: str, width: int, sep: str = " ") -> str:
    """``text`` in ``width`` characters, cut before a ``sep`` (", " between the names of a
    list) with "…": "Python, PyTorch, deep learning, …", where "…, computer visi…" cut a
    name in two. Mid-word only when the first name (word) alone is too long, or, for
    words, when the cut would leave less than half the width."""
    if len(text) <= width:
        return text
    listed = sep.startswith(",")
    more = ", …" if listed else " …"
    end = text.rfind(sep, 0, width - len(more) + len(sep))
    if end <= 0 or (not listed and end < width // 2):
        return text[: width - 1] + "…"
    return text[:end] + more


def _clip_left(text: str, width: int) -> str:
    """Keep the end (of an id that is a path: the file name is what tells rows apart),
    starting at a separator ("…/livecareer/CHEF.pdf", not "…vecareer/CHEF.pdf"); mid-word
    only when no separator leaves half the width."""
    if len(text) <= width:
        return text
    start = len(text) - (width - 1)
    # a path keeps its slash ("…/CHEF.pdf"), a name starts after its separator
    slash = _SLASH.search(text, start)
    at = _BREAK.search(text, start - 1)
    if slash is not None and slash.start() - start <= width // 2:
        begin = slash.start()
    elif at is not None and at.end() - start <= width // 2:
        begin = max(at.end(), start)
    else:
        begin = start
    return "…" + text[begin:]


#: names of the requirements of a posting's profile that stand for no skill (a row's
#: "missing" listed the ids: "field" read as nothing a recruiter asks)
REQUIREMENT_NAMES = {
    # a posting's degree requirement: its id is also the lexicon's skill "degree", whose
    # name read as a skill missing rather than the degree the posting asks
    "degree": "required degree",
    "degree_preferred": "preferred degree",
    "field": "field of study",
    "years": "years of experience",
    # the shipped profile's degree requirements ("advanced_degree" read as an id)
    "bachelor": "bachelor's degree",
    "advanced_degree": "master's or PhD",
}


def _missing_name(skill: str, matched: Sequence[str], names: Mapping[str, str]) -> str:
    """A missing skill's name, "(partly)" when it is also matched: a requirement met in part
    (through a related skill: the full report's "upgrades") is listed in both columns."""
    name = names.get(skill, skill)
    return f"{name} (partly)" if skill in matched else name


def write_table(
    stream: IO[str],
    ranked: Sequence[BatchResult],
    *,
    scored: int,
    failed: int,
    skills: int = 4,
    names: Mapping[str, str] | None = None,
    keep_fields: Sequence[str] = (),
) -> None:
    """A readable ranked summary: rank, score, id, kept fields, top matched and missing skills.

    Args:
        stream: where to write.
        ranked: the results to show, best first.
        scored: how many records were scored (for the last line).
        failed: how many failed (for the last line).
        skills: matched / missing skills shown per row (a skill met only in part is in
            both, "(partly)" in the missing column).
        names: skill id -> name (a person reads names; an unknown id is shown as is, a
            posting requirement that is no skill by :data:`REQUIREMENT_NAMES`, which wins).
        keep_fields: input fields shown after the id (``--keep-fields``).
    """
    names = {**(names or {}), **REQUIREMENT_NAMES}  # requirement ids name no skill here
    extra = "".join(f"  {_clip(k, 20):<20}" for k in keep_fields)
    stream.write(f"{'#':>4}  {'score':>5}  {'id':<36}{extra}  {'matched':<40}  missing\n")
    for n, r in enumerate(ranked, 1):
        matched = ", ".join(names.get(s, s) for s in r.matched[:skills]) or "-"
        missing = ", ".join(_missing_name(s, r.matched, names) for s in r.missing[:skills]) or "-"
        score = f"{r.score:5.1f}" if r.score is not None else "    -"
        matched, missing = _clip(matched, 40, ", "), _clip(missing, 40, ", ")
        rid = _clip_left(r.id, 36)
        kept = "".join(f"  {_clip(r.fields.get(k, ''), 20):<20}" for k in keep_fields)
        stream.write(f"{n:>4}  {score}  {rid:<36}{kept}  {matched:<40}  {missing}\n")
    tail = f"{len(ranked):,} of {scored:,} scored records shown"
    if failed:
        tail += f"; {failed:,} failed (see the jsonl or csv output for reasons)"
    stream.write(tail + "\n")
    stream.flush()


def make_writer(
    fmt: str,
    stream: IO[str],
    *,
    header: bool,
    layout: CsvLayout | None = None,
    columns: Sequence[str] | None = None,
) -> JsonlWriter | CsvWriter:
    """The streamed writer of a format.

    Args:
        fmt: ``"csv"``, else JSON lines.
        stream: where to write.
        header: write the CSV header (not when appending).
        layout: the CSV columns (kept fields, coverage per category).
        columns: the header of an existing CSV appended to (default: ``layout``'s).

    Returns:
        A :class:`CsvWriter` or a :class:`JsonlWriter`.
    """
    if fmt == "csv":
        return CsvWriter(stream, header=header, layout=layout, columns=columns)
    return JsonlWriter(stream)
