"""Skills named by coordination: "analytical and problem-solving skills".

A writer who lists two skills that share their last words names the shared words once:
"written and verbal communication", "project and personnel management", "machine/deep
learning", "analytical, problem-solving and communication skills". The phrase matcher sees
only the last conjunct with the shared words ("verbal communication"); the others
("written", "cell" in "cell and molecular biology") match nothing on their own. This module
finds each conjunct that, followed by the shared words, is a pattern of the lexicon, and
adds it as a match of that pattern on the conjunct's own tokens, so the mention quotes what
the text says ("written") under the skill it names (written communication). A conjunct that
is a skill on its own keeps that reading ("SQL" in "SQL and relational databases" stays SQL,
not "SQL databases"), unless it follows the phrase and is one only near a cue:
"integrations" in "data migration and integrations" is data integration. The trained mention
filter keeps a conjunct and the phrase it shares words with: it would judge the lone word,
and a coordination of two lexicon phrases is evidence enough ("unit and integration tests").

Only a true coordination counts: the conjunct right before the matched phrase must be joined
by "and", "or", "&" or "/"; commas chain conjuncts further left only through such a join, so
a plain list ("Office, product lifecycle management") shares nothing. A comma before the
join (an Oxford comma) needs two conjuncts before it: "analytical, problem-solving, and
communication skills" is a coordination, "Mixpanel funnel data, and competitive analysis" a
list. A conjunct is one to three word tokens; the longest that forms a pattern wins, and one
that only repeats the phrase's first word ("data and data structures") is no conjunct.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Doc

from .columns import Columns
from .patterns import MatchKind, PatternPlan, PatternSet

__all__ = ["Conjunct", "PhraseIndex", "coordinated_matches"]

#: the words joining the last two conjuncts
_JOINS = frozenset({"and", "or", "&", "/", "and/or"})
#: the most tokens a conjunct may have, before the shared words and after them
_MAX_CONJUNCT = 3
_MAX_AFTER = 2
#: hyphens: a word before one goes on ("community-driven"), no phrase ends there
_HYPHENS = frozenset("-\u2010\u2011")
#: words that may follow a noun phrase ("data collection and analysis of large datasets")
_PREPOSITIONS = frozenset(
    "of for in on at to from by with using across within through via into over".split()
)


class Conjunct(NamedTuple):
    """A conjunct read as a match of the pattern it forms with the shared words."""

    key: int  #: the pattern's match key
    start: int  #: the conjunct's first token
    end: int  #: the token after it
    phrase: tuple[int, int]  #: the matched phrase whose words it shares


class PhraseIndex:
    """The plain and ambiguous patterns of a pattern set by their LOWER hashes: which match
    key a run of tokens is whole (:func:`_full_match`), by a look-up instead of a Doc of
    the words and a run of the matcher over it.

    Args:
        plan: the patterns the matcher was built from.
        info: the pattern set's match key -> ``(skill index, kind)``.
    """

    def __init__(self, plan: PatternPlan, info: dict[int, tuple[int, MatchKind]]) -> None:
        self._plan = plan
        self._info = info
        self._best: dict[tuple[int, ...], int] | None = None  # built once often asked
        self._asked = 0

    def key(self, lows: tuple[int, ...]) -> int | None:
        """The key of the pattern spelled by ``lows`` (LOWER hashes), the lowest skill
        index if several are; ``None`` for none; :data:`UNSURE` when two keys of one skill
        are (the matcher's order decides then), and for the first
        :data:`_ASKED_BEFORE_INDEX` questions, which the matcher answers the same: building
        the index (~20,000 spellings) costs more than a command scoring one document spends
        on all its conjuncts."""
        if self._best is None:
            self._asked += 1
            if self._asked <= _ASKED_BEFORE_INDEX:
                return UNSURE
            self._best = self._build()
        return self._best.get(lows)

    def _build(self) -> dict[tuple[int, ...], int]:
        key_of = {v: k for k, v in self._info.items()}
        index: dict[tuple[int, ...], tuple[int, int]] = {}
        for i, kind, lows in self._plan.groups:
            if kind == MatchKind.EXACT:
                continue  # an exact-case spelling is checked on the whole matched text
            key = key_of[(i, kind)]
            for pattern in lows:
                had = index.get(pattern)
                if had is None or i < had[0]:
                    index[pattern] = (i, key)
                elif i == had[0] and key != had[1]:
                    index[pattern] = (i, UNSURE)
        return {pattern: key for pattern, (_, key) in index.items()}


#: :meth:`PhraseIndex.key` of a spelling two keys of one skill share
UNSURE = -1
#: the conjuncts the matcher checks before the index is built (a resume has a few dozen)
_ASKED_BEFORE_INDEX = 100


def coordinated_matches(
    doc: Doc,
    cols: Columns,
    patterns: PatternSet,
    matches: list[tuple[int, int, int]],
    index: PhraseIndex | None = None,
) -> list[Conjunct]:
    """The matches of the conjuncts that share the words of a multi-word match.

    Args:
        doc: the tokenised doc.
        cols: its columns.
        patterns: the lexicon's patterns.
        matches: the matcher's raw ``(match key, start, end)`` matches.
        index: the patterns by their LOWER hashes (``None``: the matcher is run on the
            words of each candidate).

    Returns:
        Each conjunct, on its own tokens.
    """
    low = cols.low
    strings = doc.vocab.strings
    joins = {strings[w] for w in _JOINS}
    n = len(low)
    phrases = {
        (s, e)
        for _, s, e in matches
        if e - s >= 2 and ((s >= 2 and low[s - 1] in joins) or (e + 1 < n and low[e] in joins))
    }
    if not phrases:
        return []
    # a conjunct that is a skill on its own keeps that reading ("SQL and relational databases"),
    # unless, after the phrase, only a cue could make it one ("data migration and
    # integrations": data integration)
    alone = {(s, e) for _, s, e in matches}
    plain = {(s, e) for key, s, e in matches if patterns.info[key][1] != MatchKind.AMBIGUOUS}
    words = _Words(doc, cols, patterns, index)
    out: list[Conjunct] = []
    for phrase in sorted(phrases):
        out.extend(c for c in words.before(phrase) if (c.start, c.end) not in alone)
        out.extend(c for c in words.after(phrase) if (c.start, c.end) not in plain)
    return out


class _Words:
    """A doc's tokens as the coordination rules read them."""

    def __init__(
        self, doc: Doc, cols: Columns, patterns: PatternSet, index: PhraseIndex | None
    ) -> None:
        self.doc, self.patterns, self.index = doc, patterns, index
        self.strings = doc.vocab.strings
        self.low, self.orth = cols.low, cols.orth
        self.pairs = patterns.join_pairs

    def text(self, start: int, end: int) -> list[str]:
        return [self.strings[h] for h in self.orth[start:end]]

    def lower(self, i: int) -> str:
        return str(self.strings[self.low[i]])

    def before(self, phrase: tuple[int, int]) -> list[Conjunct]:
        """The conjuncts before ``phrase`` sharing its last words ("written and verbal
        communication")."""
        s, e = phrase
        k = s - 1
        if k < 1 or self.lower(k) not in _JOINS:
            return []
        oxford = self.lower(k - 1) == ","
        end = k - 1 if oxford else k
        chain: list[Conjunct] = []
        while (found := self._conjunct(end, phrase)) is not None:
            key, start = found
            chain.append(Conjunct(key, start, end, phrase))
            end = start - 1  # the comma before the next conjunct, if there is one
            if end < 1 or self.lower(end) != ",":
                break
        # "funnel data, and competitive analysis" is a list: a comma before the join takes
        # two conjuncts before it ("analytical, problem-solving, and communication skills")
        return chain if len(chain) >= 1 + oxford else []

    def _conjunct(self, end: int, phrase: tuple[int, int]) -> tuple[int, int] | None:
        """The key and start of the longest conjunct ending at ``end`` that forms a pattern
        with some tail of the phrase's words after its first (longest tail first)."""
        s, e = phrase
        if end < 1:
            return None
        # a pattern has the conjunct's last word next to the first word of the tail
        tails = [j for j in range(s + 1, e) if (self.low[end - 1], self.low[j]) in self.pairs]
        if not tails:
            return None
        for width in range(_MAX_CONJUNCT, 0, -1):
            start = end - width
            if start < 0:
                continue
            words = self.text(start, end)
            # words, joined by hyphens inside ("problem-solving" is three tokens)
            if not (_is_word(words[0]) and _is_word(words[-1])) or not all(
                _is_word(w) or w == "-" for w in words
            ):
                continue
            if width == 1 and self.lower(start) == self.lower(s):
                continue  # "data and data structures": the same word, no conjunct
            for j in tails:
                key = self._full_match(start, end, j, e)
                if key is not None:
                    return key, start
        return None

    def after(self, phrase: tuple[int, int]) -> list[Conjunct]:
        """The conjunct right after ``phrase`` sharing its first words ("data collection and
        analysis"), when it ends where a noun phrase may end."""
        s, e = phrase
        n = len(self.low)
        if e + 1 >= n or self.lower(e) not in _JOINS:
            return []
        start = e + 1
        # a pattern has the last shared word next to the conjunct's first word
        cuts = [j for j in range(e - 1, s, -1) if (self.low[j - 1], self.low[start]) in self.pairs]
        if not cuts or self.low[start] == self.low[s]:
            return []
        for width in range(_MAX_AFTER, 0, -1):
            end = start + width
            if end > n:
                continue
            words = self.text(start, end)
            if not all(_is_word(w) for w in words):
                continue
            if end < n and not _phrase_end(self.lower(end)):
                continue  # "team player and work independently": "work" heads no phrase
            for j in cuts:
                key = self._full_match(s, j, start, end)
                if key is not None:
                    return [Conjunct(key, start, end, phrase)]
        return []

    def _full_match(self, a: int, b: int, c: int, d: int) -> int | None:
        """The key of the pattern spelled by tokens ``a:b`` then ``c:d`` (a conjunct and
        the words it shares), or ``None``."""
        if self.index is not None:
            key = self.index.key((*self.low[a:b], *self.low[c:d]))
            if key != UNSURE:
                return key
        return _full_match(self.doc, self.patterns, self.text(a, b) + self.text(c, d))


def _phrase_end(word: str) -> bool:
    """A noun phrase may end before ``word``: punctuation but a hyphen, white space, a join
    or a preposition."""
    if word in _JOINS or word in _PREPOSITIONS:
        return True
    # not a hyphen: "community" in "open-source contributions and community-driven work"
    return not any(ch.isalnum() for ch in word) and word not in _HYPHENS


def _is_word(text: str) -> bool:
    return any(ch.isalnum() for ch in text) and text.lower() not in _JOINS


def _full_match(doc: Doc, patterns: PatternSet, words: list[str]) -> int | None:
    """The key of a plain or ambiguous pattern spanning all of ``words`` (the lowest skill
    index if several do), or ``None``."""
    mini = Doc(doc.vocab, words=words)
    best: tuple[int, int] | None = None
    for key, s, e in patterns.matcher(mini):
        if s != 0 or e != len(words):
            continue
        index, kind = patterns.info[key]
        if kind == MatchKind.EXACT:
            continue  # an exact-case spelling is checked on the whole matched text
        if best is None or index < best[0]:
            best = (index, key)
    return None if best is None else best[1]
