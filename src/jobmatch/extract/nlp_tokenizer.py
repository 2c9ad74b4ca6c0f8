"""The jobmatch tokenizer, registered as ``jobmatch.Tokenizer.v1``.

spaCy's English tokenizer plus the rules of :mod:`.tokenizer` (slashes, bullets, trailing
dashes, library paths) and the "R." special cases of the lexicon's one-letter names. It is
named in the pipeline's config (``[nlp.tokenizer] @tokenizers = "jobmatch.Tokenizer.v1"``),
so a pipeline saved with ``nlp.to_disk`` names it too and ``spacy.load`` rebuilds it (the
``spacy_tokenizers`` entry point finds it without importing jobmatch first).
:func:`jobmatch.make_nlp` uses it; the ``jobmatch_skills`` component never changes the
tokenizer of the pipeline it is added to.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from typing import Any

from spacy.language import Language
from spacy.tokenizer import Tokenizer  # type: ignore[import-not-found]
from spacy.tokens import Doc
from spacy.util import registry

from .tokenizer import affix_pattern, split_letter_periods, url_pattern

__all__ = [
    "TOKENIZER_NAME",
    "JobmatchTokenizer",
    "blank_pipeline",
    "cacheable_rules",
    "create_jobmatch_tokenizer",
    "letter_forms",
    "tokenizer_hash",
]

TOKENIZER_NAME = "jobmatch.Tokenizer.v1"

#: a run of this many characters without white space is tokenised in pieces
LONG_RUN = 256
_PIECE = 64
_BLOCK = LONG_RUN // 2
_LONG_RUN = re.compile(rf"\S{{{LONG_RUN},}}\s*")
_CUT_AFTER = ",;/|"
#: runs of text whose split the tokenizer remembers (spaCy's default is 10,000: the 459
#: distinct shared postings alone hold about 24,000 runs, so once that many were seen every
#: new run was split again, prefix by prefix and suffix by suffix, in every document); a
#: full cache of this size holds about 20 MB
CACHE_RUNS = 100_000


class JobmatchTokenizer(Tokenizer):  # type: ignore[misc]
    """spaCy's tokenizer, linear on long runs without white space.

    spaCy strips prefixes and suffixes one character at a time and searches the rest of the
    run each time, so a run of n punctuation characters costs n² steps: 2,000 "$" or "%"
    take about 7 s, 20,000 would take ten minutes. A run of :data:`LONG_RUN` or more
    characters is cut into pieces of at most 64 (after a ``,;/|`` when the piece has one,
    so a slash-joined list of skills keeps its names) and each piece is tokenised alone.
    The doc's text is the input text, character for character; texts without such a run
    (every resume and posting seen so far) are tokenised exactly as by spaCy's tokenizer.
    """

    def __call__(self, text: str) -> Doc:
        tokenize: Callable[[str], Doc] = super().__call__
        self._split_new_runs(text, tokenize)
        if not _has_long_run(text):
            return tokenize(text)
        docs: list[Doc] = []
        pos = 0
        for m in _LONG_RUN.finditer(text):
            if m.start() > pos:
                docs.append(tokenize(text[pos : m.start()]))
            docs.extend(tokenize(piece) for piece in _pieces(m.group()))
            pos = m.end()
        if pos < len(text):
            docs.append(tokenize(text[pos:]))
        return Doc.from_docs(docs, ensure_whitespace=False)

    def _split_new_runs(self, text: str, tokenize: Callable[[str], Doc]) -> None:
        """Split each run of ``text`` not seen before on its own, so that spaCy remembers it.

        spaCy remembers the split of a run only while no special case has matched in the
        document so far ("e.g.", "don't", "R."): the flag is the document's, so the runs
        after a document's first special case were split anew in every document that held
        them there. Split alone, a run is remembered unless it holds a special case itself;
        the document then finds it in spaCy's cache. The tokens are those spaCy makes (its
        cache holds what it split); inside a memory zone spaCy remembers nothing, and once
        :data:`CACHE_RUNS` runs were seen this stops.
        """
        known: set[str] | None = self.__dict__.get("_known_runs")
        if known is None:
            known = self.__dict__["_known_runs"] = set()
        if len(known) >= CACHE_RUNS or getattr(self.vocab, "in_memory_zone", False):
            return
        runs = text.split()
        if known.issuperset(runs):  # no set built: the common case once words repeat
            return
        new = set(runs)
        new -= known
        known |= new
        for run in sorted(new):  # sorted: new words enter the vocabulary in a fixed order
            if len(run) < LONG_RUN:
                tokenize(run)


def _pieces(run: str) -> list[str]:
    """``run`` cut into pieces of at most 64 characters (its trailing white space stays on
    the last piece), each cut after the last ``,;/|`` of the piece when there is one."""
    out: list[str] = []
    start = 0
    body = len(run.rstrip())
    while body - start > _PIECE:
        window = run[start : start + _PIECE]
        cut = max(window.rfind(c) for c in _CUT_AFTER) + 1
        end = start + (cut if cut > 0 else _PIECE)
        out.append(run[start:end])
        start = end
    out.append(run[start:])
    return out


def cacheable_rules(rules: dict[str, list[dict[Any, str]]]) -> dict[str, list[dict[Any, str]]]:
    """``rules`` without the special cases of white space that only name themselves.

    spaCy remembers how it split a run of text only while no special case has matched in
    the document so far (the flag is the document's, not the run's), and its English
    exceptions make ``"\\n"``, ``" "`` and ``"\\t"`` special cases: after a document's first
    line break, every run it meets is split again from scratch, each time. A white-space
    run is always one token, its own text, so these cases change no token; without them
    the runs of most documents are looked up, not split. A case that sets more than the
    text (``"\\xa0"`` sets its norm) stays.

    Args:
        rules: special cases (``{text: [token attributes, ...]}``).

    Returns:
        The special cases to give the tokenizer.
    """
    return {
        text: tokens
        for text, tokens in rules.items()
        if not (text.isspace() and len(tokens) == 1 and list(tokens[0].values()) == [text])
    }


def _has_long_run(text: str) -> bool:
    """Whether ``text`` holds :data:`LONG_RUN` or more characters without white space.

    Such a run holds a whole aligned block of half that length with no white space at all,
    so only a text with a block lacking both a space and a line break is split to be sure
    (``str.split`` of every text cost about 3 % of the tokenizer's time).
    """
    if len(text) < LONG_RUN:
        return False
    for i in range(0, len(text) - _BLOCK + 1, _BLOCK):
        if text.find(" ", i, i + _BLOCK) < 0 and text.find("\n", i, i + _BLOCK) < 0:
            return max(map(len, text.split()), default=0) >= LONG_RUN
    return False


def letter_forms(forms: Iterable[str]) -> list[str]:
    """The one-letter alphabetic forms among ``forms`` (they get the "R." special case).

    Args:
        forms: pattern spellings.

    Returns:
        The letters, upper case, sorted, without duplicates.
    """
    return sorted({f.upper() for f in forms if len(f) == 1 and f.isalpha()})


def create_jobmatch_tokenizer(
    letter_periods: list[str] | None = None,
) -> Callable[[Language], Tokenizer]:
    """spaCy's tokenizer factory for the jobmatch tokenizer.

    Args:
        letter_periods: the one-letter names split from a following period ("R." -> "R",
            "."); ``None`` for the shipped lexicon's (read from the compiled cache, or from
            the lexicon when the cache is stale).

    Returns:
        A function of the pipeline to its tokenizer.
    """

    def factory(nlp: Language) -> Tokenizer:
        defaults: Any = nlp.Defaults
        # spaCy's English regexes (as spacy.util.compile_*_regex joins them) with the jobmatch
        # branches, each compiled once
        prefix = "|".join("^" + p for p in defaults.prefixes if p.strip())
        suffix = "|".join(p + "$" for p in defaults.suffixes if p.strip())
        infix = "|".join(p for p in defaults.infixes if p.strip())
        tokenizer = JobmatchTokenizer(
            nlp.vocab,
            rules=cacheable_rules(defaults.tokenizer_exceptions),
            prefix_search=re.compile(affix_pattern("prefix_search", prefix)).search,
            suffix_search=re.compile(affix_pattern("suffix_search", suffix)).search,
            infix_finditer=re.compile(affix_pattern("infix_finditer", infix)).finditer,
            token_match=defaults.token_match,
            url_match=re.compile(url_pattern(defaults.url_match.__self__.pattern)).match,
            max_cache_size=CACHE_RUNS,
        )
        letters = letter_periods
        if letters is None:
            from .cache import shipped_letters

            letters = shipped_letters()
        split_letter_periods(tokenizer, letters)
        return tokenizer

    return factory


# registered by a call, not a decorator: catalogue's decorator is untyped
registry.tokenizers.register(TOKENIZER_NAME, func=create_jobmatch_tokenizer)


def blank_pipeline(letter_periods: list[str] | None = None) -> Language:
    """``spacy.blank("en")`` with the jobmatch tokenizer (named in its config).

    Args:
        letter_periods: see :func:`create_jobmatch_tokenizer`.

    Returns:
        The empty pipeline.
    """
    import spacy

    tokenizer = {"@tokenizers": TOKENIZER_NAME, "letter_periods": letter_periods}
    return spacy.blank("en", config={"nlp": {"tokenizer": tokenizer}})


def _pattern(func: Any) -> str | None:
    found = getattr(getattr(func, "__self__", None), "pattern", None)
    return found if isinstance(found, str) else None


def tokenizer_hash(tokenizer: Any) -> str:
    """A content hash of a tokenizer's rules: affix and URL patterns and special cases.

    Two tokenizers with the same hash split every text the same way, so token lists cached
    for one are valid for the other.

    Args:
        tokenizer: a spaCy tokenizer.

    Returns:
        A hex SHA-256 digest (a tokenizer of another kind hashes its type name).
    """
    if not isinstance(tokenizer, Tokenizer):
        return hashlib.sha256(repr(type(tokenizer)).encode()).hexdigest()
    state: dict[str, Any] = {
        attr: _pattern(getattr(tokenizer, attr))
        for attr in ("prefix_search", "suffix_search", "infix_finditer", "token_match", "url_match")
    }
    state["rules"] = sorted(
        (k, [sorted(t.items()) for t in v]) for k, v in (tokenizer.rules or {}).items()
    )
    state["faster_heuristics"] = tokenizer.faster_heuristics
    blob = json.dumps(state, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()
