"""How records look on a terminal."""

from __future__ import annotations

import json

from warta.record import Record


def to_jsonl(record: Record) -> str:
    return json.dumps(record.to_dict(), ensure_ascii=False)


def summary(record: Record) -> str:
    """A short readable account of one record."""
    head = f"── {record.source or record.id}"
    if record.error:
        return f"{head}\n   error: {record.error.type}: {record.error.message}"
    lines = [head]
    if record.title:
        lines.append(f"   title:     {record.title}")
    lines.append(f"   language:  {record.lang or '?'}")
    if record.dateline:
        d = record.dateline
        parts = [p for p in (d.place, d.date, d.agency and f"({d.agency})") if p]
        lines.append(f"   dateline:  {' '.join(parts)}")
    if record.published and record.published.date:
        lines.append(f"   published: {record.published.date} ({record.published.source})")
    if record.credits:
        lines.append("   credits:   " + "; ".join(f"{c.role}: {c.name}" for c in record.credits))
    if record.sources:
        lines.append("   sources:   " + " → ".join(s.name for s in record.sources))
    if record.related:
        lines.append(
            f"   related:   {len(record.related)} line(s): " + " | ".join(r.title for r in record.related)
        )
    if record.copyright:
        c = record.copyright
        lines.append(f"   copyright: {c.holder or '?'} {c.year or ''}".rstrip())
    words = len(record.clean_text.split())
    lines.append(f"   body:      {len(record.body)} paragraph(s), {words} words")
    for f in record.failures:
        lines.append(f"   ! {f.annotator}: {f.type}: {f.message}")
    return "\n".join(lines)
