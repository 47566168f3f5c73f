"""Language identification: a fast function-word vote for Indonesian and English, py3langid otherwise."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from warta.document import Document

_WORD = re.compile(r"[a-z]+")
_ID_WORDS = frozenset(
    "yang dan di dari ini itu dengan untuk pada tidak dalam akan ke juga oleh kata bahwa adalah "
    "telah sudah karena saat atau tersebut para mereka kami kita ada menjadi bisa lebih ".split()
)
_EN_WORDS = frozenset(
    "the of and to in is that for on with was said as by at from has have are were be it this which "
    "but not an will would their its been ".split()
)
# py3langid confuses Indonesian and Malay on short texts; warta reads both as Indonesian
_ALIASES = {"ms": "id"}


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify_language(text: str, sample_chars: int = 2000) -> tuple[str, float]:
    """(ISO 639-1 code or 'und', confidence). Decides id/en by function words when they are clear."""
    sample = text[:sample_chars]
    words = _WORD.findall(sample.lower())
    if not words:
        return "und", 0.0
    n_id = sum(1 for w in words if w in _ID_WORDS)
    n_en = sum(1 for w in words if w in _EN_WORDS)
    if n_id >= 8 and n_id >= 4 * n_en:
        return "id", round(n_id / (n_id + n_en), 3)
    if n_en >= 8 and n_en >= 4 * n_id:
        return "en", round(n_en / (n_id + n_en), 3)
    code, prob = _identifier().classify(sample)
    return _ALIASES.get(code, code), round(float(prob), 3)


class LanguageAnnotator:
    name = "language"
    version = "1"
    requires: tuple[str, ...] = ()
    provides = ("lang",)

    def find(self, document: Document) -> dict[str, Any]:
        forced = document.settings.lang
        if forced and forced != "auto":
            return {"lang": forced}
        if document.article.lang:
            return {"lang": document.article.lang}
        code, _ = identify_language(document.text, document.settings.lang_sample_chars)
        return {"lang": code}
