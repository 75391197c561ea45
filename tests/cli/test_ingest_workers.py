"""`tacitus ingest --workers N` builds exactly the store that one worker builds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import tacitus.pipeline
from tacitus.cli import app
from tacitus.pipeline import Coder

DATA = Path(__file__).parent.parent / "store" / "data"


@pytest.fixture
def shared_coder(coder: Coder) -> Iterator[None]:
    """`tacitus ingest` builds a Coder; give it the session's (the model loads once)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tacitus.pipeline, "Coder", lambda **_: coder)
        yield


def _ingest_and_export(runner: CliRunner, db: Path, *options: str) -> bytes:
    corpus = [str(DATA / "outlets"), str(DATA / "other_days")]
    result = runner.invoke(app, ["ingest", *corpus, "--db", str(db), "--batch-size", "4",
                                 *options])  # fmt: skip
    assert result.exit_code == 0, result.output
    exported = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl", "-"])
    assert exported.exit_code == 0, exported.output
    return exported.stdout_bytes


def test_two_workers_give_the_same_export_as_one(shared_coder: None, tmp_path: Path) -> None:
    runner = CliRunner()
    one = _ingest_and_export(runner, tmp_path / "one.duckdb", "--workers", "1")
    two = _ingest_and_export(runner, tmp_path / "two.duckdb", "--workers", "2")
    assert one.count(b"\n") >= 9  # the nine articles hold events
    assert two == one


def test_workers_must_be_positive(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["ingest", str(DATA / "other_days"), "--db", str(tmp_path / "x.duckdb"),
              "--workers", "0"],
    )  # fmt: skip
    assert result.exit_code == 2
