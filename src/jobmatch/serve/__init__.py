"""``jobmatch serve``: a local web page and a JSON API over the library (extra ``web``).

Only this package imports the web framework (FastAPI, Starlette, uvicorn). Importing it
without the ``web`` extra fails with an :class:`ImportError` naming the extra; the names
below are imported lazily so that ``jobmatch.serve.service`` stays usable without it.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__all__ = ["create_app", "run"]

_LAZY = {"create_app": "app", "run": "server"}

if TYPE_CHECKING:
    from .app import create_app as create_app
    from .server import run as run


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'jobmatch.serve' has no attribute {name!r}")
    return getattr(import_module(f".{module}", __name__), name)
