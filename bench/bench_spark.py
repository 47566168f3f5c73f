"""`make bench-spark`: warta on Spark in local mode against a plain process pool, written to
bench/results-spark.json.

On N generated articles (bench/generate.py, one JSONL file): Spark local[1] and local[2] throughput
(`warta spark analyze` to Parquet), `warta ingest --workers 2` on the same input (into SQLite) and a
multiprocessing.Pool(2) over warta.api (records serialised to JSON, not written), scaling efficiency
1 -> 2 cores, Spark's start-up overhead (session, then a 4-article job that starts the Python workers and
loads the pipeline), and peak RSS (the whole process tree, and the largest Python worker: what one executor
core needs).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from multiprocessing import Pool
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import write_jsonl  # noqa: E402


def _tree_rss() -> dict[str, int]:
    """RSS in bytes of this process's descendants: all, the JVM, the largest Python worker, all workers."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            fields = stat[stat.rindex(")") + 2:].split()
            parents[int(entry)] = int(fields[1])
            rss[int(entry)] = int(fields[21]) * page
        except (OSError, ValueError, IndexError):
            continue
    me = os.getpid()
    tree, frontier = {me}, [me]
    while frontier:
        pid = frontier.pop()
        for child, parent in parents.items():
            if parent == pid and child not in tree:
                tree.add(child)
                frontier.append(child)
    jvm, workers = 0, []
    for pid in tree - {me}:
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if b"java" in cmd.split(b"\0", 1)[0]:
            jvm += rss.get(pid, 0)
        else:
            workers.append(rss.get(pid, 0))
    return {
        "tree": sum(rss.get(p, 0) for p in tree),
        "jvm": jvm,
        "largest_worker": max(workers, default=0),
        "workers": sum(workers),
    }


class PeakRSS:
    """Samples the process tree's RSS every ``interval`` seconds while in the block."""

    def __init__(self, interval: float = 0.5) -> None:
        self.interval = interval
        self.peak: dict[str, int] = {}
        self._stop = threading.Event()

    def _run(self) -> None:
        while not self._stop.is_set():
            for key, value in _tree_rss().items():
                self.peak[key] = max(self.peak.get(key, 0), value)
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakRSS:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def report(self) -> dict[str, float]:
        """Peaks in MiB: the driver and all its children; the JVM; one Python worker; all workers."""
        names = {"tree": "peak_rss_total_mb", "jvm": "peak_rss_jvm_mb",
                 "largest_worker": "peak_rss_per_python_worker_mb", "workers": "peak_rss_python_workers_mb"}
        return {names[k]: round(v / 2**20, 1) for k, v in self.peak.items()}


def _chunk_worker(lines: list[str]) -> int:
    from warta.api import analyze_items
    from warta.readers.jsonl import read_jsonl

    data = "\n".join(lines).encode("utf-8")
    for record in analyze_items(read_jsonl(data, "bench.jsonl")):
        json.dumps(record.to_dict(), ensure_ascii=False)
    return len(lines)


def _path_throughput(label: str, n: int, run: Callable[[], int]) -> dict[str, Any]:
    """One single-machine path over the n articles: ``run`` returns how many it did; rate and peak RSS."""
    with PeakRSS() as peak:
        t0 = time.perf_counter()
        done = run()
        elapsed = time.perf_counter() - t0
    return {
        "path": label,
        "articles": done,
        "seconds": round(elapsed, 2),
        "articles_per_s": round(n / elapsed, 1),
        **peak.report(),
    }


def bench_pool(path: Path, n: int, workers: int = 2, chunk: int = 200) -> dict[str, Any]:
    lines = path.read_text(encoding="utf-8").splitlines()
    chunks = [lines[i:i + chunk] for i in range(0, len(lines), chunk)]

    def run() -> int:
        with Pool(workers) as pool:
            return sum(pool.imap_unordered(_chunk_worker, chunks))

    return _path_throughput(f"multiprocessing.Pool({workers}) over warta.api (records to JSON, not written)", n, run)


