"""Which lines beside a degree line belong to its entry, and whether the degree is finished.

An education section lays its entries out one way throughout. In the LiveCareer layout a
date line stands *above* each degree line ("09/1998" / "Master of Science : ..." / "01/2008"
/ "CFA Level 1"), so the date line below a degree opens the next entry; in others the date
or the school follows the degree. The layout is read from the section's first entry that
has such a line beside it, and a line directly beside two entries goes to the one the
layout gives it. A line that is itself a degree line is never another entry's neighbour.

A degree is unfinished (``in_progress``) when its line or its date line says so
("Expected 2019", "Current", "Present", "in progress", "113 credit hours earned",
"candidate"), or when its year lies after the resume's as-of date.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from .dates import find_ranges
from .education_names import institution_word
from .role_lines import is_place

__all__ = ["EntryLayout", "date_only", "entry_lines", "in_progress", "read_layout"]

# the words a date line may hold besides its dates ("Expected May 2019", "2014 - Present")
_STATUS_WORDS = re.compile(
    r"\b(?:expected|anticipated|graduat(?:ed|ion|ing)|completed?|current(?:ly)?|present|now"
    r"|in[\s-]progress|ongoing|to|until|since|from)\b",
    re.IGNORECASE,
)
# what marks a degree as not (yet) held
# ("Current" / "Present" as a status, not "Currently working on a project", "Current GPA")
_UNFINISHED = re.compile(
    r"\b(?:expected|anticipated|in[\s-]progress|ongoing|pursuing|candidate"
    r"|currently (?:pursuing|enrolled|attending)|(?:current|present)(?!\s+(?-i:[a-z])|\s+c?gpa\b)"
    r"|(?:credit hours|credits|hours) (?:earned|completed)|to be completed"
    r"|not completed|incomplete)\b",
    re.IGNORECASE,
)


def date_only(line: str) -> bool:
    """Whether ``line`` holds a date or a status and nothing else ("09/1998", "current",
    "Expected May 2019", "2014 - Present")."""
    s = " ".join(line.split())
    if not s:
        return False
    for d in reversed(find_ranges(s)):
        s = s[: d.begin] + " " + s[d.stop :]
    s = _STATUS_WORDS.sub(" ", s)
    return re.search(r"[^\W_]", s) is None and s != line


def in_progress(text: str) -> bool:
    """Whether ``text`` (a degree line or its date line) says the degree is unfinished."""
    return _UNFINISHED.search(text) is not None


@dataclass(frozen=True, slots=True)
class EntryLayout:
    """How one education section places the lines of an entry around its degree line."""

    #: the date line of an entry stands above its degree line
    date_above: bool
    #: the other lines (the school's) stand above it
    text_above: bool


def read_layout(
    lines: Sequence[str], degrees: Sequence[int], usable: Callable[[int], bool]
) -> EntryLayout:
    """The layout of the entries whose degree lines are ``degrees`` (ascending).

    Args:
        lines: the resume's lines.
        degrees: the indices of the degree lines of one section (or of a resume).
        usable: whether a line may belong to an entry (non-blank, in the section, no
            heading, no degree line).

    Returns:
        The layout: a date line above the first degree that has a date line beside it
        means dates above; a school line above the first degree, schools above.
    """
    date_above = False
    for i in degrees:
        if len(lines[i].split()) < 2:
            continue  # a bare "Diploma" says nothing of the layout
        up = usable(i - 1) and date_only(lines[i - 1])
        down = usable(i + 1) and date_only(lines[i + 1])
        if up or down:
            date_above = up
            break
    first = degrees[0] if degrees else 0
    text_above = usable(first - 1) and not date_only(lines[first - 1])
    return EntryLayout(date_above=date_above, text_above=text_above)


def entry_lines(
    lines: Sequence[str],
    i: int,
    *,
    layout: EntryLayout,
    usable: Callable[[int], bool],
    degrees: Collection[int],
) -> tuple[list[int], list[int]]:
    """The lines beside degree line ``i`` that belong to its entry: ``(date lines, other
    lines)``, each in the order their year or school is taken."""
    dates: list[int] = []
    others: list[int] = []
    for j, above in ((i + 1, False), (i - 1, True)):
        if not usable(j):
            continue
        if date_only(lines[j]):
            if above == layout.date_above:
                dates.append(j)
        elif not layout.text_above:
            # schools follow their degrees: a line above a degree ends the entry above
            # ("AOS : Culinary Arts" / "" / "California Culinary Academy" / "High School
            # Diploma") unless no degree comes before it, or a date line opening this
            # entry stands above it ("2000" / "Hagerstown Community College" / "Associate")
            opened = layout.date_above and usable(j - 1) and date_only(lines[j - 1])
            if not above or i == min(degrees) or opened:
                others.append(j)
            if above and opened:
                dates.append(j - 1)
        elif above or j + 1 not in degrees:
            # schools precede their degrees: one directly above the next degree is its own
            others.append(j)
    below = i + 2
    # a line of the entry after a blank line below the degree
    after_blank = i + 1 < len(lines) and not lines[i + 1].strip() and usable(below)
    if (
        not dates
        and not layout.date_above
        and after_blank
        and date_only(lines[below])
        and below + 1 not in degrees
    ):
        # a date line alone after a blank line below a degree without one: a PDF prints
        # the right-hand column's date after the entry's line ("Bachelor of Science in
        # Computer Science - 3.8 GPA" / "" / "Sep 2019 - May 2023"), unless it stands right
        # above the next degree
        dates.append(below)
    if not dates and not layout.date_above:
        dates += _later_date(lines, i, usable=usable, degrees=degrees)
    if (
        not others
        and not layout.text_above
        and after_blank
        and not date_only(lines[below])
        and institution_word(lines[below])
        and _HEADER_PLACE.search(lines[below]) is None
    ):
        # schools follow their degrees: a school's line after a blank line below a degree
        # without one ("AOS : Culinary Arts, 1997" / "" / "California Culinary Academy -
        # City , State"); the next degree, below it, does not take it
        others.append(below)
    if not others and not layout.text_above and degrees and i == min(degrees):
        others += _school_above(lines, i, usable=usable)
    if layout.text_above:
        others.reverse()  # the line above first
    return dates, others


# LiveCareer's entry header: a school, its placeholder place and the entry's own degree or
# field after it ("South Western College City , State , US Child Development"): the next
# entry's school, not the one of the degree above it
_HEADER_PLACE = re.compile(
    r"\bcity\s*,\s*state\b(?:\s*,\s*(?:us|usa|united states)\b)?\s*,?\s*[A-Za-z]",
    re.IGNORECASE,
)


def _school_above(lines: Sequence[str], i: int, *, usable: Callable[[int], bool]) -> list[int]:
    """The school's line above the section's first degree line ``i`` past blank and place
    lines, when it opens the section: pdfium prints awesome_cv's entry "POSTECH(Pohang
    University ...)" / "" / "Pohang, S.Korea" / "" / "B.S. in Computer Science ..."."""
    j = i - 1
    while j >= 0 and (not lines[j].strip() or (usable(j) and is_place(lines[j].strip()))):
        j -= 1
    if j < 0 or not usable(j) or date_only(lines[j]) or not institution_word(lines[j]):
        return []
    k = j - 1
    while k >= 0 and not lines[k].strip():
        k -= 1
    return [j] if k < 0 or not usable(k) else []


#: how many lines below its degree a degree's date line is looked for
_REACH = 12


def _later_date(
    lines: Sequence[str], i: int, *, usable: Callable[[int], bool], degrees: Collection[int]
) -> list[int]:
    """The date line further below degree line ``i``, past its school, place and bullet
    lines: a PDF prints the right-hand column after the entry (awesome_cv: "B.S. in Computer
    Science" / "• Got a scholarship" / "Seoul, S.Korea" / "Pohang, S.Korea" / "Mar. 2010 -
    Aug. 2017"). None past another degree, the section's end, or one right above the next
    degree (that degree's own)."""
    found: int | None = None
    for j in range(i + 1, min(len(lines), i + _REACH + 1)):
        if j in degrees:
            return []
        if not lines[j].strip():
            continue
        if found is not None:
            return [found]  # the next line is no degree
        if not usable(j):
            return []
        if date_only(lines[j]):
            found = j
    return [found] if found is not None else []
