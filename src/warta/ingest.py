"""`warta ingest`: sources → readers → pipeline (N worker processes) → store, resumable and idempotent.

Each article is keyed by the hash of its text: articles already in the store are skipped before
analysis, and every batch is written in one transaction, so an ingest killed at any moment and
started again ends with every article exactly once. Failures are stored with their reason.
"""

from __future__ import annotations

import gzip
import json
import multiprocessing as mp
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from warta.pipeline import Pipeline, error_record
from warta.readers import RawArticle, ReadFailure
from warta.settings import DEFAULT_SETTINGS, Settings
from warta.store import open_store
from warta.store.rows import ArticleRows, content_hash, record_rows

_PIPELINE: Pipeline | None = None
# chunks (of up to 16 articles) sent to each worker ahead of the writes: about a second of analysis, so a worker
# still has work while this process builds rows and commits a batch of 200
IN_FLIGHT = 12


@dataclass
class IngestSummary:
    read: int = 0
    added: int = 0
    already_stored: int = 0
    failed: int = 0
    seconds: float = 0.0
    errors_by_type: dict[str, int] = field(default_factory=dict)

    @property
    def per_second(self) -> float:
        return self.read / self.seconds if self.seconds else 0.0


def _init_worker(settings: Settings) -> None:
    global _PIPELINE
    _PIPELINE = Pipeline(settings=settings)


Result = ArticleRows | dict[str, Any] | tuple[str, str, str]


def _analyze(item: RawArticle | dict[str, Any], rows: bool = True) -> Result:
    """In a worker: a record's rows (``rows``) or the record itself, or (source, error type, message)."""
    if isinstance(item, dict):  # an already analysed record (export, Spark output)
        return record_rows(item) if rows else item
    assert _PIPELINE is not None
    try:
        record = _PIPELINE.annotate(item)
    except Exception as exc:
        record = error_record(item.source, exc, id=item.id, text=item.text)
    if record.error:
        return (item.source or record.id, record.error.type, record.error.message)
    return record_rows(record.to_dict()) if rows else record.to_dict()


def _is_record_file(path: Path) -> bool:
    name = path.name.lower()
    if not name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")) or not path.is_file():
        return False
    opener = gzip.open if name.endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8") as fh:
            first = fh.readline()
        return '"schema_version"' in first and json.loads(first).get("schema_version") is not None
    except (OSError, ValueError, UnicodeDecodeError):
        return False


def read_records(path: Path) -> Iterator[dict[str, Any] | ReadFailure]:
    """Records exported by warta (one JSON record a line), to store as they are."""
    from warta.errors import MalformedInputError

    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield ReadFailure(f"{path}:{lineno}", MalformedInputError(f"{path}:{lineno}: {exc.msg}"))
                continue
            if record.get("error"):
                err = record["error"]
                yield ReadFailure(
                    record.get("source") or f"{path}:{lineno}",
                    MalformedInputError(f"{err.get('type')}: {err.get('message')}"),
                )
            else:
                yield record


def read_sources(sources: Iterable[str], settings: Settings) -> Iterator[RawArticle | ReadFailure | dict[str, Any]]:
    """Files, directories, exported records, feeds and URLs; one polite fetcher for the whole run."""
    from warta.readers.fetch import Fetcher
    from warta.readers.sources import read_source

    fetcher = Fetcher.from_settings(settings)
    for src in sources:
        path = Path(src)
        if _is_record_file(path):
            yield from read_records(path)
        else:
            yield from read_source(src, settings, fetcher)


def _key(item: RawArticle | dict[str, Any]) -> str:
    return content_hash(item["text"] if isinstance(item, dict) else item.text)


def _analyze_many(items: list[RawArticle | dict[str, Any]], rows: bool) -> list[Result]:
    return [_analyze(i, rows) for i in items]


class _InProcess:
    """The pool interface, analysing in this process (``workers=0``)."""

    class _Done:
        def __init__(self, value: Any) -> None:
            self.value = value

        def get(self) -> Any:
            return self.value

    def apply_async(self, fn: Any, args: tuple[Any, ...]) -> _Done:
        return self._Done(fn(*args))


