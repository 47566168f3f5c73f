"""HTML pages: main text and metadata through trafilatura.

The record's ``text`` is the extracted main text (paragraphs one a line); offsets point into it.
"""

from __future__ import annotations

from warta.errors import NoTextError
from warta.readers.base import RawArticle
from warta.readers.decoding import decode_bytes


def read_html(data: bytes, source: str | None = None, url: str | None = None) -> RawArticle:
    import trafilatura

    html, encoding = decode_bytes(data, source)
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=False,
        deduplicate=False,
    )
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise NoTextError(f"{source or 'HTML input'}: no article text found in the page")
    meta = {"format": "html", "encoding": encoding}
    for key in ("author", "sitename", "hostname", "description", "categories", "tags"):
        value = getattr(doc, key, None)
        if value:
            meta[key] = value
    return RawArticle(
        text=text,
        source=source,
        title=getattr(doc, "title", None) or None,
        url=url or getattr(doc, "url", None) or None,
        published=getattr(doc, "date", None) or None,
        meta=meta,
    )


def looks_like_html(text_start: str) -> bool:
    head = text_start.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or ("<body" in head or "<head" in head)
