"""`make bench`: throughput and memory of warta, written to bench/results.json.

Sections: anatomy alone in one process (target ≥ 2,000 articles/s on one core), and the whole
`warta analyze` command over 10,000 generated articles (articles/s, peak RSS).
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


def bench_cli(n: int, extra: list[str]) -> dict[str, float | str]:
    with tempfile.TemporaryDirectory() as tmp:
        path = write_jsonl(Path(tmp) / "gen.jsonl", n)
        warta = str(Path(sys.executable).with_name("warta"))
        t0 = time.perf_counter()
        proc = subprocess.run(
            [warta, "analyze", "--format", "jsonl", *extra, str(path)],
            capture_output=True,
            check=False,
        )
        elapsed = time.perf_counter() - t0
    records = proc.stdout.count(b"\n")
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "command": " ".join(["warta analyze --format jsonl", *extra]),
        "articles": records,
        "exit_code": proc.returncode,
        "seconds": round(elapsed, 2),
        "articles_per_s": round(records / elapsed, 1),
        "peak_rss_mb": round(peak_kb / 1024, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=HERE / "results.json")
    ap.add_argument("-n", type=int, default=10_000)
    args = ap.parse_args()
    results = {
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
        },
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "anatomy_in_process": bench_anatomy(args.n),
        "cli_no_models": bench_cli(args.n, ["--no-models"]),
        "cli_full": bench_cli(min(args.n, 2_000), []),
    }
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
