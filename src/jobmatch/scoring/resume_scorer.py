"""Resume-against-postings mode: one fixed resume scored against each posting's profile.

``jobmatch batch --resume R`` scores the resume ``R`` against the ad-hoc profile of every
posting in the input; this is the :class:`Scorer` whose scored documents are the postings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..models import Document, ScoreReport, SkillMention
from ..read.inputs import as_document
from .brief import ScoreBrief
from .profiles import DEFAULT_PROFILE, Profile
from .scorer import Scorer
from .text import require_text

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..extract.component import SkillExtractor

__all__ = ["ResumeScorer"]


class ResumeScorer(Scorer):
    """Score one resume against many postings; each scored text is a *posting*.

    Args:
        profile: the base profile (its scoring constants and ladder), as for :class:`Scorer`.
        resume: the resume: a :class:`~pathlib.Path` or :class:`Document` (a file), or a
            ``str`` (see :func:`~jobmatch.read.inputs.as_document`).
        extractor: the skill extractor to use (default: the shared default one).
        as_of: the date an open role range ends at (default: today).

    Raises:
        EmptyDocumentError: when the resume has no text.
        DocumentError: when the resume file cannot be read.
        ProfileError: when the profile cannot be loaded.
    """

    def __init__(
        self,
        profile: str | Path | Profile = DEFAULT_PROFILE,
        *,
        resume: str | Path | Document,
        extractor: SkillExtractor | None = None,
        as_of: date | None = None,
    ) -> None:
        super().__init__(profile, extractor=extractor, as_of=as_of)
        rdoc = as_document(resume)
        require_text(rdoc.text, rdoc.source)
        sdoc, mentions = next(self.extractor.pipe_docs([rdoc.text]))
        self.resume = rdoc
        self._parsed = (sdoc, mentions)

    def score_parsed(
        self,
        doc: Doc,
        mentions: Sequence[SkillMention],
        *,
        source: str = "<text>",
        warnings: Sequence[str] = (),
        text: str | None = None,
        record_id: str | None = None,
        dated: str | None = None,
    ) -> ScoreReport:
        """Score the resume against the ad-hoc profile of the posting ``doc`` (``dated``, the
        posting's, is unused: the resume's open ranges end on the resume's own date).

        The report's profile id is :func:`~jobmatch.scoring.posting_profile.posting_id` of
        the posting: ``record_id`` (a batch record's id) when given, else the file name of
        ``source``; the report's source is the posting's ``source``.

        Raises:
            EmptyDocumentError: for a posting without any non-space character.
            ProfileError: when no skill of the lexicon is found in the posting.
        """
        posting = self._posting(doc, mentions, source, text, record_id)
        rsdoc, rmentions = self._parsed
        report = self.score_against(
            posting, self.resume, rsdoc, rmentions, warnings=(*self.resume.warnings, *warnings)
        )
        return replace(report, source=source)

    def score_brief(
        self,
        doc: Doc,
        mentions: Sequence[SkillMention],
        *,
        source: str = "<text>",
        warnings: Sequence[str] = (),
        text: str | None = None,
        record_id: str | None = None,
        dated: str | None = None,
    ) -> ScoreBrief:
        """What a batch writes of :meth:`score_parsed` (the same values), without building
        the report's explanations (``dated``, the posting's, is unused).

        Raises:
            EmptyDocumentError: for a posting without any non-space character.
            ProfileError: when no skill of the lexicon is found in the posting.
        """
        posting = self._posting(doc, mentions, source, text, record_id)
        assert posting.terms is not None
        rsdoc, rmentions = self._parsed
        return self._brief(
            posting,
            posting.terms,
            self.resume.text,
            rsdoc,
            rmentions,
            source=self.resume.source,
            warnings=(*self.resume.warnings, *warnings),
            dated=self.resume.dated,
        )

    def _posting(
        self,
        doc: Doc,
        mentions: Sequence[SkillMention],
        source: str,
        text: str | None,
        record_id: str | None,
    ) -> Profile:
        """The ad-hoc profile of the posting ``doc`` (its text must not be empty)."""
        text = require_text(doc.text if text is None else text, source)
        return self.posting_profile(text, mentions, source=source, doc=doc, record_id=record_id)
