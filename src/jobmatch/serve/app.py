"""The ASGI app of ``jobmatch serve``: the page, the JSON API and their error answers.

A thin web layer: each route reads its inputs (:mod:`.inputs`), screens them for a
decompression bomb in a thread (:mod:`.screen`), hands one call of :mod:`.service` to the
worker pool (:mod:`.pool`) and sends what comes back (rendered in the worker). Errors are
answered in one place each: an input error of the library is a 4xx ``{error, message}``
(:mod:`.problems`), a full queue is ``503`` with ``Retry-After``, and anything unexpected is
a ``500`` whose body carries no traceback (the traceback goes to the log).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import __version__
from . import service
from .apidocs import docs_page
from .downloads import DOWNLOAD_TYPES, ReportStore
from .guards import BodyLimit, BodyTooLarge, SecurityHeaders
from .inputs import InputError, Inputs, read_inputs, request_body_schema
from .pages import page
from .pool import Busy, WorkerPool, process_executor
from .problems import Problem
from .screen import screen
from .service import Upload

__all__ = ["create_app", "MAX_BODY_BYTES"]

log = logging.getLogger(__name__)

#: two documents of the reader's 20 MB limit, plus the form's overhead
MAX_BODY_BYTES = 41 * 1024 * 1024
_STATIC = Path(__file__).with_name("static")
#: the report formats a page offers for download (rendered by the worker)
_DOWNLOADS = tuple(fmt for fmt, _ in DOWNLOAD_TYPES.values())
_ERRORS: dict[int | str, dict[str, Any]] = {
    413: {"description": "too large: the body, the file, or its pages or inflated streams"},
    415: {"description": "unsupported file type or content type"},
    422: {"description": "unreadable document (encrypted, image only, corrupt, empty) or bad"
          " input; body {error, message}"},
    503: {"description": "every worker busy and the queue full; retry after Retry-After s"},
}  # fmt: skip


def create_app(
    *,
    workers: int = 1,
    queue: int | None = None,
    pool: WorkerPool | None = None,
    profile_ids: Sequence[str] | None = None,
    allowed_hosts: Sequence[str] | None = None,
) -> FastAPI:
    """Build the app; the worker processes start with it (lifespan) and stop with it.

    Args:
        workers: worker processes scoring in parallel (each loads the pipeline once).
        queue: requests that may wait for a worker (default ``8 * workers``); more get 503.
        pool: a ready pool to use instead (tests inject one).
        profile_ids: profiles each worker loads at start (default: every shipped profile).
        allowed_hosts: the only ``Host`` headers answered (others get 400), e.g. the
            loopback names, so that a web page cannot reach the server through DNS
            rebinding; ``None`` answers any.

    Returns:
        The FastAPI application.
    """
    ids = tuple(profile_ids or (p[0] for p in service.profiles()))
    pool = pool or WorkerPool(
        workers=workers,
        queue=8 * workers if queue is None else queue,
        executor_factory=lambda: process_executor(workers, ids),
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        pids = await pool.warm_up()
        log.info("jobmatch serve: %d worker process(es) ready: %s", len(pids), pids)
        yield
        pool.shutdown()
        screener.shutdown(wait=True, cancel_futures=True)

    app = FastAPI(
        title="jobmatch",
        version=__version__,
        description="Score resumes and postings: the JSON API of jobmatch (same schema as "
        "`jobmatch score --format json`).",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    # screening (a bomb answered before the queue) runs in threads of this process
    screener = ThreadPoolExecutor(max_workers=2, thread_name_prefix="jobmatch-screen")
    app.state.pool = pool
    app.state.screener = screener
    app.state.store = ReportStore()
    app.mount("/static", StaticFiles(directory=_STATIC), name="static")
    _add_error_handlers(app)
    _add_api_routes(app)
    _add_page_routes(app)
    app.add_middleware(BodyLimit, max_bytes=MAX_BODY_BYTES)
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    app.add_middleware(SecurityHeaders)
    return app


# ------------------------------------------------------------------------ errors


def _problem_response(problem: Problem, headers: Mapping[str, str] | None = None) -> JSONResponse:
    return JSONResponse(problem.to_dict(), status_code=problem.status, headers=headers)


def _busy_problem(exc: Busy) -> Problem:
    return Problem(503, "busy", str(exc))


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(InputError)
    async def input_error(request: Request, exc: InputError) -> Response:
        return _problem_response(exc.problem)

    @app.exception_handler(BodyTooLarge)
    async def body_too_large(request: Request, exc: BodyTooLarge) -> Response:
        return _problem_response(Problem(413, "too_large", str(exc)))

    @app.exception_handler(Busy)
    async def busy(request: Request, exc: Busy) -> Response:
        return _problem_response(_busy_problem(exc), {"Retry-After": str(exc.retry_after)})

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        where = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        return _problem_response(Problem(422, "bad_request", where))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return _problem_response(Problem(exc.status_code, code, str(exc.detail)), exc.headers)

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return _problem_response(Problem(500, "internal", "internal error (see the server log)"))


def _profile(inputs: Inputs) -> str:
    pid = inputs.option("profile", service.DEFAULT_PROFILE)
    known = [p[0] for p in service.profiles()]
    if pid not in known:
        raise InputError(
            Problem(422, "unknown_profile", f"unknown profile {pid!r}; shipped: {', '.join(known)}")
        )
    return pid


def _report_response(outcome: service.Scored | Problem, fmt: str) -> Response:
    if isinstance(outcome, Problem):
        return _problem_response(outcome)
    if fmt == "json":  # that of `jobmatch score --format json`, without its indentation
        return Response(outcome.renderings[service.COMPACT_JSON], media_type="application/json")
    media = {"html": "text/html", "markdown": "text/markdown", "text": "text/plain"}[fmt]
    return Response(outcome.renderings[fmt], media_type=f"{media}; charset=utf-8")


def _rendered(fmt: str) -> tuple[str]:
    """What the worker renders for an API call asking for ``fmt``."""
    return (service.COMPACT_JSON if fmt == "json" else fmt,)


def _format(inputs: Inputs) -> str:
    fmt = inputs.option("format", "json")
    if fmt not in service.REPORT_FORMATS:
        raise InputError(
            Problem(422, "bad_format", f"unknown format {fmt!r}; expected one of "
                    f"{', '.join(service.REPORT_FORMATS)}")
        )  # fmt: skip
    return fmt


async def _screened(app: FastAPI, *uploads: Upload | None) -> None:
    """Raise the :class:`InputError` of a decompression bomb among ``uploads``, if any.

    Runs :func:`.screen.screen` in the app's screening threads, off the event loop and
    without taking a worker of the pool.
    """
    loop = asyncio.get_running_loop()
    problem = await loop.run_in_executor(app.state.screener, screen, uploads)
    if problem is not None:
        raise InputError(problem)


# ------------------------------------------------------------------------ the API


def _add_api_routes(app: FastAPI) -> None:
    pool: WorkerPool = app.state.pool

    @app.post(
        "/api/score",
        summary="Score a resume against a role profile",
        description="A resume file (field `resume`) or text (`resume_text`), an optional "
        "`profile` (default research-engineer) and `format`. The JSON is that of "
        "`jobmatch score --format json`.",
        openapi_extra=request_body_schema(["resume"], description="the resume"),
        responses=_ERRORS,
    )
    async def api_score(request: Request) -> Response:
        inputs = await read_inputs(request, roles=["resume"])
        resume, pid, fmt = inputs.upload("resume"), _profile(inputs), _format(inputs)
        await _screened(app, resume)
        return _report_response(await pool.run(service.score, resume, pid, _rendered(fmt)), fmt)

    @app.post(
        "/api/match",
        summary="Score a resume against one job posting",
        description="`resume`/`resume_text` and `posting`/`posting_text`; the posting's "
        "requirements become the profile. The JSON is that of `jobmatch match --format json`.",
        openapi_extra=request_body_schema(["resume", "posting"], description="the documents"),
        responses=_ERRORS,
    )
    async def api_match(request: Request) -> Response:
        inputs = await read_inputs(request, roles=["resume", "posting"])
        resume, posting = inputs.upload("resume"), inputs.upload("posting")
        pid, fmt = _profile(inputs), _format(inputs)
        await _screened(app, resume, posting)
        outcome = await pool.run(service.match, resume, posting, pid, _rendered(fmt))
        return _report_response(outcome, fmt)

    @app.post(
        "/api/extract",
        summary="List the skills found in a document",
        description="`document`/`document_text`. The JSON is one object of "
        "`jobmatch extract --format json`.",
        openapi_extra=request_body_schema(["document"], description="the document"),
        responses=_ERRORS,
    )
    async def api_extract(request: Request) -> Response:
        inputs = await read_inputs(request, roles=["document"])
        document = inputs.upload("document")
        await _screened(app, document)
        outcome = await pool.run(service.extract, document)
        if isinstance(outcome, Problem):
            return _problem_response(outcome)
        return JSONResponse(outcome)

    @app.get("/api/profiles", summary="The shipped role profiles")
    async def api_profiles() -> list[dict[str, str]]:
        return [{"id": i, "name": n, "version": v} for i, n, v in service.profiles()]

    @app.get("/api/health", summary="Liveness, version and the queue")
    async def api_health() -> dict[str, Any]:
        return {
            "status": "ok",
            "version": __version__,
            "workers": pool.workers,
            "capacity": pool.capacity,
            "in_flight": pool.in_flight,
        }


# ------------------------------------------------------------------------ the page


def _add_page_routes(app: FastAPI) -> None:
    pool: WorkerPool = app.state.pool
    store: ReportStore = app.state.store

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def home() -> HTMLResponse:
        return HTMLResponse(page(profiles=service.profiles(), selected=service.DEFAULT_PROFILE))

    @app.post("/", response_class=HTMLResponse, include_in_schema=False)
    async def submit(request: Request) -> HTMLResponse:
        selected = service.DEFAULT_PROFILE
        try:
            inputs = await read_inputs(request, roles=["resume", "posting"])
            selected = _profile(inputs)
            resume, posting = inputs.upload("resume"), inputs.upload("posting", required=False)
            await _screened(app, resume, posting)
            if posting is None:
                outcome = await pool.run(service.score, resume, selected, _DOWNLOADS)
            else:
                outcome = await pool.run(service.match, resume, posting, selected, _DOWNLOADS)
        except InputError as exc:
            outcome = exc.problem
        except (Busy, BodyTooLarge) as exc:
            status = 503 if isinstance(exc, Busy) else 413
            outcome = Problem(status, "busy" if status == 503 else "too_large", str(exc))
        if isinstance(outcome, Problem):
            html = page(profiles=service.profiles(), selected=selected, problem=outcome)
            retry = {"Retry-After": str(pool.retry_after)} if outcome.status == 503 else None
            return HTMLResponse(html, status_code=outcome.status, headers=retry)
        token = store.put(outcome.renderings)
        html = page(profiles=service.profiles(), selected=selected, scored=outcome, token=token)
        return HTMLResponse(html)

    @app.get("/download/{token}/report.{ext}", include_in_schema=False)
    async def download(token: str, ext: str) -> Response:
        fmt, media = DOWNLOAD_TYPES.get(ext, ("", ""))
        text = store.get(token, fmt) if fmt else None
        if text is None:
            raise HTTPException(404, "no such report (reports are kept for 30 minutes)")
        disposition = f'attachment; filename="jobmatch-report.{ext}"'
        return Response(text, media_type=media, headers={"Content-Disposition": disposition})

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    async def docs() -> HTMLResponse:
        return HTMLResponse(docs_page(app.openapi()))
