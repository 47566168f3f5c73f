"""Indonesian date rules: 'Senin (28/4)', 'Sabtu, 26 April 2025', '(21/10/2025)', 'pada Senin', 'kemarin',
'pekan lalu', '2 hari lalu', 'tahun 2023', 'pukul 14.00 WIB'."""

from __future__ import annotations

import re

from warta.annotators.dates import lexicon_id as lx
from warta.annotators.dates.common import Candidate, Rule, alternation, group_span, year_of
from warta.annotators.dates.shared import (
    YEAR,
    is_year_context,
    numeric_date_rules,
    time_candidate,
)

_B = r"(?<![\w'’])"  # a word starts here
_E = r"(?![\w'’])"  # a word ends here
WD = alternation(lx.WEEKDAYS)
MON = alternation(lx.MONTHS)
MONA = alternation({**lx.MONTHS, **lx.MONTH_ABBREVS})
POD = alternation(lx.PARTS_OF_DAY)
NUM = alternation(lx.NUMBER_WORDS)
_DIR_PAST = {"lalu", "yang lalu", "silam", "kemarin"}
_DIR_FUTURE = {"depan", "mendatang", "yang akan datang"}
_DIR = alternation(_DIR_PAST | _DIR_FUTURE)
_ADVERBS = {"ini": 0, "lalu": -1, "kemarin": -1, "depan": 1, "mendatang": 1}
# "N hari lalu": words after the number and unit
_REL_AFTER = {"lalu": -1, "yang lalu": -1, "silam": -1, "mendatang": 1, "ke depan": 1, "lagi": 1,
              "yang akan datang": 1}

I = re.IGNORECASE  # noqa: E741


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


def _weekday(s: str) -> int | None:
    return lx.WEEKDAYS.get(_norm(s).replace("’", "'"))


def _month(s: str) -> int | None:
    key = _norm(s).rstrip(".")
    return lx.MONTHS.get(key) or lx.MONTH_ABBREVS.get(key)


def _direction(raw: str | None) -> str | None:
    if not raw:
        return None
    raw = _norm(raw)
    return "past" if raw in _DIR_PAST else "future" if raw in _DIR_FUTURE else None


def _capitalised_weekday(m: re.Match[str], text: str) -> bool:
    """'Minggu' is Sunday, 'minggu' a week: weekdays standing alone must be capitalised."""
    wd = m.group("wd")
    return wd[:1].isupper()


# ------------------------------------------------------------------ handlers


def _weekday_numeric(m: re.Match[str], text: str) -> Candidate | None:
    """Senin (28/4) | Rabu (4/11/2025) | Senin, (28/4)."""
    return Candidate(m.start(), m.end(), "date", year=year_of(m.group("y")), month=int(m.group("m")),
                     day=int(m.group("d")), weekday=_weekday(m.group("wd")), priority=1)


def _day_month(m: re.Match[str], text: str) -> Candidate | None:
    """Sabtu, 26 April 2025 | 26 April | 23 Maret lalu | 13-25 Februari 2017 | tanggal 5 Mei."""
    month = _month(m.group("mon"))
    if month is None:
        return None
    if m.group("mon")[:1].islower() and not m.group("y"):
        return None  # "5 mei" in running text is rare; "jan" may be a word
    wd = _weekday(m.group("wd")) if m.group("wd") else None
    start, end = group_span(m)
    day_to = int(m.group("d2")) if m.group("d2") else None
    day = int(m.group("d"))
    if day_to is not None:
        day, day_to = day, day_to
    return Candidate(start, end, "date", year=year_of(m.group("y")), month=month, day=day, weekday=wd,
                     direction=_direction(m.group("dir")), day_to=day_to, priority=1)


def _day_only(m: re.Match[str], text: str) -> Candidate | None:
    """tanggal 13 (sampai dengan 25 Februari 2017): the month comes from the date that follows."""
    return Candidate(m.start(), m.end(), "date", day=int(m.group("d")), priority=4)


