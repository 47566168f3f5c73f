"""read_url and read_source against a local server on 127.0.0.1: pages become articles, failures records."""

from __future__ import annotations

from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from warta.readers import RawArticle, ReadFailure
from warta.readers.sources import read_source, read_sources
from warta.readers.url import read_url
from warta.settings import Settings

from .localserver import LocalServer, fast_fetcher

ARTICLE_HTML = """<!DOCTYPE html><html lang="id"><head><title>Pasar ikan baru di Kota Contoh | Warta Contoh</title>
<meta name="author" content="Rina Kusuma">
<meta property="og:title" content="Pasar ikan baru di Kota Contoh">
<meta property="article:published_time" content="2025-04-28T09:30:00+07:00">
<meta property="og:site_name" content="Warta Contoh"></head>
<body><nav>Beranda | Daerah | Ekonomi</nav><article><h1>Pasar ikan baru di Kota Contoh</h1>
<p>Kota Contoh (Warta Contoh) - Pemerintah kota membuka pasar ikan baru di tepi pelabuhan pada Senin pagi.</p>
<p>Wali kota mengatakan pasar itu dapat menampung tiga ratus pedagang dan dilengkapi ruang pendingin.</p>
<p>"Nelayan tidak perlu lagi menjual hasil tangkapan ke kota lain," kata wali kota kepada wartawan.</p>
</article><footer>Hak cipta Warta Contoh</footer></body></html>"""

PAGE = (200, {"Content-Type": "text/html; charset=utf-8"}, ARTICLE_HTML.encode())


def slow(handler: BaseHTTPRequestHandler) -> None:
    handler.server.owner.stop.wait(5)  # type: ignore[attr-defined]


def huge(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    chunk = b"<p>" + b"x" * 65530 + b"</p>"
    try:
        for _ in range(50 * 16):  # 50 MB, streamed, no Content-Length
            handler.wfile.write(chunk)
    except OSError:
        pass


def test_article_page_with_metadata(serve: Callable[..., LocalServer]) -> None:
    server = serve({"/daerah/pasar-ikan": PAGE})
    [item] = list(read_url(server.url("/daerah/pasar-ikan"), fast_fetcher()))
    assert isinstance(item, RawArticle), item
    assert "pasar ikan baru di tepi pelabuhan" in item.text
    assert "Beranda" not in item.text
    assert item.title == "Pasar ikan baru di Kota Contoh"
    assert item.published == "2025-04-28"
    assert item.url == server.url("/daerah/pasar-ikan")
    assert item.source == server.url("/daerah/pasar-ikan")
    assert item.meta["author"] == "Rina Kusuma"
    assert item.meta["http_status"] == 200
    assert item.meta["content_type"] == "text/html"


def test_redirected_page_keeps_the_final_url(serve: Callable[..., LocalServer]) -> None:
    server = serve({"/p/1": (301, {"Location": "/daerah/pasar-ikan"}, b""), "/daerah/pasar-ikan": PAGE})
    [item] = list(read_url(server.url("/p/1"), fast_fetcher()))
    assert isinstance(item, RawArticle)
    assert item.url == server.url("/daerah/pasar-ikan")
    assert item.source == server.url("/p/1")
    assert item.meta["final_url"] == server.url("/daerah/pasar-ikan")


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/error", "http_error"),
        ("/missing", "http_error"),
        ("/slow", "fetch_timeout"),
        ("/huge", "too_large"),
        ("/private/a", "robots_disallowed"),
        ("/empty", "no_text"),
    ],
)
def test_failures_become_read_failures(serve: Callable[..., LocalServer], path: str, kind: str) -> None:
    server = serve(
        {
            "/robots.txt": (200, {}, b"User-agent: *\nDisallow: /private/\n"),
            "/error": (500, {}, b"oops"),
            "/slow": slow,
            "/huge": huge,
            "/private/a": PAGE,
            "/empty": (200, {"Content-Type": "text/html"}, b"<html><head><title>x</title></head><body></body></html>"),
        }
    )
    [item] = list(read_url(server.url(path), fast_fetcher(read_timeout=0.3)))
    assert isinstance(item, ReadFailure)
    assert item.error.type == kind
    assert item.source == server.url(path)
    if kind == "http_error":
        assert item.error.status == (500 if path == "/error" else 404)  # type: ignore[attr-defined]
    assert "/private/a" not in server.hits


def test_server_charset_is_used_when_the_page_is_not_utf8(serve: Callable[..., LocalServer]) -> None:
    text = ARTICLE_HTML.replace("Senin pagi", "Senin pagi di café Année").encode("cp1252")
    server = serve({"/a": (200, {"Content-Type": "text/html; charset=windows-1252"}, text)})
    [item] = list(read_url(server.url("/a"), fast_fetcher()))
    assert isinstance(item, RawArticle)
    assert "café Année" in item.text


def test_plain_text_response_is_read_as_text(serve: Callable[..., LocalServer]) -> None:
    body = b"Kota Contoh - Hujan deras membuat jalan utama tergenang pada Selasa sore.\n"
    server = serve({"/a.txt": (200, {"Content-Type": "text/plain; charset=utf-8"}, body)})
    [item] = list(read_source(server.url("/a.txt"), Settings(), fast_fetcher()))
    assert isinstance(item, RawArticle)
    assert item.text == body.decode()
    assert item.url == server.url("/a.txt")


def test_read_source_dispatches_urls_paths_and_schemes(serve: Callable[..., LocalServer], tmp_path: Path) -> None:
    server = serve({"/daerah/pasar-ikan": PAGE})
    article = tmp_path / "a.txt"
    article.write_text("Kota Contoh - Pemerintah kota membuka pasar ikan baru.\n", encoding="utf-8")
    fetcher = fast_fetcher()
    items = list(
        read_sources(
            [server.url("/daerah/pasar-ikan"), str(article), "ftp://127.0.0.1/a", str(tmp_path / "x.txt")],
            Settings(),
            fetcher,
        )
    )
    assert [type(i).__name__ for i in items] == ["RawArticle", "RawArticle", "ReadFailure", "ReadFailure"]
    assert items[0].title == "Pasar ikan baru di Kota Contoh"  # type: ignore[union-attr]
    assert items[2].error.type == "unsupported_url"  # type: ignore[union-attr]
    assert items[3].error.type == "not_found"  # type: ignore[union-attr]


def test_one_fetcher_reads_robots_once_per_host(serve: Callable[..., LocalServer]) -> None:
    server = serve({"/a": PAGE, "/b": PAGE})
    fetcher = fast_fetcher()
    list(read_sources([server.url("/a"), server.url("/b")], Settings(), fetcher))
    assert server.hits == ["/robots.txt", "/a", "/b"]
