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


def _strip(obj: Any, text: str) -> Any:
    """The record without what its text gives back (span texts equal to text[start:end]) and without nulls."""
    if isinstance(obj, dict):
        start, end = obj.get("start"), obj.get("end")
        out = {}
        for key, value in obj.items():
            if value is None:
                continue
            if (key == "text" and isinstance(start, int) and isinstance(end, int) and isinstance(value, str)
                    and text[start:end] == value):
                continue
            out[key] = _strip(value, text) if key != "text" else value
        return out
    if isinstance(obj, list):
        return [_strip(v, text) for v in obj]
    return obj


def _restore(obj: Any, text: str) -> Any:
    if isinstance(obj, dict):
        out = {k: _restore(v, text) if k != "text" else v for k, v in obj.items()}
        if "text" not in out and isinstance(out.get("start"), int) and isinstance(out.get("end"), int):
            out["text"] = text[out["start"]:out["end"]]
        return out
    if isinstance(obj, list):
        return [_restore(v, text) for v in obj]
    return obj


def clean_text_of(record: dict[str, Any]) -> str:
    """The record's clean text, as the anatomy annotator joins its body paragraphs."""
    return "\n\n".join(" ".join(p["text"].split()) for p in record.get("body") or [])


def packed_clean_text(blob: bytes) -> str:
    """The clean text of a packed record, without rebuilding the whole record (fast: search snippets)."""
    slim = json.loads(zlib.decompress(blob).decode("utf-8"))
    if slim.get("clean_text") is not None:
        return str(slim["clean_text"])
    text = slim.get("text") or ""
    return "\n\n".join(
        " ".join((p.get("text") or text[p["start"]:p["end"]]).split()) for p in slim.get("body") or []
    )


def pack_record(record: dict[str, Any]) -> bytes:
    """A record, compressed: span texts (derivable from the text) and clean_text left out."""
    text = record.get("text") or ""
    slim = _strip({k: v for k, v in record.items() if k not in ("text", "clean_text")}, text)
    slim["text"] = text
    slim["clean_text"] = None if record.get("clean_text") == clean_text_of(record) else record.get("clean_text")
    return zlib.compress(json.dumps(slim, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)


def unpack_record(blob: bytes) -> dict[str, Any]:
    """The record as it was packed: texts and nulls back, through the record type (same field order)."""
    from warta.record import Record

    slim = json.loads(zlib.decompress(blob).decode("utf-8"))
    text = slim.get("text") or ""
    record = _restore({k: v for k, v in slim.items() if k != "text"}, text)
    record["text"] = text
    if record.get("clean_text") is None:
        record["clean_text"] = clean_text_of(record)
    return Record.model_validate(record).to_dict()


def packed_text(blob: bytes) -> str:
    """Only the text of a packed record (no validation): what span offsets point into."""
    return json.loads(zlib.decompress(blob).decode("utf-8")).get("text") or ""


def band_ints(keys: list[str]) -> list[int]:
    """similarity.band_keys as 64-bit integers (band number in the top bits): smaller to store and index."""
    out = []
    for key in keys:
        band, digest = key.split(":")
        out.append((int(band) << 56) | (int(digest, 16) & ((1 << 56) - 1)))
    return out


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
    bands: list[int] = field(default_factory=list)


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
        bands=band_ints(band_keys(sig)),
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
        rows.mentions.extend((e["id"], m["start"], m["end"]) for m in e.get("mentions") or [])
    for i, q in enumerate(record.get("quotes") or []):
        sp = q.get("speaker") or {}
        cue = q.get("cue") or {}
        rows.quotes.append(
            (i, q["kind"], sp.get("name"), sp.get("entity"), cue.get("text"), q["start"], q["end"])
        )
    rows.dates = [(d["start"], d["end"], d.get("value")) for d in record.get("dates") or []]
    return rows
