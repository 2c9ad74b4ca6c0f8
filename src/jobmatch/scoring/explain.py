"""The explanation of a score: category coverage, matched skills, what to add.

:func:`explain` turns the credits and the formula's :class:`~.formula.Breakdown` into the
parts of a :class:`~jobmatch.models.ScoreReport` a reader sees.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from ..models import CategoryCoverage, Lexicon, MatchedSkill, MissingSkill, ScoreParts
from ..wording import listing
from .doc_language import EnglishText
from .formula import Breakdown, Credit
from .profile_types import POSTING_PREFIX, POSTING_SOFT, Profile, ProfileCategory, Requirement

__all__ = ["explain", "score_parts", "skill_name", "snippet", "highlighted_snippet"]

_SNIPPET = 60


def explain(
    profile: Profile,
    text: str,
    req_credits: Mapping[str, Credit],
    result: Breakdown,
    lexicon: Lexicon,
    *,
    language: EnglishText | None = None,
    joint: Callable[[Sequence[str]], float] | None = None,
) -> tuple[tuple[CategoryCoverage, ...], tuple[MatchedSkill, ...], tuple[MissingSkill, ...]]:
    """The report's categories, matched skills and what to add (best gain first).

    Args:
        profile: the profile scored against.
        text: the scored document's text (for the snippets).
        req_credits: each requirement's :class:`Credit`.
        result: the formula's breakdown (coverages, gains).
        lexicon: the lexicon (skill names).
        language: the measure of the document's language, when a credit rests on it.
        joint: requirement ids -> the points gained by meeting them all at once
            (:func:`~.formula.joint_gain`); with it, a requirement of one skill names the
            other requirements not met that the skill meets too, and their joint gain.

    Returns:
        ``(categories, matched, missing)`` as stored in the ScoreReport.
    """
    categories = []
    # a posting's categories are the lexicon's, and each requirement sits in the category
    # of its first skill: a skill meeting "SQL or Microsoft Access" as Access is no
    # programming language, so the report names the skill's own category too
    posting = profile.id.startswith(POSTING_PREFIX)
    matched: list[MatchedSkill] = []
    missing: list[tuple[float, MissingSkill]] = []
    for cat in profile.categories:
        reqs = cat.requirements
        categories.append(
            CategoryCoverage(
                id=cat.id,
                label=cat.label,
                weight=cat.weight,
                coverage=round(result.categories[cat.id], 4),
                matched=tuple(r.id for r in reqs if req_credits[r.id].credit >= 1.0),
                partial=tuple(r.id for r in reqs if 0.0 < req_credits[r.id].credit < 1.0),
                missing=tuple(r.id for r in reqs if req_credits[r.id].credit == 0.0),
            )
        )
        for req in reqs:
            cr = req_credits[req.id]
            if cr.mention is not None and cr.skill_id is not None:
                m = _matched(text, cat, req, cr, lexicon)
                matched.append(_own_category(m, lexicon) if posting else m)
            elif cr.written and cr.skill_id is not None and language is not None:
                m = _written(cat, req, cr, lexicon, language)
                matched.append(_own_category(m, lexicon) if posting else m)
            if cr.credit < 1.0:
                gain = result.gains[req.id]
                missing.append((gain, _missing(cat, req, gain, lexicon)))
    # best gain first as the report shows it (0.1 point), then required before preferred,
    # then the profile's order (a stable sort over it): equal gains were listed by id,
    # alphabetically, and "+1.5 supervised learning (preferred)" came before "+1.5 linear
    # algebra (required)" by a gain 0.02 higher that no reader sees
    if joint is not None:
        missing = _with_others(profile, req_credits, missing, joint)
    missing.sort(key=lambda gm: (-round(gm[0], 1), not gm[1].required))
    return tuple(categories), tuple(matched), tuple(m for _, m in missing)


def _with_others(
    profile: Profile,
    req_credits: Mapping[str, Credit],
    missing: list[tuple[float, MissingSkill]],
    joint: Callable[[Sequence[str]], float],
) -> list[tuple[float, MissingSkill]]:
    """``missing`` with each requirement of one skill not met naming the other requirements
    not met that the skill meets too (``also_meets``) and the points adding it gains by
    meeting them all (``skill_gain``): a posting asking "Java" and "Java or Java EE" was
    told "+2.3 Java" and "+2.3 Java or Java EE", one skill twice with its own gain."""
    unmet = {r.id: r for _, r in profile.requirements() if req_credits[r.id].credit == 0.0}
    out = []
    for gain, m in missing:
        req = unmet.get(m.requirement)
        if req is not None and len(req.skills) == 1:
            sid = req.skills[0]
            others = tuple(r.id for r in unmet.values() if r is not req and sid in r.skills)
            if others:
                joint_of = joint((req.id, *others))
                m = replace(m, also_meets=others, skill_gain=round(joint_of, 1))
                gain = max(gain, joint_of)
        out.append((gain, m))
    return out


def _matched(
    text: str, cat: ProfileCategory, req: Requirement, cr: Credit, lexicon: Lexicon
) -> MatchedSkill:
    assert cr.mention is not None and cr.skill_id is not None
    m = cr.mention
    skill = lexicon.get(cr.skill_id)
    body, where = highlighted_snippet(text, m.start, m.end)
    return MatchedSkill(
        skill_id=cr.skill_id,
        name=skill.name if skill is not None else cr.skill_id,
        category=cat.id,
        requirement=req.id,
        match="full" if cr.credit >= 1.0 else "partial",
        via=cr.via,
        section=m.section,
        snippet=body,
        start=m.start,
        end=m.end,
        mentions=cr.count,
        highlight=where,
        via_name=skill_name(cr.via, lexicon) if cr.via is not None else None,
        required=req.required,
    )


def _own_category(m: MatchedSkill, lexicon: Lexicon) -> MatchedSkill:
    """``m`` with ``skill_category``, the label of its skill's lexicon category, when the
    posting's requirement it meets sits in another category (the category of the
    requirement's first skill: Microsoft Access meeting "SQL or Microsoft Access")."""
    skill = lexicon.get(m.skill_id)
    if skill is None:
        return m
    own = "soft_skill" if skill.category in POSTING_SOFT else skill.category
    if own == m.category or own not in lexicon.categories:
        return m
    return replace(m, skill_category=lexicon.categories[own].label)


