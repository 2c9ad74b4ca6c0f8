"""Skills of whole documents: what ``jobmatch extract`` prints (text, JSON, JSON lines).

The JSON object of one document (``DocumentSkills.to_dict()``)::

    {"source": "resume.txt", "format": "text",
     "n_mentions": 3, "n_skills": 2,
     "counts": {"python": 2, "sql": 1},              # per skill id, in order of first mention
     "sections": {"python": ["skills", "experience"], "sql": ["skills"]},
     "skills": [{"skill_id": "python", "name": "Python", "category": "programming_language",
                 "start": 8, "end": 14, "text": "Python", "section": "skills"}, ...],
     "warnings": []}
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..models import Document, SkillMention

if TYPE_CHECKING:
    from .extractor import SkillExtractor

__all__ = ["DocumentSkills", "extract_documents", "render_skills", "EXTRACT_FORMATS"]

EXTRACT_FORMATS = ("text", "json", "jsonl")


@dataclass(frozen=True, slots=True)
class DocumentSkills:
    """The skill mentions found in one document."""

    source: str
    format: str
    mentions: tuple[SkillMention, ...]
    warnings: tuple[str, ...] = ()

    @property
    def counts(self) -> dict[str, int]:
        """Mentions per skill id, in order of first mention."""
        out: dict[str, int] = {}
        for m in self.mentions:
            out[m.skill_id] = out.get(m.skill_id, 0) + 1
        return out

    @property
    def sections(self) -> dict[str, list[str]]:
        """The sections each skill is mentioned in, in order of appearance."""
        out: dict[str, dict[str, None]] = {}
        for m in self.mentions:
            out.setdefault(m.skill_id, {})[m.section] = None
        return {k: list(v) for k, v in out.items()}

    def to_dict(self) -> dict[str, Any]:
        counts = self.counts
        return {
            "source": self.source,
            "format": self.format,
            "n_mentions": len(self.mentions),
            "n_skills": len(counts),
            "counts": counts,
            "sections": self.sections,
            "skills": [m.to_dict() for m in self.mentions],
            "warnings": list(self.warnings),
        }


def extract_documents(
    documents: Iterable[Document], *, extractor: SkillExtractor | None = None
) -> Iterator[DocumentSkills]:
    """The skills of each document, lazily (one ``nlp.pipe`` pass over the texts).

    Args:
        documents: documents already read (:func:`jobmatch.read_document`).
        extractor: the pipeline to use (default: the shared fast one).

    Returns:
        An iterator of :class:`DocumentSkills`, one per document, in input order.

    Raises:
        TypeError: an item is not a :class:`~jobmatch.models.Document` (when iterated).
    """
    from .extractor import default_extractor

    ex = extractor if extractor is not None else default_extractor()
    docs = list(documents)
    if isinstance(documents, str) or not all(isinstance(d, Document) for d in docs):
        raise TypeError("extract_documents() needs Document objects (see read_document)")
    for document, mentions in zip(docs, ex.pipe(d.text for d in docs), strict=True):
        yield DocumentSkills(
            source=document.source,
            format=document.format,
            mentions=tuple(mentions),
            warnings=document.warnings,
        )


def render_skills(results: Iterable[DocumentSkills], fmt: str) -> str:
    """``text``: a readable summary per document; ``json``: one array; ``jsonl``: one per line."""
    items = list(results)
    if fmt == "json":
        return json.dumps([r.to_dict() for r in items], indent=2, ensure_ascii=False) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in items)
    if fmt != "text":
        raise ValueError(f"unknown format {fmt!r}; expected one of {EXTRACT_FORMATS}")
    lines: list[str] = []
    for r in items:
        counts = r.counts
        lines.append(f"{r.source}: {len(counts)} skills, {len(r.mentions)} mentions")
        first: dict[str, SkillMention] = {}
        for m in r.mentions:
            first.setdefault(m.skill_id, m)
        sections = r.sections
        for sid, n in counts.items():
            m = first[sid]
            lines.append(f"  {m.name} [{sid}] {m.category} x{n} ({', '.join(sections[sid])})")
        lines.extend(f"  warning: {w}" for w in r.warnings)
    return "\n".join(lines) + "\n" if lines else ""
