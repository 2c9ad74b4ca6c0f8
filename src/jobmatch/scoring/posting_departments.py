"""The departments a posting names as colleagues without a word for a team.

"serve as PV expert and liaise with Clinical Operations, Biostatistics, Regulatory Affairs,
Contract Research and other entities as needed": after a verb of working with others
("liaise", "collaborate", "partner", "coordinate", "interface", "work closely"), a list of
two or more capitalised names is the departments the job works with, as "with the Data
Engineering team" is (:func:`~.posting_rules.team_names`); their names are not skills asked
of the candidate. A single name ("collaborate with Biostatistics") is left alone: it may as
well be the field the work is done in. A list the words before it call teams or departments
("cross-functional teams for corporate sales, marketing, customer service", "departments
including discovery, pre-clinical ...") is departments in any case. A department the work
serves is one too, named alone ("evidence ... that support R&D").
"""

from __future__ import annotations

import re

__all__ = ["department_names"]

#: a department's name: one to three words, the first capitalised ("Regulatory Affairs",
#: "R&D", "Project management" in "collaborating with Marketing, Sales, Project
#: management, QA, and Production", glassdoor-0242)
_NAME = (
    r"(?-i:[A-Z][\w&'\u2019-]*)(?:[ \t]+(?:&[ \t]+)?(?:(?-i:[A-Z][\w&'\u2019-]*)"
    r"|(?!(?:and|or|to|on|as|in|for|across|with|the|other|of)\b)(?-i:[a-z][\w&'\u2019-]*))){0,2}"
)
_SEP = r"(?:[ \t]*,[ \t]*(?:and[ \t]+|&[ \t]+)?|[ \t]+(?:and|&)[ \t]+|[ \t]*/[ \t]*)"
_DEPARTMENTS = re.compile(
    r"\b(?:liais(?:e|es|ed|ing)|collaborat(?:e|es|ed|ing)|partner(?:s|ed|ing)?"
    r"|coordinat(?:e|es|ed|ing)|interfac(?:e|es|ed|ing)"
    r"|work(?:s|ed|ing)?[ \t]+(?:closely|cross-functionally))"
    r"[ \t]+with[ \t]+(?:(?:the|our|other|key|internal)[ \t]+)?"
    rf"({_NAME}(?:{_SEP}{_NAME})+"
    # the list ends with its clause, "and other ...", or a word that turns to the task
    r"(?=[ \t]*(?:,?[ \t]*(?:and|&)[ \t]+other\b|[.;,)]|$|[ \t]+(?:to|on|as|in|for|across)\b))"
    # one name before the other people met: "Coordinate with Product management and
    # technical stakeholders" (glassdoor-0338)
    rf"|{_NAME}(?=[ \t]+(?:and|&)[ \t]+(?:[\w-]+[ \t]+)?(?:stakeholders|partners|teams"
    r"|colleagues|counterparts|leaders(?:hip)?)\b))",
    re.IGNORECASE | re.MULTILINE,
)


#: a list the words before it call departments, in any case: "cross-functional teams for
#: corporate sales, marketing, customer service, and product development" (glassdoor-0407,
#: a duty), "departments including discovery, pre-clinical, protein production and CMC"
_ITEM = r"[\w&'\u2019-]+(?:[ \t]+[\w&'\u2019-]+){0,2}"
_CALLED_DEPARTMENTS = re.compile(
    r"\b(?:(?:cross[- ]?functional[ \t]+)teams?[ \t]+(?:for|from|across|including|in)"
    r"|(?:departments|business[ \t]+units)[ \t]+(?:including|such[ \t]+as|like|for))"
    rf"[ \t]+(?:(?:the|our|other|key|internal)[ \t]+)?({_ITEM}(?:{_SEP}{_ITEM})+)"
    r"(?=[ \t]*(?:,?[ \t]*(?:and|&)[ \t]+other\b|[.;)]|$))",
    re.IGNORECASE | re.MULTILINE,
)


