"""The shipped pipelines: lazy loading, entities and news tokenisation.

These tests need only the models inside the package (never ``../shared``), so they never skip.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from warta import models


@pytest.fixture(scope="module", params=["id", "en"])
def nlp(request: pytest.FixtureRequest) -> Language:
    pipeline = models.load(request.param)
    assert pipeline is not None, (
        f"shipped model for {request.param!r} missing in {models.model_path(request.param)}"
    )
    return pipeline


def test_available_lists_both_languages() -> None:
    assert models.available() == ["id", "en"]


def test_load_is_cached_per_process() -> None:
    assert models.load("id") is models.load("id")


def test_unknown_or_missing_language_gives_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert models.load("xx") is None
    monkeypatch.setattr(models, "MODELS_DIR", tmp_path)
    assert models.available() == []
    assert models.load.__wrapped__("id") is None  # bypass the per-process cache


def test_pipeline_components(nlp: Language) -> None:
    assert {"tok2vec", "morphologizer", "parser", "ner"} <= set(nlp.pipe_names)
    assert set(nlp.get_pipe("ner").labels) == {"PER", "ORG", "LOC"}


def test_model_size_under_limit() -> None:
    for lang in models.available():
        size = sum(f.stat().st_size for f in models.model_path(lang).rglob("*") if f.is_file())
        assert size <= 40_000_000, f"{lang}: {size / 1e6:.1f} MB"


def test_indonesian_person_found() -> None:
    nlp = models.load("id")
    assert nlp is not None
    # Invented sentence and people.
    doc = nlp(
        "Menteri Perikanan Rahmat Sudrajat mengatakan kepada wartawan di Makassar, Senin (26/4), "
        "bahwa ekspor udang naik Rp1,5 triliun."
    )
    people = [e.text for e in doc.ents if e.label_ == "PER"]
    assert any("Sudrajat" in p for p in people), [(e.text, e.label_) for e in doc.ents]
    assert "(26/4)" not in [t.text for t in doc] and "26/4" in [t.text for t in doc]
    assert [t.text for t in doc][-4:-1] == ["Rp", "1,5", "triliun"]


def test_english_person_found() -> None:
    nlp = models.load("en")
    assert nlp is not None
    # Invented sentence and people.
    doc = nlp("Finance minister Margaret Okafor told reporters in Nairobi on Tuesday that exports had grown.")
    people = [e.text for e in doc.ents if e.label_ == "PER"]
    assert any("Okafor" in p for p in people), [(e.text, e.label_) for e in doc.ents]


def test_syntax_annotations(nlp: Language) -> None:
    doc = nlp("Presiden AS tiba di Jl. Sudirman No. 5. Ia disambut Sputnik-OANA.")
    assert doc.has_annotation("DEP") and doc.has_annotation("POS")
    assert len(list(doc.sents)) >= 1
    assert {"Jl.", "No.", "AS", "Sputnik-OANA"} <= {t.text for t in doc}


def test_strings_hold_only_labels(nlp: Language) -> None:
    """The shipped vocabulary keeps only label and feature strings (not the training words), and every
    annotation still reads as a string."""
    lang = nlp.lang
    strings = json.loads((models.model_path(lang) / "vocab" / "strings.json").read_text(encoding="utf-8"))
    assert 0 < len(strings) < 2000
    assert "PER" in strings and any(s.startswith("POS=") for s in strings)
    text = {"id": "Gubernur Sri Wahyuni meresmikan jembatan di Kupang.", "en": "Mayor Ana Ruiz opened a bridge."}
    doc = nlp(text[lang])
    assert all(t.pos_ and t.dep_ for t in doc)
    morphs = [str(t.morph) for t in doc]  # features read back as strings ("Number=Sing")
    if lang == "en":  # the Indonesian model mostly leaves features out (see its card)
        assert any("=" in m for m in morphs)
    assert all(e.label_ in {"PER", "ORG", "LOC"} for e in doc.ents)
