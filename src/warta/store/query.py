"""Full-text query syntax: what users type, made safe for FTS5.

Barewords, "quoted phrases", AND / OR / NOT, parentheses and prefix* are passed through; a bareword
with punctuation ("Rusia-Korea", "KOMPAS.com") is quoted so that it means the phrase it looks like.
"""

from __future__ import annotations

import re

from warta.store.errors import QuerySyntaxError

_TOKEN = re.compile(r'"[^"]*"|\(|\)|[^\s()"]+|"')
_OPERATORS = {"AND", "OR", "NOT"}
_PLAIN = re.compile(r"\w+\*?$")


def to_fts(query: str) -> str:
    query = query.strip()
    if not query:
        raise QuerySyntaxError("the search query is empty")
    if query.count('"') % 2:
        raise QuerySyntaxError(f'unbalanced quote mark in {query!r}: close the phrase with a second "')
    if query.count("(") != query.count(")"):
        raise QuerySyntaxError(f"unbalanced parentheses in {query!r}")
    out = []
    for tok in _TOKEN.findall(query):
        if tok in _OPERATORS or tok in "()" or tok.startswith('"') or _PLAIN.match(tok):
            out.append(tok)
        else:
            words = re.findall(r"\w+", tok)
            if words:
                out.append('"' + " ".join(words) + '"')
    if not out or all(t in _OPERATORS for t in out):
        raise QuerySyntaxError(f"no words to search for in {query!r}")
    return " ".join(out)
