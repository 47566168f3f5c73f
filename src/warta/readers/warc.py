"""WARC files (web archives, e.g. Common Crawl's CC-NEWS): each HTML response record is one article.

A record's page goes through the HTML reader with the capture URL (``WARC-Target-URI``) as its url. The
capture date (``WARC-Date``) is kept in ``meta["warc"]["date"]`` and never becomes ``published``: a crawl
date is not a publication date, and the published annotator would label it "metadata". When the page
itself has no date, the published annotator looks in the text (and infers, saying so).

Records that are not HTML responses (requests, metadata, revisits, images, redirects) are skipped. A
broken record (bad headers, corrupt gzip member, truncated content) yields one :class:`ReadFailure`
and reading goes on from the next record that parses; that needs a seekable stream (a file, or bytes).
An article's ``source`` is ``<file>@<offset>``, the record's byte offset in the (compressed) file.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Generator, Iterator
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from warta.errors import MalformedInputError, UnreadableInputError, WartaError
from warta.readers.base import RawArticle, ReadFailure
from warta.readers.decoding import check_size
from warta.readers.html import read_html
from warta.settings import DEFAULT_SETTINGS, Settings

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_MAGIC = b"WARC/1."
_SCAN_CHUNK = 1 << 20


def read_warc_file(path: str | Path, settings: Settings = DEFAULT_SETTINGS) -> Iterator[RawArticle | ReadFailure]:
    """Articles in a ``.warc`` or ``.warc.gz`` file, streamed (a WARC file may hold gigabytes)."""
    try:
        stream = open(path, "rb")  # noqa: SIM115 (closed below, after the generator is done)
    except OSError as exc:
        yield ReadFailure(str(path), UnreadableInputError(f"{path}: cannot read ({type(exc).__name__}: {exc})"))
        return
    with stream:
        yield from read_warc(stream, str(path), settings)


def read_warc(
    data_or_stream: bytes | IO[bytes], source: str, settings: Settings = DEFAULT_SETTINGS
) -> Iterator[RawArticle | ReadFailure]:
    """Articles in a WARC (plain or record-gzipped), in file order; a broken record gives one failure."""
    try:
        import warcio  # noqa: F401
    except ImportError:
        hint = "reading WARC files needs warcio: pip install 'warcio==1.8.1'"
        yield ReadFailure(source, UnreadableInputError(f"{source}: {hint}"))
        return
    stream: IO[bytes] = io.BytesIO(data_or_stream) if isinstance(data_or_stream, bytes) else data_or_stream
    seekable = _seekable(stream)
    start = stream.tell() if seekable else 0
    head = _peek(stream, start, 4) if seekable else b""
    marker = _GZIP_MAGIC if head.startswith(_GZIP_MAGIC[:2]) else _WARC_MAGIC
    while start is not None:
        broken_at = yield from _read_from(stream, start, source, settings)
        if broken_at is None:
            return
        if not seekable:
            return
        start = _resync(stream, max(broken_at, start) + 1, marker)


def _read_from(
    stream: IO[bytes], start: int, source: str, settings: Settings
) -> Generator[RawArticle | ReadFailure, None, int | None]:
    """Articles from ``start`` on; returns the offset of a broken record, or None at the end."""
    if _seekable(stream):
        stream.seek(start)
    records = _iterator(stream)
    base = start - records.offset  # offsets warcio reports are from where its stream was positioned
    at = start
    while True:
        try:
            records.read_to_end()  # finish the previous record: where it ends, the next one starts
        except Exception as exc:
            yield _broken(source, at, exc)
            return at
        at = base + records.offset
        try:
            record = next(records)
        except StopIteration:
            return None
        except Exception as exc:
            yield _broken(source, at, exc)
            return at
        try:
            found = _article(record, records, f"{source}@{at}", source, at, settings)
        except WartaError as exc:
            yield ReadFailure(f"{source}@{at}", exc)
            continue
        except Exception as exc:
            yield _broken(source, at, exc)
            return at
        if found is not None:
            yield found


def _article(
    record: Any, records: Any, where: str, source: str, offset: int, settings: Settings
) -> RawArticle | None:
    """The record's article, None for a record that is not an HTML response; raises WartaError."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if not status.startswith("2") or not content_type.startswith(HTML_TYPES):
        return None
    limit = settings.max_input_bytes
    payload = record.content_stream().read(limit + 1)
    length = records.get_record_length()  # reads the rest of the record
    check_size(len(payload), limit, where)
    url = record.rec_headers.get_header("WARC-Target-URI")
    article = read_html(payload, where, url=url)
    warc = {
        "file": source,
        "offset": offset,
        "length": length,
        "date": record.rec_headers.get_header("WARC-Date"),
        "record_id": record.rec_headers.get_header("WARC-Record-ID"),
    }
    article.meta["warc"] = {k: v for k, v in warc.items() if v is not None}
    return article


def _iterator(stream: IO[bytes]) -> Any:
    """warcio's WARC iterator (ARC and garbage are refused, not guessed at), without its stderr notes."""
    return _iterator_class()(stream)


@lru_cache(maxsize=1)
def _iterator_class() -> type:
    from warcio.archiveiterator import WARCIterator

    class QuietWARCIterator(WARCIterator):
        INC_RECORD = ""  # warcio writes this to stderr when a record's Content-Length looks wrong

    return QuietWARCIterator


def _broken(source: str, offset: int, exc: BaseException) -> ReadFailure:
    where = f"{source}@{offset}"
    log.debug("broken WARC record at %s: %r", where, exc)
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    message = f"{where}: broken WARC record ({type(exc).__name__}{': ' + reason if reason else ''})"
    return ReadFailure(where, MalformedInputError(message))


def _seekable(stream: IO[bytes]) -> bool:
    try:
        return bool(stream.seekable())
    except (AttributeError, OSError, ValueError):
        return False


def _peek(stream: IO[bytes], at: int, n: int) -> bytes:
    stream.seek(at)
    head = stream.read(n)
    stream.seek(at)
    return head


def _resync(stream: IO[bytes], at: int, marker: bytes) -> int | None:
    """The offset of the next record start at or after ``at`` (a gzip member or a WARC header line)."""
    stream.seek(at)
    carry = b""
    pos = at
    while True:
        chunk = stream.read(_SCAN_CHUNK)
        if not chunk:
            return None
        window = carry + chunk
        window_start = pos - len(carry)
        i = window.find(marker)
        while i != -1:
            line_start = marker is _GZIP_MAGIC or window_start + i == 0 or window[i - 1:i] == b"\n"
            if line_start and window_start + i >= at and _parses(stream, window_start + i):
                return window_start + i
            i = window.find(marker, i + 1)
        pos += len(chunk)
        carry = window[-(len(marker) + 1):]
        stream.seek(pos)


def _parses(stream: IO[bytes], at: int) -> bool:
    """Whether a record header parses at ``at`` (the stream is left where it was)."""
    back = stream.tell()
    try:
        stream.seek(at)
        next(_iterator(stream))
        return True
    except Exception:
        return False
    finally:
        stream.seek(back)
