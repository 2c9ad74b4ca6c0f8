"""From a processed doc's token ranges to :class:`~jobmatch.models.SkillMention` objects.

Offsets are character offsets into the text the caller passed in (the doc's text). Each
mention carries the section it sits in (:func:`jobmatch.extract.sections.detect_sections`).
The filter's dropped mentions that are items of a list in a Skills section come back: the
filter learned from posting sentences, not from resumes' skill lists.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc

from ..models import Skill, SkillMention
from .sections import detect_sections, sections_and_headings
from .text_guard import guard_text
from .vocabulary import LIST_AFTER, LIST_BEFORE

__all__ = ["SECTIONS_KEY", "build_mentions", "doc_sections", "is_list_item"]

#: ``doc.user_data`` key of the sections :func:`build_mentions` found for a doc's text:
#: ``(text, sections)``; the readers of scoring take them from there
SECTIONS_KEY = "jobmatch_sections"


def is_list_item(doc: Doc, s: int, e: int) -> bool:
    """Whether tokens ``s:e`` are one item of a list: a separator (or the line's edge) on
    each side ("Skills: Tax, Payroll", "• Teamwork", "Agile | Scrum").

    Args:
        doc: the doc.
        s: first token.
        e: end token.

    Returns:
        ``True`` for a list item.
    """
    before = doc[s - 1] if s > 0 else None
    after = doc[e] if e < len(doc) else None
    ok_before = before is None or "\n" in before.text or before.lower_ in LIST_BEFORE
    ok_after = (
        after is None or "\n" in after.text or after.lower_ in LIST_AFTER or after.text == "."
    )
    return ok_before and ok_after


def doc_sections(doc: Doc, text: str) -> list[tuple[int, int, str]]:
    """The sections of ``text``, the text of ``doc``: those found when its mentions were
    built (:func:`build_mentions`), else found now.

    Args:
        doc: a doc the ``jobmatch_skills`` component processed.
        text: its text.

    Returns:
        :func:`~jobmatch.extract.sections.detect_sections` of ``text`` (a new list).
    """
    stored = doc.user_data.get(SECTIONS_KEY)
    if stored is not None and (
        stored[0] == text  # the same text, not one of its length
        # or the text the pipeline read: C1 characters read as CP-1252 ones, one for one
        or (len(stored[0]) == len(text) and guard_text(text) == stored[0])
    ):
        return list(stored[1])
    return detect_sections(text)


def build_mentions(
    doc: Doc,
    text: str,
    found: Iterable[tuple[int, int, Skill]],
    dropped: Sequence[tuple[int, int, Skill]],
) -> list[SkillMention]:
    """The mentions of a doc, with their sections.

    Args:
        doc: the processed doc.
        text: its text.
        found: ``(start char, end char, skill)`` of the kept mentions, in text order.
        dropped: ``(start token, end token, skill)`` of the mentions the filter dropped.

    Returns:
        The mentions in text order.
    """
    sections, headings = sections_and_headings(text)
    doc.user_data[SECTIONS_KEY] = (text, sections)
    starts = [sec[0] for sec in sections]

    def section_of(start: int) -> str:
        k = bisect_right(starts, start) - 1
        return sections[k][2] if k >= 0 else "other"

    out = list(found)
    for s, e, skill in dropped:
        start = doc[s].idx
        if section_of(start) == "skills" and is_list_item(doc, s, e):
            out.append((start, doc[e - 1].idx + len(doc[e - 1].text), skill))
    if dropped:
        out.sort(key=lambda f: f[0])
    if headings and out:
        out = _without_titles(text, out, headings)
    return [
        SkillMention(
            skill_id=skill.id,
            name=skill.name,
            category=skill.category,
            start=start,
            end=end,
            text=text[start:end],
            section=section_of(start),
        )
        for start, end, skill in out
    ]


#: the words of a resume's headings that name a kind of work done ("Patents", "Teaching",
#: "Research Experience", "Patents & Publications", "Leadership and Mentoring"): as a
#: heading's title such a word names the section, it claims no skill (the section's lines
#: show the work); and the words a heading adds to them
_SECTION_WORDS = frozenset(
    "patents patent publications publication research teaching leadership mentoring "
    "mentorship presentations talks volunteering and & / + , experience experiences "
    "history activities".split()
)


def _without_titles(
    text: str,
    found: list[tuple[int, int, Skill]],
    headings: Sequence[tuple[int, int, str]],
) -> list[tuple[int, int, Skill]]:
    """``found`` without the mentions in a heading's title made of the words that name a
    section of work (:data:`_SECTION_WORDS`: "Patents", "Teaching Experience", "Research
    Experience"): a heading names a section, it claims no skill. A title with other words
    keeps its mentions ("Linux Experience", "Machine Learning Projects", "Master's
    Degree")."""
    drop: set[int] = set()
    starts = [s for s, _, _ in found]  # in text order
    for a, b, _ in headings:
        first = bisect_left(starts, a)
        last = bisect_left(starts, b, lo=first)
        inside = [k for k in range(first, last) if found[k][1] <= b]
        if not inside:
            continue
        words = text[a:b].lower().replace("&", " & ").replace("/", " / ").split()
        if all(w in _SECTION_WORDS for w in words):
            drop.update(inside)
    return [f for k, f in enumerate(found) if k not in drop] if drop else found
