"""Typed, frozen public data objects. Each has ``to_dict()`` returning JSON-ready data."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = [
    "Category",
    "ContextRule",
    "Skill",
    "Lexicon",
    "SkillMention",
    "Document",
]


@dataclass(frozen=True, slots=True)
class Category:
    """A lexicon category (``programming_language``, ``soft_skill``...)."""

    id: str
    label: str
    #: SkillSpan-style layer: ``"knowledge"`` (tools, technologies, bodies of knowledge)
    #: or ``"skill"`` (soft skills and competencies)
    layer: str


@dataclass(frozen=True, slots=True)
class ContextRule:
    """When an ambiguous surface form (R, Go, Spark, Excel...) counts as the skill.

    A mention of one of ``forms`` is kept only if no ``negative`` phrase covers it and
    either a ``positive`` cue or another unambiguous skill mention lies within ``window``
    tokens. With ``case_sensitive`` the form must match exactly as written in ``forms``.
    """

    forms: tuple[str, ...]
    case_sensitive: bool = True
    positive: tuple[str, ...] = ()
    negative: tuple[str, ...] = ()
    window: int = 6
    #: accept when another (unambiguous) skill mention is inside the window
    neighbours: bool = True


@dataclass(frozen=True, slots=True)
class Skill:
    """One lexicon record."""

    id: str
    name: str
    category: str
    aliases: tuple[str, ...] = ()
    implies: tuple[str, ...] = ()
    context: ContextRule | None = None
    #: where the record was read from, ``file:line`` (for error messages)
    origin: str = ""

    @property
    def surface_forms(self) -> tuple[str, ...]:
        """The name followed by the aliases, without duplicates, in file order."""
        seen: dict[str, None] = {self.name: None}
        for alias in self.aliases:
            seen.setdefault(alias, None)
        return tuple(seen)


@dataclass(frozen=True)
class Lexicon:
    """The validated skill lexicon."""

    version: str
    categories: dict[str, Category]
    skills: tuple[Skill, ...]
    by_id: dict[str, Skill] = field(repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        if not self.by_id:
            self.by_id.update({s.id: s for s in self.skills})

    def __len__(self) -> int:
        return len(self.skills)

    def __contains__(self, skill_id: object) -> bool:
        return skill_id in self.by_id

    def get(self, skill_id: str) -> Skill | None:
        return self.by_id.get(skill_id)

    def implied(self, skill_id: str) -> tuple[str, ...]:
        """All skill ids implied by ``skill_id``, transitively, in breadth-first order."""
        out: dict[str, None] = {}
        todo = list(self.by_id[skill_id].implies) if skill_id in self.by_id else []
        while todo:
            sid = todo.pop(0)
            if sid in out or sid == skill_id:
                continue
            out[sid] = None
            todo.extend(self.by_id[sid].implies if sid in self.by_id else ())
        return tuple(out)


@dataclass(frozen=True, slots=True)
class SkillMention:
    """One skill found in a text, with its evidence."""

    skill_id: str
    name: str
    category: str
    #: character offsets into the input text: ``text == input[start:end]``
    start: int
    end: int
    text: str
    #: the section it sits in (``skills``, ``experience``, ``requirements``...; ``other`` if unknown)
    section: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Document:
    """A document read into text by :func:`jobmatch.read_document`."""

    text: str
    source: str
    #: ``pdf``, ``docx``, ``html``, ``markdown``, ``text``
    format: str
    pages: int | None = None
    warnings: tuple[str, ...] = ()
    #: the text encoding detected for text formats (``utf-8``, ``utf-16``, ``cp1252``...)
    encoding: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
