"""Dated roles of a resume's experience sections, with dates paired to entries by layout.

PDF readers emit a right-hand column of dates and places before or after the entries it sits
beside, so a date is not simply the date of the line above. The lines of the role sections
are read as *header* lines (short, title-like: a job title, an employer, both), *date* lines
(a range, maybe with a place or the employer), *place* lines and *description* lines
(bullets, sentences, duties) (:mod:`jobmatch.scoring.role_lines`). Consecutive header, date
and place lines make an entry's block; a new block starts after a description, after a blank
line that ends a complete entry (a title and its date), and at a title or date line that
follows a complete entry. Then:

1. a date on a header line, or a date line in a block, belongs to that block; dates after
   its title line win; a date between two place lines above the title belongs to the entry
   above (its right-hand column, displaced) and is dropped;
2. a block of k title lines followed by k date lines (a column printed after the entries)
   pairs them in order;
3. a run of date lines standing alone (a date column) goes, in order, to the blocks without
   a date that follow it; one printed among an entry's bullets goes to that entry.

Each block gives one :class:`RawRole` per date range: its title is the header line with a
job-title word (else the first that is no placeholder, place or company), cut at the
employer (``Title, Employer, City``, ``Employer — Title``, ``Title / Company``). Page footers,
places, durations and certifications are never titles; nor is an employer's name written
where the title stands ("Express Scripts" above the dates): that role is the employer's,
titled by its first line when that opens with a title, else untitled (``""``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .dates import DatePoint, DateRange
from .role_lines import (
    classify_line,
    footer_lines,
    has_role_word,
    is_certification,
    is_company,
    is_place,
    is_state,
    lead_title,
    line_parts,
    looks_like_date,
    names_organisation,
    prose_role,
    restated_as_internship,
    role_kind,
    runs_on,
    strip_placeholder,
    title_part,
    trim,
)

__all__ = ["RawRole", "read_roles"]


@dataclass
class RawRole:
    """A role as read: title, employer, its date range and its kind."""

    title: str
    employer: str | None
    period: DateRange
    kind: str
    line: int
    #: the lines of the entry: from its first header line to the next entry's (its bullets)
    lines: tuple[int, int] = (0, 0)


@dataclass
class _Block:
    lines: list[int] = field(default_factory=list)
    heads: list[tuple[int, str]] = field(default_factory=list)
    dates: list[tuple[int, DateRange]] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    places: list[int] = field(default_factory=list)
    dated_head: bool = False
    #: the first description line after the block (a title may open it)
    lead: str | None = None
    #: a line of the block names the anonymised employer ("Company Name City , State")
    anonymised: bool = False


_COLUMN_GAP = re.compile(r"[ \t]*\t[ \t]*")


def _blocks(
    lines: Sequence[str], area: Sequence[int], skip: set[int], unsure: list[str]
) -> list[_Block]:
    """Header blocks in reading order; a date line alone between descriptions is a block."""
    blocks: list[_Block] = []
    cur: _Block | None = None
    open_sentence = -1  # the line of a description that runs on into the next line
    unended = -1  # the line of a description without a sentence's end
    for i in area:
        line = lines[i].strip()
        if "\t" in line:
            # a tab between columns is a separator ("Senior Engineer\tDeepMind\t2022 -
            # Present"); a run of blanks is not (a PDF's justified line spreads a title)
            line = _COLUMN_GAP.sub(" | ", line)
        s = " ".join(line.split())
        if not s:
            if cur is not None and cur.dates and any(has_role_word(t) for _, t in cur.heads):
                cur = None  # a complete entry: what follows a blank line is another
            continue
        if i in skip:
            continue
        kind, dates, rest = classify_line(s)
        if kind == "head" and not dates and open_sentence == i - 1:
            kind = "desc"  # the rest of a sentence wrapped at the line's end ("... and" / "staff")
        if (
            kind == "date"
            and rest == "."
            and len(dates) == 1
            and dates[0].single
            and unended == i - 1
        ):
            # the year that ends a wrapped sentence ("... demos generated Q1" / "2018.")
            kind = "desc"
        if not dates and kind != "desc" and looks_like_date(s):
            unsure.append(f"unreadable date: {s[:80]!r}")
        open_sentence = i if kind == "desc" and runs_on(s) else -1
        unended = i if kind == "desc" and not s.endswith((".", "!", "?", ":", ";")) else -1
        if kind == "desc":
            if cur is not None and cur.lead is None:
                cur.lead = s
            cur = None
            continue
        # complete: as many date lines as titles (a column of dates may follow the titles)
        complete = (
            cur is not None
            and bool(cur.dates)
            and bool(cur.heads)
            and len({i for i, _ in cur.dates})
            >= max(1, sum(has_role_word(title_part(t)) for _, t in cur.heads))
        )
        ended = (
            cur is not None
            and bool(cur.dates)
            and kind == "head"
            and has_role_word(title_part(rest))
            and any(has_role_word(title_part(t)) and h < cur.dates[-1][0] for h, t in cur.heads)
        )
        # the date line right below a title whose block has only dates above it (after a
        # blank line: the bullets of the entry before) is this title's own
        below_title = (
            cur is not None
            and kind == "date"
            and bool(cur.heads)
            and cur.lines[-1] == i - 1
            and cur.heads[-1][0] == i - 1
            and has_role_word(title_part(cur.heads[-1][1]))
            and all(j < cur.heads[0][0] - 1 for j, _ in cur.dates)
        )
        if (
            cur is None
            or (dates and complete and not below_title)
            or ended
            or (kind == "head" and dates and cur.dated_head)
        ):
            cur = _Block()
            blocks.append(cur)
        cur.lines.append(i)
        cur.anonymised = cur.anonymised or _ANONYMISED.search(s) is not None
        if kind == "place":
            cur.places.append(i)
        if kind == "head":
            cur.heads.append((i, rest))
            cur.dated_head = cur.dated_head or bool(dates)
        elif kind == "date" and rest and not is_place(rest):
            cur.extras.append(rest)
        cur.dates.extend((i, d) for d in dates)
    return blocks


def _pair(
    blocks: list[_Block], unsure: list[str], *, report_undated: bool = True
) -> list[tuple[_Block, list[DateRange]]]:
    """Dates for each block with a header line (see the module docstring)."""
    out: list[tuple[_Block, list[DateRange]]] = []
    pending: list[list[DateRange]] = []  # date-only blocks waiting for dateless entries
    waiting: _Block | None = None  # the last dateless entry, for a date among its bullets
    undated: list[_Block] = []
    for b in blocks:
        if not b.heads:
            # one entry's dates per line: a column of dates is a line per entry
            groups: dict[int, list[DateRange]] = {}
            for i, d in b.dates:
                groups.setdefault(i, []).append(d)
            lines = list(groups.values())
            if waiting is not None and not pending and lines:
                out.append((waiting, lines.pop(0)))
                undated.remove(waiting)
                waiting = None
            ranges = [d for group in lines for d in group if not d.single]
            if b.anonymised and ranges:
                # "January 2011 to August 2012 Company Name City , State" between two
                # entries' bullets: an entry of the anonymised employer, untitled (a lone
                # date beside the placeholder says too little: "04/2019" / "Company Name")
                out.append((b, ranges))
                continue
            pending.extend(lines)
            continue
        split = _column_after(b)
        if split:
            out.extend(split)
            waiting = None
            continue
        own, column = _own_dates(b)
        if own:
            if column and waiting is not None and not pending and b.dates[0][0] < b.heads[0][0]:
                # a date between the bullets of the entry waiting for one and this entry's
                # header (which has its own): the waiting entry's
                out.append((waiting, column.pop(0)))
                undated.remove(waiting)
            out.append((b, own))
            pending.extend(column)
            waiting = None
        elif not has_role_word(title_part(_title_head(b)[1])):
            continue  # a stray line (a wrapped sentence), not an entry waiting for dates
        elif pending:
            out.append((b, pending.pop(0)))
        else:
            waiting = b
            undated.append(b)
    for ranges in pending:
        unsure.append("dates without an entry: " + ", ".join(_show(d) for d in ranges))
    for b in undated if report_undated else ():
        unsure.append(f"entry without dates: {title_part(_title_head(b)[1])!r}")
    return out


def _show(d: DateRange) -> str:
    end = "present" if d.end is None else d.end.iso()
    return d.start.iso() if d.single else f"{d.start.iso()} to {end}"


def _column_after(b: _Block) -> list[tuple[_Block, list[DateRange]]]:
    """Titles printed one per line, then their dates, one line each, in the same order (a
    right-hand column emitted after the entries): each title with its date line."""
    titles = [(i, t) for i, t in b.heads if has_role_word(title_part(t))]
    if len(titles) < 2 or not b.dates or b.dates[0][0] < titles[-1][0]:
        return []
    groups: dict[int, list[DateRange]] = {}
    for i, d in b.dates:
        groups.setdefault(i, []).append(d)
    if len(groups) != len(titles):
        return []
    return [
        (_Block(lines=[i], heads=[(i, t)]), ranges)
        for (i, t), ranges in zip(titles, groups.values(), strict=True)
    ]


def _own_dates(b: _Block) -> tuple[list[DateRange], list[list[DateRange]]]:
    """A block's dates, and the lines of a date column above its title that are not its own.

    Dates after the title line win. Above it, a date between two place lines belongs to the
    entry above (its right-hand column, displaced); of a column of date lines, the first is
    this entry's and the others wait for the dateless entries below.
    """
    title_line = _title_head(b)[0]
    after = [d for i, d in b.dates if i >= title_line]
    if after:
        above: dict[int, list[DateRange]] = {}
        for i, d in b.dates:
            if i < title_line:
                above.setdefault(i, []).append(d)
        return after, list(above.values())
    lines: dict[int, list[DateRange]] = {}
    for i, d in b.dates:
        displaced = any(p < i for p in b.places) and any(i < p < title_line for p in b.places)
        if not displaced:
            lines.setdefault(i, []).append(d)
    groups = list(lines.values())
    return (groups[0], groups[1:]) if groups else ([], [])


def _title_head(b: _Block) -> tuple[int, str]:
    """The header line that holds the title: one with a job-title word, not an employer's
    name, preferred; else the first that is neither a placeholder, a place nor a company
    (``(first line, "")`` for a block of dates alone)."""
    if not b.heads:
        return b.lines[0], ""
    named = [(i, t) for i, t in b.heads if title_part(t) and not is_place(title_part(t))]
    for i, text in named:
        if _ANONYMISED.search(text) and not has_role_word(title_part(text)):
            # "Business Management Company Name City , State": the anonymised site's title
            # line, whatever its words; a line below it is a duty ("Lead management team")
            if not any(has_role_word(title_part(t)) for k, t in named if k < i):
                return i, text
    for i, text in named:
        if has_role_word(title_part(text)) and not is_company(text.split(",")[0]):
            return i, text
    for i, text in named:
        if has_role_word(title_part(text)):
            return i, text
    for i, text in named:
        if not is_company(text):
            return i, text
    return named[0] if named else b.heads[0]


# the employer placeholder of an anonymised resume ("Company Name City , State")
_ANONYMISED = re.compile(r"\bcompany name\b", re.IGNORECASE)
# lower-case words a company's name may hold ("Bank of America", "Ministry of the Interior")
_NAME_JOINERS = frozenset({"of", "and", "the", "for", "at", "de", "du", "des", "la", "le", "y"})


def _sentence(text: str) -> bool:
    """Whether a header line reads as a sentence, not a name: two lower-case words besides
    a name's joiners ("Escort first and business class passengers to lounge"); what a name
    says in parentheses is no sentence ("Software Maestro (funded by ...)")."""
    words: list[str] = re.findall(r"[^\W\d_][\w'&.-]*", text.split("(")[0])
    return sum(1 for w in words if w[0].islower() and w not in _NAME_JOINERS) >= 2


# LinkedIn's "Save to PDF" layout: "Employer" / ["2 years 5 months", the time at it when it
# lists several positions] / "Title" / "March 2023 - Present (1 year 10 months)" /
# "Place" / description. The date line's own duration in parentheses marks it.
_LINKEDIN_DATES = re.compile(
    r"(?:present|\d{4})\s*\((?:(?:less than )?\d+ (?:years?|months?))(?: \d+ months?)?\)$",
    re.IGNORECASE,
)
_BARE_DURATION = re.compile(r"^\d+ (?:years?|months?)(?: \d+ months?)?$", re.IGNORECASE)


def _linkedin_place(text: str) -> bool:
    """A place as LinkedIn writes one: "San Francisco, California, United States", "San
    Francisco Bay Area", "Remote"; a company's legal form after a comma is no place."""
    if is_place(text) or re.search(r"\b(?:Area|Region|Metroplex)$", text):
        return True
    parts = [p.strip() for p in text.split(",")]
    return (
        len(parts) >= 2
        and not is_company(text)
        and all(p[:1].isupper() and len(p.split()) <= 4 for p in parts)
    )


