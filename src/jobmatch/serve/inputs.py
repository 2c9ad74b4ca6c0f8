"""Read a request's documents and options: a multipart form or a JSON object.

Both shapes carry the same names. A document ``resume`` (or ``posting``, ``document``) is
either a file in the multipart field ``resume`` or a text in ``resume_text``; JSON bodies
carry only texts (``{"resume_text": "...", "profile": "..."}``). Uploaded files are read
into memory (Starlette spools a large part to an anonymous temporary file, closed and gone
when the form is closed at the end of the request); nothing is kept afterwards.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from starlette.datastructures import UploadFile
from starlette.requests import Request

from .problems import Problem
from .service import Upload

__all__ = ["InputError", "Inputs", "read_inputs", "request_body_schema"]

#: the longest pasted text or option value accepted in a form field, in bytes
MAX_FIELD_BYTES = 2 * 1024 * 1024
_OPTIONS = ("profile", "format", "password")


class InputError(Exception):
    """The request cannot be read; ``problem`` is the answer (415 or 422)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


@dataclass(frozen=True, slots=True)
class Inputs:
    """The files (name, bytes) and text fields of one request."""

    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)

    def upload(self, role: str, *, required: bool = True) -> Upload | None:
        """The document ``role``: the file ``role`` if sent, else the text ``role_text``.

        Raises:
            InputError: a required document is missing (422 ``missing_input``).
        """
        if role in self.files:
            filename, data = self.files[role]
            password = self.texts.get("password") if role == "resume" else None
            return Upload(role=role, data=data, filename=filename, password=password or None)
        text = self.texts.get(f"{role}_text", "")
        if text.strip():
            return Upload(role=role, text=text)
        if not required:
            return None
        raise InputError(
            Problem(
                422,
                "missing_input",
                f"no {role}: send a file in the field '{role}' or a text in '{role}_text'",
            )
        )

    def option(self, name: str, default: str) -> str:
        """The text field ``name`` (stripped), or ``default`` when absent or empty."""
        return self.texts.get(name, "").strip() or default


async def read_inputs(request: Request, *, roles: Sequence[str]) -> Inputs:
    """Read the documents ``roles`` and the options of a multipart or JSON request.

    Raises:
        InputError: another content type (415), malformed JSON or form (422).
    """
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "application/json":
        return _json_inputs(await request.body(), roles)
    if ctype in ("multipart/form-data", "application/x-www-form-urlencoded"):
        return await _form_inputs(request, roles)
    raise InputError(
        Problem(
            415,
            "unsupported_media_type",
            f"send multipart/form-data or application/json, not {ctype or 'no content type'}",
        )
    )


def _json_inputs(body: bytes, roles: Sequence[str]) -> Inputs:
    try:
        value: Any = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(Problem(422, "bad_json", f"the body is not valid JSON: {exc}")) from exc
    if not isinstance(value, dict):
        raise InputError(Problem(422, "bad_json", "the body must be a JSON object"))
    known = {f"{r}_text" for r in roles} | set(_OPTIONS)
    texts: dict[str, str] = {}
    for key, item in value.items():
        if key not in known:
            raise InputError(
                Problem(422, "bad_json", f"unknown key {key!r}; expected {sorted(known)}")
            )
        if not isinstance(item, str):
            raise InputError(Problem(422, "bad_json", f"{key!r} must be a string"))
        texts[key] = item
    return Inputs(texts=texts)


async def _form_inputs(request: Request, roles: Sequence[str]) -> Inputs:
    try:
        form = await request.form(
            max_files=len(roles),
            max_fields=len(roles) + len(_OPTIONS),
            max_part_size=MAX_FIELD_BYTES,
        )
    except AssertionError as exc:  # raised by Starlette when python-multipart is missing
        raise InputError(Problem(415, "unsupported_media_type", str(exc))) from exc
    files: dict[str, tuple[str, bytes]] = {}
    texts: dict[str, str] = {}
    try:
        for key, item in form.multi_items():
            if isinstance(item, UploadFile):
                data = await item.read()
                # a browser sends an empty part with no name for a file input left empty
                if key in roles and (data or item.filename):
                    files[key] = (item.filename or "", data)
            elif key.removesuffix("_text") in roles or key in _OPTIONS:
                texts[key] = item
    finally:
        await form.close()
    return Inputs(files=files, texts=texts)


def request_body_schema(roles: Sequence[str], *, description: str) -> dict[str, Any]:
    """The OpenAPI ``requestBody`` of an endpoint taking the documents ``roles``."""
    form: dict[str, Any] = {}
    text: dict[str, Any] = {}
    for role in roles:
        form[role] = {"type": "string", "format": "binary", "description": f"the {role} file"}
        form[f"{role}_text"] = text[f"{role}_text"] = {
            "type": "string",
            "description": f"the {role} as text (instead of a file)",
        }
    opts = {
        "profile": {"type": "string", "description": "a shipped profile id (GET /api/profiles)"},
        "format": {
            "type": "string",
            "enum": ["json", "html", "markdown", "text"],
            "description": "json (default), or a rendered report",
        },
        "password": {"type": "string", "description": "the password of an encrypted resume PDF"},
    }
    return {
        "requestBody": {
            "required": True,
            "description": description,
            "content": {
                "multipart/form-data": {
                    "schema": {"type": "object", "properties": {**form, **opts}}
                },
                "application/json": {"schema": {"type": "object", "properties": {**text, **opts}}},
            },
        }
    }
