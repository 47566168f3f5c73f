"""``warta analyze`` and ``warta demo``."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from importlib import resources
from pathlib import Path

import click

from warta.api import analyze_paths
from warta.cli.options import LANG_OPTION, NO_MODELS_OPTION
from warta.cli.render import summary, to_jsonl
from warta.errors import WartaError
from warta.record import Record
from warta.settings import DEFAULT_SETTINGS


@click.command("analyze")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json", "pretty"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one record a line; json: a JSON array; pretty: a readable summary.",
)
@LANG_OPTION
@click.option("--fail-fast", is_flag=True, help="Stop at the first input that fails, with exit code 1.")
@NO_MODELS_OPTION
@click.option("--text-field", default="text", show_default=True, help="JSONL field with the article text.")
@click.option("--id-field", default="id", show_default=True, help="JSONL field with the article id.")
@click.option(
    "--date-field", default="published", show_default=True, help="JSONL field with the publication date."
)
@click.option("--url-field", default="url", show_default=True, help="JSONL field with the article URL.")
@click.option(
    "--explain",
    is_flag=True,
    help="On standard error: each place's gazetteer candidates, their scores and the one chosen.",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_SETTINGS.max_input_bytes,
    show_default=True,
    help="Inputs larger than this give an input_too_large error record.",
)
def analyze_command(
    paths: tuple[str, ...],
    fmt: str,
    lang: str,
    fail_fast: bool,
    no_models: bool,
    text_field: str,
    id_field: str,
    date_field: str,
    url_field: str,
    explain: bool,
    max_bytes: int,
) -> None:
    """Analyse articles: PATH is a text, HTML, JSON or JSONL file, a directory (recursive), or - for stdin.

    Prints one record per article, in input order. An input that fails gives a record with an
    "error" field and the run goes on.
    """
    settings = replace(
        DEFAULT_SETTINGS,
        lang=lang,
        use_models=not no_models,
        text_field=text_field,
        id_field=id_field,
        date_field=date_field,
        url_field=url_field,
        max_input_bytes=max_bytes,
    )
    records = analyze_paths(paths, settings=settings, fail_fast=fail_fast)
    out = sys.stdout
    first = True
    try:
        if fmt == "json":
            out.write("[")
        for record in records:
            if fmt == "jsonl":
                out.write(to_jsonl(record) + "\n")
            elif fmt == "json":
                out.write(
                    ("" if first else ",\n") + json.dumps(record.to_dict(), ensure_ascii=False, indent=2)
                )
            else:
                out.write(summary(record) + "\n\n")
            first = False
            out.flush()
            if explain:
                click.echo(explain_places(record), err=True)
        if fmt == "json":
            out.write("]\n")
    except WartaError as exc:  # only with --fail-fast
        raise click.ClickException(f"{exc.type}: {exc.message}") from exc
    except BrokenPipeError:
        sys.stderr.close()


def explain_places(record: Record) -> str:
    """How each place of a record was geocoded: candidates with scores and reasons, the chosen one first."""
    from warta.annotators.places import explain_place

    names = [e.name for e in record.entities if e.type == "LOC"]
    if record.dateline and record.dateline.place and record.dateline.place not in names:
        names.insert(0, record.dateline.place)
    lines = [f"── places in {record.source or record.id}"]
    for name in names:
        context = [n for n in names if n != name]
        candidates = explain_place(name, context, lang=record.lang, limit=5)
        if not candidates:
            lines.append(f"   {name}: no candidate in the gazetteer (no geo)")
            continue
        verdict = "chosen" if candidates[0].get("chosen") else "not confident: no geo"
        lines.append(f"   {name}: {len(candidates)} candidate(s), first {verdict}")
        for c in candidates:
            where = ", ".join(x for x in (c.get("name"), c.get("admin1"), c.get("country")) if x)
            lines.append(f"      {c['score']:6.2f}  conf {c['confidence']:.2f}  {c['feature'] or '?':14} {where}"
                         f"  ({c['lat']:.2f}, {c['lon']:.2f})  {'; '.join(c.get('reasons') or [])}")
    return "\n".join(lines)


@click.command("demo")
@click.option("--db", default="demo.db", show_default=True, help="The store the examples are ingested into.")
def demo_command(db: str) -> None:
    """Analyse the example articles shipped with warta, store them, and query the store."""
    from warta.api import ingest
    from warta.api import open as open_store

    examples = resources.files("warta") / "data" / "examples"
    with resources.as_file(examples) as folder:
        paths = sorted(str(p) for p in Path(folder).iterdir() if p.suffix in {".txt", ".html", ".jsonl"})
        click.secho("1. Each example article, analysed\n", bold=True)
        for record in analyze_paths(paths):
            click.echo(summary(record) + "\n")
        done = ingest(paths, db)
    click.secho(f"2. Stored in {db}: {done.added} new, {done.already_stored} already there\n", bold=True)
    store = open_store(db, readonly=True)
    query = "pelabuhan OR port OR trade"
    hits = store.search(query, limit=5)
    click.secho(f"3. warta search {query!r} --db {db}: {hits.total} match(es)", bold=True)
    for h in hits:
        snippet = " ".join(h["snippet"].split()).replace("\x02", "[").replace("\x03", "]")
        click.echo(f"   {h['id']}  {h['title'] or ''}\n      {snippet}")
    click.secho(f"\n4. Top people (warta entities --type PER --db {db}) and what they said", bold=True)
    for person in store.entities(type="PER", top=5):
        said = store.quotes(speaker=person["name"], limit=3)
        click.echo(f"   {person['name']}: {person['articles']} article(s), {len(said)} quote(s)")
        for q in said:
            text = " ".join(q["text"].split())
            click.echo(f"      {q['cue'] or ''}: {text[:90]}{'…' if len(text) > 90 else ''}")
