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

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter

from .formula import Breakdown, Credit
from .profile_types import Profile

__all__ = ["ScoreBrief", "brief"]


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


def brief(
    profile: Profile,
    req_credits: Mapping[str, Credit],
    result: Breakdown,
    warnings: Sequence[str],
) -> ScoreBrief:
    """The :class:`ScoreBrief` of a scored document.

    Args:
        profile: the profile scored against.
        req_credits: each requirement's :class:`Credit`.
        result: the formula's breakdown.
        warnings: the report's warnings.

    Returns:
        The brief: the values :func:`~jobmatch.scoring.explain.explain` and the report
        would give, rounded the same way.
    """
    matched: dict[str, None] = {}
    missing: list[tuple[float, bool, str]] = []
    gains = result.gains
    for cat in profile.categories:
        for req in cat.requirements:
            cr = req_credits[req.id]
            if cr.skill_id is not None and cr.mention is not None:
                matched[cr.skill_id] = None
            if cr.credit < 1.0:
                first = req.skills[0] if req.skills else req.id
                missing.append((-round(gains[req.id], 1), not req.required, first))
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
