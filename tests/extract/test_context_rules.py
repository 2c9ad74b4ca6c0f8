"""Compiling a context rule's negative phrases (jobmatch.extract.context.compile_rule).

A rule with plain forms places each negative phrase at the spellings of its forms the
phrase holds, and only a phrase holding none of them at every run of its tokens: a
certification's "Project Management Professional (PMP) - eligible" phrases, placed at
every run, made the pattern cache twice its size.
"""

from __future__ import annotations

import spacy

from jobmatch.extract.context import compile_rule
from jobmatch.models import ContextRule

_NLP = spacy.blank("en")


def _tokenize(s: str) -> list[str]:
    return [t.text for t in _NLP.make_doc(s)]


def _key(s: str) -> int:
    return int(_NLP.vocab.strings.add(s))


def _places(rule: ContextRule) -> list[tuple[str, int, int]]:
    words = {_key(t.lower()): t.lower() for p in rule.negative for t in _tokenize(p)}
    compiled = compile_rule(rule, _tokenize, _key)
    return sorted((" ".join(words[h] for h in p), k, n) for p, k, n in compiled.negative)


def test_a_phrase_holding_a_plain_form_is_placed_at_its_spellings() -> None:
    rule = ContextRule(
        forms=(),
        case_sensitive=False,
        positive=(),
        negative=("project management professional ( pmp ) - eligible", "pmps eligible"),
        plain_forms=("Project Management Professional", "PMP"),
    )
    assert _places(rule) == [
        ("pmps eligible", 0, 1),  # a plural spelling of a plain form
        ("project management professional ( pmp ) - eligible", 0, 3),
        ("project management professional ( pmp ) - eligible", 4, 1),
    ]


def test_a_phrase_holding_no_form_covers_every_match_inside_it() -> None:
    rule = ContextRule(
        forms=(),
        case_sensitive=False,
        negative=("learning and improvement",),
        plain_forms=("continuous improvement",),
    )
    places = _places(rule)
    assert len(places) == 6  # every run of its three tokens
    assert ("learning and improvement", 2, 1) in places


def test_the_rules_of_the_shipped_lexicon_stay_small() -> None:
    """The certifications' rules hold about 2,000 phrases, a few places each."""
    from jobmatch.extract.cache import shipped_cache

    cache = shipped_cache()
    assert cache is not None
    assert cache.compiled is not None
    places = sum(len(r.negative) for r in cache.compiled.rules if r is not None)
    assert places < 20_000  # 9,560 on 2026-12-05; every run of every phrase: 46,505
