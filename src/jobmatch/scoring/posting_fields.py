"""The fields of study a posting's degree names: "Ph.D. in cell biology, immunology,
biochemistry, or a related discipline" asks a degree in one of them, not three skills.

A mention is a field of the degree when the text before it, back to a degree word and its
"in" ("degree in", "Ph.D. in", "Master of Science in", "BS/MS in"), holds only the list it
is an item of: other field names, commas, slashes, "or", "and". The list ends at a
sentence's or a parenthesis' punctuation, a figure, or a word that turns to something else
than the degree ("with", "experience", "knowledge", "preferred"...): "Bachelor's degree in
Statistics with experience in Python" asks Python.
"""

from __future__ import annotations

import re

from ..extract.vocabulary import NAMED_TECHNOLOGY
from ..models import SkillMention

__all__ = ["degree_fields", "in_degree_list"]

#: skills no degree is named for: technologies, languages, soft skills
_NEVER_FIELDS = NAMED_TECHNOLOGY | {"spoken_language", "soft_skill", "competency"}
#: how far before a mention its degree may stand
_WINDOW = 240
#: a degree word and the "in" that opens its field ("degree in", "Ph.D. in", "Master of
#: Science in", "BS/MS in", "degree (or equivalent) in"), the last one before the mention
_DEGREE_WORD = (
    r"(?:\bdegrees?|\bdiploma|\bdoctorate|\bph\.?\s?d\.?|\bmaster'?s?|\bmaster\u2019s"
    r"|\bbachelor'?s?|\bbachelor\u2019s|\b[bm]\.?\s?sc?\.?|\b[bm]\.a\.|\b[bm]a\b|\bmba"
    r"|\b[bm]\.?\s?eng\.?|\b[bm]\.?\s?tech\.?|\bof\s+(?:science|arts|engineering))"
    # "PhD or similar qualification in", "degree or higher in" (glassdoor-0182, -0290)
    r"(?:\s+or\s+(?:higher|above|(?:a\s+)?(?:similar|equivalent|comparable)"
    r"(?:\s+(?:qualifications?|degrees?))?))?"
    r"(?:\s*\([^()]{0,30}\))?"
)
_DEGREE_IN = re.compile(
    # "preferably a PhD, in Statistics/Applied Statistics" (glassdoor-0221): a comma between
    _DEGREE_WORD + r",?\s+in\s+"
    # "degree ... required, preferably in a quantitative field" (glassdoor-0310), never
    # before the degree ("experience ... preferably in E-Commerce. Bachelor's degree")
    r"|" + _DEGREE_WORD + r"[^.;()\n]{0,80}?\b(?:preferably|ideally)\s+in\s+"
    # the fields after a semicolon: "M.S with 6 years of experience preferred; in molecular
    # biology, biology, or biochemistry or related field" (glassdoor-0106)
    r"|" + _DEGREE_WORD + r"[^.;()\n]{0,80}?;\s*in\s+"
    # the degree's emphasis: "BA or BS, with emphasis in statistical research or
    # mathematics" (glassdoor-0295), "degree with a concentration in finance"
    r"|" + _DEGREE_WORD + r"[^.;()\n]{0,40}?\b(?:an?\s+)?(?:emphasis|concentration"
    r"|speciali[sz]ation|major)\s+(?:in|on)\s+"
    # the examples of a background the degree comes with: "Advanced degree (master's degree
    # or PhD) with quantitative background (data science, ..., econometrics or another
    # related field)" (glassdoor-0057 asked econometrics); in a parenthesis only ("with a
    # strong background in condensed matter" asks knowledge)
    r"|" + _DEGREE_WORD + r"\s+with\s+(?:an?\s+)?(?:[a-z]+\s+){0,2}backgrounds?\s*\(\s*"
    r"(?:(?:e\.\s?g\.|i\.\s?e\.|such\s+as|including),?\s*)?"
    # a labelled field: "Education: Bachelor's Degree ... Field of Study: Actuarial Science,
    # Mathematics, Statistics or a related discipline" (glassdoor-0459), "Major: ..."
    r"|\b(?:fields?\s+of\s+study|majors?|areas?\s+of\s+study)\s*:\s*",
    re.IGNORECASE,
)
#: what may stand between the field's "in" and a mention of the same list: names, commas,
#: slashes, "&", "or", "and"; never a sentence's or a parenthesis' punctuation or a figure
_LIST = re.compile(r"[A-Za-z][A-Za-z&'\u2019/,\s-]*", re.IGNORECASE)
#: a word after which the list no longer names the degree's field
_TURN = re.compile(
    r"\b(?:with|experience|knowledge|proficien\w*|skills?|abilit(?:y|ies)|understanding"
    r"|familiar\w*|background|plus|preferred|required|from|at|who|that|including|such"
    r"|years?|related|equivalent|similar|other|relevant|working|using|for|good|strong"
    r"|excellent|solid|deep|proven|fluent|written|spoken|must|should|is|are|be|ha(?:ve|s))\b",
    re.IGNORECASE,
)
#: a word for a field and what opens its examples ("field such as", "discipline (e.g.,")
_KIND_EXAMPLES = (
    r"(?:fields?|disciplines?|areas?|subjects?|majors?)"
    # "discipline (e.g., statistics/ ...", "field (CS/Math/...", "field such Data, ..."
    r"\s*(?:,?\s*(?:such(?:\s+as)?|like|e\.\s?g\.,?|including)|\((?:e\.\s?g\.,?|i\.\s?e\.,?"
    r"|such as|including)?)\s*"
)
#: a field named by its kind before its examples ("a quantitative field such as", "a
#: technical discipline, e.g.,"): the examples are the list of fields
_EXAMPLES = re.compile(r"^(?:an?\s+)?(?:[a-z]+\s+){0,3}" + _KIND_EXAMPLES, re.IGNORECASE)
#: the same examples after the fields the degree names first: "degree in Analytics or
#: related quantitative fields (statistics, Operations research, mathematics, econometrics
#: etc.)" (glassdoor-0619 asked econometrics): what stands before them is a list of names
#: and the words that open it to its like
_LATER_EXAMPLES = re.compile(r"(?P<kind>(?:\b[a-z]+\s+){0,3})" + _KIND_EXAMPLES, re.IGNORECASE)
#: the words that open a degree's list to its like ("or related", "or other quantitative")
_LIKE = re.compile(r"\b(?:related|other|similar|equivalent|relevant)\b", re.IGNORECASE)
#: the most words between the field's "in" and a mention of its list
_MAX_WORDS = 20
#: the like of the list's fields named as one of them: "Chemistry, Biochemistry or a related
#: life science field" (glassdoor-0101 asked life sciences as a skill); the words before
#: the mention are the list's, "related" opens no other subject there
_RELATED_ITEM = re.compile(
    r"\s(?:or|and/or|and)\s+(?:an?\s+|any\s+|other\s+)?(?:related|similar)\s+$", re.IGNORECASE
)


