"""Runs annotators over documents, in order, and turns the result (or the failure) into a record."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from importlib.metadata import entry_points
from typing import Any

from warta.annotators import Annotator, builtin_annotators
from warta.document import Document
from warta.errors import PipelineError, WartaError, error_type
from warta.readers.base import RawArticle, ReadFailure
from warta.record import AnnotatorFailure, ErrorInfo, Record
from warta.settings import DEFAULT_SETTINGS, Settings

log = logging.getLogger(__name__)

# fields of the record that annotators may fill
_RECORD_FIELDS = set(Record.model_fields)


def plugin_annotators() -> list[Annotator]:
    """Annotators from installed packages (entry-point group ``warta.annotators``), each a factory."""
    return [ep.load()() for ep in entry_points(group="warta.annotators")]


def check_order(annotators: Sequence[Annotator]) -> None:
    """Every field an annotator requires is provided by an earlier one; only record fields are provided."""
    provided: set[str] = set()
    for a in annotators:
        missing = [f for f in a.requires if f not in provided]
        if missing:
            raise PipelineError(f"annotator {a.name!r} requires {missing} before any annotator provides them")
        unknown = [f for f in a.provides if f not in _RECORD_FIELDS]
        if unknown:
            raise PipelineError(f"annotator {a.name!r} provides {unknown}, which are not record fields")
        provided.update(a.provides)


class Pipeline:
    def __init__(
        self, annotators: Sequence[Annotator] | None = None, settings: Settings = DEFAULT_SETTINGS
    ) -> None:
        self.settings = settings
        self.annotators = (
            list(annotators)
            if annotators is not None
            else (builtin_annotators(use_models=settings.use_models) + plugin_annotators())
        )
        check_order(self.annotators)

    def annotate(self, article: RawArticle, *, fail_fast: bool = False) -> Record:
        doc = Document(article=article, settings=self.settings)
        failures: list[AnnotatorFailure] = []
        versions: dict[str, str] = {}
        skipped: set[str] = set()
        for a in self.annotators:
            blocked = [f for f in a.requires if f in skipped]
            if blocked:
                failures.append(
                    AnnotatorFailure(
                        annotator=a.name, type="skipped", message=f"skipped: needs {blocked}, which failed"
                    )
                )
                skipped.update(a.provides)
                continue
            try:
                found = a.find(doc)
            except Exception as exc:
                if fail_fast:
                    raise
                log.warning("annotator %s failed on %s: %s", a.name, article.source, exc)
                failures.append(AnnotatorFailure(annotator=a.name, type=error_type(exc), message=str(exc)))
                skipped.update(a.provides)
                continue
            extra = set(found) - set(a.provides)
            if extra:
                raise PipelineError(
                    f"annotator {a.name!r} returned fields it does not provide: {sorted(extra)}"
                )
            doc.fields.update(found)
            versions[a.name] = a.version
        return _record(article, doc.fields, versions, failures)

    def run(self, items: Iterable[RawArticle | ReadFailure], *, fail_fast: bool = False) -> Iterator[Record]:
        """One record per item, in order; a failed item gives an error record and the run goes on."""
        for item in items:
            if isinstance(item, ReadFailure):
                if fail_fast:
                    raise item.error
                yield error_record(item.source, item.error, id=item.id)
                continue
            try:
                yield self.annotate(item, fail_fast=fail_fast)
            except Exception as exc:
                if fail_fast:
                    raise
                log.exception("failed on %s", item.source)
                yield error_record(item.source, exc, id=item.id, text=item.text)


def _record(
    article: RawArticle, fields: dict[str, Any], versions: dict[str, str], failures: list[AnnotatorFailure]
) -> Record:
    title_span = fields.get("title_span")
    title = article.title or (title_span.text if title_span else None)
    return Record(
        id=article.article_id(),
        source=article.source,
        url=article.url,
        title=title,
        text=article.text,
        meta=article.meta,
        annotators=versions,
        failures=failures,
        **{k: v for k, v in fields.items() if v is not None or k in ("published", "dateline", "copyright")},
    )


def error_record(source: str | None, exc: BaseException, *, id: str | None = None, text: str = "") -> Record:
    """The record of an input that could not be analysed: what failed, and why."""
    from warta.readers.base import content_id

    message = exc.message if isinstance(exc, WartaError) else f"{type(exc).__name__}: {exc}"
    rid = id or (content_id(text) if text else f"error:{source}")
    return Record(id=rid, source=source, text=text, error=ErrorInfo(type=error_type(exc), message=message))
