"""Corpus views the pages need beyond the store's interface: facets, timeline, places, speakers, copies.

On the SQLite store they read its tables directly (parameterised SQL only), bounded like the store's own
ranking: facets and places over a query look at the newest ``FACET_BOUND`` matches. Any other store (PostgreSQL)
gets a portable answer through the store interface alone: over the best ``PORTABLE_BOUND`` matches of a query, or
corpus-wide where the interface offers it (entities, quotes), else empty. A store with methods of these names
(facets, timeline, places, speakers, recent, copies) is asked instead.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections import OrderedDict
from typing import Any

from warta.record import Record
from warta.store import QuerySyntaxError
from warta.store.query import to_fts
from warta.store.rows import clean_text_of

FACET_BOUND = 2000
PORTABLE_BOUND = 200
COPY_CANDIDATES = 30
FACET_TYPES = {"PER": "people", "ORG": "organisations", "LOC": "places"}


class Filters:
    """Search filters as SQL over ``articles a`` (the same meaning as the store's search filters)."""

    def __init__(
        self,
        query: str | None = None,
        lang: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        source: str | None = None,
        entity: str | None = None,
    ) -> None:
        self.query, self.lang, self.date_from, self.date_to = query, lang, date_from, date_to
        self.source, self.entity = source, entity

    def as_kwargs(self) -> dict[str, Any]:
        return {
            "lang": self.lang,
            "date_from": self.date_from,
            "date_to": self.date_to,
            "source": self.source,
            "entity": self.entity,
        }

    def sql(self, store: Any) -> tuple[str, list[Any]]:
        """The WHERE clause over ``articles a`` of a SQLite ``store`` and its arguments."""
        where: list[str] = []
        args: list[Any] = []
        if self.query and self.query.strip():
            matching, fts_args = store.match_sql(to_fts(self.query))
            where.append(f"a.rowid IN ({matching})")
            args += fts_args
        if self.lang:
            where.append("a.lang = ?")
            args.append(self.lang)
        if self.date_from:
            where.append("a.published >= ?")
            args.append(self.date_from)
        if self.date_to:
            where.append("a.published <= ?")
            args.append(self.date_to + "\uffff" if len(self.date_to) == 10 else self.date_to)
        if self.source:
            where.append("(a.agency = ? COLLATE NOCASE OR a.rowid IN (SELECT article FROM sources WHERE name = ?))")
            args += [self.source, self.source]
        if self.entity:
            where.append("a.rowid IN (SELECT article FROM entities WHERE name = ?)")
            args.append(self.entity)
        return (" AND ".join(where) or "1"), args

    @property
    def empty(self) -> bool:
        return not any((self.query, self.lang, self.date_from, self.date_to, self.source, self.entity))


def _matches(store: Any, filters: Filters) -> tuple[str, list[Any]]:
    """A subquery: the rowids of the newest FACET_BOUND matching articles."""
    where, args = filters.sql(store)
    return f"SELECT a.rowid FROM articles a WHERE {where} ORDER BY a.rowid DESC LIMIT {FACET_BOUND}", args


class Memo:
    """Values kept for ``ttl`` seconds (at most ``size`` of them): corpus-wide views, which scan whole tables on a
    large store, and repeated searches. ``ttl`` 0 keeps nothing."""

    def __init__(self, ttl: float = 60.0, size: int = 256) -> None:
        self.ttl, self.size = ttl, size
        self._items: OrderedDict[tuple[Any, ...], tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[Any, ...], make: Any) -> Any:
        """The value kept for ``key``, else ``make()`` (then kept)."""
        hit = self.lookup(key)
        if hit is not None:
            return hit
        value = make()
        self.put(key, value)
        return value

    def lookup(self, key: tuple[Any, ...]) -> Any:
        """The value kept for ``key`` if it is fresh, else None."""
        if self.ttl <= 0:
            return None
        with self._lock:
            hit = self._items.get(key)
            if hit and time.monotonic() - hit[0] < self.ttl:
                self._items.move_to_end(key)
                return hit[1]
        return None

    def put(self, key: tuple[Any, ...], value: Any) -> None:
        if self.ttl <= 0:
            return
        with self._lock:
            self._items[key] = (time.monotonic(), value)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


def _rows(store: Any, sql: str, args: list[Any]) -> list[dict[str, Any]]:
    try:
        return [dict(r) for r in store.conn.execute(sql, args)]
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc).lower() or "syntax" in str(exc).lower():
            raise QuerySyntaxError(f"cannot search for that: {exc}") from exc
        raise


