"""The server store: the same tables and queries as the SQLite store, on PostgreSQL (``postgresql://`` URLs).

For teams sharing one server. Full records are kept zlib-compressed (``bytea``); the clean body is kept as text
for full-text search: a generated ``tsvector`` column (title weighted over body, ``simple`` configuration with
``unaccent`` when the server has it) behind a GIN index. Ranking is bounded like the SQLite store's: the newest
``RANK_BOUND`` matches are ranked (``ts_rank_cd``), which keeps frequent-word queries fast; snippets come from
``ts_headline`` with the same marker characters.

Several ingests and readers may share one store: readers run in autocommit (each query sees committed batches),
each batch is written in one transaction, and writers take a transaction-level advisory lock so batches go in one
at a time, in order (what SQLite's single writer does); ``ON CONFLICT DO NOTHING`` on the content hash keeps every
article once whatever happens.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator
from importlib import resources
from typing import TYPE_CHECKING, Any

from warta.store.errors import NotInStoreError, QuerySyntaxError, StoreError
from warta.store.query import filter_sql, to_fts
from warta.store.results import Results
from warta.store.rows import ArticleRows, packed_text, unpack_record
from warta.store.sqlite import BOUND as RANK_BOUND
from warta.store.sqlite import SNIPPET_CLOSE, SNIPPET_OPEN

if TYPE_CHECKING:
    import psycopg

MIGRATIONS = ["postgres_001.sql"]
CONFIG = "warta_simple"  # the text search configuration postgres_001.sql creates
# advisory lock keys (any 64-bit numbers, fixed): schema changes, and writes
_MIGRATE_LOCK = 0x77617274_61000001
_WRITE_LOCK = 0x77617274_61000002
# ts_rank_cd weights {D, C, B, A}: title (A) counts twice the body (B), as bm25(articles_fts, 2.0, 1.0) does
_WEIGHTS = "{0.1, 0.2, 0.5, 1.0}"
_HEADLINE = (
    f'StartSel="{SNIPPET_OPEN}", StopSel="{SNIPPET_CLOSE}", MaxWords=16, MinWords=6, ShortWord=2, '
    'MaxFragments=1, FragmentDelimiter=" … "'
)
_CHUNK = 500
COUNT_BOUND = 5000  # search totals are exact up to this many matches, extrapolated beyond
SCAN_BOUND = 20000  # newest articles a search reads in rowid order before it turns to the GIN index


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def redact(url: str) -> str:
    """A connection URL without its password (for messages)."""
    return re.sub(r"^(\w+://[^:/@]*):[^@/]*@", r"\1:***@", url)


# ---------------------------------------------------------------------- query syntax
_WORD = re.compile(r"[^\W_]+")


def _lexeme(word: str, prefix: bool = False) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'" + (":*" if prefix else "")


class _Parser:
    """The store's query syntax (what ``to_fts`` accepts) as tsquery text for ``to_tsquery``.

    Precedence as in FTS5: NOT (binary: ``a NOT b``) binds tightest, then AND (also implied between terms),
    then OR. A phrase is its words joined by ``<->``; ``word*`` is a prefix (``:*``). Words are split as the
    index splits them (letters and digits), so ``foo_bar`` means the phrase "foo bar".
    """

    def __init__(self, tokens: list[str], query: str) -> None:
        self.tokens = tokens
        self.query = query
        self.i = 0

    def error(self, detail: str) -> QuerySyntaxError:
        return QuerySyntaxError(f"cannot search for {self.query!r}: {detail}")

    def peek(self) -> str | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def parse(self) -> str:
        out = self.or_()
        if self.peek() is not None:
            raise self.error(f"unexpected {self.peek()!r}")
        return out

    def or_(self) -> str:
        parts = [self.and_()]
        while self.peek() == "OR":
            self.i += 1
            parts.append(self.and_())
        return parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"

    def and_(self) -> str:
        parts = [self.not_()]
        while (tok := self.peek()) is not None and tok not in ("OR", ")"):
            if tok == "AND":
                self.i += 1
            parts.append(self.not_())
        return parts[0] if len(parts) == 1 else "(" + " & ".join(parts) + ")"

    def not_(self) -> str:
        out = self.term()
        while self.peek() == "NOT":
            self.i += 1
            out = f"({out} & !{self.term()})"
        return out

    def term(self) -> str:
        tok = self.peek()
        if tok is None:
            raise self.error("a search term is missing at the end")
        if tok in ("AND", "OR"):
            raise self.error(f"{tok} needs a search term on each side")
        if tok == "NOT":
            raise self.error("NOT needs a search term before it (write: word NOT other)")
        if tok == ")":
            raise self.error("empty parentheses")
        self.i += 1
        if tok == "(":
            out = self.or_()
            if self.peek() != ")":
                raise self.error("unbalanced parentheses")
            self.i += 1
            return out
        prefix = tok.endswith("*") and not tok.startswith('"')
        words = _WORD.findall(tok)
        if not words:
            raise self.error(f"nothing to search for in {tok}")
        lexemes = [_lexeme(w, prefix and n == len(words) - 1) for n, w in enumerate(words)]
        return lexemes[0] if len(lexemes) == 1 else "(" + " <-> ".join(lexemes) + ")"


def to_tsquery_text(query: str) -> str:
    """A user query (words, "phrases", AND / OR / NOT, parentheses, prefix*) as text for ``to_tsquery``."""
    fts = to_fts(query)  # the shared checks and clear messages: empty, unbalanced quotes or parentheses
    tokens = [t for t in re.findall(r'"[^"]*"|\(|\)|[^\s()"]+', fts) if t != '""']
    if not tokens:
        raise QuerySyntaxError(f"no words to search for in {query!r}")
    return _Parser(tokens, query).parse()


# ---------------------------------------------------------------------- the store
class PostgresStore:
    backend = "postgresql"

    def __init__(self, url: str, *, readonly: bool = False) -> None:
        try:
            import psycopg
            from psycopg.conninfo import conninfo_to_dict
            from psycopg.rows import dict_row
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise StoreError("PostgreSQL stores need psycopg: pip install 'psycopg[binary]'") from exc
        self.url = url
        self.path = redact(url)  # what messages name
        try:
            params = conninfo_to_dict(url)
        except psycopg.ProgrammingError as exc:
            raise StoreError(f"not a PostgreSQL URL: {self.path}: {exc}") from exc
        extra: dict[str, Any] = {}
        if "connect_timeout" not in params:
            extra["connect_timeout"] = 10
        if "application_name" not in params:
            extra["application_name"] = "warta"
        try:
            self.conn: psycopg.Connection[dict[str, Any]] = psycopg.connect(
                url, autocommit=True, row_factory=dict_row, **extra
            )
        except psycopg.Error as exc:
            raise StoreError(f"cannot open the store {self.path}: {str(exc).strip()}") from exc
        encoding = self.conn.execute("SHOW server_encoding").fetchone()
        if encoding and encoding["server_encoding"] != "UTF8":
            self.conn.close()
            raise StoreError(
                f"the database of {self.path} uses {encoding['server_encoding']}: warta needs a UTF8 database"
                " (CREATE DATABASE ... ENCODING 'UTF8' TEMPLATE template0)"
            )
        if readonly:
            self.conn.execute("SET default_transaction_read_only = on")
            if self._scalar("SELECT to_regclass('store_meta') IS NOT NULL AND to_regclass('articles') IS NOT NULL"):
                return
            self.conn.close()
            raise StoreError(f"no store at {self.path}: create one with `warta ingest SOURCE --db {self.path}`")
        self._migrate()

    def _scalar(self, sql: str, args: Iterable[Any] = ()) -> Any:
        cur = self.conn.cursor(row_factory=_tuple_row())
        row = cur.execute(sql, list(args)).fetchone()
        return row[0] if row else None

    # ------------------------------------------------------------------ schema
    def _migrate(self) -> None:
        # one migrator at a time: concurrent first ingests would otherwise race on CREATE ... IF NOT EXISTS
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATE_LOCK,))
            self.conn.execute("CREATE TABLE IF NOT EXISTS store_meta (key TEXT PRIMARY KEY, value TEXT)")
            done = int(self._scalar("SELECT value FROM store_meta WHERE key = 'migration'") or 0)
            for i, name in enumerate(MIGRATIONS[done:], start=done + 1):
                sql = resources.files("warta.store").joinpath("migrations", name).read_text(encoding="utf-8")
                self.conn.execute(sql.encode("utf-8"))  # no parameters: several statements in one go
                self.conn.execute(
                    "INSERT INTO store_meta VALUES ('migration', %s)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (str(i),),
                )

    @property
    def migration(self) -> int:
        return int(self._scalar("SELECT value FROM store_meta WHERE key = 'migration'") or 0)

    def close(self) -> None:
        self.conn.close()

    # ------------------------------------------------------------------ writing
    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        hashes = list(hashes)
        found: set[str] = set()
        for i in range(0, len(hashes), _CHUNK):
            rows = self.conn.execute(
                "SELECT content_hash FROM articles WHERE content_hash = ANY(%s)", (hashes[i : i + _CHUNK],)
            )
            found.update(r["content_hash"] for r in rows)
        return found

    def add(self, batch: Iterable[ArticleRows], errors: Iterable[tuple[str, str, str]] = ()) -> int:
        """Write a batch in one transaction; returns how many articles were new."""
        batch = list(batch)
        errors = list({src: (src, etype, msg) for src, etype, msg in errors}.values())  # the last one wins
        now = _now()
        with self.conn.transaction(), self.conn.cursor() as cur:
            # batches of concurrent ingests go in one at a time (no deadlocks, rowids in input order)
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
            rids: list[int | None] = []
            if batch:
                cur.executemany(
                    "INSERT INTO articles (content_hash, id, url, source, lang, title, published, agency, place,"
                    " clean_text, record, ingested_at) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)"
                    " ON CONFLICT (content_hash) DO NOTHING RETURNING rowid",
                    [
                        (r.content_hash, r.article["id"], r.article["url"], r.article["source"], r.article["lang"],
                         r.article["title"], r.article["published"], r.article["agency"], r.article["place"],
                         r.article["clean_text"] or "", r.article["record"], now)
                        for r in batch
                    ],
                    returning=True,
                )
                while True:
                    row = cur.fetchone()
                    rids.append(row["rowid"] if row else None)
                    if not cur.nextset():
                        break
            sources = sorted({r.article["source"] for r in batch if r.article["source"]})
            if sources:
                cur.execute("DELETE FROM errors WHERE source = ANY(%s)", (sources,))
            new = [(rid, rows) for rid, rows in zip(rids, batch, strict=True) if rid is not None]
            self._copy(cur, "sources (article, position, name)", new, lambda r: r.sources, None)
            self._copy(cur, "entities (article, eid, type, name, mentions, lat, lon, country)", new,
                       lambda r: r.entities, lambda x: x[0])
            self._copy(cur, 'mentions (article, eid, start, "end")', new, lambda r: r.mentions,
                       lambda x: (x[1], x[0]))
            self._copy(cur, 'quotes (article, position, kind, speaker, speaker_entity, cue, start, "end")', new,
                       lambda r: r.quotes, None)
            self._copy(cur, 'dates (article, start, "end", value)', new, lambda r: r.dates, lambda x: x[0])
            self._copy(cur, "bands (article, key)", new, lambda r: [(k,) for k in r.bands], lambda x: x[0])
            if errors:
                cur.executemany(
                    "INSERT INTO errors VALUES (%s,%s,%s,%s) ON CONFLICT (source) DO UPDATE SET"
                    " type = excluded.type, message = excluded.message, at = excluded.at",
                    [(src, etype, msg, now) for src, etype, msg in errors],
                )
        return len(new)

    @staticmethod
    def _copy(cur: Any, target: str, new: list[tuple[int, ArticleRows]], part: Any, key: Any) -> None:
        """COPY the rows of one part table; ``key``: the primary key within an article (duplicates: the first
        is kept, as SQLite's INSERT OR IGNORE does)."""
        if not any(part(rows) for _, rows in new):
            return
        with cur.copy(f"COPY {target} FROM STDIN") as copy:
            for rid, rows in new:
                seen: set[Any] = set()
                for item in part(rows):
                    if key is not None:
                        k = key(item)
                        if k in seen:
                            continue
                        seen.add(k)
                    copy.write_row((rid, *item))

    # ------------------------------------------------------------------ reading
    def get(self, id: str) -> dict[str, Any]:
        row = self.conn.execute(
            "SELECT record FROM articles WHERE id = %s OR content_hash = %s ORDER BY rowid LIMIT 1", (id, id)
        ).fetchone()
        if row is None:
            raise NotInStoreError(f"no article {id!r} in {self.path}")
        return unpack_record(row["record"])

    def get_by_rowid(self, rid: int) -> dict[str, Any]:
        row = self.conn.execute("SELECT record FROM articles WHERE rowid = %s", (rid,)).fetchone()
        if row is None:
            raise NotInStoreError(f"no article with row {rid} in {self.path}")
        return unpack_record(row["record"])

    def _pages(self, columns: str, size: int = 200) -> Iterator[list[dict[str, Any]]]:
        """Articles in rowid order, a page at a time (keyset pagination: no long transaction, no big fetch)."""
        last = 0
        while True:
            page = self.conn.execute(
                f"SELECT rowid, {columns} FROM articles WHERE rowid > %s ORDER BY rowid LIMIT %s", (last, size)
            ).fetchall()
            if not page:
                return
            last = page[-1]["rowid"]
            yield page

    def records(self) -> Iterator[dict[str, Any]]:
        for page in self._pages("record"):
            for row in page:
                yield unpack_record(row["record"])

    def count(self) -> int:
        return int(self._scalar("SELECT count(*) FROM articles"))

    def stats(self) -> dict[str, Any]:
        def rows(sql: str) -> list[tuple[Any, ...]]:
            return self.conn.cursor(row_factory=_tuple_row()).execute(sql).fetchall()

        published = rows("SELECT min(published), max(published) FROM articles")[0]
        return {
            "articles": self.count(),
            "errors": int(self._scalar("SELECT count(*) FROM errors")),
            "by_lang": {
                r[0] or "?": r[1] for r in rows("SELECT lang, count(*) FROM articles GROUP BY lang ORDER BY 2 DESC")
            },
            "published": dict(zip(("from", "to"), published, strict=True)),
            "entities": int(self._scalar("SELECT count(*) FROM entities")),
            "quotes": int(self._scalar("SELECT count(*) FROM quotes")),
            "top_sources": {
                r[0]: r[1]
                for r in rows(
                    "SELECT mode() WITHIN GROUP (ORDER BY name), count(*) FROM sources GROUP BY lower(name)"
                    " ORDER BY 2 DESC LIMIT 10"
                )
            },
            "migration": self.migration,
            # the store's tables and indexes on the server (the SQLite store reports its file)
            "file_bytes": int(
                self._scalar(
                    "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c"
                    " WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace"
                )
            ),
        }

    def errors(self, limit: int = 1000) -> Results:
        return Results(
            self.conn.execute(
                "SELECT source, type, message, at FROM errors ORDER BY at, source LIMIT %s", (limit,)
            ).fetchall()
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
            param="%s", same_text=lambda col: f"lower({col}) = lower(%s)", true="TRUE",
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
        """Ranked (ts_rank_cd) matches with highlighted snippets; ``total`` counts all matches.

        ``score`` is the negated rank, so that lower is better as with the SQLite store's bm25. ``total`` is exact
        up to ``COUNT_BOUND`` matches; beyond, it is extrapolated from how densely the newest matches lie
        (``total_exact`` is then False): an exact count reads every match, too slow for frequent words.
        """
        import psycopg

        tsq = to_tsquery_text(query)
        where, args = self._filters(lang, date_from, date_to, source, entity)
        bound = max(RANK_BOUND, offset + limit)
        try:
            # 1. the newest matches, newest first: they count the matches and are the ones ranked. First among the
            #    newest SCAN_BOUND articles (bounded work, whatever the words); where matches are too sparse there,
            #    through the GIN index (work in proportion to the matches, which are few then). The planner alone
            #    misjudges prefixes and ANDs of frequent words that seldom meet. prepare=False: a plan made for one
            #    query's words would be wrong for another's.
            want = max(COUNT_BOUND, bound) + 1
            match = f"a.tsv @@ to_tsquery('{CONFIG}'::regconfig, %s) AND {where}"
            cur = self.conn.cursor(row_factory=_tuple_row())
            newest = [
                r[0]
                for r in cur.execute(
                    f"SELECT a.rowid FROM (SELECT * FROM articles ORDER BY rowid DESC LIMIT %s) a WHERE {match}"
                    " ORDER BY a.rowid DESC LIMIT %s",
                    [SCAN_BOUND, tsq, *args, want],
                    prepare=False,
                )
            ]
            # (rowid span: instant, and at least the number of articles)
            if len(newest) < want and self._scalar(
                "SELECT coalesce(max(rowid) - min(rowid) + 1, 0) > %s FROM articles", [SCAN_BOUND]
            ):
                with self.conn.transaction():
                    cur.execute("SET LOCAL enable_seqscan = off")
                    cur.execute("SET LOCAL enable_indexscan = off")
                    newest = [
                        r[0]
                        for r in cur.execute(
                            f"SELECT a.rowid FROM articles a WHERE {match} ORDER BY a.rowid DESC LIMIT %s",
                            [tsq, *args, want],
                            prepare=False,
                        )
                    ]
            # 2. rank the newest RANK_BOUND of them, then make snippets for the page only
            rows = self.conn.execute(
                f"""WITH top AS (
                        SELECT a.rowid, ts_rank_cd('{_WEIGHTS}', a.tsv, to_tsquery('{CONFIG}'::regconfig, %s), 1)
                               AS rank
                        FROM articles a WHERE a.rowid = ANY(%s) ORDER BY rank DESC, a.rowid DESC LIMIT %s OFFSET %s)
                    SELECT a.id, a.title, a.published, a.lang, a.agency, a.url, a.source, -top.rank::float8 AS score,
                           ts_headline('{CONFIG}'::regconfig, a.clean_text, to_tsquery('{CONFIG}'::regconfig, %s), %s)
                               AS snippet
                    FROM top JOIN articles a ON a.rowid = top.rowid ORDER BY top.rank DESC, top.rowid DESC""",
                [tsq, newest[:bound], limit, offset, tsq, _HEADLINE],
                prepare=False,
            ).fetchall()
            out = Results(rows)
            out.total, out.total_exact = len(newest), True
            if len(newest) == want:
                span = self.conn.cursor(row_factory=_tuple_row()).execute(
                    "SELECT min(rowid), max(rowid) FROM articles"
                ).fetchone()
                assert span is not None
                low, high = span
                density = len(newest) / (high - newest[-1] + 1)
                out.total = round(len(newest) + density * (newest[-1] - low))
                out.total_exact = False
        except (psycopg.errors.SyntaxError, psycopg.errors.InvalidTextRepresentation) as exc:
            raise QuerySyntaxError(f"cannot search for {query!r}: {str(exc).strip()}") from exc
        return out

    def _texts(self, rowids: Iterable[int]) -> dict[int, str]:
        ids = sorted(set(rowids))
        out: dict[int, str] = dict.fromkeys(ids, "")
        for i in range(0, len(ids), _CHUNK):
            for r in self.conn.execute(
                "SELECT rowid, record FROM articles WHERE rowid = ANY(%s)", (ids[i : i + _CHUNK],)
            ):
                out[r["rowid"]] = packed_text(r["record"])
        return out

    def quotes(self, *, speaker: str | None = None, article: str | None = None, limit: int = 100) -> Results:
        where, args = ["TRUE"], []
        if speaker:
            where.append("q.speaker ILIKE %s")
            args.append(f"%{speaker}%")
        if article:
            where.append("a.id = %s")
            args.append(article)
        sql = f"""SELECT a.rowid AS rid, a.id AS article, a.published, q.speaker, q.cue, q.kind, q.start, q."end"
                  FROM quotes q JOIN articles a ON a.rowid = q.article WHERE {" AND ".join(where)}
                  ORDER BY a.published NULLS FIRST, a.rowid, q.position LIMIT %s"""
        rows = self.conn.execute(sql, [*args, limit]).fetchall()
        texts = self._texts(r["rid"] for r in rows)
        for r in rows:
            r["text"] = texts[r.pop("rid")][r["start"] : r["end"]]
        return Results(rows)

    def entities(self, *, type: str | None = None, top: int = 50) -> Results:
        where = "WHERE type = %s" if type else ""
        # names compare without case (SQLite: COLLATE NOCASE); a group shows its most frequent spelling
        sql = f"""SELECT mode() WITHIN GROUP (ORDER BY name) AS name, type, count(DISTINCT article) AS articles,
                         sum(mentions)::bigint AS mentions
                  FROM entities {where} GROUP BY lower(name), type ORDER BY articles DESC, mentions DESC
                  LIMIT %s"""
        return Results(self.conn.execute(sql, [type, top] if type else [top]).fetchall())

    def candidate_pairs(self) -> Iterator[tuple[str, str, list[int], list[int]]]:
        """Pairs of articles sharing an LSH band, with their MinHash signatures (recomputed, not stored)."""
        from warta.similarity import bucket_pairs, signature

        groups = [
            r[0]
            for r in self.conn.cursor(row_factory=_tuple_row()).execute(
                "SELECT array_agg(article ORDER BY article) FROM bands GROUP BY key HAVING count(*) > 1 ORDER BY key"
            )
        ]
        sigs: dict[int, tuple[str, list[int]]] = {}
        wanted = sorted({rid for g in groups for rid in g})
        for i in range(0, len(wanted), _CHUNK):
            for r in self.conn.execute(
                "SELECT rowid, id, clean_text FROM articles WHERE rowid = ANY(%s)", (wanted[i : i + _CHUNK],)
            ):
                sigs[r["rowid"]] = (r["id"], signature(r["clean_text"]))
        seen: set[tuple[str, str]] = set()
        for group in groups:
            # pairs are formed on article ids, as the SQLite store and the Spark job form them
            members = {sigs[rid][0]: rid for rid in group if rid in sigs}
            for a, b in bucket_pairs(members):
                if (a, b) in seen:
                    continue
                seen.add((a, b))
                (ida, sa), (idb, sb) = sigs[members[a]], sigs[members[b]]
                yield ida, idb, sa, sb

    def article_summaries(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        ids = list(ids)
        out: dict[str, dict[str, Any]] = {}
        for i in range(0, len(ids), _CHUNK):
            for r in self.conn.execute(
                """SELECT a.id, a.title, a.published, a.agency, a.source, a.url,
                          (SELECT string_agg(name, '|' ORDER BY position) FROM sources s WHERE s.article = a.rowid)
                          AS credited
                   FROM articles a WHERE a.id = ANY(%s)""",
                (ids[i : i + _CHUNK],),
            ):
                out[r["id"]] = r
        return out

    def table(self, name: str) -> Iterator[dict[str, Any]]:
        """Rows of one table for export, with the article's id in place of its row number and texts filled in."""
        parts = {
            "entities": ("SELECT e.article AS rid, a.id AS article, e.eid, e.type, e.name, e.mentions, e.lat, e.lon,"
                         " e.country FROM entities e JOIN articles a ON a.rowid = e.article"
                         " WHERE e.article = ANY(%s) ORDER BY e.article, e.eid"),
            "mentions": ('SELECT m.article AS rid, a.id AS article, m.eid, m.start, m."end" FROM mentions m'
                         " JOIN articles a ON a.rowid = m.article WHERE m.article = ANY(%s)"
                         " ORDER BY m.article, m.start, m.eid"),
            "quotes": ("SELECT q.article AS rid, a.id AS article, q.position, q.kind, q.speaker, q.speaker_entity,"
                       ' q.cue, q.start, q."end" FROM quotes q JOIN articles a ON a.rowid = q.article'
                       " WHERE q.article = ANY(%s) ORDER BY q.article, q.position"),
            "dates": ('SELECT d.article AS rid, a.id AS article, d.start, d."end", d.value FROM dates d'
                      " JOIN articles a ON a.rowid = d.article WHERE d.article = ANY(%s) ORDER BY d.article, d.start"),
        }
        if name == "errors":
            yield from self.conn.execute("SELECT source, type, message, at FROM errors ORDER BY source")
        elif name == "articles":
            for page in self._pages(
                "id, content_hash, url, source, lang, title, published, agency, place, ingested_at, clean_text"
            ):
                for row in page:
                    del row["rowid"]
                    yield row
        elif name in parts:
            for page in self._pages("record"):
                texts = {r["rowid"]: r["record"] for r in page}
                rows = self.conn.execute(parts[name], (list(texts),)).fetchall()
                decoded: dict[int, str] = {}
                for row in rows:
                    rid = row.pop("rid")
                    if "start" not in row:  # entities: no span of their own
                        yield row
                        continue
                    if rid not in decoded:
                        decoded[rid] = packed_text(texts[rid])
                    row["text"] = decoded[rid][row["start"] : row["end"]]
                    yield row
        else:
            raise StoreError(f"no table {name!r}; tables: articles, entities, mentions, quotes, dates, errors")


def _tuple_row() -> Any:
    from psycopg.rows import tuple_row

    return tuple_row
