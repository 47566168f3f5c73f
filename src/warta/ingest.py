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


def _analyze(item: RawArticle | dict[str, Any]) -> ArticleRows | tuple[str, str, str]:
    """In a worker: a record's rows, or (source, error type, message)."""
    if isinstance(item, dict):  # an already analysed record (export, Spark output)
        return record_rows(item)
    assert _PIPELINE is not None
    try:
        record = _PIPELINE.annotate(item)
    except Exception as exc:
        record = error_record(item.source, exc, id=item.id, text=item.text)
    if record.error:
        return (item.source or record.id, record.error.type, record.error.message)
    return record_rows(record.to_dict())


def _is_record_file(path: Path) -> bool:
    name = path.name.lower()
    if not name.endswith((".jsonl", ".jsonl.gz", ".ndjson")) or not path.is_file():
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


def ingest(
    sources: Iterable[str],
    db: str | Path,
    *,
    workers: int = 1,
    settings: Settings = DEFAULT_SETTINGS,
    batch_size: int = 200,
    progress: bool = False,
    items: Iterable[RawArticle | ReadFailure | dict[str, Any]] | None = None,
) -> IngestSummary:
    """Analyse and store every article in ``sources`` (or the given ``items``)."""
    store = open_store(db)
    summary = IngestSummary()
    stream = iter(items if items is not None else read_sources(sources, settings))
    bar = _progress(progress)
    pool = mp.get_context("spawn").Pool(workers, _init_worker, (settings,)) if workers > 1 else None
    if pool is None:
        _init_worker(settings)
    t0 = time.perf_counter()
    try:
        while True:
            chunk = list(islice(stream, batch_size))
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
            known = store.known_hashes(_key(i) for i in todo)
            fresh = [i for i in todo if _key(i) not in known]
            summary.already_stored += len(todo) - len(fresh)
            results = pool.map(_analyze, fresh, chunksize=8) if pool else [_analyze(i) for i in fresh]
            rows = [r for r in results if isinstance(r, ArticleRows)]
            errors += [r for r in results if isinstance(r, tuple)]
            summary.added += store.add(rows, errors)
            summary.failed += len(errors)
            for _, etype, _ in errors:
                summary.errors_by_type[etype] = summary.errors_by_type.get(etype, 0) + 1
            if bar is not None:
                bar.update(len(chunk))
                bar.set_postfix(added=summary.added, errors=summary.failed, refresh=False)
    finally:
        if pool is not None:
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
