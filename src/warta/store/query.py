"""Full-text query syntax: what users type, made safe for FTS5.

Barewords, "quoted phrases", AND / OR / NOT, parentheses and prefix* are passed through; a bareword
with punctuation ("Rusia-Korea", "KOMPAS.com") is quoted so that it means the phrase it looks like.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from warta.store.errors import QuerySyntaxError

_TOKEN = re.compile(r'"[^"]*"|\(|\)|[^\s()"]+|"')
_OPERATORS = {"AND", "OR", "NOT"}
_PLAIN = re.compile(r"\w+\*?$")
_WORDS = re.compile(r"[^\W_]+")  # what the index's unicode61 tokenizer takes as one word


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


def parse_terms(fts_query: str) -> list[tuple[tuple[str, ...], bool]]:
    """The terms of a query made by :func:`to_fts`: (its words, whether it is a prefix) for each bareword and
    phrase, in order, without operators, parentheses or repeats (used to highlight matches)."""
    out: list[tuple[tuple[str, ...], bool]] = []
    for tok in _TOKEN.findall(fts_query):
        if tok in _OPERATORS or tok in "()":
            continue
        prefix = tok.endswith("*")
        words = tuple(w.lower() for w in _WORDS.findall(tok))
        if words and (words, prefix) not in out:
            out.append((words, prefix))
    return out


def filter_sql(
    *,
    lang: str | None,
    date_from: str | None,
    date_to: str | None,
    source: str | None,
    entity: str | None,
    param: str,
    same_text: Callable[[str], str],
    true: str,
) -> tuple[str, list[Any]]:
    """The WHERE clause (over ``articles a``) and its arguments for the search filters, in one dialect:
    ``param`` is its placeholder, ``same_text(column)`` its case-blind comparison with a placeholder."""
    where: list[str] = []
    args: list[Any] = []
    if lang:
        where.append(f"a.lang = {param}")
        args.append(lang)
    if date_from:
        where.append(f"a.published >= {param}")
        args.append(date_from)
    if date_to:
        where.append(f"a.published <= {param}")
        args.append(date_to + "\uffff" if len(date_to) == 10 else date_to)
    if source:
        where.append(
            f"({same_text('a.agency')} OR a.rowid IN (SELECT article FROM sources WHERE {same_text('name')}))"
        )
        args += [source, source]
    if entity:
        where.append(f"a.rowid IN (SELECT article FROM entities WHERE {same_text('name')})")
        args.append(entity)
    return (" AND ".join(where) or true), args
