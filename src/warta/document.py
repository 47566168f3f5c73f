"""One article's working state while annotators run over it."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from warta.readers.base import RawArticle
from warta.settings import DEFAULT_SETTINGS, Settings


@dataclass(frozen=True)
class Line:
    """A line of the text: [start, end) without its line break."""

    index: int
    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass
class Document:
    """The text, what the reader knew about it, and the fields annotators have filled so far."""

    article: RawArticle
    settings: Settings = DEFAULT_SETTINGS
    fields: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def lang(self) -> str | None:
        return self.fields.get("lang")

    @cached_property
    def lines(self) -> list[Line]:
        out: list[Line] = []
        pos = 0
        text = self.text
        for i, raw in enumerate(text.split("\n")):
            end = pos + len(raw)
            stop = end - 1 if raw.endswith("\r") else end
            out.append(Line(i, pos, stop, text[pos:stop]))
            pos = end + 1
        return out

    def get(self, name: str, default: Any = None) -> Any:
        return self.fields.get(name, default)
