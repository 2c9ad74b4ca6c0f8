"""The profile data model: requirements, categories, ladder, salary figures, scoring constants.

Frozen dataclasses only; :mod:`jobmatch.scoring.profile_parse` builds them from TOML and
:mod:`jobmatch.scoring.posting_profile` from a posting.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .terms import TermModel

#: the prefix of the id of a posting's ad-hoc profile (``ScoreReport.profile``), whose
#: categories are the lexicon's (:mod:`.posting_profile`)
POSTING_PREFIX = "posting:"
#: the lexicon categories a posting's profile puts in its ``soft_skill`` category (the
#: posting reader's ``SOFT_CATEGORIES`` is this set)
POSTING_SOFT = frozenset({"soft_skill", "competency"})

__all__ = [
    "DEGREE_LEVELS",
    "POSTING_PREFIX",
    "POSTING_SOFT",
    "degree_meets",
    "years_for_degree",
    "field_accepted",
    "Requirement",
    "ProfileCategory",
    "LadderLevel",
    "SalaryFigure",
    "ScoringParams",
    "Profile",
    "top_terms",
]

#: degree levels, lowest first (``resume_facts`` reads these from the text). A professional
#: doctorate (JD, MD, PharmD...) is a graduate degree above a master's, but no research
#: doctorate: it meets a master's requirement, not a PhD one
DEGREE_LEVELS = ("high_school", "associate", "bachelor", "master", "professional_doctorate", "phd")


def degree_meets(level: str | None, need: str) -> bool:
    """Whether a degree of ``level`` meets a requirement of ``need``: a level at least as
    high, except that only a professional doctorate meets one (a PhD is no JD or MD)."""
    if level is None:
        return False
    if need == "professional_doctorate":
        return level == need
    return DEGREE_LEVELS.index(level) >= DEGREE_LEVELS.index(need)


def years_for_degree(req: Requirement, held: str | None) -> tuple[float, str | None]:
    """The years ``req`` (a requirement of years) asks of a resume whose highest degree held
    is ``held`` (``None``: no degree), and the degree whose figure applies (``None``: the
    general figure, ``req.years``): the fewest of ``req.by_degree`` whose degree ``held``
    meets; 0 with the degree ``req.or_degree`` ("or a PhD"). A ``held`` that is no degree
    level (a certificate) meets none."""
    asked, by = req.years or 0.0, None
    if held not in DEGREE_LEVELS:
        return asked, None  # no degree, or a certificate: no level
    if req.or_degree is not None and degree_meets(held, req.or_degree):
        return 0.0, req.or_degree
    for level, figure in req.by_degree:
        if figure < asked and degree_meets(held, level):
            asked, by = figure, level
    return asked, by


def field_accepted(subject: str | None, fields: Sequence[str]) -> bool:
    """A degree's field of study ``subject`` meets a requirement naming ``fields`` (either
    holds the other: "business administration finance" holds "finance")."""
    return subject is not None and any(f in subject or subject in f for f in fields)


@dataclass(frozen=True, slots=True)
class Requirement:
    """One requirement: any one of ``skills`` meets it (or a degree level, or a field)."""

    id: str
    label: str
    required: bool
    skills: tuple[str, ...] = ()
    #: education requirements: the lowest degree level, or the accepted fields of study
    degree: str | None = None
    fields: tuple[str, ...] = ()
    #: a degree the posting accepts experience in place of ("or equivalent experience"):
    #: this many years of dated jobs that show a skill of ``domain`` meet it too (``None``:
    #: only the degree does)
    or_years: float | None = None
    #: experience requirements: the years asked (met in proportion below), and the skills
    #: they are asked in (empty: years of any job); ``each``: every skill of ``domain`` is
    #: asked ("5+ years of C# and Python": each skill's years count apart, the fewest
    #: decide), else any of them counts
    years: float | None = None
    domain: tuple[str, ...] = ()
    each: bool = False
    #: a degree level the posting accepts in place of the years ("or a PhD"): a resume
    #: holding it meets them in full
    or_degree: str | None = None
    #: the fewer years asked of higher degrees, lowest level first ("BS and 5 years OR MS
    #: and 3 years": ``(("master", 3.0),)``): a resume holding such a degree (not one in
    #: progress) is asked that degree's figure (:func:`years_for_degree`)
    by_degree: tuple[tuple[str, float], ...] = ()
    #: a spoken language asked at a native or C2 level ("Native English speaker"): the
    #: language a document is written in meets it only in part
    native: bool = False
    #: TF-IDF factor in [0.5, 1] from the generated file (1.0 when there is none)
    tfidf: float = 1.0


@dataclass(frozen=True, slots=True)
class ProfileCategory:
    """A category of a profile: its weight in the coverage and its requirements."""

    id: str
    label: str
    weight: float
    requirements: tuple[Requirement, ...]


@dataclass(frozen=True, slots=True)
class LadderLevel:
    """A career level: the title words that name it and the years it starts from."""

    id: str
    label: str
    titles: tuple[str, ...]
    min_years: float
    salary: str | None = None
    #: reached only when the latest title names it, never by years alone (a leadership role
    #: such as director is a title, not a tenure)
    title_only: bool = False


@dataclass(frozen=True, slots=True)
class SalaryFigure:
    """A salary reference of the profile's role (US dollars)."""

    role: str
    item: str
    #: one figure, or a (low, high) range, in US dollars
    usd: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class ScoringParams:
    """The constants of the scoring formula (README "Scoring")."""

    required_weight: float = 2.0
    preferred_weight: float = 1.0
    partial_credit: float = 0.5
    similarity_weight: float = 0.6
    cosine_ref: float = 0.20
    midpoint: float = 0.38
    steepness: float = 7.5
    #: the score of a document covering less than ``min_coverage`` of the profile is at most
    #: ``low_coverage_score``; above it the ceiling rises ``ceiling_slope`` points per unit of
    #: coverage (10 per 0.01), so similarity cannot carry a score on its own
    min_coverage: float = 0.2
    low_coverage_score: float = 30.0
    ceiling_slope: float = 1000.0
    #: weight of requirements the profile does not list: coverage divides by the category
    #: weights plus this. 0 for a curated profile; ``posting_prior`` of them for a posting.
    evidence_prior: float = 0.0
    #: requirements' worth of evidence_prior given to a posting's ad-hoc profile: a posting
    #: in which the lexicon finds two soft skills is weak evidence, not a 50 % match
    posting_prior: float = 4.0
    #: the largest weight of a posting's soft skills, as a share of its other categories
    soft_cap: float = 0.1
    #: ``similarity_weight`` and ``steepness`` of a posting's ad-hoc profile: its
    #: requirements are read from the posting, so coverage leads (calibrated on labelled
    #: resume x posting pairs, docs/scoring.md)
    posting_similarity_weight: float = 0.3
    #: the share of the similarity term that is the TF-IDF similarity; the rest is the share
    #: of the listed requirements met. 1 for a shipped profile; a posting whose term vector
    #: holds n < ``posting_min_terms`` skill terms gets n / ``posting_min_terms`` (its cosine
    #: rests on a word or two: "service" alone in a kitchen job, which sales resumes repeat)
    similarity_trust: float = 1.0
    posting_min_terms: float = 10.0
    posting_steepness: float = 9.0


