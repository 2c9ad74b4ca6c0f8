"""Build the pipeline once, extract skills from many texts.

:func:`make_nlp` is ``spacy.blank("en")`` plus the ``jobmatch_skills`` component;
:class:`SkillExtractor` wraps it for texts in and :class:`~jobmatch.models.SkillMention`
lists out; :func:`extract_skills` uses one process-wide extractor (:func:`default_extractor`).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import cast

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicon.loader import load_lexicon
from ..models import MAX_TEXT_CHARS, Lexicon, SkillMention
from . import factory  # noqa: F401  (registers the "jobmatch_skills" factory)
from .component import SkillComponent, live_component
from .mentions import doc_sections
from .nlp_tokenizer import blank_pipeline, letter_forms
from .patterns import pattern_forms
from .span_model import add_span_model, merge_mentions, model_spans
from .text_guard import guard_text

__all__ = [
    "SkillExtractor",
    "default_extractor",
    "extract_skills",
    "make_nlp",
    "ZONE_TEXTS",
    "WARM_TEXTS",
]

#: texts per memory zone in :meth:`SkillExtractor.pipe_zoned`: the strings of this many
#: texts are held at most (a few MB), and a zone's exit is cheap next to their parsing
ZONE_TEXTS = 256
#: texts an extractor reads outside memory zones first. Inside a zone spaCy neither caches
#: tokenisations nor keeps lexemes, so every word is split and looked up afresh (a cold
#: Glassdoor pass took 2.0 s zoned against 0.85 s with a warm cache); the words of the first
#: texts (most of the common ones) stay, a bounded few MB, and the zones after reuse them
WARM_TEXTS = 512


def make_nlp(
    lexicon: Lexicon | str | Path | None = None,
    *,
    use_filter: bool = True,
    filter_path: str | Path | None = None,
    filter_scope: str = "generic",
    accurate: bool = False,
    title_names: bool = True,
) -> Language:
    """``spacy.blank("en")`` with the jobmatch tokenizer, plus the ``jobmatch_skills`` component.

    The tokenizer is ``jobmatch.Tokenizer.v1`` (:mod:`.nlp_tokenizer`): spaCy's English one
    with the splits skill names need ("C#/.NET", "•Python", "Node.js/Express", "R."). It is
    named in the pipeline's config, so ``nlp.to_disk`` / ``spacy.load`` keep it.

    Args:
        lexicon: a loaded :class:`Lexicon`, a lexicon folder, or ``None`` for the shipped one.
        use_filter: ``False`` turns the trained mention filter off.
        filter_path: weights written by ``benchmarks/train_mention_filter.py``.
        filter_scope: the component's (``"generic"`` or ``"all"``).
        accurate: also run the shipped span model (:mod:`.span_model`), which writes
            ``doc.ents``; slower, off by default.
        title_names: the component's (``False`` for posting text annotated as SkillSpan).

    Returns:
        The pipeline.

    Raises:
        LexiconError: a lexicon folder cannot be loaded (its one-letter names shape the
            tokenizer).
        ValueError: an unknown ``filter_scope``.
        LexiconError: ``accurate`` and the span model cannot be loaded.
    """
    letters = None  # None: the shipped lexicon's, known to the tokenizer factory
    if lexicon is not None:
        lex = lexicon if isinstance(lexicon, Lexicon) else load_lexicon(lexicon)
        letters = letter_forms(pattern_forms(lex.skills))
    nlp = blank_pipeline(letters)
    nlp.max_length = MAX_TEXT_CHARS  # guard_text refuses longer texts with our error
    path = None if filter_path is None else str(filter_path)
    if isinstance(lexicon, Lexicon):
        comp = SkillComponent(
            nlp,
            "jobmatch_skills",
            lexicon=lexicon,
            use_filter=use_filter,
            filter_path=path,
            filter_scope=filter_scope,
            title_names=title_names,
        )
        _add_instance(nlp, comp)
    else:
        nlp.add_pipe(
            "jobmatch_skills",
            config={
                "lexicon_path": None if lexicon is None else str(lexicon),
                "use_filter": use_filter,
                "filter_path": path,
                "filter_scope": filter_scope,
                "title_names": title_names,
            },
        )
    if accurate:
        add_span_model(nlp)
    return nlp


def _add_instance(nlp: Language, comp: SkillComponent) -> None:
    """Add an already built component (a lexicon object cannot go through the config)."""
    factory_name = "jobmatch_skills_instance"
    if not Language.has_factory(factory_name):

        @Language.factory(factory_name, default_config={"key": ""})
        def _instance(nlp: Language, name: str, key: str) -> SkillComponent:
            found = live_component(key)
            if found is None:
                raise ValueError(f"no live jobmatch_skills component {key!r}")
            return found

    nlp.add_pipe(factory_name, name="jobmatch_skills", config={"key": comp.key})


class SkillExtractor:
    """Build the pipeline once, extract skills from many texts.

    Args:
        lexicon: a loaded :class:`Lexicon`, a lexicon folder, or ``None`` for the shipped one.
        use_filter: ``False`` turns the trained mention filter off.
        filter_path: weights written by ``benchmarks/train_mention_filter.py``.
        filter_scope: ``"generic"`` or ``"all"``.
        batch_size: texts per ``nlp.pipe`` batch.
        accurate: merge the mentions of the shipped span model with the lexicon's
            (:func:`~jobmatch.extract.span_model.merge_mentions`); slower, off by default.
        title_names: ``True`` (resumes): a technology named on a job-title line is a skill
            of the writer ("Senior Java Developer"); ``False``: posting text annotated as
            SkillSpan is, where a posting's title names the job and the mention filter
            judges those names (``benchmarks/bench_extract.py`` on SkillSpan).
        warm_texts: texts read before :meth:`memory_zone` opens zones (:data:`WARM_TEXTS`).

    Raises:
        LexiconError: the lexicon (or, with ``accurate``, the span model) cannot be loaded
            (the pipeline is built here, not mid-batch).
        ValueError: an unknown ``filter_scope``.

    >>> ex = SkillExtractor()
    >>> [m.skill_id for m in ex.extract("PyTorch and R")]
    ['pytorch', 'r']
    """

    def __init__(
        self,
        *,
        lexicon: Lexicon | str | Path | None = None,
        use_filter: bool = True,
        filter_path: str | Path | None = None,
        filter_scope: str = "generic",
        batch_size: int = 64,
        accurate: bool = False,
        title_names: bool = True,
        warm_texts: int = WARM_TEXTS,
    ):
        self.nlp = make_nlp(
            lexicon,
            use_filter=use_filter,
            filter_path=filter_path,
            filter_scope=filter_scope,
            accurate=accurate,
            title_names=title_names,
        )
        self.accurate = accurate
        self.component = cast(SkillComponent, self.nlp.get_pipe("jobmatch_skills"))
        self.component.initialize()  # build now: a bad lexicon fails here, not mid-batch
        self.batch_size = batch_size
        self.warm_texts = warm_texts
        self._texts_read = 0  # by pipe_docs: the zones start after warm_texts

    @property
    def lexicon(self) -> Lexicon:
        """The component's lexicon."""
        return self.component.lexicon

    def extract(self, text: str) -> list[SkillMention]:
        """The skill mentions of one text, in text order.

        Args:
            text: the text (never a path).

        Returns:
            The mentions; offsets are character offsets into ``text``.

        Raises:
            DocumentTooLargeError: ``text`` is longer than ``MAX_TEXT_CHARS`` characters.
        """
        text = guard_text(text)
        return self._mentions(self.nlp(text), text)

    def pipe(
        self, texts: Iterable[str], *, batch_size: int | None = None
    ) -> Iterator[list[SkillMention]]:
        """Mentions for each text, lazily, with ``nlp.pipe`` batching.

        Args:
            texts: the texts.
            batch_size: overrides the extractor's.

        Returns:
            An iterator of mention lists, one per text, in order.
        """
        for doc, text in self.nlp.pipe(
            ((t, t) for t in map(guard_text, texts)),
            batch_size=batch_size or self.batch_size,
            as_tuples=True,
        ):
            yield self._mentions(doc, text)

    def pipe_docs(
        self, texts: Iterable[str], *, batch_size: int | None = None
    ) -> Iterator[tuple[Doc, list[SkillMention]]]:
        """``(Doc, mentions)`` for each text: reuse the tokens (TF-IDF) without re-tokenising.

        Args:
            texts: the texts.
            batch_size: overrides the extractor's.

        Returns:
            An iterator of ``(doc, mentions)``, one per text, in order.
        """
        for doc, text in self.nlp.pipe(
            ((t, t) for t in map(guard_text, texts)),
            batch_size=batch_size or self.batch_size,
            as_tuples=True,
        ):
            self._texts_read += 1
            yield doc, self._mentions(doc, text)

    @contextmanager
    def memory_zone(self) -> Iterator[None]:
        """A block whose new vocabulary (token strings and lexemes) is freed at its end.

        spaCy's StringStore keeps every string it has seen, about 20 kB per distinct
        posting, so a long-running loop over distinct texts grows without bound; inside
        ``nlp.memory_zone()`` new strings are transient and dropped on exit. A Doc, Token or
        Span made inside the block, or a string hash of one of its new words, must not be
        used after it: keep plain data only (mentions, reports). Zones do not nest in spaCy
        (an inner exit would free the outer block's strings): inside a zone already, this
        block is part of that one. Until :meth:`pipe_docs` has read ``warm_texts`` texts
        there is no zone (their words fill spaCy's caches, which zones cannot).

        A zone is the whole vocabulary's, not a thread's: the strings another thread adds
        meanwhile are freed with it too. So zones open only in the main thread (batch and
        market runs, each worker process of batch, market and ``serve``); called from
        another thread this block is no zone, and a program that extracts in other threads
        must not run zoned loops (``score_many``, ``market_report``) on the same extractor
        at the same time.

        Returns:
            A context manager.
        """
        # spaCy's stubs lack ``in_memory_zone`` (a property of Vocab since 3.8)
        if (
            self._texts_read < self.warm_texts
            or getattr(self.nlp.vocab, "in_memory_zone", False)
            or threading.current_thread() is not threading.main_thread()
        ):
            yield
            return
        with self.nlp.memory_zone():
            yield

    def pipe_zoned(
        self, texts: Iterable[str], *, zone_texts: int = ZONE_TEXTS
    ) -> Iterator[tuple[Doc, list[SkillMention]]]:
        """:meth:`pipe_docs` in memory zones of ``zone_texts`` texts (:meth:`memory_zone`).

        For loops over any number of distinct texts: the vocabulary does not grow with them.
        Each ``(doc, mentions)`` is valid until the next one is asked for; the Doc (and the
        hashes of its words) must not be kept beyond, the mentions are plain data.

        Args:
            texts: the texts, read lazily (``zone_texts`` at a time).
            zone_texts: texts per zone.

        Returns:
            An iterator of ``(doc, mentions)``, one per text, in order.

        Raises:
            ValueError: ``zone_texts`` below 1.
        """
        if zone_texts < 1:
            raise ValueError(f"zone_texts must be at least 1, not {zone_texts}")
        it = iter(texts)
        while chunk := list(islice(it, zone_texts)):
            with self.memory_zone():
                yield from self.pipe_docs(chunk)

    def _mentions(self, doc: Doc, text: str) -> list[SkillMention]:
        """The lexicon's mentions, merged with the span model's when accurate."""
        found = self.component.mentions(doc, text)
        if not self.accurate:
            return found
        # the categories' layers (a few dozen; nothing next to the model's time per doc)
        layers = {c.id: c.layer for c in self.lexicon.categories.values()}
        # the sections the lexicon found are reused for the unlisted mentions' sections
        return merge_mentions(
            found,
            model_spans(doc),
            text,
            sections=doc_sections(doc, text),
            layers=layers,
        )


def default_extractor(*, accurate: bool = False) -> SkillExtractor:
    """The process-wide extractor over the shipped lexicon (built on first use).

    ``default_extractor()`` and ``default_extractor(accurate=False)`` are the same object
    (one pipeline per process, however the caller spells the call).

    Args:
        accurate: the accurate one (lexicon + span model), a second shared extractor.

    Returns:
        The shared :class:`SkillExtractor`.
    """
    return _shared_extractor(bool(accurate))


@lru_cache(maxsize=2)
def _shared_extractor(accurate: bool) -> SkillExtractor:
    return SkillExtractor(accurate=accurate)


def extract_skills(text: str, *, accurate: bool = False) -> list[SkillMention]:
    """The skill mentions in ``text`` (shipped lexicon), in text order.

    Args:
        text: the text (a ``str`` is always text, never a path).
        accurate: also use the shipped span model (see :class:`SkillExtractor`).

    Returns:
        The mentions; offsets are character offsets into ``text``.

    Raises:
        TypeError: ``text`` is not a ``str``.
    """
    if not isinstance(text, str):
        raise TypeError(f"extract_skills() needs a str, not {type(text).__name__}")
    extractor = default_extractor(accurate=True) if accurate else default_extractor()
    return extractor.extract(text)