#: a department the work is done for, named alone after a verb of serving it: "evidence
#: ... that support R&D, advance scientific and medical knowledge" (glassdoor-0182); the
#: name is capitalised as a department is, and ends its clause or heads "and"/"teams"
_SERVED = re.compile(
    r"\b(?:support(?:s|ed|ing)?|serv(?:e|es|ed|ing))[ \t]+(?:(?:the|our|its)[ \t]+)?"
    r"((?-i:R&D|Marketing|Sales|Finance|Operations|Product[ \t]+Management))"
    r"(?=[ \t]*(?:[.;,)]|$|[ \t]+(?:and|&|teams?|organi[sz]ations?|functions?)\b))",
    re.IGNORECASE | re.MULTILINE,
)


#: a list of capitalised names the word after it calls teams: "Work with partners in Data
#: Engineering, Marketing, Product and Programmatic teams" (glassdoor-0612 required data
#: engineering); case-sensitive, two names or more, each as :data:`_NAME`
_NAMED_TEAMS = re.compile(
    rf"(?<![\w&-])({_NAME}(?:{_SEP}{_NAME})+)[ \t]+(?-i:teams|departments|groups|functions)\b",
    re.MULTILINE,
)


#: a parenthesised list of capitalised names after the word for teams: "relationships with
#: a diverse team of peers across organizations (Engineering, QA, DevOps, Product, Design,
#: et al)" (glassdoor: QA and DevOps were asked); two names or more, each as :data:`_NAME`,
#: the list closed by the parenthesis (or "et al", "etc.", "and others" before it)
_LISTED_TEAMS = re.compile(
    r"\b(?:teams|organi[sz]ations|departments|functions|groups)[ \t]*\("
    rf"({_NAME}(?:{_SEP}{_NAME})+)"
    r"(?=[ \t]*(?:,?[ \t]*(?:et[ \t]+al\.?|etc\.?|and[ \t]+(?:more|others)))?[ \t]*\))",
    re.MULTILINE,
)


#: the name of an institution, a centre or a department: "the Center for Perception and
#: Communication in Children (CPCC)" (glassdoor-0123 required communication), "the Centers
#: for Neurobehavioral Research, Sensory Neuroscience Research, ... and Hearing Research";
#: case-sensitive, the name's words capitalised (joined by "and", "&", "in", "of", commas)
_CAP = r"(?-i:[A-Z][\w&'\u2019-]*)"
_INSTITUTIONS = re.compile(
    r"\b(?-i:Cent(?:er|re)s?|Institutes?|Laborator(?:y|ies)|Schools?|Colleges?|Departments?)"
    r"[ \t]+(?-i:for|of|on)[ \t]+(?:the[ \t]+)?"
    rf"({_CAP}(?:(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+(?:(?:and|&|in|of|for|on)[ \t]+)?){_CAP})*)",
    re.MULTILINE,
)


#: each finder with the words (or parts) one of which a text holds when it can find
#: anything, a cheap test before its pattern; their spans are taken in this order, and a
#: span overlapping an earlier finder's is left out
_FINDERS = (
    (("with",), _DEPARTMENTS),
    (("unctional", "epartments", "units"), _CALLED_DEPARTMENTS),
    (("teams", "departments", "groups", "functions"), _NAMED_TEAMS),
    (("(",), _LISTED_TEAMS),
    (("upport", "erv"), _SERVED),
    (("Cent", "Institut", "Laborator", "School", "College", "Department"), _INSTITUTIONS),
)


def department_names(text: str) -> list[tuple[int, int]]:
    """The spans of the department lists ``text`` names as colleagues ("liaise with
    Clinical Operations, Biostatistics, Regulatory Affairs ...": from "Clinical" to
    "Research"; "cross-functional teams for corporate sales, marketing, ...")."""
    spans: list[tuple[int, int]] = []
    for cues, pattern in _FINDERS:
        if any(cue in text for cue in cues):
            spans += [
                m.span(1)
                for m in pattern.finditer(text)
                if not any(a < m.end(1) and m.start(1) < b for a, b in spans)
            ]
    return sorted(spans)