@dataclass(frozen=True)
class Profile:
    """A role profile: categories of requirements, ladder, salaries, scoring constants and
    the TF-IDF term model (``None`` for a profile without a generated file)."""

    id: str
    name: str
    version: str
    description: str
    categories: tuple[ProfileCategory, ...]
    ladder: tuple[LadderLevel, ...] = ()
    salary: tuple[SalaryFigure, ...] = ()
    scoring: ScoringParams = field(default_factory=ScoringParams)
    #: title words of the role's job family (``[profile] family``); a resume whose titles
    #: hold none is outside the ladder (no level, no salary reference). Empty: no check
    family: tuple[str, ...] = ()
    #: title words the family shares with other fields (``[profile] family_shared``: the
    #: "engineer" of a "Services Engineer" in a motorbike workshop): they place a resume in
    #: the family only when it covers at least ``scoring.min_coverage`` of the profile
    family_shared: tuple[str, ...] = ()
    terms: TermModel | None = field(default=None, repr=False)
    source: str = ""

    def requirements(self) -> Iterable[tuple[ProfileCategory, Requirement]]:
        """Every requirement with its category, in profile order."""
        for cat in self.categories:
            for req in cat.requirements:
                yield cat, req

    def skill_ids(self) -> tuple[str, ...]:
        """The skill ids the requirements name, first occurrence order, no repeats."""
        seen: dict[str, None] = {}
        for _, req in self.requirements():
            for s in req.skills:
                seen.setdefault(s, None)
        return tuple(seen)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary (``jobmatch profile show``); omits the term vector."""
        return {
            "id": self.id,
            "name": self.name,
            "version": self.version,
            "description": self.description,
            "source": self.source,
            "scoring": {k: getattr(self.scoring, k) for k in ScoringParams.__dataclass_fields__},
            "categories": [
                {
                    "id": c.id,
                    "label": c.label,
                    "weight": c.weight,
                    "requirements": [
                        {
                            "id": r.id,
                            "label": r.label,
                            "required": r.required,
                            "skills": list(r.skills),
                            "degree": r.degree,
                            "fields": list(r.fields),
                            "or_years": r.or_years,
                            "or_degree": r.or_degree,
                            "by_degree": [list(p) for p in r.by_degree],
                            "tfidf": r.tfidf,
                        }
                        for r in c.requirements
                    ],
                }
                for c in self.categories
            ],
            "ladder": [
                {
                    "id": lv.id,
                    "label": lv.label,
                    "titles": list(lv.titles),
                    "min_years": lv.min_years,
                    "salary": lv.salary,
                    "title_only": lv.title_only,
                }
                for lv in self.ladder
            ],
            "salary": [{"role": s.role, "item": s.item, "usd": list(s.usd)} for s in self.salary],
            "family": list(self.family),
            "family_shared": list(self.family_shared),
            "top_terms": top_terms(self.terms),
        }


def top_terms(terms: TermModel | None, n: int = 25) -> list[list[Any]]:
    """The ``n`` heaviest terms of a profile vector as ``[term, weight]`` (none without one)."""
    if terms is None:
        return []
    ranked = sorted(terms.vector.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    return [[t, round(w, 4)] for t, w in ranked]
