"""The REST API in-process: shapes, paging, errors as JSON with the right status, token and body limits."""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import Server

fastapi = pytest.importorskip("fastapi")
with warnings.catch_warnings():  # starlette's note that it prefers httpx2: not ours to act on
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from warta.web import WebConfig, create_app  # noqa: E402


@pytest.fixture(scope="module")
def client(store_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(WebConfig(db=str(store_db), use_models=False))) as c:
        yield c


def _error(resp: Any, status: int, etype: str | None = None) -> dict[str, Any]:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"} and set(body["error"]) == {"type", "message"}
    if etype:
        assert body["error"]["type"] == etype
    return dict(body["error"])


def test_search_pages_and_highlights(client: TestClient) -> None:
    first = client.get("/api/search", params={"q": "the OR warga OR di", "per_page": 2}).json()
    assert first["total"] >= 3 and len(first["results"]) == 2 and first["has_more"]
    second = client.get("/api/search", params={"q": "the OR warga OR di", "per_page": 2, "page": 2}).json()
    assert {r["id"] for r in first["results"]}.isdisjoint(r["id"] for r in second["results"])
    hit = first["results"][0]
    for start, end in hit["highlights"]:
        assert 0 <= start < end <= len(hit["snippet"])


def test_search_filters_facets_timeline_places(client: TestClient) -> None:
    en = client.get("/api/search", params={"q": "the", "lang": "en"}).json()
    assert en["results"] and all(r["lang"] == "en" for r in en["results"])
    facets = client.get("/api/facets", params={"q": "pelabuhan"}).json()
    assert set(facets) == {"people", "organisations", "places", "sources"}
    days = client.get("/api/timeline").json()
    assert sum(d["count"] for d in days) == client.get("/api/stats").json()["articles"]
    places = client.get("/api/places").json()
    assert places and all(-90 <= p["lat"] <= 90 for p in places)


def test_article_quotes_entities_copies(client: TestClient) -> None:
    hit = client.get("/api/search", params={"q": "pelabuhan"}).json()["results"][0]
    record = client.get(f"/api/articles/{hit['id']}").json()
    assert record["id"] == hit["id"]
    for q in record["quotes"]:
        assert record["text"][q["start"] : q["end"]] == q["text"]
    assert isinstance(client.get(f"/api/articles/{hit['id']}/copies").json(), list)
    quotes = client.get("/api/quotes", params={"article": hit["id"]}).json()
    assert len(quotes["results"]) == len(record["quotes"])
    assert client.get("/api/entities", params={"type": "PER", "top": 3}).json()["results"]
    assert client.get("/api/speakers").json()


def test_errors_are_json_with_status(client: TestClient) -> None:
    _error(client.get("/api/articles/no-such-article"), 404, "not_in_store")
    _error(client.get("/api/search", params={"q": '"unclosed'}), 400, "query_syntax")
    _error(client.get("/api/search", params={"q": "AND"}), 400, "query_syntax")
    _error(client.get("/api/search"), 400, "bad_request")
    _error(client.get("/api/search", params={"q": "x", "date_from": "yesterday"}), 400, "bad_request")
    _error(client.get("/api/no-such-endpoint"), 404, "not_found")
    _error(client.post("/api/analyze", json={"text": ""}), 400, "bad_request")
    _error(client.post("/api/analyze", content=b"{not json", headers={"content-type": "application/json"}), 400)
    page = client.get("/articles/no-such-article", headers={"accept": "text/html"})
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]


def test_analyze_json_and_upload_are_not_stored(client: TestClient) -> None:
    before = client.get("/api/stats").json()["articles"]
    text = "JAKARTA (ANTARA) - Menteri Andi Saputra meresmikan pelabuhan baru pada Senin.\n\nPewarta: Dewi Lestari"
    record = client.post("/api/analyze", json={"text": text}).json()
    assert record["text"] == text and record["dateline"]["agency"] == "ANTARA"
    up = client.post("/api/analyze/file", files={"file": ("a.txt", io.BytesIO(text.encode()), "text/plain")})
    assert up.status_code == 200 and up.json()["text"] == text
    _error(client.post("/api/analyze/file", files={"file": ("a.bin", io.BytesIO(b"\x00\x01\x02" * 50),
                                                            "application/octet-stream")}), 400)
    assert client.get("/api/stats").json()["articles"] == before


def test_upload_over_the_limit_is_413(store_db: Path) -> None:
    with TestClient(create_app(WebConfig(db=str(store_db), max_upload_bytes=10_000, use_models=False))) as c:
        _error(c.post("/api/analyze", json={"text": "x" * 20_000}), 413, "payload_too_large")
        big = io.BytesIO(b"kata " * 5000)
        _error(c.post("/api/analyze/file", files={"file": ("a.txt", big, "text/plain")}), 413, "payload_too_large")


