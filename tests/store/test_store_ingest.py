"""Ingesting coded articles: stories across outlets, idempotence, and crash safety with a real
`tacitus ingest` process killed by SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from tacitus.errors import InputError
from tacitus.ingest import Rejection, iter_articles
from tacitus.pipeline import Coder
from tacitus.store import IngestProgress, open_store
from tacitus.store.ingest import ingest
from tacitus.types import Article

DATA = Path(__file__).parent / "data"


def _no_model() -> Coder:
    raise AssertionError("nothing new to code: the model must not be loaded")


def test_six_outlets_collapse_to_the_stories_real_world_events(
    coder: Coder, tmp_path: Path
) -> None:
    with open_store(tmp_path / "s.duckdb") as store:
        progress = ingest(store, iter_articles([str(DATA / "outlets")]), coder, batch_size=4)
        stories = store.stories()
        events = list(store.events())
    assert (progress.added, progress.rejected, progress.batches) == (6, 0, 2)
    assert len(events) == progress.events >= 18
    # The wire story reports three real-world events: the expulsion (POL -> BLR, 174), the
    # accusation (POL -> BLR, 112) and the denial (BLR -> POL, 016), each told by all six.
    found = {(s.actor[0][:3], s.recipient[0][:3], s.cameo[:2]): s for s in stories}
    assert set(found) == {("POL", "BLR", "17"), ("POL", "BLR", "11"), ("BLR", "POL", "01")}
    for story in stories:
        assert story.n_articles == 6 == len(story.outlets)
        assert story.first_doc_id == "outlet1"  # published first (then by id)
    expel = found[("POL", "BLR", "17")]
    assert expel.day == "2024-02-14" and expel.cameo == "174"


def test_the_same_dyad_on_other_days_stays_other_events(coder: Coder, tmp_path: Path) -> None:
    paths = [str(DATA / "outlets"), str(DATA / "other_days")]
    with open_store(tmp_path / "s.duckdb") as store:
        ingest(store, iter_articles(paths), coder, batch_size=3)
        by_doc = {}
        for stored in store.events():
            if stored.event.cameo == "174":
                by_doc[stored.event.doc_id] = stored.story_id
    feb = {by_doc[f"outlet{n}"] for n in range(1, 7)}
    assert len(feb) == 1
    # Monday and Thursday: same words, three days apart. Monday and Tuesday: a day apart,
    # different expulsions. None of them is the February story.
    assert len({by_doc["monday"], by_doc["tuesday"], by_doc["thursday"]} | feb) == 4


def test_ingesting_again_adds_nothing_and_loads_no_model(coder: Coder, tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    paths = [str(DATA / "other_days"), str(bad)]
    with open_store(db) as store:
        first = ingest(store, iter_articles(paths), coder)
        counts = store.counts()
    with open_store(db) as store:
        again = ingest(store, iter_articles(paths), _no_model)
        assert store.counts() == counts
    assert (first.added, first.rejected) == (3, 1)
    assert (again.added, again.skipped, again.rejected, again.events) == (0, 3, 1, 0)
    assert counts["rejections"] == 1


def test_a_known_id_with_another_text_is_rejected(coder: Coder, tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    original = Article(id="story", text="Poland expelled a Belarusian diplomat on Monday.",
                       published="2024-03-05")  # fmt: skip
    changed = Article(id="story", text="Poland expelled two Belarusian diplomats on Monday.",
                      published="2024-03-05", origin="b/story.txt")  # fmt: skip
    seen: list[Rejection] = []

    def hook(kind: str, progress: IngestProgress, rejection: Rejection | None) -> None:
        if rejection is not None:
            seen.append(rejection)

    with open_store(db) as store:
        result = ingest(store, [original, changed], coder, on_progress=hook)
        assert store.counts()["articles"] == 1
        assert store.article("story") == original
    assert result.rejected == 1
    assert seen[0].origin == "b/story.txt" and "already stored with a different text" in (
        seen[0].reason
    )
    with open_store(db) as store, pytest.raises(InputError, match="different text"):
        ingest(store, [changed], coder, strict=True)


def test_an_article_that_fails_to_code_is_rejected_and_retried_later(
    coder: Coder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "s.duckdb"
    articles = [
        Article(id=name, text=f"Poland expelled a Belarusian diplomat on {day}.",
                published="2024-03-05")  # fmt: skip
        for name, day in [("one", "Monday"), ("bad", "Tuesday"), ("three", "Friday")]
    ]
    original = Coder._code_docs

    def code_docs(self: Coder, article: Article, *args: object) -> object:
        if article.id == "bad":
            raise RuntimeError("parser exploded")
        return original(self, article, *args)  # type: ignore[arg-type]

    with monkeypatch.context() as patch, open_store(db) as store:
        patch.setattr(Coder, "_code_docs", code_docs)
        first = ingest(store, articles, coder)
        assert store.counts()["articles"] == 2
        assert store.article("bad") is None
        (rejection,) = store.rejections()
    assert (first.added, first.rejected) == (2, 1)
    assert rejection.origin == "bad" and "coding failed: parser exploded" in rejection.reason
    with open_store(db) as store:  # mended: the next run codes just the missing article
        again = ingest(store, articles, coder)
        assert store.counts()["articles"] == 3
    assert (again.added, again.skipped) == (1, 2)


# -- crash safety -----------------------------------------------------------------------------
_STORIES = [
    ("Poland", "Belarusian", "diplomats", "expelled"),
    ("Estonia", "Russian", "diplomats", "expelled"),
    ("Lithuania", "Belarusian", "officials", "condemned"),
    ("Finland", "Russian", "envoys", "summoned"),
    ("Latvia", "Russian", "diplomats", "expelled"),
    ("Norway", "Russian", "diplomats", "expelled"),
]
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday")


def _write_corpus(folder: Path) -> int:
    """Invented wire items, each a different event; one empty file among them."""
    folder.mkdir()
    count = 0
    for index, (country, other, people, verb) in enumerate(_STORIES):
        for day_index, day in enumerate(_DAYS):
            published = (date(2024, 4, 10) + timedelta(days=index * 4 + day_index)).isoformat()
            text = (
                f"title: {country} and the {other} {people}\n"
                f"published: {published}\nsource: Wire {day_index}\n\n"
                f"{country} {verb} {day_index + 2} {other} {people} on {day}, the foreign "
                f"ministry said. The {other} embassy denied the accusations.\n"
            )
            (folder / f"item{count:02d}.txt").write_text(text, encoding="utf-8")
            count += 1
    (folder / "zz-empty.txt").write_text("")
    return count


def _run(db: Path, corpus: Path) -> subprocess.Popen[str]:
    command = [
        sys.executable, "-c", "from tacitus.cli import main; main()",
        "ingest", str(corpus), "--db", str(db), "--batch-size", "2",
    ]  # fmt: skip
    env = dict(os.environ, COLUMNS="200")
    return subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            text=True, env=env)  # fmt: skip


def _kill_after_commits(db: Path, corpus: Path, commits: int) -> None:
    process = _run(db, corpus)
    assert process.stderr is not None
    seen = 0
    for line in process.stderr:
        if " committed:" in line:
            seen += 1
            if seen == commits:
                os.kill(process.pid, signal.SIGKILL)
                break
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL, "the run ended before it could be killed"


def _contents(db: Path) -> dict[str, object]:
    with open_store(db, read_only=True) as store:
        return {
            "events": sorted(json.dumps(s.to_dict(), sort_keys=True) for s in store.events()),
            "articles": store.con.execute(
                "SELECT id, content_hash, n_events FROM articles ORDER BY id"
            ).fetchall(),
            "actors": store.con.execute("SELECT * FROM actors ORDER BY ALL").fetchall(),
            "rejections": store.rejections(),
        }


def test_a_killed_ingest_resumes_to_exactly_the_uninterrupted_result(
    coder: Coder, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    total = _write_corpus(corpus)
    reference = tmp_path / "reference.duckdb"
    with open_store(reference) as store:
        ingest(store, iter_articles([str(corpus)]), coder, batch_size=5)

    db = tmp_path / "killed.duckdb"
    _kill_after_commits(db, corpus, commits=2)  # killed while coding the third batch
    with open_store(db, read_only=True) as store:
        partial = store.counts()["articles"]
    assert 4 <= partial < total

    # Killed again at an arbitrary moment: loading the model, coding, or committing.
    process = _run(db, corpus)
    time.sleep(2.5)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=60)

    finished = _run(db, corpus)
    assert finished.stderr is not None
    log = finished.stderr.read()
    assert finished.wait(timeout=120) == 1, log  # 1: the empty file is still rejected
    assert "zz-empty.txt: empty input" in log
    assert f"holds {total} articles" in log
    assert _contents(db) == _contents(reference)
