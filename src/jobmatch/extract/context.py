"""Context rules: is an ambiguous name (R, Go, Spark, Excel...) a skill here?

A lexicon skill's :class:`~jobmatch.models.ContextRule` is compiled once into token hashes
(:func:`compile_rule`); :class:`ContextResolver` then decides each ambiguous match on the
LOWER/ORTH hashes of the doc, with no Token objects and no string work per match. The steps,
in order (see ``docs/extraction.md``):

1. the rule applies only when the matched text is one of its ``forms``; a match of one of
   its ``plain_forms`` (or their spellings) is kept unless a negative phrase covers it
   (step 3), with no cue or case check ("communication", but not in "communications
   equipment");
2. ``case_sensitive``: the text must be a form as written, or ALL CAPS for 2+ letters;
3. a ``negative`` phrase holding the form and covering the match rejects it; so do
   built-in negatives for one-letter forms (``Grade C``, ``C-level``, ``R&D``);
4. a ``positive`` cue (or a built-in one: programming, language, framework...) within
   ``window`` tokens keeps it;
5. with ``neighbours``, another unambiguous mention within the window keeps it, unless the
   form reads as a common noun (``a Spark of``, ``Java of``); when the form opens its line
   as a verb, a soft skill or competency (the lexicon's ``skill`` layer) after it, past
   more than a list's joiners, is its object and no evidence of a knowledge skill's sense
   ("Design and implement daily lesson plans");
6. otherwise, when the rule names another ``sense`` (a skill the same form names: "Triton"
   the kernel language, or the inference server) and one of that sense's cues lies within
   the window ("vLLM, Triton, or TGI"), the match is that skill; else it is dropped (or, for
   a case-insensitive generic word, left to the mention filter).
"""

from __future__ import annotations

import logging
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..models import ContextRule
from .vocabulary import (
    CATEGORY_POSITIVE,
    GENERIC_POSITIVE,
    LETTER_NEGATIVE_AFTER,
    LETTER_NEGATIVE_BEFORE,
    NO_NEIGHBOUR_AFTER,
    NO_NEIGHBOUR_BEFORE,
    NO_NEIGHBOUR_EVIDENCE,
    SHARED_HEAD_STOP,
)

__all__ = ["ContextResolver", "Rule", "assemble_rule", "compile_rule", "still_tagged"]

log = logging.getLogger(__name__)

Match = tuple[int, int, int]  # (start token, end token, skill index)


@dataclass(frozen=True, slots=True)
class Rule:
    """A compiled context rule: everything as token hashes, compared with ``doc.to_array``."""

    forms_exact: frozenset[tuple[int, ...]]  # ORTH hashes of the exact spellings
    case_sensitive: bool
    single: frozenset[int]  # LOWER hashes of one-token cues
    multi: tuple[tuple[int, ...], ...]  # multi-token cues
    # (LOWER hashes of the phrase, index of the form in it, number of form tokens)
    negative: tuple[tuple[tuple[int, ...], int, int], ...]
    # the same grouped by (offset of the form, form length, phrase length): one set lookup
    # per group instead of one comparison per phrase (generated rules hold dozens)
    negative_sets: tuple[tuple[int, int, int, frozenset[tuple[int, ...]]], ...]
    window: int
    neighbours: bool
    # with plain forms: the LOWER hashes of the cue forms (a match of the rule's skill that
    # is none of them is one of its plain forms, kept unless a negative phrase covers it)
    plain: bool = False
    cue_forms: frozenset[tuple[int, ...]] = frozenset()
    # the longest negative phrase, in tokens (how far a wrapped negative can reach)
    reach: int = 0
    # the other skill the forms name (its index, -1 none) and its cues (one-token LOWER
    # hashes, multi-token ones): a match the rule does not keep is that skill near a cue
    sense: int = -1
    sense_single: frozenset[int] = frozenset()
    sense_multi: tuple[tuple[int, ...], ...] = ()
    # the words of the negative phrases outside the form's place in them (one of them lies
    # near a match that such a phrase covers), and the phrases that are a form alone
    negative_context: frozenset[int] = frozenset()
    negative_bare: frozenset[tuple[int, ...]] = frozenset()
    # the first words of the multi-token cues (one of them lies near a cue)
    multi_first: frozenset[int] = frozenset()


