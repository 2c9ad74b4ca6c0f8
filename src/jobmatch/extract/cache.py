"""The compiled pattern cache: the token lists of every text the skill matcher is built from.

Building the ``jobmatch_skills`` matcher means tokenising ~20,000 pattern spellings and the
cues of ~800 context rules; that was ~80 % of jobmatch's start-up. The tokenizer's output for
those texts ships prebuilt in ``compiled_patterns.msgpack`` (msgpack via ``srsly``: plain
strings and lists, nothing unpickled), written by::

    python -m jobmatch.extract.cache build    # after any change to the lexicon or tokenizer
    python -m jobmatch.extract.cache check    # exit 1 when the shipped cache is stale

The cache also holds the compiled context rules and pattern plan (:mod:`.compiled`: token
hashes, ready to add to the matcher), used when they were made by the same code.

A cache is used only when it was built from the same lexicon (version and a content hash of
every record) *and* the same tokenizer rules (:func:`.nlp_tokenizer.tokenizer_hash`); a
missing, unreadable or stale cache is logged and the token lists are computed in memory, as
without a cache. A text the cache lacks is tokenised on the spot, so a cache can make the
build slower, never wrong.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import logging
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import srsly  # type: ignore[import-untyped]

from ..lexicon.loader import load_lexicon, skill_record, source_digest
from ..models import Lexicon
from .compiled import CompiledBuild

__all__ = [
    "CACHE_FORMAT",
    "CACHE_RESOURCE",
    "PackedTokens",
    "PatternCache",
    "build_cache",
    "fitting_cache",
    "lexicon_fits",
    "lexicon_hash",
    "memo_lexicon_hash",
    "read_cache",
    "shipped_cache",
    "shipped_letters",
    "stale_reason",
]

log = logging.getLogger(__name__)

# 3: compiled rules and patterns (:mod:`.compiled`), packed token table; 4: each compiled
# rule with its derived word sets (read back, not derived again at start-up)
CACHE_FORMAT = 4
CACHE_RESOURCE = "compiled_patterns.msgpack"


class PackedTokens(Mapping[str, Sequence[str]]):
    """The token table as msgpack bytes, decoded on first use.

    A start-up that finds a fitting compiled build (:mod:`.compiled`) never reads the
    24,000 token lists; they are decoded only when rules and patterns are compiled again.

    Args:
        packed: ``srsly.msgpack_dumps`` of a ``{text: [token, ...]}`` map.
    """

    def __init__(self, packed: bytes) -> None:
        self.packed = packed
        self._table: dict[str, Sequence[str]] | None = None

    def table(self) -> dict[str, Sequence[str]]:
        """The decoded table.

        Raises:
            ValueError: the bytes are no msgpack map.
        """
        if self._table is None:
            table = srsly.msgpack_loads(self.packed)
            if not isinstance(table, dict):
                raise ValueError("pattern cache: the token table is not a map")
            self._table = table
        return self._table

    def __getitem__(self, text: str) -> Sequence[str]:
        return self.table()[text]

    def __iter__(self) -> Iterator[str]:
        return iter(self.table())

    def __len__(self) -> int:
        return len(self.table())


def _packed(tokens: Mapping[str, Sequence[str]]) -> bytes:
    if isinstance(tokens, PackedTokens):
        return tokens.packed
    data: bytes = srsly.msgpack_dumps({k: list(v) for k, v in tokens.items()})
    return data


@dataclass(frozen=True)
class PatternCache:
    """Token lists of a lexicon's pattern texts, with what they were built from."""

    lexicon_version: str
    lexicon_hash: str
    tokenizer_hash: str
    letters: tuple[str, ...]  # the one-letter names the tokenizer splits from a period
    tokens: Mapping[str, Sequence[str]]
    compiled: CompiledBuild | None = None  # the rules and patterns compiled from the tokens
    #: the lexicon's :func:`~jobmatch.lexicon.loader.source_digest` ("" for one built in memory)
    lexicon_source: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The cache as plain msgpack-able data."""
        return {
            "format": CACHE_FORMAT,
            "lexicon_version": self.lexicon_version,
            "lexicon_hash": self.lexicon_hash,
            "lexicon_source": self.lexicon_source,
            "tokenizer_hash": self.tokenizer_hash,
            "letters": list(self.letters),
            "tokens": _packed(self.tokens),
            "compiled": None if self.compiled is None else self.compiled.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Any) -> PatternCache:
        """Read :meth:`to_dict`'s data back.

        Raises:
            ValueError: not a cache of this format.
        """
        if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT:
            raise ValueError(f"not a pattern cache of format {CACHE_FORMAT}")
        tokens = data.get("tokens")
        meta = [data.get(k) for k in ("lexicon_version", "lexicon_hash", "tokenizer_hash")]
        if not isinstance(tokens, bytes) or not all(isinstance(m, str) for m in meta):
            raise ValueError("pattern cache: bad header or token table")
        compiled = data.get("compiled")
        source = data.get("lexicon_source", "")
        if not isinstance(source, str):
            raise ValueError("pattern cache: bad lexicon source digest")
        return cls(
            lexicon_version=str(meta[0]),
            lexicon_hash=str(meta[1]),
            tokenizer_hash=str(meta[2]),
            letters=tuple(str(c) for c in data.get("letters") or ()),
            tokens=PackedTokens(tokens),
            compiled=None if compiled is None else CompiledBuild.from_dict(compiled),
            lexicon_source=source,
        )


def lexicon_hash(lexicon: Lexicon) -> str:
    """A content hash of a lexicon: its version, categories and every skill record.

    Args:
        lexicon: a loaded lexicon (shipped, from a folder or passed as an object).

    Returns:
        A hex SHA-256 digest.
    """
    state = {
        "version": lexicon.version,
        "categories": [[c.id, c.label, c.layer] for c in lexicon.categories.values()],
        "skills": [skill_record(s) for s in lexicon.skills],
    }
    blob = json.dumps(state, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


# id -> (lexicon, hash): the lexicon is kept so that its id is not reused; a few entries
_HASHES: dict[int, tuple[Lexicon, str]] = {}


def memo_lexicon_hash(lexicon: Lexicon) -> str:
    """:func:`lexicon_hash`, remembered for the last few lexicon objects."""
    found = _HASHES.get(id(lexicon))
    if found is None or found[0] is not lexicon:
        if len(_HASHES) >= 8:
            _HASHES.clear()
        found = _HASHES[id(lexicon)] = (lexicon, lexicon_hash(lexicon))
    return found[1]


def lexicon_fits(cache: PatternCache, lexicon: Lexicon) -> bool:
    """Whether ``cache`` was built from a lexicon with ``lexicon``'s records.

    The digest of the files the lexicon was loaded from decides when the cache has one (the
    same bytes, read by the same loader); else the content hash of every record does.
    """
    source = source_digest(lexicon)
    if source is not None and source == cache.lexicon_source:
        return True
    return cache.lexicon_hash == memo_lexicon_hash(lexicon)


def stale_reason(cache: PatternCache, lexicon: Lexicon, tokenizer_digest: str) -> str | None:
    """Why ``cache`` does not fit a lexicon and a tokenizer, or ``None`` when it does.

    Args:
        cache: the cache.
        lexicon: the lexicon the matcher is built from.
        tokenizer_digest: :func:`.nlp_tokenizer.tokenizer_hash` of the pipeline's tokenizer.

    Returns:
        A short reason ("lexicon version 1 != 2"...), or ``None``.
    """
    if cache.lexicon_version != lexicon.version:
        return f"lexicon version {cache.lexicon_version} != {lexicon.version}"
    if not lexicon_fits(cache, lexicon):
        return "the lexicon's content changed"
    if cache.tokenizer_hash != tokenizer_digest:
        return "the tokenizer's rules differ"
    return None


def fitting_cache(
    lexicon: Lexicon, tokenizer_digest: str, saved: PatternCache | None, *, use: bool = True
) -> PatternCache | None:
    """The saved or else the shipped cache, when it fits the lexicon and the tokenizer.

    Args:
        lexicon: the lexicon the matcher is built from.
        tokenizer_digest: the pipeline tokenizer's hash.
        saved: the cache of a saved pipeline, or ``None``.
        use: ``False`` for no cache at all.

    Returns:
        The cache, or ``None`` (each unfit one is logged with its reason).
    """
    if not use:
        return None
    for cache in (saved, shipped_cache()):
        if cache is not None:
            reason = stale_reason(cache, lexicon, tokenizer_digest)
            if reason is None:
                return cache
            log.info("pattern cache not used: %s", reason)
    return None


def read_cache(path: Path | Any) -> PatternCache | None:
    """Read a cache file (a ``Path`` or an ``importlib.resources`` file).

    Returns:
        The cache, or ``None`` (logged) when it is missing or unreadable.
    """
    try:
        raw = path.read_bytes()
        with _collector_paused():
            # msgpack as ``srsly.msgpack_loads`` calls it (which turns the collector on when
            # done, whatever it was before)
            return PatternCache.from_dict(srsly.msgpack.loads(raw, raw=False, use_list=True))
    except FileNotFoundError:
        log.info("no pattern cache at %s", path)
    except (OSError, ValueError) as exc:  # srsly raises ValueError subclasses on bad data
        log.warning("pattern cache %s is unreadable (%s): building in memory", path, exc)
    return None


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The garbage collector off for a bounded piece of work that makes many objects and no
    reference cycles (as ``srsly.msgpack_loads`` does): decoding the cache and reading the
    compiled build back make ~160,000 lists, tuples and sets, and the ~110 collections they
    trigger with Python's default thresholds walked them again and again (~0.07 s of a
    ``Scorer()``). It is on again after, if it was on before."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


@lru_cache(maxsize=1)
def shipped_cache() -> PatternCache | None:
    """The cache shipped in the package, or ``None`` (read once per process)."""
    return read_cache(resources.files(__package__).joinpath(CACHE_RESOURCE))


def shipped_letters() -> list[str]:
    """The shipped lexicon's one-letter names (from the cache when it fits the lexicon)."""
    cache = shipped_cache()
    lexicon = load_lexicon()
    if cache is not None and lexicon_fits(cache, lexicon):
        return list(cache.letters)
    from .nlp_tokenizer import letter_forms
    from .patterns import pattern_forms

    return letter_forms(pattern_forms(lexicon.skills))


