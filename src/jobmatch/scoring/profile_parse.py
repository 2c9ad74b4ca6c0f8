"""Validate a profile's parsed TOML (and its generated JSON) into a :class:`Profile`.

:func:`parse_profile` reads the ``[profile]`` table, the ``[scoring]`` constants, the
generated TF-IDF part, the categories and their requirements, the ladder and the salary
figures, each in its own function; every problem found is collected, so a user sees all of
them at once.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

from ..errors import ProfileError
from ..models import Lexicon
from .profile_types import (
    DEGREE_LEVELS,
    LadderLevel,
    Profile,
    ProfileCategory,
    Requirement,
    SalaryFigure,
    ScoringParams,
)
from .terms import TermModel

__all__ = ["parse_profile", "parse_toml"]

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.+#-]*$")
_PROFILE_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def parse_toml(text: str, source: str) -> dict[str, Any]:
    """The TOML ``text`` as a dict; raises :class:`ProfileError` naming ``source``."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"not valid TOML: {exc}", source=source) from exc


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
    """Validate parsed TOML into a :class:`Profile`.

    Args:
        raw: the parsed TOML of the profile.
        lexicon: the lexicon its skill ids must belong to.
        generated: the parsed generated JSON (idf, vector, requirement factors), if any.
        source: the file name, for messages.
        problems: a list to append every problem to; when ``None`` problems raise.

    Returns:
        The profile (only meaningful when no problem was found).

    Raises:
        ProfileError: listing every problem, when ``problems`` is ``None`` and there are any.
    """
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
    shared = _strlist(meta, "family_shared", "[profile]", probs) if "family_shared" in meta else ()
    scoring = _scoring(raw.get("scoring", {}), probs)
    factors, terms = _generated(generated, probs)
    categories = _categories(raw.get("categories"), lexicon, probs, factors)
    ladder = _ladder(raw.get("ladder", []) or [], probs)
    salary_figs = _salary(raw.get("salary", []) or [], probs)
    if own and probs:
        raise ProfileError(
            f"{len(probs)} problem(s) in the profile: " + "; ".join(probs), source=source
        )
    return Profile(
        id=pid,
        name=name,
        version=version,
        description=description,
        categories=categories,
        ladder=ladder,
        salary=salary_figs,
        scoring=scoring,
        terms=terms,
        source=source,
        family=family,
        family_shared=shared,
    )


def _scoring(sraw: Any, probs: list[str]) -> ScoringParams:
    scoring = ScoringParams()
    if not isinstance(sraw, dict):
        return scoring
    unknown = set(sraw) - set(ScoringParams.__dataclass_fields__)
    if unknown:
        probs.append(f"[scoring]: unknown key(s) {sorted(unknown)}")
    scoring = ScoringParams(
        **{
            k: _num(sraw, k, "[scoring]", probs, getattr(scoring, k))
            for k in ScoringParams.__dataclass_fields__
        }
    )
    if not all(
        0.0 <= x <= 1.0
        for x in (
            scoring.similarity_weight,
            scoring.partial_credit,
            scoring.posting_similarity_weight,
            scoring.similarity_trust,
        )
    ):
        probs.append(
            "[scoring]: similarity_weight, posting_similarity_weight, similarity_trust and "
            "partial_credit must lie in [0, 1]"
        )
    if scoring.cosine_ref <= 0 or scoring.steepness <= 0:
        probs.append("[scoring]: cosine_ref and steepness must be > 0")
    if scoring.evidence_prior < 0 or scoring.posting_prior < 0 or scoring.posting_min_terms < 0:
        probs.append("[scoring]: evidence_prior, posting_prior and posting_min_terms must be >= 0")
    return scoring


def _generated(
    generated: dict[str, Any] | None, probs: list[str]
) -> tuple[dict[str, float], TermModel | None]:
    factors: dict[str, float] = {}
    if generated is None:
        return factors, None
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
        return factors, None
    return factors, terms


def _categories(
    craw: Any, lexicon: Lexicon, probs: list[str], factors: dict[str, float]
) -> tuple[ProfileCategory, ...]:
    categories: list[ProfileCategory] = []
    cat_ids: set[str] = set()
    req_ids: set[str] = set()
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
        reqs = _requirements(c.get("requirements"), where, lexicon, probs, factors, req_ids)
        categories.append(ProfileCategory(id=cid, label=label, weight=weight, requirements=reqs))
    if categories and sum(c.weight for c in categories) <= 0:
        probs.append("category weights sum to 0")
    return tuple(categories)


def _requirements(
    rraw: Any,
    where: str,
    lexicon: Lexicon,
    probs: list[str],
    factors: dict[str, float],
    req_ids: set[str],
) -> tuple[Requirement, ...]:
    reqs: list[Requirement] = []
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
    return tuple(reqs)


def _ladder(items: Any, probs: list[str]) -> tuple[LadderLevel, ...]:
    ladder: list[LadderLevel] = []
    for i, lv in enumerate(items, start=1):
        where = f"ladder[{i}]"
        if not isinstance(lv, dict):
            probs.append(f"{where}: must be a table")
            continue
        unknown = set(lv) - {"id", "label", "titles", "min_years", "salary", "title_only"}
        if unknown:
            probs.append(f"{where}: unknown key(s) {sorted(unknown)}")
        title_only = lv.get("title_only", False)
        if not isinstance(title_only, bool):
            probs.append(f"{where}: 'title_only' must be true or false")
            title_only = False
        salary = lv.get("salary")
        ladder.append(
            LadderLevel(
                id=_str(lv, "id", where, probs),
                label=_str(lv, "label", where, probs, default=str(lv.get("id", ""))),
                titles=_strlist(lv, "titles", where, probs),
                min_years=_num(lv, "min_years", where, probs, 0.0),
                salary=str(salary) if salary is not None else None,
                title_only=title_only,
            )
        )
    for a, b in zip(ladder, ladder[1:], strict=False):
        if b.min_years < a.min_years:
            probs.append(f"ladder: {b.id!r} has fewer min_years than {a.id!r} (lowest level first)")
    return tuple(ladder)


def _salary(items: Any, probs: list[str]) -> tuple[SalaryFigure, ...]:
    salary_figs: list[SalaryFigure] = []
    for i, s in enumerate(items, start=1):
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
    return tuple(salary_figs)


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