def compile_rule(
    rule: ContextRule,
    tokenize: Callable[[str], list[str]],
    key: Callable[[str], int],
    index: Callable[[str], int] | None = None,
) -> Rule:
    """Compile a lexicon context rule into token hashes.

    Args:
        rule: the rule as loaded from the lexicon.
        tokenize: the pipeline's tokenizer as a function of a string to token texts (cues,
            phrases and forms are tokenised like the text: "objective-c" is three tokens).
        key: string -> hash (the pipeline's ``vocab.strings.add``).
        index: skill id -> its index in the lexicon (for ``rule.sense``; without it, or for
            an unknown id, the rule has no other sense).

    Returns:
        The compiled :class:`Rule`. A negative phrase holding none of the forms is logged
        at debug level and ignored.
    """
    exact: set[tuple[int, ...]] = set()
    for f in rule.forms:
        exact.add(tuple(key(t) for t in tokenize(f)))
        if sum(c.isalpha() for c in f) >= 2:
            exact.add(tuple(key(t) for t in tokenize(f.upper())))
    cues = [tuple(key(t.lower()) for t in tokenize(c)) for c in rule.positive]
    forms = [tuple(key(t.lower()) for t in tokenize(f)) for f in rule.forms]
    negative: list[tuple[tuple[int, ...], int, int]] = []
    spellings = _spellings(rule, tokenize, key) if rule.plain_forms else []
    for phrase in rule.negative:
        toks = tuple(key(t.lower()) for t in tokenize(phrase))
        if rule.plain_forms:
            # a plain form's spellings ("communications") are matched too: the phrase
            # rejects a match of the skill at any of them it holds, and, holding none (a
            # conjunct read with shared words), any match that it covers
            if not _place_forms(toks, spellings, negative):
                _place_everywhere(toks, negative)
            continue
        if not _place_forms(toks, forms, negative):
            # no form as written: it covers what it holds of a form, a conjunct read with
            # shared words ("improvement" in "learning and improvement")
            log.debug("negative phrase %r holds none of the forms %r", phrase, rule.forms)
            _place_everywhere(toks, negative)
    sense = index(rule.sense) if index is not None and rule.sense is not None else -1
    other = [tuple(key(t.lower()) for t in tokenize(c)) for c in rule.sense_positive]
    return assemble_rule(
        forms_exact=exact,
        case_sensitive=rule.case_sensitive,
        single=[c[0] for c in cues if len(c) == 1],
        multi=[c for c in cues if len(c) > 1],
        negative=negative,
        window=rule.window,
        neighbours=rule.neighbours,
        plain=bool(rule.plain_forms),
        cue_forms=forms,
        sense=sense,
        sense_single=[c[0] for c in other if len(c) == 1] if sense >= 0 else (),
        sense_multi=[c for c in other if len(c) > 1] if sense >= 0 else (),
    )


