"""The ``warta`` command: a thin layer over warta.api."""

from __future__ import annotations

import logging

import click

from warta import __version__
from warta.cli.analyze import analyze_command, demo_command
from warta.cli.quotes import quotes_command
from warta.cli.schema import schema_command
from warta.cli.serve import serve_command
from warta.cli.spark import spark_group
from warta.cli.store import (
    duplicates_command,
    entities_command,
    errors_command,
    export_command,
    ingest_command,
    search_command,
    show_command,
    stats_command,
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="warta")
@click.option("-v", "--verbose", count=True, help="More log output on standard error (-vv for debug).")
def cli(verbose: int) -> None:
    """warta turns news articles into structured, verifiable records."""
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


cli.add_command(analyze_command)
cli.add_command(schema_command)
cli.add_command(demo_command)
for _command in (
    spark_group,
    serve_command,
    quotes_command,
    ingest_command,
    search_command,
    show_command,
    stats_command,
    errors_command,
    entities_command,
    export_command,
    duplicates_command,
):
    cli.add_command(_command)


def main() -> None:
    cli()