def _linkedin_employers(lines: Sequence[str], area: Sequence[int]) -> dict[int, str]:
    """The employer of each title line in LinkedIn's layout (title line index -> name).

    The employer heads its positions: above the first one's title (after the time at it
    when there are several), and the later positions of a group have their own title
    right after the place or description of the one before. Other layouts read the
    employer from the entry's own lines; this one puts the next employer there.
    """
    text = [(i, lines[i].strip()) for i in area if lines[i].strip()]
    dated = [k for k, (_, t) in enumerate(text) if _LINKEDIN_DATES.search(t)]
    if len(dated) < 2:
        return {}
    out: dict[int, str] = {}
    group: str | None = None
    for k in dated:
        if k < 1:
            continue
        title_at = text[k - 1][0]
        above = text[k - 2][1] if k >= 2 else ""
        if _BARE_DURATION.match(above) and k >= 3:
            group = text[k - 3][1]  # "OpenAI" / "2 years 5 months" / title
        elif (
            above
            and not _linkedin_place(above)
            and not has_role_word(above)
            and not looks_like_date(above)
            and not _LINKEDIN_DATES.search(above)
            and not _sentence(above)
            and len(above.split()) <= 6
        ):
            group = above  # a single position: "Google" / title
        if group is not None:
            out[title_at] = group
    return out


