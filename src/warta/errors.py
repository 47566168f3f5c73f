"""The WartaError family: every failure warta reports has a stable ``type``.

A failed input becomes a record with ``error: {type, message}``; the CLI and the web app translate
these errors in one place each. Never raise a bare Exception for bad input.
"""

from __future__ import annotations


class WartaError(Exception):
    """Base class. ``type`` is a stable, machine-readable name for the kind of failure."""

    type = "warta_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def to_dict(self) -> dict[str, str]:
        return {"type": self.type, "message": self.message}


class InputError(WartaError):
    """The input cannot be turned into an article."""

    type = "input_error"


class EmptyInputError(InputError):
    type = "empty_input"


class BinaryInputError(InputError):
    type = "binary_input"


class DecodeError(InputError):
    type = "decode_error"


class InputTooLargeError(InputError):
    type = "input_too_large"


class NoTextError(InputError):
    """An HTML page or a JSON line that holds no article text."""

    type = "no_text"


class MalformedInputError(InputError):
    """A JSON line that does not parse, or lacks the text field."""

    type = "malformed_input"


class UnreadableInputError(InputError):
    """The file exists but cannot be read (permissions, I/O error)."""

    type = "unreadable_input"


class NotFoundError(InputError):
    type = "not_found"


class AnnotatorError(WartaError):
    """An annotator failed on one document; its dependents are skipped."""

    type = "annotator_error"


class PipelineError(WartaError):
    """The annotator registry is inconsistent (a field required before it is provided)."""

    type = "pipeline_error"


def error_type(exc: BaseException) -> str:
    """The stable type of any exception: WartaError's own, else the class name in snake case."""
    if isinstance(exc, WartaError):
        return exc.type
    name = type(exc).__name__
    out = []
    for i, ch in enumerate(name):
        if ch.isupper() and i and not name[i - 1].isupper():
            out.append("_")
        out.append(ch.lower())
    return "".join(out)
