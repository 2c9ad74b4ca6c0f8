"""A certification shared by a coordination: "Certified PM (PMP) and/or Agile Scrum Master".

The word "Certified" before the first of two conjuncts joined by "or" or "and/or" qualifies
the second too: glassdoor-0419 asks a PMP or a Scrum Master certification, either one,
not the practice of Scrum and of agile beside a PMP. When the first conjunct names a
certification and "certified" with the last words of the second is a certification of the
lexicon ("Certified Scrum Master"), the clause asks one requirement, those certifications
as alternatives, and the skills the second conjunct names are not asked on their own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..models import Lexicon, SkillMention

__all__ = ["shared_certification"]

_CERTIFIED = re.compile(
    r"\bcertified\b(?P<first>[^,;\n]{1,40}?)\s+(?:and/or|or)\s+"
    r"(?P<second>[A-Za-z][\w+&-]*(?:[ \t]+[A-Za-z][\w+&-]*){0,3})[ \t]*(?=$|[.;,(\n])",
    re.IGNORECASE,
)
_CERTIFICATION = "certification"


def shared_certification(
    text: str, span: tuple[int, int], ms: Sequence[SkillMention], lexicon: Lexicon
) -> tuple[list[str], list[SkillMention]] | None:
    """The certifications a clause ``text[span]`` asks as alternatives through a shared
    "Certified" (module doc), and the mentions they stand for, or ``None``."""
    a, b = span
    m = _CERTIFIED.search(text, a, b)
    if m is None:
        return None
    first = [x for x in ms if m.start("first") <= x.start and x.end <= m.end("first")]
    firsts = [x for x in first if x.category == _CERTIFICATION]
    if not firsts:
        return None
    words = m.group("second").split()
    names = {
        " ".join(n.split()).casefold(): s.id
        for s in lexicon.skills
        if s.category == _CERTIFICATION
        for n in (s.name, *s.aliases)
    }
    found = next(
        (
            names[key]
            for k in range(len(words))
            if (key := "certified " + " ".join(words[k:]).casefold()) in names
        ),
        None,
    )
    if found is None:
        return None
    second = [x for x in ms if m.start("second") <= x.start and x.end <= m.end("second")]
    ids = list(dict.fromkeys([*(x.skill_id for x in firsts), found]))
    return ids, [*first, *second]
