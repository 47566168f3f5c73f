"""RSS and Atom feeds: full-content entries, link-only entries fetched from 127.0.0.1, broken and empty feeds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from warta.readers import RawArticle, ReadFailure
from warta.readers.feed import looks_like_feed, read_feed, read_feed_bytes
from warta.readers.sources import read_source
from warta.settings import Settings

from .localserver import LocalServer, fast_fetcher

PARAGRAPHS = [
    "Kota Contoh (Warta Contoh) - Dinas perhubungan menambah dua puluh bus listrik untuk rute bandara mulai bulan depan.",
    "Kepala dinas mengatakan armada baru itu akan mengurangi antrean penumpang pada jam sibuk pagi dan sore hari.",
    '"Kami ingin warga beralih dari kendaraan pribadi ke angkutan umum," kata kepala dinas di balai kota.',
]
BODY_HTML = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)

FULL_RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Warta Contoh - Daerah</title><link>https://warta-contoh.example/</link><description>Berita daerah</description>
<item>
  <title>Dua puluh bus listrik untuk rute bandara</title>
  <link>https://warta-contoh.example/daerah/bus-listrik</link>
  <guid>bus-listrik-1</guid>
  <dc:creator>Dewi Lestari</dc:creator>
  <pubDate>Mon, 28 Apr 2025 09:00:00 +0700</pubDate>
  <description>Dinas perhubungan menambah bus listrik.</description>
  <content:encoded><![CDATA[{BODY_HTML}]]></content:encoded>
</item>
<item>
  <title>Taman kota dibuka kembali</title>
  <link>https://warta-contoh.example/daerah/taman</link>
  <pubDate>Tue, 29 Apr 2025 07:15:00 +0700</pubDate>
  <content:encoded><![CDATA[<p>Kota Contoh (Warta Contoh) - Taman kota dibuka kembali setelah direnovasi selama enam bulan oleh pemerintah kota.</p><p>Pengunjung kini dapat menikmati jalur sepeda baru, kolam kecil, dan area bermain anak yang lebih luas dari sebelumnya.</p>]]></content:encoded>
</item>
</channel></rss>"""

FULL_ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Warta Contoh</title><id>urn:warta-contoh</id>
<updated>2025-04-28T02:00:00Z</updated>
<entry><title>Dua puluh bus listrik untuk rute bandara</title><id>urn:bus</id>
<link rel="alternate" href="https://warta-contoh.example/daerah/bus-listrik"/>
<published>2025-04-28T09:00:00+07:00</published><updated>2025-04-28T10:00:00+07:00</updated>
<author><name>Dewi Lestari</name></author>
<content type="html">{BODY_HTML.replace("<", "&lt;").replace(">", "&gt;")}</content></entry>
</feed>"""


def links_rss(base: str, paths: list[str]) -> bytes:
    items = "".join(
        f"<item><title>Berita {i}</title><link>{base}{p}</link><pubDate>Wed, 30 Apr 2025 0{i}:00:00 +0700</pubDate>"
        f"<description>Ringkasan berita {i}.</description></item>"
        for i, p in enumerate(paths, 1)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Tautan</title>{items}</channel></rss>'.encode()


def page(title: str) -> tuple[int, dict[str, str], bytes]:
    html = f"""<!DOCTYPE html><html><head><title>{title}</title>
