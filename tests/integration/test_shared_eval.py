"""The shared scorer on the seed and the dev set: floors that only rise."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from warta.api import analyze_paths


def _scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("warta_shared_score", shared / "eval" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _score(shared: Path, gold: Path) -> dict[str, Any]:
    score = _scorer(shared)
    golds = score.load_gold(gold)
    texts = score.load_texts(golds, gold)
    tmp = Path(__import__("tempfile").mkdtemp(prefix="warta-eval-"))
    paths = []
    for g, text in zip(golds, texts, strict=True):
        if g.get("input_meta"):
            p = tmp / f"{g['id']}.jsonl"
            p.write_text(__import__("json").dumps({"id": g["id"], "text": text, **g["input_meta"]}) + "\n")
        else:
            p = tmp / f"{g['id']}.txt"
            p.write_bytes(text.encode("utf-8"))
        paths.append(p)
    preds = [r.to_dict() for r in analyze_paths(paths)]
    return score.score(golds, preds, texts)


def test_seed_anatomy_and_offsets(shared: Path) -> None:
    s = _score(shared, shared / "seed")
    assert s["anatomy"] == 1.0
    assert s["offsets"]["acc"] == 1.0
    assert s["errors"] == 0


def test_dev_anatomy_and_offsets(shared: Path) -> None:
    if not (shared / "eval" / "dev").is_dir():
        pytest.skip("needs ../shared/eval/dev")
    s = _score(shared, shared / "eval" / "dev")
    assert s["anatomy"] >= 0.95
    assert s["offsets"]["acc"] == 1.0
    assert s["lang"]["acc"] == 1.0
    assert s["errors"] == 0
