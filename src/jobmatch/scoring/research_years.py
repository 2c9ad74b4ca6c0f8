"""The years of a completed research doctorate: research experience, for the career level.

A PhD is years of research (experiments, papers, often internships beside it), and a
recruiter places its holder above a new graduate: postings ask "PhD + 2 years or Masters plus
5 years", "Masters with 5 years of experience or PhD with 3 years". A resume's dated roles
leave the doctorate out (a "PhD Candidate" role is a student role, counted apart), so a new
PhD read as "junior" or "intern". Here the doctorate's dated study counts: the closed date
range of a held ``phd`` entry ("PhD in Computer Science, Stanford, 2018 - 2023") and the
closed doctoral roles ("PhD Candidate", "Doctoral Researcher", "Ph.D. Student"), months
merged, less the months a dated job covers (a job held during the doctorate is counted once,
as a job). A doctorate in progress, or one without dates, counts nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from ..models import EducationEntry
from .dates import DatePoint, DateRange, span_months
from .roles import RawRole

__all__ = ["DOCTORAL_ROLE", "Research", "doctoral_research", "ended_after"]

#: a doctoral student's role title ("PhD Candidate", "Ph.D. Student", "Doctoral Researcher");
#: a "Postdoctoral Researcher" holds a job, after the doctorate
DOCTORAL_ROLE = re.compile(r"(?<![a-z])(?:ph\.?\s?d\b\.?|doctoral\b|doctorate\b)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Research:
    """The doctorate's dated study no job covers (``years``) and its first and last dates."""

    years: float = 0.0
    start: str | None = None
    end: str | None = None


def _key(iso: str) -> tuple[int, int]:
    # a year alone ends in its middle, as :func:`span_months` counts it
    p = DatePoint.from_iso(iso)
    return p.year, 7 if p.precision == "year" else p.last_month


def _months(periods: Iterable[DateRange], as_of: date) -> set[int]:
    out: set[int] = set()
    for p in periods:
        span = span_months(p, as_of=as_of)
        if span is not None:
            out.update(range(*span))
    return out


def doctoral_research(
    education: Sequence[EducationEntry], roles: Sequence[RawRole], as_of: date
) -> Research:
    """The research years of the resume's completed doctorate (:class:`Research`; zero
    years when it holds none, or none dated).

    Args:
        education: the resume's degrees.
        roles: the resume's dated roles as read (jobs, internships ...).
        as_of: the day open ranges end (a job "to Present" covers the months to it).
    """
    held = [e for e in education if e.level == "phd" and not e.in_progress]
    if not held:
        return Research()
    periods = [
        DateRange(DatePoint.from_iso(e.start), DatePoint.from_iso(e.end), False, 0, 0)
        for e in held
        if e.start is not None and e.end is not None
    ]
    periods += [
        r.period
        for r in roles
        if r.kind == "internship" and r.period.end is not None and DOCTORAL_ROLE.search(r.title)
    ]
    study = _months(periods, as_of)
    if not study:
        return Research()
    jobs = _months((r.period for r in roles if r.kind == "job"), as_of)
    left = study - jobs
    points = [p.start for p in periods] + [p.end for p in periods if p.end is not None]
    first = min(points, key=lambda p: (p.year, p.first_month)).iso()
    last = max(points, key=lambda p: (p.year, p.last_month)).iso()
    return Research(round(len(left) / 12, 1), first, last) if left else Research()


def ended_after(research_end: str | None, role_ends: Iterable[str]) -> bool:
    """Whether the doctorate ended no earlier than every role of ``role_ends`` (``YYYY``,
    ``YYYY-MM`` or ``present``): it is then the latest step of the career."""
    if research_end is None:
        return False
    last = _key(research_end)
    return all(end != "present" and _key(end) <= last for end in role_ends)
