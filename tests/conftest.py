"""Shared fixtures: the path to ../shared and helpers to check offsets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .stores import backend, new_db  # noqa: F401 (fixtures: a store on each backend)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "src" / "warta" / "data" / "examples"


@pytest.fixture
def shared() -> Path:
    """../shared beside the repository (real articles and corpora), or skip."""
    if not (SHARED / "seed").is_dir():
        pytest.skip(f"needs the shared data folder at {SHARED} (real articles are not kept in the repo)")
    return SHARED


def iter_spans(obj: Any) -> Iterator[dict[str, Any]]:
    """Every object with integer start/end and a string text, at any depth (as the scorer checks)."""
    if isinstance(obj, dict):
        if (
            isinstance(obj.get("start"), int)
            and isinstance(obj.get("end"), int)
            and isinstance(obj.get("text"), str)
        ):
            yield obj
        for key, value in obj.items():
            if key != "text":
                yield from iter_spans(value)
    elif isinstance(obj, list):
        for value in obj:
            yield from iter_spans(value)


def assert_offsets(record_dict: dict[str, Any]) -> int:
    """Every span reproduces its evidence; returns how many were checked."""
    text = record_dict["text"]
    n = 0
    for item in iter_spans(record_dict):
        assert text[item["start"] : item["end"]] == item["text"], item
        n += 1
    return n
