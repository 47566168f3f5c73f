"""The polite fetcher against a local server on 127.0.0.1: robots.txt, rate limit, timeouts, size limits."""

from __future__ import annotations

import gzip
import socket
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler

import pytest

from warta.errors import InputError, InputTooLargeError
from warta.readers.fetch import (
    DEFAULT_USER_AGENT,
    Fetcher,
    FetchError,
    FetchTimeoutError,
    HttpError,
    RateLimiter,
    ResponseTooLargeError,
    RobotsDisallowedError,
    TooManyRedirectsError,
    UnsupportedUrlError,
)

from .localserver import LocalServer, fast_fetcher

HTML = b"""<!DOCTYPE html><html><head><title>Jembatan baru dibuka</title></head><body><article>
<p>Kota Contoh - Jembatan baru di atas Sungai Contoh dibuka untuk umum pada Senin pagi oleh wali kota.</p>
</article></body></html>"""
PAGE = (200, {"Content-Type": "text/html; charset=utf-8"}, HTML)
ROBOTS = (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n")


def slow(handler: BaseHTTPRequestHandler) -> None:
    server: LocalServer = handler.server.owner  # type: ignore[attr-defined]
    server.stop.wait(5)  # far longer than the test's read timeout; released at teardown
    try:
        handler.send_response(200)
        handler.end_headers()
    except OSError:
        pass


def huge(declare: bool) -> Callable[[BaseHTTPRequestHandler], None]:
    total = 50 * 1024 * 1024

    def route(handler: BaseHTTPRequestHandler) -> None:
        server: LocalServer = handler.server.owner  # type: ignore[attr-defined]
        chunk = b"x" * 65536
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        if declare:
            handler.send_header("Content-Length", str(total))
        handler.end_headers()
        try:
            while server.sent < total:
                handler.wfile.write(chunk)
                server.sent += len(chunk)
        except OSError:  # the client hung up at its limit
            pass
        finally:
            server.done.set()

    return route


# --- tests --------------------------------------------------------------------------------------------------


def test_fetches_a_page_with_a_clear_user_agent(serve: Callable[..., LocalServer]) -> None:
    server = serve({"/robots.txt": ROBOTS, "/berita/1": PAGE})
    response = fast_fetcher().fetch(server.url("/berita/1"))
    assert response.status == 200
    assert response.content == HTML
    assert response.content_type == "text/html"
    assert response.charset == "utf-8"
    assert server.hits == ["/robots.txt", "/berita/1"]
    assert all(agent == DEFAULT_USER_AGENT for agent in server.agents)
    assert DEFAULT_USER_AGENT.startswith("warta/")
    assert "(+https://github.com/warta-news/warta)" in DEFAULT_USER_AGENT


def test_server_error_and_not_found_are_http_errors(serve: Callable[..., LocalServer]) -> None:
    server = serve({"/error": (500, {}, b"boom")})
    fetcher = fast_fetcher()
    with pytest.raises(HttpError) as failed:
        fetcher.fetch(server.url("/error"))
    assert failed.value.status == 500
    assert failed.value.type == "http_error"
    assert isinstance(failed.value, InputError)
    assert failed.value.to_dict()["type"] == "http_error"
    with pytest.raises(HttpError) as missing:
        fetcher.fetch(server.url("/hilang"))
    assert missing.value.status == 404
    assert "HTTP 404" in missing.value.message


def test_read_timeout(serve: Callable[..., LocalServer]) -> None:
    server = serve({"/lambat": slow})
    fetcher = fast_fetcher(read_timeout=0.3, respect_robots=False)
    started = time.monotonic()
    with pytest.raises(FetchTimeoutError) as failed:
        fetcher.fetch(server.url("/lambat"))
    assert time.monotonic() - started < 3
    assert failed.value.type == "fetch_timeout"


def test_streamed_50_mb_body_stops_at_the_limit(serve: Callable[..., LocalServer]) -> None:
    server = serve({"/besar": huge(declare=False)})
    fetcher = fast_fetcher(respect_robots=False, max_bytes=1_000_000)
    started = time.monotonic()
    with pytest.raises(ResponseTooLargeError) as failed:
        fetcher.fetch(server.url("/besar"))
    assert time.monotonic() - started < 5
    assert failed.value.type == "too_large"
    assert isinstance(failed.value, InputTooLargeError)
    assert server.done.wait(5)
    assert server.sent < 50 * 1024 * 1024  # the client hung up long before the end


def test_streamed_body_over_the_default_10_mb_limit(serve: Callable[..., LocalServer]) -> None:
    server = serve({"/besar": huge(declare=False)})
    with pytest.raises(ResponseTooLargeError):
        fast_fetcher(respect_robots=False).fetch(server.url("/besar"))
    assert server.done.wait(5)
    assert server.sent < 50 * 1024 * 1024


def test_declared_length_over_the_limit_is_refused_before_reading(serve: Callable[..., LocalServer]) -> None:
    server = serve({"/besar": huge(declare=True)})
    with pytest.raises(ResponseTooLargeError) as failed:
        fast_fetcher(respect_robots=False).fetch(server.url("/besar"))
    assert "Content-Length" in failed.value.message


def test_gzip_body_is_decompressed_and_limited(serve: Callable[..., LocalServer]) -> None:
    packed = gzip.compress(HTML)
    bomb = gzip.compress(b"a" * 5_000_000)  # ~5 KB on the wire, 5 MB unpacked
    server = serve(
        {
            "/gz": (200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, packed),
            "/bomb": (200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, bomb),
        }
    )
    fetcher = fast_fetcher(respect_robots=False, max_bytes=1_000_000)
    assert fetcher.fetch(server.url("/gz")).content == HTML
    with pytest.raises(ResponseTooLargeError):
        fetcher.fetch(server.url("/bomb"))


def test_robots_disallowed_path_is_not_requested(serve: Callable[..., LocalServer]) -> None:
    server = serve({"/robots.txt": ROBOTS, "/private/x": PAGE, "/public": PAGE})
    fetcher = fast_fetcher()
    with pytest.raises(RobotsDisallowedError) as failed:
        fetcher.fetch(server.url("/private/x"))
    assert failed.value.type == "robots_disallowed"
    fetcher.fetch(server.url("/public"))
    assert fetcher.allowed(server.url("/public"))
    assert not fetcher.allowed(server.url("/private/y"))
    assert server.hits == ["/robots.txt", "/public"]  # robots.txt read once, the private page never


def test_robots_404_allows_everything(serve: Callable[..., LocalServer]) -> None:
    server = serve({"/a": PAGE})
    fetcher = fast_fetcher()
    fetcher.fetch(server.url("/a"))
    fetcher.fetch(server.url("/a"))
    assert server.hits == ["/robots.txt", "/a", "/a"]


@pytest.mark.parametrize("status", [500, 503, 429, 403])
def test_robots_unavailable_disallows_the_host_for_the_run(serve: Callable[..., LocalServer], status: int) -> None:
    server = serve({"/robots.txt": (status, {}, b"no"), "/a": PAGE})
    fetcher = fast_fetcher()
    for _ in range(2):
        with pytest.raises(RobotsDisallowedError) as failed:
            fetcher.fetch(server.url("/a"))
        assert f"HTTP {status}" in failed.value.message
    assert server.hits == ["/robots.txt"]


def test_robots_timeout_disallows_the_host(serve: Callable[..., LocalServer]) -> None:
    server = serve({"/robots.txt": slow, "/a": PAGE})
    fetcher = fast_fetcher(read_timeout=0.3)
    with pytest.raises(RobotsDisallowedError) as failed:
        fetcher.fetch(server.url("/a"))
    assert "fetch_timeout" in failed.value.message
    assert "/a" not in server.hits


def test_robots_agent_specific_rules(serve: Callable[..., LocalServer]) -> None:
    robots = b"User-agent: warta\nDisallow: /\n\nUser-agent: *\nAllow: /\n"
    server = serve({"/robots.txt": (200, {}, robots), "/a": PAGE})
    with pytest.raises(RobotsDisallowedError):
        fast_fetcher().fetch(server.url("/a"))


def test_redirects_are_followed_and_limited(serve: Callable[..., LocalServer]) -> None:
    server = serve(
        {
            "/lama": (301, {"Location": "/baru"}, b""),
            "/baru": PAGE,
            "/putar": (302, {"Location": "/putar"}, b""),
            "/ftp": (302, {"Location": "ftp://127.0.0.1/file"}, b""),
            "/rahasia": (302, {"Location": "/private/1"}, b""),
            "/robots.txt": ROBOTS,
        }
    )
    fetcher = fast_fetcher(max_redirects=3)
    response = fetcher.fetch(server.url("/lama"))
    assert response.url == server.url("/baru")
    assert response.requested_url == server.url("/lama")
    assert response.redirects == [server.url("/lama")]
    with pytest.raises(TooManyRedirectsError):
        fetcher.fetch(server.url("/putar"))
    assert server.hits.count("/putar") == 4
    with pytest.raises(UnsupportedUrlError):
        fetcher.fetch(server.url("/ftp"))
    with pytest.raises(RobotsDisallowedError):  # every hop is checked against robots.txt
        fetcher.fetch(server.url("/rahasia"))
    assert "/private/1" not in server.hits


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/a", "file:///etc/passwd", "http:///nohost", "javascript:x"])
def test_only_http_and_https(url: str) -> None:
    with pytest.raises(UnsupportedUrlError) as failed:
        fast_fetcher().fetch(url)
    assert failed.value.type == "unsupported_url"


def test_connection_refused_is_a_fetch_error() -> None:
    with socket.socket() as sock:  # a port that was free a moment ago and has no listener
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(FetchError) as failed:
        fast_fetcher(respect_robots=False).fetch(f"http://127.0.0.1:{port}/a")
    assert failed.value.type == "fetch_error"


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def test_rate_limiter_spaces_requests_per_host() -> None:
    clock = FakeClock()
    limiter = RateLimiter(1.0, clock=clock, sleep=clock.sleep)
    assert limiter.wait("contoh.id") == 0
    assert limiter.wait("contoh.id") == pytest.approx(1.0)
    assert limiter.wait("lain.id") == 0  # another host is not held up
    clock.now += 0.25
    assert limiter.wait("contoh.id") == pytest.approx(0.75)
    clock.now += 10
    assert limiter.wait("contoh.id") == 0
    assert clock.sleeps == pytest.approx([1.0, 0.75])


def test_fetcher_spaces_requests_to_the_same_host(serve: Callable[..., LocalServer]) -> None:
    server = serve({"/a": PAGE, "/b": PAGE})
    clock = FakeClock()
    starts: list[float] = []
    fetcher = Fetcher(min_interval=1.5, clock=clock, sleep=clock.sleep)
    original = fetcher.limiter.wait

    def wait(host: str) -> float:
        waited = original(host)
        starts.append(clock.now)
        return waited

    fetcher.limiter.wait = wait  # type: ignore[method-assign]
    fetcher.fetch(server.url("/a"))
    fetcher.fetch(server.url("/b"))
    assert server.hits == ["/robots.txt", "/a", "/b"]
    assert starts == pytest.approx([100.0, 101.5, 103.0])
    assert clock.sleeps == pytest.approx([1.5, 1.5])


def test_crawl_delay_lengthens_the_interval(serve: Callable[..., LocalServer]) -> None:
    server = serve({"/robots.txt": (200, {}, b"User-agent: *\nCrawl-delay: 4\n"), "/a": PAGE})
    clock = FakeClock()
    fetcher = Fetcher(min_interval=1.0, clock=clock, sleep=clock.sleep)
    fetcher.fetch(server.url("/a"))
    fetcher.fetch(server.url("/a"))
    # robots.txt at 100, the first page at 101 (interval 1 s reserved before the delay was known), then 4 s
    assert clock.sleeps == pytest.approx([1.0, 4.0])


def test_from_settings_uses_the_input_size_limit() -> None:
    from warta.settings import Settings

    fetcher = Fetcher.from_settings(Settings(max_input_bytes=1234))
    assert fetcher.config.max_bytes == 1234
    assert fetcher.config.min_interval == 1.0
    assert (fetcher.config.connect_timeout, fetcher.config.read_timeout) == (10.0, 30.0)


def test_paths_with_spaces_and_non_ascii_letters_are_encoded(serve: Callable[..., LocalServer]) -> None:
    server = serve({"/berita/kota%20tua": PAGE, "/berita/caf%C3%A9": PAGE})
    fetcher = fast_fetcher(respect_robots=False)
    assert fetcher.fetch(server.url("/berita/kota tua")).status == 200
    assert fetcher.fetch(server.url("/berita/café")).status == 200
    assert fetcher.fetch(server.url("/berita/kota%20tua")).status == 200
