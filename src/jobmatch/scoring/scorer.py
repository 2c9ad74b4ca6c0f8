"""Score a document against a role profile (or a posting): coverage + TF-IDF -> ScoreReport.

The formula (README "Scoring"; constants in the profile's ``[scoring]`` table):

1. Each requirement ``r`` gets a credit ``c_r``: 1 when a skill among its alternatives is
   mentioned; ``partial_credit`` (0.5) when one is only *implied* by a mentioned skill through
   the lexicon's ``implies`` (Keras -> deep learning); for education, 1 when the detected
   degree reaches the level / the field is accepted; else 0.
2. Its weight is ``w_r = (required_weight if required else preferred_weight) * tfidf_r``
   (2 or 1, times the requirement's TF-IDF factor in [0.5, 1] from the generated file).
3. Category coverage ``cov_k = sum(w_r c_r) / sum(w_r)``; overall coverage
   ``C = sum(W_k cov_k) / sum(W_k)`` with the category weights ``W_k``.
4. ``S = min(1, cos / cosine_ref)``, ``cos`` the cosine between the document's TF-IDF vector
   (stored vocabulary and idf, raw tf) and the profile's term vector.
5. ``raw = (1 - similarity_weight) * C + similarity_weight * S``.
6. Calibration, a logistic curve rescaled to [0, 100]:
   ``score = 100 * (L(raw) - L(0)) / (L(1) - L(0))``, ``L(x) = 1 / (1 + exp(-k (x - m)))``
   with ``k = steepness`` and ``m = midpoint``. It is strictly increasing, so rankings are
   those of ``raw``. Rounding happens only at the end (score 1 decimal, fractions 4).

"What to add": the gain of a requirement not fully met is the score with its credit set to 1
minus the actual score (the similarity held fixed).
"""

from __future__ import annotations

import hashlib
import logging
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import EmptyDocumentError, ProfileError
from ..models import (
    CategoryCoverage,
    Document,
    Education,
    Lexicon,
    MatchedSkill,
    MissingSkill,
    ResumeFacts,
    ScoreReport,
    SkillMention,
)
from .career import career_estimate, education_of
from .profiles import (
    DEFAULT_PROFILE,
    DEGREE_LEVELS,
    Profile,
    ProfileCategory,
    Requirement,
    ScoringParams,
    TermModel,
    analyze,
    load_profile,
)
from .resume_facts import degree_requirements, find_education
from .resume_reader import facts_from_text

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..extract.component import SkillExtractor

__all__ = [
    "Scorer",
    "score",
    "match",
    "as_document",
    "posting_profile",
    "posting_id",
    "calibrate",
]

log = logging.getLogger(__name__)

_SNIPPET = 60
_SKIP_SECTIONS = frozenset({"education", "publications", "certifications"})


def calibrate(raw: float, params: ScoringParams) -> float:
    """Map ``raw`` in [0, 1] to the calibrated 0-100 score (unrounded)."""
    k, m = params.steepness, params.midpoint

    def logistic(x: float) -> float:
        return 1.0 / (1.0 + math.exp(-k * (x - m)))

    lo, hi = logistic(0.0), logistic(1.0)
    return 100.0 * (logistic(min(1.0, max(0.0, raw))) - lo) / (hi - lo)


@dataclass(frozen=True, slots=True)
class _Credit:
    credit: float
    skill_id: str | None = None
    via: str | None = None
    mention: SkillMention | None = None
    count: int = 0