def assemble_rule(
    *,
    forms_exact: Iterable[tuple[int, ...]],
    case_sensitive: bool,
    single: Iterable[int],
    multi: Iterable[tuple[int, ...]],
    negative: Sequence[tuple[tuple[int, ...], int, int]],
    window: int,
    neighbours: bool,
    plain: bool = False,
    cue_forms: Iterable[tuple[int, ...]] = (),
    sense: int = -1,
    sense_single: Iterable[int] = (),
    sense_multi: Iterable[tuple[int, ...]] = (),
    derived: tuple[Iterable[int], Iterable[tuple[int, ...]], Iterable[int]] | None = None,
) -> Rule:
    """A :class:`Rule` from its hashed parts (:func:`compile_rule`'s, or read back from
    :mod:`.compiled`); the grouped negatives are derived here.

    Args:
        derived: the rule's ``negative_context``, ``negative_bare`` and ``multi_first``
            as :mod:`.compiled` stored them (read back, not derived again: a start-up reads
            ~900 rules), or ``None`` to derive them from ``negative`` and ``multi``.

    Returns:
        The rule.
    """
    multi = tuple(multi)  # an iterator (read back from the cache) is read once
    if derived is None:
        derived = (
            (w for phrase, k, length in negative for w in (*phrase[:k], *phrase[k + length :])),
            (phrase for phrase, _, length in negative if len(phrase) == length),
            (c[0] for c in multi),
        )
    context, bare, first = derived
    return Rule(
        forms_exact=frozenset(forms_exact),
        case_sensitive=case_sensitive,
        single=frozenset(single),
        multi=multi,
        negative=tuple(negative),
        negative_sets=tuple(
            (k, length, plen, frozenset(phrases))
            for (k, length, plen), phrases in _group_negatives(negative).items()
        ),
        window=window,
        neighbours=neighbours,
        plain=plain,
        cue_forms=frozenset(cue_forms),
        reach=max((len(phrase) for phrase, _, _ in negative), default=0),
        sense=sense,
        sense_single=frozenset(sense_single),
        sense_multi=tuple(sense_multi),
        negative_context=frozenset(context),
        negative_bare=frozenset(bare),
        multi_first=frozenset(first),
    )


def _spellings(
    rule: ContextRule, tokenize: Callable[[str], list[str]], key: Callable[[str], int]
) -> list[tuple[int, ...]]:
    """The LOWER hashes of every spelling the matcher gives the rule's forms and plain
    forms (:func:`~.patterns.surface_variants`): where a match of the skill can sit in a
    negative phrase. Placing a phrase only there, not at each of its runs of tokens, keeps
    the rules of skills with many forms small (a certification's "... (PMP) - eligible"
    phrases held ~40,000 places, twice the cache's size and 50 ms of every start-up)."""
    from .patterns import surface_variants  # patterns imports this module

    out = {
        tuple(key(t.lower()) for t in tokenize(v))
        for f in (*rule.forms, *rule.plain_forms)
        for v in surface_variants(f)
    }
    return sorted(out)


def _place_everywhere(toks: tuple[int, ...], out: list[tuple[tuple[int, ...], int, int]]) -> None:
    """Append ``(phrase, index, length)`` for every run of tokens of a negative phrase."""
    for j in range(len(toks)):
        for k in range(1, len(toks) - j + 1):
            out.append((toks, j, k))


def _place_forms(
    toks: tuple[int, ...],
    forms: list[tuple[int, ...]],
    out: list[tuple[tuple[int, ...], int, int]],
) -> bool:
    """Append ``(phrase, index, length)`` for every place a form sits in a negative phrase."""
    found = False
    for form in forms:
        k = len(form)
        for j in range(len(toks) - k + 1):
            if toks[j : j + k] == form:
                out.append((toks, j, k))
                found = True
    return found


def _group_negatives(
    negative: Sequence[tuple[tuple[int, ...], int, int]],
) -> dict[tuple[int, int, int], set[tuple[int, ...]]]:
    groups: dict[tuple[int, int, int], set[tuple[int, ...]]] = {}
    for phrase, k, length in negative:
        groups.setdefault((k, length, len(phrase)), set()).add(phrase)
    return groups


def _negative(low: list[int], s: int, e: int, rule: Rule) -> bool:
    """Does one of the rule's negative phrases cover tokens ``s:e``?"""
    for k, length, plen, phrases in rule.negative_sets:
        if length != e - s:
            continue
        p0 = s - k
        if p0 >= 0 and tuple(low[p0 : p0 + plen]) in phrases:
            return True
    return False


