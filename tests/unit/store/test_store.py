"""The store on both backends (SQLite file, PostgreSQL server): ingest, idempotency, search, queries, exports,
duplicates, failures.

PostgreSQL runs need a server: ``WARTA_TEST_PG_URL`` or the URL scripts/ensure_postgres.sh writes to
.ci/postgres.url (``make test`` runs the script; these tests run it too when no server answers). Each test gets
fresh databases, dropped afterwards. Where no server can be started the PostgreSQL runs skip, saying why
(``WARTA_REQUIRE_PG=1`` turns that into a failure, for CI).
"""

from __future__ import annotations

import importlib
import json
import sqlite3
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

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
def db(new_db: Callable[[str], str | Path]) -> str | Path:
    path = new_db("w")
    ingest([str(EXAMPLES)], path, settings=FAST)
    return path


def test_ingest_examples_and_reingest_adds_nothing(new_db: Callable[[str], str | Path]) -> None:
    path = new_db("w")
    first = ingest([str(EXAMPLES)], path, settings=FAST)
    assert (first.read, first.added, first.failed) == (4, 4, 0)
    again = ingest([str(EXAMPLES)], path, settings=FAST)
    assert (again.added, again.already_stored) == (0, 4)
    assert open_store(path).count() == 4


def test_ingest_with_two_workers_matches_one(tmp_path: Path, new_db: Callable[[str], str | Path]) -> None:
    src = _jsonl(tmp_path / "a.jsonl", generate(60))
    db_one, db_two = new_db("one"), new_db("two")
    one = ingest([str(src)], db_one, settings=FAST, batch_size=25)
    two = ingest([str(src)], db_two, settings=FAST, batch_size=25, workers=2)
    assert one.added == two.added == 60
    r1 = {r["id"]: r for r in open_store(db_one).records()}
    r2 = {r["id"]: r for r in open_store(db_two).records()}
    assert r1 == r2


def test_failures_are_stored_with_reason_and_batch_goes_on(
    tmp_path: Path, new_db: Callable[[str], str | Path]
) -> None:
    src = tmp_path / "mixed.jsonl"
    src.write_text(
        json.dumps({"id": "ok", "text": generate(1)[0]})
        + "\n{broken json\n"
        + json.dumps({"id": "nt", "body": "x"})
        + "\n"
    )
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    path = new_db("w")
    summary = ingest([str(src), str(empty)], path, settings=FAST)
    assert (summary.added, summary.failed) == (1, 3)
    store = open_store(path)
    errors = {e["source"].rsplit("/", 1)[-1]: e["type"] for e in store.errors()}
    assert errors == {
        "mixed.jsonl:2": "malformed_input",
        "mixed.jsonl:3": "malformed_input",
        "empty.txt": "empty_input",
    }


def test_search_ranked_with_snippets_and_filters(db: str | Path) -> None:
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
def test_search_syntax_errors_are_clear(db: str | Path, query: str) -> None:
    with pytest.raises(QuerySyntaxError):
        warta.open(db).search(query)


def test_to_fts_quotes_punctuation() -> None:
    assert to_fts("KOMPAS.com Putin*") == '"KOMPAS com" Putin*'
    assert to_fts('"kata Putin" AND (Kim OR Ivlev)') == '"kata Putin" AND ( Kim OR Ivlev )'


def test_get_show_stats(db: str | Path) -> None:
    store = warta.open(db)
    some = next(store.records())
    assert store.get(some["id"]) == some
    with pytest.raises(StoreError):
        store.get("nope")
    stats = store.stats()
    assert stats["articles"] == 4 and stats["by_lang"] == {"id": 2, "en": 2}


def test_results_to_pandas(db: str | Path) -> None:
    pd = pytest.importorskip("pandas")
    frame = warta.open(db).search("pelabuhan OR bus").to_pandas()
    assert isinstance(frame, pd.DataFrame) and len(frame) == 2


def test_export_jsonl_roundtrip(db: str | Path, tmp_path: Path, new_db: Callable[[str], str | Path]) -> None:
    from warta.store.export import export

    out = tmp_path / "records.jsonl"
    assert export(warta.open(db), out) == 4
    again = new_db("again")
    summary = ingest([str(out)], again, settings=FAST)
    assert summary.added == 4
    assert sorted(warta.open(again).records(), key=lambda r: r["id"]) == sorted(
        warta.open(db).records(), key=lambda r: r["id"]
    )


