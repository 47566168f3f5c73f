"""Build src/warta/web/static/world.svg, the map page's offline world outline.

Source: Natural Earth 1:110m admin-0 countries (public domain, naturalearthdata.com), as shipped inside the
geopandas 0.14.4 wheel on PyPI (geopandas/datasets/naturalearth_lowres). The wheel is fetched with pip (no
install), the shapefile read with the standard library, the rings simplified (Douglas-Peucker) and written as one
SVG path in an equirectangular frame: x = lon + 180, y = 90 - lat (viewBox 0 0 360 180).

    python scripts/build_world_outline.py [--tolerance 0.25]
"""

from __future__ import annotations

import argparse
import io
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

WHEEL = "geopandas==0.14.4"
MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp"
OUT = Path(__file__).resolve().parents[1] / "src" / "warta" / "web" / "static" / "world.svg"

Point = tuple[float, float]


def fetch_shapefile() -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", WHEEL, "-d", tmp], check=True)
        [wheel] = Path(tmp).glob("geopandas-*.whl")
        with zipfile.ZipFile(wheel) as zf:
            return zf.read(MEMBER)


def read_rings(shp: bytes) -> list[list[Point]]:
    """Every polygon ring of an ESRI shapefile (shape types 5 and 15)."""
    rings: list[list[Point]] = []
    buf = io.BytesIO(shp)
    buf.seek(100)
    while header := buf.read(8):
        _, words = struct.unpack(">ii", header)
        content = buf.read(words * 2)
        (shape_type,) = struct.unpack("<i", content[:4])
        if shape_type not in (5, 15):
            continue
        n_parts, n_points = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{n_parts}i", content[44 : 44 + 4 * n_parts]))
        base = 44 + 4 * n_parts
        coords = struct.unpack(f"<{2 * n_points}d", content[base : base + 16 * n_points])
        points = list(zip(coords[0::2], coords[1::2], strict=True))
        for i, start in enumerate(parts):
            end = parts[i + 1] if i + 1 < n_parts else n_points
            rings.append(points[start:end])
    return rings


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, iterative."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = points[a], points[b]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5
        best, best_i = 0.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            d = abs(dy * (px - ax) - dx * (py - ay)) / norm if norm else ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            if d > best:
                best, best_i = d, i
        if best > tolerance and best_i > 0:
            keep[best_i] = True
            stack += [(a, best_i), (best_i, b)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def to_path(rings: list[list[Point]], tolerance: float) -> str:
    out = []
    for ring in rings:
        pts = simplify(ring, tolerance)
        if len(pts) < 4:
            continue
        xy = [f"{lon + 180:.1f} {90 - lat:.1f}" for lon, lat in pts]
        dedup = [p for i, p in enumerate(xy) if i == 0 or p != xy[i - 1]]
        if len(dedup) >= 4:
            out.append("M" + "L".join(dedup) + "Z")
    return "".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tolerance", type=float, default=0.25, help="simplification tolerance in degrees")
    args = parser.parse_args()
    path = to_path(read_rings(fetch_shapefile()), args.tolerance)
    OUT.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 180">'
        "<!-- Natural Earth 1:110m countries, public domain (naturalearthdata.com); simplified by warta -->"
        f'<path d="{path}" fill="#dfe6ec" stroke="#9aa9b6" stroke-width="0.2"/></svg>\n',
        encoding="utf-8",
    )
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
