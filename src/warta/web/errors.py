"""Errors as responses, in one place: JSON ``{error: {type, message}}`` for the API, a page for the browser."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException

from warta.errors import InputError, InputTooLargeError, WartaError
from warta.store import NotInStoreError, QuerySyntaxError

log = logging.getLogger(__name__)

_HTTP_TYPES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "bad_request",
}


class WebError(Exception):
    """An error with its HTTP status, raised by routes."""

    def __init__(self, status: int, type: str, message: str) -> None:
        super().__init__(message)
        self.status, self.type, self.message = status, type, message


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "body", "path"))
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def classify(exc: BaseException) -> tuple[int, str, str]:
    """(status, type, message) for any exception; unknown ones are 500 without their details."""
    if isinstance(exc, WebError):
        return exc.status, exc.type, exc.message
    if isinstance(exc, RequestValidationError):
        return 400, "bad_request", _validation_message(exc)
    if isinstance(exc, HTTPException):
        detail = exc.detail if isinstance(exc.detail, str) else "request failed"
        return exc.status_code, _HTTP_TYPES.get(exc.status_code, "http_error"), detail
    if isinstance(exc, NotInStoreError):
        return 404, exc.type, exc.message
    if isinstance(exc, QuerySyntaxError):
        return 400, exc.type, exc.message
    if isinstance(exc, InputTooLargeError):
        return 413, exc.type, exc.message
    if isinstance(exc, InputError):
        return 400, exc.type, exc.message
    if isinstance(exc, WartaError):
        return 500, exc.type, exc.message
    log.exception("internal error", exc_info=exc)
    return 500, "internal_error", "the server failed on this request; see its log"


def wants_html(request: Request) -> bool:
    return not request.url.path.startswith(("/api", "/openapi")) and "text/html" in request.headers.get("accept", "")


def error_response(request: Request, exc: BaseException, render_page: Any = None) -> Response:
    """The one translation of an error into a response (JSON for the API, a page for the browser)."""
    status, etype, message = classify(exc)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    if render_page is not None and wants_html(request):
        return HTMLResponse(render_page(request, status, etype, message), status_code=status, headers=headers)
    return JSONResponse({"error": {"type": etype, "message": message}}, status_code=status, headers=headers)
