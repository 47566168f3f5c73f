"""The published annotator: metadata first, then a date in the text, then inferred from the evidence."""

from __future__ import annotations

from warta.pipeline import Pipeline
from warta.readers.base import RawArticle
from warta.record import Record


def analyse(text: str, published: str | None = None, lang: str | None = None) -> Record:
    rec = Pipeline().annotate(RawArticle(text=text, published=published, lang=lang), fail_fast=True)
    for d in rec.dates:
        assert rec.text[d.start:d.end] == d.text
    p = rec.published
    if p is not None and p.start is not None:
        assert rec.text[p.start:p.end] == p.text
    return rec


LEAD_ID = ("JAKARTA, KOMPAS.com - Pemerintah kota menutup tiga jalan utama karena banjir yang melanda "
           "permukiman warga, Senin (20/10/2025). Wali kota mengatakan air mulai surut kemarin sore.\n\n"
           "Festival budaya akan digelar pada Sabtu (25/10/2025) jika cuaca membaik, kata dia.\n")


def test_metadata_comes_first() -> None:
    rec = analyse(LEAD_ID, published="2025-10-21T08:00:00+07:00")
    assert rec.published is not None
    assert rec.published.source == "metadata"
    assert rec.published.date == "2025-10-21"


def test_lead_date_in_the_text_and_future_dates_ignored() -> None:
    rec = analyse(LEAD_ID, lang="id")
    p = rec.published
    assert p is not None and p.source == "text"
    assert p.date == "2025-10-20"
    assert p.text == "Senin (20/10/2025)"
    values = {d.text: d.value for d in rec.dates}
    assert values["kemarin sore"] == "2025-10-19"
    assert values["Sabtu (25/10/2025)"] == "2025-10-25"


def test_date_line_at_the_top() -> None:
    text = ("Selasa, 23 Februari 2016 15:06 WIB\n"
            "Bandung (ANTARA News) - Pemerintah provinsi meresmikan gedung sekolah baru pada hari ini, "
            "setelah pembangunan yang dimulai tahun lalu dan sempat tertunda karena hujan deras.\n")
    rec = analyse(text, lang="id")
    p = rec.published
    assert p is not None and p.source == "text"
    assert p.date is not None and p.date.startswith("2016-02-23T15:06")
    values = {d.text: d.value for d in rec.dates}
    assert values["hari ini"] == "2016-02-23"
    assert values["tahun lalu"] == "2015"


def test_dateline_with_a_year() -> None:
    text = ("WASHINGTON, March 4, 1987 - The committee said on Tuesday it would hold hearings next month "
            "on the trade bill, which the Senate passed last year.\n")
    rec = analyse(text, lang="en")
    p = rec.published
    assert p is not None and p.source == "text" and p.date == "1987-03-04"
    values = {d.text: d.value for d in rec.dates}
    assert values["Tuesday"] == "1987-03-03"
    assert values["next month"] == "1987-04"
    assert values["last year"] == "1986"


def test_inferred_from_weekday_day_month_and_copyright_year() -> None:
    text = ("Berlin (ANTARA) - Kanselir Jerman pada Senin mengumumkan paket bantuan baru bagi petani "
            "yang terdampak kekeringan panjang di wilayah timur negara itu.\n"
            "Kekeringan memuncak pada 26 April, ketika sungai-sungai utama hampir kering, kata dia.\n"
            "Sebelumnya pada hari yang sama, parlemen menyetujui anggaran darurat.\n"
            "Editor: Siti Rahma\n"
            "Copyright © ANTARA 2025\n")
    rec = analyse(text, lang="id")
    p = rec.published
    assert p is not None and p.source == "inferred"
    assert p.date == "2025-04-28"
    assert p.reasoning and "26 April" in p.reasoning and "Senin" in p.reasoning
    values = {d.text: d.value for d in rec.dates}
    assert values == {"Senin": "2025-04-28", "26 April": "2025-04-26", "hari yang sama": "2025-04-28"}


def test_no_year_anywhere_leaves_published_empty() -> None:
    text = ("LONDON, March 4 - The bank said on Monday it would cut its base rate by half a point, "
            "the second cut this year, dealers said.\n"
            "Reuter\n")
    rec = analyse(text, lang="en")
    assert rec.published is None
    values = {d.text: d.value for d in rec.dates}
    assert values["March 4"] is None
    assert values["Monday"] is None


def test_article_without_any_date() -> None:
    text = "Kucing itu tidur sepanjang hari di atas meja kayu dan tidak bangun ketika tamu datang.\n"
    rec = analyse(text, lang="id")
    assert rec.published is None
    assert rec.dates == []
