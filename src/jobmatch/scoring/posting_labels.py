"""A line's own label: "Preferred Work Experience -Retail banking ... . Experience with
marketing, sales, or customer service" (glassdoor-0407) prefers every clause of its line,
whatever the heading above it says; "PreferredTechnical Knowledge -CRM experience, Python
or R" too, the space of its words lost.

A label opens its line, a few capitalised words before a colon or a dash set off by a space
("Required Work Experience -3+ years ..."), and says what its line asks: preferred
("preferred", "desired", "nice to have") or required ("required", "requirements", "must
have"), as the post's clearance ("Clearance: Active Top Secret") does. Other labels
("Education - ...", "Bonus: ...") leave the section as it is.

A job board's fields run into one line (SkillSpan's rebuilt ads: "... Experience level: Lead
Industry: eCommerce Finance Retail Company size: 5k-10k people ...") describe the company
and the post: the values of "Industry:" and "Role:" there ask nothing
(:func:`board_field_values`), as they ask nothing on a line of their own under the label.
"""

from __future__ import annotations

import re

__all__ = ["line_label", "board_field_values", "kind_of_requirements"]

#: a label opening a line: up to six words, the first capitalised, then ":" or " -"
_LABEL = re.compile(
    r"[ \t]*([A-Z][A-Za-z&/']*(?:[ \t]+[A-Za-z&/']+){0,5}?)(?:[ \t]+[-\u2013]|[ \t]*:)[ \t]*\S"
)
#: words run together ("PreferredTechnical"): a lower-case letter before a capital
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z])")
_PREFERRED = re.compile(r"\b(?:preferred|desired|nice to have)\b", re.IGNORECASE)
_REQUIRED = re.compile(r"\b(?:required|requirements|must have)\b", re.IGNORECASE)
#: the post's clearance, a field of its own: "Clearance: Active Top Secret" (glassdoor-0186,
#: under "Desired Qualifications"), "Clearance Level Must Currently Possess: Top Secret"
_CLEARANCE = re.compile(r"(?:security[ \t]+)?clearance\b", re.IGNORECASE)


def line_label(text: str, at: int) -> str | None:
    """The section the label of the line holding ``text[at]`` names: ``"preferred"``,
    ``"requirements"``, or ``None`` (no label, or one that names neither).

    >>> line_label("Preferred Work Experience -Retail banking. Experience with CRM", 45)
    'preferred'
    """
    start = text.rfind("\n", 0, at) + 1
    m = _LABEL.match(text, start)
    if m is None or m.end() > at + 1 and m.start(1) > at:
        return None
    label = _GLUED.sub(" ", m.group(1))
    if _PREFERRED.search(label):
        return "preferred"
    if _REQUIRED.search(label) or _CLEARANCE.match(label):
        return "requirements"
    return None


#: a job board's field labels, as SkillSpan's ads write them
_BOARD_LABELS = (
    r"Job type:|Experience level:|Role:|Industry:|Company size:|Company type:|Technologies\b"
    r"|Job description\b|Location options:|Compensation:"
)
#: the value of "Industry:" or "Role:" run into a line, up to the next label of the board
_BOARD_VALUE = re.compile(
    rf"\b(?:Industry|Role):[ \t]+(?P<value>[^\n:]+?)(?=[ \t]+(?:{_BOARD_LABELS}))"
)


def board_field_values(text: str) -> list[tuple[int, int]]:
    """The spans of the values of a job board's "Industry:" and "Role:" fields run into a
    line before another of its fields: the company's industry and the post's role, which
    ask no skill ("Industry: eCommerce Finance Retail Company size: ...").

    >>> t = "Experience level: Lead Industry: eCommerce Finance Company size: 5k people"
    >>> [t[a:b] for a, b in board_field_values(t)]
    ['eCommerce Finance']
    """
    return [m.span("value") for m in _BOARD_VALUE.finditer(text)]


#: a label naming a kind of requirements: "Security Requirements:", "Travel Requirements -"
_KIND_LABEL = re.compile(
    r"[ \t]*(?:[-*\u2022\u25cf\u00b7][ \t]*)?(?P<kind>[A-Z][A-Za-z&/']*(?:[ \t]+[A-Za-z&/']+)?)"
    r"[ \t]+requirements?(?:[ \t]+[-\u2013]|[ \t]*:)",
    re.IGNORECASE,
)


def kind_of_requirements(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is the whole kind a line's label gives its requirements
    ("Security Requirements: Active TS/SCI security clearance required.", glassdoor-0051
    required security): the label names the section, its items say what is asked.

    >>> t = "Security Requirements: Active TS/SCI clearance required."
    >>> kind_of_requirements(t, 0, 8), kind_of_requirements(t, 30, 39)
    (True, False)
    """
    m = _KIND_LABEL.match(text, text.rfind("\n", 0, start) + 1)
    return m is not None and m.span("kind") == (start, end)
