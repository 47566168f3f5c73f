"""Errors of the store and its queries."""

from __future__ import annotations

from warta.errors import WartaError


class StoreError(WartaError):
    type = "store_error"


class QuerySyntaxError(StoreError):
    """A search query the full-text engine cannot parse."""

    type = "query_syntax"


class NotInStoreError(StoreError):
    type = "not_in_store"
