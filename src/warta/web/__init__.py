"""The web app and REST API over a corpus store: ``warta serve`` (see docs/web.md)."""

from __future__ import annotations

from warta.web.app import WebConfig, create_app

__all__ = ["WebConfig", "create_app"]
