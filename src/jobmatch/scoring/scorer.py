"""Score a document against a role profile (or a posting): coverage + TF-IDF -> ScoreReport.

:class:`Scorer` builds the pipeline and loads the profile once, reads the document's skill
mentions, education and TF-IDF terms, and hands the requirement credits and the cosine to the
pure formula (:mod:`jobmatch.scoring.formula`, README "Scoring"); the report explains the
result: categories, matched skills with their snippets, what to add with the gain of each.
Scoring a fixed resume against many postings is
:class:`~jobmatch.scoring.resume_scorer.ResumeScorer`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

from ..extract.text_guard import guard_text
from ..models import (
    Document,
    Education,
    EducationEntry,
    Lexicon,
    ResumeFacts,
    ScoreReport,
    SkillMention,
    YearsMatch,
)
from ..wording import score_band
from .brief import ScoreBrief, brief, brief_rows
from .career import career_estimate, degree_asks, education_against
from .doc_language import ENGLISH, EnglishText, english_text
from .domain_years import years_match
from .explain import explain, score_parts, snippet
from .formula import (
    Breakdown,
    Credit,
    calibrate,
    compute,
    credit_plan,
    credits_of,
    evidence_mention,
    joint_gain,
    profile_weights,
)
from .profile_types import years_for_degree
from .profiles import (
    DEFAULT_PROFILE,
    Profile,
    Requirement,
    TermModel,
    load_profile,
)
from .resume_facts import find_education
from .resume_reader import RoleText, education_from_text, facts_and_roles
from .terms import text_terms
from .text import require_text

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..extract.component import SkillExtractor

__all__ = ["Scorer", "calibrate", "snippet"]


def __getattr__(name: str) -> object:
    # posting_profile and posting_id, which this module gave before, imported on first use
    if name in {"posting_profile", "posting_id"}:
        from . import posting_profile

        return getattr(posting_profile, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


log = logging.getLogger(__name__)
_T = TypeVar("_T")

#: what the scorer reads from a resume text: its facts, its degree line and its roles' entries
_Reading = tuple[ResumeFacts, Education, tuple[RoleText, ...]]


class Scorer:
    """Score many documents against one profile; the pipeline and profile are built once.

    Args:
        profile: a shipped profile id, a TOML path or a :class:`Profile`.
        extractor: the skill extractor to use (default: the shared default one).
        as_of: the date an open role range ("2020 - Present") ends at (default: today).

    Raises:
        ProfileError: when the profile cannot be loaded.
    """

    def __init__(
        self,
        profile: str | Path | Profile = DEFAULT_PROFILE,
        *,
        extractor: SkillExtractor | None = None,
        as_of: date | None = None,
    ) -> None:
        if extractor is None:
            from ..extract.component import default_extractor

            extractor = default_extractor()
        self.extractor = extractor
        self.lexicon: Lexicon = extractor.lexicon
        self.profile = profile if isinstance(profile, Profile) else load_profile(profile)
        default = self.profile if self.profile.terms is not None else load_profile(DEFAULT_PROFILE)
        assert default.terms is not None
        self._default_terms = default.terms
        self.terms = self.profile.terms or _profile_terms(self.profile, self.lexicon, default.terms)
        self.as_of = as_of
        #: what is derived from this scorer's own profile (its weights, whether it asks years
        #: or names English, what it asks of a degree), by the function deriving it: found
        #: once (:meth:`_of_profile`)
        self._own: dict[Callable[[Profile], object], object] = {}
        #: skill id -> the ids it implies (``Lexicon.implied``, walked once per skill)
        self._implied: dict[str, tuple[str, ...]] = {}
        # the last text read for facts: a ResumeScorer scores one resume against every
        # posting, and reading its roles and degrees is most of a posting's scoring time
        self._last_reading: tuple[tuple[str, str, str | None], _Reading] | None = None
        #: the last text measured for its language (a resume against many postings)
        self._last_language: tuple[str, EnglishText] | None = None
        #: the last text whose degrees alone were read (:meth:`score_brief`)
        self._last_degrees: tuple[str, tuple[EducationEntry, ...]] | None = None
        #: the profile's :func:`reach_warning`, found on first use (``[]``: not yet)
        self._reach: list[str | None] = []

    # -- public entry points
    def score_text(self, text: str, *, source: str = "<text>") -> ScoreReport:
        """Score a text (never a path): see :meth:`score_parsed`.

        Raises:
            TypeError: when ``text`` is not a ``str``.
            EmptyDocumentError: when the text has no non-space character.
            DocumentTooLargeError: when the text is longer than ``MAX_TEXT_CHARS``.
        """
        if not isinstance(text, str):
            raise TypeError(f"score_text() needs a str, not {type(text).__name__}")
        text = guard_text(text, source=source)  # lone surrogates -> U+FFFD; length checked
        doc, mentions = next(self.extractor.pipe_docs([text]))
        return self.score_parsed(doc, mentions, source=source, text=text)

    def score_document(self, document: Document) -> ScoreReport:
        """Score a read :class:`Document`; its warnings are kept in the report.

        Raises:
            EmptyDocumentError: when the document has no non-space character.
        """
        doc, mentions = next(self.extractor.pipe_docs([document.text]))
        return self.score_parsed(
            doc,
            mentions,
            source=document.source,
            warnings=document.warnings,
            text=document.text,
            dated=document.dated,
        )

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
        """Score a document already run through the extractor (its ``Doc`` and mentions).

        The Doc's tokens feed the TF-IDF (no re-tokenising). ``text`` is the text the Doc was
        made from, if the caller has it (saves rebuilding ``doc.text``); ``record_id`` is
        unused here (see :class:`~jobmatch.scoring.resume_scorer.ResumeScorer`); ``dated``
        is the day the file was last saved (``Document.dated``: open date ranges end there,
        unless the scorer has an ``as_of``).

        Returns:
            The :class:`ScoreReport` of the document against the profile.

        Raises:
            EmptyDocumentError: for a text without any non-space character: a score is never
                produced from an empty document.
        """
        text = require_text(doc.text if text is None else text, source)
        return self._evaluate(
            self.profile,
            self.terms,
            text,
            doc,
            mentions,
            source=source,
            warnings=warnings,
            dated=dated,
        )

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
        """What a batch writes of :meth:`score_parsed`: the same score, coverages, skill ids
        and warnings, without building the report's explanations (snippets, names, career).

        Args and errors are those of :meth:`score_parsed`.

        Returns:
            The :class:`~jobmatch.scoring.brief.ScoreBrief`.

        Raises:
            EmptyDocumentError: for a text without any non-space character.
        """
        text = require_text(doc.text if text is None else text, source)
        return self._brief(
            self.profile,
            self.terms,
            text,
            doc,
            mentions,
            source=source,
            warnings=warnings,
            dated=dated,
        )

    def match(self, resume: str | Path | Document, posting: str | Path | Document) -> ScoreReport:
        """Score ``resume`` against the ad-hoc profile of ``posting``."""
        from ..read.inputs import as_document

        rdoc, pdoc = as_document(resume), as_document(posting)
        for d in (rdoc, pdoc):
            require_text(d.text, d.source)
        (psdoc, pmentions), (rsdoc, rmentions) = self.extractor.pipe_docs([pdoc.text, rdoc.text])
        prof = self.posting_profile(pdoc.text, pmentions, source=pdoc.source, doc=psdoc)
        return self.score_against(
            prof,
            rdoc,
            rsdoc,
            rmentions,
            warnings=(*rdoc.warnings, *(f"posting: {w}" for w in pdoc.warnings)),
        )

    def posting_profile(
        self,
        text: str,
        mentions: Sequence[SkillMention],
        *,
        source: str,
        doc: Doc | None = None,
        record_id: str | None = None,
    ) -> Profile:
        """The ad-hoc profile of a posting (:func:`posting_profile` with this scorer's base)."""
        # the reading of postings is imported when one is read: scoring against a profile
        # (jobmatch score, batch without a posting) starts without it
        from .posting_profile import posting_profile

        return posting_profile(
            text,
            mentions,
            lexicon=self.lexicon,
            base=self.profile,
            terms=self._default_terms,
            source=source,
            doc=doc,
            record_id=record_id,
        )

    def score_against(
        self,
        profile: Profile,
        resume: Document,
        doc: Doc,
        mentions: Sequence[SkillMention],
        *,
        warnings: Sequence[str],
        exact_gains: bool = False,
    ) -> ScoreReport:
        """Score a parsed resume against a posting's ad-hoc ``profile`` (its own terms);
        ``exact_gains``: see :func:`~.formula.compute`."""
        assert profile.terms is not None
        return self._evaluate(
            profile,
            profile.terms,
            resume.text,
            doc,
            mentions,
            source=resume.source,
            warnings=warnings,
            exact_gains=exact_gains,
            dated=resume.dated,
        )

    # -- the formula's inputs and the report
    def _credits(
        self,
        profile: Profile,
        education: Education,
        mentions: Sequence[SkillMention],
        years: Sequence[YearsMatch] = (),
        language: EnglishText | None = None,
    ) -> dict[str, Credit]:
        params = profile.scoring
        by_skill: dict[str, list[SkillMention]] = {}
        for m in mentions:
            by_skill.setdefault(m.skill_id, []).append(m)
        implied: dict[str, tuple[str, SkillMention]] = {}
        # text order: the first implying skill is the evidence (skills in order of their
        # first mention), shown by its evidence mention (the first under a heading)
        for skill_id, ms in by_skill.items():
            implies = self._implied_by(skill_id)
            if implies:
                # the skill's evidence once, not once per skill it implies (setdefault's
                # argument is made even where the key is set)
                shown = (skill_id, evidence_mention(ms))
                for sid in implies:
                    implied.setdefault(sid, shown)
        counted = {y.requirement: y.years for y in years}
        written = ENGLISH if language is not None and language.english else None
        # this scorer's profile: only the requirements the document's skills can meet are
        # read (its plan found once); an ad-hoc profile is scored once, all of them
        if profile is self.profile:
            plan = self._of_profile(profile, credit_plan)
        else:
            plan = credit_plan(profile, index=False)
        return credits_of(
            plan,
            by_skill,
            implied,
            education,
            params,
            years=counted,
            written=written,
            kinds=self.lexicon.kinds,
        )

    def _years(
        self,
        profile: Profile,
        reading: _Reading,
        mentions: Sequence[SkillMention],
        text: str,
    ) -> tuple[YearsMatch, ...]:
        """How the resume meets each requirement of years of ``profile``: the figure asked
        of its highest degree held ("or MS and 3 years"), in full when it holds the degree
        the posting accepts in their place ("or a PhD")."""
        held = reading[0].highest_degree
        out = []
        for _, req in profile.requirements():
            if req.years is None:
                continue
            asked, by = years_for_degree(req, held if held != "none" else None)
            if by is not None and asked > 0:
                found = self._years_of(replace(req, years=asked), reading, mentions, text)
                found = replace(found, degree=by)
            else:
                found = self._years_of(req, reading, mentions, text)
                if by is not None:
                    found = replace(found, credit=1.0, instead=by)
            out.append(found)
        return tuple(out)

    def _years_of(
        self, req: Requirement, reading: _Reading, mentions: Sequence[SkillMention], text: str
    ) -> YearsMatch:
        """:func:`years_match` of one requirement of years (``req.years`` set)."""
        facts, _, roles = reading
        return years_match(
            req, facts, roles, mentions, text=text, lexicon=self.lexicon, implied=self._implied_by
        )

    def _equivalent_years(
        self,
        profile: Profile,
        reading: _Reading,
        mentions: Sequence[SkillMention],
        text: str,
    ) -> float | None:
        """The resume's years in jobs equivalent to the degree ``profile`` requires, when it
        accepts experience in its place ("or equivalent experience"): the jobs that show a
        skill of the requirement's ``domain``; else ``None``."""
        req = self._of_profile(profile, degree_asks).instead
        if req is None:
            return None
        as_years = replace(req, years=req.or_years, degree=None, each=False)
        return self._years_of(as_years, reading, mentions, text).years

    def _language(self, profile: Profile, text: str) -> EnglishText | None:
        """Whether ``text`` is written in English, when a requirement of ``profile`` names
        English (else ``None``: not measured)."""
        if not self._of_profile(profile, _names_english):
            return None
        last = self._last_language
        if last is not None and last[0] == text:
            return last[1]
        found = english_text(text)
        self._last_language = (text, found)
        return found

    def _implied_by(self, skill_id: str) -> tuple[str, ...]:
        """``Lexicon.implied``, walked once per skill."""
        found = self._implied.get(skill_id)
        if found is None:
            found = self._implied[skill_id] = self.lexicon.implied(skill_id)
        return found

    def _read(self, text: str, source: str, doc: Doc, dated: str | None = None) -> _Reading:
        """The facts of ``text`` (the text of ``doc``, saved on ``dated``) and its degree
        line, read once for the same text in a row."""
        key = (text, source, dated)
        last = self._last_reading  # one read of the attribute: safe beside other threads
        if last is not None and last[0] == key:
            return last[1]
        facts, roles = facts_and_roles(
            text, source=source, as_of=self.as_of, sections=_sections(doc, text), dated=dated
        )
        reading = (facts, find_education(text), roles)
        self._last_reading = (key, reading)
        return reading

    def _compute(
        self,
        profile: Profile,
        req_credits: dict[str, Credit],
        cos: float,
        *,
        exact_gains: bool = False,
    ) -> Breakdown:
        """:func:`compute`, with this scorer's profile's weights computed once."""
        weights = self._of_profile(profile, profile_weights)
        values = {k: c.credit for k, c in req_credits.items()}
        return compute(profile, values, cos, weights=weights, exact_gains=exact_gains)

    def _asks_years(self, profile: Profile) -> bool:
        """Whether a requirement of ``profile`` asks for years (this scorer's: found once)."""
        return self._of_profile(profile, _asks_years)

    def _of_profile(self, profile: Profile, derive: Callable[[Profile], _T]) -> _T:
        """``derive(profile)``, found once for this scorer's own profile (a posting's ad-hoc
        profile is derived each time)."""
        if profile is not self.profile:
            return derive(profile)
        if derive not in self._own:
            self._own[derive] = derive(profile)
        return cast(_T, self._own[derive])

    def _degrees(self, text: str, source: str, doc: Doc) -> tuple[EducationEntry, ...]:
        """The degrees of ``text``, the text of ``doc`` (``facts.education``), from a reading
        of it if there is one."""
        last = self._last_reading
        if last is not None and last[0][:2] == (text, source):
            return last[1][0].education
        degrees = self._last_degrees
        if degrees is not None and degrees[0] == text:
            return degrees[1]
        found = education_from_text(text, sections=_sections(doc, text))
        self._last_degrees = (text, found)
        return found

    def _brief(
        self,
        profile: Profile,
        terms: TermModel,
        text: str,
        doc: Doc,
        mentions: Sequence[SkillMention],
        *,
        source: str,
        warnings: Sequence[str],
        dated: str | None = None,
    ) -> ScoreBrief:
        """:meth:`_evaluate` reduced to what :class:`ScoreBrief` holds (the same values)."""
        years: tuple[YearsMatch, ...] = ()
        job_years: float | None = None
        if self._asks_years(profile):
            reading = self._read(text, source, doc, dated)
            degrees = reading[0].education
            years = self._years(profile, reading, mentions, text)
            job_years = self._equivalent_years(profile, reading, mentions, text)
        else:
            # the roles give the years only, which no requirement asks for: not read
            degrees = self._degrees(text, source, doc)
        asks = self._of_profile(profile, degree_asks)
        education = education_against(
            degrees, profile, evidence=None, asks=asks, job_years=job_years
        )
        language = self._language(profile, text)
        req_credits = self._credits(profile, education, mentions, years, language)
        cos = terms.doc_cosine(doc)
        result = self._compute(profile, req_credits, cos)
        warned = self._warnings(profile, warnings, mentions)
        rows = self._of_profile(profile, brief_rows) if profile is self.profile else None
        return brief(profile, req_credits, result, warned, rows=rows)

    def _evaluate(
        self,
        profile: Profile,
        terms: TermModel,
        text: str,
        doc: Doc,
        mentions: Sequence[SkillMention],
        *,
        source: str,
        warnings: Sequence[str],
        exact_gains: bool = False,
        dated: str | None = None,
    ) -> ScoreReport:
        reading = self._read(text, source, doc, dated)
        facts, found, _ = reading
        top = facts.highest_degree
        evidence = found.evidence if found.level == top else None
        asks = self._of_profile(profile, degree_asks)
        education = education_against(
            facts.education,
            profile,
            evidence=evidence,
            asks=asks,
            job_years=self._equivalent_years(profile, reading, mentions, text),
        )
        years = self._years(profile, reading, mentions, text)
        language = self._language(profile, text)
        req_credits = self._credits(profile, education, mentions, years, language)
        cos = terms.doc_cosine(doc)
        result = self._compute(profile, req_credits, cos, exact_gains=exact_gains)
        career = career_estimate(facts, profile, coverage=result.coverage)
        values = {k: c.credit for k, c in req_credits.items()}
        weights = self._of_profile(profile, profile_weights)

        def joint(ids: Sequence[str]) -> float:
            return joint_gain(
                profile, values, cos, ids, weights=weights, exact_gains=exact_gains, base=result
            )

        categories, matched, missing = explain(
            profile, text, req_credits, result, self.lexicon, language=language, joint=joint
        )
        return ScoreReport(
            score=round(result.score, 1),
            source=source,
            profile=profile.id,
            profile_version=profile.version,
            lexicon_version=self.lexicon.version,
            coverage=round(result.coverage, 4),
            similarity=round(cos, 4),
            categories=categories,
            matched=matched,
            missing=missing,
            education=education,
            career=career,
            warnings=self._warnings(profile, warnings, mentions),
            parts=score_parts(profile, req_credits, result),
            years=years,
        )

    def _warnings(
        self, profile: Profile, warnings: Sequence[str], mentions: Sequence[SkillMention]
    ) -> tuple[str, ...]:
        """A report's warnings: the reading's, one when no skill was found, and one when
        the profile cannot give a good fit (:func:`reach_warning`)."""
        if profile is not self.profile:
            reach = reach_warning(profile)
        else:
            if not self._reach:
                self._reach.append(reach_warning(profile))
            reach = self._reach[0]
        found = _warnings(warnings, mentions)
        return found if reach is None else (*found, reach)


def _names_english(profile: Profile) -> bool:
    return any(ENGLISH in req.skills for _, req in profile.requirements())


def _asks_years(profile: Profile) -> bool:
    """Whether a requirement of ``profile`` needs the resume's years: years asked, or a
    degree it accepts experience in place of."""
    return any(
        req.years is not None or req.or_years is not None for _, req in profile.requirements()
    )


def reach_warning(profile: Profile) -> str | None:
    """A warning when even a document meeting every requirement of ``profile`` (with the
    best similarity) would score below a partial match, else ``None``.

    A posting in which the lexicon finds one or two soft skills ("Sandwich making and other
    basic food preparation tasks": cooking) leaves its coverage to the evidence prior: any
    resume scores "weak" against it, the one meeting all it asks too. The score cannot
    show a good fit there, and the report says so.
    """
    requirements = [r for _, r in profile.requirements()]
    params = profile.scoring
    best = compute(profile, {r.id: 1.0 for r in requirements}, params.cosine_ref).score
    if score_band(best) != "weak":
        return None
    names = ", ".join(r.label for r in requirements[:3])
    more = f" and {len(requirements) - 3} more" if len(requirements) > 3 else ""
    count = f"{len(requirements)} requirement{'s' if len(requirements) != 1 else ''}"
    return (
        f"{profile.name} has only {count} jobmatch can check ({names}{more}): a document "
        f"meeting {'it' if len(requirements) == 1 else 'all of them'} would score at most "
        f"{best:.1f}, so this score cannot show a good fit; judge by the requirements met"
    )


def _sections(doc: Doc, text: str) -> list[tuple[int, int, str]]:
    """The sections of ``text`` the extractor found for ``doc`` (found again if none)."""
    from ..extract.mentions import doc_sections  # spaCy's Doc: imported on first use

    return doc_sections(doc, text)


def _warnings(warnings: Sequence[str], mentions: Sequence[SkillMention]) -> tuple[str, ...]:
    """A report's warnings: the reading's, and one when no skill was found."""
    if mentions:
        return tuple(warnings)
    return (*warnings, "no skills from the lexicon were found in the document")


def _profile_terms(profile: Profile, lexicon: Lexicon, default: TermModel) -> TermModel:
    """A term vector for a profile without a generated file: its labels and skill names."""
    words: list[str] = [profile.name, profile.description]
    for cat, req in profile.requirements():
        words.append(cat.label)
        words.append(req.label)
        words.extend(s.name for sid in req.skills if (s := lexicon.get(sid)) is not None)
    (terms,) = text_terms(["\n".join(words)])
    return TermModel(
        idf=default.idf,
        vector=default.vector_of(terms),
        background=default.background,
        skill_terms=default.skill_terms,
    )
