"""What a saved ``jobmatch_skills`` component holds, on disk and as bytes (``srsly``).

A folder written by ``to_disk`` holds the lexicon as a folder :func:`load_lexicon` reads
(``lexicon.toml`` + ``skills/skills.jsonl``), the mention filter's weights
(``mention_filter.msgpack``, when a filter runs) and the compiled pattern cache
(``compiled_patterns.msgpack``, see :mod:`.cache`). ``to_bytes`` packs the same in one msgpack
map. Nothing is pickled. Also here: the registered lexicon readers for the ``[initialize]``
block of a config (``jobmatch.shipped_lexicon.v1``, ``jobmatch.lexicon_folder.v1``).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Self

import srsly  # type: ignore[import-untyped]
from spacy.util import ensure_path, registry

from ..errors import LexiconError
from ..lexicon.loader import lexicon_from_records, load_lexicon, skill_record
from ..models import Lexicon
from .cache import CACHE_RESOURCE, PatternCache, read_cache
from .mention_filter import MentionFilter

__all__ = [
    "SavedParts",
    "SerializedComponent",
    "lexicon_folder",
    "parts_from_bytes",
    "parts_to_bytes",
    "read_parts",
    "shipped_lexicon",
    "write_lexicon",
    "write_parts",
]

log = logging.getLogger(__name__)

# msgpack, not JSON: srsly's JSON writer rounds floats, msgpack keeps every weight exact
_FILTER_FILE = "mention_filter.msgpack"


@dataclass(frozen=True)
class SavedParts:
    """The state of a component: lexicon, mention filter (or ``None``), pattern cache."""

    lexicon: Lexicon
    mention_filter: MentionFilter | None
    patterns: PatternCache | None


class SerializedComponent:
    """spaCy's serialisation methods over ``saved_parts()`` / ``load_parts()`` (a mixin)."""

    def saved_parts(self) -> SavedParts:
        """The state to write."""
        raise NotImplementedError

    def load_parts(self, parts: SavedParts) -> None:
        """Use a state read back."""
        raise NotImplementedError

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the lexicon, the mention filter's weights and the pattern cache.

        Args:
            path: the folder to write (created).
            exclude: unused (spaCy's signature).

        Raises:
            OSError: the folder cannot be written.
        """
        write_parts(self.saved_parts(), ensure_path(path))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Self:
        """Load what :meth:`to_disk` wrote and build the matcher (from its cache if it fits).

        Args:
            path: the folder :meth:`to_disk` wrote.
            exclude: unused (spaCy's signature).

        Returns:
            This component.

        Raises:
            LexiconError: the folder holds no valid lexicon or filter.
        """
        self.load_parts(read_parts(ensure_path(path)))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """The same as :meth:`to_disk`, as msgpack bytes (``exclude``: unused).

        Returns:
            The bytes :meth:`from_bytes` reads.
        """
        return parts_to_bytes(self.saved_parts())

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> Self:
        """Load :meth:`to_bytes`'s data (``exclude``: unused).

        Returns:
            This component.

        Raises:
            LexiconError: the data holds no valid lexicon or filter.
        """
        self.load_parts(parts_from_bytes(data))
        return self


# The readers return a loader, not the Lexicon: spaCy validates [initialize] settings with a
# pydantic model whose dump would turn a Lexicon dataclass into a dict.
def shipped_lexicon() -> Callable[[], Lexicon]:
    """A loader of the lexicon shipped with jobmatch (for ``initialize``).

    Returns:
        A function of no argument returning the lexicon (it raises ``LexiconError``).
    """
    return load_lexicon


def lexicon_folder(path: str) -> Callable[[], Lexicon]:
    """A loader of the lexicon in a folder (for ``initialize``).

    Args:
        path: the folder (``lexicon.toml`` + ``skills/*.jsonl``).

    Returns:
        A function of no argument returning the lexicon (it raises ``LexiconError``).
    """
    return partial(load_lexicon, path)


registry.misc.register("jobmatch.shipped_lexicon.v1", func=shipped_lexicon)
registry.misc.register("jobmatch.lexicon_folder.v1", func=lexicon_folder)


def _filter_dict(filt: MentionFilter) -> dict[str, Any]:
    # meta holds threshold_probability and the training notes: MentionFilter.from_dict's input
    return {**filt.meta, "weights": filt.weights, "bias": filt.bias}


def _lexicon_dict(lexicon: Lexicon) -> dict[str, Any]:
    categories = {c.id: {"label": c.label, "layer": c.layer} for c in lexicon.categories.values()}
    return {
        "meta": {
            "version": lexicon.version,
            "categories": categories,
            "kinds": sorted(lexicon.kinds),
        },
        "skills": [skill_record(s) for s in lexicon.skills],
    }


def write_lexicon(lexicon: Lexicon, root: Path) -> None:
    """Write ``lexicon.toml`` and ``skills/skills.jsonl`` under ``root``.

    Args:
        lexicon: the lexicon.
        root: the folder (created with its parents).

    Raises:
        OSError: the folder cannot be written (spaCy's ``to_disk`` contract).
    """
    (root / "skills").mkdir(parents=True, exist_ok=True)
    lines = [f"version = {json.dumps(lexicon.version)}"]
    lines += [f"kinds = {json.dumps(sorted(lexicon.kinds))}", ""]
    for cat in lexicon.categories.values():
        lines += [
            f"[categories.{json.dumps(cat.id)}]",
            f"label = {json.dumps(cat.label)}",
            f"layer = {json.dumps(cat.layer)}",
            "",
        ]
    (root / "lexicon.toml").write_text("\n".join(lines), encoding="utf-8")
    with (root / "skills" / "skills.jsonl").open("w", encoding="utf-8") as fh:
        for s in lexicon.skills:
            fh.write(json.dumps(skill_record(s), ensure_ascii=False) + "\n")


def write_parts(parts: SavedParts, root: Path) -> None:
    """Write a component's state as a folder.

    Args:
        parts: the state.
        root: the folder (created with its parents).

    Raises:
        OSError: the folder cannot be written.
    """
    write_lexicon(parts.lexicon, root)
    if parts.mention_filter is not None:
        srsly.write_msgpack(root / _FILTER_FILE, _filter_dict(parts.mention_filter))
    if parts.patterns is not None:
        srsly.write_msgpack(root / CACHE_RESOURCE, parts.patterns.to_dict())


def read_parts(root: Path) -> SavedParts:
    """Read what :func:`write_parts` wrote (an older folder may hold the lexicon alone).

    Args:
        root: the folder.

    Returns:
        The state; a missing or unreadable cache is ``None`` (rebuilt in memory).

    Raises:
        LexiconError: no valid lexicon, or unreadable filter weights.
    """
    lexicon = load_lexicon(root)
    filt = None
    if (root / _FILTER_FILE).exists():
        try:
            filt = MentionFilter.from_dict(srsly.read_msgpack(root / _FILTER_FILE))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise LexiconError(f"bad mention filter weights: {exc}", source=str(root)) from exc
    return SavedParts(
        lexicon=lexicon, mention_filter=filt, patterns=read_cache(root / CACHE_RESOURCE)
    )


def parts_to_bytes(parts: SavedParts) -> bytes:
    """A component's state as msgpack bytes.

    Args:
        parts: the state.

    Returns:
        The bytes :func:`parts_from_bytes` reads.
    """
    filt = parts.mention_filter
    data: bytes = srsly.msgpack_dumps(
        {
            "lexicon": _lexicon_dict(parts.lexicon),
            "mention_filter": None if filt is None else _filter_dict(filt),
            "patterns": None if parts.patterns is None else parts.patterns.to_dict(),
        }
    )
    return data


def parts_from_bytes(data: bytes) -> SavedParts:
    """Read :func:`parts_to_bytes`'s bytes.

    Args:
        data: the bytes.

    Returns:
        The state (a bad pattern cache is logged and left out: rebuilt in memory).

    Raises:
        LexiconError: the bytes hold no valid lexicon or filter.
    """
    try:
        msg = srsly.msgpack_loads(data)
        lex = msg["lexicon"]
        lexicon = lexicon_from_records(lex["meta"], lex["skills"], source="<bytes>")
        raw_filter = msg.get("mention_filter")
        filt = None if raw_filter is None else MentionFilter.from_dict(raw_filter)
    except (ValueError, KeyError, TypeError) as exc:
        raise LexiconError(f"not a jobmatch_skills component: {exc}", source="<bytes>") from exc
    patterns = None
    if msg.get("patterns") is not None:
        try:
            patterns = PatternCache.from_dict(msg["patterns"])
        except ValueError as exc:
            log.warning("saved pattern cache unreadable (%s): building in memory", exc)
    return SavedParts(lexicon=lexicon, mention_filter=filt, patterns=patterns)
