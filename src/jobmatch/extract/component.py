"""The ``jobmatch_skills`` spaCy component, :func:`make_nlp` and :class:`SkillExtractor`.

The component finds lexicon skills with one ``PhraseMatcher`` (attribute ``LOWER``) over
every surface form and its generated variants (spacing/punctuation, plurals), keeps the
longest match where matches overlap (then the leftmost, then lexicon order), and checks
ambiguous names (R, Go, Spark, Excel...) against the lexicon's context rules. Results:

* ``doc.spans["skills"]``: one :class:`~spacy.tokens.Span` per mention, ``label_`` = skill id;
* ``doc._.skill_mentions``: the same as :class:`~jobmatch.models.SkillMention` objects with
  character offsets into the text and the section each one sits in (built on access);
* ``span._.skill``: the lexicon :class:`~jobmatch.models.Skill` of a span in that group.

Context rules (``Skill.context``) decide ambiguous matches, in this order:

1. the rule applies only when the matched text is one of its ``forms``;
2. ``case_sensitive``: the text must be a form as written, or ALL CAPS for 2+ letters;
3. a ``negative`` phrase holding the form and covering the match (compared as lower-case
   tokens) rejects it; so do built-in negatives for one-letter forms (``Grade C``,
   ``C-level``, ``R&D``);
4. a ``positive`` cue (or a built-in one: programming, language, framework, developer...)
   within ``window`` tokens keeps it;
5. with ``neighbours``, another unambiguous mention within the window keeps it, unless the
   form reads as a common noun (``a Spark of``, ``Java of``);
6. otherwise the match is dropped.

Then, unless the component is configured with ``filter: false``, a small trained filter
(:mod:`jobmatch.extract.mention_filter`, logistic-regression weights fitted on the SkillSpan train
split, shipped as JSON) drops the remaining mentions an annotator would not mark (job-title
lines, generic words in prose). It only removes mentions; the rules above run first.
"""

from __future__ import annotations

import json
import logging
import math
import re
import weakref
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, cast

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import ensure_path

from ..lexicon.loader import is_proper_name, load_lexicon, normalise_form, skill_record
from ..models import ContextRule, Lexicon, Skill, SkillMention
from .mention_filter import (
    CUE_WORDS,
    LIST_AFTER,
    LIST_BEFORE,
    TITLE_MAX_TOKENS,
    TITLE_WORDS,
    FilterTables,
    LineInfo,
    MentionFilter,
    is_title_line,
    load_mention_filter,
    mention_features,
    static_features,
)
from .sections import detect_sections

__all__ = [
    "SPANS_KEY",
    "SkillComponent",
    "SkillExtractor",
    "make_skill_component",
    "make_nlp",
    "extract_skills",
    "surface_variants",
]

log = logging.getLogger(__name__)

SPANS_KEY = "skills"
_SOFT_KEY = "jobmatch_soft_mentions"
# (start, end, skill index) of the mentions the filter dropped: mentions() gives back the
# list items of a Skills section (the filter learned from posting sentences, not CVs)
_DROPPED_KEY = "jobmatch_filter_dropped"
# "generic": the filter judges lower-case mentions, evidence-less generic words and job-title
# lines, never a name as written ("Python", "Git"): trained on posting sentences, where skill
# lists are often left unannotated, it would drop real skills from resumes. "all": every
# mention (the best SkillSpan figures, see benchmarks/bench_extract.py --filter-scope all).
_FILTER_SCOPES = ("generic", "all")
_ATTR_KEY = "jobmatch_component"

# --- built-in evidence for ambiguous forms (see README "Context rules") --------------------
_GENERIC_POSITIVE = frozenset(
    {
        "programming",
        "language",
        "languages",
        "framework",
        "frameworks",
        "library",
        "libraries",
        "scripting",
        "codebase",
        "developer",
        "developers",
        "sdk",
    }
)
_LETTER_NEGATIVE_BEFORE = frozenset(
    "grade grades vitamin type class plan tier level phase part section size mr mrs ms dr "
    "category option appendix schedule form article block unit step hepatitis b a".split()
)
# "C&B", "C-level", "C-suite": the token right after the letter, or "-" and then one of these
_LETTER_NEGATIVE_AFTER = frozenset({"level", "suite", "grade", "class", "section"})
_NO_NEIGHBOUR_BEFORE = frozenset({"a", "an"})
_NO_NEIGHBOUR_AFTER = frozenset({"of"})
_SPECIAL_CHARS = re.compile(r"[+#.&/]")
_SHORT_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{0,3}$")
# Lower-case spellings that are ordinary English words: a 3-4 letter acronym (REST, SAP, ARM)
# is only accepted in lower case ("aws", "gcp" in tag lists) when it is not one of these.
_COMMON_WORDS = frozenset(
    "age aid aim air all amp and ant any arm art ask bar bed big bit bus but can cap car cat "
    "cue dam day dim dot due ear has mean lamp stack ease end era eye fan far fit fix for gap "
    "gas get gin hat her "
    "hub ice ill key lab law lay lean led let lie log low man map may men mix net new nor not "
    "now oak odd off old one our out own pet pig pin pit pop put ram ran raw red rest rib rim "
    "rob rod row run sad safe sap saw say sea see set she sit six sky soap son spa sun tab tag "
    "tan tap tar tax tea ten the tie tip toe top toy try two use van via war was way web wet "
    "who why win yes yet you zip able area base bear best bill bold book call care case cash "
    "cell chef chip city code cold core cost dare data deal deep desk does dome door dose down "
    "draw drop each earn easy edge else even fact fair fall fast file fine fire firm flow food "
    "form free from fuel full game give goal gold good grid grow half hand hard head help here "
    "high hire hold home hope host hour idea into iron item jobs join jump just keep kind know "
    "land last late lead less life lift like line link list live load lock long look loop lost "
    "made mail main make many mark mass meet mind mode more most move much must name near need "
    "next nice node note once only open page pair park part pass path peak plan play plus pool "
    "port post pure push race rate read real rely rich ring rise risk road rock role room root "
    "rule safe sale same save scan seed seek self sell send ship shop show side sign site size "
    "slow snap some sort spin spot star stay step stop such sure take talk task team tell term "
    "test text than that them then they this tier time tone tool tour tree true turn type unit "
    "upon user vary vast very view vote wage wait walk want wave wear week well what when wide "
    "will wind wise with word work yard year zero zone".split()
)

