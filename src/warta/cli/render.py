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
    people = [e for e in record.entities if e.type == "PER"]
    if people:
        lines.append("   people:    " + ", ".join(
            f"{e.name}" + (f" ({e.title})" if e.title else "") for e in people))
    orgs = [e.name for e in record.entities if e.type == "ORG"]
    if orgs:
        lines.append("   orgs:      " + ", ".join(orgs))
    places = [e for e in record.entities if e.type == "LOC"]
    if places:
        lines.append("   places:    " + ", ".join(
            e.name + (f" [{e.geo.country or ''} {e.geo.lat:.2f},{e.geo.lon:.2f}]" if e.geo else "") for e in places))
    if record.dates:
        lines.append("   dates:     " + ", ".join(f"{d.text} = {d.value}" for d in record.dates[:6])
                     + (" …" if len(record.dates) > 6 else ""))
    for q in record.quotes:
        who = (q.speaker.name or q.speaker.text) if q.speaker else "?"
        cue = f" ({q.cue.text})" if q.cue else ""
        mark = "“" if q.kind == "direct" else "~"
        text = " ".join(q.text.split())
        lines.append(f"   said:      {who}{cue}: {mark} {text[:100]}{'…' if len(text) > 100 else ''}")
    for f in record.failures:
        lines.append(f"   ! {f.annotator}: {f.type}: {f.message}")
    return "\n".join(lines)
