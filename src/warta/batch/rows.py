"""Records as table rows: the full record JSON plus flat columns to filter and partition on.

Pure Python (no Spark): the Spark job turns records into these rows on the executors, and
:func:`warta.batch.parquet.read_parquet_records` reads the JSON column back.
"""

from __future__ import annotations

import json
import re
from typing import Any

from warta.record import Record

RECORDS_DIR = "records"
ERRORS_DIR = "errors"
MANIFEST = "_warta_job.json"
PARTITION_COLUMNS = ("lang", "month")
UNKNOWN_LANG = "und"
UNKNOWN_MONTH = "unknown"

# (name, Spark SQL type): the records dataset, partitioned by lang and month
RECORD_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "string"),
    ("source", "string"),
    ("url", "string"),
    ("title", "string"),
    ("published", "string"),
    ("published_source", "string"),
    ("dateline_place", "string"),
    ("dateline_agency", "string"),
    ("sources", "array<string>"),
    ("people", "array<string>"),
    ("places", "array<string>"),
    ("speakers", "array<string>"),
    ("quotes", "int"),
    ("chars", "int"),
    ("failures", "array<string>"),
    ("record", "string"),
    ("lang", "string"),
    ("month", "string"),
)

# the errors dataset: each input that could not be analysed, and why
ERROR_COLUMNS: tuple[tuple[str, str], ...] = (
    ("input", "string"),
    ("id", "string"),
    ("type", "string"),
    ("reason", "string"),
    ("record", "string"),
)

_MONTH = re.compile(r"^(\d{4})-(\d{2})")


def ddl(columns: tuple[tuple[str, str], ...]) -> str:
    """A Spark DDL schema string for the columns."""
    return ", ".join(f"`{name}` {kind}" for name, kind in columns)


def record_json(record: Record) -> str:
    """The record as ``warta analyze --format jsonl`` prints it."""
    return json.dumps(record.to_dict(), ensure_ascii=False)


def publication_month(published: dict[str, Any] | None) -> str:
    """YYYY-MM of the publication date, or ``unknown``."""
    date = (published or {}).get("date") or ""
    m = _MONTH.match(date)
    return f"{m.group(1)}-{m.group(2)}" if m else UNKNOWN_MONTH


def _unique(values: list[str | None]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def record_row(record: Record) -> tuple[Any, ...]:
    """The records dataset's row for an analysed article (columns in RECORD_COLUMNS order)."""
    d = record.to_dict()
    published = d.get("published") or {}
    dateline = d.get("dateline") or {}
    entities = d.get("entities") or []
    people = _unique([e.get("name") for e in entities if e.get("type") == "PER"])
    places = _unique([e.get("name") for e in entities if e.get("type") == "LOC"])
    speakers = _unique([((q.get("speaker") or {}).get("name")) for q in d.get("quotes") or []])
    return (
        d["id"],
        d.get("source"),
        d.get("url"),
        d.get("title"),
        published.get("date"),
        published.get("source"),
        dateline.get("place"),
        dateline.get("agency"),
        _unique([s.get("name") for s in d.get("sources") or []]),
        people,
        places,
        speakers,
        len(d.get("quotes") or []),
        len(d.get("text") or ""),
        [f.get("annotator") for f in d.get("failures") or []],
        json.dumps(d, ensure_ascii=False),
        d.get("lang") or UNKNOWN_LANG,
        publication_month(published),
    )


def error_row(record: Record) -> tuple[Any, ...]:
    """The errors dataset's row for an input that could not be analysed."""
    error = record.error
    return (
        record.source,
        record.id,
        error.type if error else None,
        error.message if error else None,
        record_json(record),
    )


def tagged_row(record: Record) -> tuple[str, tuple[Any, ...]]:
    """("record", row) or ("error", row): which dataset the record goes to."""
    return ("error", error_row(record)) if record.error else ("record", record_row(record))