class Scorer:
    """Score many documents against one profile; the pipeline and profile are built once.

    ``profile`` is a shipped profile id, a TOML path or a :class:`Profile`. With ``resume``
    (a path, a text or a :class:`Document`), each scored text is a *posting*: the resume is
    scored against the ad-hoc profile of that posting (:func:`match`).
    """

    def __init__(
        self,
        profile: str | Path | Profile = DEFAULT_PROFILE,
        *,
        resume: str | Path | Document | None = None,
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
        self._resume: tuple[Document, Doc, list[SkillMention]] | None = None
        if resume is not None:
            rdoc = as_document(resume)
            if not rdoc.text.strip():
                raise EmptyDocumentError("the document has no text to score", source=rdoc.source)
            sdoc, mentions = next(self.extractor.pipe_docs([rdoc.text]))
            self._resume = (rdoc, sdoc, mentions)

    # -- public entry points
    def score_text(self, text: str, *, source: str = "<text>") -> ScoreReport:
        if not isinstance(text, str):
            raise TypeError(f"score_text() needs a str, not {type(text).__name__}")
        doc, mentions = next(self.extractor.pipe_docs([text]))
        return self.score_doc(doc, mentions, source=source, text=text)

    def score_document(self, document: Document) -> ScoreReport:
        doc, mentions = next(self.extractor.pipe_docs([document.text]))
        return self.score_doc(
            doc, mentions, source=document.source, warnings=document.warnings, text=document.text
        )

    def score_doc(
        self,
        doc: Doc,
        mentions: Sequence[SkillMention],
        *,
        source: str = "<text>",
        warnings: Sequence[str] = (),
        text: str | None = None,
        record_id: str | None = None,
    ) -> ScoreReport:
        """Score a processed spaCy ``Doc``: its tokens feed the TF-IDF (no re-tokenising).

        ``text`` is the text the Doc was made from, if the caller has it (saves rebuilding
        ``doc.text``). In resume mode the Doc is a posting and the report's profile id is
        :func:`posting_id` of it: ``record_id`` (a batch record's id) when given, else the
        file name of ``source``. Raises :class:`EmptyDocumentError` for a text without any
        non-space character: a score is never produced from an empty document.
        """
        if text is None:
            text = doc.text
        if not text.strip():
            raise EmptyDocumentError("the document has no text to score", source=source)
        if self._resume is not None:
            # resume mode: ``doc`` is a posting; score the fixed resume against it
            posting = posting_profile(
                text,
                mentions,
                lexicon=self.lexicon,
                base=self.profile,
                terms=self._default_terms,
                source=source,
                doc=doc,
                record_id=record_id,
            )
            rdoc, rsdoc, rmentions = self._resume
            assert posting.terms is not None
            report = self._evaluate(
                posting,
                posting.terms,
                rdoc.text,
                rsdoc,
                rmentions,
                source=rdoc.source,
                warnings=(*rdoc.warnings, *warnings),
            )
            return _replace_source(report, source)
        return self._evaluate(
            self.profile, self.terms, text, doc, mentions, source=source, warnings=warnings
        )

    def match(self, resume: str | Path | Document, posting: str | Path | Document) -> ScoreReport:
        """Score ``resume`` against the ad-hoc profile of ``posting``."""
        rdoc, pdoc = as_document(resume), as_document(posting)
        for d in (rdoc, pdoc):
            if not d.text.strip():
                raise EmptyDocumentError("the document has no text to score", source=d.source)
        (psdoc, pmentions), (rsdoc, rmentions) = self.extractor.pipe_docs([pdoc.text, rdoc.text])
        prof = posting_profile(
            pdoc.text,
            pmentions,
            lexicon=self.lexicon,
            base=self.profile,
            terms=self._default_terms,
            source=pdoc.source,
            doc=psdoc,
        )
        assert prof.terms is not None
        return self._evaluate(
            prof,
            prof.terms,
            rdoc.text,
            rsdoc,
            rmentions,
            source=rdoc.source,
            warnings=(*rdoc.warnings, *(f"posting: {w}" for w in pdoc.warnings)),
        )

    # -- the formula
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
    ) -> ScoreReport:
        params = profile.scoring
        facts = facts_from_text(text, source=source, as_of=self.as_of)
        education = _education(facts, profile, text)
        by_skill: dict[str, list[SkillMention]] = {}
        for m in mentions:
            by_skill.setdefault(m.skill_id, []).append(m)
        implied: dict[str, tuple[str, SkillMention]] = {}
        for m in mentions:  # text order: the first implying mention is the evidence
            for sid in self.lexicon.implied(m.skill_id):
                implied.setdefault(sid, (m.skill_id, m))

        credits: dict[str, _Credit] = {}
        for _, req in profile.requirements():
            credits[req.id] = _credit(req, by_skill, implied, education, params)

        cos = terms.cosine(analyze(doc_words(doc)))
        sim = min(1.0, cos / params.cosine_ref)
        # the evidence prior stands for requirements the profile does not list (ad-hoc
        # profiles of postings): few found requirements cannot make a full match
        total_w = math.fsum(c.weight for c in profile.categories) + params.evidence_prior or 1.0
        weight = {r.id: _weight(r, params) for _, r in profile.requirements()}
        cat_w = {c.id: math.fsum(weight[r.id] for r in c.requirements) for c in profile.categories}
        covs = {
            c.id: math.fsum(weight[r.id] * credits[r.id].credit for r in c.requirements)
            / cat_w[c.id]
            if cat_w[c.id]
            else 0.0
            for c in profile.categories
        }

        def raw_of(coverage: float) -> float:
            return (1 - params.similarity_weight) * coverage + params.similarity_weight * sim

        coverage = math.fsum(c.weight * covs[c.id] for c in profile.categories) / total_w
        score = calibrate(raw_of(coverage), params)

        categories = []
        matched: list[MatchedSkill] = []
        missing: list[tuple[float, MissingSkill]] = []
        for cat in profile.categories:
            full = tuple(r.id for r in cat.requirements if credits[r.id].credit >= 1.0)
            part = tuple(r.id for r in cat.requirements if 0.0 < credits[r.id].credit < 1.0)
            miss = tuple(r.id for r in cat.requirements if credits[r.id].credit == 0.0)
            categories.append(
                CategoryCoverage(
                    id=cat.id,
                    label=cat.label,
                    weight=cat.weight,
                    coverage=round(covs[cat.id], 4),
                    matched=full,
                    partial=part,
                    missing=miss,
                )
            )
            for req in cat.requirements:
                cr = credits[req.id]
                if cr.mention is not None and cr.skill_id is not None:
                    matched.append(self._matched(text, cat, req, cr))
                if cr.credit < 1.0:
                    # meeting it raises this category's coverage by w_r (1 - c_r) / sum(w)
                    lift = weight[req.id] * (1.0 - cr.credit) / cat_w[cat.id]
                    gain = calibrate(raw_of(coverage + cat.weight * lift / total_w), params) - score
                    missing.append((gain, self._missing(cat, req, gain)))
        missing.sort(key=lambda gm: (-round(gm[0], 6), not gm[1].required, gm[1].requirement))

        own_warnings = list(warnings)
        if not mentions:
            own_warnings.append("no skills from the lexicon were found in the document")
        return ScoreReport(
            score=round(score, 1),
            source=source,
            profile=profile.id,
            profile_version=profile.version,
            lexicon_version=self.lexicon.version,
            coverage=round(coverage, 4),
            similarity=round(cos, 4),
            categories=tuple(categories),
            matched=tuple(matched),
            missing=tuple(m for _, m in missing),
            education=education,
            career=career_estimate(facts, profile),
            warnings=tuple(own_warnings),
        )

    def _matched(
        self, text: str, cat: ProfileCategory, req: Requirement, cr: _Credit
    ) -> MatchedSkill:
        assert cr.mention is not None and cr.skill_id is not None
        m = cr.mention
        skill = self.lexicon.get(cr.skill_id)
        return MatchedSkill(
            skill_id=cr.skill_id,
            name=skill.name if skill is not None else cr.skill_id,
            category=cat.id,
            requirement=req.id,
            match="full" if cr.credit >= 1.0 else "partial",
            via=cr.via,
            section=m.section,
            snippet=snippet(text, m.start, m.end),
            start=m.start,
            end=m.end,
            mentions=cr.count,
        )

    def _missing(self, cat: ProfileCategory, req: Requirement, gain: float) -> MissingSkill:
        first = req.skills[0] if req.skills else req.id
        skill = self.lexicon.get(first) if req.skills else None
        return MissingSkill(
            requirement=req.id,
            skill_id=first,
            name=skill.name if skill is not None and len(req.skills) == 1 else req.label,
            category=cat.id,
            required=req.required,
            gain=round(gain, 1),
            alternatives=req.skills[1:],
        )


