"""The accuracy gate: eval/results.json belongs to the current extraction code and no metric fell below
its floor in eval/floors.json. Nothing is run here: `make eval` makes the results (minutes), this test only
reads them, so it needs no ../shared."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _gate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("warta_eval_gate", ROOT / "eval" / "gate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


gate = _gate()


@pytest.fixture(scope="module")
def results() -> dict:
    assert gate.RESULTS.exists(), "no eval/results.json: run make eval"
    return gate.load(gate.RESULTS)


@pytest.fixture(scope="module")
def floors() -> dict:
    return gate.load(gate.FLOORS)


def test_results_belong_to_the_current_extraction_code(results: dict) -> None:
    assert results["limit"] is None and results["only"] is None, "eval/results.json is a quick run: run make eval"
    assert results["code_hash"] == gate.code_hash(), (
        "eval/results.json was made from other extraction code than this checkout's "
        f"({', '.join(gate.EXTRACTION_CODE)} changed since): run make eval"
    )


def test_every_metric_has_a_floor_and_every_floor_a_metric(results: dict, floors: dict) -> None:
    metrics, fl = set(results["metrics"]), set(floors["floors"])
    assert not metrics - fl, f"metrics without a floor (run eval/run.py --raise-floors): {sorted(metrics - fl)}"
    assert not fl - metrics, f"floors whose metric is no longer measured: {sorted(fl - metrics)}"


def test_no_metric_fell_below_its_floor(results: dict, floors: dict) -> None:
    fell = gate.falls(results["metrics"], floors)
    assert not fell, "metrics below their floors (margin {}):\n  {}".format(
        floors["margin"], "\n  ".join(str(f) for f in fell)
    )


def test_falls_names_the_metric_and_the_amount() -> None:
    floors = {"margin": 0.003, "floors": {"dev.entity_f1": 0.80, "wide.ner.conll.f1": 0.64, "gone": 0.5}}
    fell = gate.falls({"dev.entity_f1": 0.798, "wide.ner.conll.f1": 0.62}, floors)
    assert [f.metric for f in fell] == ["gone", "wide.ner.conll.f1"]  # 0.002 below is within the margin
    assert "0.0200 below its floor 0.6400" in str(fell[1])
    assert "missing" in str(fell[0])


def test_raised_floors_only_rise() -> None:
    floors = {"margin": 0.003, "floors": {"a": 0.5, "b": 0.7}}
    assert gate.raised({"a": 0.6, "b": 0.6, "c": 0.1}, floors) == {"a": 0.6, "b": 0.7, "c": 0.1}


def test_code_hash_follows_the_extraction_code(tmp_path: Path) -> None:
    (tmp_path / "src" / "warta" / "annotators").mkdir(parents=True)
    f = tmp_path / "src" / "warta" / "annotators" / "x.py"
    f.write_text("A = 1\n")
    before = gate.code_hash(tmp_path)
    (tmp_path / "src" / "warta" / "annotators" / "__pycache__").mkdir()
    (tmp_path / "src" / "warta" / "annotators" / "__pycache__" / "x.pyc").write_bytes(b"\0")
    assert gate.code_hash(tmp_path) == before
    f.write_text("A = 2\n")
    assert gate.code_hash(tmp_path) != before


def _floor_history() -> list[dict[str, float]]:
    """Every committed version of eval/floors.json, oldest first ([] without git history)."""
    try:
        revs = subprocess.run(
            ["git", "log", "--format=%H", "--reverse", "--", "eval/floors.json"],
            cwd=ROOT, capture_output=True, text=True, check=True,
        ).stdout.split()
        out = []
        for rev in revs:
            shown = subprocess.run(["git", "show", f"{rev}:eval/floors.json"], cwd=ROOT, capture_output=True, text=True)
            if shown.returncode == 0:
                out.append(json.loads(shown.stdout)["floors"])
        return out
    except (OSError, subprocess.CalledProcessError, json.JSONDecodeError, KeyError):
        return []


def test_a_lowered_floor_is_explained_in_the_changelog(floors: dict) -> None:
    history = _floor_history()
    if not history:
        pytest.skip("no git history of eval/floors.json here")
    best: dict[str, float] = {}
    for version in history:
        for name, value in version.items():
            best[name] = max(value, best.get(name, value))
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    lowered = [n for n, v in floors["floors"].items() if n in best and v < best[n] and f"`{n}`" not in changelog]
    assert not lowered, f"floors lowered without a CHANGELOG.md sentence naming them (as `metric`): {lowered}"
