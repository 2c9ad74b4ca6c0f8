"""The date of a degree whose right-hand column a PDF reader printed in the next section.

Awesome-CV sets a degree's place and dates in a right-hand column. pdfminer may print that
column after the sections that follow the education section, at the top of the experience
section, between the first employer's line and its own place ("Experience" / "Danggeun Pay
Inc. (KarrotPay)" / "Pohang, S.Korea" / "Mar. 2010 - Aug. 2017" / "Seoul, S.Korea" / title):
the role reader drops a date between two place lines above a title as another entry's
(:mod:`jobmatch.scoring.roles`), and the degree had no year.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from ..models import EducationEntry
from .dates import DateRange
from .role_lines import classify_line, has_role_word, title_part


def with_displaced_date(
    entries: list[EducationEntry],
    lines: Sequence[str],
    names: Sequence[str],
    *,
    as_of: date,
) -> list[EducationEntry]:
    """``entries`` (the education sections' degrees) with the last one dated by the date
    printed between two place lines at the top of the next experience section, when it is
    the only undated degree and no line between the two sections holds a date."""
    undated = [k for k, e in enumerate(entries) if e.year is None and e.start is None]
    if undated != [len(entries) - 1]:
        return entries
    edu = [i for i, n in enumerate(names) if n == "education"]
    if not edu:
        return entries
    rng = _displaced(lines, names, edu[-1] + 1)
    if rng is None or rng.end is None or rng.single or rng.end.year > as_of.year:
        return entries
    dated = replace(entries[-1], year=rng.end.year, start=rng.start.iso(), end=rng.end.iso())
    return [*entries[:-1], dated]


def _displaced(lines: Sequence[str], names: Sequence[str], after: int) -> DateRange | None:
    """The closed range between two place lines above the first title of the experience
    section that follows line ``after``, the lines before it holding no date."""
    kinds: list[tuple[str, list[DateRange], str]] = []
    for i in range(after, len(lines)):
        s = " ".join(lines[i].split())
        if not s:
            continue
        kind, dates, rest = classify_line(s)
        if names[i] != "experience":
            if dates or kinds:
                return None  # a date of another section, or past the experience section
            continue
        if kind == "desc" or (kind == "head" and has_role_word(title_part(rest))):
            break
        kinds.append((kind, dates, rest))
    for k in range(1, len(kinds) - 1):
        kind, dates, _ = kinds[k]
        if (
            kind == "date"
            and len(dates) == 1
            and kinds[k - 1][0] == "place"
            and any(x[0] == "place" for x in kinds[k + 1 :])
        ):
            return dates[0]
    return None
