"""JSON Lines files are streamed a block at a time: same articles, same line numbers, flat memory."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from warta.readers import RawArticle, ReadFailure, read_path
from warta.readers import jsonl as jsonl_module


def _lines(n: int) -> list[str]:
    return [json.dumps({"id": f"a{i}", "text": f"Artikel nomor {i} tentang pelabuhan " + "kata " * (i % 7)})
            for i in range(n)]


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jsonl_module, "BLOCK", 100)  # lines cross block boundaries everywhere


def test_blocks_give_every_article_in_order(tmp_path: Path) -> None:
    lines = _lines(50)
    lines[17] = "{not json"
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    items = list(read_path(path))
    assert len(items) == 50
    bad = items[17]
    assert isinstance(bad, ReadFailure) and bad.source == f"{path}:18"
    good = [i for i in items if isinstance(i, RawArticle)]
    assert [a.id for a in good] == [f"a{i}" for i in range(50) if i != 17]
    assert good[20].source == f"{path}:22"


def test_gzip_and_a_last_line_without_newline(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(gzip.compress("\n".join(_lines(30)).encode()))
    assert [a.id for a in read_path(path)] == [f"a{i}" for i in range(30)]


def test_truncated_gzip_keeps_what_was_read_and_says_where(tmp_path: Path) -> None:
    data = gzip.compress("\n".join(_lines(200)).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = list(read_path(path))
    assert any(isinstance(i, RawArticle) for i in items)
    assert isinstance(items[-1], ReadFailure) and items[-1].error.type == "unreadable_input"


def test_a_block_in_another_encoding_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "cp.jsonl"
    body = "\n".join(json.dumps({"id": f"c{i}", "text": f"Café crème numéro {i}"}, ensure_ascii=False)
                     for i in range(10))
    path.write_bytes(body.encode("cp1252"))
    texts = [a.text for a in read_path(path)]
    assert texts[3] == "Café crème numéro 3"


@pytest.mark.parametrize("content", [b"", b"\n\n  \n"])
def test_empty_file_is_one_failure(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "e.jsonl"
    path.write_bytes(content)
    items = list(read_path(path))
    assert len(items) == 1 and isinstance(items[0], ReadFailure) and items[0].error.type == "empty_input"


def test_utf16_file_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "u.jsonl"
    path.write_bytes("\n".join(_lines(5)).encode("utf-16"))
    assert [a.id for a in read_path(path)] == [f"a{i}" for i in range(5)]