def _negative_before(low: list[int], s: int, e: int, rule: Rule) -> bool:
    """Does a negative phrase of ``rule`` that ends with the match cover tokens ``s:e``
    ("GPU architecture")? No list that follows the match can undo such a phrase."""
    for k, length, plen, phrases in rule.negative_sets:
        if length != e - s or k + length != plen:
            continue
        p0 = s - k
        if p0 >= 0 and tuple(low[p0 : p0 + plen]) in phrases:
            return True
    return False


def _negative_wrapped(
    low: list[int],
    s: int,
    e: int,
    rule: Rule,
    spaces: Sequence[int],
    blank: Callable[[int], bool],
    test: Callable[[list[int], int, int, Rule], bool] = _negative,
) -> bool:
    """:func:`_negative` (or ``test``, such as :func:`_negative_before`) read past white
    space within a line or one line break ("for communication between different\nparts of
    the application", a PDF line wrapped mid-phrase): the tokens around the match are
    compacted without those gaps. ``spaces`` are the indices of the whitespace tokens,
    ascending; ``blank`` tells a blank line (which ends a phrase) from them."""
    reach, n = rule.reach, len(low)
    lo, hi = max(0, s - reach), min(n, e + reach)
    first = bisect_left(spaces, lo)
    if first == len(spaces) or spaces[first] >= hi:
        return False  # no gap near the match: read as written already
    near = spaces[bisect_left(spaces, lo - reach) : bisect_left(spaces, hi + reach)]
    gaps = set(near)
    ends = {k for k in near if blank(k)}  # a blank line ends a phrase
    if any(j in ends for j in range(s, e)):
        return False
    before: list[int] = []
    j = s - 1
    while j >= 0 and len(before) < reach and j not in ends:
        if j not in gaps:
            before.append(low[j])
        j -= 1
    inside = [low[j] for j in range(s, e) if j not in gaps]
    after: list[int] = []
    j = e
    while j < n and len(after) < reach and j not in ends:
        if j not in gaps:
            after.append(low[j])
        j += 1
    compact = [*reversed(before), *inside, *after]
    return test(compact, len(before), len(before) + len(inside), rule)


def _any_between(ascending: Sequence[int], s: int, e: int) -> bool:
    """Whether one of the ``ascending`` indices lies in ``s:e``."""
    j = bisect_left(ascending, s)
    return j < len(ascending) and ascending[j] < e


def _has_sequence(words: list[int], seqs: tuple[tuple[int, ...], ...]) -> bool:
    for seq in seqs:
        k = len(seq)
        for j in range(len(words) - k + 1):
            if tuple(words[j : j + k]) == seq:
                return True
    return False


