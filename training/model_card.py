"""Write ``MODEL_CARD.md`` for a shipped pipeline from ``training/results/<lang>.json``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATA_TABLE = {
    "id": [
        ("IndoNLU NERP (Prosa), train", "NER", "IndoNLU licence (LICENSE-indonlu.txt)"),
        ("IndoNLU NERGrit, train", "NER", "IndoNLU licence (LICENSE-indonlu.txt)"),
        ("idner-news-2k, train", "NER", "MIT"),
        (
            "IndoNLU NERP + NERGrit valid, idner-news-2k dev",
            "NER: chose the step count, then trained on in the final fit",
            "as above",
        ),
        (
            "UD Indonesian-GSD v2.0 (2017) train, relations modernised, revised UPOS retagged",
            "morphologizer (UPOS), parser",
            "CC BY-SA 4.0",
        ),
        ("UD Indonesian-CSUI, train (twice)", "morphologizer, parser", "CC BY-SA 4.0"),
        ("UD Indonesian-GSD, dev (sentences 101-559, twice)", "morphologizer, parser", "CC BY-SA 4.0"),
        (
            "UD Indonesian-GSD, dev (sentences 1-100)",
            "tagger/parser: chose the step count, then trained on in the final fit",
            "CC BY-SA 4.0",
        ),
        (
            "raw text (no labels) of the NER train splits, IndoNLU POSP train+valid, UD GSD train (v2.0) "
            "+ dev and CSUI train",
            "NER static vectors (PPMI-SVD, `training/vectors.py`)",
            "IndoNLU licence; CC BY-SA 4.0",
        ),
        ("id-wilayah (province/regency/district names)", "NER vector gazetteer dimension", "MIT"),
        ("cldr-id-names (country and city names)", "NER vector gazetteer dimension", "Unicode licence"),
    ],
    "en": [
        ("UD English-EWT, train", "tagger, parser", "CC BY-SA 4.0"),
        (
            "UD English-EWT, dev",
            "tagger/parser: chose the step count, then trained on in the final fit",
            "CC BY-SA 4.0",
        ),
        (
            "raw text (no labels) of the open NER corpora (WikiGold, UNER EWT dev, LitBank) and UD EWT train + dev",
            "NER static vectors (PPMI-SVD, `training/vectors.py`)",
            "CC BY 4.0; CC BY-SA 4.0",
        ),
    ],
}
EN_NER_DATA = {
    "open": [
        ("WikiGold (all 1,696 sentences)", "NER", "CC BY 4.0"),
        ("Universal NER English-EWT, dev", "NER", "CC BY-SA 4.0"),
        ("LitBank (100 novel excerpts; proper-name mentions only, FAC mapped to LOC)", "NER", "CC BY 4.0"),
    ],
    "wikineural": [("WikiNEuRal English, val (silver)", "NER", "CC BY-NC-SA 4.0 (non-commercial)")],
    "conll": [
        ("CoNLL-2003 English, train (eng.train)", "NER", "**research only** (Reuters RCV1, no open licence)")
    ],
}
CONLL_DEV = ("CoNLL-2003 English, eng.testa", "NER early stopping only", "research only (Reuters RCV1)")


def _pct(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value * 100:.{digits}f}"


def ner_tables(ner: dict[str, Any]) -> list[str]:
    lines = ["| test set | sentences | P | R | F1 |", "|---|---:|---:|---:|---:|"]
    for name, s in ner.items():
        lines.append(
            f"| {name} | {s['sentences']} | {_pct(s['ents_p'])} | {_pct(s['ents_r'])} "
            f"| **{_pct(s['ents_f'])}** |"
        )
    lines.append("")
    for name, s in ner.items():
        lines += [f"Per label, {name}:", "", "| label | support | P | R | F1 |", "|---|---:|---:|---:|---:|"]
        for label, v in sorted(s["ents_per_type"].items()):
            lines.append(
                f"| {label} | {s['support'].get(label, 0)} | {_pct(v['p'])} | {_pct(v['r'])} "
                f"| {_pct(v['f'])} |"
            )
        lines.append("")
    return lines


def ud_tables(ud: dict[str, Any]) -> list[str]:
    lines = [
        "| test set | tokens | UPOS | XPOS | morph (UFeats) | UAS | LAS | sentence F1 |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, s in ud.items():
        for mode in ("gold_tokens", "raw_text"):
            m = s[mode]
            lines.append(
                f"| {name} | {mode.replace('_', ' ')} | **{_pct(m['upos'], 2)}** | {_pct(m.get('xpos'), 2)} | "
                f"{_pct(m['morph'], 2)} | {_pct(m['uas'], 2)} | **{_pct(m['las'], 2)}** | {_pct(m['sents_f'])} |"
            )
    lines.append("")
    for name, s in ud.items():
        if "token_acc" in s["raw_text"]:
            lines.append(
                f"Tokenization accuracy against {name} words (raw text): {_pct(s['raw_text']['token_acc'])}."
            )
    lines.append("")
    return lines


def write_model_card(lang: str, model_dir: Path, results: Path) -> Path:
    report = json.loads((results / f"{lang}.json").read_text(encoding="utf-8"))
    notes_path = results / f"{lang}-notes.md"
    notes = notes_path.read_text(encoding="utf-8") if notes_path.exists() else ""
    variant = report.get("en_variant") or "open"
    rows = list(DATA_TABLE[lang])
    if lang == "en":
        rows = EN_NER_DATA["open"] + rows
        if variant in ("open+wikineural", "all"):
            rows += EN_NER_DATA["wikineural"]
        if variant in ("open+conll", "all"):
            rows += EN_NER_DATA["conll"]
        rows.append(CONLL_DEV)
    research = lang == "en" and variant in ("open+conll", "all")
    speed = report["speed"]
    lines = [
        f"# warta `{lang}` news pipeline",
        "",
        f"Pipeline: tokenizer (warta news rules) → {' → '.join(report['pipeline'])}. "
        f"Size on disk: {report['size_mb']} MB. spaCy 3.8, CPU-only CNN models, "
        + "static word vectors trained on the corpora's own text, read by the NER and by the tagger/parser "
        + "(no pretrained vectors).",
        "Entity labels: `PER`, `ORG`, `LOC` (place-like labels such as GPE/PLACE/PLC mapped to `LOC`).",
        "",
        "## Training data and licences",
        "",
        "| corpus | used for | licence |",
        "|---|---|---|",
        *[f"| {c} | {u} | {lic} |" for c, u, lic in rows],
        "",
        (
            "**This pipeline's NER was trained on research-only data (CoNLL-2003) and must not be presented "
            "as commercially licensed.**"
            if research
            else "No research-only or non-commercial corpus was used for training. "
            + (
                "CoNLL-2003 (research only) served only as a development set for early stopping and as "
                "the benchmark below."
                if lang == "en"
                else "IndoLEM NER (no licence) was used only for evaluation."
            )
        ),
        "UD data is CC BY-SA 4.0 (share-alike): the model weights derived from it carry that obligation.",
        "Test splits were never used for training or tuning; training sentences that also occur in any "
        "test split were removed (and, while choosing, any dev split). Dev splits chose each job's step "
        "count; where the table says so, the shipped model was then trained on train + dev for that many "
        "steps (final fit, `FIT_DEV` in `training/build_models.py`).",
        "",
        "## How it was built",
        "",
        "```",
        "python training/build_models.py --data ../shared/data --out src/warta/models"
        + (f" --en-variant {variant}" if lang == "en" and variant != "open" else ""),
        "```",
        "",
    ]
    lines += [notes, ""] if notes else []
    lines += ["## Scores (test splits)", ""]
    if "ner" in report:
        lines += ["### Named entities (exact span match, gold tokenisation)", "", *ner_tables(report["ner"])]
    if "ud" in report:
        lines += [
            "### Tagging and parsing",
            "",
            "`gold tokens`: the treebank's words are given to the pipeline; "
            "`raw text`: the sentence text goes "
            "through warta's tokenizer (multi-word tokens such as Indonesian clitics are not split, which "
            "costs accuracy). LAS/UAS exclude punctuation.",
            "",
            *ud_tables(report["ud"]),
        ]
    lines += [
        "## Speed",
        "",
        f"{speed.get('words_per_cpu_second', speed['words_per_second']):,} words per CPU-second "
        f"({speed['words_per_second']:,} words/s wall clock on the shared build machine) for the full "
        f"pipeline, one process, one thread, {speed['words']:,} words of test-split text in ~20-sentence "
        f"chunks (nlp.pipe, batch 64), the fastest of {speed.get('runs', 1)} runs; peak RSS "
        f"{speed['peak_rss_mb']} MB (evaluation process).",
        "",
    ]
    card = model_dir / "MODEL_CARD.md"
    card.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
    return card
