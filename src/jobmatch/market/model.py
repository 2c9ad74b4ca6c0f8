"""The typed result of :func:`jobmatch.market_report`: frozen dataclasses, JSON-ready.

The JSON form (:meth:`MarketReport.to_dict`) is described by the JSON Schema
``jobmatch/schemas/market_report.schema.json``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

__all__ = [
    "CoSkill",
    "SkillDemand",
    "CategoryDemand",
    "SalaryStats",
    "SalaryView",
    "DemandView",
    "SkillGap",
    "LevelSalary",
    "ProfileSalary",
    "MarketReport",
]


@dataclass(frozen=True, slots=True)
class CoSkill:
    """A skill mentioned in the same postings as another: ``postings`` of them."""

    skill: str
    name: str
    postings: int


@dataclass(frozen=True, slots=True)
class SkillDemand:
    """How many postings of a view mention a skill, and how they ask for it.

    Attributes:
        skill: the lexicon skill id; ``name`` and ``category`` as in the lexicon.
        postings: postings mentioning it; ``share`` the fraction of the view's postings.
        required: postings whose profile marks it required; ``preferred`` the others.
        cooccurring: the skills most often mentioned in the same postings, most first.
    """

    skill: str
    name: str
    category: str
    postings: int
    share: float
    required: int
    preferred: int
    cooccurring: tuple[CoSkill, ...] = ()


@dataclass(frozen=True, slots=True)
class CategoryDemand:
    """Postings that mention at least one skill of a lexicon category.

    ``required``: postings requiring at least one of its skills; ``preferred``: the others.
    """

    category: str
    label: str
    postings: int
    share: float
    required: int
    preferred: int


@dataclass(frozen=True, slots=True)
class SalaryStats:
    """Annual pay in one currency (never mixed): the middle of each posting's range.

    Quartiles are nearest-rank quantiles of a histogram with 1,000-wide bins, so each
    figure is within 500 of the exact nearest-rank quantile of the range middles.
    """

    currency: str
    postings: int
    low: float
    q1: float
    median: float
    q3: float
    high: float


@dataclass(frozen=True, slots=True)
class SalaryView:
    """Pay coverage of a view: postings stating pay, their share, and per currency.

    ``from_field`` of the ``stated`` postings had their pay read from a salary field /
    column; the others from their text.
    """

    stated: int
    coverage: float
    currencies: tuple[SalaryStats, ...] = ()
    from_field: int = 0


@dataclass(frozen=True, slots=True)
class DemandView:
    """Demand and pay over a set of postings (all of them, or the best fits)."""

    postings: int
    skills: tuple[SkillDemand, ...]
    categories: tuple[CategoryDemand, ...]
    salary: SalaryView


@dataclass(frozen=True, slots=True)
class SkillGap:
    """A skill the resume lacks, as its best-matching postings ask for it ("learn next").

    Attributes:
        skill: the skill id; ``name`` for a person.
        postings: best-fit postings that list it and that the resume lacks it for;
            ``share`` the fraction of the best fits.
        mean_gain: the points it would add there on average (the "what to add" gain).
        value: ``share`` x ``mean_gain``, the ranking key (largest first).
        unlocks: postings (of all) it alone would lift from below to the match score.
    """

    skill: str
    name: str
    postings: int
    share: float
    mean_gain: float
    value: float
    unlocks: int


@dataclass(frozen=True, slots=True)
class LevelSalary:
    """The profile's salary reference for one career level (free text from the seed)."""

    level: str
    label: str
    salary: str | None


@dataclass(frozen=True, slots=True)
class ProfileSalary:
    """One salary figure of the profile: one amount or a (low, high) range, US dollars."""

    role: str
    item: str
    usd: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class MarketReport:
    """What a set of postings asks for and pays (``jobmatch market``).

    Attributes:
        profile: the id of the profile the postings are scored against.
        resume: the file name (no folders) of the resume scored against each posting.
        postings: postings read and counted; ``failed``: those that could not be read.
        no_skills: counted postings in which the lexicon found no skill.
        match_score: a posting "matches" at this score (the report's "strong" band).
        best_min_score: the lowest score point (integer) of the top quartile.
        overall: every posting; ``best``: the top quartile by score (the best fits).
        learn_next: with a resume, its gaps ranked by ``value``.
        levels: the profile's salary reference by career level.
        profile_salary: the profile's salary figures (US dollars).
    """

    profile: str
    resume: str | None
    postings: int
    failed: int
    no_skills: int
    match_score: float
    best_min_score: int | None
    overall: DemandView
    best: DemandView
    learn_next: tuple[SkillGap, ...] = ()
    levels: tuple[LevelSalary, ...] = ()
    profile_salary: tuple[ProfileSalary, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data (tuples become lists); see the JSON Schema."""
        out: dict[str, Any] = _lists(asdict(self))
        return out


def _lists(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_lists(v) for v in value]
    return value
