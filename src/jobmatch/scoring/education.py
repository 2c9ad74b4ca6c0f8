"""The degrees of a resume: level, field of study, institution and year of each.

A degree line is a line that names a degree within its first 40 characters (so a summary's
"I hold a PhD in ..." is none). The field is the text after the degree's name (``in``, ``of``,
``:``, ``,``) up to a separator, a date, an institution word or an acronym; when the degree
line has none, the line below (or above) may give it ("PhD" / "Princeton University, Computer
Science"). A high-school diploma has no field.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache
from typing import overload

from ..extract.sections import classify_heading
from ..models import EducationEntry
from .dates import find_ranges
from .education_layout import date_only, entry_lines, in_progress, read_layout
from .education_names import (
    DEGREE_FORM,
    FIELD_WORDS,
    HIGH_SCHOOL_NAME,
    INSTITUTION_WORD,
    JOINERS,
    NAME_TAIL,
    SCHOOL_MODIFIERS,
    institution_span,
    institution_word,
    mend_spaced,
    school_name,
)
from .first_letter import alternatives
from .resume_facts import ANY_DEGREE_PATTERN, KNOWN_FIELDS, degree_level, doctorate_name

__all__ = [
    "LEVEL_ORDER",
    "degree_line",
    "degree_line_candidates",
    "institution_span",
    "read_education",
]

#: every education level, lowest first
LEVEL_ORDER = (
    "other",
    "certificate",
    "high_school",
    "associate",
    "bachelor",
    "master",
    "professional_doctorate",
    "phd",
)

#: matches where ``DEGREE_FORM.search`` would find a degree form starting at 40 or before
_DEGREE_NEAR_START = re.compile(r"(?s).{0,40}?(?:" + DEGREE_FORM.pattern + ")", re.IGNORECASE)
# LiveCareer's school-first entry: "FIDM/Fashion Institute Of Design & Merchandising City ,
# State 2013 Bachelor's : Fashion Design": a degree form after the year, before its " : "
_DEGREE_AFTER_YEAR = re.compile(
    r"(?s)^.{0,100}?\b(?:19|20)\d\d\s+(?:" + DEGREE_FORM.pattern + r")[^:\d]{0,30}?\s?:",
    re.IGNORECASE,
)
_MBA = re.compile(r"\bmba\b|\bmaster'?s? of business administration\b", re.IGNORECASE)
_FIELD = re.compile(
    r"^(?:in|of|:|,|-|–)?\s*(?:in\s+|of\s+)?([A-Za-z][A-Za-z&/ .'-]*?)"
    r"(?=\s*(?:[,;:|(\u2013\u2014]|\s-\s|-\s|\bfrom\b|\bat\b|(?i:\bgpa\b)|\d|ï¼|\ufffd|$"
    r"|(?i:\b(?:university|college|institute|school|academy|polytechnic)\b)|\b[A-Z]{2,}\b"
    # a status ends the field like a separator ("Master of Social Work Clinical In Progress
    # I was a student-athlete ...": the sentence after it is no part of the field)
    r"|(?i:\b(?:in progress|expected|anticipated)\b)))",
)
#: a known field of study (its words whole), compiled once: the pattern string was built
#: again (an escape per field) for each line asked
_KNOWN_FIELD = re.compile(
    r"\b(" + "|".join(re.escape(k) for k in KNOWN_FIELDS) + r")\b", re.IGNORECASE
)
_TRAILING_JOINER = re.compile(r"\s+(?:and|in|of|&)$", re.IGNORECASE)
_CERTIFICATE = re.compile(r"^(?:graduate |professional )?(?:certificate|diploma)\b", re.I)
# a certificate named after its trade ("Welding Certificate", "Aircraft Coating Technician
# Certificate") on a line of an education section
_NAMED_CERTIFICATE = re.compile(r"\b[A-Z][a-z]+\s+(?:Certificate|Diploma)\b(?!\s+(?:in|of)\b)")
# a line of the resume sites' form "Label : Field , 2016 School" holds an entry of its own
# ("Course : Machine learning , 2016 Coursera"): it is no line of the degree beside it
_DATED_ENTRY = re.compile(r"^[A-Z][\w.'’ ]{0,30}\s:\s[^,]+,\s*(?:19|20)\d\d\b")
# the same form with a two-digit year ("B.E : Electrical Engineering , 87 Devi Ahilya
# University"): the degree's year, in the century that puts it before the as-of day
_SHORT_YEAR = re.compile(r"^[^:]{1,40}\s:\s[^,]+,\s*(\d\d)(?=\s|$)")
# a certificate's or diploma's word alone on its line: the kind of the entry below it, which
# names the school, field and year ("Diploma" / "May 2004" / "HS : General Studies ...")
_BARE_CERTIFICATE = re.compile(r"(?:certificate|diploma)s?\s*:?", re.IGNORECASE)
# a certificate's field after its name and a colon or comma ("Certificate : Office
# Business", "Certificate, Negotiation and Conflict Resolution")
_CERTIFICATE_FIELD = re.compile(r"\b(?:certificate|diploma)\s?[:,]\s*", re.IGNORECASE)
_OF_FIELD = re.compile(r"\s*(?:'s|’s)?\s*(?:degree\s*)?(?:of|in)\s+", re.IGNORECASE)
_SEPARATED = re.compile(r"(?:in|of)\b|[:,\-–]", re.IGNORECASE)
_HONOURS = re.compile(
    r"(?:(?:summa|magna)\s+)?cum\s+laude\b|with\s+(?:high\s+)?(?:honou?rs|distinction)\b"
    r"|honou?rs$|distinction$",
    re.IGNORECASE,
)
# degree forms the shared patterns leave out (they also read postings): "Masters : Education",
# "AOS : Culinary Arts", "Associates : Liberal Arts", "S.E : Accounting" (Sarjana Ekonomi,
# an Indonesian bachelor)
_EXTRA_LEVELS = (
    ("master", re.compile(r"\bmasters?\s*[:,]", re.IGNORECASE)),
    (
        "associate",
        # "Associate : Nursing", "... College 1996 Associates : Liberal Arts" (LiveCareer):
        # at a line's start or after a year, not "Sales Associate : ..."
        re.compile(
            r"\b(?:aos|aas|a\.o\.s\.?|a\.a\.s\.?)\b|(?-i:\bAS) ?:"
            r"|(?:^|(?<=\d\s))(?-i:Associates?) ?:",
            re.IGNORECASE,
        ),
    ),
    ("bachelor", re.compile(r"^s\.\s?e\b\.?\s*:", re.IGNORECASE)),
)


#: the words (lower case) the first two extra forms cannot match without; the third is
#: anchored at a line's start, after "s."
_MASTER_WORDS = ("master",)
_ASSOCIATE_WORDS = ("aos", "aas", "a.o.s", "a.a.s", "as:", "as :", "associate")
_EXTRA_WORDS = _MASTER_WORDS + _ASSOCIATE_WORDS


def _extra_levels(line: str) -> list[str]:
    """The levels of the extra forms in ``line``, in the order of :data:`_EXTRA_LEVELS`."""
    if not line.isascii():
        return [lvl for lvl, rx in _EXTRA_LEVELS if rx.search(line)]
    # on an ASCII line (where IGNORECASE is lower-casing) a form cannot match without its
    # word, and the third is anchored at the start: most lines skip the three searches
    low = line.lower()
    (master, master_rx), (assoc, assoc_rx), (bachelor, bachelor_rx) = _EXTRA_LEVELS
    found = []
    if any(w in low for w in _MASTER_WORDS) and master_rx.search(line):
        found.append(master)
    if any(w in low for w in _ASSOCIATE_WORDS) and assoc_rx.search(line):
        found.append(assoc)
    if low.startswith("s.") and bachelor_rx.search(line):
        found.append(bachelor)
    return found


# a letter's head in by_first_letter's union ("|p(?<!\wp)"), and the same in the extra
# forms below: its lookbehind only
_AFTER_NON_WORD = re.compile(r"(?<=[|(:][a-z])\(\?<!\\w[a-z]\)")
# the extra forms on a lower-cased line, their case-sensitive parts made case-blind (so a
# line an extra form matches has a match of these): each starts at a word's first letter
_EXTRA_LOWER = (
    r"m(?<!\wm)(?:asters?\s*[:,])",
    r"a(?<!\wa)(?:os\b|as\b|\.o\.s\b|\.a\.s\b|s ?:|ssociates? ?:)",
    r"s(?<!\ws)(?:\.\s?e\b\.?\s*:)",
)
#: the letters the level patterns' and the extra forms' alternatives start with (each one
#: a lower-case letter, as :func:`~jobmatch.scoring.first_letter.by_first_letter` writes them)
_DEGREE_LETTERS = "".join(
    sorted({a[:1] for a in alternatives("|".join([ANY_DEGREE_PATTERN, *_EXTRA_LOWER]))})
)
if not re.fullmatch("[a-z]+", _DEGREE_LETTERS):  # pragma: no cover - a pattern's mistake
    raise ValueError(f"a degree form does not start with a letter: {_DEGREE_LETTERS!r}")
#: the union of the level patterns and of the extra forms, led by the character before its
#: match (searched in "\n" + the lower-cased text, so a match at index k of that string is
#: one of the text at k): every form starts with a letter after no word character, and
#: ``re`` enters the pattern only after a non-word character (about a fifth of a text's
#: characters) instead of at each letter a form starts with (half of them). The leading
#: ``\W`` is ASCII's (a table look-up where Unicode's asks four character properties, at
#: each character the search skips), then held to Unicode's by ``(?<!\w)``; the forms are
#: read with Unicode's classes. Each letter's own ``(?<!\wX)`` (``\b`` before its forms,
#: :func:`~jobmatch.scoring.first_letter.by_first_letter`) always holds after ``\W``: dropped.
#: A lookahead of the letters the forms start with comes first: a class look-up turns away
#: most non-word characters (a space before "the", "and", a digit...) before ``re`` walks
#: the letters' branches (:data:`_DEGREE_LETTERS`)
_MAYBE_DEGREE_AFTER = re.compile(
    _AFTER_NON_WORD.sub(
        "",
        rf"\W(?=[{_DEGREE_LETTERS}])(?u:(?<!\w)(?:"
        + "|".join([ANY_DEGREE_PATTERN, *_EXTRA_LOWER])
        + "))",
    ),
    re.ASCII,
)


@lru_cache(maxsize=1)
def _maybe_degree() -> re.Pattern[str]:
    """The case-blind union of the level patterns and of the extra forms (a line
    :func:`degree_line` gives a level has a match of one; the anchored third extra form at a
    line's start: ``MULTILINE``). Compiled on first use: only a text whose ``lower()`` moves
    offsets or holds a dotless i or a long s needs it (~4 ms to compile, which every other
    start-up would pay for nothing)."""
    return re.compile(
        "|".join([ANY_DEGREE_PATTERN, *(rx.pattern for _, rx in _EXTRA_LEVELS)]),
        re.IGNORECASE | re.MULTILINE,
    )


def degree_line_candidates(lines: Sequence[str]) -> list[int]:
    """The indices of the lines :func:`degree_line` may give a level, in order: every line
    it gives one is among them (most lines of a posting are not).

    One scan of the joined text instead of a test per line; a search resumes at the line
    after the one its match starts in. A match within a line alone is also a match of the
    joined text at the same place (``\\b`` beside a line break is a boundary, as at the
    ends of a line alone; ``\\s*`` may only reach further), so no search can pass over a
    line that has one.

    Args:
        lines: the lines of a text (none holding ``"\\n"``).

    Returns:
        Line indices, ascending.
    """
    text = "\n".join(lines)
    low = text.lower()
    if len(low) != len(text) or "\u0131" in low or "\u017f" in low:
        # lower() moved offsets, or the text has a letter IGNORECASE takes for an ASCII one
        # that lower() keeps (dotless i, long s): the case-blind patterns
        return _lines_of(_maybe_degree(), text)
    # else a case-blind match is a match of the lower-cased text (and that search is
    # faster); the extra forms' case-sensitive parts are taken case-blind (more lines, none
    # fewer)
    return _lines_of(_MAYBE_DEGREE_AFTER, low, lead=True)


def _lines_of(rx: re.Pattern[str], text: str, *, lead: bool = False) -> list[int]:
    """The indices of the lines of ``text`` where ``rx`` has a match starting; ``lead``:
    ``rx`` is searched in ``"\\n" + text`` (its match at index k stands for one at k)."""
    found: list[int] = []
    pos = line = 0  # ``line`` is the index of the line starting at ``pos``
    scanned = "\n" + text if lead else text
    while (m := rx.search(scanned, pos)) is not None:
        start = m.start()
        line += text.count("\n", pos, start)
        found.append(line)
        pos = text.find("\n", start) + 1
        if pos == 0:
            break
        line += 1
    return found


def _level_of(line: str) -> str | None:
    level = degree_level(line)
    extra = _extra_levels(line)
    if not extra:
        return level
    levels = [x for x in (level, *extra) if x is not None]
    return max(levels, key=LEVEL_ORDER.index)


@lru_cache(maxsize=256)
def degree_line(line: str) -> str | None:
    """The degree level of a line that names a degree near its start, else ``None``.

    Remembered for the last 256 lines: the reader asks it of the same line up to three
    times (choosing the candidates, splitting two entries, reading the entry)."""
    level = _level_of(line)
    if level is None:
        return None
    # a degree form starting within the first 40 characters: tried there only, not at
    # every position of a long line
    if _DEGREE_NEAR_START.match(line) is None and _DEGREE_AFTER_YEAR.match(line) is None:
        return None
    return level


def _fields(line: str, level: str) -> tuple[str | None, str | None]:
    """The field of the degree on ``line`` and its major: a degree that names its own field
    ("Master of Education", "Master of Business Administration", "MBA") gives its major
    after a colon or a comma ("Master of Education : Integrated Studies and Management",
    "MBA, Finance"), else ``None``."""
    if level == "high_school":
        return None, None
    mba = _MBA.search(line) is not None
    for d in reversed(find_ranges(line)):  # a date ends the field like a separator
        line = line[: d.begin] + " | " + line[d.stop :]
    if level == "certificate" and (named := _CERTIFICATE_FIELD.search(line)) is not None:
        # "Cambridge College Certificate : Negotiation and Conflict Resolution", "Graduate
        # Level Certificate, Negotiation and Conflict Resolution - Cambridge College 1998"
        return _certificate_field(line[named.end() :]), None
    m = DEGREE_FORM.search(line)
    if m is not None:
        after = line[m.end() :]
        tail = NAME_TAIL.match(after)
        assert tail is not None  # every part of the pattern is optional
        # "Master of Urban Planning": the "of" names the field itself
        of_field = _OF_FIELD.fullmatch(tail.group(0)) is not None
        after = after[tail.end() :].strip()
        value, end = _field_at(after, named=of_field)
        if mba:
            # "MBA, Finance", "Master of Business Administration : Finance"
            if value == "business administration":
                rest = _MAJOR_AFTER.match(after, end)
                value = _major(after, rest)
            return "business administration", value
        if value:
            # "Associates Degree : Applied Science, Criminal Justice": a field that is a
            # degree's own name (an AAS) names its major after it too
            named_field = of_field or value in _DEGREE_NAME_FIELDS or value in _MAJORS_FIELDS
            rest = _MAJOR_AFTER.match(after, end) if named_field else None
            major = _major(after, rest)
            if major is None:
                value, major = _field_and_major(value)
            return value, major if major != value else None
    if mba:
        return "business administration", None
    known = _KNOWN_FIELD.search(line)
    return (known.group(1).lower() if known else None), None


def _certificate_field(after: str) -> str | None:
    """The field named at the start of ``after``, the text after a certificate's name and
    its colon or comma: its words up to a separator, a date or a school, six at most."""
    f = _FIELD.match(after)
    if f is None:
        return None
    words = f.group(1).split()
    if INSTITUTION_WORD.match(after, f.end(1) + 1) is not None:
        # "Certificate : Project Management Bowie State University": the words before the
        # school's word are its name, the field's words end before them
        return _clean(" ".join(words), named=False)
    value = " ".join(words).strip(" .-&/'")
    if not value or len(words) > 6 or degree_level(value) or _HONOURS.match(value):
        return None
    return value.lower()


def _field_and_major(value: str) -> tuple[str, str | None]:
    """A field that ends with its own first word is that word and a major in it (LiveCareer's
    "Masters : Education Secondary Education" is in education, major secondary education;
    "Engineering Mechanical Engineering"), and so is business administration before more
    words ("Business Administration Finance"); else ``value`` and no major."""
    words = value.split()
    if len(words) >= 3 and words[0] == words[-1] and not JOINERS.intersection(words):
        return words[0], " ".join(words[1:])
    for known in _MAJORS_FIELDS:
        # "Bachelor of Science : Business Administration Finance"
        rest = value.removeprefix(known + " ")
        if rest != value and rest.split()[0] not in JOINERS:
            return known, rest
    return value, None


# the fields that are a degree's own name ("Associate : Applied Science" is an AAS)
_DEGREE_NAME_FIELDS = frozenset({"applied science", "applied arts", "science", "arts"})
# the fields a degree names with a major in them ("Business Administration - Marketing")
_MAJORS_FIELDS = ("business administration",)
# the separator between the field a degree names and its major ("Master of Education :
# Integrated Studies and Management", "Master of Education (M.Ed.), Integrated ...",
# "Business Administration - Marketing")
_MAJOR_AFTER = re.compile(r"\s*(?:\([A-Za-z. ]{1,12}\)\s*)?(?:[:,]|\s[-\u2013]\s)\s*")


def _major(after: str, rest: re.Match[str] | None) -> str | None:
    """The major after the separator ``rest``: any words after a colon, field words only
    after a comma ("Master of Education, Boston, MA" names a place)."""
    if rest is None:
        return None
    return _field_at(after[rest.end() :], named=":" in rest.group(0))[0]


def _field_at(after: str, *, named: bool = False) -> tuple[str | None, int]:
    """The field at the start of ``after`` (the text after a degree's name) and where its
    words end; ``named``: the degree's name says the field follows ("of")."""
    f = _FIELD.match(after)
    if f is None:
        return None, 0
    # without "in", "of", ":" or "," the words after a degree may be a school's name
    # ("Bachelor of Arts Bennett College"): only field words are taken then
    named = named or _SEPARATED.match(after) is not None
    # words just before "University" or "School" are its name ("J.D., Harvard Law
    # School"): only field words are taken there either
    school_next = INSTITUTION_WORD.match(after, f.end(1) + 1) is not None
    named = named and not school_next
    words = f.group(1).split()
    if school_next and len(words) > 1 and words[-1].lower() in SCHOOL_MODIFIERS:
        # "Interior Design Art Institute", "Nursing Medical University": the last
        # word is the school's
        words = words[:-1]
    return _clean(" ".join(words), named=named), f.end(1)


def _clean(value: str, *, named: bool = True) -> str | None:
    value = " ".join(value.split()).strip(" .-&/'")
    value = _TRAILING_JOINER.sub("", value)
    if not value or degree_level(value) or len(value) < 3:
        return None
    if _HONOURS.match(value):
        return None  # "JD, cum laude, Georgetown ..."
    # LiveCareer repeats the field ("Painting Painting", "Political Science and Global
    # Studies Cultural Geography Political Science and ..."): once, before its length counts
    words = _once(value.split())
    if named and len(words) > 6:
        return None  # a sentence after the degree's name
    keep = 0
    for i, w in enumerate(words):
        low = w.lower().strip(",.;:")
        if low in FIELD_WORDS:
            keep = i + 1
        elif low not in JOINERS:
            break
    if not keep and not named:
        return None
    words = _once(words[:keep] if keep else words)
    # without a separator the length is the field's once the school's name after it is cut
    # ("Political Science & Global Studies South Dakota State University")
    if len(words) > 6:
        return None
    return " ".join(words).lower()


def _once(words: list[str]) -> list[str]:
    """``words`` without a repetition of their first half."""
    half = len(words) // 2
    if len(words) % 2 == 0 and [w.lower() for w in words[:half]] == [
        w.lower() for w in words[half:]
    ]:
        return words[:half]
    return words


def _ends_dated(line: str) -> bool:
    """Whether a degree line ends with its date ("Master of Science : IT Management ,
    2019"): that date is the degree's, before a date line above it (which may be the entry
    above's: "Certified Associate in Project Management ..." / "2021"). A date inside the
    line's prose ("Recipient of the 2004-2005 ... Scholarship, College of ...") is not."""
    ranges = find_ranges(line)
    return bool(ranges) and not line[ranges[-1].stop :].strip(" .,;)")


def _short_year(line: str, as_of: date | None) -> int | None:
    """The two-digit year a degree line ends its field with (", 87"), as four digits."""
    m = _SHORT_YEAR.match(line)
    if m is None or find_ranges(line[: m.end()]):
        return None
    year = 2000 + int(m.group(1))
    return year if year <= (as_of or date.today()).year else year - 100


def _year(lines: Sequence[str]) -> int | None:
    for line in lines:
        ranges = find_ranges(line)
        if ranges:
            last = ranges[-1]
            # an open range ("2021 - Present") has no end yet: its start is no degree's year
            return last.end.year if last.end is not None else None
    return None


def _closed_range(lines: Sequence[str]) -> tuple[str, str] | None:
    """The dates of the range :func:`_year` reads, when it is closed ("2018 - 2023")."""
    for line in lines:
        ranges = find_ranges(line)
        if ranges:
            last = ranges[-1]
            if last.single or last.end is None:
                return None
            return last.start.iso(), last.end.iso()
    return None


class _Mended(Sequence[str]):
    """``lines`` with :func:`mend_spaced` applied to each line when it is first read: the
    degree reader looks at a few lines around its candidates, not at the whole text."""

    __slots__ = ("_lines", "_done")

    def __init__(self, lines: Sequence[str]) -> None:
        self._lines = lines
        self._done: dict[int, str] = {}

    def __len__(self) -> int:
        return len(self._lines)

    @overload
    def __getitem__(self, i: int) -> str: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[str]: ...

    def __getitem__(self, i: int | slice) -> str | Sequence[str]:
        if isinstance(i, slice):
            return [mend_spaced(x) for x in self._lines[i]]
        found = self._done.get(i)
        if found is None:
            found = self._done[i] = mend_spaced(self._lines[i])
        return found


def read_education(
    lines: Sequence[str], candidates: Sequence[int], *, as_of: date | None = None
) -> list[EducationEntry]:
    """The degrees on the lines ``candidates`` (indices into ``lines``), in reading order.

    The year and school of a degree come from its line or from the lines beside it that
    belong to its entry (:mod:`jobmatch.scoring.education_layout`); a degree listed twice
    in a row (a school "... High School" on its own line, a description line repeating the
    degree) is one entry.

    Args:
        lines: the resume's lines.
        candidates: the indices of the lines to look at (the education sections, or the
            whole resume but its experience when those have no degree).
        as_of: a degree dated after this day's year is in progress.

    Returns:
        One :class:`~jobmatch.models.EducationEntry` per degree.
    """
    if not candidates:
        return []  # no line to read (most postings have no education section)
    split, candidates, seconds = _split_entries(lines, candidates)
    lines = _Mended(split)  # "CENTRAL UNIVERSITY COLLEG E": a PDF's spacing
    allowed = set(candidates)
    levels: dict[int, str] = {}
    for i in candidates:
        line = " ".join(lines[i].split())
        level = degree_line(line)
        if level is None and (_CERTIFICATE.match(line) or _NAMED_CERTIFICATE.search(line)):
            level = "certificate"
        if level == "high_school" and levels.get(i - 1) == "high_school":
            if HIGH_SCHOOL_NAME.fullmatch(line):
                continue  # the school of the diploma above
        if level is not None:
            levels[i] = level

    def usable(j: int) -> bool:
        return (
            j in allowed
            and j not in levels
            and bool(lines[j].strip())
            and classify_heading(lines[j]) is None
            and _DATED_ENTRY.match(" ".join(lines[j].split())) is None
        )

    order = sorted(levels)
    layout = read_layout(lines, order, usable)
    entries: list[EducationEntry] = []
    last = -2
    for i in order:
        level = levels[i]
        line = " ".join(lines[i].split())
        dates, others = entry_lines(lines, i, layout=layout, usable=usable, degrees=levels)
        field, major = _fields(line, level)
        for j in others:
            if field is not None or level == "high_school":
                break
            field = _known_or_tail(lines[j])
        beside = [lines[j] for j in dates + others]
        by_year = (
            [lines[j] for j in dates] + [line] + [lines[j] for j in others]
            if layout.date_above and not _ends_dated(line)
            else [line] + beside
        )
        year = _short_year(line, as_of) or _year(by_year)
        span = _closed_range(by_year) if year is not None else None
        dated = [line] + [x for x in beside if find_ranges(x) or date_only(x)]
        unfinished = any(in_progress(x) for x in dated) or (
            as_of is not None and year is not None and year > as_of.year
        )
        entry = EducationEntry(
            level=level,
            field=field,
            institution=school_name([line, *(lines[j] for j in others)], level, field),
            year=year,
            in_progress=unfinished,
            name=doctorate_name(line) if level == "phd" else None,
            start=span[0] if span else None,
            end=span[1] if span else None,
            major=major,
        )
        if (
            level == "certificate"
            and _BARE_CERTIFICATE.fullmatch(line)
            and entry == EducationEntry(level="certificate")
        ):
            continue  # "Diploma" above "May 2004" / "HS : General Studies ...": a label
        if i in seconds and last == i - 1 and entry.year is None and entries[-1].year is not None:
            # one date beside a line naming two degrees ("A.S : Nursing ... BSN. South
            # University" / "December2015"): the later-listed, higher degree's
            if LEVEL_ORDER.index(level) > LEVEL_ORDER.index(entries[-1].level):
                prev = entries[-1]
                entry = replace(
                    entry,
                    year=prev.year,
                    in_progress=prev.in_progress,
                    start=prev.start,
                    end=prev.end,
                )
                entries[-1] = replace(prev, year=None, in_progress=False, start=None, end=None)
        if entries and i - last <= 2 and (merged := _same(entries[-1], entry, line)) is not None:
            entries[-1] = merged
        else:
            entries.append(entry)
        last = i
    return entries


def _second_degree(line: str) -> int | None:
    """Where a second entry starts on a degree line, else ``None``: a degree of another level
    named after the first degree's school ("A.S : Nursing Columbus Technical College BSN.
    South University")."""
    first = DEGREE_FORM.search(line)
    if first is None:
        return None
    school = institution_word(line, first.end())
    if school is None:
        return None
    for m in DEGREE_FORM.finditer(line, school.end()):
        rest = line[m.start() :]
        level, own = degree_line(rest), degree_line(line[: m.start()])
        # another level after a degree: the same one again is the LiveCareer description
        # repeating it
        if own is not None and level not in (None, own, "high_school"):
            if degree_level(rest[:40]) is not None:
                return m.start()
    return None


def _split_entries(
    lines: Sequence[str], candidates: Sequence[int]
) -> tuple[list[str], list[int], set[int]]:
    """``lines`` with each candidate line that holds two entries split in two, the
    candidates renumbered (the second part is a candidate too), and the second parts."""
    out: list[str] = []
    keep: list[int] = []
    seconds: set[int] = set()
    allowed = set(candidates)
    for i, line in enumerate(lines):
        at = _second_degree(line) if i in allowed and degree_line(line) is not None else None
        if i in allowed:
            keep.append(len(out))
        if at is None:
            out.append(line)
            continue
        out.append(line[:at].rstrip(" .;,"))
        keep.append(len(out))
        seconds.add(len(out))
        out.append(line[at:])
    return out, keep, seconds


def _same(a: EducationEntry, b: EducationEntry, b_line: str) -> EducationEntry | None:
    """``a`` completed from ``b`` when ``b`` (a line or two below, read from ``b_line``)
    repeats the degree ``a``, else ``None``: the same level and field ("education" and
    "education integrated studies" when their years agree), or a line that names the
    degree after other words ("Public Relations/Liberal Arts, May 2014 Bachelor's degree in
    Public Relations") and gives no other field or year, or a line of the same level that
    gives nothing else at all (no field, year or school). When one of the two says the degree
    is in progress, the year is that one's (the year it is expected in)."""
    if a.level != b.level or a.level == "other":
        return None
    if a.level == "certificate" and (a.field is None or a.field != b.field):
        return None  # two certificates, unless the second repeats the first's field
    if a.level == "high_school" or (a.field is not None and a.field == b.field):
        pass
    elif b == EducationEntry(level=b.level):
        pass  # a line repeating the degree that gives nothing else ("B.S : ..." too long)
    elif a.field is not None and b.field is not None:
        if not (a.field in b.field or b.field in a.field) or a.year != b.year:
            return None
    elif DEGREE_FORM.match(b_line) is not None or (a.year and b.year and a.year != b.year):
        return None
    year = a.year or b.year
    if a.in_progress != b.in_progress and (b.year if b.in_progress else a.year) is not None:
        # "Ph.D : International Relations" / "2012" / "PhD International Relations in
        # progress" / "December 2016": the degree is unfinished, and the year of the line
        # saying so is the one it is expected in (the other, a start or a date of its own)
        year = b.year if b.in_progress else a.year
    return EducationEntry(
        level=a.level,
        field=a.field or b.field,
        institution=a.institution or b.institution,
        year=year,
        in_progress=a.in_progress or b.in_progress,
        # "Doctorate" / "EdD in Leadership": the line naming the kind names it
        name=b.name if a.name == "doctorate" and b.name else a.name,
        # the dates go with the year kept
        start=(a if year == a.year else b).start,
        end=(a if year == a.year else b).end,
        major=a.major or b.major,
    )


def _known_or_tail(line: str) -> str | None:
    """A field on a line next to a bare degree: a known field, or ``Institution, Field``."""
    m = _KNOWN_FIELD.search(line)
    if m:
        return m.group(1).lower()
    parts = [p.strip() for p in line.split(",")]
    if len(parts) == 2 and institution_word(parts[0]) and not institution_word(parts[1]):
        return _clean(parts[1])
    return None
