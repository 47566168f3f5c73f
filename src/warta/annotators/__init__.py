"""Annotators, each adding one kind of annotation to a document.

The registry lists the built-ins in the order they run. Outside packages add annotators through the
``warta.annotators`` entry-point group with the same interface; nothing registers itself on import.
"""

from __future__ import annotations

from warta.annotators.anatomy import AnatomyAnnotator
from warta.annotators.base import Annotator
from warta.annotators.dates import DatesAnnotator
from warta.annotators.entities import EntitiesAnnotator
from warta.annotators.language import LanguageAnnotator
from warta.annotators.places import PlacesAnnotator
from warta.annotators.published import PublishedAnnotator
from warta.annotators.quotes import QuotesAnnotator

__all__ = ["Annotator", "builtin_annotators"]


def builtin_annotators(*, use_models: bool = True) -> list[Annotator]:
    """The built-in annotators, in order. ``use_models=False`` makes model-backed annotators use rules."""
    del use_models  # each annotator reads document.settings.use_models itself
    return [
        LanguageAnnotator(),
        AnatomyAnnotator(),
        PublishedAnnotator(),
        EntitiesAnnotator(),
        PlacesAnnotator(),
        QuotesAnnotator(),
        DatesAnnotator(),
    ]
