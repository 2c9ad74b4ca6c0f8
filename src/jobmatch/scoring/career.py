"""Place a resume's facts on a profile's career ladder, and its degree against the profile.

A level is given only when the resume belongs to the profile's job family: the profile lists
its family's title words (``[profile] family``), and the latest job's title, or most of the
job titles, must hold one. Words the family shares with other fields (``family_shared``:
"engineer", "data") count only for a resume that covers at least ``min_coverage`` of the
profile: a "Services Engineer" in a motorbike workshop is no AI engineer. Outside the family
the estimate says so (``in_family`` false) and gives no level, no label and no salary
reference: a teacher is not a "principal scientist". A profile without a family places every
resume, as before.

On the ladder, the latest title decides when it names a level (an entry level such as intern
or junior when its word comes last, "Senior Intern", else the highest level named: "Associate
Director" is a director; of a title in parts, "Owner / Sales Director", the most senior
part's); otherwise the years do (the
highest level whose ``min_years`` they reach, leaving out the ``title_only`` levels: ten years
as a "Machine Learning Engineer" make a senior engineer, not a director). A latest title
outside the family (a resume in the family by most of its titles) names no level: its
seniority words place it on another ladder (a bank's or an asset manager's "VP, Principal"
is a corporate rank, not an AI director), so the years decide.

A completed doctorate's dated research that no job covers (``ResumeFacts.research_years``,
:mod:`jobmatch.scoring.research_years`) adds to the years, up to
:data:`RESEARCH_YEARS_MAX`; when the doctorate ended no earlier than every role, the roles
were held during or before it (internships beside the PhD), and their titles name no level.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import CareerEstimate, Education, EducationEntry, ResumeFacts
from .profile_types import field_accepted
from .profiles import DEGREE_LEVELS, LadderLevel, Profile, Requirement, degree_meets
from .research_years import ended_after

__all__ = [
    "RESEARCH_YEARS_MAX",
    "DegreeAsks",
    "career_estimate",
    "degree_asks",
    "education_against",
    "education_of",
    "in_family",
]


#: the most years of doctoral research that count toward the career level. Postings weigh a
#: PhD as about four years of experience over a bachelor's ("Bachelors degree with 7 years
#: of experience, Masters with 5 years of experience or PHD with 3 years"; "BS or MS with 5+
#: years ... or PhD with at least 2 years"): a new PhD starts above entry level, not as a
#: senior, however long the doctorate took
RESEARCH_YEARS_MAX = 4.0


def _has(title: str, word: str) -> bool:
    return re.search(rf"(?<![a-z]){re.escape(word.lower())}(?![a-z])", title.lower()) is not None


def in_family(facts: ResumeFacts, family: Sequence[str], shared: Sequence[str] = ()) -> bool | None:
    """Whether the resume's titles belong to a family of title words (``None``: no family).

    Args:
        facts: the resume's facts.
        family: the title words of the profile's family (empty: the profile has none).
        shared: more title words, for a resume the caller found in the field (the profile's
            ``family_shared`` when the resume covers enough of the profile; else empty).

    Returns:
        ``None`` without a family; else true when the latest title holds a family word, or
        more than half of the job titles do (of the internship titles, without a job).
    """
    if not family and not shared:
        return None
    family = (*family, *shared)
    latest = facts.most_recent_title or ""
    if any(_has(latest, w) for w in family):
        return True
    # without a dated job, the internships' titles vote: a new PhD's "PhD Candidate" names
    # no field, its "Machine Learning Intern" beside it does
    titles = [r.title for r in facts.roles if r.kind == "job"] or [
        r.title for r in facts.roles if r.kind == "internship"
    ]
    hits = sum(any(_has(t, w) for w in family) for t in titles)
    return bool(titles) and hits * 2 > len(titles)


def _spans(title: str, word: str) -> list[tuple[int, int]]:
    low = title.lower()
    rx = rf"(?<![a-z]){re.escape(word.lower())}(?![a-z])"
    return [(m.start(), m.end()) for m in re.finditer(rx, low)]


def _title_level(title: str, ladder: Sequence[LadderLevel]) -> int:
    """The ladder level a title names, else -1: an entry level (intern, junior) when its
    word comes after every higher level's ("Senior Intern"), else the highest level named
    ("Associate Director" is a director). A level's title words inside a longer one of
    another level name nothing: "Senior Associate" (a mid level's words) is neither a
    senior nor an associate."""
    found = [
        (i, a, b) for i, lv in enumerate(ladder) for t in lv.titles for a, b in _spans(title, t)
    ]
    kept = [
        (i, a, b)
        for i, a, b in found
        if not any(c <= a and b <= d and d - c > b - a for _, c, d in found)
    ]
    at: dict[int, int] = {}
    for i, a, _ in kept:
        at[i] = max(at.get(i, -1), a)
    if not at:
        return -1
    entry = [i for i in at if ladder[i].min_years == 0.0]
    higher = [i for i in at if ladder[i].min_years > 0.0]
    if entry and (not higher or max(at[i] for i in entry) > max(at[i] for i in higher)):
        return entry[0]
    return max(at)


def _level(
    title: str | None, years: float | None, ladder: Sequence[LadderLevel], *, own: bool = True
) -> tuple[int, str]:
    # ``own``: the title is of the ladder's family; else its seniority words rank it on
    # another ladder (a bank's "VP, Principal" is no vice-president of AI) and the years decide
    if title and own:
        # "Owner / Sales & Marketing Director": each part read alone, the most senior wins
        found = [_title_level(part, ladder) for part in re.split(r"\s+/\s+", title)]
        if max(found) >= 0:
            return max(found), "title"
    if years is None:
        return -1, ""
    reached = [i for i, lv in enumerate(ladder) if years >= lv.min_years and not lv.title_only]
    return (reached[-1], "years") if reached else (-1, "")


def career_estimate(
    facts: ResumeFacts, profile: Profile, *, coverage: float | None = None
) -> CareerEstimate:
    """The career estimate of a resume on ``profile``'s ladder.

    Args:
        facts: the resume's facts (:func:`jobmatch.read_resume`).
        profile: the profile whose ladder, family and salary figures apply.
        coverage: the resume's coverage of the profile; the family's shared title words
            count when it reaches the profile's ``min_coverage`` (``None``: always).

    Returns:
        A :class:`~jobmatch.models.CareerEstimate`; ``level``, ``level_label`` and
        ``salary_reference`` are ``None`` outside the profile's family.
    """
    field = coverage is None or coverage >= profile.scoring.min_coverage
    if profile.family or profile.family_shared:
        family = in_family(facts, profile.family, profile.family_shared if field else ()) or False
    else:
        family = None
    level: LadderLevel | None = None
    basis: str | None = None
    words = (*profile.family, *(profile.family_shared if field else ()))
    own = family is None or any(_has(facts.most_recent_title or "", w) for w in words)
    research = min(facts.research_years, RESEARCH_YEARS_MAX)
    # the roles were held before or beside the doctorate: their titles are no rank now
    title = facts.most_recent_title
    if research and ended_after(
        facts.research_end, (r.end for r in facts.roles if r.kind in ("job", "internship"))
    ):
        title = None
    if family is not False and profile.ladder:
        # no dated role and no dated doctorate: the 0 years are unread dates, no junior's
        # ("PHARMACEUTICAL SALES REPRESENTATIVE" without dates, a 1995 degree)
        dated = bool(facts.roles) or bool(research)
        i, how = _level(title, facts.years + research if dated else None, profile.ladder, own=own)
        if i >= 0:
            level, basis = profile.ladder[i], how
    counted = bool(research) and basis == "years"
    # a title's word above what the years reach: the report says both ("Lead Teacher" after
    # 1.8 years is a lead by the title, not by a senior's years); a level only a title
    # reaches (a director's) is no level the years fall short of
    years_level: str | None = None
    if basis == "title" and level is not None and not level.title_only and dated:
        j, _ = _level(None, facts.years + research, profile.ladder)
        if 0 <= j < profile.ladder.index(level):
            years_level = profile.ladder[j].id
    return CareerEstimate(
        years=facts.years,
        level=level.id if level is not None else None,
        level_label=level.label if level is not None else None,
        level_from=basis,
        ladder=tuple(x.id for x in profile.ladder),
        roles=facts.roles,
        salary_reference=level.salary if level is not None else None,
        internship_years=facts.internship_years,
        most_recent_title=facts.most_recent_title,
        in_family=family,
        rank_outside_family=basis == "years"
        and not own
        and _level(facts.most_recent_title, 0.0, profile.ladder)[1] == "title",
        notes=facts.warnings,
        # only when the years placed the resume: a title's level counts no years
        research_years=research if counted else None,
        research_start=facts.research_start if counted else None,
        research_end=facts.research_end if counted else None,
        years_level=years_level,
    )


def education_of(facts: ResumeFacts, profile: Profile, *, evidence: str | None) -> Education:
    """The highest degree of ``facts`` against the lowest degree ``profile`` requires.

    Args:
        facts: the resume's facts.
        profile: the profile whose required degree applies.
        evidence: the line the degree was read from, if known.

    Returns:
        An :class:`~jobmatch.models.Education` (certificates are no degree level here).
    """
    return education_against(facts.education, profile, evidence=evidence)


@dataclass(frozen=True, slots=True)
class DegreeAsks:
    """What a profile asks of a degree (:func:`degree_asks`)."""

    #: the fields of study its requirements name, in profile order
    fields: tuple[str, ...]
    #: the lowest degree level a required requirement asks for, else ``None``
    need: str | None
    #: that requirement when it accepts experience in place of the degree ("or equivalent
    #: experience": its ``or_years`` in jobs showing a skill of its ``domain``), else ``None``
    instead: Requirement | None = None
    #: the degree levels preferred requirements ask above ``need``, lowest first
    prefer: tuple[str, ...] = ()


def degree_asks(profile: Profile) -> DegreeAsks:
    """The fields and the lowest required degree level of ``profile`` (the same for every
    document scored against it: a scorer finds them once).

    Raises:
        ValueError: a required degree is no level of :data:`DEGREE_LEVELS`.
    """
    fields = tuple(f for _, r in profile.requirements() for f in r.fields)
    needs = [r for _, r in profile.requirements() if r.degree is not None and r.required]
    wants = {r.degree for _, r in profile.requirements() if r.degree is not None}
    if not needs:
        return DegreeAsks(fields, None, prefer=_above(wants, None))
    low = min(needs, key=lambda r: DEGREE_LEVELS.index(r.degree or ""))
    instead = low if low.or_years is not None else None
    return DegreeAsks(fields, low.degree, instead, _above(wants, low.degree))


def _above(levels: set[str], need: str | None) -> tuple[str, ...]:
    """The degree ``levels`` above ``need`` (all of them when ``None``), lowest first."""
    floor = DEGREE_LEVELS.index(need) if need in DEGREE_LEVELS else -1
    ranks = sorted(DEGREE_LEVELS.index(x) for x in levels if x in DEGREE_LEVELS)
    return tuple(DEGREE_LEVELS[k] for k in ranks if k > floor)


def _preferred(asks: DegreeAsks, held: Sequence[str]) -> tuple[str | None, bool | None]:
    """The preferred degree the report names and whether the resume holds it: the highest
    preferred level when every one is met, else the lowest one not met ("Master's degree
    preferred": a bachelor's is below it); ``(None, None)`` when nothing is preferred above
    the required degree."""
    if not asks.prefer:
        return None, None
    short = [p for p in asks.prefer if not any(degree_meets(h, p) for h in held)]
    return (short[0], False) if short else (asks.prefer[-1], True)


def education_against(
    entries: Sequence[EducationEntry],
    profile: Profile,
    *,
    evidence: str | None,
    asks: DegreeAsks | None = None,
    job_years: float | None = None,
) -> Education:
    """:func:`education_of` from the degrees alone (``ResumeFacts.education``).

    Args:
        entries: the resume's degrees.
        profile: the profile whose required degree applies.
        evidence: the line the degree was read from, if known.
        asks: ``degree_asks(profile)``, if the caller has it.
        job_years: the resume's years in the jobs that stand for a degree the profile
            accepts experience in place of (``asks.instead``: jobs showing a skill of its
            ``domain``); they meet it when they reach its ``or_years``.

    Returns:
        An :class:`~jobmatch.models.Education`.
    """
    if asks is None:
        asks = degree_asks(profile)
    # a degree in progress is not held: it meets no requirement, the report names it
    degrees = [e for e in entries if e.level in DEGREE_LEVELS and not e.in_progress]
    pending = _pending(entries, degrees)
    # of two degrees at the highest level, the one in a field the profile asks for ("BSc
    # Accounting" and "BSc Business Administration Finance" against "finance or economics")
    asked = asks.fields
    first = max(degrees, key=lambda e: DEGREE_LEVELS.index(e.level), default=None)
    top = max(
        degrees,
        key=lambda e: (
            DEGREE_LEVELS.index(e.level),
            field_accepted(e.field, asked) or field_accepted(e.major, asked),
        ),
        default=None,
    )
    if top is not first:
        evidence = None  # the line read was the first degree's
    level = top.level if top is not None else None
    field = top.field if top is not None else None
    name = top.name if top is not None else None
    # a field asked is met by any degree held, not only by the highest one
    # a major is held beside the field its degree names ("Master of Education : Integrated
    # Studies and Management")
    held = tuple(
        dict.fromkeys(f for e in (top, *degrees) if e is not None for f in (e.field, e.major) if f)
    )
    need = asks.need
    prefer, meets_prefer = _preferred(asks, [e.level for e in degrees])
    # as the field requirement is credited (formula): any degree held, else the top field
    meets_field = any(field_accepted(f, asked) for f in held or (field,)) if asked else None
    if need is None:
        return Education(
            level=level,
            field=field,
            evidence=evidence,
            name=name,
            in_progress=pending,
            fields_held=held,
            preferred_level=prefer,
            meets_preferred=meets_prefer,
            meets_field=meets_field,
        )
    meets = degree_meets(level, need) or any(degree_meets(e.level, need) for e in degrees)
    instead = asks.instead.or_years if asks.instead and job_years is not None else None
    return Education(
        level=level,
        field=field,
        evidence=evidence,
        required_level=need,
        meets_requirement=meets or (instead is not None and (job_years or 0.0) >= instead),
        name=name,
        in_progress=pending,
        equivalent_years=instead,
        experience_years=job_years if instead is not None else None,
        fields_held=held,
        preferred_level=prefer,
        meets_preferred=meets_prefer,
        meets_field=meets_field,
    )


def _pending(
    entries: Sequence[EducationEntry], held: Sequence[EducationEntry]
) -> EducationEntry | None:
    """The highest degree in progress above every degree held (the first of its level)."""
    top = max((DEGREE_LEVELS.index(e.level) for e in held), default=-1)
    above = [
        e
        for e in entries
        if e.in_progress and e.level in DEGREE_LEVELS and DEGREE_LEVELS.index(e.level) > top
    ]
    return max(above, key=lambda e: DEGREE_LEVELS.index(e.level), default=None)
