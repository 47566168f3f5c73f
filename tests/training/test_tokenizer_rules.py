"""warta's news tokenizer rules, on blank pipelines (no trained model or data needed)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from tokenizer_rules import customize_tokenizer


@pytest.fixture(scope="module", params=["id", "en"])
def nlp(request: pytest.FixtureRequest) -> Language:
    return customize_tokenizer(spacy.blank(request.param))


def tokens(nlp: Language, text: str) -> list[str]:
    return [t.text for t in nlp(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rp1,5 triliun", ["Rp", "1,5", "triliun"]),
        ("US$1.2 billion", ["US$", "1.2", "billion"]),
        ("Senin (26/4).", ["Senin", "(", "26/4", ")", "."]),
        ("pada 26/4/2021 pukul", ["pada", "26/4/2021", "pukul"]),
        ("kantor berita Sputnik-OANA,", ["kantor", "berita", "Sputnik-OANA", ","]),
        ("JAKARTA, KOMPAS.com - Presiden", ["JAKARTA", ",", "KOMPAS.com", "-", "Presiden"]),
        ("Presiden AS Joe", ["Presiden", "AS", "Joe"]),
        ("di Jl. Sudirman No. 5", ["di", "Jl.", "Sudirman", "No.", "5"]),
        ("Rp10.000,- per", ["Rp", "10.000", ",-", "per"]),
        ("datang—lalu", ["datang", "—", "lalu"]),
    ],
)
def test_news_tokens(nlp: Language, text: str, expected: list[str]) -> None:
    assert tokens(nlp, text) == expected


def test_indonesian_abbreviations() -> None:
    nlp = customize_tokenizer(spacy.blank("id"))
    assert tokens(nlp, "PT. Maju Tbk. dan dr. Ani, S.H., M.Si. di Kab. Bogor") == [
        "PT.", "Maju", "Tbk.", "dan", "dr.", "Ani", ",", "S.H.", ",", "M.Si.", "di", "Kab.", "Bogor",
    ]  # fmt: skip
    assert tokens(nlp, "anak-anak ke-2") == ["anak-anak", "ke-2"]
    assert nlp("Jl.")[0].norm_ == "jalan"


def test_rules_survive_serialisation(tmp_path: Path) -> None:
    nlp = customize_tokenizer(spacy.blank("id"))
    nlp.to_disk(tmp_path)
    reloaded = spacy.load(tmp_path)
    assert tokens(reloaded, "Rp1,5 (26/4) Jl. Sputnik-OANA") == [
        "Rp",
        "1,5",
        "(",
        "26/4",
        ")",
        "Jl.",
        "Sputnik-OANA",
    ]
