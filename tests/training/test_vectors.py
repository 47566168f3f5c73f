"""Count-based static vectors (numpy only; no data needed)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import spacy
from vectors import add_gazetteers, name_words, ppmi_svd, write_vectors


def test_ppmi_svd_groups_words_by_context(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    days, towns = ["senin", "selasa", "rabu"], ["bogor", "medan", "solo"]
    sents = []
    for _ in range(300):
        sents.append(["pada", "hari", str(rng.choice(days)), "pagi", "ia", "datang"])
        sents.append(["ia", "tinggal", "di", "kota", str(rng.choice(towns)), "sekarang"])
    words, vecs = ppmi_svd(sents, dim=4, n_context=20)
    assert vecs.shape == (len(words), 4)
    v = dict(zip(words, vecs, strict=True))
    assert float(v["senin"] @ v["rabu"]) > float(v["senin"] @ v["medan"])

    words, vecs = add_gazetteers(words, vecs, {"place": name_words(["Kab. Aceh Selatan", "Bogor"], {"selatan"})})
    assert vecs.shape[1] == 5 and "aceh" in words and "selatan" not in words[-2:]
    assert vecs[words.index("bogor"), 4] > 0 and vecs[words.index("senin"), 4] == 0

    write_vectors("id", words, vecs, tmp_path / "vec")
    nlp = spacy.load(tmp_path / "vec")
    assert nlp("BOGOR Bogor bogor")[0].has_vector and nlp("Bogor")[0].has_vector  # one row, three forms
