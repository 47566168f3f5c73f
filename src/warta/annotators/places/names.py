"""Name keys and the words around place names (prefixes such as 'Kabupaten', 'Bandara', 'Wilayah').

``name_key`` is the one normalisation used both when the gazetteer is built and when it is queried:
accents stripped, case folded, apostrophes dropped, other punctuation turned into spaces.
"""

from __future__ import annotations

import re
import unicodedata

_APOS = re.compile(r"['\u2019\u2018\u02bb\u02bc`\u00b4]")
_NONWORD = re.compile(r"[\W_]+", re.UNICODE)


def name_key(name: str) -> str:
    """The lookup key of a name: 'Reykjavík' -> 'reykjavik', 'Kab. Bogor' -> 'kab bogor'."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = _APOS.sub("", s.casefold())
    return " ".join(_NONWORD.sub(" ", s).split())


# Words before a name that say which kind of place it is. The value is the feature the rest is looked up as
# ("admin" prefers administrative regions, "city" cities, "any" no preference); "local" marks sub-local
# places (streets, buildings) whose remainder, when unknown, may inherit the article's place.
PREFIXES: dict[str, str] = {
    # administrative
    "provinsi": "admin", "propinsi": "admin", "prov": "admin", "wilayah": "admin", "negara bagian": "admin",
    "oblast": "admin", "region": "admin", "regional": "admin", "prefektur": "admin", "distrik": "admin",
    "daerah": "admin", "kawasan": "any", "state of": "admin", "province of": "admin", "kanton": "admin",
    "kabupaten": "regency", "kab": "regency", "kota": "city", "kotamadya": "city", "city of": "city",
    "kota administrasi": "city", "kecamatan": "district", "kec": "district", "kelurahan": "local",
    "desa": "local", "dusun": "local", "kampung": "local", "gampong": "local", "nagari": "local",
    "negara": "country", "republik": "country", "kerajaan": "country", "kesultanan": "country",
    # physical
    "pulau": "island", "kepulauan": "island", "gunung": "mountain", "pegunungan": "mountain",
    "danau": "water", "sungai": "water", "kali": "water", "selat": "water", "teluk": "water", "laut": "water",
    "samudra": "water", "samudera": "water", "tanjung": "any", "semenanjung": "any", "lembah": "any",
    "mount": "mountain", "mt": "mountain", "lake": "water", "gulf of": "water", "bay of": "water",
    "isle of": "island", "port of": "city", "greater": "any",
    # facilities and streets: the rest names the place they are in
    "bandara": "local", "bandar udara": "local", "bandara internasional": "local", "pelabuhan": "local",
    "stasiun": "local", "terminal": "local", "jalan": "local", "jl": "local", "jln": "local",
    "jalan raya": "local", "gang": "local", "gg": "local", "jembatan": "local", "tol": "local",
    "rutan": "local", "lapas": "local", "puskesmas": "local", "rsud": "local", "rumah sakit": "local",
    "rs": "local", "kampus": "local", "gedung": "local", "kompleks": "local", "komplek": "local",
    "perumahan": "local", "pasar": "local", "masjid": "local", "masjid raya": "local", "alun alun": "local",
    "taman": "local", "lapangan": "local", "stadion": "local", "bundaran": "local", "simpang": "local",
    "pantai": "local", "hutan": "local", "taman nasional": "local", "kebun raya": "local",
}

# Words after a name, English style: 'Kursk Oblast', 'Vancouver Island', 'Heathrow Airport'.
SUFFIXES: dict[str, str] = {
    "oblast": "admin", "region": "admin", "province": "admin", "state": "admin", "prefecture": "admin",
    "governorate": "admin", "county": "admin", "district": "admin", "krai": "admin", "kray": "admin",
    "territory": "admin", "raya": "any",
    "city": "city", "island": "island", "islands": "island", "river": "water", "lake": "water",
    "sea": "water", "ocean": "water", "strait": "water", "bay": "water", "mountains": "mountain",
    "airport": "local", "international airport": "local", "station": "local", "port": "local",
    "harbour": "local", "harbor": "local", "stadium": "local", "street": "local", "road": "local",
    "avenue": "local", "square": "local", "bridge": "local", "park": "local", "center": "local",
    "centre": "local", "hospital": "local", "prison": "local", "campus": "local", "valley": "any",
}

# Directional words that, after a name, make a different place ('Jawa Barat', 'Jakarta Selatan'):
# never stripped.
DIRECTIONS = frozenset({
    "utara", "selatan", "barat", "timur", "tengah", "tenggara", "barat laut", "barat daya", "timur laut",
    "north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
})


def split_affixes(key: str) -> list[tuple[str, str, str]]:
    """Ways to read a name key as (kind, affix, rest): 'bandara internasional lombok' -> ('local', ..., 'lombok').

    Longest affixes first; the whole key itself is not included.
    """
    out: list[tuple[str, str, str]] = []
    words = key.split()
    for n in range(min(3, len(words) - 1), 0, -1):
        head = " ".join(words[:n])
        if head in PREFIXES:
            out.append((PREFIXES[head], head, " ".join(words[n:])))
        tail = " ".join(words[-n:])
        if tail in SUFFIXES:
            out.append((SUFFIXES[tail], tail, " ".join(words[:-n])))
    return out
