"""A small trained filter over the lexicon's mentions (logistic regression, applied by hand).

The lexicon finds candidate mentions and names their skill; this filter decides, from the
mention's surface, skill, category and immediate context, whether a mention is one an
annotator would mark (SkillSpan: a tool or body of knowledge, not a job title or a word of
running prose). It only removes mentions, never adds or renames one: skill ids stay the
lexicon's.

The weights were fitted with scikit-learn on the SkillSpan *train* split by
``benchmarks/train_mention_filter.py`` and shipped as JSON
(``skill_lexicon/models/mention_filter.json``). At run time a mention's score is the bias
plus the sum of the weights of its features (plain dict lookups): no scikit-learn import,
no pickle. Features are strings (``"s:java"``, ``"p:,"``, ``"case:lower"``) computed by
:func:`mention_features`, the same function for training and for running.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .vocabulary import CUE_WORDS, LIST_AFTER, LIST_BEFORE, TITLE_MAX_TOKENS, TITLE_WORDS

if TYPE_CHECKING:
    from ..models import Lexicon

__all__ = [
    "CUE_WORDS",
    "LIST_AFTER",
    "LIST_BEFORE",
    "TITLE_MAX_TOKENS",
    "TITLE_WORDS",
    "FilterTables",
    "LineInfo",
    "MentionFilter",
    "filter_for_lexicon",
    "load_mention_filter",
    "is_title_line",
    "mention_features",
    "static_features",
]

log = logging.getLogger(__name__)

_RESOURCE = "models/mention_filter.json"


def _bucket(n: int, edges: Sequence[int]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f"{edges[-1]}+"


def _case(text: str) -> str:
    if not any(c.isalpha() for c in text):
        return "none"
    if text.isupper():
        return "upper"
    if text.islower():
        return "lower"
    if text[0].isupper() and text[1:].islower():
        return "title"
    return "mixed"


@dataclass(frozen=True, slots=True)
class LineInfo:
    """What the features need to know about the line a mention sits in."""

    n_tokens: int
    n_mentions: int
    ends_with_period: bool
    has_cue: bool
    has_title_word: bool


def static_features(*, surface: str, skill_id: str, category: str, n_tokens: int) -> list[str]:
    """The features that depend on the mention alone (cached per surface at run time)."""
    case = _case(surface)
    return [
        f"s:{surface.lower()}",
        f"id:{skill_id}",
        f"cat:{category}",
        f"case:{case}",
        f"cc:{category}|{case}",
        f"ntok:{min(n_tokens, 3)}",
    ]


def _line_features(line: LineInfo, category: str) -> list[str]:
    feats = [
        f"len:{_bucket(line.n_tokens, _LEN_EDGES)}",
        f"nm:{_bucket(line.n_mentions, _NM_EDGES)}",
    ]
    if line.ends_with_period:
        feats.append("period")
    if line.has_cue:
        feats += ["cue", f"cue|cat:{category}"]
    if is_title_line(line):
        feats += ["title", f"title|cat:{category}"]
    return feats


def is_title_line(line: LineInfo) -> bool:
    """A short line holding a job-title word and no sentence end ("Senior Java Developer").

    Args:
        line: the line's summary.

    Returns:
        ``True`` for a title-like line.
    """
    return line.has_title_word and line.n_tokens <= TITLE_MAX_TOKENS and not line.ends_with_period


_LEN_EDGES = (3, 6, 10, 20, 40)
_NM_EDGES = (1, 2, 4)


def mention_features(
    *,
    surface: str,
    skill_id: str,
    category: str,
    prev: str,
    next_token: str,
    n_tokens: int,
    line: LineInfo,
    soft: bool = False,
) -> list[str]:
    """The features of one mention. ``prev``/``next_token`` are lower-case tokens or
    ``<s>``/``</s>`` at the line's edges; ``surface`` is the matched text as written;
    ``soft``: a generic word whose context rule found no evidence either way (the filter
    decides it)."""
    feats = static_features(
        surface=surface, skill_id=skill_id, category=category, n_tokens=n_tokens
    )
    feats += [f"p:{prev}", f"n:{next_token}"]
    if prev in LIST_BEFORE:
        feats.append("list:before")
    if next_token in LIST_AFTER:
        feats.append("list:after")
    if prev in LIST_BEFORE and next_token in LIST_AFTER:
        feats.append("list:both")
    if soft:
        feats += ["rule:none", f"rule:none|cat:{category}"]
    return feats + _line_features(line, category)


class FilterTables:
    """The context weights of a filter keyed by token hashes, for the component's fast path.

    ``strings_add`` is the pipeline's ``vocab.strings.add`` (word -> hash); hash 0 stands for
    the line's edge (``<s>`` before, ``</s>`` after).
    """

    def __init__(self, filt: MentionFilter, strings_add: Callable[[str], int]) -> None:
        w = filt.weights
        self.prev: dict[int, float] = {0: w.get("p:<s>", 0.0)}
        self.next: dict[int, float] = {0: w.get("n:</s>", 0.0)}
        for name, weight in w.items():
            if name.startswith("p:") and name != "p:<s>":
                self.prev[strings_add(name[2:])] = weight
            elif name.startswith("n:") and name != "n:</s>":
                self.next[strings_add(name[2:])] = weight
        self.list_before = frozenset(strings_add(t) for t in LIST_BEFORE)
        self.list_after = frozenset(strings_add(t) for t in LIST_AFTER)
        self.list_before_w = w.get("list:before", 0.0)
        self.list_after_w = w.get("list:after", 0.0)
        self.list_both_w = w.get("list:both", 0.0)
        self.cue_cat = {k[8:]: v for k, v in w.items() if k.startswith("cue|cat:")}
        self.title_cat = {k[10:]: v for k, v in w.items() if k.startswith("title|cat:")}
        self._soft = w.get("rule:none", 0.0)
        self._soft_cat = {k[14:]: v for k, v in w.items() if k.startswith("rule:none|cat:")}
        self._w = w
        self._line_cache: dict[LineInfo, float] = {}

    def soft(self, category: str) -> float:
        """Weights of a generic word whose context rule found no evidence either way."""
        return self._soft + self._soft_cat.get(category, 0.0)

    def line_base(self, info: LineInfo) -> float:
        """Weights of the line features that do not depend on the mention's category."""
        cached = self._line_cache.get(info)
        if cached is None:
            if len(self._line_cache) > 100_000:  # bounded: long-running processes
                self._line_cache.clear()
            w = self._w
            feats = _line_features(info, "")
            cached = self._line_cache[info] = sum(w.get(f, 0.0) for f in feats if "|cat:" not in f)
        return cached

    def category(self, info: LineInfo, category: str) -> float:
        """Weights of the line features crossed with the mention's category."""
        score = self.cue_cat.get(category, 0.0) if info.has_cue else 0.0
        if is_title_line(info):
            score += self.title_cat.get(category, 0.0)
        return score


