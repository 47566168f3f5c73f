"""Reading inputs on the executors: what to read (planned on the driver) and how (the warta readers).

Local paths (no URI scheme) are read by the executors with the same readers ``warta analyze`` uses, so
records are identical, ``source`` included. A large uncompressed JSONL file is split into byte ranges,
each read by one task (a line belongs to the range holding its first byte; line numbers are counted,
so ``source`` stays ``<file>:<line>``). Files behind a URI (hdfs://, s3a://, gs://, file://) come as
whole-file bytes from Spark's Hadoop input and go through the same readers.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from warta.errors import (
    EmptyInputError,
    InputError,
    UnreadableInputError,
)
from warta.readers import ARTICLE_SUFFIXES, RawArticle, ReadFailure, read_bytes, read_path
from warta.readers.jsonl import jsonl_items
from warta.readers.warc import read_warc
from warta.settings import DEFAULT_SETTINGS, Settings

Item = RawArticle | ReadFailure

JSONL_NAMES = (".jsonl", ".ndjson")
_COUNT_CHUNK = 8 << 20


@dataclass(frozen=True)
class ReadTask:
    """One unit of reading: a whole local file, or a byte range [start, end) of a local JSONL file."""

    path: str
    start: int = 0
    end: int | None = None


def wanted_in_directory(name: str, hidden: tuple[str, ...] = (".", "_")) -> bool:
    """Whether a file found in a directory is read: an article suffix, not hidden (Hadoop hides ``_``)."""
    if name.startswith(hidden):
        return False
    base = name[:-3] if name.lower().endswith(".gz") else name
    return Path(base).suffix.lower() in ARTICLE_SUFFIXES


def walk_local(path: str) -> list[str]:
    """The files ``warta analyze PATH`` reads, as the same strings it puts in ``source``."""
    import os

    p = Path(path)
    if not p.is_dir():
        return [path]
    found = []
    for root, dirs, files in os.walk(p, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if wanted_in_directory(name, hidden=(".",)):  # as warta.readers walks directories
                found.append(str(Path(root) / name))
    return found


def plan_local(paths: Iterable[str], split_bytes: int) -> list[ReadTask]:
    """Read tasks for local files: big uncompressed JSONL files split into ranges of ~split_bytes."""
    tasks = []
    for path in paths:
        p = Path(path)
        size = p.stat().st_size if p.is_file() else 0
        if p.name.lower().endswith(JSONL_NAMES) and size > split_bytes:
            starts = list(range(0, size, split_bytes))
            tasks += [ReadTask(path, s, min(s + split_bytes, size)) for s in starts]
        else:
            tasks.append(ReadTask(path))
    return tasks


def read_task(task: ReadTask, settings: Settings = DEFAULT_SETTINGS) -> Iterator[Item]:
    """The items of one read task, as ``warta analyze`` would read them."""
    if task.end is None:
        yield from read_path(task.path, settings)
        return
    try:
        first_line, data = _jsonl_range(task.path, task.start, task.end)
    except OSError as exc:
        message = f"{task.path}: cannot read ({type(exc).__name__}: {exc})"
        yield ReadFailure(f"{task.path}:{task.start}", UnreadableInputError(message))
        return
    yield from read_jsonl_lines(data, task.path, first_line, settings)


def _jsonl_range(path: str, start: int, end: int) -> tuple[int, bytes]:
    """(number of the first line, bytes of the lines starting in [start, end))."""
    with open(path, "rb") as fh:
        begin = 0
        if start > 0:
            fh.seek(start - 1)
            fh.readline()  # the line holding byte start-1 belongs to the range before
            begin = fh.tell()
        newlines = 0
        fh.seek(0)
        left = begin
        while left > 0:
            chunk = fh.read(min(_COUNT_CHUNK, left))
            if not chunk:
                break
            newlines += chunk.count(b"\n")
            left -= len(chunk)
        fh.seek(begin)
        lines = []
        pos = begin
        while pos < end:
            line = fh.readline()
            if not line:
                break
            lines.append(line)
            pos += len(line)
        return newlines + 1, b"".join(lines)


def read_jsonl_lines(
    data: bytes, source: str, first_line: int, settings: Settings = DEFAULT_SETTINGS
) -> Iterator[Item]:
    """Like :func:`warta.readers.jsonl.read_jsonl` over lines that start at line ``first_line``."""
    from warta.readers.decoding import decode_bytes

    try:
        text, _ = decode_bytes(data, source)
    except EmptyInputError:
        return
    except InputError as exc:  # binary or undecodable: the whole range fails, in its place
        yield ReadFailure(f"{source}:{first_line}", exc)
        return
    yield from jsonl_items(text, source, settings, first_line)


def read_remote_file(uri: str, data: bytes, settings: Settings = DEFAULT_SETTINGS) -> Iterator[Item]:
    """The items of a whole file fetched through Hadoop (``uri`` is its ``source``)."""
    name = uri.lower()
    if name.endswith((".warc", ".warc.gz")):
        yield from read_warc(data, uri, settings)
        return
    if name.endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            message = f"{uri}: cannot read ({type(exc).__name__}: {exc})"
            yield ReadFailure(uri, UnreadableInputError(message))
            return
    yield from read_bytes(data, uri, settings=settings)
