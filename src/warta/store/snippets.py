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
from bisect import bisect_right
from functools import lru_cache

from warta.store.query import parse_terms

_WORD = re.compile(r"[^\W_]+")
_GAP = r"[\W_]+"  # what may separate the words of a phrase
_REST = r"[^\W_]*"  # the rest of a word after a prefix
_CONTEXT = 3  # words shown before the first match in the window
_SCAN = 100  # characters after a match in which further matches count towards its window's score (~16 words)


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
    if not low.isascii():
        for c in set(low):
            if not c.isascii() and (b := _base(c)) != c:
                low = low.replace(c, b)
    return low


@lru_cache(maxsize=256)
def matcher(fts_query: str) -> tuple[re.Pattern[str], int] | None:
    """A pattern finding the query's terms (group ``t<i>`` for term i) and the number of terms."""
    terms = parse_terms(fts_query)
    if not terms:
        return None
    parts: list[str] = []
    for i, (words, prefix) in enumerate(terms):
        body = _GAP.join(re.escape(fold(w)) for w in words)
        parts.append(f"(?P<t{i}>{body}{_REST if prefix else ''})")
    return re.compile("|".join(parts)), len(terms)


def make_snippet(
    text: str,
    spans: list[tuple[int, int]],
    fts_query: str,
    *,
    open_mark: str,
    close_mark: str,
    ellipsis: str = "…",
    tokens: int = 16,
) -> str:
    """The best window of at most ``tokens`` words of the body (``spans`` of ``text``), matches marked."""
    if not spans:
        return ""
    found = matcher(fts_query)
    hits: list[tuple[int, int, int]] = []
    starts = [s for s, _ in spans]
    if found is not None:
        pattern, _ = found
        folded = fold(text)
        for m in pattern.finditer(folded, spans[0][0], spans[-1][1]):
            a, b = m.span()
            if (a and folded[a - 1].isalnum()) or (b < len(folded) and folded[b].isalnum()):
                continue  # part of a longer word
            k = bisect_right(starts, a) - 1
            if k >= 0 and b <= spans[k][1]:  # inside a body paragraph (not a credit line between them)
                hits.append((a, b, int(m.lastgroup[1:])))  # type: ignore[index]
            if len(hits) >= 200:
                break
    if hits:
        best, best_score = 0, -1
        for i, (start, _, _) in enumerate(hits[:50]):
            near = [h for h in hits[i:] if h[1] <= start + _SCAN]
            score = 1000 * len({h[2] for h in near}) + len(near)
            if score > best_score:
                best, best_score = i, score
        anchor = hits[best][0]
    else:
        anchor = spans[0][0]

    def in_body(a: int, b: int) -> bool:
        k = bisect_right(starts, a) - 1
        return k >= 0 and b <= spans[k][1]

    lo = max(spans[0][0], anchor - 20 * _CONTEXT)
    hi = min(spans[-1][1], anchor + 12 * tokens + 40)  # enough for ``tokens`` words of news text
    words = [m.span() for m in _WORD.finditer(text, lo, hi)]
    if not in_body(lo, hi):  # the slice crosses a paragraph break: keep the body's words only
        words = [w for w in words if in_body(*w)]
    if words and words[0][0] == lo and lo > 0 and _WORD.match(text, lo - 1):  # the slice cut a word in two
        words = words[1:]
    if not words:
        return ""
    first = next((i for i, (s, _) in enumerate(words) if s >= anchor), 0)
    window = words[max(0, first - _CONTEXT):][:tokens]
    start, end = window[0][0], window[-1][1]
    pieces = []
    for s_start, s_end in spans:  # the window's part of each body paragraph it touches
        a, b = max(start, s_start), min(end, s_end)
        if a < b:
            pieces.append(_marked(text, a, b, hits, open_mark, close_mark))
    out = " ".join(" ".join(pieces).split())
    if start > spans[0][0]:
        out = ellipsis + out
    if any(b > end for _, b in words) or (hi < spans[-1][1] and text[hi:spans[-1][1]].strip()):
        out += ellipsis
    return out


def _marked(text: str, start: int, end: int, hits: list[tuple[int, int, int]], open_mark: str, close_mark: str) -> str:
    out, at = [], start
    for h_start, h_end, _ in hits:
        h_start, h_end = max(h_start, start), min(h_end, end)
        if h_start < at or h_start >= h_end:
            continue
        out += [text[at:h_start], open_mark, text[h_start:h_end], close_mark]
        at = h_end
    out.append(text[at:end])
    return "".join(out)
