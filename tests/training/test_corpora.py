"""Corpus conversion helpers (pure Python; no data needed)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from corpora import (
    NERP_LABELS,
    NerSentence,
    RelationHarmoniser,
    UposHarmoniser,
    bio_to_spans,
    dedupe,
    guess_spaces,
    harmonise_relations,
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


def _word_rows(conllu: str) -> list[list[str]]:
    """The word rows of a CoNLL-U text, split into columns."""
    return [line.split("\t") for line in conllu.split("\n") if line[:1].isdigit() and "\t" in line]


def _row(i: int, word: str, pos: str, head: int, rel: str) -> str:
    return f"{i}\t{word}\t{word}\t{pos}\t_\t_\t{head}\t{rel}\t_\t_"


def test_harmoniser_retags_revised_words_only() -> None:
    # Reference (current style): "akan" is AUX/aux, "untuk" is SCONJ as mark and ADP as case,
    # "presiden" is mixed NOUN/PROPN, "rumah" NOUN.
    ref = []
    for _ in range(6):
        ref.append(
            "\n".join(
                [
                    _row(1, "Dia", "PRON", 2, "nsubj"),
                    _row(2, "akan", "AUX", 3, "aux"),
                    _row(3, "datang", "VERB", 0, "root"),
                    _row(4, "untuk", "SCONJ", 5, "mark"),
                    _row(5, "makan", "VERB", 3, "advcl"),
                    _row(6, "untuk", "ADP", 7, "case"),
                    _row(7, "rumah", "NOUN", 3, "obl"),
                    _row(8, "presiden", "NOUN", 3, "obl"),
                    _row(9, "Presiden", "PROPN", 3, "obl"),
                ]
            )
        )
    h = UposHarmoniser.from_conllu(["\n\n".join(ref)])
    old = "\n".join(
        [
            _row(1, "Akan", "ADV", 2, "advmod"),  # revised: ADV -> AUX, advmod -> aux
            _row(2, "datang", "VERB", 0, "root"),
            _row(3, "untuk", "ADP", 4, "case"),  # the old style's ADP under a verb -> SCONJ, mark
            _row(4, "makan", "VERB", 2, "advcl"),
            _row(5, "untuk", "ADP", 6, "case"),  # ADP under a noun: unchanged
            _row(6, "rumah", "NOUN", 2, "obl"),
            _row(7, "presiden", "PROPN", 2, "obl"),  # PROPN is never touched
            _row(8, "jarang", "ADV", 2, "advmod"),  # unknown to the reference: unchanged
            _row(9, "rumah", "VERB", 2, "obl"),  # VERB never seen for rumah -> NOUN
        ]
    )
    out = [line.split("\t") for line in modernise_gsd_v2(old + "\n", h).strip().split("\n")]
    assert [(c[3], c[7]) for c in out] == [
        ("AUX", "aux"),
        ("VERB", "root"),
        ("SCONJ", "mark"),
        ("VERB", "advcl"),
        ("ADP", "case"),
        ("NOUN", "obl"),
        ("PROPN", "obl"),
        ("ADV", "advmod"),
        ("NOUN", "obl"),
    ]
    assert [c[6] for c in out] == ["2", "0", "4", "2", "6", "2", "2", "2", "2"]  # heads never move


def test_harmoniser_needs_enough_evidence() -> None:
    ref = "\n".join([_row(1, "akan", "AUX", 2, "aux"), _row(2, "datang", "VERB", 0, "root")])
    h = UposHarmoniser.from_conllu([ref + "\n\n" + ref])  # 2 uses < min_count 5
    cols = _row(1, "akan", "ADV", 2, "advmod").split("\t")
    assert h.retag(cols, "VERB") is False
    assert cols[3] == "ADV"


def test_harmoniser_on_gsd_v2_train(shared_data: Path) -> None:
    """The 2021 revisions of UD Indonesian-GSD are found from the current-style data alone."""
    from prepare import current_style_reference

    h = current_style_reference(shared_data, "id")
    assert h is not None
    text = (shared_data / "ud-id-gsd" / "id_gsd-ud-train-v2.0-2017.conllu").read_text(encoding="utf-8")
    before, after = _word_rows(text), _word_rows(modernise_gsd_v2(text, h))
    assert len(before) == len(after)
    changed = Counter((b[1].lower(), b[3], a[3]) for b, a in zip(before, after, strict=True) if b[3] != a[3])
    assert changed[("akan", "ADV", "AUX")] > 100
    assert changed[("telah", "ADV", "AUX")] > 100
    assert changed[("satu", "DET", "NUM")] > 100
    assert changed[("untuk", "ADP", "SCONJ")] > 300  # untuk before a clause
    # a small share of the words, and never a proper noun
    assert 0.01 < sum(changed.values()) / len(before) < 0.06
    assert not any("PROPN" in (old, new) for _, old, new in changed)
    assert all(b[6] == a[6] for b, a in zip(before, after, strict=True))


def test_relation_harmoniser_follows_the_target_convention() -> None:
    # Target (GSD-like): a noun right after a noun, without a preposition, is a compound; with
    # "di" it is nmod; the verb's object stays obj.
    sent = "\n".join(
        [
            _row(1, "Dia", "PRON", 2, "nsubj"),
            _row(2, "membeli", "VERB", 0, "root"),
            _row(3, "kartu", "NOUN", 2, "obj"),
            _row(4, "kredit", "NOUN", 3, "compound"),
            _row(5, "di", "ADP", 6, "case"),
            _row(6, "toko", "NOUN", 3, "nmod"),
        ]
    )
    h = RelationHarmoniser.from_conllu(["\n\n".join([sent] * 20)])
    other = "# text = Dia membeli kartu kredit di toko\n" + sent.replace("\tcompound\t", "\tnmod\t").replace(
        "\tobj\t", "\tnsubj\t"
    )
    out = harmonise_relations(other + "\n", h)
    assert out.startswith("# text = ")  # comments kept
    rels = [line.split("\t")[7] for line in out.strip().split("\n")[1:]]
    # nmod -> compound (a modifier relation); the core relation nsubj is never touched
    assert rels == ["nsubj", "root", "nsubj", "compound", "case", "nmod"]


def test_relation_harmoniser_needs_enough_evidence() -> None:
    sent = "\n".join([_row(1, "kartu", "NOUN", 0, "root"), _row(2, "kredit", "NOUN", 1, "compound")])
    h = RelationHarmoniser.from_conllu(["\n\n".join([sent] * 5)])  # 5 < min_count 20
    rows = [_row(1, "kartu", "NOUN", 0, "root").split("\t"), _row(2, "kredit", "NOUN", 1, "nmod").split("\t")]
    assert h.relabel(rows) == 0
    assert rows[1][7] == "nmod"


def test_relation_harmoniser_on_csui(shared_data: Path) -> None:
    """CSUI's noun-noun nmod becomes GSD's compound; core relations and heads stay."""
    from prepare import target_style_reference

    h = target_style_reference(shared_data, "id")
    assert h is not None
    text = (shared_data / "ud-id-csui" / "id_csui-ud-train.conllu").read_text(encoding="utf-8")
    before, after = _word_rows(text), _word_rows(harmonise_relations(text, h))
    changed = Counter((b[7], a[7]) for b, a in zip(before, after, strict=True) if b[7] != a[7])
    assert changed[("nmod", "compound")] > 1000
    assert sum(changed.values()) / len(before) < 0.1
    core = {"nsubj", "obj", "obl", "root", "conj", "nsubj:pass", "iobj"}
    assert not any(old in core or new in core for old, new in changed)
    assert all(b[6] == a[6] and b[3] == a[3] for b, a in zip(before, after, strict=True))
