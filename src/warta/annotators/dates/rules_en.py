"""English date rules: 'March 4', 'Sept. 26', 'March 31, 2026', 'end of March 2026', 'in July',
'Monday', 'last Friday', 'Monday night's', 'today', 'last week', 'two days ago', 'last year', 'in 2012',
'2 p.m. EDT'."""

from __future__ import annotations

import re

from warta.annotators.dates import lexicon_en as lx
from warta.annotators.dates.common import Candidate, Rule, alternation, group_span, year_of
from warta.annotators.dates.shared import YEAR, is_year_context, numeric_date_rules, time_candidate

_B = r"(?<![\w'’])"
_E = r"(?![\w])"
WD = alternation(lx.WEEKDAYS)
MON = alternation(lx.MONTHS)
MONA = alternation({**lx.MONTHS, **lx.MONTH_ABBREVS})
POD = alternation(lx.PARTS_OF_DAY)
NUM = alternation(lx.NUMBER_WORDS)
SEASON = alternation(lx.SEASONS)
TZ = alternation([z.upper() for z in lx.TIME_ZONES])
_POSS = r"(?:['’]s)?"
_SEASON_START = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_MONTH_PREPS = frozenset(
    "in since until till by during last next this from through of before after early late mid end beginning "
    "start".split()
)

I = re.IGNORECASE  # noqa: E741


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


def _month(s: str) -> int | None:
    key = _norm(s).rstrip(".")
    return lx.MONTHS.get(key) or lx.MONTH_ABBREVS.get(key)


def _month_day(m: re.Match[str], text: str) -> Candidate | None:
    """March 4 | Sept. 26 | March 31, 2026 | Monday, April 28 | 26 April 2025 | April 26th."""
    mon = m.group("mon")
    if mon.lower() == "may" and not mon[:1].isupper():
        return None
    month = _month(mon)
    wd = lx.WEEKDAYS.get(_norm(m.group("wd"))) if m.group("wd") else None
    start, end = group_span(m)
    return Candidate(start, end, "date", year=year_of(m.group("y")), month=month, day=int(m.group("d")),
                     weekday=wd, priority=1)


def _month_year(m: re.Match[str], text: str) -> Candidate | None:
    """March 2026 | end of March 2026 | in July | last December | early May."""
    mon = m.group("mon")
    if not mon[:1].isupper():
        return None
    pre = _norm(m.group("pre") or "")
    mod = _norm(m.group("mod") or "")
    if not (m.group("y") or pre or mod):
        before = text[max(0, m.start() - 12):m.start()].lower().split()
        possessive = bool(before) and before[-1].endswith(("'s", "’s"))  # "OPEC's December agreement"
        if not before or (before[-1] not in _MONTH_PREPS and not possessive):
            return None
        if mon == "May" and before[-1] not in ("in", "since", "until", "during", "of", "early", "late"):
            return None
        if before[-1] == "of" and re.match(r"\s+\d", text[m.end():m.end() + 3]):
            return None
    edge = "end" if "end" in pre.split() else None
    direction = {"last": "past", "next": "future", "this": "this"}.get(mod)
    start = m.start("mod") if m.group("mod") else m.start("pre") if m.group("pre") else m.start("mon")
    return Candidate(start, m.end(), "month", year=year_of(m.group("y")), month=_month(mon),
                     direction=direction, edge=edge, priority=3)


def _weekday(m: re.Match[str], text: str) -> Candidate | None:
    """Monday | last Friday | next Tuesday | earlier Sunday | Monday night’s | thursday's."""
    mod = _norm(m.group("mod") or "")
    direction = {"last": "past", "next": "future", "this": None}.get(mod)
    return Candidate(m.start(), m.end(), "weekday", weekday=lx.WEEKDAYS[_norm(m.group("wd"))],
                     direction=direction, priority=4)


_DEICTIC = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "this": 0, "last night": -1}


def _deictic(m: re.Match[str], text: str) -> Candidate | None:
    """today | tonight | yesterday | tomorrow | this morning | last night | yesterday afternoon."""
    raw = m.group()
    if raw[:1].isupper() and not _sentence_initial(text, m.start()):
        return None  # USA Today, the Today show
    words = _norm(raw).split()
    key = "last night" if words[:2] == ["last", "night"] else words[0].removesuffix("'s").removesuffix("’s")
    return Candidate(m.start(), m.end(), "deictic", unit="day", n=_DEICTIC.get(key, 0), priority=2)


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[max(0, pos - 4):pos].rstrip(" \t\u00a0\"“‘'(")
    return not before or before[-1] in ".!?:\n"


def _relative_unit(m: re.Match[str], text: str) -> Candidate | None:
    """last week | this month | next year | earlier this year | later this month."""
    unit = lx.UNITS[m.group("unit").lower()]
    n = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[_norm(m.group("adv"))]
    kind = "week" if unit == "week" else "relative"
    return Candidate(m.start(), m.end(), kind, unit=unit, n=n, direction="this" if n == 0 else None,
                     priority=2)


