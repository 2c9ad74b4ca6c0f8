"""The names a posting calls its company by, and where it speaks of itself by that name.

A posting names its company where it speaks of it: "At Hygiena, our emphasis on teamwork
...", "join Hygiena", "Since 2001, Hygiena has been ...", "Hygiena is an equal opportunity
employer", "About Hygiena", "Hygiena's mission". A clause opening with that name and a verb
of its own ("Hygiena plays a critical role in ... healthcare-associated infections") is the
company describing itself in the third person, as "We ..." is in the first: it asks
nothing of the candidate.

Where the company's name stands, it names the company, not a skill: "Consult companies that
work with Adyen" in Adyen's posting asks no Adyen, "PA Consulting key industries" no
consulting; nor do the industries it calls its own ("PA Consulting key industries: Life
Science, Healthcare"). A name followed by a word of a product ("Familiarity with Esri GIS
products" in Esri's posting) names what the company makes, which may be asked.
"""

from __future__ import annotations

import re

__all__ = [
    "client_industries",
    "company_names",
    "company_spans",
    "company_subject",
    "named_companies",
]

#: a company's name: one to three capitalised words ("Hygiena", "Blueprint Medicines")
_NAME = r"([A-Z][\w&'\u2019.-]*(?:[ \t]+[A-Z][\w&'\u2019-]*){0,2})"
#: where a posting names its company (the name is group 1)
_NAMED = tuple(
    re.compile(p, re.MULTILINE)
    for p in (
        r"\bAt " + _NAME + r",",
        r"\b[Jj]oin(?:ing)? " + _NAME + r"(?=[ \t]*[.,!;\n]|[ \t]+(?:as|and|in|to)\b)",
        r"\bSince (?:\d{4}|its founding),? " + _NAME + r"\s+(?:has|is|was)\b",
        r"(?:^|[.!]\s+)" + _NAME + r" is an? (?:[Ee]qual [Oo]pportunity|EEO|proud)",
        r"^About " + _NAME + r"[ \t]*:?[ \t]*$",
        r"\b" + _NAME + r"(?:'s|\u2019s) (?:mission|vision|values|culture|purpose)\b",
        r"^Why (?:work at |join )?" + _NAME + r"\?",
        # a line that introduces the company ("This is Adyen"), a team or group of it
        # ("our data team at Red Ventures", "The Data Science & AI group at PA Consulting")
        r"^This is " + _NAME + r"[ \t]*[.!]?[ \t]*$",
        r"\b(?:[Tt]eams?|[Gg]roups?|[Pp]ractices?) at " + _NAME + r"\b",
    )
)
#: after the company's name, a word of what it makes: the name names a product ("Esri GIS
#: products", "the Stripe API"; not "the main Adyen platform", the company's own system)
_PRODUCT = re.compile(
    r"(?:[\s-]+[A-Z][\w-]*)?[\s-]+(?:products?|software|technolog(?:y|ies)|tools?|suite"
    r"|APIs?|SDKs?)\b",
    re.IGNORECASE,
)
#: the industries the company calls its own, to the end of the line or sentence
_INDUSTRIES = (
    r"\s+(?:key\s+|core\s+|main\s+|target\s+)?(?:industries|sectors|verticals)\b([^\n.;]*)"
)
#: words that open such phrases without naming a company ("At Our Core,", "Join Us.")
_NOT_NAMES = frozenset(
    "Our Us We The This That A An You Your It Its Them Me My Other Each Every "
    "Team Now Today Here".split()
)
#: the company's verbs in a sentence about itself (not "... is seeking", "is hiring")
_OWN_VERBS = (
    r"(?:is|are|was|has|have|had|plays?|believes?|offers?|provides?|delivers?|helps?"
    r"|serves?|builds?|develops?|uses?|leverages?|combines?|creates?|designs?|invests?"
    r"|values?|strives?|continues?|remains?|focuses?|operates?|specializ\w+|partners?"
    r"|empowers?|enables?|works?|employs?|became|brings?|makes?)\b"
    r"(?!\s+(?:seeking|looking|hiring|searching|recruiting|in need)\b)"
)


def company_names(text: str) -> tuple[str, ...]:
    """The names ``text`` calls its company by, longest first (none when it names none)."""
    found: dict[str, None] = {}
    for rx in _NAMED:
        for m in rx.finditer(text):
            name = m.group(1).rstrip(".")
            if name.split()[0] not in _NOT_NAMES:
                found.setdefault(name, None)
    return tuple(sorted(found, key=len, reverse=True))


