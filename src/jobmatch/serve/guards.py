"""Two ASGI middlewares: a cap on the request body and the security headers of every answer.

:class:`BodyLimit` refuses a body larger than its limit before reading it when the client
announces the size (``Content-Length``), and stops reading the moment a body without one
passes the limit, so a client cannot make the server buffer an unbounded upload.
:class:`SecurityHeaders` adds a strict Content-Security-Policy (scripts, styles and images
from this origin only; no inline script, no frame, no external fetch) and its companions.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["BodyLimit", "BodyTooLarge", "SecurityHeaders", "CSP"]

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
]


class BodyTooLarge(Exception):
    """The request body passed the server's limit (answered 413)."""

    def __init__(self, limit: int) -> None:
        super().__init__(
            f"request body too large (limit {limit} bytes; a document may have up to"
            f" {limit // 2 // 1024 // 1024} MB)"
        )
        self.limit = limit


class BodyLimit:
    """Refuse request bodies over ``max_bytes`` with 413 (announced or streamed).

    Args:
        app: the wrapped ASGI app.
        max_bytes: the largest body accepted.
    """

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        announced = dict(scope["headers"]).get(b"content-length")
        if announced is not None and (not announced.isdigit() or int(announced) > self.max_bytes):
            await _refuse(send, str(BodyTooLarge(self.max_bytes)))
            return
        seen = 0

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        await self.app(scope, counting_receive, send)


async def _refuse(send: Send, message: str) -> None:
    body = json.dumps({"error": "too_large", "message": message}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """Add the Content-Security-Policy and related headers to every HTTP answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers: list[Any] = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in _HEADERS if k not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
