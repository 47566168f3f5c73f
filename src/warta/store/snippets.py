"""Search snippets made in Python from a stored text and its body spans.

FTS5's ``snippet()`` re-reads each hit's content through the index's content view (which unpacks the whole
record) and re-tokenises all of it: about 150 µs a hit on a news article. Here only the text of the record
is decompressed, one regular expression finds the query's words and phrases, and only the chosen window is
tokenised. The output has FTS5's form: matches between ``open_mark`` and ``close_mark``, ``…`` where text was
cut, at most ``tokens`` words, the window chosen to show as many different query terms as it can.

Words are matched as the full-text index matches them (``unicode61 remove_diacritics 2``): letters and digits
make a word, case and diacritics are ignored, ``word*`` is a prefix. Terms after NOT are highlighted too
if present (a match cannot contain them unless the query allows it).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import islice

from warta.store.query import parse_terms
from warta.store.rows import packed_body

_WORD = re.compile(r"[^\W_]+")
_GAP = r"[\W_]+"  # what may separate the words of a phrase
_REST = r"[^\W_]*"  # the rest of a word after a prefix
# letters that may carry diacritics (Latin-1 Supplement, Latin Extended-A/B, IPA, combining marks, Greek,
# Cyrillic, Latin Extended Additional): a text without any is folded by lower() alone
_MAY_FOLD = re.compile("[\u00c0-\u036f\u0370-\u04ff\u1e00-\u1fff]")
_CONTEXT = 3  # words shown before the first match in the window
_SCAN = 100  # characters after a match in which further matches count towards its window's score (~16 words)
_MAX_HITS = 200


@lru_cache(maxsize=4096)
def _base(ch: str) -> str:
    """One character without its diacritics, still one character (offsets stay valid)."""
    decomposed = unicodedata.normalize("NFKD", ch)
    kept = [c for c in decomposed if not unicodedata.combining(c)]
    return kept[0] if len(kept) == 1 else ch


def fold(text: str) -> str:
    """``text`` lower-cased and without diacritics, character for character (same length, same offsets)."""
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer (e.g. "İ"): keep its case instead
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    if _MAY_FOLD.search(low):
        for c in set(_MAY_FOLD.findall(low)):
            if (b := _base(c)) != c:
                low = low.replace(c, b)
    return low


@lru_cache(maxsize=4096)
def snippet_source(blob: bytes) -> tuple[str, list[tuple[int, int]], str]:
    """A packed record's text, its body spans and its folded text, kept for the records searched most
    recently: searches for frequent words rank the newest articles, so the same ones come back often."""
    text, spans = packed_body(blob)
    return text, spans, fold(text)


@lru_cache(maxsize=256)
def matcher(fts_query: str) -> list[tuple[str, re.Pattern[str]]]:
    """For each of the query's terms: its first word (folded), to find candidates with ``str.find``, and a
    pattern that matches the whole term there."""
    out = []
    for words, prefix in parse_terms(fts_query):
        folded = [fold(w) for w in words]
        body = _GAP.join(re.escape(w) for w in folded)
        out.append((folded[0], re.compile(body + (_REST if prefix else ""))))
    return out


def find_terms(folded: str, fts_query: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """(start, end, term number) of the query's terms in ``folded[start:end]``, whole words only, in order."""
    hits: list[tuple[int, int, int]] = []
    for i, (first, pattern) in enumerate(matcher(fts_query)):
        at = folded.find(first, start, end)
        while at >= 0 and len(hits) < _MAX_HITS:
            m = pattern.match(folded, at, end)
            whole = m and not (at and folded[at - 1].isalnum()) and not folded[m.end():m.end() + 1].isalnum()
            if m and whole:
                hits.append((at, m.end(), i))
            at = folded.find(first, at + 1, end)
    hits.sort()
    return hits


def make_snippet(
    text: str,
    spans: list[tuple[int, int]],
    fts_query: str,
    *,
    open_mark: str,
    close_mark: str,
    ellipsis: str = "…",
    tokens: int = 16,
    folded: str | None = None,
) -> str:
    """The best window of at most ``tokens`` words of the body (``spans`` of ``text``), matches marked;
    ``folded`` is ``fold(text)`` when the caller has it."""
    if not spans:
        return ""
    starts = [s for s, _ in spans]

    def in_body(a: int, b: int) -> bool:
        k = bisect_right(starts, a) - 1
        return k >= 0 and b <= spans[k][1]

    # matches inside a body paragraph (not in a credit line between them)
    folded = fold(text) if folded is None else folded
    hits = [h for h in find_terms(folded, fts_query, spans[0][0], spans[-1][1]) if in_body(h[0], h[1])]
    if hits:
        hit_starts = [h[0] for h in hits]
        best, best_score = 0, -1
        for i, start in enumerate(hit_starts[:50]):
            near = hits[i:bisect_left(hit_starts, start + _SCAN, i)]
            score = 1000 * len({h[2] for h in near}) + len(near)
            if score > best_score:
                best, best_score = i, score
        anchor = hits[best][0]
    else:
        anchor = spans[0][0]
    k = bisect_right(starts, anchor) - 1
    lo = max(spans[k][0], anchor - 20 * _CONTEXT)
    before = [m.span() for m in _WORD.finditer(text, lo, anchor)]
    if before and before[0][0] == lo > spans[k][0] and _WORD.match(text, lo - 1):  # the slice cut a word in two
        before = before[1:]
    window = before[-_CONTEXT:]
    for s_start, s_end in spans[k:]:  # the words from the anchor on, across paragraph breaks
        found = _WORD.finditer(text, max(s_start, anchor), s_end)
        window += [m.span() for m in islice(found, tokens - len(window))]
        if len(window) >= tokens:
            break
    if not window:
        return ""
    start, end = window[0][0], window[-1][1]
    pieces = []
    for s_start, s_end in spans[k:]:  # the window's part of each body paragraph it touches
        if s_start >= end:
            break
        a, b = max(start, s_start), min(end, s_end)
        if a < b:
            pieces.append(_marked(text, a, b, hits, open_mark, close_mark))
    out = " ".join(" ".join(pieces).split())
    if k > 0 or _WORD.search(text, spans[0][0], start):
        out = ellipsis + out
    last = bisect_right(starts, end - 1) - 1
    if last < len(spans) - 1 or _WORD.search(text, end, spans[last][1]):
        out += ellipsis
    return out


def _marked(text: str, start: int, end: int, hits: list[tuple[int, int, int]], open_mark: str, close_mark: str) -> str:
    out, at = [], start
    for h_start, h_end, _ in hits[bisect_left(hits, (start - 200,)):]:
        if h_start >= end:
            break
        h_start, h_end = max(h_start, start), min(h_end, end)
        if h_start < at or h_start >= h_end:
            continue
        out += [text[at:h_start], open_mark, text[h_start:h_end], close_mark]
        at = h_end
    out.append(text[at:end])
    return "".join(out)
