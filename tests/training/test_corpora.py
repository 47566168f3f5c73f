"""Corpus conversion helpers (pure Python; no data needed)."""

from __future__ import annotations

from corpora import NERP_LABELS, NerSentence, bio_to_spans, dedupe, guess_spaces, recase


def test_bio_to_spans_maps_and_drops_labels() -> None:
    tags = ["B-PPL", "I-PPL", "O", "B-PLC", "B-FNB", "I-FNB", "B-IND"]
    assert bio_to_spans(tags, NERP_LABELS) == [(0, 2, "PER"), (3, 4, "LOC"), (6, 7, "ORG")]


def test_bio_to_spans_accepts_iob1() -> None:
    tags = ["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"]
    labels: dict[str, str | None] = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}
    assert bio_to_spans(tags, labels) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC"), (5, 6, "ORG")]


def test_recase_capitalises_entities_and_first_word() -> None:
    sent = NerSentence(["kata", "joko", "widodo", "di", "solo", "."], [(1, 3, "PER"), (4, 5, "LOC")])
    assert recase(sent).words == ["Kata", "Joko", "Widodo", "di", "Solo", "."]


def test_dedupe_removes_repeats_and_held_out() -> None:
    a = NerSentence(["Halo", "dunia"])
    b = NerSentence(["halo", "DUNIA"])
    c = NerSentence(["lain"])
    assert dedupe([a, b, c], exclude=set()) == [a, c]
    assert dedupe([a, c], exclude={"lain"}) == [a]


def test_guess_spaces() -> None:
    assert guess_spaces(["Ia", "(", "26", ")", "pergi", ",", "lalu", "."]) == [
        True, False, False, True, False, True, False, False,
    ]  # fmt: skip
