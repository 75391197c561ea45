"""The web layer's one way into the data: a read-only store behind a lock, with paging and
the few aggregates the pages need, built on the store's public API."""

from __future__ import annotations

import itertools
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from tacitus.store import EventFilter, QueryError, StoredEvent, StorySummary, open_store
from tacitus.store.query import where_clause
from tacitus.types import Article

__all__ = ["MAX_OFFSET", "MAX_PAGE", "Filters", "Page", "Reader"]

MAX_PAGE = 500
"""Most rows one page or API call returns."""
MAX_OFFSET = 1_000_000
"""Deepest offset served (paging reads and skips the rows before it)."""
MAX_POINTS = 20_000
"""Most events read to draw the map."""

T = TypeVar("T")

_FIELDS = ("actor", "recipient", "cameo", "quad", "since", "until", "place", "text")


@dataclass(frozen=True, slots=True)
class Filters:
    """The event filters of the pages and the API, as given (strings); ``quad`` may be ""."""

    actor: str = ""
    recipient: str = ""
    cameo: str = ""
    quad: str = ""
    since: str = ""
    until: str = ""
    place: str = ""
    text: str = ""

    def event_filter(self, *, limit: int | None = None) -> EventFilter:
        """The store's filter; QueryError when a value is not valid."""
        quad = self.quad.strip()
        if quad and quad not in ("1", "2", "3", "4"):
            raise QueryError(f"quad {self.quad!r} is not a quad class; use 1, 2, 3 or 4")
        for name in _FIELDS:
            value = getattr(self, name)
            if len(value) > 200:
                raise QueryError(f"{name} is {len(value)} characters long; give at most 200")
            if "\x00" in value:
                raise QueryError(f"{name} contains a NUL character")
        return EventFilter(
            actor=self.actor, recipient=self.recipient, cameo=self.cameo,
            quad=int(quad) if quad else None, since=self.since, until=self.until,
            place=self.place, text=self.text, limit=limit,
        )  # fmt: skip

    def params(self) -> dict[str, str]:
        """The non-empty filters, for links that keep them."""
        return {name: getattr(self, name) for name in _FIELDS if getattr(self, name)}


@dataclass(frozen=True, slots=True)
class Page:
    """One page of events and where it sits in the whole listing."""

    events: list[StoredEvent]
    total: int
    offset: int
    limit: int

    @property
    def has_next(self) -> bool:
        """More events after this page."""
        return self.offset + len(self.events) < self.total


class Reader:
    """A store opened read-only; every read holds one lock (a DuckDB connection is not
    meant for concurrent use from the server's worker threads)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.store = open_store(path, read_only=True)
        self.lock = threading.Lock()

    def close(self) -> None:
        """Close the store."""
        with self.lock:
            self.store.close()

    def counts(self) -> dict[str, int]:
        """Articles, events, stories and rejections in the store."""
        with self.lock:
            return self.store.counts()

    def _count(self, flt: EventFilter) -> int:
        where, params = where_clause(flt)
        row = self.store.con.execute(
            f"SELECT count(*) FROM events AS e WHERE {where}", params
        ).fetchone()
        return int(row[0]) if row else 0

    def page(self, filters: Filters, *, offset: int = 0, limit: int = 50) -> Page:
        """Events `offset` .. `offset + limit` of the filtered listing, and the total."""
        if not 0 <= offset <= MAX_OFFSET:
            raise QueryError(f"offset {offset} is out of range; use 0 to {MAX_OFFSET}")
        if not 1 <= limit <= MAX_PAGE:
            raise QueryError(f"limit {limit} is out of range; use 1 to {MAX_PAGE}")
        flt = filters.event_filter(limit=offset + limit)
        with self.lock:
            total = self._count(filters.event_filter())
            events = _take(self.store.events(flt), offset, offset + limit)
        return Page(events, total, offset, limit)

    def article(self, doc_id: str) -> tuple[Article, list[StoredEvent]] | None:
        """A stored article and its events in text order, or None."""
        if len(doc_id) > 1000 or "\x00" in doc_id:
            return None
        with self.lock:
            article = self.store.article(doc_id)
            if article is None:
                return None
            events = _take(self.store.events(EventFilter(doc=doc_id)))
        return article, events

    def rows(self, flt: EventFilter) -> Iterator[dict[str, Any]]:
        """Flat rows (the store's FLAT_COLUMNS) of the matching events, read under the lock."""
        with self.lock:
            rows = _take(self.store.event_rows(flt))
        return iter(rows)

    def dyad(self, actor: str, recipient: str) -> list[dict[str, Any]]:
        """Flat rows of every event from `actor` to `recipient` (codes or their starts)."""
        return list(self.rows(EventFilter(actor=actor, recipient=recipient)))

    def places(self, filters: Filters) -> list[tuple[float, float, str, str]]:
        """(lat, lon, place, country) of the filtered events that have coordinates."""
        out = []
        for row in self.rows(filters.event_filter(limit=MAX_POINTS)):
            lat, lon = row.get("lat"), row.get("lon")
            if lat is not None and lon is not None:
                out.append((float(lat), float(lon), str(row["place"]), str(row["place_country"])))
        return out

    def stories(
        self, *, offset: int = 0, limit: int = 50, min_articles: int = 1
    ) -> tuple[list[StorySummary], bool]:
        """One page of stories (most reported last by day order) and whether more follow."""
        if not 0 <= offset <= MAX_OFFSET:
            raise QueryError(f"offset {offset} is out of range; use 0 to {MAX_OFFSET}")
        if not 1 <= limit <= MAX_PAGE:
            raise QueryError(f"limit {limit} is out of range; use 1 to {MAX_PAGE}")
        if not 1 <= min_articles <= 1_000_000:
            raise QueryError(f"min_articles {min_articles} is out of range; use 1 or more")
        with self.lock:
            rows = self.store.stories(limit=offset + limit + 1, min_articles=min_articles)
        page = rows[offset : offset + limit]
        return page, len(rows) > offset + limit


def _take(stream: Iterator[T], start: int = 0, stop: int | None = None) -> list[T]:
    """Items start..stop of a store's stream, closing it (and its cursor) at once."""
    try:
        return list(itertools.islice(stream, start, stop))
    finally:
        close = getattr(stream, "close", None)
        if close is not None:
            close()


def as_date(value: Any) -> date | None:
    """A row's ``day`` as a date (the store returns dates; strings are tolerated)."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])
