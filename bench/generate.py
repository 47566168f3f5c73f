"""Generated articles for benchmarks: wire-story layouts filled from word lists (no real articles)."""

from __future__ import annotations

import json
import random
from pathlib import Path

PLACES = ["Jakarta", "Surabaya", "Medan", "Makassar", "Bandung", "Denpasar", "Kupang", "Ambon"]
AGENCIES = ["ANTARA", "Reuters", "AFP"]
NAMES = ["Andi Saputra", "Sri Wahyuni", "Budi Santoso", "Dewi Lestari", "Rina Maharani", "Yoga Pratama"]
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


def _id_article(rng: random.Random) -> str:
    place, agency = rng.choice(PLACES), "ANTARA"
    paras = [
        f"{place} ({agency}) - {rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} pada Senin."
    ]
    for _ in range(rng.randint(4, 9)):
        paras.append(
            f'"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} demi kepentingan warga," '
            f"kata {rng.choice(NAMES)} di {rng.choice(PLACES)}."
        )
        paras.append(f"{rng.choice(SUBJECTS)} juga {rng.choice(VERBS)} {rng.choice(OBJECTS)} tahun lalu.")
    paras.insert(3, f"Baca juga: {rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}")
    paras += [f"Pewarta: {rng.choice(NAMES)}", f"Editor: {rng.choice(NAMES)}", "Copyright © ANTARA 2025"]
    return "\n".join(paras)


def _en_article(rng: random.Random) -> str:
    place = rng.choice(PLACES).upper()
    paras = [
        f"{place} ({rng.choice(AGENCIES)}) - {rng.choice(EN_SUBJECTS)} {rng.choice(EN_VERBS)} "
        f"{rng.choice(EN_OBJECTS)} on Monday, officials said."
    ]
    for _ in range(rng.randint(4, 9)):
        paras.append(f'"We {rng.choice(EN_VERBS)} {rng.choice(EN_OBJECTS)}," {rng.choice(NAMES)} said.')
        paras.append(
            f"{rng.choice(EN_SUBJECTS)} also {rng.choice(EN_VERBS)} {rng.choice(EN_OBJECTS)} last year."
        )
    paras.append(f"(Reporting by {rng.choice(NAMES)}; Editing by {rng.choice(NAMES)})")
    return "\n\n".join(paras)


def generate(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return [_id_article(rng) if i % 2 == 0 else _en_article(rng) for i in range(n)]


def write_jsonl(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i, text in enumerate(generate(n)):
            fh.write(json.dumps({"id": f"gen-{i}", "text": text}, ensure_ascii=False) + "\n")
    return path
