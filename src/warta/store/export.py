"""Exports: JSON Lines (full records, re-ingestable), CSV and Parquet (one table)."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import IO, Any, Protocol

from warta.store.errors import StoreError

TABLES = ("records", "articles", "entities", "mentions", "quotes", "dates", "errors")


class _Exportable(Protocol):
    def records(self) -> Any: ...

    def table(self, name: str) -> Any: ...


def _rows(store: _Exportable, table: str) -> Any:
    if table == "records":
        return store.records()
    return store.table(table)


def export(store: _Exportable, out: Path | None, *, fmt: str = "jsonl", table: str = "records") -> int:
    """Write a table (``records`` = the full records) to ``out`` (stdout if None); returns the row count."""
    if table not in TABLES:
        raise StoreError(f"cannot export {table!r}: choose one of {', '.join(TABLES)}")
    if fmt == "parquet":
        if out is None:
            raise StoreError("Parquet export needs an output file (--output)")
        return _parquet(_rows(store, table), out, table)
    handle: IO[str] = open(out, "w", encoding="utf-8", newline="") if out else sys.stdout  # noqa: SIM115
    try:
        if fmt == "jsonl":
            n = 0
            for row in _rows(store, table):
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
                n += 1
            return n
        if fmt == "csv":
            if table == "records":
                raise StoreError(
                    "CSV holds flat tables: export --table articles|entities|mentions|quotes|dates"
                )
            return _csv(_rows(store, table), handle)
        raise StoreError(f"unknown export format {fmt!r}: jsonl, csv or parquet")
    finally:
        if out:
            handle.close()


def _csv(rows: Any, handle: IO[str]) -> int:
    writer = None
    n = 0
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(handle, fieldnames=list(row))
            writer.writeheader()
        writer.writerow(row)
        n += 1
    return n


def _parquet(rows: Any, out: Path, table: str) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise StoreError("Parquet export needs pyarrow: pip install 'warta[parquet]'") from exc
    if table == "records":
        data = [{"id": r["id"], "record": json.dumps(r, ensure_ascii=False)} for r in rows]
    else:
        data = list(rows)
    pq.write_table(pa.Table.from_pylist(data), out)
    return len(data)