def _written(
    cat: ProfileCategory, req: Requirement, cr: Credit, lexicon: Lexicon, language: EnglishText
) -> MatchedSkill:
    """A language met by the language the document is written in (no mention)."""
    assert cr.skill_id is not None
    name = skill_name(cr.skill_id, lexicon)
    how = (
        f"the document is written in {name} ({language.share:.0%} of its {language.words}"
        " words are common English function words: the, and, of, with...)"
    )
    if req.native:
        how += "; the native level asked is not shown by the text"
    return MatchedSkill(
        skill_id=cr.skill_id,
        name=name,
        category=cat.id,
        requirement=req.id,
        match="full" if cr.credit >= 1.0 else "partial",
        via=None,
        section="document",
        snippet=how,
        start=0,
        end=0,
        mentions=0,
        evidence="language",
        required=req.required,
    )


def _missing(cat: ProfileCategory, req: Requirement, gain: float, lexicon: Lexicon) -> MissingSkill:
    first = req.skills[0] if req.skills else req.id
    return MissingSkill(
        requirement=req.id,
        skill_id=first,
        name=_requirement_name(req, lexicon),
        category=cat.id,
        required=req.required,
        gain=round(gain, 1),
        alternatives=req.skills[1:],
    )


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


def highlighted_snippet(text: str, start: int, end: int) -> tuple[str, tuple[int, int]]:
    """:func:`snippet` and the offsets of ``text[start:end]`` in it ((0, 0) if not found)."""
    body = snippet(text, start, end)
    a = max(0, start - _SNIPPET)
    if a > 0:
        sp = text.find(" ", a, start)
        a = sp + 1 if sp != -1 else a
    pre = text[a:start]
    folded = " ".join(pre.split()) + (" " if pre.strip() and pre[-1].isspace() else "")
    term = " ".join(text[start:end].split())
    at = (1 if a > 0 else 0) + len(folded)
    if not term or body[at : at + len(term)] != term:
        return body, (0, 0)
    return body, (at, at + len(term))


def skill_name(skill_id: str, lexicon: Lexicon) -> str:
    """The lexicon's name of ``skill_id`` (its id, spaced, when the lexicon has none)."""
    skill = lexicon.get(skill_id)
    return skill.name if skill is not None else skill_id.replace("_", " ")


def _requirement_name(req: Requirement, lexicon: Lexicon) -> str:
    """A requirement as a reader names it: the skill, or its alternatives' names."""
    if len(req.skills) == 1:
        return skill_name(req.skills[0], lexicon)
    if not req.skills:
        return req.label
    names = [skill_name(s, lexicon) for s in req.skills]
    alts = listing(names)
    label = req.label.casefold()
    if label == req.id.casefold() or label in {n.casefold() for n in names}:
        return alts  # the label is one of the alternatives: name them all, once
    if (
        alts.casefold() in label
        or all(n.casefold() in label for n in names)
        or all(_named_in(label, s, lexicon) for s in req.skills)
    ):
        # the label already names the alternatives: "Version control (Git)", or by the
        # names a reader knows them by: "A cloud platform (AWS, Google Cloud or Azure)"
        # read "... (AWS, Google Cloud or Azure) (Amazon Web Services, Google Cloud
        # Platform or Microsoft Azure)"
        return req.label
    return f"{req.label} ({alts})"


def _named_in(label: str, skill_id: str, lexicon: Lexicon) -> bool:
    """Whether the (casefolded) ``label`` names the skill: its name or an alias, as words."""
    skill = lexicon.get(skill_id)
    names = (skill.name, *skill.aliases) if skill is not None else (skill_name(skill_id, lexicon),)
    return any(
        re.search(rf"(?<!\w){re.escape(n.casefold())}(?!\w)", label) is not None for n in names
    )


def score_parts(
    profile: Profile, req_credits: Mapping[str, Credit], result: Breakdown
) -> ScoreParts:
    """What the score is made of (:class:`~jobmatch.models.ScoreParts`), rounded for display."""
    counts = {True: [0, 0, 0], False: [0, 0, 0]}
    for _, req in profile.requirements():
        c = req_credits[req.id].credit
        row = counts[req.required]
        row[0] += c >= 1.0
        row[1] += 0.0 < c < 1.0
        row[2] += 1
    return ScoreParts(
        similarity_weight=profile.scoring.similarity_weight,
        similarity_trust=profile.scoring.similarity_trust,
        similarity=round(result.similarity, 4),
        raw=round(result.raw, 4),
        calibrated=round(result.calibrated, 1),
        ceiling=round(result.ceiling, 1),
        required_met=counts[True][0],
        required_partial=counts[True][1],
        required_total=counts[True][2],
        preferred_met=counts[False][0],
        preferred_partial=counts[False][1],
        preferred_total=counts[False][2],
    )
