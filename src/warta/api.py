"""What the CLI, the web app and batch jobs call."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from warta.errors import InputError
from warta.ingest import IngestSummary
from warta.ingest import ingest as run_ingest
from warta.pipeline import Pipeline
from warta.readers import RawArticle, ReadFailure, read_paths
from warta.record import Record
from warta.settings import DEFAULT_SETTINGS, Settings
from warta.store import Store, open_store


@lru_cache(maxsize=8)
def get_pipeline(settings: Settings = DEFAULT_SETTINGS) -> Pipeline:
    """One pipeline per settings, built once per process (models load lazily inside)."""
    return Pipeline(settings=settings)


def analyze(
    text: str,
    *,
    lang: str | None = None,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    id: str | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> Record:
    """Analyse one article's text. ``published`` is the metadata date (ISO), when known."""
    if not isinstance(text, str):
        raise TypeError(f"analyze() takes the article text as str, not {type(text).__name__}")
    if not text.strip():
        raise InputError("the article text is empty")
    article = RawArticle(
        text=text,
        id=id,
        url=url,
        title=title,
        published=published,
        lang=lang,
        source=url,
        meta={"format": "text"},
    )
    return get_pipeline(settings).annotate(article)


def analyze_items(
    items: Iterable[RawArticle | ReadFailure],
    *,
    settings: Settings = DEFAULT_SETTINGS,
    fail_fast: bool = False,
) -> Iterator[Record]:
    return get_pipeline(settings).run(items, fail_fast=fail_fast)


def analyze_paths(
    paths: Iterable[str | Path], *, settings: Settings = DEFAULT_SETTINGS, fail_fast: bool = False
) -> Iterator[Record]:
    """Records for every article in files, directories (recursive) or ``-`` (standard input), in order."""
    return analyze_items(read_paths(paths, settings), settings=settings, fail_fast=fail_fast)


def analyze_path(path: str | Path, *, settings: Settings = DEFAULT_SETTINGS) -> list[Record]:
    """Records for every article in one file or directory."""
    return list(analyze_paths([path], settings=settings))


def open(db: str | Path = "warta.db", *, readonly: bool = False) -> Store:
    """The corpus store at ``db``: search, quotes, entities, records, exports (``.to_pandas()`` on results)."""
    return open_store(db, readonly=readonly)


def ingest(
    sources: Iterable[str],
    db: str | Path = "warta.db",
    *,
    workers: int = 0,
    settings: Settings = DEFAULT_SETTINGS,
    progress: bool = False,
) -> IngestSummary:
    """Analyse and store every article in ``sources``: in this process (``workers=0``) or in ``workers``
    worker processes while this one writes; see :mod:`warta.ingest`."""
    return run_ingest(sources, db, workers=workers, settings=settings, progress=progress)


def with_settings(settings: Settings = DEFAULT_SETTINGS, **changes: object) -> Settings:
    return replace(settings, **changes)
