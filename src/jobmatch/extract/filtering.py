"""The mention filter applied to a doc: features of mentions and their scores.

:class:`FilterScorer` scores the component's mentions with a
:class:`~jobmatch.extract.mention_filter.MentionFilter` in two equal ways: :meth:`features`
gives the string features (what the training script fits on) and :meth:`scores` the same
sums on token hashes (what the component runs).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence

from spacy.tokens import Doc

from ..models import Skill
from .columns import Columns
from .mention_filter import (
    FilterTables,
    LineInfo,
    MentionFilter,
    is_title_line,
    mention_features,
    static_features,
)
from .vocabulary import (
    ACTION_VERBS,
    ASKED_DEGREE,
    ASKED_HEADS,
    ASKED_LINK,
    BULLET_GLYPHS,
    CUE_WORDS,
    LINE_END,
    NOT_ACTION_VERBS,
    OBJECT_BEFORE,
    TEAM_WORDS,
    TITLE_FIELDS,
    TITLE_MAX_TOKENS,
    TITLE_WORDS,
)

__all__ = ["FilterScorer"]

Match = tuple[int, int, int]  # (start token, end token, skill index)
Soft = set[tuple[int, int]] | frozenset[tuple[int, int]]
#: the most tokens a sentence's opening verb may stand before a mention
_SENTENCE_REACH = 40
#: the most tokens after "Knowledge of" within which a mention counts as asked for (a line
#: of several items without full stops goes on to other things)
_ASKED_REACH = 20
#: a capitalised adverb in "-ly" opening a sentence before its verb ("Successfully led")
_ADVERB = re.compile(r"[A-Z][a-z]{2,}ly")
#: adverbs of degree, which open an adjective ("Highly organized"), not a deed
_DEGREE = frozenset(
    "highly very extremely exceptionally incredibly truly really fully entirely "
    "deeply strongly widely technically".split()
)


class FilterScorer:
    """Scores mentions with a trained filter.

    Args:
        filt: the filter weights (``None``: :meth:`features` only).
        skills: the lexicon's skills, in lexicon order (a mention's skill index).
        key: string -> hash (the pipeline's ``vocab.strings.add``).
    """

    def __init__(
        self, filt: MentionFilter | None, skills: Sequence[Skill], key: Callable[[str], int]
    ) -> None:
        self._filt = filt
        self.skills = skills
        self._tables = None if filt is None else FilterTables(filt, key)
        self._cue_words = frozenset(key(w) for w in CUE_WORDS)
        self._title_words = frozenset(key(w) for w in TITLE_WORDS)
        self._line_end = frozenset(key(w) for w in LINE_END)
        self._action = frozenset(key(w) for w in ACTION_VERBS)
        self._bullets = frozenset(key(w) for w in BULLET_GLYPHS)
        self._not_action = frozenset(key(w) for w in NOT_ACTION_VERBS)
        self._team = frozenset(key(w) for w in TEAM_WORDS)
        stops = frozenset(key(w) for w in ". ; ! ?".split())
        self._sentence_end = stops | self._bullets
        # bullet glyphs that end no sentence inside a word ("real-time"): not ". ; ! ?"
        self._glyphs = self._bullets - stops
        self._colon = key(":")
        self._asked_heads = frozenset(key(w) for w in ASKED_HEADS)
        self._asked_degree = frozenset(key(w) for w in ASKED_DEGREE)
        self._asked_link = frozenset(key(w) for w in ASKED_LINK)
        self._stops = stops
        self._object_before = frozenset(key(w) for w in OBJECT_BEFORE)
        self._technology = [s.category in TITLE_FIELDS for s in skills]
        # surface-dependent part of the score per (skill, tokens, spaces), filled lazily
        self._static: dict[tuple[int, ...], float] = {}

    def line_info(self, low: list[int], lo: int, hi: int, n_mentions: int) -> LineInfo:
        """What the features need to know of the line of tokens ``lo:hi``.

        Args:
            low: LOWER hashes of the doc's tokens.
            lo: first token of the line.
            hi: end token of the line.
            n_mentions: mentions on the line.

        Returns:
            The line's :class:`LineInfo`.
        """
        words = low[lo:hi]
        return LineInfo(
            n_tokens=hi - lo,
            n_mentions=n_mentions,
            ends_with_period=bool(words) and words[-1] in self._line_end,
            has_cue=not self._cue_words.isdisjoint(words),
            has_title_word=not self._title_words.isdisjoint(words),
        )

    def _lines(self, cols: Columns, found: list[Match]) -> list[tuple[int, int, LineInfo]]:
        """(start, end, info) of each mention's line."""
        low, breaks = cols.low, cols.breaks
        n = len(low)
        line_of = [bisect_right(breaks, s) for s, _, _ in found]
        per_line = _count(line_of)
        lines: dict[int, tuple[int, int, LineInfo]] = {}
        out: list[tuple[int, int, LineInfo]] = []
        for k in line_of:
            line = lines.get(k)
            if line is None:
                lo = breaks[k - 1] + 1 if k > 0 else 0
                hi = breaks[k] if k < len(breaks) else n
                line = lines[k] = (lo, hi, self.line_info(low, lo, hi, per_line[k]))
            out.append(line)
        return out

    def _next(self, low: list[int], s: int, e: int, lo: int, hi: int) -> int:
        """The token after the mention ``s:e`` in its line ``lo:hi`` as the filter reads it (0:
        the line's end): a colon after a phrase's object ("a good grasp of statistics:")
        ends the phrase as the line's end does; after anything else ("Languages:") it
        stays, a label's colon."""
        if e >= hi:
            return 0
        nxt = low[e]
        if nxt == self._colon and s > lo and low[s - 1] in self._object_before:
            return 0
        return nxt

    def features(self, doc: Doc, found: list[Match], soft: Soft = frozenset()) -> list[list[str]]:
        """The filter features of ``(start, end, skill index)`` token ranges, sorted.

        Args:
            doc: the processed doc.
            found: the mentions, sorted.
            soft: token ranges of generic words whose context rule found no evidence.

        Returns:
            One feature list per mention.
        """
        strings = doc.vocab.strings
        cols = Columns(doc)
        low = cols.low
        out: list[list[str]] = []
        for (s, e, i), (lo, hi, info) in zip(found, self._lines(cols, found), strict=True):
            skill = self.skills[i]
            surface = doc[s].text if e - s == 1 else doc[s:e].text
            out.append(
                mention_features(
                    surface=surface,
                    skill_id=skill.id,
                    category=skill.category,
                    prev=strings[low[s - 1]] if s > lo else "<s>",
                    next_token=strings[nxt] if (nxt := self._next(low, s, e, lo, hi)) else "</s>",
                    n_tokens=e - s,
                    line=info,
                    soft=(s, e) in soft,
                )
            )
        return out

    @property
    def filter(self) -> MentionFilter:
        """The filter weights.

        Raises:
            ValueError: the scorer has none (the mention filter is off).
        """
        if self._filt is None:
            raise ValueError("the mention filter is off")
        return self._filt

    @property
    def tables(self) -> FilterTables:
        """The filter's weights keyed by token hashes.

        Raises:
            ValueError: the scorer has none (the mention filter is off).
        """
        if self._tables is None:
            raise ValueError("the mention filter is off")
        return self._tables

    def _static_score(self, doc: Doc, cols: Columns, s: int, e: int, i: int) -> float:
        """Bias plus the weights of the features of the mention alone (cached)."""
        # the tokens and the spaces between them ("scikit-learn" vs "scikit - learn")
        key = (i, cols.orth[s]) if e - s == 1 else (i, *cols.orth[s:e], *cols.spaces[s : e - 1])
        base = self._static.get(key)
        if base is None:
            skill = self.skills[i]
            surface = doc[s].text if e - s == 1 else doc[s:e].text
            w = self.filter.weights
            base = self._static[key] = self.filter.bias + sum(
                w.get(f, 0.0)
                for f in static_features(
                    surface=surface, skill_id=skill.id, category=skill.category, n_tokens=e - s
                )
            )
        return base

    def scores(
        self,
        doc: Doc,
        found: list[Match],
        soft: Soft = frozenset(),
        *,
        scope: str = "all",
        cols: Columns | None = None,
        title_names: bool = True,
    ) -> list[float]:
        """The filter's score (logit) of each mention, on token hashes.

        Args:
            doc: the processed doc.
            found: ``(start, end, skill index)`` of the mentions, sorted.
            soft: token ranges of generic words whose context rule found no evidence.
            scope: ``"all"`` scores every mention; ``"generic"`` only generic ones (all
                lower case, ``soft``, or on a job-title line): every other mention (a name
                as written: "Python", "Git") gets ``inf``.
            cols: the doc's columns when the caller has them.
            title_names: a technology as written on a job-title line is kept unjudged
                (resumes: "Senior Java Developer"); ``False``: the filter judges it, as any
                name on a title line (posting titles, which SkillSpan leaves out).

        Returns:
            One score per mention: ``MentionFilter.score(features(...))``.

        Raises:
            ValueError: the mention filter is off.
        """
        tables = self.tables
        cols = cols or Columns(doc)
        orth, low, breaks = cols.orth, cols.low, cols.breaks
        n, n_breaks = len(doc), len(breaks)
        line_of = [bisect_right(breaks, s) for s, _, _ in found]
        per_line = _count(line_of)
        # per line: its LineInfo, its line weights, whether it opens with a bullet's verb,
        # whether it holds no job-title word (each computed on first need)
        infos: dict[int, LineInfo] = {}
        line_scores: dict[int, float] = {}
        bullet_lines: dict[int, bool] = {}
        verb_sentences = _Sentences()
        title_free: dict[int, bool] = {}
        out: list[float] = []
        generic_only = scope == "generic"
        action = self._action  # a bullet's verb right before: "Trained diffusion models"
        technology = self._technology
        skills = self.skills
        prev_w, next_w = tables.prev, tables.next
        list_before, list_after = tables.list_before, tables.list_after
        # the methods and sets of the loop as locals: it runs for every mention of every doc
        team, bullet_line, verb_sentence = self._team, self._bullet_line, self._verb_sentence
        static_score, next_token, no_title_word = (
            self._static_score,
            self._next,
            self._no_title_word,
        )
        line_base, category_w, soft_w = tables.line_base, tables.category, tables.soft
        for (s, e, i), k in zip(found, line_of, strict=True):
            lo = breaks[k - 1] + 1 if k > 0 else 0
            hi = breaks[k] if k < n_breaks else n
            named = (
                generic_only
                and (s, e) not in soft
                and (
                    (orth[s] != low[s] if e - s == 1 else orth[s:e] != low[s:e])
                    or (s > lo and low[s - 1] in action)
                    or (s - 1 > lo and low[s - 2] in action)
                    or (
                        (e >= n or low[e] not in team)
                        and (
                            bullet_line(low, lo, hi, k, bullet_lines)
                            or verb_sentence(doc, cols, s, verb_sentences)
                        )
                    )
                )
            )
            if named and (
                (title_names and technology[i])
                or hi - lo > TITLE_MAX_TOKENS
                or no_title_word(low, lo, hi, k, title_free)
            ):
                # a technology as written ("Python", "Senior Java Developer"), or any name
                # (or word after a bullet's verb) on a line that is no title
                out.append(math.inf)
                continue
            info = infos.get(k)
            if info is None:
                info = infos[k] = self.line_info(low, lo, hi, per_line[k])
            if named and not is_title_line(info):
                # on a title line ("AI Engineer", "QA/Test Developer") the filter judges a
                # concept's name; on a title-like line that ends a sentence it does not
                out.append(math.inf)
                continue
            score = static_score(doc, cols, s, e, i)
            # the weights of the tokens around the mention within its line, added in the
            # order the filter's sum uses, so the float result is the same
            prev = low[s - 1] if s > lo else 0
            nxt = next_token(low, s, e, lo, hi)
            score = score + prev_w.get(prev, 0.0) + next_w.get(nxt, 0.0)
            if prev in list_before:
                score += (
                    tables.list_before_w + tables.list_after_w + tables.list_both_w
                    if nxt in list_after
                    else tables.list_before_w
                )
            elif nxt in list_after:
                score += tables.list_after_w
            line = line_scores.get(k)
            if line is None:
                line = line_scores[k] = line_base(info)
            category = skills[i].category
            score += line + category_w(info, category)
            if soft and (s, e) in soft:
                score += soft_w(category)
            out.append(score)
        return out

    def asked(self, cols: Columns, found: list[Match]) -> list[bool]:
        """Whether each mention lies in an item that opens by naming what is asked
        ("Knowledge of quantization techniques (INT8, FP8).", "- Deep knowledge of data
        ingestion strategies"): within :data:`_ASKED_REACH` tokens of the opening, in its
        first sentence. Such a mention is a skill asked for (or claimed) whatever its line
        looks like, and the component keeps it whatever the filter's score.

        Args:
            cols: the doc's columns.
            found: ``(start, end, skill index)`` of the mentions, sorted.

        Returns:
            One flag per mention.
        """
        low, breaks = cols.low, cols.breaks
        n, n_breaks = len(low), len(breaks)
        ends: dict[int, int] = {}
        out: list[bool] = []
        for s, _, _ in found:
            k = bisect_right(breaks, s)
            end = ends.get(k)
            if end is None:
                lo = breaks[k - 1] + 1 if k > 0 else 0
                hi = breaks[k] if k < n_breaks else n
                end = ends[k] = self._asked_until(low, lo, hi)
            out.append(s < end)
        return out

    def _asked_until(self, low: list[int], lo: int, hi: int) -> int:
        """The end of the first sentence of the line ``lo:hi`` when the line opens (after a
        bullet's glyph and at most one word of degree) with a head noun of what is asked and
        its link word ("Knowledge of", "- Deep knowledge of", "Experience with"); else
        ``lo`` (no token)."""
        j = lo
        while j < hi and low[j] in self._bullets:
            j += 1
        if j < hi and low[j] in self._asked_degree:
            j += 1
        if not (j + 1 < hi and low[j] in self._asked_heads and low[j + 1] in self._asked_link):
            return lo
        end, last = j + 2, min(hi, j + 2 + _ASKED_REACH)
        while end < last and low[end] not in self._stops:
            end += 1
        return end

    def _no_title_word(
        self, low: list[int], lo: int, hi: int, k: int, seen: dict[int, bool]
    ) -> bool:
        """Whether line ``k`` (tokens ``lo:hi``) holds no job-title word, cached in ``seen``."""
        found = seen.get(k)
        if found is None:
            found = seen[k] = self._title_words.isdisjoint(low[lo:hi])
        return found

    def _bullet_line(self, low: list[int], lo: int, hi: int, k: int, seen: dict[int, bool]) -> bool:
        """Whether line ``k`` (tokens ``lo:hi``) opens with a bullet's past-tense verb
        ("Worked on diffusion for ...", "- Coached juniors on ..."), cached in ``seen``."""
        found = seen.get(k)
        if found is None:
            j = lo + 1 if lo < hi and low[lo] in self._bullets else lo
            found = seen[k] = j < hi and low[j] in self._action
        return found

    def _verb_sentence(self, doc: Doc, cols: Columns, s: int, seen: _Sentences) -> bool:
        """Whether the sentence holding token ``s`` opens with a resume's verb of what the
        writer did: one of the bullet verbs, or any capitalised word in "-ed" ("Utilized
        D3.js for data visualization", "Composed marketing documentation"), also when the
        sentence starts mid-line or wraps over lines.

        Mentions come in text order: the walk back to the sentence's start stops at the
        last mention's token, whose sentence this one shares if no boundary came between.
        """
        low, strings = cols.low, doc.vocab.strings
        spaces = cols.space_set
        reach = max(0, s - _SENTENCE_REACH)  # the lowest token the walk may look at
        known = seen.last if reach <= seen.last < s else -1
        stop, ends = max(reach, known), self._sentence_end
        j = s - 1
        while j >= stop:
            h = low[j]
            if (h in ends and not self._in_word(cols, j, h)) or (
                j in spaces and strings[h].count("\n") > 1
            ):
                first = j + 1
                break
            j -= 1
        else:
            if known >= 0:
                first = seen.first  # no boundary since the last mention: its sentence
            else:
                first = 0 if reach == 0 else -1  # the doc's start, or none within reach
        if first >= 0:
            first = next((i for i in range(first, s) if i not in spaces), s)
        seen.last, seen.first = s, first
        if not 0 <= first < s:
            return False
        found = seen.opens.get(first)
        if found is None:
            word = strings[cols.orth[first]]
            found = self._deed(low[first], word)
            if not found and _ADVERB.fullmatch(word) and word.lower() not in _DEGREE:
                # "Formally recognized for ...", "Successfully led ...": the deed follows
                nxt = next((i for i in range(first + 1, s) if i not in spaces), s)
                found = nxt < s and self._deed(low[nxt], strings[cols.orth[nxt]].capitalize())
            seen.opens[first] = found
        return found

    def _in_word(self, cols: Columns, j: int, h: int) -> bool:
        """Whether token ``j`` (LOWER hash ``h``) is a bullet's glyph written inside a word,
        touching the tokens on both sides: the hyphen of "real-time" ends no sentence."""
        return (
            h in self._glyphs
            and 0 < j < len(cols.low) - 1
            and not cols.spaces[j - 1]
            and not cols.spaces[j]
            and j - 1 not in cols.space_set
        )

    def _deed(self, h: int, word: str) -> bool:
        """Whether ``word`` (LOWER hash ``h``) opening a sentence states a deed of the
        writer: a bullet verb, or a capitalised word in "-ed" that is not an adjective or a
        posting's word ("Preferred", "Advanced")."""
        return h in self._action or (
            len(word) > 4
            and word[0].isupper()
            and word[1:].islower()
            and word.endswith("ed")
            and h not in self._not_action
        )


class _Sentences:
    """What :meth:`FilterScorer._verb_sentence` remembers within one doc."""

    __slots__ = ("first", "last", "opens")

    def __init__(self) -> None:
        self.last = self.first = -1  # the last mention's token and its sentence's first
        self.opens: dict[int, bool] = {}  # a sentence's first token -> opens with a deed


def _count(keys: list[int]) -> dict[int, int]:
    counts: dict[int, int] = {}
    for k in keys:
        counts[k] = counts.get(k, 0) + 1
    return counts
