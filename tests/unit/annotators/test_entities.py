"""Entities: one per referent, titles stripped, short forms merged, on invented articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.api import analyze
from warta.record import Entity, Record
from warta.settings import DEFAULT_SETTINGS, Settings

SHARED = Path(__file__).resolve().parents[4] / "shared"
SEED = SHARED / "seed" / "000_0dae2cce8c8e6931.txt"
NO_MODELS = Settings(use_models=False)

ID_TEXT = (
    "Jakarta (ANTARA) - Menteri Perdagangan Rina Kusuma bertemu Perdana Menteri Malaysia Hasan Rahim di Jakarta "
    "pada Selasa.\n"
    "Rina mengatakan kedua negara sepakat memperluas perdagangan beras. Ia juga menyebut peran Badan Urusan "
    "Logistik (Bulog) dalam kerja sama itu.\n"
    "Bulog akan mengirim beras ke Korsel dan Korea Selatan membalas dengan pupuk, kata Menteri Perdagangan itu.\n"
    "Pewarta: Siti Rahma\n"
    "Editor: Joko Prasetyo\n"
)

EN_TEXT = (
    "SPRINGFIELD (Reuters) - President Alice Morgan of the Riverside Shipping Company met Governor Tom Baker "
    "in Springfield on Monday.\n"
    "Morgan said the National Transport Safety Board (NTSB) had cleared the new ferries. She added that "
    "Baker backed the plan.\n"
    "The NTSB declined to comment.\n"
)


def run(text: str, lang: str, settings: Settings = DEFAULT_SETTINGS) -> Record:
    return analyze(text, lang=lang, settings=settings)


def by_name(record: Record, name: str) -> Entity:
    found = [e for e in record.entities if e.name == name]
    assert len(found) == 1, [(e.type, e.name) for e in record.entities]
    return found[0]


def check_offsets(record: Record) -> None:
    for e in record.entities:
        for m in e.mentions:
            assert record.text[m.start : m.end] == m.text


def test_id_person_title_stripped_and_short_form_merged() -> None:
    r = run(ID_TEXT, "id")
    check_offsets(r)
    rina = by_name(r, "Rina Kusuma")
    assert rina.type == "PER"
    assert rina.title == "Menteri Perdagangan"
    texts = [m.text for m in rina.mentions]
    assert "Rina" in texts and "Ia" in texts
    assert "Menteri Perdagangan" in texts  # "Menteri Perdagangan itu"
    hasan = by_name(r, "Hasan Rahim")
    assert hasan.type == "PER" and hasan.title and "Perdana Menteri" in hasan.title


def test_id_acronym_in_parentheses_and_known_short_forms() -> None:
    r = run(ID_TEXT, "id")
    bulog = by_name(r, "Badan Urusan Logistik")
    assert bulog.type == "ORG" and "Bulog" in bulog.aliases
    assert sum(1 for m in bulog.mentions if m.text == "Bulog") == 2
    korea = by_name(r, "Korea Selatan")
    assert korea.type == "LOC" and "Korsel" in korea.aliases
    assert by_name(r, "Malaysia").type == "LOC"
    assert by_name(r, "Jakarta").type == "LOC"
    assert len([e for e in r.entities if e.name == "Jakarta"]) == 1


def test_id_credits_and_agency_are_entities() -> None:
    r = run(ID_TEXT, "id")
    assert by_name(r, "Siti Rahma").type == "PER"
    assert by_name(r, "Joko Prasetyo").type == "PER"
    assert by_name(r, "ANTARA").type == "ORG"


def test_en_titles_pronouns_and_acronyms() -> None:
    r = run(EN_TEXT, "en")
    check_offsets(r)
    morgan = by_name(r, "Alice Morgan")
    assert morgan.type == "PER" and morgan.title == "President"
    assert {"Morgan", "She"} <= {m.text for m in morgan.mentions}
    baker = by_name(r, "Tom Baker")
    assert baker.title == "Governor" and "Baker" in [m.text for m in baker.mentions]
    ntsb = by_name(r, "National Transport Safety Board")
    assert ntsb.type == "ORG" and len([m for m in ntsb.mentions if m.text == "NTSB"]) == 2
    assert by_name(r, "Riverside Shipping Company").type == "ORG"
    assert by_name(r, "Springfield").type == "LOC"


def test_ids_are_unique_and_rules_work_without_models() -> None:
    r = run(EN_TEXT, "en", NO_MODELS)
    ids = [e.id for e in r.entities]
    assert len(ids) == len(set(ids))
    assert any(e.name == "Alice Morgan" for e in r.entities)


def test_every_quote_speaker_points_at_an_entity_it_names() -> None:
    r = run(ID_TEXT, "id")
    ids = {e.id: e for e in r.entities}
    for q in r.quotes:
        if q.speaker and q.speaker.entity:
            assert q.speaker.name == ids[q.speaker.entity].name


@pytest.mark.shared
@pytest.mark.skipif(
    not SEED.exists(), reason="../shared/seed is absent (the seed article lives outside the repo)"
)
def test_seed_article_entities() -> None:
    r = analyze(SEED.read_text(encoding="utf-8"))
    check_offsets(r)
    putin = by_name(r, "Vladimir Putin")
    assert putin.title == "Presiden Rusia"
    assert any(m.text.startswith("Presiden Rusia") for m in putin.mentions)
    kcna = by_name(r, "Kantor Berita Pusat Korea")
    assert "KCNA" in kcna.aliases
    assert "Korut" in by_name(r, "Korea Utara").aliases


# ---------------------------------------------------------------- precision of people, offices before names


def names_of(record: Record, type_: str) -> list[str]:
    return [e.name for e in record.entities if e.type == type_]


def test_id_office_before_a_person_is_split_off() -> None:
    r = run(
        "Jakarta (ANTARA) - Deputi Penindakan KPK Dodi Pratama dan Pengamat Pasar Keuangan Rina Susanti hadir "
        "dalam diskusi itu. PT Sinar Abadi dan Universitas Gadjah Mada ikut menjadi penyelenggara.\n",
        "id",
        NO_MODELS,
    )
    check_offsets(r)
    people = names_of(r, "PER")
    assert "Dodi Pratama" in people and "Rina Susanti" in people
    assert "KPK" in names_of(r, "ORG")
    assert "PT Sinar Abadi" in names_of(r, "ORG") and "Universitas Gadjah Mada" in names_of(r, "ORG")
    assert not [e for e in r.entities if "Keuangan" in e.name]


def test_id_common_nouns_are_not_people() -> None:
    r = run(
        "Jakarta (ANTARA) - Putusan Peninjauan Kembali itu dibacakan hakim. Reformasi Birokrasi Sudah Lama "
        "dibahas, dan Pemberantasan Tindak Pidana Korupsi tetap menjadi prioritas Menteri Hukum Andi Saputra.\n",
        "id",
        NO_MODELS,
    )
    assert names_of(r, "PER") == ["Andi Saputra"]


def test_en_common_word_pairs_are_not_people() -> None:
    r = run(
        "SPRINGFIELD (Reuters) - The Risk Management office and the Good Morning Springfield show praised the "
        "Presidential Debates plan, and Iraqi Brigade units were not involved. Free Enterprise was the motto.\n",
        "en",
        NO_MODELS,
    )
    assert names_of(r, "PER") == []


def test_en_lowercase_title_before_name_and_surname_in_place_context() -> None:
    r = run(
        "SPRINGFIELD (Reuters) - Governor Alice Morgan opened the bridge. Bridge spokeswoman Jane Doe said "
        "the toll would stay at two dollars. Protesters shouted at Morgan.\n",
        "en",
        NO_MODELS,
    )
    assert "Jane Doe" in names_of(r, "PER")
    morgan = by_name(r, "Alice Morgan")
    assert [m.text for m in morgan.mentions].count("Morgan") == 1  # "at Morgan" is the governor, not a place
    assert "Morgan" not in names_of(r, "LOC")


@pytest.mark.parametrize(
    ("text", "lang", "places"),
    [
        ("Warga mengungsi setelah erupsi Gunung Baru Jari pada Senin pagi.", "id", ["Gunung Baru Jari"]),
        ("Vaksinasi digelar di Puskesmas Melati Kota Samarinda pada Selasa.", "id",
         ["Puskesmas Melati", "Kota Samarinda"]),
        ("Konser itu digelar di Wembley Stadium, London, pekan lalu.", "id", ["Wembley Stadium", "London"]),
        ("Instead, the senator was in New York for the whole week.", "en", ["New York"]),
    ],
)
def test_place_names_with_kind_words_and_openers(text: str, lang: str, places: list[str]) -> None:
    record = analyze(text, lang=lang)
    assert [e.name for e in record.entities if e.type == "LOC"] == places


@pytest.mark.parametrize("settings", [NO_MODELS, DEFAULT_SETTINGS], ids=["rules", "models"])
def test_id_nickname_after_alias_is_the_same_person(settings: Settings) -> None:
    # Invented people.
    r = run(
        "Lhokseumawe (ANTARA) - Polisi menyerahkan Darmawan (37) alias Kobra ke kejaksaan pada Senin. "
        "Kobra ditangkap bersama senjatanya, kata Kapolres Teguh Santoso.\n",
        "id",
        settings,
    )
    person = by_name(r, "Darmawan")
    assert person.type == "PER" and "Kobra" in person.aliases
    assert "Kobra" not in names_of(r, "PER")
    check_offsets(r)


def test_model_does_not_type_words_that_only_open_sentences() -> None:
    # Invented article: "Senyum" (smile) opens a sentence and is used nowhere else.
    r = run(
        "Jakarta (ANTARA) - Rudi Hartanto, terdakwa kasus itu, tiba di pengadilan pada Selasa. Senyum tak lepas dari "
        "wajahnya ketika ia menyapa wartawan.\n",
        "id",
    )
    assert "Senyum" not in [e.name for e in r.entities]
    assert "Rudi Hartanto" in names_of(r, "PER")


@pytest.mark.parametrize(("signoff", "name"), [("Reuter", "Reuters"), ("REUTER", "Reuters"), ("(AFP)", "AFP")])
def test_agency_signoff_line_is_an_organisation(signoff: str, name: str) -> None:
    # Invented 1980s-style wire story.
    r = run(
        "PORT SELWYN, March 4 - The harbour board said on Tuesday it would close the north pier for repairs.\n\n"
        f"{signoff}\n",
        "en",
        NO_MODELS,
    )
    agency = by_name(r, name)
    assert agency.type == "ORG" and [m.text for m in agency.mentions] == [signoff.strip("()")]
    check_offsets(r)


def test_id_time_zones_ranks_and_common_acronyms_are_not_organisations() -> None:
    # Invented article.
    r = run(
        "Serang (ANTARA) - Kepala Satuan Lalu Lintas Polres Serang Ajun Komisaris Polisi (AKP) Budi Santoso "
        "mengatakan kecelakaan terjadi pukul 10.00 WIB. Rekaman CCTV menunjukkan seorang PNS dan dua WNI "
        "berada di TKP saat itu.\n",
        "id",
    )
    names = [e.name for e in r.entities]
    assert not {"WIB", "AKP", "CCTV", "PNS", "WNI", "TKP"} & set(names), names
    assert "Budi Santoso" in names_of(r, "PER")
    check_offsets(r)


def test_id_a_known_place_is_one_entity_whatever_its_mentions_were_typed() -> None:
    # Invented article: "AS" as a place, as the complement of a title and as an acronym in parentheses.
    r = run(
        "Jakarta (ANTARA) - Nilai tukar dolar Amerika Serikat (AS) menguat pada Senin. Presiden AS Daniel "
        "Harlow mengatakan ekonomi AS tumbuh, dan warga di Amerika Serikat menyambutnya.\n",
        "id",
    )
    same = [e for e in r.entities if e.name == "Amerika Serikat"]
    assert [e.type for e in same] == ["LOC"], [(e.type, e.name) for e in r.entities]
    check_offsets(r)


@pytest.mark.parametrize("office", ["KJRI Jeddah", "KBRI Phnom Penh", "KBRI Kuala Lumpur"])
def test_id_embassy_and_its_city_are_one_organisation(office: str) -> None:
    r = run(f"Jakarta (ANTARA) - {office} menyatakan 12 warga telah dipulangkan pada Senin.\n", "id", NO_MODELS)
    assert office in names_of(r, "ORG"), [(e.type, e.name) for e in r.entities]
    assert not names_of(r, "PER")


@pytest.mark.parametrize("word", ["LSM", "Polisi", "AKBP", "WIB"])
def test_model_only_word_the_rules_never_take_for_a_name_is_dropped(word: str) -> None:
    from warta.annotators.entities import _merge_model
    from warta.annotators.entities.names import NameMention

    text = f"Ia mengaku dari {word} dan bertemu Rudi Hartanto."
    s = text.index(word)
    m = NameMention(s, s + len(word), word, word, s, s + len(word), "ORG", origin="model")
    r = text.index("Rudi")
    person = NameMention(r, r + 13, "Rudi Hartanto", "Rudi Hartanto", r, r + 13, "PER", origin="model")
    kept = _merge_model([], [m, person], set(), text, "id")
    assert [k.name for k in kept] == ["Rudi Hartanto"]
