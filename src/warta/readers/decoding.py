"""Bytes to text: UTF-8 first, other encodings detected, binary and empty input refused."""

from __future__ import annotations

from warta.errors import BinaryInputError, DecodeError, EmptyInputError, InputTooLargeError

_BINARY_SAMPLE = 4096
_PREFERRED = ("cp1252", "latin_1", "iso8859_15")


def check_size(size: int, limit: int, source: str | None) -> None:
    if size > limit:
        raise InputTooLargeError(
            f"{source or 'input'} is {size:,} bytes, over the limit of {limit:,} (setting max_input_bytes)"
        )


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or many control characters, in the first few KB."""
    sample = data[:_BINARY_SAMPLE]
    if b"\x00" in sample:
        return not (sample.startswith((b"\xff\xfe", b"\xfe\xff")))  # UTF-16 has NULs but is text
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(8, len(sample) // 20)


def decode_bytes(data: bytes, source: str | None = None) -> tuple[str, str]:
    """(text, encoding). Raises EmptyInputError, BinaryInputError or DecodeError."""
    if not data.strip():
        raise EmptyInputError(f"{source or 'input'} is empty")
    if looks_binary(data):
        raise BinaryInputError(f"{source or 'input'} looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    if best is None:
        raise DecodeError(f"{source or 'input'}: cannot tell its character encoding")
    # single-byte code pages often tie; news in Latin script is far more often Windows-1252
    for match in results:
        if match.encoding in _PREFERRED and match.chaos <= best.chaos:
            best = match
            break
    return str(best), best.encoding