@pytest.mark.parametrize("name", ["records.jsonl.gz", "records.ndjson", "records.ndjson.gz"])
def test_exported_records_are_stored_as_they_are_under_every_jsonl_name(
    db: str | Path, tmp_path: Path, name: str
) -> None:
    """A file of warta records (first line has schema_version) is stored as it is, not analysed again: a
    field changed by hand survives."""
    import gzip

    records = sorted(warta.open(db).records(), key=lambda r: r["id"])
    records[0]["title"] = "A title set by hand"
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()
    out = tmp_path / name
    out.write_bytes(gzip.compress(lines) if name.endswith(".gz") else lines)
    again = tmp_path / "again.db"
    assert ingest([str(out)], again, settings=FAST).added == len(records)
    assert sorted(warta.open(again).records(), key=lambda r: r["id"]) == records


def test_export_csv_and_parquet(db: str | Path, tmp_path: Path) -> None:
    from warta.store.export import export

    n = export(warta.open(db), tmp_path / "a.csv", fmt="csv", table="articles")
    assert n == 4 and (tmp_path / "a.csv").read_text().startswith("id,")
    with pytest.raises(StoreError):
        export(warta.open(db), tmp_path / "r.csv", fmt="csv", table="records")
    pq = pytest.importorskip("pyarrow.parquet")
    assert export(warta.open(db), tmp_path / "a.parquet", fmt="parquet", table="articles") == 4
    assert pq.read_table(tmp_path / "a.parquet").num_rows == 4


def test_duplicates_cluster_syndicated_copies(tmp_path: Path, new_db: Callable[[str], str | Path]) -> None:
    from warta.store.duplicates import find_duplicates

    base = generate(6, seed=3)
    story = base[0]
    # a syndicated copy in another outlet, crediting ANTARA
    copy = story.replace("(ANTARA)", "(Harian Contoh)").replace("Copyright © ANTARA 2025", "Sumber: ANTARA")
    texts = [story, copy, *base[1:]]
    src = _jsonl(tmp_path / "d.jsonl", texts)
    path = new_db("d")
    ingest([str(src)], path, settings=FAST)
    clusters = find_duplicates(warta.open(path))
    assert len(clusters) == 1
    members = {m["id"]: m for m in clusters[0]["members"]}
    assert set(members) == {"g0", "g1"}
    # the copy credits ANTARA ("Sumber: ANTARA"): it links to ANTARA's own copy, whose dateline names it
    assert members["g1"]["credited_copy"] == "g0"
    assert members["g0"]["credited_copy"] is None


def test_readonly_store_missing(backend: str, new_db: Callable[[str], str | Path]) -> None:
    if backend == "sqlite":
        with pytest.raises(StoreError):
            warta.open("/nonexistent/dir/x.db", readonly=True)
        return
    with pytest.raises(StoreError, match="no store at"):  # a database without a store in it
        warta.open(new_db("empty"), readonly=True)
    server = urlsplit(str(new_db("gone")))
    with pytest.raises(StoreError, match="cannot open") as failed:  # a database that does not exist
        warta.open(server._replace(path="/warta_no_such_database").geturl(), readonly=True)
    if server.password:
        assert f":{server.password}@" not in str(failed.value)  # messages never show the password


def test_concurrent_reader_during_write(backend: str, new_db: Callable[[str], str | Path]) -> None:
    path = new_db("c")
    ingest([str(EXAMPLES)], path, settings=FAST)
    writer = open_store(path)
    if backend == "sqlite":
        writer.conn.execute("BEGIN IMMEDIATE")
        writer.conn.execute("DELETE FROM errors")
        reader = sqlite3.connect(path, timeout=1)  # WAL: reads go on while a write transaction is open
        assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 4
        writer.conn.execute("ROLLBACK")
        return
    with writer.conn.transaction(force_rollback=True):  # MVCC: reads go on while a write transaction is open
        writer.conn.execute("DELETE FROM articles")
        writer.conn.execute("DELETE FROM errors")
        reader = open_store(path, readonly=True)
        reader.conn.execute("SET statement_timeout = 1000")
        assert reader.count() == 4 and reader.search("pelabuhan").total == 1
    assert writer.count() == 4


def test_concurrent_ingests_store_every_article_once(
    tmp_path: Path, new_db: Callable[[str], str | Path]
) -> None:
    """Three ingests of overlapping inputs into one store at the same time: every article once."""
    texts = generate(90, seed=7)
    path = new_db("many")
    parts = [range(0, 60), range(30, 90), range(90)]  # overlapping: every article is in two or three inputs
    sources = []
    for n, part in enumerate(parts):
        src = tmp_path / f"s{n}.jsonl"
        src.write_text("".join(json.dumps({"id": f"g{i}", "text": texts[i]}) + "\n" for i in part))
        sources.append(src)
    failures: list[BaseException] = []

    def run(src: Path) -> None:
        try:
            ingest([str(src)], path, settings=FAST, batch_size=10)
        except BaseException as exc:  # reported by the assertion below
            failures.append(exc)

    threads = [threading.Thread(target=run, args=(src,)) for src in sources]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not failures
    store = open_store(path)
    assert store.count() == 90
    assert len({r["id"] for r in store.records()}) == 90
    assert ingest([str(sources[2])], path, settings=FAST).added == 0


