"""Readers bring documents in: files, directories, JSONL, HTML, standard input.

Each yields :class:`RawArticle` objects, or :class:`ReadFailure` for an input that cannot be read,
in input order: a failure takes its article's place in the batch, and reading goes on.
"""

from __future__ import annotations

import gzip
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from warta.errors import InputError, NotFoundError, UnreadableInputError, WartaError
from warta.readers.base import RawArticle, ReadFailure, content_id
from warta.readers.decoding import check_size
from warta.readers.html import looks_like_html, read_html
from warta.readers.jsonl import read_json, read_jsonl, read_jsonl_file
from warta.readers.text import read_text
from warta.readers.warc import read_warc, read_warc_file
from warta.settings import DEFAULT_SETTINGS, Settings

__all__ = [
    "ARTICLE_SUFFIXES",
    "RawArticle",
    "ReadFailure",
    "content_id",
    "read_bytes",
    "read_path",
    "read_paths",
]

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSON_SUFFIXES = {".json"}
WARC_SUFFIXES = {".warc"}  # and .warc.gz: a gzip member per record, which the WARC reader unpacks itself
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES | WARC_SUFFIXES


def _format_of(name: str, data: bytes) -> str:
    suffix = Path(name).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in WARC_SUFFIXES or data.startswith(b"WARC/1."):
        return "warc"
    head = data[:2048].decode("utf-8", "replace")
    if looks_like_html(head):
        return "html"
    first = head.lstrip()
    if first.startswith("{"):
        return "jsonl"
    if first.startswith("["):
        return "json"
    return "text"


def read_bytes(
    data: bytes, source: str, *, fmt: str | None = None, settings: Settings = DEFAULT_SETTINGS
) -> Iterator[RawArticle | ReadFailure]:
    """Articles in ``data``; ``fmt`` is text, html, json, jsonl or warc (guessed from name and content)."""
    name = source[:-3] if source.endswith(".gz") else source
    try:
        fmt = fmt or _format_of(name, data)
        if fmt not in ("jsonl", "warc"):  # these hold many articles: the limit applies to each one
            check_size(len(data), settings.max_input_bytes, source)
        if fmt == "jsonl":
            yield from read_jsonl(data, source, settings)
        elif fmt == "warc":
            yield from read_warc(data, source, settings)
        elif fmt == "json":
            yield from read_json(data, source, settings)
        elif fmt == "html":
            yield read_html(data, source)
        else:
            yield read_text(data, source)
    except WartaError as exc:
        yield ReadFailure(source, exc)


def _load(path: Path, settings: Settings) -> bytes:
    """A one-article file, whole (JSON Lines and WARC files, which hold many articles, are streamed instead)."""
    try:
        check_size(path.stat().st_size, settings.max_input_bytes, str(path))
        data = path.read_bytes()
        if path.suffix.lower() == ".gz":
            data = gzip.decompress(data)
        return data
    except InputError:
        raise
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise UnreadableInputError(f"{path}: cannot read ({exc.__class__.__name__}: {exc})") from exc


def _walk(directory: Path) -> Iterator[Path]:
    """Article files below a directory, recursively, in a stable order; hidden files skipped."""
    for root, dirs, files in os.walk(directory, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            base = name[:-3] if name.lower().endswith(".gz") else name
            if Path(base).suffix.lower() in ARTICLE_SUFFIXES:
                yield Path(root) / name


def read_path(path: str | Path, settings: Settings = DEFAULT_SETTINGS) -> Iterator[RawArticle | ReadFailure]:
    """Articles in a file or directory (recursive), or standard input for ``-``."""
    if str(path) == "-":
        yield from read_bytes(sys.stdin.buffer.read(), "<stdin>", settings=settings)
        return
    path = Path(path)
    if path.is_dir():
        for file in _walk(path):
            yield from read_path(file, settings)
        return
    if not path.exists() and not path.is_symlink():
        yield ReadFailure(str(path), NotFoundError(f"{path}: no such file or directory"))
        return
    if path.name.lower().endswith((".warc", ".warc.gz")):  # streamed, not loaded: WARC files are large
        yield from read_warc_file(path, settings)
        return
    if path.name.lower().endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")):  # streamed too
        yield from read_jsonl_file(path, settings)
        return
    try:
        data = _load(path, settings)
    except InputError as exc:
        yield ReadFailure(str(path), exc)
        return
    yield from read_bytes(data, str(path), settings=settings)


def read_paths(
    paths: Iterable[str | Path], settings: Settings = DEFAULT_SETTINGS
) -> Iterator[RawArticle | ReadFailure]:
    for path in paths:
        yield from read_path(path, settings)
