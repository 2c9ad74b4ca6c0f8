"""The compiled matcher build: context rules and patterns as token hashes, ready to load.

Compiling ~800 context rules and planning ~20,000 patterns (surface variants, match kinds,
LOWER hashes of every token) took half of the skill matcher's build even with the tokens
cached. :class:`CompiledBuild` is that result as plain data, shipped inside the pattern cache
(:mod:`.cache`), so a start-up only reads it back and adds the patterns to the matcher.

It is used only when it was made by the same code: :func:`builder_hash` hashes the source of
the modules that compile rules and plan patterns, and a probe hash checks that spaCy hashes
strings as it did when the build was made. Otherwise the rules and patterns are compiled
again (from the cached token lists when those fit), never read stale.
"""

from __future__ import annotations

import hashlib
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.strings import get_string_id

from ..lexicon.forms import is_proper_name, normalise_form
from . import context, patterns, vocabulary
from .context import Rule, assemble_rule
from .patterns import MatchKind, PatternPlan

__all__ = ["PROBE_TEXT", "CompiledBuild", "builder_hash", "builder_sources", "unfit_reason"]

log = logging.getLogger(__name__)

PROBE_TEXT = "jobmatch"  # its hash is stored: a spaCy that hashes strings otherwise is caught


def builder_sources() -> list[Path | None]:
    """The source files :func:`builder_hash` reads (``None`` for a module without one)."""
    modules = [context, patterns, vocabulary]
    for func in (normalise_form, is_proper_name):
        modules.append(sys.modules[func.__module__])
    files = [getattr(m, "__file__", None) for m in dict.fromkeys(modules)]
    return [None if f is None else Path(f) for f in files]


@lru_cache(maxsize=1)
def builder_hash() -> str:
    """A hash of the source of the modules that compile rules and plan patterns.

    Returns:
        A hex SHA-256 digest, or ``""`` when a source file cannot be read (then no compiled
        build fits).
    """
    digest = hashlib.sha256()
    for path in builder_sources():
        if path is None or path.suffix != ".py":
            return ""
        try:
            digest.update(path.read_bytes())
        except OSError:
            return ""
    return digest.hexdigest()


def _rule_to_list(rule: Rule | None) -> list[Any] | None:
    if rule is None:
        return None
    return [
        sorted(list(f) for f in rule.forms_exact),
        rule.case_sensitive,
        sorted(rule.single),
        [list(c) for c in rule.multi],
        [[list(p), k, n] for p, k, n in rule.negative],
        rule.window,
        rule.neighbours,
        rule.plain,
        sorted(list(f) for f in rule.cue_forms),
        rule.sense,
        sorted(rule.sense_single),
        [list(c) for c in rule.sense_multi],
        # derived from the parts above, stored so that a start-up does not derive them again
        sorted(rule.negative_context),
        sorted(list(p) for p in rule.negative_bare),
        sorted(rule.multi_first),
    ]


def _rule_from_list(data: Any) -> Rule | None:
    if data is None:
        return None
    exact, case_sensitive, single, multi, negative, window, neighbours, plain, cue_forms = data[:9]
    sense, sense_single, sense_multi, context, bare, first = data[9:]
    return assemble_rule(
        forms_exact=map(tuple, exact),
        case_sensitive=bool(case_sensitive),
        single=single,
        multi=map(tuple, multi),
        negative=[(tuple(p), int(k), int(n)) for p, k, n in negative],
        window=int(window),
        neighbours=bool(neighbours),
        plain=bool(plain),
        cue_forms=map(tuple, cue_forms),
        sense=int(sense),
        sense_single=sense_single,
        sense_multi=map(tuple, sense_multi),
        derived=(context, map(tuple, bare), first),
    )


@dataclass(frozen=True)
class CompiledBuild:
    """Compiled context rules (one per skill, or ``None``) and the pattern plan."""

    code_hash: str
    probe: int
    rules: tuple[Rule | None, ...]
    plan: PatternPlan

    @classmethod
    def of(cls, rules: Sequence[Rule | None], plan: PatternPlan) -> CompiledBuild:
        """The build of this code and this spaCy from freshly compiled parts."""
        return cls(builder_hash(), get_string_id(PROBE_TEXT), tuple(rules), plan)

    def to_dict(self) -> dict[str, Any]:
        """The build as plain msgpack-able data (sets sorted: the bytes are reproducible)."""
        plan = self.plan
        return {
            "code_hash": self.code_hash,
            "probe": self.probe,
            "rules": [_rule_to_list(r) for r in self.rules],
            "groups": [[i, int(kind), [list(p) for p in pats]] for i, kind, pats in plan.groups],
            "exact": [[i, sorted(forms)] for i, forms in sorted(plan.exact.items())],
            "join_pairs": sorted(list(p) for p in plan.join_pairs),
            "max_tokens": plan.max_tokens,
            "n_patterns": plan.n_patterns,
        }

    @classmethod
    def from_dict(cls, data: Any) -> CompiledBuild:
        """Read :meth:`to_dict`'s data back.

        Raises:
            ValueError: not the data of a compiled build.
        """
        try:
            plan = PatternPlan(
                groups=tuple(
                    (int(i), MatchKind(kind), tuple(map(tuple, pats)))
                    for i, kind, pats in data["groups"]
                ),
                exact={int(i): frozenset(forms) for i, forms in data["exact"]},
                join_pairs=frozenset(map(tuple, data["join_pairs"])),
                max_tokens=int(data["max_tokens"]),
                n_patterns=int(data["n_patterns"]),
            )
            rules = tuple(_rule_from_list(r) for r in data["rules"])
            return cls(str(data["code_hash"]), int(data["probe"]), rules, plan)
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"pattern cache: bad compiled build ({exc})") from exc


def unfit_reason(build: CompiledBuild, n_skills: int) -> str | None:
    """Why a compiled build cannot be used here, or ``None`` when it can.

    Args:
        build: the build (from a cache that fits the lexicon and the tokenizer).
        n_skills: the number of skills of the lexicon.

    Returns:
        A short reason, or ``None``.
    """
    if not build.code_hash or build.code_hash != builder_hash():
        return "the rule and pattern code changed"
    if build.probe != get_string_id(PROBE_TEXT):
        return "spaCy hashes strings differently"
    if len(build.rules) != n_skills:
        return f"{len(build.rules)} rules for {n_skills} skills"
    return None
