"""Geometry for the map and the timeline, drawn as SVG by the templates (no tiles, no script needed).

The map is equirectangular in the frame of the shipped outline (static/world.svg): x = lon + 180,
y = 90 - lat, viewBox 0 0 360 180.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any


def map_points(places: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Places as circles: position in the map frame, radius by article count."""
    if not places:
        return []
    most = max(int(p.get("articles") or 1) for p in places)
    out = []
    for p in places:
        lat, lon = float(p["lat"]), float(p["lon"])
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            continue
        n = int(p.get("articles") or 1)
        out.append({**p, "x": round(lon + 180, 2), "y": round(90 - lat, 2),
                    "r": round(0.9 + 3.2 * math.sqrt(n / most), 2)})
    out.sort(key=lambda p: -p["r"])  # big circles first, small ones drawn on top
    return out


def _parse(day: str | None) -> date | None:
    try:
        return date.fromisoformat(day) if day else None
    except ValueError:
        return None


def timeline_bars(rows: list[dict[str, Any]], width: int = 720, height: int = 140) -> dict[str, Any]:
    """Articles per day (per week or month over long spans) as bars; undated articles counted apart."""
    undated = sum(r["count"] for r in rows if _parse(r.get("day")) is None)
    dated = [(d, r["count"]) for r in rows if (d := _parse(r.get("day"))) is not None]
    if not dated:
        return {"bars": [], "undated": undated, "width": width, "height": height, "unit": "day", "max": 0}
    first, last = min(d for d, _ in dated), max(d for d, _ in dated)
    span = (last - first).days + 1
    unit = "day" if span <= 120 else "week" if span <= 7 * 120 else "month"

    def bucket(d: date) -> date:
        if unit == "week":
            return d - timedelta(days=d.weekday())
        if unit == "month":
            return d.replace(day=1)
        return d

    counts: dict[date, int] = {}
    for d, n in dated:
        counts[bucket(d)] = counts.get(bucket(d), 0) + n
    keys: list[date] = []
    cur = bucket(first)
    while cur <= bucket(last):
        keys.append(cur)
        if unit == "day":
            cur += timedelta(days=1)
        elif unit == "week":
            cur += timedelta(days=7)
        else:
            cur = (cur.replace(day=28) + timedelta(days=4)).replace(day=1)
    most = max(counts.values())
    plot_h = height - 24
    step = width / len(keys)
    bars = []
    for i, k in enumerate(keys):
        n = counts.get(k, 0)
        h = round((plot_h - 16) * n / most, 1) if n else 0  # 16 px above the bars for the "max" label
        bars.append({"day": k.isoformat(), "count": n, "x": round(i * step + step * 0.1, 2),
                     "w": round(max(step * 0.8, 0.5), 2), "y": round(plot_h - h, 1), "h": h})
    return {"bars": bars, "undated": undated, "width": width, "height": height, "unit": unit, "max": most,
            "first": keys[0].isoformat(), "last": keys[-1].isoformat(), "plot_h": plot_h}