def _research_arm(part: str) -> bool:
    """A company's research arm, named as written ("Google Research", "Microsoft Research"):
    "Research" after a name that holds no job-title word is an employer, not a title."""
    words = part.split()
    return len(words) >= 2 and words[-1] == "Research" and not has_role_word(" ".join(words[:-1]))


def _employer(b: _Block, title_line: int, title_text: str) -> str | None:
    title = title_part(title_text)
    for p in line_parts(title_text):
        if (
            p not in title.split(", ")
            and not is_place(p)
            and (not has_role_word(p) or _research_arm(p))
            and not is_state(p)
        ):
            return p  # (a part inside the title is the title's: "Engineering, Operations ...")
    if _ANONYMISED.search(title_text):
        return None  # the title's line names the employer, anonymised: no other line does
    for i, text in b.heads:
        if (
            i != title_line
            and not is_place(text)
            and not has_role_word(title_part(text))
            and not _sentence(text)
        ):
            return trim(re.split(r",|\s[•|·]\s", text)[0]) or None
    return None


def read_roles(
    lines: Sequence[str], areas: Sequence[tuple[Sequence[int], str]]
) -> tuple[list[RawRole], list[str]]:
    """The dated roles of the line ``areas`` ``[(line indices, default kind)]``.

    Args:
        lines: the resume's lines.
        areas: the lines of each role section, with the kind its roles have by default
            (``job`` for experience, ``volunteer`` for a volunteering section...;
            ``header`` for the lines above the first heading: jobs, but a line there
            without dates is no entry to warn about).

    Returns:
        ``(roles, warnings)``: one :class:`RawRole` per date range paired with an entry, in
        reading order, and a warning for each date without an entry and entry without dates.
    """
    skip = footer_lines(lines)
    roles: list[RawRole] = []
    unsure: list[str] = []
    seen: set[tuple[str, DatePoint, DatePoint | None]] = set()
    for area, default in areas:
        # the lines above the first heading (name, headline) hold no entry without dates
        top = default == "header"
        default = "job" if top else default
        blocks = _blocks(lines, area, skip, unsure)
        linkedin = _linkedin_employers(lines, area)
        # a line of names with no title word, no date and bullets right below it, after a
        # complete entry and a blank line, is that entry's ("Senior Software Engineer" /
        # "Jan 2023 - Present" / "" / "Stripe • San Francisco, CA" / "• Designed ..."): its
        # employer, and its bullets are the entry's
        trailing = {id(b): b for b in blocks if _trailing_names(b)}
        entries = [b for b in blocks if b.heads and id(b) not in trailing]
        after = _next_blocks(blocks)
        last = max(area, default=-1) + 1
        extent = {
            id(b): (b.lines[0], entries[k + 1].lines[0] if k + 1 < len(entries) else last)
            for k, b in enumerate(entries)
        }
        for block, ranges in _pair(blocks, unsure, report_undated=not top):
            line, text = _title_head(block)
            title = title_part(text)
            if not title and block.lead is not None:
                title = lead_title(block.lead) or ""
            if is_certification(title):
                continue
            if not title and block.anonymised and default == "job":
                # the anonymised employer's entry without a title: its ranges are a job's
                # (a lone date beside the placeholder says too little)
                untitled = [d for d in ranges if not d.single]
                if len(untitled) < len(ranges):
                    lone = ", ".join(_show(d) for d in ranges if d.single)
                    unsure.append(f"dates without an entry: {lone}")
                if not untitled:
                    continue
                ranges = untitled
            elif not title or is_place(title):
                unsure.append("dates without an entry: " + ", ".join(_show(d) for d in ranges))
                continue
            named = None
            if not has_role_word(title) and names_organisation(title):
                # the employer where the title stands ("Express Scripts" / "September 2015
                # to Current Company Name"): the role has the title its first line gives
                # ("Supervisor of the hospitality department Overseeing ..."), else none
                named = title
                title = (lead_title(block.lead) if block.lead is not None else None) or ""
            employer = linkedin.get(line) or named or _employer(block, line, text)
            if employer is None and block.extras and not _ANONYMISED.search(text):
                cand = strip_placeholder(block.extras[0])
                employer = cand if cand and not is_place(cand) else None
            below = after.get(id(block))
            if (
                employer is None
                and below is not None
                and id(below) in trailing
                and not block.anonymised  # the placeholder names the employer: no other line
                and below.lines[0] > block.lines[-1] + 1  # set off by a blank line
            ):
                employer = _names_employer(below.heads[0][1])
            if employer is not None and re.search(r"company name", employer, re.IGNORECASE):
                employer = None  # the placeholder of an anonymised resume
            block_text = " ".join(t for _, t in block.heads)
            for period in ranges:
                key = ((title or employer or "").lower(), period.start, period.end)
                if key in seen:  # the same entry twice (a resume repeating its history)
                    continue
                seen.add(key)
                kind = role_kind(title, block_text, period, default)
                where = extent.get(id(block), (line, line + 1))
                roles.append(RawRole(title[:120], employer, period, kind, line, where))
        _add_prose_roles(lines, area, skip, default, roles, seen)
    _restated_internships(lines, roles)
    return roles, unsure


