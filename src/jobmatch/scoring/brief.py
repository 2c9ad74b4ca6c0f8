"""What a batch writes of a score: the numbers and skill ids, without the explanations.

A batch record keeps the score, each category's coverage, the matched skill ids and the
missing ones ranked by gain (:func:`jobmatch.batch.engine.compact_result`). Building the
full :class:`~jobmatch.models.ScoreReport` for that (snippets, names and alternatives of
every requirement, the career estimate, the score's parts) was most of a batch record's
scoring time; :func:`brief` reads the same values straight from the credits and the
formula's breakdown, in the order :func:`~jobmatch.scoring.explain.explain` gives them, so a
batch output is byte for byte what the full report would give.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter

from .formula import Breakdown, Credit
from .profile_types import Profile

__all__ = ["BriefRow", "ScoreBrief", "brief", "brief_rows"]


@dataclass(frozen=True, slots=True)
class ScoreBrief:
    """The part of a :class:`~jobmatch.models.ScoreReport` a batch writes.

    ``score`` and ``coverage`` are rounded as in the report; ``matched`` holds the distinct
    skill ids of ``ScoreReport.matched`` in its order, ``missing`` those of
    ``ScoreReport.missing`` (best gain first); ``warnings`` are the report's.
    """

    score: float
    profile: str
    coverage: dict[str, float]
    matched: tuple[str, ...]
    missing: tuple[str, ...]
    warnings: tuple[str, ...]


#: a requirement as :func:`brief` reads it: its id, whether it is optional (not required)
#: and the skill id a result names it by (its first skill, else its own id)
BriefRow = tuple[str, bool, str]


def brief_rows(profile: Profile) -> tuple[BriefRow, ...]:
    """The :data:`BriefRow` of each requirement of ``profile``, in profile order (the same
    for every document scored against it)."""
    return tuple(
        (req.id, not req.required, req.skills[0] if req.skills else req.id)
        for _, req in profile.requirements()
    )


def brief(
    profile: Profile,
    req_credits: Mapping[str, Credit],
    result: Breakdown,
    warnings: Sequence[str],
    *,
    rows: Sequence[BriefRow] | None = None,
) -> ScoreBrief:
    """The :class:`ScoreBrief` of a scored document.

    Args:
        profile: the profile scored against.
        req_credits: each requirement's :class:`Credit`.
        result: the formula's breakdown.
        warnings: the report's warnings.
        rows: ``brief_rows(profile)`` when the caller keeps them (found here when ``None``).

    Returns:
        The brief: the values :func:`~jobmatch.scoring.explain.explain` and the report
        would give, rounded the same way.
    """
    matched: dict[str, None] = {}
    missing: list[tuple[float, bool, str]] = []
    gains = result.gains
    for rid, optional, first in brief_rows(profile) if rows is None else rows:
        cr = req_credits[rid]
        if cr.skill_id is not None and cr.mention is not None:
            matched[cr.skill_id] = None
        if cr.credit < 1.0:
            missing.append((-_tenths(gains[rid]), optional, first))
    # explain's sort key (gain, required first, then the profile's order); a stable sort
    # over the same order gives the same ranking
    missing.sort(key=_RANK)
    covs = result.categories
    return ScoreBrief(
        score=round(result.score, 1),
        profile=profile.id,
        coverage={c.id: round(covs[c.id], 4) for c in profile.categories},
        matched=tuple(matched),
        missing=tuple(dict.fromkeys([m[2] for m in missing])),
        warnings=tuple(warnings),
    )


#: the sort key of a missing requirement: (minus its rounded gain, not required)
_RANK = itemgetter(0, 1)


def _tenths(x: float) -> float:
    """``round(x, 1)``, the same float, for most ``x`` without round()'s decimal string
    (a batch record rounds the gain of each of its ~55 requirements not met).

    round() rounds the exact value of ``x`` to tenths (a half to even) and gives the float
    nearest that decimal. ``y = x * 10`` is one rounding off the exact ``10 x`` (by at most
    ``y * 2**-53``, under 1.2e-7 for ``y`` below 1e9): when ``y`` is positive and its
    fraction is not within 1e-6 of a half, the exact value rounds to the same whole number
    ``k`` as ``y``, and ``k / 10`` (a correctly rounded division of two exact integers) is
    the float nearest k tenths. Else (a near-half, zero, a negative, a NaN) round() itself.
    """
    y = x * 10.0
    if 0.0 < y < 1e9:
        k = math.floor(y)
        f = y - k  # exact: k is within 1 below y
        if f < 0.499999 or f > 0.500001:
            return (k + (f > 0.5)) / 10
    return round(x, 1)
