"""Finding candidates in the parts of the text that carry dates (body paragraphs, the dateline)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from warta.annotators.dates import lexicon_en, lexicon_id, rules_en, rules_id
from warta.annotators.dates.common import Candidate, Rule, sentence_start

Region = tuple[int, int]


def rules_for(lang: str | None) -> list[Rule]:
    if lang == "id":
        return rules_id.RULES
    if lang == "en":
        return rules_en.RULES
    return rules_id.RULES + rules_en.RULES


def future_cues_for(lang: str | None) -> tuple[str, ...]:
    if lang == "id":
        return lexicon_id.FUTURE_CUES
    if lang == "en":
        return lexicon_en.FUTURE_CUES
    return lexicon_id.FUTURE_CUES + lexicon_en.FUTURE_CUES


@dataclass(frozen=True)
class Found:
    """A candidate with what its surroundings say: inside a direct quote, in a future-tense sentence."""

    cand: Candidate
    quoted: bool
    future: bool
    region: Region


def _select(cands: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: longer ones first, then the rule's priority."""
    taken: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.priority, c.start)):
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    return sorted(taken, key=lambda c: c.start)


_QUOTE_CHARS = "\"“”"


def quote_spans(text: str, start: int, end: int) -> list[Region]:
    """Direct quotes in text[start:end]: “...” pairs and straight-quote pairs, unclosed ones to the end."""
    spans: list[Region] = []
    open_at: int | None = None
    for i in range(start, end):
        ch = text[i]
        if ch not in _QUOTE_CHARS:
            continue
        if open_at is None:
            if ch in "\"“":
                open_at = i
        elif ch in "\"”":
            spans.append((open_at, i + 1))
            open_at = None
    if open_at is not None:
        spans.append((open_at, end))
    return spans


def _future_context(text: str, cand: Candidate, region: Region, cues_re: re.Pattern[str],
                    quotes: list[Region]) -> bool:
    """A future cue earlier in the sentence ('akan digelar pada Sabtu', 'will air Tuesday night'), not one
    inside a quote the date only attributes ('"... akan ...," tutur Yuddy, Selasa (16/2/2016)')."""
    s = sentence_start(text, cand.start, floor=region[0])
    for q0, q1 in quotes:
        if q0 < cand.start and q1 <= cand.start:
            s = max(s, q1)
    return bool(cues_re.search(text, s, cand.start))


@lru_cache(maxsize=4)
def _cues_re(lang: str | None) -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(future_cues_for(lang), key=len, reverse=True))
    return re.compile(rf"(?i)(?<![\w])(?:{words})(?![\w])")


def find_in_region(text: str, region: Region, lang: str | None) -> list[Found]:
    start, end = region
    cands: list[Candidate] = []
    for rule in rules_for(lang):
        for m in rule.pattern.finditer(text, start, end):
            c = rule.handler(m, text)
            if c is not None and c.end <= end:
                cands.append(c)
    quotes = quote_spans(text, start, end)
    cues_re = _cues_re(lang)
    out = []
    for c in _select(cands):
        quoted = any(q0 < c.start and c.end <= q1 for q0, q1 in quotes)
        out.append(Found(c, quoted, _future_context(text, c, region, cues_re, quotes), region))
    return out


@lru_cache(maxsize=8)
def find_candidates(text: str, regions: tuple[Region, ...], lang: str | None) -> tuple[Found, ...]:
    """Every candidate in the regions, in text order (cached: published and dates both ask)."""
    out: list[Found] = []
    for region in regions:
        out.extend(find_in_region(text, region, lang))
    return tuple(out)
