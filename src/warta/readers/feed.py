"""RSS and Atom feeds (feedparser): each entry becomes an article.

An entry that carries its full text (RSS ``content:encoded``, Atom ``<content>``) is read from the feed
through the HTML reader, with the entry's link, title, date and author as metadata. An entry with only a
link (and perhaps a teaser summary) has its page fetched politely with the :class:`Fetcher`.

A feed that cannot be parsed gives one ReadFailure (``malformed_feed``, with feedparser's reason); a
feed without entries gives one ReadFailure (``empty_feed``). A feed that is not well-formed but from
which feedparser recovers entries (an unescaped ``&`` is common) is read, and each article notes the
problem in ``meta["feed_warning"]``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from warta.errors import InputError, NoTextError, NotFoundError, UnreadableInputError, WartaError
from warta.readers.base import RawArticle, ReadFailure
from warta.readers.decoding import check_size
from warta.readers.fetch import Fetcher
from warta.readers.html import read_html
from warta.readers.url import read_url
from warta.settings import DEFAULT_SETTINGS, Settings

__all__ = [
    "FEED_ACCEPT",
    "FEED_MEDIA_TYPES",
    "EmptyFeedError",
    "MalformedFeedError",
    "looks_like_feed",
    "read_feed",
    "read_feed_bytes",
]

FEED_ACCEPT = (
    "application/rss+xml,application/atom+xml,application/rdf+xml;q=0.9,application/xml;q=0.8,*/*;q=0.5"
)
FEED_MEDIA_TYPES = {
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+json",
    "application/x-rss+xml",
    "application/x-atom+xml",
}
# the first element of an RSS 0.9x/2.0, RSS 1.0 (RDF) or Atom document
_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(rss|feed|RDF)[\s>/]")
_PROLOGUE = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)", re.S | re.I)


class MalformedFeedError(InputError):
    """The feed does not parse as RSS or Atom, and no entries could be recovered."""

    type = "malformed_feed"


class EmptyFeedError(InputError):
    """The feed parses but holds no entries."""

    type = "empty_feed"


def looks_like_feed(data: bytes) -> bool:
    """Whether the bytes start (after the XML prologue, comments and a BOM) with an RSS, RDF or Atom root."""
    head = data[:4096]
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    elif head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            head = head.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            return False
    pos = 0
    while True:
        match = _PROLOGUE.match(head, pos)
        if not match:
            break
        pos = match.end()
    first = head[pos:].lstrip()
    if not first.startswith(b"<"):
        return False
    match = _ROOT.match(first)
    return bool(match) and (match.group(1) != b"RDF" or b"rss" in head.lower() or b"purl.org" in head)


def _iso(raw: str | None, parsed: Any) -> str | None:
    """An ISO 8601 date keeping the feed's own UTC offset; feedparser's UTC time as a fallback."""
    if raw:
        text = raw.strip()
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
        except ValueError:
            pass
        try:
            return parsedate_to_datetime(text).isoformat()
        except (TypeError, ValueError, IndexError):
            pass
    if parsed:
        try:
            return datetime(*parsed[:6], tzinfo=UTC).isoformat()
        except (TypeError, ValueError):
            return None
    return raw or None


def _full_content(entry: Any) -> str | None:
    """The longest full-text body the entry carries (content:encoded, Atom content), if any."""
    bodies = [c.get("value") or "" for c in entry.get("content") or []]
    bodies = [b for b in bodies if b.strip()]
    return max(bodies, key=len) if bodies else None


def _wrap(body: str, title: str | None, content_type: str | None) -> bytes:
    """An entry's content as a small HTML page, so trafilatura reads it as it reads a page."""
    if content_type == "text/plain":
        body = "".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n") if p.strip())
    head = f"<title>{html.escape(title)}</title>" if title else ""
    page = f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head>"
    return f"{page}<body><article>{body}</article></body></html>".encode()


def _entry_meta(entry: Any, feed_source: str, feed: Any, warning: str | None) -> dict[str, Any]:
    meta: dict[str, Any] = {"feed": feed_source}
    if feed.get("title"):
        meta["feed_title"] = feed.get("title")
    for key, name in (("id", "guid"), ("author", "author"), ("published", "published_raw")):
        if entry.get(key):
            meta[name] = entry.get(key)
    tags = [t.get("term") for t in entry.get("tags") or [] if t.get("term")]
    if tags:
        meta["tags"] = tags
    if warning:
        meta["feed_warning"] = warning
    return meta


def _bozo_reason(parsed: Any) -> str:
    exc = parsed.get("bozo_exception")
    if exc is None:
        return "not an RSS or Atom feed"
    line = getattr(exc, "getLineNumber", lambda: None)()
    where = f" (line {line})" if line else ""
    return f"{exc.__class__.__name__}: {exc}{where}"


