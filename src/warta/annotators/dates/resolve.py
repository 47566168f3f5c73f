"""Resolving candidates against a reference date (the publication date) into ISO values."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from warta.annotators.dates.common import Candidate


@dataclass(frozen=True)
class Resolved:
    value: str | None
    granularity: str
    relative: bool  # resolved against the reference date
    day: date | None = None  # the day it names, when it names one


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def nearest_year(ref: date, month: int, day: int, *, direction: str | None = None,
                 weekday: int | None = None) -> date | None:
    """The date with this month and day closest to ``ref`` (past on ties), in the direction asked.

    With a weekday, years where the date falls on that weekday are preferred.
    """
    options = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := _safe_date(y, month, day))]
    if direction == "past":
        options = [d for d in options if d <= ref] or options
    elif direction == "future":
        options = [d for d in options if d >= ref] or options
    if weekday is not None:
        options = [d for d in options if d.weekday() == weekday] or options
    if not options:
        return None
    return min(options, key=lambda d: (abs((d - ref).days), d > ref))


def weekday_date(ref: date, weekday: int, *, direction: str | None = None, future: bool = False) -> date:
    """The day with this weekday near ``ref``: 'last' strictly before, 'next' strictly after, a future
    sentence on or after, otherwise the most recent on or before (news reports what happened)."""
    back = (ref.weekday() - weekday) % 7
    ahead = (weekday - ref.weekday()) % 7
    if direction == "past":
        return ref - timedelta(days=back or 7)
    if direction == "future":
        return ref + timedelta(days=ahead or 7)
    if future:
        return ref + timedelta(days=ahead)
    return ref - timedelta(days=back)


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _month_value(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def resolve(c: Candidate, ref: date | None, *, future: bool = False, lead: date | None = None,
            anchor: date | None = None) -> Resolved | None:
    """The value of a candidate; None when it names no possible date (31 Februari, a weekday that
    contradicts its date). ``lead`` is the story's first day for anaphors ('hari yang sama'); ``anchor``
    the day a time belongs to."""
    kind = c.kind
    if kind == "date":
        return _resolve_date(c, ref)
    if kind == "month":
        if c.year is not None:
            if c.edge == "end":
                last = calendar.monthrange(c.year, c.month or 1)[1]
                d = date(c.year, c.month or 1, last)
                return Resolved(d.isoformat(), "day", False, d)
            return Resolved(_month_value(c.year, c.month or 1), "month", False)
        if ref is None or c.month is None:
            return Resolved(None, "month", True)
        y = _month_year(ref, c.month, c.direction)
        if c.edge == "end":
            d = date(y, c.month, calendar.monthrange(y, c.month)[1])
            return Resolved(d.isoformat(), "day", True, d)
        return Resolved(_month_value(y, c.month), "month", True)
    if kind == "year":
        return Resolved(f"{c.year:04d}", "year", False)
    if kind == "years":
        if c.year_to is None or c.year is None or c.year_to < c.year:
            return None
        return Resolved(f"{c.year:04d}/{c.year_to:04d}", "year", False)
    if ref is None:
        unit = "day" if kind in ("weekday", "deictic", "anaphor") else c.unit or kind
        return Resolved(None, unit, True)
    if kind == "weekday":
        d = weekday_date(ref, c.weekday or 0, direction=c.direction, future=future)
        return Resolved(d.isoformat(), "day", True, d)
    if kind == "deictic":
        d = ref + timedelta(days=c.n)
        return Resolved(d.isoformat(), "day", True, d)
    if kind == "anaphor":
        d = lead or ref
        return Resolved(d.isoformat(), "day", True, d)
    if kind == "week":
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=c.n)
        sunday = monday + timedelta(days=6)
        return Resolved(f"{monday.isoformat()}/{sunday.isoformat()}", "week", True)
    if kind == "relative":
        if c.unit == "day":
            d = ref + timedelta(days=c.n)
            return Resolved(d.isoformat(), "day", True, d)
        if c.unit == "week":
            d = ref + timedelta(weeks=c.n)
            return Resolved(d.isoformat(), "day", True, d)
        if c.unit == "month":
            y, m = _add_months(ref.year, ref.month, c.n)
            return Resolved(_month_value(y, m), "month", True)
        if c.unit == "year":
            return Resolved(f"{ref.year + c.n:04d}", "year", True)
        return None
    if kind == "season":
        start = c.season or 1
        if c.direction == "past":
            y = ref.year if start + 3 <= ref.month else ref.year - 1
        elif c.direction == "future":
            y = ref.year if start > ref.month else ref.year + 1
        else:
            y = ref.year
        return Resolved(f"{y:04d}", "season", True)
    if kind == "time":
        day = anchor
        if day is None:
            return None
        tz = c.tz or ""
        return Resolved(f"{day.isoformat()}T{c.hour:02d}:{c.minute:02d}{tz}", "minute", True, day)
    return None


def _month_year(ref: date, month: int, direction: str | None) -> int:
    if direction == "past":
        return ref.year if month < ref.month else ref.year - 1
    if direction == "future":
        return ref.year if month > ref.month else ref.year + 1
    if direction == "this":
        return ref.year
    # nearest, past on ties: December read in March is last December
    diff = month - ref.month
    if diff > 6:
        return ref.year - 1
    if diff < -6:
        return ref.year + 1
    return ref.year


def _resolve_date(c: Candidate, ref: date | None) -> Resolved | None:
    if c.month is None or c.day is None:
        return None
    if not 1 <= c.month <= 12 or not 1 <= c.day <= 31:
        return None
    if c.year is not None:
        d = _safe_date(c.year, c.month, c.day)
        if d is None:
            return None  # 31 Februari 2025
        if c.weekday is not None and d.weekday() != c.weekday:
            return None  # 'Senin (7/5/2025)' is a Wednesday: the text contradicts itself
        return _with_range(c, d, relative=False)
    if ref is None:
        return Resolved(None, "day", True) if _safe_date(2024, c.month, c.day) else None
    d = nearest_year(ref, c.month, c.day, direction=c.direction, weekday=c.weekday)
    if d is None:
        return None
    return _with_range(c, d, relative=True)


def _with_range(c: Candidate, d: date, *, relative: bool) -> Resolved | None:
    if c.day_to is None:
        return Resolved(d.isoformat(), "day", relative, d)
    first = _safe_date(d.year, d.month, c.day_to)
    if first is None or first > d:
        return Resolved(d.isoformat(), "day", relative, d)
    return Resolved(f"{first.isoformat()}/{d.isoformat()}", "day", relative, first)
