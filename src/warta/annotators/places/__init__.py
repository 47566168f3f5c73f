"""Places: an offline gazetteer, disambiguation in context, and the annotator that geocodes LOC entities.

- ``PlacesAnnotator``: sets ``geo`` on LOC entities and on the dateline when confident.
- ``geocode(entities, dateline, lang=...)``: the same, on entity lists built by hand.
- ``explain_place(name, context)``: the candidates for a name with their scores and reasons (``--explain``).
- ``find_place_mentions(text, start, end)``: known place names in a text (a fallback LOC spotter).
"""

from __future__ import annotations

from warta.annotators.places.annotator import PlacesAnnotator, geocode
from warta.annotators.places.gazetteer import Gazetteer, Place, gazetteer
from warta.annotators.places.resolve import PlaceContext, candidates, explain_place, resolve
from warta.annotators.places.spotter import find_place_mentions

__all__ = [
    "Gazetteer",
    "Place",
    "PlaceContext",
    "PlacesAnnotator",
    "candidates",
    "explain_place",
    "find_place_mentions",
    "gazetteer",
    "geocode",
    "resolve",
]
