"""Search snippets made in Python (warta.store.snippets): what is highlighted, and which window is shown."""

from __future__ import annotations

from warta.store.query import parse_terms, to_fts
from warta.store.snippets import fold, make_snippet

BODY = [
    "Kupang (Contoh) - Pemerintah daerah menunda pembangunan pelabuhan baru pada Senin.",
    "Warga setempat menolak rencana itu karena harga beras naik dan jalan desa rusak sejak musim hujan tahun lalu.",
    "Baca juga: Harga beras di pasar Kupang turun",
    '"Kami akan membahas pelabuhan bersama José Ramos dan warga," kata Wulan Hidayat di Kupang.',
]
TEXT = "\n".join(BODY)


def _spans(paragraphs: list[int]) -> list[tuple[int, int]]:
    out, at = [], 0
    for i, p in enumerate(BODY):
        if i in paragraphs:
            out.append((at, at + len(p)))
        at += len(p) + 1
    return out


SPANS = _spans([0, 1, 3])  # the "Baca juga" line is not body


def snip(query: str, text: str = TEXT, spans: list[tuple[int, int]] | None = None, **kw: int) -> str:
    out = make_snippet(text, SPANS if spans is None else spans, to_fts(query), open_mark="[", close_mark="]", **kw)
    return out


def marked(snippet: str) -> list[str]:
    return [part.split("]")[0] for part in snippet.split("[")[1:]]


def test_query_terms_leave_out_operators_and_repeats() -> None:
    assert parse_terms(to_fts('harga OR "jalan desa" NOT pelabuhan* harga')) == [
        (("harga",), False), (("jalan", "desa"), False), (("pelabuhan",), True)]


def test_a_word_is_marked_whatever_its_case_and_diacritics() -> None:
    assert marked(snip("jose")) == ["José"]
    assert marked(snip("KUPANG", spans=_spans([3]))) == ["Kupang"]


def test_a_phrase_is_marked_only_where_its_words_stand_together() -> None:
    out = snip('"harga beras"')
    assert marked(out) == ["harga beras"]
    assert marked(snip('"beras harga"')) == []  # the words, but not as that phrase


def test_prefix_terms_and_whole_words() -> None:
    assert marked(snip("pelabuhan*", spans=_spans([0]))) == ["pelabuhan"]
    assert marked(snip("pelabuh*", spans=_spans([0]))) == ["pelabuhan"]
    assert marked(snip("pelabuh", spans=_spans([0]))) == []  # not a prefix: only whole words match


def test_text_outside_the_body_is_never_shown_or_marked() -> None:
    out = snip('"harga beras" pasar')
    assert "pasar" not in out and "Baca juga" not in out  # the related-article line between paragraphs


def test_the_window_has_at_most_the_asked_words_and_shows_cuts() -> None:
    out = snip("musim", tokens=6)
    assert out.startswith("…") and out.endswith("…")
    assert len(out.strip("…").split()) == 6
    assert marked(out) == ["musim"]
    assert snip("Kupang", tokens=4) == "[Kupang] (Contoh) - Pemerintah daerah…"  # a match at the start: no leading cut


def test_the_window_with_most_different_terms_wins() -> None:
    out = snip("pelabuhan Wulan")
    assert sorted(marked(out)) == ["Wulan", "pelabuhan"]  # paragraph 4 has both; paragraph 1 only one


def test_no_match_in_the_body_shows_its_start() -> None:
    """A search can match the title only: the snippet is then the start of the body, unmarked."""
    out = snip("judul", tokens=5)
    assert out == "Kupang (Contoh) - Pemerintah daerah menunda…"


def test_unusual_text() -> None:
    assert snip("kupang", spans=[]) == ""
    turkish = "İstanbul ve Kupang"  # "İ".lower() is two characters: offsets must still hold
    assert marked(snip("kupang", text=turkish, spans=[(0, len(turkish))])) == ["Kupang"]
    assert fold("Ñandú ÉTÉ") == "nandu ete"
    assert len(fold(turkish)) == len(turkish)
