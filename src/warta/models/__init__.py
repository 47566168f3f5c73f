"""warta's own spaCy pipelines, shipped inside the package and loaded lazily.

``load("id")`` / ``load("en")`` return the pipeline for a language (loaded once per process) or
``None`` when that model directory is not installed, so callers can fall back to rule-based code.
The pipelines are built by ``training/build_models.py`` (``make models``); see ``<lang>/MODEL_CARD.md``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MODELS_DIR = Path(__file__).resolve().parent
LANGUAGES: tuple[str, ...] = ("id", "en")

__all__ = ["LANGUAGES", "MODELS_DIR", "available", "load", "model_path"]


def model_path(lang: str) -> Path:
    """Directory of the shipped pipeline for ``lang`` (which may not exist)."""
    return MODELS_DIR / lang


def _is_model_dir(path: Path) -> bool:
    return (path / "config.cfg").is_file() and (path / "meta.json").is_file()


def available() -> list[str]:
    """Languages whose pipeline is installed, in ``LANGUAGES`` order."""
    return [lang for lang in LANGUAGES if _is_model_dir(model_path(lang))]


@cache
def load(lang: str) -> Language | None:
    """The shipped pipeline for ``lang`` ("id" or "en"), cached per process; ``None`` if missing."""
    path = model_path(lang)
    if lang not in LANGUAGES or not _is_model_dir(path):
        return None
    import spacy  # imported lazily: spaCy is slow to import and not needed with --no-models

    return spacy.load(path)
