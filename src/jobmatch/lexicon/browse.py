"""Browsing the lexicon (``jobmatch lexicon show``): counts per category, finding skills by
id, surface form or part of one, and a skill's record with where it was written."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..models import Lexicon, Skill
from .loader import load_lexicon, normalise_form
from .loader import skill_record as lexicon_record

__all__ = ["LexiconStats", "find_skills", "lexicon_stats", "skill_record"]


@dataclass(frozen=True, slots=True)
class LexiconStats:
    """Counts of the lexicon: skills and surface forms, per category."""

    version: str
    skills: int
    forms: int
    with_context: int
    #: category id -> (label, layer, number of skills), in lexicon.toml order
    categories: dict[str, tuple[str, str, int]]

    def to_dict(self) -> dict[str, Any]:
        """The counts as JSON-ready data (what ``jobmatch lexicon show`` prints as JSON)."""
        return {
            "version": self.version,
            "skills": self.skills,
            "forms": self.forms,
            "with_context": self.with_context,
            "categories": {
                cid: {"label": label, "layer": layer, "skills": n}
                for cid, (label, layer, n) in self.categories.items()
            },
        }


def lexicon_stats(lexicon: Lexicon | None = None) -> LexiconStats:
    """Counts per category of ``lexicon`` (the shipped one by default)."""
    lex = lexicon if lexicon is not None else load_lexicon()
    per = Counter(s.category for s in lex.skills)
    return LexiconStats(
        version=lex.version,
        skills=len(lex.skills),
        forms=sum(len(s.surface_forms) for s in lex.skills),
        with_context=sum(1 for s in lex.skills if s.context is not None),
        categories={
            cid: (cat.label, cat.layer, per.get(cid, 0)) for cid, cat in lex.categories.items()
        },
    )


def find_skills(
    query: str | None = None, *, category: str | None = None, lexicon: Lexicon | None = None
) -> list[Skill]:
    """Skills matching ``query``: the skill with that id, else the skills one of whose surface
    forms equals the query (case/space-insensitive), else those with a form containing it.
    ``category`` restricts the result; with neither, every skill of the category (or all).
    Raises ``ValueError`` for an unknown ``category``."""
    lex = lexicon if lexicon is not None else load_lexicon()
    if category is not None and category not in lex.categories:
        raise ValueError(f"unknown category {category!r}")
    pool = [s for s in lex.skills if category is None or s.category == category]
    if query is None:
        return pool
    exact = [s for s in pool if s.id == query]
    if exact:
        return exact
    key = normalise_form(query)
    same = [s for s in pool if any(normalise_form(f) == key for f in s.surface_forms)]
    if same:
        return same
    return [s for s in pool if any(key in normalise_form(f) for f in s.surface_forms)]


def skill_record(skill: Skill) -> dict[str, Any]:
    """A skill as its lexicon record, with ``origin`` (``file:line``) added."""
    rec = lexicon_record(skill)
    rec["origin"] = skill.origin
    return rec
