"""Polite HTTP fetching: robots.txt, a per-host rate limit, a clear user agent, timeouts, size limits.

One :class:`Fetcher` per run (or per worker process) holds the robots.txt cache and the rate limiter.
Every failure is a typed :class:`~warta.errors.InputError`, so a URL that cannot be fetched becomes an
error record and the run goes on.

Built on the standard library's ``http.client`` (no extra dependency) so that the connect and read
timeouts are separate, the body is streamed against the size limit, and every redirect hop is checked
(scheme, robots.txt, rate limit) before it is requested.

robots.txt policy, per origin (scheme, host, port), cached for the Fetcher's life:

- 2xx: parsed, and its rules (and ``Crawl-delay``, up to ``max_crawl_delay``) apply;
- 401 or 403: everything disallowed (the host does not let us read its rules);
- any other 4xx (404, 410, ...): everything allowed (no rules published);
- 5xx, 429, a timeout, a connection error or a robots.txt over the size limit: everything disallowed
  for the rest of the run (the host may be struggling; we do not retry against it).
"""

from __future__ import annotations

import http.client
import ssl
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import quote, urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

from warta.errors import InputError, InputTooLargeError

__all__ = [
    "DEFAULT_USER_AGENT",
    "FetchConfig",
    "FetchError",
    "FetchResponse",
    "FetchTimeoutError",
    "Fetcher",
    "HttpError",
    "RateLimiter",
    "ResponseTooLargeError",
    "RobotsDisallowedError",
    "TooManyRedirectsError",
    "UnsupportedUrlError",
    "user_agent",
]

PROJECT_URL = "https://github.com/warta-news/warta"
_CHUNK = 64 * 1024
_REDIRECTS = {301, 302, 303, 307, 308}
_SAFE = "/?&=%:@!$'()*+,;~-._[]"


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("warta")
    except Exception:  # not installed (running from a source tree)
        return "0"


def user_agent() -> str:
    return f"warta/{_version()} (+{PROJECT_URL})"


DEFAULT_USER_AGENT = user_agent()


# --- errors: each a stable ``type``, so a failed fetch becomes an error record -------------------------


class FetchError(InputError):
    """The URL could not be fetched: DNS failure, connection refused or reset, TLS error."""

    type = "fetch_error"

    def __init__(self, message: str, url: str | None = None) -> None:
        super().__init__(message)
        self.url = url


class FetchTimeoutError(FetchError):
    """Connecting, or waiting for the next bytes, took longer than the timeout."""

    type = "fetch_timeout"


class HttpError(FetchError):
    """The server answered with a status other than 2xx (after redirects). ``status`` holds it."""

    type = "http_error"

    def __init__(self, message: str, url: str | None = None, status: int = 0) -> None:
        super().__init__(message, url)
        self.status = status


class RobotsDisallowedError(FetchError):
    """robots.txt does not allow warta's user agent to fetch this URL (or could not be read)."""

    type = "robots_disallowed"


class ResponseTooLargeError(FetchError, InputTooLargeError):
    """The body is larger than the size limit; reading stopped at the limit."""

    type = "too_large"


class TooManyRedirectsError(FetchError):
    type = "too_many_redirects"


class UnsupportedUrlError(FetchError):
    """Not an http(s) URL (also a redirect to one), or a URL without a host."""

    type = "unsupported_url"


# --- configuration and response ------------------------------------------------------------------------


