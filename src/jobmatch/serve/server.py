"""Run the app with uvicorn: ``jobmatch serve`` calls :func:`run`.

One server process runs the event loop (uploads, pages, the queue); ``workers`` spawned
processes do the scoring. uvicorn's own ``limit_concurrency`` bounds the open connections
(beyond it uvicorn answers 503), so a flood of slow uploads cannot hold unbounded memory.
"""

from __future__ import annotations

import ipaddress
import logging

__all__ = ["run", "is_loopback", "DEFAULT_HOST", "DEFAULT_PORT"]

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def is_loopback(host: str) -> bool:
    """True when ``host`` only accepts connections from this machine (127.x, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run(
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    workers: int = 1,
    queue: int | None = None,
    log_level: str = "info",
) -> None:
    """Serve the page and the API until interrupted (Ctrl-C).

    Args:
        host: the address to bind; anything but loopback exposes uploads to the network.
        port: the TCP port (0 picks a free one).
        workers: scoring processes (each loads the pipeline and profiles once).
        queue: requests that may wait for a worker (default ``8 * workers``).
        log_level: uvicorn's log level.

    Raises:
        ValueError: ``workers`` < 1 or ``queue`` < 0.
        ImportError: the ``web`` extra is not installed (``pip install 'jobmatch[web]'``).
    """
    import uvicorn

    from .app import create_app

    if not is_loopback(host):
        log.warning(
            "binding to %s: anyone who can reach this address can upload files and use the"
            " CPU; there is no authentication and no TLS",
            host,
        )
    # on loopback, only answer requests addressed to this machine's names (DNS rebinding)
    hosts = [host, "127.0.0.1", "localhost", "::1", "[::1]"] if is_loopback(host) else None
    app = create_app(workers=workers, queue=queue, allowed_hosts=hosts)
    capacity = app.state.pool.capacity
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level=log_level,
        limit_concurrency=capacity + 32,  # the queue, plus pages, health checks and statics
        timeout_graceful_shutdown=5,
        server_header=False,
    )