@dataclass(frozen=True, slots=True)
class MentionFilter:
    """Linear scores over :func:`mention_features`; keep a mention when score >= threshold."""

    weights: dict[str, float]
    bias: float
    threshold: float  # on the logit, so no exp() per mention
    meta: dict[str, Any]

    def score(self, features: Sequence[str]) -> float:
        w = self.weights
        return self.bias + sum(w.get(f, 0.0) for f in features)

    def keep(self, features: Sequence[str]) -> bool:
        return self.score(features) >= self.threshold

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MentionFilter:
        p = float(data["threshold_probability"])
        if not 0.0 < p < 1.0:
            raise ValueError(f"threshold_probability must be in (0, 1), not {p}")
        return cls(
            weights={str(k): float(v) for k, v in data["weights"].items()},
            bias=float(data["bias"]),
            threshold=math.log(p / (1.0 - p)),
            meta={k: v for k, v in data.items() if k not in {"weights", "bias"}},
        )


def load_mention_filter(path: str | Path | None = None) -> MentionFilter:
    """The shipped filter (``path=None``) or one written by the training script."""
    if path is None:
        text = (
            resources.files("jobmatch.skill_lexicon")
            .joinpath(_RESOURCE)
            .read_text(encoding="utf-8")
        )
    else:
        text = Path(path).read_text(encoding="utf-8")
    return MentionFilter.from_dict(json.loads(text))


def filter_for_lexicon(
    lexicon: Lexicon, path: str | Path | None = None, *, own_lexicon: bool = False
) -> MentionFilter | None:
    """The filter to run over ``lexicon``'s mentions: the weights at ``path``, or the shipped
    ones; ``None`` when the shipped weights belong to another lexicon version than a lexicon
    of the caller's own (``own_lexicon``). Weights keyed by another lexicon's skill ids would
    judge every mention by its context alone."""
    found = load_mention_filter(path)
    trained_for = found.meta.get("lexicon_version")
    if path is None and own_lexicon and lexicon.version != trained_for:
        log.info(
            "mention filter off: shipped weights are for lexicon %s, not %s",
            trained_for,
            lexicon.version,
        )
        return None
    return found
