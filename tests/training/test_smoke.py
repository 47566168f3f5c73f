"""Smoke test of the whole training path: a few steps on ~100 sentences per job, both languages.

Keeps ``training/`` from rotting without training real models (CI never trains full models).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from build_models import main

pytestmark = [pytest.mark.shared, pytest.mark.slow]


def test_build_models_end_to_end_tiny(shared_data: Path, tmp_path: Path) -> None:
    out = tmp_path / "models"
    main(
        [
            "--data", str(shared_data),
            "--work", str(tmp_path / "work"),
            "--out", str(out),
            "--steps", "prepare", "train", "assemble",
            "--limit", "100",
            "--scale", "0.0002",  # 12000 steps -> 2
            "--budget-minutes", "3",
        ]
    )  # fmt: skip
    for lang in ("id", "en"):
        nlp = spacy.load(out / lang)
        assert {"morphologizer", "parser", "ner"} <= set(nlp.pipe_names)
        doc = nlp("Presiden AS bertemu Sputnik-OANA di Jl. Sudirman No. 5 pada Senin (26/4).")
        assert "Sputnik-OANA" in [t.text for t in doc]
        assert doc.has_annotation("DEP")