<meta property="og:title" content="{title}"></head><body><article><h1>{title}</h1>{BODY_HTML}</article></body></html>"""
    return 200, {"Content-Type": "text/html; charset=utf-8"}, html.encode()


def test_rss_with_full_content_is_read_without_fetching(serve: Callable[..., LocalServer], tmp_path: Path) -> None:
    server = serve({})
    feed = tmp_path / "daerah.rss"
    feed.write_text(FULL_RSS, encoding="utf-8")
    fetcher = fast_fetcher()
    items = list(read_feed(feed, fetcher))
    assert [type(i) for i in items] == [RawArticle, RawArticle]
    first = items[0]
    assert isinstance(first, RawArticle)
    assert PARAGRAPHS[1] in first.text
    assert first.title == "Dua puluh bus listrik untuk rute bandara"
    assert first.url == "https://warta-contoh.example/daerah/bus-listrik"
    assert first.source == first.url
    assert first.published == "2025-04-28T09:00:00+07:00"
    assert first.meta["author"] == "Dewi Lestari"
    assert first.meta["guid"] == "bus-listrik-1"
    assert first.meta["feed"] == str(feed)
    assert first.meta["feed_title"] == "Warta Contoh - Daerah"
    assert first.meta["feed_entry"] == "content"
    assert "Dinas perhubungan menambah bus listrik." not in first.text.split("\n")  # the teaser is not used
    assert server.hits == [] and fetcher.requests == 0


def test_atom_with_full_content() -> None:
    [item] = list(read_feed_bytes(FULL_ATOM.encode(), "atom.xml"))
    assert isinstance(item, RawArticle), item
    assert PARAGRAPHS[0] in item.text
    assert item.published == "2025-04-28T09:00:00+07:00"
    assert item.url == "https://warta-contoh.example/daerah/bus-listrik"
    assert item.meta["author"] == "Dewi Lestari"


def test_feed_with_links_only_fetches_each_page(serve: Callable[..., LocalServer]) -> None:
    server = serve({"/a": page("Halaman A"), "/b": page("Halaman B")})
    server.routes["/rss"] = (200, {"Content-Type": "application/rss+xml"}, links_rss(server.base, ["/a", "/b", "/c"]))
    fetcher = fast_fetcher()
    items = list(read_source(server.url("/rss"), Settings(), fetcher))
    assert [type(i) for i in items] == [RawArticle, RawArticle, ReadFailure]
    a, b, c = items
    assert isinstance(a, RawArticle) and isinstance(b, RawArticle) and isinstance(c, ReadFailure)
    assert a.title == "Halaman A" and b.title == "Halaman B"
    assert a.url == server.url("/a")
    assert a.published == "2025-04-30T01:00:00+07:00"  # the feed's date, with its time and zone
    assert PARAGRAPHS[2] in a.text
    assert a.meta["feed"] == server.url("/rss")
    assert a.meta["feed_entry"] == "link"
    assert c.error.type == "http_error" and c.source == server.url("/c")
    assert server.hits == ["/robots.txt", "/rss", "/a", "/b", "/c"]  # robots.txt once for the host


def test_feed_served_as_plain_xml_is_sniffed(serve: Callable[..., LocalServer]) -> None:
    server = serve({"/feed": (200, {"Content-Type": "text/xml; charset=utf-8"}, FULL_RSS.encode())})
    items = list(read_source(server.url("/feed"), Settings(), fast_fetcher()))
    assert len(items) == 2 and all(isinstance(i, RawArticle) for i in items)
    assert server.hits == ["/robots.txt", "/feed"]


def test_malformed_feed_is_one_failure(tmp_path: Path) -> None:
    feed = tmp_path / "rusak.xml"
    feed.write_bytes(b'<?xml version="1.0"?><rss version="2.0"><channel><title>Rusak</title><item><title>Tanpa')
    items = list(read_feed(feed))
    assert len(items) == 1 and isinstance(items[0], ReadFailure)
    assert items[0].error.type == "malformed_feed"
    assert "SAXParseException" in items[0].error.message
    assert items[0].source == str(feed)


@pytest.mark.parametrize("data", [b"", b"bukan feed sama sekali", b"<html><body><p>halaman</p></body></html>"])
def test_not_a_feed_is_one_failure(data: bytes) -> None:
    [item] = list(read_feed_bytes(data, "x.xml"))
    assert isinstance(item, ReadFailure)
    assert item.error.type == "malformed_feed"


def test_empty_feed_is_one_failure() -> None:
    data = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Kosong</title></channel></rss>'
    [item] = list(read_feed_bytes(data, "kosong.rss"))
    assert isinstance(item, ReadFailure)
    assert item.error.type == "empty_feed"
    assert "no entries" in item.error.message


def test_recovered_entries_carry_a_warning() -> None:
    data = FULL_RSS.replace("Taman kota dibuka kembali", "Taman & kolam dibuka kembali").encode()
    items = list(read_feed_bytes(data, "amp.rss"))
    assert items and all(isinstance(i, RawArticle) for i in items)
    assert "feed_warning" in items[0].meta  # type: ignore[union-attr]


def test_entry_without_content_or_link() -> None:
    data = b'<rss version="2.0"><channel><title>t</title><item><title>Hanya judul</title></item></channel></rss>'
    [item] = list(read_feed_bytes(data, "judul.rss"))
    assert isinstance(item, ReadFailure)
    assert item.error.type == "no_text"
    assert item.source == "judul.rss#entry-1"


def test_local_feed_files_are_dispatched_by_sniffing(tmp_path: Path) -> None:
    feed = tmp_path / "daerah.xml"
    feed.write_text(FULL_RSS, encoding="utf-8")
    not_feed = tmp_path / "halaman.xml"
    not_feed.write_text(
        f'<?xml version="1.0"?><html><head><title>Bus</title></head><body><article>{BODY_HTML}</article></body></html>',
        encoding="utf-8",
    )
    items = list(read_source(str(feed), Settings()))
    assert len(items) == 2 and items[0].meta["feed_entry"] == "content"  # type: ignore[union-attr]
    [page_item] = list(read_source(str(not_feed), Settings()))
    assert isinstance(page_item, RawArticle) and "feed" not in page_item.meta


def test_looks_like_feed() -> None:
    assert looks_like_feed(FULL_RSS.encode())
    assert looks_like_feed(FULL_ATOM.encode())
    assert looks_like_feed(b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- komentar -->\n<rss version="2.0"></rss>')
    assert looks_like_feed(
        b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        b' xmlns="http://purl.org/rss/1.0/"></rdf:RDF>'
    )
    assert not looks_like_feed(b"<!DOCTYPE html><html><body>feed</body></html>")
    assert not looks_like_feed(b"rss feed")
