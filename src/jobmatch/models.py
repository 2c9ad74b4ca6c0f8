"""Typed, frozen public data objects. Each has ``to_dict()`` returning JSON-ready data."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import IntEnum
from typing import Any

from .facts import (
    CareerEstimate,
    Education,
    EducationEntry,
    ResumeFacts,
    Role,
    RoleCounted,
    SkillYears,
    YearsMatch,
)
from .jsondata import jsonable

__all__ = [
    "MatchKind",
    "Category",
    "ContextRule",
    "Skill",
    "Lexicon",
    "SkillMention",
    "Document",
    "Limits",
    "CategoryCoverage",
    "MatchedSkill",
    "MissingSkill",
    "Education",
    "Role",
    "EducationEntry",
    "ResumeFacts",
    "CareerEstimate",
    "RoleCounted",
    "SkillYears",
    "YearsMatch",
    "ScoreReport",
]


class MatchKind(IntEnum):
    """How a surface form of a skill is matched by the extraction component.

    The values are stable (they are part of the component's match keys).
    """

    #: matched case-insensitively wherever it occurs ("PyTorch", "pytorch")
    PLAIN = 0
    #: an ambiguous form ("R", "Go", "Spark"): kept only when its context rule accepts it
    AMBIGUOUS = 1
    #: a short all-caps acronym ("IT", "AWS"): matched only as written, so "it" is no skill
    EXACT = 2


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
    A mention of one of ``plain_forms`` needs no cue: only a ``negative`` phrase covering
    it rejects it (another sense of a plain name: "communications equipment"). A mention
    not kept is the ``sense`` skill when one of its ``sense_positive`` cues is near.
    """

    forms: tuple[str, ...]
    case_sensitive: bool = True
    positive: tuple[str, ...] = ()
    negative: tuple[str, ...] = ()
    window: int = 6
    #: accept when another (unambiguous) skill mention is inside the window
    neighbours: bool = True
    #: forms kept everywhere except inside a ``negative`` phrase (spelling variants too)
    plain_forms: tuple[str, ...] = ()
    #: the id of another skill the ``forms`` name ("Triton": the GPU kernel language, or
    #: NVIDIA's inference server): a mention this rule does not keep is that skill when one
    #: of ``sense_positive`` (its cues, and the names of its list neighbours: "vLLM, Triton,
    #: or TGI") lies within ``window``
    sense: str | None = None
    sense_positive: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Skill:
    """One lexicon record: a skill with its canonical id, the forms that name it and the
    skills it implies (a line of ``skill_lexicon/skills/*.jsonl``)."""

    #: canonical id (lower case, e.g. ``pytorch``); reports and batch outputs use it
    id: str
    #: the display name (``PyTorch``)
    name: str
    #: a category id of the lexicon (``lexicon.toml``)
    category: str
    #: other surface forms that name the skill
    aliases: tuple[str, ...] = ()
    #: ids of skills this one implies (knowing PyTorch implies deep learning, partly)
    implies: tuple[str, ...] = ()
    #: the context rule of an ambiguous name (R, Go, Spark), else ``None``
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
    """The validated skill lexicon: its version, categories and skills (see
    :func:`jobmatch.load_lexicon`)."""

    version: str
    categories: dict[str, Category]
    skills: tuple[Skill, ...]
    by_id: dict[str, Skill] = field(repr=False, compare=False, default_factory=dict)
    #: ids of broad kinds ("relational databases", "version control") that a skill
    #: implying them is one of (PostgreSQL, Git): it meets them in full, not partly
    kinds: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if not self.by_id:
            self.by_id.update({s.id: s for s in self.skills})

    def __len__(self) -> int:
        return len(self.skills)

    def __contains__(self, skill_id: object) -> bool:
        return skill_id in self.by_id

    def get(self, skill_id: str) -> Skill | None:
        """The skill with id ``skill_id``, or ``None`` if the lexicon has none."""
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
    #: the section it sits in (``skills``, ``experience``, ``requirements``...;
    #: ``other`` if unknown)
    section: str

    def to_dict(self) -> dict[str, Any]:
        """The mention as a JSON-ready dict (field names as keys)."""
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Document:
    """A document read into text by :func:`jobmatch.read_document`.

    The public functions treat a Document as a file already read: its ``text`` is used as
    it is (a ``str`` passed instead is the text itself; a ``pathlib.Path`` is read).
    ``source`` is the file name, or ``"<text>"`` / ``"<stdin>"`` for a text without a file.
    """

    text: str
    source: str
    #: ``pdf``, ``docx``, ``html``, ``markdown``, ``text``
    format: str
    pages: int | None = None
    warnings: tuple[str, ...] = ()
    #: the text encoding detected for text formats (``utf-8``, ``utf-16``, ``cp1252``...)
    encoding: str | None = None
    #: the day the file says it was last saved (a PDF's metadata), ISO 8601: a resume's
    #: open role ("2019 - Present") ends there, not today
    dated: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The document as a JSON-ready dict (field names as keys)."""
        return asdict(self)


_MB = 1024 * 1024

#: the longest text the pipeline takes, in characters (spaCy's ``nlp.max_length``); a longer
#: one is refused with ``DocumentTooLargeError`` (measured: ~50 MB of memory per million)
MAX_TEXT_CHARS = 1_000_000


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on what one document read may cost: ``Limits(max_pages=2000)`` etc.

    Args:
        max_bytes: largest file accepted, checked with ``stat`` before reading anything.
        max_pages: most PDF pages parsed (the page count is checked before parsing pages).
        timeout_s: wall-clock limit for parsing one PDF, in seconds.
        max_memory_mb: address space the PDF parser may add on top of the process it
            starts from, in MB.
        max_inflated_bytes: total bytes that compressed PDF streams / DOCX members may
            inflate to.
        isolate: parse PDFs in a forked child process with the time and memory limits
            (POSIX only); without it only the inflation, page and time-between-pages
            checks apply.
        reuse_parser: with ``isolate``, let one parser child per thread parse file after
            file (each under its own limits, the child replaced after any error and every
            64 files) instead of forking a child per file. Faster (a fork costs about as
            much as a PDFium parse), but a file that exploited a parser bug without failing
            could see the files parsed after it in the same child. ``jobmatch serve`` turns
            it off: uploads from different clients never share a parser process.

    Raises:
        TypeError: a limit is not a number.
        ValueError: a limit is zero or negative.
    """

    max_bytes: int = 20 * _MB
    max_pages: int = 500
    timeout_s: float = 30.0
    max_memory_mb: int = 384
    max_inflated_bytes: int = 128 * _MB
    isolate: bool = True
    reuse_parser: bool = True

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_pages", "max_memory_mb", "max_inflated_bytes"):
            if not isinstance(getattr(self, name), int | float):  # misuse: not a number
                raise TypeError(f"Limits.{name} must be a number")
            if int(getattr(self, name)) <= 0:
                raise ValueError(f"Limits.{name} must be positive")
        if not isinstance(self.timeout_s, int | float):
            raise TypeError("Limits.timeout_s must be a number")
        if self.timeout_s <= 0:
            raise ValueError("Limits.timeout_s must be positive")


# --- Scoring results (the report layout: docs/scoring.md) ---


@dataclass(frozen=True, slots=True)
class CategoryCoverage:
    """How well one profile category is covered (``coverage`` 0-1, weighted by requirement)."""

    id: str
    label: str
    #: the category's weight in the profile (weights are normalised when combined)
    weight: float
    coverage: float
    #: requirement ids fully met, met partially (through a lexicon ``implies``), and missing
    matched: tuple[str, ...] = ()
    partial: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class MatchedSkill:
    """A profile requirement met by a skill found in the document, with its evidence."""

    #: the skill that satisfies the requirement (the implied skill for a partial match)
    skill_id: str
    name: str
    #: the profile category id
    category: str
    #: the profile requirement id it satisfies
    requirement: str
    #: ``"full"``, or ``"partial"`` when only implied by another mention (see ``via``)
    match: str
    #: the mentioned skill id that implies ``skill_id`` (partial matches, and a broad kind
    #: met by a member: ``Lexicon.kinds``), else ``None``
    via: str | None
    #: the section of the (first) evidence mention
    section: str
    #: a short snippet of the document around the evidence mention (white space folded)
    snippet: str
    #: character offsets of the evidence mention in the document text
    start: int
    end: int
    #: how many mentions support it
    mentions: int = 1
    #: the evidence mention's offsets in ``snippet`` (to highlight it); (0, 0) if unknown
    highlight: tuple[int, int] = (0, 0)
    #: the name of ``via`` (partial matches), else ``None``
    via_name: str | None = None
    #: what the evidence is: ``"mention"`` (the skill named in the text, ``snippet`` around
    #: it) or ``"language"`` (the document is written in that language: a resume written in
    #: English shows written English; ``snippet`` says how it was measured, ``start`` =
    #: ``end`` = 0, ``section`` ``"document"``)
    evidence: str = "mention"
    #: whether the requirement it meets is required (``False``: only preferred, and the
    #: report says so, as it does for what to add)
    required: bool = True
    #: the label of the skill's own lexicon category when the requirement it meets sits in
    #: another category (a posting's requirement goes to the category of its first skill:
    #: Microsoft Access meeting "SQL or Microsoft Access" counts in Programming languages),
    #: else ``None``; the report names both
    skill_category: str | None = None


@dataclass(frozen=True, slots=True)
class MissingSkill:
    """A requirement not (fully) met, with the points it would add ("what to add")."""

    requirement: str
    #: the skill id to add (the first alternative), or the requirement id for education
    skill_id: str
    name: str
    category: str
    required: bool
    #: score points gained if this requirement were met, all else equal
    gain: float
    #: other skill ids that would satisfy the same requirement
    alternatives: tuple[str, ...] = ()
    #: for a requirement of one skill, the other requirements not met that the same skill
    #: meets too (a posting asking "Java" and "Java or Java EE"), and the points adding the
    #: skill gains by meeting them all (``None`` when there are none)
    also_meets: tuple[str, ...] = ()
    skill_gain: float | None = None


@dataclass(frozen=True, slots=True)
class ScoreReport:
    """The explained score of one document against one profile. ``to_dict()`` is JSON-ready."""

    #: 0-100, calibrated (see README "Scoring"), rounded to one decimal
    score: float
    source: str
    profile: str
    profile_version: str
    lexicon_version: str
    #: weighted requirement coverage 0-1 and TF-IDF cosine similarity 0-1 (4 decimals)
    coverage: float
    similarity: float
    categories: tuple[CategoryCoverage, ...] = ()
    matched: tuple[MatchedSkill, ...] = ()
    #: ranked by ``gain`` (``skill_gain`` where set), largest first
    missing: tuple[MissingSkill, ...] = ()
    education: Education = field(default_factory=lambda: Education(level=None))
    career: CareerEstimate = field(default_factory=lambda: CareerEstimate(years=None, level=None))
    warnings: tuple[str, ...] = ()
    #: what the score is made of (the arithmetic a reader can check), when known
    parts: ScoreParts | None = None
    #: each requirement of years: the jobs that count toward it, and why
    years: tuple[YearsMatch, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data: nested dicts and lists, ``score`` first, then the
        ``verdict`` the headline of every other format gives (``band``: strong, partial or
        weak; ``words``: the headline's, which name the gap when the required met keep a
        score of 70+ from being strong)."""
        # the report layer words the verdict, and imports this module
        from .report_parts import verdict

        out: dict[str, Any] = jsonable(asdict(self))
        band, words = verdict(self)
        return {"score": out.pop("score"), "verdict": {"band": band, "words": words}, **out}


@dataclass(frozen=True, slots=True)
class ScoreParts:
    """What a score is made of: ``score = min(calibrate(raw), ceiling)`` with
    ``raw = (1 - similarity_weight) * coverage + similarity_weight * similarity``."""

    #: the weight of the similarity in ``raw``, and the similarity min(1, cosine / cosine_ref)
    similarity_weight: float
    similarity: float
    raw: float
    #: the logistic calibration of ``raw`` (0-100) and the coverage ceiling (0-100)
    calibrated: float
    ceiling: float
    #: requirements met (fully / partly) and listed, required and preferred
    required_met: int
    required_partial: int
    required_total: int
    preferred_met: int
    preferred_partial: int
    preferred_total: int
    #: the share of ``similarity`` that is the TF-IDF similarity; the rest is the share of
    #: the listed requirements met (below 1 for a posting whose term vector is thin)
    similarity_trust: float = 1.0


@dataclass(frozen=True, slots=True)
class BatchResult:
    """One output record of :func:`jobmatch.score_many`: a compact score, or an error."""

    #: the record id (given in the data, else the path, else ``file:line``)
    id: str
    #: where the record came from (a path, or ``file:line``)
    source: str
    #: ``"ok"`` or ``"error"``
    status: str
    #: 0-100 (``None`` for errors)
    score: float | None = None
    #: coverage of each profile category, 0-1, in profile order
    coverage: dict[str, float] = field(default_factory=dict)
    #: ids of the best matched / most important missing profile skills
    matched: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    #: one-line reason and short code (the ``.code`` of the error) when ``status == "error"``
    error: str | None = None
    error_code: str | None = None
    warnings: tuple[str, ...] = ()
    #: the id of the profile scored against: a profile id (``research-engineer``), or with
    #: ``--resume`` the posting's ``posting:<record id or file name>``; ``None`` for errors
    profile: str | None = None
    #: input fields carried through (``--keep-fields``); in JSON only when there are some
    fields: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Whether the record was scored (``status == "ok"``)."""
        return self.status == "ok"

    def to_dict(self) -> dict[str, Any]:
        """The result as one JSON-ready batch output record (a JSON line)."""
        return {
            "id": self.id,
            "source": self.source,
            "status": self.status,
            "score": self.score,
            "coverage": dict(self.coverage),
            "matched": list(self.matched),
            "missing": list(self.missing),
            "error": self.error,
            "error_code": self.error_code,
            "warnings": list(self.warnings),
            "profile": self.profile,
        } | ({"fields": dict(self.fields)} if self.fields else {})

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BatchResult:
        """The result of a batch output record made by :meth:`to_dict`.

        Raises:
            KeyError: ``data`` lacks ``id``, ``source`` or ``status``.
        """
        return cls(
            id=data["id"],
            source=data["source"],
            status=data["status"],
            score=data.get("score"),
            coverage=dict(data.get("coverage") or {}),
            matched=tuple(data.get("matched") or ()),
            missing=tuple(data.get("missing") or ()),
            error=data.get("error"),
            error_code=data.get("error_code"),
            warnings=tuple(data.get("warnings") or ()),
            profile=data.get("profile"),
            fields=dict(data.get("fields") or {}),
        )
