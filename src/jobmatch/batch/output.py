"""Writing batch results: JSON lines, CSV, a ranked table; resume; progress; summary.

:func:`run_batch` is what ``jobmatch batch`` calls: it opens the output (appending to it
when resuming), streams :func:`~jobmatch.batch.engine.score_many` results into a writer (or a
bounded top-K heap), shows progress on a terminal and returns a :class:`BatchSummary`.

Records left out by ``--min-score`` are listed, id and score, in a sidecar file next to the
output (:func:`dropped_path`: ``OUT.dropped``), so that a resumed run skips them too.
"""

from __future__ import annotations

import csv
import heapq
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass
from typing import IO, Any, TextIO

from ..errors import JobmatchError
from ..models import BatchResult

__all__ = [
    "FORMATS",
    "BatchSummary",
    "run_batch",
    "JsonlWriter",
    "CsvWriter",
    "write_table",
    "top_results",
    "read_done_ids",
    "read_csv_header",
    "read_dropped_ids",
    "dropped_path",
    "DroppedLog",
    "repair_tail",
    "neutralise_cell",
    "CSV_COLUMNS",
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
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class BatchSummary:
    ok: int
    failed: int
    #: records written to the output (fewer than ok + failed with --top / --min-score)
    written: int
    #: records skipped because the output already had them, or its ``.dropped`` sidecar
    #: listed them as left out by ``--min-score`` (resume)
    skipped: int
    seconds: float

    @property
    def rate(self) -> float:
        return (self.ok + self.failed) / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        """The one-line summary printed on stderr at the end of a run."""
        resumed = f", {self.skipped:,} already done" if self.skipped else ""
        return (
            f"batch: {self.ok:,} ok, {self.failed:,} failed{resumed},"
            f" {self.seconds:.1f} s, {self.rate:,.1f} records/s"
        )


# --- cells and rows ---------------------------------------------------------------------


def neutralise_cell(value: str) -> str:
    """Make a CSV cell inert in spreadsheets: prefix ``'`` if it starts like a formula."""
    return "'" + value if value.startswith(_FORMULA_START) else value


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


# --- resume -------------------------------------------------------------------------------


def repair_tail(path: str | os.PathLike[str]) -> int:
    """Cut a torn last line (a run killed mid-write); return the bytes removed."""
    with open(path, "r+b") as f:
        size = f.seek(0, os.SEEK_END)
        if size == 0:
            return 0
        f.seek(size - 1)
        if f.read(1) == b"\n":
            return 0
        pos = size
        while pos > 0:
            step = min(65536, pos)
            f.seek(pos - step)
            block = f.read(step)
            nl = block.rfind(b"\n")
            if nl >= 0:
                keep = pos - step + nl + 1
                f.truncate(keep)
                return size - keep
            pos -= step
        f.truncate(0)
        return size


def read_csv_header(path: str | os.PathLike[str]) -> tuple[str, ...] | None:
    """The header of an existing CSV batch output (``None`` if it has none, or is JSONL)."""
    with open(path, newline="", encoding="utf-8", errors="replace") as f:
        header = next(csv.reader(f), None)
    return tuple(header) if header and "id" in header else None


def read_done_ids(path: str | os.PathLike[str]) -> Counter[str]:
    """Ids already written to a JSONL or CSV batch output, with how often each occurs.

    Unparseable lines (a torn last line) are ignored: those records are simply redone.
    """
    done: Counter[str] = Counter()
    with open(path, "rb") as f:
        head = f.read(4096).lstrip()
    if head.startswith(b"{") or not head:
        with open(path, "rb") as f:
            for raw in f:
                try:
                    obj = json.loads(raw)
                except ValueError:
                    continue
                if isinstance(obj, dict) and isinstance(obj.get("id"), str):
                    done[obj["id"]] += 1
        return done
    with open(path, newline="", encoding="utf-8", errors="replace") as f:
        reader = csv.reader(f)
        header = next(reader, [])
        if "id" not in header:
            return done
        at = header.index("id")
        for row in reader:
            if len(row) == len(header):
                cell = row[at]
                # undo the formula neutralisation of the writer
                if cell.startswith("'") and cell[1:].startswith(_FORMULA_START):
                    cell = cell[1:]
                done[cell] += 1
    return done


def dropped_path(output: str | os.PathLike[str]) -> str:
    """The sidecar of a batch output listing the records ``--min-score`` left out of it."""
    return os.fspath(output) + ".dropped"


class DroppedLog:
    """Appends ``{"id": ..., "score": ...}`` lines to a ``.dropped`` sidecar, one per record
    left out by ``--min-score``, flushed like the output (opened at the first one)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.stream: IO[str] | None = None

    def write(self, result: BatchResult) -> None:
        if self.stream is None:
            try:
                self.stream = open(self.path, "a", encoding="utf-8")
            except OSError as exc:
                raise JobmatchError(
                    f"cannot write the list of records below --min-score: {exc.strerror or exc}",
                    source=self.path,
                ) from exc
        line = {"id": result.id, "score": result.score}
        self.stream.write(json.dumps(line, ensure_ascii=False) + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.stream is not None:
            self.stream.close()


def read_dropped_ids(path: str | os.PathLike[str], min_score: float | None) -> Counter[str]:
    """Ids in a ``.dropped`` sidecar that ``min_score`` leaves out again, with their counts.

    A record dropped earlier that ``min_score`` would keep (a lower threshold, or none) is
    not listed: it is scored again and written. A missing sidecar lists nothing; a torn
    last line (no line end) and unparseable lines are ignored (those records are redone).
    """
    dropped: Counter[str] = Counter()
    if min_score is None or not os.path.isfile(path):
        return dropped
    with open(path, "rb") as f:
        for raw in f:
            if not raw.endswith(b"\n"):
                continue  # torn: cut off by repair_tail before the sidecar is appended to
            try:
                obj = json.loads(raw)
            except ValueError:
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get("id"), str):
                continue
            score = obj.get("score")
            if isinstance(score, int | float) and score < min_score:
                dropped[obj["id"]] += 1
    return dropped


def _resumed_ids(path: str | os.PathLike[str], min_score: float | None) -> Counter[str]:
    """What a run resuming from ``path`` skips: the ids written to it, and those its
    ``.dropped`` sidecar lists as below ``min_score``."""
    return read_done_ids(path) + read_dropped_ids(dropped_path(path), min_score)


# --- progress ---------------------------------------------------------------------------


class _Progress:
    """``records done, rate, ETA`` on one terminal line, redrawn at most 5 times a second."""

    def __init__(self, stream: TextIO, total: int | None) -> None:
        self.stream = stream
        self.total = total
        self.start = time.monotonic()
        self.last = 0.0

    def update(self, done: int, failed: int) -> None:
        now = time.monotonic()
        if now - self.last < 0.2:
            return
        self.last = now
        elapsed = max(now - self.start, 1e-9)
        rate = done / elapsed
        line = f"{done:,}"
        if self.total:
            line += f"/{self.total:,}"
        line += f" records  {rate:,.1f}/s" if rate < 100 else f" records  {rate:,.0f}/s"
        if failed:
            line += f"  {failed:,} failed"
        if self.total and rate > 0 and done <= self.total:
            eta = int((self.total - done) / rate)
            line += f"  ETA {eta // 3600}:{eta // 60 % 60:02d}:{eta % 60:02d}"
        self.stream.write("\r" + line + "\x1b[K")
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("\r\x1b[K")
        self.stream.flush()


# --- the run ----------------------------------------------------------------------------


def run_batch(
    inputs: Sequence[str],
    *,
    output: str | None = None,
    format: str | None = None,
    profile: Any = "research-engineer",
    resume: Any = None,
    jobs: int = 1,
    top: int | None = None,
    min_score: float | None = None,
    resume_from: str | None = None,
    quiet: bool = False,
    record_options: dict[str, Any] | None = None,
    max_bytes: int | None = None,
    timeout: float | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    stdin: IO[bytes] | None = None,
) -> BatchSummary:
    """Score ``inputs`` and write the results; see ``jobmatch batch --help``.

    Resuming (``resume_from``, or an existing JSONL/CSV ``output``) appends to the output
    and skips the ids it already holds, and those its ``.dropped`` sidecar lists as below
    ``min_score``. Raises ``ValueError`` for contradictory options.
    """
    from .engine import DEFAULT_TIMEOUT, score_many
    from .records import DEFAULT_MAX_BYTES, iter_records

    fmt = format or _format_from_name(output or resume_from)
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if (top is not None or fmt == "table") and resume_from:
        raise ValueError("--resume-from needs a streamed output (jsonl or csv), not --top/table")
    if top is not None and top < 1:
        raise ValueError("--top must be at least 1")
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    output = output or resume_from
    ranked = top is not None or fmt == "table"
    limit = max_bytes or DEFAULT_MAX_BYTES

    done: Counter[str] = Counter()
    append = False
    if resume_from and os.path.isfile(resume_from):
        done = _resumed_ids(resume_from, min_score)
    if output and not ranked and os.path.isfile(output) and os.path.getsize(output) > 0:
        repair_tail(output)  # a torn last line is redone, not kept
        append = True
        if not resume_from:
            done = _resumed_ids(output, min_score)
    skipped = sum(done.values())

    records = iter_records(inputs, max_bytes=limit, stdin=stdin, **(record_options or {}))
    results = score_many(
        records,
        profile=profile,
        resume=resume,
        jobs=jobs,
        max_bytes=limit,
        timeout=timeout or DEFAULT_TIMEOUT,
        skip=done,
    )
    progress = None
    if not quiet and stderr.isatty():
        from .records import count_records

        total = count_records(inputs)
        progress = _Progress(stderr, None if total is None else max(total - skipped, 0))
    counts = _Counts(progress)
    start = time.monotonic()

    out_file: IO[str] | None = None
    dropped: DroppedLog | None = None
    try:
        if output:
            try:
                out_file = open(output, "a" if append else "w", encoding="utf-8", newline="")
            except OSError as exc:
                raise JobmatchError(
                    f"cannot write the output: {exc.strerror or exc}", source=output
                ) from exc
            sidecar = dropped_path(output)
            if not append:
                # it described the output just overwritten
                with suppress(FileNotFoundError):
                    os.remove(sidecar)
            elif os.path.isfile(sidecar):
                repair_tail(sidecar)
            if not ranked and min_score is not None:
                dropped = DroppedLog(sidecar)
        stream: IO[str] = out_file or stdout
        written = 0
        if ranked:
            best = top_results(counts.watch(results), top or TABLE_DEFAULT_TOP)
            if min_score is not None:
                best = [r for r in best if r.score is not None and r.score >= min_score]
            written = len(best)
            if fmt == "table":
                write_table(stream, best, scored=counts.ok, failed=counts.failed)
            else:
                writer = _writer(fmt, stream, header=True)
                for r in best:
                    writer.write(r)
        else:
            old_header = read_csv_header(output) if output and append and fmt == "csv" else None
            columns = old_header or CSV_COLUMNS
            writer = _writer(fmt, stream, header=not append, columns=columns)
            for r in counts.watch(results):
                if min_score is not None and r.ok and (r.score or 0.0) < min_score:
                    if dropped is not None:
                        dropped.write(r)  # so that a resumed run skips it too
                    continue
                writer.write(r)
                written += 1
    finally:
        if progress is not None:
            progress.close()
        if out_file is not None:
            out_file.close()
        if dropped is not None:
            dropped.close()
    summary = BatchSummary(
        ok=counts.ok,
        failed=counts.failed,
        written=written,
        skipped=skipped,
        seconds=time.monotonic() - start,
    )
    if ranked and counts.failed and not quiet:
        for source, reason in counts.failures:
            stderr.write(f"failed: {source}: {reason}\n")
        if counts.failed > len(counts.failures):
            stderr.write(f"failed: ... and {counts.failed - len(counts.failures):,} more\n")
    if not quiet:
        stderr.write(summary.line() + "\n")
        stderr.flush()
    return summary


class _Counts:
    #: failures listed on stderr when the output itself (top-K) leaves them out
    KEEP_FAILURES = 20

    def __init__(self, progress: _Progress | None) -> None:
        self.ok = 0
        self.failed = 0
        self.failures: list[tuple[str, str]] = []
        self.progress = progress

    def watch(self, results: Iterable[BatchResult]) -> Iterator[BatchResult]:
        for r in results:
            if r.ok:
                self.ok += 1
            else:
                self.failed += 1
                if len(self.failures) < self.KEEP_FAILURES:
                    self.failures.append((r.source, r.error or ""))
            if self.progress is not None:
                self.progress.update(self.ok + self.failed, self.failed)
            yield r


def _writer(
    fmt: str, stream: IO[str], *, header: bool, columns: Sequence[str] = CSV_COLUMNS
) -> JsonlWriter | CsvWriter:
    if fmt == "csv":
        return CsvWriter(stream, header=header, columns=columns)
    return JsonlWriter(stream)


def _format_from_name(name: str | None) -> str:
    if name and name.lower().endswith(".csv"):
        return "csv"
    return "jsonl"
