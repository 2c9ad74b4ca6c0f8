"""What :func:`jobmatch.read_posting` returns: a posting's requirements, typed and frozen.

These names are a contract other tools call: ``PostingRequirements.requirements[i]`` has
``.skills`` (each ``.skill_id``, ``.name``), ``.required`` and ``.evidence``;
``.education`` (``None`` or ``.min_level``, ``.preferred_level``, ``.fields``,
``.related_fields``) and ``.years_min``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from ..wording import DEGREE_LABELS, listing

__all__ = [
    "PostingSkill",
    "PostingRequirement",
    "EducationRequirement",
    "PostingRequirements",
    "YearsAsk",
    "degree_note",
]


@dataclass(frozen=True, slots=True)
class PostingSkill:
    """One lexicon skill a requirement names."""

    skill_id: str
    name: str


@dataclass(frozen=True, slots=True)
class PostingRequirement:
    """One requirement of a posting; any one of ``skills`` (its alternatives) meets it.

    ``required`` is false for what the posting prefers ("is a plus", "nice to have", a
    "Preferred" heading...); ``evidence`` is the sentence it was read from; ``category`` the
    lexicon category of its first skill; ``soft`` true for a soft skill or competency (their
    weight in a profile is capped).
    """

    skills: tuple[PostingSkill, ...]
    required: bool
    evidence: str
    category: str
    soft: bool = False

    @property
    def name(self) -> str:
        """The names of the alternatives: ``"PyTorch or TensorFlow"``."""
        return listing([s.name for s in self.skills])


@dataclass(frozen=True, slots=True)
class EducationRequirement:
    """The degree a posting asks for, as one requirement.

    ``min_level`` and ``preferred_level`` are ``bachelor``, ``master``, ``phd`` (or
    ``associate``, ``high_school``), ``None`` when not stated; ``fields`` the accepted fields
    of study (lower case); ``related_fields`` true when "or a related field" widens them;
    ``fields_required`` false when only preferred clauses name the fields ("Master's degree
    preferred, computer science or statistics", "Bachelor's degree, preferably in Finance");
    ``or_experience`` true when the posting accepts experience in place of the required
    degree ("Bachelor's degree in Computer Science, or equivalent practical experience"),
    and ``or_years`` the years it names for that ("..., or 2+ years of experience in data
    analytics": 2), ``None`` when it names none.
    """

    min_level: str | None
    preferred_level: str | None
    fields: tuple[str, ...]
    related_fields: bool
    evidence: str
    fields_required: bool = True
    or_experience: bool = False
    or_years: float | None = None


@dataclass(frozen=True, slots=True)
class YearsAsk:
    """A further years ask of a posting, narrower than its first: the years asked in named
    skills on another line ("At least 2 years experience with MILP" beside "5 years ...").

    ``years`` the figure; ``skills`` the skills the years are asked in (never empty);
    ``each`` whether each skill is asked rather than any of them (as ``years_each``);
    ``required`` false when the line only prefers them; ``evidence`` the clause quoted.
    """

    years: float
    skills: tuple[PostingSkill, ...]
    required: bool
    evidence: str
    each: bool = False

    @property
    def domain(self) -> str:
        """The skills' names: ``"MILP"``, ``"C# and Python"``, ``"Python or R"``."""
        return listing([s.name for s in self.skills], "and" if self.each else "or")


@dataclass(frozen=True, slots=True)
class PostingRequirements:
    """A posting as read by :func:`jobmatch.read_posting`.

    ``requirements`` are in text order (required and preferred); ``education`` is ``None``
    when no degree is asked; ``years_min`` the years of experience asked ("5+ years"), or
    ``None``; ``years_skills`` the skills the years are asked in ("3+ years of Python
    experience": Python), empty when the years are asked in no skill ("5+ years of
    experience"): only a role that names one of them counts toward the years;
    ``years_each`` whether each of ``years_skills`` is asked ("5+ years of C# and Python":
    each skill's years count apart, the fewest decide) rather than any of them ("Python or
    R", "in predictive modeling and data analysis");
    ``years_or_degree`` the degree level it accepts in place of those years ("3+ years of
    experience, or a PhD": ``phd``), else ``None``;
    ``years_by_degree`` the fewer years asked of higher degrees, lowest level first, when
    the years depend on the degree held ("Bachelor of Science and 5 years ... OR Master of
    Science and 3 years": ``years_min`` 5, ``(("master", 3.0),)``; ``years_min`` is then
    the years asked of the lowest degree named, or of any degree when a figure names
    none); a degree that meets the years alone has 0 (``years_or_degree``'s too);
    empty when the years are the same whatever the degree;
    ``years_preferred`` whether the posting only prefers them ("3 years ... preferred", no
    required clause stating any); ``ignored`` the skills found only in the company
    description, the benefits, generic prose or the names of teams ("with the Data
    Engineering team"), which are no requirement; ``years_also`` the further years asks
    that name skills on other lines than the first ask's (:class:`YearsAsk`: "At least 2
    years experience with MILP" beside "... and 5 years of experience"), in text order,
    empty when there are none (the first ask stays ``years_min``).
    """

    source: str
    requirements: tuple[PostingRequirement, ...]
    education: EducationRequirement | None
    years_min: float | None
    years_evidence: str | None = None
    ignored: tuple[PostingSkill, ...] = ()
    years_skills: tuple[PostingSkill, ...] = ()
    years_preferred: bool = False
    years_each: bool = False
    years_or_degree: str | None = None
    years_by_degree: tuple[tuple[str, float], ...] = ()
    years_also: tuple[YearsAsk, ...] = ()

    @property
    def required(self) -> tuple[PostingRequirement, ...]:
        """The required requirements."""
        return tuple(r for r in self.requirements if r.required)

    @property
    def preferred(self) -> tuple[PostingRequirement, ...]:
        """The preferred requirements."""
        return tuple(r for r in self.requirements if not r.required)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (``jobmatch posting --format json``)."""
        out = asdict(self)
        for r, d in zip(self.requirements, out["requirements"], strict=True):
            d["name"] = r.name
        out["ignored"] = [asdict(s) for s in self.ignored]
        out["years_skills"] = [asdict(s) for s in self.years_skills]
        out["years_also"] = [
            {
                "years": a.years,
                "skills": [asdict(s) for s in a.skills],
                "each": a.each,
                "required": a.required,
                "evidence": a.evidence,
            }
            for a in self.years_also
        ]
        out["years_by_degree"] = [
            {"degree": level, "years": years} for level, years in self.years_by_degree
        ]
        return out


def degree_note(by_degree: Sequence[tuple[str, float]], instead: str | None) -> str:
    """What the years asked by degree add to a label: ``" (3+ with a master's degree)"``,
    ``" (or a PhD)"``, ``" (5+ with a master's degree, or a PhD)"``; ``""`` for none."""
    parts = [
        f"{figure:g}+ with a {DEGREE_LABELS.get(level, level)}"
        for level, figure in by_degree
        if figure > 0
    ]
    if instead is not None:
        parts.append(f"or a {DEGREE_LABELS.get(instead, instead)}")
    return f" ({', '.join(parts)})" if parts else ""