def _restated_internships(lines: Sequence[str], roles: list[RawRole]) -> None:
    """Make an internship of each job whose title the resume names again, elsewhere, with an
    internship word in parentheses ("Junior Auditor (Magang)")."""
    whole = "\n".join(lines)
    for role in roles:
        if role.kind == "job" and restated_as_internship(role.title, whole):
            role.kind = "internship"


def _trailing_names(b: _Block) -> bool:
    """Whether a block is one line of names below an entry: no date, no job-title word, no
    sentence, and the first description right below it (so no title of its own follows)."""
    return (
        len(b.heads) == 1
        and not b.dates
        and b.lead is not None
        and not b.anonymised
        and not has_role_word(title_part(b.heads[0][1]))
        and not _sentence(b.heads[0][1])
    )


def _next_blocks(blocks: Sequence[_Block]) -> dict[int, _Block]:
    """Each block's next block (by ``id``)."""
    return {id(a): b for a, b in zip(blocks, blocks[1:], strict=False)}


def _names_employer(text: str) -> str | None:
    """The employer a trailing line of names gives ("Stripe • San Francisco, CA" ->
    "Stripe"), or ``None`` when it names a place alone."""
    first = trim(re.split(r",|\s[•|·]\s", text)[0])
    return first if first and not is_place(first) and not is_place(text) else None


def _add_prose_roles(
    lines: Sequence[str],
    area: Sequence[int],
    skip: set[int],
    default: str,
    roles: list[RawRole],
    seen: set[tuple[str, DatePoint, DatePoint | None]],
) -> None:
    """The roles the area's description lines state as sentences ("Worked as Landscaper in
    ... from Jan 2010 to May 2015"), each placed before the first role read below it."""
    for i in area:
        s = " ".join(lines[i].split())
        # a role stated as a sentence says "worked as ...": most lines are not read again
        if " as " not in s or i in skip:
            continue
        kind, dates, _ = classify_line(s)
        below = " ".join(lines[i + 1].split()) if i + 1 < len(lines) else ""
        found = prose_role(s, dates, below) if kind == "desc" and dates else None
        if found is None:
            continue
        title, period = found
        key = (title.lower(), period.start, period.end)
        if key in seen:  # the entry above says the same
            continue
        seen.add(key)
        role = RawRole(title, None, period, role_kind(title, s, period, default), i, (i, i + 1))
        at = next((k for k, r in enumerate(roles) if r.line > i), len(roles))
        roles.insert(at, role)
