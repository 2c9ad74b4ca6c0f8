"""jobmatch serve: the web page and JSON API."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from .app import main

if TYPE_CHECKING:
    pass


# --------------------------------------------------------------- serve


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--workers", default=1, show_default=True, type=click.IntRange(min=1), help="Scoring processes."
)
@click.option(
    "--queue",
    type=click.IntRange(min=0),
    help="Requests that may wait for a worker (default 8 per worker); beyond: 503.",
)
def serve(host: str, port: int, workers: int, queue: int | None) -> None:
    """Serve the web page and the JSON API (needs the extra: pip install 'jobmatch[web]').

    The page is at http://HOST:PORT/, the API under /api/ and its documentation at /docs.
    It binds to 127.0.0.1: binding to another address lets anyone who reaches it upload
    files (no authentication, no TLS). Stop it with Ctrl-C.
    """
    from importlib.util import find_spec

    if not all(find_spec(m) for m in ("fastapi", "uvicorn", "multipart")):
        raise click.ClickException(
            "jobmatch serve needs the web extra: pip install 'jobmatch[web]'"
        )
    from ..serve.server import is_loopback, run

    if not is_loopback(host):
        click.echo(
            f"Warning: serving on {host}: reachable from the network, unauthenticated.", err=True
        )
    run(host=host, port=port, workers=workers, queue=queue)
