"""Evidence phrases: skills written as what people did ("ran experiments", "Led a team of 5
engineers", "Published at NeurIPS") rather than by name.

The rules live in ``skill_lexicon/evidence.toml`` (format described there): verb + object
rules and a list of venue names. :class:`EvidenceFinder` compiles them into token hashes and
finds them on a doc with set lookups of the object and venue tokens, then a short
backward scan for the verb (nearest verb wins, within ``gap`` tokens, never across a line
break or a sentence end). It returns :data:`Phrase` tuples ``(start, end, skill index,
object start)``: the phrase runs from the verb to the end of the object.
"""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from ..errors import LexiconError
from ..lexicon.loader import data_root
from .columns import Columns

__all__ = [
    "EvidenceFinder",
    "EvidenceRules",
    "Phrase",
    "VerbObject",
    "Venues",
    "load_evidence",
    "non_overlapping",
    "parse_evidence",
]

log = logging.getLogger(__name__)

EVIDENCE_FILE = "evidence.toml"
# (start token, end token, skill index, first token of the object)
Phrase = tuple[int, int, int, int]
_SENTENCE_END = (".", ";", "!", "?")
# a "verb" after one of these is a noun: "takes the lead", "Our mentor developer"
_DETERMINERS = ("the", "a", "an", "our", "your", "their", "his", "her", "my", "its")
# words that make an object another kind of document: "Author white papers and web content
# which are used for client marketing" publishes no research, nor do a student's term papers
_OTHER_DOCUMENT = ("white", "term", "position")
# a past participle after a number or a quantifier describes its object ("three published
# papers", "several accepted papers"): a farther verb may still govern it
_QUANTIFIERS = (
    *(str(n) for n in range(1, 100)),
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens",
    "several", "many", "numerous", "multiple", "various", "some", "few", "these", "those",
)  # fmt: skip
# a verb after a hyphen is part of an adjective ("employee-led workshops", "industry-leading
# team", "self-managed teams"), unless the first part is one of these prefixes ("co-led")
_VERB_PREFIXES = ("co", "re")


@dataclass(frozen=True, slots=True)
class VerbObject:
    """A verb, then within ``gap`` tokens an object phrase: evidence of ``skill``; with
    ``cues``, only when one of them lies within ``window`` tokens of the phrase ("writing
    of articles" in a research process, not "Wrote articles and press releases")."""

    skill: str
    verbs: tuple[str, ...]
    objects: tuple[str, ...]
    gap: int
    venue_objects: bool = False
    cues: tuple[str, ...] = ()
    window: int = 0


@dataclass(frozen=True, slots=True)
class Venues:
    """Venue names, as written: evidence of ``skill``; an ``ambiguous`` one only with a year
    or one of ``cues`` within ``window`` tokens."""

    skill: str
    names: tuple[str, ...]
    ambiguous: tuple[str, ...]
    cues: tuple[str, ...]
    window: int


@dataclass(frozen=True, slots=True)
class EvidenceRules:
    """The rules of an evidence file."""

    verb_object: tuple[VerbObject, ...]
    venues: Venues | None


