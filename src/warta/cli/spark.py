"""``warta spark``: the batch jobs on Apache Spark (optional extra: ``pip install 'warta[spark]'``).

Also runnable through spark-submit, which then decides the master and the resources::

    spark-submit --master yarn .../site-packages/warta/cli/spark.py analyze s3a://bucket/shards/ --output ...
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import click

from warta.cli.options import LANG_OPTION, NO_MODELS_OPTION
from warta.settings import DEFAULT_SETTINGS

_MASTER_HELP = "local[N], spark://host:port, yarn, k8s://...; default: spark-submit's, else local[*]."


def _spark(master: str | None, driver_memory: str | None, conf: tuple[str, ...]) -> Any:
    """The Spark session, or a clear error when pyspark or Java is missing."""
    from warta.batch.session import SparkUnavailableError, get_spark

    settings = {}
    for item in conf:
        key, sep, value = item.partition("=")
        if not sep:
            raise click.BadParameter(f"expected KEY=VALUE, got {item!r}", param_hint="--conf")
        settings[key] = value
    try:
        return get_spark(master, driver_memory=driver_memory, conf=settings)
    except SparkUnavailableError as exc:
        raise click.ClickException(exc.message) from exc


def _run(job: Any, *args: Any, **kwargs: Any) -> None:
    from warta.errors import WartaError

    try:
        manifest = job(*args, **kwargs)
    except WartaError as exc:
        raise click.ClickException(f"{exc.type}: {exc.message}") from exc
    click.echo(json.dumps(manifest, ensure_ascii=False, indent=2))


def _spark_options(command: Any) -> Any:
    command = click.option("--master", default=None, help=_MASTER_HELP)(command)
    command = click.option(
        "--driver-memory", default=None, help="Driver JVM memory, e.g. 4g (fixed before the JVM starts)."
    )(command)
    command = click.option(
        "--conf", multiple=True, metavar="KEY=VALUE", help="Any Spark setting; repeatable."
    )(command)
    return command


@click.group("spark")
def spark_group() -> None:
    """Batch jobs on Apache Spark: analyse millions of articles, find duplicates, aggregate by day."""


@spark_group.command("analyze")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--output", "-o", required=True, help="Output directory or URI; replaced whole when done.")
@click.option("--partitions", type=click.IntRange(min=1), default=None, help="Tasks to split the work into.")
@LANG_OPTION
@NO_MODELS_OPTION
@click.option("--text-field", default="text", show_default=True, help="JSONL field with the article text.")
@click.option("--id-field", default="id", show_default=True, help="JSONL field with the article id.")
@click.option("--date-field", default="published", show_default=True, help="JSONL field with the date.")
@click.option("--url-field", default="url", show_default=True, help="JSONL field with the article URL.")
@click.option(
    "--max-bytes", type=click.IntRange(min=1), default=DEFAULT_SETTINGS.max_input_bytes, show_default=True,
    help="Articles larger than this give an input_too_large error row.",
)
@_spark_options
def analyze_command(
    inputs: tuple[str, ...],
    output: str,
    partitions: int | None,
    lang: str,
    no_models: bool,
    text_field: str,
    id_field: str,
    date_field: str,
    url_field: str,
    max_bytes: int,
    master: str | None,
    driver_memory: str | None,
    conf: tuple[str, ...],
) -> None:
    """Analyse INPUTs (JSONL(.gz), text/HTML directories, WARC(.gz) shards; paths or Hadoop URIs).

    Writes OUTPUT/records (Parquet, partitioned by lang and month), OUTPUT/errors and
    OUTPUT/_warta_job.json, and prints the job summary.
    """
    settings = replace(
        DEFAULT_SETTINGS, lang=lang, use_models=not no_models, text_field=text_field, id_field=id_field,
        date_field=date_field, url_field=url_field, max_input_bytes=max_bytes,
    )
    spark = _spark(master, driver_memory, conf)
    from warta.batch.analyze import analyze_to_parquet

    _run(analyze_to_parquet, spark, list(inputs), output, partitions=partitions, settings=settings)


@spark_group.command("duplicates")
@click.argument("analyzed")
@click.option("--output", "-o", required=True, help="Output directory or URI; replaced whole when done.")
@click.option("--threshold", type=click.FloatRange(0, 1), default=None, help="Estimated Jaccard; default: the store's.")
@_spark_options
def duplicates_command(
    analyzed: str, output: str, threshold: float | None, master: str | None, driver_memory: str | None,
    conf: tuple[str, ...],
) -> None:
    """Near-duplicate clusters (MinHash LSH, as the store) in ANALYZED, a `warta spark analyze` output."""
    spark = _spark(master, driver_memory, conf)
    from warta.batch.duplicates import find_duplicates
    from warta.similarity import THRESHOLD

    _run(find_duplicates, spark, analyzed, output, threshold=THRESHOLD if threshold is None else threshold)


@spark_group.command("aggregates")
@click.argument("analyzed")
@click.option("--output", "-o", required=True, help="Output directory or URI; replaced whole when done.")
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True, help="Names kept per day.")
@_spark_options
def aggregates_command(
    analyzed: str, output: str, top: int, master: str | None, driver_memory: str | None, conf: tuple[str, ...]
) -> None:
    """Top people, speakers and places per day in ANALYZED, a `warta spark analyze` output."""
    spark = _spark(master, driver_memory, conf)
    from warta.batch.aggregates import aggregate_daily

    _run(aggregate_daily, spark, analyzed, output, top=top)


if __name__ == "__main__":  # spark-submit .../warta/cli/spark.py analyze ...
    spark_group()
