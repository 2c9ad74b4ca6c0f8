"""Role profiles: load, validate, list, and build their TF-IDF part.

A profile is a TOML file (``skill_lexicon/profiles/<id>.toml``, or any path a user gives)
holding the hand-written overlay: categories with weights, requirements (lexicon skill ids,
any one of which suffices; required or preferred), the career ladder and salary references.
Its generated part, a JSON file named by ``[profile] generated``, holds the vocabulary and idf
of a background corpus of postings, the TF-IDF term vector of the profile document, and one
TF-IDF factor per requirement. :func:`build_profile` writes that JSON deterministically.

Only the standard library is imported here; spaCy and scikit-learn are imported inside
:func:`build_profile` (and the tokenizer helper) when a profile is built.
"""

from __future__ import annotations

import json
import math
import re
import tomllib
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from ..errors import ProfileError
from ..lexicon.loader import load_lexicon
from ..models import Lexicon

__all__ = [
    "DEGREE_LEVELS",
    "Requirement",
    "ProfileCategory",
    "LadderLevel",
    "SalaryFigure",
    "ScoringParams",
    "TermModel",
    "Profile",
    "load_profile",
    "list_profiles",
    "profile_path",
    "build_profile",
    "describe_profile",
    "analyze",
]

PROFILE_PACKAGE = "jobmatch.skill_lexicon"
DEFAULT_PROFILE = "research-engineer"
#: degree levels, lowest first (``resume_facts`` reads these from the text)
DEGREE_LEVELS = ("high_school", "associate", "bachelor", "master", "phd")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.+#-]*$")
_PROFILE_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


@dataclass(frozen=True, slots=True)
class Requirement:
    """One requirement: any one of ``skills`` meets it (or a degree level, or a field)."""

    id: str
    label: str
    required: bool
    skills: tuple[str, ...] = ()
    #: education requirements: the lowest degree level, or the accepted fields of study
    degree: str | None = None
    fields: tuple[str, ...] = ()
    #: TF-IDF factor in [0.5, 1] from the generated file (1.0 when there is none)
    tfidf: float = 1.0


@dataclass(frozen=True, slots=True)
class ProfileCategory:
    id: str
    label: str
    weight: float
    requirements: tuple[Requirement, ...]


@dataclass(frozen=True, slots=True)
class LadderLevel:
    id: str
    label: str
    titles: tuple[str, ...]
    min_years: float
    salary: str | None = None


@dataclass(frozen=True, slots=True)
class SalaryFigure:
    role: str
    item: str
    #: one figure, or a (low, high) range, in US dollars
    usd: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class ScoringParams:
    """The constants of the scoring formula (README "Scoring")."""

    required_weight: float = 2.0
    preferred_weight: float = 1.0
    partial_credit: float = 0.5
    similarity_weight: float = 0.5
    cosine_ref: float = 0.20
    midpoint: float = 0.32
    steepness: float = 9.0
    #: weight of requirements the profile does not list: coverage divides by the category
    #: weights plus this. 0 for a curated profile; ``posting_prior`` of them for a posting.
    evidence_prior: float = 0.0
    #: requirements' worth of evidence_prior given to a posting's ad-hoc profile: a posting
    #: in which the lexicon finds two soft skills is weak evidence, not a 50 % match
    posting_prior: float = 4.0


