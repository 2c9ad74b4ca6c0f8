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
from .formula import requirement_weight
from .profile_types import Profile, ProfileCategory, Requirement
from .resume_facts import degree_requirements
from .terms import TermModel, doc_terms, text_terms

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["POSTING_PREFIX", "posting_profile", "posting_id"]


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
        weight = math.fsum(requirement_weight(r, params) for r in reqs)
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
        weight = math.fsum(requirement_weight(r, params) for r in degrees)
        categories.append(
            ProfileCategory(
                id="education", label="Education", weight=weight, requirements=tuple(degrees)
            )
        )
    if doc is not None:
        words = doc_terms(doc, vocabulary=terms.idf)
    else:
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
