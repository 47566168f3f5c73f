"""``warta spark aggregates``: the top people, speakers and places of each day, from analysed records.

Read from the records' JSON (``published.date``, ``entities``, ``quotes``, ``dateline``), so the job
works whatever annotators have run: with no entities or quotes yet, the lists are empty. Per day (the
publication date, ``unknown`` when there is none) and kind, names are ranked by the number of articles
naming them, then by mentions (quotes, for speakers), then by name.

- person: entities of type PER, by canonical name;
- speaker: quotes' speakers, by name (else the attributing mention);
- place: entities of type LOC, and the dateline place when no LOC entity covers it.
"""

from __future__ import annotations

import time
from typing import Any

from warta.batch.output import replacing, write_manifest
from warta.batch.rows import RECORDS_DIR

_RECORD_SCHEMA = (
    "struct<id: string, published: struct<date: string>, dateline: struct<place: string>,"
    " entities: array<struct<type: string, name: string, mentions: array<struct<start: int>>>>,"
    " quotes: array<struct<speaker: struct<name: string, text: string>>>>"
)


def aggregate_daily(spark: Any, analyzed: str, output: str, *, top: int = 20) -> dict[str, Any]:
    """Write ``daily/`` (day, kind, name, articles, mentions, rank), partitioned by kind."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    started = time.time()
    records = spark.read.parquet(f"{analyzed.rstrip('/')}/{RECORDS_DIR}").select(
        F.from_json("record", _RECORD_SCHEMA).alias("r")
    )
    base = records.select(
        F.col("r.id").alias("id"),
        F.coalesce(F.substring("r.published.date", 1, 10), F.lit("unknown")).alias("day"),
        F.col("r.entities").alias("entities"),
        F.col("r.quotes").alias("quotes"),
        F.col("r.dateline.place").alias("dateline_place"),
    )
    entities = base.select("id", "day", F.explode_outer("entities").alias("e")).where(F.col("e").isNotNull())
    people = entities.where(F.col("e.type") == "PER").select(
        "id", "day", F.lit("person").alias("kind"), F.col("e.name").alias("name"),
        F.coalesce(F.size("e.mentions"), F.lit(1)).alias("n"),
    )
    places = entities.where(F.col("e.type") == "LOC").select(
        "id", "day", F.lit("place").alias("kind"), F.col("e.name").alias("name"),
        F.coalesce(F.size("e.mentions"), F.lit(1)).alias("n"),
    )
    datelines = base.where(F.col("dateline_place").isNotNull()).select(
        "id", "day", F.lit("place").alias("kind"), F.col("dateline_place").alias("name"), F.lit(1).alias("n")
    )
    places = places.unionByName(datelines.join(places.select("id", "name"), ["id", "name"], "left_anti"))
    speakers = (
        base.select("id", "day", F.explode_outer("quotes").alias("q"))
        .select(
            "id", "day", F.lit("speaker").alias("kind"),
            F.coalesce("q.speaker.name", "q.speaker.text").alias("name"), F.lit(1).alias("n"),
        )
    )
    named = people.unionByName(places).unionByName(speakers).where(
        F.col("name").isNotNull() & (F.trim("name") != "")
    )
    counts = named.groupBy("day", "kind", "name").agg(
        F.countDistinct("id").alias("articles"), F.sum("n").cast("long").alias("mentions")
    )
    order = Window.partitionBy("day", "kind").orderBy(F.desc("articles"), F.desc("mentions"), F.asc("name"))
    ranked = counts.withColumn("rank", F.row_number().over(order)).where(F.col("rank") <= top)
    with replacing(spark, output) as staging:
        ranked.repartition("kind").write.partitionBy("kind").parquet(f"{staging}/daily")
        manifest = {
            "job": "aggregates",
            "input": analyzed,
            "top": top,
            "rows": spark.read.parquet(f"{staging}/daily").count(),
            "seconds": round(time.time() - started, 2),
        }
        write_manifest(spark, staging, manifest)
    return manifest