def doc_words(doc: Doc) -> list[str]:
    """The lower-cased token texts of a spaCy ``Doc`` (array access: no Token objects)."""
    strings = doc.vocab.strings
    return [strings[h] for h in doc.to_array("LOWER").tolist()]


def _credit(
    req: Requirement,
    by_skill: dict[str, list[SkillMention]],
    implied: dict[str, tuple[str, SkillMention]],
    education: Education,
    params: ScoringParams,
) -> _Credit:
    if req.degree is not None:
        ok = education.level is not None and DEGREE_LEVELS.index(
            education.level
        ) >= DEGREE_LEVELS.index(req.degree)
        return _Credit(1.0 if ok else 0.0)
    if req.fields:
        ok = education.field is not None and any(
            f in education.field or education.field in f for f in req.fields
        )
        return _Credit(1.0 if ok else 0.0)
    for sid in req.skills:
        if sid in by_skill:
            ms = by_skill[sid]
            return _Credit(1.0, sid, None, ms[0], len(ms))
    for sid in req.skills:
        if sid in implied:
            via, m = implied[sid]
            return _Credit(params.partial_credit, sid, via, m, len(by_skill.get(via, ())))
    return _Credit(0.0)


def _weight(req: Requirement, params: ScoringParams) -> float:
    return (params.required_weight if req.required else params.preferred_weight) * req.tfidf


