"""Docs beside code: the reference lists every command, setting, annotator and reader."""

from __future__ import annotations

import importlib.util
import sys

from .. import conftest


def test_reference_is_current() -> None:
    spec = importlib.util.spec_from_file_location("gen_reference", conftest.ROOT / "scripts" / "gen_reference.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    current = (conftest.ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    assert current == module.reference(), "docs/reference.md is stale: run `make docs`"


def test_readme_names_every_command() -> None:
    from warta.cli import cli

    readme = (conftest.ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name in cli.commands if f"warta {name}" not in readme]
    assert not missing, f"README does not show: {missing}"
