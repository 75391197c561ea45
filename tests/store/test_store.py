"""The store: migrations, idempotent and atomic writes, queries, stories, exports, stats."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import duckdb
import pytest
from store_samples import build_store, corpus

from tacitus.ingest import Rejection
from tacitus.store import (
    MIGRATIONS,
    SCHEMA_VERSION,
    EventFilter,
    Migration,
    QueryError,
    StoreError,
    open_store,
)
from tacitus.store.export import (
    GDELT_COLUMNS,
    export_parquet,
    write_csv,
    write_gdelt,
    write_jsonl,
    write_plover,
)
from tacitus.store.migrations import applied_versions, migrate
from tacitus.store.stats import parse_dyad, plot_stats, stats
from tacitus.types import Article


# -- migrations -------------------------------------------------------------------------------
def test_a_new_store_has_every_migration(tmp_path: Path) -> None:
    with open_store(tmp_path / "new.duckdb") as store:
        assert store.schema_version == SCHEMA_VERSION == MIGRATIONS[-1].version
        tables = {r[0] for r in store.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}  # noqa: E501
    assert {"articles", "events", "actors", "rejections", "stories", "schema_migrations"} <= tables


def test_an_old_store_is_upgraded_in_order_keeping_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    assert migrate(con, MIGRATIONS[:1]) == [1]
    con.execute(
        "INSERT INTO articles VALUES ('kept', 'h', '', '', '', '', '', 'text', 0, 'old')"
    )
    con.close()
    with open_store(path, read_only=True) as store:  # a reader upgrades it first
        assert store.schema_version == SCHEMA_VERSION
        assert store.article("kept") is not None
    con = duckdb.connect(str(path))
    assert applied_versions(con) == [m.version for m in MIGRATIONS]
    assert migrate(con) == []  # nothing left to do
    con.close()


def test_a_failing_migration_is_rolled_back_alone(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "broken.duckdb"))
    broken = Migration(2, "broken", ("CREATE TABLE half_done (x INTEGER)", "SELECT * FROM nowhere"))
    with pytest.raises(StoreError, match="migration 2 .broken. failed and was rolled back"):
        migrate(con, (MIGRATIONS[0], broken))
    assert applied_versions(con) == [1]
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}  # noqa: E501
    assert "half_done" not in tables and "articles" in tables
    con.close()


def test_a_store_from_a_newer_tacitus_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.duckdb"
    with open_store(path):
        pass
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_migrations (version, name) VALUES (99, 'future')")
    con.close()
    with pytest.raises(StoreError, match="schema version 99"):
        open_store(path)
    with pytest.raises(StoreError, match="schema version 99"):
        open_store(path, read_only=True)


def test_missing_and_foreign_files_are_named(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at"):
        open_store(tmp_path / "missing.duckdb", read_only=True)
    text = tmp_path / "notes.txt"
    text.write_text("not a database\n" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        open_store(text)
    plain = tmp_path / "plain.duckdb"
    duckdb.connect(str(plain)).close()
    with pytest.raises(StoreError, match="not a tacitus store"):
        open_store(plain, read_only=True)


# -- writing ----------------------------------------------------------------------------------
def test_writing_twice_adds_nothing(tmp_path: Path) -> None:
    path = build_store(tmp_path / "s.duckdb")
    with open_store(path) as store:
        before = store.counts()
        assert store.write_batch(corpus(), [Rejection("x.txt", "empty input")]) == 0
        assert store.write_batch([], [Rejection("x.txt", "empty input")]) == 0
        after = store.counts()
    assert before["events"] == after["events"] == 10
    assert before["articles"] == after["articles"] == 4
    assert after["rejections"] == 1


def test_a_changed_text_under_a_known_id_is_refused_and_nothing_is_kept(tmp_path: Path) -> None:
    path = build_store(tmp_path / "s.duckdb")
    fresh = Article(id="fresh", text="Something else entirely.")
    changed = Article(id="wire-a", text="A different text.", origin="elsewhere/wire-a.txt")
    with open_store(path) as store:
        with pytest.raises(StoreError, match="'wire-a' .elsewhere/wire-a.txt. is already stored"):
            store.write_batch([(fresh, []), (changed, [])])
        assert store.article("fresh") is None


def test_a_failure_inside_a_batch_rolls_the_whole_batch_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.duckdb"
    with open_store(path) as store:
        store.write_batch(corpus()[:1])

        def crash(blocks: object) -> int:
            raise RuntimeError("power cut")

        monkeypatch.setattr(store, "_restory", crash)
        with pytest.raises(RuntimeError, match="power cut"):
            store.write_batch(corpus()[1:], [Rejection("bad.txt", "binary input")])
        counts = store.counts()
    assert counts == {"articles": 1, "events": 3, "stories": 3, "rejections": 0}


def test_every_event_gets_a_story_and_reports_of_one_event_share_it(tmp_path: Path) -> None:
    with open_store(build_store(tmp_path / "s.duckdb"), read_only=True) as store:
        stored = {s.event.id: s.story_id for s in store.events()}
        summaries = {s.story_id: s for s in store.stories()}
    assert all(stored.values())
    expel = {stored["wire-a-0"], stored["wire-b-0"], stored["wire-c-0"]}
    sanctions = {stored["wire-a-1"], stored["wire-b-1"], stored["wire-c-1"]}
    denial = {stored["wire-a-2"], stored["wire-b-2"]}
    assert len(expel) == len(sanctions) == len(denial) == 1
    assert len(expel | sanctions | denial) == 3
    assert stored["later-0"] not in expel  # the same dyad six weeks later is another event
    story = summaries[expel.pop()]
    assert (story.n_events, story.n_articles, story.n_sources) == (3, 3, 3)
    assert story.outlets == ("Alpha Wire", "Beta News", "Gamma Post")
    assert story.first_published == "2016-12-30" and story.first_doc_id == "wire-a"
    assert story.day == "2016-12-29" and story.cameo == "174"
    assert story.actor == ("USAGOV",) and story.recipient == ("RUSGOV",)
    assert len(summaries) == 5


def test_rebuilding_stories_with_the_same_settings_changes_nothing(tmp_path: Path) -> None:
    with open_store(build_store(tmp_path / "s.duckdb")) as store:
        before = {s.event.id: s.story_id for s in store.events()}
        assert store.rebuild_stories() == 0
        assert {s.event.id: s.story_id for s in store.events()} == before


# -- queries ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (EventFilter(), 10),
        (EventFilter(actor="USA"), 7),
        (EventFilter(actor="usagov"), 7),
        (EventFilter(actor="RUS"), 2),
        (EventFilter(recipient="RUS"), 8),
        (EventFilter(actor="IGOUNO"), 1),
        (EventFilter(actor="IGO"), 1),
        (EventFilter(cameo="17"), 4),
        (EventFilter(cameo="174"), 4),
        (EventFilter(cameo="16"), 3),
        (EventFilter(quad=3), 0),
        (EventFilter(quad=1), 3),
        (EventFilter(since="2017-01-01"), 2),
        (EventFilter(until="2016-12-29"), 5),
        (EventFilter(since="2016-12-29", until="2016-12-30"), 8),
        (EventFilter(place="geneva"), 1),
        (EventFilter(place="CHE"), 1),
        (EventFilter(text="HACKING"), 3),
        (EventFilter(text="100% sure'; DROP TABLE events; --"), 0),
        (EventFilter(actor="USA", recipient="RUS", cameo="17", limit=2), 2),
        (EventFilter(limit=0), 0),
    ],
)
def test_filters(tmp_path: Path, flt: EventFilter, expected: int) -> None:
    with open_store(build_store(tmp_path / "s.duckdb"), read_only=True) as store:
        assert len(list(store.events(flt))) == expected
        assert store.counts()["events"] == 10  # nothing dropped by the injection attempt


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"cameo": "17a"}, "not a CAMEO code prefix"),
        ({"quad": 5}, "not a quad class"),
        ({"since": "yesterday"}, "--since"),
        ({"since": "2017-02-01", "until": "2017-01-01"}, "after --until"),
        ({"actor": "US GOV"}, "not an actor code"),
        ({"limit": -1}, "negative"),
    ],
)
def test_bad_filters_say_what_to_write(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(QueryError, match=message):
        EventFilter(**kwargs)  # type: ignore[arg-type]


def test_events_df(tmp_path: Path) -> None:
    with open_store(build_store(tmp_path / "s.duckdb"), read_only=True) as store:
        frame = store.events_df(EventFilter(actor="USA"))
        stories = store.stories_df()
    assert len(frame) == 7
    assert {"id", "story_id", "day", "cameo", "actor_code", "recipient_code", "goldstein",
            "source", "actor", "recipient"} <= set(frame.columns)  # fmt: skip
    assert str(frame["day"].dtype).startswith("datetime64")
    assert frame["goldstein"].sum() == pytest.approx(-5.0 * 4 - 8.0 * 3)
    assert set(frame["actor_code"]) == {"USAGOV"}
    assert len(stories) == 5 and stories["n_articles"].max() == 3


def test_open_store_is_public_api(tmp_path: Path) -> None:
    import tacitus

    assert "open_store" in tacitus.__all__
    with tacitus.open_store(build_store(tmp_path / "s.duckdb"), read_only=True) as store:
        assert len(store.events_df()) == 10


# -- exports ----------------------------------------------------------------------------------
def test_jsonl_rows_are_event_records_plus_story_id(tmp_path: Path) -> None:
    with open_store(build_store(tmp_path / "s.duckdb"), read_only=True) as store:
        out = io.StringIO()
        assert write_jsonl(store, out) == 10
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    originals = {e.id: e.to_dict() for _, events in corpus() for e in events}
    for row in rows:
        story = row.pop("story_id")
        assert len(story) == 16
        assert row == json.loads(json.dumps(originals[row["id"]]))
    assert [r["id"] for r in rows][:1] == ["wire-a-0"]  # by day, article, position


def test_csv_has_a_header_and_flat_rows(tmp_path: Path) -> None:
    with open_store(build_store(tmp_path / "s.duckdb"), read_only=True) as store:
        out = io.StringIO()
        write_csv(store, out, EventFilter(cameo="02"))
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == 1
    row = rows[0]
    assert row["actor_code"] == "IGOUNO" and row["recipient_code"] == "RUSGOV"
    assert row["place"] == "Geneva" and row["lat"] == "46.2" and row["day"] == "2017-02-10"
    assert row["date"] == "2017-02" and row["source"] == "Alpha Wire"


def test_gdelt_rows_have_61_columns_one_per_story(tmp_path: Path) -> None:
    with open_store(build_store(tmp_path / "s.duckdb"), read_only=True) as store:
        out = io.StringIO()
        assert write_gdelt(store, out) == 5
        with_header = io.StringIO()
        write_gdelt(store, with_header, header=True)
    lines = out.getvalue().splitlines()
    assert len(GDELT_COLUMNS) == 61
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in lines]
    assert with_header.getvalue().splitlines()[0].split("\t") == list(GDELT_COLUMNS)
    expel = next(r for r in rows if r["EventCode"] == "174" and r["SQLDATE"] == "20161229")
    assert expel["MonthYear"] == "201612" and expel["Year"] == "2016"
    assert expel["FractionDate"] == f"{2016 + (12 * 30 + 29) / 365:.4f}"
    assert expel["Actor1Code"] == "USAGOV" and expel["Actor1CountryCode"] == "USA"
    assert expel["Actor1Type1Code"] == "GOV" and expel["Actor1Name"] == "UNITED STATES"
    assert expel["Actor2Code"] == "RUSGOV" and expel["EventRootCode"] == "17"
    assert expel["EventBaseCode"] == "174" and expel["QuadClass"] == "4"
    assert expel["GoldsteinScale"] == "-5.0"
    assert (expel["NumMentions"], expel["NumSources"], expel["NumArticles"]) == ("3", "3", "3")
    assert expel["IsRootEvent"] == "1" and expel["AvgTone"] == ""
    assert expel["SOURCEURL"] == "https://example.org/a"
    assert int(expel["GLOBALEVENTID"]) < 2**63
    appeal = next(r for r in rows if r["EventRootCode"] == "02")
    assert appeal["EventCode"] == "020"  # a cue category alone is written as its 0 code
    assert appeal["Actor1Code"] == "IGOUNO" and appeal["Actor1KnownGroupCode"] == "UNO"
    assert appeal["ActionGeo_CountryCode"] == "SZ"  # FIPS 10-4, as GDELT's geography
    assert appeal["ActionGeo_Type"] == "4" and appeal["ActionGeo_ADM1Code"] == "SZGE"
    assert appeal["ActionGeo_Lat"] == "46.2" and appeal["ActionGeo_FullName"] == "Geneva"
    assert appeal["IsRootEvent"] == "0"


def test_plover_records_follow_the_manual(tmp_path: Path) -> None:
    with open_store(build_store(tmp_path / "s.duckdb"), read_only=True) as store:
        out = io.StringIO()
        assert write_plover(store, out) == (10, 0)
        stories = {s.event.id: s.story_id for s in store.events()}
    records = {r["id"]: r for r in map(json.loads, out.getvalue().splitlines())}
    expel = records["wire-a-0"]
    for key in ("id", "date", "actor", "recipient", "event"):  # required by the manual
        assert key in expel
    assert expel["date"] == "2016-12-29" and expel["event"] == ["SANCTION"]
    assert expel["mode"] == ["expel"] and expel["quad_code"] == 4
    assert expel["actor"] == [{"code": "USA", "sector": "GOV", "entity_text": "Washington",
                               "identifier_id": "Q30", "identifier_text": "United States"}]
    assert expel["link"] == stories["wire-a-0"] and expel["event_text"] == ["expelled"]
    assert expel["text_info"] == {"sequence": 0, "start": 0, "end": 60}
    assert expel["cite_info"]["publication"] == "Alpha Wire"
    appeal = records["later-1"]
    assert appeal["actor"][0]["code"] == "IGO" and appeal["actor"][0]["sector"] == "UNO"
    assert appeal["event_loc"]["extracted_place"] == "Geneva"
    assert appeal["event_loc"]["country_code"] == "CHE" and appeal["event_loc"]["lat"] == 46.2
    assert appeal["date"] == "2017-02-10"  # a month-precision date is filed on publication
    assert "event_loc" not in expel


def test_parquet_holds_the_nested_records(tmp_path: Path) -> None:
    target = tmp_path / "events.parquet"
    with open_store(build_store(tmp_path / "s.duckdb"), read_only=True) as store:
        assert export_parquet(store, target) == 10
    con = duckdb.connect()
    rows = con.execute(
        "SELECT id, story_id, actor[1].code, source FROM read_parquet(?) ORDER BY id",
        [str(target)],
    ).fetchall()
    assert len(rows) == 10 and rows[0] == ("later-0", rows[0][1], "USAGOV", "Alpha Wire")


def test_exports_are_byte_identical_for_the_same_input(tmp_path: Path) -> None:
    outputs = []
    for name, batches in (("one", [corpus()]), ("two", [corpus()[2:], corpus()[:2]])):
        path = tmp_path / f"{name}.duckdb"
        with open_store(path) as store:
            for batch in batches:
                store.write_batch(batch)
        with open_store(path, read_only=True) as store:
            texts = []
            for writer in (write_jsonl, write_csv, write_gdelt):
                out = io.StringIO()
                writer(store, out)  # type: ignore[operator]
                texts.append(out.getvalue())
            export_parquet(store, tmp_path / f"{name}.parquet")
            texts.append((tmp_path / f"{name}.parquet").read_bytes().hex())
        outputs.append(texts)
    assert outputs[0] == outputs[1]


# -- stats ------------------------------------------------------------------------------------
def test_stats_count_real_world_events_per_period(tmp_path: Path) -> None:
    with open_store(build_store(tmp_path / "s.duckdb"), read_only=True) as store:
        by_month, undated = stats(store, by="month")
        events, _ = stats(store, by="month", unit="event")
        dyad, _ = stats(store, by="day", dyad=("USA", "RUS"))
        weekly, _ = stats(store, by="week", dyad=parse_dyad("rus,usa"))
    assert undated == 0
    assert [r.period for r in by_month] == [date(2016, 12, 1), date(2017, 1, 1), date(2017, 2, 1)]
    assert [r.quad for r in by_month] == [(1, 0, 0, 2), (0, 0, 0, 0), (1, 0, 0, 1)]
    assert by_month[0].goldstein == pytest.approx(-2.0 - 5.0 - 8.0)
    assert [r.total for r in events] == [8, 0, 2]
    assert dyad[0].period == date(2016, 12, 29) and dyad[0].quad == (0, 0, 0, 2)
    assert dyad[-1].period == date(2017, 2, 9) and len(dyad) == 43
    assert [(r.period, r.total) for r in weekly] == [(date(2016, 12, 26), 1)]


def test_stats_reject_bad_options(tmp_path: Path) -> None:
    with pytest.raises(QueryError, match="USA,RUS"):
        parse_dyad("USA")
    with open_store(build_store(tmp_path / "s.duckdb"), read_only=True) as store:
        with pytest.raises(QueryError, match="not a period"):
            stats(store, by="year")
        with pytest.raises(QueryError, match="not a unit"):
            stats(store, unit="article")


def test_the_plot_is_a_png(tmp_path: Path) -> None:
    with open_store(build_store(tmp_path / "s.duckdb"), read_only=True) as store:
        rows, _ = stats(store, by="week")
    target = tmp_path / "chart.png"
    plot_stats(rows, target, by="week", title="Events per week")
    data = target.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000
    again = tmp_path / "again.png"
    plot_stats(rows, again, by="week", title="Events per week")
    assert again.read_bytes() == data


# -- the documentation matches the code ------------------------------------------------------
DOC = Path(__file__).parent.parent.parent / "docs" / "store.md"


def test_docs_list_every_migration_column_and_option() -> None:
    from tacitus.store import FLAT_COLUMNS

    text = DOC.read_text(encoding="utf-8")
    for migration in MIGRATIONS:
        assert f"| {migration.version} | {migration.name} |" in text
    for column in FLAT_COLUMNS:
        assert column in text, column
    for option in ("--actor", "--recipient", "--cameo", "--quad", "--since", "--until",
                   "--place", "--text", "--story", "--doc", "--limit"):  # fmt: skip
        assert f"`{option}" in text, option
    for name in ("GLOBALEVENTID", "SQLDATE", "IsRootEvent", "NumMentions", "SOURCEURL"):
        assert name in text
