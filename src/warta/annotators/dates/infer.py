"""The publication date from the text: a date line, the dateline's date, the lead's 'Senin (20/10/2025)',
or, failing those, inferred from the article's own evidence (weekdays, day-month dates, copyright year)."""

from __future__ import annotations

from datetime import date, timedelta

from warta.annotators.dates.extract import Found, Region, find_candidates, find_in_region
from warta.document import Document
from warta.record import Published

_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# a date line stands alone: little else on it than the date, a time and a zone
_DATE_LINE_MAX = 80
_DATE_LINE_REST = 16


def _full_date(f: Found) -> date | None:
    c = f.cand
    if c.kind != "date" or c.year is None or c.month is None or c.day is None or c.day_to is not None:
        return None
    try:
        d = date(c.year, c.month, c.day)
    except ValueError:
        return None
    if c.weekday is not None and d.weekday() != c.weekday:
        return None
    return d


def _evidence(text: str, f: Found, d: date, time: Found | None = None) -> Published:
    c = f.cand
    value = d.isoformat()
    if time is not None and time.cand.hour is not None:
        value += f"T{time.cand.hour:02d}:{time.cand.minute or 0:02d}{time.cand.tz or ''}"
    return Published(date=value, source="text", start=c.start, end=c.end, text=text[c.start:c.end])


def date_line(document: Document, lang: str | None, max_lines: int = 6) -> Published | None:
    """'Selasa, 23 Februari 2016 15:06 WIB' on a line of its own at the top, before the body starts."""
    text = document.text
    body = document.get("body") or []
    limit = body[0].start if body else len(text)
    seen = 0
    for line in document.lines:
        if line.start > limit:
            break
        if line.blank:
            continue
        seen += 1
        if seen > max_lines:
            break
        if len(line.text.strip()) > _DATE_LINE_MAX:
            continue
        found = find_in_region(text, (line.start, line.end), lang)
        dated = [(f, d) for f in found if (d := _full_date(f))]
        if not dated:
            continue
        rest = sum(ch.isalnum() for ch in line.text) - sum(
            ch.isalnum() for f in found for ch in text[f.cand.start:f.cand.end])
        if rest <= _DATE_LINE_REST:
            f, d = dated[0]
            time = next((g for g in found if g.cand.kind == "time" and g.cand.start > f.cand.start), None)
            return _evidence(text, f, d, time)
    return None


def dateline_date(document: Document, lang: str | None) -> Published | None:
    """'WASHINGTON, March 4, 1987 -': the dateline's date, when it has a year."""
    dl = document.get("dateline")
    if dl is None or not dl.date:
        return None
    for f in find_in_region(document.text, (dl.start, dl.end), lang):
        d = _full_date(f)
        if d is not None:
            return _evidence(document.text, f, d)
    return None


def lead_date(text: str, found: tuple[Found, ...]) -> Published | None:
    """The latest 'Senin (20/10/2025)' / 'Senin, 20 Oktober 2025' in the body that is not in the future:
    Indonesian outlets date the report with the weekday and the full date."""
    best: tuple[date, Found] | None = None
    for f in found:
        if f.cand.weekday is None or f.future:
            continue
        d = _full_date(f)
        if d is not None and (best is None or d > best[0]):
            best = (d, f)
    return _evidence(text, best[1], best[0]) if best else None


def infer(document: Document, found: tuple[Found, ...]) -> Published | None:
    """From the evidence: the latest dated event, its year from the date itself, the copyright line or the
    other full dates (a weekday printed with the date picks the year), then the weekday the lead reports,
    e.g. 'pada Senin' next to events of Saturday 26 April, copyright 2025 -> Monday 28 April 2025.
    No year anywhere: no date."""
    cr = document.get("copyright")
    cr_year = getattr(cr, "year", None) if cr is not None else None
    usable = [f for f in found if not f.future and not f.quoted]
    full = [(d, f) for f in usable if (d := _full_date(f))]
    years = {cr_year} if cr_year else {d.year for d, _ in full}
    if not years:
        return None
    anchors: list[tuple[date, str, str]] = []
    for d, f in full:
        if d.year in years:
            anchors.append((d, _text(document, f), "printed in full"))
    for f in usable:
        c = f.cand
        if c.kind != "date" or c.year is not None or c.month is None or c.day is None or c.day_to is not None:
            continue
        options = [d for y in sorted(years) for yy in (y, y + 1) if (d := _safe(yy, c.month, c.day))]
        if c.weekday is not None:
            options = [d for d in options if d.weekday() == c.weekday]
            how = "its weekday fits"
        else:
            options = [d for d in options if d.year == max(years)]
            origin = "the copyright line" if cr_year else "the full dates in the text"
            how = f"year {max(years)} from {origin}"
        if options:
            anchors.append((max(options), _text(document, f), how))
    if not anchors:
        return None
    anchor, anchor_text, how = max(anchors)
    why = [f"latest dated event '{anchor_text}' is {anchor.isoformat()} ({how})"]
    weekday = next((f for f in usable if f.cand.kind == "weekday" and f.cand.direction is None), None)
    published = anchor
    if weekday is not None and weekday.cand.weekday is not None:
        wd = weekday.cand.weekday
        after = anchor + timedelta(days=(wd - anchor.weekday()) % 7)
        before = after - timedelta(days=7)
        published = after if (after - anchor) <= (anchor - before) else before
        why.append(f"the story reports '{_text(document, weekday)}' ({_WEEKDAY_NAMES[wd]}), the nearest such "
                   f"day: {published.isoformat()}")
    else:
        why.append("no weekday to place the report: taken as the publication date")
    return Published(date=published.isoformat(), source="inferred", reasoning="; ".join(why))


def _text(document: Document, f: Found) -> str:
    return document.text[f.cand.start:f.cand.end]


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def published_from_text(document: Document, regions: tuple[Region, ...]) -> Published | None:
    lang = document.lang
    found = find_candidates(document.text, regions, lang)
    return (date_line(document, lang) or dateline_date(document, lang) or lead_date(document.text, found)
            or infer(document, found))
