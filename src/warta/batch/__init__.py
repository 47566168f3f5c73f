"""Distributed jobs on Apache Spark (optional: ``pip install 'warta[spark]'``): shards in, records out.

- :func:`analyze_to_parquet`: ``warta spark analyze``, the same annotators as ``warta analyze``;
- :func:`find_duplicates`: near-duplicate clusters with the store's MinHash signatures and LSH bands;
- :func:`aggregate_daily`: top people, speakers and places per day;
- :func:`read_parquet_records`: a job's records back as dicts (pyarrow only), for ``warta ingest``.

Nothing here imports pyspark at import time; :func:`get_spark` does, with an install hint.
"""

from __future__ import annotations

from warta.batch.parquet import read_parquet_records
from warta.batch.session import INSTALL_HINT, SparkUnavailableError, get_spark, require_pyspark

__all__ = [
    "INSTALL_HINT",
    "SparkUnavailableError",
    "aggregate_daily",
    "analyze_to_parquet",
    "find_duplicates",
    "get_spark",
    "read_parquet_records",
    "require_pyspark",
]


def __getattr__(name: str) -> object:  # the job modules load warta.api (annotators): only when asked
    if name == "analyze_to_parquet":
        from warta.batch.analyze import analyze_to_parquet

        return analyze_to_parquet
    if name == "find_duplicates":
        from warta.batch.duplicates import find_duplicates

        return find_duplicates
    if name == "aggregate_daily":
        from warta.batch.aggregates import aggregate_daily

        return aggregate_daily
    raise AttributeError(name)
