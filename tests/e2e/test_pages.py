"""Every page in headless chromium against `warta serve`: search, article (click an entity and a quote, check the
highlight), speaker, map & timeline, analyze. Screenshots go to test-artifacts/."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from .conftest import PageWatch, Server

BUS_LANES = '"bus lanes"'


def _shot(watch: PageWatch, artifacts: Path, name: str, full: bool = True) -> None:
    watch.page.screenshot(path=str(artifacts / name), full_page=full)


def _clean(watch: PageWatch) -> None:
    assert watch.dialogs == [], f"a script ran: {watch.dialogs}"
    assert watch.external == [], f"requests left 127.0.0.1: {watch.external}"
    assert not [e for e in watch.errors if "Content Security Policy" in e], watch.errors


def _article_id(server: Server, query: str) -> str:
    """The example article (not a test fixture) that best matches the query."""
    results = server.json(f"/api/search?q={quote(query)}")["results"]
    return str(next(r["id"] for r in results if not r["id"].startswith(("copy-", "hostile"))))


def test_search_page_query_shows_ranked_highlighted_results_and_facets(
    server: Server, page: PageWatch, artifacts: Path
) -> None:
    p = page.page
    p.goto(server.base + "/")
    assert p.locator(".hit").count() >= 4  # the newest articles, before any query
    p.fill("input[name=q]", "pelabuhan OR council")
    p.press("input[name=q]", "Enter")
    p.wait_for_selector(".summary strong")
    assert p.locator(".hit").count() >= 2
    assert p.locator(".snippet mark").count() >= 2
    assert p.locator(".facet-places li a").count() >= 1
    _shot(page, artifacts, "search.png")
    # a facet link narrows the results
    p.locator(".facet-sources li a").first.click()
    p.wait_for_load_state()
    assert "source=" in p.url
    _clean(page)


def test_article_page_entity_and_quote_clicks_highlight_their_evidence(
    server: Server, page: PageWatch, artifacts: Path
) -> None:
    p = page.page
    article_id = _article_id(server, BUS_LANES)
    record = server.json(f"/api/articles/{quote(article_id, safe='')}")
    p.goto(f"{server.base}/articles/{quote(article_id, safe='')}")
    assert p.locator("#text").inner_text() == record["text"]  # the original text, whole
    person = next(e for e in record["entities"] if e["type"] == "PER")
    p.locator(f'.ent-link[data-target="{person["id"]}"]').click()
    lit = p.locator("#text .hl")
    assert lit.count() >= 1
    assert {lit.nth(i).inner_text() for i in range(lit.count())} <= {m["text"] for m in person["mentions"]} | {""}
    assert "".join(lit.nth(i).inner_text() for i in range(lit.count())).startswith(person["mentions"][0]["text"])
    assert lit.first.is_visible()

    quoted = record["quotes"][-1]
    button = p.locator(".quote-link").last
    button.click()
    lit = p.locator("#text .hl")
    joined = "".join(lit.nth(i).inner_text() for i in range(lit.count()))
    assert quoted["text"] in joined
    assert "on" in (button.get_attribute("class") or "")
    p.wait_for_timeout(400)  # the smooth scroll
    p.evaluate("window.scrollTo(0, 0)")  # the page from its top, the quote still lit (docs/img/article.png)
    _shot(page, artifacts, "article.png", full=False)
    _shot(page, artifacts, "article-full.png")
    _clean(page)


def test_article_page_links_its_syndicated_copy_and_json(server: Server, page: PageWatch) -> None:
    p = page.page
    article_id = _article_id(server, BUS_LANES)
    p.goto(f"{server.base}/articles/{quote(article_id, safe='')}")
    assert p.locator(f'a[href="/api/articles/{quote(article_id, safe="/")}"]').count() == 1
    copy = p.locator(".copies li a")
    assert copy.count() == 1
    copy.first.click()
    p.wait_for_load_state()
    assert p.url.endswith("/articles/copy-council")
    assert p.locator(".copies li a").first.get_attribute("href") == f"/articles/{quote(article_id, safe='/')}"


def test_speaker_page_lists_quotes_by_date_and_links_back_in_context(
    server: Server, page: PageWatch, artifacts: Path
) -> None:
    p = page.page
    p.goto(server.base + "/speakers")
    first = p.locator(".speakers li a").first
    name = first.inner_text()
    first.click()
    p.wait_for_selector("h1")
    assert p.locator("h1").inner_text() == name
    assert p.locator("blockquote.said").count() >= 1
    _shot(page, artifacts, "speaker.png")
    p.locator("blockquote.said a").first.click()
    p.wait_for_selector("#text .hl")
    assert p.locator(".quote-link.on").count() == 1
    _clean(page)


def test_map_page_draws_places_and_timeline_offline(server: Server, page: PageWatch, artifacts: Path) -> None:
    p = page.page
    p.goto(server.base + "/map")
    assert p.locator(".map circle").count() >= 3
    assert p.locator(".timeline rect.bar").count() >= 2
    outline = p.evaluate("fetch('/static/world.svg').then(r => r.status)")
    assert outline == 200
    _shot(page, artifacts, "map.png")
    p.fill("input[name=q]", "pelabuhan")
    p.press("input[name=q]", "Enter")
    p.wait_for_load_state()
    assert p.locator(".map circle").count() >= 1
    _clean(page)


def test_analyze_page_annotates_pasted_text_without_storing(
    server: Server, page: PageWatch, artifacts: Path
) -> None:
    p = page.page
    before = server.json("/api/stats")["articles"]
    p.goto(server.base + "/analyze")
    p.fill("textarea[name=text]", (
        "SURABAYA (ANTARA) - Wali Kota Surabaya Rina Kusuma meresmikan taman baru pada Selasa (4/3).\n\n"
        '"Taman ini untuk semua warga," kata Rina Kusuma di Surabaya.\n\nPewarta: Andi Wijaya\nEditor: Sri Lestari'
    ))
    p.click("form.analyze button[type=submit]")
    p.wait_for_selector("#text")
    assert "not stored" in p.locator(".notice").first.inner_text()
    assert p.locator("#text .a").count() >= 3
    p.locator(".quote-link").first.click()
    assert p.locator("#text .hl").count() >= 1
    _shot(page, artifacts, "analyze.png")
    assert server.json("/api/stats")["articles"] == before
    _clean(page)


def test_pages_are_responsive_on_a_phone_width(server: Server, browser: Any, artifacts: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    p = context.new_page()
    article_id = _article_id(server, BUS_LANES)
    p.goto(f"{server.base}/articles/{quote(article_id, safe='')}")
    width = p.evaluate("document.documentElement.scrollWidth")
    assert width <= 392, f"the article page scrolls sideways on a phone: {width}px"
    p.screenshot(path=str(artifacts / "article-phone.png"), full_page=False)
    context.close()
