"""Dates: every temporal expression in the body and the dateline, resolved against the publication date.

Rules of our own find the expressions on the text (``rules_id``, ``rules_en``: regexes over word lists in
``lexicon_id``, ``lexicon_en``); ``resolve`` turns them into ISO values against the reference date;
``infer`` finds the publication date in the text when the input's metadata has none.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any

from warta.annotators.dates.common import Candidate, sentence_end, sentence_start
from warta.annotators.dates.extract import Found, Region, find_candidates
from warta.annotators.dates.resolve import Resolved, resolve
from warta.document import Document
from warta.record import DateMention

__all__ = ["DatesAnnotator", "date_regions", "find_dates", "reference_date"]

# deictic words inside a direct quote point at the speaker's day, not the story's: left out
_SKIP_QUOTED = ("deictic", "anaphor")


def date_regions(document: Document) -> tuple[Region, ...]:
    """Where dates are read: the dateline and the body paragraphs (not credits, related or copyright lines).
    Without the anatomy's findings, the whole text."""
    regions: list[Region] = []
    dateline = document.get("dateline")
    if dateline is not None:
        regions.append((dateline.start, dateline.end))
    body = document.get("body")
    if body:
        regions.extend((p.start, p.end) for p in body)
    if dateline is None and not body:
        regions.append((0, len(document.text)))
    return tuple(sorted(set(regions)))


def reference_date(published: Any) -> date | None:
    """The publication date as a ``date``, from a Published record (or None)."""
    value = getattr(published, "date", None) if published is not None else None
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).date() if "T" in value else date.fromisoformat(value[:10])
    except ValueError:
        return None


def _borrow_month(found: list[Found]) -> list[Found]:
    """'tanggal 13 sampai dengan 25 Februari 2017': a day alone takes the month and year of the next date."""
    out = list(found)
    for i, f in enumerate(out):
        c = f.cand
        if c.kind == "date" and c.month is None:
            nxt = next((g.cand for g in out[i + 1:i + 3] if g.cand.kind == "date" and g.cand.month), None)
            if nxt is not None and nxt.start - c.end < 40:
                out[i] = Found(replace(c, month=nxt.month, year=nxt.year), f.quoted, f.future, f.region)
    return out


def find_dates(text: str, regions: tuple[Region, ...], lang: str | None,
               ref: date | None) -> list[DateMention]:
    found = _borrow_month(list(find_candidates(text, regions, lang)))
    resolved: list[tuple[Found, Resolved]] = []
    lead: date | None = None
    times: list[Found] = []
    for f in found:
        c = f.cand
        if f.quoted and c.kind in _SKIP_QUOTED:
            continue
        if c.kind == "time":
            times.append(f)
            continue
        r = resolve(c, ref, future=f.future, lead=lead)
        if r is None:
            continue
        if lead is None and r.day is not None and r.granularity == "day" and not f.quoted:
            lead = r.day
        resolved.append((f, r))
    for f in times:
        anchor = _anchor(text, f, resolved)
        r = resolve(f.cand, ref, anchor=anchor)
        if r is not None:
            resolved.append((f, r))
    resolved.sort(key=lambda fr: fr[0].cand.start)
    out = []
    for f, r in resolved:
        c = f.cand
        out.append(DateMention(
            text=text[c.start:c.end], start=c.start, end=c.end, value=r.value, granularity=r.granularity,
            relative_to=ref.isoformat() if r.relative and ref is not None else None,
        ))
    return out


def _anchor(text: str, f: Found, resolved: list[tuple[Found, Resolved]]) -> date | None:
    """The day a time belongs to: the nearest dated expression in its sentence."""
    c: Candidate = f.cand
    s0 = sentence_start(text, c.start, floor=f.region[0])
    s1 = sentence_end(text, c.end, ceiling=f.region[1])
    best: tuple[int, date] | None = None
    for g, r in resolved:
        if r.day is None or g.region != f.region or not (s0 <= g.cand.start and g.cand.end <= s1):
            continue
        dist = c.start - g.cand.end if g.cand.end <= c.start else g.cand.start - c.end + 1
        if best is None or dist < best[0]:
            best = (dist, r.day)
    return best[1] if best else None


class DatesAnnotator:
    name = "dates"
    version = "1"
    requires: tuple[str, ...] = ("published",)
    provides = ("dates",)

    def find(self, document: Document) -> dict[str, Any]:
        ref = reference_date(document.get("published"))
        return {"dates": find_dates(document.text, date_regions(document), document.lang, ref)}
