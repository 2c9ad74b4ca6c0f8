"""Facts read from a resume's text: education, dated roles, years of experience, career level.

Rules, in short (README "Scoring"):

* **Education**: every degree mention (``Ph.D.``, ``M.Sc.``, ``Master of Science in ...``,
  ``B.S. in ...``, ``Bachelor's``, ``high school diploma``...) is found; the highest level
  wins. The field is a known field of study on the same line, else the words after
  ``in``/``of`` up to punctuation, a date or ``from``/``at``.
* **Dated roles**: a date range (``Jan 2019 – Present``, ``2015-2018``, ``03/2020 - 05/2021``)
  on a line that is not about a degree. The role's title is the rest of that line, or the
  previous non-empty line when the date stands alone. Years = the union of the role
  intervals (overlaps merged), in months / 12. An open range ends at ``as_of``.
* **Career level** on a profile's ladder: from the most recent role's title; a title naming
  an entry level (a ladder level with ``min_years == 0``: intern, junior) wins, otherwise the
  highest matching level. Without a title signal, the highest level whose ``min_years`` the
  years reach.

Only the standard library; pure functions over text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..extract.sections import classify_heading
from ..models import Education, Role

__all__ = [
    "DatedRole",
    "find_education",
    "degree_requirements",
    "find_roles",
    "years_of_experience",
    "career_level",
]

_LEVEL_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        "phd",
        r"\bph\.?\s?d\b\.?|\bd\.?\s?phil\b|\bdoctor of philosophy\b|\bdoctorate\b"
        r"|\bdoctoral degree\b",
    ),
    (
        "master",
        r"\bm\.\s?sc?\b\.?|\bmsc\b|\bm\.?\s?eng\b|\bm\.?\s?tech\b|\bmba\b|\bm\.s\.|\bms\s+(?:in|of)\b"
        r"|\bms(?=\s*(?:/|or|and)\s*ph\.?\s?d)"
        r"|\bm\.a\.|\bmaster'?s?\s+(?:of|in|degree)\b|\bmasters?\b(?=.{0,40}\b(?:science|arts|engineering)\b)"
        r"|\bmaster\u2019s\b|\bmaster's\b",
    ),
    (
        "bachelor",
        r"\bb\.\s?sc?\b\.?|\bbsc\b|\bb\.?\s?eng\b|\bb\.?\s?tech\b|\bb\.s\.|\bbs\s+(?:in|of)\b"
        r"|\bb\.a\.|\bba\s+(?:in|of)\b|\bbachelor'?s?\b|\bbachelor\u2019s\b"
        r"|\bundergraduate degree\b|\bb\.\s?e\b\.?|\bbsn\b|\bb\.s\.n\b\.?",
    ),
    (
        "associate",
        r"\bassociate'?s?\s+(?:degree|of|in)\b|\ba\.a\.s?\.|\bassociate of applied\b"
        r"|\basn\b|\badn\b|\ba\.\s?s\.?(?=\s*[:(,]|\s+in\b)",
    ),
    ("high_school", r"\bhigh school\b|\bg\.?e\.?d\.?\b(?=\s|$)|\bsecondary school\b"),
)
_LEVEL_RES = tuple((lvl, re.compile(p, re.IGNORECASE)) for lvl, p in _LEVEL_PATTERNS)
_ANY_DEGREE = re.compile("|".join(f"(?:{p})" for _, p in _LEVEL_PATTERNS), re.IGNORECASE)
_ANY_DEGREE_LOWER = re.compile(_ANY_DEGREE.pattern)
_YEAR = re.compile(r"(?:19|20)\d\d")
#: degree levels, lowest first
DEGREE_ORDER = tuple(lvl for lvl, _ in reversed(_LEVEL_PATTERNS))
_ORDER = {lvl: i for i, (lvl, _) in enumerate(reversed(_LEVEL_PATTERNS))}

KNOWN_FIELDS = (
    "computer science",
    "computer engineering",
    "data science",
    "electrical engineering",
    "software engineering",
    "machine learning",
    "artificial intelligence",
    "applied mathematics",
    "mathematics",
    "statistics",
    "physics",
    "information technology",
    "information systems",
    "mechanical engineering",
    "chemical engineering",
    "civil engineering",
    "engineering",
    "economics",
    "finance",
    "accounting",
    "business administration",
    "nursing",
    "biology",
    "chemistry",
    "psychology",
    "marketing",
    "culinary arts",
)
_FIELD_RE = re.compile(
    r"\b(" + "|".join(re.escape(f) for f in KNOWN_FIELDS) + r")\b", re.IGNORECASE
)
_FIELD_AFTER = re.compile(
    r"\b(?:in|of)\s+([A-Z][A-Za-z&/.\- ]{2,60}?)"
    r"(?=\s*(?:[,;:|(\u2013\u2014]|\s-\s|\bfrom\b|\bat\b|\d|$))"
)

# "Bachelor of Arts", "Master of Science": the "of ..." names the degree, not the field
_DEGREE_NAME = re.compile(
    r"\b(?:bachelor|master|doctor)(?:'?s)?\s+of\s+(?:science|arts|philosophy|engineering)\b",
    re.IGNORECASE,
)
_INSTITUTION = re.compile(r"\b(?:university|college|institute|school|academy)\b", re.IGNORECASE)
_FIELD_TAIL = re.compile(r"[:,\u2013\u2014]\s*([A-Z][A-Za-z&/ ]{2,40}?)\s*$")
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = rf"(?:(?P<{{m}}>{_MONTH})\s+|(?P<{{n}}>0?[1-9]|1[0-2])\s*[/.]\s*)?(?P<{{y}}>(?:19|20)\d\d)"
_RANGE_RE = re.compile(
    _DATE.format(m="m1", n="n1", y="y1")
    + r"\s*(?:-|\u2013|\u2014|to|until|till)\s*(?:"
    + _DATE.format(m="m2", n="n2", y="y2")
    + r"|(?P<open>present|current(?:ly)?|now|today|date|ongoing))",
    re.IGNORECASE,
)
_DANGLING = re.compile(r"(?:19|20)\d\d\s*(?:-|\u2013|\u2014|to)$", re.IGNORECASE)
_DATEISH = re.compile(
    rf"^(?:{_MONTH}|present|current(?:ly)?|now|today|\d+|[\s/.,\u2013\u2014-])+$", re.IGNORECASE
)
_EDU_LINE = re.compile(
    r"\b(?:university|college|school|institute|academy|thesis|gpa)\b", re.IGNORECASE
)
_TITLE_STRIP = " \t,;:|\u2013\u2014-\u2022*()[]"


@dataclass(frozen=True, slots=True)
class DatedRole:
    title: str
    start: tuple[int, int]
    end: tuple[int, int]
    open_ended: bool

    @property
    def months(self) -> int:
        return max(0, (self.end[0] - self.start[0]) * 12 + self.end[1] - self.start[1] + 1)

    def to_role(self) -> Role:
        return Role(
            title=self.title,
            start=f"{self.start[0]:04d}-{self.start[1]:02d}",
            end="present" if self.open_ended else f"{self.end[0]:04d}-{self.end[1]:02d}",
            years=round(self.months / 12, 1),
        )


def degree_level(line: str) -> str | None:
    """The highest degree level named in ``line``, or ``None``."""
    for lvl, rx in _LEVEL_RES:  # highest first
        if rx.search(line):
            return lvl
    return None


def find_education(text: str) -> Education:
    """The highest degree in ``text``, with its field and the line it was read from."""
    best: tuple[int, str, str, str | None] | None = None
    seen: set[int] = set()
    # one scan; only lines with a degree are looked at. Matching the lower-cased text without
    # IGNORECASE is twice as fast (when lower() keeps the offsets, as it nearly always does)
    low = text.lower()
    scan = _ANY_DEGREE_LOWER.finditer(low) if len(low) == len(text) else _ANY_DEGREE.finditer(text)
    for m in scan:
        a = text.rfind("\n", 0, m.start()) + 1
        if a in seen:
            continue
        seen.add(a)
        b = text.find("\n", m.start())
        b = len(text) if b == -1 else b
        line = text[a:b]
        lvl = degree_level(line)
        if lvl is None:
            continue
        # the highest level wins; at the same level a line that starts with the degree beats
        # a sentence that merely mentions it ("... I hold a PhD in")
        rank = _ORDER[lvl] * 2 + (degree_level(line.strip()[:30]) is not None)
        if best is not None and rank <= best[0]:
            continue
        nxt = text.find("\n", b + 1)
        field = _field(line) or _field(text[b + 1 : len(text) if nxt == -1 else nxt])
        best = (rank, lvl, " ".join(line.split())[:160], field)
    if best is None:
        return Education(level=None)
    return Education(level=best[1], field=best[3], evidence=best[2])


_PREFER = re.compile(r"\bprefer|\bplus\b|\bbonus\b|\bideal|\bnice to have\b|\bdesir", re.I)


def degree_requirements(
    text: str, sections: Sequence[tuple[int, int, str]] = ()
) -> tuple[str | None, str | None]:
    """``(required level, preferred level)`` asked for by a posting.

    The required level is the lowest degree named outside a ``preferred`` section; a higher
    degree named in a ``preferred`` section, or on a line that says it is preferred
    ("Bachelor's required, Master's preferred"), is the preferred level.
    """
    required: list[str] = []
    preferred: list[str] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        start, offset = offset, offset + len(line)
        if _ANY_DEGREE.search(line) is None:
            continue
        levels = [lvl for lvl, rx in _LEVEL_RES if rx.search(line)]  # highest first
        in_preferred = any(a <= start < b and name == "preferred" for a, b, name in sections)
        if in_preferred:
            preferred.extend(levels)
        elif len(levels) > 1 and _PREFER.search(line):
            required.append(levels[-1])
            preferred.append(levels[0])
        else:
            required.append(levels[-1])
    need = min(required, key=DEGREE_ORDER.index) if required else None
    nice = max(preferred, key=DEGREE_ORDER.index) if preferred else None
    if (
        nice is not None
        and need is not None
        and DEGREE_ORDER.index(nice) <= DEGREE_ORDER.index(need)
    ):
        nice = None
    return need, nice


def _field(line: str) -> str | None:
    m = _FIELD_RE.search(line)
    if m:
        return m.group(1).lower()
    # only the text before the institution ("... University of New Hampshire" is no field)
    head = _DEGREE_NAME.sub(" ", _INSTITUTION.split(line, maxsplit=1)[0])
    m2 = _FIELD_AFTER.search(head)
    if m2 is None:
        # "Master of Science : Analytics", "MSc, Robotics": the words after a separator
        m2 = _FIELD_TAIL.search(head)
    if m2 and degree_level(m2.group(1)) is None:
        value = m2.group(1).strip(_TITLE_STRIP + ".").lower()
        return value or None
    return None


def _ym(m: re.Match[str], k: str, default_month: int) -> tuple[int, int]:
    year = int(m.group(f"y{k}"))
    month = default_month
    if m.group(f"m{k}"):
        month = _MONTHS[m.group(f"m{k}")[:3].lower()]
    elif m.group(f"n{k}"):
        month = int(m.group(f"n{k}"))
    return year, month


def find_roles(
    text: str,
    *,
    as_of: date | None = None,
    skip: Sequence[tuple[int, int]] = (),
) -> list[DatedRole]:
    """Dated roles in ``text``, in order of appearance.

    ``skip`` holds character ranges to ignore (e.g. the education and publications sections).
    Ranges on degree or school lines are ignored too. A year-only start counts from January,
    a year-only end to December.
    """
    today = as_of or date.today()
    roles: list[DatedRole] = []
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    joined: set[int] = set()
    for i, line in enumerate(lines):
        if i in joined:
            continue
        stripped = line.strip()
        if _DANGLING.search(stripped) and i + 1 < len(lines):
            # a range broken over two lines ("June 2020 –" / "Present"): read them as one
            line = stripped + " " + lines[i + 1]
            joined.add(i + 1)
        # cheap prefilter: most lines hold no year at all
        m = _RANGE_RE.search(line) if stripped and _YEAR.search(line) else None
        if m is None or any(a <= offsets[i] < b for a, b in skip):
            continue
        if degree_level(line) or _EDU_LINE.search(line):
            continue
        start = _ym(m, "1", 1)
        if m.group("open"):
            end, open_ended = (today.year, today.month), True
        else:
            end, open_ended = _ym(m, "2", 12), False
        if end < start or start > (today.year, today.month):
            continue
        title = (line[: m.start()] + " " + line[m.end() :]).strip(_TITLE_STRIP + "\n")
        title = " ".join(title.split()).strip(_TITLE_STRIP)
        if not _looks_like_title(title):
            title = _neighbour_title(lines, i)
        roles.append(DatedRole(title=title[:120], start=start, end=end, open_ended=open_ended))
    return roles


def _looks_like_title(line: str) -> bool:
    """A short line with letters, not a sentence, a bullet or a section heading."""
    s = line.strip()
    if len(re.findall(r"[A-Za-z]", s)) < 3 or len(s.split()) > 12 or s.endswith("."):
        return False
    if _DATEISH.match(s):  # "Present", "May 2020": the other half of a date range
        return False
    return s[0] not in "-*\u2022\u25cf\u25aa" and classify_heading(s) is None


def _neighbour_title(lines: Sequence[str], i: int) -> str:
    """The title of a date standing alone: the nearest non-empty line above, else below."""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and not lines[j].strip():
            j += step
        if 0 <= j < len(lines):
            cand = " ".join(lines[j].split()).strip(_TITLE_STRIP)
            if _looks_like_title(cand) and not _RANGE_RE.search(cand):
                return cand
    return ""


def years_of_experience(roles: Sequence[DatedRole]) -> float | None:
    """Years covered by ``roles``, overlapping intervals merged; ``None`` without roles."""
    if not roles:
        return None
    spans = sorted((r.start[0] * 12 + r.start[1] - 1, r.end[0] * 12 + r.end[1]) for r in roles)
    total = 0
    cur_a, cur_b = spans[0]
    for a, b in spans[1:]:
        if a <= cur_b:
            cur_b = max(cur_b, b)
        else:
            total += cur_b - cur_a
            cur_a, cur_b = a, b
    total += cur_b - cur_a
    return round(total / 12, 1)


def _title_matches(title: str, signal: str) -> bool:
    return re.search(rf"(?<![a-z]){re.escape(signal.lower())}(?![a-z])", title.lower()) is not None


def career_level(
    roles: Sequence[DatedRole],
    years: float | None,
    ladder: Sequence[tuple[str, Sequence[str], float]],
) -> tuple[str | None, str | None]:
    """``(level id, "title" | "years")`` on ``ladder`` ``[(id, titles, min_years)]``, low first."""
    if roles:
        latest = max(roles, key=lambda r: (r.end, r.start))
        hits = [
            i
            for i, (_, titles, _) in enumerate(ladder)
            if any(_title_matches(latest.title, t) for t in titles)
        ]
        if hits:
            entry = [i for i in hits if ladder[i][2] == 0.0]
            return ladder[entry[0] if entry else hits[-1]][0], "title"
    if years is not None:
        reached = [lid for lid, _, min_years in ladder if years >= min_years]
        if reached:
            return reached[-1], "years"
    return None, None
