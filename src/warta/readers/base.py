"""What every reader yields: an article to analyse, or the reason one could not be read."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from warta.errors import WartaError


@dataclass
class RawArticle:
    """An article as a reader found it: decoded text plus what the source knew beside the text."""

    text: str
    source: str | None = None
    id: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    lang: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def article_id(self) -> str:
        """The given id, else a content hash of the text."""
        return self.id or content_id(self.text)


@dataclass
class ReadFailure:
    """An input that could not be read; it becomes an error record, in its place in the batch."""

    source: str | None
    error: WartaError
    id: str | None = None


def content_id(text: str) -> str:
    return "sha1:" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
