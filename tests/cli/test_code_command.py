"""`tacitus code` and `tacitus demo` end to end, through typer's runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tacitus.cli import app
from tacitus.pipeline import Coder

STORY = """title: Border row
published: 2021-06-22
outlet: Test Wire

Britain expelled two Belarusian diplomats on Monday, the Foreign Office said.
Belarus denied the accusations.
"""


@pytest.fixture(scope="module")
def runner(coder: Coder) -> CliRunner:
    del coder  # loads the model once for the session before the CLI builds its own Coder
    return CliRunner()


def _events(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_jsonl_output_has_the_contract_fields(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, ["code", str(path)])
    assert result.exit_code == 0, result.output
    events = _events(result.stdout)
    assert events, result.output
    first = events[0]
    for key in (
        "id",
        "doc_id",
        "date",
        "event",
        "mode",
        "cameo",
        "quad_code",
        "goldstein",
        "actor",
        "recipient",
        "event_text",
        "text",
        "text_info",
        "modality",
        "confidence",
        "rule",
    ):
        assert key in first, key
    assert first["doc_id"] == "story"
    expel = next(e for e in events if str(e["cameo"]).startswith("174"))
    assert expel["date"] == "2021-06-21"
    assert [a["code"] for a in expel["actor"]] == ["GBRGOV"]  # a country acting is its state
    assert expel["recipient"][0]["code"] == "BLRGOV"
    start, end = expel["text_info"]["start"], expel["text_info"]["end"]
    body = STORY.split("\n\n", 1)[1]
    assert body[start:end] == expel["text"]


def test_bad_inputs_are_named_and_the_rest_is_coded(runner: CliRunner, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\xff\x00garbage")
    result = runner.invoke(app, ["code", str(empty), str(good), str(binary), "missing.txt"])
    assert result.exit_code == 1
    assert _events(result.stdout)
    assert "empty.txt" in result.stderr and "empty" in result.stderr
    assert "blob.txt" in result.stderr and "binary" in result.stderr
    assert "missing.txt" in result.stderr


def test_stdin_with_date_and_table_format(runner: CliRunner) -> None:
    text = "Russia expelled two Estonian diplomats on Friday."
    result = runner.invoke(
        app, ["code", "-", "--date", "2023-05-14", "--format", "table"], input=text
    )
    assert result.exit_code == 0, result.output
    assert "174" in result.stdout and "RUS" in result.stdout and "2023-05-12" in result.stdout


def test_all_shows_what_the_default_leaves_out(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "neg.txt"
    path.write_text("Putin has ruled out expelling American diplomats.", encoding="utf-8")
    default = _events(runner.invoke(app, ["code", str(path), "--date", "2016-12-31"]).stdout)
    everything = _events(
        runner.invoke(app, ["code", str(path), "--date", "2016-12-31", "--all"]).stdout
    )
    assert all(e["modality"] == "asserted" for e in default)
    assert any(e["modality"] == "negated" and str(e["cameo"]).startswith("17") for e in everything)


def test_bad_date_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("Text.", encoding="utf-8")
    result = runner.invoke(app, ["code", str(path), "--date", "yesterday"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr


def test_same_input_gives_byte_identical_output(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    first = runner.invoke(app, ["code", str(path)]).stdout
    second = runner.invoke(app, ["code", str(path)]).stdout
    assert first == second and first


def test_demo_prints_its_events(runner: CliRunner) -> None:
    result = runner.invoke(app, ["demo"])
    assert result.exit_code == 0, result.output
    assert "174" in result.stdout
    assert "negated" in result.stdout


def test_every_command_help_has_an_example(runner: CliRunner) -> None:
    for name in ("code", "demo"):
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0
        assert "Example:" in result.stdout, name