def test_token_is_required_when_set(store_db: Path) -> None:
    with TestClient(create_app(WebConfig(db=str(store_db), token="s3cret", use_models=False))) as c:
        _error(c.get("/api/stats"), 401, "unauthorized")
        _error(c.get("/api/stats", headers={"Authorization": "Bearer wrong"}), 401, "unauthorized")
        assert c.get("/api/stats", headers={"Authorization": "Bearer s3cret"}).status_code == 200
        assert c.get("/static/app.css").status_code == 200
        # a page opened once with ?token= keeps it in a cookie
        first = c.get("/?token=s3cret", follow_redirects=False)
        assert first.status_code == 303 and first.headers["location"] == "/"
        assert "HttpOnly" in first.headers["set-cookie"]
        assert c.get("/").status_code == 200


def test_read_only_turns_analyze_off(store_db: Path) -> None:
    with TestClient(create_app(WebConfig(db=str(store_db), read_only=True, use_models=False))) as c:
        _error(c.post("/api/analyze", json={"text": "Kata dia."}), 403, "forbidden")
        assert c.get("/api/search", params={"q": "warga"}).status_code == 200


def test_security_headers_on_every_response(server: Server) -> None:
    for path in ("/", "/api/stats", "/api/articles/nope", "/static/app.js", "/openapi.json"):
        _, headers, _ = server.get(path)
        headers = {k.lower(): v for k, v in headers.items()}
        assert "script-src 'self'" in headers["content-security-policy"], path
        assert headers["x-content-type-options"] == "nosniff"


def test_serve_refuses_another_interface_without_token_or_read_only(store_db: Path) -> None:
    from click.testing import CliRunner

    from warta.cli.serve import is_loopback, serve_command

    result = CliRunner().invoke(serve_command, ["--db", str(store_db), "--host", "0.0.0.0"])
    assert result.exit_code == 2 and "--token" in result.output
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")
    missing = CliRunner().invoke(serve_command, ["--db", str(store_db.with_name("missing.db"))])
    assert missing.exit_code == 1 and "no store" in missing.output


class _InterfaceOnly:
    """A store seen through the shared interface only (as a PostgreSQL store is): no SQL connection."""

    backend = "postgresql"

    def __init__(self, store: Any) -> None:
        self._store = store

    def __getattr__(self, name: str) -> Any:
        if name == "conn":
            raise AttributeError(name)
        return getattr(self._store, name)


def test_corpus_views_work_through_the_store_interface_alone(store_db: Path) -> None:
    from warta.store import open_store
    from warta.web import corpus

    sql = open_store(store_db, readonly=True)
    store = _InterfaceOnly(sql)
    query = corpus.Filters("pelabuhan OR council OR warga")
    facets = corpus.facets(store, query)
    assert set(facets) == {"people", "organisations", "places", "sources"} and facets["places"]
    assert {r["name"] for r in facets["places"]} <= {r["name"] for r in corpus.facets(sql, query, top=50)["places"]}
    assert sum(d["count"] for d in corpus.timeline(store, query)) == sql.search(query.query or "").total
    assert corpus.places(store, query) and corpus.speakers(store)
    assert corpus.facets(store, corpus.Filters())["people"]
    assert corpus.recent(store) == [] and corpus.copies(store, sql.get("copy-council")) == []


def test_searches_in_a_pool_of_processes_answer_as_in_process(store_db: Path, client: TestClient) -> None:
    """`warta serve --workers N`: searches run in N search processes; same answers, same errors, the cache too."""
    queries = [{"q": "the OR warga OR di", "per_page": 3}, {"q": '"harga beras"'}, {"q": "Kupang", "lang": "id"},
               {"q": "the", "page": 2, "per_page": 2}]
    config = WebConfig(db=str(store_db), use_models=False, search_processes=2, cache_seconds=0)
    with TestClient(create_app(config)) as pooled:
        for params in queries:
            assert pooled.get("/api/search", params=params).json() == client.get("/api/search", params=params).json()
        _error(pooled.get("/api/search", params={"q": '"unbalanced'}), 400, "query_syntax")
        page = pooled.get("/", params={"q": "warga"})  # the HTML search page searches through the pool too
        assert page.status_code == 200 and "<mark>" in page.text
        assert pooled.app.state.searcher._pool is not None  # type: ignore[attr-defined]
    assert pooled.app.state.searcher._pool is None  # type: ignore[attr-defined]  # closed with the app


def test_serve_with_search_processes(store_db: Path) -> None:
    server = Server(store_db, "--workers", "2")
    try:
        status, _, body = server.get("/api/search?q=warga")
        assert status == 200 and b'"results"' in body
    finally:
        server.stop()


def test_a_search_process_that_dies_is_replaced(store_db: Path) -> None:
    import os
    import signal

    config = WebConfig(db=str(store_db), use_models=False, search_processes=2, cache_seconds=0)
    with TestClient(create_app(config)) as pooled:
        assert pooled.get("/api/search", params={"q": "warga"}).status_code == 200
        searcher = pooled.app.state.searcher  # type: ignore[attr-defined]
        first = searcher._pool
        for pid in list(first._processes):  # killed (out of memory, say) between two searches
            os.kill(pid, signal.SIGKILL)
        first._processes[next(iter(first._processes))].join(timeout=10)
        again = pooled.get("/api/search", params={"q": "warga"})
        assert again.status_code == 200 and again.json()["total"] >= 1
        assert searcher._pool is not first
