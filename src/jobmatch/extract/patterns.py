"""The PhraseMatcher patterns of a lexicon: surface variants, plurals, match kinds.

Every surface form of a skill is matched with its generated spellings
(:func:`surface_variants`); real names and aliases own their normalised key first, then
generated variants take the keys still free (first in lexicon order wins). Each pattern gets
a :class:`MatchKind`: plain, ambiguous (decided by a context rule) or exact case (short
ALL-CAPS acronyms: "IT" must not match "it").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import IntEnum

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..lexicon.loader import is_proper_name, normalise_form
from ..models import Skill
from .columns import Columns
from .context import Rule
from .vocabulary import COMMON_WORDS

__all__ = [
    "MatchKind",
    "PatternPlan",
    "PatternSet",
    "TokenizeMany",
    "assemble_patterns",
    "build_patterns",
    "pattern_forms",
    "plan_patterns",
    "surface_variants",
    "wrapped_matches",
]

# texts -> the token texts of each (the pipeline's tokenizer, or its cached output)
TokenizeMany = Callable[[Sequence[str]], Sequence[Sequence[str]]]

_SHORT_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{0,3}$")


class MatchKind(IntEnum):
    """How a match of a pattern is accepted."""

    PLAIN = 0  # as found
    AMBIGUOUS = 1  # when the skill's context rule supports it
    EXACT = 2  # when the text is one of the skill's exact spellings


def _plural(word: str) -> str | None:
    """English plural of the last word of a form, or ``None`` when it makes no sense."""
    if len(word) < 2 or not word.isalpha() or word[-1] in "sS":
        return None
    if not word.isupper() and not word[1:].islower():
        return None  # mixed case (DoE, PyTorch, iOS): a name, not a countable noun
    if word.isupper():
        return word + "s" if len(word) >= 2 else None  # APIs, LLMs, GPUs
    if len(word) < 3:
        return None
    if word.endswith(("x", "z", "ch", "sh")):
        return word + "es"
    if word[-1] == "y" and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def surface_variants(form: str, *, plurals: bool = True) -> list[str]:
    """The spellings a surface form is matched under, the form itself first.

    Hyphens become spaces or disappear (``scikit-learn`` -> ``scikit learn``,
    ``scikitlearn``); two- and three-word names also match hyphenated; an inner ``.`` or ``/``
    becomes a space or disappears (``Node.js`` -> ``Node js``, ``Nodejs``; ``CI/CD`` ->
    ``CI CD``, ``CICD``); then the plural of the last word of each (``APIs``,
    ``neural networks``), except for a one-word capitalised name (``Envoy``, ``Docker``).

    Args:
        form: a surface form of the lexicon.
        plurals: add the plurals.

    Returns:
        The spellings, without duplicates, ``form`` first.

    >>> surface_variants("scikit-learn")
    ['scikit-learn', 'scikit learn', 'scikitlearn']
    >>> surface_variants("CI/CD")
    ['CI/CD', 'CI CD', 'CICD']
    >>> surface_variants("neural network")
    ['neural network', 'neural-network', 'neural networks', 'neural-networks']
    >>> surface_variants("API")
    ['API', 'APIs']
    >>> surface_variants("Envoy")
    ['Envoy']
    """
    out: dict[str, None] = {form: None}
    if "-" in form and not form.startswith("-") and not form.endswith("-"):
        out[form.replace("-", " ")] = None
        if " " not in form:
            out[form.replace("-", "")] = None
    words = form.split()
    if 2 <= len(words) <= 3 and all(w.isalpha() for w in words):
        out["-".join(words)] = None
    for sep in (".", "/"):
        if sep in form[1:-1] and " " not in form:
            out[form.replace(sep, " ")] = None
            out[form.replace(sep, "")] = None
    if plurals and not is_proper_name(form) and all(w.isalpha() for w in words):
        # plural of the last word only for plain word names ("neural networks", "APIs")
        for v in [form, "-".join(words)] if len(words) > 1 else [form]:
            head, sep, last = v.rpartition(" " if " " in v else "-")
            p = _plural(last)
            if p:
                out[f"{head}{sep}{p}"] = None
    return list(out)


@dataclass(frozen=True, eq=False)
class PatternSet:
    """The built matcher and what a match key means.

    ``info`` maps a match key hash to ``(skill index, kind)``; ``exact`` holds the accepted
    spellings of the :attr:`MatchKind.EXACT` skills; ``join_pairs`` the LOWER hash pairs of
    adjacent tokens inside multi-word patterns that are not exact-case (a line break between
    them may be a wrap); ``max_tokens`` the longest such pattern.
    """

    matcher: PhraseMatcher
    info: dict[int, tuple[int, MatchKind]]
    exact: dict[int, frozenset[str]]
    join_pairs: frozenset[tuple[int, int]]
    max_tokens: int
    n_patterns: int

    def longest_first(
        self,
        doc: Doc,
        matches: list[tuple[int, int, int]],
        spaces: Sequence[int] = (),
    ) -> tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]:
        """(sure, ambiguous) ``(start, end, skill index)`` of the matcher's raw ``(key, start,
        end)`` matches: the non-overlapping ones, longest first, then leftmost, then lexicon
        order; exact-case matches kept only as one of their spellings.

        ``spaces`` are the indices of the whitespace tokens, ascending: the line break inside
        a wrapped match (:func:`wrapped_matches`) adds no length, so a phrase wrapped over
        two lines does not beat a match of the same words on one line ("Apache Spark\nSQL"
        is a list of two items, not "Apache" and "Spark SQL")."""
        info, exact = self.info, self.exact
        # sorting plain tuples is far cheaper than filter_spans over Span objects
        # the whitespace tokens inside a match of two tokens or more (bisect inline: this
        # runs for every match of every doc; none without ``spaces``)
        cand = sorted(
            (
                s - e + (bisect_left(spaces, e) - bisect_left(spaces, s) if e - s > 1 else 0),
                s,
                info[h],
                e,
            )
            for h, s, e in matches
        )
        occupied = bytearray(len(doc))
        sure: list[tuple[int, int, int]] = []
        ambiguous: list[tuple[int, int, int]] = []
        for _, s, (i, kind), e in cand:
            if 1 in occupied[s:e]:
                continue
            occupied[s:e] = b"\x01" * (e - s)
            if kind == MatchKind.PLAIN:
                sure.append((s, e, i))
            elif kind == MatchKind.AMBIGUOUS:
                ambiguous.append((s, e, i))
            else:
                # never doc.text here: it rebuilds the whole text from Token objects
                surface = doc[s].text if e - s == 1 else doc[s:e].text
                if surface in exact[i]:
                    sure.append((s, e, i))
        return sure, ambiguous


def _surface_owners(
    skills: Sequence[Skill],
) -> tuple[dict[str, tuple[int, str]], dict[str, tuple[int, str]]]:
    """(owner, every): who owns each normalised surface key. Real names/aliases first
    (validated unique), generated variants only where the key is still free."""
    owner: dict[str, tuple[int, str]] = {}
    for i, s in enumerate(skills):
        for form in s.surface_forms:
            owner.setdefault(normalise_form(form), (i, form))
    variants: dict[str, tuple[int, str]] = {}
    for i, s in enumerate(skills):
        ambiguous = {normalise_form(f) for f in s.context.forms} if s.context is not None else set()
        for form in s.surface_forms:
            if normalise_form(form) in ambiguous:
                continue
            for v in surface_variants(form)[1:]:
                key = normalise_form(v)
                if key not in owner and key not in variants:
                    variants[key] = (i, v)
    return owner, {**variants, **owner}


def _kinds(
    skills: Sequence[Skill],
    rules: Sequence[Rule | None],
    owner: dict[str, tuple[int, str]],
    every: dict[str, tuple[int, str]],
) -> tuple[dict[tuple[int, MatchKind], list[str]], dict[int, frozenset[str]]]:
    """The forms grouped by (skill index, kind), and the exact spellings per skill."""
    by_key: dict[tuple[int, MatchKind], list[str]] = {}
    exact_forms: dict[int, set[str]] = {}
    # a rule's plain forms and their spellings ("communications"): ambiguous, for the
    # rule's negative phrases
    plain = {
        (i, normalise_form(v))
        for i, s in enumerate(skills)
        if s.context is not None and rules[i] is not None
        for f in s.context.plain_forms
        for v in surface_variants(f)
    }
    for key, (i, form) in every.items():
        ctx = skills[i].context
        if (
            rules[i] is not None
            and ctx is not None
            and key in {normalise_form(f) for f in ctx.forms}
        ):
            kind = MatchKind.AMBIGUOUS
        elif (i, key) in plain and (
            not _SHORT_ACRONYM.match(form.removesuffix("s")) or _any_case(form)
        ):
            # a short acronym too ("DSL packages", "R&D Center") when its lower case would
            # be accepted anyway: the resolver does not check the case of a plain form
            kind = MatchKind.AMBIGUOUS
        elif _SHORT_ACRONYM.match(form.removesuffix("s")) and any(c.isupper() for c in form):
            kind = MatchKind.EXACT
            exact_forms.setdefault(i, set()).add(form)
            low = form.lower()
            # lower case accepted ("aws", "gcp" in tag lists) only for a real name or
            # alias of 3+ letters that is no English word: never for a generated plural
            # ("HAs" -> "has", "MEANs" -> "means")
            if key in owner and len(low) >= 3 and low not in COMMON_WORDS:
                exact_forms[i].add(low)
        else:
            kind = MatchKind.PLAIN
        by_key.setdefault((i, kind), []).append(form)
    return by_key, {i: frozenset(f) for i, f in exact_forms.items()}


def _any_case(form: str) -> bool:
    """Whether an exact-case acronym is accepted in lower case as well ("dsl", not "it")."""
    low = form.lower()
    return len(low) >= 3 and low not in COMMON_WORDS


def pattern_forms(skills: Sequence[Skill]) -> list[str]:
    """Every spelling the matcher of ``skills`` holds (surface forms and generated variants).

    Args:
        skills: the lexicon's skills, in lexicon order.

    Returns:
        The spellings, in build order.
    """
    return [form for _i, form in _surface_owners(skills)[1].values()]


@dataclass(frozen=True)
class PatternPlan:
    """What the matcher of a lexicon is built from, as plain data (what :mod:`.compiled` ships).

    ``groups`` holds one ``(skill index, kind, patterns)`` per match key, each pattern the
    LOWER hashes of its tokens, in build order; ``exact`` the accepted spellings of the
    :attr:`MatchKind.EXACT` skills; ``join_pairs`` and ``max_tokens`` as in
    :class:`PatternSet`.
    """

    groups: tuple[tuple[int, MatchKind, tuple[tuple[int, ...], ...]], ...]
    exact: dict[int, frozenset[str]]
    join_pairs: frozenset[tuple[int, int]]
    max_tokens: int
    n_patterns: int


def plan_patterns(
    skills: Sequence[Skill],
    rules: Sequence[Rule | None],
    tokenize: TokenizeMany,
    key: Callable[[str], int],
) -> PatternPlan:
    """The patterns of a lexicon: every spelling, its kind and its LOWER token hashes.

    Args:
        skills: the lexicon's skills, in lexicon order.
        rules: the compiled context rule of each skill (or ``None``).
        tokenize: texts -> token texts (the tokenizer or its cache, see :mod:`.cache`).
        key: string -> hash (the pipeline's ``vocab.strings.add``).

    Returns:
        The :class:`PatternPlan`.
    """
    owner, every = _surface_owners(skills)
    by_key, exact = _kinds(skills, rules, owner, every)
    forms_all = [f for fs in by_key.values() for f in fs]
    # LOWER of a token is the hash of its lower-cased text (spaCy's lexeme attribute)
    lows = {
        f: tuple(key(t.lower()) for t in toks)
        for f, toks in zip(forms_all, tokenize(forms_all), strict=True)
    }
    groups = tuple((i, kind, tuple(lows[f] for f in forms)) for (i, kind), forms in by_key.items())
    join_pairs: set[tuple[int, int]] = set()
    max_tokens = 1
    for _i, kind, pats in groups:
        if kind != MatchKind.EXACT:
            for low in pats:
                max_tokens = max(max_tokens, len(low))
                join_pairs.update(zip(low, low[1:], strict=False))
    return PatternPlan(
        groups=groups,
        exact=exact,
        join_pairs=frozenset(join_pairs),
        max_tokens=max_tokens,
        n_patterns=len(forms_all),
    )


def assemble_patterns(
    skills: Sequence[Skill], plan: PatternPlan, key: Callable[[str], int]
) -> PatternSet:
    """Build the PhraseMatcher (attribute ``LOWER``) of a :class:`PatternPlan`.

    The matcher keeps its match keys in a vocab of its own, with no lexical attribute
    getters: ``PhraseMatcher.add`` makes a lexeme of each key, and computing the shape,
    ``like_num``... of 4,500 keys in the pipeline's vocab was a fifth of the start-up. Match
    keys are hashes, the same in every vocab; the matcher reads only the doc's LOWER hashes.

    Args:
        skills: the lexicon's skills, in lexicon order.
        plan: the patterns.
        key: string -> hash (the pipeline's ``vocab.strings.add``).

    Returns:
        The :class:`PatternSet`.
    """
    matcher = PhraseMatcher(Vocab(), attr="LOWER")
    info: dict[int, tuple[int, MatchKind]] = {}
    for i, kind, lows in plan.groups:
        mkey = f"{skills[i].id}\x1f{int(kind)}"
        info[key(mkey)] = (i, kind)
        # spaCy's stub says Docs; add() takes sequences of attribute ids as well
        matcher.add(mkey, list(lows))  # type: ignore[arg-type]
    return PatternSet(
        matcher=matcher,
        info=info,
        exact=plan.exact,
        join_pairs=plan.join_pairs,
        max_tokens=plan.max_tokens,
        n_patterns=plan.n_patterns,
    )


def build_patterns(
    nlp: Language,
    skills: Sequence[Skill],
    rules: Sequence[Rule | None],
    tokenize: TokenizeMany,
) -> PatternSet:
    """Build the PhraseMatcher (attribute ``LOWER``) of a lexicon.

    Patterns are token lists from the pipeline's tokenizer (so "C++," and "Node.js," match
    as the texts are split); they are added as LOWER hashes, without building a Doc each.
    The tokenizer is not changed: its rules come from :func:`jobmatch.make_nlp`.

    Args:
        nlp: the pipeline (its vocab).
        skills: the lexicon's skills, in lexicon order.
        rules: the compiled context rule of each skill (or ``None``).
        tokenize: texts -> token texts (the tokenizer or its cache, see :mod:`.cache`).

    Returns:
        The :class:`PatternSet`.
    """
    key = nlp.vocab.strings.add
    return assemble_patterns(skills, plan_patterns(skills, rules, tokenize, key), key)


#: a line opening with one of these and a space is a list item, no wrapped phrase's end
_BULLETS = ("-", "*", "\u2022", "\u00b7", "\u25aa", "\u25e6", "\u25cf", "\u2013", "+")


def wrapped_matches(doc: Doc, cols: Columns, patterns: PatternSet) -> list[tuple[int, int, int]]:
    """Multi-word matches (plain or ambiguous) broken by one line break
    ("conflict\\nresolution", a PDF line wrapped mid-phrase).

    Only a single line break (not a blank line) between two tokens that sit side by side
    in some pattern is tried; the tokens around it are matched again without it. A line
    that opens with a bullet ("- Experience with ...") starts an item of its own: nothing
    before the break joins it (a hyphenated spelling would read the bullet as its hyphen).

    Args:
        doc: the tokenised doc.
        cols: its columns.
        patterns: the lexicon's patterns.

    Returns:
        ``(match key, start, end)`` of each such match, the break token inside.
    """
    pairs = patterns.join_pairs
    if not pairs:
        return []
    strings = doc.vocab.strings
    low = cols.low
    n = len(low)
    bullets = {strings.add(b) for b in _BULLETS}
    out: list[tuple[int, int, int]] = []
    for k in cols.space_idx:
        if not 0 < k < n - 1 or (low[k - 1], low[k + 1]) not in pairs:
            continue
        if strings[low[k]].strip(" \t\r") != "\n":
            continue  # a blank line or more ends the phrase
        if low[k + 1] in bullets and doc[k + 1].whitespace_:
            continue  # the next line opens an item of its own ("research\n- Experience")
        w = patterns.max_tokens
        idx = [j for j in range(max(0, k - w), min(n, k + w + 1)) if j != k]
        words = [doc[j].text for j in idx]
        spaces = [bool(doc[j].whitespace_) or j == k - 1 for j in idx]
        mini = Doc(doc.vocab, words=words, spaces=spaces)
        left = idx.index(k - 1)
        for h, ms, me in patterns.matcher(mini):
            if ms <= left < me - 1 and patterns.info[h][1] != MatchKind.EXACT:
                out.append((h, idx[ms], idx[me - 1] + 1))
    return out