def bench_ingest(path: Path, n: int, workers: int = 2) -> dict[str, Any]:
    """`warta ingest --workers N` on the same input, into a fresh store (the single-machine path)."""
    warta_bin = str(Path(sys.executable).with_name("warta"))
    db = path.with_name(f"ingest-{workers}.db")

    def run() -> int:
        subprocess.run([warta_bin, "ingest", "--quiet", "--workers", str(workers), "--db", str(db), str(path)],
                       check=True)
        return n

    return _path_throughput(f"warta ingest --workers {workers} (analysed and stored in SQLite)", n, run)


def _timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    t0 = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - t0


def bench_spark(path: Path, n: int, master: str, tmp: Path, small: Path) -> dict[str, Any]:
    from warta.batch import get_spark
    from warta.batch.analyze import analyze_to_parquet

    with PeakRSS() as peak:
        spark, session_s = _timed(lambda: get_spark(master, app_name=f"warta-bench-{master}"))
        _, warmup_s = _timed(lambda: analyze_to_parquet(spark, [str(small)], str(tmp / f"small-{master}")))
        manifest, job_s = _timed(lambda: analyze_to_parquet(spark, [str(path)], str(tmp / f"out-{master}")))
        spark.stop()
    return {
        "master": master,
        "articles": manifest["records"] + manifest["errors"],
        "read_tasks": manifest["read_tasks"],
        "session_start_s": round(session_s, 2),
        "first_small_job_s": round(warmup_s, 2),
        "startup_overhead_s": round(session_s + warmup_s, 2),
        "job_seconds": round(job_s, 2),
        "of_which_read_analyse_write_records_s": manifest["analysis_seconds"],
        "articles_per_s": round(n / job_s, 1),
        "articles_per_s_including_startup": round(n / (job_s + session_s + warmup_s), 1),
        **peak.report(),
    }


def _section(name: str, path: Path, n: int, tmp: Path, small: Path) -> dict[str, Any]:
    load = [round(x, 2) for x in os.getloadavg()]
    t0 = time.perf_counter()
    if name == "pool":
        result = bench_pool(path, n)
    elif name == "ingest":
        result = bench_ingest(path, n)
    else:
        result = bench_spark(path, n, name, tmp, small)
    return {"load_average_before": load, "process_seconds": round(time.perf_counter() - t0, 2), **result}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=HERE / "results-spark.json")
    ap.add_argument("-n", type=int, default=20_000)
    ap.add_argument("--with-pool", action="store_true",
                    help="also time a bare multiprocessing.Pool(2) over warta.api (records not written)")
    ap.add_argument("--section", help=argparse.SUPPRESS)  # one section, in a fresh process (internal)
    ap.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.section:
        tmp = args.data.parent
        print(json.dumps(_section(args.section, args.data, args.n, tmp, tmp / "small.jsonl")))
        return
    tmp = Path(tempfile.mkdtemp(prefix="warta-bench-spark-"))
    sections = {}
    try:
        path = write_jsonl(tmp / "gen.jsonl", args.n)
        write_jsonl(tmp / "small.jsonl", 4)
        # each in a fresh process: its own JVM, clean RSS
        for name in ("ingest", *(["pool"] if args.with_pool else []), "local[1]", "local[2]"):
            proc = subprocess.run(
                [sys.executable, __file__, "--section", name, "--data", str(path), "-n", str(args.n)],
                capture_output=True, text=True, check=True,
            )
            sections[name] = json.loads(proc.stdout.strip().splitlines()[-1])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    ingest, pool, one, two = sections["ingest"], sections.get("pool"), sections["local[1]"], sections["local[2]"]
    results = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "note": "each section in a fresh process, one after another; load_average_before shows what else ran",
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "articles": args.n,
        "ingest_workers_2": ingest,
        **({"pool_2": pool} if pool else {}),
        "spark_local_1": one,
        "spark_local_2": two,
        "scaling_1_to_2": round(two["articles_per_s"] / one["articles_per_s"] / 2, 3),
        **({"spark_local_2_vs_pool_2": round(two["articles_per_s"] / pool["articles_per_s"], 3)} if pool else {}),
        "spark_local_2_vs_ingest_workers_2": round(two["articles_per_s"] / ingest["articles_per_s"], 3),
    }
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
