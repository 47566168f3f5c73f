"""One entry point for ``warta ingest``: a URL (article page or feed), a feed file, or any local path.

- ``http://`` / ``https://``: fetched once, politely; a feed (by media type, or by its first element when
  the server says only ``xml``) is read entry by entry, anything else is read as an article page.
- a local ``.rss``, ``.atom`` or ``.xml`` file whose first element is ``<rss>``, ``<feed>`` or
  ``<rdf:RDF>``: read as a feed (entries without full text are fetched).
- any other ``scheme://`` source: an ``unsupported_url`` failure.
- everything else: :func:`warta.readers.read_path` (files, directories, ``-``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from warta.errors import WartaError
from warta.readers.base import RawArticle, ReadFailure
from warta.readers.feed import FEED_MEDIA_TYPES, looks_like_feed, read_feed, read_feed_bytes
from warta.readers.fetch import Fetcher, FetchResponse, UnsupportedUrlError
from warta.readers.url import article_from_response
from warta.settings import DEFAULT_SETTINGS, Settings

__all__ = ["FEED_SUFFIXES", "is_feed_response", "is_url", "read_source", "read_sources"]

FEED_SUFFIXES = {".rss", ".atom", ".xml", ".rdf"}
_SOURCE_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml;q=0.9,application/xml;q=0.8,"
    "*/*;q=0.5"
)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
_SNIFFED_TYPES = {"", "text/xml", "application/xml", "application/octet-stream", "text/plain"}


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def is_feed_response(response: FetchResponse) -> bool:
    """A feed by its media type, or an XML (or untyped) body whose first element is a feed's."""
    media = response.content_type
    if media in FEED_MEDIA_TYPES:
        return True
    if media in _SNIFFED_TYPES or media.endswith("+xml"):
        return looks_like_feed(response.content)
    return False


def _is_feed_file(path: Path) -> bool:
    if path.suffix.lower() not in FEED_SUFFIXES or not path.is_file():
        return False
    try:
        with path.open("rb") as handle:
            return looks_like_feed(handle.read(4096))
    except OSError:
        return False  # read_path reports the error


def read_source(
    source: str, settings: Settings = DEFAULT_SETTINGS, fetcher: Fetcher | None = None
) -> Iterator[RawArticle | ReadFailure]:
    """The articles in one ingest source; failures are yielded as ReadFailure, never raised.

    Pass the same ``fetcher`` for every source of a run so that robots.txt is read once per host and the
    rate limit holds across sources; one is made from ``settings`` when needed and none is given.
    """
    if is_url(source):
        fetcher = fetcher or Fetcher.from_settings(settings)
        try:
            response = fetcher.fetch(source, accept=_SOURCE_ACCEPT)
        except WartaError as exc:
            yield ReadFailure(source, exc)
            return
        if is_feed_response(response):
            yield from read_feed_bytes(
                response.content,
                source,
                url=response.url,
                content_type=response.content_type or None,
                fetcher=fetcher,
                settings=settings,
            )
        else:
            yield from article_from_response(response, settings, source=source)
        return
    scheme = _SCHEME.match(source)
    if scheme:
        message = f"{source}: {scheme.group(1)}:// sources are not supported (http, https or a local path)"
        yield ReadFailure(source, UnsupportedUrlError(message, source))
        return
    if source != "-" and _is_feed_file(Path(source)):
        yield from read_feed(source, fetcher, settings)
        return
    from warta.readers import read_path  # the package does not import this module: no cycle

    yield from read_path(source, settings)


def read_sources(
    sources: list[str] | tuple[str, ...], settings: Settings = DEFAULT_SETTINGS, fetcher: Fetcher | None = None
) -> Iterator[RawArticle | ReadFailure]:
    """Every source in order, sharing one Fetcher (one robots.txt cache and rate limiter)."""
    shared: Fetcher | None = fetcher
    for source in sources:
        if shared is None and (is_url(source) or Path(source).suffix.lower() in FEED_SUFFIXES):
            shared = Fetcher.from_settings(settings)
        yield from read_source(source, settings, shared)
