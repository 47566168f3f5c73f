"""JSON Lines (one article an object a line) and JSON files (an object or a list of objects)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from warta.errors import EmptyInputError, InputTooLargeError, MalformedInputError, NoTextError
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
