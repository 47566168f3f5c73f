"""The web app: pages and REST API over one store, with the safety layer (token, body limit, headers)."""

from __future__ import annotations

import hmac
import json
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from http.cookies import SimpleCookie
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from warta import __version__
from warta.api import with_settings
from warta.errors import WartaError
from warta.store import open_store
from warta.web.errors import WebError, error_response

TOKEN_COOKIE = "warta_token"
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


@dataclass(frozen=True)
class WebConfig:
    db: str = "warta.db"
    token: str | None = None
    read_only: bool = False
    max_upload_bytes: int = 2_000_000
    use_models: bool = True
    cache_seconds: float = 30.0  # identical searches within this many seconds are answered from memory; 0: never
    search_processes: int = 1  # > 1: searches run in a pool of this many processes (warta.web.searcher)


class StoreProvider:
    """One read-only store connection per worker thread (SQLite connections are not shared across threads)."""

    def __init__(self, db: str) -> None:
        self.db = db
        self._local = threading.local()
        open_store(db, readonly=True).close()  # fail at start-up, not at the first request

    def get(self) -> Any:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = open_store(self.db, readonly=True)
        return store


def _json_error(status: int, etype: str, message: str) -> tuple[list[tuple[bytes, bytes]], bytes]:
    body = json.dumps({"error": {"type": etype, "message": message}}).encode()
    return [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())], body


class Guard:
    """Pure ASGI middleware: security headers on every response, the token check, the request body limit."""

    def __init__(self, app: ASGIApp, config: WebConfig, render_error: Any) -> None:
        self.app, self.config, self.render_error = app, config, render_error

    async def _reply(self, scope: Scope, send: Send, status: int, etype: str, message: str,
                     extra: list[tuple[bytes, bytes]] | None = None) -> None:
        headers_in = dict(scope.get("headers") or [])
        path = scope.get("path", "")
        if not path.startswith(("/api", "/openapi")) and b"text/html" in headers_in.get(b"accept", b""):
            body = self.render_error(status, etype, message).encode()
            headers = [(b"content-type", b"text/html; charset=utf-8"), (b"content-length", str(len(body)).encode())]
        else:
            headers, body = _json_error(status, etype, message)
        if status == 401:
            headers.append((b"www-authenticate", b"Bearer"))
        await send({"type": "http.response.start", "status": status,
                    "headers": headers + SECURITY_HEADERS + (extra or [])})
        await send({"type": "http.response.body", "body": body})

    def _token_of(self, scope: Scope) -> tuple[str | None, bool]:
        """The token the request carries, and whether it came in the query string."""
        headers = dict(scope.get("headers") or [])
        auth = headers.get(b"authorization", b"").decode("latin-1")
        if auth.lower().startswith("bearer "):
            return auth[7:].strip(), False
        cookie = SimpleCookie()
        try:
            cookie.load(headers.get(b"cookie", b"").decode("latin-1"))
        except Exception:  # a malformed cookie header is no token
            cookie = SimpleCookie()
        if TOKEN_COOKIE in cookie:
            return cookie[TOKEN_COOKIE].value, False
        for key, value in parse_qsl(scope.get("query_string", b"").decode("latin-1")):
            if key == "token":
                return value, True
        return None, False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        if self.config.token and not path.startswith("/static/"):
            given, in_query = self._token_of(scope)
            if not given or not hmac.compare_digest(given.encode(), self.config.token.encode()):
                message = ("this server needs its token: send 'Authorization: Bearer TOKEN'"
                           " (or open a page once with ?token=TOKEN)")
                await self._reply(scope, send, 401, "unauthorized", message)
                return
            if in_query and scope.get("method") == "GET" and not path.startswith("/api"):
                # a page opened with ?token=: keep it in a cookie and drop it from the address bar
                rest = [(k, v) for k, v in parse_qsl(scope.get("query_string", b"").decode("latin-1")) if k != "token"]
                location = path + (f"?{urlencode(rest)}" if rest else "")
                cookie = f"{TOKEN_COOKIE}={self.config.token}; HttpOnly; SameSite=Strict; Path=/"
                await send({"type": "http.response.start", "status": 303, "headers": [
                    (b"location", location.encode("latin-1", "replace")), (b"set-cookie", cookie.encode()),
                    (b"content-length", b"0"), *SECURITY_HEADERS]})
                await send({"type": "http.response.body", "body": b""})
                return
        receive = await self._limited(scope, receive, send)
        if receive is None:
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    h for h in SECURITY_HEADERS if h[0] not in names
                ]
            await send(message)

        await self.app(scope, receive, send_with_headers)

    async def _limited(self, scope: Scope, receive: Receive, send: Send) -> Receive | None:
        """The request body, read whole up to the limit (413 past it) and replayed to the app."""
        limit = self.config.max_upload_bytes
        too_large = f"the request body is over the limit of {limit:,} bytes"
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > limit:
            await self._reply(scope, send, 413, "payload_too_large", too_large, [(b"connection", b"close")])
            return None
        if scope.get("method") in ("GET", "HEAD", "OPTIONS", "DELETE"):
            return receive
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await self._reply(scope, send, 413, "payload_too_large", too_large, [(b"connection", b"close")])
                return None
            chunks.append(chunk)
            if not message.get("more_body"):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        return replay


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    app.state.searcher.close()


def create_app(config: WebConfig | None = None, **kwargs: Any) -> FastAPI:
    """The app over the store ``config.db`` (keywords build a WebConfig: db=, token=, read_only=...)."""
    from warta.web import pages, rest
    from warta.web.corpus import Memo
    from warta.web.render import Renderer
    from warta.web.searcher import Searcher

    config = config or WebConfig(**kwargs)
    if "://" not in config.db and not Path(config.db).exists():
        from warta.store import StoreError

        raise StoreError(f"no store at {config.db}: create one with `warta ingest SOURCE --db {config.db}`")
    app = FastAPI(
        title="warta",
        version=__version__,
        description="Search and read a corpus of analysed news articles: every fact carries character offsets "
        "into its article. Errors are JSON `{error: {type, message}}`.",
        docs_url=None,
        redoc_url=None,
        lifespan=_lifespan,
    )
    app.state.config = config
    app.state.stores = StoreProvider(config.db)
    app.state.searcher = Searcher(config.db, app.state.stores, config.search_processes)
    app.state.memo = Memo(ttl=60.0)
    app.state.search_cache = Memo(ttl=config.cache_seconds, size=2048)
    app.state.settings = with_settings(use_models=config.use_models)
    renderer = Renderer()
    app.state.renderer = renderer

    def render_page(request: Request, status: int, etype: str, message: str) -> str:
        return renderer.error_page(status, etype, message, config)

    async def handle(request: Request, exc: Exception) -> Any:
        return error_response(request, exc, render_page)

    app.add_exception_handler(WartaError, handle)
    app.add_exception_handler(WebError, handle)
    app.add_exception_handler(HTTPException, handle)
    app.add_exception_handler(RequestValidationError, handle)
    app.add_exception_handler(Exception, handle)
    app.include_router(rest.router)
    app.include_router(pages.router)
    static = resources.files("warta.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.add_middleware(Guard, config=config, render_error=lambda s, t, m: renderer.error_page(s, t, m, config))
    return app
