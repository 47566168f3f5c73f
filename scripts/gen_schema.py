"""Write the record's JSON Schema (src/warta/record/record.schema.json) and docs/schema.md's field tables."""

from __future__ import annotations

from pathlib import Path

from warta.record import SCHEMA_VERSION, field_table, json_schema_text

ROOT = Path(__file__).resolve().parents[1]
MARK = "<!-- generated: field tables below are written by `make schema`; edit record/types.py instead -->"


def main() -> None:
    (ROOT / "src" / "warta" / "record" / "record.schema.json").write_text(
        json_schema_text(), encoding="utf-8"
    )
    doc_path = ROOT / "docs" / "schema.md"
    head = doc_path.read_text(encoding="utf-8").split(MARK)[0] if doc_path.exists() else ""
    head = head.replace("{SCHEMA_VERSION}", SCHEMA_VERSION)
    doc_path.write_text(head.rstrip() + "\n\n" + MARK + "\n\n" + field_table(), encoding="utf-8")
    print(f"wrote record.schema.json and docs/schema.md for schema v{SCHEMA_VERSION}")


if __name__ == "__main__":
    main()
