"""Event -> DuckDB -> Event is lossless, and ids are stable across runs."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from dataclasses import fields, replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tacitus.ingest import iter_articles
from tacitus.pipeline import Coder
from tacitus.store import EventFilter, Store, open_store
from tacitus.store.ingest import ingest
from tacitus.store.records import EVENT_COLUMNS
from tacitus.types import Actor, Article, Event, Evidence, Place

DATA = Path(__file__).parent / "data"

_text = st.text(max_size=40)
_floats = st.floats(allow_nan=False, allow_infinity=False)
_ints = st.integers(min_value=-(2**40), max_value=2**40)

actors = st.builds(
    Actor,
    text=_text, name=_text, country=_text, sector=_text, code=_text, wikidata=_text,
    entry=_text, confidence=_floats,
)  # fmt: skip
evidence = st.builds(Evidence, sentence=_ints, start=_ints, end=_ints, text=_text, trigger=_text)
places = st.builds(
    Place,
    text=_text, name=_text, country=_text, admin1=_text,
    lat=st.none() | _floats, lon=st.none() | _floats,
    geonameid=st.none() | st.integers(min_value=-(2**62), max_value=2**62), precision=_text,
)  # fmt: skip
cameo = st.from_regex(r"\A[0-2][0-9]{1,3}\Z")
dates = st.sampled_from(["", "2016-12-29", "2016-W52", "2016-12", "2016"]) | _text


@st.composite
def events(draw: st.DrawFn, doc_id: str, event_id: str) -> Event:
    return Event(
        id=event_id,
        doc_id=doc_id,
        cameo=draw(cameo),
        event=draw(_text),
        mode=draw(_text),
        quad_code=draw(st.integers(min_value=-(2**31), max_value=2**31 - 1)),
        goldstein=draw(_floats),
        actor=tuple(draw(st.lists(actors, max_size=3))),
        recipient=tuple(draw(st.lists(actors, max_size=3))),
        event_text=draw(_text),
        text=draw(_text),
        text_info=draw(evidence),
        modality=draw(_text),
        date=draw(dates),
        date_precision=draw(_text),
        context=tuple(draw(st.lists(_text, max_size=3))),
        event_loc=draw(st.none() | places),
        attribution=draw(st.none() | actors),
        confidence=draw(_floats),
        rule=draw(_text),
        claim_id=draw(_text),
        evidence=tuple(draw(st.lists(evidence, max_size=3))),
        cite_info=draw(st.dictionaries(_text, _text, max_size=4)),
    )


@st.composite
def articles_with_events(draw: st.DrawFn) -> tuple[Article, list[Event]]:
    doc_id = draw(st.text(min_size=1, max_size=20))
    article = Article(
        id=doc_id, text=draw(_text), title=draw(_text), url=draw(_text),
        published=draw(dates), source=draw(_text), origin=draw(_text),
    )  # fmt: skip
    count = draw(st.integers(min_value=0, max_value=3))
    return article, [draw(events(doc_id, f"event-{n}")) for n in range(count)]


def test_the_store_keeps_every_field_of_the_event_contract() -> None:
    # A field added to Event needs a column (a new migration) and the codec in records.py.
    assert {f.name for f in fields(Event)} <= set(EVENT_COLUMNS)


def _dump(event: Event) -> str:
    return json.dumps(event.to_dict(), ensure_ascii=False)


@pytest.fixture(scope="module")
def shared_store() -> Iterator[Store]:
    # One store for all examples (opening DuckDB costs ~0.1 s); each example has its own ids.
    with open_store(":memory:") as store:
        yield store


_EXAMPLE = itertools.count()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=articles_with_events())
def test_event_to_duckdb_to_event_is_lossless(
    shared_store: Store, case: tuple[Article, list[Event]]
) -> None:
    store = shared_store
    prefix = f"{next(_EXAMPLE)}|"
    article = replace(case[0], id=prefix + case[0].id)
    written = [replace(e, id=prefix + e.id, doc_id=article.id) for e in case[1]]
    before = store.counts()["events"]
    assert store.add(article, written) == 1
    read = [stored.event for stored in store.events(EventFilter(doc=article.id))]
    stored_article = store.article(article.id)
    assert store.add(article, written) == 0  # the same article again adds nothing
    assert store.counts()["events"] == before + len(written)
    assert sorted(read, key=lambda e: e.id) == sorted(written, key=lambda e: e.id)
    by_id = {e.id: e for e in read}
    for event in written:
        # Same JSON bytes too: key order of cite_info, -0.0, None vs "" all survive.
        assert _dump(by_id[event.id]) == _dump(event)
        assert by_id[event.id].evidence == event.evidence
        assert by_id[event.id].text_info == event.text_info
    assert stored_article == article


def test_real_events_round_trip_with_their_story(coder: Coder) -> None:
    items = list(iter_articles([str(DATA / "outlets")]))
    coded = list(coder.code_articles([a for a in items if isinstance(a, Article)]))
    with open_store(":memory:") as store:
        for article, events in coded:
            store.add(article, events)
        stored = {s.event.id: s for s in store.events()}
    originals = {e.id: e for _, events in coded for e in events}
    assert set(stored) == set(originals)
    for event_id, event in originals.items():
        assert stored[event_id].event == event
        record = stored[event_id].to_dict()
        assert record.pop("story_id") == stored[event_id].story_id != ""
        assert record == event.to_dict()


def _snapshot(path: Path) -> tuple[list[str], list[tuple[str, str]]]:
    with open_store(path, read_only=True) as store:
        events = [json.dumps(s.to_dict(), sort_keys=True) for s in store.events()]
        articles = store.con.execute(
            "SELECT id, content_hash FROM articles ORDER BY id"
        ).fetchall()
    return events, articles


def test_ids_are_stable_across_runs_and_input_order(coder: Coder, tmp_path: Path) -> None:
    paths = sorted(str(p) for p in (DATA / "outlets").glob("*.txt")) + sorted(
        str(p) for p in (DATA / "other_days").glob("*.txt")
    )
    runs = []
    for name, order in (("a", paths), ("b", paths), ("c", list(reversed(paths)))):
        db = tmp_path / f"{name}.duckdb"
        with open_store(db) as store:
            ingest(store, iter_articles(order), coder, batch_size=2)
        runs.append(_snapshot(db))
    assert runs[0] == runs[1] == runs[2]
    assert len(runs[0][0]) >= 18
