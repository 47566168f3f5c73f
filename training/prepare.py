"""Convert the shared corpora into spaCy DocBin files in a work directory (outside the repo)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import spacy
from corpora import NerSentence, RelationHarmoniser, UposHarmoniser, read_conllu_docs, to_docbin
from datasets import UD, UD_TARGET_STYLE, UD_V2_STYLE, en_ner_splits, id_ner_splits, split_entry
from spacy.tokens import DocBin


def _stats(sents: list[NerSentence]) -> dict[str, object]:
    labels = Counter(label for s in sents for *_, label in s.spans)
    sources = Counter(s.source for s in sents)
    return {
        "sentences": len(sents),
        "words": sum(len(s.words) for s in sents),
        "entities": dict(labels),
        "sources": dict(sources),
    }


def prepare_ner(
    data: Path, work: Path, lang: str, variant: str = "open", limit: int = 0, fit_dev: bool = False
) -> dict[str, object]:
    """Write ``train.spacy``/``dev.spacy`` for an NER job and return corpus statistics.

    ``fit_dev``: the training file also holds the dev sentences (final fit at a step count chosen
    on dev before); ``dev.spacy`` is still written because ``spacy train`` needs one."""
    nlp = spacy.blank(lang)
    splits = id_ner_splits(data, fit_dev=fit_dev) if lang == "id" else en_ner_splits(data, variant, fit_dev=fit_dev)
    work.mkdir(parents=True, exist_ok=True)
    stats: dict[str, object] = {}
    for split, sents in splits.items():
        if limit:
            sents = sents[:limit]
        to_docbin(nlp, sents).to_disk(work / f"{split}.spacy")
        stats[split] = _stats(sents)
    (work / "stats.json").write_text(json.dumps(stats, indent=2), encoding="utf-8")
    return stats


def _train_texts(data: Path, lang: str, keep: Callable[[str], bool]) -> list[str]:
    """The CoNLL-U text of the language's training entries whose file ``keep`` accepts (slices applied,
    repeats not)."""
    texts = []
    for rel, part, _ in (split_entry(e) for e in UD[lang]["train"]):
        if keep(rel):
            texts.append("\n\n".join((data / rel).read_text(encoding="utf-8").strip().split("\n\n")[part]))
    return texts


def current_style_reference(data: Path, lang: str) -> UposHarmoniser | None:
    """A harmoniser learnt from the current-style training entries (never dev or test sentences),
    for the older-style files of ``UD_V2_STYLE``; None when the language has none."""
    if not any(split_entry(e)[0] in UD_V2_STYLE for e in UD[lang]["train"]):
        return None
    return UposHarmoniser.from_conllu(_train_texts(data, lang, lambda rel: rel not in UD_V2_STYLE))


def target_style_reference(data: Path, lang: str) -> RelationHarmoniser | None:
    """A relation harmoniser learnt from the training entries in the language's target style
    (``UD_TARGET_STYLE``; never dev-for-choosing or test sentences); None when it has none."""
    target = UD_TARGET_STYLE.get(lang, frozenset())
    texts = _train_texts(data, lang, lambda rel: rel in target)
    return RelationHarmoniser.from_conllu(texts) if texts else None


def prepare_ud(
    data: Path,
    work: Path,
    lang: str,
    limit: int = 0,
    harmonise: bool = True,
    strip_feats: bool = False,
    fit_dev: bool = False,
    relations: bool = True,
) -> dict[str, object]:
    """Write ``train.spacy``/``dev.spacy`` for a UD job.

    ``harmonise`` retags the older-style files' words whose UPOS was revised (see
    :class:`corpora.UposHarmoniser`); ``strip_feats`` trains UPOS without morphological features;
    ``fit_dev`` adds the dev sentences to the training file (final fit); ``relations`` relabels the
    modifier relations of files not in the target style (:class:`corpora.RelationHarmoniser`)."""
    nlp = spacy.blank(lang)
    harmoniser = current_style_reference(data, lang) if harmonise else None
    relabeller = target_style_reference(data, lang) if relations else None
    target = UD_TARGET_STYLE.get(lang, frozenset())
    work.mkdir(parents=True, exist_ok=True)
    stats: dict[str, object] = {}
    for split in ("train", "dev"):
        db = DocBin(store_user_data=False)
        n_sents = n_words = 0
        entries = UD[lang]["train"] + UD[lang]["dev"] if split == "train" and fit_dev else UD[lang][split]
        for entry in entries:
            rel, part, times = split_entry(entry)
            old_style = rel in UD_V2_STYLE
            docs = read_conllu_docs(
                nlp,
                data / rel,
                strip_feats=strip_feats,
                modernise=old_style,
                harmoniser=harmoniser if old_style else None,
                relations=relabeller if split == "train" and rel not in target else None,
            )[part]
            for doc in (docs[:limit] if limit else docs) * times:
                db.add(doc)
                n_sents += 1
                n_words += len(doc)
        db.to_disk(work / f"{split}.spacy")
        stats[split] = {"sentences": n_sents, "words": n_words, "files": entries}
    (work / "stats.json").write_text(json.dumps(stats, indent=2), encoding="utf-8")
    return stats


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--job", required=True, help="id-ner, en-ner-<variant>, id-ud or en-ud")
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    lang, kind, *rest = args.job.split("-", 2)
    if kind == "ner":
        result = prepare_ner(args.data, args.work, lang, rest[0] if rest else "open", args.limit)
    else:
        result = prepare_ud(args.data, args.work, lang, args.limit)
    print(json.dumps(result, indent=2))