def degree_fields(text: str, ms: list[SkillMention]) -> list[SkillMention]:
    """The mentions of ``ms`` that name the field of a degree ("Ph.D. in cell biology,
    immunology, biochemistry, or ..."): a field of study, not a skill asked. Named
    technologies (Python, AWS) are never read so."""
    return [m for m in ms if m.category not in _NEVER_FIELDS and in_degree_list(text, m.start)]


def in_degree_list(text: str, start: int) -> bool:
    """Whether the words at ``start`` of ``text`` are an item of the list of fields a
    degree names after its "in" (:func:`degree_fields`)."""
    window = text[max(0, start - _WINDOW) : start]
    last = max(_DEGREE_IN.finditer(window), key=lambda d: d.start(), default=None)
    if last is None:
        return False
    # "BS in a quantitative field such as math, physics, ...": its examples are fields
    between = _EXAMPLES.sub("", window[last.end() :], count=1)
    later = _LATER_EXAMPLES.search(between)
    if later is not None and _names_only(_LIKE.sub("", between[: later.end("kind")])):
        between = between[later.end() :]
    if "\n\n" in between or len(between.split()) > _MAX_WORDS:
        return False
    related = _RELATED_ITEM.search(between)
    if related is not None and _names_only(between[: related.start()]):
        return _FIELD_WORD.match(text, start) is not None
    return not between or _names_only(between)


#: the words after a mention that make it a kind of field: "life science field"
_FIELD_WORD = re.compile(
    r"[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?\s+(?:fields?|disciplines?|areas?|majors?)\b",
    re.IGNORECASE,
)


def _names_only(head: str) -> bool:
    """Whether ``head`` holds only a list of names: no punctuation of a sentence or a
    parenthesis, no word that turns from the degree."""
    return _LIST.fullmatch(head) is not None and _TURN.search(head) is None


#: a degree's own word in a clause ("degree", "BS", "Master of Science", "education")
_DEGREE_ANY = re.compile(_DEGREE_WORD + r"|\beducation\b|\bgraduate\b|\bdoctoral\b", re.IGNORECASE)
#: the most words between a field of a degree's list and the degree or the list's last field
_MAX_GAP = 30


def near_degree(
    clause: str, spans: list[tuple[int, int, str]], degrees: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The known fields ``spans`` (of :func:`field_spans`) that a degree of ``clause`` names:
    an item of the list after its "in" (:func:`in_degree_list`), or a field that a chain of
    fields joins to a degree word (``degrees``, its :func:`degree_mentions`, and the words
    "degree", "education"...), each at most :data:`_MAX_GAP` words from the last. A clause
    that runs on past its degree ("MS or BS in Computer Science Good written and spoken
    English ... engineering mindset We offer ... PE accounting and support", a posting
    written without punctuation) names no field far from it. A clause without a degree word
    (a part of a degree clause: "..., preferably in Statistics") names all its fields."""
    anchors = [(a, b) for a, b, _ in degrees]
    anchors += [(m.start(), m.end()) for m in _DEGREE_ANY.finditer(clause)]
    if not anchors:
        return spans
    kept = [s for s in spans if in_degree_list(clause, s[0])]
    reached = anchors + [(a, b) for a, b, _ in kept]
    grown = True
    while grown:
        grown = False
        for s in spans:
            if s in kept or not any(_gap(clause, (s[0], s[1]), r) <= _MAX_GAP for r in reached):
                continue
            kept.append(s)
            reached.append((s[0], s[1]))
            grown = True
    return sorted(kept)


def _gap(clause: str, s: tuple[int, int], t: tuple[int, int]) -> int:
    """The number of words between the spans ``s`` and ``t`` of ``clause``."""
    a, b = (s, t) if s[0] <= t[0] else (t, s)
    return len(clause[a[1] : b[0]].split()) if a[1] <= b[0] else 0