@dataclass(frozen=True)
class TermModel:
    """Stored TF-IDF model: vocabulary idf and the L2-normalised profile term vector."""

    idf: dict[str, float] = field(repr=False)
    vector: dict[str, float] = field(repr=False)
    background: str = ""
    #: the vocabulary terms that are skill vocabulary (lexicon names and aliases)
    skill_terms: frozenset[str] = field(default=frozenset(), repr=False)

    def weights(self, terms: Iterable[str]) -> dict[str, float]:
        """Raw tf x idf of ``terms`` over the stored vocabulary (not normalised).

        Raw, not sublinear, term frequency: how often a document repeats a profile term is
        evidence of fit (measured: ranking postings, README "Scoring")."""
        idf = self.idf
        return {t: n * idf[t] for t, n in Counter(terms).items() if t in idf}

    def cosine(self, terms: Iterable[str]) -> float:
        """Cosine similarity of the document ``terms`` with the profile vector.

        One pass over the distinct terms (the hot path of batch scoring); the sums run in
        order of first occurrence, so the same terms always give the same float.
        """
        idf, vec = self.idf, self.vector
        dot = sq = 0.0
        for t, n in Counter(terms).items():
            w = idf.get(t)
            if w is None:
                continue
            v = n * w
            sq += v * v
            p = vec.get(t)
            if p is not None:
                dot += v * p
        return dot / math.sqrt(sq) if sq > 0.0 else 0.0

    def vector_of(self, terms: Iterable[str]) -> dict[str, float]:
        """The L2-normalised TF-IDF vector of ``terms`` (for ad-hoc profiles).

        Like the shipped profile vector it keeps skill vocabulary only (``skill_terms``),
        when the model has it.
        """
        w = self.weights(terms)
        if self.skill_terms:
            w = {t: v for t, v in w.items() if t in self.skill_terms}
        norm = math.sqrt(math.fsum(v * v for v in w.values()))
        return {t: v / norm for t, v in sorted(w.items())} if norm else {}