class ContextResolver:
    """Decides ambiguous matches with the compiled rules of a lexicon.

    Args:
        rules: one compiled rule (or ``None``) per lexicon skill, in lexicon order.
        key: string -> hash (the pipeline's ``vocab.strings.add``).
        categories: the category of each skill, in lexicon order (built-in cues per
            category, :data:`~jobmatch.extract.vocabulary.CATEGORY_POSITIVE`).
        soft: whether each skill, in lexicon order, is of the lexicon's ``skill`` layer
            (soft skills, competencies): such a neighbour is no evidence for the rule of a
            ``knowledge`` skill (empty: every neighbour counts).
    """

    def __init__(
        self,
        rules: Sequence[Rule | None],
        key: Callable[[str], int],
        categories: Sequence[str] = (),
        soft: Sequence[bool] = (),
    ) -> None:
        self.rules = rules
        self._soft = soft
        #: per skill: its mentions are no neighbour evidence (a degree, a spoken language)
        self._mute = [c in NO_NEIGHBOUR_EVIDENCE for c in categories]
        generic = frozenset(key(w) for w in GENERIC_POSITIVE)
        self._generic_positive = generic
        by_category = {
            cat: generic | frozenset(key(w) for w in words)
            for cat, words in CATEGORY_POSITIVE.items()
        }
        # the built-in cues of each skill: the generic ones plus its category's
        self._builtin = [by_category.get(c, generic) for c in categories] or None
        self._letter_before = frozenset(key(w) for w in LETTER_NEGATIVE_BEFORE)
        self._letter_after = frozenset(key(w) for w in LETTER_NEGATIVE_AFTER)
        self._no_neighbour_before = frozenset(key(w) for w in NO_NEIGHBOUR_BEFORE)
        self._no_neighbour_after = frozenset(key(w) for w in NO_NEIGHBOUR_AFTER)
        self._letters = frozenset(key(c) for c in "abcdefghijklmnopqrstuvwxyz")
        self._amp, self._dash = key("&"), key("-")
        # the whitespace tokens of the current resolve() call (see there)
        self._spaces: Sequence[int] = ()
        self._blank: Callable[[int], bool] | None = None
        self._space_set: frozenset[int] = frozenset()
        self._low: list[int] = []
        self._line_break: Callable[[int], bool] | None = None
        self._bullets = frozenset(key(w) for w in ("-", "•", "*", "·", "▪", "◦", "●", "o"))
        self._joiners = frozenset(key(w) for w in ("and", "or", "&", "/", ",", "+"))
        self._joins = frozenset(key(w) for w in ("and", "or", "&", "/", "and/or"))
        punctuation = ", . ; : ( ) [ ] { } - – — ' \" ! ? | • * + … ·".split()
        self._no_conjunct = frozenset(key(w) for w in (*SHARED_HEAD_STOP, *punctuation))

    def resolve(
        self,
        orth: list[int],
        low: list[int],
        ambiguous: list[Match],
        sure: list[Match],
        soft: set[tuple[int, int]] | None = None,
        tagged: set[Match] | None = None,
        spaces: Sequence[int] = (),
        blank: Callable[[int], bool] | None = None,
        line_break: Callable[[int], bool] | None = None,
    ) -> list[Match]:
        """The ambiguous matches the context supports.

        Args:
            orth: ORTH hashes of the doc's tokens.
            low: LOWER hashes of the doc's tokens.
            ambiguous: ``(start, end, skill index)`` of the matches of a context rule.
            sure: the unambiguous mentions (evidence for ``neighbours`` rules).
            soft: a set, filled here: a match of a case-insensitive rule (generic words:
                "design", "cloud") that found neither evidence for nor against it is kept
                and its token range added; the trained filter decides it.
            tagged: a set, filled here, of the lower-case matches accepted only because
                they touch another mention in a tag list: they must still touch one after
                the filter.
            spaces: the indices of the whitespace tokens, ascending (``Columns.space_idx``),
                which a negative phrase that does not match as written reads past (white
                space within a line, a single line break).
            blank: whether a whitespace token holds a blank line (``Columns.blank_line``),
                which ends a phrase.
            line_break: whether a whitespace token holds a line break
                (``Columns.line_break``): where a line opens (step 5).

        Returns:
            The accepted matches.
        """
        self._spaces, self._blank = spaces, blank
        self._space_set = frozenset(spaces) if self._soft else frozenset()
        self._low, self._line_break = low, line_break
        kept: list[Match] = []
        tags: list[Match] = []
        undecided: list[Match] = []
        for m in ambiguous:
            s, e, i = m
            rule = self.rules[i]
            assert rule is not None
            if rule.plain and self._words(low, s, e) not in rule.cue_forms:
                # a plain form: only another sense's phrase rejects it
                if self._shared_head(low, s, e, rule):
                    continue  # "communication and armor carrier expenses"
                if not (
                    self._negative(low, s, e, rule) and not self._listed(low, s, e, rule, sure)
                ):
                    kept.append(m)
                continue
            if rule.case_sensitive and tuple(orth[s:e]) not in rule.forms_exact:
                if orth[s:e] == low[s:e]:
                    tags.append(m)  # all lower case: kept only inside a tag list, below
                continue
            verdict = self.supported(low, s, e, rule, sure, i)
            if verdict:
                kept.append(m)
            elif rule.sense >= 0 and self._other_sense(low, s, e, rule):
                kept.append((s, e, rule.sense))  # "vLLM, Triton, or TGI": the server
            elif verdict is None:
                undecided.append(m)
        if undecided:
            self._settle(low, undecided, sure, kept, soft)
        if tags:
            self._tag_lists(low, tags, sure, kept, tagged)
        return kept

    def _settle(
        self,
        low: list[int],
        undecided: list[Match],
        sure: list[Match],
        kept: list[Match],
        soft: set[tuple[int, int]] | None,
    ) -> None:
        """Matches without evidence of their own: an accepted ambiguous neighbour counts as
        evidence too ("Skills: Java, R, Go, Scala": R's neighbours are Java and Go, accepted
        by their own cues), repeated while it accepts more. The rest of a case-insensitive
        rule go to the filter (``soft``). Appends to ``kept``."""
        # the first pass looked at the sure mentions: only accepted ambiguous ones are new
        while undecided and kept:
            newly = [m for m in undecided if self._neighbour_rule(m) and self._near(m, kept)]
            if not newly:
                break
            kept.extend(newly)
            undecided = [m for m in undecided if m not in newly]
        for s, e, i in undecided:
            rule = self.rules[i]
            assert rule is not None
            if soft is not None and not rule.case_sensitive:
                kept.append((s, e, i))
                soft.add((s, e))

    def _neighbour_rule(self, m: Match) -> bool:
        rule = self.rules[m[2]]
        return rule is not None and rule.neighbours

    def _near(self, m: Match, found: list[Match]) -> bool:
        s, e, i = m
        rule = self.rules[i]
        assert rule is not None
        lo, hi = s - rule.window, e + rule.window
        near = [m for m in found if m[0] < hi and m[1] > lo]
        return self._any_evidence(self._low, s, e, i, near)

    def _any_evidence(self, low: list[int], s: int, e: int, skill: int, near: list[Match]) -> bool:
        """Whether a neighbour in ``near`` is evidence for the rule of ``skill``, matched at
        tokens ``s:e``: any one is, but when the form opens its line (a duty's verb:
        "Design and implement daily lesson plans"), a soft skill or competency after it,
        past other words than a list's joiners, is the verb's object and no evidence of a
        knowledge skill's sense (lesson planning says nothing of software design). For a
        one-letter form, a degree, certificate, field of study or spoken language is no
        evidence at all ("C. Crawford Senior High School": an initial)."""
        mute = self._mute
        if mute and e - s == 1 and low[s] in self._letters:
            near = [m for m in near if not mute[m[2]]]
        if not near:
            return False
        soft = self._soft
        if not soft or skill < 0 or soft[skill] or not self._opens_line(s):
            return True
        spaces = self._space_set
        return any(
            not soft[k]
            or ks < s
            or all(t in self._joiners or j in spaces for j, t in enumerate(low[e:ks], e))
            for ks, _, k in near
        )

    def _opens_line(self, s: int) -> bool:
        """Whether token ``s`` is the first word of its line (after a bullet or not)."""
        k = s - 1
        if k >= 0 and k not in self._space_set and self._low[k] in self._bullets:
            k -= 1
        return k < 0 or (self._line_break is not None and self._line_break(k))

    def _tag_lists(
        self,
        low: list[int],
        tags: list[Match],
        sure: list[Match],
        kept: list[Match],
        tagged: set[Match] | None,
    ) -> None:
        """Tag lists ("Technologies java spring spring-mvc", "typescript node.js react go"):
        a lower-case spelling of a case-sensitive form passes the case step when it touches
        another mention with nothing in between (then the usual steps decide). Repeated so
        that "java spring spring-mvc" reaches java through spring. Appends to ``kept``."""
        while tags:
            found = sure + kept
            ends = {fe for _, fe, _ in found}
            starts = {fs for fs, _, _ in found}
            touching = [m for m in tags if m[0] in ends or m[1] in starts]
            if not touching:
                break
            tags = [m for m in tags if m not in touching]
            for s, e, i in touching:
                rule = self.rules[i]
                assert rule is not None
                if self.supported(low, s, e, rule, found, i):
                    kept.append((s, e, i))
                    if tagged is not None:
                        tagged.add((s, e, i))

    def supported(
        self, low: list[int], s: int, e: int, rule: Rule, sure: list[Match], skill: int = -1
    ) -> bool | None:
        """Steps 3-6 for a match that passed the case step.

        Args:
            low: LOWER hashes of the doc's tokens.
            s: first token of the match.
            e: end token of the match.
            rule: the skill's compiled rule.
            sure: the other mentions (evidence for ``neighbours`` rules).
            skill: the skill's index (its category's built-in cues), -1 for none.

        Returns:
            ``True`` keep, ``False`` rejected by evidence against it, ``None`` no evidence
            either way.
        """
        n = len(low)
        if (
            rule.negative
            and self._negative(low, s, e, rule)
            and not self._listed(low, s, e, rule, sure)
        ):
            return False
        before = low[s - 1] if s > 0 else 0
        after = low[e] if e < n else 0
        if e - s == 1 and low[s] in self._letters and self._letter_negative(low, e, before):
            return False
        lo, hi = max(0, s - rule.window), min(n, e + rule.window)
        left, right = low[lo:s], low[e:hi]
        single = rule.single
        generic = self._builtin[skill] if self._builtin and skill >= 0 else self._generic_positive
        # a cue on either side (set operations; 0 stands between the sides in the window)
        if not (
            single.isdisjoint(left)
            and single.isdisjoint(right)
            and generic.isdisjoint(left)
            and generic.isdisjoint(right)
        ) or (0 in single or 0 in generic):
            return True
        if (
            rule.multi
            # a cue's first word near the match (no list built for the others)
            and not (
                rule.multi_first.isdisjoint(left)
                and rule.multi_first.isdisjoint(right)
                and 0 not in rule.multi_first  # (0 stands between the two sides)
            )
            and _has_sequence([*left, 0, *right], rule.multi)
        ):
            return True
        if not rule.neighbours:
            return None
        if before in self._no_neighbour_before or after in self._no_neighbour_after:
            return False
        near = [m for m in sure if m[0] < hi and m[1] > lo]
        return self._any_evidence(low, s, e, skill, near) or None

    def _other_sense(self, low: list[int], s: int, e: int, rule: Rule) -> bool:
        """Whether a cue of the rule's other sense lies within its window of ``s:e``."""
        lo, hi = max(0, s - rule.window), min(len(low), e + rule.window)
        left, right = low[lo:s], low[e:hi]
        if not (rule.sense_single.isdisjoint(left) and rule.sense_single.isdisjoint(right)):
            return True
        return bool(rule.sense_multi) and _has_sequence([*left, 0, *right], rule.sense_multi)

    def _negative(self, low: list[int], s: int, e: int, rule: Rule) -> bool:
        """Does a negative phrase of ``rule`` cover tokens ``s:e``, read as written or past
        the whitespace tokens of this call (a wrapped line)?"""
        # a phrase covers the match only when one of its other words lies near, or when the
        # match is a phrase alone. As written, those words lie within a phrase's length
        reach, context, bare = rule.reach, rule.negative_context, rule.negative_bare
        if (
            not (
                context.isdisjoint(low[max(0, s - reach) : s])
                and context.isdisjoint(low[e : e + reach])
            )
            or (bare and tuple(low[s:e]) in bare)
        ) and _negative(low, s, e, rule):
            return True
        spaces = self._spaces
        if not spaces or self._blank is None:
            return False
        # read past white space (:func:`_negative_wrapped`), a phrase's length of words on
        # each side and the gaps skipped among them, all within two lengths of the match; a
        # phrase alone needs white space inside the match
        before = reach + bisect_left(spaces, s) - bisect_left(spaces, s - 2 * reach)
        after = reach + bisect_left(spaces, e + 2 * reach) - bisect_left(spaces, e)
        if (
            context.isdisjoint(low[max(0, s - before) : s])
            and context.isdisjoint(low[e : e + after])
            and not (bare and _any_between(spaces, s, e))
        ):
            return False
        return _negative_wrapped(low, s, e, rule, spaces, self._blank)

    def _shared_head(self, low: list[int], s: int, e: int, rule: Rule) -> bool:
        """Whether the match opens a coordination whose last conjunct ends in the rest of a
        negative phrase that opens with the match: "communication and armor carrier
        expenses" are communication expenses. The other conjunct is one to three words on
        the same line, none a determiner, pronoun, verb or preposition
        (:data:`~jobmatch.extract.vocabulary.SHARED_HEAD_STOP`), and the shared words do not
        open with one ("communication and collaboration with other systems")."""
        n = len(low)
        if not rule.negative or e + 2 >= n or low[e] not in self._joins:
            return False
        spaces = self._spaces
        for width in range(1, 4):
            tail = e + 1 + width
            if tail >= n:
                return False
            word = low[tail - 1]
            if word in self._no_conjunct or word in self._joins:
                return False
            i = bisect_left(spaces, e + 1)
            if i < len(spaces) and spaces[i] <= tail:
                return False  # a conjunct stays on its line
            if low[tail] in self._no_conjunct:
                continue
            if _negative([*low[s:e], *low[tail : tail + rule.reach]], 0, e - s, rule):
                return True
        return False

    def _words(self, low: list[int], s: int, e: int) -> tuple[int, ...]:
        """The LOWER hashes of tokens ``s:e`` without the whitespace tokens a match reads
        past ("Scientific\nResearch" is the cue form "scientific research", no plain form)."""
        spaces = self._spaces
        i = bisect_left(spaces, s)
        if i == len(spaces) or spaces[i] >= e:
            return tuple(low[s:e])
        inside = set(spaces[i : bisect_left(spaces, e)])
        return tuple(h for k, h in enumerate(low[s:e], s) if k not in inside)

    def _listed(self, low: list[int], s: int, e: int, rule: Rule, sure: list[Match]) -> bool:
        """Whether a list joiner and a sure mention follow the match: a negative phrase
        such as "go and" (to go and do) does not read "Go and Kubernetes". A phrase that
        ends with the match reads the same whatever follows ("GPU architecture and CUDA
        kernels"), also over a line break ("Business\nArchitecture, Data Architecture")."""
        if e + 1 >= len(low) or low[e] not in self._joiners:
            return False
        if not any(ks == e + 1 for ks, _, _ in sure):
            return False
        if _negative_before(low, s, e, rule):
            return False
        spaces, blank = self._spaces, self._blank
        if not spaces or blank is None:
            return True
        return not _negative_wrapped(low, s, e, rule, spaces, blank, _negative_before)

    def _letter_negative(self, low: list[int], e: int, before: int) -> bool:
        """Built-in negatives of a one-letter form: "Grade C", "R&D", "C-level"."""
        n = len(low)
        after = low[e] if e < n else 0
        if before in self._letter_before or after == self._amp:
            return True
        return after == self._dash and e + 1 < n and low[e + 1] in self._letter_after


def still_tagged(kept: list[Match], tagged: set[Match]) -> list[Match]:
    """Drop the tag-list matches (lower-case "go", "can") that no longer touch a kept mention
    ("developer experience can trigger": the filter dropped "developer experience").

    Args:
        kept: the mentions after the filter, sorted.
        tagged: the matches accepted only through a tag list.

    Returns:
        ``kept`` without the lone tag-list matches.
    """
    while True:
        ends = {e for _, e, _ in kept}
        starts = {s for s, _, _ in kept}
        lone = [m for m in kept if m in tagged and m[0] not in ends and m[1] not in starts]
        if not lone:
            return kept
        gone = set(lone)
        kept = [m for m in kept if m not in gone]
