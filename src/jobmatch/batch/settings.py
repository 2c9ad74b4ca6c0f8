"""What a batch run is configured with, as its output records it and a reader sees it.

:func:`run_settings` is the fingerprint recorded beside an output (so that continuing it
with other settings is refused); :func:`coverage_categories` and :func:`skill_names` give
the CSV and table outputs names a person reads instead of ids.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..models import Document

__all__ = ["run_settings", "profile_key", "text_key", "coverage_categories", "skill_names"]

_DIGEST_CHARS = 16


def text_key(text: str) -> str:
    """A short content digest of a text.

    Args:
        text: any text.

    Returns:
        ``sha256:`` and the first 16 hex digits of the SHA-256 of its UTF-8.
    """
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return "sha256:" + digest[:_DIGEST_CHARS]


def profile_key(profile: Any) -> str:
    """What identifies a profile's content: ``id version`` and a digest of its file.

    Args:
        profile: a shipped profile id, a TOML path or a
            :class:`~jobmatch.scoring.profiles.Profile` (its id and version).

    Returns:
        For example ``research-engineer 2026.11.0 sha256:454b72b783dff766`` (a Profile
        object: ``id version`` only).

    Raises:
        ProfileError: an unknown profile or an unreadable file.
    """
    from ..scoring.profiles import Profile, load_profile, profile_path

    if isinstance(profile, Profile):
        return f"{profile.id} {profile.version}"
    loaded = load_profile(profile)
    key = f"{loaded.id} {loaded.version}"
    # a file's content may change under the same id and version (a user's edits)
    content = profile_path(profile).read_bytes().decode("utf-8", "replace")
    return f"{key} {text_key(content)}"


def run_settings(
    *,
    profile: Any,
    resume: Document | None,
    record_options: Mapping[str, Any],
    keep_fields: Sequence[str],
    max_bytes: int,
    top_skills: int,
    accurate: bool = False,
    extra: Mapping[str, str] | None = None,
) -> dict[str, str | None]:
    """The settings that decide what a batch output holds (its fingerprint).

    Args:
        profile: as for :func:`profile_key`.
        resume: the resume read (``--resume``), or ``None``.
        record_options: the options of :func:`~jobmatch.batch.records.iter_records`.
        keep_fields: the fields carried through.
        max_bytes: the per-record size limit.
        top_skills: matched / missing skills kept per record.
        accurate: the accurate pipeline extracts (recorded only when on, so outputs of
            earlier versions continue as before).
        extra: more settings of the caller (``rank``: the posting's digest).

    Returns:
        Setting name -> value (``None`` when unset); equal settings give equal scores.
        Options that only change the speed (``jobs``, ``timeout``) are not included, nor
        ``min_score`` (``run_batch`` adds it: a continued run may lower it, not raise it).
    """
    from .. import __version__

    settings: dict[str, str | None] = {
        "jobmatch": __version__,
        "profile": profile_key(profile),
        "resume": None if resume is None else text_key(resume.text),
        "keep_fields": ",".join(keep_fields) or None,
        "max_bytes": str(max_bytes),
        "top_skills": str(top_skills),
        "accurate": "true" if accurate else None,
    }
    for name in ("text_column", "id_column", "text_field", "id_field"):
        value = record_options.get(name, "id" if name.startswith("id") else "text")
        settings[name] = None if value is None else str(value)
    settings.update(extra or {})
    return settings


def coverage_categories(profile: Any, *, resume: bool) -> tuple[tuple[str, str], ...]:
    """``(id, label)`` of the categories a result's coverage can have, in a stable order.

    Against a profile, its categories. With a resume each posting is its own profile, whose
    categories are the lexicon's (those of the skills it mentions) and ``education``: all of
    them, in lexicon order.

    Args:
        profile: a profile id, path or Profile.
        resume: whether a resume is scored against each posting.

    Returns:
        ``(id, label)`` pairs.

    Raises:
        ProfileError: an unknown profile.
    """
    from ..lexicon.loader import load_lexicon
    from ..scoring.profiles import Profile, load_profile

    if resume:
        lexicon = load_lexicon()
        cats = tuple((cid, c.label) for cid, c in lexicon.categories.items())
        return (*cats, ("education", "Education"))
    loaded = profile if isinstance(profile, Profile) else load_profile(profile)
    return tuple((c.id, c.label) for c in loaded.categories)


def skill_names() -> dict[str, str]:
    """Skill id -> name, for the shipped lexicon."""
    from ..lexicon.loader import load_lexicon

    return {s.id: s.name for s in load_lexicon().skills}
