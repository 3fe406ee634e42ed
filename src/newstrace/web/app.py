"""The FastAPI application: create_app(settings, db) -> FastAPI.

What it adds around the routes:
- request bodies over settings.max_body_bytes are refused (413) before they are read whole;
- an analysis runs in one worker thread (one at a time: spaCy and two cores) and answers 504 after
  settings.analysis_timeout seconds; a timed-out analysis finishes in the background and is not stored;
- writes (POST /api/analyze) need the API key when one is set (header `X-API-Key` or `Authorization:
  Bearer KEY`): 401 without it, 403 with a wrong one;
- every error is JSON `{"error": "one sentence", "status": N}` (422 validation errors add `details`), bad
  input is 4xx, a store that cannot be read is 503, and an unexpected failure is 500 without a traceback;
- every response carries a Content-Security-Policy without inline script (`script-src 'self'`), so article
  text the page shows can never run; the page itself only ever inserts article text as text.
"""

from __future__ import annotations

import asyncio
import hmac
import html
import logging
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, AsyncIterator, Optional

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..corpus.store import Store
from ..errors import InputError, StoreError
from ..model import Analysis
from ..settings import Settings

log = logging.getLogger("newstrace.web")

PAGE = Path(__file__).resolve().parent / "page"

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


@dataclass
class WebSettings:
    api_key: Optional[str] = None  # required for writes when set
    max_body_bytes: int = 5_000_000  # a request body larger than this is refused (413)
    analysis_timeout: float = 120.0  # seconds one analysis may take (504 after)
    analysis: Settings = field(default_factory=Settings)  # pipeline and fetching settings (allow_private etc.)


class ApiError(Exception):
    """An error the API answers with status and message."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def error_response(status: int, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": message, "status": status, **extra}, status_code=status)


class BodyLimit:
    """ASGI middleware: 413 when a request body is (declared or turns out) larger than max_bytes."""

    def __init__(self, app: ASGIApp, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_big = error_response(413, f"the request body is larger than the limit of {self.max_bytes} bytes")
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                if not value.isdigit() or int(value) > self.max_bytes:
                    await too_big(scope, receive, send)
                    return
        seen = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise _BodyTooLarge()
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _BodyTooLarge:
            if not started:
                await too_big(scope, receive, send)


class _BodyTooLarge(Exception):
    pass


class SecurityHeaders:
    """ASGI middleware adding the Content-Security-Policy and friends to every response."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((b"content-security-policy", CSP.encode()))
                headers += [
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                ]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


class Analyzer:
    """Runs analyses one at a time in a worker thread, with a time limit; stores them when a store is open."""

    def __init__(self, settings: WebSettings, store: Optional[Store]):
        self.settings = settings
        self.store = store
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newstrace-analysis")

    async def analyze(self, kind: str, value: str, published: Optional[str]) -> tuple[Analysis, bool]:
        """The Analysis of text, html or url, and whether it was newly stored."""
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(self.executor, self._run, kind, value, published)
        try:
            analysis = await asyncio.wait_for(future, self.settings.analysis_timeout)
        except TimeoutError:
            raise ApiError(
                504, f"the analysis took longer than {self.settings.analysis_timeout:g} s and was abandoned"
            ) from None
        stored = False
        if self.store is not None and not self.store.read_only:
            stored = await loop.run_in_executor(None, self._store_and_link, analysis)
        return analysis, stored

    def _store_and_link(self, analysis: Analysis) -> bool:
        """Store the analysis; in a small store, link it across articles at once (a big one is relinked by
        `newstrace link` or the next batch: relinking costs seconds per thousand articles)."""
        from ..corpus import link

        assert self.store is not None
        stored = self.store.add(analysis)
        if stored and self.store.scalar("SELECT count(*) FROM articles") <= link.RELINK_ON_WRITE_MAX:
            link.relink(self.store)
        return stored

    def _run(self, kind: str, value: str, published: Optional[str]) -> Analysis:
        from .. import api, ingest

        settings = self.settings.analysis
        if kind == "text":
            raw = ingest.RawDocument(body=value, source="<text>")
        elif kind == "html":
            from ..ingest import html

            raw = html.parse_page(value, source="<html>")
        else:
            if not ingest.is_url(value):
                raise InputError(f"{value[:200]!r} is not an http or https URL")
            raw = api.first_document(value, settings)
        return api.analyze_document(raw, published, settings)

    def close(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)


