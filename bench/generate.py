"""Generated articles for benchmarks: wire-story layouts filled from word lists (no real articles).

Shaped like the real news in ../shared/eval/dev, so that store sizes, index sizes and search timings measured
on them carry over: about 330 words an article (dev: 283), about 5 distinct entities, 2 quotes and 1.3 dates
per 100 words (dev: 4.8, 2.2, 1.3), and a vocabulary with a long tail. Filler words are made-up syllable
words drawn with Zipf frequencies, so the full-text index sees many rare words besides the common ones, as
it does on real text. Deterministic for a given seed.
"""

from __future__ import annotations

import json
import random
from itertools import accumulate
from pathlib import Path

PLACES = ["Jakarta", "Surabaya", "Medan", "Makassar", "Bandung", "Denpasar", "Kupang", "Ambon", "Semarang",
          "Palembang", "Pontianak", "Manado", "Jayapura", "Mataram", "Padang", "Balikpapan"]
AGENCIES = ["ANTARA", "Reuters", "AFP"]
FIRST = ["Andi", "Sri", "Budi", "Dewi", "Rina", "Yoga", "Agus", "Siti", "Hendra", "Wulan", "Eko", "Fitri",
         "Joko", "Maya", "Rudi", "Intan", "Bayu", "Nur", "Dian", "Teguh"]
LAST = ["Saputra", "Wahyuni", "Santoso", "Lestari", "Maharani", "Pratama", "Hidayat", "Kusuma", "Siregar",
        "Nasution", "Wibowo", "Setiawan", "Gunawan", "Rahmawati", "Hutapea", "Simanjuntak"]
NAMES = [f"{f} {n}" for f in FIRST for n in LAST]
ORGS = ["Kementerian Keuangan", "Bank Indonesia", "Polda Metro Jaya", "DPRD", "Pertamina", "PLN",
        "Universitas Indonesia", "Badan Pusat Statistik", "World Bank", "United Nations", "Red Cross"]
SUBJECTS = ["Pemerintah", "Gubernur", "Kepolisian", "Menteri Keuangan", "Bank sentral", "Warga setempat"]
VERBS = ["mengumumkan", "menolak", "membahas", "meresmikan", "menunda", "mendukung"]
OBJECTS = [
    "rencana pembangunan jalan tol",
    "kenaikan harga beras",
    "program vaksinasi",
    "anggaran daerah",
    "pembangunan pelabuhan baru",
    "aturan lalu lintas",
]
EN_SUBJECTS = ["The government", "The central bank", "Police", "The minister", "Residents", "The council"]
EN_VERBS = ["announced", "rejected", "discussed", "opened", "delayed", "backed"]
EN_OBJECTS = [
    "a plan for a new toll road",
    "higher rice prices",
    "a vaccination drive",
    "the regional budget",
    "a new port",
    "new traffic rules",
]
ID_GLUE = ["yang", "dan", "di", "untuk", "dengan", "dari", "pada", "ini", "itu", "akan", "tidak", "dalam", "juga",
           "oleh", "karena", "sudah", "masih", "lebih"]
EN_GLUE = ["the", "of", "and", "to", "in", "that", "for", "with", "on", "was", "is", "by", "as", "from", "at",
           "which", "also", "more"]
ID_DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "pekan lalu", "kemarin", "1 Mei 2025", "tahun depan"]
EN_DAYS = ["Monday", "Tuesday", "Wednesday", "on Thursday", "last week", "May 1, 2025", "next year"]


def _lexicon(seed: int = 11, size: int = 20_000) -> tuple[list[str], list[float]]:
    """Made-up words (two to four syllables) and Zipf cumulative weights: a long-tailed vocabulary."""
    rng = random.Random(seed)
    onsets = ["", "b", "d", "g", "k", "l", "m", "n", "p", "r", "s", "t", "w", "ng", "ny", "h", "j", "c"]
    vowels = ["a", "i", "u", "e", "o"]
    words: list[str] = []
    seen: set[str] = set()
    while len(words) < size:
        w = "".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(rng.randint(2, 4)))
        if len(w) > 3 and w not in seen:
            seen.add(w)
            words.append(w)
    return words, list(accumulate(1.0 / (rank + 1) for rank in range(size)))


LEXICON, CUM_WEIGHTS = _lexicon()


def _filler(rng: random.Random, glue: list[str], n: int) -> str:
    """``n`` words: made-up content words (Zipf) mixed with the language's function words."""
    content = rng.choices(LEXICON, cum_weights=CUM_WEIGHTS, k=n)
    return " ".join(rng.choice(glue) if rng.random() < 0.4 else w for w in content)


def _sentence(rng: random.Random, glue: list[str], lead: str) -> str:
    return f"{lead} {_filler(rng, glue, rng.randint(8, 16))}."


