"""Source lines, related-article lines, copyright lines and residue."""

from __future__ import annotations

import pytest

from warta.api import analyze

LEAD = "Jakarta (ANTARA) - Pemerintah menaikkan anggaran pendidikan tahun depan.\n"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Sumber: Sputnik-OANA", ["Sputnik", "OANA"]),
        ("Sumber : kemenag.go.id", ["kemenag.go.id"]),
        ("Source: Reuters", ["Reuters"]),
        ("Sumber: The Telegraph", ["The Telegraph"]),
        ("Sumber: Xinhua/ANTARA", ["Xinhua", "ANTARA"]),
    ],
)
def test_source_lines(line: str, names: list[str]) -> None:
    text = LEAD + line
    record = analyze(text)
    assert [s.name for s in record.sources] == names
    assert all(text[s.start : s.end] == s.text for s in record.sources)
    assert len(record.body) == 1


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Dilansir AFP, Senin (20/10/2025), demo berlangsung damai.", "AFP"),
        ("DilansirAFP, Senin (20/10/2025), demo berlangsung damai.", "AFP"),
        ("Dilansir dari Bloomberg, rupiah menguat pagi ini.", "Bloomberg"),
        ("Dikutip dari Reuters, pemerintah menunda rencana itu.", "Reuters"),
        ("Dikutip detikNews dari Antara, kantor itu ditutup.", "Antara"),
        (
            "Hal itu disampaikannya, dikutip dari tayangan [Kompas TV](https://example.org/v), Selasa.",
            "Kompas TV",
        ),
        ("Juru bicara itu menyampaikan kepada AFP bahwa korban bertambah.", "AFP"),
    ],
)
def test_inline_sources(sentence: str, name: str) -> None:
    text = "Harga minyak turun tajam pekan ini.\n" + sentence
    record = analyze(text)
    assert [s.name for s in record.sources] == [name]
    assert all(text[s.start : s.end] == s.text for s in record.sources)


def test_inline_source_needs_an_outlet() -> None:
    text = "Harga minyak turun.\nSeperti dikutip dari situs www.contoh.go.id, rencana itu berjalan."
    assert analyze(text).sources == []


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Baca juga: Korut akui kirim tentara", "Korut akui kirim tentara"),
        ("BACA JUGA: Harga emas naik lagi", "Harga emas naik lagi"),
        ("Simak juga: Banjir rendam Bekasi", "Banjir rendam Bekasi"),
        ('Tonton juga video "Mahasiswa Diwisuda Daring" di sini:', "Mahasiswa Diwisuda Daring"),
        ("Tonton juga Video: Momen Presiden Menyapa Warga", "Momen Presiden Menyapa Warga"),
        ("Lihat juga Video 500 Pegawai Kena PHK, Kenapa?", "500 Pegawai Kena PHK, Kenapa?"),
        ("Read also: Markets slide on rate fears", "Markets slide on rate fears"),
        ("Also read: Markets slide on rate fears", "Markets slide on rate fears"),
        ("READ MORE: Markets slide on rate fears", "Markets slide on rate fears"),
    ],
)
def test_related_lines(line: str, title: str) -> None:
    text = LEAD + line + "\nIa menambahkan bahwa dana itu cukup."
    record = analyze(text)
    assert [r.title for r in record.related] == [title]
    r = record.related[0]
    assert text[r.start : r.end] == r.title
    assert text[r.line.start : r.line.end] == line
    assert len(record.body) == 2


def test_related_title_on_next_line() -> None:
    text = LEAD + "Baca juga:\nHarga emas naik lagi\nIa menambahkan bahwa dana itu cukup."
    record = analyze(text)
    assert [r.title for r in record.related] == ["Harga emas naik lagi"]
    assert len(record.body) == 2


def test_lihat_juga_in_a_sentence_is_body() -> None:
    text = LEAD + "Lihat juga bagaimana warga menyiapkan diri menghadapi musim hujan tahun ini."
    record = analyze(text)
    assert record.related == []
    assert len(record.body) == 2


@pytest.mark.parametrize(
    ("line", "holder", "year"),
    [
        ("Copyright © ANTARA 2025", "ANTARA", 2025),
        ("COPYRIGHT © 2016", None, 2016),
        ("© 2025 Reuters", "Reuters", 2025),
        ("© 2025 Reuters. All rights reserved.", "Reuters", 2025),
        ("Copyright 2025 The Associated Press. All rights reserved.", "The Associated Press", 2025),
        ("Hak cipta © 2024 Harian Contoh", "Harian Contoh", 2024),
    ],
)
def test_copyright_lines(line: str, holder: str | None, year: int) -> None:
    text = LEAD + line
    record = analyze(text)
    c = record.copyright
    assert c is not None
    assert (c.holder, c.year) == (holder, year)
    assert text[c.start : c.end] == c.text == line
    assert len(record.body) == 1


@pytest.mark.parametrize(
    "line",
    [
        "SCROLL TO CONTINUE WITH CONTENT",
        "ADVERTISEMENT",
        "[video.1]",
        "![Ilustrasi banjir](https://example.org/foto.jpg)",
        "(fyk/ash)",
        " Reuter",
        "Warga menyaksikan pertunjukan itu. Foto: Dok. Panitia",
    ],
)
def test_residue_is_not_body(line: str) -> None:
    text = LEAD + line + "\nIa menambahkan bahwa dana itu cukup."
    record = analyze(text)
    assert len(record.body) == 2
    assert line.strip() not in record.clean_text


def test_closing_agency_is_a_source() -> None:
    text = "Harga minyak turun tajam pekan ini karena permintaan melemah.\nANTARA"
    record = analyze(text)
    assert [s.name for s in record.sources] == ["ANTARA"]
    assert len(record.body) == 1
