"""Plain text files."""

from __future__ import annotations

from warta.readers.base import RawArticle
from warta.readers.decoding import decode_bytes


def read_text(data: bytes, source: str | None = None) -> RawArticle:
    text, encoding = decode_bytes(data, source)
    meta = {"format": "text", "encoding": encoding}
    return RawArticle(text=text, source=source, meta=meta)