def check_api_key(request: Request) -> None:
    """Raise 401/403 unless the request carries the API key (when one is set)."""
    key = request.app.state.settings.api_key
    if not key:
        return
    given = request.headers.get("x-api-key")
    auth = request.headers.get("authorization", "")
    if given is None and auth.lower().startswith("bearer "):
        given = auth[7:].strip()
    if not given:
        raise ApiError(401, "this server needs an API key for writes: send it in the X-API-Key header")
    if not hmac.compare_digest(given.encode(), key.encode()):
        raise ApiError(403, "the API key is not right")


def _validation_message(exc: RequestValidationError) -> tuple[str, list[dict]]:
    details = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("body", "query", "path"))
        message = str(err.get("msg", "invalid")).removeprefix("Value error, ")
        if err.get("type") == "json_invalid":
            where, message = "", f"the body is not valid JSON ({err.get('ctx', {}).get('error', 'syntax error')})"
        details.append({"where": where, "message": message})
    first = details[0] if details else {"where": "", "message": "invalid request"}
    text = f"{first['where']}: {first['message']}" if first["where"] else first["message"]
    return text, details


def create_app(settings: Optional[WebSettings] = None, db: Optional[Store] = None) -> FastAPI:
    """The application over store db (None: analyses work but are not stored, corpus routes answer 503)."""
    from .routes import router

    settings = settings or WebSettings()
    analyzer = Analyzer(settings, db)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        analyzer.close()

    app = FastAPI(
        lifespan=lifespan,
        docs_url=None,  # FastAPI's Swagger UI and ReDoc load from a CDN: /docs is an offline page instead
        redoc_url=None,
        title="newstrace",
        version=__version__,
        description="Read news like a fact-checker: analyse articles into newstrace/1 documents and ask a "
        "store of them about quotes, statements, events, claims and entities. Writes need the API key when "
        "the server has one (header X-API-Key). Errors are JSON: {error, status}.",
    )
    app.state.settings = settings
    app.state.store = db
    app.state.analyzer = analyzer

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.message)

    @app.exception_handler(InputError)
    async def _input_error(request: Request, exc: InputError) -> JSONResponse:
        return error_response(422, str(exc))

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError) -> JSONResponse:
        return error_response(503, str(exc))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        message, details = _validation_message(exc)
        return error_response(422, message, details=details)

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else "request refused"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page or API route: {request.url.path}"
        if exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        return error_response(exc.status_code, message)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(500, f"internal error ({type(exc).__name__}); the server log has the details")

    app.include_router(router)

    @app.get("/docs", include_in_schema=False)
    async def api_reference() -> HTMLResponse:
        return HTMLResponse(reference_page(app.openapi()))

    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(PAGE / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=PAGE), name="static")

    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    return app


def reference_page(schema: dict) -> str:
    """The API reference as one HTML page without scripts or outside assets, from the OpenAPI description:
    each route with its method, summary, parameters and description."""
    esc = html.escape
    parts = [
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>newstrace API</title>"
        '<link rel=stylesheet href="/static/style.css"></head><body><main>',
        f"<h1>{esc(schema['info']['title'])} API {esc(schema['info']['version'])}</h1>",
        f"<p>{esc(schema['info'].get('description', ''))}</p>",
        '<p>The machine-readable description is <a href="/openapi.json">/openapi.json</a>.</p>',
    ]
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            parts.append(f"<h2><code>{esc(method.upper())} {esc(path)}</code></h2>")
            parts.append(f"<p><strong>{esc(op.get('summary', ''))}</strong></p>")
            if op.get("description"):
                parts.append(f"<pre>{esc(op['description'])}</pre>")
            params = op.get("parameters", [])
            if params:
                parts.append("<ul>")
                for prm in params:
                    need = "required" if prm.get("required") else "optional"
                    about = esc(prm.get("description", ""))
                    parts.append(f"<li><code>{esc(prm['name'])}</code> ({esc(prm['in'])}, {need}) {about}</li>")
                parts.append("</ul>")
    parts.append("</main></body></html>")
    return "\n".join(parts)
