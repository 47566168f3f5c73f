from __future__ import annotations

import pytest

from warta.annotators.anatomy.dateline import match_dateline
from warta.api import analyze


@pytest.mark.parametrize(
    ("opening", "place", "agency", "date"),
    [
        ("Moskow (ANTARA) - ", "Moskow", "ANTARA", None),
        ("Jakarta (ANTARA) - ", "Jakarta", "ANTARA", None),
        ("Mataram, NTB (ANTARA News) - ", "Mataram, NTB", "ANTARA News", None),
        ("JAKARTA, KOMPAS.com - ", "JAKARTA", "KOMPAS.com", None),
        ("LOS ANGELES, KOMPAS.com -- ", "LOS ANGELES", "KOMPAS.com", None),
        ("Jakarta, CNN Indonesia -- ", "Jakarta", "CNN Indonesia", None),
        ("TEMPO.CO, Jakarta - ", "Jakarta", "TEMPO.CO", None),
        ("IHRAM.CO.ID, BANJARMASIN -- ", "BANJARMASIN", "IHRAM.CO.ID", None),
        ("KOMPAS.com - ", None, "KOMPAS.com", None),
        ("VIVA.co.id - ", None, "VIVA.co.id", None),
        ("LONDON (Reuters) - ", "LONDON", "Reuters", None),
        ("WASHINGTON, April 28 (Reuters) - ", "WASHINGTON", "Reuters", "April 28"),
        ("HEMPSTEAD, N.Y., Sept. 26 (UPI) — ", "HEMPSTEAD, N.Y.", "UPI", "Sept. 26"),
        ("NEW YORK (AP) — ", "NEW YORK", "AP", None),
        ("PARIS (AFP) - ", "PARIS", "AFP", None),
        ("Washington (AFP) – ", "Washington", "AFP", None),
        ("WASHINGTON, March 4 - ", "WASHINGTON", None, "March 4"),
        ("Jakarta - ", "Jakarta", None, None),
        ("JAKARTA\u00a0(ANTARA)\u00a0–\u00a0", "JAKARTA", "ANTARA", None),
        ("BANDUNG, KOMPAS.com\u00a0—\u00a0", "BANDUNG", "KOMPAS.com", None),
    ],
)
def test_dateline_patterns(opening: str, place: str | None, agency: str | None, date: str | None) -> None:
    text = opening + "Pemerintah mengumumkan kebijakan baru pada hari ini."
    m = match_dateline(text, 0, len(text))
    assert m is not None
    assert (text[slice(*m.place)] if m.place else None) == place
    assert (text[slice(*m.agency)] if m.agency else None) == agency
    assert (text[slice(*m.date)] if m.date else None) == date
    assert text[m.end :].startswith("Pemerintah")


@pytest.mark.parametrize(
    "text",
    [
        "Presiden mengatakan pada Senin bahwa rapat - yang digelar tertutup - berjalan lancar.",
        "The minister said the talks were constructive.",
        "Harga beras naik 5 persen - tertinggi tahun ini.",
    ],
)
def test_dateline_absent_in_plain_sentences(text: str) -> None:
    assert match_dateline(text, 0, len(text)) is None


def test_dateline_record_offsets_and_body_start() -> None:
    text = "WASHINGTON, April 28 (Reuters) - The Senate passed the bill on Monday.\nIt now goes to the House."
    record = analyze(text)
    d = record.dateline
    assert d is not None
    assert (d.place, d.agency, d.date) == ("WASHINGTON", "Reuters", "April 28")
    assert text[d.start : d.end] == d.text == "WASHINGTON, April 28 (Reuters) -"
    assert d.place_span is not None and text[d.place_span.start : d.place_span.end] == "WASHINGTON"
    assert record.body[0].text.startswith("The Senate")


def test_dateline_on_its_own_line_is_not_body() -> None:
    text = (
        "JAKARTA, KOMPAS.com -\nHarga cabai naik tajam di pasar tradisional.\nPedagang mengeluhkan pasokan."
    )
    record = analyze(text)
    assert record.dateline is not None and record.dateline.agency == "KOMPAS.com"
    assert [p.text for p in record.body] == [
        "Harga cabai naik tajam di pasar tradisional.",
        "Pedagang mengeluhkan pasokan.",
    ]


def test_dateline_after_title() -> None:
    text = "Harga cabai melonjak jelang Lebaran\nJakarta - Harga cabai rawit di Jakarta naik dua kali lipat."
    record = analyze(text)
    assert record.title == "Harga cabai melonjak jelang Lebaran"
    assert record.dateline is not None and record.dateline.place == "Jakarta"
    assert len(record.body) == 1
