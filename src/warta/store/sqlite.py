"""The embedded store: one SQLite file in WAL mode (readers go on while an ingest writes).

Full records are kept zlib-compressed; articles, sources, entities, mentions, quotes and dates are
normalised tables; FTS5 indexes title and clean body, in shards of ``SHARD_ROWS`` consecutive articles. Ranking
is bounded: the newest ``BOUND`` matches are ranked with bm25, shard by shard, which keeps a search's cost the same
whatever the corpus's size (bm25 reads every match of a term in its table to weigh it).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from warta.store.errors import NotInStoreError, QuerySyntaxError, StoreError
from warta.store.query import filter_sql, to_fts
from warta.store.results import Results
from warta.store.rows import ArticleRows, clean_text_of, packed_clean_text, packed_text, unpack_record
from warta.store.snippets import make_snippet, snippet_source

MIGRATIONS = ["sqlite_001.sql", "sqlite_002.sql"]
BOUND = 2000  # the newest matches a search ranks and counts exactly; beyond, totals are extrapolated
SHARD_ROWS = 25_000  # articles in one full-text index shard (migration 2)
FTS_OPTIONS = ("title, clean_text, content='articles_body', content_rowid='rowid',"
               ' tokenize="unicode61 remove_diacritics 2"')  # as migration 1 made articles_fts
SNIPPET_OPEN, SNIPPET_CLOSE = "\u0002", "\u0003"  # replaced by the renderer (ANSI, <mark>, [..])


def _clean_text(blob: bytes | None) -> str:
    """SQL function: the clean body of a stored record (the full-text index's content)."""
    return packed_clean_text(blob) if blob else ""


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


class SQLiteStore:
    backend = "sqlite"

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = str(path)
        try:
            if readonly:
                self.conn = sqlite3.connect(
                    f"file:{self.path}?mode=ro", uri=True, timeout=30, check_same_thread=False
                )
            else:
                self.conn = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the store {self.path}: {exc}") from exc
        self.conn.row_factory = sqlite3.Row
        self.conn.create_function("warta_clean_text", 1, _clean_text, deterministic=True)
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.execute("PRAGMA busy_timeout=30000")
        # 64 MiB of page cache (the default is 2 MiB): an ingest inserts into indexes keyed at random (content
        # hashes, LSH bands, names), which on a large store would otherwise re-read pages for every article
        self.conn.execute("PRAGMA cache_size=-65536")
        if not readonly:
            # large pages: a compressed record (2-4 KB) would leave most of a 4 KB page empty
            self.conn.execute("PRAGMA page_size=16384")  # takes effect only when the file is created
            self._wal()
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self._migrate()

    def _wal(self, tries: int = 300) -> None:
        """WAL mode. Switching takes an exclusive lock without waiting on busy_timeout, so several processes
        opening a new store at once can see "database is locked": try again for up to 30 s."""
        for attempt in range(tries):
            try:
                self.conn.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or attempt == tries - 1:
                    raise StoreError(f"cannot open the store {self.path}: {exc}") from exc
                time.sleep(0.1)

    # ------------------------------------------------------------------ schema
    def _migrate(self) -> None:
        self.conn.execute("CREATE TABLE IF NOT EXISTS store_meta (key TEXT PRIMARY KEY, value TEXT)")
        row = self.conn.execute("SELECT value FROM store_meta WHERE key='migration'").fetchone()
        done = int(row[0]) if row else 0
        for i, name in enumerate(MIGRATIONS[done:], start=done + 1):
            sql = resources.files("warta.store").joinpath("migrations", name).read_text(encoding="utf-8")
            with self.conn:
                self.conn.executescript(sql)
                self.conn.execute("INSERT OR REPLACE INTO store_meta VALUES ('migration', ?)", (str(i),))

    @property
    def migration(self) -> int:
        row = self.conn.execute("SELECT value FROM store_meta WHERE key='migration'").fetchone()
        return int(row[0]) if row else 0

    def close(self) -> None:
        self.conn.close()

    # ------------------------------------------------------------------ writing
    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        hashes = list(hashes)
        found: set[str] = set()
        for i in range(0, len(hashes), 500):
            chunk = hashes[i : i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(
                r[0]
                for r in self.conn.execute(
                    f"SELECT content_hash FROM articles WHERE content_hash IN ({marks})", chunk
                )
            )
        return found

    def add(self, batch: Iterable[ArticleRows], errors: Iterable[tuple[str, str, str]] = ()) -> int:
        """Write a batch in one transaction; returns how many articles were new."""
        added = 0
        now = _now()
        with self.conn:
            shards = self._shards()
            for rows in batch:
                a = rows.article
                cur = self.conn.execute(
                    "INSERT OR IGNORE INTO articles (content_hash, id, url, source, lang, title, published, agency,"
                    " place, record, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (rows.content_hash, a["id"], a["url"], a["source"], a["lang"], a["title"], a["published"],
                     a["agency"], a["place"], a["record"], now),
                )
                if a["source"]:
                    self.conn.execute("DELETE FROM errors WHERE source = ?", (a["source"],))
                if not cur.rowcount:
                    continue
                rid = cur.lastrowid
                added += 1
                self.conn.execute(f"INSERT INTO {self._shard_for(rid, shards)} (rowid, title, clean_text)"
                                  " VALUES (?,?,?)", (rid, a["title"] or "", a["clean_text"]))
                self.conn.executemany("INSERT INTO sources VALUES (?,?,?)", [(rid, *x) for x in rows.sources])
                self.conn.executemany("INSERT OR IGNORE INTO entities VALUES (?,?,?,?,?,?,?,?)",
                                      [(rid, *x) for x in rows.entities])
                self.conn.executemany("INSERT OR IGNORE INTO mentions VALUES (?,?,?,?)",
                                      [(rid, *x) for x in rows.mentions])
                self.conn.executemany("INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?)", [(rid, *x) for x in rows.quotes])
                self.conn.executemany("INSERT OR IGNORE INTO dates VALUES (?,?,?,?)", [(rid, *x) for x in rows.dates])
                self.conn.executemany("INSERT OR IGNORE INTO bands VALUES (?,?)", [(k, rid) for k in rows.bands])
            self.conn.executemany(
                "INSERT INTO errors VALUES (?,?,?,?) ON CONFLICT(source) DO UPDATE SET type=excluded.type,"
                " message=excluded.message, at=excluded.at",
                [(src, etype, msg, now) for src, etype, msg in errors],
            )
        return added

    def _shards(self) -> list[tuple[str, int]]:
        """The full-text index shards, newest first: (table, first rowid). A store not yet migrated to
        shards (opened read-only) has one."""
        try:
            return [(r[0], r[1]) for r in self.conn.execute(
                "SELECT name, first_rowid FROM fts_shards ORDER BY first_rowid DESC")]
        except sqlite3.OperationalError as exc:
            if "no such table" not in str(exc):
                raise
            return [("articles_fts", 0)]

    def _shard_for(self, rid: int, shards: list[tuple[str, int]]) -> str:
        """The shard that indexes article ``rid``: the newest, or a new one when the newest is full (``shards``,
        newest first, is updated). Called inside the writing transaction."""
        name, first = next(((n, f) for n, f in shards if f <= rid), shards[-1])
        if (name, first) != shards[0] or rid < first + SHARD_ROWS:
            return name
        name = f"articles_fts_{rid}"
        self.conn.execute(f"CREATE VIRTUAL TABLE {name} USING fts5({FTS_OPTIONS})")
        self.conn.execute("INSERT INTO fts_shards VALUES (?, ?)", (name, rid))
        shards.insert(0, (name, rid))
        return name

    def match_sql(self, fts: str) -> tuple[str, list[Any]]:
        """SQL for the rowids of every article matching ``fts`` (a query made by to_fts), and its arguments."""
        shards = self._shards()
        return " UNION ALL ".join(f"SELECT rowid FROM {t} WHERE {t} MATCH ?" for t, _ in shards), [fts] * len(shards)

    # ------------------------------------------------------------------ reading
    def get(self, id: str) -> dict[str, Any]:
        row = self.conn.execute(
            "SELECT record FROM articles WHERE id = ? OR content_hash = ? LIMIT 1", (id, id)
        ).fetchone()
        if row is None:
            raise NotInStoreError(f"no article {id!r} in {self.path}")
        return unpack_record(row["record"])

    def records(self) -> Iterator[dict[str, Any]]:
        for row in self.conn.execute("SELECT record FROM articles ORDER BY rowid"):
            yield unpack_record(row["record"])

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def stats(self) -> dict[str, Any]:
        q = self.conn.execute
        return {
            "articles": self.count(),
            "errors": q("SELECT count(*) FROM errors").fetchone()[0],
            "by_lang": {
                r[0] or "?": r[1]
                for r in q("SELECT lang, count(*) FROM articles GROUP BY lang ORDER BY 2 DESC")
            },
            "published": dict(
                zip(
                    ("from", "to"),
                    q("SELECT min(published), max(published) FROM articles").fetchone(),
                    strict=True,
                )
            ),
            "entities": q("SELECT count(*) FROM entities").fetchone()[0],
            "quotes": q("SELECT count(*) FROM quotes").fetchone()[0],
            "top_sources": {
                r[0]: r[1]
                for r in q(
                    "SELECT name, count(*) FROM sources GROUP BY name ORDER BY 2 DESC LIMIT 10"
                )
            },
            "migration": self.migration,
            "file_bytes": Path(self.path).stat().st_size if Path(self.path).exists() else None,
        }

    def errors(self, limit: int = 1000) -> Results:
        return Results(
            dict(r)
            for r in self.conn.execute(
                "SELECT source, type, message, at FROM errors ORDER BY at, source LIMIT ?", (limit,)
            )
        )

    def _filters(
        self,
        lang: str | None,
        date_from: str | None,
        date_to: str | None,
        source: str | None,
        entity: str | None,
    ) -> tuple[str, list[Any]]:
        return filter_sql(
            lang=lang, date_from=date_from, date_to=date_to, source=source, entity=entity,
            param="?", same_text=lambda col: f"{col} = ? COLLATE NOCASE", true="1",
        )

    def search(
        self,
        query: str,
        *,
        lang: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        source: str | None = None,
        entity: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> Results:
        """Ranked (bm25) matches with highlighted snippets; ``total`` counts all matches.

        Only the newest matches are ranked, ``max(BOUND, offset + limit)`` of them (and one more), and ``total``
        is exact up to that many; beyond, it is extrapolated from how densely the newest matches lie among the
        rowids (``total_exact`` is then False). Reading every match of a frequent word would cost tens of
        milliseconds on a large store; this way a search costs the same whatever the store's size.
        """
        fts = to_fts(query)
        where, args = self._filters(lang, date_from, date_to, source, entity)
        join = "JOIN articles a ON a.rowid = f.rowid" if args else ""  # filters read the articles table
        window = max(BOUND, offset + limit)
        try:
            # 1. count the newest matches (FTS5 walks its doclists backwards), shard by shard from the newest, and
            #    find the oldest of them in each shard: they are the ones ranked
            parts: list[tuple[str, int]] = []
            n = 0
            for table, _ in self._shards():
                found, oldest = self.conn.execute(
                    f"SELECT count(*), min(r) FROM (SELECT f.rowid AS r FROM {table} f {join}"
                    f" WHERE {table} MATCH ? AND {where} ORDER BY f.rowid DESC LIMIT ?)",
                    [fts, *args, window + 1 - n]).fetchone()
                if found:
                    parts.append((table, oldest))
                    n += found
                if n > window:
                    break
            out = Results()
            out.total = n
            if not n:
                return out
            if n > window:
                oldest = parts[-1][1]
                low, high = self.conn.execute(  # two subqueries: each is one b-tree seek (min and max together scan)
                    "SELECT (SELECT min(rowid) FROM articles), (SELECT max(rowid) FROM articles)").fetchone()
                density = n / (high - oldest + 1)
                out.total, out.total_exact = round(n + density * (oldest - low)), False
            # 2. rank them in each shard (a rowid range, which FTS5 seeks to), best first; ties: newest first
            ranked: list[tuple[int, float]] = []
            for table, oldest in parts:
                ranked += self.conn.execute(
                    f"SELECT f.rowid, bm25({table}, 2.0, 1.0) FROM {table} f {join}"
                    f" WHERE {table} MATCH ? AND f.rowid >= ? AND {where} ORDER BY 2 LIMIT ?",
                    [fts, oldest, *args, offset + limit]).fetchall()
            ranked.sort(key=lambda r: (r[1], -r[0]))
            top = ranked[offset:offset + limit]
            if not top:
                return out
            # 3. metadata and snippets for the page only: the snippet is made from the record's text in Python
            #    (FTS5's snippet() unpacks the whole record through the content view and re-tokenises it)
            marks = ",".join("?" * len(top))
            page = {r["rowid"]: r for r in self.conn.execute(
                "SELECT rowid, id, title, published, lang, agency, url, source, record FROM articles"
                f" WHERE rowid IN ({marks})", [rid for rid, _ in top])}
        except sqlite3.OperationalError as exc:
            if "fts5" in str(exc).lower() or "syntax" in str(exc).lower():
                raise QuerySyntaxError(f"cannot search for {query!r}: {exc}") from exc
            raise
        for rid, score in top:
            row = dict(page[rid])
            del row["rowid"]
            text, spans, folded = snippet_source(row.pop("record"))
            row["score"] = score
            row["snippet"] = make_snippet(text, spans, fts, open_mark=SNIPPET_OPEN, close_mark=SNIPPET_CLOSE,
                                          folded=folded)
            out.append(row)
        return out

    def _texts(self, rowids: Iterable[int]) -> dict[int, str]:
        out: dict[int, str] = {}
        for rid in set(rowids):
            row = self.conn.execute("SELECT record FROM articles WHERE rowid = ?", (rid,)).fetchone()
            out[rid] = packed_text(row["record"]) if row else ""
        return out

    def quotes(self, *, speaker: str | None = None, article: str | None = None, limit: int = 100) -> Results:
        where, args = ["1"], []
        if speaker:
            where.append("q.speaker LIKE ?")
            args.append(f"%{speaker}%")
        if article:
            where.append("a.id = ?")
            args.append(article)
        sql = f"""SELECT a.rowid AS rid, a.id AS article, a.published, q.speaker, q.cue, q.kind, q.start, q."end"
                  FROM quotes q JOIN articles a ON a.rowid = q.article WHERE {" AND ".join(where)}
                  ORDER BY a.published, a.rowid, q.position LIMIT ?"""
        rows = [dict(r) for r in self.conn.execute(sql, [*args, limit])]
        texts = self._texts(r["rid"] for r in rows)
        for r in rows:
            r["text"] = texts[r.pop("rid")][r["start"]:r["end"]]
        return Results(rows)

    def entities(self, *, type: str | None = None, top: int = 50) -> Results:
        where = "WHERE type = ?" if type else ""
        sql = f"""SELECT name, type, count(DISTINCT article) AS articles, sum(mentions) AS mentions
                  FROM entities {where} GROUP BY name, type ORDER BY articles DESC, mentions DESC
                  LIMIT ?"""
        return Results(dict(r) for r in self.conn.execute(sql, [type, top] if type else [top]))

    def candidate_pairs(self) -> Iterator[tuple[str, str, list[int], list[int]]]:
        """Pairs of articles sharing an LSH band, with their MinHash signatures (recomputed, not stored)."""
        from warta.similarity import bucket_pairs, signature

        sigs: dict[int, tuple[str, list[int]]] = {}

        def load(rid: int) -> tuple[str, list[int]]:
            if rid not in sigs:
                row = self.conn.execute("SELECT id, record FROM articles WHERE rowid = ?", (rid,)).fetchone()
                sigs[rid] = (row["id"], signature(clean_text_of(unpack_record(row["record"]))))
            return sigs[rid]

        seen: set[tuple[str, str]] = set()
        sql = """SELECT group_concat(a.id || char(30) || a.rowid, char(31)) FROM bands b
                 JOIN articles a ON a.rowid = b.article GROUP BY b.key HAVING count(*) > 1"""
        for (row,) in self.conn.execute(sql).fetchall():
            # pairs are formed on article ids, as the Spark job forms them, so both find the same clusters
            members = dict(m.rsplit("\x1e", 1) for m in row.split("\x1f"))
            members = {k: int(v) for k, v in members.items()}
            for a, b in bucket_pairs(members):
                if (a, b) in seen:
                    continue
                seen.add((a, b))
                (ida, sa), (idb, sb) = load(members[a]), load(members[b])
                yield ida, idb, sa, sb

    def article_summaries(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        ids = list(ids)
        out: dict[str, dict[str, Any]] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(
                f"""SELECT a.id, a.title, a.published, a.agency, a.source, a.url,
                        (SELECT group_concat(name, '|') FROM sources s WHERE s.article = a.rowid) AS credited
                        FROM articles a WHERE a.id IN ({marks})""",
                chunk,
            ):
                out[r["id"]] = dict(r)
        return out

    def table(self, name: str) -> Iterator[dict[str, Any]]:
        """Rows of one table for export, with the article's id in place of its row number and texts filled in."""
        queries = {
            "articles": "SELECT rowid AS rid, id, content_hash, url, source, lang, title, published, agency, place,"
            " ingested_at FROM articles ORDER BY rowid",
            "entities": "SELECT a.id AS article, e.eid, e.type, e.name, e.mentions, e.lat, e.lon, e.country"
            " FROM entities e JOIN articles a ON a.rowid = e.article ORDER BY e.article, e.eid",
            "mentions": 'SELECT a.rowid AS rid, a.id AS article, m.eid, m.start, m."end" FROM mentions m'
            " JOIN articles a ON a.rowid = m.article ORDER BY m.article, m.start",
            "quotes": "SELECT a.rowid AS rid, a.id AS article, q.position, q.kind, q.speaker, q.speaker_entity, q.cue,"
            ' q.start, q."end" FROM quotes q JOIN articles a ON a.rowid = q.article ORDER BY q.article, q.position',
            "dates": 'SELECT a.rowid AS rid, a.id AS article, d.start, d."end", d.value FROM dates d'
            " JOIN articles a ON a.rowid = d.article ORDER BY d.article, d.start",
            "errors": "SELECT source, type, message, at FROM errors ORDER BY source",
        }
        if name not in queries:
            raise StoreError(f"no table {name!r}; tables: {', '.join(queries)}")
        current: tuple[int, dict[str, Any]] | None = None
        for r in self.conn.execute(queries[name]):
            row = dict(r)
            rid = row.pop("rid", None)
            if rid is None:
                yield row
                continue
            if current is None or current[0] != rid:
                current = (rid, self.get_by_rowid(rid))
            record = current[1]
            if name == "articles":
                row["clean_text"] = record["clean_text"]
            else:
                row["text"] = record["text"][row["start"]:row["end"]]
            yield row

    def get_by_rowid(self, rid: int) -> dict[str, Any]:
        row = self.conn.execute("SELECT record FROM articles WHERE rowid = ?", (rid,)).fetchone()
        if row is None:
            raise NotInStoreError(f"no article with row {rid} in {self.path}")
        return unpack_record(row["record"])