# Components alive in this process, so the Doc/Span getters can find the lexicon of the
# component that filled a doc (the key is stored in ``doc.spans["skills"].attrs``).
_COMPONENTS: weakref.WeakValueDictionary[str, SkillComponent] = weakref.WeakValueDictionary()


@dataclass(frozen=True, slots=True)
class _Rule:
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


def _compile_rule(
    rule: ContextRule, tokenize: Callable[[str], list[str]], key: Callable[[str], int]
) -> _Rule:
    # cues, phrases and forms are tokenised like the text ("objective-c" is three tokens,
    # "node.js" one, "R & D" three) and compared as token hashes: no string work per match
    exact: set[tuple[int, ...]] = set()
    for f in rule.forms:
        exact.add(tuple(key(t) for t in tokenize(f)))
        if sum(c.isalpha() for c in f) >= 2:
            exact.add(tuple(key(t) for t in tokenize(f.upper())))
    cues = [tuple(key(t.lower()) for t in tokenize(c)) for c in rule.positive]
    single = {c[0] for c in cues if len(c) == 1}
    multi = tuple(c for c in cues if len(c) > 1)
    forms = [tuple(key(t.lower()) for t in tokenize(f)) for f in rule.forms]
    negative: list[tuple[tuple[int, ...], int, int]] = []
    for phrase in rule.negative:
        toks = tuple(key(t.lower()) for t in tokenize(phrase))
        found = False
        for form in forms:
            k = len(form)
            for j in range(len(toks) - k + 1):
                if toks[j : j + k] == form:
                    negative.append((toks, j, k))
                    found = True
        if not found:
            log.debug("negative phrase %r holds none of the forms %r", phrase, rule.forms)
    return _Rule(
        forms_exact=frozenset(exact),
        case_sensitive=rule.case_sensitive,
        single=frozenset(single),
        multi=multi,
        negative=tuple(negative),
        negative_sets=tuple(
            (k, length, plen, frozenset(phrases))
            for (k, length, plen), phrases in _group_negatives(negative).items()
        ),
        window=rule.window,
        neighbours=rule.neighbours,
    )


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


def _span_skill(span: Span) -> Skill | None:
    group = span.doc.spans.get(SPANS_KEY)
    comp = _COMPONENTS.get(group.attrs.get(_ATTR_KEY, "")) if group is not None else None
    return None if comp is None else comp.lexicon.get(span.label_)


def _doc_mentions(doc: Doc) -> list[SkillMention]:
    group = doc.spans.get(SPANS_KEY)
    if group is None:
        return []
    comp = _COMPONENTS.get(group.attrs.get(_ATTR_KEY, ""))
    if comp is None:
        raise ValueError("doc was not processed by a live jobmatch_skills component")
    return comp.mentions(doc)


# Registered once, at import, with getters (nothing stored per doc but the span group).
if not Doc.has_extension("skill_mentions"):
    Doc.set_extension("skill_mentions", getter=_doc_mentions)
if not Span.has_extension("skill"):
    Span.set_extension("skill", getter=_span_skill)


class _Columns:
    """ORTH, LOWER, IS_SPACE and SPACY of a doc's tokens from one ``doc.to_array`` call,
    shared by the steps of one component call (each list is built on first use)."""

    def __init__(self, doc: Doc) -> None:
        self._arr = doc.to_array(["ORTH", "LOWER", "IS_SPACE", "SPACY"])
        self._strings = doc.vocab.strings

    @cached_property
    def orth(self) -> list[int]:
        return cast(list[int], self._arr[:, 0].tolist())

    @cached_property
    def low(self) -> list[int]:
        return cast(list[int], self._arr[:, 1].tolist())

    @cached_property
    def spaces(self) -> list[int]:
        """1 where a token is followed by a space."""
        return cast(list[int], self._arr[:, 3].tolist())

    @cached_property
    def space_idx(self) -> list[int]:
        """Indices of the whitespace tokens (line breaks among them)."""
        return self._arr[:, 2].nonzero()[0].tolist()

    @cached_property
    def breaks(self) -> list[int]:
        """Indices of the line breaks: whitespace tokens holding a newline (spaCy makes
        "\n" its own token)."""
        strings, low = self._strings, self.low
        return [k for k in self.space_idx if "\n" in strings[low[k]]]


