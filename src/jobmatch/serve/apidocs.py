"""``/docs``: the OpenAPI description as one self-contained HTML page.

FastAPI's default ``/docs`` loads Swagger UI from a CDN, which the "no network" rule and
the Content-Security-Policy forbid. This page is rendered on the server from the same
OpenAPI document served at ``/openapi.json``: each operation with its summary, its
description, its request body fields and its responses. No script is needed.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

__all__ = ["docs_page"]


def _h(value: object) -> str:
    return escape(str(value), quote=True)


def _prose(value: object) -> str:
    """Escaped text whose `backticked` words become <code>."""
    return re.sub(r"`([^`<>]+)`", r"<code>\1</code>", _h(value))


def docs_page(spec: dict[str, Any]) -> str:
    """The HTML page describing every operation of the OpenAPI document ``spec``.

    Args:
        spec: an OpenAPI 3 document (``app.openapi()``).

    Returns:
        A complete HTML document using only ``/static/app.css``.
    """
    info = spec.get("info", {})
    toc: list[str] = []
    body: list[str] = []
    for path, ops in spec.get("paths", {}).items():
        for method, op in ops.items():
            anchor = f"{method}-{path}".replace("/", "-").strip("-")
            toc.append(f'<li><a href="#{_h(anchor)}">{_h(method.upper())} {_h(path)}</a></li>')
            body.append(_operation(anchor, method, path, op))
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_h(info.get('title', 'API'))} API</title>",
            '<link rel="stylesheet" href="/static/app.css">',
            '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml"></head><body>',
            f"<header><h1>{_h(info.get('title', 'API'))} {_h(info.get('version', ''))} API</h1>",
            f"<p>{_prose(info.get('description', ''))}</p>",
            '<p>Machine-readable: <a href="/openapi.json">/openapi.json</a>.'
            ' Back to <a href="/">the page</a>.</p></header>',
            '<main id="main"><nav aria-label="Operations"><ul>',
            *toc,
            "</ul></nav>",
            *body,
            "</main></body></html>",
        ]
    )


def _operation(anchor: str, method: str, path: str, op: dict[str, Any]) -> str:
    parts = [
        f'<section class="op" id="{_h(anchor)}" aria-labelledby="{_h(anchor)}-h">',
        f'<h2 id="{_h(anchor)}-h"><code>{_h(method.upper())} {_h(path)}</code></h2>',
        f"<p><strong>{_h(op.get('summary', ''))}</strong></p>",
    ]
    if op.get("description"):
        parts.append(f'<p class="desc">{_prose(op["description"])}</p>')
    params = op.get("parameters", [])
    if params:
        rows = "".join(
            f"<tr><td><code>{_h(p.get('name'))}</code></td><td>{_h(p.get('in'))}</td>"
            f"<td>{_h(p.get('description', p.get('schema', {}).get('title', '')))}</td></tr>"
            for p in params
        )
        parts.append(
            "<h3>Parameters</h3><table><thead><tr><th>Name</th><th>In</th><th>Meaning</th>"
            f"</tr></thead><tbody>{rows}</tbody></table>"
        )
    for ctype, content in op.get("requestBody", {}).get("content", {}).items():
        props = content.get("schema", {}).get("properties", {})
        rows = "".join(
            f"<tr><td><code>{_h(name)}</code></td><td>{_h(_type(p))}</td>"
            f"<td>{_h(p.get('description', ''))}</td></tr>"
            for name, p in props.items()
        )
        parts.append(
            f"<h3>Body: <code>{_h(ctype)}</code></h3><table><thead><tr><th>Field</th>"
            f"<th>Type</th><th>Meaning</th></tr></thead><tbody>{rows}</tbody></table>"
        )
    responses = op.get("responses", {})
    if responses:
        rows = "".join(
            f"<tr><td>{_h(code)}</td><td>{_h(r.get('description', ''))}</td></tr>"
            for code, r in responses.items()
        )
        parts.append(
            "<h3>Responses</h3><table><thead><tr><th>Status</th><th>Meaning</th></tr>"
            f"</thead><tbody>{rows}</tbody></table>"
        )
    parts.append("</section>")
    return "\n".join(parts)


def _type(prop: dict[str, Any]) -> str:
    if prop.get("format") == "binary":
        return "file"
    if "enum" in prop:
        return " | ".join(map(str, prop["enum"]))
    return str(prop.get("type", ""))
