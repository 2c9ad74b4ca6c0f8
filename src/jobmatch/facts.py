"""Typed, frozen data objects of what a resume says: degrees, dated roles, the career estimate.

Re-exported by :mod:`jobmatch.models` (import them from there or from here).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from .jsondata import jsonable

__all__ = [
    "CareerEstimate",
    "Education",
    "EducationEntry",
    "ResumeFacts",
    "Role",
    "RoleCounted",
    "SkillYears",
    "YearsMatch",
]


@dataclass(frozen=True, slots=True)
class Education:
    """The highest degree detected in the document."""

    #: ``high_school``, ``associate``, ``bachelor``, ``master``, ``phd`` or ``None``
    level: str | None
    field: str | None = None
    #: the line the degree was read from
    evidence: str | None = None
    #: the lowest level the profile requires, and whether the document meets it
    required_level: str | None = None
    meets_requirement: bool | None = None
    #: the name of a research doctorate that is no PhD (``"EdD"``, ``"DPhil"``,
    #: ``"doctorate"``): it counts at the ``phd`` level, the report names it
    name: str | None = None
    #: the highest degree the resume has in progress above ``level`` ("MBA, expected
    #: 2027"): not held, so it meets no requirement; the report says it is in progress
    in_progress: EducationEntry | None = None
    #: when the profile accepts experience in place of its required degree ("or equivalent
    #: experience"): the years of dated jobs that do (``equivalent_years``) and the
    #: document's (``experience_years``); ``meets_requirement`` counts them. Else ``None``
    equivalent_years: float | None = None
    experience_years: float | None = None
    #: the fields of study of every degree held, the highest degree's first: a requirement
    #: naming fields is met by any of them (a bachelor's in electrical engineering under a
    #: master's in control systems meets "computer science, electrical engineering or a
    #: related field")
    fields_held: tuple[str, ...] = ()
    #: the degree a profile prefers above its required one ("Master's degree preferred"),
    #: and whether the document holds it (``None``: nothing preferred above the required)
    preferred_level: str | None = None
    meets_preferred: bool | None = None
    #: whether a degree held is in a field the profile asks for (``None``: it asks none);
    #: the report's education line says so beside the degree verdicts
    meets_field: bool | None = None


@dataclass(frozen=True, slots=True)
class Role:
    """A dated role (``start``/``end`` as ``YYYY-MM``; ``end`` is ``"present"`` if open)."""

    title: str
    start: str
    end: str
    years: float
    #: the employer when the resume names it on the entry, else ``None``
    employer: str | None = None
    #: ``job``, ``internship``, ``volunteer`` or ``other``
    kind: str = "job"


@dataclass(frozen=True, slots=True)
class EducationEntry:
    """One degree of a resume: ``level`` (``high_school`` ... ``phd``, ``certificate``,
    ``other``), its field of study, institution and year when the resume gives them, and
    whether it is still in progress."""

    level: str
    field: str | None = None
    institution: str | None = None
    year: int | None = None
    #: the resume says the degree is unfinished ("Expected 2019", "Present", "in progress",
    #: "credit hours earned") or dates it after the as-of day: it is not held, so it is
    #: neither the highest degree nor meets a required one
    in_progress: bool = False
    #: the name of a research doctorate that is no PhD (``"EdD"``, ``"DPhil"``, or
    #: ``"doctorate"`` when the resume names no kind): its level is ``phd``
    name: str | None = None
    #: the degree's dated range when its lines give one that is closed ("2018 - 2023"),
    #: ``YYYY-MM`` or ``YYYY``; else ``None`` (a completed doctorate's counts as research)
    start: str | None = None
    end: str | None = None
    #: the major a degree that names its own field gives after it ("Master of Education :
    #: Integrated Studies and Management": ``field`` "education", ``major`` "integrated
    #: studies and management"; "MBA, Finance"), lower case; else ``None``. A field a
    #: profile asks for is met by either
    major: str | None = None


@dataclass(frozen=True, slots=True)
class ResumeFacts:
    """What a resume says about a career (:func:`jobmatch.read_resume`)."""

    source: str
    #: dated roles in reading order (``start``/``end``: ``YYYY-MM``, ``YYYY`` or ``present``)
    roles: tuple[Role, ...]
    education: tuple[EducationEntry, ...]
    #: the highest level in ``education``, or ``"none"``
    highest_degree: str
    #: the field of the highest degree (``None`` for a certificate: no degree's field)
    highest_degree_field: str | None
    #: years in jobs (overlaps merged; open ranges end at ``as_of``); 0.0 without jobs
    years: float
    internship_years: float
    #: the title of the latest job, else of the latest internship, else ``None``
    most_recent_title: str | None
    #: the date open ranges end at (ISO ``YYYY-MM-DD``)
    as_of: str
    warnings: tuple[str, ...] = ()
    #: the ``name`` of the highest degree (an EdD's ``"EdD"``), else ``None``
    highest_degree_name: str | None = None
    #: years of a completed research doctorate's dated study (its dated range in
    #: ``education``, or its doctoral roles: "PhD Candidate") that no dated job covers;
    #: ``research_start``/``research_end`` its dates (``YYYY-MM`` or ``YYYY``), else ``None``
    research_years: float = 0.0
    research_start: str | None = None
    research_end: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = jsonable(asdict(self))
        return out


@dataclass(frozen=True, slots=True)
class CareerEstimate:
    """Years of experience from dated roles and the career level, on the profile's ladder."""

    #: total years covered by dated roles (overlaps merged), ``None`` if no dated role
    years: float | None
    #: ladder level id (``intern``, ``junior``, ``mid``, ``senior``, ``principal``) or ``None``
    level: str | None
    level_label: str | None = None
    #: what the level was read from: ``"title"``, ``"years"`` or ``None``
    level_from: str | None = None
    #: the profile's ladder, lowest first (level ids)
    ladder: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    #: the profile's salary reference for this level, if it gives one (free text)
    salary_reference: str | None = None
    #: years in internships, apart from ``years``
    internship_years: float | None = None
    most_recent_title: str | None = None
    #: whether the resume's titles belong to the profile's family (``None``: the profile
    #: declares no family); outside it, no level and no salary reference are given
    in_family: bool | None = None
    #: the latest title names a level's words but holds no word of the family (a resume in
    #: the family by most of its titles): its rank is another ladder's ("VP, Principal" of
    #: a bank), so the years placed it
    rank_outside_family: bool = False
    #: the level the years alone reach, when the latest title placed the resume above it
    #: ("Lead Teacher" after 1.8 years: senior by the title's word, junior by the years);
    #: else ``None``
    years_level: str | None = None
    #: the years of doctoral research counted toward the level (``ResumeFacts.research_years``,
    #: at most :data:`~jobmatch.scoring.career.RESEARCH_YEARS_MAX`), else ``None``; and
    #: the doctorate's dates
    research_years: float | None = None
    research_start: str | None = None
    research_end: str | None = None
    #: the resume reader's notes on the roles, which explain ``years``: an entry without
    #: dates, dates without an entry, an internship ended at the next job, the day open
    #: ranges ("Present") end (``ResumeFacts.warnings``)
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RoleCounted:
    """A dated job, and whether its years count toward the years a requirement asks."""

    title: str
    start: str
    end: str
    years: float
    counted: bool
    #: the skill named in the job's entry (title or bullets) that makes it count, and the
    #: words around it; ``None`` when the years are asked in no skill (every job counts) or
    #: the job does not count
    skill: str | None = None
    snippet: str | None = None


