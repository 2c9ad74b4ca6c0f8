"""Tokenizer rules the skill patterns need: slashes, bullets, trailing dashes, library paths.

spaCy's English rules keep some skill names glued to their neighbours ("C#/.NET",
"•Negotiation", "Node.js/Express"); these functions extend a tokenizer's affix and URL rules
once so that the names stand alone. They change the pipeline's own tokenizer, never a
user's (the component is added to a blank pipeline by :func:`jobmatch.make_nlp`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

__all__ = [
    "affix_pattern",
    "split_affixes",
    "split_library_paths",
    "split_letter_periods",
    "url_pattern",
]

# spaCy splits "Python/R" but keeps a slash beside "#", "+" or "." inside one token
# ("C#/.NET", "C++/Qt", "Net/.Net") and keeps a trailing one ("HTML/ CSS", "Python/"): a
# skill on either side would not match. The extra infix/suffix split those slashes off.
# (and the "#" of "C#" before such a slash, as the patterns tokenise "C#" as "C", "#")
_SLASH_INFIX = r"(?<=[\w#+])/(?=[\w.#])|(?<=[A-Za-z])#(?=/)"
# An opening parenthesis glued to the word before it ("IaC(Infrastructure as Code)",
# "hosts(Docker, Kubernetes)", as Awesome-CV resumes write them) stays inside spaCy's token:
# neither word would match. It is split off when a letter follows it.
_PAREN_INFIX = r"(?<=[A-Za-z0-9])\((?=[A-Za-z])"
# Bullets glued to the item ("•Negotiation", "-Java", "–Python") and a dash glued to the end
# of a word ("Trello- Project management tool") are kept in the token by spaCy's English
# rules ("●", "▪", "*" are split already): the skill would not match. The trailing slash and
# the trailing dash share one suffix branch (suffix_search runs on every token). Word's
# sub-bullet "o" glued to a capitalised item ("oMATLAB", "oPython" in a posting's list) is
# split the same way; no lexicon name starts with a lower-case "o" and a capital.
_BULLET_PREFIX = r"^[•‣⁃∙·]|^[-–—](?=[A-Za-z])|^o(?=[A-Z][A-Za-z])"
_SLASH_SUFFIX = r"(?<=[\w#+])[/\-–—]$"

# spaCy's URL rule takes "Node.js/Express" and "ASP.NET/MVC" whole, as a host ("node.js")
# and a path: neither skill would match. Without a scheme ("https://") or "www.", a host
# ending in ".js" or ".net" right before a slash is taken for a library name and the text is
# left to the infixes ("Node.js", "/", "Express"); real URLs keep their single token.
_NOT_A_URL = r"(?!(?!www\.)[^\s/:@]*\.(?:[jJ][sS]|[nN][eE][tT])/)"


_AFFIX_EXTRAS = {
    "infix_finditer": f"{_SLASH_INFIX}|{_PAREN_INFIX}",
    "suffix_search": _SLASH_SUFFIX,
    "prefix_search": _BULLET_PREFIX,
}


def affix_pattern(attr: str, pattern: str) -> str:
    """A tokenizer's affix regex with the jobmatch branch added (once).

    Args:
        attr: ``"prefix_search"``, ``"suffix_search"`` or ``"infix_finditer"``.
        pattern: the regex source of that attribute.

    Returns:
        The extended regex source.
    """
    extra = _AFFIX_EXTRAS[attr]
    return pattern if extra in pattern else f"{pattern}|{extra}"


def url_pattern(pattern: str) -> str:
    """A tokenizer's ``url_match`` regex that refuses "Name.js/..." and "Name.NET/..." (once).

    Args:
        pattern: the regex source of ``url_match``.

    Returns:
        The changed regex source.
    """
    if _NOT_A_URL in pattern:
        return pattern
    head = "(?u)^" if pattern.startswith("(?u)^") else ""
    return head + _NOT_A_URL + pattern[len(head) :]


def split_affixes(tokenizer: Any) -> None:
    """Add the slash infix/suffix, the bullet prefix and the trailing-dash suffix.

    Args:
        tokenizer: a spaCy tokenizer; changed in place, once (a no-op for a tokenizer
            without regex-based affixes or one that has them already).
    """
    for attr, extra in _AFFIX_EXTRAS.items():
        current = getattr(tokenizer, attr, None)
        pattern = getattr(getattr(current, "__self__", None), "pattern", None)
        if not isinstance(pattern, str) or extra in pattern:
            continue
        compiled = re.compile(affix_pattern(attr, pattern))
        setattr(tokenizer, attr, getattr(compiled, attr.split("_")[1]))


def split_library_paths(tokenizer: Any) -> None:
    """Refuse the URL rule's match for "Name.js/..." and "Name.NET/...".

    Args:
        tokenizer: a spaCy tokenizer; changed in place, once (a no-op for a tokenizer
            without a regex-based ``url_match``).
    """
    current = getattr(tokenizer, "url_match", None)
    pattern = getattr(getattr(current, "__self__", None), "pattern", None)
    if not isinstance(pattern, str) or _NOT_A_URL in pattern:
        return
    tokenizer.url_match = re.compile(url_pattern(pattern)).match


def split_letter_periods(tokenizer: Any, forms: Iterable[str]) -> None:
    """Split a one-letter form from a following period ("R." -> "R", ".").

    spaCy keeps a capital and a period together (initials), so "Python, SQL, R." would lose
    R. Only these few special cases are added: forms with affix characters (C++, Node.js)
    would put the tokenizer on its slow special-case path for every document.

    Args:
        tokenizer: a spaCy tokenizer, changed in place.
        forms: the pattern spellings; the one-letter alphabetic ones get the special case.
    """
    for form in forms:
        if len(form) == 1 and form.isalpha():
            for letter in {form.upper(), form.lower()}:
                tokenizer.add_special_case(f"{letter}.", [{"ORTH": letter}, {"ORTH": "."}])
