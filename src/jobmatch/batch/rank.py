"""Many resumes against one posting: ``jobmatch rank``, as one library call.

The posting becomes its ad-hoc profile once (:func:`posting_as_profile`, exactly as
:func:`jobmatch.scoring.scorer.match` builds it), and the resumes are scored against that
profile by the batch machinery (:func:`~jobmatch.batch.run.run_batch`): the same outputs,
worker pool, limits, progress and continuation as ``jobmatch batch``, and for each resume
the score ``match(resume, posting)`` gives.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .settings import text_key
from .summary import BatchSummary

if TYPE_CHECKING:
    from ..models import Document
    from ..scoring.profiles import Profile

__all__ = ["posting_as_profile", "rank_resumes"]


def posting_as_profile(posting: str | Path | Document, *, accurate: bool = False) -> Profile:
    """The ad-hoc profile of ``posting`` that resumes are scored against.

    Args:
        posting: a :class:`~jobmatch.models.Document`, a file path, or a text.
        accurate: extract the posting's skills with the accurate pipeline.

    Returns:
        The profile :func:`jobmatch.match` builds from the posting (id ``posting:<file
        name>``), over the default profile's scoring constants and term model.

    Raises:
        JobmatchError: the posting cannot be read, has no text, or no skill of the
            lexicon (``ProfileError``).
    """
    from ..extract.component import default_extractor
    from ..read.inputs import as_document
    from ..scoring.posting_profile import posting_profile
    from ..scoring.profiles import DEFAULT_PROFILE, load_profile
    from ..scoring.text import require_text

    document = as_document(posting)
    require_text(document.text, document.source)
    extractor = default_extractor(accurate=accurate)
    doc, mentions = next(extractor.pipe_docs([document.text]))
    base = load_profile(DEFAULT_PROFILE)
    assert base.terms is not None  # the shipped default profile has its term model
    return posting_profile(
        document.text,
        mentions,
        lexicon=extractor.lexicon,
        base=base,
        terms=base.terms,
        source=document.source,
        doc=doc,
    )


def rank_resumes(
    resumes: Sequence[str],
    *,
    posting: str | Path | Document,
    accurate: bool = False,
    **options: Any,
) -> BatchSummary:
    """Score ``resumes`` against ``posting`` and write them, as ``jobmatch rank`` does.

    Args:
        resumes: resume files, folders of them (PDF, DOCX, TXT, ...), or CSV / JSONL of
            resume texts.
        posting: the posting (a Document, a path or a text).
        accurate: extract (the posting's skills and the resumes') with the accurate pipeline.
        **options: the options of :func:`~jobmatch.batch.run.run_batch` (``output``,
            ``output_format``, ``jobs``, ``top``, ``min_score``, ``continue_from``,
            ``progress``...), except ``profile`` and ``resume``.

    Returns:
        The counts of the run; each written record's ``profile`` is the posting's id. Its
        ``notes`` hold a warning when even a resume meeting every requirement read from the
        posting would score below a partial match (each record's warnings hold it too).

    Raises:
        TypeError: ``profile`` or ``resume`` given.
        ValueError, JobmatchError, BatchInterrupted: as :func:`~jobmatch.batch.run.run_batch`.
    """
    from ..read.inputs import as_document
    from ..scoring.scorer import reach_warning
    from .run import run_batch

    if "profile" in options or "resume" in options:
        raise TypeError("rank_resumes() scores against the posting: no profile or resume")
    document = as_document(posting)
    profile = posting_as_profile(document, accurate=accurate)
    # the posting's content is what the output depends on (its id is only its file name)
    settings = {"posting": text_key(document.text)}
    summary = run_batch(resumes, profile=profile, settings=settings, accurate=accurate, **options)
    note = reach_warning(profile)
    return summary if note is None else replace(summary, notes=(note,))
