"""The spaCy factory of the ``jobmatch_skills`` component (``nlp.add_pipe("jobmatch_skills")``).

Registered when this module is imported: by :func:`jobmatch.make_nlp`, and by spaCy itself
through the ``spacy_factories`` entry point when a pipeline names the component.
"""

from __future__ import annotations

from spacy.language import Language

from .component import SkillComponent

__all__ = ["make_skill_component"]


@Language.factory(
    "jobmatch_skills",
    default_config={
        "lexicon_path": None,
        "use_filter": True,
        "filter_path": None,
        "filter_scope": "generic",
        "use_cache": True,
        "title_names": True,
    },
    assigns=["doc.spans", "doc._.skill_mentions"],
)
def make_skill_component(
    nlp: Language,
    name: str,
    lexicon_path: str | None,
    use_filter: bool,
    filter_path: str | None,
    filter_scope: str,
    use_cache: bool,
    title_names: bool = True,
) -> SkillComponent:
    """spaCy factory: ``nlp.add_pipe("jobmatch_skills")`` (shipped lexicon and mention
    filter), ``config={"lexicon_path": "/folder"}`` for a lexicon folder of the same layout,
    ``{"use_filter": False}`` for the lexicon and context rules alone, ``{"filter_path": ...}``
    for filter weights written by ``benchmarks/train_mention_filter.py``, ``{"filter_scope":
    "all"}`` to let the filter judge every mention, not only generic ones, ``{"use_cache":
    False}`` to build the matcher without the compiled cache, ``{"title_names": False}`` for
    posting text, where a job title's technologies are no skills named (SkillSpan's view).

    Returns:
        The :class:`SkillComponent` (its lexicon is loaded on first use).

    Raises:
        ValueError: an unknown ``filter_scope``.
    """
    return SkillComponent(
        nlp,
        name,
        lexicon_path=lexicon_path,
        use_filter=use_filter,
        filter_path=filter_path,
        filter_scope=filter_scope,
        use_cache=use_cache,
        title_names=title_names,
    )
