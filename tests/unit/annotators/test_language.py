from __future__ import annotations

import pytest

from warta.annotators.language import identify_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Presiden mengatakan bahwa pemerintah akan menaikkan anggaran untuk pendidikan pada tahun depan, "
            "dan menteri juga menyampaikan hal yang sama kepada para wartawan di Jakarta.",
            "id",
        ),
        (
            "The president said on Monday that the government would raise the budget for education next year, "
            "and the minister told reporters the plan was affordable.",
            "en",
        ),
        (
            "Der Präsident sagte am Montag, dass die Regierung das Budget für Bildung im nächsten Jahr erhöhen wird.",
            "de",
        ),
        ("Harga beras naik.", "id"),
        ("", "und"),
        ("12345 !!! ...", "und"),
    ],
)
def test_identify_language(text: str, lang: str) -> None:
    assert identify_language(text)[0] == lang
