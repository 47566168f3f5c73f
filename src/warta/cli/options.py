"""Options that several commands share, declared once."""

from __future__ import annotations

import click

LANG_OPTION = click.option(
    "--lang",
    type=click.Choice(["auto", "id", "en"]),
    default="auto",
    show_default=True,
    help="Language of the inputs; auto identifies each article's.",
)
NO_MODELS_OPTION = click.option("--no-models", is_flag=True, help="Run the rule-based annotators only.")
