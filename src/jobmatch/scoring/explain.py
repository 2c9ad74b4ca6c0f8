"""The explanation of a score: category coverage, matched skills, what to add.

:func:`explain` turns the credits and the formula's :class:`~.formula.Breakdown` into the
parts of a :class:`~jobmatch.models.ScoreReport` a reader sees.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..models import CategoryCoverage, Lexicon, MatchedSkill, MissingSkill
from .formula import Breakdown, Credit
from .profile_types import Profile, ProfileCategory, Requirement

__all__ = ["explain", "snippet"]

_SNIPPET = 60


def explain(
    profile: Profile,
    text: str,
    credits: Mapping[str, Credit],
    result: Breakdown,
    lexicon: Lexicon,
) -> tuple[tuple[CategoryCoverage, ...], tuple[MatchedSkill, ...], tuple[MissingSkill, ...]]:
    """The report's categories, matched skills and what to add (best gain first).

    Args:
        profile: the profile scored against.
        text: the scored document's text (for the snippets).
        credits: each requirement's :class:`Credit`.
        result: the formula's breakdown (coverages, gains).
        lexicon: the lexicon (skill names).

    Returns:
        ``(categories, matched, missing)`` as stored in the ScoreReport.
    """
    categories = []
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
                matched=tuple(r.id for r in reqs if credits[r.id].credit >= 1.0),
                partial=tuple(r.id for r in reqs if 0.0 < credits[r.id].credit < 1.0),
                missing=tuple(r.id for r in reqs if credits[r.id].credit == 0.0),
            )
        )
        for req in reqs:
            cr = credits[req.id]
            if cr.mention is not None and cr.skill_id is not None:
                matched.append(_matched(text, cat, req, cr, lexicon))
            if cr.credit < 1.0:
                gain = result.gains[req.id]
                missing.append((gain, _missing(cat, req, gain, lexicon)))
    missing.sort(key=lambda gm: (-round(gm[0], 6), not gm[1].required, gm[1].requirement))
    return tuple(categories), tuple(matched), tuple(m for _, m in missing)


def _matched(
    text: str, cat: ProfileCategory, req: Requirement, cr: Credit, lexicon: Lexicon
) -> MatchedSkill:
    assert cr.mention is not None and cr.skill_id is not None
    m = cr.mention
    skill = lexicon.get(cr.skill_id)
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


def _missing(cat: ProfileCategory, req: Requirement, gain: float, lexicon: Lexicon) -> MissingSkill:
    first = req.skills[0] if req.skills else req.id
    skill = lexicon.get(first) if req.skills else None
    return MissingSkill(
        requirement=req.id,
        skill_id=first,
        name=skill.name if skill is not None and len(req.skills) == 1 else req.label,
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
