"""WARC reader: HTML responses become articles with their capture URL and date; a broken record gives one
failure and reading goes on. The WARC files are written here with warcio's writer (invented pages)."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest

pytest.importorskip("warcio", reason="the WARC reader needs warcio (pip install warcio)")

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from warta.readers import RawArticle, ReadFailure, read_path
from warta.readers.warc import read_warc
from warta.settings import Settings

PAGE = """<!DOCTYPE html><html><head><title>{title}</title></head>
<body><nav>Beranda | Berita</nav><article><h1>{title}</h1>
<p>Kupang (ANTARA) - {title}: pemerintah daerah mengumumkan rencana baru untuk warga pada Senin pagi.</p>
<p>Pejabat setempat mengatakan rencana itu akan dibahas bersama warga dan tokoh masyarakat pekan depan.</p>
<p>"Kami ingin semua warga ikut menentukan," kata pejabat itu di Kupang, Nusa Tenggara Timur.</p>
</article></body></html>"""

DATED_PAGE = PAGE.replace(
    "<head>", '<head><meta property="article:published_time" content="2025-03-02T08:00:00+07:00">'
)


def _response(writer: WARCWriter, url: str, body: bytes, ctype: str = "text/html; charset=utf-8",
              status: str = "200 OK", date: str = "2025-04-28T10:00:00Z") -> None:
    http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), http_headers=http,
        warc_headers_dict={"WARC-Date": date},
    )
    writer.write_record(record)


def _warc(gz: bool, *, pages: int = 3, extras: bool = True) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "warta tests"}))
    for i in range(pages):
        page = DATED_PAGE if i == 1 else PAGE
        _response(writer, f"https://berita.example/{i}", page.format(title=f"Berita nomor {i}").encode())
        if extras and i == 0:
            _response(writer, "https://berita.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")
            _response(writer, "https://berita.example/old", b"<html>moved</html>", status="301 Moved")
            req = writer.create_warc_record(
                "https://berita.example/0", "request", payload=io.BytesIO(b"GET /0 HTTP/1.1\r\n\r\n"),
                warc_headers_dict={"WARC-Date": "2025-04-28T10:00:00Z"},
            )
            writer.write_record(req)
    return out.getvalue()


def _articles(items: list[RawArticle | ReadFailure]) -> list[RawArticle]:
    return [i for i in items if isinstance(i, RawArticle)]


@pytest.mark.parametrize("gz", [False, True])
def test_read_warc_html_responses_become_articles(gz: bool) -> None:
    items = list(read_warc(_warc(gz), "crawl.warc"))
    assert all(isinstance(i, RawArticle) for i in items), items
    assert [a.url for a in items] == [f"https://berita.example/{i}" for i in range(3)]
    first = items[0]
    assert "Berita nomor 0" in first.text and "Kupang (ANTARA)" in first.text
    assert first.meta["format"] == "html"
    warc = first.meta["warc"]
    assert warc["date"] == "2025-04-28T10:00:00Z"
    assert warc["file"] == "crawl.warc"
    assert first.source == f"crawl.warc@{warc['offset']}"
    assert warc["record_id"].startswith("<urn:uuid:")


def test_read_warc_capture_date_is_not_published() -> None:
    undated, dated, _ = list(read_warc(_warc(False), "crawl.warc"))
    assert isinstance(undated, RawArticle) and isinstance(dated, RawArticle)
    assert dated.published and dated.published.startswith("2025-03-02")
    assert undated.published is None or not undated.published.startswith("2025-04-28")


@pytest.mark.parametrize("gz", [False, True])
def test_read_warc_offsets_point_at_records(gz: bool) -> None:
    from warcio.archiveiterator import ArchiveIterator

    data = _warc(gz)
    for item in read_warc(data, "crawl.warc"):
        assert isinstance(item, RawArticle)
        offset = item.meta["warc"]["offset"]
        record = next(iter(ArchiveIterator(io.BytesIO(data[offset:]))))
        assert record.rec_headers.get_header("WARC-Target-URI") == item.url


def _break_second_page(data: bytes, gz: bool) -> bytes:
    """Corrupt the record of page 1: its WARC header line (plain) or its gzip member's deflate data."""
    from warcio.archiveiterator import ArchiveIterator

    it = ArchiveIterator(io.BytesIO(data))
    for record in it:
        if record.rec_headers.get_header("WARC-Target-URI") == "https://berita.example/1":
            start, length = it.get_record_offset(), it.get_record_length()
            break
    else:
        raise AssertionError("page 1 not found")
    if gz:
        middle = start + length // 2
        return data[:middle] + bytes(b ^ 0x5A for b in data[middle:middle + 40]) + data[middle + 40:]
    return data[:start] + b"WARX/9.9" + data[start + 8:]


