"""A small store built by ingesting invented articles (hostile ones included), and a client
of the web app over it. The articles are written for these tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")

from fastapi.testclient import TestClient  # noqa: E402

from tacitus.pipeline import Coder  # noqa: E402
from tacitus.store import ingest, open_store  # noqa: E402
from tacitus.types import Article  # noqa: E402
from tacitus.web import create_app  # noqa: E402

SCRIPT = '<script>alert("pwned")</script>'
BREAKOUT = '"><img src=x onerror=alert(1)>'
ODD_ID = "odd id/with slash & ?query#hash"

ARTICLES = [
    Article(
        id="moscow-1", published="2024-03-06", source="North Wire",
        url="https://news.example.org/moscow-1",
        title=f"Diplomats sent home {SCRIPT}",
        text=(
            "Russia expelled two British diplomats in Moscow on Monday. "
            "The British government condemned the expulsion. " + SCRIPT
        ),
    ),
    Article(
        id="moscow-2", published="2024-03-20", source="East Daily",
        title="A second round of expulsions",
        text="Russia expelled three British diplomats in Moscow on Tuesday.",
    ),
    Article(
        id="moscow-3", published="2024-04-10", source="North Wire",
        title="Moscow and London talk",
        text="Russia praised Britain for the prisoner exchange in Moscow on Monday.",
    ),
    Article(
        id="sahel-1", published="2024-03-13", source=f"South Post {BREAKOUT}",
        url="javascript:alert(1)",
        title=BREAKOUT,
        text=(
            "French troops attacked rebel positions near Gao on Tuesday. " + BREAKOUT + " "
            "The United Nations called on France to show restraint in Geneva."
        ),
    ),
    Article(
        id="nairobi-1", published="2024-03-20", source="East Daily",
        title="Trade deal signed in Nairobi",
        text=(
            "Kenya and Ethiopia signed a trade agreement in Nairobi on Wednesday. "
            "Germany pledged aid to Ethiopia."
        ),
    ),
    Article(
        id=ODD_ID, published="2024-03-21", source="West Herald",
        title="Odd id '; DROP TABLE events; --",
        text="Egypt hosted talks with Israel in Cairo on Thursday.",
    ),
]


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