def _education(facts: ResumeFacts, profile: Profile, text: str) -> Education:
    """The resume's highest degree against the profile; the evidence is its line."""
    found = find_education(text)
    top = facts.highest_degree
    return education_of(facts, profile, evidence=found.evidence if found.level == top else None)


def snippet(text: str, start: int, end: int, width: int = _SNIPPET) -> str:
    """About ``width`` characters each side of ``text[start:end]``, white space folded."""
    a, b = max(0, start - width), min(len(text), end + width)
    if a > 0:
        sp = text.find(" ", a, start)
        a = sp + 1 if sp != -1 else a
    if b < len(text):
        sp = text.rfind(" ", end, b)
        b = sp if sp != -1 else b
    body = " ".join(text[a:b].split())
    return ("\u2026" if a > 0 else "") + body + ("\u2026" if b < len(text) else "")


def _replace_source(report: ScoreReport, source: str) -> ScoreReport:
    return replace(report, source=source)


def _profile_terms(profile: Profile, lexicon: Lexicon, default: TermModel) -> TermModel:
    """A term vector for a profile without a generated file: its labels and skill names."""
    from .profiles import text_terms

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


def posting_profile(
    text: str,
    mentions: Sequence[SkillMention],
    *,
    lexicon: Lexicon,
    base: Profile,
    terms: TermModel,
    source: str = "<posting>",
    doc: Doc | None = None,
    record_id: str | None = None,
) -> Profile:
    """The ad-hoc profile of a posting; its id is :func:`posting_id` (source, record id).

    Each skill mentioned becomes a requirement in the category of its lexicon category: required
    if mentioned in a ``requirements`` section, preferred if in ``preferred`` (and never in
    requirements), otherwise required when mentioned at least twice, preferred once. Category
    weight = the sum of its requirements' base weights, so every requirement counts the same
    wherever it sits. The lowest degree the posting asks for is a required education
    requirement, a higher one it prefers a preferred one (:func:`degree_requirements`).
    Scoring constants and the ladder's levels come from ``base`` (without its level labels and
    salary figures, which belong to that role); the term vector is the posting's own TF-IDF
    vector over the stored vocabulary.
    """
    params = base.scoring
    info: dict[str, list[SkillMention]] = {}
    for m in mentions:
        info.setdefault(m.skill_id, []).append(m)
    if not info:
        raise ProfileError("no skills from the lexicon were found in the posting", source=source)
    groups: dict[str, list[Requirement]] = {}
    for sid, ms in info.items():
        sections = {m.section for m in ms}
        if "requirements" in sections:
            required = True
        elif "preferred" in sections:
            required = False
        else:
            required = len(ms) >= 2
        skill = lexicon.get(sid)
        cat = skill.category if skill is not None else "other"
        groups.setdefault(cat, []).append(
            Requirement(
                id=sid, label=skill.name if skill else sid, required=required, skills=(sid,)
            )
        )
    categories = []
    for cid in sorted(groups):
        reqs = tuple(groups[cid])
        weight = math.fsum(_weight(r, params) for r in reqs)
        label = lexicon.categories[cid].label if cid in lexicon.categories else cid
        categories.append(ProfileCategory(id=cid, label=label, weight=weight, requirements=reqs))
    from ..extract.sections import detect_sections

    need, nice = degree_requirements(text, detect_sections(text))
    degrees = []
    if need is not None:
        degrees.append(
            Requirement(id="degree", label=f"Degree: {need}", required=True, degree=need)
        )
    if nice is not None:
        degrees.append(
            Requirement(id="degree_preferred", label=f"Degree: {nice}", required=False, degree=nice)
        )
    if degrees:
        weight = math.fsum(_weight(r, params) for r in degrees)
        categories.append(
            ProfileCategory(
                id="education", label="Education", weight=weight, requirements=tuple(degrees)
            )
        )
    if doc is not None:
        words = analyze(doc_words(doc))
    else:
        from .profiles import text_terms

        (words,) = text_terms([text])
    # a posting's requirements are only what the lexicon found in it: shrink its coverage
    # towards 0 by `posting_prior` required requirements' worth of unlisted evidence
    params = replace(params, evidence_prior=params.posting_prior * params.required_weight)
    return Profile(
        id=posting_id(source, text, record_id=record_id),
        name=f"posting {source}",
        version="adhoc",
        description="",
        categories=tuple(categories),
        # the levels (title words, years) are generic; the labels and salary figures describe
        # the base profile's role, not the posting's
        ladder=tuple(replace(lv, label=lv.id, salary=None) for lv in base.ladder),
        salary=(),
        scoring=params,
        terms=TermModel(
            idf=terms.idf,
            vector=terms.vector_of(words),
            background=terms.background,
            skill_terms=terms.skill_terms,
        ),
        source=source,
    )


