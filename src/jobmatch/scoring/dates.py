"""Dates as resumes write them: points (``Jan 2019``, ``03/2020``, ``Summer 2022``, ``2015``)
and ranges (``2017 – Present``, ``Sep. 2023  Mar. 2024``, ``janv. 2020 - aujourd'hui``).

A :class:`DatePoint` keeps the precision the resume gives (day, month, season or year). Ranges
become month intervals for counting years (:func:`span_months`): a month-precise range counts
both end months; a year-only start or end is the middle of that year, so ``2018 - 2021`` is
three years; a year-only range within one year, a lone month and a season count 6, 1 and 3
months; an open range ends with the month of ``as_of`` (both end months count). Only the
standard library; pure functions over text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

__all__ = ["DatePoint", "DateRange", "find_ranges", "span_months", "MONTHS"]

# month names and their common short forms in English, French, German, Spanish, Italian,
# Portuguese and Dutch (lower case, accents kept; a trailing "." is allowed by the pattern)
MONTHS: dict[str, int] = {}
for _month, _names in enumerate(
    (
        "january jan janv janvier januar jän jänner enero ene gennaio gen janeiro januari",
        "february feb febr fév févr février februar febrero febbraio fevereiro fev februari",
        "march mar mars märz marzo março maart mrt",
        "april apr avr avril abril abr aprile",
        "may mai mayo maggio mag maio mei",
        "june jun juin juni junio giugno giu junho",
        "july jul juil juillet juli julio luglio lug julho",
        "august aug août aout agosto ago augustus",
        "september sep sept septembre septiembre setiembre settembre set setembro",
        "october oct octobre oktober okt octubre ottobre ott outubro out",
        "november nov novembre noviembre novembro",
        "december dec déc décembre dezember dez diciembre dic dicembre dezembro",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS.setdefault(_name, _month)

# season -> (first month, last month)
_SEASONS = {
    "spring": (3, 5), "printemps": (3, 5), "frühling": (3, 5), "primavera": (3, 5),
    "summer": (6, 8), "été": (6, 8), "sommer": (6, 8), "verano": (6, 8), "estate": (6, 8),
    "verão": (6, 8), "fall": (9, 11), "autumn": (9, 11), "automne": (9, 11),
    "herbst": (9, 11), "otoño": (9, 11), "autunno": (9, 11), "outono": (9, 11),
    "winter": (1, 2), "hiver": (1, 2), "invierno": (1, 2), "inverno": (1, 2),
}  # fmt: skip
_PRESENT_WORDS = (
    r"present|current(?:ly)?|now|today|to date|date|ongoing|heute|jetzt|aujourd'hui"
    r"|aujourd’hui|actuel(?:le)?|actualidad|presente|atual|oggi|nu|heden"
)

_NAMES = "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True))
_SEASON_NAMES = "|".join(map(re.escape, _SEASONS))
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
# one date; the alternatives are named (``@`` is the group prefix) to tell the precision
_POINT = (
    # a day before the month ("19 November 2007", "1st June 2015") or after it ("June 1,
    # 2015"): the point is as precise as a day
    rf"(?:(?:(?P<@dd>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\.?\s+)?"
    rf"(?P<@mon>{_NAMES})\.?\s*(?:(?P<@day>\d{{1,2}}),?\s*)?'?,?\s*(?P<@my>{_YEAR})"
    rf"|(?P<@mon2>{_NAMES})\.?\s*['’](?P<@yy>\d\d)"  # Mar '19
    rf"|(?P<@season>{_SEASON_NAMES})\s+(?P<@sy>{_YEAR})"
    rf"|(?<![\d/.])(?P<@num>0?[1-9]|1[0-2])\s*[/.-]\s*(?P<@ny>{_YEAR})"
    rf"|(?P<@iy>{_YEAR})[/.-](?P<@inum>0[1-9]|1[0-2])(?![\d/.])"
    rf"|(?P<@y>{_YEAR}))(?![\d])"
)
_SINCE = re.compile(r"\b(?:since|seit|depuis|desde|dal|sinds)\s*$", re.IGNORECASE)
_EXPECTED = r"(?:exp(?:ected)?\.?\s*(?:graduation:?\s*)?)?"
# the dashes, and U+FFFD: a replacement character between two dates is a dash the PDF's
# font could not map (livecareer exports lose "–" that way: "02/2013 � 08/2015")
_SEP = r"\s*(?:-|‐|‒|–|—|―|−|\ufffd|~|to|until|till|through|thru|bis|au|à|a|al|hasta)\s*"
_RANGE_RE = re.compile(
    rf"(?<![\w$,/.])(?:{_POINT.replace('@', 'a')})"
    rf"(?:(?:{_SEP}|\s{{2,}}|\s+(?={_EXPECTED}(?:{_NAMES})\.?\s*{_YEAR}|(?:{_PRESENT_WORDS})\b))"
    rf"{_EXPECTED}(?:(?P<present>{_PRESENT_WORDS})\b|{_POINT.replace('@', 'b')}))?",
    re.IGNORECASE,
)
# every range above starts with a date holding a year (_YEAR) or a quote and two digits
# ("Mar '19"): a line without one has no range, and this scan (led by the four characters
# they start with) costs a fraction of trying the range pattern at every position (most
# lines of a posting or resume hold no year; "10+ years" has two digits and none)
_YEAR_OR_QUOTED = re.compile(rf"{_YEAR}|['’]\d\d")


@dataclass(frozen=True, slots=True)
class DatePoint:
    """A date as precise as the resume writes it: ``precision`` is day, month, season or
    year."""

    year: int
    first_month: int
    last_month: int
    precision: str

    def iso(self) -> str:
        """``YYYY-MM`` for a month, ``YYYY`` otherwise (a season gives its first month)."""
        if self.precision == "year":
            return f"{self.year:04d}"
        return f"{self.year:04d}-{self.first_month:02d}"

    @classmethod
    def from_iso(cls, iso: str) -> DatePoint:
        """The point :meth:`iso` wrote: ``YYYY-MM`` a month, ``YYYY`` a whole year."""
        year, _, month = iso.partition("-")
        if month:
            return cls(int(year), int(month), int(month), "month")
        return cls(int(year), 1, 12, "year")


@dataclass(frozen=True, slots=True)
class DateRange:
    """A date range found in a line; ``end`` is ``None`` for an open range (Present)."""

    start: DatePoint
    end: DatePoint | None
    #: the end was a single date (no range), e.g. ``Summer 2022`` or ``06/2016``
    single: bool
    begin: int
    stop: int


def _point(m: re.Match[str], p: str) -> DatePoint | None:
    g = m.groupdict()
    if g[f"{p}mon"]:
        mon = MONTHS.get(g[f"{p}mon"].lower().rstrip("."))
        if mon is None:
            return None
        precision = "day" if g[f"{p}day"] or g[f"{p}dd"] else "month"
        return DatePoint(int(g[f"{p}my"]), mon, mon, precision)
    if g[f"{p}mon2"]:
        mon = MONTHS.get(g[f"{p}mon2"].lower().rstrip("."))
        yy = int(g[f"{p}yy"])
        return DatePoint(2000 + yy if yy < 50 else 1900 + yy, mon, mon, "month") if mon else None
    if g[f"{p}season"]:
        first, last = _SEASONS[g[f"{p}season"].lower()]
        return DatePoint(int(g[f"{p}sy"]), first, last, "season")
    if g[f"{p}num"]:
        mon = int(g[f"{p}num"])
        return DatePoint(int(g[f"{p}ny"]), mon, mon, "month")
    if g[f"{p}inum"]:
        mon = int(g[f"{p}inum"])
        return DatePoint(int(g[f"{p}iy"]), mon, mon, "month")
    if g[f"{p}y"]:
        return DatePoint(int(g[f"{p}y"]), 1, 12, "year")
    return None


def find_ranges(line: str) -> list[DateRange]:
    """The date ranges and single dates of ``line``, in order.

    Args:
        line: one line of a resume.

    Returns:
        One :class:`DateRange` per range or lone date; ``end`` is ``None`` for an open
        range, ``single`` is true for a lone date (its ``end`` is the same point).
    """
    found: list[DateRange] = []
    if _YEAR_OR_QUOTED.search(line) is None:
        return found
    for m in _RANGE_RE.finditer(line):
        start = _point(m, "a")
        if start is None:
            continue
        if m.group("present"):
            found.append(DateRange(start, None, False, m.start(), m.end()))
            continue
        end = _point(m, "b")
        if end is None and _SINCE.search(line, 0, m.start()):  # "since 2019": open
            found.append(DateRange(start, None, False, m.start(), m.end()))
        elif end is None:
            found.append(DateRange(start, start, True, m.start(), m.end()))
        else:
            found.append(DateRange(start, end, False, m.start(), m.end()))
    return found


def _index(year: int, month: int) -> int:
    return year * 12 + month - 1


def span_months(rng: DateRange, *, as_of: date) -> tuple[int, int] | None:
    """The months ``[a, b)`` (month indices, year * 12 + month - 1) a range covers.

    An open range ends with the month of ``as_of``, counted like any end month. Returns
    ``None`` when the range ends before it starts or starts after ``as_of``.
    """
    s, e = rng.start, rng.end
    a = _index(s.year, 7) if s.precision == "year" else _index(s.year, s.first_month)
    now = _index(as_of.year, as_of.month) + 1
    if e is None:
        b = now
    elif e.precision == "year":
        b = _index(e.year, 7)
        if s.precision == "year" and e.year == s.year:
            a, b = _index(s.year, 4), _index(s.year, 10)
    else:
        b = _index(e.year, e.last_month) + 1
    if a >= now or b <= a:
        return None
    return a, min(b, now)
