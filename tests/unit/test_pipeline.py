from __future__ import annotations

from typing import Any

import pytest

from warta.annotators import builtin_annotators
from warta.document import Document
from warta.errors import EmptyInputError, PipelineError
from warta.pipeline import Pipeline, check_order
from warta.readers import RawArticle, ReadFailure


class _Broken:
    name = "broken"
    version = "0"
    requires: tuple[str, ...] = ("body",)
    provides = ("quotes",)

    def find(self, document: Document) -> dict[str, Any]:
        raise RuntimeError("boom")


class _NeedsQuotes:
    name = "needs_quotes"
    version = "0"
    requires = ("quotes",)
    provides = ("dates",)

    def find(self, document: Document) -> dict[str, Any]:
        return {"dates": []}


def test_failed_annotator_is_recorded_and_dependents_skipped() -> None:
    pipeline = Pipeline([*builtin_annotators(), _Broken(), _NeedsQuotes()])
    record = pipeline.annotate(RawArticle(text="Jakarta (ANTARA) - Harga beras naik tajam pekan ini."))
    assert [(f.annotator, f.type) for f in record.failures] == [
        ("broken", "runtime_error"),
        ("needs_quotes", "skipped"),
    ]
    assert record.dateline is not None  # the rest of the record is there
    assert "broken" not in record.annotators


def test_fail_fast_reraises() -> None:
    pipeline = Pipeline([*builtin_annotators(), _Broken()])
    with pytest.raises(RuntimeError):
        pipeline.annotate(RawArticle(text="Harga beras naik."), fail_fast=True)


def test_required_field_before_provided_fails_the_build() -> None:
    with pytest.raises(PipelineError):
        check_order([_NeedsQuotes()])


def test_run_keeps_order_and_turns_failures_into_records() -> None:
    items = [
        RawArticle(text="Harga beras naik tajam.", id="a"),
        ReadFailure("x.txt", EmptyInputError("x.txt is empty")),
        RawArticle(text="Oil prices rose on Tuesday.", id="c"),
    ]
    records = list(Pipeline().run(items))
    assert [r.id for r in records] == ["a", "error:x.txt", "c"]
    assert records[1].error is not None and records[1].error.type == "empty_input"
