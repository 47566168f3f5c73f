"""The REST API (/api/...): thin routes that parse, call the store or warta.api, and shape JSON."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, Request, UploadFile

from warta.api import analyze, analyze_items
from warta.readers import read_bytes
from warta.record import Record
from warta.settings import Settings
from warta.web import corpus
from warta.web.errors import WebError
from warta.web.payloads import (
    AnalyzeRequest,
    ArticlesResponse,
    Copy,
    DayCount,
    EntitiesResponse,
    ErrorResponse,
    Facets,
    Place,
    QuotesResponse,
    SearchResponse,
    SpeakerRow,
)

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "Bad request or query syntax"},
    401: {"model": ErrorResponse, "description": "Token missing or wrong (servers started with --token)"},
}
router = APIRouter(prefix="/api", responses=ERRORS)

DATE = r"^\d{4}-\d{2}-\d{2}$"
Q = Annotated[str, Query(min_length=1, max_length=500, description='Words, "phrases", AND / OR / NOT, prefix*.')]
QOpt = Annotated[str | None, Query(max_length=500, description="Full-text query (optional here).")]
Lang = Annotated[str | None, Query(max_length=12, description="Language code: id, en...")]
DateFrom = Annotated[str | None, Query(pattern=DATE, description="Published on or after (YYYY-MM-DD).")]
DateTo = Annotated[str | None, Query(pattern=DATE, description="Published on or before (YYYY-MM-DD).")]
Source = Annotated[str | None, Query(max_length=200, description="Agency or credited source.")]
Entity = Annotated[str | None, Query(max_length=200, description="Articles naming this person, org or place.")]
PageNo = Annotated[int, Query(ge=1, le=1000)]
PerPage = Annotated[int, Query(ge=1, le=100)]
MAX_QUOTE_OFFSET = 10_000


def store_of(request: Request) -> Any:
    return request.app.state.stores.get()


def corpus_view(request: Request, name: str, filters: corpus.Filters | None = None, **kwargs: Any) -> Any:
    """A corpus view (facets, timeline, places, speakers, stats); whole-corpus ones are memoised for a minute."""
    store = store_of(request)

    def make() -> Any:
        if name == "stats":
            return store.stats()
        fn = getattr(corpus, name)
        return fn(store, filters, **kwargs) if filters is not None else fn(store, **kwargs)

    if filters is None or filters.empty:
        return request.app.state.memo.get((name, *sorted(kwargs.items())), make)
    return make()


def filters_of(q: str | None, lang: str | None, date_from: str | None, date_to: str | None,
               source: str | None, entity: str | None) -> corpus.Filters:
    return corpus.Filters(q or None, lang or None, date_from or None, date_to or None, source or None, entity or None)


def _search_key(q: str, filters: corpus.Filters, page: int, per_page: int) -> tuple[Any, ...]:
    return ("search", q, *filters.as_kwargs().values(), page, per_page)


def cached_search(request: Request, q: str, filters: corpus.Filters, page: int, per_page: int) -> dict[str, Any]:
    """A page of search results (searcher.search_page), answered from memory when the same search was made within
    ``cache_seconds``. Called from a worker thread (the HTML pages)."""
    return request.app.state.search_cache.get(  # type: ignore[no-any-return]
        _search_key(q, filters, page, per_page), lambda: request.app.state.searcher.search(q, filters, page, per_page))


@router.get("/search", response_model=SearchResponse, summary="Full-text search, ranked (bm25), with snippets")
async def api_search(request: Request, q: Q, lang: Lang = None, date_from: DateFrom = None,
                     date_to: DateTo = None, source: Source = None, entity: Entity = None, page: PageNo = 1,
                     per_page: PerPage = 20) -> Any:
    filters = filters_of(q, lang, date_from, date_to, source, entity)
    key = _search_key(q, filters, page, per_page)
    found = request.app.state.search_cache.lookup(key)
    if found is None:
        found = await request.app.state.searcher.search_async(q, filters, page, per_page)
        request.app.state.search_cache.put(key, found)
    return found


@router.get("/facets", response_model=Facets, summary="Top people, organisations, places and sources of the matches")
def api_facets(request: Request, q: QOpt = None, lang: Lang = None, date_from: DateFrom = None,
               date_to: DateTo = None, source: Source = None, entity: Entity = None,
               top: Annotated[int, Query(ge=1, le=100)] = 10) -> Any:
    return corpus_view(request, "facets", filters_of(q, lang, date_from, date_to, source, entity), top=top)


@router.get("/timeline", response_model=list[DayCount], summary="Articles per publication day of the matches")
def api_timeline(request: Request, q: QOpt = None, lang: Lang = None, date_from: DateFrom = None,
                 date_to: DateTo = None, source: Source = None, entity: Entity = None) -> Any:
    return corpus_view(request, "timeline", filters_of(q, lang, date_from, date_to, source, entity))


@router.get("/places", response_model=list[Place], summary="Places with coordinates named by the matches")
def api_places(request: Request, q: QOpt = None, lang: Lang = None, date_from: DateFrom = None,
               date_to: DateTo = None, source: Source = None, entity: Entity = None,
               top: Annotated[int, Query(ge=1, le=1000)] = 300) -> Any:
    return corpus_view(request, "places", filters_of(q, lang, date_from, date_to, source, entity), top=top)


@router.get("/articles", response_model=ArticlesResponse, summary="Articles, newest first")
def api_articles(request: Request, page: PageNo = 1, per_page: PerPage = 20) -> Any:
    store = store_of(request)
    rows = corpus.recent(store, limit=per_page, offset=(page - 1) * per_page)
    total = store.count()
    return {"page": page, "per_page": per_page, "total": total,
            "has_more": (page - 1) * per_page + len(rows) < total, "results": rows}


@router.get("/articles/{id:path}/copies", response_model=list[Copy], responses={404: {"model": ErrorResponse}},
            summary="Syndicated copies of an article (near duplicates in the store)")
def api_copies(request: Request, id: str) -> Any:
    store = store_of(request)
    return corpus.copies(store, store.get(id))


@router.get("/articles/{id:path}", response_model=Record, responses={404: {"model": ErrorResponse}},
            summary="One article's full record (text, anatomy, entities, quotes, dates, with offsets)")
def api_article(request: Request, id: str) -> Any:
    return store_of(request).get(id)


@router.get("/quotes", response_model=QuotesResponse, summary="Quotes, by speaker or article, by date")
def api_quotes(request: Request, speaker: Annotated[str | None, Query(max_length=200)] = None,
               article: Annotated[str | None, Query(max_length=300)] = None,
               page: PageNo = 1, per_page: PerPage = 50) -> Any:
    offset = (page - 1) * per_page
    if offset > MAX_QUOTE_OFFSET:
        raise WebError(400, "bad_request", f"page too far: quotes are paged up to offset {MAX_QUOTE_OFFSET:,}")
    rows = store_of(request).quotes(speaker=speaker or None, article=article or None, limit=offset + per_page + 1)
    results = list(rows)[offset : offset + per_page]
    return {"page": page, "per_page": per_page, "total": None, "has_more": len(rows) > offset + per_page,
            "results": results}


@router.get("/speakers", response_model=list[SpeakerRow], summary="Who is quoted, most quoted first")
def api_speakers(request: Request, top: Annotated[int, Query(ge=1, le=1000)] = 100) -> Any:
    return corpus_view(request, "speakers", top=top)


@router.get("/entities", response_model=EntitiesResponse, summary="Entities by how many articles name them")
def api_entities(request: Request,
                 type: Annotated[str | None, Query(max_length=20, description="PER, ORG, LOC")] = None,
                 top: Annotated[int, Query(ge=1, le=1000)] = 50) -> Any:
    return {"results": list(store_of(request).entities(type=type or None, top=top))}


@router.get("/stats", summary="Corpus counts: articles, languages, dates, entities, quotes (up to a minute old)")
def api_stats(request: Request) -> dict[str, Any]:
    stats = dict(corpus_view(request, "stats"))
    stats.pop("file_bytes", None)
    return stats


def check_analyze_allowed(request: Request) -> None:
    if request.app.state.config.read_only:
        raise WebError(403, "forbidden", "this server is read-only: analysing new text is turned off")


@router.post("/analyze", response_model=Record, responses={403: {"model": ErrorResponse},
             413: {"model": ErrorResponse}}, summary="Analyse a text (not stored)")
def api_analyze(request: Request, body: AnalyzeRequest) -> Any:
    check_analyze_allowed(request)
    record = analyze(body.text, lang=None if body.lang in (None, "auto") else body.lang,
                     published=body.published, title=body.title, url=body.url, settings=request.app.state.settings)
    return record.to_dict()


def analyze_upload(data: bytes, filename: str, lang: str | None, settings: Settings) -> Record:
    """The first article of an uploaded file (text, HTML or JSON), analysed; a failed read is a 400."""
    name = (filename or "upload.txt").replace("/", "_")[-200:]
    items = list(read_bytes(data, name, settings=settings))
    if not items:
        raise WebError(400, "no_text", "the file holds no article")
    record = next(iter(analyze_items(items[:1], settings=settings)))
    if record.error:
        raise WebError(400, record.error.type, record.error.message)
    if lang in ("id", "en") and record.lang != lang:
        record = analyze(record.text, lang=lang, title=record.title, url=record.url, settings=settings)
    return record


@router.post("/analyze/file", response_model=Record, responses={403: {"model": ErrorResponse},
             413: {"model": ErrorResponse}}, summary="Analyse an uploaded file: text, HTML or JSON (not stored)")
def api_analyze_file(request: Request, file: Annotated[UploadFile, File(description="The article file.")],
                     lang: Annotated[str | None, Form(pattern="^(id|en|auto)$")] = None) -> Any:
    check_analyze_allowed(request)
    data = file.file.read()
    return analyze_upload(data, file.filename or "upload.txt", lang, request.app.state.settings).to_dict()