def read_feed_bytes(
    data: bytes,
    source: str,
    *,
    url: str | None = None,
    content_type: str | None = None,
    fetcher: Fetcher | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> Iterator[RawArticle | ReadFailure]:
    """The articles of a feed given as bytes. ``url`` (the feed's own URL) resolves relative links.

    Entries without full content are fetched with ``fetcher`` (one is made from ``settings`` the first
    time it is needed).
    """
    import feedparser

    headers = {"content-location": url} if url else {}
    if content_type:
        headers["content-type"] = content_type
    try:
        # bytes, never a string: given a string, feedparser would open it as a URL or a file itself
        parsed = feedparser.parse(data, response_headers=headers, sanitize_html=True)
    except Exception as exc:  # feedparser is robust, but a parser crash must not stop the run
        error = MalformedFeedError(f"{source}: the feed does not parse ({exc.__class__.__name__}: {exc})")
        yield ReadFailure(source, error)
        return
    entries = list(parsed.get("entries") or [])
    bozo = bool(parsed.get("bozo"))
    usable = [e for e in entries if _full_content(e) or e.get("link") or (e.get("summary") or "").strip()]
    if not usable and (bozo or not entries):
        if bozo or not parsed.get("version"):
            reason = _bozo_reason(parsed)
            yield ReadFailure(source, MalformedFeedError(f"{source}: not a readable RSS/Atom feed: {reason}"))
        else:
            yield ReadFailure(source, EmptyFeedError(f"{source}: the feed has no entries"))
        return
    warning = _bozo_reason(parsed) if bozo else None
    feed = parsed.get("feed") or {}
    lazy = _LazyFetcher(fetcher, settings)  # one Fetcher for every entry: one robots cache, one limiter
    for index, entry in enumerate(entries):
        yield from _read_entry(entry, index, source, feed, warning, lazy, settings)


class _LazyFetcher:
    def __init__(self, fetcher: Fetcher | None, settings: Settings) -> None:
        self.fetcher = fetcher
        self.settings = settings

    def get(self) -> Fetcher:
        if self.fetcher is None:
            self.fetcher = Fetcher.from_settings(self.settings)
        return self.fetcher


def _read_entry(
    entry: Any,
    index: int,
    feed_source: str,
    feed: Any,
    warning: str | None,
    fetcher: _LazyFetcher,
    settings: Settings,
) -> Iterator[RawArticle | ReadFailure]:
    link = entry.get("link") or None
    title = entry.get("title") or None
    published = _iso(
        entry.get("published") or entry.get("updated"),
        entry.get("published_parsed") or entry.get("updated_parsed"),
    )
    source = link or f"{feed_source}#entry-{index + 1}"
    meta = _entry_meta(entry, feed_source, feed, warning)
    body = _full_content(entry)
    try:
        if body is None and link:
            for item in read_url(link, fetcher.get(), settings):
                if isinstance(item, RawArticle):
                    # the page's title when it has one; the feed's date, machine-readable and zoned, first
                    item.title = item.title or title
                    item.published = published or item.published
                    item.meta = {**meta, **item.meta, "feed_entry": "link"}
                yield item
            return
        if body is None:
            body = entry.get("summary") or ""
            kind = "summary"
            if not body.strip():
                raise NoTextError(f"{source}: the feed entry has neither content nor a link")
        else:
            kind = "content"
        content_type = None
        for part in entry.get("content") or []:
            if part.get("value") == body:
                content_type = part.get("type")
        check_size(len(body.encode("utf-8")), settings.max_input_bytes, source)
        article = read_html(_wrap(body, title, content_type), source, url=link)
        article.title = title or article.title
        article.published = published or article.published
        article.url = link
        article.meta = {**article.meta, **meta, "feed_entry": kind}
        yield article
    except WartaError as exc:
        yield ReadFailure(source, exc)


def read_feed(
    source: str | Path, fetcher: Fetcher | None = None, settings: Settings = DEFAULT_SETTINGS
) -> Iterator[RawArticle | ReadFailure]:
    """The articles of a feed: a local file, or an http(s) URL fetched with ``fetcher``."""
    text = str(source)
    if text.lower().startswith(("http://", "https://")):
        fetcher = fetcher or Fetcher.from_settings(settings)
        try:
            response = fetcher.fetch(text, accept=FEED_ACCEPT)
        except WartaError as exc:
            yield ReadFailure(text, exc)
            return
        yield from read_feed_bytes(
            response.content,
            text,
            url=response.url,
            content_type=response.content_type or None,
            fetcher=fetcher,
            settings=settings,
        )
        return
    path = Path(source)
    try:
        check_size(path.stat().st_size, settings.max_input_bytes, text)
        data = path.read_bytes()
    except WartaError as exc:
        yield ReadFailure(text, exc)
        return
    except FileNotFoundError:
        yield ReadFailure(text, NotFoundError(f"{text}: no such file or directory"))
        return
    except OSError as exc:
        message = f"{text}: cannot read ({exc.__class__.__name__}: {exc})"
        yield ReadFailure(text, UnreadableInputError(message))
        return
    yield from read_feed_bytes(data, text, fetcher=fetcher, settings=settings)
