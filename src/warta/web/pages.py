"""The HTML pages: search, article, speakers, map & timeline, analyze. Routes parse, call, render."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse

from warta.api import analyze
from warta.store import QuerySyntaxError
from warta.web import corpus
from warta.web.annotated import annotate_record, snippet_html
from warta.web.charts import map_points, timeline_bars
from warta.web.errors import WebError
from warta.web.rest import (
    DATE,
    analyze_upload,
    cached_search,
    check_analyze_allowed,
    corpus_view,
    filters_of,
    store_of,
)

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
PER_PAGE = 20
Opt = Annotated[str | None, Query(max_length=500)]
OptDate = Annotated[str | None, Query(max_length=10)]


def _render(request: Request, template: str, **context: Any) -> HTMLResponse:
    renderer = request.app.state.renderer
    html = renderer.page(template, read_only=request.app.state.config.read_only, **context)
    return HTMLResponse(html)


def _date(value: str | None) -> str | None:
    """A date filter from a form: empty is none; anything but YYYY-MM-DD is a 400."""
    if not value:
        return None
    if not re.match(DATE, value):
        raise WebError(400, "bad_request", f"dates are YYYY-MM-DD, not {value!r}")
    return value


def _pages(page: int, total: int, per_page: int) -> list[int]:
    last = max(1, -(-total // per_page))
    return [p for p in range(max(1, page - 3), min(last, page + 3) + 1)]


@router.get("/")
def search(request: Request, q: Opt = None, lang: Opt = None, date_from: OptDate = None, date_to: OptDate = None,
           source: Opt = None, entity: Opt = None, page: Annotated[int, Query(ge=1, le=1000)] = 1) -> HTMLResponse:
    store = store_of(request)
    q = (q or "").strip()
    filters = filters_of(q, lang, _date(date_from), _date(date_to), source, entity)
    params = {"q": q, "lang": lang, "date_from": date_from, "date_to": date_to, "source": source, "entity": entity}
    stats = corpus_view(request, "stats")
    result: dict[str, Any] | None = None
    recent: list[dict[str, Any]] = []
    try:
        if q:
            result = dict(cached_search(request, q, filters, page, PER_PAGE))
            result["results"] = [{**hit, "snippet_html": snippet_html(hit["snippet"], hit["highlights"])}
                                 for hit in result["results"]]
        else:
            recent = corpus.recent(store, limit=PER_PAGE, offset=(page - 1) * PER_PAGE)
        facets = corpus_view(request, "facets", filters)
    except QuerySyntaxError as exc:  # the page again, saying what is wrong with the query
        empty: dict[str, list[Any]] = {k: [] for k in ("people", "organisations", "places", "sources")}
        html = request.app.state.renderer.page(
            "search.html", read_only=request.app.state.config.read_only, active="/", params=params, result=None,
            recent=[], stats=stats, facets=empty, page=1, pages=[1], last_page=1, total=0, query_error=exc.message)
        return HTMLResponse(html, status_code=400)
    total = result["total"] if result else stats["articles"]
    return _render(
        request, "search.html", active="/", params=params, result=result, recent=recent, stats=stats,
        facets=facets, page=page, pages=_pages(page, total, PER_PAGE),
        last_page=max(1, -(-total // PER_PAGE)), total=total,
    )


@router.get("/articles/{id:path}")
def article(request: Request, id: str) -> HTMLResponse:
    store = store_of(request)
    record = store.get(id)
    view = annotate_record(record)
    return _render(request, "article.html", active="", record=record, view=view, stored=True,
                   copies=corpus.copies(store, record), points=map_points(corpus.record_places(record)))


@router.get("/speakers")
def speakers(request: Request) -> HTMLResponse:
    rows = corpus_view(request, "speakers", top=300)
    return _render(request, "speakers.html", active="/speakers", speakers=rows)


@router.get("/speakers/{name:path}")
def speaker(request: Request, name: str) -> HTMLResponse:
    quotes = store_of(request).quotes(speaker=name, limit=1000)
    by_date: dict[str, list[dict[str, Any]]] = {}
    for q in quotes:
        by_date.setdefault(q.get("published") or "undated", []).append(q)
    return _render(request, "speaker.html", active="/speakers", name=name, count=len(quotes),
                   by_date=sorted(by_date.items(), key=lambda kv: (kv[0] == "undated", kv[0])))


@router.get("/map")
def map_page(request: Request, q: Opt = None, lang: Opt = None, date_from: OptDate = None,
             date_to: OptDate = None, source: Opt = None, entity: Opt = None) -> HTMLResponse:
    filters = filters_of((q or "").strip(), lang, _date(date_from), _date(date_to), source, entity)
    params = {"q": q, "lang": lang, "date_from": date_from, "date_to": date_to, "source": source, "entity": entity}
    places = corpus_view(request, "places", filters)
    timeline = timeline_bars(corpus_view(request, "timeline", filters))
    return _render(request, "map.html", active="/map", params=params, points=map_points(places),
                   timeline=timeline, stats=corpus_view(request, "stats"))


@router.get("/analyze")
def analyze_form(request: Request) -> HTMLResponse:
    return _render(request, "analyze.html", active="/analyze", text="", lang="auto")


@router.post("/analyze")
def analyze_submit(request: Request, text: Annotated[str, Form()] = "",
                   lang: Annotated[str, Form(pattern="^(auto|id|en)$")] = "auto",
                   file: Annotated[UploadFile | None, File()] = None) -> HTMLResponse:
    check_analyze_allowed(request)
    data = file.file.read() if file is not None and file.filename else b""
    if data:
        name = file.filename if file and file.filename else "upload.txt"
        record = analyze_upload(data, name, lang, request.app.state.settings)
    elif text.strip():
        record = analyze(text, lang=None if lang == "auto" else lang, settings=request.app.state.settings)
    else:
        raise WebError(400, "empty_input", "paste an article or choose a file to analyse")
    data_dict = record.to_dict()
    view = annotate_record(data_dict)
    return _render(request, "article.html", active="/analyze", record=data_dict, view=view, stored=False,
                   copies=[], points=map_points(corpus.record_places(data_dict)))
