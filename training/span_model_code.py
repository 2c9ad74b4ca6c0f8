"""Training-only code: ``spacy train training/span_model.cfg --code THIS_FILE``.

``jobmatch.TaggedCorpus.v1`` is spaCy's ``Corpus.v1`` whose predicted docs keep the
reference docs' ``token.tag_``: the lexicon's BIO tags that
``benchmarks/train_span_model.py`` computed with the running pipeline
(:mod:`jobmatch.extract.lexicon_tags`). With ``gold_preproc`` spaCy rebuilds the predicted
doc from the words alone, which would drop them; at inference the
``jobmatch_lexicon_tags`` component writes them before the model runs.

``jobmatch.NerKnowledgeScorer.v1`` is spaCy's NER scorer plus the Knowledge layer's F1 as a
scalar (``ents_knowledge_f``), so that ``[training.score_weights]`` can select the
checkpoint by it (``span_model_kselect.cfg``, an experiment of ``docs/accurate.md``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.scorer import get_ner_prf
from spacy.tokens import Doc
from spacy.training import Corpus, Example
from spacy.util import registry


class TaggedCorpus(Corpus):
    """``Corpus`` with gold tokens and the reference's tags on the predicted side."""

    def _make_example(self, nlp: Language, reference: Doc, gold_preproc: bool) -> Example:
        predicted = Doc(
            nlp.vocab,
            words=[t.text for t in reference],
            spaces=[bool(t.whitespace_) for t in reference],
            tags=[t.tag_ or "O" for t in reference],
        )
        return Example(predicted, reference)


@registry.readers("jobmatch.TaggedCorpus.v1")
def create_tagged_corpus(path: Path | None, limit: int = 0) -> TaggedCorpus:
    """The reader the config names for both splits (gold tokens, shuffled by the trainer)."""
    return TaggedCorpus(path, gold_preproc=True, limit=limit)  # type: ignore[arg-type]


@registry.callbacks("jobmatch.LoadNerTok2Vec.v1")
def create_load_ner_tok2vec(path: Path | None) -> Callable[[Language], Language]:
    """An ``[initialize] after_init`` callback: the pretrained tok2vec into the NER's own.

    ``spacy pretrain`` (``span_model_pretrain.cfg``) saves a standalone ``Tok2Vec.v2``;
    spaCy's own ``init_tok2vec`` would load it into the NER model's ``tok2vec`` reference,
    which is that tok2vec chained with the parser's input projection, so the bytes do not
    fit. This loads them into the chain's first layer, the same network. ``path = null``:
    no pretrained weights (the model starts from random ones).
    """

    def load(nlp: Language) -> Language:
        if path is not None:
            chain = nlp.get_pipe("ner").model.get_ref("tok2vec")  # type: ignore[attr-defined]
            chain.layers[0].from_bytes(Path(path).read_bytes())
        return nlp

    return load


KNOWLEDGE_F = "ents_knowledge_f"


def ner_knowledge_score(examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
    """spaCy's NER scores (``ents_p/r/f``, ``ents_per_type``) and ``ents_knowledge_f``: the
    strict (exact token span) F1 of the ``KNOWLEDGE`` label alone; 0.0 when neither the
    gold nor the predictions have a Knowledge entity."""
    scores: dict[str, Any] = get_ner_prf(examples, **kwargs)
    per_type = scores.get("ents_per_type") or {}
    scores[KNOWLEDGE_F] = float(per_type.get("KNOWLEDGE", {}).get("f", 0.0))
    return scores


@registry.scorers("jobmatch.NerKnowledgeScorer.v1")
def create_ner_knowledge_scorer() -> Callable[..., dict[str, Any]]:
    """The ``scorer`` of the NER component in ``span_model_kselect.cfg``."""
    return ner_knowledge_score
