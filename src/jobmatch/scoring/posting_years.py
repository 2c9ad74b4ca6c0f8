"""The years of experience a posting's clause asks for (standard library only).

:func:`years_asked` reads "5+ years of ...", "3-5 years", "Seven to ten years", "five (5)
years", "Five or more years", and leaves out what is no experience asked: spans of time
("in the last 3 years"), the length of a contract or a grant ("The period of employment is
2 years", "a 3-year PhD scholarship"), a company's age or growth ("has grown 5,000% in 4
years", "a company with more than 50 years of experience") and ceilings ("less than 4
years"). Of several figures in one clause it keeps the first asked, or the lowest of
alternatives ("BS and 5 years or MS and 3 years": 3). :func:`years_phrase` is the part of
the clause that says what the years are asked in ("3+ years of applied ML engineering
experience", "4+ years building production React applications"): the skills named there are
the domain the years must be spent in. :func:`and_list` tells whether the skills named
there are one list joined by "and" ("5+ years of C# and Python": each is asked), not
alternatives ("Python or R", "SAS and/or SQL"). :func:`field_alternatives` finds the fields
asked as alternatives ("in engineering, analysis, statistics or ..."). :func:`role_work`
reads the work of a role the years are asked as ("5+ years of experience as a Data
Scientist": data science).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = [
    "alternative_figures",
    "and_list",
    "field_alternatives",
    "figure_value",
    "minimum_sharing_unit",
    "next_item",
    "role_work",
    "years_asked",
    "years_phrase",
]

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
}
_NUMBER = r"(?:\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")"
#: a number may repeat itself in digits: "five (5) years", "Three ( 3 ) years"; two such
#: numbers are a range that lost its dash ("One ( 1 ) Three ( 3 ) years": 1)
_AS_DIGITS = r"(?:\(\s*\d{1,2}\s*\)\s*)?"
_YEARS = re.compile(
    rf"\b({_NUMBER})\s*{_AS_DIGITS}\+?\s*"
    rf"(?:(?:(?:-|\u2013|to)\s*{_NUMBER}\s*{_AS_DIGITS}|(?<=\)\s){_NUMBER}\s*\(\s*\d{{1,2}}\s*\)\s*)"
    r"\+?\s*)?"
    r"(?:or\s+more\s+|or\s+greater\s+|plus\s+)?(-?)(?:years?|yrs?)\b"
    r"(?!\s+(?:old|ago)\b|\s+of\s+age\b|-olds?\b)",
    re.IGNORECASE,
)

_TIME_SPAN_BEFORE = re.compile(
    r"\b(?:last|past|over|within|for|another|next|in|after|every|since|during|first)"
    r"(?:\s+(?:nearly|almost|about|around|roughly|over|more\s+than|only|just|the|first))*\s*$"
)
#: the length of the job, a contract or a grant: "The period of employment is 2 years",
#: "Tenure: Three years", "a fixed term of three years", "The appointment duration is two
#: years", "a fixed term position of 4 to 6 years"
_CONTRACT_BEFORE = re.compile(
    r"\b(?:period|duration|term|tenure|appointment|employment|position|contract|post)"
    r"\s*(?:(?:is|of|will\s+be|lasts?|for)\s+)*:?\s*$"
)
#: ... a company with so many years ("a dynamic company with more than 50 years of
#: experience", "is celebrating 25 years in the IT industry", "our 40 years of experience")
_COMPANY_BEFORE = re.compile(
    r"(?:\b(?:company|organi[sz]ation|firm|business|institution|group)\s+(?:with|has|have|of)"
    r"|\b(?:our|its))"
    r"(?:\s+(?:more\s+than|over|nearly|almost|about|around))?\s*$|\bcelebrat\w*\s+$"
)
#: ... a ceiling, not a minimum ("the candidate must have less than 4 years research
#: experience", "up to 2 years")
_CEILING_BEFORE = re.compile(
    r"\b(?:(?:less|fewer|no\s+more|not\s+more)\s+than|up\s+to|at\s+most|maximum(?:\s+of)?"
    r"|max\.?|not\s+(?:to\s+)?exceed)\s*$"
)
#: ... the years that make a higher grade than the job's ("Candidates with at least 5 years
#: of experience will be considered for senior positions"): not asked of the job
_GRADE_AFTER = re.compile(
    r"[^.;]*?\b(?:will|may|could|can|would)\s+be\s+(?:considered|eligible)\s+for\s+"
    r"(?:an?\s+|the\s+)?(?:more\s+)?(?:senior|higher|advanced|lead|principal)\b",
    re.IGNORECASE,
)

#: "... years of (relevant) experience": experience asked, whatever stands before the number
#: ("over 5 years of experience")
_APOSTROPHES = "'\u2019\u00b4\u0092"
_OF_EXPERIENCE = re.compile(
    rf"[\s{_APOSTROPHES}]*(?:of\s+)?(?:[\w-]+\s+){{0,3}}?experiences?\b", re.I
)
#: "a 3-year <noun>", "a 3-5 year timeframe" (an adjective: how long the noun lasts) asks
#: for experience only when experience is the noun: "Minimum one-year data collection or
#: data entry experience", not "a 1-year appointment", "(more than 1-year validity)", "a
#: 4-year undergraduate degree or demonstrated experience"
_ADJECTIVE_EXPERIENCE = re.compile(
    r"\s+(?:(?!(?:degree|diploma|program|programme|position)\b)[\w/&-]+\s+){0,5}?"
    r"experiences?\b",
    re.IGNORECASE,
)

#: what a company has done for N years ("more than 25 years of innovation"), or a grant
#: ("three years of full support")
_NOT_EXPERIENCE_AFTER = re.compile(
    rf"[\s{_APOSTROPHES}]*(?:of\s+)?(?:innovation|history|excellence|service|success|growth|operations?"
    r"|existence|tradition|heritage|industry\s+leadership|(?:full\s+)?(?:support|funding))\b"
    r"|\s+on\s+the\s+market\b|\s+in\s+a\s+row\b",
    re.IGNORECASE,
)

#: between two figures of a clause: they are alternatives when a degree stands between them
#: or right after the second ("5 years (with M.S. degree) or 3 years (with PhD)", "BS with 7
#: years, Masters with 5 years", "3 years with a Master's degree"), or an "or" right before
#: the second ("4 years relevant experience OR 6 years", "BS with 2+ years, or MS with 0-3
#: years"): the lowest is asked. Otherwise the first is ("At least 7 years of incident
#: response ... At least 2 years of experience leading small teams": 7).
_DEGREE_WORD = re.compile(
    r"\b(?:ph\.?\s?d|doctorate|doctoral|masters?|master['\u2019]s|m\.?sc|m\.s|mba|bachelors?"
    r"|bachelor['\u2019]s|b\.?sc|b\.s|b\.a|degree)\b|(?-i:\b(?:MS|BS|BA|MA)\b)",
    re.IGNORECASE,
)
_OR_BEFORE = re.compile(
    r"\bor\b[\s,]*(?:(?-i:[A-Z])[\w.'\u2019/]*\s+)?"
    r"(?:(?:with|and|plus|\+|at\s+least|a\s+minimum\s+of|minimum(?:\s+of)?)\s+)*$",
    re.IGNORECASE,
)
_DEGREE_AFTER = re.compile(r"[^.;]{0,30}")


def _value(m: re.Match[str]) -> float:
    word = m.group(1).lower()
    return float(_NUMBER_WORDS.get(word) or int(word))


def _asked(clause: str, m: re.Match[str]) -> bool:
    """Whether the figure ``m`` of ``clause`` is experience asked (see the module doc)."""
    before = clause[max(0, m.start() - 40) : m.start()].lower()
    if _CEILING_BEFORE.search(before) or _COMPANY_BEFORE.search(before):
        return False
    if _GRADE_AFTER.match(clause, m.end()):
        return False  # "Candidates with 5 years ... will be considered for senior positions"
    singular = m.group().lower().endswith(("year", "yr")) and _value(m) != 1
    if m.group(2) or (singular and clause[m.end() : m.end() + 1] not in _APOSTROPHES):
        # "3-year", "3-5 year": how long something lasts (not "2-3 year's experience")
        return bool(_ADJECTIVE_EXPERIENCE.match(clause, m.end()))
    if _NOT_EXPERIENCE_AFTER.match(clause, m.end()):
        return False  # "25 years of innovation": the company's age
    if _TIME_SPAN_BEFORE.search(before) or _CONTRACT_BEFORE.search(before):
        # "in the last 3 years", "another 9 years", "The period of employment is 2 years":
        # a span of time, unless experience follows ("over 5 years of experience")
        return bool(_OF_EXPERIENCE.match(clause, m.end()))
    return True


def _alternative(clause: str, prev: re.Match[str], m: re.Match[str]) -> bool:
    """Whether the figure ``m`` is an alternative to the figure ``prev`` before it."""
    between = clause[prev.end() : m.start()]
    after = _DEGREE_AFTER.match(clause, m.end())
    return bool(
        _DEGREE_WORD.search(between)
        or _OR_BEFORE.search(between)
        or (after is not None and _DEGREE_WORD.search(after.group()))
    )


#: a figure without "years" after a figure of years ("7+ years of experience, or 5+ with a
#: Master's, or 3+ with a PhD"; "Bachelors degree with 7 years, Masters with 5"): a bare
#: number (no range, decimal, percent or unit after it) ...
_BARE = re.compile(
    rf"(?<![\w.$%/+-])({_NUMBER})\s*{_AS_DIGITS}\+?()(?![.,]?\d)(?![\w%/-])"
    r"(?!\s*(?:-|\u2013|to|or|and)\s*\d)",
    re.IGNORECASE,
)
#: ... that names the degree it is asked of right after it ("5+ with a Master's", "3 (PhD)")
_BARE_DEGREE_AFTER = re.compile(
    r"\s*(?:(?:with|if|for)\s+(?:an?\s+)?|\(\s*(?:(?:with|if|for|w/)\s*)?(?:an?\s+)?)"
    rf"(?:{_DEGREE_WORD.pattern})",
    re.IGNORECASE,
)
#: ... or right before it ("Masters with 5", "PhD: 3", "MS + 2")
_BARE_DEGREE_BEFORE = re.compile(
    rf"(?:{_DEGREE_WORD.pattern})[\s.'\u2019s]*(?:degree\s*)?(?:with|:|\+|and|plus|w/)\s*"
    r"(?:(?:at\s+least|a\s+minimum\s+of|minimum(?:\s+of)?)\s+)?$",
    re.IGNORECASE,
)


def _bare(clause: str, m: re.Match[str]) -> bool:
    """Whether the bare number ``m`` is a figure of years asked of a degree."""
    if _BARE_DEGREE_AFTER.match(clause, m.end()):
        return True
    return bool(_BARE_DEGREE_BEFORE.search(clause[max(0, m.start() - 40) : m.start()]))


def _figures(clause: str) -> list[re.Match[str]]:
    """The figures of experience asked in ``clause``, in text order: figures of years, and
    after the first of them the bare numbers asked of a degree (see :data:`_BARE`)."""
    if "y" not in clause and "Y" not in clause:
        return []
    found = [m for m in _YEARS.finditer(clause) if _asked(clause, m)]
    if not found:
        return []
    bare = [
        m
        for m in _BARE.finditer(clause, found[0].end())
        if not any(f.start() <= m.start() < f.end() for f in found) and _bare(clause, m)
    ]
    return sorted([*found, *bare], key=lambda m: m.start()) if bare else found


#: where the words a figure of years is asked in end: a sentence, a bullet, a semicolon, a
#: degree ("... and have a Bachelor's degree in Analytics", "OR Masters degree and ..."),
#: "experience" followed by a comma (what follows is another item: "2 - 3 years of
#: relevant experience, advanced Excel"), "including" (examples of a wider domain are not
#: the domain: "5+ years of software development, including Python"), a comma and "with" a
#: command of skills ("5 years of experience in Java development, with strong proficiency
#: in Java, Spring, and Hibernate": another ask, the years are of Java development;
#: not "with a focus on NLP", which narrows the years)
_PHRASE_END = re.compile(
    r"[.;!?](?:\s|$)|\s[\u2022\u00b7*|]\s|\s[-\u2013\u2014]\s|(?="
    + _DEGREE_WORD.pattern
    + r")|(?<=experience),|(?<=experiences),"
    r"|\b(?:including|such\s+as|e\.g\.|preferably|ideally)\b"
    r"|,\s*with\s+(?:(?:an?|strong|solid|good|deep|excellent|proven|advanced|working)\s+)*"
    r"(?:proficiency|knowledge|expertise|command|understanding|familiarity|skills?)"
    r"\s+(?:in|with|of)\b",
    re.IGNORECASE,
)
#: a share of the years asked in a narrower field: "5+ years in ML, 3+ of which in NLP",
#: "7 years of engineering, at least 2 of them in Rust", "several of those in ML"
_SHARE = re.compile(
    r",?\s*(?:(?:at\s+least\s+)?(?:\d+\s*\+?|several|some|most)\s*(?:years?\s+)?)?"
    r"\bof\s+(?:which|them|those)\b",
    re.IGNORECASE,
)
#: the next item of a list that lost its line breaks (SkillSpan's ads): a word opening what
#: is asked, capitalised after a word ("5+ years of experience with Embedded Systems You
#: possess expertise in modern C++", "5+ years of software development experience A solid
#: foundation in ... Excellent coding skills in React", "3 or more years ... working with
#: the Dynamics NAV/BC Experience with PowerShell": after an upper-case name too), or a
#: verb of the candidate's run-on list ("OUR IDEAL CANDIDATE has a minimum of 2 years
#: experience as a Content Manager has experience in search engine optimisation");
#: case-sensitive, and only words that open an item, not a skill's name ("Deep Learning",
#: "Good Manufacturing Practice", "Knowledge Graph", "Customer Experience")
_NEXT_ITEM = re.compile(
    r"(?<=[A-Za-z0-9)])\s+(?=(?:You|Your|We|Excellent|Strong|Proven|Solid|Demonstrated"
    r"|An?\s+(?:solid|strong|good|proven|deep)|Ability\s+to|Familiarity\s+with"
    r"|Proficiency\s+(?:in|with)|Understanding\s+of|Expertise\s+(?:in|with)|Fluent\s+in"
    r"|Knowledge\s+of|Experience\s+(?:with|in|of|as|building|using|working)"
    r"|has\s+(?:experience|knowledge|expertise)|is\s+(?:fluent|passionate))\b)"
)


def next_item(text: str, start: int, end: int) -> int:
    """Where the next item of a list that lost its line breaks starts in ``text[start:end]``
    (see :data:`_NEXT_ITEM`: "... Kubernetes brings You use Python as your primary
    language"), else ``end``. An item opened by a preference cue ("Ideally Experience
    with ...") is no next item."""
    for item in _NEXT_ITEM.finditer(text, start, end):
        if not _CUE_BEFORE.search(text, max(start, item.start() - 12), item.start()):
            return item.start()
    return end


#: a preference cue the next item opens with ("... shell Ideally Experience with NoSQL"): the
#: item starts at the cue, and is no item of its own after it
_CUE_BEFORE = re.compile(r"\b(?:Ideally|Preferably|Optionally)$", re.IGNORECASE)


#: a domain opened to what the lexicon cannot check: "in Chemistry or any science-based
#: field", "CAR T cell therapy, or related field", "or similar", "in a similar role"
_OPEN_DOMAIN = re.compile(
    r"\bor\s+(?:in\s+)?(?:any|other|a\s+related|related|similar|equivalent|comparable)\b"
    r"|\bsimilar\s+(?:role|position|capacity|field)",
    re.IGNORECASE,
)
_TRAILING = re.compile(r"[\s,(/]+(?:(?:and|or|with|in|a|an|the)[\s,(/]*)*$", re.IGNORECASE)


def years_phrase(clause: str, *, shares: bool = True) -> str | None:
    """The words of ``clause`` from its first figure of experience asked to the end of what
    the figure is asked in (the next figure, the sentence's or bullet's end, a degree,
    "including" ...), or ``None`` when the clause asks no years; ``""`` when the phrase
    opens its field beyond what it names ("in Chemistry or any science-based field", "or
    a related field", "or similar"): years asked, in no domain a skill can show.

    ``"MS in Biology with 2+ years of experience in assay development. Strong skills"`` gives
    ``"2+ years of experience in assay development"``: the degree's field before the figure
    and the next sentence are not what the years are asked in. A share of the years in a
    narrower field ends the phrase too ("5+ years in ML, 3+ of which in NLP": the years are
    asked in ML); ``shares=False`` reads on through it.
    """
    found = _figures(clause)
    if not found:
        return None
    before = _EXPERIENCE_BEFORE_FOR.search(clause, 0, found[0].start())
    if before is not None and not clause[found[0].end() :].strip(" \t.;,)"):
        # "Extensive experience in designing CI/CD solutions ... for a minimum of three (3)
        # years": the clause's last words are its figure, asked for the experience before it
        phrase = clause[before.start("what") : before.end("what")]
        end = _PHRASE_END.search(phrase)
        return _TRAILING.sub("", phrase[: end.start()] if end else phrase).strip()
    start = found[0].start()
    at, rest = _past_degree_alternatives(clause, found)
    stop = rest[0].start() if rest else len(clause)
    end = _PHRASE_END.search(clause, at, stop)
    stop = end.start() if end else stop
    share = _SHARE.search(clause, at, stop) if shares else None
    stop = share.start() if share else stop
    item = _NEXT_ITEM.search(clause, at, stop)
    phrase = clause[start : found[0].end()] + clause[at : item.start() if item else stop]
    if _OPEN_DOMAIN.search(phrase):
        return ""
    setting = _SETTING.search(phrase)
    if setting and _BARE_YEARS.sub("", phrase[: setting.start()]).strip():
        # "4+ years of product management experience in a SaaS environment": the years are
        # of product management, in a SaaS setting (e2e_product-manager read "product
        # management or SaaS"); "5 years of experience in a SaaS environment" keeps it
        phrase = phrase[: setting.start()]
    return _TRAILING.sub("", phrase).strip()


#: experience named before a figure that ends its clause, after "for": "Experience in X
#: ... for a minimum of three (3) years", "Hands-on experience with Y for at least 2 years"
_EXPERIENCE_BEFORE_FOR = re.compile(
    r"(?P<what>\bexperiences?\s+(?:in|with|of)\s+[^.;]+?)[\s,]+for\s+"
    r"(?:(?:a\s+)?minimum\s+of|at\s+least|over|more\s+than)?\s*$",
    re.IGNORECASE,
)
#: a degree in a parenthesis right after a figure: "5 years (with M.S. degree)", "2 years
#: (PhD)"
_DEGREE_ASIDE = re.compile(r"\s*\(\s*(?:(?:with|w/)\s*)?(?:an?\s+)?(?P<degree>[^()]{1,25})\)")
#: what joins two figures of degree-and-years alternatives
_OR_JOIN = re.compile(r"\s*,?\s*or\s+", re.IGNORECASE)


def _past_degree_alternatives(
    clause: str, found: Sequence[re.Match[str]]
) -> tuple[int, Sequence[re.Match[str]]]:
    """Where the words the first figure of ``found`` is asked in start, and the figures
    after them: past the alternatives of degrees in parentheses that stand between the
    figure and what it is asked in ("Minimum 5 years (with M.S. degree) or 3 years (with
    PhD) of industry experience in data science", glassdoor-0067: data science)."""
    aside = _DEGREE_ASIDE.match(clause, found[0].end())
    if aside is None or not _DEGREE_WORD.search(aside["degree"]):
        return found[0].end(), found[1:]
    at, rest = aside.end(), found[1:]
    while rest:
        join = _OR_JOIN.match(clause, at)
        nxt = _DEGREE_ASIDE.match(clause, rest[0].end())
        if join is None or join.end() != rest[0].start() or nxt is None:
            break
        if not _DEGREE_WORD.search(nxt["degree"]):
            break
        at, rest = nxt.end(), rest[1:]
    return at, rest


#: the setting the years are spent in, after what they are asked in
_SETTING = re.compile(
    r"[ \t,]+(?:in|within|at)[ \t]+(?:an?|the)[ \t]+(?:[\w/&+-]+[ \t]+){0,3}?"
    r"(?:environments?|settings?|contexts?)\b",
    re.IGNORECASE,
)
#: the words of a figure of experience that name no field: "4+ years of relevant experience"
_BARE_YEARS = re.compile(
    rf"\b(?:{_NUMBER}|years?|yrs?|of|experiences?|relevant|professional|industry|work"
    r"|hands-on|practical|minimum|at|least|more|than|or)\b|[\d+\-\u2013()]",
    re.IGNORECASE,
)


#: what opens the fields the years are asked in: "3+ years experience of", "5 years of
#: professional experience in", "4+ years in"
_QUALIFIERS = r"(?:(?:relevant|professional|industry|work|hands-on|practical)\s+)*"
_FIELDS_LEAD = re.compile(
    rf"[\s\u2019']*(?:(?:of\s+)?{_QUALIFIERS}experiences?\s+(?:of|in|within|across)"
    rf"|(?:of\s+)?{_QUALIFIERS}(?:in|within|across))\s+",
    re.IGNORECASE,
)
#: an item that opens the field to its like ("or related field", "or equivalent
#: experience"): the named fields stay what is asked
_OPEN_ITEM = re.compile(
    r"\b(?:related|similar|equivalent|comparable|other|relevant)\b|^(?:any|an?)\b", re.I
)
#: a field of the list: one to four words
_FIELD_ITEM = r"[\w&+-]+(?:[ \t]+[\w&+-]+){0,3}"
_FIELD_LIST = re.compile(
    rf"(?P<list>{_FIELD_ITEM}(?:[ \t]*,[ \t]*{_FIELD_ITEM})*,?[ \t]+(?:and/)?or[ \t]+"
    rf"{_FIELD_ITEM})[ \t]*(?:[.;,)]|$)",
    re.IGNORECASE,
)
_FIELD_SEP = re.compile(r"[ \t]*,[ \t]*(?:(?:and/)?or[ \t]+)?|[ \t]+(?:and/)?or[ \t]+", re.I)


#: a list of alternatives whose last item is a setting ("... or corporate environment") ...
_SETTINGS_LIST = re.compile(r"[ \t](?:environments?|settings?|contexts?)$", re.IGNORECASE)
#: ... after a field and the "in" of its settings: "machine learning in research and/or"
_FIELD_THEN_IN = re.compile(
    r"\w[ \t]+(?:in|within)[ \t]+[\w-]+(?:[ \t]+[\w-]+)?[ \t]+(?:and/)?or\b", re.IGNORECASE
)


def field_alternatives(clause: str) -> list[tuple[int, int]]:
    """The spans of the fields ``clause`` asks its years in as alternatives, a list joined
    by "or" ("3+ years experience of engineering, analysis, statistics, product operations
    or equivalent experience": any one of them), or ``[]``; the list ends its clause or
    sentence. An item that opens the field to its like ("or related field") is left out."""
    found = _figures(clause)
    if not found:
        return []
    lead = _FIELDS_LEAD.match(clause, found[0].end())
    if lead is None:
        return []
    m = _FIELD_LIST.match(clause, lead.end())
    if m is None:
        return []
    a = m.start("list")
    if _SETTINGS_LIST.search(m["list"]) and _FIELD_THEN_IN.search(clause, a, m.end("list")):
        # "2+ years of experience in machine learning in research and/or corporate
        # environment": the list offers the settings the field was worked in, not fields
        return []
    out = []
    for gap in _FIELD_SEP.finditer(clause, a, m.end("list")):
        out.append((a, gap.start()))
        a = gap.end()
    out.append((a, m.end("list")))
    return [(a, b) for a, b in out if not _OPEN_ITEM.search(clause[a:b])]


def alternative_figures(clause: str) -> list[re.Match[str]]:
    """The first figure of experience asked in ``clause`` and the figures after it that are
    its alternatives ("BS and 5 years OR MS and 3 years": both), in text order."""
    found = _figures(clause)
    out = found[:1]
    for prev, m in zip(found, found[1:], strict=False):
        if not _alternative(clause, prev, m):
            break
        out.append(m)
    return out


def figure_value(m: re.Match[str]) -> float:
    """The years a figure of :func:`alternative_figures` asks (the lower of a range)."""
    return _value(m)


def years_asked(clause: str) -> float | None:
    """The years of experience ``clause`` asks for, or ``None``: its first figure of
    experience asked, or the lowest of that figure and its alternatives."""
    found = alternative_figures(clause)
    return min(_value(m) for m in found) if found else None


#: a minimum's bare figure in a label, "Minimum Level: 2-3" (the lower end the minimum)
_BARE_MINIMUM = re.compile(
    r"\s*(?:minimum|min\.?)\b[^:;\n\d]{0,20}:\s*(?P<low>\d{1,2})(?:\s*[-\u2013]\s*\d{1,2})?\s*",
    re.IGNORECASE,
)
#: the preferred figure that follows it and names the unit they share: "; Preferred Level:
#: 3+ years of relevant experience ..." up to the end of its line
_PREFERRED_UNIT = re.compile(
    r"\s*[;,]\s*(?:preferred|desired|ideal)\b[^:;\n\d]{0,20}:\s*\d{1,2}\+?\s*"
    r"(?:[-\u2013]\s*\d{1,2}\s*)?(?:years?|yrs?)\b[^\n]*",
    re.IGNORECASE,
)


def minimum_sharing_unit(text: str, start: int, end: int) -> tuple[float, str] | None:
    """The years of a minimum named by its bare figure in a label whose unit the preferred
    figure after it names, and the text of both: "Minimum Level: 2-3; Preferred Level: 3+
    years of relevant experience" (glassdoor-0222) asks 2 years, 3+ preferred. ``None``
    when ``text[start:end]`` is no such minimum."""
    bare = _BARE_MINIMUM.fullmatch(text, start, end)
    if bare is None:
        return None
    unit = _PREFERRED_UNIT.match(text, end)
    if unit is None:
        return None
    return float(bare["low"]), " ".join(text[start : unit.end()].split())


#: what stands between two items of a list joined by "and": commas and spaces, and at
#: most one "and" or "&" ("C#, Python and SQL"; "Terraform GCP and Kubernetes", a text
#: that lost its commas); an "or", a "/" or any other word ends the list
_LIST_GAP = re.compile(r"[\s,]*(?:(?:and|&)[\s,]*)?", re.IGNORECASE)
_AND = re.compile(r"\band\b|&", re.IGNORECASE)


def and_list(phrase: str, words: Sequence[str]) -> bool:
    """Whether every occurrence in ``phrase`` of ``words`` (the words of the skills named
    there, two or more) stands in one list whose last two items are joined by "and".

    ``"3 years of professional experience with Terraform, GCP and Kubernetes"`` with
    ``["Terraform", "GCP", "Kubernetes"]`` gives ``True``; ``"2+ years with SAS and/or
    SQL"``, ``"Python, Java, or Scala"``, ``"Scala, Python, SQL, etc."`` (no "and") and
    ``"5 years in Java development, with strong proficiency in Java, Spring, and
    Hibernate"`` (Java outside the list) give ``False``.
    """
    folded = phrase.casefold()
    found = [
        [
            (m.start(), -m.end())
            for m in re.finditer(rf"(?<![\w+#.-]){re.escape(w)}(?![\w+#-])", folded)
        ]
        for w in dict.fromkeys(" ".join(w.split()).casefold() for w in words)
    ]
    if not all(found):
        return False  # a name not found as a word: no list to read
    spans = sorted(span for spans in found for span in spans)
    items: list[tuple[int, int]] = []
    for a, minus_b in spans:
        b = -minus_b
        if items and a < items[-1][1]:
            if b > items[-1][1]:
                return False  # overlapping names: no list to read
            continue  # a name inside another ("Spring" in "Spring Boot")
        items.append((a, b))
    if len(items) < 2:
        return False
    gaps = [folded[b:a] for (_, b), (a, _) in zip(items, items[1:], strict=False)]
    return all(_LIST_GAP.fullmatch(g) for g in gaps) and bool(_AND.search(gaps[-1]))


#: the one who does a work, and the work ("scientist": "science")
_WORK = {
    "scientist": "science",
    "engineer": "engineering",
    "analyst": "analysis",
    "developer": "development",
    "designer": "design",
    "consultant": "consulting",
    "accountant": "accounting",
    "nurse": "nursing",
    "teacher": "teaching",
}
#: "as a Data Scientist", "as an ML engineer": up to three words before the doer
_AS = re.compile(r"\bas\s+an?\s+", re.IGNORECASE)
_ROLE = re.compile(r"((?:[a-z][\w&+-]*\s+){0,3}?)(" + "|".join(_WORK) + r")s?\b", re.IGNORECASE)
#: what parts a list of roles ("a data scientist, software engineer or statistician")
_ROLE_GAP = re.compile(r"\s*(?:,|/|\bor\b|\band\b)\s*", re.IGNORECASE)
#: the most words of an item of a list of roles
_ROLE_WORDS = 4


def role_work(phrase: str) -> list[list[str]]:
    """For each role ``phrase`` asks the years as, the names of its work, lower case, the
    longest first: ``"5+ years of experience as a Data Scientist"`` gives ``[["data
    science"]]``, ``"as a senior software engineer or data analyst"`` ``[["senior software
    engineering", "software engineering", "engineering"], ["data analysis"]]``. ``[]`` when
    no role is named, or when an item of the list is no role this reads ("as a data
    scientist or statistical modeler"): then no job can be told apart.
    """
    at = _AS.search(phrase)
    if at is None:
        return []
    out: list[list[str]] = []
    for k, part in enumerate(_ROLE_GAP.split(phrase[at.end() :])):
        m = _ROLE.match(part)
        if m is None:
            if k == 0 or len(part.split()) <= _ROLE_WORDS:
                return []  # no role, or an item of the list this cannot read
            break  # the prose after the roles
        words = m.group(1).casefold().split()
        work = _WORK[m.group(2).casefold()]
        out.append([" ".join([*words[i:], work]) for i in range(len(words) + 1)])
    return out