def _sql_store(store: Any) -> bool:
    return getattr(store, "backend", "") == "sqlite"


def _matching_records(store: Any, filters: Filters, bound: int = PORTABLE_BOUND) -> list[dict[str, Any]]:
    """Portable: the records of the best ``bound`` matches (a query is needed: the interface searches by words)."""
    if not (filters.query and filters.query.strip()):
        return []
    hits = store.search(filters.query, limit=bound, **filters.as_kwargs())
    return [store.get(h["id"]) for h in hits]


def _count(names: list[set[str]], top: int) -> list[dict[str, Any]]:
    counts: dict[str, int] = {}
    for per_article in names:
        for name in per_article:
            counts[name] = counts.get(name, 0) + 1
    return [{"name": n, "count": c} for n, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]


def _portable_facets(store: Any, filters: Filters, top: int) -> dict[str, list[dict[str, Any]]]:
    if filters.empty or not filters.query:
        out = {label: [{"name": r["name"], "count": r["articles"]} for r in store.entities(type=etype, top=top)]
               for etype, label in FACET_TYPES.items()}
        out["sources"] = [{"name": n, "count": c} for n, c in list(store.stats()["top_sources"].items())[:top]]
        return out
    records = _matching_records(store, filters)
    out = {label: _count([{e["name"] for e in r.get("entities") or [] if e["type"] == etype} for r in records], top)
           for etype, label in FACET_TYPES.items()}
    out["sources"] = _count([{s["name"] for s in r.get("sources") or []}
                             | {a for a in [(r.get("dateline") or {}).get("agency")] if a} for r in records], top)
    return out


def facets(store: Any, filters: Filters, top: int = 8) -> dict[str, list[dict[str, Any]]]:
    """Top people, organisations, places and sources (article counts) among the matches."""
    if hasattr(store, "facets"):
        return store.facets(filters, top=top)  # type: ignore[no-any-return]
    if not _sql_store(store):
        return _portable_facets(store, filters, top)
    sub, args = _matches(store, filters)
    scope = f"WHERE article IN ({sub})" if not filters.empty else ""
    out: dict[str, list[dict[str, Any]]] = {}
    for etype, label in FACET_TYPES.items():
        cond = f"{scope} AND type = ?" if scope else "WHERE type = ?"
        out[label] = _rows(
            store,
            f"SELECT name, count(DISTINCT article) AS count FROM entities {cond}"
            " GROUP BY name ORDER BY count DESC, name LIMIT ?",
            [*args, etype, top] if scope else [etype, top],
        )
    agency_scope = f"WHERE rowid IN ({sub}) AND agency IS NOT NULL" if scope else "WHERE agency IS NOT NULL"
    credited_scope = f"WHERE article IN ({sub})" if scope else ""
    out["sources"] = _rows(
        store,
        f"""SELECT name, count(DISTINCT article) AS count FROM (
                SELECT agency AS name, rowid AS article FROM articles {agency_scope}
                UNION SELECT name, article FROM sources {credited_scope})
            GROUP BY name COLLATE NOCASE ORDER BY count DESC, name LIMIT ?""",
        [*args, *args, top] if scope else [top],
    )
    return out


def timeline(store: Any, filters: Filters) -> list[dict[str, Any]]:
    """Articles per publication day among all matches (``day`` null: undated)."""
    if hasattr(store, "timeline"):
        return store.timeline(filters)  # type: ignore[no-any-return]
    if not _sql_store(store):
        days: dict[str | None, int] = {}
        for r in _matching_records(store, filters, bound=1000):
            day = ((r.get("published") or {}).get("date") or "")[:10] or None
            days[day] = days.get(day, 0) + 1
        return [{"day": d, "count": n} for d, n in sorted(days.items(), key=lambda kv: kv[0] or "")]
    where, args = filters.sql(store)
    return _rows(
        store,
        f"SELECT substr(a.published, 1, 10) AS day, count(*) AS count FROM articles a WHERE {where}"
        " GROUP BY day ORDER BY day",
        args,
    )


