"""Load and validate the skill lexicon shipped as package data (``jobmatch.skill_lexicon``).

Layout of the data::

    skill_lexicon/lexicon.toml        version and the categories
    skill_lexicon/skills/*.jsonl      one skill record per line

A record is a JSON object: ``id``, ``name``, ``category``, optional ``aliases`` (list),
``implies`` (list of ids) and ``context`` (the rule for ambiguous names, see
:class:`jobmatch.models.ContextRule`). Validation collects *every* problem with its
``file:line`` before raising one :class:`LexiconError`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tomllib
import weakref
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from ..errors import LexiconError
from ..models import Category, ContextRule, Lexicon, Skill
from .checks import skill_problems
from .forms import is_proper_name, normalise_form

__all__ = [
    "load_lexicon",
    "check_lexicon",
    "lexicon_from_records",
    "is_proper_name",
    "normalise_form",
    "skill_record",
    "source_digest",
    "DATA_PACKAGE",
]

DATA_PACKAGE = "jobmatch.skill_lexicon"
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.+#-]*$")
_RECORD_KEYS = {"id", "name", "category", "aliases", "implies", "context", "note"}
_CONTEXT_KEYS = {
    "forms",
    "case_sensitive",
    "positive",
    "negative",
    "window",
    "neighbours",
    "plain_forms",
    "sense",
    "sense_positive",
}
_LAYERS = {"knowledge", "skill"}
#: part of every :func:`source_digest`: bump it when the loader reads the same files into a
#: different lexicon, so that a digest never stands for what an older loader made of them
_READER = b"jobmatch-lexicon-reader-1"


def skill_record(skill: Skill) -> dict[str, Any]:
    """A skill as its lexicon record: the JSON object of its ``skills/*.jsonl`` line."""
    rec: dict[str, Any] = {"id": skill.id, "name": skill.name, "category": skill.category}
    if skill.aliases:
        rec["aliases"] = list(skill.aliases)
    if skill.implies:
        rec["implies"] = list(skill.implies)
    if skill.context is not None:
        ctx = skill.context
        rec["context"] = {
            "forms": list(ctx.forms),
            "case_sensitive": ctx.case_sensitive,
            "positive": list(ctx.positive),
            "negative": list(ctx.negative),
            "window": ctx.window,
            "neighbours": ctx.neighbours,
        }
        if ctx.plain_forms:
            rec["context"]["plain_forms"] = list(ctx.plain_forms)
        if ctx.sense is not None:
            rec["context"]["sense"] = ctx.sense
            rec["context"]["sense_positive"] = list(ctx.sense_positive)
    return rec


def data_root() -> Traversable:
    """The shipped lexicon folder (works from a wheel, an sdist or a checkout)."""
    return resources.files(DATA_PACKAGE)


# id -> (a weak reference to the lexicon, the digest of its files), for the lexicons
# load_lexicon() returned (a dead reference's id may be reused: the reference is checked)
_SOURCES: dict[int, tuple[weakref.ref[Lexicon], str]] = {}


@lru_cache(maxsize=8)
def _load_cached(root_key: str) -> Lexicon:
    root: Traversable = data_root() if root_key == "" else Path(root_key)
    digest = hashlib.sha256(_READER)
    lexicon, problems = _read(root, digest)
    if problems:
        raise LexiconError(
            f"{len(problems)} problem(s) in the lexicon; first: {problems[0]}",
            source=str(root),
            problems=problems,
        )
    if len(_SOURCES) >= 64:
        for key in [k for k, (ref, _) in _SOURCES.items() if ref() is None]:
            del _SOURCES[key]
    _SOURCES[id(lexicon)] = (weakref.ref(lexicon), digest.hexdigest())
    return lexicon


def source_digest(lexicon: Lexicon) -> str | None:
    """The SHA-256 of the files :func:`load_lexicon` read ``lexicon`` from.

    Two lexicons with the same digest were read from the same bytes by the same loader, so
    they hold the same records: a check that a compiled cache fits a lexicon compares this
    (a few milliseconds at load) before hashing every record.

    Args:
        lexicon: a lexicon.

    Returns:
        The hex digest, or ``None`` for a lexicon :func:`load_lexicon` did not return (one
        built from records or in memory, or a ``dataclasses.replace`` of a loaded one).
    """
    found = _SOURCES.get(id(lexicon))
    return found[1] if found is not None and found[0]() is lexicon else None


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Load and validate the lexicon: the shipped one, or the one in the folder ``path``.

    ``path`` is a folder name (``str`` or ``Path``) holding ``lexicon.toml`` and
    ``skills/*.jsonl``. The result is cached per folder.

    Args:
        path: the lexicon folder; ``None`` for the lexicon shipped with jobmatch.

    Returns:
        The validated lexicon.

    Raises:
        LexiconError: the folder or its files cannot be read, or the lexicon is invalid
            (``problems`` lists every problem as ``file:line: message``).
        TypeError: ``path`` is neither ``None``, a ``str`` nor an ``os.PathLike``.
    """
    if path is None:
        return _load_cached("")
    folder = _folder(path)
    try:
        key = str(folder.resolve())
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symbolic link loop
        raise LexiconError(f"cannot open the lexicon folder: {exc}", source=str(path)) from exc
    return _load_cached(key)


def check_lexicon(path: str | Path | None = None) -> list[str]:
    """Validate a lexicon without raising for its content: every problem, or ``[]``.

    Args:
        path: the lexicon folder (``str`` or ``Path``); ``None`` for the shipped lexicon.

    Returns:
        Every problem as ``file:line: message``; empty if the lexicon is valid.

    Raises:
        LexiconError: the folder has no readable, valid ``lexicon.toml`` (nothing to check).
        TypeError: ``path`` is neither ``None``, a ``str`` nor an ``os.PathLike``.
    """
    root: Traversable = data_root() if path is None else _folder(path)
    return _read(root, None)[1]


def lexicon_from_records(
    meta: dict[str, Any], records: list[Any], *, source: str = "<records>"
) -> Lexicon:
    """Build and validate a lexicon from the parsed ``lexicon.toml`` and skill records.

    Args:
        meta: ``version`` and ``categories`` as in ``lexicon.toml``.
        records: the skill records (the JSON objects of ``skills/*.jsonl``).
        source: named in the error.

    Returns:
        The validated lexicon.

    Raises:
        LexiconError: the lexicon is invalid (``problems`` lists every problem).
    """
    problems: list[str] = []
    version = str(meta.get("version", "")).strip()
    if not version:
        problems.append("lexicon: 'version' is missing or empty")
    categories = _read_categories(meta, problems)
    skills: list[Skill] = []
    for n, rec in enumerate(records, start=1):
        if not isinstance(rec, dict):
            problems.append(f"record {n}: a record must be a JSON object")
        elif (skill := _to_skill(rec, f"record {n}", categories, problems)) is not None:
            skills.append(skill)
    problems.extend(skill_problems(skills))
    kinds = _read_kinds(meta, skills, problems)
    if problems:
        raise LexiconError(
            f"{len(problems)} problem(s) in the lexicon; first: {problems[0]}",
            source=source,
            problems=problems,
        )
    return Lexicon(version=version, categories=categories, skills=tuple(skills), kinds=kinds)


def _folder(path: str | Path) -> Path:
    """``path`` as a Path; a name no file system can hold is a LexiconError, not a ValueError."""
    if not isinstance(path, str | os.PathLike):
        raise TypeError(f"expected a folder path, not {type(path).__name__}")
    name = os.fspath(path)
    if not isinstance(name, str):
        raise TypeError(f"expected a str folder path, not {type(name).__name__}")
    try:
        os.fsencode(name)
    except UnicodeEncodeError as exc:
        raise LexiconError("no such folder (the name cannot be encoded)", source=name) from exc
    if "\x00" in name:
        raise LexiconError("no such folder (the name has a NUL character)", source=name)
    return Path(name)


def _read_meta(root: Traversable, digest: Any) -> dict[str, Any]:
    """The parsed ``lexicon.toml`` of ``root`` (its bytes fed to ``digest``, a hashlib hash)."""
    meta_file = root / "lexicon.toml"
    try:
        data = meta_file.read_bytes()
        _feed(digest, "lexicon.toml", data)
        # as read_text() reads it: universal newlines
        return tomllib.loads(data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n"))
    except FileNotFoundError:
        raise LexiconError("lexicon.toml is missing", source=str(root)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LexiconError(f"lexicon.toml is not valid TOML: {exc}", source=str(root)) from exc
    except OSError as exc:  # not a folder, a name too long, no permission...
        reason = exc.strerror or str(exc)
        raise LexiconError(f"cannot read lexicon.toml: {reason}", source=str(root)) from exc


def _read_kinds(meta: dict[str, Any], skills: list[Skill], problems: list[str]) -> frozenset[str]:
    """``kinds`` of ``lexicon.toml``: ids of skills that a skill implying them is one of
    (optional; each must be a skill id of the lexicon)."""
    raw = meta.get("kinds", [])
    if not isinstance(raw, list) or not all(isinstance(k, str) for k in raw):
        problems.append("lexicon.toml: 'kinds' must be a list of skill ids")
        return frozenset()
    ids = {s.id for s in skills}
    problems.extend(f"lexicon.toml: kind {k!r} is no skill id" for k in raw if k not in ids)
    return frozenset(k for k in raw if k in ids)


def _read_categories(meta: dict[str, Any], problems: list[str]) -> dict[str, Category]:
    raw = meta.get("categories") or {}
    if not isinstance(raw, dict):
        problems.append("lexicon.toml: 'categories' must be a table")
        raw = {}
    categories: dict[str, Category] = {}
    for cid, cat in raw.items():
        label = str(cat.get("label", "")).strip() if isinstance(cat, dict) else ""
        layer = cat.get("layer", "knowledge") if isinstance(cat, dict) else ""
        if not label:
            problems.append(f"lexicon.toml: category {cid!r} has no label")
        if layer not in _LAYERS:
            problems.append(f"lexicon.toml: category {cid!r} has unknown layer {layer!r}")
        categories[cid] = Category(id=cid, label=label, layer=str(layer))
    if not categories:
        problems.append("lexicon.toml: no categories")
    return categories


def _feed(digest: Any, name: str, data: bytes) -> None:
    """Feed a file's name and bytes to ``digest`` (a hashlib hash, or ``None`` for no
    digest), each after its length."""
    if digest is None:
        return
    digest.update(f"{len(name)}:{name}{len(data)}:".encode())
    digest.update(data)


def _read(root: Traversable, digest: Any) -> tuple[Lexicon, list[str]]:
    """The lexicon of ``root`` and its problems; the files read are fed to ``digest``
    (``None``: none)."""
    problems: list[str] = []
    meta = _read_meta(root, digest)
    version = str(meta.get("version", "")).strip()
    if not version:
        problems.append("lexicon.toml: 'version' is missing or empty")
    categories = _read_categories(meta, problems)
    try:
        files = sorted(
            (f for f in (root / "skills").iterdir() if f.name.endswith(".jsonl")),
            key=lambda f: f.name,
        )
    except OSError as exc:
        problems.append(f"skills/: cannot list the folder ({exc.strerror or exc})")
        files = []
    skills: list[Skill] = []
    for f in files:
        skills.extend(_read_records(f, categories, problems, digest))
    if not skills:
        problems.append("skills/: no skill records")
    problems.extend(skill_problems(skills))
    kinds = _read_kinds(meta, skills, problems)
    lexicon = Lexicon(version=version, categories=categories, skills=tuple(skills), kinds=kinds)
    return lexicon, problems


def _read_records(
    f: Traversable, categories: dict[str, Category], problems: list[str], digest: Any
) -> Iterable[Skill]:
    rel = f"skills/{f.name}"
    try:
        data = f.read_bytes()
        lines = data.decode("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(f"{rel}: cannot read the file ({exc})")
        return
    _feed(digest, rel, data)
    for lineno, line in enumerate(lines, start=1):
        where = f"{rel}:{lineno}"
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{where}: not valid JSON ({exc.msg})")
            continue
        if not isinstance(rec, dict):
            problems.append(f"{where}: a record must be a JSON object")
            continue
        skill = _to_skill(rec, where, categories, problems)
        if skill is not None:
            yield skill


def _strings(value: Any, what: str, where: str, problems: list[str]) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(f"{where}: {what} must be a list of strings")
        return ()
    out = []
    for v in value:
        if not v.strip():
            problems.append(f"{where}: {what} holds an empty string")
        elif v != v.strip():
            problems.append(f"{where}: {what} entry {v!r} has leading/trailing space")
        else:
            out.append(v)
    return tuple(out)


def _to_skill(
    rec: dict[str, Any], where: str, categories: dict[str, Category], problems: list[str]
) -> Skill | None:
    n_before = len(problems)
    unknown = set(rec) - _RECORD_KEYS
    if unknown:
        problems.append(f"{where}: unknown field(s) {sorted(unknown)}")
    sid, name, cat = rec.get("id"), rec.get("name"), rec.get("category")
    if not isinstance(sid, str) or not _ID_RE.match(sid):
        problems.append(f"{where}: id {sid!r} must be a lower-case slug")
    if not isinstance(name, str) or not name.strip():
        problems.append(f"{where}: name is missing or empty")
    if not isinstance(cat, str) or cat not in categories:
        problems.append(f"{where}: unknown category {cat!r}")
    aliases = _strings(rec.get("aliases"), "aliases", where, problems)
    implies = _strings(rec.get("implies"), "implies", where, problems)
    context = None
    if rec.get("context") is not None:
        context = _to_context(rec["context"], where, problems)
    if len(problems) > n_before:
        return None
    assert isinstance(sid, str) and isinstance(name, str) and isinstance(cat, str)
    return Skill(
        id=sid,
        name=name.strip(),
        category=cat,
        aliases=aliases,
        implies=implies,
        context=context,
        origin=where,
    )


def _to_context(raw: Any, where: str, problems: list[str]) -> ContextRule | None:
    if not isinstance(raw, dict):
        problems.append(f"{where}: context must be an object")
        return None
    unknown = set(raw) - _CONTEXT_KEYS
    if unknown:
        problems.append(f"{where}: unknown context field(s) {sorted(unknown)}")
    forms = _strings(raw.get("forms"), "context.forms", where, problems)
    plain = _strings(raw.get("plain_forms"), "context.plain_forms", where, problems)
    if not forms and not plain:
        problems.append(f"{where}: context.forms must name the ambiguous surface forms")
    window = raw.get("window", 6)
    if not isinstance(window, int) or not 1 <= window <= 50:
        problems.append(f"{where}: context.window must be an integer from 1 to 50")
        window = 6
    sense = raw.get("sense")
    if sense is not None and not (isinstance(sense, str) and _ID_RE.match(sense)):
        problems.append(f"{where}: context.sense must be a skill id")
        sense = None
    sense_positive = _strings(raw.get("sense_positive"), "context.sense_positive", where, problems)
    if (sense is None) != (not sense_positive):
        problems.append(f"{where}: context.sense and context.sense_positive go together")
    return ContextRule(
        forms=forms,
        case_sensitive=bool(raw.get("case_sensitive", True)),
        positive=_strings(raw.get("positive"), "context.positive", where, problems),
        negative=_strings(raw.get("negative"), "context.negative", where, problems),
        window=window,
        neighbours=bool(raw.get("neighbours", True)),
        plain_forms=plain,
        sense=sense,
        sense_positive=sense_positive,
    )
