"""``warta quotes``: who said what, as a table, JSON lines or CSV."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import click

from warta.api import analyze_paths
from warta.cli.options import LANG_OPTION, NO_MODELS_OPTION
from warta.record import Record
from warta.settings import DEFAULT_SETTINGS

_COLUMNS = ("source", "paragraph", "kind", "speaker", "cue", "quote", "start", "end")


def quote_rows(record: Record) -> Iterator[dict[str, Any]]:
    """One flat row per quote of a record."""
    for q in record.quotes:
        yield {
            "source": record.source or record.id,
            "paragraph": q.paragraph,
            "kind": q.kind,
            "speaker": (q.speaker.name or q.speaker.text) if q.speaker else None,
            "cue": q.cue.text if q.cue else None,
            "quote": q.text,
            "start": q.start,
            "end": q.end,
        }


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


@click.command("quotes")
@click.argument("paths", nargs=-1)
@click.option(
    "--db", envvar="WARTA_DB", help="Query this store instead of analysing PATHs (default warta.db)."
)
@click.option("--speaker", help="Only quotes whose speaker's name contains this.")
@click.option(
    "--limit", type=click.IntRange(min=1), default=100, show_default=True, help="With --db: how many."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl", "csv"]),
    default="table",
    show_default=True,
    help="table: readable; jsonl: one quote a line; csv: one quote a row.",
)
@LANG_OPTION
@NO_MODELS_OPTION
def quotes_command(
    paths: tuple[str, ...],
    db: str | None,
    speaker: str | None,
    limit: int,
    fmt: str,
    lang: str,
    no_models: bool,
) -> None:
    """Who said what: the quotes of articles (PATH as for `warta analyze`) or of a store (--db), with
    speaker and cue."""
    if not paths:
        _stored_quotes(db or "warta.db", speaker, limit, fmt)
        return
    settings = replace(DEFAULT_SETTINGS, lang=lang, use_models=not no_models)
    out = sys.stdout
    writer = csv.DictWriter(out, fieldnames=list(_COLUMNS)) if fmt == "csv" else None
    if writer is not None:
        writer.writeheader()
    try:
        for record in analyze_paths(paths, settings=settings):
            if fmt == "table":
                out.write(f"── {record.source or record.id}\n")
                if record.error:
                    out.write(f"   error: {record.error.type}: {record.error.message}\n\n")
                    continue
                if not record.quotes:
                    out.write("   (no quotes)\n")
                for row in quote_rows(record):
                    if not _speaker_matches(row, speaker):
                        continue
                    who = _clip(str(row["speaker"] or "?"), 28)
                    cue = _clip(str(row["cue"] or "-"), 14)
                    mark = "“" if row["kind"] == "direct" else "~"
                    out.write(f"   {who:<28} {cue:<14} {mark} {_clip(row['quote'], 90)}\n")
                out.write("\n")
            else:
                for row in quote_rows(record):
                    if not _speaker_matches(row, speaker):
                        continue
                    if writer is not None:
                        writer.writerow(row)
                    else:
                        out.write(json.dumps(row, ensure_ascii=False) + "\n")
            out.flush()
    except BrokenPipeError:
        sys.stderr.close()


def _speaker_matches(row: dict[str, Any], speaker: str | None) -> bool:
    return not speaker or speaker.casefold() in str(row["speaker"] or "").casefold()


def _stored_quotes(db: str, speaker: str | None, limit: int, fmt: str) -> None:
    from warta.cli.store import emit
    from warta.store import StoreError, open_store

    try:
        rows = open_store(db, readonly=True).quotes(speaker=speaker, limit=limit)
    except StoreError as exc:
        raise click.ClickException(exc.message) from exc
    emit(
        rows,
        fmt,
        ["published", "speaker", "cue", "kind", "text", "article"],
        {"speaker": 28, "text": 90, "article": 24},
    )
