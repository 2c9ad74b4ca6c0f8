"""The lexicon's matches as a token feature for the span model (issue 18).

The accurate pipeline's span model reads, beside each token's form, whether the lexicon
matched it: ``jobmatch_lexicon_tags`` runs after ``jobmatch_skills`` and writes a BIO tag of
the lexicon's mentions into ``token.tag_`` (the pipeline has no part-of-speech tagger, so
the attribute is free), which the model's ``MultiHashEmbed`` reads as its ``TAG`` feature.
So the model learns where SkillSpan's boundaries lie around a lexicon match and which
lexicon matches annotators leave out, while the lexicon keeps its canonical ids.

Tags: ``LB-K`` / ``LI-K`` (first / other token of a mention in a *knowledge* category),
``LB-S`` / ``LI-S`` (a *skill* category), ``O`` (no mention). Training
(``benchmarks/train_span_model.py``) calls :func:`lexicon_tags` on the same pipeline's
docs, so training and running share one definition.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from ..models import Lexicon
from .registry import ATTR_KEY, SPANS_KEY, live_component

__all__ = ["LEXICON_TAGS_PIPE", "OUTSIDE", "LexiconTagger", "lexicon_tags", "set_lexicon_tags"]

#: the name of the component in an accurate pipeline
LEXICON_TAGS_PIPE = "jobmatch_lexicon_tags"
#: the tag of a token no lexicon mention covers
OUTSIDE = "O"

_LAYER_CODE = {"knowledge": "K", "skill": "S"}


def _layer_codes(lexicon: Lexicon) -> dict[str, str]:
    """Skill id -> ``"K"`` or ``"S"`` (its category's layer; an unknown layer counts as S)."""
    layer = {c.id: _LAYER_CODE.get(c.layer, "S") for c in lexicon.categories.values()}
    return {s.id: layer.get(s.category, "S") for s in lexicon.skills}


def lexicon_tags(doc: Doc, code_of: Callable[[str], str]) -> list[str]:
    """The BIO tag of every token of a doc ``jobmatch_skills`` processed.

    Args:
        doc: the doc (its ``doc.spans["skills"]`` are the lexicon's mentions).
        code_of: skill id -> ``"K"`` or ``"S"``.

    Returns:
        One tag per token (see the module docstring).
    """
    strings = doc.vocab.strings
    return [strings[int(h)] for h in _tag_column(doc, code_of)[:, 0]]


def _tag_column(doc: Doc, code_of: Callable[[str], str]) -> numpy.ndarray[Any, Any]:
    """:func:`lexicon_tags` as a column of string hashes, ready for ``doc.from_array``.

    The component's path: one array filled span by span, rather than a string per token
    (which cost the accurate pipeline about 4 % of its time on postings).
    """
    add = doc.vocab.strings.add
    column = numpy.full((len(doc), 1), add(OUTSIDE), dtype="uint64")
    for span in doc.spans.get(SPANS_KEY) or ():
        code = code_of(span.label_)
        column[span.start, 0] = add(f"LB-{code}")
        column[span.start + 1 : span.end, 0] = add(f"LI-{code}")
    return column


def set_lexicon_tags(doc: Doc, tags: list[str]) -> None:
    """Write ``tags`` into ``token.tag_`` (one per token), in one array write."""
    if len(tags) != len(doc):
        raise ValueError(f"{len(tags)} tags for {len(doc)} tokens")
    if not tags:
        return
    add = doc.vocab.strings.add
    column = numpy.array([[add(t)] for t in tags], dtype="uint64")
    doc.from_array(["TAG"], cast(Any, column))  # thinc's Ints2d is numpy's 2-d array


class LexiconTagger:
    """The ``jobmatch_lexicon_tags`` component: lexicon mentions as BIO tags in ``token.tag_``.

    Args:
        name: the component's name.
    """

    def __init__(self, name: str = LEXICON_TAGS_PIPE):
        self.name = name
        self._codes: dict[str, dict[str, str]] = {}  # component key -> skill id -> code

    def __call__(self, doc: Doc) -> Doc:
        """Tag ``doc``'s tokens (every token gets a tag, ``O`` outside the mentions)."""
        group = doc.spans.get(SPANS_KEY)
        key = "" if group is None else str(group.attrs.get(ATTR_KEY, ""))
        codes = self._codes.get(key)
        if codes is None:
            comp = live_component(key)
            codes = {} if comp is None else _layer_codes(comp.lexicon)
            self._codes[key] = codes
        if len(doc):
            column = _tag_column(doc, lambda sid: codes.get(sid, "S"))
            doc.from_array(["TAG"], cast(Any, column))  # thinc's Ints2d is numpy's 2-d array
        return doc


@Language.factory(
    LEXICON_TAGS_PIPE,
    requires=["doc.spans"],
    assigns=["token.tag"],
)
def make_lexicon_tagger(nlp: Language, name: str) -> LexiconTagger:
    """The ``jobmatch_lexicon_tags`` factory (no settings)."""
    return LexiconTagger(name)
