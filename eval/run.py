#!/usr/bin/env python3
"""`make eval`: warta scored on the seed, the dev articles and the wide development corpora.

Runs ``../shared/eval/score.py`` on the seed and on ``../shared/eval/dev`` (all articles, then each language
apart) and ``../shared/eval/wide.py all``, then writes ``eval/results.json``: one number per corpus and metric,
the commit, the date and the hash of the extraction code (``eval/gate.py``), and prints a table of each metric
against its floor in ``eval/floors.json``.

    python eval/run.py                      # full run (about 5 minutes on 2 cores): eval/results.json
    python eval/run.py --limit 200          # quick loop: eval/results-quick.json, never the gate's file
    python eval/run.py --raise-floors       # full run, then every floor raised to the new value where higher
    python eval/run.py --floors-from-results  # no run: raise the floors from eval/results.json (same code only)
    python eval/run.py --only dev           # seed and dev only (seconds); also a quick result

Exit code 1 when a metric fell below its floor by more than the margin, 0 otherwise; with no ``../shared``
it says so and exits 0 (there is nothing to score against).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gate

ROOT = gate.ROOT
SHARED = Path(os.environ.get("SHARED", ROOT.parent / "shared")).resolve()
CMD = f"{ROOT / '.venv' / 'bin' / 'warta'} analyze --format jsonl"

# the SUMMARY numbers of score.py, by the name results.json gives them
SUMMARY = {
    "anatomy": lambda s: s["anatomy"],
    "quote_attr_f1": lambda s: s["quote_attr"]["f1"],
    "quote_span_f1": lambda s: s["quote_span"]["f1"],
    "entity_f1": lambda s: s["entities"]["f1"],
    "places_recall": lambda s: s["places"]["r"],
    "dates_f1": lambda s: s["dates"]["f1"],
    "published_acc": lambda s: s["published"]["acc"],
    "offsets_ok": lambda s: s["offsets"]["acc"],
}
# and a finer view of the whole dev set
DEV_DETAIL = {
    "PER_f1": lambda s: s["PER"]["f1"],
    "ORG_f1": lambda s: s["ORG"]["f1"],
    "LOC_f1": lambda s: s["LOC"]["f1"],
    "credits_f1": lambda s: s["credits"]["f1"],
    "sources_f1": lambda s: s["sources"]["f1"],
    "related_f1": lambda s: s["related"]["f1"],
    "body_paragraphs_acc": lambda s: s["body_paragraphs"]["acc"],
    "dateline_place_acc": lambda s: s["dateline_place"]["acc"],
    "quote_cue_acc": lambda s: s["quote_cue"]["acc"],
}
# wide.py's numbers kept in results.json: task -> corpus -> metrics
WIDE = {
    "ner": ({"nergrit", "idner", "nerp", "conll", "uner"}, ("f1", "PER", "ORG", "LOC")),
    "quotes": ({"speech", "speech_many", "all"}, ("attr_f1", "content_f1", "content_r")),
    "geo": ({"lgl", "TR-News", "GeoVirus"}, ("tagged", "acc161", "e2e161", "precision")),
}
HTML = ("body_f1", "body_p", "body_r", "accuracy", "titled")


def _module(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _pick(s: dict, table: dict) -> dict[str, float]:
    out = {}
    for name, get in table.items():
        try:
            value = get(s)
        except (KeyError, TypeError):
            value = None
        if isinstance(value, int | float):
            out[name] = round(float(value), 4)
    return out


def score_gold(score: ModuleType, gold: Path, cmd: str) -> dict[str, dict[str, float]]:
    """One warta run over a gold directory; scores for all of it and for each language apart."""
    golds = score.load_gold(gold)
    texts = score.load_texts(golds, gold)
    preds = score.run_cmd(golds, texts, cmd)
    out = {"all": score.score(golds, preds, texts)}
    for lang in sorted({g.get("lang") for g in golds if g.get("lang")}):
        idx = [i for i, g in enumerate(golds) if g.get("lang") == lang]
        if len(idx) < len(golds):
            out[lang] = score.score([golds[i] for i in idx], [preds[i] for i in idx], [texts[i] for i in idx])
    return out


def run_wide(cmd: str, limit: int | None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="warta-eval-") as tmp:
        out = Path(tmp) / "wide.json"
        argv = [sys.executable, str(SHARED / "eval" / "wide.py"), "all", "--cmd", cmd, "--out", str(out)]
        if limit:
            argv += ["--limit", str(limit)]
        subprocess.run(argv, check=True, cwd=ROOT)
        return json.loads(out.read_text(encoding="utf-8"))


def wide_metrics(wide: dict[str, Any]) -> dict[str, float]:
    out: dict[str, float] = {}
    for task, (corpora, keys) in WIDE.items():
        for corpus, row in (wide.get(task) or {}).items():
            if corpus in corpora and isinstance(row, dict):
                out.update({f"wide.{task}.{corpus}.{k}": row[k] for k in keys if isinstance(row.get(k), int | float)})
    html = wide.get("html") or {}
    out.update({f"wide.html.{k}": html[k] for k in HTML if isinstance(html.get(k), int | float)})
    return out


def _git(*args: str) -> str:
    try:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def print_table(metrics: dict[str, float], floors: dict | None) -> None:
    fl = (floors or {}).get("floors", {})
    margin = float((floors or {}).get("margin", 0.0))
    print(f"{'metric':40} {'value':>7} {'floor':>7} {'delta':>8}")
    for name in sorted(set(metrics) | set(fl)):
        v, f = metrics.get(name), fl.get(name)
        vs = f"{v:7.4f}" if v is not None else "      -"
        fs = f"{f:7.4f}" if f is not None else "      -"
        delta = f"{v - f:+8.4f}" if v is not None and f is not None else ""
        mark = "  FELL" if f is not None and (v is None or v < f - margin) else ""
        print(f"{name:40} {vs} {fs} {delta}{mark}")


def write_floors(metrics: dict[str, float], floors: dict | None) -> None:
    floors = floors or {"margin": 0.003, "floors": {}}
    floors["floors"] = gate.raised(metrics, floors)
    gate.FLOORS.write_text(json.dumps(floors, indent=1) + "\n", encoding="utf-8")
    print(f"raised floors in {gate.FLOORS.relative_to(ROOT)}")


def raise_from_results() -> int:
    result = gate.load(gate.RESULTS)
    if result.get("limit") is not None or result.get("only") is not None:
        raise SystemExit("eval/results.json is a quick run: run make eval first")
    if result.get("code_hash") != gate.code_hash():
        raise SystemExit("eval/results.json belongs to other extraction code: run make eval first")
    write_floors(result["metrics"], gate.load(gate.FLOORS) if gate.FLOORS.exists() else None)
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cmd", default=CMD, help="the analyzer command (default: this checkout's .venv warta)")
    ap.add_argument("--limit", type=int, help="wide.py --limit: a quick run, written to eval/results-quick.json")
    ap.add_argument("--only", choices=["dev", "wide"], help="only the seed and dev, or only the wide corpora")
    ap.add_argument("--out", type=Path, help="where to write the results (default: see above)")
    ap.add_argument("--raise-floors", action="store_true", help="after a full run, raise floors to the new values")
    ap.add_argument("--floors-from-results", action="store_true", help="raise floors from eval/results.json, no run")
    a = ap.parse_args(argv)
    if a.floors_from_results:
        return raise_from_results()
    if not (SHARED / "eval" / "score.py").exists():
        print(f"make eval: skipped: no shared evaluation data at {SHARED} (set SHARED=/path/to/shared)")
        return 0
    full = a.limit is None and a.only is None
    out = a.out or (gate.RESULTS if full else gate.RESULTS.with_name("results-quick.json"))
    if a.raise_floors and not full:
        ap.error("--raise-floors needs a full run (no --limit, no --only)")
    if not Path(shlex.split(a.cmd)[0]).exists():
        ap.error(f"no analyzer at {shlex.split(a.cmd)[0]}: run `make install` first")

    started = dt.datetime.now(dt.UTC)
    metrics: dict[str, float] = {}
    raw: dict[str, Any] = {}
    if a.only != "wide":
        score = _module(SHARED / "eval" / "score.py", "warta_shared_score")
        for corpus, gold in (("seed", SHARED / "seed"), ("dev", SHARED / "eval" / "dev")):
            if not gold.is_dir():
                print(f"make eval: no {gold}, {corpus} skipped")
                continue
            for part, s in score_gold(score, gold, a.cmd).items():
                key = corpus if part == "all" else f"{corpus}_{part}"
                raw[key] = s
                metrics.update({f"{key}.{k}": v for k, v in _pick(s, SUMMARY).items()})
                if key == "dev":
                    metrics.update({f"dev.{k}": v for k, v in _pick(s, DEV_DETAIL).items()})
    if a.only != "dev":
        raw["wide"] = run_wide(a.cmd, a.limit)
        metrics.update(wide_metrics(raw["wide"]))

    result = {
        "version": 1,
        "commit": _git("rev-parse", "HEAD"),
        "dirty": bool(_git("status", "--porcelain", "--", *gate.EXTRACTION_CODE)),
        "date": started.isoformat(timespec="seconds"),
        "seconds": round((dt.datetime.now(dt.UTC) - started).total_seconds(), 1),
        "code_hash": gate.code_hash(),
        "limit": a.limit,
        "only": a.only,
        "metrics": dict(sorted(metrics.items())),
        "raw": raw,
    }
    out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    floors = gate.load(gate.FLOORS) if gate.FLOORS.exists() else None
    print_table(metrics, floors)
    print(f"wrote {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out} in {result['seconds']} s")
    if a.raise_floors:
        write_floors(metrics, floors)
        floors = gate.load(gate.FLOORS)
    if floors and full:
        fell = gate.falls(metrics, floors)
        for f in fell:
            print(f"FELL {f}", file=sys.stderr)
        return 1 if fell else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
