"""The corpus store: records kept for querying (SQLite by default; PostgreSQL by URL)."""

from __future__ import annotations

from pathlib import Path

from warta.store.errors import NotInStoreError, QuerySyntaxError, StoreError
from warta.store.results import Results
from warta.store.sqlite import SQLiteStore

__all__ = ["NotInStoreError", "QuerySyntaxError", "Results", "SQLiteStore", "StoreError", "open_store"]

Store = SQLiteStore


def open_store(db: str | Path, *, readonly: bool = False) -> SQLiteStore:
    """A store at a path (SQLite) or ``postgresql://`` URL."""
    if str(db).startswith(("postgresql://", "postgres://")):
        raise StoreError("PostgreSQL stores are not supported yet: use a SQLite file path")
    if readonly and not Path(db).exists():
        raise StoreError(f"no store at {db}: create one with `warta ingest SOURCE --db {db}`")
    return SQLiteStore(db, readonly=readonly)
