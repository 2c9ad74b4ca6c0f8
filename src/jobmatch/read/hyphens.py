"""Rejoin words hyphenated across a line break ("language mod-\\neling").

PDF text keeps the line breaks of the page, so a word the typesetter split at the end of a
line reaches the extractor as two halves ("mod-", "eling") and a compound split at its own
hyphen as "Scikit-" + "Learn". The rule, applied where a letter, a hyphen and a line break
are followed (after optional spaces) by a letter or digit on the next line:

1. The next line starts with a capital or a digit: a real hyphen ("Scikit-\\nLearn" ->
   "Scikit-Learn", "COVID-\\n19" -> "COVID-19"); typesetters do not split before a capital.
2. Either half already holds a hyphen ("state-of-\\nthe-art", "end-to-\\nend"): a compound,
   the hyphen stays ("state-of-the-art").
3. The same document spells the word elsewhere on one line: with the hyphen ("open-source")
   keeps it, without it ("modeling") drops it.
4. The first half is a word that commonly starts a compound ("self-", "cross-", "full-",
   "real-"...) or the second half commonly ends one ("-based", "-driven", "-oriented",
   "-time"...): the hyphen stays ("cross-\\nfunctional" -> "cross-functional").
5. Otherwise the hyphen was the typesetter's: it goes ("mod-\\neling" -> "modeling",
   "experi-\\nments" -> "experiments").

In every case the line break itself is removed, so the rejoined word stands on the first
line and the rest of the second line follows it after the line break's place.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["dehyphenate"]

# a letter, a hyphen (ASCII or U+2010), spaces, one line break, spaces, then a letter/digit;
# the letter is looked behind the hyphen, so the search skips straight to hyphens (a
# pattern starting with the look-behind is tried at every character)
_BREAK = re.compile(r"([-\u2010])(?<=[^\W\d_][-\u2010])[ \t]*\n[ \t]*(?=[^\W_])")
_WORD_BEFORE = re.compile(r"[\w\-\u2010]+$")
_WORD_AFTER = re.compile(r"^[\w\-\u2010]+")

_COMPOUND_FIRST = frozenset(
    """
    all anti audio back best big client co cost cross cutting data day decision detail
    deep end ever event fact fast fine first full goal hands high inter large long low
    machine macro micro mid mission multi near non off on one open out over part peer post pre
    problem process quality real results risk safety second self semi short single
    small state sub super team test third time top two under user well wide world
    """.split()
)
_COMPOUND_SECOND = frozenset(
    """
    based bound by centered centric driven down end facing first focused free friendly
    grade in intensive level line long made making minded motivated oriented out paced
    party point related scale sensitive solving source stack standing step term time
    to tuning up wide winning
    """.split()
)


def dehyphenate(text: str) -> str:
    """Rejoin words hyphenated across line breaks, by the rule in this module's docstring.

    Args:
        text: the document text (line breaks as ``\\n``).

    Returns:
        The text with each such hyphen-and-break either replaced by the joined word
        ("modeling") or by the hyphen alone ("Scikit-Learn"); nothing else changes.
    """
    if "-" not in text and "\u2010" not in text:
        return text
    known: set[str] = set()

    def spelled() -> set[str]:
        # the document's words, gathered on the first break rules 1 and 2 do not decide
        if not known:
            known.update(re.findall(r"\w+(?:[-\u2010]\w+)*", text.lower()))
        return known

    def join(m: re.Match[str]) -> str:
        # look at most 80 characters each way: a word is never longer
        before = _WORD_BEFORE.search(text[max(0, m.start() - 80) : m.start()])
        after = _WORD_AFTER.match(text[m.end() : m.end() + 80])
        first = before.group() if before else ""
        second = after.group() if after else ""
        return m.group(1) if _keeps_hyphen(first, second, spelled) else ""

    return _BREAK.sub(join, text)


def _keeps_hyphen(first: str, second: str, spelled: Callable[[], set[str]]) -> bool:
    if not second[:1].islower():
        return True  # rule 1
    if any(h in first for h in "-\u2010") or any(h in second for h in "-\u2010"):
        return True  # rule 2
    head, tail = first.lower(), second.lower()
    known = spelled()
    if f"{head}-{tail}" in known or f"{head}\u2010{tail}" in known:
        return True  # rule 3
    if head + tail in known:
        return False  # rule 3
    return head in _COMPOUND_FIRST or tail in _COMPOUND_SECOND  # rules 4 and 5
