"""The accuracy gate: which code a result belongs to, and which metrics fell below their floors.

Used by ``eval/run.py`` (``make eval``), which writes ``eval/results.json``, and by the floors test
(``tests/integration/test_accuracy_gate.py``), which checks that file against ``eval/floors.json``
without running anything. Only the standard library is used.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "eval" / "results.json"
FLOORS = ROOT / "eval" / "floors.json"

# what decides warta's output: a change to any of these files means the results must be made again
EXTRACTION_CODE = (
    "src/warta/annotators",
    "src/warta/models",
    "src/warta/readers",
    "src/warta/record",
    "src/warta/data/gazetteer",
    "src/warta/document.py",
    "src/warta/pipeline.py",
    "src/warta/settings.py",
)
_SKIP_PARTS = {"__pycache__", ".mypy_cache"}


def code_hash(root: Path = ROOT) -> str:
    """sha256 over the relative path and bytes of every file of the extraction code, in sorted order."""
    h = hashlib.sha256()
    files: list[Path] = []
    for rel in EXTRACTION_CODE:
        p = root / rel
        if p.is_file():
            files.append(p)
        elif p.is_dir():
            files.extend(f for f in p.rglob("*") if f.is_file() and not (_SKIP_PARTS & set(f.parts)))
    for f in sorted(files, key=lambda f: f.relative_to(root).as_posix()):
        if f.suffix == ".pyc":
            continue
        h.update(f.relative_to(root).as_posix().encode() + b"\0")
        h.update(f.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


@dataclass(frozen=True)
class Fall:
    """A metric below its floor by more than the noise margin (or missing from the results)."""

    metric: str
    floor: float
    value: float | None

    def __str__(self) -> str:
        if self.value is None:
            return f"{self.metric}: missing from the results (floor {self.floor:.4f})"
        return f"{self.metric}: {self.value:.4f} is {self.floor - self.value:.4f} below its floor {self.floor:.4f}"


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def falls(metrics: dict[str, float], floors: dict) -> list[Fall]:
    """Every floor that ``metrics`` breaks by more than ``floors['margin']``."""
    margin = float(floors["margin"])
    out = []
    for name, floor in sorted(floors["floors"].items()):
        value = metrics.get(name)
        if value is None or value < floor - margin:
            out.append(Fall(name, floor, value))
    return out


def raised(metrics: dict[str, float], floors: dict) -> dict[str, float]:
    """Floors after a run: each the higher of the old floor and the new value (a floor only rises)."""
    new = dict(floors["floors"])
    for name, value in metrics.items():
        new[name] = round(max(value, new.get(name, value)), 4)
    return dict(sorted(new.items()))
