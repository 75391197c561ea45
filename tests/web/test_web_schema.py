"""A schemathesis run over /openapi.json against the app in process: generated requests to
every operation (pages and API), valid and invalid, never get a server error, and every
response conforms to the schema (status codes, content types, bodies).

Left out: "schema-valid data is accepted" — the schema says a date is a string up to 200
characters, and "0000...0" is one; such values are refused with 400 and the envelope."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import positive_data_acceptance  # noqa: E402

from tacitus.pipeline import Coder  # noqa: E402
from tacitus.web import create_app  # noqa: E402


@pytest.fixture(scope="module")
def api_schema(web_db: Path, coder: Coder) -> Any:
    app = create_app(web_db, coder_factory=lambda: coder)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_request_gets_a_server_error(case: Any) -> None:
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
