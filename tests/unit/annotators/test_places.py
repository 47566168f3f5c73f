"""Places: geocoding LOC entities and the dateline, disambiguation in context, and the mention spotter."""

from __future__ import annotations

from warta.annotators.places import PlacesAnnotator, explain_place, find_place_mentions, geocode
from warta.annotators.places.resolve import haversine_km
from warta.record import Dateline, Entity, Mention


def loc(name: str, i: int = 0, mentions: list[Mention] | None = None) -> Entity:
    return Entity(id=f"e{i}", type="LOC", name=name, mentions=mentions or [])


def geo_of(entities: list[Entity], name: str):
    return next(e.geo for e in entities if e.name == name)


def near(geo, lat: float, lon: float, km: float = 150) -> bool:
    return geo is not None and haversine_km(geo.lat, geo.lon, lat, lon) <= km


def test_exonyms_and_countries() -> None:
    names = ["Moskow", "Jenewa", "Belanda", "Korut", "Tiongkok", "Amerika Serikat", "Inggris", "Jepang",
             "Arab Saudi", "Krimea", "Wilayah Kursk"]
    out, _ = geocode([loc(n, i) for i, n in enumerate(names)], lang="id")
    assert near(geo_of(out, "Moskow"), 55.75, 37.62)
    assert near(geo_of(out, "Jenewa"), 46.2, 6.15)
    assert near(geo_of(out, "Krimea"), 45.3, 34.4)
    assert near(geo_of(out, "Wilayah Kursk"), 51.7, 36.2)
    countries = {"Belanda": "NL", "Korut": "KP", "Tiongkok": "CN", "Amerika Serikat": "US", "Inggris": "GB",
                 "Jepang": "JP", "Arab Saudi": "SA"}
    for name, cc in countries.items():
        g = geo_of(out, name)
        assert g is not None and g.country == cc and g.feature == "country", name


def test_indonesian_regions() -> None:
    names = ["Jawa Barat", "Kabupaten Bogor", "Kota Bekasi", "Sulsel", "NTT", "Jakarta Selatan", "Bandarlampung"]
    out, _ = geocode([loc(n, i) for i, n in enumerate(names)], lang="id")
    assert near(geo_of(out, "Jawa Barat"), -6.9, 107.6)
    assert near(geo_of(out, "Kabupaten Bogor"), -6.55, 106.8, 60)
    assert near(geo_of(out, "Kota Bekasi"), -6.24, 107.0, 30)
    assert near(geo_of(out, "Sulsel"), -4.0, 120.0, 250)
    assert geo_of(out, "NTT").admin1 == "Nusa Tenggara Timur"
    assert near(geo_of(out, "Jakarta Selatan"), -6.26, 106.81, 20)
    assert near(geo_of(out, "Bandarlampung"), -5.43, 105.26, 30)
    assert all(geo_of(out, n).country == "ID" for n in names)


def test_georgia_by_context() -> None:
    out, _ = geocode([loc("Georgia", 0), loc("Tbilisi", 1)], lang="en")
    assert geo_of(out, "Georgia").country == "GE"
    out, _ = geocode([loc("Georgia", 0), loc("Atlanta", 1)], lang="en")
    g = geo_of(out, "Georgia")
    assert g.country == "US" and g.feature == "admin region"


def test_victoria_and_padang() -> None:
    out, _ = geocode([loc("Victoria", 0), loc("Vancouver", 1), loc("Kanada", 2)], lang="id")
    assert near(geo_of(out, "Victoria"), 48.43, -123.37, 50)
    out, _ = geocode([loc("Victoria", 0), loc("Melbourne", 1)], lang="en")
    assert geo_of(out, "Victoria").country == "AU"
    out, _ = geocode([loc("Padang", 0)], lang="id")
    assert near(geo_of(out, "Padang"), -0.95, 100.35, 30)


def test_dateline_with_qualifier() -> None:
    dl = Dateline(place="HEMPSTEAD, N.Y.", agency=None, start=0, end=17, text="HEMPSTEAD, N.Y. -")
    out, dl2 = geocode([loc("Hempstead", 0)], dl, lang="en")
    assert dl2 is not None and near(dl2.geo, 40.7, -73.6, 30)
    assert near(geo_of(out, "Hempstead"), 40.7, -73.6, 30)
    dl = Dateline(place="Mataram, NTB", agency="ANTARA", start=0, end=25, text="Mataram, NTB (ANTARA) -")
    _, dl2 = geocode([], dl, lang="id")
    assert dl2 is not None and near(dl2.geo, -8.58, 116.12, 20)


