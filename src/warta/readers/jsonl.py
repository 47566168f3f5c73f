"""JSON Lines (one article an object a line) and JSON files (an object or a list of objects)."""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warta.errors import (
    EmptyInputError,
    InputError,
    InputTooLargeError,
    MalformedInputError,
    NoTextError,
    UnreadableInputError,
)
from warta.readers.base import RawArticle, ReadFailure
from warta.readers.decoding import check_size, decode_bytes
from warta.settings import DEFAULT_SETTINGS, Settings


def article_from_object(obj: Any, source: str, settings: Settings = DEFAULT_SETTINGS) -> RawArticle:
    """One JSON object to an article, with the field names the settings give."""
    if not isinstance(obj, dict):
        raise MalformedInputError(f"{source}: expected a JSON object, got {type(obj).__name__}")
    text = obj.get(settings.text_field)
    if not isinstance(text, str):
        raise MalformedInputError(f"{source}: no string field {settings.text_field!r} (see --text-field)")
    if not text.strip():
        raise NoTextError(f"{source}: field {settings.text_field!r} is empty")
    check_size(len(text), settings.max_input_bytes, source)

    def opt(name: str) -> str | None:
        value = obj.get(name)
        return None if value is None else str(value)

    known = {
        settings.text_field,
        settings.id_field,
        settings.date_field,
        settings.url_field,
        settings.title_field,
    }
    extra = {k: v for k, v in obj.items() if k not in known}
    return RawArticle(
        text=text,
        source=source,
        id=opt(settings.id_field),
        title=opt(settings.title_field),
        url=opt(settings.url_field),
        published=opt(settings.date_field),
        lang=opt("lang"),
        meta={"format": "jsonl", **({"fields": extra} if extra else {})},
    )


def read_jsonl(
    data: bytes, source: str = "<stdin>", settings: Settings = DEFAULT_SETTINGS
) -> Iterator[RawArticle | ReadFailure]:
    """Every non-blank line in order; a bad line yields a ReadFailure and reading goes on."""
    text, _ = decode_bytes(data, source)
    yield from jsonl_items(text, source, settings)


def jsonl_items(
    text: str, source: str, settings: Settings = DEFAULT_SETTINGS, first_line: int = 1
) -> Iterator[RawArticle | ReadFailure]:
    """The articles of decoded JSON Lines whose first line is line ``first_line`` of ``source``."""
    # JSON Lines are separated by "\n" only: str.splitlines() would also cut at U+2028 inside a string
    for lineno, line in enumerate(text.split("\n"), start=first_line):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadFailure(
                where, MalformedInputError(f"{where}: not valid JSON ({exc.msg}, column {exc.colno})")
            )
            continue
        try:
            yield article_from_object(obj, where, settings)
        except (MalformedInputError, NoTextError, InputTooLargeError) as exc:
            yield ReadFailure(where, exc, id=obj.get(settings.id_field) if isinstance(obj, dict) else None)


BLOCK = 4 << 20  # bytes read at a time from a JSON Lines file: memory stays flat whatever the file's size


def read_jsonl_file(path: Path, settings: Settings = DEFAULT_SETTINGS) -> Iterator[RawArticle | ReadFailure]:
    """The articles of a JSON Lines file (``.gz`` too), streamed: a few MB in memory, not the whole file.

    Whole lines are decoded a block at a time (UTF-8, else the block's detected encoding); a block that cannot
    be decoded is one failure naming its lines, and reading goes on. UTF-16 files, whose lines cannot be cut
    at a byte, are read whole.
    """
    source = str(path)
    opener: Any = gzip.open if path.name.lower().endswith(".gz") else open
    lineno, pending, seen_text = 1, b"", False
    try:
        with opener(path, "rb") as fh:
            while True:
                block = fh.read(BLOCK)
                if lineno == 1 and not pending and block.startswith((b"\xff\xfe", b"\xfe\xff")):
                    yield from read_jsonl(block + fh.read(), source, settings)
                    return
                pending += block
                if not pending:
                    break
                cut = len(pending) if not block else pending.rfind(b"\n") + 1
                if cut == 0:  # no line ends in this block yet (a line longer than BLOCK)
                    continue
                part, pending = pending[:cut], pending[cut:]
                if part.strip():
                    seen_text = True
                    try:
                        text, _ = decode_bytes(part, source)
                    except InputError as exc:
                        last = lineno + part.count(b"\n")
                        yield ReadFailure(f"{source}:{lineno}-{last}", exc)
                    else:
                        yield from jsonl_items(text, source, settings, lineno)
                lineno += part.count(b"\n")
                if not block:
                    break
    except (OSError, EOFError, zlib.error) as exc:
        yield ReadFailure(f"{source}:{lineno}", UnreadableInputError(
            f"{source}: cannot read past line {lineno} ({exc.__class__.__name__}: {exc})"))
        return
    if not seen_text:
        yield ReadFailure(source, EmptyInputError(f"{source} is empty"))


def read_json(
    data: bytes, source: str = "<stdin>", settings: Settings = DEFAULT_SETTINGS
) -> Iterator[RawArticle | ReadFailure]:
    text, _ = decode_bytes(data, source)
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        yield ReadFailure(
            source, MalformedInputError(f"{source}: not valid JSON ({exc.msg}, line {exc.lineno})")
        )
        return
    items = obj if isinstance(obj, list) else [obj]
    if not items:
        yield ReadFailure(source, EmptyInputError(f"{source}: an empty JSON list"))
    for i, item in enumerate(items):
        where = source if len(items) == 1 else f"{source}[{i}]"
        try:
            yield article_from_object(item, where, settings)
        except (MalformedInputError, NoTextError, InputTooLargeError) as exc:
            yield ReadFailure(where, exc)