def company_subject(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """A clause opening with the company's name and a verb of its own ("Hygiena plays a
    critical role ..."), or ``None`` without names."""
    if not names:
        return None
    alts = "|".join(re.escape(n) for n in names)
    return re.compile(rf"[^\w<]*(?:{alts})(?:,[^,]{{0,60}},)?\s+{_OWN_VERBS}")


def company_spans(text: str, names: tuple[str, ...]) -> list[tuple[int, int]]:
    """The spans of ``text`` where ``names`` name the company (not one of its products),
    and of the lists of industries it calls its own, in text order."""
    if not names:
        return []
    alts = "|".join(re.escape(n) for n in names)
    spans = []
    for m in re.finditer(rf"(?<![\w-])(?:{alts})(?![\w-])", text):
        if not _PRODUCT.match(text, m.end()):
            spans.append(m.span())
    own = rf"(?<![\w-])(?:(?:{alts})(?:'s|\u2019s)?|[Oo]ur)(?![\w-])"
    spans += [m.span(1) for m in re.finditer(own + _INDUSTRIES, text)]
    return sorted(spans)


#: companies named as such: "marquee tech companies (i.e: Facebook/LinkedIn/Splunk)",
#: "companies such as Apple, eBay, Amazon": past employers, partners or clients, not skills
#: a company's name in such a list: capitalised words ("Microsoft", "eBay", "McGraw-Hill")
_LISTED = r"(?-i:[a-z]?[A-Z][\w.&'\u2019-]*)(?:[ \t](?-i:[A-Z][\w.&'\u2019-]*)){0,2}"
_LISTED_NAMES = rf"{_LISTED}(?:[ \t]*(?:,|/|&)?[ \t]*(?:(?:and|or)[ \t]+)?{_LISTED})*"
_COMPANY_LIST = re.compile(
    r"\b(?:companies|organi[sz]ations|firms|employers|start-?ups|brands)\b[ \t]*"
    r"(?:\([ \t]*(?:(?:i\.?[ \t]?e|e\.?[ \t]?g)\.?[ \t]*[:,]?[ \t]*)?"
    rf"(?P<paren>{_LISTED_NAMES})[ \t]*,?[ \t]*(?:etc\.?)?[ \t]*\)"
    rf"|,?[ \t]+(?:such[ \t]+as|like|including)[ \t]+(?P<list>{_LISTED_NAMES}))",
    re.IGNORECASE,
)


def named_companies(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` listing companies by name after a word for companies
    (:data:`_COMPANY_LIST`), in text order."""
    spans = []
    for m in _COMPANY_LIST.finditer(text):
        group = "paren" if m.group("paren") is not None else "list"
        spans.append(m.span(group))
    return spans


#: the industries of the company's clients: "serving Fortune 1000 companies and other clients
#: in a variety of industries, including telecommunications, retail, financial services"
#: (glassdoor-0050, a sentence about the company, required telecommunications and retail)
_CLIENT_INDUSTRIES = re.compile(
    r"\b(?:clients|customers|companies|organi[sz]ations|businesses|partners)\s+"
    r"(?:in|across|from|spanning)\s+(?:(?:an?|the)\s+)?(?:(?:wide|broad|diverse)\s+)?"
    r"(?:(?:variety|range|number|host|set|array)\s+of\s+)?"
    r"(?:(?:many|multiple|various|diverse|different|numerous|several|other|key)\s+)?"
    r"(?:industries|sectors|verticals),?\s+(?:including|such\s+as|like|e\.g\.,?)\s+"
    r"(?P<list>[^.\n;]*)",
    re.IGNORECASE,
)
#: words of a sentence that asks of the candidate: "Experience serving clients in industries
#: such as retail" asks retail
_CANDIDATE = re.compile(
    r"\b(?:you|your|experience\w*|knowledge|familiar\w*|background|candidates?|ability"
    r"|expertise|understanding|must|should|required|preferred|plus)\b",
    re.IGNORECASE,
)


def client_industries(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` listing the industries of the company's clients
    (:data:`_CLIENT_INDUSTRIES`), in a sentence that asks nothing of the candidate."""
    spans = []
    for m in _CLIENT_INDUSTRIES.finditer(text):
        start = max(text.rfind("\n", 0, m.start()), text.rfind(". ", 0, m.start())) + 1
        if _CANDIDATE.search(text, start, m.end("list")) is None:
            spans.append(m.span("list"))
    return spans