#: the prefix of the id of a posting's ad-hoc profile (``ScoreReport.profile``)
POSTING_PREFIX = "posting:"
_DIGEST_CHARS = 12


def posting_id(source: str, text: str, *, record_id: str | None = None) -> str:
    """The profile id of a posting's ad-hoc profile: ``posting:<name>``.

    ``<name>`` is ``record_id`` when given (a batch record's id, as in the batch output);
    else the file name of ``source``, without its folders (``/jobs/acme/ml.pdf`` gives
    ``posting:ml.pdf``), so a report names its posting the same wherever the file was read
    from and shows nothing of the reader's folders; else, for a posting without a file
    (``source`` ``<text>``, ``<stdin>``...), ``text-`` and the first 12 hex digits of the
    SHA-256 of its text (``posting:text-3f2a9c1b7d4e``), the same for the same text.
    Non-printable characters (control characters, line breaks) become ``?``.
    """
    if record_id is not None:
        name = record_id
    elif source.startswith("<") and source.endswith(">"):
        name = ""
    else:
        name = re.split(r"[/\\]", source.rstrip("/\\"))[-1]
    name = "".join(ch if ch.isprintable() else "?" for ch in name).strip()
    if not name:
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        name = "text-" + digest[:_DIGEST_CHARS]
    return POSTING_PREFIX + name


# -------------------------------------------------------------------------- functions


def as_document(x: str | Path | Document) -> Document:
    """A Document from a Document (returned as is), a file path (read), or a text.

    A ``str`` is taken for a path when it names an existing file, or when it is one line
    of at most three words ending in a document extension (``.pdf``, ``.docx``,
    ``.txt``...), so that a mistyped path is a :class:`~jobmatch.errors.DocumentNotFoundError`
    rather than scored as text; any other ``str`` is the text itself (source ``"<text>"``).
    Raises :class:`TypeError` for anything else.
    """
    if isinstance(x, Document):
        return x
    if isinstance(x, Path) or (isinstance(x, str) and _looks_like_path(x)):
        from ..read.documents import read_document

        return read_document(x)
    if isinstance(x, str):
        return Document(text=x, source="<text>", format="text")
    raise TypeError(f"expected a path, a text or a Document, not {type(x).__name__}")


_EXTENSIONS = (".pdf", ".docx", ".txt", ".md", ".markdown", ".html", ".htm", ".text")


def _looks_like_path(s: str) -> bool:
    if "\n" in s or len(s) > 4096:
        return False
    if Path(s).is_file():
        return True
    return s.lower().endswith(_EXTENSIONS) and len(s.split()) <= 3


@lru_cache(maxsize=4)
def _scorer(profile: str) -> Scorer:
    return Scorer(profile)


def score(
    document: str | Path | Document, *, profile: str | Path | Profile = DEFAULT_PROFILE
) -> ScoreReport:
    """Score a document (a :class:`Document`, a file path or a text) against ``profile``."""
    scorer = Scorer(profile) if isinstance(profile, Profile) else _scorer(str(profile))
    return scorer.score_document(as_document(document))


def match(resume: str | Path | Document, posting: str | Path | Document) -> ScoreReport:
    """Score ``resume`` against the ad-hoc profile of ``posting`` (Documents, paths or texts)."""
    return _scorer(DEFAULT_PROFILE).match(resume, posting)
