"""The store: one DuckDB file, one writer, batches written in single transactions."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import duckdb

from tacitus.dedupe.stories import StoryItem, StorySettings, assign_stories, date_span
from tacitus.ingest import Rejection
from tacitus.store.errors import StoreError
from tacitus.store.migrations import MIGRATIONS, SCHEMA_VERSION, applied_versions, migrate
from tacitus.store.query import ORDER_BY, EventFilter, where_clause
from tacitus.store.records import (
    ACTOR_COLUMNS,
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    actor_rows,
    article_row,
    content_hash,
    event_from_row,
    event_row,
)
from tacitus.types import Article, Event

if TYPE_CHECKING:
    import pandas

__all__ = ["DEFAULT_DB", "Store", "StoredEvent", "StorySummary", "open_store"]

DEFAULT_DB = "tacitus.duckdb"
"""The store `tacitus ingest` and the other store commands use when given no --db."""

_EVENT_SELECT = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
_ACTOR_KEY = EVENT_COLUMNS.index("actor_key")
_ROOT = EVENT_COLUMNS.index("root")


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """An event read back from the store, with the story it belongs to."""

    event: Event
    story_id: str

    def to_dict(self) -> dict[str, Any]:
        """The event's contract record plus ``story_id``."""
        out = self.event.to_dict()
        out["story_id"] = self.story_id
        return out


