"""The ``jobmatch_skills`` spaCy component.

The component finds lexicon skills with one ``PhraseMatcher`` (attribute ``LOWER``) over
every surface form and its generated variants (:mod:`.patterns`), keeps the longest match
where matches overlap (then the leftmost, then lexicon order), checks ambiguous names (R, Go,
Spark, Excel...) against the lexicon's context rules (:mod:`.context`) and lets a small
trained filter (:mod:`.mention_filter`, :mod:`.filtering`) drop the mentions an annotator
would not mark; then it reads each line (:mod:`.line_reader`): mentions in employer names,
citation lines and thesis titles go, evidence phrases ("ran experiments", "Led a team of 5
engineers", a venue) come. Results:

* ``doc.spans["skills"]``: one :class:`~spacy.tokens.Span` per mention, ``label_`` = skill id;
* ``doc._.skill_mentions``: the same as :class:`~jobmatch.models.SkillMention` objects with
  character offsets into the text and the section each one sits in (built on access);
* ``span._.skill``: the lexicon :class:`~jobmatch.models.Skill` of a span in that group.

:class:`SkillExtractor`, :func:`make_nlp`, :func:`extract_skills` and
:func:`default_extractor` live in :mod:`.extractor` and are importable from here too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lexicon.loader import load_lexicon
from ..models import Lexicon, SkillMention
from .cache import PatternCache
from .columns import Columns
from .context import ContextResolver, still_tagged
from .coordination import PhraseIndex, coordinated_matches
from .evidence import load_evidence
from .filtering import FilterScorer
from .line_reader import LineReader
from .matcher_inputs import matcher_inputs
from .mention_filter import MentionFilter, filter_for_lexicon
from .mentions import build_mentions
from .nlp_tokenizer import tokenizer_hash
from .patterns import PatternSet, assemble_patterns, surface_variants, wrapped_matches
from .registry import ATTR_KEY, SPANS_KEY, live_component, register_component
from .serialise import SavedParts, SerializedComponent

if TYPE_CHECKING:
    from .extractor import SkillExtractor as SkillExtractor
    from .extractor import default_extractor as default_extractor
    from .extractor import extract_skills as extract_skills
    from .extractor import make_nlp as make_nlp
    from .factory import make_skill_component as make_skill_component

__all__ = [
    "SPANS_KEY",
    "SkillComponent",
    "SkillExtractor",
    "default_extractor",
    "extract_skills",
    "live_component",
    "make_nlp",
    "make_skill_component",
    "surface_variants",
]


_SOFT_KEY = "jobmatch_soft_mentions"
# (start, end, skill index) of the mentions the filter dropped: mentions() gives back the
# list items of a Skills section (the filter learned from posting sentences, not CVs)
_DROPPED_KEY = "jobmatch_filter_dropped"
# "generic": the filter judges lower-case mentions, evidence-less generic words and job-title
# lines, never a name as written ("Python", "Git"): trained on posting sentences, where skill
# lists are often left unannotated, it would drop real skills from resumes. "all": every
# mention (the best SkillSpan figures, see benchmarks/bench_extract.py --filter-scope all).
_FILTER_SCOPES = ("generic", "all")
_EXTRACTOR_NAMES = frozenset({"SkillExtractor", "default_extractor", "extract_skills", "make_nlp"})

Match = tuple[int, int, int]  # (start token, end token, skill index)


class SkillComponent(SerializedComponent):
    """Finds lexicon skills in a Doc: ``doc.spans["skills"]`` and ``doc._.skill_mentions``.

    Args:
        nlp: the pipeline (its tokenizer gets the rules of :mod:`.tokenizer`).
        name: the component's name.
        lexicon: a loaded lexicon; or
        lexicon_path: a lexicon folder (``None`` for the shipped lexicon).
        use_filter: run the trained mention filter.
        filter_path: filter weights written by ``benchmarks/train_mention_filter.py``.
        filter_scope: ``"generic"`` or ``"all"`` (the mentions the filter judges).
        use_cache: build the matcher from a fitting compiled cache (:mod:`.cache`).
        title_names: a technology named on a job-title line is a skill of the writer
            ("Senior Java Developer" heading a resume's role); ``False`` for posting text
            annotated as SkillSpan is, where the title names the job sought (and is no
            requirement sentence): the mention filter judges those names.

    Raises:
        ValueError: an unknown ``filter_scope``.
        LexiconError: a bad lexicon (when given as an object; a path fails on first use).
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "jobmatch_skills",
        *,
        lexicon: Lexicon | None = None,
        lexicon_path: str | None = None,
        use_filter: bool = True,
        filter_path: str | None = None,
        filter_scope: str = "generic",
        use_cache: bool = True,
        title_names: bool = True,
    ) -> None:
        if filter_scope not in _FILTER_SCOPES:
            raise ValueError(f"filter_scope must be one of {_FILTER_SCOPES}, not {filter_scope!r}")
        self.nlp = nlp
        self.name = name
        self.lexicon_path = lexicon_path
        self.use_filter = use_filter
        self.filter_path = filter_path
        self.filter_scope = filter_scope
        self.use_cache = use_cache
        self.title_names = title_names
        self._cache: PatternCache | None = None
        self._filter: MentionFilter | None = None
        self._scorer: FilterScorer | None = None
        # the shipped filter weights belong to the shipped lexicon (they know its skill ids)
        self._own_lexicon = lexicon is not None or lexicon_path is not None
        # the evidence phrases of the lexicon folder (or the shipped ones); none for a
        # lexicon object, whose skill ids they may not know
        self._evidence_file = lexicon is None
        self.key = f"{name}:{id(self)}"
        register_component(self.key, self)
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
        lexicon: Any = None,  # Lexicon | Callable[[], Lexicon] | None (see .serialise)
    ) -> None:
        """spaCy's initialisation hook: build the matcher now (errors surface here).

        Args:
            get_examples: unused (spaCy's signature).
            nlp: unused (spaCy's signature).
            lexicon: the lexicon to use, or a function returning it (the registered
                ``jobmatch.shipped_lexicon.v1`` / ``jobmatch.lexicon_folder.v1`` in the
                config's ``[initialize.components.jobmatch_skills.lexicon]``); ``None`` keeps
                the configured one.

        Raises:
            LexiconError: the lexicon cannot be loaded.
            TypeError: ``lexicon`` is not a :class:`Lexicon`.
        """
        if callable(lexicon):
            lexicon = lexicon()
        if lexicon is not None:
            if not isinstance(lexicon, Lexicon):
                raise TypeError(f"lexicon must be a Lexicon, not {type(lexicon).__name__}")
            self._own_lexicon = True
            self._load(lexicon)
        _ = self.lexicon

    # -- building -------------------------------------------------------------------------
    def _load(self, lexicon: Lexicon, saved: SavedParts | None = None) -> None:
        self._lexicon = lexicon
        vocab = self.nlp.vocab
        self._filter = (
            filter_for_lexicon(lexicon, self.filter_path, own_lexicon=self._own_lexicon)
            if self.use_filter
            else None
        )
        if saved is not None and self.use_filter and saved.mention_filter is not None:
            self._filter = saved.mention_filter
        # evidence-less generic words go to the filter only when there is one (or when the
        # training script asks for them)
        self.soft_rules = self._filter is not None
        # line roles and evidence phrases after the filter (the training script turns them
        # off: its candidates are what the filter sees)
        self.read_lines = True
        skills = lexicon.skills
        self._skills = skills
        self._labels = [vocab.strings.add(s.id) for s in skills]
        # a span's label hash -> its skill (no string lookup per span in mentions())
        self._skill_of_label = dict(zip(self._labels, skills, strict=True))
        self._scorer = FilterScorer(self._filter, skills, vocab.strings.add)
        inputs = matcher_inputs(
            self.nlp.tokenizer,
            lexicon,
            None if saved is None else saved.patterns,
            tokenizer_digest=tokenizer_hash(self.nlp.tokenizer),
            key=vocab.strings.add,
            use=self.use_cache,
        )
        rules = inputs.rules
        layers = {c.id: c.layer for c in lexicon.categories.values()}
        self._context = ContextResolver(
            rules,
            vocab.strings.add,
            [s.category for s in skills],
            soft=[layers.get(s.category) == "skill" for s in skills],
        )
        evidence = load_evidence(self.lexicon_path) if self._evidence_file else None
        index = {s.id: i for i, s in enumerate(skills)}
        # the evidence phrases are tokenised here, outside the pattern cache (which holds the
        # lexicon's texts only: its staleness check hashes the lexicon)
        tokenizer: Any = self.nlp.tokenizer

        def tokenize(text: str) -> list[str]:
            return [tok.text for tok in tokenizer(text)]

        self._reader = LineReader(evidence, index, tokenize, vocab.strings.add)
        self._patterns: PatternSet = assemble_patterns(skills, inputs.plan, vocab.strings.add)
        self._phrases = PhraseIndex(inputs.plan, self._patterns.info)
        self._cache = inputs.cache
        self._matcher = self._patterns.matcher
        self._info = self._patterns.info
        self.n_patterns = self._patterns.n_patterns

    @property
    def pattern_cache(self) -> PatternCache:
        """The token lists the matcher was built from (what :mod:`.cache` ships)."""
        _ = self.lexicon
        assert self._cache is not None
        return self._cache

    @property
    def mention_filter(self) -> MentionFilter | None:
        """The mention filter in use, or ``None``."""
        _ = self.lexicon
        return self._filter

    @property
    def filter_active(self) -> bool:
        """Whether the trained mention filter runs (``filter`` on and weights for this lexicon)."""
        _ = self.lexicon
        return self._filter is not None

    # -- running --------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        """Match, resolve the context, filter, read the lines, annotate
        ``doc.spans["skills"]``."""
        if self._lexicon is None:
            self.initialize()
        cols = Columns(doc)
        cols.keep(doc)  # the LOWER hashes, for the TF-IDF side of scoring
        matches, conjuncts = self._match(doc, cols)
        kept: list[Match] = []
        if matches:
            sure, ambiguous = self._patterns.longest_first(doc, matches, cols.space_idx)
            soft: set[tuple[int, int]] | None = set() if self.soft_rules else None
            tagged: set[Match] = set()
            kept = sure
            if ambiguous:
                kept.extend(
                    self._context.resolve(
                        cols.orth,
                        cols.low,
                        ambiguous,
                        sure,
                        soft,
                        tagged,
                        spaces=cols.space_idx,
                        blank=cols.blank_line,
                        line_break=cols.line_break,
                    )
                )
            kept.sort()
            if soft is not None and self._filter is None:
                doc.user_data[_SOFT_KEY] = soft  # for the training script
            if kept and self._filter is not None:
                kept = self._apply_filter(doc, cols, kept, soft or set(), tagged, conjuncts)
        if self.read_lines:
            kept = self._reader.read(doc, cols, kept)
        self._annotate(doc, kept)
        return doc

    def _match(
        self, doc: Doc, cols: Columns
    ) -> tuple[list[tuple[int, int, int]], frozenset[tuple[int, int]]]:
        """Every raw match ``(key, start, end)``, line-wrapped multi-word ones and the
        conjuncts of coordinations included; and the token ranges of those conjuncts and of
        the phrases they share words with (both pass the mention filter)."""
        matches: list[tuple[int, int, int]] = self._matcher(doc)
        matches += wrapped_matches(doc, cols, self._patterns)
        conjuncts = coordinated_matches(doc, cols, self._patterns, matches, self._phrases)
        if not conjuncts:
            return matches, frozenset()
        # a conjunct is read with the words it shares, not by a shorter match inside it
        inside = {j for c in conjuncts for j in range(c.start, c.end)}
        matches = [m for m in matches if not inside.issuperset(range(m[1], m[2]))]
        matches += [(c.key, c.start, c.end) for c in conjuncts]
        return matches, frozenset(span for c in conjuncts for span in ((c.start, c.end), c.phrase))

    def _apply_filter(
        self,
        doc: Doc,
        cols: Columns,
        kept: list[Match],
        soft: set[tuple[int, int]],
        tagged: set[Match],
        conjuncts: frozenset[tuple[int, int]] = frozenset(),
    ) -> list[Match]:
        """The mentions the trained filter keeps (the dropped ones go to ``user_data``).

        A coordination ("analytical and problem-solving skills") is kept, both its conjunct
        and the phrase it shares words with: the filter, trained on whole phrases, would
        judge the lone word, and two lexicon phrases joined so are evidence enough.
        A mention in an item that opens by naming what is asked ("Knowledge of quantization
        techniques (INT8, FP8).", :meth:`FilterScorer.asked`) is kept too.
        """
        assert self._scorer is not None and self._filter is not None
        cut = self._filter.threshold
        scores = self._scorer.scores(
            doc, kept, soft, scope=self.filter_scope, cols=cols, title_names=self.title_names
        )
        keep = [sc >= cut or (m[0], m[1]) in conjuncts for m, sc in zip(kept, scores, strict=True)]
        below = [m for m, ok in zip(kept, keep, strict=True) if not ok]
        if below:  # of those the filter would drop, the ones an item asks for stay
            asked = iter(self._scorer.asked(cols, below))
            keep = [ok or next(asked) for ok in keep]
        dropped = [m for m, ok in zip(kept, keep, strict=True) if not ok]
        if dropped:
            kept = [m for m, ok in zip(kept, keep, strict=True) if ok]
            doc.user_data[_DROPPED_KEY] = dropped
        if tagged:
            kept = still_tagged(kept, tagged)
        return kept

    def _annotate(self, doc: Doc, kept: list[Match]) -> None:
        labels = self._labels
        doc.spans[SPANS_KEY] = [Span(doc, s, e, label=labels[i]) for s, e, i in kept]
        doc.spans[SPANS_KEY].attrs[ATTR_KEY] = self.key

    def features(
        self,
        doc: Doc,
        found: list[Match],
        soft: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset(),
    ) -> list[list[str]]:
        """The mention-filter features of ``(start, end, skill index)`` token ranges, sorted.

        The training script (``benchmarks/train_mention_filter.py``) calls this on the
        unfiltered mentions, so training and running share one definition.

        """
        return self._require_scorer().features(doc, found, soft)

    def filter_scores(
        self,
        doc: Doc,
        found: list[Match],
        soft: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset(),
        *,
        scope: str = "all",
        cols: Columns | None = None,
    ) -> list[float]:
        """The filter's score (logit) of each mention (see :meth:`FilterScorer.scores`).

        Raises:
            ValueError: the mention filter is off.
        """
        return self._require_scorer().scores(doc, found, soft, scope=scope, cols=cols)

    def _require_scorer(self) -> FilterScorer:
        _ = self.lexicon
        assert self._scorer is not None
        return self._scorer

    def mentions(self, doc: Doc, text: str | None = None) -> list[SkillMention]:
        """The mentions of a processed doc, with their sections.

        Args:
            doc: a doc this component processed.
            text: the doc's text when the caller still has it (``doc.text`` rebuilds it
                from every token: a large share of the cost for long documents).

        Returns:
            The mentions in text order; offsets are character offsets into ``text``.
        """
        group = doc.spans.get(SPANS_KEY)
        dropped: list[Match] = doc.user_data.get(_DROPPED_KEY) or []
        if not group and not dropped:
            return []
        _ = self.lexicon
        skill_of, skills = self._skill_of_label, self._skills
        found = [(span.start_char, span.end_char, skill_of[span.label]) for span in group or ()]
        return build_mentions(
            doc,
            doc.text if text is None else text,
            found,
            [(s, e, skills[i]) for s, e, i in dropped],
        )

    # -- serialisation: to_disk, from_disk, to_bytes, from_bytes (.serialise) --------------
    def saved_parts(self) -> SavedParts:
        """The state ``to_disk``/``to_bytes`` write: lexicon, filter weights, pattern cache."""
        return SavedParts(
            lexicon=self.lexicon, mention_filter=self._filter, patterns=self.pattern_cache
        )

    def load_parts(self, parts: SavedParts) -> None:
        """Use a saved state (``from_disk``/``from_bytes``): build the matcher from it."""
        self._load(parts.lexicon, parts)


def __getattr__(name: str) -> Any:
    # SkillExtractor & co. moved to .extractor (which imports this module): imported on
    # first access so that ``from jobmatch.extract.component import SkillExtractor`` works
    if name in _EXTRACTOR_NAMES:
        from . import extractor

        return getattr(extractor, name)
    if name == "make_skill_component":  # the factory lives in .factory
        from .factory import make_skill_component

        return make_skill_component
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
