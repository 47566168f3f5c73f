"""Store benchmark: ingest throughput (workers 1 and 2) against `warta analyze` alone, store size,
search latency (one word, three words, phrase) and duplicate clustering time."""

from __future__ import annotations

import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from generate import query_words, write_jsonl


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(cmd: list[str], cpu: dict[str, float] | None = None, key: str = "") -> float:
    """Wall-clock seconds of a command; its CPU seconds (all its processes) go to ``cpu[key]``."""
    c0, t0 = _cpu(), time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    if cpu is not None:
        cpu[key] = round(_cpu() - c0, 1)
    return wall


def _latency(fn: Any, queries: list[str]) -> dict[str, float]:
    times = []
    for q in queries:
        t0 = time.perf_counter()
        fn(q)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return {"p50_ms": round(statistics.median(times), 2), "p95_ms": round(times[int(len(times) * 0.95) - 1], 2),
            "queries": len(times)}


def bench_store(n: int, extra: list[str] | None = None, keep: Path | None = None) -> dict[str, Any]:
    """``keep``: copy the one-worker store there (for the web benchmark)."""
    import warta
    from warta.store.duplicates import find_duplicates

    extra = extra or []
    warta_bin = str(Path(sys.executable).with_name("warta"))
    out: dict[str, Any] = {"articles": n, "analyze_flags": extra}
    with tempfile.TemporaryDirectory() as tmp:
        src = write_jsonl(Path(tmp) / "gen.jsonl", n)
        raw = sum(len(json.loads(line)["text"].encode()) for line in src.open(encoding="utf-8"))
        cpu: dict[str, float] = {}
        t_analyze = _run([warta_bin, "analyze", *extra, str(src)], cpu, "analyze")
        out["analyze_articles_per_s"] = round(n / t_analyze, 1)
        for workers in (1, 2):
            db = Path(tmp) / f"w{workers}.db"
            t = _run([warta_bin, "ingest", "--quiet", "--workers", str(workers), "--db", str(db), *extra, str(src)],
                     cpu, f"ingest_workers_{workers}")
            out[f"ingest_workers_{workers}_articles_per_s"] = round(n / t, 1)
        out["cpu_seconds"] = cpu
        # ingest (one process, as `warta analyze`) time over analyze time, minus one: the store's overhead
        out["ingest_overhead_vs_analyze"] = round(out["analyze_articles_per_s"] / out["ingest_workers_1_articles_per_s"]
                                                  - 1, 3)
        out["ingest_cpu_overhead_vs_analyze"] = round(cpu["ingest_workers_1"] / cpu["analyze"] - 1, 3)
        db = Path(tmp) / "w1.db"
        for suffix in ("-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        size = db.stat().st_size
        out["store_bytes"] = size
        out["raw_text_bytes"] = raw
        out["store_over_raw"] = round(size / raw, 2)
        store = warta.open(db, readonly=True)
        rng = random.Random(1)
        words = query_words(rng)
        one = [rng.choice(words) for _ in range(200)]
        three = [" ".join(rng.sample(words, 3)) for _ in range(200)]
        phrase = [f'"{a}"' for a in rng.choices(["harga beras", "jalan tol", "anggaran daerah", "new port",
                                                 "traffic rules", "program vaksinasi"], k=200)]
        out["search_one_word"] = _latency(lambda q: store.search(q, limit=20), one)
        out["search_three_words"] = _latency(lambda q: store.search(q, limit=20), three)
        out["search_phrase"] = _latency(lambda q: store.search(q, limit=20), phrase)
        t0 = time.perf_counter()
        clusters = find_duplicates(store)
        out["duplicates_seconds"] = round(time.perf_counter() - t0, 2)
        out["duplicate_clusters"] = len(clusters)
        store.close()
        if keep is not None:
            import shutil

            shutil.copyfile(db, keep)
    return out


if __name__ == "__main__":
    print(json.dumps(bench_store(int(sys.argv[1]) if len(sys.argv) > 1 else 2000), indent=2))
