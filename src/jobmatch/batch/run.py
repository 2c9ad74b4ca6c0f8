"""``jobmatch batch`` as one library call: :func:`run_batch`.

It opens the output (appending to it when continuing a run), streams
:func:`~jobmatch.batch.stream.score_many` results into a writer (or a bounded top-K heap),
tells an optional :class:`~jobmatch.batch.summary.BatchProgress` how far it is and returns a
:class:`~jobmatch.batch.summary.BatchSummary`. It draws and prints nothing.

Records left out by ``min_score`` are listed, id and score, in a sidecar file next to the
output (:func:`~jobmatch.batch.continuation.dropped_path`: ``OUT.dropped``), so that a
continued run skips them too.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, TextIO

from ..errors import JobmatchError
from ..models import BatchResult, Document
from .continuation import (
    MIN_SCORE,
    DroppedLog,
    check_settings,
    done_ids,
    dropped_path,
    read_csv_header,
    repair_tail,
    write_settings,
)
from .settings import coverage_categories, run_settings, skill_names
from .summary import BatchInterrupted, BatchProgress, BatchSummary
from .survey import check_text_source, count_records
from .writers import (
    FORMATS,
    TABLE_DEFAULT_TOP,
    CsvLayout,
    make_writer,
    top_results,
    write_table,
)

__all__ = ["run_batch", "OUTPUT_EXTENSIONS"]

#: the file name extensions of the streamed formats (``-o`` names the format)
OUTPUT_EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonlines": "jsonl", ".csv": "csv"}

#: failures kept in the summary (listed by the CLI when a ranked output leaves them out)
KEEP_FAILURES = 20


@dataclass(frozen=True)
class _Plan:
    """The resolved options of a run: what to write where, and what is done already."""

    fmt: str
    ranked: bool
    output: str | None
    append: bool
    settings: Mapping[str, str | None]
    layout: CsvLayout = CsvLayout()
    done: Counter[str] = field(default_factory=Counter)


def _plan(
    *,
    output: str | None,
    fmt: str | None,
    top: int | None,
    min_score: float | None,
    continue_from: str | None,
    settings: Mapping[str, str | None],
    layout: CsvLayout,
) -> _Plan:
    fmt = fmt or _format_from_name(output or continue_from)
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    ranked = top is not None or fmt == "table"
    if ranked and continue_from:
        raise ValueError("--continue-from needs a streamed output (jsonl or csv), not --top/table")
    if top is not None and top < 1:
        raise ValueError("--top must be at least 1")
    if output and continue_from and os.path.abspath(output) != os.path.abspath(continue_from):
        raise ValueError("-o and --continue-from name different files: give one of them")
    output = output or continue_from
    append = (
        not ranked and output is not None and os.path.isfile(output) and os.path.getsize(output) > 0
    )
    done: Counter[str] = Counter()
    if append and output is not None:
        check_settings(output, settings)  # before touching it
        repair_tail(output)  # a torn last line is redone, not kept
        done = done_ids(output, min_score)
    return _Plan(fmt, ranked, output, append, settings, layout, done)


def run_batch(
    inputs: Sequence[str],
    *,
    output: str | None = None,
    output_format: str | None = None,
    profile: Any = "research-engineer",
    resume: Any = None,
    jobs: int = 1,
    top: int | None = None,
    min_score: float | None = None,
    continue_from: str | None = None,
    record_options: Mapping[str, Any] | None = None,
    keep_fields: Sequence[str] = (),
    max_bytes: int | None = None,
    timeout: float | None = None,
    progress: BatchProgress | None = None,
    stream: IO[str] | None = None,
    stdin: IO[bytes] | None = None,
    settings: Mapping[str, str] | None = None,
    accurate: bool = False,
) -> BatchSummary:
    """Score ``inputs`` and write the results; what ``jobmatch batch`` does.

    Args:
        inputs: paths (documents, CSV, JSONL, folders) or ``"-"`` for JSON lines on ``stdin``.
        output: the file to write (``None``: ``stream``). An existing non-empty JSONL or CSV
            ``output`` is continued: appended to, skipping the ids it already holds and those
            its ``.dropped`` sidecar lists as below ``min_score``.
        output_format: ``jsonl``, ``csv`` or ``table`` (default: from the name of ``output``).
        profile: a shipped profile id, a TOML path or a Profile.
        resume: a resume (path, text or Document): each record is then a posting.
        jobs: worker processes.
        top: write only the ``top`` best records, best first.
        min_score: leave out scored records below it (listed in ``OUT.dropped``).
        continue_from: continue this output (the same as ``output`` naming an existing one).
        record_options: options of :func:`~jobmatch.batch.records.iter_records` (the text
            and id columns / fields); a text column or field that no CSV / JSONL input has
            is a ``ValueError``.
        keep_fields: input fields carried through to the output (JSON ``fields``; CSV
            columns after ``id``; table columns).
        max_bytes: per-record size limit (default 10 MB).
        timeout: per-record time limit, seconds (default 60).
        progress: told the expected total and each record done.
        stream: where to write without ``output`` (default ``sys.stdout``).
        stdin: the byte stream read for ``"-"`` (default ``sys.stdin.buffer``).
        settings: more settings to record in the fingerprint (``rank``: the posting).
        accurate: extract with the accurate pipeline (lexicon + span model, slower); part of
            the fingerprint (its scores differ).

    A file output gets a sidecar ``OUT.settings.json`` recording the settings that decide
    what it holds (profile, resume, record options, jobmatch version...); continuing it with
    other settings is a ``ValueError`` listing what differs.

    Returns:
        The counts of the run.

    Raises:
        ValueError: contradictory or invalid options.
        JobmatchError: the output cannot be written; an unknown profile; an unreadable resume.
        BatchInterrupted: Ctrl-C; every record finished before it is in the output.
    """
    from .engine import TOP_SKILLS
    from .records import DEFAULT_MAX_BYTES, iter_records
    from .stream import DEFAULT_TIMEOUT, score_many

    opts = dict(record_options or {})
    limit = max_bytes or DEFAULT_MAX_BYTES
    resume_doc = _resume_document(resume)
    plan = _plan(
        output=output,
        fmt=output_format,
        top=top,
        min_score=min_score,
        continue_from=continue_from,
        settings={
            **run_settings(
                profile=profile,
                resume=resume_doc,
                record_options=opts,
                keep_fields=keep_fields,
                max_bytes=limit,
                top_skills=TOP_SKILLS,
                accurate=accurate,
                extra=settings,
            ),
            MIN_SCORE: None if min_score is None else str(float(min_score)),
        },
        layout=_layout(profile, resume_doc is not None, keep_fields),
    )
    check_text_source(
        inputs,
        text_column=opts.get("text_column", "text"),
        text_field=opts.get("text_field", "text"),
    )
    records = iter_records(
        inputs, max_bytes=limit, stdin=stdin, keep_fields=tuple(keep_fields), **opts
    )
    results = score_many(
        records,
        profile=profile,
        resume=resume_doc,
        jobs=jobs,
        max_bytes=limit,
        timeout=timeout or DEFAULT_TIMEOUT,
        skip=plan.done,
        on_progress=progress.update if progress is not None else None,
        accurate=accurate,
    )
    skipped = sum(plan.done.values())
    if progress is not None:
        total = count_records(inputs)
        progress.start(None if total is None else max(total - skipped, 0))
    counts = _Counts(skipped=skipped, output=plan.output, start=time.monotonic())
    try:
        _write(plan, counts.watch(results), counts, top, min_score, progress, stream or sys.stdout)
    except KeyboardInterrupt as exc:
        raise BatchInterrupted(counts.summary()) from exc
    finally:
        if progress is not None:
            progress.close()
    return counts.summary()


def _resume_document(resume: Any) -> Document | None:
    """The resume, read once here (its digest goes into the settings; workers inherit it)."""
    if resume is None:
        return None
    from ..read.inputs import as_document

    return as_document(Path(resume) if isinstance(resume, os.PathLike) else resume)


def _layout(profile: Any, resume: bool, keep_fields: Sequence[str]) -> CsvLayout:
    categories = coverage_categories(profile, resume=resume)
    layout = CsvLayout(keep_fields=tuple(keep_fields), categories=categories)
    standard = set(CsvLayout(categories=categories).columns())
    clash = [k for k in keep_fields if k in standard]
    if clash or len(set(keep_fields)) < len(keep_fields):
        raise ValueError(
            f"--keep-fields: {', '.join(clash) or 'a field given twice'} would repeat a column"
            " of the output"
        )
    return layout


class _Counts:
    def __init__(self, *, skipped: int, output: str | None, start: float) -> None:
        self.ok = 0
        self.failed = 0
        self.written = 0
        self.below = 0
        self.skipped = skipped
        self.output = output
        self.start = start
        self.failures: list[tuple[str, str]] = []

    def watch(self, results: Iterable[BatchResult]) -> Iterator[BatchResult]:
        for r in results:
            if r.ok:
                self.ok += 1
            else:
                self.failed += 1
                if len(self.failures) < KEEP_FAILURES:
                    self.failures.append((r.source, r.error or ""))
            yield r

    def summary(self) -> BatchSummary:
        return BatchSummary(
            ok=self.ok,
            failed=self.failed,
            written=self.written,
            skipped=self.skipped,
            seconds=time.monotonic() - self.start,
            below_min_score=self.below,
            output=self.output,
            failures=tuple(self.failures),
        )


def _write(
    plan: _Plan,
    results: Iterator[BatchResult],
    counts: _Counts,
    top: int | None,
    min_score: float | None,
    progress: BatchProgress | None,
    stream: IO[str],
) -> None:
    out_file: TextIO | None = None
    dropped: DroppedLog | None = None
    try:
        if plan.output:
            out_file = _open_output(plan)
            if not plan.ranked and min_score is not None:
                dropped = DroppedLog(dropped_path(plan.output))
        target: IO[str] = out_file or stream
        if plan.ranked:
            _write_ranked(plan, results, counts, top, min_score, progress, target)
        else:
            _write_streamed(plan, results, counts, min_score, dropped, target)
    finally:
        if out_file is not None:
            out_file.close()
        if dropped is not None:
            dropped.close()


def _open_output(plan: _Plan) -> TextIO:
    assert plan.output is not None
    try:
        out = open(plan.output, "a" if plan.append else "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise JobmatchError(
            f"cannot write the output: {exc.strerror or exc}", source=plan.output
        ) from exc
    sidecar = dropped_path(plan.output)
    if not plan.append:
        # it described the output just overwritten
        with suppress(FileNotFoundError):
            os.remove(sidecar)
        write_settings(plan.output, plan.settings)
    else:
        if os.path.isfile(sidecar):
            repair_tail(sidecar)
        write_settings(plan.output, plan.settings)  # the same, or a lower min_score
    return out


def _write_ranked(
    plan: _Plan,
    results: Iterator[BatchResult],
    counts: _Counts,
    top: int | None,
    min_score: float | None,
    progress: BatchProgress | None,
    target: IO[str],
) -> None:
    best = top_results(results, top or TABLE_DEFAULT_TOP)
    if min_score is not None:
        kept = [r for r in best if r.score is not None and r.score >= min_score]
        counts.below = len(best) - len(kept)
        best = kept
    if progress is not None:
        progress.close()  # scoring is over: clear the bar before the output appears
    counts.written = len(best)
    if plan.fmt == "table":
        write_table(
            target,
            best,
            scored=counts.ok,
            failed=counts.failed,
            names=skill_names(),
            keep_fields=plan.layout.keep_fields,
        )
        return
    writer = make_writer(plan.fmt, target, header=True, layout=plan.layout)
    for r in best:
        writer.write(r)


def _write_streamed(
    plan: _Plan,
    results: Iterator[BatchResult],
    counts: _Counts,
    min_score: float | None,
    dropped: DroppedLog | None,
    target: IO[str],
) -> None:
    old_header = None
    if plan.output and plan.append and plan.fmt == "csv":
        old_header = read_csv_header(plan.output)
    writer = make_writer(
        plan.fmt, target, header=not plan.append, layout=plan.layout, columns=old_header
    )
    for r in results:
        if min_score is not None and r.ok and (r.score or 0.0) < min_score:
            counts.below += 1
            if dropped is not None:
                dropped.write(r)  # so that a continued run skips it too
            continue
        writer.write(r)
        counts.written += 1


def _format_from_name(name: str | None) -> str:
    if not name:
        return "jsonl"
    ext = os.path.splitext(name)[1].lower()
    if not ext:
        return "jsonl"
    if ext not in OUTPUT_EXTENSIONS:
        known = ", ".join(OUTPUT_EXTENSIONS)
        raise ValueError(f"cannot tell what to write to {name}: name it {known}, or give --format")
    return OUTPUT_EXTENSIONS[ext]
