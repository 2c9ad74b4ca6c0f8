"""The ad-hoc profile of a posting (``match``, ``batch --resume``) and its id.

:func:`posting_profile` turns a posting's text and skill mentions into a :class:`Profile`
whose requirements are the skills it names; :func:`posting_id` names it.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..errors import ProfileError
from ..models import Lexicon, SkillMention
from ..wording import DEGREE_LABELS, listing
from .doc_language import ENGLISH, asks_native_english
from .formula import requirement_weight
from .posting_model import PostingRequirements, degree_note
from .posting_reader import read_requirements
from .profile_types import POSTING_PREFIX, Profile, ProfileCategory, Requirement, ScoringParams
from .terms import TermModel, doc_terms, text_terms

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["POSTING_PREFIX", "posting_profile", "posting_id", "skill_marks"]


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
    requirements: PostingRequirements | None = None,
) -> Profile:
    """The ad-hoc profile of a posting; its id is :func:`posting_id` (source, record id).

    The posting is read by :func:`~.posting_reader.read_requirements` (or ``requirements``
    when the caller has read it): each requirement (a skill and its alternatives) goes to
    the category of its first skill, required or preferred as the posting says; the category
    weight is the sum of its requirements' weights, so every requirement counts the same
    wherever it sits, except soft skills, whose category weighs at most ``soft_cap`` of the
    other categories together. The education requirement becomes a required minimum degree,
    a preferred higher degree and the fields of study (preferred when "or a related field"
    widens them); the years asked a ``years`` requirement, preferred when the posting only
    prefers them (``years_preferred``), and each further ask that names skills
    (``years_also``) one more (``years-2``, ``years-3``...) in those skills; the
    ``experience`` category weighs what its heaviest ask weighs, whatever their number
    (their coverage is the weighted share met). Scoring constants and
    the ladder's levels come from ``base`` (without its level labels and salary figures);
    the term vector is the posting's own TF-IDF vector over the stored vocabulary.

    Raises:
        ProfileError: when the posting names no skill of the lexicon and no degree.
    """
    params = base.scoring
    if requirements is None:
        from ..extract.mentions import doc_sections

        sections = None if doc is None else doc_sections(doc, text)
        requirements = read_requirements(
            text, mentions, lexicon=lexicon, source=source, sections=sections
        )
    read = requirements
    if not read.requirements and read.education is None:
        raise ProfileError("no skills from the lexicon were found in the posting", source=source)
    categories = _skill_categories(read, lexicon, params)
    for cid, label, extra in _education_requirements(read):
        weights = [requirement_weight(r, params) for r in extra]
        # the years asks share the weight of one ask: "5 years" and "2 years with MILP"
        # weigh together what "5 years" alone weighed, and do not swamp the skills
        weight = max(weights) if cid == "experience" else math.fsum(weights)
        categories.append(ProfileCategory(id=cid, label=label, weight=weight, requirements=extra))
    if doc is not None:
        words = doc_terms(doc, vocabulary=terms.idf)
    else:
        (words,) = text_terms([text])
    vector = terms.vector_of(words)
    # a posting's requirements are only what the lexicon found in it: shrink its coverage
    # towards 0 by `posting_prior` required requirements' worth of unlisted evidence; and a
    # cosine with a vector of a few skill terms rests on a word or two: its share of the
    # similarity term goes to the share of the listed requirements met
    thin = min(1.0, len(vector) / params.posting_min_terms) if params.posting_min_terms else 1.0
    params = replace(
        params,
        evidence_prior=params.posting_prior * params.required_weight,
        similarity_weight=params.posting_similarity_weight,
        steepness=params.posting_steepness,
        similarity_trust=thin,
    )
    return Profile(
        id=posting_id(source, text, record_id=record_id),
        name=f"posting {_file_name(source)}",
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
            vector=vector,
            background=terms.background,
            skill_terms=terms.skill_terms,
        ),
        source=source,
    )


def skill_marks(read: PostingRequirements) -> dict[str, bool]:
    """Skill id -> required (``True``) or preferred, as the ad-hoc profile of ``read`` marks
    them outside its ``education`` category: what :func:`posting_profile`'s requirements
    say, without building the profile (its TF-IDF vector is most of its cost).

    A skill in two requirements takes the mark of the last one in the profile's order
    (categories by id, then as read).

    Args:
        read: the posting's requirements (:func:`~.posting_reader.read_requirements`).

    Returns:
        The marks (empty for a posting without requirements).
    """
    groups: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
    for r in read.requirements:
        cat = "soft_skill" if r.soft else r.category
        groups.setdefault(cat, []).append((tuple(s.skill_id for s in r.skills), r.required))
    marks: dict[str, bool] = {}
    for cid in sorted(groups):
        if cid != "education":
            for skills, required in groups[cid]:
                marks.update((sid, required) for sid in skills)
    return marks


def _skill_categories(
    read: PostingRequirements, lexicon: Lexicon, params: ScoringParams
) -> list[ProfileCategory]:
    groups: dict[str, list[Requirement]] = {}
    used: set[str] = set()
    for r in read.requirements:
        rid = r.skills[0].skill_id
        n = 2
        while rid in used:  # a skill in two requirements ("Python", "Java or Python")
            rid, n = f"{r.skills[0].skill_id}-{n}", n + 1
        used.add(rid)
        cat = "soft_skill" if r.soft else r.category
        groups.setdefault(cat, []).append(
            Requirement(
                id=rid,
                label=r.name,
                required=r.required,
                skills=tuple(s.skill_id for s in r.skills),
                native=any(s.skill_id == ENGLISH for s in r.skills)
                and asks_native_english(r.evidence),
            )
        )
    weights = {
        cid: math.fsum(requirement_weight(q, params) for q in reqs) for cid, reqs in groups.items()
    }
    if "soft_skill" in weights:
        # soft skills and competencies cannot dominate: at most soft_cap of the rest
        hard = math.fsum(w for cid, w in weights.items() if cid != "soft_skill")
        weights["soft_skill"] = min(weights["soft_skill"], params.soft_cap * hard) or (
            params.soft_cap * params.required_weight
        )
    categories = []
    for cid in sorted(groups):
        label = lexicon.categories[cid].label if cid in lexicon.categories else cid
        categories.append(
            ProfileCategory(
                id=cid, label=label, weight=weights[cid], requirements=tuple(groups[cid])
            )
        )
    return categories


#: the years of dated jobs that stand for a degree a posting accepts "or equivalent
#: experience" in place of: the years of study the degree takes (a master's after a
#: bachelor's, a doctorate after both), unless the posting names its own ("or 2+ years of
#: experience in data analytics")
EQUIVALENT_YEARS = {
    "high_school": 0.0,
    "associate": 2.0,
    "bachelor": 4.0,
    "master": 6.0,
    "professional_doctorate": 8.0,
    "phd": 9.0,
}


def _education_requirements(
    read: PostingRequirements,
) -> list[tuple[str, str, tuple[Requirement, ...]]]:
    """The ``education`` and ``experience`` categories: ``(id, label, requirements)``."""
    out: list[Requirement] = []
    edu = read.education
    if edu is not None and edu.min_level is not None:
        label = f"Degree: {DEGREE_LABELS.get(edu.min_level, edu.min_level)}"
        or_years = (
            (edu.or_years if edu.or_years is not None else EQUIVALENT_YEARS.get(edu.min_level))
            if edu.or_experience
            else None
        )
        if or_years is not None:
            label += f" or {or_years:g}+ years of relevant experience"
        # experience equivalent to the degree: jobs that show a skill the posting requires,
        # not a soft one (a nurse's years of communication are no computer science degree)
        relevant = tuple(
            dict.fromkeys(
                s.skill_id for r in read.requirements if r.required and not r.soft for s in r.skills
            )
        )
        out.append(
            Requirement(
                id="degree",
                label=label,
                required=True,
                degree=edu.min_level,
                or_years=or_years,
                domain=relevant if or_years is not None else (),
            )
        )
    if edu is not None and edu.preferred_level is not None:
        out.append(
            Requirement(
                id="degree_preferred",
                label=f"Degree: {DEGREE_LABELS.get(edu.preferred_level, edu.preferred_level)}",
                required=False,
                degree=edu.preferred_level,
            )
        )
    if edu is not None and edu.fields:
        label = " or ".join(edu.fields) + (" or a related field" if edu.related_fields else "")
        out.append(
            Requirement(
                id="field",
                label=f"Field: {label}",
                # a field only a preferred clause names is preferred ("Master's degree
                # preferred, computer science or statistics"), as is a widened one
                required=edu.fields_required and not edu.related_fields,
                fields=edu.fields,
            )
        )
    cats = [("education", "Education", tuple(out))] if out else []
    if read.years_min is not None:
        domain = listing([s.name for s in read.years_skills], "and" if read.years_each else "or")
        instead = read.years_or_degree
        years = Requirement(
            id="years",
            label=f"{read.years_min:g}+ years of experience"
            + (f" in {domain}" if domain else "")
            + degree_note(read.years_by_degree, instead),
            or_degree=instead,
            by_degree=read.years_by_degree,
            # years the posting only prefers weigh as a preferred skill does
            required=not read.years_preferred,
            years=read.years_min,
            domain=tuple(s.skill_id for s in read.years_skills),
            each=read.years_each,
        )
        also = tuple(
            Requirement(
                id=f"years-{k}",
                label=f"{a.years:g}+ years of experience in {a.domain}",
                required=a.required,
                years=a.years,
                domain=tuple(s.skill_id for s in a.skills),
                each=a.each,
            )
            for k, a in enumerate(read.years_also, 2)
        )
        cats.append(("experience", "Experience", (years, *also)))
    return cats


def _file_name(source: str) -> str:
    return re.split(r"[/\\]", source.rstrip("/\\"))[-1] or source


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
