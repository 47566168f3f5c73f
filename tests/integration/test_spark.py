"""The Spark job in local mode: the same records as ``warta analyze``, error rows, atomic re-runs.

One SparkSession for the module (starting one takes 10-20 s). Skips when pyspark or Java is missing.
"""

from __future__ import annotations

import gzip
import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pyspark", reason="needs pyspark: pip install 'warta[spark]'")
if shutil.which("java") is None:
    pytest.skip("needs a Java runtime for Spark (scripts/ensure_java.sh installs one)", allow_module_level=True)

from warta.api import analyze_paths
from warta.batch import read_parquet_records
from warta.batch.aggregates import aggregate_daily
from warta.batch.analyze import analyze_to_parquet
from warta.batch.duplicates import find_duplicates, signature_text
from warta.batch.output import OutputError
from warta.similarity import THRESHOLD, band_keys, clusters, estimate, signature

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "src" / "warta" / "data" / "examples"
DEV = ROOT.parent / "shared" / "eval" / "dev"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from warta.batch import get_spark

    session = get_spark("local[2]", app_name="warta-tests", conf={"spark.sql.shuffle.partitions": "4"})
    yield session
    session.stop()


def _by_source(records: list[dict[str, Any]]) -> dict[tuple[str | None, str], dict[str, Any]]:
    keyed = {(r.get("source"), r["id"]): r for r in records}
    assert len(keyed) == len(records), "duplicate records"
    return keyed


def _expected(paths: list[Path | str]) -> list[dict[str, Any]]:
    return [r.to_dict() for r in analyze_paths([str(p) for p in paths])]


def _spark_records(out: Path) -> list[dict[str, Any]]:
    return list(read_parquet_records(out, include_errors=True))


def _assert_same(spark_records: list[dict[str, Any]], expected: list[dict[str, Any]]) -> None:
    got, want = _by_source(spark_records), _by_source(expected)
    assert sorted(got, key=str) == sorted(want, key=str)
    for key, record in want.items():
        assert got[key] == record, key


def test_examples_records_equal_warta_analyze(spark: Any, tmp_path: Path) -> None:
    out = tmp_path / "out"
    manifest = analyze_to_parquet(spark, [str(EXAMPLES)], str(out))
    expected = _expected([EXAMPLES])
    _assert_same(_spark_records(out), expected)
    assert manifest["records"] + manifest["errors"] == len(expected)
    assert (out / "_warta_job.json").is_file()
    langs = {p.name for p in (out / "records").iterdir() if p.is_dir()}
    assert langs <= {"lang=id", "lang=en", "lang=und"} and langs
    months = {p.name for p in (out / "records").glob("lang=*/month=*")}
    assert all(m == "month=unknown" or m[6:10].isdigit() for m in months)


def test_dev_set_records_equal_warta_analyze(spark: Any, tmp_path: Path) -> None:
    if not DEV.is_dir():
        pytest.skip(f"needs the shared dev set at {DEV} (real articles are not kept in the repo)")
    paths = sorted(str(p) for p in DEV.glob("*.txt"))
    out = tmp_path / "dev"
    analyze_to_parquet(spark, paths, str(out))
    _assert_same(_spark_records(out), _expected(paths))


def test_split_jsonl_keeps_line_numbers(spark: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import warta.batch.analyze as job

    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    lines = [json.dumps({"id": f"a{i}", "text": t, "published": "2025-04-2" + str(i % 9 + 1)}) for i, t in
             enumerate(texts * 3)]
    lines.insert(4, "{not json")
    lines.insert(7, "")
    lines.insert(9, json.dumps({"id": "no-text"}))
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(job, "MIN_SPLIT_BYTES", 1000)  # several byte ranges from a small file
    assert len(job.plan_inputs(spark, [str(path)], 4).local) > 1
    out = tmp_path / "out"
    manifest = analyze_to_parquet(spark, [str(path)], str(out), partitions=4)
    assert manifest["errors"] == 2
    _assert_same(_spark_records(out), _expected([path]))


def _warc_with_broken_record() -> bytes:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for i, path in enumerate(sorted(EXAMPLES.glob("*.txt"))):
        paras = "".join(f"<p>{line}</p>" for line in path.read_text(encoding="utf-8").splitlines() if line)
        page = f"<html><head><title>Contoh {i}</title></head><body><article>{paras}</article></body></html>"
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            f"https://contoh.example/{i}", "response", payload=io.BytesIO(page.encode()), http_headers=http,
            warc_headers_dict={"WARC-Date": "2025-04-28T10:00:00Z"},
        ))
    data = buffer.getvalue()
    it = ArchiveIterator(io.BytesIO(data))
    offsets = [(it.get_record_offset(), it.get_record_length()) for _ in it]
    start, length = offsets[1]
    middle = start + length // 2
    return data[:middle] + bytes(b ^ 0x5A for b in data[middle:middle + 32]) + data[middle + 32:]