@dataclass(frozen=True, slots=True)
class StorySummary:
    """One real-world event: how often and by whom it was reported, and its best record."""

    story_id: str
    n_events: int
    n_articles: int
    n_sources: int
    n_mentions: int
    outlets: tuple[str, ...]
    day: str
    first_day: str
    last_day: str
    event_id: str
    cameo: str
    event: str
    mode: str
    quad_code: int
    goldstein: float
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    text: str
    sentence: int
    first_doc_id: str
    first_published: str
    first_source: str
    first_title: str
    first_url: str

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready record, in a fixed key order."""
        return {
            "story_id": self.story_id,
            "date": self.day or None,
            "cameo": self.cameo,
            "event": self.event,
            "mode": self.mode,
            "quad_code": self.quad_code,
            "goldstein": self.goldstein,
            "actor": list(self.actor),
            "recipient": list(self.recipient),
            "events": self.n_events,
            "articles": self.n_articles,
            "sources": self.n_sources,
            "mentions": self.n_mentions,
            "outlets": list(self.outlets),
            "first_day": self.first_day or None,
            "last_day": self.last_day or None,
            "first_report": {
                "doc_id": self.first_doc_id,
                "published": self.first_published or None,
                "source": self.first_source,
                "title": self.first_title,
                "url": self.first_url,
            },
            "event_id": self.event_id,
            "text": self.text,
        }


def _iso(value: Any) -> str:
    return value.isoformat() if value is not None else ""


def _codes(actors: Sequence[dict[str, Any]]) -> tuple[str, ...]:
    return tuple(a["code"] or a["text"] for a in actors)


class Store:
    """A tacitus dataset in one DuckDB file: articles, events, actors, rejections, stories.

    Open it with :func:`open_store`. One process writes at a time (DuckDB's lock); readers
    opened with ``read_only=True`` may share the file with each other.

    Example:
        with open_store("tacitus.duckdb") as store:
            frame = store.events_df(EventFilter(actor="USA", cameo="17"))
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        read_only: bool = False,
        stories: StorySettings | None = None,
    ) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.stories_settings = stories or StorySettings()
        if read_only and not self.path.exists():
            raise StoreError(
                f"no store at {self.path}; create one with `tacitus ingest FILES --db {self.path}`"
            )
        if read_only:
            self._upgrade_if_needed()
        self.con = self._connect(read_only=read_only)
        if not read_only:
            try:
                migrate(self.con, MIGRATIONS)
            except BaseException:
                self.con.close()
                raise

    # -- opening ----------------------------------------------------------------------------
    def _connect(self, *, read_only: bool) -> Any:
        try:
            return duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as err:
            message = str(err)
            if "lock" in message.lower():
                raise StoreError(
                    f"{self.path} is in use by another tacitus process (DuckDB allows one "
                    f"writer); wait for it to finish"
                ) from err
            raise StoreError(f"cannot open {self.path} as a DuckDB store: {message}") from err

    def _upgrade_if_needed(self) -> None:
        """A reader of an older store migrates it first (briefly as a writer)."""
        con = self._connect(read_only=True)
        try:
            version = max(applied_versions(con), default=0)
        finally:
            con.close()
        if version == 0:
            raise StoreError(f"{self.path} is not a tacitus store (no schema_migrations table)")
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has schema version {version} but this tacitus knows only up to "
                f"{SCHEMA_VERSION}; upgrade tacitus to read it"
            )
        if version < SCHEMA_VERSION:
            con = self._connect(read_only=False)
            try:
                migrate(con, MIGRATIONS)
            finally:
                con.close()

    def close(self) -> None:
        """Close the connection (a checkpoint folds the write-ahead log into the file)."""
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        """The highest migration applied to this store."""
        return max(applied_versions(self.con), default=0)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self.con.begin()
        try:
            yield
        except BaseException:
            self.con.rollback()
            raise
        self.con.commit()

    # -- writing ----------------------------------------------------------------------------
    def article_hash(self, article_id: str) -> str | None:
        """The content hash of a stored article, or None if it is not stored."""
        row = self.con.execute(
            "SELECT content_hash FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        return str(row[0]) if row else None

    def write_batch(
        self,
        batch: Sequence[tuple[Article, Sequence[Event]]],
        rejections: Sequence[Rejection] = (),
        *,
        coder: str = "",
    ) -> int:
        """Store coded articles and rejections in one transaction; return articles added.

        An article already stored with the same text is skipped with its events (idempotent);
        one stored with a different text raises StoreError and nothing of the batch is kept.
        Events get their stories in the same transaction, so a crash never leaves events
        without one.
        """
        if self.read_only:
            raise StoreError(f"{self.path} was opened read-only")
        ids = [article.id for article, _ in batch]
        stored = dict(
            self.con.execute(
                "SELECT id, content_hash FROM articles WHERE list_contains(?, id)", [ids]
            ).fetchall()
        )
        articles: list[tuple[Any, ...]] = []
        events: list[tuple[Any, ...]] = []
        actors: list[tuple[Any, ...]] = []
        # An event id already stored (ids hash the article id, so only through a caller's own
        # ids) keeps its first record. Checked here rather than with ON CONFLICT, which in
        # DuckDB 2.0 turns -0.0 inside STRUCT values into 0.0.
        event_ids = [e.id for _, article_events in batch for e in article_events]
        seen_events: set[str] = {
            row[0]
            for row in self.con.execute(
                "SELECT id FROM events WHERE list_contains(?, id)", [event_ids]
            ).fetchall()
        }
        for article, article_events in batch:
            digest = content_hash(article.text)
            if article.id in stored:
                if stored[article.id] != digest:
                    raise StoreError(
                        f"article {article.id!r} ({article.origin or 'no origin'}) is already "
                        f"stored with a different text; give it another id"
                    )
                continue
            stored[article.id] = digest
            kept = [e for e in article_events if e.id not in seen_events]
            seen_events.update(e.id for e in kept)
            articles.append(article_row(article, n_events=len(kept), coder=coder))
            for event in kept:
                events.append(event_row(event, published=article.published))
                actors.extend(actor_rows(event))
        with self._transaction():
            if articles:
                self._insert("articles", ARTICLE_COLUMNS, articles)
            if events:
                self._insert("events", EVENT_COLUMNS, events)
                self._insert("actors", ACTOR_COLUMNS, actors)
            if rejections:
                self._insert(
                    "rejections",
                    ("origin", "reason"),
                    list(dict.fromkeys((r.origin, r.reason) for r in rejections)),
                    conflict=True,
                )
            if events:
                blocks = sorted({(row[_ACTOR_KEY], row[_ROOT]) for row in events})
                self._restory(blocks)
        return len(articles)

    def _insert(
        self,
        table: str,
        columns: Sequence[str],
        rows: list[tuple[Any, ...]],
        *,
        conflict: bool = False,
    ) -> None:
        if not rows:
            return
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" for _ in columns)
        tail = " ON CONFLICT DO NOTHING" if conflict else ""
        self.con.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks}){tail}", rows)

    def _restory(self, blocks: Sequence[tuple[str, str]] | None) -> int:
        """Reassign the stories of the given (actor_key, root) blocks (all if None)."""
        sql = (
            "SELECT e.id, e.doc_id, e.actor_key, e.recipient_key, e.root, e.date, "
            "a.published, e.signature, e.story_id FROM events AS e "
            "JOIN articles AS a ON a.id = e.doc_id"
        )
        params: list[Any] = []
        if blocks is not None:
            sql += " WHERE list_contains(?, e.actor_key || '|' || e.root)"
            params.append([f"{actor}|{root}" for actor, root in blocks])
        rows = self.con.execute(sql, params).fetchall()
        items: list[StoryItem] = []
        current: dict[str, str | None] = {}
        for event_id, doc_id, actor_key, recipient_key, root, date, published, sig, story in rows:
            start, end = date_span(date, published, settings=self.stories_settings)
            items.append(
                StoryItem(
                    event_id=event_id,
                    doc_id=doc_id,
                    actor_key=actor_key,
                    recipient_key=recipient_key,
                    root=root,
                    start=start,
                    end=end,
                    signature=frozenset(sig),
                )
            )
            current[event_id] = story
        assignment = assign_stories(items, settings=self.stories_settings)
        changed = sorted((s, e) for e, s in assignment.items() if current.get(e) != s)
        if changed:
            self.con.execute(
                "CREATE TEMP TABLE IF NOT EXISTS story_assignment "
                "(story_id VARCHAR, event_id VARCHAR)"
            )
            self.con.execute("DELETE FROM story_assignment")
            self.con.executemany("INSERT INTO story_assignment VALUES (?, ?)", changed)
            self.con.execute(
                "UPDATE events SET story_id = s.story_id FROM story_assignment AS s "
                "WHERE events.id = s.event_id"
            )
        return len(changed)

    def rebuild_stories(self, settings: StorySettings | None = None) -> int:
        """Reassign every event's story (e.g. with other settings); return events changed."""
        if self.read_only:
            raise StoreError(f"{self.path} was opened read-only")
        if settings is not None:
            self.stories_settings = settings
        with self._transaction():
            return self._restory(None)

    def add(self, article: Article, events: Sequence[Event], *, coder: str = "") -> int:
        """Store one coded article (see :meth:`write_batch`); return 1 if added, 0 if known."""
        return self.write_batch([(article, events)], coder=coder)

    # -- reading ----------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """How many articles, events, stories and rejections the store holds."""
        row = self.con.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), "
            "(SELECT count(DISTINCT story_id) FROM events), (SELECT count(*) FROM rejections)"
        ).fetchone()
        assert row is not None
        names = ("articles", "events", "stories", "rejections")
        return dict(zip(names, map(int, row), strict=True))

    def rejections(self) -> list[Rejection]:
        """Every input recorded as rejected, by origin."""
        rows = self.con.execute(
            "SELECT origin, reason FROM rejections ORDER BY origin, reason"
        ).fetchall()
        return [Rejection(origin, reason) for origin, reason in rows]

    def article(self, article_id: str) -> Article | None:
        """A stored article, or None."""
        row = self.con.execute(
            "SELECT id, text, title, url, published, source, origin FROM articles WHERE id = ?",
            [article_id],
        ).fetchone()
        if row is None:
            return None
        return Article(
            id=row[0], text=row[1], title=row[2], url=row[3], published=row[4], source=row[5],
            origin=row[6],
        )  # fmt: skip

    def _event_sql(self, flt: EventFilter, columns: str) -> tuple[str, list[Any]]:
        where, params = where_clause(flt)
        sql = (
            f"SELECT {columns} FROM events AS e JOIN articles AS a ON a.id = e.doc_id "
            f"WHERE {where} ORDER BY {ORDER_BY}"
        )
        if flt.limit is not None:
            sql += " LIMIT ?"
            params.append(flt.limit)
        return sql, params

    def events(self, flt: EventFilter | None = None) -> Iterator[StoredEvent]:
        """Stored events matching a filter, in day, article, position order."""
        sql, params = self._event_sql(flt or EventFilter(), _EVENT_SELECT)
        cursor = self.con.cursor()
        try:
            cursor.execute(sql, params)
            while chunk := cursor.fetchmany(1000):
                for row in chunk:
                    record = dict(zip(EVENT_COLUMNS, row, strict=True))
                    yield StoredEvent(event_from_row(record), record["story_id"] or "")
        finally:
            cursor.close()

    def event_rows(self, flt: EventFilter | None = None) -> Iterator[dict[str, Any]]:
        """Matching events as flat rows (:data:`FLAT_COLUMNS`) joined with their articles."""
        columns = ", ".join(f"{expr} AS {name}" for name, expr in _FLAT)
        sql, params = self._event_sql(flt or EventFilter(), columns)
        cursor = self.con.cursor()
        try:
            cursor.execute(sql, params)
            names = [name for name, _ in _FLAT]
            while chunk := cursor.fetchmany(1000):
                for row in chunk:
                    yield dict(zip(names, row, strict=True))
        finally:
            cursor.close()

    def events_df(self, flt: EventFilter | None = None) -> pandas.DataFrame:
        """Matching events as a pandas DataFrame, one row per event (:data:`FLAT_COLUMNS`,
        plus the nested ``actor`` and ``recipient`` lists); ``day`` is a datetime column."""
        columns = ", ".join(
            [f"{expr} AS {name}" for name, expr in _FLAT] + ["e.actor", "e.recipient"]
        )
        sql, params = self._event_sql(flt or EventFilter(), columns)
        frame = self.con.execute(sql, params).df()
        return frame

    def stories(self, *, limit: int | None = None, min_articles: int = 1) -> list[StorySummary]:
        """Every story (real-world event), by day then id."""
        sql = (
            "SELECT story_id, n_events, n_articles, n_sources, n_mentions, outlets, day, "
            "first_day, last_day, event_id, cameo, event, mode, quad_code, goldstein, actor, "
            "recipient, text, text_info.sentence, first_doc_id, first_published, first_source, "
            "first_title, first_url FROM stories WHERE n_articles >= ? "
            "ORDER BY day NULLS LAST, story_id"
        )
        params: list[Any] = [min_articles]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        out = []
        for row in self.con.execute(sql, params).fetchall():
            out.append(
                StorySummary(
                    story_id=row[0], n_events=row[1], n_articles=row[2], n_sources=row[3],
                    n_mentions=int(row[4]), outlets=tuple(row[5] or ()), day=_iso(row[6]),
                    first_day=_iso(row[7]), last_day=_iso(row[8]), event_id=row[9],
                    cameo=row[10], event=row[11], mode=row[12], quad_code=row[13],
                    goldstein=row[14], actor=_codes(row[15]), recipient=_codes(row[16]),
                    text=row[17], sentence=row[18], first_doc_id=row[19],
                    first_published=row[20] or "", first_source=row[21], first_title=row[22],
                    first_url=row[23],
                )  # fmt: skip
            )
        return out

    def stories_df(self) -> pandas.DataFrame:
        """The ``stories`` view as a pandas DataFrame (one row per real-world event)."""
        frame = self.con.execute("SELECT * FROM stories ORDER BY day NULLS LAST, story_id").df()
        return frame


