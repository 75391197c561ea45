"""`tacitus ingest`, `stories`, `query`, `export` and `stats` end to end, through typer's
runner, on the six-outlet wire story and its neighbours (tests/store/data)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

import tacitus.pipeline
from tacitus.cli import app
from tacitus.pipeline import Coder
from tacitus.store.export import GDELT_COLUMNS

DATA = Path(__file__).parent.parent / "store" / "data"
STORE_COMMANDS = ("ingest", "stories", "query", "export", "stats")


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def shared_coder(coder: Coder) -> Iterator[None]:
    """`tacitus ingest` builds a Coder; give it the session's (the model loads once)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tacitus.pipeline, "Coder", lambda **_: coder)
        yield


@pytest.fixture(scope="module")
def db(runner: CliRunner, shared_coder: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store made by `tacitus ingest` from the outlets and other-days stories."""
    path = tmp_path_factory.mktemp("cli") / "events.duckdb"
    result = runner.invoke(
        app, ["ingest", str(DATA / "outlets"), str(DATA / "other_days"), "--db", str(path),
              "--batch-size", "4"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return path


def _jsonl(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


# -- help --------------------------------------------------------------------------------------
@pytest.mark.parametrize("command", [c.name for c in app.registered_commands])
def test_every_command_has_an_example_in_its_help(runner: CliRunner, command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: tacitus " + command in " ".join(result.output.split())


def test_the_store_commands_are_registered() -> None:
    assert set(STORE_COMMANDS) <= {c.name for c in app.registered_commands}


# -- ingest ------------------------------------------------------------------------------------
def test_ingest_reports_batches_and_a_summary(
    runner: CliRunner, shared_coder: None, tmp_path: Path
) -> None:
    path = tmp_path / "s.duckdb"
    result = runner.invoke(app, ["ingest", str(DATA / "other_days"), "--db", str(path),
                                 "--batch-size", "2"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr.count(" committed: ") == 2  # plain log lines when not on a terminal
    assert "3 new articles, 0 already stored, 3 events, 0 rejected" in result.stderr
    assert "holds 3 articles, 3 events in 3 stories" in result.stderr
    again = runner.invoke(app, ["ingest", str(DATA / "other_days"), "--db", str(path)])
    assert again.exit_code == 0
    assert "0 new articles, 3 already stored, 0 events" in again.stderr


def test_ingest_uses_tacitus_duckdb_in_the_current_folder_by_default(
    runner: CliRunner, shared_coder: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(DATA / "other_days" / "monday.txt", tmp_path / "monday.txt")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["ingest", "monday.txt"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "tacitus.duckdb").exists()
    listed = runner.invoke(app, ["query", "--format", "jsonl"])
    assert [e["doc_id"] for e in _jsonl(listed.stdout)] == ["monday"]


def test_ingest_reads_stdin_with_a_content_hash_id(
    runner: CliRunner, shared_coder: None, tmp_path: Path
) -> None:
    path = tmp_path / "s.duckdb"
    story = (DATA / "other_days" / "tuesday.txt").read_text(encoding="utf-8")
    for _ in range(2):
        result = runner.invoke(app, ["ingest", "-", "--db", str(path)], input=story)
        assert result.exit_code == 0, result.output
    assert "0 new articles, 1 already stored" in result.stderr
    ids = duckdb.connect(str(path), read_only=True).execute("SELECT id FROM articles").fetchall()
    assert len(ids) == 1 and len(ids[0][0]) == 16


def test_ingest_bad_inputs_are_named_and_the_rest_is_stored(
    runner: CliRunner, shared_coder: None, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02binary")
    path = tmp_path / "s.duckdb"
    monday = str(DATA / "other_days" / "monday.txt")
    missing = str(tmp_path / "missing.txt")
    result = runner.invoke(
        app, ["ingest", str(empty), monday, str(binary), missing, "--db", str(path)]
    )
    assert result.exit_code == 1
    assert f"{empty}: empty input" in result.stderr
    assert f"{binary}: binary input" in result.stderr
    assert "missing.txt: no such file or folder" in result.stderr
    assert "1 new articles" in result.stderr and "3 rejected" in result.stderr
    rejections = duckdb.connect(str(path), read_only=True).execute(
        "SELECT origin FROM rejections ORDER BY origin"
    ).fetchall()
    assert len(rejections) == 3
    strict = runner.invoke(app, ["ingest", str(empty), "--db", str(path), "--strict"])
    assert strict.exit_code == 1 and "stopped (--strict)" in strict.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "someday"], "is not a date"),
        (["--batch-size", "0"], "batch-size"),
    ],
)
def test_ingest_bad_options_exit_2(
    runner: CliRunner, tmp_path: Path, args: list[str], message: str
) -> None:
    result = runner.invoke(app, ["ingest", str(DATA / "other_days"), "--db",
                                 str(tmp_path / "s.duckdb"), *args])  # fmt: skip
    assert result.exit_code == 2
    assert message in result.output


def test_ingest_into_something_that_is_not_a_store_exits_2(
    runner: CliRunner, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.duckdb"
    notes.write_text("shopping list\n" * 50)
    result = runner.invoke(app, ["ingest", str(DATA / "other_days"), "--db", str(notes)])
    assert result.exit_code == 2
    assert "cannot open" in result.stderr and "E020" in result.stderr


# -- stories -----------------------------------------------------------------------------------
def test_stories_jsonl(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(app, ["stories", "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    stories = _jsonl(result.stdout)
    assert len(stories) == 6  # three February events told six times, three March expulsions
    multi = [s for s in stories if s["articles"] == 6]
    assert len(multi) == 3
    for story in multi:
        assert story["outlets"] == sorted(story["outlets"]) and len(story["outlets"]) == 6
        assert story["first_report"]["doc_id"] == "outlet1"  # type: ignore[index]
    two_plus = runner.invoke(app, ["stories", "--db", str(db), "--format", "jsonl",
                                   "--min-articles", "2", "--limit", "2"])  # fmt: skip
    assert len(_jsonl(two_plus.stdout)) == 2


def test_stories_table(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(app, ["stories", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "6 stories" in result.stdout
    assert "first report Vistula Wire, 2024-02-15 (outlet1)" in " ".join(result.stdout.split())


def test_store_commands_on_a_missing_store_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere.duckdb")
    for args in (["stories"], ["query"], ["export", str(tmp_path / "x.jsonl")], ["stats"]):
        result = runner.invoke(app, [*args, "--db", missing])
        assert result.exit_code == 2, args
        assert "no store at" in result.stderr and "tacitus ingest" in result.stderr
    assert not (tmp_path / "nowhere.duckdb").exists()


# -- query -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("args", "count"),
    [
        ([], 21),
        (["--actor", "POL"], 15),
        (["--actor", "blr"], 6),
        (["--recipient", "BLRGOV"], 15),
        (["--cameo", "17"], 9),
        (["--cameo", "174", "--since", "2024-03-01"], 3),
        (["--quad", "1"], 6),
        (["--since", "2024-03-05", "--until", "2024-03-05"], 1),
        (["--text", "consul"], 1),
        (["--place", "Atlantis"], 0),
        (["--actor", "POL", "--limit", "4"], 4),
    ],
)
def test_query_filters(runner: CliRunner, db: Path, args: list[str], count: int) -> None:
    result = runner.invoke(app, ["query", "--db", str(db), "--format", "jsonl", *args])
    assert result.exit_code == 0, result.output
    rows = _jsonl(result.stdout)
    assert len(rows) == count
    for row in rows:
        assert isinstance(row["story_id"], str) and len(row["story_id"]) == 16
        assert {"id", "doc_id", "date", "cameo", "actor", "recipient", "evidence"} <= set(row)


def test_query_place_matches_the_event_location(runner: CliRunner, db: Path) -> None:
    every = _jsonl(runner.invoke(app, ["query", "--db", str(db), "--format", "jsonl"]).stdout)
    placed = [e for e in every if e["event_loc"]]
    if not placed:
        pytest.skip("the coder resolved no event location in these stories")
    loc = placed[0]["event_loc"]
    assert isinstance(loc, dict)
    name = str(loc.get("name") or loc["text"])
    expected = {
        e["id"] for e in placed
        if name.lower() in (str(e["event_loc"]["text"]) + " " +  # type: ignore[index]
                            str(e["event_loc"].get("name", ""))).lower()  # type: ignore[union-attr]
        or str(e["event_loc"].get("country", "")).upper() == name.upper()  # type: ignore[union-attr]
    }  # fmt: skip
    result = runner.invoke(app, ["query", "--db", str(db), "--format", "jsonl", "--place",
                                 name.upper()])  # fmt: skip
    assert {e["id"] for e in _jsonl(result.stdout)} == expected


def test_query_story_filter_lists_all_its_reports(runner: CliRunner, db: Path) -> None:
    expel = _jsonl(runner.invoke(app, ["query", "--db", str(db), "--format", "jsonl",
                                       "--doc", "outlet3", "--cameo", "174"]).stdout)  # fmt: skip
    assert len(expel) == 1
    story = runner.invoke(app, ["query", "--db", str(db), "--format", "jsonl", "--story",
                                str(expel[0]["story_id"])])  # fmt: skip
    assert sorted(r["doc_id"] for r in _jsonl(story.stdout)) == [f"outlet{n}" for n in range(1, 7)]


def test_query_csv_and_table(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(app, ["query", "--db", str(db), "--format", "csv", "--cameo", "174"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 9
    assert {r["actor_country"] for r in rows} == {"POL"} and rows[0]["day"] == "2024-02-14"
    table = runner.invoke(app, ["query", "--db", str(db), "--cameo", "016"])
    assert table.exit_code == 0
    assert "6 events" in table.stdout and "denied" in table.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--cameo", "17x"], "not a CAMEO code prefix"),
        (["--since", "last week"], "--since"),
        (["--since", "2024-03-01", "--until", "2024-02-01"], "after --until"),
        (["--actor", "POL;DROP"], "not an actor code"),
        (["--quad", "5"], "--quad"),
        (["--limit", "-3"], "--limit"),
        (["--format", "xml"], "--format"),
    ],
)
def test_query_bad_input_exits_2(
    runner: CliRunner, db: Path, args: list[str], message: str
) -> None:
    result = runner.invoke(app, ["query", "--db", str(db), *args])
    assert result.exit_code == 2
    assert message in result.output


# -- export ------------------------------------------------------------------------------------
def test_export_every_format(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    outputs = {}
    for fmt in ("jsonl", "csv", "plover", "gdelt", "parquet"):
        target = tmp_path / f"events.{fmt}"
        result = runner.invoke(app, ["export", "--db", str(db), "--format", fmt, str(target)])
        assert result.exit_code == 0, result.output
        assert f"written to {target}" in result.stderr
        assert not (tmp_path / f"events.{fmt}.partial").exists()
        outputs[fmt] = target
    assert len(_jsonl(outputs["jsonl"].read_text(encoding="utf-8"))) == 21
    assert len(list(csv.DictReader(outputs["csv"].open(encoding="utf-8")))) == 21
    plover = _jsonl(outputs["plover"].read_text(encoding="utf-8"))
    assert len(plover) == 21 and all(r["link"] and r["event"] for r in plover)
    gdelt = outputs["gdelt"].read_text(encoding="utf-8").splitlines()
    assert len(gdelt) == 6 and all(len(line.split("\t")) == len(GDELT_COLUMNS) for line in gdelt)
    parquet = duckdb.connect().execute(
        "SELECT count(*), count(DISTINCT story_id) FROM read_parquet(?)", [str(outputs["parquet"])]
    ).fetchone()
    assert parquet == (21, 6)
    again = tmp_path / "again.gdelt"
    runner.invoke(app, ["export", "--db", str(db), "--format", "gdelt", str(again)])
    assert again.read_bytes() == outputs["gdelt"].read_bytes()


def test_export_to_stdout(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "gdelt", "--header", "-"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split("\t") == list(GDELT_COLUMNS) and len(lines) == 7


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "parquet", "-"], "parquet is binary"),
        (["--format", "shapefile", "x"], "--format"),
        (["--format", "csv", "no/such/folder/x.csv"], "does not exist"),
    ],
)
def test_export_bad_input_exits_2(
    runner: CliRunner, db: Path, args: list[str], message: str
) -> None:
    result = runner.invoke(app, ["export", "--db", str(db), *args])
    assert result.exit_code == 2
    assert message in result.output


# -- stats -------------------------------------------------------------------------------------
def test_stats_formats_and_plot(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["stats", "--db", str(db), "--format", "jsonl", "--by", "month"])
    assert result.exit_code == 0, result.output
    months = _jsonl(result.stdout)
    assert [m["period"] for m in months] == ["2024-02-01", "2024-03-01"]
    assert [m["total"] for m in months] == [3, 3]
    assert months[0]["quad1"] == 1 and months[0]["quad3"] == 1 and months[0]["quad4"] == 1
    events = _jsonl(runner.invoke(app, ["stats", "--db", str(db), "--format", "jsonl",
                                        "--unit", "event", "--by", "month"]).stdout)  # fmt: skip
    assert [m["total"] for m in events] == [18, 3]
    dyad = runner.invoke(app, ["stats", "--db", str(db), "--dyad", "BLR,POL", "--by", "week",
                               "--format", "csv"])  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(dyad.stdout)))
    assert [(r["period"], r["total"], r["goldstein"]) for r in rows] == [("2024-02-12", "1",
                                                                         "-2.0")]  # fmt: skip
    chart = tmp_path / "chart.png"
    plotted = runner.invoke(app, ["stats", "--db", str(db), "--by", "day", "--plot", str(chart)])
    assert plotted.exit_code == 0, plotted.output
    assert "Goldstein" in plotted.stdout and f"chart written to {chart}" in plotted.stderr
    assert chart.read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize(
    ("args", "message", "code"),
    [
        (["--dyad", "USA"], "USA,RUS", 2),
        (["--by", "year"], "--by", 2),
        (["--plot", "chart.jpg"], "ending in .png", 2),
        (["--plot", "no/such/folder/c.png"], "does not exist", 2),
        (["--dyad", "USA,CHN", "--plot", "empty.png"], "nothing to plot", 1),
    ],
)
def test_stats_bad_input(
    runner: CliRunner, db: Path, args: list[str], message: str, code: int
) -> None:
    result = runner.invoke(app, ["stats", "--db", str(db), *args])
    assert result.exit_code == code
    assert message in result.output
