"""A record as table rows: what every store backend writes."""

from __future__ import annotations

import hashlib
import json
import zlib
from dataclasses import dataclass, field
from typing import Any

from warta.similarity import band_keys, signature


def content_hash(text: str) -> str:
    """The identity of an article's content: re-ingesting the same text adds nothing."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def pack_record(record: dict[str, Any]) -> bytes:
    return zlib.compress(json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)


def unpack_record(blob: bytes) -> dict[str, Any]:
    return json.loads(zlib.decompress(blob).decode("utf-8"))


def pack_signature(sig: list[int]) -> bytes:
    return b"".join(v.to_bytes(4, "little") for v in sig)


def unpack_signature(blob: bytes) -> list[int]:
    return [int.from_bytes(blob[i : i + 4], "little") for i in range(0, len(blob), 4)]


@dataclass
class ArticleRows:
    """One record, flattened for the store's tables."""

    content_hash: str
    article: dict[str, Any]
    sources: list[tuple[int, str]] = field(default_factory=list)
    entities: list[tuple[Any, ...]] = field(default_factory=list)
    mentions: list[tuple[Any, ...]] = field(default_factory=list)
    quotes: list[tuple[Any, ...]] = field(default_factory=list)
    dates: list[tuple[Any, ...]] = field(default_factory=list)
    signature: list[int] = field(default_factory=list)
    bands: list[str] = field(default_factory=list)


def record_rows(record: dict[str, Any], *, sig: list[int] | None = None) -> ArticleRows:
    """Rows for a successful record (``record['error']`` must be empty)."""
    published = (record.get("published") or {}).get("date")
    dateline = record.get("dateline") or {}
    clean = record.get("clean_text") or ""
    sig = sig if sig is not None else signature(clean)
    rows = ArticleRows(
        content_hash=content_hash(record.get("text") or ""),
        article={
            "id": record["id"],
            "url": record.get("url"),
            "source": record.get("source"),
            "lang": record.get("lang"),
            "title": record.get("title"),
            "published": published,
            "agency": dateline.get("agency"),
            "place": dateline.get("place"),
            "clean_text": clean,
            "record": pack_record(record),
        },
        signature=sig,
        bands=band_keys(sig),
    )
    rows.sources = [(i, s["name"]) for i, s in enumerate(record.get("sources") or [])]
    for e in record.get("entities") or []:
        geo = e.get("geo") or {}
        rows.entities.append(
            (
                e["id"],
                e["type"],
                e["name"],
                len(e.get("mentions") or []),
                geo.get("lat"),
                geo.get("lon"),
                geo.get("country"),
            )
        )
        rows.mentions.extend((e["id"], m["start"], m["end"], m["text"]) for m in e.get("mentions") or [])
    for i, q in enumerate(record.get("quotes") or []):
        sp = q.get("speaker") or {}
        cue = q.get("cue") or {}
        rows.quotes.append(
            (i, q["kind"], sp.get("name"), sp.get("entity"), cue.get("text"), q["text"], q["start"], q["end"])
        )
    rows.dates = [(d["text"], d.get("value"), d["start"], d["end"]) for d in record.get("dates") or []]
    return rows
