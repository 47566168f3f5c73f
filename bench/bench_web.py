"""Web benchmark: /api/search latency (p50/p95/p99) under concurrent clients, against `warta serve` on
127.0.0.1 over a store of generated articles (bench/generate.py). Target: p95 ≤ 100 ms with 20 clients on a
100,000-article store.

    python bench/bench_web.py                       # 100,000 articles (builds the store: takes a while)
    python bench/bench_web.py --n 20000             # a quicker run
    python bench/bench_web.py --db existing.db      # reuse a store (--n is then ignored)

Bounded: every client sends a fixed number of requests, only to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import NAMES, ORGS, query_words, write_jsonl  # noqa: E402

WORDS = query_words(random.Random(3))
# Phrase searches: template phrases, which stand in ~45 % of the articles (the worst case: FTS5's bm25 reads every
# match of a phrase to weigh it), and the names people search for, a person's in ~1 % and an organisation's in
# ~25 % of the articles. Latency is reported for each kind of query as well as over the whole mix.
PHRASES = {
    "phrase_template": ["harga beras", "jalan tol", "anggaran daerah", "new port", "traffic rules",
                        "program vaksinasi"],
    "phrase_person": random.Random(4).sample(NAMES, 6),
    "phrase_org": [o for o in ORGS if " " in o],
}
SERVE = "import sys; from warta.cli.serve import serve_command; serve_command(sys.argv[1:])"


def build_store(n: int, db: Path, workers: int) -> float:
    """Generated articles ingested rule-based (the models do not change what search reads); returns seconds."""
    src = write_jsonl(db.with_suffix(".jsonl"), n)
    warta_bin = str(Path(sys.executable).with_name("warta"))
    t0 = time.perf_counter()
    subprocess.run([warta_bin, "ingest", "--quiet", "--no-models", "--workers", str(workers), "--db", str(db),
                    str(src)], check=True)
    src.unlink()
    return time.perf_counter() - t0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int, workers: int, cache_seconds: float) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen([sys.executable, "-c", SERVE, "--db", str(db), "--port", str(port), "--read-only",
                             "--workers", str(workers), "--cache-seconds", str(cache_seconds)])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return proc
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise RuntimeError("warta serve did not start")


def queries(rng: random.Random, k: int) -> list[tuple[str, str]]:
    """``k`` (kind, query) pairs: a third one word, a third two words, a third phrases (of the three kinds in turn)."""
    out = []
    kinds = list(PHRASES)
    for i in range(k):
        if i % 3 == 0:
            out.append(("one_word", rng.choice(WORDS)))
        elif i % 3 == 1:
            out.append(("two_words", " ".join(rng.sample(WORDS, 2))))
        else:
            kind = kinds[(i // 3) % len(kinds)]
            out.append((kind, f'"{rng.choice(PHRASES[kind])}"'))
    return out


def client(port: int, paths: list[tuple[str, str]], times: list[tuple[str, float]], errors: list[str],
           lock: threading.Lock) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    mine: list[tuple[str, float]] = []
    for kind, path in paths:
        t0 = time.perf_counter()
        try:
            conn.request("GET", path)
            resp = conn.getresponse()
            resp.read()
            if resp.status != 200:
                errors.append(f"{resp.status} {path}")
        except (OSError, http.client.HTTPException) as exc:
            errors.append(f"{type(exc).__name__} {path}")
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine.append((kind, (time.perf_counter() - t0) * 1000))
    conn.close()
    with lock:
        times.extend(mine)


def run_load(port: int, path_of: Any, clients: int, per_client: int, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    plans = [[(kind, path_of(q)) for kind, q in queries(rng, per_client)] for _ in range(clients)]
    timed: list[tuple[str, float]] = []
    errors: list[str] = []
    lock = threading.Lock()
    threads = [threading.Thread(target=client, args=(port, plan, timed, errors, lock)) for plan in plans]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0

    def summary(times: list[float]) -> dict[str, Any]:
        times = sorted(times)

        def pct(p: float) -> float:
            return round(times[min(len(times) - 1, int(len(times) * p))], 1)

        return {"requests": len(times), "p50_ms": round(statistics.median(times), 1), "p95_ms": pct(0.95),
                "p99_ms": pct(0.99), "max_ms": round(times[-1], 1)}

    by_kind: dict[str, list[float]] = {}
    for kind, ms in timed:
        by_kind.setdefault(kind, []).append(ms)
    return {"clients": clients, **summary([ms for _, ms in timed]), "errors": len(errors),
            "error_examples": errors[:3], "requests_per_s": round(len(timed) / wall, 1),
            "by_kind": {kind: summary(v) for kind, v in sorted(by_kind.items())}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100_000, help="generated articles in the store")
    parser.add_argument("--db", type=Path, help="use this store instead of building one")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=100, help="requests per client")
    parser.add_argument("--workers", type=int, default=2, help="ingest worker processes when building the store")
    parser.add_argument("--server-workers", type=int, default=os.cpu_count() or 1,
                        help="`warta serve --workers` (default: one per CPU)")
    parser.add_argument("--cache-seconds", type=float, default=0,
                        help="`warta serve --cache-seconds` (default 0 here: every search reaches the store)")
    parser.add_argument("--pages", action="store_true", help="also time the HTML search page (with facets)")
    parser.add_argument("--out", type=Path, help="write the results as JSON here")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        out: dict[str, Any] = {}
        db = args.db
        if db is None:
            db = Path(tmp) / "web.db"
            out["ingest_seconds"] = round(build_store(args.n, db, args.workers), 1)
        import warta

        store = warta.open(db, readonly=True)
        out["articles"] = store.count()
        store.close()
        port = free_port()
        server = start_server(db, port, args.server_workers, args.cache_seconds)
        out["server_workers"] = args.server_workers
        out["cache_seconds"] = args.cache_seconds
        try:
            def api(q: str) -> str:
                return "/api/search?" + urlencode({"q": q, "per_page": 20})

            run_load(port, api, 4, 10 * args.server_workers, seed=99)  # warm-up: page cache, connections, threads
            out["api_search"] = run_load(port, api, args.clients, args.requests, seed=1)
            if args.pages:
                out["search_page"] = run_load(port, lambda q: "/?" + urlencode({"q": q}), args.clients,
                                              max(5, args.requests // 5), seed=2)
        finally:
            server.terminate()
            server.wait(timeout=10)
        out["target_p95_ms"] = 100
        out["meets_target"] = out["api_search"]["p95_ms"] <= 100
    text = json.dumps(out, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
