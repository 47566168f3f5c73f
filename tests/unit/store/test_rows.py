"""Packing records for the store: slimmed, compressed with the preset dictionary, and read back unchanged."""

from __future__ import annotations

import json
import zlib
from pathlib import Path

import pytest

from warta.api import analyze_path
from warta.settings import Settings
from warta.store import StoreError
from warta.store.rows import (
    ZDICT_ID,
    ZDICTS,
    pack_record,
    packed_body,
    packed_clean_text,
    packed_text,
    slim_record,
    unpack_record,
    zdict,
)

FAST = Settings(use_models=False)


def _records(path: Path) -> list[dict]:
    return [r.to_dict() for r in analyze_path(path, settings=FAST)]


def test_every_registered_dictionary_matches_its_id() -> None:
    assert ZDICT_ID in ZDICTS
    for dict_id in ZDICTS:
        data = zdict(dict_id)
        assert zlib.adler32(data) == dict_id and 1000 < len(data) <= 32 * 1024


def test_seed_round_trips_and_packs_smaller_with_the_dictionary(shared: Path) -> None:
    for record in _records(shared / "seed"):
        blob = pack_record(record)
        assert blob[1] & 0x20 and int.from_bytes(blob[2:6], "big") == ZDICT_ID  # names its dictionary
        assert unpack_record(blob) == record
        assert packed_text(blob) == record["text"]
        assert packed_clean_text(blob) == record["clean_text"]
        plain = zlib.compress(json.dumps(slim_record(record), ensure_ascii=False, separators=(",", ":")).encode(), 6)
        assert len(blob) < 0.95 * len(plain)


def test_records_packed_without_a_dictionary_still_read(shared: Path) -> None:
    """Stores written before the dictionary (plain zlib) read as before."""
    for record in _records(shared / "seed"):
        old = zlib.compress(json.dumps(slim_record(record), ensure_ascii=False).encode(), 6)
        assert unpack_record(old) == record


def test_unknown_dictionary_is_a_clear_store_error(shared: Path) -> None:
    record = _records(shared / "seed")[0]
    unknown = b"another dictionary, from a newer warta" * 10
    packer = zlib.compressobj(6, zdict=unknown)
    blob = packer.compress(json.dumps(slim_record(record)).encode()) + packer.flush()
    with pytest.raises(StoreError, match="needs compression dictionary"):
        unpack_record(blob)


def test_clean_text_that_is_not_derivable_is_kept(shared: Path) -> None:
    record = _records(shared / "seed")[0]
    record["clean_text"] = "a clean text set by hand"
    blob = pack_record(record)
    assert packed_clean_text(blob) == "a clean text set by hand"
    assert unpack_record(blob) == record


def _body_text(text: str, spans: list[tuple[int, int]]) -> str:
    return "\n\n".join(" ".join(text[s:e].split()) for s, e in spans)


def test_packed_body_reads_only_the_text_and_gives_the_clean_body(shared: Path) -> None:
    """Search snippets read (text, body spans) without parsing the annotations. Same answer for records packed
    as version 2, with a set clean text, and as version 1, long texts included."""
    records = _records(shared / "eval" / "dev")
    assert any(len(r["text"].encode()) > 4096 for r in records)  # long texts are among them
    for record in records:
        text, spans = packed_body(pack_record(record))
        assert text == record["text"] and _body_text(text, spans) == record["clean_text"]
        old = zlib.compress(json.dumps(slim_record(record), ensure_ascii=False).encode(), 6)
        assert _body_text(*packed_body(old)) == record["clean_text"]
    record = records[0]
    record["clean_text"] = "a clean text set by hand"
    assert packed_body(pack_record(record)) == ("a clean text set by hand", [(0, 24)])