def _strs(raw: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise LexiconError(f"{where}: {key!r} must be a list of non-empty strings")
    return tuple(value)


def _int(raw: Mapping[str, Any], key: str, where: str, default: int) -> int:
    value = raw.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 20:
        raise LexiconError(f"{where}: {key!r} must be an integer from 0 to 20")
    return value


def _skill(raw: Mapping[str, Any], where: str) -> str:
    skill = raw.get("skill")
    if not isinstance(skill, str) or not skill:
        raise LexiconError(f"{where}: 'skill' must be a skill id")
    return skill


def parse_evidence(data: Mapping[str, Any], where: str) -> EvidenceRules:
    """Validate the parsed TOML of an evidence file.

    Args:
        data: the parsed file.
        where: the file's name, for messages.

    Returns:
        The rules.

    Raises:
        LexiconError: a field is missing or of the wrong type.
    """
    rules: list[VerbObject] = []
    raw_rules = data.get("verb_object", [])
    if not isinstance(raw_rules, list):
        raise LexiconError(f"{where}: 'verb_object' must be an array of tables")
    for n, raw in enumerate(raw_rules, 1):
        at = f"{where}: verb_object #{n}"
        if not isinstance(raw, dict):
            raise LexiconError(f"{at}: must be a table")
        rules.append(
            VerbObject(
                skill=_skill(raw, at),
                verbs=_strs(raw, "verbs", at),
                objects=_strs(raw, "objects", at),
                gap=_int(raw, "gap", at, 4),
                venue_objects=bool(raw.get("venue_objects", False)),
                cues=_strs(raw, "cues", at),
                window=_int(raw, "window", at, 10),
            )
        )
    venues = None
    raw_venues = data.get("venues")
    if raw_venues is not None:
        at = f"{where}: venues"
        if not isinstance(raw_venues, dict):
            raise LexiconError(f"{at}: must be a table")
        venues = Venues(
            skill=_skill(raw_venues, at),
            names=_strs(raw_venues, "names", at),
            ambiguous=_strs(raw_venues, "ambiguous", at),
            cues=_strs(raw_venues, "cues", at),
            window=_int(raw_venues, "window", at, 5),
        )
    return EvidenceRules(verb_object=tuple(rules), venues=venues)


def load_evidence(path: str | Path | None = None) -> EvidenceRules | None:
    """The evidence rules of a lexicon folder (``None``: the shipped lexicon).

    Args:
        path: a lexicon folder; its ``evidence.toml`` is read when it has one.

    Returns:
        The rules, or ``None`` when the folder has no evidence file.

    Raises:
        LexiconError: the file is not valid TOML or not of the documented shape.
    """
    root: Traversable | Path = data_root() if path is None else Path(path)
    file = root / EVIDENCE_FILE
    if not file.is_file():
        return None
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{EVIDENCE_FILE}: {exc}") from exc
    return parse_evidence(data, EVIDENCE_FILE)


@dataclass(frozen=True, slots=True)
class _Phrase:
    tokens: tuple[int, ...]  # LOWER hashes
    rules: tuple[int, ...]  # indices of the verb-object rules with this object


class EvidenceFinder:
    """Finds evidence phrases on a doc's token hashes.

    Args:
        rules: the evidence rules.
        skill_index: skill id -> index in the lexicon (rules of other ids are skipped).
        tokenize: string -> token texts (the pipeline's tokenizer).
        key: string -> hash (the pipeline's ``vocab.strings.add``).
    """

    def __init__(
        self,
        rules: EvidenceRules,
        skill_index: Mapping[str, int],
        tokenize: Callable[[str], list[str]],
        key: Callable[[str], int],
    ) -> None:
        def toks(text: str) -> tuple[int, ...]:
            return tuple(key(t.lower()) for t in tokenize(text))

        self._skills: list[int] = []
        self._gaps: list[int] = []
        self._verbs: list[frozenset[tuple[int, ...]]] = []
        self._cues: list[tuple[frozenset[int], int]] = []  # (cue hashes, window) by rule
        venue_rules: list[int] = []
        by_object: dict[tuple[int, ...], list[int]] = {}
        for rule in rules.verb_object:
            if rule.skill not in skill_index:
                log.debug("evidence rule for %r skipped: not in the lexicon", rule.skill)
                continue
            r = len(self._skills)
            self._skills.append(skill_index[rule.skill])
            self._gaps.append(rule.gap)
            self._verbs.append(frozenset(toks(v) for v in rule.verbs))
            self._cues.append((frozenset(key(c.lower()) for c in rule.cues), rule.window))
            for obj in rule.objects:
                by_object.setdefault(toks(obj), []).append(r)
            if rule.venue_objects:
                venue_rules.append(r)
        self._phrases: dict[int, list[_Phrase]] = {}
        for obj_toks, rs in by_object.items():
            self._phrases.setdefault(obj_toks[0], []).append(_Phrase(obj_toks, tuple(rs)))
        self._venue_rules = tuple(venue_rules)
        self._venue: int | None = None
        self._venue_names: frozenset[int] = frozenset()
        self._ambiguous: frozenset[int] = frozenset()
        self._venue_cues: frozenset[int] = frozenset()
        self._venue_window = 0
        v = rules.venues
        if v is not None and v.skill in skill_index:
            self._venue = skill_index[v.skill]
            self._venue_names = frozenset(key(n) for n in v.names)  # ORTH: as written
            self._ambiguous = frozenset(key(n) for n in v.ambiguous)
            self._venue_cues = frozenset(key(c) for c in v.cues)
            self._venue_window = v.window
        self._stops = frozenset(key(t) for t in _SENTENCE_END)
        self._determiners = frozenset(key(t) for t in _DETERMINERS)
        self._other_document = frozenset(key(t) for t in _OTHER_DOCUMENT)
        self._quantifiers = frozenset(key(t) for t in _QUANTIFIERS)
        self._hyphen = key("-")
        self._by = key("by")
        self._prefixes = frozenset(key(t) for t in _VERB_PREFIXES)
        self._max_verb = max((len(v) for vs in self._verbs for v in vs), default=1)
        self._verb_ends = frozenset(v[-1] for vs in self._verbs for v in vs)
        self._max_gap = max(self._gaps, default=0)
        self._low_anchors = frozenset(self._phrases)
        self._orth_anchors = self._venue_names

    @property
    def active(self) -> bool:
        """Whether there is any rule to find."""
        return bool(self._phrases) or self._venue is not None

    def find(self, doc_strings: Any, cols: Columns) -> list[Phrase]:
        """The evidence phrases of a doc.

        Args:
            doc_strings: the doc's ``vocab.strings`` (to read year tokens).
            cols: the doc's columns.

        Returns:
            The phrases in text order, without overlaps (of two, the first, then the
            shorter: a verb's nearest object).
        """
        out: list[Phrase] = []
        low, orth = cols.low, cols.orth
        breaks = frozenset(cols.breaks)
        # the objects with a verb's last word within reach before them
        objects = cols.where_after(self._low_anchors, self._verb_ends, self._max_gap + 1)
        for k in objects:
            if k > 0 and low[k - 1] in self._other_document:
                continue  # "white papers", "term papers"
            for phrase in self._phrases[low[k]]:
                end = k + len(phrase.tokens)
                if tuple(low[k:end]) == phrase.tokens:
                    found = self._verb_before(cols, breaks, k, phrase.rules)
                    if found is not None and self._cued(low, found, end):
                        out.append((found[0], end, self._skills[found[1]], k))
        for k in cols.where("orth", self._orth_anchors):
            found = self._verb_before(cols, breaks, k, self._venue_rules)
            if found is not None:
                out.append((found[0], k + 1, self._skills[found[1]], k))
            elif self._venue is not None and self._venue_ok(doc_strings, low, orth, k):
                out.append((k, k + 1, self._venue, k))
        return non_overlapping(out)

    def _verb_before(
        self, cols: Columns, breaks: frozenset[int], k: int, rules: Sequence[int]
    ) -> tuple[int, int] | None:
        """(verb start, rule) of the verb nearest before token ``k`` among ``rules``."""
        if not rules:
            return None
        low = cols.low
        gap = max(self._gaps[r] for r in rules)
        for j in range(k - 1, max(-1, k - gap - 2), -1):
            if j in breaks or low[j] in self._stops:
                return None
            for r in rules:
                if k - j - 1 > self._gaps[r]:
                    continue
                for n in range(1, self._max_verb + 1):
                    v = j - n + 1
                    if v >= 0 and tuple(low[v : j + 1]) in self._verbs[r]:
                        if v > 0 and low[v - 1] in self._determiners:
                            return None  # a noun: "the lead", "our mentor"
                        if v > 0 and low[v - 1] in self._quantifiers:
                            continue  # an adjective: "three published papers"
                        if self._in_compound(cols, breaks, v):
                            continue  # "employee-led"; a longer verb may hold the prefix
                        if j + 1 < k and low[j + 1] == self._by:
                            # the passive: "the project, lead by a highly technical team",
                            # "mentored by senior engineers": the others did it
                            return None
                        return v, r
        return None

    def _cued(self, low: list[int], found: tuple[int, int], end: int) -> bool:
        """Whether the phrase from ``found`` (verb start, rule) to ``end`` has a cue of its
        rule near it, or its rule asks for none."""
        cues, window = self._cues[found[1]]
        if not cues:
            return True
        near = low[max(0, found[0] - window) : found[0]] + low[end : end + window]
        return not cues.isdisjoint(near)

    def _in_compound(self, cols: Columns, breaks: frozenset[int], v: int) -> bool:
        """Whether the verb at ``v`` ends a hyphenated adjective ("industry-leading"): a
        hyphen glued to a word on both sides, not a bullet ("- Lead a team")."""
        if v < 2 or cols.low[v - 1] != self._hyphen or (v - 2) in breaks:
            return False
        spaces = cols.spaces
        return not spaces[v - 2] and not spaces[v - 1] and cols.low[v - 2] not in self._prefixes

    def _venue_ok(self, strings: Any, low: list[int], orth: list[int], k: int) -> bool:
        """An unambiguous venue, or an ambiguous one with a year or a cue nearby."""
        if orth[k] not in self._ambiguous:
            return True
        w = self._venue_window
        near = low[max(0, k - w) : k] + low[k + 1 : k + 1 + w]
        if not self._venue_cues.isdisjoint(near):
            return True
        return any(_is_year(strings[h]) for h in orth[k + 1 : k + 4])


def _is_year(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and text[:2] in ("19", "20")


def non_overlapping(found: list[Phrase]) -> list[Phrase]:
    """The phrases sorted, without overlaps: of two, the first, then the shorter.

    Args:
        found: phrases in any order.

    Returns:
        The kept phrases, in text order.
    """
    out: list[Phrase] = []
    for m in sorted(found, key=lambda f: (f[0], f[1] - f[0])):
        if out and m[0] < out[-1][1]:
            continue
        out.append(m)
    return out
