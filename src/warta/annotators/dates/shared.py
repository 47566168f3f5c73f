"""Rules both languages share: numeric dates ('(21/10/2025)', '21/10/2025', 'pada 26/4'), years, times."""

from __future__ import annotations

import re

from warta.annotators.dates.common import Candidate, Rule, alternation, year_of

YEAR = r"(?:1[89]\d\d|20\d\d)"
# words after a number that make it a count, not a year: "2000 orang", "1500 people"
_COUNTED = frozenset(
    "orang warga jiwa unit ton kg km meter m hektare ha rumah personel pasukan peserta kali buah ekor lembar "
    "people persons troops soldiers jobs members votes voters workers residents units tons tonnes barrels "
    "shares miles feet meters metres times cars homes houses cases deaths".split()
)
_YEAR_PREFIX = re.compile(r"(?i)(?:rp\.?|us\$|\$|€|£|no\.?|nomor|pasal|article|section|flight|route|#)\s*$")


def is_year_context(m: re.Match[str], text: str) -> bool:
    """Whether a bare 4-digit number reads as a year: not a count, an amount, a number or part of a code."""
    before = text[max(0, m.start() - 12):m.start()]
    if _YEAR_PREFIX.search(before) or before.endswith(("/", "-", ".", ":", "=", "#", "+")):
        return False
    after = text[m.end():m.end() + 20]
    if after[:1] in ("/", "-", "x", "×") or re.match(r"\s*(?:%|persen|percent)", after, re.I):
        return False
    nxt = re.match(r"\s+([A-Za-z]+)", after)
    return not (nxt and nxt.group(1).lower() in _COUNTED)


def time_candidate(m: re.Match[str], hour: int, minute: int, tz: str | None) -> Candidate | None:
    if hour > 24 or minute > 59:
        return None
    return Candidate(m.start(), m.end(), "time", hour=hour, minute=minute, tz=tz, priority=3)


def _numeric(m: re.Match[str], text: str) -> Candidate | None:
    """(21/10/2025) | 21/10/2025 | pada 26/4: day first, as Indonesian and most wire copy write it."""
    start, end = m.span("core")
    if text[start] != "(":
        before = text[max(0, start - 16):start]
        if re.search(r"(?i)\b(?:no|nomor|nomer|uu|perpu|perppu|pp|tahun)\.?\s*$", before):
            return None
    raw_year = m.group("y") if "y" in m.re.groupindex else None
    return Candidate(start, end, "date", year=year_of(raw_year), month=int(m.group("m")),
                     day=int(m.group("d")), priority=2)


def numeric_date_rules(cues: tuple[str, ...]) -> list[Rule]:
    cue = alternation(cues)
    return [
        Rule("numeric_paren", re.compile(
            r"(?P<core>\(\s*(?P<d>\d{1,2})/(?P<m>\d{1,2})(?:/(?P<y>\d{2,4}))?\s*\))"), _numeric),
        Rule("numeric_full", re.compile(
            r"(?<![\w/.\-])(?P<core>(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d))(?![\w/]|[.\-]\d)"),
            _numeric),
        Rule("numeric_cued", re.compile(
            rf"(?i)(?<![\w])(?:{cue})\s+(?P<core>(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}}))(?![\w/]|[.,]\d)"),
            _numeric),
    ]