def _month_year(m: re.Match[str], text: str) -> Candidate | None:
    """April 2025 | bulan April | akhir Maret 2026 | Agustus lalu | pada Mei."""
    mon = m.group("mon")
    if not mon[:1].isupper():
        return None
    pre = _norm(m.group("pre") or "")
    if not (m.group("y") or pre or m.group("dir")):
        before = text[max(0, m.start() - 12):m.start()].lower().split()
        if not before or before[-1] not in ("pada", "sejak", "hingga", "sampai", "selama", "mulai", "per",
                                             "jelang", "menjelang", "awal", "akhir", "pertengahan", "dalam"):
            return None
    edge = "end" if pre in ("akhir",) else None
    direction = _direction(m.group("dir"))
    if m.group("dir") and _norm(m.group("dir")) == "ini":
        direction = "this"
    return Candidate(m.start(), m.end(), "month", year=year_of(m.group("y")), month=_month(mon),
                     direction=direction, edge=edge, priority=3)


def _relative_unit(m: re.Match[str], text: str) -> Candidate | None:
    """pekan lalu | bulan depan | tahun ini | minggu lalu ('Minggu lalu' mid-sentence is last Sunday)."""
    unit_word = m.group("unit")
    if unit_word == "Minggu":
        before = text[max(0, m.start() - 3):m.start()]
        if before.strip() and not re.search(r"[.!?\n\"“]\s*$", before):
            return None
    unit = lx.UNITS[unit_word.lower()]
    n = _ADVERBS[_norm(m.group("adv"))]
    kind = "week" if unit == "week" else "relative"
    return Candidate(m.start(), m.end(), kind, unit=unit, n=n, direction="this" if n == 0 else None,
                     priority=2)


def _relative_n(m: re.Match[str], text: str) -> Candidate | None:
    """2 hari lalu | dua pekan lalu | sepekan lalu | tiga tahun silam | 5 hari lagi."""
    raw = m.group("n")
    if raw is None:
        n = 1
    elif raw.isdigit():
        n = int(raw)
    else:
        n = lx.NUMBER_WORDS[_norm(raw)]
    unit = lx.UNITS[m.group("unit").lower()]
    sign = _REL_AFTER[_norm(m.group("adv"))]
    return Candidate(m.start(), m.end(), "relative", unit=unit, n=sign * n, priority=2)


_DEICTIC = {
    "hari ini": 0, "kemarin": -1, "besok": 1, "lusa": 2, "tadi": 0, "ini": 0, "semalam": -1,
}


def _deictic(m: re.Match[str], text: str) -> Candidate | None:
    """hari ini | kemarin (malam) | besok | tadi pagi | pagi tadi | pagi ini | malam ini."""
    words = _norm(m.group()).split()
    if words[0] in ("hari",):
        n = 0
    elif words[0] in _DEICTIC:
        n = _DEICTIC[words[0]]
    else:
        n = _DEICTIC.get(words[-1], 0)
    return Candidate(m.start(), m.end(), "deictic", unit="day", n=n, priority=2)


def _anaphor(m: re.Match[str], text: str) -> Candidate | None:
    """hari yang sama | malam itu | hari itu: the day the story is about."""
    return Candidate(m.start(), m.end(), "anaphor", priority=3)


def _weekday_alone(m: re.Match[str], text: str) -> Candidate | None:
    """Senin | hari Jumat | Sabtu malam | Senin lalu | Jumat mendatang."""
    if not _capitalised_weekday(m, text) and not m.group("hari"):
        return None
    adv = _norm(m.group("adv") or "")
    direction = "past" if adv in ("lalu", "kemarin") else "future" if adv in ("depan", "mendatang") else None
    return Candidate(m.start(), m.end(), "weekday", weekday=_weekday(m.group("wd")), direction=direction,
                     priority=4)


def _time(m: re.Match[str], text: str) -> Candidate | None:
    tz_raw = (m.group("tz") or "").lower()
    tz = lx.TIME_ZONES.get(tz_raw) if tz_raw else None
    hour = m.group("h") or m.group("h2")
    minute = m.group("mi") or m.group("mi2") or "0"
    return time_candidate(m, int(hour), int(minute), tz)


def _year(m: re.Match[str], text: str) -> Candidate | None:
    """tahun 2023 | pada 2019 | 2014 (bare years in a date context)."""
    tahun = m.group("tahun")
    if not tahun and not is_year_context(m, text):
        return None
    before = text[max(0, m.start() - 16):m.start()]
    if re.search(r"(?i)\b(?:no|nomor|nomer)\.?\s*\d+\s*$", before):
        return None  # UU No 31 Tahun 1999: a law's number
    year = int(m.group("y"))
    y2 = m.group("y2")
    if y2:
        return Candidate(m.start(), m.end(), "years", year=year, year_to=int(y2), priority=3)
    return Candidate(m.start(), m.end(), "year", year=year, priority=4)


