"""Every reader, and every kind of bad input: each gives an article or a ReadFailure, never a crash."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from warta.readers import RawArticle, ReadFailure, read_bytes, read_path, read_paths
from warta.settings import Settings

ARTICLE = "Jakarta (ANTARA) - Pemerintah menaikkan anggaran pendidikan tahun depan.\nEditor: Sri Wahyuni\n"

HTML_PAGE = """<!DOCTYPE html><html><head><title>Anggaran pendidikan naik</title>
<meta name="author" content="Andi Saputra"><meta property="article:published_time" content="2025-04-28T10:00:00+07:00">
<meta property="og:site_name" content="Harian Contoh"></head>
<body><nav>Beranda | Berita | Olahraga</nav><article><h1>Anggaran pendidikan naik</h1>
<p>Jakarta (ANTARA) - Pemerintah menaikkan anggaran pendidikan tahun depan menjadi Rp700 triliun, kata menteri.</p>
<p>Menteri Keuangan mengatakan kenaikan itu untuk memperbaiki gedung sekolah di seluruh Indonesia.</p>
<p>"Kami ingin semua anak belajar di ruang kelas yang layak," ujar menteri di Jakarta pada Senin.</p>
</article><footer>Hak cipta Harian Contoh</footer></body></html>"""


def test_text_utf8(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    [item] = list(read_path(p))
    assert isinstance(item, RawArticle)
    assert item.text == ARTICLE
    assert item.meta["encoding"] == "utf-8"


def test_text_other_encoding_is_detected(tmp_path: Path) -> None:
    text = "Le président a déclaré à Genève que les négociations reprendront la semaine prochaine. " * 3
    p = tmp_path / "latin.txt"
    p.write_bytes(text.encode("cp1252"))
    [item] = list(read_path(p))
    assert isinstance(item, RawArticle)
    assert "président" in item.text and "Genève" in item.text


def test_invalid_utf8_is_decoded_or_refused_never_crashes(tmp_path: Path) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(b"Harga naik \xff\xfe\xfa tajam pekan ini.\n" * 3)
    [item] = list(read_path(p))
    # not UTF-8: decoded with the detected single-byte encoding, nothing lost, the encoding recorded
    assert isinstance(item, RawArticle)
    assert item.meta["encoding"] != "utf-8"
    assert item.text.count("Harga naik") == 3 and "tajam pekan ini." in item.text


@pytest.mark.parametrize(
    ("content", "etype"),
    [(b"", "empty_input"), (b"  \n\n ", "empty_input"), (bytes(range(256)) * 8, "binary_input")],
)
def test_bad_text_inputs(tmp_path: Path, content: bytes, etype: str) -> None:
    p = tmp_path / "x.txt"
    p.write_bytes(content)
    [item] = list(read_path(p))
    assert isinstance(item, ReadFailure)
    assert item.error.type == etype


def test_too_large_file(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_bytes(b"kata " * 4_000_000)  # 20 MB
    [item] = list(read_path(p))
    assert isinstance(item, ReadFailure)
    assert item.error.type == "input_too_large"
    assert "max_input_bytes" in item.error.message


def test_large_file_allowed_by_setting(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_bytes(b"Harga naik. " * 200_000)
    [item] = list(read_path(p, Settings(max_input_bytes=50_000_000)))
    assert isinstance(item, RawArticle)


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text(HTML_PAGE, encoding="utf-8")
    [item] = list(read_path(p))
    assert isinstance(item, RawArticle)
    assert "Rp700 triliun" in item.text
    assert "Beranda" not in item.text
    assert item.title == "Anggaran pendidikan naik"
    assert item.published and item.published.startswith("2025-04-28")
    assert item.meta.get("author") == "Andi Saputra"


def test_html_without_text(tmp_path: Path) -> None:
    p = tmp_path / "empty.html"
    p.write_text("<html><head><title>x</title></head><body><div></div></body></html>", encoding="utf-8")
    [item] = list(read_path(p))
    assert isinstance(item, ReadFailure)
    assert item.error.type == "no_text"


def test_html_sniffed_without_suffix() -> None:
    [item] = list(read_bytes(HTML_PAGE.encode(), "page"))
    assert isinstance(item, RawArticle)
    assert item.meta["format"] == "html"


def test_jsonl_fields_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "text": ARTICLE, "published": "2025-04-28", "url": "https://example.org/a1"}),
        "{not json",
        json.dumps({"id": "a3", "body": "no text field"}),
        "",
        json.dumps({"id": "a4", "text": "   "}),
        json.dumps({"id": "a5", "text": "Harga cabai naik tajam pekan ini.", "title": "Cabai"}),
    ]
    p = tmp_path / "batch.jsonl"
    p.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_path(p))
    assert [type(i).__name__ for i in items] == [
        "RawArticle",
        "ReadFailure",
        "ReadFailure",
        "ReadFailure",
        "RawArticle",
    ]
    first = items[0]
    assert isinstance(first, RawArticle)
    assert (first.id, first.published, first.url) == ("a1", "2025-04-28", "https://example.org/a1")
    assert items[1].source.endswith("batch.jsonl:2")
    assert items[1].error.type == "malformed_input"
    assert items[2].error.type == "malformed_input"
    assert items[3].error.type == "no_text"
    assert items[4].title == "Cabai"


def test_jsonl_renamed_fields(tmp_path: Path) -> None:
    p = tmp_path / "b.jsonl"
    p.write_text(json.dumps({"doc": "d1", "content": ARTICLE, "date": "28 April 2025", "link": "u"}) + "\n")
    settings = Settings(text_field="content", id_field="doc", date_field="date", url_field="link")
    [item] = list(read_path(p, settings))
    assert isinstance(item, RawArticle)
    assert (item.id, item.published, item.url) == ("d1", "28 April 2025", "u")


def test_jsonl_gz(tmp_path: Path) -> None:
    p = tmp_path / "b.jsonl.gz"
    p.write_bytes(gzip.compress((json.dumps({"text": ARTICLE}) + "\n").encode()))
    [item] = list(read_path(p))
    assert isinstance(item, RawArticle)


def test_json_list(tmp_path: Path) -> None:
    p = tmp_path / "b.json"
    p.write_text(json.dumps([{"text": ARTICLE}, {"text": 3}]))
    items = list(read_path(p))
    assert [type(i).__name__ for i in items] == ["RawArticle", "ReadFailure"]


def test_directory_recursive_with_unreadable_file(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "sub" / "b.txt").write_text(ARTICLE.replace("Jakarta", "Bandung"))
    (tmp_path / "sub" / "broken.txt").symlink_to(tmp_path / "missing.txt")  # cannot be read
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")  # not an article file: skipped
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    items = list(read_path(tmp_path))
    assert [Path(i.source).name for i in items] == ["a.txt", "b.txt", "broken.txt"]
    assert isinstance(items[2], ReadFailure)
    assert items[2].error.type == "unreadable_input"


def test_missing_path_is_a_failure_and_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    items = list(read_paths([tmp_path / "nope.txt", tmp_path / "a.txt"]))
    assert isinstance(items[0], ReadFailure) and items[0].error.type == "not_found"
    assert isinstance(items[1], RawArticle)


def test_jsonl_line_separator_inside_a_string_is_not_a_line_break(tmp_path: Path) -> None:
    p = tmp_path / "u.jsonl"
    text = "Paragraf pertama.\u2028Paragraf kedua tentang harga beras yang naik tajam."
    p.write_text(json.dumps({"id": "u1", "text": text}, ensure_ascii=False) + "\r\n", encoding="utf-8")
    [item] = list(read_path(p))
    assert isinstance(item, RawArticle) and item.text == text
