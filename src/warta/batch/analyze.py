"""``warta spark analyze``: the same annotators as ``warta analyze``, over inputs of any size, on Spark.

Inputs are planned on the driver (local files listed and large JSONL files split; URIs listed through
Hadoop), read and analysed on the executors in one pass (``mapPartitions``: the pipeline is built once
per Python worker process, which Spark reuses across tasks), and written as two Parquet datasets in one
output directory, swapped in whole when the job has finished:

- ``records/``: analysed articles, partitioned by ``lang`` and publication ``month`` (see
  :mod:`warta.batch.rows` for the columns; ``record`` holds the full record JSON);
- ``errors/``: inputs that could not be analysed (``input``, ``type``, ``reason``, the error record);
- ``_warta_job.json``: what ran (inputs, settings, annotators, counts, timings).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import urlparse

from warta.api import get_pipeline
from warta.batch.output import HadoopFS, replacing, write_manifest
from warta.batch.reading import (
    Item,
    ReadTask,
    plan_local,
    read_remote_file,
    read_task,
    walk_local,
    wanted_in_directory,
)
from warta.batch.rows import (
    ERROR_COLUMNS,
    ERRORS_DIR,
    PARTITION_COLUMNS,
    RECORD_COLUMNS,
    RECORDS_DIR,
    ddl,
    tagged_row,
)
from warta.errors import NotFoundError
from warta.readers import ReadFailure
from warta.settings import DEFAULT_SETTINGS, Settings

log = logging.getLogger(__name__)

MIN_SPLIT_BYTES = 64 << 10  # small enough that a few MB of JSONL still fills every core
MAX_SPLIT_BYTES = 128 << 20


@dataclass
class InputPlan:
    """What the executors will read: local read tasks, Hadoop file URIs, and inputs already failed."""

    local: list[ReadTask] = field(default_factory=list)
    remote: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def is_uri(path: str) -> bool:
    """A URI with a scheme (hdfs://, s3a://, file://, ...), as opposed to a local path (C:\\ excluded)."""
    scheme = urlparse(path).scheme
    return len(scheme) > 1


def plan_inputs(spark: Any, inputs: Sequence[str], partitions: int) -> InputPlan:
    """Expand directories and globs, split large local JSONL files into about ``partitions`` tasks."""
    plan = InputPlan()
    local_files: list[str] = []
    for item in inputs:
        if item == "-":
            raise ValueError("standard input cannot be read by a Spark job; give files or URIs")
        if not is_uri(item):
            local_files += walk_local(item)
            continue
        found = [uri for uri, named in HadoopFS(spark, item).list_files(item)
                 if named or wanted_in_directory(uri.rsplit("/", 1)[-1])]
        if found:
            plan.remote += found
        else:
            plan.missing.append(item)
    sizes = [os.path.getsize(f) for f in local_files if os.path.isfile(f)]
    split = min(MAX_SPLIT_BYTES, max(MIN_SPLIT_BYTES, sum(sizes) // max(1, partitions) + 1))
    plan.local = plan_local(local_files, split)
    return plan


def _read_and_annotate(items: Iterable[Item], settings: Settings) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """Executor side: records for the items, each tagged with the dataset it goes to."""
    pipeline = get_pipeline(settings)  # cached: built once per Python worker process
    for record in pipeline.run(items):
        yield tagged_row(record)


def analyze_to_parquet(
    spark: Any,
    inputs: Sequence[str],
    output: str,
    *,
    partitions: int | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> dict[str, Any]:
    """Analyse every article in ``inputs`` and (re)place ``output``; returns the job manifest."""
    from pyspark import StorageLevel

    sc = spark.sparkContext
    started = time.time()
    target = partitions or max(2, sc.defaultParallelism * 2)
    plan = plan_inputs(spark, inputs, target)
    rdds = []
    if plan.local:
        tasks = sc.parallelize(plan.local, min(len(plan.local), max(target, 1)))
        rdds.append(tasks.flatMap(lambda task: read_task(task, settings)))
    if plan.remote:
        files = sc.binaryFiles(",".join(plan.remote), minPartitions=min(len(plan.remote), target))
        rdds.append(files.flatMap(lambda kv: read_remote_file(kv[0], kv[1], settings)))
    if plan.missing:
        failures = [ReadFailure(m, NotFoundError(f"{m}: no such file or directory")) for m in plan.missing]
        rdds.append(sc.parallelize(failures, 1))
    items = sc.union(rdds) if len(rdds) > 1 else rdds[0] if rdds else sc.parallelize([], 1)
    # No repartition: reading and analysis stay in one stage, so each Python worker builds the pipeline
    # once and keeps it (measured: after a shuffle, PySpark 4.3 started a fresh worker per task, each
    # loading the models again). Parallelism is the number of read tasks: files and JSONL ranges.
    tagged = items.mapPartitions(lambda part: _read_and_annotate(part, settings))
    tagged.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        with replacing(spark, output) as staging:
            records = tagged.filter(lambda kv: kv[0] == "record").map(lambda kv: kv[1])
            errors = tagged.filter(lambda kv: kv[0] == "error").map(lambda kv: kv[1])
            (
                spark.createDataFrame(records, schema=ddl(RECORD_COLUMNS))
                .write.partitionBy(*PARTITION_COLUMNS)
                .parquet(f"{staging}/{RECORDS_DIR}")
            )
            analysed = time.time()
            spark.createDataFrame(errors, schema=ddl(ERROR_COLUMNS)).coalesce(1).write.parquet(
                f"{staging}/{ERRORS_DIR}"
            )
            counts = dict(tagged.map(lambda kv: (kv[0], 1)).reduceByKey(lambda a, b: a + b).collect())
            manifest = _manifest(spark, inputs, settings, plan, counts, started, analysed)
            write_manifest(spark, staging, manifest)
    finally:
        tagged.unpersist()
    return manifest


def _manifest(
    spark: Any,
    inputs: Sequence[str],
    settings: Settings,
    plan: InputPlan,
    counts: dict[str, int],
    started: float,
    analysed: float,
) -> dict[str, Any]:
    import warta
    from warta.record import SCHEMA_VERSION

    annotators = {a.name: a.version for a in get_pipeline(settings).annotators}
    return {
        "job": "analyze",
        "warta": warta.__version__,
        "schema_version": SCHEMA_VERSION,
        "spark": spark.version,
        "master": spark.sparkContext.master,
        "inputs": list(inputs),
        "read_tasks": len(plan.local) + len(plan.remote),
        "settings": asdict(settings),
        "annotators": annotators,
        "records": counts.get("record", 0),
        "errors": counts.get("error", 0),
        "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started)),
        "seconds": round(time.time() - started, 2),
        "analysis_seconds": round(analysed - started, 2),
    }
