"""Offsets are made here, and only here.

Every span warta emits is built by :func:`span`, which trims white space and guarantees
``text[start:end] == item.text``; :func:`span_in` maps a match inside a piece of the text back to
the original text.
"""

from __future__ import annotations

from warta.record.types import Span

_TRIM = " \t\r\n\u00a0\u200b\ufeff"


def trim(text: str, start: int, end: int, chars: str = _TRIM) -> tuple[int, int]:
    """Shrink [start:end) past leading and trailing characters in ``chars``."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def span(text: str, start: int, end: int, *, strip: str = _TRIM) -> Span:
    """The evidence ``text[start:end]``, trimmed of white space (and of ``strip``)."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span [{start}:{end}] outside a text of {len(text)} characters")
    start, end = trim(text, start, end, strip)
    return Span(start=start, end=end, text=text[start:end])


def span_in(text: str, base: int, start: int, end: int, *, strip: str = _TRIM) -> Span:
    """A span given relative to a piece of ``text`` that starts at offset ``base``."""
    return span(text, base + start, base + end, strip=strip)
