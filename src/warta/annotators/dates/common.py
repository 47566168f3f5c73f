"""What the date rules find before resolution: a candidate with the parts the text states."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Candidate:
    """A temporal expression at text[start:end] and what it says, not yet resolved against a date.

    kind: date (day, month and maybe year), month, year, years (a range of years), weekday, relative
    (n units before/after the reference), deictic (today, kemarin), anaphor (hari yang sama), week
    (this/last/next week), season, time.
    """

    start: int
    end: int
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    direction: str | None = None  # past | future | this, as the text states it
    unit: str | None = None  # day | week | month | year, for relative expressions
    n: int = 0  # signed offset in units
    hour: int | None = None
    minute: int | None = None
    tz: str | None = None
    edge: str | None = None  # end (last day of the month) for "akhir Maret 2026", "end of March"
    day_to: int | None = None  # the other end of "13-25 Februari 2017"
    year_to: int | None = None  # the other end of "2019-2024"
    season: int | None = None  # first month of the season
    priority: int = 5  # lower wins when two candidates cover the same text

    def moved(self, start: int, end: int) -> Candidate:
        return replace(self, start=start, end=end)


Handler = Callable[[re.Match[str], str], "Candidate | None"]


@dataclass(frozen=True)
class Rule:
    """A pattern and the function that turns its match into a candidate (or rejects it)."""

    name: str
    pattern: re.Pattern[str]
    handler: Handler


def alternation(words: list[str] | tuple[str, ...] | set[str]) -> str:
    """A regex alternation of words, longest first, with spaces matching any white space."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


def year_of(raw: str | None) -> int | None:
    """A year from its printed digits: 4 digits as is, 2 digits in 1950-2049, anything else unknown."""
    if not raw:
        return None
    if len(raw) == 4:
        return int(raw)
    if len(raw) == 2:
        y = int(raw)
        return 2000 + y if y < 50 else 1900 + y
    return None  # "(4/11/205)": a typo, read as no year


def group_span(m: re.Match[str], name: str = "core") -> tuple[int, int]:
    """The span of a named group when the pattern has it and it matched, else the whole match."""
    if name in m.re.groupindex and m.group(name) is not None:
        return m.start(name), m.end(name)
    return m.start(), m.end()


_SENTENCE_END = re.compile(r"(?:[.!?][\"”’']?\s+(?=[A-Z\"“‘'(])|\n)")


def sentence_start(text: str, pos: int, floor: int = 0, limit: int = 200) -> int:
    """Where the sentence holding ``pos`` starts (looking back at most ``limit`` characters)."""
    lo = max(floor, pos - limit)
    last = lo
    for m in _SENTENCE_END.finditer(text, lo, pos):
        last = m.end()
    return last


def sentence_end(text: str, pos: int, ceiling: int | None = None, limit: int = 200) -> int:
    hi = min(len(text) if ceiling is None else ceiling, pos + limit)
    m = _SENTENCE_END.search(text, pos, hi)
    return m.start() if m else hi
