"""Render resume facts: the experience line of score reports and ``jobmatch facts``.

:func:`career_line` is the one sentence every score report gives about a career (years in
jobs and internships, the latest title, the level on the ladder or why there is none);
:func:`render_facts` renders :class:`~jobmatch.models.ResumeFacts` as text or JSON. Pure
functions; document text is cleaned of control characters for the terminal.
"""

from __future__ import annotations

import json

from .models import CareerEstimate, ResumeFacts, Role, RoleCounted, YearsMatch
from .report_parts import DEGREE_LABELS, degree_label, terminal_line
from .scoring.career import RESEARCH_YEARS_MAX
from .wording import listing

__all__ = ["FACTS_FORMATS", "career_line", "role_line", "render_facts", "years_lines"]

FACTS_FORMATS = ("text", "json")
_DEGREES = {
    **DEGREE_LABELS,
    "certificate": "certificate",
    "none": "none detected",
}


def career_line(car: CareerEstimate) -> str:
    """``"4.5 years in dated jobs; career level mid (the profile's Mid-level), read from the
    years"``, or ``"..., read from the latest title, Senior Data Scientist"``.

    Args:
        car: the career estimate of a score report.

    Returns:
        One line: the years, the internship years when there are any, then the level, or
        that the resume is outside the profile's ladder (``in_family`` false).
    """
    years = f"{car.years:.1f} years in dated jobs" if car.years is not None else "no dated jobs"
    if car.internship_years:
        years += f" (and {car.internship_years:.1f} in internships and student roles)"
    if car.in_family is False:
        latest = f" (latest title: {car.most_recent_title})" if car.most_recent_title else ""
        return f"{years}; outside this profile's ladder{latest}, so no level or salary reference"
    if car.level is None:
        # without a dated role the years cannot place the resume (0 years is no junior)
        why = ""
        if not car.roles and car.years is not None:
            why = " (no role is dated and the latest title names no level)"
        return f"{years}; career level not determined{why}"
    label = (
        f" (the profile's {car.level_label})"
        if car.level_label and car.level_label != car.level
        else ""
    )
    if car.level_from == "title" and car.most_recent_title:
        # name the title: the profile's label is no title of the resume
        basis = f", read from the latest title, {car.most_recent_title}"
    elif car.level_from:
        basis = f", read from the {car.level_from}"
    else:
        basis = ""
    if car.years_level is not None and car.years is not None:
        # the title's word outranks the years: a recruiter reads "senior" as a senior's years
        basis += f" (on the {car.years:.1f} years in dated jobs alone: {car.years_level})"
    if car.research_years:
        # say why a new PhD is no junior: the years the doctorate adds
        dates = f" {car.research_start}-{car.research_end}" if car.research_start else ""
        cap = ", the most that count" if car.research_years >= RESEARCH_YEARS_MAX else ""
        basis += (
            f" (with the PhD{dates} counted as {car.research_years:.1f} years of research{cap})"
        )
    if car.rank_outside_family and car.most_recent_title:
        basis += (
            f" (the latest title, {car.most_recent_title}, is outside this profile's job"
            " family: its rank is not this ladder's)"
        )
    return f"{years}; career level {car.level}{label}{basis}"


def years_lines(years: YearsMatch) -> tuple[str, list[str]]:
    """How a requirement of years is met: one line, and a line per dated job when the years
    are asked in a domain (whether it counts, and the skill that makes it count).

    ``("3+ years of experience in Python: 2.4 of 3 years count (partly met); only jobs
    naming Python count", ["counted: Data Engineer (2019-08 to 2021-12, 2.4 years), names
    Python: ...", "not counted: Nurse (...), its entry does not name Python"])``; years the
    posting only prefers say so ("3+ years of experience (preferred): ..."); years asked in
    each of several skills give each skill's years, and the skills each job counts for
    ("counted for C# and Python: ...").
    """
    state = "met" if years.credit >= 1.0 else "partly met" if years.credit > 0 else "not met"
    if years.instead is not None:
        state = f"met by the {DEGREE_LABELS.get(years.instead, years.instead)}"
    label = years.label if years.required else f"{years.label} (preferred)"
    held = years.degree
    # the figure asked of a degree held (that one or a higher one): "3.4 of 3 years count,
    # as asked with a master's degree (met)"
    by = f", as asked with a {DEGREE_LABELS.get(held, held)}" if held is not None else ""
    head = f"{label}: {years.years:.1f} of {years.asked:g} years count{by} ({state})"
    if not years.domain:
        # the posting may name a field no skill stands for ("technical/engineering
        # experience in Systems / Integration & Verification"): say what is not checked
        return f"{head}; the years of every dated job count ({_NO_DOMAIN})", []
    if years.each:
        each = ", ".join(f"{s.skill} {s.years:.1f}" for s in years.each)
        head += f"; each skill's years count apart, the fewest decide ({each})"
        rows = _each_rows(years)
    else:
        names = listing(years.domain)
        head += f"; only jobs whose entry names {names} count"
        rows = []
        for r in years.roles:
            if r.counted:
                rows.append(f"counted: {_when(r)}, names {r.skill}: {r.snippet}")
            else:
                rows.append(f"not counted: {_when(r)}, its entry does not name {names}")
    return head, rows or ["no dated job found"]


