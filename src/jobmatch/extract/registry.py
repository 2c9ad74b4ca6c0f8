"""The components alive in this process and the Doc/Span extensions that reach them.

``doc._.skill_mentions`` and ``span._.skill`` are getters: a doc stores nothing but its
``doc.spans["skills"]`` group, whose ``attrs`` hold the key of the component that filled
it; the getters look that component up here. Registered once, at import.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from ..models import Skill, SkillMention

if TYPE_CHECKING:
    from .component import SkillComponent

__all__ = ["ATTR_KEY", "SPANS_KEY", "live_component", "register_component"]

SPANS_KEY = "skills"
# the key of the component that filled a span group, in ``doc.spans["skills"].attrs``
ATTR_KEY = "jobmatch_component"

_COMPONENTS: weakref.WeakValueDictionary[str, SkillComponent] = weakref.WeakValueDictionary()


def register_component(key: str, comp: SkillComponent) -> None:
    """Make a component findable by its key (held weakly: it goes when the pipeline goes).

    Args:
        key: the component's key.
        comp: the component.
    """
    _COMPONENTS[key] = comp


def live_component(key: str) -> SkillComponent | None:
    """The live component of a key (``SkillComponent.key``), or ``None``.

    Args:
        key: the component's key.

    Returns:
        The component, or ``None`` when it no longer exists.
    """
    return _COMPONENTS.get(key)


def _span_skill(span: Span) -> Skill | None:
    group = span.doc.spans.get(SPANS_KEY)
    comp = _COMPONENTS.get(group.attrs.get(ATTR_KEY, "")) if group is not None else None
    return None if comp is None else comp.lexicon.get(span.label_)


def _doc_mentions(doc: Doc) -> list[SkillMention]:
    group = doc.spans.get(SPANS_KEY)
    if group is None:
        return []
    comp = _COMPONENTS.get(group.attrs.get(ATTR_KEY, ""))
    if comp is None:
        raise ValueError("doc was not processed by a live jobmatch_skills component")
    return comp.mentions(doc)


if not Doc.has_extension("skill_mentions"):
    Doc.set_extension("skill_mentions", getter=_doc_mentions)
if not Span.has_extension("skill"):
    Span.set_extension("skill", getter=_span_skill)