@dataclass(frozen=True)
class FetchConfig:
    user_agent: str = DEFAULT_USER_AGENT
    min_interval: float = 1.0  # seconds between two requests to the same host
    connect_timeout: float = 10.0
    read_timeout: float = 30.0  # longest wait for the next bytes
    total_timeout: float = 120.0  # longest time for one response, redirects included (slow drip)
    max_bytes: int = 10_000_000
    max_redirects: int = 5
    respect_robots: bool = True
    robots_max_bytes: int = 512_000
    max_crawl_delay: float = 30.0  # a robots.txt Crawl-delay above this is capped to it
    accept: str = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,*/*;q=0.5"


@dataclass
class FetchResponse:
    url: str  # the final URL, after redirects
    status: int
    headers: dict[str, str]  # names lower-cased
    content: bytes
    requested_url: str = ""
    redirects: list[str] = field(default_factory=list)

    @property
    def content_type(self) -> str:
        """The media type alone, lower-cased ('' when the server sent none)."""
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'").lower()
        return None


# --- rate limit ----------------------------------------------------------------------------------------


class RateLimiter:
    """At least ``min_interval`` seconds between the starts of two requests to the same host.

    ``clock`` and ``sleep`` are injectable (tests pass a fake clock). Thread-safe: a slot is reserved
    under the lock, and the wait happens outside it, so other hosts are not held up.
    """

    def __init__(
        self,
        min_interval: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.min_interval = min_interval
        self.clock = clock
        self.sleep = sleep
        self._next: dict[str, float] = {}
        self._interval: dict[str, float] = {}
        self._lock = threading.Lock()

    def set_interval(self, host: str, seconds: float) -> None:
        """A longer interval for one host (its robots.txt Crawl-delay)."""
        with self._lock:
            self._interval[host] = max(seconds, self.min_interval)

    def wait(self, host: str) -> float:
        """Block until a request to ``host`` may start; returns the seconds waited."""
        with self._lock:
            now = self.clock()
            slot = max(now, self._next.get(host, now))
            self._next[host] = slot + self._interval.get(host, self.min_interval)
        delay = slot - now
        if delay > 0:
            self.sleep(delay)
        return max(delay, 0.0)


# --- the fetcher ---------------------------------------------------------------------------------------


@dataclass
class _Robots:
    parser: RobotFileParser | None  # None: the verdict below applies to every path
    allow_all: bool
    reason: str = ""


def _host_key(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), "", "", ""))


def _check_url(url: str) -> None:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises ValueError for a bad port)
    except ValueError as exc:
        raise UnsupportedUrlError(f"{url}: not a valid URL ({exc})", url) from exc
    if parts.scheme.lower() not in ("http", "https"):
        raise UnsupportedUrlError(f"{url}: only http and https URLs can be fetched", url)
    if not parts.hostname:
        raise UnsupportedUrlError(f"{url}: the URL has no host", url)


class Fetcher:
    """Fetches URLs politely. Keep one per run: it holds the robots.txt cache and the rate limiter."""

    def __init__(
        self,
        config: FetchConfig | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        ssl_context: ssl.SSLContext | None = None,
        **overrides: Any,
    ) -> None:
        self.config = replace(config or FetchConfig(), **overrides)
        self.clock = clock
        self.limiter = RateLimiter(self.config.min_interval, clock=clock, sleep=sleep)
        self._robots: dict[str, _Robots] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._robots_lock = threading.Lock()
        self._ssl_context = ssl_context
        self.requests = 0  # requests sent (robots.txt included), for summaries and tests

    @classmethod
    def from_settings(cls, settings: Any, **overrides: Any) -> Fetcher:
        """A Fetcher configured from warta Settings; fetch_* settings are used when they exist."""
        values: dict[str, Any] = {"max_bytes": getattr(settings, "max_input_bytes", FetchConfig.max_bytes)}
        for name in (
            "min_interval",
            "connect_timeout",
            "read_timeout",
            "total_timeout",
            "max_redirects",
            "respect_robots",
            "user_agent",
        ):
            value = getattr(settings, f"fetch_{name}", None)
            if value is not None:
                values[name] = value
        values.update(overrides)
        return cls(FetchConfig(**values))

    # -- public --

    def fetch(self, url: str, *, accept: str | None = None, max_bytes: int | None = None) -> FetchResponse:
        """GET ``url``: the 2xx response with its whole body, or a FetchError subclass raised."""
        cfg = self.config
        limit = cfg.max_bytes if max_bytes is None else max_bytes
        deadline = self.clock() + cfg.total_timeout
        current = url
        hops: list[str] = []
        while True:
            _check_url(current)
            if cfg.respect_robots:
                self._check_robots(current)
            status, headers, body = self._request(current, accept or cfg.accept, limit, deadline)
            if status in _REDIRECTS and headers.get("location"):
                if len(hops) >= cfg.max_redirects:
                    raise TooManyRedirectsError(
                        f"{url}: more than {cfg.max_redirects} redirects (last to {current})", url
                    )
                hops.append(current)
                current = urljoin(current, headers["location"].strip())
                continue
            if not 200 <= status < 300:
                where = url if current == url else f"{url} (redirected to {current})"
                raise HttpError(f"{where}: HTTP {status}", current, status)
            return FetchResponse(current, status, headers, body or b"", url, hops)

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets warta fetch ``url`` (fetches and caches the host's robots.txt)."""
        try:
            self._check_robots(url)
        except RobotsDisallowedError:
            return False
        return True

    # -- robots.txt --

    def _check_robots(self, url: str) -> None:
        origin = _origin(url)
        with self._robots_lock:
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:  # one robots.txt request per origin, even with threads; other origins go on
            robots = self._robots.get(origin)
            if robots is None:
                robots = self._load_robots(origin)
                self._robots[origin] = robots
        if robots.parser is None:
            if robots.allow_all:
                return
            raise RobotsDisallowedError(f"{url}: not fetched, {robots.reason}", url)
        if not robots.parser.can_fetch(self.config.user_agent, url):
            raise RobotsDisallowedError(f"{url}: disallowed by {origin}/robots.txt", url)

    def _load_robots(self, origin: str) -> _Robots:
        robots_url = origin + "/robots.txt"
        cfg = self.config
        try:
            response = self.fetch_robots(robots_url)
        except HttpError as exc:
            if exc.status in (401, 403):
                return _Robots(None, False, f"{robots_url} is forbidden (HTTP {exc.status})")
            if 400 <= exc.status < 500 and exc.status != 429:
                return _Robots(None, True)
            return _Robots(None, False, f"{robots_url} is unavailable (HTTP {exc.status}); host skipped")
        except FetchError as exc:
            return _Robots(None, False, f"{robots_url} could not be read ({exc.type}); host skipped")
        text = response.content.decode("utf-8", "replace")
        parser = RobotFileParser(robots_url)
        parser.parse(text.splitlines())
        delay = parser.crawl_delay(cfg.user_agent)
        if delay:
            self.limiter.set_interval(_host_key(origin), min(float(delay), cfg.max_crawl_delay))
        return _Robots(parser, True)

    def fetch_robots(self, robots_url: str) -> FetchResponse:
        """robots.txt itself: same limits, its own size limit, and never checked against robots.txt."""
        cfg = self.config
        deadline = self.clock() + cfg.total_timeout
        current = robots_url
        for _ in range(cfg.max_redirects + 1):
            _check_url(current)
            status, headers, body = self._request(current, "text/plain,*/*", cfg.robots_max_bytes, deadline)
            if status in _REDIRECTS and headers.get("location"):
                current = urljoin(current, headers["location"].strip())
                continue
            if not 200 <= status < 300:
                raise HttpError(f"{robots_url}: HTTP {status}", current, status)
            return FetchResponse(current, status, headers, body or b"", robots_url)
        raise TooManyRedirectsError(f"{robots_url}: too many redirects", robots_url)

    # -- one request --

    def _connection(self, parts: Any) -> http.client.HTTPConnection:
        host = parts.hostname
        timeout = self.config.connect_timeout
        if parts.scheme.lower() == "https":
            context = self._ssl_context or ssl.create_default_context()
            return http.client.HTTPSConnection(host, parts.port or 443, timeout=timeout, context=context)
        return http.client.HTTPConnection(host, parts.port or 80, timeout=timeout)

    def _request(
        self, url: str, accept: str, limit: int, deadline: float
    ) -> tuple[int, dict[str, str], bytes | None]:
        """(status, headers, body); the body is None for a redirect or an error status (not read)."""
        cfg = self.config
        parts = urlsplit(url)
        # a path or query with spaces or non-ASCII letters is percent-encoded (UTF-8); '%' is kept as given
        path = quote(urlunsplit(("", "", parts.path or "/", parts.query, "")), safe=_SAFE)
        self.limiter.wait(_host_key(url))
        conn = self._connection(parts)
        self.requests += 1
        response: http.client.HTTPResponse | None = None
        try:
            try:
                conn.connect()
            except TimeoutError as exc:
                message = f"{url}: no connection within {cfg.connect_timeout:g} s"
                raise FetchTimeoutError(message, url) from exc
            if conn.sock is not None:
                conn.sock.settimeout(cfg.read_timeout)
            conn.putrequest("GET", path, skip_accept_encoding=True)
            conn.putheader("User-Agent", cfg.user_agent)
            conn.putheader("Accept", accept)
            conn.putheader("Accept-Encoding", "gzip, deflate")
            conn.putheader("Connection", "close")
            conn.endheaders()
            response = conn.getresponse()
            headers = {k.lower(): v for k, v in response.getheaders()}
            status = response.status
            if not 200 <= status < 300:
                return status, headers, None
            return status, headers, self._read_body(response, headers, url, limit, deadline)
        except TimeoutError as exc:
            raise FetchTimeoutError(
                f"{url}: no answer within the read timeout ({cfg.read_timeout:g} s)", url
            ) from exc
        except ssl.SSLError as exc:
            raise FetchError(f"{url}: TLS error ({exc})", url) from exc
        except (OSError, ValueError, http.client.HTTPException) as exc:  # ValueError: a bad URL or header
            raise FetchError(f"{url}: cannot fetch ({exc.__class__.__name__}: {exc})", url) from exc
        finally:
            if response is not None:  # the response owns the socket once Connection: close is seen
                response.close()
            conn.close()

    def _read_body(
        self,
        response: http.client.HTTPResponse,
        headers: dict[str, str],
        url: str,
        limit: int,
        deadline: float,
    ) -> bytes:
        too_large = f"{url}: the response is over the size limit of {limit:,} bytes"
        length = headers.get("content-length", "").strip()
        if length.isdigit() and int(length) > limit:
            raise ResponseTooLargeError(f"{too_large} (Content-Length {int(length):,})", url)
        encoding = headers.get("content-encoding", "").strip().lower()
        decoder: Any = None
        if encoding in ("gzip", "x-gzip"):
            decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            decoder = zlib.decompressobj()
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = response.read1(_CHUNK) if hasattr(response, "read1") else response.read(_CHUNK)
            if not chunk:
                break
            if decoder is not None:
                try:  # decompress no more than the limit allows: a small gzip bomb stays small
                    chunk = decoder.decompress(chunk, limit + 1 - size)
                except zlib.error as exc:
                    raise FetchError(f"{url}: the compressed body is corrupt ({exc})", url) from exc
            size += len(chunk)
            if size > limit:
                raise ResponseTooLargeError(too_large, url)
            chunks.append(chunk)
            if self.clock() > deadline:
                raise FetchTimeoutError(
                    f"{url}: the response took longer than {self.config.total_timeout:g} s", url
                )
        if decoder is not None:
            tail = decoder.flush()
            size += len(tail)
            if size > limit:
                raise ResponseTooLargeError(too_large, url)
            chunks.append(tail)
        return b"".join(chunks)
