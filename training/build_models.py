"""Build warta's shipped spaCy pipelines end to end from ``../shared/data``.

    python training/build_models.py --data ../shared/data --out src/warta/models

Steps (``--steps``, default all): ``prepare`` (corpora -> DocBin in ``--work``, and each language's
static vectors from the corpora's raw text, see ``vectors.py``), ``train`` (one
``spacy train`` per job, two at a time, each with a step limit and a wall-clock budget after which
the best checkpoint so far is used), ``assemble`` (news tokenizer + UD components + NER sourced into
one pipeline per language), ``evaluate`` (test splits, speed; JSON in ``training/results/``) and
``card`` (``MODEL_CARD.md`` next to each pipeline).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import spacy  # noqa: E402
from datasets import en_ner_splits, en_raw_sentences, id_ner_splits, id_raw_sentences  # noqa: E402
from evaluate import evaluate_pipeline  # noqa: E402
from model_card import write_model_card  # noqa: E402
from prepare import prepare_ner, prepare_ud  # noqa: E402
from tokenizer_rules import customize_tokenizer  # noqa: E402
from vectors import add_gazetteers, indonesian_places, name_words, ppmi_svd, write_vectors  # noqa: E402

CONFIGS = HERE / "configs"
RESULTS = HERE / "results"
LANGS = ("id", "en")


# Training steps per job: the step of the best dev checkpoint of the runs that built the shipped
# models (see the model cards), so that an unhurried `make models` reproduces them.
STEPS = {"id-ner": 3000, "id-ud": 1500, "en-ner": 1500, "en-ud": 5000}
# Jobs whose shipped model is a final fit on train + dev for the step count chosen on dev (the model
# after the last step is kept, not the best dev checkpoint). The English NER's dev set (CoNLL-2003
# eng.testa) is research-only, so it stays a dev set. The Indonesian NER was fitted on train + dev too
# and found worse on warta's own dev articles (../shared/eval/dev: quote attribution F1 0.803 -> 0.778,
# entity F1 0.771 -> 0.769 on the 23 Indonesian ones), so it keeps its best dev checkpoint.
FIT_DEV = frozenset({"id-ud", "en-ud"})


@dataclass
class Job:
    name: str  # e.g. "id-ner", "en-ud"
    lang: str
    config: Path
    max_steps: int
    overrides: dict[str, str] = field(default_factory=dict)
    vectors: bool = False  # static vectors from ``<work>/<lang>-vectors`` (built by ``prepare``)
    fit_dev: bool = False  # train on train + dev and keep the last step's model (see FIT_DEV)

    def args(self, work: Path) -> list[str]:
        out = [
            sys.executable, "-m", "spacy", "train", str(self.config),
            "--output", str(work / self.name / "out"),
            "--paths.train", str(work / self.name / "train.spacy"),
            "--paths.dev", str(work / self.name / "dev.spacy"),
            "--nlp.lang", self.lang,
            "--training.max_steps", str(self.max_steps),
        ]  # fmt: skip
        if self.vectors:
            embed = "components.ner.model.tok2vec.embed" if "-ner" in self.name else "components.tok2vec.model.embed"
            out += [
                "--initialize.vectors", str(work / f"{self.lang}-vectors"),
                f"--{embed}.include_static_vectors", "true",
            ]  # fmt: skip
        for key, value in self.overrides.items():
            out += [f"--{key}", value]
        return out


def jobs_for(langs: list[str], en_variant: str, scale: float = 1.0) -> list[Job]:
    """Training jobs; ``scale`` shrinks step counts (smoke tests)."""
    jobs = []
    for lang in langs:
        ner_name = "id-ner" if lang == "id" else f"en-ner-{en_variant}"
        for name, cfg in ((f"{lang}-ud", "ud.cfg"), (ner_name, "ner.cfg")):
            steps = STEPS.get(name, STEPS["en-ner"] if name.startswith("en-ner") else 12000)
            jobs.append(Job(name, lang, CONFIGS / cfg, max(2, int(steps * scale))))
    for job in jobs:
        # every tok2vec also reads the language's static vectors (one table, so the assembled pipeline carries
        # one): measured on the dev sets, see the model cards
        job.vectors = True
        job.fit_dev = job.name in FIT_DEV
        if job.name == "en-ud":
            job.overrides = {
                "nlp.pipeline": '["tok2vec","tagger","morphologizer","parser"]',
                "training.score_weights.tag_acc": "0.1",
            }
        if scale < 1.0:
            job.overrides |= {"training.eval_frequency": str(max(1, job.max_steps)), "training.patience": "0"}
    return jobs


def build_vectors(data: Path, work: Path, lang: str, limit: int = 0) -> Path:
    """PPMI-SVD vectors (64 dims) from the raw (openly licensed or IndoNLU) training text; for
    Indonesian plus 2 gazetteer dimensions (region names, world names)."""
    sents = id_raw_sentences(data) if lang == "id" else en_raw_sentences(data)
    words, vecs = ppmi_svd(sents[:limit] if limit else sents, dim=64)
    if lang == "id":
        regions, world = indonesian_places(data)
        stop = set(words[:1500])  # frequent words are not evidence of a name
        lists = {"region": name_words(regions, stop), "world": name_words(world, stop)}
        words, vecs = add_gazetteers(words, vecs, lists)
    out = write_vectors(lang, words, vecs, work / f"{lang}-vectors")
    print(f"vectors {out}: {vecs.shape[0]} words x {vecs.shape[1]} dims", flush=True)
    return out


def prepare(data: Path, work: Path, jobs: list[Job], limit: int = 0) -> None:
    for lang in sorted({job.lang for job in jobs if job.vectors}):
        build_vectors(data, work, lang, limit)
    for job in jobs:
        lang, kind, *rest = job.name.split("-", 2)
        if kind == "ner":
            prepare_ner(data, work / job.name, lang, rest[0] if rest else "open", limit, fit_dev=job.fit_dev)
        else:
            prepare_ud(data, work / job.name, lang, limit, fit_dev=job.fit_dev)
        print(f"prepared {job.name}", flush=True)


def train_one(job: Job, work: Path, budget_s: float) -> dict[str, object]:
    """Run ``spacy train``; stop it after ``budget_s`` seconds and keep the best checkpoint."""
    log_path = work / job.name / "train.log"
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")
    start = time.monotonic()
    with log_path.open("w", encoding="utf-8") as log:
        proc = subprocess.Popen(job.args(work), stdout=log, stderr=subprocess.STDOUT, env=env)
        try:
            proc.wait(timeout=budget_s)
            stopped = False
        except subprocess.TimeoutExpired:
            proc.terminate()
            proc.wait(timeout=60)
            stopped = True
    elapsed = time.monotonic() - start
    best = trained_model(work, job.name)
    if not best.exists():
        raise RuntimeError(f"{job.name}: no {best.name} after {elapsed:.0f}s, see {log_path}")
    print(f"trained {job.name} in {elapsed / 60:.1f} min (budget stop: {stopped})", flush=True)
    return {"job": job.name, "minutes": round(elapsed / 60, 1), "budget_stop": stopped}


def trained_model(work: Path, name: str) -> Path:
    """The model a job hands on: the last step's for a final fit on train + dev, else the best
    dev checkpoint."""
    return work / name / "out" / ("model-last" if name in FIT_DEV else "model-best")


def train(work: Path, jobs: list[Job], budget_min: float, parallel: int) -> list[dict[str, object]]:
    with ThreadPoolExecutor(max_workers=parallel) as pool:
        return list(pool.map(lambda j: train_one(j, work, budget_min * 60), jobs))


def assemble(lang: str, work: Path, out: Path, en_variant: str) -> Path:
    """Blank pipeline + news tokenizer, UD components and NER sourced from the trained pipelines."""
    ud = spacy.load(trained_model(work, f"{lang}-ud"))
    ner_name = "id-ner" if lang == "id" else f"en-ner-{en_variant}"
    ner = spacy.load(trained_model(work, ner_name))
    nlp = customize_tokenizer(spacy.blank(lang))
    if ner.vocab.vectors.shape[0]:  # the NER model's static vectors travel with it
        nlp.vocab.vectors = ner.vocab.vectors
    for name in ud.pipe_names:
        nlp.add_pipe(name, source=ud)
    nlp.add_pipe("ner", source=ner)
    nlp.meta.update(
        {
            "name": f"warta_{lang}_news",
            "version": "0.1.0",
            "description": f"warta {lang} news pipeline (see MODEL_CARD.md)",
            "author": "The warta developers",
            "license": "see MODEL_CARD.md",
        }
    )
    target = out / lang
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)
    prune_strings(target, nlp)
    print(f"assembled {target}", flush=True)
    return target


def prune_strings(model: Path, nlp: spacy.language.Language) -> None:
    """Keep only the strings the components need: their labels and the features inside them.

    The training runs left every word they saw in the vocabulary's strings (1.1 MB for Indonesian).
    Nothing at run time needs them: features are hashes of the text, vectors are found by hash, and a
    token's strings come from the text it was made from. When this was introduced, the Indonesian
    pipeline gave identical annotations (POS, morph, heads, relations, entities, norms) on 580
    documents with 139 strings instead of 95,740 (tests/unit/models/test_loader.py checks the labels)."""
    keep: set[str] = set()
    for name in nlp.pipe_names:
        pipe = nlp.get_pipe(name)
        cfg = getattr(pipe, "cfg", {})
        labels = [*getattr(pipe, "labels", ()), *cfg.get("labels_morph", {}), *cfg.get("labels_pos", {})]
        for label in map(str, labels):
            keep.add(label)
            keep.update(label.split("|"))
    path = model / "vocab" / "strings.json"
    strings = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps([s for s in strings if s in keep], ensure_ascii=False), encoding="utf-8")


def train_keys(data: Path, lang: str, en_variant: str) -> set[str]:
    if lang == "id":
        splits = id_ner_splits(data, augmentation=False, fit_dev="id-ner" in FIT_DEV)
    else:
        splits = en_ner_splits(data, en_variant, False, fit_dev=f"en-ner-{en_variant}" in FIT_DEV)
    return {s.key() for s in splits["train"]}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=HERE.parent.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=HERE.parent / "src" / "warta" / "models")
    parser.add_argument("--work", type=Path, default=Path("/tmp/warta-training"))
    parser.add_argument("--langs", nargs="+", default=list(LANGS), choices=LANGS)
    parser.add_argument("--steps", nargs="+", default=["prepare", "train", "assemble", "evaluate", "card"])
    parser.add_argument(
        "--en-variant",
        default="open",
        choices=["open", "open+wikineural", "open+conll", "all"],
        help="English NER training data; only 'open' uses openly licensed corpora alone",
    )
    parser.add_argument("--budget-minutes", type=float, default=30.0, help="wall-clock limit per training job")
    parser.add_argument("--parallel", type=int, default=2, help="training jobs run at the same time")
    parser.add_argument("--limit", type=int, default=0, help="sentences per split (smoke tests)")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply training steps (smoke tests)")
    args = parser.parse_args(argv)

    started = time.monotonic()
    jobs = jobs_for(args.langs, args.en_variant, args.scale)
    timings: list[dict[str, object]] = []
    if "prepare" in args.steps:
        prepare(args.data, args.work, jobs, args.limit)
    if "train" in args.steps:
        timings = train(args.work, jobs, args.budget_minutes, args.parallel)
    for lang in args.langs:
        if "assemble" in args.steps:
            assemble(lang, args.work, args.out, args.en_variant)
        if "evaluate" in args.steps:
            report = evaluate_pipeline(args.out / lang, args.data, lang, train_keys(args.data, lang, args.en_variant))
            report["en_variant"] = args.en_variant if lang == "en" else None
            report["training"] = [t for t in timings if str(t["job"]).startswith(lang)]
            RESULTS.mkdir(exist_ok=True)
            (RESULTS / f"{lang}.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
        if "card" in args.steps:
            write_model_card(lang, args.out / lang, RESULTS)
    print(f"done in {(time.monotonic() - started) / 60:.1f} min", flush=True)


if __name__ == "__main__":
    main()
