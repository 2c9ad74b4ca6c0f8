"""The per-record scoring engine shared by every way of running a batch.

:class:`ScoringEngine` reads, checks and scores records in whichever process it lives in
(this one with ``jobs=1``, each worker of :mod:`jobmatch.batch.pool`, each Spark executor);
:func:`brief_result` turns the :class:`~jobmatch.scoring.brief.ScoreBrief` of a record into
the compact :class:`~jobmatch.models.BatchResult` a batch writes (:func:`compact_result` gives
the same from a full :class:`~jobmatch.models.ScoreReport`). A record that cannot be read or scored
becomes an error result, never an exception; a document that takes longer than the time
limit is interrupted (``SIGALRM`` in the process scoring it).
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from types import FrameType
from typing import TYPE_CHECKING, Any

from ..errors import (
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    JobmatchError,
)
from ..models import BatchResult, ScoreReport
from .records import Record

if TYPE_CHECKING:
    from ..read.documents import Limits
    from ..scoring.brief import ScoreBrief
    from ..scoring.scorer import Scorer

__all__ = [
    "DEFAULT_TIMEOUT",
    "TOP_SKILLS",
    "RecordHook",
    "EngineConfig",
    "ScoringEngine",
    "brief_result",
    "compact_result",
    "error_result",
    "input_error_result",
]

log = logging.getLogger(__name__)

#: default per-document time limit, seconds
DEFAULT_TIMEOUT = 60.0
#: how many top matched / missing skills a result keeps
TOP_SKILLS = 10

#: called with ``(record id, text)`` just before a text is scored, in the scoring process;
#: for instrumentation and tests (a hook that hangs, exits or raises stands for a bad
#: document, a crash or a Ctrl-C)
RecordHook = Callable[[str, str], None]


def compact_result(
    report: ScoreReport,
    *,
    record_id: str,
    source: str,
    top_skills: int = TOP_SKILLS,
    fields: tuple[tuple[str, str], ...] = (),
) -> BatchResult:
    """The compact batch form of a :class:`~jobmatch.models.ScoreReport`.

    Args:
        report: the full report of one record.
        record_id: the record id.
        source: where the record came from (a path, or ``file:line``).
        top_skills: how many matched / missing skill ids to keep (best first).
        fields: input fields carried through (``keep_fields``).

    Returns:
        A ``status="ok"`` :class:`~jobmatch.models.BatchResult`.
    """
    from ..scoring.brief import ScoreBrief

    brief = ScoreBrief(
        score=report.score,
        profile=report.profile,
        coverage={c.id: c.coverage for c in report.categories},
        matched=tuple(dict.fromkeys(m.skill_id for m in report.matched)),
        missing=tuple(dict.fromkeys(m.skill_id for m in report.missing)),  # ranked by gain
        warnings=tuple(report.warnings),
    )
    return brief_result(
        brief, record_id=record_id, source=source, top_skills=top_skills, fields=fields
    )


def brief_result(
    brief: ScoreBrief,
    *,
    record_id: str,
    source: str,
    top_skills: int = TOP_SKILLS,
    fields: tuple[tuple[str, str], ...] = (),
) -> BatchResult:
    """:func:`compact_result` from a :class:`~jobmatch.scoring.brief.ScoreBrief` (what
    :meth:`Scorer.score_brief <jobmatch.scoring.scorer.Scorer.score_brief>` returns): the
    same result as from the full report.

    Args:
        brief: the brief score of one record.
        record_id: the record id.
        source: where the record came from (a path, or ``file:line``).
        top_skills: how many matched / missing skill ids to keep (best first).
        fields: input fields carried through (``keep_fields``).

    Returns:
        A ``status="ok"`` :class:`~jobmatch.models.BatchResult`.
    """
    return BatchResult(
        id=record_id,
        source=source,
        status="ok",
        score=brief.score,
        profile=brief.profile,
        coverage=dict(brief.coverage),
        matched=brief.matched[:top_skills],
        missing=brief.missing[:top_skills],
        warnings=brief.warnings,
        fields=dict(fields),
    )


def error_result(rec: Record, reason: str, code: str) -> BatchResult:
    """The ``status="error"`` result of a record.

    Args:
        rec: the record (its id, source and kept fields are carried).
        reason: the one-line reason.
        code: the short reason code (``timeout``, ``too_large``...).

    Returns:
        The error result.
    """
    return BatchResult(
        id=rec.id,
        source=rec.source,
        status="error",
        error=reason,
        error_code=code,
        fields=dict(rec.fields),
    )


def input_error_result(rec: Record) -> BatchResult:
    """The error result of a record that was unusable as read.

    Args:
        rec: an error record (``rec.error`` is set).

    Returns:
        Its error result (its reason and code, ``bad_record`` by default).
    """
    return error_result(rec, rec.error or "unusable record", rec.error_code or "bad_record")


class _Timeout(BaseException):
    """Raised by the SIGALRM handler. A BaseException so no ``except Exception`` eats it."""


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise _Timeout


@dataclass(frozen=True)
class EngineConfig:
    """The settings a :class:`ScoringEngine` is built from.

    ``profile`` and ``resume`` are as for :func:`score_many` (a profile id, path or
    :class:`~jobmatch.scoring.profiles.Profile`; a resume text, path or
    :class:`~jobmatch.models.Document`, or ``None``); ``max_bytes`` and ``timeout`` bound
    each document; ``top_skills`` is how many matched / missing skills a result keeps;
    ``hook`` is :func:`score_many`'s ``on_record``; a ready ``scorer`` replaces ``profile``
    and ``resume`` (and ``accurate``); ``accurate`` extracts with the accurate pipeline
    (lexicon + span model). ``hook`` and ``scorer`` take no part in equality.
    """

    profile: Any
    resume: Any
    max_bytes: int
    timeout: float | None
    top_skills: int
    hook: RecordHook | None = field(default=None, compare=False)
    scorer: Scorer | None = field(default=None, compare=False)
    accurate: bool = False


class ScoringEngine:
    """Reads, checks and scores records; built once per process (the pipeline is costly).

    The per-record code shared by :func:`score_many` (in this process or in each worker)
    and the Spark engine (:mod:`jobmatch.batch.spark`, once per executor process):
    :meth:`run` turns a list of records into one :class:`~jobmatch.models.BatchResult`
    each, a failure becoming an error result rather than an exception.
    """

    def __init__(self, config: EngineConfig) -> None:
        self.config = config
        if config.scorer is not None:
            self.scorer = config.scorer
        else:
            from ..extract.component import default_extractor

            extractor = default_extractor(accurate=config.accurate)
            if config.resume is None:
                from ..scoring.scorer import Scorer

                self.scorer = Scorer(config.profile, extractor=extractor)
            else:
                from ..scoring.resume_scorer import ResumeScorer

                self.scorer = ResumeScorer(
                    config.profile, resume=config.resume, extractor=extractor
                )
        self.extractor = self.scorer.extractor
        self._limits: Limits | None = None
        self._alarm = bool(config.timeout) and hasattr(signal, "setitimer")
        self._armed = False

    def limits(self) -> Limits:
        """The reading limits for records that are files (``max_bytes``, ``timeout``)."""
        if self._limits is None:
            from ..read.documents import Limits

            if self.config.timeout:
                self._limits = Limits(
                    max_bytes=self.config.max_bytes, timeout_s=self.config.timeout
                )
            else:
                self._limits = Limits(max_bytes=self.config.max_bytes)
        return self._limits

    @contextmanager
    def _clock(self, seconds: float | None) -> Iterator[None]:
        """Interrupt the block with :class:`_Timeout` after ``seconds`` (main thread only)."""
        if not seconds or not self._armed:
            yield
            return
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)

    def run(
        self, records: list[Record], on_done: Callable[[], None] | None = None
    ) -> list[BatchResult]:
        """Score ``records`` (none an error record): one result each, in the same order.

        Args:
            records: records with a text or a path (not error records).
            on_done: called after each record is done (for progress, and so that a pool
                can tell a slow worker from a hung one).

        Returns:
            One result per record; a failure is an error result, never an exception
            (a ``BaseException`` such as ``KeyboardInterrupt`` raised by a hook passes).
        """
        results: list[BatchResult | None] = [None] * len(records)

        def done(i: int, result: BatchResult) -> None:
            results[i] = result
            if on_done is not None:
                on_done()

        # SIGALRM only reaches the main thread: elsewhere there is no per-document clock
        self._armed = self._alarm and threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGALRM, _on_alarm) if self._armed else None
        try:
            todo: list[tuple[int, str, tuple[str, ...], str | None]] = []
            for i, rec in enumerate(records):
                prepared = self._guarded(rec, partial(self._prepare, rec), done, i)
                if prepared is not None:
                    todo.append((i, *prepared))
            # a zone per chunk: the vocabulary does not grow with distinct records (results
            # are plain data; no Doc or string hash of a record outlives the block)
            with self.extractor.memory_zone():
                self._score(records, todo, done)
        finally:
            if previous is not None:
                signal.signal(signal.SIGALRM, previous)
        return [
            r if r is not None else error_result(records[i], "not scored", "internal")
            for i, r in enumerate(results)
        ]

    def _guarded(
        self,
        rec: Record,
        step: Callable[[], Any],
        done: Callable[[int, BatchResult], None],
        i: int,
    ) -> Any:
        """Run ``step`` for one record under the clock; on failure record the error."""
        timeout = self.config.timeout
        try:
            # a document read has its own (parser) time limit; this one is the backstop
            with self._clock(timeout * 2 if timeout and rec.path else timeout):
                return step()
        except _Timeout:
            done(i, _timeout_error(rec, timeout))
        except JobmatchError as exc:
            done(i, error_result(rec, _batch_reason(exc), exc.code))
        except Exception as exc:  # a bug on one record must not end a long run
            log.exception("scoring %s failed", rec.source)
            done(i, error_result(rec, f"{type(exc).__name__}: {exc}", "internal"))
        return None

    def _prepare(self, rec: Record) -> tuple[str, tuple[str, ...], str | None]:
        """The text to score, its reading warnings and the day its file was saved (a
        resume's open date ranges end there); raises JobmatchError."""
        warnings: tuple[str, ...] = ()
        dated: str | None = None
        if rec.path is not None:
            from ..read.documents import read_document

            doc = read_document(rec.path, limits=self.limits())
            text, warnings, dated = doc.text, tuple(doc.warnings), doc.dated
        else:
            text = rec.text or ""
        limit = self.config.max_bytes
        # encode only when the text could pass the limit (at most 4 bytes a character)
        size = len(text.encode("utf-8", "surrogatepass")) if len(text) * 4 > limit else 0
        if size > limit:
            raise DocumentTooLargeError(
                f"text is {size} bytes, over the limit of {self.config.max_bytes} bytes",
                source=rec.source,
            )
        if not text.strip():
            raise EmptyDocumentError("empty text", source=rec.source)
        if self.config.hook is not None:
            self.config.hook(rec.id, text)
        return text, warnings, dated

    def _result(
        self,
        rec: Record,
        doc: Any,
        mentions: Any,
        warnings: tuple[str, ...],
        text: str,
        dated: str | None = None,
    ) -> BatchResult:
        # a posting (resume mode) is named by its record id, a document file by its file name
        record_id = rec.id if rec.path is None else None
        # the one call of the Scorer in batch (a rename there is a rename here only).
        # ``text`` given: rebuilding doc.text from its tokens cost ~18 % of a record's time.
        # The brief holds what a result keeps of the full report (built for nothing else:
        # its snippets and career estimate were half of a record's scoring time)
        brief = self.scorer.score_brief(
            doc,
            mentions,
            source=rec.source,
            warnings=warnings,
            record_id=record_id,
            text=text,
            dated=dated,
        )
        return brief_result(
            brief,
            record_id=rec.id,
            source=rec.source,
            top_skills=self.config.top_skills,
            fields=rec.fields,
        )

    def _score(
        self,
        records: list[Record],
        todo: list[tuple[int, str, tuple[str, ...], str | None]],
        done: Callable[[int, BatchResult], None],
    ) -> None:
        # tokenise once: the extractor's Doc also feeds the TF-IDF side of the scorer
        docs = self.extractor.pipe_docs(text for _, text, _, _ in todo)
        finished = 0
        try:
            for i, text, warnings, dated in todo:
                with self._clock(self.config.timeout):
                    doc, mentions = next(docs)
                    result = self._result(records[i], doc, mentions, warnings, text, dated)
                done(i, result)
                finished += 1
            return
        except (_Timeout, Exception) as exc:  # noqa: B902 - retried one by one below
            # the batched generator is broken now: redo the rest singly to isolate the culprit
            log.debug("batch interrupted (%r); retrying one record at a time", exc)
        for i, text, warnings, dated in todo[finished:]:
            rec = records[i]

            def one(
                rec: Record = rec,
                text: str = text,
                warnings: tuple[str, ...] = warnings,
                dated: str | None = dated,
            ) -> BatchResult:
                doc, mentions = next(self.extractor.pipe_docs([text]))
                return self._result(rec, doc, mentions, warnings, text, dated)

            result = self._guarded(rec, one, done, i)
            if result is not None:
                done(i, result)


def _timeout_error(rec: Record, timeout: float | None) -> BatchResult:
    return error_result(rec, f"took longer than the time limit of {timeout:g} s", "timeout")


def _batch_reason(exc: JobmatchError) -> str:
    """The reason of ``exc`` as a batch reports it: batch has no ``--password``."""
    if exc.reason == EncryptedDocumentError.NEEDS_PASSWORD:
        return (
            "encrypted PDF: it needs a password; batch does not open encrypted PDFs"
            " (score it alone: jobmatch score --password PW FILE)"
        )
    return exc.reason
