"""The names on degree lines: the forms of a degree's name, the words of a field of study,
and the school's name of a degree.

The school's name is the text around an institution word ("University", "College"...) out
to a separator, cut of what resume sites print around it: the field before it, a
placeholder city, a month, a status word (:func:`school_name`). Pure functions over text;
:mod:`jobmatch.scoring.education` reads the entries.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .resume_facts import degree_level

__all__ = [
    "DEGREE_FORM",
    "FIELD_WORDS",
    "HIGH_SCHOOL_NAME",
    "INSTITUTION_WORD",
    "JOINERS",
    "NAME_TAIL",
    "SCHOOL_MODIFIERS",
    "institution_span",
    "institution_word",
    "mend_spaced",
    "school_name",
]

#: the forms of a degree's name (the patterns of ``resume_facts`` and the abbreviations
#: read on resumes only), where a degree line's field starts after
DEGREE_FORM = re.compile(
    r"\bbba\b|\bb\.b\.a\b\.?|\bbfa\b|\bb\.f\.a\b\.?|\bbsw\b|\bb\.\s?com\b\.?|\bbcom\b"
    r"|\bll\.?\s?b\b\.?|\bmfa\b|\bm\.f\.a\b\.?|\bmph\b|\bm\.p\.h\b\.?|\bmpa\b|\bmsn\b"
    r"|\bmsw\b|\bm\.s\.w\b\.?|\bm\.\s?ed\b\.?|\bma\b(?=\s*:|\s+(?:in|of)\b)|(?-i:\bAS\b)(?= ?:)"
    r"|\bph\.?\s?d\b\.?|\bd\.?\s?phil\b|\bdoctor(?:ate| of philosophy)\b|\bdoctoral degree\b"
    r"|\bjuris\s+doctor(?:ate)?\b|\bj\.\s?d\b\.?|\bjd\b|\bm\.\s?d\b\.?|\bmd\b|\bd\.\s?o\b\.?"
    r"|\bpharm\.?\s?d\b\.?|\bd\.?d\.?s\b\.?|\bd\.?m\.?d\b\.?|\bd\.?v\.?m\b\.?|\bd\.?n\.?p\b\.?|\bdpt\b"
    r"|\bpsy\.?\s?d\b\.?|\bed\.?\s?d\b\.?|\bdoctor\b"
    r"|\bm\.?\s?sc?\b\.?|\bm\.?\s?eng\b\.?|\bm\.?\s?tech\b\.?|\bmba\b|\bm\.s\.|\bms\b|\bm\.a\.|\bmasters?'?s?\b"
    r"|\bmaster’s\b|\bb\.?\s?sc?\b\.?|\bb\.?\s?eng\b\.?|\bb\.?\s?tech\b\.?|\bb\.s\.|\bbs\b|\bb\.a\.|\bba\b"
    r"|\bbachelors?'?s?\b|\bbachelor’s\b|\bb\.\s?e\b\.?|\bbsn\b|\bassociate'?s?\b|\ba\.a\.s?\.|\basn\b"
    r"|\badn\b|\ba\.\s?s\b\.?|\bhigh school\b|\bhs\b|\bged\b|\bundergraduate degree\b"
    r"|\baos\b|\baas\b|^s\.\s?e\b\.?",
    re.IGNORECASE,
)
#: what may follow a degree's name before its field ("'s degree of", "of Science (Hons)")
NAME_TAIL = re.compile(
    r"^\s*(?:'s|’s)?\s*(?:degree\s*)?(?:(?:of|in)\s+)?(?:applied\s+)?"
    r"(?:(?:science|arts|philosophy|engineering|technology|commerce|laws|fine arts)\b)?\s*"
    r"(?:\((?:hons?|honou?rs)\)|\bhons\b\.?|\bdegree\b|\bdiploma\b)?\s*",
    re.IGNORECASE,
)
#: the words that name a school
INSTITUTION_WORD = re.compile(
    r"\b(?:university|college|institute|school|academy|polytechnic|universit[éäà]"
    r"|hochschule|école|ecole"
    # the same words in other languages ("Instituto Tecnológico", "Universidad de Chile",
    # "Universitas Indonesia", "Technische Universiteit Delft", "Hogeschool Utrecht")
    r"|institut|instituto|istituto|universidad|universidade|universitas|universiteit"
    r"|hogeschool|fachhochschule|politecnico|politécnico"
    # schools known by an acronym or one name, as research resumes write them ("IIT
    # Madras", "ETH Zurich", "MIT"); acronyms as written only
    r"|(?-i:IIT|IIIT|NIT|MIT|CMU|EPFL|ETH|KAIST|UCLA|UCSD|UIUC|NYU|UCL|NUS|NTU|HKUST|BITS)"
    # "IHE", an institute (or institution) of higher education ("UNESCO-IHE")
    r"|(?-i:IHE)"
    # a University of California campus as résumés write it ("UC Berkeley", "UC San Diego")
    r"|(?-i:UC\s+[A-Z][a-z]+)"
    r"|caltech|georgia tech|virginia tech|stanford|harvard|princeton|tsinghua)\b",
    re.IGNORECASE,
)
# a part of each of INSTITUTION_WORD's alternatives: its case-blind words in lower case
# ("universi" of "university", "universidad", "universität"...; "school" of "hogeschool",
# "hochschule" of "fachhochschule") and its acronyms as written ("UC" of "UCLA", "UC
# Berkeley"). A line holding none of them has no match (a test holds them to the pattern)
_SCHOOL_STEMS = (
    "universi", "college", "institut", "istituto", "school", "academy", "polytechnic",
    "hochschule", "école", "ecole", "politecnico", "politécnico", "caltech", "georgia tech",
    "virginia tech", "stanford", "harvard", "princeton", "tsinghua",
)  # fmt: skip
_SCHOOL_ACRONYMS = (
    "IIT", "NIT", "MIT", "CMU", "EPFL", "ETH", "KAIST", "UIUC", "NYU", "NUS", "NTU", "HKUST",
    "BITS", "IHE", "UC",
)  # fmt: skip
# each as one case-sensitive union (led by literals: ``re`` skips in C to their first letters)
_SCHOOL_STEM = re.compile("|".join(map(re.escape, _SCHOOL_STEMS)))
_SCHOOL_ACRONYM = re.compile("|".join(_SCHOOL_ACRONYMS))


def institution_word(line: str, pos: int = 0) -> re.Match[str] | None:
    """``INSTITUTION_WORD.search(line, pos)``, sooner on a line without a school's word.

    The case-blind search tries its ~35 alternatives at each word boundary of the line; a
    line holds a match only if its lower-cased text holds one of :data:`_SCHOOL_STEMS` or
    the line one of :data:`_SCHOOL_ACRONYMS`. A line lower() changes in length, or with a
    letter the case-blind search takes for an ASCII one that lower() keeps (dotless i,
    long s), is searched as it is."""
    low = line.lower()
    if (
        len(low) == len(line)
        and "\u0131" not in low
        and "\u017f" not in low
        and _SCHOOL_STEM.search(low) is None
        and _SCHOOL_ACRONYM.search(line) is None
    ):
        return None
    return INSTITUTION_WORD.search(line, pos)


# the characters an institution's name does not cross (compared lower case, as the former
# IGNORECASE character class did); digits too, and ":" on its left
_NAME_STOP = frozenset(",;|ï¼\ufffd")
# a school's name, not a diploma ("Mary Star of the Sea High School - City , State")
HIGH_SCHOOL_NAME = re.compile(
    r"(?i)(?!.*\b(?:diploma|ged|graduat\w*|degree|hs)\b)[^:]*\bhigh school\b[^:]*"
)
# the diploma's words before a high school's name ("High School Diploma Ferris High School")
_DIPLOMA_FIRST = re.compile(r"(?i)^.*?\b(?:diploma|ged|hs)\b\W*")
# words of fields of study: a field runs while its words are these ("Anthropology Hunter
# College" is anthropology, "Interior Design Miami International" interior design)
FIELD_WORDS = frozenset(
    """
    science sciences studies study management administration education arts art design
    business accounting finance financial economics psychology sociology biology chemistry
    physics mathematics math statistics nursing health healthcare computer computing
    information technology systems communication communications marketing law legal
    criminal justice history english literature political politics relations international
    public policy social work music fine graphic interior painting anthropology linguistics
    philosophy theology religious architecture agriculture agricultural environmental
    resource resources natural hospitality culinary tourism human development kinesiology
    exercise sports medicine medical pharmacy dental electrical electronics electronic
    mechanical civil chemical industrial aerospace software data analytics network networks
    networking telecommunication telecommunications journalism media film photography
    fiction writing creative secondary elementary early childhood special teaching
    counseling liberal general applied operations supply chain logistics project forensic
    adult family clinical behavioral bioinformatics informatics engineering control
    drafting advanced visual performing theatre theater dance geography geology global
    biochemistry biomedical neuroscience cognitive machine learning artificial intelligence
    robotics cybersecurity security mass nutrition dietetics food public-relations
    professional sales office research quantitative economic policy government languages
    spanish french german chinese management-information hotel restaurant pre-law pre-med
    programming urban regional planning community rural development studies surgery
    osteopathic veterinary physical therapy optometry audiology jurisprudence
    """.split()
)
# what ends a school's name on its right ("... University GPA: 3.5", "... University
# Certificate in Project Management")
_RIGHT_CUT = re.compile(r"\s+(?:c?gpa|minor|major|concentration|certificate)\b", re.IGNORECASE)
# a placeholder or a month after a school's name ("TEMPLE UNIVERSITY City", "Liberty
# University - City", "Xavier University May", "University of New Hampshire USA")
_TRAILER = re.compile(
    r"\s*[-–]\s*(?:city|state)$|(?:(?<=university)|(?<=college)|(?<=school)|(?<=institute)"
    r"|(?<=academy))\s+city$"
    r"|\s+(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december)$|\s+usa$",
    re.IGNORECASE,
)
_STATUS_LEAD = re.compile(r"^(?:present|current|expected|anticipated|in progress)\s+", re.I)
_PLACEHOLDER_PLACE = re.compile(r"\bcity\s*,\s*state\b", re.IGNORECASE)
# LiveCareer's degree line "Degree , Field YEAR School \ufffd City , State": the capitalised
# words between the year and the separator before the placeholder place are the school's
# name, even without a school's word ("Associate of Applied Science , Advanced Culinary Arts
# 2010 Stratford \ufffd City , State")
_SITE_SCHOOL = re.compile(
    r"\b(?:19|20)\d\d\s+((?:[A-Z][\w.&'’-]*|of|the|and)(?:\s+(?:[A-Z][\w.&'’-]*|of|the|and)){0,5})"
    r"\s*(?:\ufffd|ï¼)\s*(?i:city\s*,\s*state)\b"
)
#: words that open a school's name as often as they end a field ("Art Institute of ...",
#: "Medical University of ...")
SCHOOL_MODIFIERS = frozenset(
    {"art", "medical", "business", "law", "music", "technical", "technological", "agricultural"}
)
#: the words that join a field's words ("science and technology")
JOINERS = frozenset({"and", "&", "of", "in", "with", "/"})


# the words a PDF's letter spacing splits where the evidence is clear: a school's word, or a
# word of a field of study
_MENDABLE = frozenset(
    {"university", "college", "institute", "school", "academy", "polytechnic"} | FIELD_WORDS
)
# a word and one letter beside it, in the same case ("COLLEG E", "Colleg e", "U NIVERSITY")
_SPLIT_WORD = re.compile(
    r"\b(?:(?P<a>[A-Z]{2,}) (?P<b>[A-Z])|(?P<c>[A-Za-z][a-z]+) (?P<d>[a-z])"
    r"|(?P<e>[A-Z]) (?P<f>[A-Z]{2,}))\b"
)


def mend_spaced(line: str) -> str:
    """``line`` with a word its PDF text split off its last or first letter joined again
    ("CENTRAL UNIVERSITY COLLEG E" is "CENTRAL UNIVERSITY COLLEGE"), when the word whole
    is a school's word or a field of study's and its larger part is no such word alone (so
    real words stay apart: "Art s" is not mended into "Arts")."""

    def join(m: re.Match[str]) -> str:
        left, right = (
            (m["a"], m["b"]) if m["a"] else (m["c"], m["d"]) if m["c"] else (m["e"], m["f"])
        )
        whole = (left + right).lower()
        longer = max(left, right, key=len).lower()
        if whole in _MENDABLE and longer not in _MENDABLE:
            return left + right
        return m.group(0)

    return _SPLIT_WORD.sub(join, line) if " " in line else line


def institution_span(line: str) -> str | None:
    """The first institution name of ``line``: the text around its first institution word
    ("University", "College", "Hochschule"...) out to the nearest separator (``,;|``, a
    digit, and ``:`` on the left), or ``None``.

    It is what the pattern ``[^,;|\\d:]*\\b(?:university|...)\\b[^,;|\\d]*`` finds, in
    linear time: that pattern's search is quadratic on a long line without such a word
    (11 s for 4,000 characters of "B.S.").

    Args:
        line: one line of a resume.

    Returns:
        The name with its surrounding words, or ``None``.
    """
    m = institution_word(line)
    if m is None:
        return None
    start, end = m.start(), m.end()
    while start > 0 and not _stops(line[start - 1], left=True):
        start -= 1
    while end < len(line) and not _stops(line[end], left=False):
        end += 1
    return line[start:end]


def _stops(ch: str, *, left: bool) -> bool:
    return ch.lower() in _NAME_STOP or ch.isdecimal() or (left and ch == ":")


def school_name(lines: Sequence[str], level: str, field: str | None) -> str | None:
    """The school's name of a degree of ``level`` and ``field``: the first name on
    ``lines`` (the degree's line, then the lines of its entry) that is no degree, cut of
    what resume sites print around it (:func:`_tidy`), or ``None``."""
    for line in lines:
        pos = 0
        # the first name of a line that is no degree ("Bachelor of Economics Foreign Trade
        # University": the next one, if any); a high school's name is a high school's
        while (span := institution_span(line[pos:])) is not None:
            start = line.index(span, pos)
            pos = start + len(span)
            value = " ".join(span.split()).strip(" .-:–—")
            value = _RIGHT_CUT.split(value, maxsplit=1)[0].strip(" .-:–—")
            if " in " in value:
                cut = re.sub(r"^(?:.*?\b(?:in|at)\s+)", "", value)
                value = cut if institution_word(cut) else value
            named, most = degree_level(value), 8
            if named == "high_school" and level == "high_school":
                value = _DIPLOMA_FIRST.sub("", value)
                if HIGH_SCHOOL_NAME.fullmatch(value):
                    named, most = None, 10  # "Mary Star of the Sea High School - City"
            if named is not None:
                # "Bachelor of Economics Foreign Trade University": the name after the
                # degree and its field (or before it, unless another degree precedes it)
                value = _after_degree(value, field, first=degree_level(line[:start]) is None)
                named = degree_level(value) if institution_word(value) else "none"
            value = _tidy(value, field, placeholder=_PLACEHOLDER_PLACE.search(line) is not None)
            value = _without_lead(value, line)
            if value and named is None and len(value.split()) <= most:
                return value
            if pos >= len(line):
                break
    return _site_school(lines[0], field) if lines else None


def _site_school(line: str, field: str | None) -> str | None:
    """The school's name a resume site prints between a degree line's year and its
    placeholder place, when no line of the entry names a school by a school's word."""
    m = _SITE_SCHOOL.search(line)
    if m is None:
        return None
    value = m.group(1)
    words = value.split()
    if not words[0][0].isupper() or degree_level(value) is not None:
        return None
    if _all_field_words(words) or (field is not None and value.lower() == field):
        return None
    return value


def _tidy(value: str, field: str | None, *, placeholder: bool = False) -> str:
    """A school's name without what LiveCareer prints around it: a placeholder city or state,
    a month, the field repeated after it, the field or other field words before it
    ("Justice Studies Montclair State University", "TEMPLE UNIVERSITY City", "Xavier
    University May"). Words before "University of" or a name's opening word ("Art
    Institute", "Medical University") go only when they are the field: the "Medical
    University of South Carolina" keeps its name."""
    value = _STATUS_LEAD.sub("", value)
    before = None
    while before != value:
        before = value
        value = _TRAILER.sub("", value)
        if placeholder:  # the line prints "City , State" after the name
            value = re.sub(r"\s*[-–]?\s*\bcity$", "", value, flags=re.IGNORECASE)
        head = value[: -len(field) - 1] if field else ""
        if field and value.lower().endswith(" " + field) and head.split()[-1] not in JOINERS:
            value = head.rstrip(" ,-–")
    if " - " in value:  # "Integrated Studies and Management - Cambridge College"
        head, tail = value.split(" - ", 1)
        if _all_field_words(head.split()) and institution_word(tail):
            value = tail
    words = value.split()
    school = next(
        (
            i
            for i, w in enumerate(words)
            if any(INSTITUTION_WORD.fullmatch(part) for part in w.split("-"))
        ),
        None,
    )
    if school is None:
        return value
    lead = 0
    while lead < school and (
        _all_field_words(words[lead : lead + 1]) or _STATUS_LEAD.match(words[lead] + " ")
    ):
        lead += 1
    if lead < school and _degree_abbreviation(words[lead]):
        # a degree's abbreviation and its field's before the name ("MS IM Thapar
        # University": an MS in IM); the acronym while a word is left before the school's
        lead += 1
        if lead < school - 1 and _FIELD_ACRONYM.fullmatch(words[lead]):
            lead += 1
        return " ".join(words[lead:])
    if 0 < lead < school and words[lead].lower() not in JOINERS:
        return " ".join(words[lead:])
    if field and value.lower().startswith(field + " "):
        rest = value[len(field) + 1 :]
        first = rest.split()[0]
        opens = first.lower() in SCHOOL_MODIFIERS and institution_word(rest)
        # or a school named in one word ("Stanford", "UNESCO-IHE", "MIT") after the field
        named = first.lower() not in SCHOOL_MODIFIERS and institution_word(first)
        if re.match(r"(?i)university of\b", rest) or opens or named:
            return rest
    return value


# a field's abbreviation after a degree's ("MS IM", "BS CS", "M.Tech ECE")
_FIELD_ACRONYM = re.compile(r"[A-Z]{2,4}")


def _degree_abbreviation(word: str) -> bool:
    """Whether ``word`` is a degree's abbreviation as written in capitals ("MS", "MBA",
    "B.E", "B.S."), not a word of a name ("Ms", "Masters")."""
    return (
        word.upper() == word
        and DEGREE_FORM.fullmatch(word) is not None
        and word.lower() not in ("hs", "ged")
        and INSTITUTION_WORD.fullmatch(word) is None
    )


def _without_lead(value: str, line: str) -> str:
    """``value`` without its opening field words when the line also names the school without
    them ("Public Relations, Business University of Louisiana at Lafayette ... University of
    Louisiana at Lafayette": the minor "Business" is no part of the name)."""
    words = value.split()
    for k in range(1, len(words) - 1):
        if not _all_field_words(words[:k]):
            break
        rest = " ".join(words[k:])
        if INSTITUTION_WORD.match(rest) and line.count(rest) > line.count(value):
            return rest
    return value


def _all_field_words(words: Sequence[str]) -> bool:
    for w in words:
        low = w.lower().strip(",.;:/")
        if not (low in FIELD_WORDS or low in JOINERS or low.rstrip("s") in FIELD_WORDS):
            return False
    return bool(words)


def _after_degree(value: str, field: str | None, *, first: bool = True) -> str:
    """The school's name in ``value``, a name with a degree in it: the words before the
    degree when they name a school ("Cambridge College Master of Education"), else those
    after its name and the field ("Bachelor of science Shepherd University")."""
    m = DEGREE_FORM.search(value)
    if m is None:
        return value
    before = value[: m.start()].strip(" .-:–—")
    if first and institution_word(before) and degree_level(before) is None:
        return before
    rest = value[m.end() :]
    tail = NAME_TAIL.match(rest)
    rest = rest[tail.end() :] if tail is not None else rest
    if field and rest.lower().startswith(field):
        rest = rest[len(field) :]
    return rest.strip(" .-:–—")
