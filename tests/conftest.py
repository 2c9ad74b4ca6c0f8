"""Shared fixtures: one skill extractor for the whole session, and the real-data folder."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from jobmatch.pipeline import SkillExtractor


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
    from jobmatch.pipeline import SkillExtractor

    return SkillExtractor()
