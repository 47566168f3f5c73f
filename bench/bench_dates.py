"""Date throughput: articles/s for the dates and published annotators over a set of texts.

    python bench/bench_dates.py [DIR_OF_TXT ...]      (default: a few synthetic articles)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from warta.annotators.anatomy import AnatomyAnnotator
from warta.annotators.dates import DatesAnnotator
from warta.annotators.dates.extract import find_candidates
from warta.annotators.published import PublishedAnnotator
from warta.document import Document
from warta.readers.base import RawArticle

_SYNTHETIC = [
    "JAKARTA, KOMPAS.com - Pemerintah menutup jalan pada Senin (20/10/2025). Air surut kemarin sore, "
    "dan festival akan digelar Sabtu (25/10/2025) pukul 19.00 WIB. Proyek dimulai tahun 2023.\n" * 3,
    "WASHINGTON, March 4 - The committee said on Tuesday it would meet next week; prices rose 3% last "
    "year and fell in December, officials said yesterday.\n" * 3,
]


def bench_dates(texts: list[str] | None = None, *, repeat: int = 3) -> dict[str, float]:
    """Articles per second for published + dates (anatomy is run beforehand and not timed)."""
    texts = texts or _SYNTHETIC
    docs = []
    for text in texts:
        doc = Document(article=RawArticle(text=text))
        doc.fields["lang"] = "en" if " the " in text else "id"
        doc.fields.update(AnatomyAnnotator().find(doc))
        docs.append(doc)
    published, dates = PublishedAnnotator(), DatesAnnotator()
    n = 0
    t0 = time.perf_counter()
    for _ in range(repeat):
        find_candidates.cache_clear()
        for doc in docs:
            fields = dict(doc.fields)
            doc.fields.update(published.find(doc))
            dates.find(doc)
            doc.fields = fields
            n += 1
    elapsed = time.perf_counter() - t0
    return {"articles": float(n), "seconds": round(elapsed, 4), "articles_per_s": round(n / elapsed, 1)}


def main(argv: list[str]) -> int:
    texts = [p.read_text(encoding="utf-8") for d in argv for p in sorted(Path(d).glob("*.txt"))]
    print(bench_dates(texts or None))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
