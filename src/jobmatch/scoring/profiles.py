"""Role profiles: load, validate, list, and build their TF-IDF part.

A profile is a TOML file (``skill_lexicon/profiles/<id>.toml``, or any path a user gives)
holding the hand-written overlay: categories with weights, requirements (lexicon skill ids,
any one of which suffices; required or preferred), the career ladder and salary references.
Its generated part, a JSON file named by ``[profile] generated``, holds the vocabulary and idf
of a background corpus of postings, the TF-IDF term vector of the profile document, and one
TF-IDF factor per requirement. :func:`jobmatch.scoring.profile_build.build_profile` writes
that JSON deterministically.

This module locates, loads (cached for shipped profiles) and describes profiles; the data
model is in :mod:`.profile_types`, the validation in :mod:`.profile_parse`, the TF-IDF terms
in :mod:`.terms`. Only the standard library is imported here.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from ..errors import ProfileError
from ..lexicon.loader import load_lexicon
from ..models import Lexicon
from .profile_parse import parse_profile, parse_toml
from .profile_types import (
    DEGREE_LEVELS,
    LadderLevel,
    Profile,
    ProfileCategory,
    Requirement,
    SalaryFigure,
    ScoringParams,
    degree_meets,
    top_terms,
)
from .terms import TermModel, analyze, text_terms

__all__ = [
    "DEGREE_LEVELS",
    "degree_meets",
    "DEFAULT_PROFILE",
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
    "parse_profile",
    "clear_profile_cache",
    "describe_profile",
    "analyze",
    "text_terms",
]

PROFILE_PACKAGE = "jobmatch.skill_lexicon"
DEFAULT_PROFILE = "research-engineer"


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
        if profile.family_shared:
            lines.append(
                f"  or with: {', '.join(profile.family_shared)} (and at least "
                f"{profile.scoring.min_coverage:.0%} of this profile covered)"
            )
        for lv in profile.ladder:
            lines.append(
                f"  {lv.id:<10} {lv.label} "
                + (
                    f"(by title only; titles: {', '.join(lv.titles)})"
                    if lv.title_only
                    else f"(from {lv.min_years:g} years; titles: {', '.join(lv.titles)})"
                )
            )
            if lv.salary:
                lines.append(f"             salary: {lv.salary}")
    if profile.salary:
        lines += ["", "Salary references (USD):"]
        for s in profile.salary:
            usd = " - ".join(f"${v:,}" for v in s.usd)
            lines.append(f"  {s.role}, {s.item}: {usd}")
    top = ", ".join(t for t, _ in top_terms(profile.terms, 15))
    if top:
        lines += ["", f"Top TF-IDF terms: {top}"]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- locating and loading


def _profiles_dir() -> Traversable:
    return resources.files(PROFILE_PACKAGE) / "profiles"


def list_profiles() -> list[tuple[str, str, str]]:
    """The shipped profiles as ``(id, name, version)``, sorted by id.

    Returns:
        One ``(id, name, version)`` tuple per shipped profile.

    Raises:
        ProfileError: a shipped profile file cannot be read (a broken installation)."""
    out = []
    for f in sorted(_profiles_dir().iterdir(), key=lambda f: f.name):
        if f.name.endswith(".toml"):
            meta = parse_toml(f.read_text(encoding="utf-8"), f.name).get("profile", {})
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
        if not _is_file(path, text):
            raise ProfileError("profile file not found", source=text)
        return path
    candidate = _profiles_dir() / f"{text}.toml"
    if not _is_file(candidate, text):
        known = ", ".join(p[0] for p in list_profiles())
        raise ProfileError(f"unknown profile {text!r} (shipped: {known})", source=text)
    return candidate


def _is_file(path: Traversable, source: str) -> bool:
    """``path.is_file()``; a name the OS refuses (too long, NUL...) is a ProfileError."""
    try:
        return path.is_file()
    except (OSError, ValueError) as exc:
        raise ProfileError(f"bad profile name or path: {exc}", source=source[:120]) from exc


def load_profile(
    name_or_path: str | Path = DEFAULT_PROFILE, *, lexicon: Lexicon | None = None
) -> Profile:
    """Load and validate a profile (a shipped id or a TOML file path).

    Shipped profiles are cached.

    Args:
        name_or_path: a shipped profile id (:func:`list_profiles`) or a TOML file.
        lexicon: the lexicon the profile's skill ids are checked against (default: shipped).

    Returns:
        The validated :class:`Profile`.

    Raises:
        ProfileError: listing every problem (unknown skill ids included), or an unknown id
            or unreadable file.
    """
    f = profile_path(name_or_path)
    if lexicon is None and not isinstance(f, Path):
        return _load_shipped(str(name_or_path))
    return _load(f, lexicon if lexicon is not None else load_lexicon())


@lru_cache(maxsize=8)
def _load_shipped(name: str) -> Profile:
    return _load(profile_path(name), load_lexicon())


def _load(f: Traversable, lexicon: Lexicon) -> Profile:
    source = str(f)
    try:
        text = f.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"cannot read profile: {exc}", source=source) from exc
    raw = parse_toml(text, source)
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


def clear_profile_cache() -> None:
    """Forget the loaded shipped profiles (after their generated files were rebuilt)."""
    _load_shipped.cache_clear()