#: why every job counts towards years asked in no skill
_NO_DOMAIN = "the years name no skill jobmatch can check"


def _each_rows(years: YearsMatch) -> list[str]:
    """A line per dated job of years asked in each of several skills: the skills it counts
    for, each with the words that show it, or none."""
    rows = []
    every = listing(years.domain, "and")
    for k, role in enumerate(years.each[0].roles):  # every skill's roles: the same jobs
        shown = [s.roles[k] for s in years.each if s.roles[k].counted]
        if not shown:
            rows.append(f"not counted: {_when(role)}, its entry names none of {every}")
            continue
        names = [s.skill for s in years.each if s.roles[k].counted]
        which = listing(names, "and")
        found = "; ".join(f"{r.skill}: {r.snippet}" for r in shown)
        rows.append(f"counted for {which}: {_when(role)}, names {found}")
    return rows


def _when(r: RoleCounted) -> str:
    return f"{r.title or NO_TITLE} ({span(r.start, r.end)}, {r.years:.1f} years)"


def span(start: str, end: str) -> str:
    """``"2016 to 2019"``; a role given one date (``06/2016`` alone, counted as that month)
    is ``"2016-06 only"``, not "2016-06 to 2016-06", which read as a misread range."""
    return f"{start} only" if start == end else f"{start} to {end}"


#: how a role the resume gives no title (only its employer) is shown
NO_TITLE = "(no title)"


def role_line(role: Role) -> str:
    """``"Data Engineer, Initech: 2016 to 2019 (3.0 years, job)"``; a role the resume gives
    no title: ``"(no title), Radio Shack: ..."``."""
    at = f", {role.employer}" if role.employer else ""
    title = role.title or NO_TITLE
    return f"{title}{at}: {span(role.start, role.end)} ({role.years:.1f} years, {role.kind})"


def render_facts(facts: ResumeFacts, fmt: str = "text") -> str:
    """Resume facts as readable text or as the JSON of ``facts.to_dict()``.

    Args:
        facts: what :func:`jobmatch.read_resume` returned.
        fmt: ``text`` or ``json`` (:data:`FACTS_FORMATS`).

    Returns:
        The rendered facts, ending with a newline.

    Raises:
        ValueError: an unknown ``fmt``.
    """
    if fmt == "json":
        return json.dumps(facts.to_dict(), indent=2, ensure_ascii=False) + "\n"
    if fmt != "text":
        raise ValueError(f"unknown facts format {fmt!r}; expected one of {FACTS_FORMATS}")
    degree = _label(facts.highest_degree, facts.highest_degree_name)
    if facts.highest_degree == "none" and any(e.in_progress for e in facts.education):
        degree = "none held (a degree in progress is not held)"
    if facts.highest_degree_field:
        degree += f" in {facts.highest_degree_field}"
    out = [
        terminal_line(facts.source),
        f"  highest degree: {terminal_line(degree)}",
        f"  years in jobs: {facts.years:.1f}; in internships and student roles:"
        f" {facts.internship_years:.1f}"
        f" (as of {facts.as_of})",
        f"  most recent title: {terminal_line(facts.most_recent_title or 'none')}",
    ]
    if facts.research_years:
        out.insert(
            -1,
            f"  doctoral research: {facts.research_years:.1f} years"
            f" ({facts.research_start} to {facts.research_end}, months in jobs left out)",
        )
    if facts.roles:
        out.append("  roles:")
        out += [f"    - {terminal_line(role_line(r))}" for r in facts.roles]
    if facts.education:
        out.append("  education:")
        for e in facts.education:
            parts = [_label(e.level, e.name)]
            # the major beside the field its degree names: "education (integrated studies
            # and management)"
            field = f"{e.field} ({e.major})" if e.field and e.major else e.field or e.major
            parts += [x for x in (field, e.institution) if x]
            parts += [str(e.year)] if e.year else []
            parts += ["in progress (not held)"] if e.in_progress else []
            out.append(f"    - {terminal_line(', '.join(parts))}")
    if facts.warnings:
        out.append("  warnings:")
        out += [f"    - {terminal_line(w)}" for w in facts.warnings]
    return "\n".join(out) + "\n"


def _label(level: str, name: str | None) -> str:
    """``"master's degree"``, ``"none detected"``; an EdD ``"doctorate (EdD)"``."""
    return degree_label(level, name) if name else _DEGREES.get(level, level)
