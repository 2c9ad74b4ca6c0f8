"""Every call the web layer makes into the jobmatch library, in one module.

The functions here run in the worker processes (see :mod:`jobmatch.serve.pool`): they take
and return plain picklable values, load the pipeline and the profiles once per process
(:func:`init_worker`), and turn every :class:`~jobmatch.errors.JobmatchError` into a
:class:`~jobmatch.serve.problems.Problem` instead of raising it across the process
boundary. Uploads arrive as bytes and are read with :func:`jobmatch.read.documents.read_bytes`
(sniffing, size, page, time, memory and decompression limits, PDF parses in an isolated
child); the client's file name only names the report's source and hints the extension:
no path from a client is ever opened.
"""

from __future__ import annotations

import gc
import json
import logging
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..errors import DocumentTooLargeError, JobmatchError
from .problems import Problem, problem_of

if TYPE_CHECKING:
    from ..models import Document, ScoreReport
    from ..scoring.scorer import Scorer
    from .reader import ReaderProcess

__all__ = [
    "DEFAULT_PROFILE",
    "Upload",
    "Scored",
    "init_worker",
    "profiles",
    "score",
    "match",
    "extract",
    "render",
    "REPORT_FORMATS",
    "COMPACT_JSON",
]

log = logging.getLogger(__name__)

DEFAULT_PROFILE = "research-engineer"
#: the report formats a page or an API call may ask for (those of ``jobmatch.report``)
REPORT_FORMATS = ("json", "html", "markdown", "text")
#: the API's JSON: the report of ``--format json`` without its indentation (the C encoder
#: makes it in a quarter of the time the indented one takes)
COMPACT_JSON = "json-compact"
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True, slots=True)
class Upload:
    """One input document as the client sent it: file bytes (with its name) or a text."""

    #: ``resume``, ``posting`` or ``document``: names the source of a pasted text
    role: str
    data: bytes | None = None
    #: the client's file name (a hint for the extension and the report's source only)
    filename: str | None = None
    text: str | None = None
    #: the password of an encrypted PDF
    password: str | None = None


@dataclass(frozen=True, slots=True)
class Scored:
    """A report, per matched skill id the text of its evidence mention (to highlight), and
    the report rendered in the formats the caller asked for (rendered in the worker, so
    that the server's event loop never spends its time on it)."""

    report: ScoreReport
    evidence: dict[str, str] = field(default_factory=dict)
    #: report format (:data:`REPORT_FORMATS`) -> the report in it, as ``jobmatch.report``
    renderings: dict[str, str] = field(default_factory=dict)


def safe_name(filename: str | None, role: str) -> str:
    """The last component of a client's file name, without control characters.

    Args:
        filename: the name the client sent, possibly with a path or nothing at all.
        role: what the document is, used when no usable name is left.

    Returns:
        A one-line name of at most 120 characters, e.g. ``resume.pdf`` or ``<resume>``.
    """
    name = re.split(r"[/\\]", filename or "")[-1]
    name = " ".join(_UNSAFE_NAME.sub("", name).split())[-120:]
    return name if name.strip(". ") else f"<{role}>"


# ------------------------------------------------------------------------ worker state

#: the worker's reader process (see :mod:`.reader`); ``None``: read in this process
_reader: ReaderProcess | None = None


def init_worker(profile_ids: Sequence[str] = (DEFAULT_PROFILE,)) -> None:
    """Load the pipeline and a scorer for each profile; run once in each worker process.

    Args:
        profile_ids: shipped profile ids to load now (others load on first use).

    Raises:
        JobmatchError: the shipped lexicon or a profile is invalid (a broken install).
    """
    global _reader
    from .reader import ReaderProcess, die_with_parent

    die_with_parent()  # a server killed outright leaves no worker behind
    _reader = ReaderProcess()  # first: forked while this process is still small
    for pid in profile_ids:
        _scorer(pid)
    # what is loaded now lives as long as the process: keep it out of the collector's
    # reach, so that no collection during a request walks the whole pipeline again
    gc.collect()
    gc.freeze()
    log.info("worker ready: %d profile(s) loaded", len(profile_ids))


@lru_cache(maxsize=16)
def _scorer(profile_id: str) -> Scorer:
    from ..scoring.scorer import Scorer

    return Scorer(profile_id)


@lru_cache(maxsize=1)
def profiles() -> tuple[tuple[str, str, str], ...]:
    """The shipped profiles as ``(id, name, version)``, sorted by id (read once)."""
    from ..scoring.profiles import list_profiles

    return tuple(list_profiles())


