"""Every setting once: name, default and help. The CLI and the API read them from here."""

from __future__ import annotations

from dataclasses import dataclass, field, fields


@dataclass(frozen=True)
class Settings:
    max_input_bytes: int = field(
        default=10_000_000,
        metadata={"help": "Inputs larger than this many bytes give an input_too_large error record."},
    )
    lang: str = field(
        default="auto",
        metadata={"help": "Language of the inputs: auto (identify per article), id or en."},
    )
    use_models: bool = field(
        default=True,
        metadata={"help": "Use the shipped statistical models; False keeps the rule-based parts alone."},
    )
    text_field: str = field(default="text", metadata={"help": "JSONL field holding the article text."})
    id_field: str = field(default="id", metadata={"help": "JSONL field holding the article id."})
    date_field: str = field(
        default="published", metadata={"help": "JSONL field holding the publication date (metadata)."}
    )
    url_field: str = field(default="url", metadata={"help": "JSONL field holding the article URL."})
    title_field: str = field(default="title", metadata={"help": "JSONL field holding the article title."})
    fetch_min_interval: float = field(
        default=1.0, metadata={"help": "Seconds between two requests to the same host (URLs and feeds)."}
    )
    fetch_connect_timeout: float = field(default=10.0, metadata={"help": "Seconds to connect to a web server."})
    fetch_read_timeout: float = field(default=30.0, metadata={"help": "Longest wait in seconds for the next bytes."})
    fetch_total_timeout: float = field(
        default=120.0, metadata={"help": "Longest time in seconds for one response, redirects included."}
    )
    lang_sample_chars: int = field(
        default=2000, metadata={"help": "How many characters of an article language identification reads."}
    )


DEFAULT_SETTINGS = Settings()


def describe_settings() -> list[tuple[str, object, str]]:
    """(name, default, help) for every setting, for docs and ``--help``."""
    return [(f.name, f.default, f.metadata.get("help", "")) for f in fields(Settings)]
