"""Evaluate pipelines on the held-out test splits and measure speed.

NER is scored with gold tokenisation (the test corpora are pre-tokenised), entity-level exact match,
like seqeval. UD is scored twice: with gold words (comparable with UD results that assume gold
segmentation) and from raw text through warta's tokenizer (what users get).
"""

from __future__ import annotations

import json
import os
import resource
import time
from pathlib import Path
from typing import Any

import spacy
from corpora import NerSentence, conllu_sentences, guess_spaces, ner_to_doc, read_conllu_docs
from datasets import UD_TEST, ner_tests
from spacy.language import Language
from spacy.scorer import Scorer
from spacy.tokens import Doc
from spacy.training import Example


def _round(scores: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in scores.items():
        if isinstance(value, float):
            out[key] = round(value, 4)
        elif isinstance(value, dict):
            out[key] = _round(value)
        else:
            out[key] = value
    return out


def score_ner(nlp: Language, sents: list[NerSentence]) -> dict[str, Any]:
    examples = []
    disable = [p for p in nlp.pipe_names if p != "ner"]
    words_docs = [Doc(nlp.vocab, words=s.words, spaces=guess_spaces(s.words)) for s in sents]
    with nlp.select_pipes(disable=disable):
        predicted = list(nlp.pipe(words_docs, batch_size=256))
    for pred, sent in zip(predicted, sents, strict=True):
        examples.append(Example(pred, ner_to_doc(nlp, sent)))
    scores = Scorer.score_spans(examples, "ents")
    support: dict[str, int] = {}
    for sent in sents:
        for *_, label in sent.spans:
            support[label] = support.get(label, 0) + 1
    scores["support"] = support
    scores["sentences"] = len(sents)
    return _round(scores)


def score_ud(nlp: Language, path: Path) -> dict[str, Any]:
    gold = read_conllu_docs(nlp, path, strip_feats=False)
    disable = [p for p in nlp.pipe_names if p == "ner"]
    result: dict[str, Any] = {"sentences": len(gold), "words": sum(len(d) for d in gold)}
    with nlp.select_pipes(disable=disable):
        gold_words = [
            Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d]) for d in gold
        ]
        pred = list(nlp.pipe(gold_words, batch_size=256))
        examples = [Example(p, g) for p, g in zip(pred, gold, strict=True)]
        result["gold_tokens"] = _ud_scores(examples)
        raw = list(nlp.pipe([d.text for d in gold], batch_size=256))
        examples = [Example(p, g) for p, g in zip(raw, gold, strict=True)]
        result["raw_text"] = _ud_scores(examples)
        result["raw_text"]["token_acc"] = round(Scorer.score_tokenization(examples)["token_acc"], 4)
    return result


def _ud_scores(examples: list[Example]) -> dict[str, Any]:
    scores: dict[str, Any] = {}
    scores["upos"] = Scorer.score_token_attr(examples, "pos")["pos_acc"]
    scores["morph"] = Scorer.score_token_attr(examples, "morph")["morph_acc"]
    if any(t.tag_ for eg in examples[:50] for t in eg.predicted):
        scores["xpos"] = Scorer.score_token_attr(examples, "tag")["tag_acc"]
    deps = Scorer.score_deps(examples, "dep", head_attr="head", ignore_labels=("p", "punct"))
    scores["uas"] = deps["dep_uas"]
    scores["las"] = deps["dep_las"]
    scores["las_per_type"] = {k: v["f"] for k, v in sorted(deps["dep_las_per_type"].items())}
    scores["sents_f"] = Scorer.score_spans(examples, "sents")["sents_f"]
    return _round(scores)


def measure_speed(nlp: Language, texts: list[str], repeat: int = 1) -> dict[str, float]:
    """Words per second for the full pipeline on one process (threads pinned to 1 by the caller)."""
    n_words = 0
    start = time.perf_counter()
    cpu_start = time.process_time()
    for _ in range(repeat):
        for doc in nlp.pipe(texts, batch_size=64):
            n_words += len(doc)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # Wall-clock words/s is what a user sees on an idle core; on a shared machine it understates the
    # pipeline's speed, so the words per CPU-second of this process are reported too.
    return {
        "words": n_words,
        "seconds": round(elapsed, 2),
        "cpu_seconds": round(cpu, 2),
        "words_per_second": round(n_words / elapsed),
        "words_per_cpu_second": round(n_words / cpu),
        "peak_rss_mb": round(rss_mb),
    }


def dir_size_mb(path: Path) -> float:
    return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6, 2)


def evaluate_pipeline(
    model: Path, data: Path, lang: str, train_keys: set[str] | None = None
) -> dict[str, Any]:
    nlp = spacy.load(model)
    report: dict[str, Any] = {"model": str(model), "pipeline": nlp.pipe_names, "size_mb": dir_size_mb(model)}
    if "ner" in nlp.pipe_names:
        report["ner"] = {
            name: score_ner(nlp, sents) for name, sents in ner_tests(data, lang, train_keys).items()
        }
    if "parser" in nlp.pipe_names:
        report["ud"] = {name: score_ud(nlp, data / rel) for name, rel in UD_TEST[lang].items()}
    # Speed on raw sentences from the UD test split (news/web text), single thread.
    texts = [text for text, _ in conllu_sentences(data / next(iter(UD_TEST[lang].values())))]
    # Group sentences into article-sized chunks of ~20 sentences.
    articles = [" ".join(texts[i : i + 20]) for i in range(0, len(texts), 20)]
    measure_speed(nlp, articles[:5])  # warm-up
    # The fastest of three runs: on a shared machine single runs vary by 25 % (other processes,
    # CPU frequency), and the fastest is the closest to the pipeline's own cost.
    runs = [measure_speed(nlp, articles) for _ in range(3)]
    report["speed"] = max(runs, key=lambda r: r["words_per_cpu_second"]) | {"runs": len(runs)}
    return report


if __name__ == "__main__":
    import argparse

    os.environ.setdefault("OMP_NUM_THREADS", "1")
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("model", type=Path)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--lang", required=True)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    result = evaluate_pipeline(args.model, args.data, args.lang)
    text = json.dumps(result, indent=2, ensure_ascii=False)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    print(text)
