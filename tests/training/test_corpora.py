"""Corpus conversion helpers (pure Python; no data needed)."""

from __future__ import annotations

from corpora import (
    NERP_LABELS,
    NerSentence,
    bio_to_spans,
    dedupe,
    guess_spaces,
    litbank_sentences,
    modernise_gsd_v2,
    recase,
)


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


def test_litbank_keeps_outermost_proper_names_without_titles() -> None:
    text = "Mr. Tom Jarndyce went to the Bank of England .\nHe slept .\n"
    ann = "\n".join(
        [
            "T1\tPROP_PER 0 16\tMr. Tom Jarndyce",
            "T2\tPROP_ORG 25 44\tthe Bank of England",
            "T3\tPROP_GPE 37 44\tEngland",
            "T4\tPRON_PER 49 51\tHe",
            "R1\tcop Arg1:T1 Arg2:T4",
        ]
    )
    first, second = litbank_sentences(text, ann)
    assert [(" ".join(first.words[s:e]), label) for s, e, label in first.spans] == [
        ("Tom Jarndyce", "PER"),
        ("Bank of England", "ORG"),
    ]
    assert second.spans == []


def test_modernise_gsd_v2_relations() -> None:
    rows = [
        "1\tJoko\tJoko\tPROPN\t_\t_\t4\tnsubj\t_\t_",
        "2\tWidodo\tWidodo\tPROPN\t_\t_\t1\tflat\t_\t_",
        "3\tyang\tyang\tSCONJ\t_\t_\t5\tmark\t_\t_",
        "4\tdatang\tdatang\tVERB\t_\t_\t0\troot\t_\t_",
        "5\tpergi\tpergi\tVERB\t_\t_\t1\tacl\t_\t_",
    ]
    out = modernise_gsd_v2("\n".join(rows) + "\n")
    rels = [line.split("\t")[7] for line in out.strip().split("\n")]
    assert rels == ["nsubj", "flat:name", "mark", "root", "acl:relcl"]
