"""Shapes of the REST API's requests and responses (they document the OpenAPI spec)."""

from __future__ import annotations

from pydantic import BaseModel, Field


class ErrorBody(BaseModel):
    type: str = Field(description="Stable error type: bad_request, query_syntax, not_found, unauthorized...")
    message: str


class ErrorResponse(BaseModel):
    error: ErrorBody


class Page(BaseModel):
    page: int
    per_page: int
    total: int | None = Field(None, description="All matches, when counted.")
    total_exact: bool = Field(True, description="False when total is an estimate (searches with very many "
                              "matches: exact up to 2,000 on SQLite, 5,000 on PostgreSQL).")
    has_more: bool


class ArticleRow(BaseModel):
    id: str
    title: str | None = None
    published: str | None = None
    lang: str | None = None
    agency: str | None = None
    url: str | None = None


class SearchHit(ArticleRow):
    score: float | None = Field(None, description="bm25: lower is better.")
    snippet: str = Field(description="Plain text around the matches.")
    highlights: list[list[int]] = Field(description="[start, end] offsets of the matched words in snippet.")


class SearchResponse(Page):
    query: str
    results: list[SearchHit]


class Count(BaseModel):
    name: str
    count: int


class Facets(BaseModel):
    people: list[Count]
    organisations: list[Count]
    places: list[Count]
    sources: list[Count]


class DayCount(BaseModel):
    day: str | None = Field(description="YYYY-MM-DD; null counts undated articles.")
    count: int


class Place(BaseModel):
    name: str
    lat: float
    lon: float
    country: str | None = None
    articles: int


class QuoteRow(BaseModel):
    article: str
    published: str | None = None
    speaker: str | None = None
    cue: str | None = None
    kind: str
    start: int
    end: int
    text: str


class QuotesResponse(Page):
    results: list[QuoteRow]


class EntityRow(BaseModel):
    name: str
    type: str
    articles: int
    mentions: int


class EntitiesResponse(BaseModel):
    results: list[EntityRow]


class SpeakerRow(BaseModel):
    name: str
    quotes: int
    articles: int


class Copy(BaseModel):
    id: str
    title: str | None = None
    published: str | None = None
    agency: str | None = None
    similarity: float


class ArticlesResponse(Page):
    results: list[ArticleRow]


class AnalyzeRequest(BaseModel):
    text: str = Field(description="The article text.", min_length=1)
    lang: str | None = Field(None, description="id, en, or omit to identify it.", pattern="^(id|en|auto)$")
    published: str | None = Field(None, description="Publication date (ISO), when known.", max_length=40)
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
