"""The publication date: from the input's metadata when it has one; else from the text (a date line, the
dateline's date, the lead's 'Senin (20/10/2025)'); else inferred from the article's evidence, with the
reasoning kept. The text work lives in :mod:`warta.annotators.dates.infer`.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from warta.annotators.dates import date_regions
from warta.annotators.dates.infer import published_from_text
from warta.document import Document
from warta.record import Published

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def normalise_date(value: str) -> str | None:
    """An ISO date (YYYY-MM-DD) for a metadata date string, or None if it cannot be read."""
    value = value.strip()
    if not value:
        return None
    if _ISO.match(value):
        try:
            return date.fromisoformat(value[:10]).isoformat()
        except ValueError:
            return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(value, languages=["en", "id"], settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date().isoformat() if parsed else None


class PublishedAnnotator:
    name = "published"
    version = "2"
    requires: tuple[str, ...] = ()
    provides = ("published",)

    def find(self, document: Document) -> dict[str, Any]:
        given = document.article.published
        if given:
            iso = normalise_date(given)
            if iso:
                return {"published": Published(date=iso, source="metadata")}
        return {"published": published_from_text(document, date_regions(document))}
