"""Quotes: every pattern on invented articles, in Indonesian and English."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from warta.api import analyze
from warta.record import Quote, Record

SHARED = Path(__file__).resolve().parents[4] / "shared"
SEED = SHARED / "seed"
SCORE = SHARED / "eval" / "score.py"

ID_INTRO = (
    "Semarang (ANTARA) - Gubernur Jawa Tengah Budi Santoso meresmikan Pasar Rakyat Sidomulyo pada Senin.\n"
)
EN_INTRO = "SPRINGFIELD (Reuters) - Governor Alice Morgan opened the new River Bridge on Monday.\n"


def run(text: str, lang: str) -> Record:
    return analyze(text, lang=lang)


def check_offsets(record: Record) -> None:
    """Every span in the record reproduces its evidence."""

    def walk(obj: object) -> None:
        if isinstance(obj, dict):
            if (
                isinstance(obj.get("start"), int)
                and isinstance(obj.get("end"), int)
                and isinstance(obj.get("text"), str)
            ):
                assert record.text[obj["start"] : obj["end"]] == obj["text"]
            for k, v in obj.items():
                if k != "text":
                    walk(v)
        elif isinstance(obj, list):
            for v in obj:
                walk(v)

    walk(record.to_dict())
    for q in record.quotes:
        assert record.text[q.start : q.end] == q.text
        if q.cue:
            assert record.text[q.cue.start : q.cue.end] == q.cue.text
        if q.speaker and q.speaker.start is not None and q.speaker.end is not None:
            assert record.text[q.speaker.start : q.speaker.end] == q.speaker.text


def only(record: Record, words: str) -> Quote:
    found = [q for q in record.quotes if words in q.text]
    assert len(found) == 1, [q.text for q in record.quotes]
    return found[0]


def speaker(q: Quote) -> str | None:
    return q.speaker.name if q.speaker else None


# ---------------------------------------------------------------- Indonesian


def test_id_direct_with_cue_after() -> None:
    r = run(
        ID_INTRO + '"Pasar ini kami bangun untuk para pedagang kecil," kata Budi kepada wartawan.\n', "id"
    )
    check_offsets(r)
    q = only(r, "Pasar ini")
    assert q.kind == "direct"
    assert q.text == "Pasar ini kami bangun untuk para pedagang kecil,"
    assert speaker(q) == "Budi Santoso"
    assert q.cue and q.cue.text == "kata"


def test_id_curly_and_guillemets() -> None:
    text = (
        ID_INTRO + "“Semua kios sudah terisi penuh sejak pekan lalu,” ujar Budi.\n"
        "«Kami akan menambah kios di sisi timur pasar,» tutur Budi.\n"
    )
    r = run(text, "id")
    check_offsets(r)
    assert speaker(only(r, "Semua kios")) == "Budi Santoso"
    q = only(r, "menambah kios")
    assert q.kind == "direct" and q.cue and q.cue.text == "tutur"


def test_id_split_quote() -> None:
    r = run(
        ID_INTRO + '"Pasar ini milik rakyat kecil," kata Budi, "dan harus dijaga bersama oleh warga."\n', "id"
    )
    check_offsets(r)
    first, second = only(r, "milik rakyat"), only(r, "dijaga bersama")
    assert speaker(first) == speaker(second) == "Budi Santoso"


def test_id_nya_cue_takes_previous_speaker() -> None:
    text = ID_INTRO + (
        "Budi mengatakan bahwa harga beras di pasar akan tetap stabil.\n"
        '"Kami sudah menyiapkan stok untuk tiga bulan ke depan," ujarnya.\n'
    )
    r = run(text, "id")
    check_offsets(r)
    q = only(r, "stok untuk tiga bulan")
    assert speaker(q) == "Budi Santoso" and q.cue and q.cue.text == "ujarnya"


def test_id_indirect_forms() -> None:
    text = ID_INTRO + (
        "Budi mengatakan bahwa harga beras di pasar akan tetap stabil hingga akhir tahun.\n"
        "Pasokan cabai dari Kabupaten Magelang juga mulai lancar, kata Budi.\n"
        "Menurut Budi, pedagang tidak perlu menaikkan harga menjelang hari raya.\n"
    )
    r = run(text, "id")
    check_offsets(r)
    q1 = only(r, "harga beras")
    assert q1.kind == "indirect" and q1.text.startswith("harga beras") and not q1.text.endswith(".")
    assert q1.cue and q1.cue.text == "mengatakan"
    q2 = only(r, "Pasokan cabai")
    assert (
        q2.text == "Pasokan cabai dari Kabupaten Magelang juga mulai lancar"
        and q2.cue
        and q2.cue.text == "kata"
    )
    q3 = only(r, "pedagang tidak perlu")
    assert q3.cue and q3.cue.text == "Menurut"
    assert {speaker(q1), speaker(q2), speaker(q3)} == {"Budi Santoso"}


def test_id_multi_paragraph_quote() -> None:
    text = ID_INTRO + (
        '"Pasar ini dibangun dengan dana daerah dan selesai tepat waktu.\n'
        '"Kami berharap para pedagang merawat fasilitas yang ada," kata Budi.\n'
    )
    r = run(text, "id")
    check_offsets(r)
    a, b = only(r, "dana daerah"), only(r, "merawat fasilitas")
    assert a.kind == b.kind == "direct"
    assert speaker(a) == speaker(b) == "Budi Santoso"
    assert a.paragraph is not None and b.paragraph == a.paragraph + 1


def test_id_nested_single_quotes() -> None:
    r = run(ID_INTRO + "\"Warga menyebut tempat ini 'pasar harapan' sejak dulu,\" kata Budi.\n", "id")
    check_offsets(r)
    q = only(r, "pasar harapan")
    assert q.text == "Warga menyebut tempat ini 'pasar harapan' sejak dulu,"


def test_id_unbalanced_quote_does_not_swallow_the_article() -> None:
    text = ID_INTRO + (
        '"Pasar ini akan buka setiap hari mulai pukul lima pagi, kata Budi.\n'
        "Pedagang sayur menempati los bagian depan pasar yang baru.\n"
        "Pemerintah daerah menyiapkan lahan parkir untuk tiga ratus kendaraan.\n"
    )
    r = run(text, "id")
    check_offsets(r)
    for q in r.quotes:
        assert "Pedagang sayur" not in q.text and "lahan parkir" not in q.text
    q = only(r, "buka setiap hari")
    assert speaker(q) == "Budi Santoso"


def test_id_headline_related_and_credits_are_never_quotes() -> None:
    text = (
        'Budi: "Pasar rakyat harus jadi pusat ekonomi warga"\n\n'
        + ID_INTRO
        + "Budi meninjau los pedagang sayur dan daging.\n"
        + 'Baca juga: "Pasar harus bersih dan tertib," kata gubernur\n'
        + "Pewarta: Siti Rahma\nEditor: Joko Prasetyo\n"
    )
    r = run(text, "id")
    check_offsets(r)
    body = [(p.start, p.end) for p in r.body]
    for q in r.quotes:
        assert any(s <= q.start and q.end <= e for s, e in body)
    assert not any("Pasar harus bersih" in q.text for q in r.quotes)


def test_id_no_quotes() -> None:
    r = run(ID_INTRO + "Pasar itu memiliki dua ratus kios dan delapan puluh los.\n", "id")
    assert r.quotes == []


# ---------------------------------------------------------------- English


def test_en_direct_with_speaker_then_cue() -> None:
    r = run(EN_INTRO + '"This bridge will cut the commute in half," Morgan said.\n', "en")
    check_offsets(r)
    q = only(r, "commute")
    assert q.kind == "direct" and q.text == "This bridge will cut the commute in half,"
    assert speaker(q) == "Alice Morgan" and q.cue and q.cue.text == "said"


def test_en_direct_with_cue_then_speaker_and_curly() -> None:
    r = run(EN_INTRO + "“We finished three months early and under budget,” said Morgan.\n", "en")
    check_offsets(r)
    assert speaker(only(r, "three months early")) == "Alice Morgan"


def test_en_split_quote_and_pronoun() -> None:
    text = EN_INTRO + '"It is a good day for the city," she said, "and a better one for the drivers."\n'
    r = run(text, "en")
    check_offsets(r)
    assert speaker(only(r, "good day")) == speaker(only(r, "better one")) == "Alice Morgan"


def test_en_indirect_forms() -> None:
    text = EN_INTRO + (
        "Morgan said that tolls on the bridge would stay low for five years.\n"
        "Traffic on the old crossing had doubled since 2010, Morgan told reporters.\n"
        "The project employed more than four hundred local workers, according to the city council.\n"
    )
    r = run(text, "en")
    check_offsets(r)
    q1 = only(r, "tolls")
    assert q1.text == "tolls on the bridge would stay low for five years" and speaker(q1) == "Alice Morgan"
    q2 = only(r, "Traffic")
    assert q2.kind == "indirect" and speaker(q2) == "Alice Morgan" and q2.cue and q2.cue.text == "told"
    q3 = only(r, "four hundred")
    assert q3.cue and q3.cue.text == "according to" and speaker(q3) == "the city council"


def test_en_multi_paragraph_and_nested_quotes() -> None:
    text = EN_INTRO + (
        "\"People called it 'the bridge to nowhere' for years.\n"
        '"Now they call it the bridge home," Morgan said.\n'
    )
    r = run(text, "en")
    check_offsets(r)
    assert "'the bridge to nowhere'" in only(r, "nowhere").text
    assert speaker(only(r, "nowhere")) == speaker(only(r, "bridge home")) == "Alice Morgan"


def test_en_unbalanced_quote() -> None:
    text = EN_INTRO + (
        '"The bridge opens to trucks next week, Morgan said.\n'
        "Engineers inspected the cables on Sunday.\n"
        "The city council approved the budget last year.\n"
    )
    r = run(text, "en")
    check_offsets(r)
    assert not any("Engineers" in q.text or "budget" in q.text for q in r.quotes)


def test_en_no_quotes() -> None:
    r = run(EN_INTRO + "The bridge is 400 meters long and has four lanes.\n", "en")
    assert r.quotes == []


# ---------------------------------------------------------------- speaker resolution


def test_id_apposition_after_title_and_adverbial_chunks() -> None:
    r = run(
        ID_INTRO + "Kepala Bagian Umum PT Sinar Laut, Rudi Hartanto, saat dihubungi dari Surabaya, Rabu, "
        "mengatakan bahwa kapal itu tiba terlambat dua hari.\n",
        "id",
    )
    check_offsets(r)
    q = only(r, "kapal itu")
    assert speaker(q) == "Rudi Hartanto"  # not the place in the adverbial, not the title


def test_id_speaker_after_cue_with_parenthesised_title() -> None:
    r = run(
        ID_INTRO + '"Kami akan menindak tegas setiap pelanggar aturan," kata Pelaksana Tugas (Plt) Deputi '
        "Penindakan BNPK Dodi Pratama di Jakarta.\n",
        "id",
    )
    check_offsets(r)
    assert speaker(only(r, "menindak tegas")) == "Dodi Pratama"


def test_en_pronoun_goes_to_the_salient_subject_and_quote_continues_without_cue() -> None:
    r = run(
        EN_INTRO + "Mary Jones said the bridge cost too much. She met Tom Baker on Friday.\n"
        "\u201cWe could have built two bridges for that money,\u201d she said. "
        "\u201cNobody asked the residents at all.\u201d\n",
        "en",
    )
    check_offsets(r)
    assert speaker(only(r, "two bridges")) == "Mary Jones"  # Tom Baker is an object, not a subject
    q = only(r, "Nobody asked")
    assert speaker(q) == "Mary Jones" and q.cue is None


def test_en_participial_cue_takes_the_main_subject() -> None:
    r = run(EN_INTRO + "Morgan has praised Tom Baker, saying he was the finest engineer in the county.\n", "en")
    assert speaker(only(r, "finest engineer")) == "Alice Morgan"


def test_en_name_inside_a_clause_is_not_the_subject() -> None:
    r = run(
        EN_INTRO + "Morgan, who was speaking to reporters, did not mention Baker by name, but told the council "
        "that the bridge would open in May.\n",
        "en",
    )
    assert speaker(only(r, "open in May")) == "Alice Morgan"


def test_en_cue_after_comma_opening_a_clause_is_not_a_trailing_attribution() -> None:
    r = run(EN_INTRO + "Engineers and local officials, however, said they expected more traffic next year.\n", "en")
    q = only(r, "more traffic")
    assert q.text == "they expected more traffic next year"
    assert speaker(q) == "Engineers and local officials"


def test_en_new_cues() -> None:
    r = run(
        EN_INTRO + "\u201cThe river is higher than we thought,\u201d Morgan went on, pointing at the water.\n"
        "Morgan hailed the builders as heroes of the town.\n",
        "en",
    )
    q = only(r, "river is higher")
    assert q.cue and q.cue.text == "went on" and speaker(q) == "Alice Morgan"
    assert not [q for q in r.quotes if "builders" in q.text]  # "hailed" + a noun phrase reports nothing


# ---------------------------------------------------------------- size


@pytest.mark.parametrize("lang", ["id", "en"])
def test_two_hundred_paragraphs(lang: str) -> None:
    if lang == "id":
        para = '"Pasar nomor {i} sudah dibuka untuk umum," kata Budi.\nHarga gula di pasar nomor {i} turun, kata Budi.\n'
        intro = ID_INTRO
    else:
        para = '"Bridge number {i} is open to the public," Morgan said.\nTraffic on bridge {i} fell, Morgan said.\n'
        intro = EN_INTRO
    text = intro + "".join(para.format(i=i) for i in range(100))
    r = run(text, lang)
    assert len(r.body) >= 200
    assert len(r.quotes) == 200
    check_offsets(r)


# ---------------------------------------------------------------- the seed article


@pytest.mark.shared
@pytest.mark.skipif(
    not SEED.is_dir() or not SCORE.exists(), reason="../shared (seed article and scorer) is absent"
)
def test_seed_scores_perfectly_on_quotes() -> None:
    warta = Path(sys.executable).with_name("warta")
    proc = subprocess.run(
        [
            sys.executable,
            str(SCORE),
            "--gold",
            str(SEED),
            "--cmd",
            f"{warta} analyze --format jsonl",
            "--json",
            "/dev/stdout",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    summary = next(line for line in proc.stdout.splitlines() if line.startswith("SUMMARY"))
    assert "quote_attr_f1=1.0 " in summary and "quote_span_f1=1.0 " in summary
    assert "offsets_ok=1.0 " in summary
    assert json  # the scorer's --json output is printed too


def test_en_subject_with_relative_clause_then_reported_clause() -> None:
    text = (
        "LONDON (Reuters) - The council met on Tuesday.\n"
        "Council member Priya Shah, who voted against the plan, said small shops had not been consulted.\n"
    )
    [q] = analyze(text, lang="en").quotes
    assert q.text == "small shops had not been consulted"
    assert q.speaker is not None and q.speaker.name == "Priya Shah"
    assert q.cue is not None and q.cue.text == "said"


@pytest.mark.parametrize("apposition", ["R-Texas", "D-Mich.", "(D-N.Y.)"])
def test_en_party_and_state_after_the_name_is_not_the_speaker(apposition: str) -> None:
    # Invented politician.
    r = run(
        EN_INTRO + f"Subcommittee chairman Paul Weston, {apposition}, said he did not understand the decision.\n",
        "en",
    )
    assert [q.speaker.name for q in r.quotes if q.speaker] == ["Paul Weston"]
    check_offsets(r)


@pytest.mark.parametrize(
    ("text", "lang", "content"),
    [
        (
            ID_INTRO + "Seorang juru bicara kepolisian mengatakan pelaku telah ditangkap di rumahnya, "
            "sebagaimana dilansir AFP, Jumat (11/7/2025).\n",
            "id",
            "pelaku telah ditangkap di rumahnya",
        ),
        (
            EN_INTRO + "A police spokesman said the suspect had been arrested at his home, as reported by "
            "the Springfield Herald on Friday.\n",
            "en",
            "the suspect had been arrested at his home",
        ),
    ],
)
def test_medium_the_statement_was_taken_from_is_not_quoted(text: str, lang: str, content: str) -> None:
    r = run(text, lang)
    assert [q.text for q in r.quotes] == [content]
    check_offsets(r)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # the person a statement was made to is not its speaker
        ('"Dia menyewa enam pengawal," ujar seorang sumber kepada situs Kabar Kota.', "seorang sumber"),
        # the office, a comma, then the person holding it
        (
            '"Dia mengaku wartawan," kata Kepala Seksi Penerangan Hukum Kejati Jawa Tengah, Rudi Hartanto.',
            "Rudi Hartanto",
        ),
    ],
)
def test_id_speaker_after_the_cue(sentence: str, speaker: str) -> None:
    r = run(ID_INTRO + sentence + "\n", "id")
    assert [q.speaker.name for q in r.quotes if q.speaker] == [speaker]
    check_offsets(r)


def test_id_role_and_party_with_demonstrative_is_the_person_named_before() -> None:
    # Invented politician and party.
    r = run(
        ID_INTRO + "Anggota DPR Rudi Hartanto menilai usulan itu berlebihan. "
        '"Mereka yang tidak produktif akan dipensiunkan," kata politisi Partai Maju itu.\n',
        "id",
    )
    assert [q.speaker.name for q in r.quotes if q.speaker and q.kind == "direct"] == ["Rudi Hartanto"]
    check_offsets(r)


def test_id_menurut_report_given_to_an_agency_is_the_reporter() -> None:
    r = run(
        ID_INTRO + "Menurut laporan polisi yang dibagikan kepada Kabar Kota, kebakaran itu terjadi pada Selasa "
        "malam di gudang milik warga.\n",
        "id",
    )
    speakers = [q.speaker.name for q in r.quotes if q.speaker]
    assert speakers == ["laporan polisi"], speakers
    check_offsets(r)
