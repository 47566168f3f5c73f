"""The record's JSON Schema and its field table for docs/schema.md."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from warta.record.types import SCHEMA_VERSION, Record


@lru_cache(maxsize=1)
def json_schema() -> dict[str, Any]:
    schema = Record.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://warta.dev/schema/record-{SCHEMA_VERSION}.json"
    schema["title"] = f"warta record v{SCHEMA_VERSION}"
    return schema


def json_schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def _type_name(prop: dict[str, Any]) -> str:
    if "$ref" in prop:
        return prop["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in prop:
        return " | ".join(_type_name(p) for p in prop["anyOf"])
    if prop.get("type") == "array":
        return f"list[{_type_name(prop.get('items', {}))}]"
    if "enum" in prop:
        return " | ".join(repr(v) for v in prop["enum"])
    if "const" in prop:
        return repr(prop["const"])
    return str(prop.get("type", "any"))


def field_table() -> str:
    """Markdown tables of every object in the schema: field, type, description."""
    schema = json_schema()
    objects = [("Record", schema), *sorted(schema.get("$defs", {}).items())]
    out: list[str] = []
    for name, obj in objects:
        out.append(f"### {name}\n")
        if obj.get("description"):
            out.append(" ".join(obj["description"].split()) + "\n")
        out.append("| field | type | description |\n|---|---|---|")
        for field_name, prop in obj.get("properties", {}).items():
            desc = " ".join(str(prop.get("description", "")).split())
            out.append(f"| `{field_name}` | {_type_name(prop)} | {desc} |")
        out.append("")
    return "\n".join(out)
