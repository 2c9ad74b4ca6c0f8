"""JSON-ready data out of dataclasses (the ``to_dict()`` of the public data objects)."""

from __future__ import annotations

from typing import Any

__all__ = ["jsonable"]


def jsonable(value: Any) -> Any:
    """``asdict`` output with tuples turned into lists (JSON-ready, stable key order)."""
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value
