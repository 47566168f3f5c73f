"""Datelines: 'Moskow (ANTARA) -', 'JAKARTA, KOMPAS.com -', 'TEMPO.CO, Jakarta -',
'WASHINGTON, April 28 (Reuters) -', 'NEW YORK (AP) —', 'WASHINGTON, March 4 -', 'Jakarta - '."""

from __future__ import annotations

import re
from dataclasses import dataclass

from warta.annotators.anatomy import lexicon_en, lexicon_id
from warta.annotators.anatomy.outlets import AGENCIES, OUTLETS

_DASH = r"(?:-{1,3}|[–—―‒]{1,2})"
_MONTH = "|".join(sorted({m for m in lexicon_en.MONTHS + lexicon_id.MONTHS}, key=len, reverse=True))
_DATE = rf"(?:(?i:{_MONTH})\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+(?i:{_MONTH})\.?(?:\s+\d{{4}})?)"
# a place: capitalised words, possibly with a comma-joined region ("Mataram, NTB", "HEMPSTEAD, N.Y.")
_PLACE_WORD = r"[A-ZÀ-Ý][\w'’.\-]*"
_PLACE = rf"{_PLACE_WORD}(?:[ \u00a0]+(?:{_PLACE_WORD}|de|di|del|la|el|al|am|upon|on|of)){{0,4}}"
_PLACE_REGION = rf"{_PLACE}(?:,[ \u00a0]*{_PLACE})?"
_NAMED_OUTLETS = "|".join(re.escape(o) for o in sorted(OUTLETS + AGENCIES, key=len, reverse=True))
_DOMAIN = r"[A-Za-z][\w\-]*(?:\.[A-Za-z]{2,}){1,3}"
_OUTLET = rf"(?:{_DOMAIN}|{_NAMED_OUTLETS})"
_END = rf"[ \t\u00a0]*{_DASH}(?:[ \t\u00a0]+|(?=[A-Z\"“‘'(])|$)"

_PATTERNS = [
    # Moskow (ANTARA) -   |  WASHINGTON, April 28 (Reuters) -  |  HEMPSTEAD, N.Y., Sept. 26 (UPI) —
    re.compile(
        rf"(?P<place>{_PLACE_REGION}?)(?:,?[ \u00a0]+(?P<date>{_DATE}))?[ \u00a0]*"
        rf"\((?P<agency>[A-Za-z][\w .&'’\-]{{0,38}}?)\){_END}"
    ),
    # JAKARTA, KOMPAS.com -  |  Jakarta, CNN Indonesia --
    re.compile(rf"(?P<place>{_PLACE_REGION}?),[ \u00a0]*(?P<agency>{_OUTLET}){_END}"),
    # TEMPO.CO, Jakarta -  |  IHRAM.CO.ID, BANJARMASIH --
    re.compile(rf"(?P<agency>{_OUTLET}),[ \u00a0]*(?P<place>{_PLACE_REGION}?){_END}"),
    # KOMPAS.com -  |  VIVA.co.id -
    re.compile(rf"(?P<agency>{_OUTLET}){_END}"),
    # WASHINGTON, March 4 -  (1980s Reuters: no agency in the dateline)
    re.compile(rf"(?P<place>{_PLACE_REGION}?),[ \u00a0]+(?P<date>{_DATE}){_END}"),
    # Jakarta -  |  JAKARTA —  (after a title)
    re.compile(rf"(?P<place>{_PLACE}){_END}(?=[A-Z\"“‘])"),
]


@dataclass(frozen=True)
class DatelineMatch:
    start: int
    end: int
    place: tuple[int, int] | None
    agency: tuple[int, int] | None
    date: tuple[int, int] | None


def _group(m: re.Match[str], name: str, base: int) -> tuple[int, int] | None:
    if name not in m.re.groupindex or m.group(name) is None or not m.group(name).strip():
        return None
    return base + m.start(name), base + m.end(name)


def match_dateline(text: str, start: int, end: int) -> DatelineMatch | None:
    """A dateline at the very start of text[start:end], or None."""
    piece = text[start : min(end, start + 160)]
    for pattern in _PATTERNS:
        m = pattern.match(piece)
        if not m:
            continue
        # the text after a dateline begins a sentence, or the block ends there (old wire copy with a date
        # in the dateline may continue in lower case)
        rest = piece[m.end() :].lstrip()
        dated = "date" in m.re.groupindex and m.group("date")
        if rest and not dated and not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"“‘'(["):
            continue
        return DatelineMatch(
            start=start,
            end=start + m.end(),
            place=_group(m, "place", start),
            agency=_group(m, "agency", start),
            date=_group(m, "date", start),
        )
    return None
