"""Fixtures of the serve tests: one app with one real worker process for the session."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    # Starlette asks for its fork "httpx2" (not on the package index here); httpx still works
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from starlette.testclient import TestClient

from jobmatch.serve import create_app

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="session")
def client() -> Iterator[TestClient]:
    """A client of the app with one spawned worker (the pipeline is loaded once, there)."""
    with TestClient(create_app(workers=1, queue=4)) as c:
        yield c


@pytest.fixture(scope="session")
def samples() -> Path:
    """The repository's ``samples/`` folder."""
    return SAMPLES
