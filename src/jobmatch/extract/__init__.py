"""Skills out of text: the ``jobmatch_skills`` spaCy component, its patterns and rules, sections.

The modules, in the order a text goes through them: :mod:`.tokenizer` (tokenizer rules),
:mod:`.patterns` (the PhraseMatcher patterns), :mod:`.context` (context rules of ambiguous
names), :mod:`.mention_filter` and :mod:`.filtering` (the trained filter), :mod:`.mentions`
and :mod:`.sections` (mentions with their sections), :mod:`.component` (the spaCy component)
and :mod:`.extractor` (the pipeline for texts in, mentions out).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

# public name -> module (imported on first access: importing the package, e.g. for
# sections, must not import spaCy)
_LAZY = {
    "SkillComponent": "component",
    "make_skill_component": "factory",
    "SkillExtractor": "extractor",
    "default_extractor": "extractor",
    "extract_skills": "extractor",
    "make_nlp": "extractor",
}

if TYPE_CHECKING:
    from .component import SkillComponent as SkillComponent
    from .extractor import SkillExtractor as SkillExtractor
    from .extractor import default_extractor as default_extractor
    from .extractor import extract_skills as extract_skills
    from .extractor import make_nlp as make_nlp
    from .factory import make_skill_component as make_skill_component

__all__ = [
    "SkillComponent",
    "SkillExtractor",
    "default_extractor",
    "extract_skills",
    "make_nlp",
    "make_skill_component",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{module}"), name)