@dataclass(frozen=True)
class Profile:
    id: str
    name: str
    version: str
    description: str
    categories: tuple[ProfileCategory, ...]
    ladder: tuple[LadderLevel, ...] = ()
    salary: tuple[SalaryFigure, ...] = ()
    scoring: ScoringParams = field(default_factory=ScoringParams)
    #: title words of the role's job family (``[profile] family``); a resume whose titles
    #: hold none is outside the ladder (no level, no salary reference). Empty: no check
    family: tuple[str, ...] = ()
    terms: TermModel | None = field(default=None, repr=False)
    source: str = ""

    def requirements(self) -> Iterable[tuple[ProfileCategory, Requirement]]:
        for cat in self.categories:
            for req in cat.requirements:
                yield cat, req

    def skill_ids(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for _, req in self.requirements():
            for s in req.skills:
                seen.setdefault(s, None)
        return tuple(seen)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary (``jobmatch profile show``); omits the term vector."""
        return {
            "id": self.id,
            "name": self.name,
            "version": self.version,
            "description": self.description,
            "source": self.source,
            "scoring": {k: getattr(self.scoring, k) for k in ScoringParams.__dataclass_fields__},
            "categories": [
                {
                    "id": c.id,
                    "label": c.label,
                    "weight": c.weight,
                    "requirements": [
                        {
                            "id": r.id,
                            "label": r.label,
                            "required": r.required,
                            "skills": list(r.skills),
                            "degree": r.degree,
                            "fields": list(r.fields),
                            "tfidf": r.tfidf,
                        }
                        for r in c.requirements
                    ],
                }
                for c in self.categories
            ],
            "ladder": [
                {
                    "id": lv.id,
                    "label": lv.label,
                    "titles": list(lv.titles),
                    "min_years": lv.min_years,
                    "salary": lv.salary,
                }
                for lv in self.ladder
            ],
            "salary": [{"role": s.role, "item": s.item, "usd": list(s.usd)} for s in self.salary],
            "family": list(self.family),
            "top_terms": _top_terms(self.terms),
        }


def describe_profile(profile: Profile, fmt: str = "text") -> str:
    """``jobmatch profile show``: a readable summary (``text``) or the JSON of ``to_dict()``."""
    if fmt == "json":
        return json.dumps(profile.to_dict(), indent=2) + "\n"
    lines = [f"{profile.name} ({profile.id}, version {profile.version})", profile.description, ""]
    total = math.fsum(c.weight for c in profile.categories) or 1.0
    for cat in profile.categories:
        lines.append(f"{cat.label}  [weight {cat.weight:g}, {100 * cat.weight / total:.0f}%]")
        for r in cat.requirements:
            what = " | ".join(r.skills) or (
                f"degree >= {r.degree}" if r.degree else ", ".join(r.fields)
            )
            kind = "required " if r.required else "preferred"
            lines.append(f"  {kind}  {r.id:<24} {what}  (tf-idf {r.tfidf:.2f})")
    if profile.ladder:
        lines += ["", "Career ladder:"]
        if profile.family:
            lines.append(f"  for the family of titles with: {', '.join(profile.family)}")
        for lv in profile.ladder:
            lines.append(
                f"  {lv.id:<10} {lv.label} (from {lv.min_years:g} years; titles: "
                f"{', '.join(lv.titles)})"
            )
            if lv.salary:
                lines.append(f"             salary: {lv.salary}")
    if profile.salary:
        lines += ["", "Salary references (USD):"]
        for s in profile.salary:
            usd = " - ".join(f"${v:,}" for v in s.usd)
            lines.append(f"  {s.role}, {s.item}: {usd}")
    top = ", ".join(t for t, _ in _top_terms(profile.terms, 15))
    if top:
        lines += ["", f"Top TF-IDF terms: {top}"]
    return "\n".join(lines) + "\n"


def _top_terms(terms: TermModel | None, n: int = 25) -> list[list[Any]]:
    if terms is None:
        return []
    ranked = sorted(terms.vector.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    return [[t, round(w, 4)] for t, w in ranked]


# ---------------------------------------------------------------- locating and loading


def _profiles_dir() -> Traversable:
    return resources.files(PROFILE_PACKAGE) / "profiles"


def list_profiles() -> list[tuple[str, str, str]]:
    """The shipped profiles as ``(id, name, version)``, sorted by id."""
    out = []
    for f in sorted(_profiles_dir().iterdir(), key=lambda f: f.name):
        if f.name.endswith(".toml"):
            meta = _parse_toml(f.read_text(encoding="utf-8"), f.name).get("profile", {})
            out.append(
                (
                    str(meta.get("id", f.name[:-5])),
                    str(meta.get("name", "")),
                    str(meta.get("version", "")),
                )
            )
    return out


def profile_path(name_or_path: str | Path) -> Traversable:
    """The file of a shipped profile id, or ``name_or_path`` itself when it is a file path."""
    text = str(name_or_path)
    if isinstance(name_or_path, Path) or text.endswith(".toml") or "/" in text or "\\" in text:
        path = Path(text)
        if not path.is_file():
            raise ProfileError("profile file not found", source=text)
        return path
    candidate = _profiles_dir() / f"{text}.toml"
    if not candidate.is_file():
        known = ", ".join(p[0] for p in list_profiles())
        raise ProfileError(f"unknown profile {text!r} (shipped: {known})", source=text)
    return candidate


def load_profile(
    name_or_path: str | Path = DEFAULT_PROFILE, *, lexicon: Lexicon | None = None
) -> Profile:
    """Load and validate a profile (a shipped id or a TOML file path).

    Raises :class:`ProfileError` listing every problem (unknown skill ids included).
    Shipped profiles are cached.
    """
    f = profile_path(name_or_path)
    if lexicon is None and not isinstance(f, Path):
        return _load_shipped(str(name_or_path))
    return _load(f, lexicon if lexicon is not None else load_lexicon())


@lru_cache(maxsize=8)
def _load_shipped(name: str) -> Profile:
    return _load(profile_path(name), load_lexicon())


def _parse_toml(text: str, source: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"not valid TOML: {exc}", source=source) from exc


def _load(f: Traversable, lexicon: Lexicon) -> Profile:
    source = str(f)
    try:
        text = f.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"cannot read profile: {exc}", source=source) from exc
    raw = _parse_toml(text, source)
    problems: list[str] = []
    generated: dict[str, Any] | None = None
    gen_name = (
        raw.get("profile", {}).get("generated") if isinstance(raw.get("profile"), dict) else None
    )
    if gen_name:
        gen_file = (
            f.parent / str(gen_name) if isinstance(f, Path) else _profiles_dir() / str(gen_name)
        )
        try:
            generated = json.loads(gen_file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            problems.append(f"generated file {gen_name!r} not found (run `jobmatch profile build`)")
        except (OSError, json.JSONDecodeError, UnicodeDecodeError) as exc:
            problems.append(f"generated file {gen_name!r} unreadable: {exc}")
    profile = parse_profile(
        raw, lexicon=lexicon, generated=generated, source=source, problems=problems
    )
    if problems:
        raise ProfileError(
            f"{len(problems)} problem(s) in the profile: " + "; ".join(problems), source=source
        )
    return profile


def _str(
    d: dict[str, Any], key: str, where: str, problems: list[str], *, default: str | None = None
) -> str:
    v = d.get(key, default)
    if not isinstance(v, str) or not v.strip():
        problems.append(f"{where}: '{key}' must be a non-empty string")
        return ""
    return v.strip()


def _num(d: dict[str, Any], key: str, where: str, problems: list[str], default: float) -> float:
    v = d.get(key, default)
    if isinstance(v, bool) or not isinstance(v, int | float) or v < 0:
        problems.append(f"{where}: '{key}' must be a number >= 0")
        return default
    return float(v)


def _strlist(d: dict[str, Any], key: str, where: str, problems: list[str]) -> tuple[str, ...]:
    v = d.get(key, [])
    if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
        problems.append(f"{where}: '{key}' must be a list of non-empty strings")
        return ()
    return tuple(x.strip() for x in v)


def parse_profile(
    raw: dict[str, Any],
    *,
    lexicon: Lexicon,
    generated: dict[str, Any] | None = None,
    source: str = "<profile>",
    problems: list[str] | None = None,
) -> Profile:
    """Validate parsed TOML; append every problem to ``problems`` (raises if it is ``None``)."""
    own = problems is None
    probs: list[str] = [] if problems is None else problems
    meta = raw.get("profile")
    if not isinstance(meta, dict):
        probs.append("[profile] table is missing")
        meta = {}
    pid = _str(meta, "id", "[profile]", probs)
    if pid and not _PROFILE_ID_RE.match(pid):
        probs.append(f"[profile]: id {pid!r} must be a lower-case slug")
    name = _str(meta, "name", "[profile]", probs)
    version = _str(meta, "version", "[profile]", probs)
    description = str(meta.get("description", "")).strip()
    family = _strlist(meta, "family", "[profile]", probs) if "family" in meta else ()

    sraw = raw.get("scoring", {})
    scoring = ScoringParams()
    if isinstance(sraw, dict):
        unknown = set(sraw) - set(ScoringParams.__dataclass_fields__)
        if unknown:
            probs.append(f"[scoring]: unknown key(s) {sorted(unknown)}")
        scoring = ScoringParams(
            **{
                k: _num(sraw, k, "[scoring]", probs, getattr(scoring, k))
                for k in ScoringParams.__dataclass_fields__
            }
        )
        if not 0.0 <= scoring.similarity_weight <= 1.0 or not 0.0 <= scoring.partial_credit <= 1.0:
            probs.append("[scoring]: similarity_weight and partial_credit must lie in [0, 1]")
        if scoring.cosine_ref <= 0 or scoring.steepness <= 0:
            probs.append("[scoring]: cosine_ref and steepness must be > 0")
        if scoring.evidence_prior < 0 or scoring.posting_prior < 0:
            probs.append("[scoring]: evidence_prior and posting_prior must be >= 0")

    factors: dict[str, float] = {}
    terms: TermModel | None = None
    if generated is not None:
        try:
            factors = {str(k): float(v) for k, v in generated["requirements"].items()}
            terms = TermModel(
                idf={str(k): float(v) for k, v in generated["idf"].items()},
                vector={str(k): float(v) for k, v in generated["vector"].items()},
                background=str(generated.get("background", "")),
                skill_terms=frozenset(str(t) for t in generated.get("skill_terms", ())),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            probs.append(f"generated file: missing or malformed field ({exc!r})")

    categories: list[ProfileCategory] = []
    cat_ids: set[str] = set()
    req_ids: set[str] = set()
    craw = raw.get("categories")
    if not isinstance(craw, list) or not craw:
        probs.append("no [[categories]]")
        craw = []
    for i, c in enumerate(craw, start=1):
        where = f"categories[{i}]"
        if not isinstance(c, dict):
            probs.append(f"{where}: must be a table")
            continue
        cid = _str(c, "id", where, probs)
        where = f"category {cid!r}" if cid else where
        if cid in cat_ids:
            probs.append(f"{where}: duplicate category id")
        cat_ids.add(cid)
        label = _str(c, "label", where, probs, default=cid)
        weight = _num(c, "weight", where, probs, 1.0)
        reqs: list[Requirement] = []
        rraw = c.get("requirements")
        if not isinstance(rraw, list) or not rraw:
            probs.append(f"{where}: no requirements")
            rraw = []
        for j, r in enumerate(rraw, start=1):
            rwhere = f"{where} requirement {j}"
            if not isinstance(r, dict):
                probs.append(f"{rwhere}: must be a table")
                continue
            req = _requirement(r, rwhere, lexicon, probs, factors)
            if req is None:
                continue
            if req.id in req_ids:
                probs.append(f"{rwhere}: duplicate requirement id {req.id!r}")
            req_ids.add(req.id)
            reqs.append(req)
        categories.append(
            ProfileCategory(id=cid, label=label, weight=weight, requirements=tuple(reqs))
        )
    if categories and sum(c.weight for c in categories) <= 0:
        probs.append("category weights sum to 0")

    ladder: list[LadderLevel] = []
    for i, lv in enumerate(raw.get("ladder", []) or [], start=1):
        where = f"ladder[{i}]"
        if not isinstance(lv, dict):
            probs.append(f"{where}: must be a table")
            continue
        salary = lv.get("salary")
        ladder.append(
            LadderLevel(
                id=_str(lv, "id", where, probs),
                label=_str(lv, "label", where, probs, default=str(lv.get("id", ""))),
                titles=_strlist(lv, "titles", where, probs),
                min_years=_num(lv, "min_years", where, probs, 0.0),
                salary=str(salary) if salary is not None else None,
            )
        )
    for a, b in zip(ladder, ladder[1:], strict=False):
        if b.min_years < a.min_years:
            probs.append(f"ladder: {b.id!r} has fewer min_years than {a.id!r} (lowest level first)")

    salary_figs: list[SalaryFigure] = []
    for i, s in enumerate(raw.get("salary", []) or [], start=1):
        where = f"salary[{i}]"
        usd = s.get("usd") if isinstance(s, dict) else None
        vals = usd if isinstance(usd, list) else [usd]
        if not isinstance(s, dict) or not all(
            isinstance(v, int) and not isinstance(v, bool) for v in vals
        ):
            probs.append(f"{where}: needs role, item and usd (an integer or [low, high])")
            continue
        salary_figs.append(
            SalaryFigure(
                role=_str(s, "role", where, probs),
                item=_str(s, "item", where, probs),
                usd=tuple(int(v) for v in vals if v is not None),
            )
        )

    if own and probs:
        raise ProfileError(
            f"{len(probs)} problem(s) in the profile: " + "; ".join(probs), source=source
        )
    return Profile(
        id=pid,
        name=name,
        version=version,
        description=description,
        categories=tuple(categories),
        ladder=tuple(ladder),
        salary=tuple(salary_figs),
        scoring=scoring,
        terms=terms,
        source=source,
        family=family,
    )


def _requirement(
    r: dict[str, Any], where: str, lexicon: Lexicon, probs: list[str], factors: dict[str, float]
) -> Requirement | None:
    n0 = len(probs)
    unknown = set(r) - {"id", "label", "skills", "degree", "fields", "required", "note"}
    if unknown:
        probs.append(f"{where}: unknown key(s) {sorted(unknown)}")
    rid = _str(r, "id", where, probs)
    if rid and not _ID_RE.match(rid):
        probs.append(f"{where}: id {rid!r} must be a lower-case slug")
    where = f"requirement {rid!r}" if rid else where
    required = r.get("required")
    if not isinstance(required, bool):
        probs.append(f"{where}: 'required' must be true or false")
    skills = _strlist(r, "skills", where, probs) if "skills" in r else ()
    fields = _strlist(r, "fields", where, probs) if "fields" in r else ()
    degree = r.get("degree")
    kinds = sum(bool(x) for x in (skills, fields, degree))
    if kinds != 1:
        probs.append(f"{where}: give exactly one of 'skills', 'degree' or 'fields'")
    if degree is not None and degree not in DEGREE_LEVELS:
        probs.append(f"{where}: degree {degree!r} is not one of {', '.join(DEGREE_LEVELS)}")
    for s in skills:
        if s not in lexicon:
            probs.append(f"{where}: skill id {s!r} is not in the lexicon")
    if factors and rid not in factors:
        probs.append(
            f"{where}: no TF-IDF factor in the generated file (run `jobmatch profile build`)"
        )
    if len(probs) > n0:
        return None
    label = r.get("label")
    if not isinstance(label, str) or not label.strip():
        sk = lexicon.get(skills[0]) if skills else None
        label = sk.name if sk is not None else rid
    return Requirement(
        id=rid,
        label=label.strip(),
        required=bool(required),
        skills=skills,
        degree=str(degree) if degree is not None else None,
        fields=fields,
        tfidf=factors.get(rid, 1.0),
    )


# ---------------------------------------------------------------- TF-IDF terms and build


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def analyze(tokens: Iterable[str]) -> list[str]:
    """TF-IDF terms from lower-cased token texts (spaCy ``Token.lower_``).

    Keeps tokens with a letter, of two characters or more, that are not English stop words,
    followed by the bigrams of consecutive kept tokens.
    The same function serves the build and the scorer, so both see the same terms.
    """
    stop = _stop_words()
    tokens = list(tokens)
    # decide once per distinct token (a text repeats most of its tokens)
    keep = {t for t in set(tokens) if len(t) > 1 and t not in stop and any(map(str.isalpha, t))}
    words = [t for t in tokens if t in keep]
    # bigrams of consecutive kept words ("machine learning", "computer vision") are far more
    # specific to a role than their parts (as sklearn builds n-grams after stop words)
    return words + list(map(" ".join, zip(words, words[1:], strict=False)))


def text_terms(texts: Sequence[str]) -> list[list[str]]:
    """Terms of whole texts, tokenised with ``spacy.blank("en")`` (build time, ad-hoc profiles)."""
    tokenizer = _tokenizer()
    return [analyze(t.lower_ for t in doc) for doc in tokenizer.pipe(texts)]


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import spacy

    return spacy.blank("en").tokenizer


def _read_background(path: Path) -> list[str]:
    """Texts of a background file: JSON lines with a ``text`` field, or one plain-text document."""
    try:
        data = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"cannot read background corpus: {exc}", source=str(path)) from exc
    if path.suffix == ".jsonl":
        out = []
        for lineno, line in enumerate(data.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                out.append(str(rec["text"]))
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise ProfileError(
                    f"line {lineno}: needs a JSON object with 'text'", source=str(path)
                ) from exc
        return out
    return [data]


def build_profile(
    seed: str | Path,
    background: Sequence[str | Path],
    *,
    profile: str | Path = DEFAULT_PROFILE,
    output: str | Path | None = None,
    min_df: int = 2,
) -> dict[str, Any]:
    """Build the generated (TF-IDF) part of ``profile`` and write it to ``output`` (JSON).

    The profile document ``seed`` and the ``background`` postings are fitted together with
    scikit-learn's ``TfidfVectorizer`` (raw tf, smoothed idf, our :func:`analyze`).
    The vocabulary keeps terms in at least ``min_df`` documents plus every term of the seed.
    Each requirement's factor is ``0.5 + 0.5 * q`` where ``q`` in [0, 1] is the rank (mid-rank
    for ties, divided by n - 1) of ``t`` among all requirements, ``t`` being the largest mean
    seed TF-IDF weight of the terms of one of its skills' surface forms (or its fields/label).
    Output is deterministic: sorted keys, weights rounded to 6 decimals.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    lexicon = load_lexicon()
    prof_file = profile_path(profile)
    raw = _parse_toml(prof_file.read_text(encoding="utf-8"), str(prof_file))
    prof = parse_profile(raw, lexicon=lexicon, source=str(prof_file))
    seed_path = Path(seed)
    seed_text = (
        _read_background(seed_path)[0] if seed_path.suffix == ".jsonl" else _read_text(seed_path)
    )
    bg_texts: list[str] = []
    for b in background:
        bg_texts.extend(_read_background(Path(b)))
    if not bg_texts:
        raise ProfileError("the background corpus is empty", source=", ".join(map(str, background)))
    docs = text_terms([seed_text, *bg_texts])
    vec = TfidfVectorizer(analyzer=lambda d: d, sublinear_tf=False, smooth_idf=True, norm="l2")
    matrix = vec.fit_transform(docs)
    vocab: dict[str, int] = vec.vocabulary_
    df = (matrix > 0).sum(axis=0).A1
    seed_row = matrix[0].toarray().ravel()
    idf = {
        t: round(float(vec.idf_[i]), 6)
        for t, i in sorted(vocab.items())
        if df[i] >= min_df or seed_row[i] > 0
    }
    # The profile vector keeps only skill vocabulary: the lexicon's names and aliases as terms
    # (a one-word form is its word, a longer form its bigrams). The profile document also
    # talks about salaries, markets and trends; those words say nothing about a candidate's
    # fit (measured: ranking postings, README "Scoring").
    skill_terms = _skill_terms(lexicon)
    kept = {t: float(seed_row[i]) for t, i in vocab.items() if seed_row[i] > 0 and t in skill_terms}
    norm = math.sqrt(math.fsum(v * v for v in kept.values())) or 1.0
    vector = {t: round(v / norm, 6) for t, v in sorted(kept.items())}

    def form_weight(form_terms: list[str]) -> float:
        if not form_terms:
            return 0.0
        return math.fsum(vector.get(t, 0.0) for t in form_terms) / len(form_terms)

    raw_factor: dict[str, float] = {}
    for _, req in prof.requirements():
        forms: list[str] = []
        for sid in req.skills:
            sk = lexicon.get(sid)
            forms.extend(sk.surface_forms if sk is not None else (sid,))
        forms.extend(req.fields)
        if not req.skills:
            forms.append(req.label)
        raw_factor[req.id] = max(form_weight(ft) for ft in text_terms(forms))
    # rank-based, so one dominant term ("ML") does not flatten every other factor
    values = sorted(raw_factor.values())
    n = max(1, len(values) - 1)
    factors = {
        k: round(0.5 + 0.5 * (bisect_left(values, v) + bisect_right(values, v) - 1) / (2 * n), 6)
        for k, v in sorted(raw_factor.items())
    }
    result: dict[str, Any] = {
        "profile": prof.id,
        "profile_version": prof.version,
        "lexicon_version": lexicon.version,
        "seed": seed_path.name,
        "background": ", ".join(Path(b).name for b in background) + f" ({len(bg_texts)} documents)",
        "analyzer": "spacy.blank('en') tokens, lower-case, >= 2 chars with a letter, no stop "
        "words; plus bigrams of consecutive kept tokens",
        "tfidf": "sklearn TfidfVectorizer(sublinear_tf=False, smooth_idf=True, norm='l2')",
        "min_df": min_df,
        "requirements": factors,
        "vector": vector,
        "idf": idf,
        "skill_terms": sorted(t for t in idf if t in skill_terms),
    }
    if output is not None:
        Path(output).write_text(
            json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )
        _load_shipped.cache_clear()
    return result


_SKILL_TERMS: dict[tuple[int, str], frozenset[str]] = {}


def _skill_terms(lexicon: Lexicon) -> frozenset[str]:
    """The lexicon's surface forms as terms: a one-word form's word, a longer form's bigrams."""
    key = (id(lexicon), lexicon.version)
    if key not in _SKILL_TERMS:
        terms: set[str] = set()
        for ts in text_terms([f for s in lexicon.skills for f in s.surface_forms]):
            words = [t for t in ts if " " not in t]
            terms.update(words if len(words) == 1 else (t for t in ts if " " in t))
        _SKILL_TERMS[key] = frozenset(terms)
    return _SKILL_TERMS[key]


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"cannot read the profile document: {exc}", source=str(path)) from exc
