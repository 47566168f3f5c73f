"""``warta spark duplicates``: near-duplicate (syndication) clusters over a ``warta spark analyze`` output.

The same MinHash signatures and LSH band keys as the embedded store (:mod:`warta.similarity`), of the
same text (:func:`signature_text`): articles sharing a band key are candidates, a candidate pair whose
estimated Jaccard similarity reaches ``warta.similarity.THRESHOLD`` is a duplicate pair, and clusters are
the connected components of those pairs, computed by :func:`warta.similarity.clusters` on the driver
(the pairs, not the articles, are collected). Output: ``clusters/`` (cluster, id, size) and ``pairs/``
(a, b, similarity), swapped in whole like every job's output.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from typing import Any

from warta.batch.output import replacing, write_manifest
from warta.batch.rows import RECORDS_DIR
from warta.similarity import THRESHOLD, band_keys, bucket_pairs, clusters, estimate, signature


def signature_text(record: dict[str, Any]) -> str:
    """The text an article's signature is made of: its clean body (the store signs the same)."""
    return record.get("clean_text") or ""


def _signatures(rows: Iterable[Any]) -> Iterator[tuple[str, list[int]]]:
    for row in rows:
        sig = signature(signature_text(json.loads(row.record)))
        if sig:
            yield row.id, sig


def find_duplicates(
    spark: Any, analyzed: str, output: str, *, threshold: float = THRESHOLD
) -> dict[str, Any]:
    """Cluster the near-duplicate articles of an analyze output; returns the job manifest."""
    from pyspark import StorageLevel

    started = time.time()
    rows = spark.read.parquet(f"{analyzed.rstrip('/')}/{RECORDS_DIR}").select("id", "record").rdd
    sigs = rows.mapPartitions(_signatures).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        candidates = (
            sigs.flatMap(lambda kv: [(key, kv[0]) for key in band_keys(kv[1])])
            .groupByKey()
            .flatMap(lambda kv: bucket_pairs(kv[1]))
            .distinct()
        )
        verified = (
            candidates.join(sigs)  # (a, (b, sig_a))
            .map(lambda kv: (kv[1][0], (kv[0], kv[1][1])))
            .join(sigs)  # (b, ((a, sig_a), sig_b))
            .map(lambda kv: (kv[1][0][0], kv[0], estimate(kv[1][0][1], kv[1][1])))
            .filter(lambda t: t[2] >= threshold)
        )
        pairs = sorted(verified.collect())
        signed = sigs.count()
    finally:
        sigs.unpersist()
    groups = clusters((a, b) for a, b, _ in pairs)
    members = [(group[0], rid, len(group)) for group in groups for rid in group]
    with replacing(spark, output) as staging:
        spark.createDataFrame(members, schema="cluster string, id string, size int").coalesce(1).write.parquet(
            f"{staging}/clusters"
        )
        spark.createDataFrame(pairs, schema="a string, b string, similarity double").coalesce(1).write.parquet(
            f"{staging}/pairs"
        )
        manifest = {
            "job": "duplicates",
            "input": analyzed,
            "threshold": threshold,
            "signed_articles": signed,
            "pairs": len(pairs),
            "clusters": len(groups),
            "clustered_articles": len(members),
            "seconds": round(time.time() - started, 2),
        }
        write_manifest(spark, staging, manifest)
    return manifest
