"""Untrusted article text stays text: <script>, event handlers, javascript:/data: URLs and odd Unicode are shown
inert on every page, and the Content-Security-Policy forbids inline script anyway."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from .conftest import FIXTURES, PageWatch, Server

HOSTILE = [json.loads(line) for line in (FIXTURES / "hostile.jsonl").read_text(encoding="utf-8").splitlines()]


def _assert_inert(watch: PageWatch) -> None:
    p = watch.page
    assert watch.dialogs == [], f"an alert ran: {watch.dialogs}"
    assert p.evaluate("window.__pwned") is None, "script from the article ran"
    assert p.locator("#text script, #text img, #text iframe, #text style, #text b, main script").count() == 0
    assert p.locator("a[href^='javascript:'], a[href^='data:'], [onerror], [onload], [onmouseover]").count() == 0
    assert p.locator("iframe").count() == 0
    assert watch.external == [], f"requests left 127.0.0.1: {watch.external}"


def test_hostile_article_page_shows_markup_as_text(server: Server, page: PageWatch, artifacts: Path) -> None:
    record = HOSTILE[0]
    p = page.page
    status = p.goto(f"{server.base}/articles/{quote(record['id'], safe='')}")
    assert status is not None and status.status == 200
    csp = status.headers.get("content-security-policy", "")
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    shown = p.locator("#text").inner_text()
    assert shown == record["text"]  # every character as written: tags, bidi overrides, zero-width, emoji
    assert "<script>window.__pwned=3</script>" in shown
    assert "\u202eabc\u202c" in shown and "🚧" in shown
    assert p.locator("h1").inner_text() == record["title"]
    # the javascript: URL of the article is printed, not linked
    assert p.locator(".url-inert").inner_text() == record["url"]
    for button in p.locator(".ann-link").all()[:6]:
        button.click()
        button.hover()
    p.locator("#text").hover()
    p.screenshot(path=str(artifacts / "hostile-article.png"), full_page=True)
    _assert_inert(page)


def test_hostile_text_is_inert_in_search_speakers_map_and_analyze(server: Server, page: PageWatch) -> None:
    p = page.page
    p.goto(f"{server.base}/?q=pwned OR script OR tol OR library")
    assert p.locator(".hit").count() >= 2
    assert "<script>" in p.locator(".results").inner_text()
    _assert_inert(page)
    p.goto(f"{server.base}/speakers")
    for link in [a.get_attribute("href") for a in p.locator(".speakers a").all()]:
        p.goto(server.base + str(link))
        _assert_inert(page)
    p.goto(f"{server.base}/map?q=tol")
    _assert_inert(page)
    p.goto(f"{server.base}/analyze")
    p.fill("textarea[name=text]", HOSTILE[1]["text"])
    p.click("form.analyze button[type=submit]")
    p.wait_for_selector("#text")
    assert p.locator("#text").inner_text() == HOSTILE[1]["text"]
    _assert_inert(page)


def test_hostile_ids_and_queries_do_not_break_out_of_urls(server: Server) -> None:
    status, _, body = server.get(f"/articles/{quote(HOSTILE[0]['id'], safe='')}")
    html = body.decode()
    assert status == 200
    assert "<svg onload" not in html and "<script>window" not in html
    assert "&lt;script&gt;" in html
    status, _, body = server.get("/?q=" + quote('"><script>alert(1)</script>'))
    assert status == 400 and b"<script>alert" not in body and b"Cannot search for that" in body
    status, _, body = server.get("/?q=" + quote('"><script>alert(1)</script>"'))
    assert status == 200 and b"<script>alert" not in body
    status, _, body = server.get("/speakers/" + quote("<img src=x onerror=alert(1)>", safe=""))
    assert status == 200 and b"<img src=x" not in body
