from __future__ import annotations

import json
from pathlib import Path

import jsonschema

import warta
from warta.record import SCHEMA_VERSION, field_table, json_schema

from ...conftest import EXAMPLES, ROOT, assert_offsets


def test_examples_validate_and_offsets_hold() -> None:
    for path in sorted(EXAMPLES.glob("*.txt")):
        [record] = warta.analyze_path(path)
        data = record.to_dict()
        jsonschema.validate(data, json_schema())
        assert data["schema_version"] == SCHEMA_VERSION
        assert assert_offsets(data) > 5


def test_docs_schema_md_is_current() -> None:
    doc = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    assert field_table() in doc, "docs/schema.md is stale: run `make schema`"


def test_published_json_schema_file_is_current() -> None:
    shipped = json.loads(
        (ROOT / "src" / "warta" / "record" / "record.schema.json").read_text(encoding="utf-8")
    )
    assert shipped == json_schema(), "record.schema.json is stale: run `make schema`"


def test_analyze_rejects_empty_and_non_text() -> None:
    import pytest

    from warta.errors import InputError

    with pytest.raises(InputError):
        warta.analyze("   ")
    with pytest.raises(TypeError):
        warta.analyze(b"bytes")  # type: ignore[arg-type]


def test_analyze_metadata_published() -> None:
    record = warta.analyze(
        "Harga beras naik tajam pekan ini.", published="2025-04-28T08:00:00+07:00", lang="id"
    )
    assert record.published is not None
    assert (record.published.date, record.published.source) == ("2025-04-28", "metadata")
    assert record.lang == "id"


def test_schema_file_path() -> None:
    assert Path(warta.__file__).parent.joinpath("record", "record.schema.json").is_file()