_FLAT: tuple[tuple[str, str], ...] = (
    ("id", "e.id"),
    ("story_id", "e.story_id"),
    ("doc_id", "e.doc_id"),
    ("day", "e.day"),
    ("date", "e.date"),
    ("date_precision", "e.date_precision"),
    ("cameo", "e.cameo"),
    ("root", "e.root"),
    ("quad_code", "e.quad_code"),
    ("goldstein", "e.goldstein"),
    ("event", "e.event"),
    ("mode", "e.mode"),
    ("context", "array_to_string(e.context, '|')"),
    ("actor_code", "array_to_string([x.code FOR x IN e.actor], '+')"),
    ("actor_name", "array_to_string([coalesce(nullif(x.name, ''), x.text) FOR x IN e.actor], '+')"),
    ("actor_country", "e.actor_key"),
    ("recipient_code", "array_to_string([x.code FOR x IN e.recipient], '+')"),
    (
        "recipient_name",
        "array_to_string([coalesce(nullif(x.name, ''), x.text) FOR x IN e.recipient], '+')",
    ),
    ("recipient_country", "e.recipient_key"),
    ("place", "coalesce(nullif(e.event_loc.name, ''), e.event_loc.text, '')"),
    ("place_country", "coalesce(e.event_loc.country, '')"),
    ("lat", "e.event_loc.lat"),
    ("lon", "e.event_loc.lon"),
    ("event_text", "e.event_text"),
    ("text", "e.text"),
    ("modality", "e.modality"),
    ("attribution", "coalesce(nullif(e.attribution.code, ''), e.attribution.text, '')"),
    ("confidence", "e.confidence"),
    ("rule", "e.rule"),
    ("published", "a.published"),
    ("source", "a.source"),
    ("title", "a.title"),
    ("url", "a.url"),
)

FLAT_COLUMNS = tuple(name for name, _ in _FLAT)
"""Columns of the flat (CSV, DataFrame) form of an event."""


def open_store(
    path: str | os.PathLike[str] = DEFAULT_DB,
    *,
    read_only: bool = False,
    stories: StorySettings | None = None,
) -> Store:
    """Open (creating and migrating as needed) the tacitus store at `path`.

    Example:
        import tacitus
        with tacitus.open_store("tacitus.duckdb", read_only=True) as store:
            print(store.events_df().groupby("cameo").size())
    """
    return Store(path, read_only=read_only, stories=stories)
