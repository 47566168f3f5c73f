"""Static word vectors trained on the raw text of warta's own training corpora (no downloads).

Count-based (Levy, Goldberg & Dagan 2015): a word-by-context co-occurrence matrix over a small
window, positive PMI with context-distribution smoothing, then a truncated (randomised) SVD. Needs
only numpy and takes a minute on one core for ~1M words. Rows are lower-cased words, reachable from
their lower/Title/UPPER forms, so the entirely lower-case NERP text and cased news share vectors.

Optionally a few gazetteer dimensions are appended: 1.0 for a word that occurs in a list of names
(e.g. Indonesian region names from ``id-wilayah``, CLDR country names), so the NER model can learn
from words it never saw annotated. Written as a spaCy pipeline directory usable in
``[initialize] vectors`` with ``include_static_vectors = true``.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np


def ppmi_svd(
    sentences: Iterable[Sequence[str]],
    dim: int = 64,
    max_vocab: int = 30000,
    min_count: int = 2,
    n_context: int = 4000,
    window: int = 4,
    seed: int = 0,
) -> tuple[list[str], np.ndarray]:
    """Words (lower-cased) and their unit-length vectors."""
    sents = [[w.lower() for w in s] for s in sentences]
    counts = Counter(w for s in sents for w in s)
    vocab = [w for w, c in counts.most_common(max_vocab) if c >= min_count]
    index = {w: i for i, w in enumerate(vocab)}
    n_ctx = min(n_context, len(vocab))
    rows_list: list[np.ndarray] = []
    cols_list: list[np.ndarray] = []
    for s in sents:
        ids = np.array([index.get(w, -1) for w in s], dtype=np.int64)
        for d in range(1, window + 1):
            if len(ids) <= d:
                break
            a, b = ids[:-d], ids[d:]
            for x, y in ((a, b), (b, a)):
                ok = (x >= 0) & (y >= 0) & (y < n_ctx)
                rows_list.append(x[ok])
                cols_list.append(y[ok])
    rows = np.concatenate(rows_list)
    cols = np.concatenate(cols_list)
    cooc = np.bincount(rows * n_ctx + cols, minlength=len(vocab) * n_ctx).astype(np.float32)
    cooc = cooc.reshape(len(vocab), n_ctx)
    total = cooc.sum()
    p_w = cooc.sum(axis=1, keepdims=True) / total
    ctx = cooc.sum(axis=0) ** 0.75
    p_c = (ctx / ctx.sum())[None, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log((cooc / total) / (p_w * p_c))
    ppmi = np.nan_to_num(np.maximum(pmi, 0.0), nan=0.0, posinf=0.0, neginf=0.0).astype(np.float32)
    # Randomised SVD (Halko et al.), two power iterations.
    rng = np.random.default_rng(seed)
    k = min(dim, n_ctx - 1)
    q = ppmi @ rng.standard_normal((n_ctx, k + 10), dtype=np.float32)
    for _ in range(2):
        q, _ = np.linalg.qr(q)
        q = ppmi @ (ppmi.T @ q)
    q, _ = np.linalg.qr(q)
    u_b, sing, _ = np.linalg.svd(q.T @ ppmi, full_matrices=False)
    vectors = (q @ u_b[:, :k]) * np.sqrt(sing[:k])[None, :]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = vectors / np.maximum(norms, 1e-8)
    return vocab, vectors.astype(np.float32)


def add_gazetteers(
    words: list[str], vectors: np.ndarray, lists: dict[str, set[str]], value: float = 0.5
) -> tuple[list[str], np.ndarray]:
    """Append one indicator dimension per list; words only in a list get a row of their own."""
    extra = sorted({w for names in lists.values() for w in names} - set(words))
    all_words = words + extra
    out = np.zeros((len(all_words), vectors.shape[1] + len(lists)), dtype=np.float32)
    out[: len(words), : vectors.shape[1]] = vectors
    index = {w: i for i, w in enumerate(all_words)}
    for j, names in enumerate(lists.values()):
        for w in names:
            out[index[w], vectors.shape[1] + j] = value
    return all_words, out


def name_words(names: Iterable[str], stop: set[str]) -> set[str]:
    """Lower-cased words of multi-word names, minus very common words (``stop``)."""
    out = set()
    for name in names:
        for w in name.replace("-", " ").split():
            w = w.strip(".,()'\"").lower()
            if len(w) > 2 and w.isalpha() and w not in stop:
                out.add(w)
    return out


def indonesian_places(data: Path) -> tuple[set[str], set[str]]:
    """Region names (id-wilayah, MIT) and country/city exonyms (cldr-id-names, Unicode licence)."""
    regions: list[str] = []
    for name in ("provinces.csv", "regencies.csv", "districts.csv"):
        path = data / "id-wilayah" / name
        if path.exists():
            with path.open(encoding="utf-8") as handle:
                for row in csv.DictReader(handle):
                    regions.append(row["name"].replace("Kab.", "").replace("Kota ", ""))
    world: list[str] = []
    for name in ("territories-id.tsv", "exemplar-cities-id.tsv"):
        path = data / "cldr-id-names" / name
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines()[1:]:  # header row
                world.extend(line.split("\t")[1:2])
    return set(regions), set(world)


def write_vectors(lang: str, words: list[str], vectors: np.ndarray, out: Path) -> Path:
    """A blank spaCy pipeline holding the vectors, one row per lower-cased word."""
    import spacy
    from spacy.strings import get_string_id
    from spacy.vectors import Vectors

    nlp = spacy.blank(lang)
    table = Vectors(strings=nlp.vocab.strings, data=vectors)
    for row, word in enumerate(words):
        # Looked up by ORTH (spaCy does not save a LOWER key attribute), so the lower-case, title-case
        # and upper-case forms of a word all point at its row. Keys are hashes: the forms are not
        # added to the string store, which would only make the shipped pipeline bigger.
        for form in dict.fromkeys((word, word[:1].upper() + word[1:], word.upper())):
            table.add(get_string_id(form), row=row)
    nlp.vocab.vectors = table
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    (out / "vectors-info.json").write_text(
        json.dumps({"words": len(words), "dims": int(vectors.shape[1])}), encoding="utf-8"
    )
    return out