def test_facilities_take_their_place() -> None:
    dl = Dateline(place="Mataram", agency="ANTARA", start=0, end=20, text="Mataram (ANTARA) -")
    out, _ = geocode([loc("Bandara Internasional Lombok", 0), loc("Gunung Rinjani", 1)], dl, lang="id")
    g = geo_of(out, "Bandara Internasional Lombok")
    assert near(g, -8.76, 116.28) and g.feature == "facility"
    assert near(geo_of(out, "Gunung Rinjani"), -8.41, 116.46, 20)


def test_unknown_places_no_geo_no_crash() -> None:
    out, dl = geocode([loc("Qwertzuiop Zzz", 0), loc("", 1)], None, lang="en")
    assert all(e.geo is None for e in out) and dl is None
    out, _ = geocode([loc("Xyzzyville", 0)], lang="id", approximate=False)
    assert out[0].geo is None


def test_ambiguous_without_context_is_not_confident() -> None:
    out, _ = geocode([loc("Springfield", 0)], lang="en")
    assert out[0].geo is None
    out, _ = geocode([loc("Springfield", 0), loc("Chicago", 1)], lang="en")
    assert near(out[0].geo, 39.8, -89.65, 50)  # Illinois' capital, with Chicago in the article


def test_offsets_and_other_entities_untouched() -> None:
    text = "Warga Moskow dan Presiden Budi."
    ents = [Entity(id="e1", type="LOC", name="Moskow", mentions=[Mention(start=6, end=12, text="Moskow")]),
            Entity(id="e2", type="PER", name="Budi", mentions=[Mention(start=26, end=30, text="Budi")])]
    out, _ = geocode(ents, lang="id")
    assert [e.mentions for e in out] == [e.mentions for e in ents]
    assert out[1] == ents[1]
    assert out[0].geo is not None and text[out[0].mentions[0].start:out[0].mentions[0].end] == "Moskow"


def test_explain_place() -> None:
    cands = explain_place("Georgia", ["Atlanta"])
    assert cands[0]["country"] == "US" and cands[0]["chosen"] is True
    assert any(c["country"] == "GE" for c in cands)
    assert all(c["reasons"] for c in cands)
    assert explain_place("Qwertzuiop Zzz") == []


def test_annotator_declares_itself() -> None:
    a = PlacesAnnotator()
    assert a.requires == ("entities", "dateline") and a.provides == ("entities", "dateline")


def test_find_place_mentions() -> None:
    text = ("MOSKOW (ANTARA) - Presiden Rusia Vladimir Putin berkata pasukan Korut membantu di Jawa Barat "
            "dan Kabupaten Bogor. Bank Indonesia membuka kantor. Sumber itu datang dari Jenewa.")
    found = find_place_mentions(text, lang="id")
    names = [n for _, _, n in found]
    assert names == ["MOSKOW", "Rusia", "Korut", "Jawa Barat", "Kabupaten Bogor", "Jenewa"]
    assert all(text[s:e] == n for s, e, n in found)


def test_find_place_mentions_guards_english() -> None:
    text = "The U.S. and Britain met. Victoria Beckham flew to Los Angeles, not AS planned."
    names = [n for _, _, n in find_place_mentions(text, lang="en")]
    assert names == ["U.S.", "Britain", "Los Angeles"]


def test_find_place_mentions_window() -> None:
    text = "Di Jakarta. Lalu ke Surabaya."
    found = find_place_mentions(text, 12, len(text), lang="id")
    assert [n for _, _, n in found] == ["Surabaya"]


def test_ap_state_abbreviation_is_the_state() -> None:
    from warta.api import analyze

    record = analyze("SALEM, Ore. (AP) — Lawmakers in Oregon passed the budget on Monday.", lang="en")
    ore = next(e for e in record.entities if e.name == "Ore.")
    assert ore.geo is not None and ore.geo.country == "US"
    assert 41 < ore.geo.lat < 47 and -125 < ore.geo.lon < -116
