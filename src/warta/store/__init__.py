"""The corpus store: records kept for querying (SQLite by default; PostgreSQL by URL)."""

from __future__ import annotations

from pathlib import Path

from warta.store.errors import NotInStoreError, QuerySyntaxError, StoreError
from warta.store.postgres import PostgresStore
from warta.store.results import Results
from warta.store.sqlite import SQLiteStore

__all__ = [
    "NotInStoreError",
    "PostgresStore",
    "QuerySyntaxError",
    "Results",
    "SQLiteStore",
    "StoreError",
    "open_store",
]

Store = SQLiteStore | PostgresStore


def open_store(db: str | Path, *, readonly: bool = False) -> SQLiteStore | PostgresStore:
    """A store at a path (SQLite) or ``postgresql://`` URL (PostgreSQL, through psycopg)."""
    if str(db).startswith(("postgresql://", "postgres://")):
        return PostgresStore(str(db), readonly=readonly)
    if readonly and not Path(db).exists():
        raise StoreError(f"no store at {db}: create one with `warta ingest SOURCE --db {db}`")
    return SQLiteStore(db, readonly=readonly)
