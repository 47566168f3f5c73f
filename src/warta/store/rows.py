"""A record as table rows: what every store backend writes."""

from __future__ import annotations

import hashlib
import json
import zlib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from warta.similarity import band_keys, signature
from warta.store.errors import StoreError


def content_hash(text: str) -> str:
    """The identity of an article's content: re-ingesting the same text adds nothing."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def _strip(obj: Any, text: str) -> Any:
    """The record without what its text gives back (span texts equal to text[start:end]) and without nulls."""
    if type(obj) is dict:
        start, end = obj.get("start"), obj.get("end")
        same = type(start) is int and type(end) is int and obj.get("text") == text[start:end]
        return {
            k: _strip(v, text) if type(v) in _NESTED and k != "text" else v
            for k, v in obj.items()
            if v is not None and not (same and k == "text")
        }
    if type(obj) is list:
        return [_strip(v, text) if type(v) in _NESTED else v for v in obj]
    return obj


_NESTED = (dict, list)


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


# Preset dictionaries records are compressed with (scripts/build_record_zdict.py), by zlib dictionary id
# (Adler-32). A packed record names its dictionary in its zlib header, so stores written with any of these, or
# with none (warta 0.1 wrote plain zlib), stay readable. Never change a released file: add a new one.
ZDICTS = {4175461082: "record-1.zdict"}
ZDICT_ID = 4175461082  # the one new records are packed with


@cache
def zdict(dict_id: int = ZDICT_ID) -> bytes:
    name = ZDICTS.get(dict_id)
    if name is None:
        raise StoreError(f"a stored record needs compression dictionary {dict_id}, which this warta does not have"
                         " (written by a newer version?)")
    data = (Path(__file__).parent / name).read_bytes()
    if zlib.adler32(data) != dict_id:
        raise StoreError(f"compression dictionary {name} is damaged (its checksum is not {dict_id})")
    return data


def _deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(6, zdict=zdict())
    return packer.compress(data) + packer.flush()


def _inflate(blob: bytes) -> bytes:
    """A packed record's JSON: zlib with the preset dictionary its header names, or plain zlib."""
    if len(blob) > 6 and blob[1] & 0x20:  # FDICT: a 4-byte dictionary id follows the 2-byte header
        unpacker = zlib.decompressobj(zdict=zdict(int.from_bytes(blob[2:6], "big")))
        return unpacker.decompress(blob) + unpacker.flush()
    return zlib.decompress(blob)


# Packed payload, version 2: b"\x02", a one-line JSON header {"t": text length in UTF-8 bytes, "b": body
# paragraph spans, "c": clean_text when it is not derivable}, the text, then the rest of the record as JSON.
# Search snippets and quotes need only the text and the body, which are then read without parsing the
# annotations. Version 1 (warta 0.1) is the whole slim record as one JSON object: still read.
_V2 = b"\x02"


def _payload(record: dict[str, Any]) -> bytes:
    text = record.get("text") or ""
    raw = text.encode("utf-8", "surrogatepass")
    spans = [[p["start"], p["end"]] for p in record.get("body") or []]
    head: dict[str, Any] = {"t": len(raw), "b": spans}
    if _joined(text, spans) != record.get("clean_text"):
        head["c"] = record.get("clean_text")
    rest = json.dumps(_annotations(record), ensure_ascii=False, separators=(",", ":"))
    return b"".join((_V2, json.dumps(head, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), b"\n", raw,
                     rest.encode("utf-8", "surrogatepass")))


def _joined(text: str, spans: list[list[int]]) -> str:
    return "\n\n".join(" ".join(text[s:e].split()) for s, e in spans)


def _parts(blob: bytes) -> tuple[dict[str, Any], str, bytes] | dict[str, Any]:
    """(header, text, rest of the record as JSON) of a version 2 payload; the whole slim record of version 1."""
    data = _inflate(blob)
    if data[:1] != _V2:
        return json.loads(data.decode("utf-8"))  # type: ignore[no-any-return]
    nl = data.index(b"\n")
    head = json.loads(data[1:nl].decode("utf-8"))
    end = nl + 1 + head["t"]
    return head, data[nl + 1:end].decode("utf-8", "surrogatepass"), data[end:]


def _load(blob: bytes) -> dict[str, Any]:
    """The slim record (as slim_record made it) of either payload version."""
    parts = _parts(blob)
    if isinstance(parts, dict):
        return parts
    head, text, rest = parts
    slim: dict[str, Any] = json.loads(rest.decode("utf-8", "surrogatepass"))
    slim["text"], slim["clean_text"] = text, head.get("c")
    return slim


def packed_clean_text(blob: bytes) -> str:
    """The clean text of a packed record, without rebuilding the whole record (fast: search snippets)."""
    parts = _parts(blob)
    if isinstance(parts, tuple):
        head, text, _ = parts
        return str(head["c"]) if head.get("c") is not None else _joined(text, head["b"])
    slim = parts
    if slim.get("clean_text") is not None:
        return str(slim["clean_text"])
    text = slim.get("text") or ""
    return "\n\n".join(
        " ".join((p.get("text") or text[p["start"]:p["end"]]).split()) for p in slim.get("body") or []
    )


def _annotations(record: dict[str, Any]) -> dict[str, Any]:
    """Every field but the text and clean_text, without nulls and without span texts equal to text[start:end]."""
    return _strip({k: v for k, v in record.items() if k not in ("text", "clean_text")},  # type: ignore[no-any-return]
                  record.get("text") or "")


def slim_record(record: dict[str, Any]) -> dict[str, Any]:
    """A record without what can be rebuilt: nulls, span texts equal to text[start:end], a derivable clean_text."""
    slim = _annotations(record)
    slim["text"] = record.get("text") or ""
    slim["clean_text"] = None if record.get("clean_text") == clean_text_of(record) else record.get("clean_text")
    return slim


def pack_record(record: dict[str, Any]) -> bytes:
    """A record, slimmed (slim_record), laid out as payload version 2 and compressed with the preset
    dictionary (zdict)."""
    return _deflate(_payload(record))


def unpack_record(blob: bytes) -> dict[str, Any]:
    """The record as it was packed: texts and nulls back, through the record type (same field order)."""
    from warta.record import Record

    slim = _load(blob)
    text = slim.get("text") or ""
    record = _restore({k: v for k, v in slim.items() if k != "text"}, text)
    record["text"] = text
    if record.get("clean_text") is None:
        record["clean_text"] = clean_text_of(record)
    return Record.model_validate(record).to_dict()


def packed_body(blob: bytes) -> tuple[str, list[tuple[int, int]]]:
    """A text and the spans of it that make the clean body, without parsing the annotations (search snippets):
    the record's text and its body paragraphs, or the stored clean text whole when it is not derivable."""
    parts = _parts(blob)
    if isinstance(parts, tuple):
        head, text, _ = parts
        if head.get("c") is None:
            return text, [(s, e) for s, e in head["b"]]
        clean = str(head["c"])
    else:
        if parts.get("clean_text") is None:
            return parts.get("text") or "", [(p["start"], p["end"]) for p in parts.get("body") or []]
        clean = str(parts["clean_text"])
    return clean, [(0, len(clean))]


def packed_text(blob: bytes) -> str:
    """Only the text of a packed record (no validation): what span offsets point into."""
    parts = _parts(blob)
    return parts[1] if isinstance(parts, tuple) else parts.get("text") or ""


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