def test_warc_shard_with_broken_record(spark: Any, tmp_path: Path) -> None:
    pytest.importorskip("warcio")
    shard = tmp_path / "shards" / "crawl-00000.warc.gz"
    shard.parent.mkdir()
    shard.write_bytes(_warc_with_broken_record())
    (tmp_path / "shards" / "_SUCCESS").write_text("")  # Hadoop markers are skipped
    out = tmp_path / "out"
    uri = shard.parent.resolve().as_uri()  # through Spark's Hadoop input, as hdfs:// or s3a:// would be
    manifest = analyze_to_parquet(spark, [uri], str(out))
    records = list(read_parquet_records(out))
    assert manifest["errors"] == 1 and len(records) == 3
    assert {r["url"] for r in records} == {f"https://contoh.example/{i}" for i in (0, 2, 3)}
    assert all(r["meta"]["warc"]["date"] == "2025-04-28T10:00:00Z" for r in records)
    import pyarrow.parquet as pq

    errors = pq.read_table(out / "errors").to_pylist()
    assert len(errors) == 1
    assert errors[0]["type"] == "malformed_input" and "broken WARC record" in errors[0]["reason"]
    assert errors[0]["input"].endswith(".warc.gz@" + errors[0]["input"].rsplit("@", 1)[1])


def test_rerun_replaces_output_without_duplicates(spark: Any, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = analyze_to_parquet(spark, [str(EXAMPLES)], str(out))
    second = analyze_to_parquet(spark, [str(EXAMPLES)], str(out))
    assert second["records"] == first["records"]
    records = _spark_records(out)
    _by_source(records)  # no duplicates
    assert len(records) == first["records"] + first["errors"]
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no staging or old directories left


def test_output_not_written_by_warta_is_not_replaced(spark: Any, tmp_path: Path) -> None:
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.txt").write_text("do not delete")
    with pytest.raises(OutputError):
        analyze_to_parquet(spark, [str(EXAMPLES)], str(precious))
    assert (precious / "thesis.txt").read_text() == "do not delete"


def _store_like_clusters(records: list[dict[str, Any]]) -> list[list[str]]:
    """Clusters as an embedded store computes them: band-key candidates, verified, connected."""
    sigs = {r["id"]: signature(signature_text(r)) for r in records}
    buckets: dict[str, list[str]] = {}
    for rid, sig in sigs.items():
        for key in band_keys(sig):
            buckets.setdefault(key, []).append(rid)
    pairs = {
        (a, b) for ids in buckets.values() for a in ids for b in ids
        if a < b and estimate(sigs[a], sigs[b]) >= THRESHOLD
    }
    return clusters(pairs)


def test_duplicates_and_aggregates(spark: Any, tmp_path: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    rows = [{"id": f"orig-{i}", "text": t, "published": "2025-04-28"} for i, t in enumerate(texts)]
    rows.append({"id": "copy-0", "text": texts[0].replace("\n", "\n\n", 1), "published": "2025-04-29"})
    rows.append({"id": "copy-1", "text": texts[1] + "\nCopyright 2025\n", "published": "2025-04-28"})
    path = tmp_path / "corpus.jsonl.gz"
    path.write_bytes(gzip.compress("".join(json.dumps(r) + "\n" for r in rows).encode()))
    analyzed = tmp_path / "analyzed"
    analyze_to_parquet(spark, [str(path)], str(analyzed))
    records = list(read_parquet_records(analyzed))
    found = find_duplicates(spark, str(analyzed), str(tmp_path / "dups"))
    import pyarrow.parquet as pq

    members = pq.read_table(tmp_path / "dups" / "clusters").to_pylist()
    got: dict[str, list[str]] = {}
    for m in members:
        got.setdefault(m["cluster"], []).append(m["id"])
    spark_clusters = sorted((sorted(g) for g in got.values()), key=lambda g: (-len(g), g[0]))
    assert spark_clusters == _store_like_clusters(records)
    assert ["copy-0", "orig-0"] in spark_clusters and found["clusters"] == len(spark_clusters)

    aggregate_daily(spark, str(analyzed), str(tmp_path / "agg"), top=5)
    daily = pq.read_table(tmp_path / "agg" / "daily").to_pylist()
    assert {d["kind"] for d in daily} <= {"person", "speaker", "place"}
    assert all(1 <= d["rank"] <= 5 and d["articles"] >= 1 for d in daily)
    people = {(r["published"]["date"], e["name"]) for r in records for e in r["entities"] if e["type"] == "PER"}
    assert {(d["day"], d["name"]) for d in daily if d["kind"] == "person"} <= people
    if people:
        assert any(d["kind"] == "person" for d in daily)


def test_cli_spark_analyze_uses_the_running_session(spark: Any, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from warta.cli.spark import spark_group

    out = tmp_path / "out"
    result = CliRunner().invoke(
        spark_group, ["analyze", str(EXAMPLES), "--output", str(out), "--master", "local[2]", "--no-models"]
    )
    assert result.exit_code == 0, result.output
    manifest = json.loads(result.output)
    assert manifest["job"] == "analyze" and manifest["settings"]["use_models"] is False
    assert len(list(read_parquet_records(out, include_errors=True))) == manifest["records"] + manifest["errors"]
    bad = CliRunner().invoke(spark_group, ["analyze", str(EXAMPLES), "--output", str(out), "--conf", "novalue"])
    assert bad.exit_code != 0 and "KEY=VALUE" in bad.output


def test_ingest_from_parquet_loads_the_records_as_they_are(spark: Any, tmp_path: Path) -> None:
    from click.testing import CliRunner

    import warta
    from warta.cli import cli

    out = tmp_path / "out"
    analyze_to_parquet(spark, [str(EXAMPLES)], str(out))
    db = tmp_path / "w.db"
    result = CliRunner().invoke(cli, ["ingest", "--from-parquet", str(out), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    stored = {r["id"]: r for r in warta.open(db).records()}
    assert stored == {r["id"]: r for r in _spark_records(out) if not r.get("error")}
    again = CliRunner().invoke(cli, ["ingest", "--from-parquet", str(out), "--db", str(db), "--quiet"])
    assert "added 0" in again.output
