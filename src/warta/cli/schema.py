"""``warta schema``: the record's JSON Schema."""

from __future__ import annotations

import click

from warta.record import json_schema_text


@click.command("schema")
def schema_command() -> None:
    """Print the record's JSON Schema."""
    click.echo(json_schema_text(), nl=False)