def test_store_reopens_without_migrating_again(new_db: Callable[[str], str | Path]) -> None:
    path = new_db("m")
    first = open_store(path)
    latest = len(importlib.import_module(type(first).__module__).MIGRATIONS)
    assert first.migration == latest
    first.close()
    again = open_store(path)
    assert again.migration == latest and again.count() == 0


def test_packed_record_restores_exactly() -> None:
    from warta.store.rows import pack_record, unpack_record

    for path in sorted(EXAMPLES.glob("*.txt")):
        [record] = warta.analyze_path(path)
        data = record.to_dict()
        assert unpack_record(pack_record(data)) == data


def test_export_tables_carry_texts(db: str | Path) -> None:
    store = warta.open(db)
    quotes = list(store.table("quotes"))
    assert quotes and all(q["text"] for q in quotes)
    record = store.get(quotes[0]["article"])
    assert record["text"][quotes[0]["start"]:quotes[0]["end"]] == quotes[0]["text"]
    assert all(r["clean_text"] for r in store.table("articles"))


def test_to_tsquery_text_translates_the_query_syntax() -> None:
    from warta.store.postgres import to_tsquery_text

    assert to_tsquery_text("Putin") == "'Putin'"
    assert to_tsquery_text("KOMPAS.com Putin*") == "(('KOMPAS' <-> 'com') & 'Putin':*)"
    assert to_tsquery_text('"kata Putin" AND (Kim OR Ivlev)') == "(('kata' <-> 'Putin') & ('Kim' | 'Ivlev'))"
    assert to_tsquery_text("a b NOT c OR d") == "(('a' & ('b' & !'c')) | 'd')"
    assert to_tsquery_text("foo_bar O'Neil") == "(('foo' <-> 'bar') & ('O' <-> 'Neil'))"
    for bad in ["NOT b", "a OR", "a AND NOT b", "()", "a )", '""']:
        with pytest.raises(QuerySyntaxError):
            to_tsquery_text(bad)


def test_search_folds_case_and_diacritics(tmp_path: Path, new_db: Callable[[str], str | Path]) -> None:
    src = tmp_path / "cafe.txt"
    src.write_text(
        "Kafe baru dibuka di Jakarta\n\nJAKARTA (ANTARA) - Kafe baru itu bernama Café Déjà Vu dan dibuka di gedung "
        "KOMPAS.com Tower pada Senin.\n\nPemiliknya mengatakan kafe itu menjual kopi Rusia-Korea.\n",
        encoding="utf-8",
    )
    path = new_db("accents")
    assert ingest([str(src)], path, settings=FAST).added == 1
    store = open_store(path)
    assert store.search("cafe deja").total == 1
    assert store.search("CAFÉ").total == 1
    assert store.search('"kompas com"').total == 1
    assert store.search("Rusia-Korea").total == 1
    assert store.search("rusia NOT korea").total == 0
    assert store.search("kaf*").total == 1


def test_packed_clean_text_matches_the_record() -> None:
    from warta.store.rows import pack_record, packed_clean_text

    for path in sorted(EXAMPLES.glob("*.txt")):
        [record] = warta.analyze_path(path)
        assert packed_clean_text(pack_record(record.to_dict())) == record.clean_text


def test_bucket_pairs_all_pairs_then_a_star() -> None:
    from warta.similarity import MAX_BUCKET, bucket_pairs

    assert list(bucket_pairs(["c", "a", "b"])) == [("a", "b"), ("a", "c"), ("b", "c")]
    big = [f"x{i:04d}" for i in range(MAX_BUCKET + 5)]
    pairs = list(bucket_pairs(big))
    assert len(pairs) == len(big) - 1 and all(a == "x0000" for a, _ in pairs)


def test_repeats_within_one_run_are_stored_once(tmp_path: Path, new_db: Callable[[str], str | Path]) -> None:
    """An article repeated in the input, while its first copy is still being analysed: analysed and stored once."""
    a, b, c = generate(3, seed=11)
    src = _jsonl(tmp_path / "r.jsonl", [a, b, a, c, a, b])
    path = new_db("r")
    summary = ingest([str(src)], path, settings=FAST, batch_size=100)
    assert (summary.read, summary.added, summary.already_stored, summary.failed) == (6, 3, 3, 0)
    assert open_store(path).count() == 3


