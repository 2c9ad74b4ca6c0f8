"""What the skill matcher is built from: compiled context rules and the pattern plan.

They come from a fitting compiled cache (:mod:`.cache`, :mod:`.compiled`) when there is one;
else they are compiled here from the cache's token lists, or from the tokenizer itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..lexicon.loader import source_digest
from ..models import Lexicon
from .cache import PackedTokens, PatternCache, fitting_cache, memo_lexicon_hash
from .compiled import CompiledBuild, unfit_reason
from .context import Rule, compile_rule
from .patterns import PatternPlan, plan_patterns

__all__ = ["MatcherInputs", "PatternTokens", "matcher_inputs"]

# the cache's messages keep the logger of .cache, where users look for them
log = logging.getLogger("jobmatch.extract.cache")


class PatternTokens:
    """Texts -> token texts for a matcher build: from a fitting cache, else the tokenizer.

    Args:
        tokenizer: the pipeline's tokenizer.
        cache: a cache that fits the lexicon and the tokenizer (see :func:`stale_reason`),
            or ``None``.
    """

    def __init__(self, tokenizer: Any, cache: PatternCache | None) -> None:
        self._tokenizer = tokenizer
        self._cache = cache
        cached = {} if cache is None else cache.tokens
        if isinstance(cached, PackedTokens):
            try:
                cached = cached.table()
            except ValueError as exc:  # decoded only now: a bad table means no cache
                log.warning("pattern cache token table unreadable (%s): tokenising", exc)
                cached = {}
        self._cached: Mapping[str, Sequence[str]] = cached
        self.seen: dict[str, Sequence[str]] = {}
        self.live = 0  # texts tokenised here (not found in the cache)

    def one(self, text: str) -> list[str]:
        """The token texts of ``text``."""
        toks = self.seen.get(text)
        if toks is None:
            toks = self._cached.get(text)
            if toks is None:
                toks = [t.text for t in self._tokenizer(text)]
                self.live += 1
            self.seen[text] = toks
        return list(toks)

    def __call__(self, texts: Sequence[str]) -> list[list[str]]:
        """The token texts of each text."""
        return [self.one(t) for t in texts]

    def finish(self, lexicon: Lexicon, tokenizer_digest: str) -> PatternCache:
        """End the build: a fresh tokenizer cache if texts were tokenised here.

        Args:
            lexicon: the lexicon built from.
            tokenizer_digest: the tokenizer's hash.

        Returns:
            The cache of every text the build used (what :func:`build_cache` writes).
        """
        if self._cache is not None and not self.live:
            return self._cache
        if self.live and hasattr(self._tokenizer, "rules"):
            # tokenising ~20k pattern strings leaves the tokenizer's cache in a state that
            # makes it 2-3x slower on running text (measured); re-setting the rules resets it
            self._tokenizer.rules = self._tokenizer.rules
            log.info("tokenised %d pattern texts (no fitting cache)", self.live)
        from .nlp_tokenizer import letter_forms
        from .patterns import pattern_forms

        return PatternCache(
            lexicon_version=lexicon.version,
            lexicon_hash=memo_lexicon_hash(lexicon),
            tokenizer_hash=tokenizer_digest,
            letters=tuple(letter_forms(pattern_forms(lexicon.skills))),
            tokens=self.seen,
            lexicon_source=source_digest(lexicon) or "",
        )


@dataclass(frozen=True)
class MatcherInputs:
    """What the skill matcher is built from: the compiled rules, the pattern plan and the
    cache that holds both (the one read, or a fresh one when they were compiled here)."""

    rules: tuple[Rule | None, ...]
    plan: PatternPlan
    cache: PatternCache


def matcher_inputs(
    tokenizer: Any,
    lexicon: Lexicon,
    saved: PatternCache | None,
    *,
    tokenizer_digest: str,
    key: Callable[[str], int],
    use: bool = True,
) -> MatcherInputs:
    """The compiled rules and patterns of a lexicon: read from a cache that fits, else compiled.

    A cache that fits the lexicon and the tokenizer gives its compiled build when that was
    made by this code (:func:`.compiled.unfit_reason`); else the rules and patterns are
    compiled from its token lists (or from the tokenizer, without a fitting cache).

    Args:
        tokenizer: the pipeline's tokenizer.
        lexicon: the lexicon.
        saved: the cache of a saved pipeline, or ``None``.
        tokenizer_digest: :func:`.nlp_tokenizer.tokenizer_hash` of ``tokenizer``.
        key: string -> hash (the pipeline's ``vocab.strings.add``).
        use: ``False`` for no cache at all.

    Returns:
        The :class:`MatcherInputs`.
    """
    cache = fitting_cache(lexicon, tokenizer_digest, saved, use=use)
    if cache is not None and cache.compiled is not None:
        reason = unfit_reason(cache.compiled, len(lexicon.skills))
        if reason is None:
            return MatcherInputs(cache.compiled.rules, cache.compiled.plan, cache)
        log.info("compiled rules and patterns not used: %s", reason)
    tokens = PatternTokens(tokenizer, cache)
    ids = {s.id: i for i, s in enumerate(lexicon.skills)}
    rules = tuple(
        None if s.context is None else compile_rule(s.context, tokens.one, key, ids.__getitem__)
        for s in lexicon.skills
    )
    plan = plan_patterns(lexicon.skills, rules, tokens, key)
    fresh = tokens.finish(lexicon, tokenizer_digest)
    return MatcherInputs(rules, plan, replace(fresh, compiled=CompiledBuild.of(rules, plan)))
