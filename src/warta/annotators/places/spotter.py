"""Spotting known place names in text with the gazetteer: a fallback for LOC entities when no model runs."""

from __future__ import annotations

import re

from warta.annotators.places.gazetteer import Gazetteer, gazetteer
from warta.annotators.places.names import PREFIXES, name_key

__all__ = ["find_place_mentions"]

_WORD = re.compile(r"[^\W\d_](?:[\w'’.\-]*\w)?\.?", re.UNICODE)
_CONNECT = frozenset({"de", "del", "da", "do", "dos", "la", "le", "el", "al", "of", "upon", "on", "am", "an", "der",
                      "bin", "van", "von", "y", "and", "dan", "&"})
_SPOT_FEATURES = frozenset({"country", "continent", "region", "water body", "island", "mountain", "admin region",
                            "regency", "capital", "landmark"})
MIN_CITY_POP = 15000
MIN_SINGLE_WORD_CITY_POP = 50000
# capitalised words that are places somewhere but mostly something else in news text
_COMMON = frozenset(name_key(w) for w in """
Sumber Kota Barat Timur Utara Selatan Tengah Raya Baru Jaya Bagus Maju Indah Mulia Sari Agung Besar Kecil Dalam
Luar Atas Bawah Pasar Bank Bapak Ibu Presiden Menteri Polisi Senin Selasa Rabu Kamis Jumat Sabtu Minggu Mei Juni
Juli Agustus Maret April Desember Natal Lebaran Idul Fitri Ramadan Bupati Gubernur Wali Warga Pemerintah Para
Salah Satu Dia Ia Kami Kita Mereka Saat Ketika Namun Tetapi Selain Sementara Menurut Sebelumnya Sedangkan Adapun
Hal Oleh Untuk Dari Pada Di Ke Dengan Yang Ini Itu Semua Karena Jika Bahkan Tak Tidak Akan Sudah Juga Hingga Antara
Polda Polres Polsek Kapolres Kapolda Kodim Korem Kejaksaan Pengadilan Tim Pihak Kepala Direktur Ketua
President Police Monday Tuesday Wednesday Thursday Friday Saturday Sunday May June July August March April Mobile
Reading Bath Nice Say Said Man Of Will Can Best Mary Grace Hope Union Liberty Independence Victory Golden Eagle
Lincoln Jackson Clinton Trump Obama Biden Bush Harris Carter Ford Kennedy Chelsea Arsenal The This That These
Those There Then When What Who Why How After Before During While Some Many Most All Any Every Each Its His Her Our
George
Santa San Saint Sankt Islam Muslim Kristen Media Post Times Mark Paul John James David Peter
Party Partai Republik Republic Democratic Demokrat General Jenderal Mayor Governor Senator Senat Senate Congress
Kongres Dewan House Court Kabinet Cabinet
""".split())
# place words that are fine even where _COMMON says no, when a longer known name contains them
_ORG_HEADS = frozenset(name_key(w) for w in """
Bank Universitas University Institut Institute Partai Party PT Tbk FC Club Klub Post Times News Airlines Airways
Air Group Corp Inc Ltd Company Kedutaan Embassy Pemkot Pemprov Pemkab Polda Polres Polsek Kodam Kodim Korem
Persija Persib Persebaya Kompas Detik Antara Tribun Televisi TV Radio Stadium Stadion Hotel Mall Plaza United City
Foundation Yayasan Kementerian Ministry Dinas Badan Komisi Commission Council Dewan Pengadilan Court Kejaksaan
""".split())
# words before a place that are roles, not given names ('Presiden Rusia', 'Gubernur Jawa Barat')
_ROLES = frozenset(name_key(w) for w in """
Presiden Wakil Gubernur Bupati Walikota Wali Kota Kabupaten Provinsi Menteri Menlu Menhan Kapolda Kapolres Warga
Pemerintah Duta Besar Dubes Raja Ratu Perdana PM President Prime Minister Governor Mayor King Queen Sultan Kepala
Negara Pulau Gunung Selat Teluk Laut Danau Sungai Wilayah Kecamatan Desa Kelurahan Kampung Timnas Tentara Pasukan
Northern Southern Eastern Western Central North South East West Upper Lower Greater Downtown Uptown Rural Metro
Former Ex
""".split())
# people's titles: a place name right after one is a surname ('Pak Malang', 'Mr. Kent')
_PERSON_TITLES = frozenset(name_key(w) for w in "Pak Bu Bapak Ibu Mr Mrs Ms Dr Sir Lady Saint St Santo".split())
# abbreviations that are places only in one language, or always
_ID_ONLY = frozenset({"as", "ri"})
_CAPS_OK = frozenset({"us", "usa", "uk", "uea", "uae", "dki", "diy", "ntb", "ntt", "nad", "png", "rrt", "as", "ri",
                      "dc"})


