"""Reading a Spark job's Parquet output back, without Spark (pyarrow only): for ``warta ingest``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warta.batch.rows import ERRORS_DIR, RECORDS_DIR
from warta.errors import InputError, NotFoundError

_BATCH_ROWS = 1024


def read_parquet_records(
    directory: str | Path, *, include_errors: bool = False, batch_rows: int = _BATCH_ROWS
) -> Iterator[dict[str, Any]]:
    """The records (dicts, as ``warta analyze`` prints them) in a ``warta spark analyze`` output.

    ``directory`` is the job's output (holding ``records/`` and ``errors/``) or a ``records/`` folder
    itself. Records stream in batches of ``batch_rows``, partition by partition (lang, then month);
    ``include_errors`` adds the error records of inputs that could not be analysed, after the rest.
    """
    try:
        import pyarrow.dataset as ds
    except ImportError as exc:
        raise InputError("reading Parquet needs pyarrow: pip install 'warta[spark]' (or pyarrow)") from exc
    root = Path(directory)
    if not root.is_dir():
        raise NotFoundError(f"{root}: no such directory")
    parts = [root / RECORDS_DIR] if (root / RECORDS_DIR).is_dir() else [root]
    if include_errors and (root / ERRORS_DIR).is_dir():
        parts.append(root / ERRORS_DIR)
    for part in parts:
        files = sorted(str(f) for f in part.rglob("*.parquet") if not f.name.startswith((".", "_")))
        if not files:
            continue
        dataset = ds.dataset(files, format="parquet")
        if "record" not in dataset.schema.names:
            raise InputError(f"{part}: not a warta Spark output (no 'record' column)")
        for batch in dataset.to_batches(columns=["record"], batch_size=batch_rows):
            for value in batch.column(0).to_pylist():
                yield json.loads(value)
