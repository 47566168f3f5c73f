"""The offline gazetteer: loaded lazily, once per process, from ``warta/data/gazetteer/gazetteer.tsv.gz``.

Built by ``scripts/build_gazetteer.py`` from GeoNames (CC BY 4.0), id-wilayah (MIT), Unicode CLDR
(Unicode licence) and warta's own table; see ``warta/data/gazetteer/NOTICE.md``.
"""

from __future__ import annotations

import gzip
import threading
import time
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from warta.annotators.places.names import name_key

__all__ = ["Gazetteer", "Place", "gazetteer", "gazetteer_path"]


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer row."""

    index: int
    name: str
    feature: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int
    geonameid: int | None


def gazetteer_path() -> Path:
    return Path(str(files("warta") / "data" / "gazetteer" / "gazetteer.tsv.gz"))


class Gazetteer:
    """Places and a name-key index: ``lookup(key)`` gives ``[(place, is_alternate_name), ...]``."""

    def __init__(self, path: Path | None = None) -> None:
        t0 = time.perf_counter()
        self.path = path or gazetteer_path()
        self._rows: list[str] = []  # the first eight columns, parsed on demand
        # key -> row * 2 + is_alternate, or a list of those when several places share the key
        self._index: dict[str, int | list[int]] = {}
        index = self._index
        rows = self._rows
        with gzip.open(self.path, "rb") as f:
            data = f.read().decode("utf-8")
        for line in data.split("\n"):
            if not line or line[0] == "#":
                continue
            head, keys, alts = line.rsplit("\t", 2)
            code = len(rows) * 2
            rows.append(head)
            for k in keys.split("|"):
                _add(index, k, code)
            if alts:
                for k in alts.split("|"):
                    _add(index, k, code + 1)
        del data
        self._places: dict[int, Place] = {}
        self.load_seconds = time.perf_counter() - t0

    def __len__(self) -> int:
        return len(self._rows)

    @property
    def n_names(self) -> int:
        return len(self._index)

    def place(self, i: int) -> Place:
        p = self._places.get(i)
        if p is None:
            name, feature, country, admin1, lat, lon, pop, gid = self._rows[i].split("\t")
            p = Place(i, name, feature, country or None, admin1 or None, float(lat), float(lon), int(pop or 0),
                      int(gid) if gid else None)
            self._places[i] = p
        return p

    def lookup(self, key: str) -> list[tuple[Place, bool]]:
        """Places having the name key ``key`` (see ``name_key``); True marks a match on an alternate name."""
        codes = self._index.get(key)
        if codes is None:
            return []
        if isinstance(codes, int):
            codes = [codes]
        return [(self.place(code >> 1), bool(code & 1)) for code in codes]

    def lookup_name(self, name: str) -> list[tuple[Place, bool]]:
        return self.lookup(name_key(name))

    def __contains__(self, key: str) -> bool:
        return key in self._index


def _add(index: dict[str, int | list[int]], key: str, code: int) -> None:
    old = index.get(key)
    if old is None:
        index[key] = code
    elif isinstance(old, int):
        if old != code:
            index[key] = [old, code]
    elif code not in old:
        old.append(code)


_LOCK = threading.Lock()
_GAZETTEER: Gazetteer | None = None


def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded on first use."""
    global _GAZETTEER
    if _GAZETTEER is None:
        with _LOCK:
            if _GAZETTEER is None:
                _GAZETTEER = Gazetteer()
    return _GAZETTEER
