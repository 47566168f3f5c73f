"""An article's text with its annotations highlighted in place, from their offsets.

Annotations may overlap and nest (a speaker inside a quote, a place inside the dateline), so the text is cut
at every start and end into flat segments; each segment is one ``<span>`` naming every annotation that covers
it (``data-ann``) and their kinds (``class``). Everything from the article is escaped here: the text, titles
and names are data, never markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

_CLASS_SAFE = re.compile(r"[^A-Za-z0-9_-]")
# bidi controls and invisible characters: shown as a marker, their effect kept inside their own span, so an
# override cannot make "gnp.exe" read "exe.png" (the character itself stays: the text is the text)
_INVISIBLE = re.compile("[\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def _show_invisible(escaped: str) -> str:
    return _INVISIBLE.sub(lambda m: f'<span class="ctl" title="U+{ord(m.group()):04X}">{m.group()}</span>', escaped)


@dataclass(frozen=True)
class Annotation:
    start: int
    end: int
    kind: str  # css class: title, dateline, credit, source, related, copyright, ent, quote, speaker, cue, date
    ann: str  # id the side panel points to: e1, q0, d3, credit0...
    label: str
    subtype: str = ""  # entity type (PER, ORG, LOC...), quote kind, credit role


@dataclass
class AnnotatedArticle:
    html: Markup
    panel: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)


def _css(value: str) -> str:
    return _CLASS_SAFE.sub("", value)[:24]


def _valid(a: Annotation, n: int) -> bool:
    return 0 <= a.start < a.end <= n


def collect_annotations(record: dict[str, Any]) -> list[Annotation]:
    """Every span of the record as an annotation (anatomy, entities, quotes, dates)."""
    out: list[Annotation] = []
    add = out.append
    if record.get("title_span"):
        s = record["title_span"]
        add(Annotation(s["start"], s["end"], "title", "title", "title"))
    if d := record.get("dateline"):
        add(Annotation(d["start"], d["end"], "dateline", "dateline", f"dateline: {d.get('text') or ''}"))
    for i, c in enumerate(record.get("credits") or []):
        add(Annotation(c["start"], c["end"], "credit", f"credit{i}", f"{c['role']}: {c['name']}", c["role"]))
    for i, s in enumerate(record.get("sources") or []):
        add(Annotation(s["start"], s["end"], "source", f"source{i}", f"source: {s['name']}"))
    for i, r in enumerate(record.get("related") or []):
        line = r.get("line") or r
        add(Annotation(line["start"], line["end"], "related", f"related{i}", f"{r.get('cue') or 'related'}"))
    if c := record.get("copyright"):
        add(Annotation(c["start"], c["end"], "copyright", "copyright", "copyright"))
    for e in record.get("entities") or []:
        label = f"{e['type']}: {e['name']}" + (f" ({e['title']})" if e.get("title") else "")
        for m in e.get("mentions") or []:
            add(Annotation(m["start"], m["end"], "ent", e["id"], label, e["type"]))
    for i, q in enumerate(record.get("quotes") or []):
        sp = q.get("speaker") or {}
        who = sp.get("name") or sp.get("text") or "?"
        add(Annotation(q["start"], q["end"], "quote", f"q{i}", f"{q['kind']} quote, {who}", q["kind"]))
        if isinstance(sp.get("start"), int) and isinstance(sp.get("end"), int):
            add(Annotation(sp["start"], sp["end"], "speaker", f"q{i}", f"speaker: {who}"))
        cue = q.get("cue") or {}
        if isinstance(cue.get("start"), int) and isinstance(cue.get("end"), int):
            add(Annotation(cue["start"], cue["end"], "cue", f"q{i}", f"cue: {cue.get('text') or ''}"))
    for i, d in enumerate(record.get("dates") or []):
        add(Annotation(d["start"], d["end"], "date", f"d{i}", f"date: {d.get('value') or '?'}"))
    return out


def _body_ranges(record: dict[str, Any]) -> list[tuple[int, int]]:
    return sorted((p["start"], p["end"]) for p in record.get("body") or [])


def render_text(text: str, annotations: list[Annotation], body: list[tuple[int, int]]) -> Markup:
    """The text cut into segments at every boundary, each a span naming the annotations covering it."""
    n = len(text)
    anns = [a for a in annotations if _valid(a, n)]
    spans = [Annotation(s, e, "body", "", "") for s, e in body if 0 <= s < e <= n]
    cuts = {0, n}
    for a in anns + spans:
        cuts.update((a.start, a.end))
    points = sorted(cuts)
    starts: dict[int, list[Annotation]] = {}
    for a in anns + spans:
        starts.setdefault(a.start, []).append(a)
    active: list[Annotation] = []
    parts: list[str] = []
    for i, pos in enumerate(points[:-1]):
        nxt = points[i + 1]
        active = [a for a in active if a.end > pos] + starts.get(pos, [])
        piece = _show_invisible(str(escape(text[pos:nxt])))
        if not active:
            parts.append(f'<span class="residue">{piece}</span>' if piece.strip() else piece)
            continue
        real = [a for a in active if a.kind != "body"]
        in_body = len(real) < len(active)
        if not real:
            parts.append(piece)
            continue
        classes = ["a", *sorted({a.kind for a in real}), *sorted({f"t-{_css(a.subtype)}" for a in real if a.subtype})]
        if not in_body and not {"title", "dateline", "credit", "source", "related", "copyright"} & set(classes):
            classes.append("residue")
        ids = " ".join(dict.fromkeys(str(escape(a.ann)) for a in real))
        title = str(escape("; ".join(dict.fromkeys(a.label for a in real))))
        parts.append(f'<span class="{" ".join(classes)}" data-ann="{ids}" title="{title}">{piece}</span>')
    return Markup("".join(parts))


def _panel(record: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    ents = record.get("entities") or []
    panel: dict[str, list[dict[str, Any]]] = {"people": [], "organisations": [], "places": [], "other": []}
    key = {"PER": "people", "ORG": "organisations", "LOC": "places"}
    for e in ents:
        panel[key.get(e["type"], "other")].append(
            {"ann": e["id"], "name": e["name"], "title": e.get("title"), "type": e["type"],
             "mentions": len(e.get("mentions") or []), "geo": e.get("geo")}
        )
    for items in panel.values():
        items.sort(key=lambda x: (-x["mentions"], x["name"]))
    panel["dates"] = [
        {"ann": f"d{i}", "text": d["text"], "value": d.get("value")} for i, d in enumerate(record.get("dates") or [])
    ]
    panel["quotes"] = [
        {
            "ann": f"q{i}",
            "kind": q["kind"],
            "text": q["text"],
            "start": q["start"],
            "speaker": (q.get("speaker") or {}).get("name") or (q.get("speaker") or {}).get("text"),
            "cue": (q.get("cue") or {}).get("text"),
        }
        for i, q in enumerate(record.get("quotes") or [])
    ]
    anatomy: list[dict[str, Any]] = []
    if d := record.get("dateline"):
        anatomy.append({"ann": "dateline", "what": "dateline", "text": d.get("text")})
    for i, c in enumerate(record.get("credits") or []):
        anatomy.append({"ann": f"credit{i}", "what": c["role"], "text": c["name"]})
    for i, s in enumerate(record.get("sources") or []):
        anatomy.append({"ann": f"source{i}", "what": "source", "text": s["name"]})
    for i, r in enumerate(record.get("related") or []):
        anatomy.append({"ann": f"related{i}", "what": r.get("cue") or "related", "text": r["title"]})
    if c := record.get("copyright"):
        anatomy.append({"ann": "copyright", "what": "copyright", "text": c.get("text")})
    panel["anatomy"] = anatomy
    return panel


def annotate_record(record: dict[str, Any]) -> AnnotatedArticle:
    text = record.get("text") or ""
    annotations = collect_annotations(record)
    html = render_text(text, annotations, _body_ranges(record))
    panel = _panel(record)
    return AnnotatedArticle(html=html, panel=panel, counts={k: len(v) for k, v in panel.items()})


def mark_snippet(snippet: str | None, open_mark: str, close_mark: str) -> tuple[str, list[list[int]]]:
    """A store snippet as plain text plus highlight ranges (offsets into that text)."""
    out: list[str] = []
    ranges: list[list[int]] = []
    pos = 0
    start: int | None = None
    for ch in snippet or "":
        if ch == open_mark:
            start = pos
        elif ch == close_mark:
            if start is not None:
                ranges.append([start, pos])
            start = None
        else:
            out.append(ch)
            pos += 1
    return "".join(out), ranges


def snippet_html(text: str, ranges: list[list[int]]) -> Markup:
    parts: list[str] = []
    pos = 0
    for s, e in ranges:
        parts.append(str(escape(text[pos:s])))
        parts.append(f"<mark>{escape(text[s:e])}</mark>")
        pos = e
    parts.append(str(escape(text[pos:])))
    return Markup("".join(parts))
