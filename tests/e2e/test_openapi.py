"""schemathesis against the app's own OpenAPI spec, in-process (ASGI): generated requests to every operation,
no server error, and responses that match the documented schemas. Bounded: a fixed number of examples per
operation, derandomised, so the run is repeatable and takes seconds."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis.checks import not_a_server_error, response_schema_conformance  # noqa: E402

from warta.web import WebConfig, create_app  # noqa: E402

EXAMPLES_PER_OPERATION = 25


def _operations(store_db: Path) -> list[Any]:
    app = create_app(WebConfig(db=str(store_db), use_models=False, max_upload_bytes=200_000))
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    return [result.ok() for result in schema.get_all_operations()]


def test_api_never_fails_with_a_server_error(store_db: Path) -> None:
    operations = _operations(store_db)
    assert len(operations) >= 12
    failures: dict[str, str] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        for operation in operations:

            @given(case=operation.as_strategy())
            @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, derandomize=True, database=None,
                      suppress_health_check=list(HealthCheck))
            def run(case: Any) -> None:
                case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])

            try:
                run()
            except Exception as exc:  # collect every operation's failure, then report them all
                failures[operation.label] = f"{type(exc).__name__}: {str(exc)[:1500]}"
    assert not failures, "\n\n".join(f"{k}\n{v}" for k, v in failures.items())
