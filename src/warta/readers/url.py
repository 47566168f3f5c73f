"""Article pages on the web: fetch politely, then read like a local file (HTML through trafilatura)."""

from __future__ import annotations

import codecs
from collections.abc import Iterator

from warta.errors import WartaError
from warta.readers.base import RawArticle, ReadFailure
from warta.readers.fetch import Fetcher, FetchResponse
from warta.settings import DEFAULT_SETTINGS, Settings

__all__ = ["article_from_response", "read_url"]

HTML_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"

# media type -> the format read_bytes knows; anything else is sniffed from the bytes
_FORMATS = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "text",
    "application/json": "json",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/x-jsonlines": "jsonl",
}


def _utf8(data: bytes, charset: str | None) -> bytes:
    """The body re-encoded as UTF-8 when the server named another charset and the bytes are not UTF-8.

    The readers detect encodings themselves; the server's word is better than a guess when it is given.
    """
    if not charset:
        return data
    try:
        if codecs.lookup(charset).name == "utf-8":
            return data
        data.decode("utf-8")
        return data
    except LookupError:
        return data
    except UnicodeDecodeError:
        pass
    try:
        return data.decode(charset).encode("utf-8")
    except UnicodeDecodeError:
        return data


def article_from_response(
    response: FetchResponse, settings: Settings = DEFAULT_SETTINGS, source: str | None = None
) -> Iterator[RawArticle | ReadFailure]:
    """The article(s) in a fetched response: HTML pages through read_html with the final URL."""
    from warta.readers import read_bytes  # the package imports nothing from here: no cycle at run time

    source = source or response.requested_url or response.url
    data = _utf8(response.content, response.charset)
    fmt = _FORMATS.get(response.content_type)
    fetched = {"http_status": response.status, "content_type": response.content_type or None}
    if response.url != (response.requested_url or response.url):
        fetched["final_url"] = response.url
    try:
        if fmt == "html" or fmt is None:
            from warta.readers.html import looks_like_html, read_html

            if fmt == "html" or looks_like_html(data[:2048].decode("utf-8", "replace")):
                article = read_html(data, source, url=response.url)
                article.meta.update({k: v for k, v in fetched.items() if v is not None})
                yield article
                return
        for item in read_bytes(data, source, fmt=fmt, settings=settings):
            if isinstance(item, RawArticle):
                item.url = item.url or response.url
                item.meta.update({k: v for k, v in fetched.items() if v is not None})
            yield item
    except WartaError as exc:
        yield ReadFailure(source, exc)


def read_url(
    url: str, fetcher: Fetcher | None = None, settings: Settings = DEFAULT_SETTINGS
) -> Iterator[RawArticle | ReadFailure]:
    """The article at ``url``: fetched (robots.txt, rate limit, timeouts, size limit), then read.

    Title, published date and author come from the page's metadata (``author`` is in ``meta``).
    A URL that cannot be fetched or read yields one ReadFailure with a typed error.
    """
    fetcher = fetcher or Fetcher.from_settings(settings)
    try:
        response = fetcher.fetch(url, accept=HTML_ACCEPT)
    except WartaError as exc:
        yield ReadFailure(url, exc)
        return
    yield from article_from_response(response, settings, source=url)
