"""The dates annotator: every pattern in Indonesian and English, on sentences written for these tests."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from warta.annotators.anatomy import AnatomyAnnotator
from warta.annotators.dates import DatesAnnotator, find_dates
from warta.annotators.dates.resolve import weekday_date
from warta.annotators.published import PublishedAnnotator
from warta.document import Document
from warta.pipeline import Pipeline
from warta.readers.base import RawArticle
from warta.record import DateMention


def dates_in(text: str, lang: str, ref: date | None) -> list[DateMention]:
    return find_dates(text, ((0, len(text)),), lang, ref)


def values(text: str, lang: str, ref: date | None = date(2025, 4, 28)) -> dict[str, str | None]:
    found = dates_in(text, lang, ref)
    for d in found:
        assert text[d.start:d.end] == d.text
    return {d.text: d.value for d in found}


MONDAY = date(2025, 4, 28)  # a Monday


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Polisi menangkap tersangka pada Senin (28/4).", {"Senin (28/4)": "2025-04-28"}),
        ("Acara itu digelar Sabtu, 26 April 2025, di Bandung.", {"Sabtu, 26 April 2025": "2025-04-26"}),
        ("Rapat berlangsung pada 26/4 di gedung DPR.", {"26/4": "2025-04-26"}),
        ("Hal itu disampaikan di Jakarta (21/10/2025).", {"(21/10/2025)": "2025-10-21"}),
        ("Menteri meresmikan jembatan itu pada Senin.", {"Senin": "2025-04-28"}),
        ("Banjir melanda desa itu kemarin.", {"kemarin": "2025-04-27"}),
        ("Harga beras naik sejak pekan lalu.", {"pekan lalu": "2025-04-21/2025-04-27"}),
        ("Tarif baru berlaku bulan depan.", {"bulan depan": "2025-05"}),
        ("Angka itu lebih rendah dari tahun lalu.", {"tahun lalu": "2024"}),
        ("Korban ditemukan 2 hari lalu di sungai.", {"2 hari lalu": "2025-04-26"}),
        ("Kapal itu tenggelam dua pekan lalu.", {"dua pekan lalu": "2025-04-14"}),
        ("Polisi memeriksa saksi pada hari ini.", {"hari ini": "2025-04-28"}),
        ("Gempa terjadi tadi pagi di Lombok.", {"tadi pagi": "2025-04-28"}),
        ("Jalan itu rusak sejak tahun 2023.", {"tahun 2023": "2023"}),
        ("Kontrak itu diteken pada Agustus lalu.", {"Agustus lalu": "2024-08"}),
        ("Pemilu digelar pada Februari 2024.", {"Februari 2024": "2024-02"}),
        ("Utang itu tercatat hingga akhir Maret 2025.", {"akhir Maret 2025": "2025-03-31"}),
        ("Sidang ditunda hingga 18 Mei mendatang.", {"18 Mei mendatang": "2025-05-18"}),
        ("Pendaftaran dibuka 13-25 Februari 2025.", {"13-25 Februari 2025": "2025-02-13/2025-02-25"}),
        ("Ia menjabat direktur tahun 2018-2022.", {"tahun 2018-2022": "2018/2022"}),
    ],
)
def test_indonesian_patterns(sentence: str, expected: dict[str, str]) -> None:
    got = values(sentence, "id")
    for text, value in expected.items():
        assert got.get(text) == value, got


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The minister spoke on Monday in Geneva.", {"Monday": "2025-04-28"}),
        ("Prices rose sharply last week, traders said.", {"last week": "2025-04-21/2025-04-27"}),
        ("The deal was signed on April 26 in Paris.", {"April 26": "2025-04-26"}),
        ("Talks resumed March 4, officials said.", {"March 4": "2025-03-04"}),
        ("Debt stood at $10 billion as of March 31, 2025.", {"March 31, 2025": "2025-03-31"}),
        ("Reserves fell by the end of March 2025.", {"end of March 2025": "2025-03-31"}),
        ("Output dropped in February.", {"February": "2025-02"}),
        ("Exports fell in December.", {"December": "2024-12"}),
        ("The strike began last Friday.", {"last Friday": "2025-04-25"}),
        ("He said yesterday that the plan was dead.", {"yesterday": "2025-04-27"}),
        ("Sales rose last year.", {"last year": "2024"}),
        ("The company was founded in 2012.", {"2012": "2012"}),
        ("The vote is set for Sept. 8.", {"Sept. 8": "2025-09-08"}),
        ("Sunday’s rally drew thousands.", {"Sunday’s": "2025-04-27"}),
        ("The plant closed two days ago.", {"two days ago": "2025-04-26"}),
        ("The fleet will sail Tuesday night.", {"Tuesday night": "2025-04-29"}),
        ("The building was renovated last fall.", {"last fall": "2024"}),
    ],
)
def test_english_patterns(sentence: str, expected: dict[str, str]) -> None:
    got = values(sentence, "en")
    for text, value in expected.items():
        assert got.get(text) == value, got


def test_times_with_time_zones() -> None:
    text = "Gempa terjadi Senin (28/4) pukul 14.00 WIB, lalu susulan pukul 15.30 WITA dan pukul 16.05 WIT."
    got = values(text, "id")
    assert got["pukul 14.00 WIB"] == "2025-04-28T14:00+07:00"
    assert got["pukul 15.30 WITA"] == "2025-04-28T15:30+08:00"
    assert got["pukul 16.05 WIT"] == "2025-04-28T16:05+09:00"


def test_time_without_a_day_is_left_out() -> None:
    assert values("Truk dilarang melintas dari pukul 06.00 hingga 22.00 WIB.", "id") == {}


def test_same_day_is_the_day_the_story_is_about() -> None:
    text = ("Presiden berpidato pada Senin. Serangan terjadi pada 26 April. "
            "Sebelumnya pada hari yang sama, menteri tiba.")
    assert values(text, "id")["hari yang sama"] == "2025-04-28"


@pytest.mark.parametrize("text", ["Batas pembayaran 31 Februari 2025.", "Sidang pada 31 Februari.",
                                  "Rapat pada Kamis (31/2/2025).", "Deadline is February 30."])
def test_impossible_dates_do_not_crash_and_give_no_value(text: str) -> None:
    lang = "en" if text.startswith("Deadline") else "id"
    for d in dates_in(text, lang, MONDAY):
        assert d.value is None or not d.value.endswith(("-02-31", "-02-30"))


def test_weekday_contradicting_its_date_is_left_out() -> None:
    assert "Senin (7/5/2025)" not in values("Kurs dibuka Senin (7/5/2025) menguat.", "id")


def test_year_typo_falls_back_to_the_reference_year() -> None:
    got = values("Ia ditangkap Rabu (4/11/205) malam.", "id", date(2015, 11, 4))
    assert got["Rabu (4/11/205)"] == "2015-11-04"


def test_deictic_words_inside_quotes_are_left_out() -> None:
    got = values('"Kami sudah bertemu kemarin," kata Budi, Senin.', "id")
    assert "kemarin" not in got
    assert got["Senin"] == "2025-04-28"


def test_numbers_that_are_not_years() -> None:
    got = values("Sebanyak 2000 orang hadir; UU No 31 Tahun 1999 berlaku; harga Rp 2025 per lembar.", "id")
    assert got == {}
    assert values("The 1,500 workers met 2,000 people.", "en") == {}


def test_names_that_look_like_dates() -> None:
    assert "Today" not in values("A reporter for USA Today saw them.", "en")
    assert values("Saya butuh tiga minggu untuk itu.", "id") == {}


def test_article_with_no_dates() -> None:
    assert dates_in("Kucing itu tidur di atas meja dan tidak bangun.", "id", MONDAY) == []
    assert dates_in("The cat slept on the table and did not wake up.", "en", MONDAY) == []


def test_unresolved_without_reference_date() -> None:
    got = values("Rapat digelar pada Senin, 12 Mei 2025, dan kemarin.", "id", None)
    assert got["Senin, 12 Mei 2025"] == "2025-05-12"
    assert got["kemarin"] is None


def test_weekday_resolution_rules() -> None:
    assert weekday_date(MONDAY, 0) == MONDAY
    assert weekday_date(MONDAY, 6) == date(2025, 4, 27)
    assert weekday_date(MONDAY, 1, future=True) == date(2025, 4, 29)
    assert weekday_date(MONDAY, 0, direction="past") == date(2025, 4, 21)
    assert weekday_date(MONDAY, 0, direction="future") == date(2025, 5, 5)


def _annotate(text: str, published: str | None = None, lang: str = "id") -> tuple[Document, dict]:
    doc = Document(article=RawArticle(text=text, published=published, lang=lang))
    doc.fields["lang"] = lang
    doc.fields.update(AnatomyAnnotator().find(doc))
    doc.fields.update(PublishedAnnotator().find(doc))
    return doc, DatesAnnotator().find(doc)


def test_annotator_reads_body_and_dateline_not_credits_or_copyright() -> None:
    text = ("JAKARTA, KOMPAS.com - Gubernur meninjau banjir pada Senin (28/4/2025).\n\n"
            "Banjir surut kemarin, katanya.\n\n"
            "Editor: Budi Santoso, 12 Januari 2024\n\n"
            "Copyright © 2025")
    doc, found = _annotate(text)
    got = {d.text: d.value for d in found["dates"]}
    assert got == {"Senin (28/4/2025)": "2025-04-28", "kemarin": "2025-04-27"}
    for d in found["dates"]:
        assert doc.text[d.start:d.end] == d.text


def test_pipeline_output_offsets_are_honest() -> None:
    text = ("WASHINGTON, April 28 (Reuters) - The senator said on Monday that talks would resume "
            "next week, after a meeting last Friday.")
    rec = Pipeline().annotate(RawArticle(text=text, published="2025-04-28", lang="en"))
    assert rec.dates
    for d in rec.dates:
        assert rec.text[d.start:d.end] == d.text
    by_text = {d.text: d for d in rec.dates}
    assert by_text["last Friday"].value == "2025-04-25"
    assert by_text["last Friday"].relative_to == "2025-04-28"


SEED = Path(__file__).resolve().parents[4] / "shared" / "seed"


@pytest.mark.shared
@pytest.mark.skipif(not SEED.is_dir(), reason="needs ../shared/seed (the seed article and its gold record)")
def test_seed_dates_match_gold() -> None:
    text_path = next(SEED.glob("*.txt"))
    gold = json.loads(text_path.with_suffix(".gold.json").read_text(encoding="utf-8"))
    rec = Pipeline().annotate(RawArticle(text=text_path.read_text(encoding="utf-8")))
    assert rec.published is not None and rec.published.date == gold["published"]
    got = {(d.text, d.value) for d in rec.dates}
    assert {(g["text"], g["value"]) for g in gold["dates"]} <= got
