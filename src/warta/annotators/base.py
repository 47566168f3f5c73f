"""What an annotator is: small, declares itself, and finds items in a document."""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from warta.document import Document


@runtime_checkable
class Annotator(Protocol):
    """``find`` returns ``{field: value}`` for the record fields it ``provides``; the pipeline writes them.

    ``requires`` names fields that must be provided by an earlier annotator. ``find`` must not mutate the
    document; it may read ``document.fields`` for what earlier annotators found.
    """

    name: str
    version: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def find(self, document: Document) -> dict[str, Any]: ...
