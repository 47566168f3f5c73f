"""Where a search runs: in a thread of the server process, or in a pool of search processes.

``warta serve --workers N`` (N > 1) starts one server process and N search processes: each search goes to
the next free search process, whichever connection it came on. Measured with ``bench/bench_web.py`` (20
clients, 100,000 articles, 2 cores): several server processes each searching for their own connections
split the 20 keep-alive connections unevenly from run to run (14 to 6, say), so that one process queued
while the other idled, and throughput ranged from 204 to 352 searches/s between identical runs.
With one server process, searches run one at a time in a thread beside the event loop: more threads at
once fight over the GIL and answer slower (measured at stop 11: 40 threads 317 searches/s and p95 102 ms,
one at a time 351 and 73 on 5,000 articles).
"""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from typing import Any

import anyio

from warta.store import open_store
from warta.store.sqlite import SNIPPET_CLOSE, SNIPPET_OPEN
from warta.web import corpus
from warta.web.annotated import mark_snippet
from warta.web.errors import WebError

_LIMITER = anyio.CapacityLimiter(1)  # searches in the server process: one at a time
_worker_store: Any = None  # the store of a search process


def search_page(store: Any, q: str, filters: corpus.Filters, page: int, per_page: int) -> dict[str, Any]:
    """One page of ranked matches, snippets as plain text with highlight offsets (the API's and the page's)."""
    hits = store.search(q, limit=per_page, offset=(page - 1) * per_page, **filters.as_kwargs())
    results = []
    for h in hits:
        text, ranges = mark_snippet(h.get("snippet"), SNIPPET_OPEN, SNIPPET_CLOSE)
        results.append({**{k: h.get(k) for k in ("id", "title", "published", "lang", "agency", "url", "score")},
                        "snippet": text, "highlights": ranges})
    total = int(hits.total or 0)
    return {"query": q, "page": page, "per_page": per_page, "total": total,
            "total_exact": bool(getattr(hits, "total_exact", True)),
            "has_more": (page - 1) * per_page + len(results) < total, "results": results}


def _open_worker_store(db: str) -> None:
    global _worker_store
    _worker_store = open_store(db, readonly=True)


def _search_in_worker(q: str, filters: dict[str, Any], page: int, per_page: int) -> dict[str, Any]:
    return search_page(_worker_store, q, corpus.Filters(q, **filters), page, per_page)


class Searcher:
    """Runs searches over the store ``db``: in the calling process (``processes`` ≤ 1, with ``stores`` giving
    each thread its connection) or in a pool of ``processes`` search processes, started at the first search."""

    def __init__(self, db: str, stores: Any, processes: int = 1) -> None:
        self.db, self.stores, self.processes = db, stores, processes
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def _get_pool(self) -> ProcessPoolExecutor | None:
        if self.processes <= 1:
            return None
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(self.processes, mp_context=get_context("spawn"),
                                                 initializer=_open_worker_store, initargs=(self.db,))
            return self._pool

    def _replace(self, broken: ProcessPoolExecutor) -> None:
        """Drop a pool broken by a search process that died (killed, out of memory): the next search starts
        a new one."""
        with self._lock:
            if self._pool is broken:
                self._pool = None
        broken.shutdown(wait=False, cancel_futures=True)

    def search(self, q: str, filters: corpus.Filters, page: int, per_page: int, retry: bool = True) -> dict[str, Any]:
        """A search from a worker thread (the HTML pages)."""
        pool = self._get_pool()
        if pool is None:
            return search_page(self.stores.get(), q, filters, page, per_page)
        try:
            return pool.submit(_search_in_worker, q, filters.as_kwargs(), page, per_page).result()
        except BrokenProcessPool as exc:
            self._replace(pool)
            if not retry:
                raise WebError(503, "search_unavailable", f"the search processes stopped: {exc}") from exc
            return self.search(q, filters, page, per_page, retry=False)

    async def search_async(self, q: str, filters: corpus.Filters, page: int, per_page: int,
                           retry: bool = True) -> dict[str, Any]:
        """A search from the event loop (the API): the loop stays free while it runs."""
        pool = self._get_pool()
        if pool is None:
            return await anyio.to_thread.run_sync(
                lambda: search_page(self.stores.get(), q, filters, page, per_page), limiter=_LIMITER)
        try:
            return await asyncio.wrap_future(pool.submit(_search_in_worker, q, filters.as_kwargs(), page, per_page))
        except BrokenProcessPool as exc:
            self._replace(pool)
            if not retry:
                raise WebError(503, "search_unavailable", f"the search processes stopped: {exc}") from exc
            return await self.search_async(q, filters, page, per_page, retry=False)

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(cancel_futures=True)
                self._pool = None