@pytest.mark.parametrize("gz", [False, True])
def test_read_warc_broken_record_gives_one_failure_and_goes_on(gz: bool) -> None:
    data = _break_second_page(_warc(gz), gz)
    items = list(read_warc(data, "crawl.warc"))
    failures = [i for i in items if isinstance(i, ReadFailure)]
    assert len(failures) == 1, items
    assert failures[0].error.type == "malformed_input"
    assert "broken WARC record" in failures[0].error.message
    assert failures[0].source and failures[0].source.startswith("crawl.warc@")
    assert [a.url for a in _articles(items)] == ["https://berita.example/0", "https://berita.example/2"]


def test_read_warc_truncated_file_gives_a_failure() -> None:
    data = _warc(False, pages=2, extras=False)
    items = list(read_warc(data[: len(data) - 300], "crawl.warc"))
    assert [a.url for a in _articles(items)][:1] == ["https://berita.example/0"]
    assert len(items) == 2


def test_read_warc_not_a_warc_gives_one_failure() -> None:
    items = list(read_warc(b"this is not a web archive\n" * 20, "notes.warc"))
    assert len(items) == 1 and isinstance(items[0], ReadFailure)


def test_read_warc_page_without_text_is_a_failure_in_place() -> None:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    _response(writer, "https://berita.example/empty", b"<html><head><title>x</title></head><body><img src='a.png'></body></html>")
    _response(writer, "https://berita.example/a", PAGE.format(title="Berita lengkap").encode())
    first, second = list(read_warc(out.getvalue(), "crawl.warc.gz"))
    assert isinstance(first, ReadFailure) and first.error.type == "no_text"
    assert isinstance(second, RawArticle) and second.url == "https://berita.example/a"


def test_read_warc_size_limit_applies_per_record() -> None:
    items = list(read_warc(_warc(True, extras=False), "crawl.warc.gz", Settings(max_input_bytes=200)))
    assert len(items) == 3
    assert all(isinstance(i, ReadFailure) and i.error.type == "input_too_large" for i in items)


def test_read_warc_non_seekable_stream() -> None:
    class Pipe(io.RawIOBase):
        def __init__(self, data: bytes) -> None:
            self._data = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
            chunk = self._data.read(len(buffer))
            buffer[: len(chunk)] = chunk
            return len(chunk)

    items = list(read_warc(Pipe(_warc(True)), "-"))  # type: ignore[arg-type]
    assert len(_articles(items)) == 3


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_read_path_dispatches_warc_files(tmp_path: Path, name: str) -> None:
    data = _warc(name.endswith(".gz"))
    path = tmp_path / name
    path.write_bytes(data)
    items = list(read_path(path))
    assert [a.url for a in _articles(items)] == [f"https://berita.example/{i}" for i in range(3)]
    assert items[0].source == f"{path}@{items[0].meta['warc']['offset']}"


def test_read_path_finds_warc_files_in_directories(tmp_path: Path) -> None:
    (tmp_path / "shards").mkdir()
    (tmp_path / "shards" / "a.warc.gz").write_bytes(_warc(True))
    (tmp_path / "shards" / "b.txt").write_text("Jakarta (ANTARA) - Harga beras naik lagi pekan ini.\n")
    items = list(read_path(tmp_path / "shards"))
    assert len(items) == 4


def test_read_path_warc_gzipped_whole_is_reported_not_crashed(tmp_path: Path) -> None:
    """A whole-file gzip (not a gzip member per record) is not a valid WARC.gz: a failure says so."""
    path = tmp_path / "whole.warc.gz"
    path.write_bytes(gzip.compress(_warc(False)))
    items = list(read_path(path))
    assert any(isinstance(i, ReadFailure) and i.error.type == "malformed_input" for i in items)