def ingest(
    sources: Iterable[str],
    db: str | Path,
    *,
    workers: int = 0,
    settings: Settings = DEFAULT_SETTINGS,
    batch_size: int = 200,
    progress: bool = False,
    items: Iterable[RawArticle | ReadFailure | dict[str, Any]] | None = None,
) -> IngestSummary:
    """Analyse and store every article in ``sources`` (or the given ``items``).

    ``workers`` 0 analyses in this process. With ``workers`` N ≥ 1, N worker processes analyse small chunks
    while this process reads the input, skips what the store holds and writes finished chunks (``batch_size``
    articles a transaction): a bounded number of chunks are in flight, so the workers do not wait for writes and
    memory stays flat. With one worker, this process also turns records into rows (MinHash signature, packed
    record), work it has time for beside one worker; with more, each worker does it for its own records.
    """
    store = open_store(db)
    summary = IngestSummary()
    stream = iter(items if items is not None else read_sources(sources, settings))
    bar = _progress(progress)
    chunk_size = max(1, min(16, batch_size))
    if workers >= 1:
        pool: Any = mp.get_context("spawn").Pool(workers, _init_worker, (settings,))
    else:
        _init_worker(settings)
        pool = _InProcess()
    rows_in_worker = workers != 1
    in_flight: deque[tuple[int, list[tuple[str, str, str]], Any]] = deque()
    unwritten: set[str] = set()  # hashes sent for analysis and not yet stored: a repeat is not analysed twice
    done_rows: list[ArticleRows] = []
    done_errors: list[tuple[str, str, str]] = []
    done_read = 0

    def write() -> None:
        nonlocal done_rows, done_errors, done_read
        summary.added += store.add(done_rows, done_errors)
        unwritten.difference_update(r.content_hash for r in done_rows)
        summary.failed += len(done_errors)
        for _, etype, _ in done_errors:
            summary.errors_by_type[etype] = summary.errors_by_type.get(etype, 0) + 1
        if bar is not None:
            bar.update(done_read)
            bar.set_postfix(added=summary.added, errors=summary.failed, refresh=False)
        done_rows, done_errors, done_read = [], [], 0

    def collect() -> None:
        nonlocal done_read
        read, errors, result = in_flight.popleft()
        for r in result.get():
            if isinstance(r, tuple):
                errors.append(r)
            else:
                done_rows.append(r if isinstance(r, ArticleRows) else record_rows(r))
        done_errors.extend(errors)
        done_read += read
        if len(done_rows) + len(done_errors) >= batch_size:
            write()

    t0 = time.perf_counter()
    try:
        while True:
            chunk = list(islice(stream, chunk_size))
            if not chunk:
                break
            summary.read += len(chunk)
            errors: list[tuple[str, str, str]] = []
            todo: list[RawArticle | dict[str, Any]] = []
            for item in chunk:
                if isinstance(item, ReadFailure):
                    errors.append((item.source or "?", item.error.type, item.error.message))
                else:
                    todo.append(item)
            keys = [_key(i) for i in todo]
            known = store.known_hashes(keys) | unwritten
            fresh = []
            for item, key in zip(todo, keys, strict=True):
                if key not in known:
                    fresh.append(item)
                    known.add(key)
                    unwritten.add(key)
            summary.already_stored += len(todo) - len(fresh)
            in_flight.append((len(chunk), errors, pool.apply_async(_analyze_many, (fresh, rows_in_worker))))
            while len(in_flight) >= IN_FLIGHT * max(workers, 1):
                collect()
        while in_flight:
            collect()
        write()
    finally:
        if workers >= 1:
            pool.close()
            pool.join()
        if bar is not None:
            bar.close()
        summary.seconds = time.perf_counter() - t0
        store.close()
    return summary


def _progress(enabled: bool) -> Any:
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(unit=" articles", desc="ingest", dynamic_ncols=True, smoothing=0.1)


__all__ = ["IngestSummary", "ingest", "read_records"]