def _read(upload: Upload) -> Document:
    from ..read.documents import read_bytes, read_text
    from .reader import UPLOAD_LIMITS

    if upload.data is not None:
        name = safe_name(upload.filename, upload.role)
        if _reader is not None:
            document = _reader.read(upload.data, source=name, name=name, password=upload.password)
        else:
            document = read_bytes(
                upload.data, source=name, name=name, password=upload.password, limits=UPLOAD_LIMITS
            )
    else:
        document = read_text(upload.text or "", source=f"<{upload.role}>")
    _check_length(document)
    return document


def _check_length(document: Document) -> None:
    """Refuse a text longer than the spaCy pipeline takes (it raises a bare ValueError)."""
    from ..extract.component import default_extractor

    limit = int(default_extractor().nlp.max_length)
    if len(document.text) > limit:
        raise DocumentTooLargeError(
            f"text too long ({len(document.text)} characters > {limit} the pipeline takes)",
            source=document.source,
        )


@contextmanager
def _zone() -> Iterator[None]:
    """One request's spaCy memory zone: a worker's vocabulary does not grow with requests.

    Only plain data (reports, mentions) leaves the block; the scorer is loaded before it,
    so nothing that lives as long as the worker is made inside.
    """
    from ..extract.component import default_extractor

    with default_extractor().memory_zone():
        yield


def _scored(report: ScoreReport, text: str, formats: Sequence[str]) -> Scored:
    evidence = {m.skill_id: text[m.start : m.end] for m in report.matched if 0 <= m.start < m.end}
    return Scored(report, evidence, {fmt: render(report, fmt) for fmt in formats})


# ------------------------------------------------------------------------ the calls


def score(upload: Upload, profile_id: str, formats: Sequence[str] = ()) -> Scored | Problem:
    """Score a resume against a shipped profile, as ``jobmatch score`` does.

    Args:
        upload: the resume.
        profile_id: a shipped profile id (the caller checked it against :func:`profiles`).
        formats: report formats (:data:`REPORT_FORMATS`) to render into ``renderings``.

    Returns:
        The report with its evidence, or the :class:`Problem` of an input error.
    """
    try:
        document = _read(upload)
        scorer = _scorer(profile_id)
        with _zone():
            report = scorer.score_document(document)
    except JobmatchError as exc:
        return problem_of(exc)
    return _scored(report, document.text, formats)


def match(
    resume: Upload,
    posting: Upload,
    profile_id: str = DEFAULT_PROFILE,
    formats: Sequence[str] = (),
) -> Scored | Problem:
    """Score a resume against the requirements of one posting, as ``jobmatch match`` does.

    Args:
        resume: the resume.
        posting: the job posting.
        profile_id: the shipped profile whose scoring settings and ladder the match uses.
        formats: report formats (:data:`REPORT_FORMATS`) to render into ``renderings``.

    Returns:
        The report with its evidence, or the :class:`Problem` of an input error.
    """
    try:
        rdoc, pdoc = _read(resume), _read(posting)
        scorer = _scorer(profile_id)
        with _zone():
            report = scorer.match(rdoc, pdoc)
    except JobmatchError as exc:
        return problem_of(exc)
    return _scored(report, rdoc.text, formats)


def extract(upload: Upload) -> dict[str, Any] | Problem:
    """The skills of one document: one object of ``jobmatch extract --format json``.

    Args:
        upload: the document.

    Returns:
        ``DocumentSkills.to_dict()``, or the :class:`Problem` of an input error.
    """
    from ..extract.documents import extract_documents

    try:
        document = _read(upload)
        with _zone():
            (skills,) = extract_documents([document])
    except JobmatchError as exc:
        return problem_of(exc)
    return skills.to_dict()


def render(report: ScoreReport, fmt: str) -> str:
    """``report`` rendered by :func:`jobmatch.report.render` in ``fmt`` (no colour), or
    its JSON without indentation for :data:`COMPACT_JSON`.

    Raises:
        ValueError: ``fmt`` is neither one of :data:`REPORT_FORMATS` nor :data:`COMPACT_JSON`.
    """
    from ..report import render as render_report

    if fmt == COMPACT_JSON:
        return json.dumps(
            report.to_dict(), ensure_ascii=False, allow_nan=False, separators=(",", ":")
        )
    return render_report(report, fmt)
