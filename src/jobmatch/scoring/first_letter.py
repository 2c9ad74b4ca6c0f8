"""A union of regular expressions regrouped by the letter each alternative starts with.

Python's ``re`` tries every alternative of a union at every position of a text. When each
alternative starts at a word boundary with a letter (``\\bph\\.?d``, ``(?<!juris )\\bdoctorate``),
the same union can be written as one branch per first letter, each branch starting with its
letter as a literal: ``re`` then knows the letters a match can start with and skips the
other characters in C, trying only the alternatives of the letter it stands on.

:func:`by_first_letter` rewrites such a union. The rewritten pattern finds the same matches
(start, end, and the same alternative at each start): at a position only the alternatives
of the letter there can match, and they are tried in their original order. It supports
what the degree patterns use and refuses anything else with :class:`ValueError`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

__all__ = ["by_first_letter", "alternatives"]

# an alternative's head: fixed-width lookbehinds (no parentheses inside), then ``\b``
_HEAD = re.compile(r"((?:\(\?<[!=][^()]*\))*)\\b")
_LOOKBEHIND = re.compile(r"\(\?<([!=])([^()]*)\)")


def _syntax(pattern: str) -> Iterator[tuple[int, str, int]]:
    """``(index, character, parenthesis depth before it)`` of each character of ``pattern``
    that is syntax: not escaped, not inside a character class.

    Raises:
        ValueError: (once the pattern is read to its end) unbalanced parentheses or class,
            or a class starting with ``]``.
    """
    depth, in_class, i = 0, False, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]" or pattern[i + 1 : i + 3] == "^]":
                raise ValueError(f"a class starting with ']' is not supported: {pattern!r}")
        else:
            yield i, c, depth
            depth += (c == "(") - (c == ")")
        i += 1
    if depth or in_class:
        raise ValueError(f"unbalanced pattern: {pattern!r}")


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern`` (split at each ``|`` outside parentheses
    and character classes)."""
    cuts = [i for i, c, depth in _syntax(pattern) if c == "|" and depth == 0]
    return [pattern[a + 1 : b] for a, b in zip([-1, *cuts], [*cuts, len(pattern)], strict=True)]


def _closing(pattern: str, open_at: int) -> int:
    """The index just after the ``)`` closing the group opened at ``open_at``."""
    level = None
    for i, c, depth in _syntax(pattern):
        if i == open_at:
            level = depth
        elif level is not None and c == ")" and depth == level + 1:
            return i + 1
    raise ValueError(f"unbalanced pattern: {pattern!r}")


def _letter_heads(alternative: str) -> list[tuple[str, str, str]]:
    """``(lookbehinds, first letter, rest)`` of an alternative; a leading group of
    alternatives (``\\b(?:jd|dds)\\b...``) gives one per member."""
    head = _HEAD.match(alternative)
    if head is None:
        raise ValueError(f"an alternative does not start at a word boundary: {alternative!r}")
    behind, at = head.group(1), head.end()
    if alternative.startswith("(?:", at):
        end = _closing(alternative, at)
        if alternative[end : end + 1] in {"?", "*", "+", "{"}:
            raise ValueError(f"a repeated leading group is not supported: {alternative!r}")
        members = alternatives(alternative[at + 3 : end - 1])
        return [h for m in members for h in _letter_heads(f"{behind}\\b{m}{alternative[end:]}")]
    letter = alternative[at : at + 1]
    rest = alternative[at + 1 :]
    if not ("a" <= letter <= "z") or rest[:1] in {"?", "*", "+", "{"}:
        raise ValueError(f"an alternative does not start with a lower-case letter: {alternative!r}")
    return [(behind, letter, rest)]


def by_first_letter(patterns: Iterable[str]) -> str:
    """The union of ``patterns`` as one branch per first letter.

    Every top-level alternative of every pattern must be: fixed-width lookbehinds without
    parentheses inside, ``\\b``, then a lower-case letter (or a group of such alternatives,
    not repeated), as in ``(?<!juris )\\bdoctorate\\b`` or ``\\b(?:jd|dds)\\b``. The letter
    becomes a literal; the word boundary before it and the lookbehinds are checked after it
    (``\\b`` before a letter: no word character before it).

    Raises:
        ValueError: an alternative is not of that form.
    """
    branches: dict[str, list[str]] = {}
    for pattern in patterns:
        for alternative in alternatives(pattern):
            for behind, letter, rest in _letter_heads(alternative):
                # each lookbehind, checked one character later, also reads the letter
                moved = _LOOKBEHIND.sub(rf"(?<\1\2{letter})", behind)
                branches.setdefault(letter, []).append(f"{moved}(?:{rest})")
    return "|".join(
        f"{letter}(?<!\\w{letter})(?:{'|'.join(alts)})" for letter, alts in branches.items()
    )
