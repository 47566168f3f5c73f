"""The SQLite store: ingest, idempotency, search, queries, exports, duplicates, failures."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest

import warta
from warta.ingest import ingest
from warta.settings import Settings
from warta.store import QuerySyntaxError, StoreError, open_store
from warta.store.query import to_fts

from ...conftest import EXAMPLES

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "bench"))
from generate import generate

FAST = Settings(use_models=False)


def _jsonl(path: Path, texts: list[str], prefix: str = "g") -> Path:
    path.write_text(
        "".join(json.dumps({"id": f"{prefix}{i}", "text": t}) + "\n" for i, t in enumerate(texts))
    )
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "w.db"
    ingest([str(EXAMPLES)], path, settings=FAST)
    return path


def test_ingest_examples_and_reingest_adds_nothing(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    first = ingest([str(EXAMPLES)], path, settings=FAST)
    assert (first.read, first.added, first.failed) == (4, 4, 0)
    again = ingest([str(EXAMPLES)], path, settings=FAST)
    assert (again.added, again.already_stored) == (0, 4)
    assert open_store(path).count() == 4


def test_ingest_with_two_workers_matches_one(tmp_path: Path) -> None:
    src = _jsonl(tmp_path / "a.jsonl", generate(60))
    one = ingest([str(src)], tmp_path / "one.db", settings=FAST, batch_size=25)
    two = ingest([str(src)], tmp_path / "two.db", settings=FAST, batch_size=25, workers=2)
    assert one.added == two.added == 60
    r1 = {r["id"]: r for r in open_store(tmp_path / "one.db").records()}
    r2 = {r["id"]: r for r in open_store(tmp_path / "two.db").records()}
    assert r1 == r2


def test_failures_are_stored_with_reason_and_batch_goes_on(tmp_path: Path) -> None:
    src = tmp_path / "mixed.jsonl"
    src.write_text(
        json.dumps({"id": "ok", "text": generate(1)[0]})
        + "\n{broken json\n"
        + json.dumps({"id": "nt", "body": "x"})
        + "\n"
    )
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    summary = ingest([str(src), str(empty)], tmp_path / "w.db", settings=FAST)
    assert (summary.added, summary.failed) == (1, 3)
    store = open_store(tmp_path / "w.db")
    errors = {e["source"].rsplit("/", 1)[-1]: e["type"] for e in store.errors()}
    assert errors == {
        "mixed.jsonl:2": "malformed_input",
        "mixed.jsonl:3": "malformed_input",
        "empty.txt": "empty_input",
    }


def test_search_ranked_with_snippets_and_filters(db: Path) -> None:
    store = warta.open(db)
    hits = store.search("pelabuhan")
    assert hits.total == 1
    assert hits[0]["lang"] == "id"
    assert "\u0002" in hits[0]["snippet"]  # the highlight mark
    assert store.search("bus lanes", lang="en").total == 1
    assert store.search("bus lanes", lang="id").total == 0
    assert store.search('"digital economy"').total == 1
    assert store.search("Rusia-Korea").total == 0  # punctuation is quoted, not a syntax error
    assert store.search("pelabuhan", source="Xinhua").total == 1
    assert store.search("pelabuhan", source="Reuters").total == 0


@pytest.mark.parametrize("query", ['"unbalanced', "(a OR b", "", "AND OR"])
def test_search_syntax_errors_are_clear(db: Path, query: str) -> None:
    with pytest.raises(QuerySyntaxError):
        warta.open(db).search(query)


def test_to_fts_quotes_punctuation() -> None:
    assert to_fts("KOMPAS.com Putin*") == '"KOMPAS com" Putin*'
    assert to_fts('"kata Putin" AND (Kim OR Ivlev)') == '"kata Putin" AND ( Kim OR Ivlev )'


def test_get_show_stats(db: Path) -> None:
    store = warta.open(db)
    some = next(store.records())
    assert store.get(some["id"]) == some
    with pytest.raises(StoreError):
        store.get("nope")
    stats = store.stats()
    assert stats["articles"] == 4 and stats["by_lang"] == {"id": 2, "en": 2}


def test_results_to_pandas(db: Path) -> None:
    pd = pytest.importorskip("pandas")
    frame = warta.open(db).search("pelabuhan OR bus").to_pandas()
    assert isinstance(frame, pd.DataFrame) and len(frame) == 2


def test_export_jsonl_roundtrip(db: Path, tmp_path: Path) -> None:
    from warta.store.export import export

    out = tmp_path / "records.jsonl"
    assert export(warta.open(db), out) == 4
    again = tmp_path / "again.db"
    summary = ingest([str(out)], again, settings=FAST)
    assert summary.added == 4
    assert sorted(warta.open(again).records(), key=lambda r: r["id"]) == sorted(
        warta.open(db).records(), key=lambda r: r["id"]
    )


def test_export_csv_and_parquet(db: Path, tmp_path: Path) -> None:
    from warta.store.export import export

    n = export(warta.open(db), tmp_path / "a.csv", fmt="csv", table="articles")
    assert n == 4 and (tmp_path / "a.csv").read_text().startswith("id,")
    with pytest.raises(StoreError):
        export(warta.open(db), tmp_path / "r.csv", fmt="csv", table="records")
    pq = pytest.importorskip("pyarrow.parquet")
    assert export(warta.open(db), tmp_path / "a.parquet", fmt="parquet", table="articles") == 4
    assert pq.read_table(tmp_path / "a.parquet").num_rows == 4


def test_duplicates_cluster_syndicated_copies(tmp_path: Path) -> None:
    from warta.store.duplicates import find_duplicates

    base = generate(6, seed=3)
    story = base[0]
    copy = story.replace("Copyright © ANTARA 2025", "Sumber: ANTARA")  # a syndicated copy crediting ANTARA
    texts = [story, copy, *base[1:]]
    src = _jsonl(tmp_path / "d.jsonl", texts)
    ingest([str(src)], tmp_path / "d.db", settings=FAST)
    clusters = find_duplicates(warta.open(tmp_path / "d.db"))
    assert len(clusters) == 1
    members = {m["id"] for m in clusters[0]["members"]}
    assert members == {"g0", "g1"}


def test_readonly_store_missing() -> None:
    with pytest.raises(StoreError):
        warta.open("/nonexistent/dir/x.db", readonly=True)


def test_concurrent_reader_during_write(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    ingest([str(EXAMPLES)], path, settings=FAST)
    writer = open_store(path)
    writer.conn.execute("BEGIN IMMEDIATE")
    writer.conn.execute("DELETE FROM errors")
    reader = sqlite3.connect(path, timeout=1)  # WAL: reads go on while a write transaction is open
    assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 4
    writer.conn.execute("ROLLBACK")


def test_packed_record_restores_exactly() -> None:
    from warta.store.rows import pack_record, unpack_record

    for path in sorted(EXAMPLES.glob("*.txt")):
        [record] = warta.analyze_path(path)
        data = record.to_dict()
        assert unpack_record(pack_record(data)) == data


def test_export_tables_carry_texts(db: Path) -> None:
    store = warta.open(db)
    quotes = list(store.table("quotes"))
    assert quotes and all(q["text"] for q in quotes)
    record = store.get(quotes[0]["article"])
    assert record["text"][quotes[0]["start"]:quotes[0]["end"]] == quotes[0]["text"]
    assert all(r["clean_text"] for r in store.table("articles"))
