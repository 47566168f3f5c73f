"""Pages from templates: one Jinja environment, autoescaping everything (article text is untrusted)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode, urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape

from warta import __version__

NAV = [("/", "Search"), ("/speakers", "Speakers"), ("/map", "Map & timeline"), ("/analyze", "Analyze")]


def safe_url(url: str | None) -> str | None:
    """An article's URL, only when it is http(s): a ``javascript:`` or ``data:`` URL is never made a link."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def headline(item: dict[str, Any]) -> str:
    """A title to show: the article's, else the start of its text (snippet or clean text), else its id."""
    if item.get("title"):
        return str(item["title"])
    text = " ".join(str(item.get("snippet") or item.get("clean_text") or "").split())
    if text:
        return text if len(text) <= 90 else text[:89].rsplit(" ", 1)[0] + "…"
    return f"Untitled ({item.get('id', '?')})"


def query_string(params: dict[str, Any], **changes: Any) -> str:
    """The current query parameters with some changed (None or '' drops one), as ``?a=b``."""
    merged = {**params, **changes}
    kept = {k: v for k, v in merged.items() if v not in (None, "")}
    return "?" + urlencode(kept) if kept else "?"


class Renderer:
    def __init__(self) -> None:
        self.env = Environment(
            loader=PackageLoader("warta.web", "templates"),
            autoescape=select_autoescape(enabled_extensions=("html", "svg"), default=True),
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.globals.update(nav=NAV, version=__version__, safe_url=safe_url, qs=query_string, headline=headline)
        self.env.filters["thousands"] = lambda n: f"{int(n or 0):,}"

    def page(self, template: str, **context: Any) -> str:
        return self.env.get_template(template).render(**context)

    def error_page(self, status: int, etype: str, message: str, config: Any = None) -> str:
        return self.page("error.html", status=status, etype=etype, message=message, active="",
                         read_only=bool(getattr(config, "read_only", False)))