class SkillComponent:
    """Finds lexicon skills in a Doc: ``doc.spans["skills"]`` and ``doc._.skill_mentions``."""

    def __init__(
        self,
        nlp: Language,
        name: str = "jobmatch_skills",
        *,
        lexicon: Lexicon | None = None,
        lexicon_path: str | None = None,
        filter: bool = True,
        filter_path: str | None = None,
        filter_scope: str = "generic",
    ) -> None:
        if filter_scope not in _FILTER_SCOPES:
            raise ValueError(f"filter_scope must be one of {_FILTER_SCOPES}, not {filter_scope!r}")
        self.nlp = nlp
        self.name = name
        self.lexicon_path = lexicon_path
        self.filter = filter
        self.filter_path = filter_path
        self.filter_scope = filter_scope
        self._filter: MentionFilter | None = None
        # the shipped filter weights belong to the shipped lexicon (they know its skill ids)
        self._own_lexicon = lexicon is not None or lexicon_path is not None
        self._key = f"{name}:{id(self)}"
        _COMPONENTS[self._key] = self
        self._lexicon: Lexicon | None = None
        if lexicon is not None:
            self._load(lexicon)
        # else: built on first use, by initialize() or by from_disk(), so that spacy.load()
        # of a saved pipeline does not build the shipped lexicon only to replace it

    @property
    def lexicon(self) -> Lexicon:
        """The lexicon the matcher was built from (loaded on first access)."""
        if self._lexicon is None:
            self._load(load_lexicon(self.lexicon_path))
        assert self._lexicon is not None
        return self._lexicon

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
    ) -> None:
        """spaCy's initialisation hook: build the matcher now (errors surface here)."""
        _ = self.lexicon

    # -- building -------------------------------------------------------------------------
    def _load(self, lexicon: Lexicon) -> None:
        self._lexicon = lexicon
        vocab = self.nlp.vocab
        self._filter = self._load_filter(lexicon)
        # evidence-less generic words go to the filter only when there is one (or when the
        # training script asks for them)
        self.soft_rules = self._filter is not None
        # surface-dependent part of the filter score per (skill, tokens, spaces), filled lazily
        self._static: dict[tuple[int, ...], float] = {}
        if self._filter is not None:
            self._tables = FilterTables(self._filter, vocab.strings.add)
        tokenizer: Any = self.nlp.tokenizer  # spacy.tokenizer.Tokenizer (Cython, untyped)
        skills = lexicon.skills
        self._skills = skills
        self._labels = [vocab.strings.add(s.id) for s in skills]

        token_cache: dict[str, list[str]] = {}

        def tokenize(text: str) -> list[str]:
            # cues repeat across rules ("programming", "python"): tokenise each once
            toks = token_cache.get(text)
            if toks is None:
                toks = token_cache[text] = [t.text for t in tokenizer(text)]
            return toks

        hash_of = vocab.strings.add
        self._rules = [
            None if s.context is None else _compile_rule(s.context, tokenize, hash_of)
            for s in skills
        ]
        self._generic_positive = frozenset(hash_of(w) for w in _GENERIC_POSITIVE)
        self._letter_before = frozenset(hash_of(w) for w in _LETTER_NEGATIVE_BEFORE)
        self._letter_after = frozenset(hash_of(w) for w in _LETTER_NEGATIVE_AFTER)
        self._no_neighbour_before = frozenset(hash_of(w) for w in _NO_NEIGHBOUR_BEFORE)
        self._no_neighbour_after = frozenset(hash_of(w) for w in _NO_NEIGHBOUR_AFTER)
        self._letters = frozenset(hash_of(c) for c in "abcdefghijklmnopqrstuvwxyz")
        self._amp, self._dash = hash_of("&"), hash_of("-")
        self._cue_words = frozenset(hash_of(w) for w in CUE_WORDS)
        self._title_words = frozenset(hash_of(w) for w in TITLE_WORDS)
        self._line_end = frozenset(hash_of(w) for w in (".", "!", "?", ";"))
        # Who owns each normalised surface key: real names/aliases first (validated unique),
        # generated variants only where the key is still free (first in lexicon order wins).
        owner: dict[str, tuple[int, str]] = {}
        for i, s in enumerate(skills):
            for form in s.surface_forms:
                owner.setdefault(normalise_form(form), (i, form))
        variants: dict[str, tuple[int, str]] = {}
        for i, s in enumerate(skills):
            ambiguous = (
                {normalise_form(f) for f in s.context.forms} if s.context is not None else set()
            )
            for form in s.surface_forms:
                if normalise_form(form) in ambiguous:
                    continue
                for v in surface_variants(form)[1:]:
                    key = normalise_form(v)
                    if key not in owner and key not in variants:
                        variants[key] = (i, v)
        every = {**variants, **owner}
        # Patterns are tokenised by the same tokenizer as the texts, so "C++,", "C#." and
        # "Node.js," already match. The one fix needed: spaCy keeps a capital and a period
        # together ("R.", as in initials), so "Python, SQL, R." would lose R. Only these
        # few special cases are added: forms with affix characters (C++, Node.js) would put
        # the tokenizer on its slow special-case matcher path for every document.
        for _key, (_i, form) in every.items():
            if len(form) == 1 and form.isalpha():
                for letter in {form.upper(), form.lower()}:
                    tokenizer.add_special_case(f"{letter}.", [{"ORTH": letter}, {"ORTH": "."}])
        _split_affixes(tokenizer)
        _split_library_paths(tokenizer)
        # One match key per (skill, kind): kind 0 plain, 1 ambiguous (context rule), 2 exact
        # case (short ALL-CAPS acronyms: "IT" must not match "it").
        matcher = PhraseMatcher(vocab, attr="LOWER")
        by_key: dict[tuple[int, int], list[str]] = {}
        self._exact: dict[int, frozenset[str]] = {}
        exact_forms: dict[int, set[str]] = {}
        for key, (i, form) in every.items():
            rule = self._rules[i]
            ctx = skills[i].context
            if (
                rule is not None
                and ctx is not None
                and key in {normalise_form(f) for f in ctx.forms}
            ):
                kind = 1
            elif _SHORT_ACRONYM.match(form.removesuffix("s")) and any(c.isupper() for c in form):
                kind = 2
                exact_forms.setdefault(i, set()).add(form)
                low = form.lower()
                # lower case accepted ("aws", "gcp" in tag lists) only for a real name or
                # alias of 3+ letters that is no English word: never for a generated plural
                # ("HAs" -> "has", "MEANs" -> "means")
                if key in owner and len(low) >= 3 and low not in _COMMON_WORDS:
                    exact_forms[i].add(low)
            else:
                kind = 0
            by_key.setdefault((i, kind), []).append(form)
        self._info: dict[int, tuple[int, int]] = {}
        forms_all = [f for fs in by_key.values() for f in fs]
        docs = dict(zip(forms_all, tokenizer.pipe(forms_all), strict=True))
        # adjacent token pairs inside plain multi-word patterns ("conflict" "resolution"):
        # a line break between such a pair may be a wrap, not the end of the phrase
        join_pairs: set[tuple[int, int]] = set()
        max_tokens = 1
        for (i, kind), forms in by_key.items():
            mkey = f"{skills[i].id}\x1f{kind}"
            h = vocab.strings.add(mkey)
            self._info[h] = (i, kind)
            matcher.add(mkey, [docs[f] for f in forms])
            if kind == 0:
                for f in forms:
                    lows = [t.lower for t in docs[f]]
                    max_tokens = max(max_tokens, len(lows))
                    join_pairs.update(zip(lows, lows[1:], strict=False))
        self._join_pairs = frozenset(join_pairs)
        self._max_tokens = max_tokens
        # Tokenising ~20k pattern strings leaves the tokenizer cache in a state that makes
        # it 2-3x slower on running text (measured); re-setting the rules gives a fresh cache.
        tokenizer.rules = tokenizer.rules
        self._exact = {i: frozenset(f) for i, f in exact_forms.items()}
        self._matcher = matcher
        self.n_patterns = len(forms_all)

    @property
    def filter_active(self) -> bool:
        """Whether the trained mention filter runs (``filter`` on and weights for this lexicon)."""
        _ = self.lexicon
        return self._filter is not None

    def _load_filter(self, lexicon: Lexicon) -> MentionFilter | None:
        if not self.filter:
            return None
        found = load_mention_filter(self.filter_path)
        trained_for = found.meta.get("lexicon_version")
        if self.filter_path is None and self._own_lexicon and lexicon.version != trained_for:
            # weights keyed by another lexicon's skill ids would judge every mention by its
            # context alone: a lexicon of your own gets the filter only with its own weights
            log.info(
                "mention filter off: shipped weights are for lexicon %s, not %s",
                trained_for,
                lexicon.version,
            )
            return None
        return found

    # -- running --------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        if self._lexicon is None:
            self.initialize()
        matches = self._matcher(doc)
        cols = _Columns(doc)
        matches += self._wrapped_matches(doc, cols)
        kept: list[tuple[int, int, int]] = []
        if matches:
            info = self._info
            # longest first, then leftmost, then lexicon order: sorting plain tuples is far
            # cheaper than filter_spans over Span objects (see benchmarks/bench_extract.py)
            cand = sorted((s - e, s, info[h], e) for h, s, e in matches)
            occupied = bytearray(len(doc))
            ambiguous: list[tuple[int, int, int]] = []
            for neg_len, s, (i, kind), e in cand:
                if 1 in occupied[s:e]:
                    continue
                occupied[s:e] = b"\x01" * -neg_len
                if kind == 0:
                    kept.append((s, e, i))
                elif kind == 1:
                    ambiguous.append((s, e, i))
                else:
                    # never doc.text here: it rebuilds the whole text from Token objects
                    surface = doc[s].text if e - s == 1 else doc[s:e].text
                    if surface in self._exact[i]:
                        kept.append((s, e, i))
            soft: set[tuple[int, int]] | None = set() if self.soft_rules else None
            tagged: set[tuple[int, int, int]] = set()
            if ambiguous:
                kept.extend(self._resolve(doc, ambiguous, kept, soft, tagged, cols))
            kept.sort()
            if soft is not None and self._filter is None:
                doc.user_data[_SOFT_KEY] = soft  # for the training script
            if kept and self._filter is not None:
                cut = self._filter.threshold
                scores = self.filter_scores(
                    doc, kept, soft or set(), scope=self.filter_scope, cols=cols
                )
                dropped = [m for m, sc in zip(kept, scores, strict=True) if sc < cut]
                if dropped:
                    kept = [m for m, sc in zip(kept, scores, strict=True) if sc >= cut]
                    doc.user_data[_DROPPED_KEY] = dropped
                if tagged:
                    kept = _still_tagged(kept, tagged)
        labels = self._labels
        doc.spans[SPANS_KEY] = [Span(doc, s, e, label=labels[i]) for s, e, i in kept]
        doc.spans[SPANS_KEY].attrs[_ATTR_KEY] = self._key
        return doc

    def _wrapped_matches(
        self, doc: Doc, cols: _Columns | None = None
    ) -> list[tuple[int, int, int]]:
        """Plain multi-word matches broken by one line break ("conflict\\nresolution", a PDF
        line wrapped mid-phrase): ``(match key, start, end)`` with the break token inside.

        Only a single line break (not a blank line) between two tokens that sit side by side
        in some pattern is tried; the tokens around it are matched again without it.
        """
        pairs = self._join_pairs
        if not pairs:
            return []
        strings = doc.vocab.strings
        cols = cols or _Columns(doc)
        low = cols.low
        n = len(low)
        out: list[tuple[int, int, int]] = []
        for k in cols.space_idx:
            if not 0 < k < n - 1 or (low[k - 1], low[k + 1]) not in pairs:
                continue
            if strings[low[k]].strip(" \t\r") != "\n":
                continue  # a blank line or more ends the phrase
            w = self._max_tokens
            idx = [j for j in range(max(0, k - w), min(n, k + w + 1)) if j != k]
            words = [doc[j].text for j in idx]
            spaces = [bool(doc[j].whitespace_) or j == k - 1 for j in idx]
            mini = Doc(doc.vocab, words=words, spaces=spaces)
            left = idx.index(k - 1)
            for h, ms, me in self._matcher(mini):
                if ms <= left < me - 1 and self._info[h][1] == 0:
                    out.append((h, idx[ms], idx[me - 1] + 1))
        return out

    def _resolve(
        self,
        doc: Doc,
        ambiguous: list[tuple[int, int, int]],
        sure: list[tuple[int, int, int]],
        soft: set[tuple[int, int]] | None = None,
        tagged: set[tuple[int, int, int]] | None = None,
        cols: _Columns | None = None,
    ) -> list[tuple[int, int, int]]:
        """The ambiguous matches the context supports (README "Context rules").

        ``tagged`` (a set, filled here) receives the lower-case matches accepted only because
        they touch another mention in a tag list: they must still touch one after the filter.

        With ``soft`` (a set, filled here), a match of a case-insensitive rule (generic
        words: "design", "cloud", "Banking") that found neither evidence for nor against it
        is kept and its token range added to ``soft``: the trained filter decides it.
        Works on token hashes from one ``doc.to_array`` call: no Token objects, no text.
        """
        cols = cols or _Columns(doc)
        orth, low = cols.orth, cols.low
        kept: list[tuple[int, int, int]] = []
        tags: list[tuple[int, int, int]] = []
        for m in ambiguous:
            s, e, i = m
            rule = self._rules[i]
            assert rule is not None
            if rule.case_sensitive and tuple(orth[s:e]) not in rule.forms_exact:
                if orth[s:e] == low[s:e]:
                    tags.append(m)  # all lower case: kept only inside a tag list, below
                continue
            verdict = self._supported(low, s, e, rule, sure)
            if verdict:
                kept.append(m)
            elif verdict is None and soft is not None and not rule.case_sensitive:
                kept.append(m)
                soft.add((s, e))
        # Tag lists ("Technologies java spring spring-mvc", "typescript node.js react go"):
        # a lower-case spelling of a case-sensitive form passes the case step when it touches
        # another mention with nothing in between (then the usual steps decide). Repeated so
        # that "java spring spring-mvc" reaches java through spring.
        while tags:
            found = sure + kept
            ends = {fe for _, fe, _ in found}
            starts = {fs for fs, _, _ in found}
            touching = [m for m in tags if m[0] in ends or m[1] in starts]
            if not touching:
                break
            tags = [m for m in tags if m not in touching]
            for s, e, i in touching:
                rule = self._rules[i]
                assert rule is not None
                if self._supported(low, s, e, rule, found):
                    kept.append((s, e, i))
                    if tagged is not None:
                        tagged.add((s, e, i))
        return kept

    def _supported(
        self, low: list[int], s: int, e: int, rule: _Rule, sure: list[tuple[int, int, int]]
    ) -> bool | None:
        """Steps 2-6 of the context rules for a match that passed the case step: ``True``
        keep, ``False`` rejected by evidence against it, ``None`` no evidence either way."""
        n = len(low)
        if rule.negative and _negative(low, s, e, rule):
            return False
        before = low[s - 1] if s > 0 else 0
        after = low[e] if e < n else 0
        if e - s == 1 and low[s] in self._letters:
            if before in self._letter_before or after == self._amp:
                return False
            if after == self._dash and e + 1 < n and low[e + 1] in self._letter_after:
                return False
        lo, hi = max(0, s - rule.window), min(n, e + rule.window)
        window = [*low[lo:s], 0, *low[e:hi]]
        single, generic = rule.single, self._generic_positive
        if any(w in single or w in generic for w in window):
            return True
        if rule.multi and _has_sequence(window, rule.multi):
            return True
        if not rule.neighbours:
            return None
        if before in self._no_neighbour_before or after in self._no_neighbour_after:
            return False
        return any(ks < hi and ke > lo for ks, ke, _ in sure) or None

    def _lines(
        self, doc: Doc, found: list[tuple[int, int, int]]
    ) -> tuple[list[int], list[tuple[int, int, LineInfo]]]:
        """LOWER of the doc's tokens, and (start, end, info) of each mention's line."""
        cols = _Columns(doc)
        low, breaks = cols.low, cols.breaks
        n = len(low)
        line_of = [bisect_right(breaks, s) for s, _, _ in found]
        per_line: dict[int, int] = {}
        for k in line_of:
            per_line[k] = per_line.get(k, 0) + 1
        lines: dict[int, tuple[int, int, LineInfo]] = {}
        out: list[tuple[int, int, LineInfo]] = []
        for k in line_of:
            line = lines.get(k)
            if line is None:
                lo = breaks[k - 1] + 1 if k > 0 else 0
                hi = breaks[k] if k < len(breaks) else n
                line = lines[k] = (lo, hi, self._line_info(low, lo, hi, per_line[k]))
            out.append(line)
        return low, out

    def _line_info(self, low: list[int], lo: int, hi: int, n_mentions: int) -> LineInfo:
        words = low[lo:hi]
        return LineInfo(
            n_tokens=hi - lo,
            n_mentions=n_mentions,
            ends_with_period=bool(words) and words[-1] in self._line_end,
            has_cue=not self._cue_words.isdisjoint(words),
            has_title_word=not self._title_words.isdisjoint(words),
        )

    def features(
        self,
        doc: Doc,
        found: list[tuple[int, int, int]],
        soft: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset(),
    ) -> list[list[str]]:
        """The mention-filter features of ``(start, end, skill index)`` token ranges, sorted.

        The training script (``benchmarks/train_mention_filter.py``) calls this on the
        unfiltered mentions, so training and running share one definition (the component
        itself scores with :meth:`filter_scores`, the same sum on token hashes).
        """
        strings = doc.vocab.strings
        low, lines = self._lines(doc, found)
        skills = self._skills
        out: list[list[str]] = []
        for (s, e, i), (lo, hi, info) in zip(found, lines, strict=True):
            skill = skills[i]
            surface = doc[s].text if e - s == 1 else doc[s:e].text
            out.append(
                mention_features(
                    surface=surface,
                    skill_id=skill.id,
                    category=skill.category,
                    prev=strings[low[s - 1]] if s > lo else "<s>",
                    next=strings[low[e]] if e < hi else "</s>",
                    n_tokens=e - s,
                    line=info,
                    soft=(s, e) in soft,
                )
            )
        return out

    def filter_scores(
        self,
        doc: Doc,
        found: list[tuple[int, int, int]],
        soft: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset(),
        *,
        scope: str = "all",
        cols: _Columns | None = None,
    ) -> list[float]:
        """The filter's score (logit) of each mention: ``MentionFilter.score(features(...))``
        computed on token hashes with the weights split into per-position tables.

        With ``scope="generic"`` only generic mentions are scored: all lower case, a generic
        word whose context rule found no evidence (``soft``), or in a job-title line; every
        other mention (a name as written: "Python", "Git", "Microsoft Excel") gets ``inf``.
        """
        filt = self._filter
        if filt is None:
            raise ValueError("the mention filter is off")
        tables = self._tables
        w = filt.weights
        skills = self._skills
        n = len(doc)
        cols = cols or _Columns(doc)
        orth, low, spaces = cols.orth, cols.low, cols.spaces
        breaks = cols.breaks
        n_breaks = len(breaks)
        line_of = [bisect_right(breaks, s) for s, _, _ in found]
        per_line: dict[int, int] = {}
        for k in line_of:
            per_line[k] = per_line.get(k, 0) + 1
        infos: dict[int, LineInfo] = {}
        static = self._static
        wp, wn = tables.prev, tables.next
        lb, la = tables.list_before, tables.list_after
        lbw, law, both = tables.list_before_w, tables.list_after_w, tables.list_both_w
        line_scores: dict[int, float] = {}
        out: list[float] = []
        generic_only = scope == "generic"
        for (s, e, i), k in zip(found, line_of, strict=True):
            lo = breaks[k - 1] + 1 if k > 0 else 0
            hi = breaks[k] if k < n_breaks else n
            protected = generic_only and (s, e) not in soft and orth[s:e] != low[s:e]
            if protected and (
                hi - lo > TITLE_MAX_TOKENS
                or self._title_words.isdisjoint(low[lo:hi])
                # "AWS Certified Solutions Architect": a certification, not a job title
                or skills[i].category == "certification"
            ):
                out.append(math.inf)  # a name as written, on a line that is no title
                continue
            info = infos.get(k)
            if info is None:
                info = infos[k] = self._line_info(low, lo, hi, per_line[k])
            if protected and not is_title_line(info):
                out.append(math.inf)
                continue
            # the tokens and the spaces between them ("scikit-learn" vs "scikit - learn")
            key = (i, *orth[s:e], *spaces[s : e - 1])
            base = static.get(key)
            if base is None:
                skill = skills[i]
                surface = doc[s].text if e - s == 1 else doc[s:e].text
                base = static[key] = filt.bias + sum(
                    w.get(f, 0.0)
                    for f in static_features(
                        surface=surface,
                        skill_id=skill.id,
                        category=skill.category,
                        n_tokens=e - s,
                    )
                )
            prev = low[s - 1] if s > lo else 0
            nxt = low[e] if e < hi else 0
            score = base + wp.get(prev, 0.0) + wn.get(nxt, 0.0)
            before, after = prev in lb, nxt in la
            if before:
                score += lbw + law + both if after else lbw
            elif after:
                score += law
            line = line_scores.get(k)
            if line is None:
                line = line_scores[k] = tables.line_base(info)
            score += line + tables.category(info, skills[i].category)
            if soft and (s, e) in soft:
                score += tables.soft(skills[i].category)
            out.append(score)
        return out

    def mentions(self, doc: Doc, text: str | None = None) -> list[SkillMention]:
        """The mentions of a processed doc, with their sections.

        ``text`` is the doc's text when the caller still has it (``doc.text`` rebuilds it
        from every token: a large share of the cost for long documents).
        """
        group = doc.spans.get(SPANS_KEY)
        dropped: list[tuple[int, int, int]] = doc.user_data.get(_DROPPED_KEY) or []
        if not group and not dropped:
            return []
        if text is None:
            text = doc.text
        sections = detect_sections(text)
        starts = [sec[0] for sec in sections]

        def section_of(start: int) -> str:
            k = bisect_right(starts, start) - 1
            return sections[k][2] if k >= 0 else "other"

        by_id = self.lexicon.by_id
        skills = self._skills
        found = [(span.start_char, span.end_char, by_id[span.label_]) for span in group or ()]
        for s, e, i in dropped:
            start = doc[s].idx
            if section_of(start) == "skills" and _list_item(doc, s, e):
                found.append((start, doc[e - 1].idx + len(doc[e - 1].text), skills[i]))
        if dropped:
            found.sort(key=lambda f: f[0])
        return [
            SkillMention(
                skill_id=skill.id,
                name=skill.name,
                category=skill.category,
                start=start,
                end=end,
                text=text[start:end],
                section=section_of(start),
            )
            for start, end, skill in found
        ]

    # -- serialisation --------------------------------------------------------------------
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the lexicon the component uses (lexicon.toml + skills/skills.jsonl)."""
        root = ensure_path(path)
        (root / "skills").mkdir(parents=True, exist_ok=True)
        lines = [f"version = {json.dumps(self.lexicon.version)}", ""]
        for cat in self.lexicon.categories.values():
            lines += [
                f"[categories.{json.dumps(cat.id)}]",
                f"label = {json.dumps(cat.label)}",
                f"layer = {json.dumps(cat.layer)}",
                "",
            ]
        (root / "lexicon.toml").write_text("\n".join(lines), encoding="utf-8")
        with (root / "skills" / "skills.jsonl").open("w", encoding="utf-8") as fh:
            for s in self.lexicon.skills:
                fh.write(json.dumps(skill_record(s), ensure_ascii=False) + "\n")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> SkillComponent:
        """Load the lexicon written by :meth:`to_disk` and rebuild the matcher."""
        self._load(load_lexicon(ensure_path(path)))
        return self


# spaCy splits "Python/R" but keeps a slash beside "#", "+" or "." inside one token
# ("C#/.NET", "C++/Qt", "Net/.Net") and keeps a trailing one ("HTML/ CSS", "Python/"): a
# skill on either side would not match. The extra infix/suffix split those slashes off.
# (and the "#" of "C#" before such a slash, as the patterns tokenise "C#" as "C", "#")
_SLASH_INFIX = r"(?<=[\w#+])/(?=[\w.#])|(?<=[A-Za-z])#(?=/)"
# Bullets glued to the item ("•Negotiation", "-Java", "–Python") and a dash glued to the end
# of a word ("Trello- Project management tool") are kept in the token by spaCy's English
# rules ("●", "▪", "*" are split already): the skill would not match. The trailing slash and
# the trailing dash share one suffix branch (suffix_search runs on every token).
_BULLET_PREFIX = r"^[•‣⁃∙·]|^[-–—](?=[A-Za-z])"
_SLASH_SUFFIX = r"(?<=[\w#+])[/\-–—]$"


def _split_affixes(tokenizer: Any) -> None:
    """Add the slash infix/suffix, the bullet prefix and the trailing-dash suffix to a
    tokenizer (once; a no-op for tokenizers without regex-based affixes)."""
    for attr, extra in (
        ("infix_finditer", _SLASH_INFIX),
        ("suffix_search", _SLASH_SUFFIX),
        ("prefix_search", _BULLET_PREFIX),
    ):
        current = getattr(tokenizer, attr, None)
        pattern = getattr(getattr(current, "__self__", None), "pattern", None)
        if not isinstance(pattern, str) or extra in pattern:
            continue
        compiled = re.compile(f"{pattern}|{extra}")
        setattr(tokenizer, attr, getattr(compiled, attr.split("_")[1]))


# spaCy's URL rule takes "Node.js/Express" and "ASP.NET/MVC" whole, as a host ("node.js")
# and a path: neither skill would match. Without a scheme ("https://") or "www.", a host
# ending in ".js" or ".net" right before a slash is taken for a library name and the text is
# left to the infixes ("Node.js", "/", "Express"); real URLs keep their single token.
_NOT_A_URL = r"(?!(?!www\.)[^\s/:@]*\.(?:[jJ][sS]|[nN][eE][tT])/)"


def _split_library_paths(tokenizer: Any) -> None:
    """Refuse the URL rule's match for "Name.js/..." and "Name.NET/..." (once; a no-op for a
    tokenizer without a regex-based ``url_match``)."""
    current = getattr(tokenizer, "url_match", None)
    pattern = getattr(getattr(current, "__self__", None), "pattern", None)
    if not isinstance(pattern, str) or _NOT_A_URL in pattern:
        return
    head = "(?u)^" if pattern.startswith("(?u)^") else ""
    tokenizer.url_match = re.compile(head + _NOT_A_URL + pattern[len(head) :]).match


def _list_item(doc: Doc, s: int, e: int) -> bool:
    """Whether tokens ``s:e`` are one item of a list: a separator (or the line's edge) on
    each side ("Skills: Tax, Payroll", "• Teamwork", "Agile | Scrum")."""
    before = doc[s - 1] if s > 0 else None
    after = doc[e] if e < len(doc) else None
    ok_before = before is None or "\n" in before.text or before.lower_ in LIST_BEFORE
    ok_after = (
        after is None or "\n" in after.text or after.lower_ in LIST_AFTER or after.text == "."
    )
    return ok_before and ok_after


def _still_tagged(
    kept: list[tuple[int, int, int]], tagged: set[tuple[int, int, int]]
) -> list[tuple[int, int, int]]:
    """Drop the tag-list matches (lower-case "go", "can") that no longer touch a kept mention
    ("developer experience can trigger": the filter dropped "developer experience")."""
    while True:
        ends = {e for _, e, _ in kept}
        starts = {s for s, _, _ in kept}
        lone = [m for m in kept if m in tagged and m[0] not in ends and m[1] not in starts]
        if not lone:
            return kept
        gone = set(lone)
        kept = [m for m in kept if m not in gone]


def _group_negatives(
    negative: list[tuple[tuple[int, ...], int, int]],
) -> dict[tuple[int, int, int], set[tuple[int, ...]]]:
    groups: dict[tuple[int, int, int], set[tuple[int, ...]]] = {}
    for phrase, k, length in negative:
        groups.setdefault((k, length, len(phrase)), set()).add(phrase)
    return groups


def _negative(low: list[int], s: int, e: int, rule: _Rule) -> bool:
    """Does one of the rule's negative phrases cover tokens ``s:e``?"""
    for k, length, plen, phrases in rule.negative_sets:
        if length != e - s:
            continue
        p0 = s - k
        if p0 >= 0 and tuple(low[p0 : p0 + plen]) in phrases:
            return True
    return False


def _has_sequence(words: list[int], seqs: tuple[tuple[int, ...], ...]) -> bool:
    for seq in seqs:
        k = len(seq)
        for j in range(len(words) - k + 1):
            if tuple(words[j : j + k]) == seq:
                return True
    return False


@Language.factory(
    "jobmatch_skills",
    default_config={
        "lexicon_path": None,
        "filter": True,
        "filter_path": None,
        "filter_scope": "generic",
    },
    assigns=["doc.spans", "doc._.skill_mentions"],
)
def make_skill_component(
    nlp: Language,
    name: str,
    lexicon_path: str | None,
    filter: bool,
    filter_path: str | None,
    filter_scope: str,
) -> SkillComponent:
    """spaCy factory: ``nlp.add_pipe("jobmatch_skills")`` (shipped lexicon and mention
    filter), ``config={"lexicon_path": "/folder"}`` for a lexicon folder of the same layout,
    ``{"filter": False}`` for the lexicon and context rules alone, ``{"filter_path": ...}``
    for filter weights written by ``benchmarks/train_mention_filter.py``, ``{"filter_scope":
    "all"}`` to let the filter judge every mention, not only generic ones."""
    return SkillComponent(
        nlp,
        name,
        lexicon_path=lexicon_path,
        filter=filter,
        filter_path=filter_path,
        filter_scope=filter_scope,
    )


def make_nlp(
    lexicon: Lexicon | str | Path | None = None,
    *,
    filter: bool = True,
    filter_path: str | Path | None = None,
    filter_scope: str = "generic",
) -> Language:
    """``spacy.blank("en")`` plus the ``jobmatch_skills`` component.

    ``lexicon`` is a loaded :class:`Lexicon`, a lexicon folder, or ``None`` for the shipped one;
    ``filter=False`` turns the trained mention filter off; ``filter_path`` names weights
    written by ``benchmarks/train_mention_filter.py``; ``filter_scope`` is the component's.
    """
    import spacy

    nlp = spacy.blank("en")
    path = None if filter_path is None else str(filter_path)
    if isinstance(lexicon, Lexicon):
        comp = SkillComponent(
            nlp,
            "jobmatch_skills",
            lexicon=lexicon,
            filter=filter,
            filter_path=path,
            filter_scope=filter_scope,
        )
        _add_instance(nlp, comp)
    else:
        nlp.add_pipe(
            "jobmatch_skills",
            config={
                "lexicon_path": None if lexicon is None else str(lexicon),
                "filter": filter,
                "filter_path": path,
                "filter_scope": filter_scope,
            },
        )
    return nlp


def _add_instance(nlp: Language, comp: SkillComponent) -> None:
    """Add an already built component (a lexicon object cannot go through the config)."""
    factory_name = "jobmatch_skills_instance"
    if not Language.has_factory(factory_name):

        @Language.factory(factory_name, default_config={"key": ""})
        def _instance(nlp: Language, name: str, key: str) -> SkillComponent:
            found = _COMPONENTS.get(key)
            if found is None:
                raise ValueError(f"no live jobmatch_skills component {key!r}")
            return found

    nlp.add_pipe(factory_name, name="jobmatch_skills", config={"key": comp._key})


class SkillExtractor:
    """Build the pipeline once, extract skills from many texts.

    >>> ex = SkillExtractor()
    >>> [m.skill_id for m in ex.extract("PyTorch and R")]
    ['pytorch', 'r']
    """

    def __init__(
        self,
        *,
        lexicon: Lexicon | str | Path | None = None,
        filter: bool = True,
        filter_path: str | Path | None = None,
        filter_scope: str = "generic",
        batch_size: int = 64,
    ):
        self.nlp = make_nlp(
            lexicon, filter=filter, filter_path=filter_path, filter_scope=filter_scope
        )
        self.component = cast(SkillComponent, self.nlp.get_pipe("jobmatch_skills"))
        self.component.initialize()  # build now: a bad lexicon fails here, not mid-batch
        self.batch_size = batch_size

    @property
    def lexicon(self) -> Lexicon:
        return self.component.lexicon

    def extract(self, text: str) -> list[SkillMention]:
        """The skill mentions of one text, in text order."""
        return self.component.mentions(self.nlp(text), text)

    def pipe(
        self, texts: Iterable[str], *, batch_size: int | None = None
    ) -> Iterator[list[SkillMention]]:
        """Mentions for each text, lazily, with ``nlp.pipe`` batching."""
        for doc, text in self.nlp.pipe(
            ((t, t) for t in texts), batch_size=batch_size or self.batch_size, as_tuples=True
        ):
            yield self.component.mentions(doc, text)

    def pipe_docs(
        self, texts: Iterable[str], *, batch_size: int | None = None
    ) -> Iterator[tuple[Doc, list[SkillMention]]]:
        """``(Doc, mentions)`` for each text: reuse the tokens (TF-IDF) without re-tokenising."""
        for doc, text in self.nlp.pipe(
            ((t, t) for t in texts), batch_size=batch_size or self.batch_size, as_tuples=True
        ):
            yield doc, self.component.mentions(doc, text)


@lru_cache(maxsize=1)
def default_extractor() -> SkillExtractor:
    """The process-wide extractor over the shipped lexicon (built on first use)."""
    return SkillExtractor()


def extract_skills(text: str) -> list[SkillMention]:
    """The skill mentions in ``text`` (shipped lexicon), in text order."""
    if not isinstance(text, str):
        raise TypeError(f"extract_skills() needs a str, not {type(text).__name__}")
    return default_extractor().extract(text)