def _cast(rng: random.Random) -> tuple[list[str], list[str], list[str]]:
    """An article's people, organisations and places: a few of each, mentioned again and again."""
    return rng.sample(NAMES, 4), rng.sample(ORGS, 3), rng.sample(PLACES, 5)


def _id_article(rng: random.Random) -> str:
    place, agency = rng.choice(PLACES), "ANTARA"
    people, orgs, places = _cast(rng)
    paras = [
        f"{place} ({agency}) - {rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} pada Senin, "
        f"{_filler(rng, ID_GLUE, 14)}."
    ]
    for _ in range(rng.randint(5, 8)):
        if rng.random() < 0.85:
            paras.append(
                f'"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {_filler(rng, ID_GLUE, 8)}," '
                f"kata {rng.choice(people)} dari {rng.choice(orgs)} di {rng.choice(places)}, "
                f"{rng.choice(ID_DAYS) if rng.random() < 0.6 else 'Senin'}."
            )
        lead = f"{rng.choice(SUBJECTS + orgs + people)} juga {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
        sentences = [_sentence(rng, ID_GLUE, lead)]
        sentences += [_sentence(rng, ID_GLUE, rng.choice(ID_GLUE).capitalize()) for _ in range(rng.randint(0, 1))]
        paras.append(" ".join(sentences))
    paras.insert(3, f"Baca juga: {rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}")
    paras += [f"Pewarta: {rng.choice(NAMES)}", f"Editor: {rng.choice(NAMES)}", "Copyright © ANTARA 2025"]
    return "\n".join(paras)


def _en_article(rng: random.Random) -> str:
    place = rng.choice(PLACES).upper()
    people, orgs, places = _cast(rng)
    paras = [
        f"{place} ({rng.choice(AGENCIES)}) - {rng.choice(EN_SUBJECTS)} {rng.choice(EN_VERBS)} "
        f"{rng.choice(EN_OBJECTS)} on Monday, officials said, {_filler(rng, EN_GLUE, 14)}."
    ]
    for _ in range(rng.randint(5, 8)):
        if rng.random() < 0.85:
            paras.append(
                f'"We {rng.choice(EN_VERBS)} {rng.choice(EN_OBJECTS)} {_filler(rng, EN_GLUE, 8)}," '
                f"{rng.choice(people)} of the {rng.choice(orgs)} said in {rng.choice(places)} {rng.choice(EN_DAYS)}."
            )
        sentences = [_sentence(rng, EN_GLUE, f"{rng.choice(EN_SUBJECTS + orgs + people)} also {rng.choice(EN_VERBS)} "
                                             f"{rng.choice(EN_OBJECTS)}")]
        sentences += [_sentence(rng, EN_GLUE, rng.choice(EN_GLUE).capitalize()) for _ in range(rng.randint(0, 1))]
        paras.append(" ".join(sentences))
    paras.append(f"(Reporting by {rng.choice(NAMES)}; Editing by {rng.choice(NAMES)})")
    return "\n\n".join(paras)


def query_words(rng: random.Random, k: int = 40) -> list[str]:
    """Search words as people type them: common news words of the templates and words of the made-up
    vocabulary from frequent (rank 1) to rare (rank 20,000), evenly over log-rank."""
    common = ["pelabuhan", "harga", "beras", "Senin", "program", "vaksinasi", "minister", "budget", "council",
              "jalan", "anggaran", "daerah", "traffic", "port", "Jakarta", "Reuters"]
    ranks = sorted({int(10 ** rng.uniform(0, 4.3)) for _ in range(k)})
    return common + [LEXICON[r - 1] for r in ranks if r <= len(LEXICON)]


def _copy(rng: random.Random, story: str) -> str:
    """A syndicated copy: another outlet's dateline and credit, the body as the agency sent it."""
    outlet = rng.choice(["Harian Contoh", "Warta Kita", "Daily Example"])
    for agency in AGENCIES:
        story = story.replace(f"({agency})", f"({outlet})", 1)
    return story.replace("Copyright © ANTARA 2025", "Sumber: ANTARA") + f"\n\n(Copied from the wire by {outlet})"


def generate(n: int, seed: int = 7) -> list[str]:
    """``n`` articles, Indonesian and English in turn; every 20th (from the 20th on) is a syndicated copy of one
    of the 19 before it, so duplicate detection has clusters to find."""
    rng = random.Random(seed)
    out: list[str] = []
    for i in range(n):
        if i >= 20 and i % 20 == 0:
            out.append(_copy(rng, out[i - rng.randint(1, 19)]))
        else:
            out.append(_id_article(rng) if i % 2 == 0 else _en_article(rng))
    return out


def write_jsonl(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i, text in enumerate(generate(n)):
            fh.write(json.dumps({"id": f"gen-{i}", "text": text}, ensure_ascii=False) + "\n")
    return path
