"""Shared fixtures: one skill extractor for the whole session, and the real-data folder.

Helpers (functions, data) live in ``tests/helpers.py``; this file only defines fixtures.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.helpers import MINI_RECORDS, write_lexicon

if TYPE_CHECKING:
    from jobmatch.extract.component import SkillExtractor


def _shared_data_dir() -> Path | None:
    # CI clones the repository next to shared/; JOBMATCH_SHARED_DATA overrides for other layouts
    candidate = Path(__file__).resolve().parents[1].parent / "shared" / "data"
    if candidate.is_dir():
        return candidate
    env = os.environ.get("JOBMATCH_SHARED_DATA")
    if env and Path(env).is_dir():
        return Path(env)
    return None


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data`` (real documents for evaluation tests); skips the test if absent."""
    path = _shared_data_dir()
    if path is None:
        pytest.skip("shared data folder not found (set JOBMATCH_SHARED_DATA)")
    return path


@pytest.fixture(scope="session")
def extractor() -> SkillExtractor:
    """One ``SkillExtractor`` over the shipped lexicon, built once per test session."""
    from jobmatch.extract.component import SkillExtractor

    return SkillExtractor()


@pytest.fixture(scope="session")
def mini_lexicon_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small fixed lexicon folder (ambiguous names with context rules + neighbours)."""
    return write_lexicon(tmp_path_factory.mktemp("mini_lexicon"), MINI_RECORDS)


@pytest.fixture(scope="session")
def mini_extractor(mini_lexicon_dir: Path) -> SkillExtractor:
    """A ``SkillExtractor`` over the small fixed test lexicon (stable expectations)."""
    from jobmatch.extract.component import SkillExtractor

    return SkillExtractor(lexicon=mini_lexicon_dir)
