"""Degree patterns: the highest degree a text names, and the degrees a posting asks for.

* :func:`degree_level`: the highest degree level a line names (``Ph.D.``, ``M.Sc.``, ``Master
  of Science in ...``, ``B.S. in ...``, ``Bachelor's``, ``high school diploma``...).
* :func:`find_education`: the highest degree of a text and its field (a known field of study
  on the same line, else the words after ``in``/``of``), with the line it was read from.
* :func:`degree_requirements`: the lowest degree a posting requires and a higher one it
  prefers.

A resume's degrees, each with field, institution and year, are read by
:mod:`jobmatch.scoring.education`, which uses these patterns. Only the standard library.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..models import Education
from .first_letter import by_first_letter

__all__ = [
    "ANY_DEGREE_PATTERN",
    "PROFESSIONAL_DOCTORATE_PATTERN",
    "KNOWN_FIELDS",
    "degree_level",
    "doctorate_name",
    "find_education",
    "degree_requirements",
]

#: the professional doctorates named unambiguously, lower case (postings read them too)
PROFESSIONAL_DOCTORATE_PATTERN = (
    r"\bj\.\s?d\.|\bjuris\s+doctor(?:ate)?\b|\bm\.\s?d\.(?!\s*anderson)|\bd\.\s?o\.(?=\s*[:(,]|\s+in\b)"
    r"|\bpharm\.?\s?d\b\.?|\bd\.d\.s\.|\bd\.m\.d\.|\bd\.v\.m\.|\bd\.n\.p\.|\bpsy\.?\s?d\b\.?"
    r"|\bdoctor\s+of\s+(?:medicine|osteopathic\s+medicine|osteopathy|pharmacy|dental\s+surgery"
    r"|dental\s+medicine|veterinary\s+medicine|nursing\s+practice|physical\s+therapy"
    r"|psychology|jurisprudence|optometry|audiology|chiropractic)\b"
)

# the first words of the fields a bare "BS", "MS", "BA" or "MA" names as a degree ("MS
# Computer Science", "BA, Economics"): the abbreviations are also states ("Jackson, MS",
# "Boston, MA": never after a comma), products ("MS Office") and titles, so they count
# before a field only (or ":", "in", "of" as above)
_FIELD_START = (
    r"(?:computer|computing|mathematics|math|applied|statistics|physics|economics|electrical"
    r"|mechanical|chemical|civil|aerospace|biomedical|industrial|data|information|software"
    r"|engineering|biology|chemistry|biochemistry|neuroscience|cognitive|psychology|finance"
    r"|accounting|business|management|marketing|operations|political|international"
    r"|english|history|philosophy|linguistics|sociology|nursing|public|health|education"
    r"|communications?|journalism|architecture|artificial|machine|robotics|electronics)\b"
)
_LEVEL_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        "phd",
        r"\bph\.?\s?d\b\.?|\bd\.?\s?phil\b|\bdoctor of (?:philosophy|education)\b"
        r"|(?<!juris )\bdoctorate\b|\bdoctoral degree\b|\bed\.\s?d\b\.?|\bedd\b",
    ),
    (
        # the professional (practice) doctorates: law, medicine, pharmacy, dentistry...
        # The bare abbreviations count before ":", "in" or "degree" only (also ","
        # but for MD, a state: "Baltimore, MD, USA"); "DO" only as "D.O."
        "professional_doctorate",
        PROFESSIONAL_DOCTORATE_PATTERN
        + r"|\b(?:jd|dds|dmd|dvm|dnp|dpt)\b(?=\s*[:,]|\s+(?:in|degree)\b)"
        r"|\bmd\b(?=\s*:|\s+(?:in|degree)\b)",
    ),
    (
        "master",
        r"\bm\.\s?sc?\b\.?|\bmsc\b|\bm\.?\s?eng\b|\bm\.?\s?tech\b|\bmba\b|\bm\.s\.|\bms\s+(?:in|of)\b"
        r"|\bm\.\s?b\.\s?a\b\.?"
        r"|\bms(?=\s*(?:/|or|and)\s*ph\.?\s?d)"
        r"|\bm\.a\.|\bmaster'?s?\s+(?:of|in|degree)\b|\bmasters?\b(?=.{0,40}\b(?:science|arts|engineering)\b)"
        r"|\bmaster\u2019s\b|\bmaster's\b"
        # abbreviations that are also words, states or products ("MS Office", "Boston, MA",
        # "MFA" the login) count before ":", "in", "of" or "(" only
        r"|\b(?:ms|ma)(?=\s*:|\s+(?:in|of)\b)"
        r"|(?<!,)(?<!, )\b(?:ms|ma)(?=,?\s+" + _FIELD_START + ")"
        r"|\b(?:mfa|mph|mpa|msn|m\.f\.a|m\.p\.h|m\.p\.a|m\.s\.n)\b\.?(?=\s*[:(]|\s+(?:in|of)\b)"
        r"|\bmsw\b|\bm\.s\.w\b\.?|\bm\.\s?ed\b\.?",
    ),
    (
        "bachelor",
        r"\bb\.\s?sc?\b\.?|\bbsc\b|\bb\.?\s?eng\b|\bb\.?\s?tech\b|\bb\.s\.|\bbs\s+(?:in|of)\b"
        # "B.A." but inside "M.B.A." (a master's)
        r"|(?<!m\.)\bb\.a\.|\bba\s+(?:in|of)\b|\bbachelor'?s?\b|\bbachelor\u2019s\b"
        r"|\bundergraduate degree\b|\bb\.\s?e\b\.?|\bbsn\b|\bb\.s\.n\b\.?"
        r"|\b(?:ba|bs)(?=\s*:)|(?<!,)(?<!, )\b(?:ba|bs)(?=,?\s+" + _FIELD_START + r")"
        r"|\bbba\b|\bb\.b\.a\b\.?|\bbfa\b|\bb\.f\.a\b\.?|\bbsw\b"
        r"|\bb\.\s?com\b\.?|\bbcom\b|\bll\.?\s?b\b\.?",
    ),
    (
        "associate",
        # "Certified Associate in Project Management" (CAPM) is a certification
        r"(?<!certified )\bassociate'?s?\s+(?:degree|of|in)\b|\ba\.a\.s?\.|\bassociate of applied\b"
        r"|\basn\b|\badn\b|\ba\.\s?s\.?(?=\s*[:(,]|\s+in\b)",
    ),
    ("high_school", r"\bhigh school\b|\bg\.?e\.?d\.?\b(?=\s|$)|\bsecondary school\b"),
)
# each level's forms by first letter too (the same matches, faster: see below)
_LEVEL_RES = tuple(
    (lvl, re.compile(by_first_letter([p]), re.IGNORECASE)) for lvl, p in _LEVEL_PATTERNS
)
#: each level's forms on lower-cased ASCII text (no IGNORECASE: the same test, sooner)
_LEVEL_RES_LOWER = tuple((lvl, re.compile(rx.pattern)) for lvl, rx in _LEVEL_RES)
#: the union of the level patterns, one branch per letter a degree form starts with
#: (:func:`~jobmatch.scoring.first_letter.by_first_letter`): the same matches as the plain
#: union, but ``re`` skips the characters no form starts with and tries at each letter only
#: its forms. A posting's text is searched with it for every batch record: a plain union of
#: the ~80 alternatives tried at every character was a quarter of a record's time
_ANY_DEGREE = re.compile(by_first_letter(p for _, p in _LEVEL_PATTERNS), re.IGNORECASE)
_ANY_DEGREE_LOWER = re.compile(_ANY_DEGREE.pattern)
#: the union of the level patterns, lower case: a line :func:`degree_level` gives a level
#: holds a match of it (compiled with ``IGNORECASE``, or without on lower-cased ASCII text)
ANY_DEGREE_PATTERN = _ANY_DEGREE.pattern
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


def degree_level(line: str) -> str | None:
    """The highest degree level named in ``line``, or ``None``."""
    # most lines name no degree: one scan of the union first. On ASCII text, lower() then a
    # case-sensitive match is the same test as IGNORECASE and about three times as fast
    # (the levels' patterns too: a line naming a degree is asked up to six of them)
    if line.isascii():
        text = line.lower()
        if _ANY_DEGREE_LOWER.search(text) is None:
            return None
        levels = _LEVEL_RES_LOWER
    else:
        text = line
        if _ANY_DEGREE.search(text) is None:
            return None
        levels = _LEVEL_RES
    for lvl, rx in levels:  # highest first
        if rx.search(text):
            return lvl
    return None


# the research doctorates by name: a PhD ("Doctor of Philosophy") is what the level's label
# says; the others are named ("EdD", "DPhil"), a doctorate that names none is "doctorate"
_DOCTORATE_NAMES = re.compile(
    r"(?P<phd>\bph\.?\s?d\b|\bdoctor of philosophy\b)"
    r"|(?P<edd>\bed\.\s?d\b|\bedd\b|\bdoctor of education\b)"
    r"|(?P<dphil>\bd\.?\s?phil\b)"
    r"|(?P<doctorate>\bdoctorate\b|\bdoctoral degree\b)",
    re.IGNORECASE,
)
_DOCTORATE_LABELS = {"phd": None, "edd": "EdD", "dphil": "DPhil", "doctorate": "doctorate"}


def doctorate_name(line: str) -> str | None:
    """The name of the research doctorate ``line`` names first when it is no PhD: ``"EdD"``
    (Ed.D., Doctor of Education), ``"DPhil"``, or ``"doctorate"`` (a doctorate or doctoral
    degree that names no kind); ``None`` for a PhD or no doctorate.

    The ``phd`` level counts them all (an EdD meets a required PhD); a report names what
    the resume says.
    """
    m = _DOCTORATE_NAMES.search(line)
    return _DOCTORATE_LABELS[m.lastgroup] if m is not None and m.lastgroup else None


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
    name = doctorate_name(best[2]) if best[1] == "phd" else None
    held = (best[3],) if best[3] else ()
    return Education(level=best[1], field=best[3], evidence=best[2], name=name, fields_held=held)


_TITLE_STRIP = " \t,;:|\u2013\u2014-\u2022*()[]"
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
