"""Years of experience that depend on the degree held (read through the posting rules' degrees).

A posting may ask fewer years of a higher degree: "Bachelor of Science and 5 years' data
science experience OR Master of Science and 3 years'", "Minimum 5 years (with M.S.
degree) or 3 years (with PhD)", "BS or MS with 5+ years industry experience or PhD with
at least 2 years", "Three (3) to five (5) years' experience (or MA/MS and two (2) years of
experience)". :func:`degree_years` reads such a clause into the years asked of the lowest
degree it names (or of any degree, when a figure names none: the general ask) and the
fewer years it asks of each higher degree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .posting_rules import degree_mentions
from .posting_years import alternative_figures, figure_value
from .profile_types import DEGREE_LEVELS

__all__ = ["DegreeYears", "continued", "degree_table", "degree_years"]

#: a degree and its level, as :func:`~.posting_rules.degree_mentions` finds them
_Mention = tuple[int, int, str]
#: what may stand between the degrees of one alternative: "BS or MS", "MS/BS", "Bachelor
#: of Science or Master's degree"
_RUN_GAP = re.compile(
    r"(?:[\s,/&+]|\bor\b|\band\b|\bdegrees?\b|['\u2019]s\b|\ban?\b"
    r"|\bof\s+(?:science|arts)\b)*",
    re.IGNORECASE,
)
#: the degree a figure names right after it: "5 years (with M.S. degree)", "2 years
#: (PhD)", "at least 2 years (if PhD)", "3 years of experience with a Bachelor's degree"
_AFTER = re.compile(
    r"[\s'\u2019]*(?:(?:of\s+)?(?:[\w-]+\s+){0,3}?experiences?\s*)?"
    r"(?:\(\s*(?:(?:with|if|for|w/)\s*)?(?:an?\s+)?|(?:with|if|for)\s+(?:an?\s+)?)",
    re.IGNORECASE,
)
_CLOSE = re.compile(r"[^()]{0,20}\)")
#: figures parted by slashes, each of the degrees named before them in turn: "with 5+/3+
#: years of experience, respectively"
_SLASHED = re.compile(
    r"(?<![\w/])(?P<figures>\d{1,2}\s*\+?(?:\s*/\s*\d{1,2}\s*\+?)+)\s*(?:years?|yrs?)\b"
    r"(?=[^.;]*\brespectively\b)",
    re.IGNORECASE,
)


#: a degree asked with no experience: "Master's degree and no experience" (0 years)
_NO_EXPERIENCE = re.compile(
    r"\s+(?:and|with|plus)\s+no\s+(?:(?:prior|previous|work|professional|relevant)\s+)?"
    r"experience\b",
    re.IGNORECASE,
)
#: the pieces of text after a clause: from a separator to a line break, a semicolon or a
#: sentence's end (not the dots of "M.S.")
_PIECE = re.compile(r"\s*(?:[.;](?=\s|$))?(?:[^\n;.]|\.(?=\S))*\n?")
#: an alternative going on: a piece ending with "or" ("... relevant experience; or",
#: "... experience OR,"), or the next opening with "or" or "alternatively"
_OR_END = re.compile(r"\b(?:or|OR)[\s,:;]*$")
_OR_START = re.compile(r"^[\s;.\u2022*-]*(?:or\b|alternatively\b)", re.IGNORECASE)
#: the bullet opening a piece
_BULLET = re.compile(r"^([.;]?\s*)[-\u2022*\u2013]\s+")
#: the most pieces an alternative goes on for
_PIECES = 4


def continued(text: str, clause: str) -> str | None:
    """``clause`` with the alternatives that follow it in ``text`` ("BS ... with ten (10)
    years of experience" with "; OR MS ... with eight (8) years of experience; OR PhD with
    five (5) years"; "... and 5 years of experience. Alternatively, employer will accept a
    Master's degree ... and 3 years"), or ``None`` when none follows (or ``clause`` is
    not found in ``text``)."""
    at = text.find(clause)
    if at < 0:
        return None
    out, pos = clause, at + len(clause)
    for _ in range(_PIECES):
        m = _PIECE.match(text, pos)
        if m is None or m.end() == pos:
            break
        piece = m.group()
        if not (_OR_END.search(out) or _OR_START.match(piece)):
            break
        piece = _BULLET.sub(r"\1", " ".join(piece.split()))  # "; or - Master's": "; or Master's"
        out, pos = f"{out} {piece}", m.end()
    return out if out != clause else None


@dataclass(frozen=True, slots=True)
class DegreeYears:
    """The years a clause asks by degree: ``years`` of the lowest degree it names (or of
    any, when a figure names none); ``by_degree`` the fewer years it asks of each higher
    degree level, lowest level first (``(("master", 3.0),)``)."""

    years: float
    by_degree: tuple[tuple[str, float], ...]


def _mentions(clause: str) -> list[_Mention]:
    """The degrees ``clause`` names (the one table of degree words of the posting reader),
    a dotted abbreviation with its full stop ("Ph.D.", "M.S.")."""
    out = []
    for start, end, level in degree_mentions(clause):
        if clause.startswith(".", end) and "." in clause[start:end]:
            end += 1
        out.append((start, end, level))
    return out


def _run_before(text: str, mentions: list[_Mention], lo: int, hi: int) -> list[str]:
    """The levels of the last degrees of ``text[lo:hi]`` that name one alternative ("BS or
    MS with ": bachelor and master; "OR Master of Science and ": master)."""
    found = [m for m in mentions if lo <= m[0] and m[1] <= hi]
    if not found:
        return []
    run = [found[-1]]
    for m in reversed(found[:-1]):
        if not _RUN_GAP.fullmatch(text, m[1], run[0][0]):
            break
        run.insert(0, m)
    return [level for *_, level in run]


def _run_after(text: str, mentions: list[_Mention], pos: int) -> tuple[list[str], int]:
    """The levels of the degrees naming one alternative from ``pos`` on, and their end."""
    starts = {m[0]: m for m in mentions}
    run: list[_Mention] = []
    at = pos
    while at in starts:
        m = starts[at]
        run.append(m)
        gap = _RUN_GAP.match(text, m[1])
        at = gap.end() if gap else m[1]
    return [level for *_, level in run], run[-1][1] if run else pos


def _lowest(levels: list[str]) -> str:
    return min(levels, key=DEGREE_LEVELS.index)


def degree_years(clause: str) -> DegreeYears | None:
    """The years ``clause`` asks by degree, or ``None`` when its figures of years are not
    alternatives that name degrees (one figure; "4 years relevant experience OR 6 years").

    Each figure of the alternatives takes the degree named right after it ("5 years (with
    M.S. degree)") or, else, the degrees of its alternative before it ("OR Master of
    Science and 3 years"; the lowest of "BS or MS with 5+ years"); a figure that names
    none ("Three (3) to five (5) years' experience") is asked of any degree. ``years`` is
    that figure, else the one of the lowest degree named; ``by_degree`` keeps each
    higher degree whose figure is fewer than the lower ones' ("PhD + 2 years or Masters
    plus 5 years": 5, ``(("phd", 2.0),)``).
    """
    clause = _NO_EXPERIENCE.sub(" 0 years of experience", clause)
    paired = _respectively(clause)
    if paired is not None:
        return _table(paired)
    chain = alternative_figures(clause)
    if len(chain) < 2:
        return None
    mentions = _mentions(clause)
    pairs: list[tuple[str | None, float]] = []
    start = 0
    for f in chain:
        level: str | None = None
        end = f.end()
        lead = _AFTER.match(clause, f.end())
        if lead is not None:
            after, stop = _run_after(clause, mentions, lead.end())
            if after:
                level = _lowest(after)
                close = _CLOSE.match(clause, stop) if "(" in lead.group() else None
                end = close.end() if close else stop
        if level is None:
            before = _run_before(clause, mentions, start, f.start())
            level = _lowest(before) if before else None
        pairs.append((level, figure_value(f)))
        start = end
    if all(level is None for level, _ in pairs):
        return None
    return _table(pairs)


def _respectively(clause: str) -> list[tuple[str | None, float]] | None:
    """The figures of "N/M years ..., respectively" paired in order with the degrees of the
    one alternative named before them ("Bachelors or Masters degree ... with 5+/3+ years of
    experience, respectively": bachelor 5, master 3), or ``None`` (no such figures, or not
    as many degrees as figures)."""
    m = _SLASHED.search(clause)
    if m is None:
        return None
    figures = [float(n) for n in re.findall(r"\d+", m.group("figures"))]
    levels = _run_before(clause, _mentions(clause), 0, m.start())
    if len(levels) != len(figures) or len(set(levels)) != len(levels):
        return None
    return list(zip(levels, figures, strict=True))


def _table(pairs: list[tuple[str | None, float]]) -> DegreeYears:
    """The :class:`DegreeYears` of figures paired with their degree (``None``: any)."""
    general = [v for level, v in pairs if level is None]
    named = sorted({level for level, _ in pairs if level is not None}, key=DEGREE_LEVELS.index)
    base = min(general) if general else min(v for level, v in pairs if level == named[0])
    above = named if general else named[1:]
    by_degree: list[tuple[str, float]] = []
    current = base
    for level in above:
        figure = min(v for lv, v in pairs if lv == level)
        if figure < current:
            by_degree.append((level, figure))
            current = figure
    return DegreeYears(base, tuple(by_degree))


def degree_table(
    instead: str | None, found: DegreeYears | None
) -> tuple[str | None, tuple[tuple[str, float], ...]]:
    """The degree that meets the years alone and the years asked by degree, from the degree
    a clause accepts in place of all its years (``instead``: "or a PhD", 0 years with it)
    and its :func:`degree_years`: ``("phd", (("phd", 0.0),))`` for "3+ years, or a PhD";
    ``("master", (("master", 0.0),))`` for "BS with 2+ years, or MS with 0-3 years"."""
    table = found.by_degree if found is not None else ()
    if instead is not None and all(level != instead for level, _ in table):
        table = tuple(sorted([*table, (instead, 0.0)], key=lambda p: DEGREE_LEVELS.index(p[0])))
    if instead is None:
        instead = next((level for level, figure in table if figure <= 0), None)
    return instead, table
