"""Dated roles of a resume's experience sections, with dates paired to entries by layout.

PDF readers emit a right-hand column of dates and places before or after the entries it sits
beside, so a date is not simply the date of the line above. The text of the role sections is
read as lines of four kinds: *header* lines (short, title-like: a job title, an employer, both),
*date* lines (a date range, maybe with a place or the employer), *place* lines and
*description* lines (bullets, sentences). Consecutive header, date and place lines make an
entry's header block. Then:

1. a date on a header line, or a date line inside a block, belongs to that block; when a
   block holds dates both before and after its title line, the ones before belong to the
   entry above (a displaced column) and are dropped;
2. a run of date lines standing alone (a date column) goes, in order, to the blocks without
   a date that follow it; one printed among a block's description goes to that block.

Each block gives one :class:`~jobmatch.scoring.resume_reader.ResumeRole` per date range: its
title is the header line with a job-title word (else the first header line that is not a
place or an employer), cut at the employer (``Title, Employer, City``, ``Title / Company``).
Page footers (lines repeated near page numbers) and place lines are never titles.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from .dates import DatePoint, DateRange, find_ranges

__all__ = ["RawRole", "read_roles", "footer_lines", "ROLE_WORDS", "is_place"]

# head words of job titles (singular; a trailing "s" is allowed by the check)
ROLE_WORDS = frozenset(
    """
    developer engineer architect manager lead leader head senior junior intern internship
    trainee apprentice consultant specialist administrator admin analyst scientist
    researcher research director officer technician coordinator associate assistant
    representative programmer designer teacher lecturer professor instructor tutor
    supervisor agent accountant auditor nurse physician doctor chef cook clerk cashier
    driver editor writer founder cofounder co-founder owner partner president vp chief
    member volunteer fellow postdoc student advisor adviser counselor therapist
    coach trainer operator mechanic electrician technologist executive strategist
    planner buyer sales salesperson marketer recruiter secretary receptionist host
    hostess server bartender attendant aide tester maintainer creator contractor
    freelancer principal staff head medic paralegal attorney lawyer pharmacist generalist
    landscaper estimator inspector investigator adjuster provider advocate worker painter
    dishwasher porter housekeeper janitor guard soldier sergeant nanny caregiver
    """.split()
)
_COMPANY = re.compile(
    r"\b(?:inc|corp|corporation|co|ltd|llc|gmbh|plc|company|group|organization|labs?"
    r"|technologies|solutions|university|college|hospital|bank)\b\.?",
    re.IGNORECASE,
)
# the anonymised employer and place of some resume sites ("Company Name ï¼ City , State")
_PLACEHOLDER = re.compile(
    r"\bcompany name\b(?:\s*(?:ï¼|[-–,:/])?\s*(?:city\s*,\s*)?state\b)?"
    r"(?:\s*,\s*(?:usa|india|[A-Z][a-z]+))?|(?:^|\s)city\s*,\s*state\b",
    re.IGNORECASE,
)
_STATES = r"(?:[A-Z]{2}|State|USA|U\.S\.A\.?|US|UK|S\.Korea|Korea|India|Canada|Germany|France)"
_PLACE = re.compile(
    rf"^(?:(?:[A-Z][\w.'’-]*\.?\s?){{1,4}},\s*)?(?:[A-Z][\w.'’-]*\s?){{1,4}},\s*{_STATES}\.?"
    rf"(?:\s*&\s*.+)?$|^city\s*,\s*state$|^(?:online|remote|[A-Z]\.?\s?Korea|S\.Korea)$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^[•\-*●▪◦‣–·]\s*")
_ABBREV_END = re.compile(r"\b(?:inc|corp|co|ltd|jr|sr|st|dept|u\.s\.a|a\.i)\.$", re.IGNORECASE)
_PAGE = re.compile(r"^(?:\d{1,2}|\d{1,2}\s*/\s*\d{1,2}|page \d+(?: of \d+)?)$", re.IGNORECASE)
_TRIM = " \t,;:|/–—-•·*()[]ï¼"
_VERB_CUT = re.compile(r"\s+[A-Z][a-z]+(?:ed|ly|ing)\b.*$")
_INTERN = re.compile(
    r"\b(?:intern|interns|internship|trainee|apprentice|co-?op|summer"
    r"|student(?!\s+(?:advis|servic|affair|success|counsel|develop|life|activit|recruit))"
    r"|teaching assistant|research assistant)\b",
    re.IGNORECASE,
)
# a line opening with a verb is a duty, not a title ("Create dashboards ...", "Managed a
# team"); the -ed words that open titles (Registered Nurse) are exceptions
_VERB_START = re.compile(
    r"^(?!(?:registered|licensed|certified|chartered|qualified|advanced|accomplished"
    r"|dedicated|experienced|seasoned|skilled|talented|motivated|detailed)\b)"
    r"(?:[A-Z][a-z]+ed|(?:create|build|develop|manage|provide|assist|support|maintain"
    r"|prepare|perform|ensure|coordinate|work|handle|conduct|monitor|review|oversee"
    r"|implement|design|analy[sz]e|train|process|answer|greet|schedule|operate|organi[sz]e"
    r"|plan|serve|use|utili[sz]e|help|drive|deliver|collaborate|communicate|responsible"
    r"|establish|identify|resolve|track|update|write|negotiate|recruit|supervise"
    r"|participate|increase|reduce|improve|respond|deep|strong|excellent|proven|ability"
    r"|knowledge|proficient|familiar|duties|responsibilities|evaluate|represent|administer"
    r"|report|assess|hire|file|compile|recruitment|hiring|served|serving)s?)\b",
    re.IGNORECASE,
)
# what looks like a date the patterns could not read ("13/2019", "2019 - 45")
_DATEISH = re.compile(r"\b\d{1,2}\s*/\s*\d{2,4}\b|\b(?:19|20)\d\d\s*[-–]\s*\d+\b")
# the tail of "Title, Employer, City, ST, USA": a state or country is no employer
_PLACE_WORD = re.compile(r"^(?:[A-Z]{2}|USA|U\.S\.A\.?|UK|India|Canada)$")
# a duration printed in a date column ("4 months", "2 yrs 3 mos"): neither title nor date
_DURATION = re.compile(
    r"^\(?\d+(?:\.\d+)?\+?\s*(?:years?|yrs?|months?|mos?)(?:\s+\d+\s*(?:months?|mos?))?\)?$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[a-z]{2}[.!?]\s+[A-Z]")
_CERTIFICATION = re.compile(r"\bcertifi(?:ed|cate|cation)\b", re.IGNORECASE)
_VOLUNTEER = re.compile(r"\bvolunteer", re.IGNORECASE)


@dataclass
class RawRole:
    """A role as read: title, employer, its date range and its kind."""

    title: str
    employer: str | None
    period: DateRange
    kind: str
    line: int


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


def is_place(text: str) -> bool:
    """``Seoul, S.Korea``, ``San Francisco, CA``, ``City , State``, ``Online``."""
    s = " ".join(text.replace("ï¼", " ").split()).strip(_TRIM)
    if re.search(r"\w.*\bcompany name\b", s, re.IGNORECASE):
        return False  # "Landscaper Company Name, City , State": a title before the employer
    return bool(s) and _PLACE.match(s) is not None


def footer_lines(lines: Sequence[str]) -> set[int]:
    """Indices of page-footer lines: page numbers, and lines repeated next to one."""
    stripped = [" ".join(x.split()) for x in lines]
    counts = Counter(s for s in stripped if s)
    pages = [i for i, s in enumerate(stripped) if _PAGE.match(s)]
    out = set(pages)
    for p in pages:
        for j in range(max(0, p - 6), min(len(lines), p + 7)):
            if counts[stripped[j]] >= 2 and not is_place(stripped[j]):
                out.add(j)
    return out


def _has_role_word(text: str) -> bool:
    words = re.findall(r"[a-z][a-z-]*", text.lower())
    return any(w in ROLE_WORDS or (w.endswith("s") and w[:-1] in ROLE_WORDS) for w in words)


def _is_description(s: str) -> bool:
    words = s.split()
    if s[0].islower():
        # a wrapped sentence, unless a short title written in lower case ("site lead")
        return len(words) > 5 or s.endswith(".") or not _has_role_word(s)
    if _BULLET.match(s) or not s[0].isalnum():
        return True
    if len(words) > 14 or _VERB_START.match(s) or _SENTENCE_END.search(s):
        return True
    return s.endswith(".") and _ABBREV_END.search(s) is None


def _rest(line: str, dates: Sequence[DateRange]) -> str:
    out, last = [], 0
    for d in dates:
        out.append(line[last : d.begin])
        last = d.stop
    out.append(line[last:])
    return " ".join(" ".join(out).split()).strip(_TRIM)


def _classify(s: str) -> tuple[str, list[DateRange], str]:
    """``(kind, dates, rest)`` of a stripped line: head, date, place or desc."""
    dates = [d for d in find_ranges(s) if d.start.precision != "day"]
    rest = _rest(s, dates)
    bare = _PLACEHOLDER.sub("", rest).strip(_TRIM)
    if dates and (not bare or is_place(bare)):
        return "date", dates, rest
    if dates and not _has_role_word(bare) and dates[0].begin == 0:
        return "date", dates, rest
    if not dates and (is_place(s) or _DURATION.match(s)):
        return "place", dates, rest
    if _is_description(bare or s):
        return "desc", dates, rest
    return "head", dates, rest


def _blocks(
    lines: Sequence[str], area: Sequence[int], skip: set[int], unsure: list[str]
) -> list[_Block]:
    """Header blocks in reading order; a date line alone between descriptions is a block."""
    blocks: list[_Block] = []
    cur: _Block | None = None
    for i in area:
        s = " ".join(lines[i].split())
        if not s:
            if cur is not None and cur.dates and any(_has_role_word(t) for _, t in cur.heads):
                cur = None  # a complete entry: what follows a blank line is another
            continue
        if i in skip:
            continue
        kind, dates, rest = _classify(s)
        if not dates and kind != "desc" and _DATEISH.search(s):
            unsure.append(f"unreadable date: {s[:80]!r}")
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
            >= max(1, sum(_has_role_word(_cut(t)) for _, t in cur.heads))
        )
        ended = (
            cur is not None
            and bool(cur.dates)
            and kind == "head"
            and _has_role_word(_cut(rest))
            and any(_has_role_word(_cut(t)) and h < cur.dates[-1][0] for h, t in cur.heads)
        )
        if (
            cur is None
            or (dates and complete)
            or ended
            or (kind == "head" and dates and cur.dated_head)
        ):
            cur = _Block()
            blocks.append(cur)
        cur.lines.append(i)
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
            pending.extend(lines)
            continue
        split = _column_after(b)
        if split:
            out.extend(split)
            waiting = None
            continue
        own, column = _own_dates(b)
        if own:
            out.append((b, own))
            pending.extend(column)
            waiting = None
        elif not _has_role_word(_cut(_title_head(b)[1])):
            continue  # a stray line (a wrapped sentence), not an entry waiting for dates
        elif pending:
            out.append((b, pending.pop(0)))
        else:
            waiting = b
            undated.append(b)
    for ranges in pending:
        unsure.append("dates without an entry: " + ", ".join(_show(d) for d in ranges))
    for b in undated if report_undated else ():
        unsure.append(f"entry without dates: {_cut(_title_head(b)[1])!r}")
    return out


def _show(d: DateRange) -> str:
    end = "present" if d.end is None else d.end.iso()
    return d.start.iso() if d.single else f"{d.start.iso()} to {end}"


def _column_after(b: _Block) -> list[tuple[_Block, list[DateRange]]]:
    """Titles printed one per line, then their dates, one line each, in the same order (a
    right-hand column emitted after the entries): each title with its date line."""
    titles = [(i, t) for i, t in b.heads if _has_role_word(_cut(t))]
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
        return after, []
    lines: dict[int, list[DateRange]] = {}
    for i, d in b.dates:
        displaced = any(p < i for p in b.places) and any(i < p < title_line for p in b.places)
        if not displaced:
            lines.setdefault(i, []).append(d)
    groups = list(lines.values())
    return (groups[0], groups[1:]) if groups else ([], [])


def _title_head(b: _Block) -> tuple[int, str]:
    """The header line that holds the title: one with a job-title word, not an employer's
    name, preferred; else the first that is neither a placeholder, a place nor a company."""
    named = [(i, t) for i, t in b.heads if _cut(t) and not is_place(_cut(t))]
    for i, text in named:
        if _has_role_word(_cut(text)) and not _COMPANY.search(text.split(",")[0]):
            return i, text
    for i, text in named:
        if _has_role_word(_cut(text)):
            return i, text
    for i, text in named:
        if not _COMPANY.search(text):
            return i, text
    return named[0] if named else b.heads[0]


_PARTS = re.compile(r"\s+[/|•·@]\s+|\s+(?:at|chez|bei)\s+|\s+[–—]\s+|\s+-\s+|\s*,\s*")


def _parts(text: str) -> list[str]:
    """A header line split at its separators (``Title, Employer — City``), no parentheses."""
    s = _PLACEHOLDER.sub("", text).strip(_TRIM)
    s = re.sub(r"\s*\([^)]*\b(?:19|20)\d\d[^)]*\)", "", s)  # "(Jul 2023 - present)"
    return [p.strip(_TRIM.replace("()", "")) for p in _PARTS.split(s) if p.strip(_TRIM)]


def _cut(text: str) -> str:
    """The title part of a header line: the part with a job-title word (else the first),
    without the employer, the place or a description run on after it."""
    parts = _parts(text)
    if not parts:
        return ""
    strong = [p for p in parts if _has_role_word(p) and p.split()[-1].lower() != "research"]
    s = next(iter(strong), next((p for p in parts if _has_role_word(p)), parts[0]))
    s = _VERB_CUT.sub("", s) if len(s.split()) > 6 else s
    return s.strip(_TRIM.replace("()", ""))


def _employer(b: _Block, title_line: int, title_text: str) -> str | None:
    title = _cut(title_text)
    for p in _parts(title_text):
        if p != title and not is_place(p) and not _has_role_word(p) and not _PLACE_WORD.match(p):
            return p
    for i, text in b.heads:
        if i != title_line and not is_place(text) and not _has_role_word(_cut(text)):
            return re.split(r",|\s[•|·]\s", text)[0].strip(_TRIM) or None
    return None


def _kind(title: str, block_text: str, period: DateRange, default: str) -> str:
    if default != "job":
        return default
    if _VOLUNTEER.search(title):
        return "volunteer"
    if re.search(r"\bundergraduate\b", block_text, re.IGNORECASE):
        return "other"
    if _INTERN.search(title):
        return "internship"
    if period.single and period.start.precision == "season":
        return "internship"
    return "job"


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
        for block, ranges in _pair(blocks, unsure, report_undated=not top):
            line, text = _title_head(block)
            title = _cut(text)
            if not title and block.lead is not None:
                lead = _VERB_CUT.sub("", block.lead)
                if _has_role_word(lead) and len(lead.split()) <= 8:
                    title = lead.strip(_TRIM)
            if _CERTIFICATION.search(title):
                continue
            if not title or is_place(title):
                unsure.append("dates without an entry: " + ", ".join(_show(d) for d in ranges))
                continue
            employer = _employer(block, line, text)
            if employer is None and block.extras:
                cand = _PLACEHOLDER.sub("", block.extras[0]).strip(_TRIM)
                employer = cand if cand and not is_place(cand) else None
            if employer is not None and re.search(r"company name", employer, re.IGNORECASE):
                employer = None  # the placeholder of an anonymised resume
            block_text = " ".join(t for _, t in block.heads)
            for period in ranges:
                key = (title.lower(), period.start, period.end)
                if key in seen:  # the same entry twice (a resume repeating its history)
                    continue
                seen.add(key)
                kind = _kind(title, block_text, period, default)
                roles.append(RawRole(title[:120], employer, period, kind, line))
    return roles, unsure
