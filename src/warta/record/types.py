"""The record: warta's contract with its users (schema v1).

Every extracted item that points into the article carries ``start``/``end`` character offsets into
``Record.text`` and its own ``text``, so that ``record.text[start:end] == item.text`` always holds.
Change these types deliberately: bump SCHEMA_VERSION, regenerate docs/schema.md and record.schema.json
(``make schema``), and say so in CHANGELOG.md.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0.0"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """A piece of evidence: ``text == record.text[start:end]``."""

    start: int = Field(description="Offset of the first character in the record's text.")
    end: int = Field(description="Offset one past the last character.")
    text: str = Field(description="The text at [start:end].")


class Published(_Model):
    date: str | None = Field(None, description="ISO date (YYYY-MM-DD) or datetime of publication.")
    source: Literal["metadata", "text", "inferred"] | None = Field(
        None, description="Where the date came from: the input's metadata, a date in the text, or inferred."
    )
    start: int | None = Field(None, description="Offset of the evidence in the text, when from the text.")
    end: int | None = None
    text: str | None = None
    reasoning: str | None = Field(None, description="How an inferred date was reached.")


class Geo(_Model):
    lat: float
    lon: float
    country: str | None = Field(None, description="ISO 3166-1 alpha-2 code.")
    admin1: str | None = None
    geonameid: int | None = None
    feature: str | None = Field(None, description="country, admin region, city, ...")
    score: float | None = None


class Dateline(_Model):
    """The opening dateline, e.g. ``Moskow (ANTARA) -``: the span covers it whole, dash included."""

    place: str | None = Field(None, description="Place as printed, e.g. 'Moskow', 'HEMPSTEAD, N.Y.'.")
    agency: str | None = Field(None, description="Agency or outlet as printed, e.g. 'ANTARA', 'KOMPAS.com'.")
    date: str | None = Field(None, description="Date as printed in the dateline, e.g. 'April 28'.")
    start: int
    end: int
    text: str
    place_span: Span | None = None
    agency_span: Span | None = None
    geo: Geo | None = Field(None, description="Where the dateline place is, when warta is confident.")


class Credit(_Model):
    """A person credited for the story; the span is the name itself."""

    role: str = Field(
        description="reporter, writer, translator, editor, photographer, contributor, producer."
    )
    name: str
    start: int
    end: int
    text: str
    label: str | None = Field(None, description="The label as printed: 'Pewarta', 'Editing by'.")


class Source(_Model):
    """An agency or outlet the story is credited to or taken from, in attribution order."""

    name: str
    start: int
    end: int
    text: str
    cue: str | None = Field(None, description="What introduced it: 'Sumber', 'dilansir', 'Source'.")


class Related(_Model):
    """A 'Baca juga' / 'Read also' / video promo line; the span is the linked title."""

    title: str
    start: int
    end: int
    text: str
    cue: str = Field(description="The label as printed: 'Baca juga', 'Tonton juga video'.")
    line: Span = Field(description="The whole line, label included.")


class Copyright(_Model):
    holder: str | None = None
    year: int | None = None
    start: int
    end: int
    text: str


class Paragraph(_Model):
    """A body paragraph: datelines, credits, sources, related and residue lines excluded."""

    start: int
    end: int
    text: str


class Mention(_Model):
    start: int
    end: int
    text: str


class Entity(_Model):
    id: str = Field(description="Stable within the record, e.g. 'e1'.")
    type: str = Field(description="PER, ORG, LOC, or another label a model supports.")
    name: str = Field(description="Canonical name in this article, titles stripped.")
    title: str | None = Field(None, description="Title or role, e.g. 'Presiden Rusia'.")
    mentions: list[Mention] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)
    geo: Geo | None = None


class Speaker(_Model):
    name: str | None = None
    entity: str | None = Field(None, description="The speaker entity's id.")
    start: int | None = None
    end: int | None = None
    text: str | None = Field(None, description="The mention that attributes the quote: 'Putin', 'ia'.")


class Cue(_Model):
    text: str
    start: int
    end: int


class Quote(_Model):
    kind: Literal["direct", "indirect", "mixed"]
    text: str = Field(description="The quoted content, without quote marks.")
    start: int
    end: int
    speaker: Speaker | None = None
    cue: Cue | None = None
    paragraph: int | None = Field(None, description="Index into body.")


class DateMention(_Model):
    text: str
    start: int
    end: int
    value: str | None = Field(None, description="ISO date, datetime, YYYY-MM, YYYY or 'A/B' range.")
    granularity: str | None = None
    relative_to: str | None = Field(None, description="The date a relative expression resolved against.")


class ErrorInfo(_Model):
    type: str
    message: str


class AnnotatorFailure(_Model):
    annotator: str
    type: str
    message: str


class Record(_Model):
    """One article, analysed."""

    schema_version: str = SCHEMA_VERSION
    id: str = Field(description="Given by the input, or a content hash.")
    source: str | None = Field(
        None, description="Path (with ':line' for JSONL) or URL the article came from."
    )
    url: str | None = None
    lang: str | None = Field(None, description="ISO 639-1 code ('id', 'en', ...) or 'und'.")
    title: str | None = None
    title_span: Span | None = Field(None, description="Where the headline stands in the text, if it does.")
    text: str = Field("", description="The input text as decoded (for HTML: the extracted main text).")
    published: Published | None = None
    dateline: Dateline | None = None
    credits: list[Credit] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    related: list[Related] = Field(default_factory=list)
    copyright: Copyright | None = None
    body: list[Paragraph] = Field(default_factory=list)
    clean_text: str = Field("", description="The body paragraphs joined by blank lines.")
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    meta: dict[str, Any] = Field(
        default_factory=dict, description="What the reader knew beside the text: author, sitename, encoding."
    )
    annotators: dict[str, str] = Field(
        default_factory=dict, description="Annotator name -> version that ran."
    )
    failures: list[AnnotatorFailure] = Field(default_factory=list, description="Annotators that failed.")
    error: ErrorInfo | None = Field(None, description="Set when the input could not be analysed at all.")

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")
