"""Coding on a 2-worker Dask LocalCluster gives the events of a local run."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tacitus.cli import app
from tacitus.ingest import iter_articles
from tacitus.pipeline import Coder
from tacitus.store import ingest, open_store
from tacitus.types import Article

distributed = pytest.importorskip("distributed")
dask_bag = pytest.importorskip("dask.bag")

from tacitus.scale import DaskCoder, code_bag, local_client, to_article  # noqa: E402

DATA = Path(__file__).parent.parent / "store" / "data"


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    items = iter_articles([str(DATA / "outlets"), str(DATA / "other_days")])
    return [a for a in items if isinstance(a, Article)]


@pytest.fixture(scope="module")
def local_events(coder: Coder, articles: list[Article]) -> list[dict[str, Any]]:
    return [e.to_dict() for _, events in coder.code_articles(articles) for e in events]


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    # Real worker processes (spawned, each loading the model once): what a cluster does.
    with local_client(2, processes=True) as client:
        yield client
        client.cluster.close()


def test_to_article_takes_dicts_and_articles() -> None:
    row = {"id": "a1", "text": "Text.", "published": None, "extra": 3}
    assert to_article(row) == Article(id="a1", text="Text.")
    assert to_article(Article(id="b", text="t")) == Article(id="b", text="t")
    with pytest.raises(ValueError, match="needs an id and a text"):
        to_article({"text": "no id"})


def test_a_bag_of_dicts_codes_to_the_local_events(
    client: Any, articles: list[Article], local_events: list[dict[str, Any]]
) -> None:
    rows = [{"id": a.id, "text": a.text, "title": a.title, "published": a.published,
             "source": a.source, "origin": a.origin} for a in articles]  # fmt: skip
    bag = dask_bag.from_sequence(rows, npartitions=3)
    events = code_bag(bag).compute()
    assert len(local_events) >= 9
    assert events == local_events
    assert len(client.nthreads()) == 2


def test_the_dask_coder_fills_the_store_of_a_local_run(
    client: Any, coder: Coder, articles: list[Article], tmp_path: Path
) -> None:
    with open_store(tmp_path / "local.duckdb") as store:
        ingest(store, articles, coder, batch_size=4)
        local = sorted(json.dumps(e.to_dict(), sort_keys=True) for e in store.events())
    with open_store(tmp_path / "dask.duckdb") as store:
        ingest(store, articles, DaskCoder(client, chunk_size=2, in_flight=2), batch_size=4)
        on_dask = sorted(json.dumps(e.to_dict(), sort_keys=True) for e in store.events())
    assert on_dask == local


def test_ingest_dask_address_exports_what_a_local_ingest_does(
    client: Any, coder: Coder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tacitus.pipeline

    monkeypatch.setattr(tacitus.pipeline, "Coder", lambda **_: coder)
    runner = CliRunner()
    corpus = [str(DATA / "outlets"), str(DATA / "other_days")]
    exports = []
    for name, options in (("local", ["--workers", "1"]),
                          ("dask", ["--dask", client.scheduler.address])):  # fmt: skip
        db = str(tmp_path / f"{name}.duckdb")
        result = runner.invoke(app, ["ingest", *corpus, "--db", db, *options])
        assert result.exit_code == 0, result.output
        exported = runner.invoke(app, ["export", "--db", db, "--format", "jsonl", "-"])
        exports.append(exported.stdout_bytes)
    assert exports[0] and exports[1] == exports[0]