def build_cache(lexicon: Lexicon | None = None) -> PatternCache:
    """Build the cache of a lexicon for the jobmatch tokenizer, without any cache.

    Args:
        lexicon: the lexicon; ``None`` for the shipped one.

    Returns:
        The cache.

    Raises:
        LexiconError: the shipped lexicon cannot be loaded.
    """
    from .component import SkillComponent
    from .nlp_tokenizer import blank_pipeline, letter_forms
    from .patterns import pattern_forms

    lex = load_lexicon() if lexicon is None else lexicon
    nlp = blank_pipeline(letter_forms(pattern_forms(lex.skills)))
    comp = SkillComponent(nlp, lexicon=lex, use_filter=False, use_cache=False)
    return comp.pattern_cache


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m jobmatch.extract.cache build|check`` (a build tool, not the library)."""
    parser = argparse.ArgumentParser(prog="python -m jobmatch.extract.cache")
    parser.add_argument("action", choices=["build", "check"])
    parser.add_argument("--output", type=Path, default=Path(__file__).with_name(CACHE_RESOURCE))
    args = parser.parse_args(argv)
    fresh = build_cache()
    if args.action == "build":
        args.output.write_bytes(srsly.msgpack_dumps(fresh.to_dict()))
        sys.stdout.write(f"wrote {args.output} ({len(fresh.tokens)} texts)\n")
        return 0
    found = read_cache(args.output)
    if found is None or found.to_dict() != fresh.to_dict():
        sys.stdout.write(f"{args.output} is stale: run python -m jobmatch.extract.cache build\n")
        return 1
    sys.stdout.write(f"{args.output} is up to date\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