def test_search_totals_exact_up_to_the_bound_then_estimated(
    tmp_path: Path, new_db: Callable[[str], str | Path], backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Frequent words: the total is counted up to a bound, then extrapolated and marked so."""
    module = "warta.store.sqlite" if backend == "sqlite" else "warta.store.postgres"
    texts = generate(60, seed=4)
    src = _jsonl(tmp_path / "c.jsonl", texts)
    path = new_db("c")
    ingest([str(src)], path, settings=FAST)
    store = warta.open(path, readonly=True)
    truth = sum("Senin" in t for t in texts)
    exact = store.search("Senin", limit=5)
    assert (exact.total, exact.total_exact) == (truth, True)
    if backend == "sqlite":
        monkeypatch.setattr(f"{module}.BOUND", 10)  # the newest matches both count and are ranked
    else:
        monkeypatch.setattr(f"{module}.COUNT_BOUND", 10)
        monkeypatch.setattr(f"{module}.RANK_BOUND", 10)
    estimated = store.search("Senin", limit=5)
    assert estimated.total_exact is False
    assert 0.5 * truth <= estimated.total <= 1.5 * truth
    assert len(estimated) == 5 and all(h["snippet"] for h in estimated)


# ---------------------------------------------------------------------- SQLite full-text shards (migration 2)


def _hits(store: object, query: str, **kw: object) -> tuple[set[str], int, bool]:
    found = store.search(query, limit=100, **kw)  # type: ignore[attr-defined]
    return {h["id"] for h in found}, found.total, found.total_exact


def test_sharded_index_finds_what_one_index_finds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Articles indexed in many small shards are found, counted, filtered and faceted as in one index."""
    from warta.web import corpus

    src = _jsonl(tmp_path / "s.jsonl", generate(60, seed=5))
    one, many = tmp_path / "one.db", tmp_path / "many.db"
    ingest([str(src)], one, settings=FAST)
    monkeypatch.setattr("warta.store.sqlite.SHARD_ROWS", 7)
    ingest([str(src)], many, settings=FAST)
    a, b = warta.open(one, readonly=True), warta.open(many, readonly=True)
    assert len(a._shards()) == 1 and len(b._shards()) == 9  # 60 articles: rowids 1-6, then 7 each
    for query in ["Senin", '"harga beras"', "Reuters OR ANTARA", "pelabuhan*", "council NOT budget"]:
        assert _hits(a, query) == _hits(b, query), query
        assert _hits(a, query, lang="id") == _hits(b, query, lang="id"), query
        assert corpus.timeline(a, corpus.Filters(query)) == corpus.timeline(b, corpus.Filters(query))
        assert corpus.facets(a, corpus.Filters(query)) == corpus.facets(b, corpus.Filters(query))
    page1, page2 = b.search("Senin", limit=5), b.search("Senin", limit=5, offset=5)
    assert not {h["id"] for h in page1} & {h["id"] for h in page2}
    assert [h["score"] for h in page1] == sorted(h["score"] for h in page1)
    monkeypatch.setattr("warta.store.sqlite.BOUND", 10)  # totals beyond the bound: estimated across shards
    truth = _hits(a, "Senin")[1]
    estimated = b.search("Senin", limit=5)
    assert estimated.total_exact is False and 0.5 * truth <= estimated.total <= 1.5 * truth


def test_store_made_before_shards_upgrades(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A store of migration 1 (one index) reads as before, read-only too; once opened for writing, its index
    becomes the first shard and new articles go to new ones."""
    texts = generate(20, seed=6)
    path = tmp_path / "old.db"
    ingest([str(_jsonl(tmp_path / "a.jsonl", texts[:10]))], path, settings=FAST)
    con = sqlite3.connect(path)
    with con:
        con.execute("DROP TABLE fts_shards")
        con.execute("UPDATE store_meta SET value = '1' WHERE key = 'migration'")
    con.close()
    old = warta.open(path, readonly=True)
    assert old.migration == 1 and old.search("Senin").total == sum("Senin" in t for t in texts[:10])
    old.close()
    monkeypatch.setattr("warta.store.sqlite.SHARD_ROWS", 4)
    ingest([str(_jsonl(tmp_path / "b.jsonl", texts[10:], prefix="h"))], path, settings=FAST)
    new = warta.open(path, readonly=True)
    assert new.migration == 2
    assert [t for t, _ in new._shards()][-1] == "articles_fts" and len(new._shards()) == 4  # rows 11-14, 15-18, 19-20
    assert new.search("Senin", limit=100).total == sum("Senin" in t for t in texts)
