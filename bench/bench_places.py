"""Places benchmark: gazetteer load time and memory, lookups/s and geocoding throughput; writes JSON.

Usage: ``.venv/bin/python bench/bench_places.py [--out bench/places.json]``
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

NAMES = ["Jakarta", "Moskow", "Jawa Barat", "Kabupaten Bogor", "Georgia", "Victoria", "Padang", "Washington",
         "Wilayah Kursk", "Bandara Internasional Lombok", "Korut", "Tiongkok", "Qwertzuiop", "New York"]


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    from warta.annotators.places import geocode
    from warta.annotators.places.gazetteer import Gazetteer, gazetteer_path
    from warta.annotators.places.resolve import resolve
    from warta.record import Entity

    before = rss_mib()
    t = time.perf_counter()
    g = Gazetteer()
    load = time.perf_counter() - t
    mem = rss_mib() - before
    import warta.annotators.places.gazetteer as gz

    gz._GAZETTEER = g
    n = 20000
    t = time.perf_counter()
    for i in range(n):
        g.lookup_name(NAMES[i % len(NAMES)])
    lookups = n / (time.perf_counter() - t)
    n = 3000
    t = time.perf_counter()
    for i in range(n):
        resolve(NAMES[i % len(NAMES)], None, g)
    resolves = n / (time.perf_counter() - t)
    ents = [Entity(id=f"e{i}", type="LOC", name=nm) for i, nm in enumerate(NAMES[:8])]
    n = 200
    t = time.perf_counter()
    for _ in range(n):
        geocode(ents, None, lang="id")
    per_article = (time.perf_counter() - t) / n
    out = {
        "gazetteer_bytes": gazetteer_path().stat().st_size, "places": len(g), "names": g.n_names,
        "load_seconds": round(load, 3), "memory_mib": round(mem, 1), "lookups_per_s": round(lookups),
        "resolves_per_s": round(resolves), "entities_per_s": round(len(ents) / per_article),
        "articles_per_s_8_places": round(1 / per_article, 1),
    }
    print(json.dumps(out, indent=2))
    if args.out:
        args.out.write_text(json.dumps(out, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
