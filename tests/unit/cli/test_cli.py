from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from warta.cli import cli
from warta.record import json_schema

ARTICLE = "Jakarta (ANTARA) - Pemerintah menaikkan anggaran pendidikan tahun depan.\nEditor: Sri Wahyuni\n"


def _files(tmp_path: Path) -> list[str]:
    good = tmp_path / "a.txt"
    good.write_text(ARTICLE)
    empty = tmp_path / "b.txt"
    empty.write_text("")
    other = tmp_path / "c.txt"
    other.write_text("LONDON (Reuters) - Oil prices rose on Tuesday as supply fears grew.")
    return [str(good), str(empty), str(other)]


def test_analyze_jsonl_in_order_with_error_record(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["analyze", "--format", "jsonl", *_files(tmp_path)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert [Path(r["source"]).name for r in records] == ["a.txt", "b.txt", "c.txt"]
    assert records[1]["error"]["type"] == "empty_input"
    assert records[0]["dateline"]["agency"] == "ANTARA"
    assert records[2]["dateline"]["agency"] == "Reuters"
    for r in records:
        jsonschema.validate(r, json_schema())


def test_analyze_fail_fast_exits_non_zero(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["analyze", "--fail-fast", *_files(tmp_path)])
    assert result.exit_code == 1
    assert "empty_input" in result.output


def test_analyze_json_and_pretty(tmp_path: Path) -> None:
    files = _files(tmp_path)
    result = CliRunner().invoke(cli, ["analyze", "--format", "json", *files])
    assert result.exit_code == 0
    assert len(json.loads(result.output)) == 3
    result = CliRunner().invoke(cli, ["analyze", "--format", "pretty", files[0]])
    assert "dateline:  Jakarta (ANTARA)" in result.output
    assert "editor: Sri Wahyuni" in result.output


def test_analyze_stdin() -> None:
    result = CliRunner().invoke(cli, ["analyze", "-"], input=ARTICLE)
    assert result.exit_code == 0
    assert json.loads(result.output)["dateline"]["place"] == "Jakarta"


def test_analyze_stdin_jsonl() -> None:
    lines = json.dumps({"id": "x1", "text": ARTICLE, "published": "2025-04-28"}) + "\n{bad\n"
    result = CliRunner().invoke(cli, ["analyze", "-"], input=lines)
    records = [json.loads(line) for line in result.output.splitlines()]
    assert records[0]["id"] == "x1"
    assert records[0]["published"] == {
        "date": "2025-04-28",
        "source": "metadata",
        "start": None,
        "end": None,
        "text": None,
        "reasoning": None,
    }
    assert records[1]["error"]["type"] == "malformed_input"


def test_analyze_lang_forced(tmp_path: Path) -> None:
    files = _files(tmp_path)
    result = CliRunner().invoke(cli, ["analyze", "--lang", "en", files[0]])
    assert json.loads(result.output)["lang"] == "en"


def test_usage_errors_exit_2() -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["analyze"]).exit_code == 2
    assert runner.invoke(cli, ["analyze", "--format", "xml", "a.txt"]).exit_code == 2


def test_schema_command() -> None:
    result = CliRunner().invoke(cli, ["schema"])
    schema = json.loads(result.output)
    assert schema["title"].startswith("warta record")
    jsonschema.Draft202012Validator.check_schema(schema)


def test_demo_command(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    result = CliRunner().invoke(cli, ["demo", "--db", str(db)])
    assert result.exit_code == 0
    assert result.output.count("── ") >= 4
    assert "dateline:" in result.output
    assert "Stored in" in result.output and "4 new" in result.output
    assert "Top people" in result.output and "said" in result.output
    assert db.exists()


def test_analyze_explain_places_on_stderr() -> None:
    text = "TBILISI (Reuters) - Georgia said on Monday it would hold talks with Armenia in Yerevan.\n"
    result = CliRunner().invoke(cli, ["analyze", "--explain", "-"], input=text)
    assert result.exit_code == 0
    assert "Georgia:" in result.stderr and "first chosen" in result.stderr
    assert json.loads(result.stdout)["dateline"]["place"] == "TBILISI"
