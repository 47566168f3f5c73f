"""Corpus commands: ingest, search, show, stats, errors, entities, export, duplicates."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from warta.cli.options import LANG_OPTION, NO_MODELS_OPTION
from warta.settings import DEFAULT_SETTINGS
from warta.store import StoreError, open_store

DB_OPTION = click.option(
    "--db",
    default="warta.db",
    show_default=True,
    envvar="WARTA_DB",
    help="The store: a SQLite file or a postgresql:// URL (or set WARTA_DB).",
)
FORMAT_OPTION = click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True
)


def _store(db: str) -> Any:
    try:
        return open_store(db, readonly=True)
    except StoreError as exc:
        raise click.ClickException(exc.message) from exc


def _mark(snippet: str | None, fmt: str) -> str:
    from warta.store.sqlite import SNIPPET_CLOSE, SNIPPET_OPEN

    snippet = " ".join((snippet or "").split())
    if fmt == "table":
        opener, closer = ("\x1b[1;33m", "\x1b[0m") if sys.stdout.isatty() else ("[", "]")
    else:
        opener, closer = "<mark>", "</mark>"
    return snippet.replace(SNIPPET_OPEN, opener).replace(SNIPPET_CLOSE, closer)


def emit(
    rows: list[dict[str, Any]], fmt: str, columns: list[str], widths: dict[str, int] | None = None
) -> None:
    """Rows as an aligned table, JSON Lines or CSV on stdout."""
    if fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
        return
    if fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        return
    widths = widths or {}

    def cell(value: Any, col: str) -> str:
        text = "" if value is None else " ".join(str(value).split())
        width = widths.get(col, 30)
        return text if len(text) <= width else text[: width - 1] + "…"

    table = [[cell(r.get(c), c) for c in columns] for r in rows]
    sizes = [max([len(c)] + [len(row[i]) for row in table]) for i, c in enumerate(columns)]
    click.echo("  ".join(c.ljust(s) for c, s in zip(columns, sizes, strict=True)))
    for row in table:
        click.echo("  ".join(v.ljust(s) for v, s in zip(row, sizes, strict=True)).rstrip())


@click.command("ingest")
@click.argument("sources", nargs=-1)
@DB_OPTION
@click.option("--workers", type=click.IntRange(min=0), default=1, show_default=True,
              help="Worker processes that analyse, while this one reads and writes (0: analyse in this process).")
@LANG_OPTION
@NO_MODELS_OPTION
@click.option("--text-field", default="text", show_default=True, help="JSONL field with the article text.")
@click.option("--from-parquet", "parquet", multiple=True, type=click.Path(exists=True, file_okay=False),
              help="A `warta spark analyze` output to load as it is (repeatable).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def ingest_command(sources: tuple[str, ...], db: str, workers: int, lang: str, no_models: bool, text_field: str,
                   parquet: tuple[str, ...], quiet: bool) -> None:
    """Analyse SOURCES (files, directories, JSONL, WARC, feeds, URLs, exported records) into the store.

    Re-running adds nothing twice; an interrupted ingest resumes where it stopped. Inputs that fail are
    stored with their reason (see `warta errors`).
    """
    from warta.ingest import ingest

    if not sources and not parquet:
        raise click.UsageError("give SOURCES to analyse, or --from-parquet DIR")
    settings = replace(DEFAULT_SETTINGS, lang=lang, use_models=not no_models, text_field=text_field)
    items = _parquet_items(parquet, sources, settings) if parquet else None
    summary = ingest(sources, db, workers=workers, settings=settings, progress=not quiet and sys.stderr.isatty(),
                     items=items)
    click.echo(f"read {summary.read}, added {summary.added}, already stored {summary.already_stored}, "
               f"failed {summary.failed} in {summary.seconds:.1f} s ({summary.per_second:.0f} articles/s) → {db}")
    for etype, n in sorted(summary.errors_by_type.items()):
        click.echo(f"  {n} × {etype} (see: warta errors --db {db})")


def _parquet_items(dirs: tuple[str, ...], sources: tuple[str, ...], settings: Any) -> Iterator[Any]:
    """Records of Spark outputs (stored as they are; their failures as errors), then any SOURCES."""
    from warta.batch.parquet import read_parquet_records
    from warta.errors import InputError
    from warta.ingest import read_sources
    from warta.readers import ReadFailure

    for directory in dirs:
        for record in read_parquet_records(directory, include_errors=True):
            if record.get("error"):
                err = record["error"]
                failure = InputError(f"{err.get('type')}: {err.get('message')}")
                yield ReadFailure(record.get("source") or record.get("id"), failure)
            else:
                yield record
    yield from read_sources(sources, settings)


@click.command("search")
@click.argument("query")
@DB_OPTION
@click.option("--lang")
@click.option("--from", "date_from", help="Published on or after (YYYY-MM-DD).")
@click.option("--to", "date_to", help="Published on or before (YYYY-MM-DD).")
@click.option("--source", help="Agency or outlet (dateline or credited source).")
@click.option("--entity", help="Articles naming this person, organisation or place.")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0)
@FORMAT_OPTION
def search_command(
    query: str,
    db: str,
    lang: str | None,
    date_from: str | None,
    date_to: str | None,
    source: str | None,
    entity: str | None,
    limit: int,
    offset: int,
    fmt: str,
) -> None:
    """Full-text search, ranked by bm25: words, "phrases", AND / OR / NOT, prefix*."""
    store = _store(db)
    try:
        hits = store.search(
            query,
            lang=lang,
            date_from=date_from,
            date_to=date_to,
            source=source,
            entity=entity,
            limit=limit,
            offset=offset,
        )
    except StoreError as exc:
        raise click.ClickException(exc.message) from exc
    for h in hits:
        h["snippet"] = _mark(h["snippet"], fmt)
        h["score"] = round(-h["score"], 3)
    if fmt == "table":
        click.echo(
            f"{'' if hits.total_exact else 'about '}{hits.total} match(es) for {query!r}"
            + (f", showing {offset + 1}-{offset + len(hits)}" if hits else "")
        )
    emit(
        hits,
        fmt,
        ["id", "published", "lang", "title", "snippet", "score"],
        {"id": 24, "title": 40, "snippet": 90},
    )


@click.command("show")
@click.argument("article_id")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["pretty", "json"]), default="pretty", show_default=True)
def show_command(article_id: str, db: str, fmt: str) -> None:
    """One stored record."""
    from warta.cli.render import summary
    from warta.record import Record

    try:
        record = _store(db).get(article_id)
    except StoreError as exc:
        raise click.ClickException(exc.message) from exc
    if fmt == "json":
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
    else:
        click.echo(summary(Record.model_validate(record)))


@click.command("stats")
@DB_OPTION
def stats_command(db: str) -> None:
    """What the store holds."""
    click.echo(json.dumps(_store(db).stats(), ensure_ascii=False, indent=2))


@click.command("errors")
@DB_OPTION
@FORMAT_OPTION
def errors_command(db: str, fmt: str) -> None:
    """Inputs that failed, with their reason."""
    emit(_store(db).errors(), fmt, ["source", "type", "message", "at"], {"source": 50, "message": 70})


@click.command("entities")
@DB_OPTION
@click.option("--top", type=click.IntRange(1, 100_000), default=50, show_default=True)
@click.option("--type", "etype", type=click.Choice(["PER", "ORG", "LOC"]))
@FORMAT_OPTION
def entities_command(db: str, top: int, etype: str | None, fmt: str) -> None:
    """The most frequent people, organisations and places."""
    emit(_store(db).entities(type=etype, top=top), fmt, ["name", "type", "articles", "mentions"])


@click.command("export")
@DB_OPTION
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl", show_default=True
)
@click.option(
    "--table",
    type=click.Choice(["records", "articles", "entities", "mentions", "quotes", "dates", "errors"]),
    default="records",
    show_default=True,
)
@click.option("--output", "-o", type=click.Path(path_type=Path), help="File to write (default: stdout).")
def export_command(db: str, fmt: str, table: str, output: Path | None) -> None:
    """Export records (re-ingestable JSON Lines) or a table (CSV, Parquet)."""
    from warta.store.export import export

    try:
        n = export(_store(db), output, fmt=fmt, table=table)
    except StoreError as exc:
        raise click.ClickException(exc.message) from exc
    if output:
        click.echo(f"wrote {n} row(s) to {output}")


@click.command("duplicates")
@DB_OPTION
@click.option("--threshold", type=click.FloatRange(0.1, 1.0), default=None, help="Minimum estimated Jaccard.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
def duplicates_command(db: str, threshold: float | None, fmt: str) -> None:
    """Near-duplicate and syndicated copies of one story, clustered (MinHash LSH)."""
    from warta.similarity import THRESHOLD
    from warta.store.duplicates import find_duplicates

    found = find_duplicates(_store(db), threshold or THRESHOLD)
    if fmt == "jsonl":
        emit(found, "jsonl", [])
        return
    click.echo(f"{len(found)} cluster(s)")
    for c in found:
        click.echo(f"\ncluster {c['cluster']}: {c['size']} copies, earliest {c['earliest']}")
        for m in c["members"]:
            link = f"  → credited copy {m['credited_copy']}" if m["credited_copy"] else ""
            click.echo(
                f"  {m['similarity']:.2f}  {m['published'] or '?':10}  {m['agency'] or '-':12} "
                f"{m['id']}  {m['title'] or ''}{link}"
            )