def _relative_n(m: re.Match[str], text: str) -> Candidate | None:
    """two days ago | 3 weeks ago | a year ago | in two weeks' time."""
    raw = m.group("n")
    n = int(raw) if raw.isdigit() else lx.NUMBER_WORDS[_norm(raw)]
    unit = lx.UNITS[m.group("unit").lower()]
    return Candidate(m.start(), m.end(), "relative", unit=unit, n=-n, priority=2)


def _season(m: re.Match[str], text: str) -> Candidate | None:
    """last fall | this summer | next spring."""
    adv = _norm(m.group("adv"))
    direction = {"last": "past", "next": "future", "this": "this"}[adv]
    return Candidate(m.start(), m.end(), "season", season=_SEASON_START[_norm(m.group("s"))],
                     direction=direction, priority=2)


def _anaphor(m: re.Match[str], text: str) -> Candidate | None:
    return Candidate(m.start(), m.end(), "anaphor", priority=3)


def _time(m: re.Match[str], text: str) -> Candidate | None:
    hour = int(m.group("h"))
    ap = (m.group("ap") or "").lower().replace(".", "")
    if ap == "pm" and hour < 12:
        hour += 12
    elif ap == "am" and hour == 12:
        hour = 0
    tz = lx.TIME_ZONES.get((m.group("tz") or "").lower())
    return time_candidate(m, hour, int(m.group("mi") or 0), tz)


def _year(m: re.Match[str], text: str) -> Candidate | None:
    """2014 | in 2012 | 2019-2024 | 2026 State Budget."""
    if not is_year_context(m, text):
        return None
    year = int(m.group("y"))
    if m.group("y2"):
        return Candidate(m.start(), m.end(), "years", year=year, year_to=int(m.group("y2")), priority=3)
    return Candidate(m.start(), m.end(), "year", year=year, priority=4)


RULES: list[Rule] = [
    Rule("month_day", re.compile(
        rf"{_B}(?P<core>(?:(?P<wd>{WD}),?\s+)?(?P<mon>{MONA})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
        rf"(?:,?\s+(?P<y>{YEAR}))?){_E}", I),
        _month_day),
    Rule("day_month", re.compile(
        rf"{_B}(?P<core>(?:(?P<wd>{WD}),?\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MON})"
        rf"(?:,?\s+(?P<y>{YEAR}))?){_E}", I),
        _month_day),
    Rule("month_year", re.compile(
        rf"{_B}(?:(?P<mod>last|next|this)\s+|(?:the\s+)?(?P<pre>(?:end|beginning|start|middle)\s+of|early|late|mid-?)"
        rf"\s*)?(?P<mon>{MON}){_E}(?:,?\s+(?P<y>{YEAR}){_E})?", I),
        _month_year),
    Rule("relative_unit", re.compile(
        rf"{_B}(?:(?:earlier|later)\s+)?(?P<adv>last|past|previous|this|next|coming)\s+(?P<unit>week|month|year)"
        rf"{_POSS}{_E}", I),
        _relative_unit),
    Rule("relative_n", re.compile(
        rf"{_B}(?P<n>\d{{1,3}}|{NUM})\s+(?P<unit>days?|weeks?|months?|years?)\s+ago{_E}", I),
        _relative_n),
    Rule("season", re.compile(rf"{_B}(?P<adv>last|this|next)\s+(?P<s>{SEASON}){_E}", I), _season),
    Rule("deictic", re.compile(
        rf"{_B}(?:today|tonight|yesterday(?:\s+(?:{POD}))?|tomorrow(?:\s+(?:{POD}))?|this\s+(?:morning|afternoon|"
        rf"evening)|last\s+night){_POSS}{_E}", I),
        _deictic),
    Rule("anaphor", re.compile(rf"{_B}(?:the\s+same\s+day|that\s+(?:day|night|morning|evening)){_E}", I),
         _anaphor),
    Rule("weekday", re.compile(
        rf"{_B}(?:(?P<mod>last|next|this|earlier|late|early)\s+)?(?P<wd>{WD})(?:\s+(?:{POD}))?{_POSS}{_E}",
        I),
        _weekday),
    Rule("time", re.compile(
        rf"{_B}(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|am|pm)(?!\w)(?:\s+(?P<tz>{TZ}){_E})?"),
        _time),
    Rule("year", re.compile(
        rf"{_B}(?P<y>{YEAR})(?:\s*[-–]\s*(?P<y2>{YEAR}))?(?:['’]s)?(?![\w%/]|[.,:]\d)"), _year),
    *numeric_date_rules(("on", "since", "until", "from", "by")),
]
