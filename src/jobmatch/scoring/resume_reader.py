"""Read a resume the way a recruiter does: roles, dates, degrees, years and the latest title.

:func:`read_resume` takes a file (a :class:`pathlib.Path` or a :class:`~jobmatch.Document`)
or a text (a ``str``) and returns :class:`~jobmatch.models.ResumeFacts`:

* roles from the experience sections, dates paired with entries by layout
  (:mod:`jobmatch.scoring.roles`), each a job, an internship, volunteering or other;
  education, projects, publications, awards and courses never give roles;
* the degrees (:mod:`jobmatch.scoring.education`), the highest one and its field;
* years in jobs and in internships, each the union of the roles' months (overlaps merged, an
  open range ends at ``as_of``), and the latest job's title;
* warnings where the reader was unsure: dates without an entry, entries without dates,
  dates that end before they start. Bad input never raises: no dated role gives 0 years.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import accumulate
from pathlib import Path

from ..extract.sections import classify_heading
from ..models import Document, EducationEntry, ResumeFacts, Role
from .dates import DatePoint, DateRange, span_months
from .education import LEVEL_ORDER, degree_line, degree_line_candidates, read_education
from .education_displaced import with_displaced_date
from .education_layout import date_only, in_progress
from .profile_types import DEGREE_LEVELS
from .research_years import doctoral_research
from .resume_facts import find_education
from .role_lines import has_role_word
from .roles import RawRole, read_roles

__all__ = [
    "read_resume",
    "education_from_text",
    "facts_from_text",
    "facts_and_roles",
    "merged_years",
    "RoleText",
]


@dataclass(frozen=True, slots=True)
class RoleText:
    """A role of :attr:`ResumeFacts.roles` with where its entry stands in the text (its
    title line to the next entry: the bullets that describe it) and its date range."""

    role: Role
    #: character offsets in the text read: ``text[span[0]:span[1]]`` is the entry
    span: tuple[int, int]
    period: DateRange


# headings inside an experience section after which entries are no employment
_OTHER_HEADING = re.compile(
    r"^(?:extra[- ]?curricular|activities|involvement|leadership|honou?rs|awards|presentations?"
    r"|talks|writing|program committees?|community|affiliations|memberships?|on campus)\b",
    re.IGNORECASE,
)
_VOLUNTEER_HEADING = re.compile(
    r"^volunteer(?:ing)?(?:\s+(?:experience|work|activities))?\s*:?$", re.IGNORECASE
)
# a line of just "Volunteer" inside a volunteering section: a role's title, no heading
_VOLUNTEER_TITLE = re.compile(r"^volunteer$", re.IGNORECASE)
# headings of postings found inside a resume's experience are role lines misread
# ("Benefits Administrator", "PLUS (Laboratory ...)"): the experience goes on
_POSTING = frozenset(
    {"about", "description", "responsibilities", "requirements", "preferred", "benefits"}
)
_WORKPLACE = re.compile(r"\bhigh school\b(?!.*\b(?:diploma|ged|graduat))", re.IGNORECASE)
_JOINED = re.compile(r"(?<=\S)\n(?=[ \t]{2,}\S)")
# an indented line continues the line before (a Word export's wrapped cells: "La" /
# "  Verne"), unless it opens with a bullet or the line before ends a date range ("Research
# Intern, Meta FAIR   2023.06 – 2023.09" / "  - Ran ablations ...": a plain-text resume's
# entry and its indented duties)
_BULLET_START = re.compile(r"[ \t]*[-•·*–—◦▪●○■►➢✓][ \t]+\S")
_RANGE_END = re.compile(
    r"[-–—]\s*(?:[A-Za-z]+\.?\s*)?(?:(?:19|20)\d\d(?:[./]\d\d?)?|\d\d?[./](?:19|20)?\d\d"
    r"|present|current|now|today)\s*$",
    re.IGNORECASE,
)
# a range over three lines ("October 2009" / "to" / "March 2015"), a blank line maybe
# after its start ("November 2014" / "" / "to" / "March 2015")
_THREE = re.compile(
    r"((?:19|20)\d\d)[ \t]*\n(?:[ \t]*\n)?[ \t]*(to|-|–|—|until)[ \t]*\n[ \t]*"
    r"(?=[A-Za-z]+\.?\s*\d{4}|\d|present|current)",
    re.IGNORECASE,
)
# a range broken after its dash ("June 2020 –" / "Present")
_DANGLING = re.compile(
    r"((?:19|20)\d\d[ \t]*[-–—])[ \t]*\n[ \t]*(?=present|current|now|today|[a-z]+\.?\s*\d{4}|\d)",
    re.IGNORECASE,
)

# a part of each pattern above: where it is not found, the pattern cannot match
_THREE_HINT = re.compile(r"\n[ \t]*(?:to|-|–|—|until)[ \t]*\n", re.IGNORECASE)
# the same tests led by a literal, which ``re`` finds in C (a class of three characters, two
# of them outside ASCII, is tried at every character): a line starting with a blank, the
# hyphen of a dangling range (its dashes are looked for only in a text that holds one)
_JOINED_HINT = re.compile(r"\n[ \t]")
_HYPHEN_HINT = re.compile(r"-[ \t]*\n")
# the same test for a text's en or em dashes, each led by its own dash (a class of the two
# is tried at every character): where the hyphen's is not found, the dashes' hint
_DASH_HINTS = tuple((dash, re.compile(dash + r"[ \t]*\n")) for dash in ("\u2013", "\u2014"))


def read_resume(resume: Path | Document | str, *, as_of: date | None = None) -> ResumeFacts:
    """The facts of a resume: its roles, degrees, years of experience and latest title.

    Args:
        resume: a :class:`pathlib.Path` or a :class:`~jobmatch.Document` is a file (read with
            :func:`jobmatch.read_document`); a ``str`` is the resume's text itself.
        as_of: the date an open range ("Present") ends at; when ``None``, the day the
            file was last saved (``Document.dated``) if that is before today, else today.

    Returns:
        :class:`~jobmatch.models.ResumeFacts`. A resume without dated roles has ``years``
        0.0 and a warning; dates that cannot be read are warnings, never errors.

    Raises:
        jobmatch.DocumentError: a file that cannot be read (missing, unsupported, corrupt).
        TypeError: ``resume`` is none of the above.
    """
    if isinstance(resume, Path):
        from ..read.documents import read_document

        resume = read_document(resume)
    if isinstance(resume, Document):
        return facts_from_text(
            resume.text,
            source=resume.source,
            as_of=as_of,
            warnings=resume.warnings,
            dated=resume.dated,
        )
    if isinstance(resume, str):
        return facts_from_text(resume, source="<text>", as_of=as_of)
    raise TypeError(f"read_resume() needs a Path, a Document or a str, not {type(resume).__name__}")


def facts_from_text(
    text: str,
    *,
    source: str = "<text>",
    as_of: date | None = None,
    warnings: Iterable[str] = (),
    sections: Sequence[tuple[int, int, str]] | None = None,
    dated: str | None = None,
) -> ResumeFacts:
    """:func:`read_resume` of a text already read (the scorer's entry point).

    Args:
        text: the resume's text.
        source: the name reported in ``ResumeFacts.source``.
        as_of: the date an open range ends at; when ``None``, ``dated`` if that is
            before today, else today.
        warnings: warnings of the reading to keep (a PDF's, for example).
        sections: :func:`~jobmatch.extract.sections.detect_sections` of ``text`` when the
            caller has them (the extractor found them for the mentions).
        dated: the day the file was last saved (``Document.dated``, ISO 8601): a resume
            says nothing of the time after it, so "2019 - Present" ends there.

    Returns:
        :class:`~jobmatch.models.ResumeFacts`.
    """
    return facts_and_roles(
        text, source=source, as_of=as_of, warnings=warnings, sections=sections, dated=dated
    )[0]


def facts_and_roles(
    text: str,
    *,
    source: str = "<text>",
    as_of: date | None = None,
    warnings: Iterable[str] = (),
    sections: Sequence[tuple[int, int, str]] | None = None,
    dated: str | None = None,
) -> tuple[ResumeFacts, tuple[RoleText, ...]]:
    """:func:`facts_from_text` (same arguments), and each role's :class:`RoleText`, in the
    order of ``ResumeFacts.roles`` (the scorer counts the years spent in a skill)."""
    saved = _saved_day(dated) if as_of is None else None
    lines, names, starts = _layout(text, sections)
    areas = _role_areas(lines, names, starts)
    raw, unsure = read_roles(lines, areas)
    if saved is not None and any(
        (p.year, p.first_month) > (saved.year, saved.month)
        for r in raw
        for p in (r.period.start, r.period.end)
        if p is not None
    ):
        saved = None  # a role dated after the file's own day: the file's date is wrong
    today = as_of or saved or date.today()
    notes = list(warnings) + unsure
    if saved is not None and any(r.period.end is None for r in raw):
        notes.append(
            f'open date ranges ("Present") end on {saved.isoformat()}, the day the file was'
            " last saved"
        )
    raw = _end_stale_internships(raw, today, notes)
    roles = [_role(r, today, notes) for r in raw]
    edu = _education(lines, names, lambda: _job_lines(areas), as_of=today)
    # a degree in progress is not held: never the highest one
    held = [e for e in edu if not e.in_progress]
    top = max(held, key=lambda e: LEVEL_ORDER.index(e.level), default=None)
    jobs = [r for r in raw if r.kind == "job"]
    if not jobs:
        notes.append("no dated job found: years of experience 0")
    texts = _role_texts(text, lines, raw, roles)
    research = doctoral_research(edu, raw, today)
    facts = ResumeFacts(
        source=source,
        roles=tuple(roles),
        education=tuple(edu),
        highest_degree=top.level if top is not None else "none",
        # a certificate's field is no degree's (the score matches no asked field with it)
        highest_degree_field=top.field if top is not None and top.level in DEGREE_LEVELS else None,
        years=merged_years((r.period for r in jobs), today),
        internship_years=merged_years((r.period for r in raw if r.kind == "internship"), today),
        most_recent_title=_latest(raw, today),
        as_of=today.isoformat(),
        warnings=tuple(dict.fromkeys(notes)),
        highest_degree_name=top.name if top is not None else None,
        research_years=research.years,
        research_start=research.start,
        research_end=research.end,
    )
    return facts, texts


def _role_texts(
    original: str, lines: Sequence[str], raw: Sequence[RawRole], roles: Sequence[Role]
) -> tuple[RoleText, ...]:
    """Each role's entry as character offsets of ``original`` (``lines`` are those of the
    repaired text: its offsets are mapped back)."""
    starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
    repaired_len = starts[-1] - 1
    back = _offsets_back(original, "\n".join(lines)) if repaired_len != len(original) else None
    out = []
    for r, role in zip(raw, roles, strict=True):
        a, b = starts[min(r.lines[0], len(lines))], starts[min(r.lines[1], len(lines))] - 1
        if back is not None:
            a, b = back[min(a, len(back) - 1)], back[min(max(a, b), len(back) - 1)]
        out.append(RoleText(role=role, span=(a, max(a, b)), period=r.period))
    return tuple(out)


def _offsets_back(original: str, repaired: str) -> list[int]:
    """For each offset of ``repaired`` (and its end), the offset in ``original``: the
    repairs only drop characters or turn white space into other white space."""
    back: list[int] = []
    i = 0
    for ch in repaired:
        while (
            i < len(original) and original[i] != ch and not (ch.isspace() and original[i].isspace())
        ):
            i += 1
        back.append(min(i, len(original)))
        i += 1
    back.append(len(original))
    return back


def _saved_day(dated: str | None) -> date | None:
    """The day ``dated`` names (ISO 8601) when it is before today, else ``None``."""
    if not dated:
        return None
    try:
        day = date.fromisoformat(dated)
    except ValueError:
        return None
    return day if day < date.today() else None


def education_from_text(
    text: str,
    *,
    sections: Sequence[tuple[int, int, str]] | None = None,
    as_of: date | None = None,
) -> tuple[EducationEntry, ...]:
    """The degrees of a resume text alone: ``facts_from_text(text).education``, without
    reading its roles (batch scoring against a profile without a years requirement).

    Args:
        text: the resume's text.
        sections: as for :func:`facts_from_text`.
        as_of: a degree dated after this day's year is in progress (default: today).

    Returns:
        The degrees, as in :attr:`ResumeFacts.education`.
    """
    # the heading test of the text's first line only when the job lines are asked for
    lines, names, starts, top = _layout_parts(text, sections)

    def taken() -> set[int]:
        # only an experience section gives job lines: without one, no areas to read
        if "experience" not in names:
            return set()
        return _job_lines(_role_areas(lines, names, starts | _headings(top)))

    return tuple(_education(lines, names, taken, as_of=as_of or date.today()))


def _layout(
    original: str, sections: Sequence[tuple[int, int, str]] | None = None
) -> tuple[list[str], list[str], set[int]]:
    """(lines, section name of each line, lines opening a section) of a resume text,
    repaired; ``sections`` are those of the text before the repairs (found again when a
    repair changed it)."""
    lines, names, starts, top = _layout_parts(original, sections)
    return lines, names, starts | _headings(top)


def _layout_parts(
    original: str, sections: Sequence[tuple[int, int, str]] | None = None
) -> tuple[list[str], list[str], set[int], list[tuple[int, str]]]:
    """:func:`_layout`, the heading test of a section's first line at the text's start
    left to the caller (:func:`_line_names`): (lines, names, the other lines opening a
    section, those first lines with their text before the Markdown repair)."""
    from ..extract.sections import detect_sections

    text = original
    if "\u00c2" in text:  # a mis-decoded no-break space
        text = text.replace("\u00c2\u00a0", " ").replace("\u00c2 ", " ")
    # each repair only where its cheap hint (a part of its pattern) is found: most texts
    # need none, and the full patterns scan slowly
    if _JOINED_HINT.search(text):
        text = _JOINED.sub(lambda m: _join(m, text), text)
    if _THREE_HINT.search(text):
        text = _THREE.sub(r"\1 \2 ", text)
    if _HYPHEN_HINT.search(text) or any(
        dash in text and hint.search(text) for dash, hint in _DASH_HINTS
    ):
        text = _DANGLING.sub(r"\1 ", text)
    if sections is None or text != original:
        sections = detect_sections(text)
    lines = text.split("\n")
    names, starts, top = _line_names(lines, sections)
    if "#" in text:
        # a Markdown heading's marks ("### Senior Research Engineer, DeepMind - 2022 -
        # Present"): blanks of the same length, so lines keep their offsets
        lines = [_MD_HEADING.sub(_blanks, line) if line[:1] == "#" else line for line in lines]
    return lines, names, starts, top


def _join(m: re.Match[str], text: str) -> str:
    """The line break of an indented line (:data:`_JOINED`): a space, or the line break
    kept before a bullet or after a line ending a date range."""
    at = m.start()
    before = text[text.rfind("\n", 0, at) + 1 : at]
    if _BULLET_START.match(text, at + 1) or _RANGE_END.search(before):
        return "\n"
    return " "


#: the marks of a Markdown heading ("## ", "### ")
_MD_HEADING = re.compile(r"^#{1,6}(?=[ \t])")


def _blanks(m: re.Match[str]) -> str:
    return " " * len(m.group())


def _line_sections(
    lines: Sequence[str], sections: Sequence[tuple[int, int, str]]
) -> tuple[list[str], set[int]]:
    """The section name of each line, and the lines that open a section (its heading).

    A line belongs to the first section (from the previous line's) whose end lies after the
    line's start, or to the last one: found by bisection over the line starts, a section at
    a time, not a line at a time.
    """
    names, starts, top = _line_names(lines, sections)
    return names, starts | _headings(top)


def _line_names(
    lines: Sequence[str], sections: Sequence[tuple[int, int, str]]
) -> tuple[list[str], set[int], list[tuple[int, str]]]:
    """:func:`_line_sections` but for a section starting at the text's start: its first
    line opens it only when :func:`classify_heading` reads a heading there, a test left to
    the caller (``_headings(top)``; reading a posting's degrees asks it of few texts).

    Returns:
        The names, the other lines opening a section, and each such first line (its index
        and text).
    """
    if not sections:
        return ["other"] * len(lines), set(), []
    starts_at = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    names: list[str] = []
    starts: set[int] = set()
    top: list[tuple[int, str]] = []
    i, last = 0, len(sections) - 1
    for k, (begin, end, name) in enumerate(sections):
        j = len(lines) if k == last else bisect_left(starts_at, end, lo=i)
        names += [name] * (j - i)
        h = bisect_left(starts_at, begin, lo=i, hi=j)  # the line starting where it begins
        if h < j and starts_at[h] == begin:
            if begin > 0:
                starts.add(h)
            else:
                top.append((h, lines[h]))
        i = j
    return names, starts, top


def _headings(top: Sequence[tuple[int, str]]) -> set[int]:
    """The lines of ``top`` (index, text) :func:`classify_heading` reads as headings."""
    return {h for h, line in top if classify_heading(line)}


def _role_areas(
    lines: Sequence[str], names: Sequence[str], starts: set[int]
) -> list[tuple[list[int], str]]:
    """The lines roles are read from, by section, with the kind of their roles."""
    areas: list[tuple[list[int], str]] = []
    for i, name in enumerate(names):
        s = " ".join(lines[i].split())
        if areas and areas[-1][1] == "volunteer" and _VOLUNTEER_TITLE.match(s):
            # a role's title of just "Volunteer" under a volunteering heading (laverne)
            areas[-1][0].append(i)
            continue
        if name in {"experience", "other"} and _VOLUNTEER_HEADING.match(s):
            areas.append(([], "volunteer"))  # also inside Interests... (one "other" section)
            continue
        if i in starts and not (name in _POSTING and areas and areas[-1][1] == "job"):
            areas.append(([], "job" if name == "experience" else ""))
            continue
        if areas and areas[-1][1] and _OTHER_HEADING.match(s) and len(s.split()) <= 4:
            areas.append(([], "other"))
        if areas and s and (heading := classify_heading(s)) is not None:
            # a posting's heading word in a job's title ("Company Name Benefits
            # Administrator") is the job's line; else a heading inside the section ("Work
            # History" after "Experience")
            if not (heading in _POSTING and areas[-1][1] == "job" and has_role_word(s)):
                continue
        if areas:
            areas[-1][0].append(i)
    found = [(a, k) for a, k in areas if k]
    if names and names[0] == "other":
        # the text before the first heading (all of a resume without headings) may hold
        # jobs; text under Awards, Interests... headings does not
        end = min(starts, default=len(names))
        found.insert(0, (list(range(end)), "header"))
    return found


def _job_lines(areas: Sequence[tuple[list[int], str]]) -> set[int]:
    return {i for a, k in areas if k == "job" for i in a}


def _education(
    lines: Sequence[str],
    names: Sequence[str],
    job_lines: Callable[[], set[int]],
    *,
    as_of: date,
) -> list[EducationEntry]:
    """The degrees; ``job_lines()`` gives the lines of the jobs (asked only when the
    education sections hold no degree)."""
    in_edu = [i for i, n in enumerate(names) if n == "education"]
    entries = read_education(lines, in_edu, as_of=as_of)
    if entries:
        return with_displaced_date(entries, lines, names, as_of=as_of)
    maybe = degree_line_candidates(lines)
    if not maybe:
        # no line names a degree form: neither a degree line nor find_education's search
        # (a level on one of these lines) can find one
        return []
    taken = job_lines()
    rest = [
        i
        for i in maybe
        if i not in taken and names[i] not in {"projects", "publications"} and degree_line(lines[i])
    ]
    # the date lines beside them too ("8/2013" / "BA : Justice Studies ..." under a heading
    # read as another section's): the year of a degree's entry
    dates = {
        j
        for i in rest
        for j in (i - 1, i + 1)
        if 0 <= j < len(lines) and j not in taken and date_only(lines[j])
    }
    entries = read_education(lines, sorted(set(rest) | dates), as_of=as_of)
    if entries:
        return entries
    # a degree written inside a sentence or after an institution: the highest one anywhere,
    # but a high school named on a job line is a workplace ("Teacher, High School")
    edu = find_education(
        "\n".join(x for i, x in enumerate(lines) if i not in taken or not _WORKPLACE.search(x))
    )
    if edu.level is None:
        return []
    unfinished = edu.evidence is not None and in_progress(edu.evidence)
    return [EducationEntry(level=edu.level, field=edu.field, in_progress=unfinished, name=edu.name)]


def _iso_end(rng: DateRange) -> str:
    e = rng.end
    if e is None:
        return "present"
    return (
        e.iso() if e.precision in {"year", "month", "day"} else f"{e.year:04d}-{e.last_month:02d}"
    )


#: months an internship, a placement or a traineeship runs at most, as far as the reader
#: believes a resume: one still open ("to Current") after longer is a date left stale
LONGEST_INTERNSHIP_MONTHS = 24


def _end_stale_internships(raw: list[RawRole], today: date, notes: list[str]) -> list[RawRole]:
    """``raw`` with each open internship that has run longer than an internship lasts
    (:data:`LONGEST_INTERNSHIP_MONTHS` up to ``today``) ended the month before the first job
    that starts after it: "Student Teacher, October 2003 to Current" beside "Visual Arts
    Teacher, January 2004 to Current" ended in December 2003. Each gets a note; one that no
    later job ends is counted as written, with a note."""
    jobs = [span for r in raw if r.kind == "job" and (span := span_months(r.period, as_of=today))]
    out: list[RawRole] = []
    for r in raw:
        span = span_months(r.period, as_of=today)
        if r.kind != "internship" or r.period.end is not None or span is None:
            out.append(r)
            continue
        if span[1] - span[0] <= LONGEST_INTERNSHIP_MONTHS:
            out.append(r)
            continue
        years = (span[1] - span[0]) / 12
        said = (
            f"internship {r.title!r} from {r.period.start.iso()} to present would run"
            f" {years:.1f} years"
        )
        after = min((a for a, _ in jobs if span[0] < a < span[1]), default=None)
        if after is None:
            notes.append(f"{said}, longer than an internship lasts: counted as written")
            out.append(r)
            continue
        end = DatePoint(
            year=(after - 1) // 12,
            first_month=(after - 1) % 12 + 1,
            last_month=(after - 1) % 12 + 1,
            precision="month",
        )
        notes.append(
            f"{said}, longer than an internship lasts: counted to {end.iso()}, before the"
            " next job started"
        )
        out.append(replace(r, period=replace(r.period, end=end, single=False)))
    return out


def _role(raw: RawRole, today: date, notes: list[str]) -> Role:
    span = span_months(raw.period, as_of=today)
    if span is None:
        notes.append(f"dates of {raw.title!r} end before they start or lie ahead: not counted")
    months = span[1] - span[0] if span else 0
    return Role(
        title=raw.title,
        start=raw.period.start.iso(),
        end=_iso_end(raw.period),
        years=round(months / 12, 1),
        employer=raw.employer,
        kind=raw.kind,
    )


def merged_years(periods: Iterable[DateRange], as_of: date) -> float:
    """Years covered by ``periods``, overlapping months counted once (one decimal)."""
    spans = sorted(s for p in periods if (s := span_months(p, as_of=as_of)) is not None)
    total, cur_a, cur_b = 0, None, None
    for a, b in spans:
        if cur_b is not None and a <= cur_b:
            cur_b = max(cur_b, b)
            continue
        if cur_a is not None and cur_b is not None:
            total += cur_b - cur_a
        cur_a, cur_b = a, b
    if cur_a is not None and cur_b is not None:
        total += cur_b - cur_a
    return round(total / 12, 1)


def _latest(raw: Sequence[RawRole], today: date) -> str | None:
    for kind in ("job", "internship"):
        spans = [
            (span, -n, r.title)
            for n, r in enumerate(raw)
            if r.kind == kind and (span := span_months(r.period, as_of=today)) is not None
        ]
        if spans:
            (_, _), _, title = max(spans, key=lambda t: (t[0][1], t[0][0], t[1]))
            return title or None  # the latest role names its employer only: no title
    return None