def _eligible(g: Gazetteer, key: str, n_words: int) -> bool:
    for p, alt in g.lookup(key):
        if alt and p.population < 100_000:
            continue
        if p.feature in _SPOT_FEATURES:
            return True
        if p.feature in ("city",) and p.country == "ID" and p.population >= 400_000:
            return True  # Indonesian kota from id-wilayah (and big towns)
        if p.feature == "city" and p.population >= (MIN_SINGLE_WORD_CITY_POP if n_words == 1 else MIN_CITY_POP):
            return True
        if p.feature == "district" and n_words >= 2:
            return True
    return False


def find_place_mentions(text: str, start: int = 0, end: int | None = None, *,
                        lang: str | None = None) -> list[tuple[int, int, str]]:
    """Known place names in ``text[start:end]``: ``[(start, end, name as printed), ...]`` in text order.

    Gazetteer-based: runs of capitalised words are matched longest-first against the place names (exonyms
    included: 'Moskow', 'Korut', 'Jawa Barat', 'Kabupaten Bogor'). Guards: single words that are common
    words or personal names ('Sumber', 'Jordan'), runs containing an organisation word ('Bank Indonesia',
    'Jakarta Post'), names right after a personal title, small towns, and abbreviations outside their
    language ('AS' only in Indonesian text) are left out.
    """
    g = gazetteer()
    end = len(text) if end is None else end
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        if not _capital(words[i][2]):
            i += 1
            continue
        # the run of capitalised words (with connectors) starting here, on one line
        j = i + 1
        while j < len(words) and "\n" not in text[words[j - 1][1]:words[j][0]] and not _ends_sentence(words[j - 1][2]) \
                and len(text[words[j - 1][1]:words[j][0]]) <= 2 and not _breaks(text[words[j - 1][1]:words[j][0]]) \
                and (_capital(words[j][2]) or (words[j][2].lower() in _CONNECT and j + 1 < len(words)
                                              and _capital(words[j + 1][2]))):
            j += 1
        run = words[i:j]
        run_keys = [name_key(w[2]) for w in run]
        org_run = any(k in _ORG_HEADS for k in run_keys)
        after_title = i > 0 and name_key(words[i - 1][2]) in _PERSON_TITLES and words[i - 1][1] >= words[i][0] - 2
        k = 0
        while k < len(run):
            found = 0
            for n in range(min(6, len(run) - k), 0, -1):
                piece = run[k:k + n]
                s, e = piece[0][0], piece[-1][1]
                printed = text[s:e].rstrip(".") if not _abbrev(text[s:e]) else text[s:e]
                e = s + len(printed)
                key = name_key(printed)
                if not key or key.split()[0] in _CONNECT or key.split()[-1] in _CONNECT:
                    continue
                if n == 1 and not _single_ok(printed, key, lang, k == 0 and _sentence_start(text, s)):
                    continue
                if n == 1 and key in PREFIXES:
                    continue
                if not _eligible(g, key, n):
                    continue
                if n == 1 and not _country(g, key) and (
                        (k + 1 < len(run) and run_keys[k + 1] not in _CONNECT and _unplaced(g, run_keys[k + 1]))
                        or (k > 0 and run_keys[k - 1] in _PERSON_TITLES)
                        or (k > 0 and run_keys[k - 1] not in _ROLES | _CONNECT and _unplaced(g, run_keys[k - 1])
                            and _city_only(g, key))):
                    found = n
                    break  # a personal name: 'Victoria Beckham', 'George Washington', 'Vladimir Putin'
                if org_run or (after_title and k == 0):
                    found = n
                    break
                out.append((s, e, printed))
                found = n
                break
            k += found or 1
        i = j
    return out


def _country(g: Gazetteer, key: str) -> bool:
    return any(p.feature in ("country", "continent") and not alt for p, alt in g.lookup(key))


def _city_only(g: Gazetteer, key: str) -> bool:
    """The name is only a town's (no country, region or island of that name)."""
    return all(p.feature in ("city", "capital", "district") for p, _ in g.lookup(key))


def _unplaced(g: Gazetteer, key: str) -> bool:
    """A capitalised word that names no country or region."""
    return not any(p.feature not in ("city", "district") for p, _ in g.lookup(key))


def _capital(w: str) -> bool:
    return w[:1].isupper()


def _ends_sentence(w: str) -> bool:
    return w.endswith(".") and not _abbrev(w) and name_key(w) not in _PERSON_TITLES and len(w) > 3


def _abbrev(s: str) -> bool:
    return bool(re.fullmatch(r"(?:[A-Z]\.){2,}", s))


def _breaks(gap: str) -> bool:
    return any(c in gap for c in ",;:()[]\"“”/|")


def _sentence_start(text: str, s: int) -> bool:
    before = text[:s].rstrip(" \t\"“'(")
    return not before or before[-1] in ".!?\n:"


def _single_ok(printed: str, key: str, lang: str | None, at_start: bool) -> bool:
    if key in _COMMON and not printed.isupper():
        return False
    compact = key.replace(" ", "")
    if printed.isupper() and len(compact) <= 3:
        if compact not in _CAPS_OK:
            return False
        if compact in _ID_ONLY and lang != "id":
            return False
    if len(compact) <= 2 and not printed.isupper():
        return False
    return not (at_start and key in _COMMON)
