"""`make bench`: throughput and memory of warta, written to bench/results.json.

Sections (each a benchmark, never a test):
- anatomy alone in one process (target ≥ 2,000 articles/s on one core);
- `warta analyze` over generated articles, rule-based and full (articles/s, words/s, peak RSS);
- dates + published, places (gazetteer load time and memory, lookups/s, entities/s), quotes on a
  200-paragraph article (words/s: the annotator stays linear);
- the corpus store (ingest with 1 and 2 workers against analyze alone, store size, search latency,
  duplicate clustering) on BENCH_STORE_N generated articles (default 100,000; set it lower for a quick run);
- the web API's search latency under 20 concurrent clients on that store.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate, write_jsonl  # noqa: E402


def bench_anatomy(n: int) -> dict[str, float]:
    from warta.annotators.anatomy import AnatomyAnnotator
    from warta.annotators.language import LanguageAnnotator
    from warta.pipeline import Pipeline
    from warta.readers import RawArticle

    texts = generate(n)
    pipeline = Pipeline([LanguageAnnotator(), AnatomyAnnotator()])
    pipeline.annotate(RawArticle(text=texts[0]))  # warm up
    t0 = time.perf_counter()
    for text in texts:
        pipeline.annotate(RawArticle(text=text))
    elapsed = time.perf_counter() - t0
    return {"articles": n, "seconds": round(elapsed, 3), "articles_per_s": round(n / elapsed, 1)}


def bench_cli(n: int, extra: list[str]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        path = write_jsonl(Path(tmp) / "gen.jsonl", n)
        words = sum(len(json.loads(line)["text"].split()) for line in path.open(encoding="utf-8"))
        warta = str(Path(sys.executable).with_name("warta"))
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        t0 = time.perf_counter()
        proc = subprocess.run([warta, "analyze", "--format", "jsonl", *extra, str(path)], capture_output=True,
                              check=False)
        elapsed = time.perf_counter() - t0
        peak_kb = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    records = proc.stdout.count(b"\n")
    return {"command": " ".join(["warta analyze --format jsonl", *extra]), "articles": records,
            "exit_code": proc.returncode, "seconds": round(elapsed, 2), "articles_per_s": round(records / elapsed, 1),
            "words_per_s": round(words / elapsed), "peak_rss_mb": round(peak_kb / 1024, 1)}


def bench_quotes(paragraphs: int = 200) -> dict[str, Any]:
    from warta.annotators.anatomy import AnatomyAnnotator
    from warta.annotators.quotes import QuotesAnnotator
    from warta.document import Document
    from warta.readers import RawArticle

    para = ('"Kami akan terus memantau harga beras di pasar tradisional," kata Menteri Perdagangan Andi Saputra '
            "di Jakarta. Ia menambahkan bahwa pasokan dari daerah sentra produksi masih cukup.")
    text = "\n".join([para] * paragraphs)
    doc = Document(article=RawArticle(text=text))
    doc.fields["lang"] = "id"
    doc.fields.update(AnatomyAnnotator().find(doc))
    doc.fields["entities"] = []
    annotator = QuotesAnnotator()
    t0 = time.perf_counter()
    repeat = 5
    for _ in range(repeat):
        quotes = annotator.find(doc)["quotes"]
    elapsed = (time.perf_counter() - t0) / repeat
    return {"paragraphs": paragraphs, "words": len(text.split()), "quotes": len(quotes),
            "seconds": round(elapsed, 4), "words_per_s": round(len(text.split()) / elapsed)}


def _script(name: str, *args: str) -> dict[str, Any]:
    """A benchmark script run in its own process (clean memory figures), its JSON output."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run([sys.executable, str(HERE / name), *args, "--out", out.name], check=True,
                       stdout=subprocess.DEVNULL)
        return json.loads(Path(out.name).read_text())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=HERE / "results.json")
    ap.add_argument("-n", type=int, default=10_000, help="generated articles for the analyze benchmarks")
    ap.add_argument("--store-n", type=int, default=int(os.environ.get("BENCH_STORE_N", "100000")))
    ap.add_argument("--only", help="comma-separated sections to run; the others keep their results from --out")
    args = ap.parse_args()
    from bench_dates import bench_dates
    from bench_store import bench_store

    only = set(args.only.split(",")) if args.only else None
    results: dict[str, Any] = json.loads(args.out.read_text(encoding="utf-8")) if only and args.out.exists() else {}
    results |= {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }
    sections = {
        "anatomy_in_process": lambda: bench_anatomy(args.n),
        "cli_no_models": lambda: bench_cli(args.n, ["--no-models"]),
        "cli_full": lambda: bench_cli(min(args.n, 2_000), []),
        "dates": lambda: bench_dates(generate(500)),
        "places": lambda: _script("bench_places.py"),
        "quotes_200_paragraphs": bench_quotes,
        "store": lambda: bench_store(args.store_n, ["--no-models"], keep=HERE / "store-bench.db"),
        "web": lambda: _script("bench_web.py", "--db", str(HERE / "store-bench.db")),
    }
    if only and only - set(sections):
        ap.error(f"no such section: {', '.join(sorted(only - set(sections)))} (sections: {', '.join(sections)})")
    for name, fn in sections.items():
        if only and name not in only:
            continue
        print(f"bench: {name} ...", file=sys.stderr, flush=True)
        try:
            results[name] = fn()
        except Exception as exc:  # a broken section is reported, the others still run
            results[name] = {"error": f"{type(exc).__name__}: {exc}"}
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