RULES: list[Rule] = [
    Rule("weekday_numeric", re.compile(
        rf"{_B}(?:hari\s+)?(?P<wd>{WD}),?\s*\(\s*(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})(?:/(?P<y>\d{{2,4}}))?\s*\)",
        I),
        _weekday_numeric),
    Rule("day_month", re.compile(
        rf"{_B}(?P<core>(?:(?P<wd>{WD})(?:\s+(?:{POD}))?,?\s+)?(?:tanggal\s+|tgl\.?\s+)?"
        rf"(?:(?P<d2>\d{{1,2}})\s*[-–]\s*)?(?P<d>\d{{1,2}})\s+(?P<mon>{MONA})\.?(?!\w)(?:,?\s+(?P<y>{YEAR}))?"
        rf"(?:\s+(?P<dir>{_DIR}){_E})?)", I),
        _day_month),
    Rule("day_only", re.compile(
        rf"{_B}(?:tanggal|tgl\.?)\s+(?P<d>\d{{1,2}})(?=\s+(?:sampai\s+dengan|s\.?d\.?|s/d|hingga|sampai|-|–|dan)\s+"
        rf"\d{{1,2}}\s+(?:{MON}))", I),
        _day_only),
    Rule("month_year", re.compile(
        rf"{_B}(?:(?P<pre>awal|akhir|pertengahan|medio|bulan)\s+)?(?P<mon>{MON}){_E}(?:\s+(?P<y>{YEAR}){_E})?"
        rf"(?:\s+(?P<dir>{_DIR}|ini){_E})?", I),
        _month_year),
    Rule("relative_unit", re.compile(
        rf"{_B}(?P<unit>pekan|minggu|bulan|tahun)\s+(?P<adv>ini|lalu|kemarin|depan|mendatang){_E}", I),
        _relative_unit),
    Rule("relative_n", re.compile(
        rf"{_B}(?:(?P<n>\d{{1,3}}|{NUM})\s+|se(?=(?:hari|pekan|minggu|bulan|tahun)\s))"
        rf"(?P<unit>hari|pekan|minggu|bulan|tahun)\s+"
        rf"(?P<adv>yang\s+lalu|lalu|silam|mendatang|ke\s+depan|lagi|yang\s+akan\s+datang){_E}", I),
        _relative_n),
    Rule("deictic", re.compile(
        rf"{_B}(?:hari\s+ini|kemarin(?:\s+(?:{POD}))?|besok(?:\s+(?:{POD}))?|lusa|tadi\s+(?:{POD})|"
        rf"(?:{POD})\s+(?:tadi|ini)){_E}", I),
        _deictic),
    Rule("anaphor", re.compile(
        rf"{_B}(?:(?:hari|malam|pagi|siang|sore)\s+yang\s+sama|(?:hari|malam|pagi|siang|sore)\s+itu){_E}", I),
        _anaphor),
    Rule("weekday", re.compile(
        rf"{_B}(?:(?P<hari>hari)\s+)?(?P<wd>{WD}){_E}(?:\s+(?:{POD}){_E})?(?:\s+(?P<adv>lalu|kemarin|depan|mendatang){_E})?",
        I), _weekday_alone),
    Rule("time", re.compile(
        rf"{_B}(?:(?:pukul|jam|pkl\.?)\s+(?P<h>\d{{1,2}})(?:[.:](?P<mi>\d{{2}}))?|(?P<h2>\d{{1,2}})[.:](?P<mi2>\d{{2}})"
        rf"(?=\s+(?:WIB|WITA|WIT)\b))(?:\s*(?P<tz>WIB|WITA|WIT|waktu\s+setempat){_E})?", I),
        _time),
    Rule("year", re.compile(
        rf"{_B}(?:(?P<tahun>tahun|thn\.?)\s+)?(?P<y>{YEAR})(?:\s*[-–]\s*(?P<y2>{YEAR}))?(?![\w%/]|[.,:]\d)",
        I),
        _year),
    *numeric_date_rules(lx.NUMERIC_CUES),
]
