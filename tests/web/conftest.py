"""A small store built by ingesting invented articles (hostile ones included), and a client
of the web app over it. The articles are written for these tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")

from fastapi.testclient import TestClient  # noqa: E402
from web_samples import ARTICLES  # noqa: E402

from tacitus.pipeline import Coder  # noqa: E402
from tacitus.store import ingest, open_store  # noqa: E402
from tacitus.web import create_app  # noqa: E402


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory, coder: Coder) -> Path:
    """The path of a store holding :data:`ARTICLES` and their events."""
    path = tmp_path_factory.mktemp("web") / "web.duckdb"
    with open_store(path) as store:
        progress = ingest(store, ARTICLES, coder)
    assert progress.added == len(ARTICLES)
    return path


@pytest.fixture(scope="session")
def client(web_db: Path, coder: Coder) -> Iterator[TestClient]:
    """An in-process client of the app over :func:`web_db` (store opened read-only)."""
    app = create_app(web_db, coder_factory=lambda: coder)
    with TestClient(app) as test_client:
        yield test_client
