"""The rendered reports a page offers for download, kept in memory for a short while.

A page shows a report and links to it as HTML, Markdown and JSON. The renderings are held
in this process's memory under a random token (never on disk), at most ``max_items`` of
them and for at most ``ttl_s`` seconds; the oldest go first.
"""

from __future__ import annotations

import secrets
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping

__all__ = ["ReportStore", "DOWNLOAD_TYPES"]

#: file suffix -> (report format, media type)
DOWNLOAD_TYPES: dict[str, tuple[str, str]] = {
    "html": ("html", "text/html; charset=utf-8"),
    "md": ("markdown", "text/markdown; charset=utf-8"),
    "json": ("json", "application/json"),
}


class ReportStore:
    """Bounded, expiring in-memory store of rendered reports.

    Args:
        max_items: most reports kept (the oldest is dropped first).
        ttl_s: seconds a report stays available.
        clock: the time source (injected by tests).
    """

    def __init__(
        self,
        *,
        max_items: int = 64,
        ttl_s: float = 1800.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_items = max_items
        self.ttl_s = ttl_s
        self._clock = clock
        self._items: OrderedDict[str, tuple[float, Mapping[str, str]]] = OrderedDict()

    def put(self, renderings: Mapping[str, str]) -> str:
        """Keep ``renderings`` (report format -> text) and return their token."""
        self._expire()
        token = secrets.token_urlsafe(16)
        self._items[token] = (self._clock(), dict(renderings))
        while len(self._items) > self.max_items:
            self._items.popitem(last=False)
        return token

    def get(self, token: str, fmt: str) -> str | None:
        """The rendering ``fmt`` of the report ``token``, or ``None`` if gone or unknown."""
        self._expire()
        item = self._items.get(token)
        return item[1].get(fmt) if item else None

    def __len__(self) -> int:
        return len(self._items)

    def _expire(self) -> None:
        now = self._clock()
        while self._items:
            created, _ = next(iter(self._items.values()))
            if now - created <= self.ttl_s:
                break
            self._items.popitem(last=False)