@dataclass(frozen=True, slots=True)
class SkillYears:
    """The years of one skill of a requirement asking each of several ("5+ years of C# and
    Python"): the jobs whose entry names it (``roles``, as in :class:`YearsMatch`) and
    their years, overlaps merged."""

    skill: str
    years: float
    roles: tuple[RoleCounted, ...] = ()


@dataclass(frozen=True, slots=True)
class YearsMatch:
    """How a resume meets a requirement of years ("3+ years of Python experience").

    ``domain`` names the skills the years are asked in (empty: years of any job); only the
    jobs whose entry names one of them (or a skill implying one) count. ``years`` are the
    counted jobs' years (overlaps merged), ``credit`` ``min(1, years / asked)``;
    ``required`` is false for years the posting only prefers ("3 years ... preferred"),
    which weigh as a preferred requirement. When the years are asked in each of several
    skills ("5+ years of C# and Python"), ``each`` holds every skill's years, counted apart;
    ``years`` is the fewest, and ``roles`` are the jobs of that skill.
    """

    requirement: str
    label: str
    asked: float
    domain: tuple[str, ...]
    years: float
    credit: float
    roles: tuple[RoleCounted, ...] = ()
    required: bool = True
    each: tuple[SkillYears, ...] = ()
    #: the degree the posting accepts in place of the years ("or a PhD") when the resume
    #: holds it: ``credit`` is then 1, whatever the years
    instead: str | None = None
    #: the degree held whose fewer years were asked ("Bachelor of Science and 5 years OR
    #: Master of Science and 3 years": ``master``, ``asked`` 3), else ``None`` (the
    #: posting's general figure)
    degree: str | None = None
