"""The accurate pipeline: a trained span model beside the lexicon, and how their mentions merge.

The span model is a small spaCy NER (CNN tok2vec with hash embeddings + transition-based
parser, labels ``KNOWLEDGE`` and ``SKILL``) trained on the SkillSpan train split by
``benchmarks/train_span_model.py`` and shipped as package data in
``jobmatch/skill_lexicon/models/span_model/``; nothing is downloaded. Besides each token's
form it reads the lexicon's matches (:mod:`.lexicon_tags`), so it sees what the lexicon
found and learns where SkillSpan's annotators put the boundaries around it.

Merging (:func:`merge_mentions`), for each model span:

* it overlaps exactly one lexicon mention, and that mention overlaps no other model span: the
  mention keeps the lexicon's skill id, name and category and takes the model's boundary (the
  model learned SkillSpan's boundaries, "Python programming", "Java 8"; the lexicon knows
  canonical names, not how far a mention reaches);
* it overlaps exactly one lexicon mention but the model labelled it with the other layer
  (a ``SKILL`` span "develop Python applications" around the Knowledge mention "Python";
  given the categories' layers, ``layers=``): the model found something else around the
  mention, as SkillSpan nests Knowledge inside Skill spans. The lexicon mention stays as it
  is and the span becomes an unlisted mention (below), unless it is the mention's own text
  (then only the layer differs, and the listed skill is kept alone);
* it overlaps several lexicon mentions ("Java and Python" as one span): the lexicon mentions
  stay as they are (one id each), the model span adds nothing;
* it overlaps none and has a letter or digit (a lone "," is dropped): a new mention with
  id ``unlisted:<normalised form>`` (lower case, single spaces, no edge punctuation), the
  text as its name, category ``unlisted``.

A lexicon mention that no model span overlaps is kept as it is. The model saw it (the
lexicon's matches are one of its features) and left it out, as SkillSpan's annotators leave
out many generic words and lists of tools; but on resumes those are skills ("deep learning"
in a bullet). ``drop_unconfirmed=True`` drops the generic ones (all lower case, outside a
Skills section): on SkillSpan dev it changes Knowledge strict F1 by +0.003 and costs real
resume skills (``docs/accurate.md``), so it is off by default.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import LexiconError
from ..models import SkillMention
from .lexicon_tags import LEXICON_TAGS_PIPE
from .sections import detect_sections

__all__ = [
    "SPAN_MODEL_PIPE",
    "UNLISTED_CATEGORY",
    "ModelSpan",
    "add_span_model",
    "load_span_model",
    "merge_mentions",
    "model_spans",
    "unlisted_id",
]

log = logging.getLogger(__name__)

#: the name of the span model's component in an accurate pipeline
SPAN_MODEL_PIPE = "jobmatch_span_model"
#: the category of the mentions only the model found
UNLISTED_CATEGORY = "unlisted"

# lexicon mentions in this section are kept even when the model leaves them out
_LISTED_SECTION = "skills"
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")
_SPACES = re.compile(r"\s+")


class ModelSpan(NamedTuple):
    """A span the model found: character offsets and its label (``KNOWLEDGE`` or ``SKILL``)."""

    start: int
    end: int
    label: str


@lru_cache(maxsize=1)
def load_span_model() -> Language:
    """The shipped span model as a spaCy pipeline (loaded once per process).

    Returns:
        The pipeline (its ``ner`` component is the model).

    Raises:
        LexiconError: the model files are missing or cannot be loaded.
    """
    import spacy

    ref = resources.files("jobmatch.skill_lexicon") / "models" / "span_model"
    try:
        with resources.as_file(ref) as path:
            return spacy.load(path, exclude=["tokenizer"])
    except (OSError, ValueError) as exc:
        raise LexiconError(f"cannot load the span model: {exc}", source=str(ref)) from exc


def add_span_model(nlp: Language) -> None:
    """Add the shipped span model to ``nlp`` as the component ``jobmatch_span_model``.

    The model runs on the pipeline's own tokens (it was trained on the tokens of
    :func:`jobmatch.make_nlp`) after ``jobmatch_skills`` and ``jobmatch_lexicon_tags``
    (the lexicon's mentions are one of its features, :mod:`.lexicon_tags`), and writes
    ``doc.ents``.

    Args:
        nlp: the pipeline with a ``jobmatch_skills`` component (changed in place; a no-op
            if the model is there already).

    Raises:
        LexiconError: the model cannot be loaded.
    """
    if SPAN_MODEL_PIPE in nlp.pipe_names:
        return
    if LEXICON_TAGS_PIPE not in nlp.pipe_names:
        nlp.add_pipe(LEXICON_TAGS_PIPE, after="jobmatch_skills")
    nlp.add_pipe("ner", name=SPAN_MODEL_PIPE, source=load_span_model(), after=LEXICON_TAGS_PIPE)


def model_spans(doc: Doc) -> list[ModelSpan]:
    """The spans the model wrote on ``doc``, in text order.

    Args:
        doc: a doc processed by a pipeline with :func:`add_span_model`.

    Returns:
        ``ModelSpan`` tuples (character offsets into the doc's text).
    """
    return [ModelSpan(e.start_char, e.end_char, e.label_) for e in doc.ents]


def unlisted_id(text: str) -> str:
    """The id of a mention only the model found: ``unlisted:`` + its normalised form.

    Args:
        text: the mention's text.

    Returns:
        ``"unlisted:"`` + the text in lower case, single spaces, no edge punctuation
        (``"Stakeholder  Management."`` → ``"unlisted:stakeholder management"``).
    """
    form = _EDGE_PUNCT.sub("", _SPACES.sub(" ", text.lower()))
    return f"unlisted:{form or text.strip().lower()}"


def _has_word(text: str) -> bool:
    return any(c.isalnum() for c in text)


def _droppable(m: SkillMention) -> bool:
    """A generic lexicon mention (all lower case) outside a Skills section."""
    return m.section != _LISTED_SECTION and m.text == m.text.lower()


def _other_layer(m: SkillMention, sp: ModelSpan, layers: Mapping[str, str] | None) -> bool:
    """Whether the model labelled ``sp`` with the other layer than ``m``'s category's."""
    if layers is None or m.category not in layers:
        return False
    return layers[m.category] != sp.label.lower()


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def merge_mentions(
    mentions: Sequence[SkillMention],
    spans: Sequence[ModelSpan],
    text: str,
    *,
    drop_unconfirmed: bool = False,
    sections: Sequence[tuple[int, int, str]] | None = None,
    layers: Mapping[str, str] | None = None,
) -> list[SkillMention]:
    """Merge the lexicon's mentions and the model's spans (rules in the module docstring).

    Args:
        mentions: the lexicon's mentions, in text order.
        spans: the model's spans, in text order.
        text: the text both came from (unlisted mentions get their section from it).
        drop_unconfirmed: drop the generic lexicon mentions (all lower case, outside a
            Skills section) that no model span overlaps.
        sections: the sections of ``text`` (:func:`.sections.detect_sections`), if the
            caller has them already (the lexicon found them); else found when needed.
        layers: category id -> its layer (``knowledge`` or ``skill``); a span whose label
            is the other layer than its one lexicon mention's is kept apart (module
            docstring). ``None``: no such check.

    Returns:
        The merged mentions, in text order.
    """
    hits: list[list[int]] = [[] for _ in spans]  # lexicon mentions overlapping each span
    spans_of: list[list[int]] = [[] for _ in mentions]  # spans overlapping each mention
    # the model's spans do not overlap each other: sorted by start, their ends are sorted too
    ends = [sp.end for sp in spans]
    for j, m in enumerate(mentions):
        i = bisect_right(ends, m.start)  # the first span ending after the mention starts
        while i < len(spans) and spans[i].start < m.end:
            if _overlap(spans[i].start, spans[i].end, m.start, m.end):
                hits[i].append(j)
                spans_of[j].append(i)
            i += 1
    out: list[SkillMention | None] = [
        None if drop_unconfirmed and not spans_of[j] and _droppable(m) else m
        for j, m in enumerate(mentions)
    ]
    for i, sp in enumerate(spans):
        if len(hits[i]) == 1 and _other_layer(mentions[hits[i][0]], sp, layers):
            # the model labels something else around the mention ("develop Python
            # applications" as a Skill around the Knowledge "Python"): both are kept, unless
            # the span is the mention itself (then only the layer differs: one skill, listed)
            m = mentions[hits[i][0]]
            sp = _trimmed(sp, text, None)
            if (sp.start, sp.end) != (m.start, m.end) and _has_word(text[sp.start : sp.end]):
                if sections is None:
                    sections = detect_sections(text)
                out.append(_unlisted(sp, text, sections))
        elif len(hits[i]) == 1 and len(spans_of[hits[i][0]]) == 1:
            j = hits[i][0]
            m = mentions[j]
            sp = _trimmed(sp, text, m)
            out[j] = SkillMention(
                skill_id=m.skill_id,
                name=m.name,
                category=m.category,
                start=sp.start,
                end=sp.end,
                text=text[sp.start : sp.end],
                section=m.section,
            )
        elif not hits[i] and _has_word(text[sp.start : sp.end]):
            if sections is None:
                sections = detect_sections(text)
            out.append(_unlisted(_trimmed(sp, text, None), text, sections))
    merged = [m for m in out if m is not None]
    merged.sort(key=lambda m: (m.start, m.end))
    return merged


_EDGE = " \t\n,;:"


def _trimmed(sp: ModelSpan, text: str, inner: SkillMention | None) -> ModelSpan:
    """``sp`` without the separators at its edges ("CUDA;" -> "CUDA"), never cutting into
    the lexicon mention ``inner`` it carries."""
    start, end = sp.start, sp.end
    lo = inner.start if inner is not None else end
    hi = inner.end if inner is not None else start
    while start < min(lo, end) and text[start] in _EDGE:
        start += 1
    while end > max(hi, start) and text[end - 1] in _EDGE:
        end -= 1
    if (start, end) == (sp.start, sp.end) or start >= end:
        return sp
    return sp._replace(start=start, end=end)


def _unlisted(
    sp: ModelSpan,
    text: str,
    sections: Sequence[tuple[int, int, str]],
) -> SkillMention:
    """A mention only the model found, in the section it starts in."""
    surface = text[sp.start : sp.end]
    k = bisect_right([s[0] for s in sections], sp.start) - 1
    section = sections[k][2] if k >= 0 else "other"
    return SkillMention(
        skill_id=unlisted_id(surface),
        name=surface,
        category=UNLISTED_CATEGORY,
        start=sp.start,
        end=sp.end,
        text=surface,
        section=section,
    )
