from __future__ import annotations

import pytest

from warta.api import analyze

BODY = "Jakarta (ANTARA) - Pemerintah menaikkan anggaran pendidikan tahun depan.\n"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Pewarta: Andi Saputra", [("reporter", "Andi Saputra")]),
        ("Penerjemah: M Razi Rahman", [("translator", "M Razi Rahman")]),
        ("Editor: Yuni Sinaga", [("editor", "Yuni Sinaga")]),
        ("Editor : Bayu Galih", [("editor", "Bayu Galih")]),
        ("Redaktur : Agus Wibowo", [("editor", "Agus Wibowo")]),
        ("Reporter: Dewi Lestari", [("reporter", "Dewi Lestari")]),
        ("Penulis: Kontributor Malang, Hadi Susanto", [("reporter", "Hadi Susanto")]),
        ("Fotografer: Rudi Hartono", [("photographer", "Rudi Hartono")]),
        (
            "Pewarta: Andi Saputra | Editor: Sri Wahyuni",
            [("reporter", "Andi Saputra"), ("editor", "Sri Wahyuni")],
        ),
        (
            "Pewarta: Andi Saputra dan Budi Santoso",
            [("reporter", "Andi Saputra"), ("reporter", "Budi Santoso")],
        ),
    ],
)
def test_credit_lines(line: str, expected: list[tuple[str, str]]) -> None:
    text = BODY + line
    record = analyze(text)
    assert [(c.role, c.name) for c in record.credits] == expected
    for c in record.credits:
        assert text[c.start : c.end] == c.text == c.name
    assert len(record.body) == 1


def test_wire_credit_note_at_end_of_paragraph() -> None:
    text = (
        "LONDON (Reuters) - Oil prices rose on Tuesday.\n"
        "Traders expect more volatility. (Reporting by Alex Smith in London; Additional reporting by "
        "Jo Park in Seoul; Writing by Sam Lee; Editing by Kim Brown and Lee Chan)"
    )
    record = analyze(text)
    assert [(c.role, c.name) for c in record.credits] == [
        ("reporter", "Alex Smith"),
        ("reporter", "Jo Park"),
        ("writer", "Sam Lee"),
        ("editor", "Kim Brown"),
        ("editor", "Lee Chan"),
    ]
    assert record.body[-1].text == "Traders expect more volatility."
    for c in record.credits:
        assert text[c.start : c.end] == c.name


def test_byline() -> None:
    text = "By Maria Delgado\n\nNEW YORK (AP) — Stocks fell sharply on Friday as investors weighed new data."
    record = analyze(text)
    assert [(c.role, c.name) for c in record.credits] == [("reporter", "Maria Delgado")]
    assert record.dateline is not None and record.dateline.agency == "AP"
    assert len(record.body) == 1