def places(store: Any, filters: Filters, top: int = 300) -> list[dict[str, Any]]:
    """Places with coordinates, with how many (of the newest matching) articles name them."""
    if hasattr(store, "places"):
        return store.places(filters, top=top)  # type: ignore[no-any-return]
    if not _sql_store(store):
        found: dict[str, dict[str, Any]] = {}
        for r in _matching_records(store, filters):
            for p in record_places(r):
                entry = found.setdefault(p["name"], {**p, "articles": 0})
                entry["articles"] += 1
        rows = sorted(found.values(), key=lambda p: (-p["articles"], p["name"]))[:top]
        return [{k: p[k] for k in ("name", "lat", "lon", "country", "articles")} for p in rows]
    sub, args = _matches(store, filters)
    scope = f"AND article IN ({sub})" if not filters.empty else ""
    return _rows(
        store,
        f"""SELECT name, round(avg(lat), 3) AS lat, round(avg(lon), 3) AS lon, max(country) AS country,
                   count(DISTINCT article) AS articles
            FROM entities WHERE lat IS NOT NULL AND lon IS NOT NULL {scope}
            GROUP BY name ORDER BY articles DESC, name LIMIT ?""",
        [*args, top] if scope else [top],
    )


def speakers(store: Any, top: int = 200) -> list[dict[str, Any]]:
    """People and organisations quoted, with how many quotes and articles."""
    if hasattr(store, "speakers"):
        return store.speakers(top=top)  # type: ignore[no-any-return]
    if not _sql_store(store):
        said: dict[str, tuple[int, set[str]]] = {}
        for q in store.quotes(limit=20_000):
            if q.get("speaker"):
                n, arts = said.get(q["speaker"], (0, set()))
                said[q["speaker"]] = (n + 1, arts | {q["article"]})
        ranked = sorted(said.items(), key=lambda kv: (-kv[1][0], kv[0]))[:top]
        return [{"name": k, "quotes": n, "articles": len(arts)} for k, (n, arts) in ranked]
    return _rows(
        store,
        "SELECT speaker AS name, count(*) AS quotes, count(DISTINCT article) AS articles FROM quotes"
        " WHERE speaker IS NOT NULL AND speaker != '' GROUP BY speaker ORDER BY quotes DESC, name LIMIT ?",
        [top],
    )


def recent(store: Any, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
    """The newest articles by publication date (undated last)."""
    if hasattr(store, "recent"):
        return store.recent(limit=limit, offset=offset)  # type: ignore[no-any-return]
    if not _sql_store(store):
        return []  # the interface lists articles only by search
    return _rows(
        store,
        "SELECT id, title, published, lang, agency, url FROM articles"
        " ORDER BY published DESC, rowid DESC LIMIT ? OFFSET ?",  # SQLite sorts nulls last here, by the index
        [limit, offset],
    )


def copies(store: Any, record: dict[str, Any], threshold: float | None = None) -> list[dict[str, Any]]:
    """Other articles in the store that are copies of this one (syndication): MinHash LSH neighbours."""
    if hasattr(store, "copies"):
        return store.copies(record["id"])  # type: ignore[no-any-return]
    if not _sql_store(store):
        return []  # the interface finds duplicates only over the whole store (store.duplicates): too slow per page
    from warta.similarity import THRESHOLD, estimate, signature

    threshold = THRESHOLD if threshold is None else threshold
    row = store.conn.execute("SELECT rowid FROM articles WHERE id = ? LIMIT 1", (record["id"],)).fetchone()
    if row is None:
        return []
    # candidates sharing the most LSH bands first (true copies share many), a bounded number of them
    neighbours = store.conn.execute(
        "SELECT b2.article, count(*) AS shared FROM bands b1 JOIN bands b2 ON b2.key = b1.key"
        " WHERE b1.article = ? AND b2.article != ? GROUP BY b2.article ORDER BY shared DESC, b2.article LIMIT ?",
        (row[0], row[0], COPY_CANDIDATES),
    ).fetchall()
    if not neighbours:
        return []
    mine = signature(clean_text_of(record))
    out = []
    for rid, _ in neighbours:
        other = store.get_by_rowid(rid)
        sim = estimate(mine, signature(clean_text_of(other)))
        if sim >= threshold:
            out.append(
                {
                    "id": other["id"],
                    "title": other.get("title"),
                    "published": (other.get("published") or {}).get("date"),
                    "agency": (other.get("dateline") or {}).get("agency"),
                    "similarity": round(sim, 3),
                }
            )
    out.sort(key=lambda r: (r["published"] or "9999", r["id"]))
    return out


def record_places(record: Record | dict[str, Any]) -> list[dict[str, Any]]:
    """One article's places with coordinates, for its small map."""
    data = record.to_dict() if isinstance(record, Record) else record
    out = []
    for e in data.get("entities") or []:
        geo = e.get("geo")
        if geo and geo.get("lat") is not None and geo.get("lon") is not None:
            out.append(
                {"name": e["name"], "lat": geo["lat"], "lon": geo["lon"], "country": geo.get("country"),
                 "articles": len(e.get("mentions") or []) or 1, "id": e["id"]}
            )
    return out
