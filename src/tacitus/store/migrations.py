"""The store's schema as numbered migrations, each applied in its own transaction.

A migration is never edited once released: a schema change is a new migration at the end of
:data:`MIGRATIONS`. ``schema_migrations`` records which ones a database has; opening a store
applies the missing ones in order, each with its bookkeeping row in one transaction, so a
crash leaves the database at the last complete version.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import duckdb

from tacitus.store.errors import StoreError

__all__ = ["MIGRATIONS", "Migration", "SCHEMA_VERSION", "applied_versions", "migrate"]

_ACTOR = (
    "STRUCT(text VARCHAR, name VARCHAR, country VARCHAR, sector VARCHAR, code VARCHAR, "
    "wikidata VARCHAR, entry VARCHAR, confidence DOUBLE)"
)
_EVIDENCE = 'STRUCT(sentence BIGINT, start BIGINT, "end" BIGINT, text VARCHAR, trigger VARCHAR)'
_PLACE = (
    "STRUCT(text VARCHAR, name VARCHAR, country VARCHAR, admin1 VARCHAR, lat DOUBLE, "
    "lon DOUBLE, geonameid BIGINT, precision VARCHAR)"
)


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema change: its number, a short name and the SQL statements it runs."""

    version: int
    name: str
    statements: tuple[str, ...]


_INITIAL = Migration(
    1,
    "articles, events, actors, rejections",
    (
        """
        CREATE TABLE articles (
            id VARCHAR PRIMARY KEY,
            content_hash VARCHAR NOT NULL,
            title VARCHAR NOT NULL,
            url VARCHAR NOT NULL,
            published VARCHAR NOT NULL,
            source VARCHAR NOT NULL,
            origin VARCHAR NOT NULL,
            text VARCHAR NOT NULL,
            n_events INTEGER NOT NULL,
            coder VARCHAR NOT NULL
        )
        """,
        f"""
        CREATE TABLE events (
            id VARCHAR PRIMARY KEY,
            doc_id VARCHAR NOT NULL,
            story_id VARCHAR,
            date VARCHAR NOT NULL,
            date_precision VARCHAR NOT NULL,
            day DATE,
            event VARCHAR NOT NULL,
            mode VARCHAR NOT NULL,
            context VARCHAR[] NOT NULL,
            cameo VARCHAR NOT NULL,
            root VARCHAR NOT NULL,
            quad_code INTEGER NOT NULL,
            goldstein DOUBLE NOT NULL,
            actor {_ACTOR}[] NOT NULL,
            recipient {_ACTOR}[] NOT NULL,
            actor_key VARCHAR NOT NULL,
            recipient_key VARCHAR NOT NULL,
            event_loc {_PLACE},
            event_text VARCHAR NOT NULL,
            text VARCHAR NOT NULL,
            text_info {_EVIDENCE} NOT NULL,
            evidence {_EVIDENCE}[] NOT NULL,
            modality VARCHAR NOT NULL,
            attribution {_ACTOR},
            confidence DOUBLE NOT NULL,
            rule VARCHAR NOT NULL,
            cite_info STRUCT(key VARCHAR, value VARCHAR)[] NOT NULL,
            signature VARCHAR[] NOT NULL
        )
        """,
        """
        CREATE TABLE actors (
            event_id VARCHAR NOT NULL,
            role VARCHAR NOT NULL,
            position INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            name VARCHAR NOT NULL,
            country VARCHAR NOT NULL,
            sector VARCHAR NOT NULL,
            code VARCHAR NOT NULL,
            wikidata VARCHAR NOT NULL,
            entry VARCHAR NOT NULL,
            confidence DOUBLE NOT NULL,
            PRIMARY KEY (event_id, role, position)
        )
        """,
        """
        CREATE TABLE rejections (
            origin VARCHAR NOT NULL,
            reason VARCHAR NOT NULL,
            PRIMARY KEY (origin, reason)
        )
        """,
    ),
)

_STORIES_VIEW = Migration(
    2,
    "stories view",
    (
        """
        CREATE VIEW stories AS
        WITH members AS (
            SELECT e.id, e.story_id, e.doc_id, e.day, e.date, e.date_precision, e.cameo,
                   e.event, e.mode, e.quad_code, e.goldstein, e.actor, e.recipient,
                   e.actor_key, e.recipient_key, e.event_text, e.text, e.text_info,
                   e.confidence, len(e.evidence) AS n_evidence,
                   a.source, NULLIF(a.published, '') AS published, a.title, a.url
            FROM events AS e JOIN articles AS a ON a.id = e.doc_id
            WHERE e.story_id IS NOT NULL
        ),
        representative AS (
            SELECT * FROM members
            QUALIFY row_number() OVER (
                PARTITION BY story_id
                ORDER BY (date_precision = 'day') DESC, length(cameo) DESC, confidence DESC,
                         published NULLS LAST, doc_id, id
            ) = 1
        ),
        first_report AS (
            SELECT story_id, doc_id, published, source, title, url FROM members
            QUALIFY row_number() OVER (
                PARTITION BY story_id ORDER BY published NULLS LAST, doc_id, id
            ) = 1
        ),
        totals AS (
            SELECT story_id,
                   count(*) AS n_events,
                   count(DISTINCT doc_id) AS n_articles,
                   count(DISTINCT CASE WHEN source <> '' THEN 'outlet:' || source
                                       ELSE 'article:' || doc_id END) AS n_sources,
                   sum(n_evidence) AS n_mentions,
                   list_sort(list_distinct(list(source) FILTER (WHERE source <> '')))
                       AS outlets,
                   min(day) AS first_day,
                   max(day) AS last_day
            FROM members
            GROUP BY story_id
        )
        SELECT t.story_id, t.n_events, t.n_articles, t.n_sources, t.n_mentions, t.outlets,
               t.first_day, t.last_day,
               r.id AS event_id, r.day, r.date, r.date_precision, r.cameo, r.event, r.mode,
               r.quad_code, r.goldstein, r.actor, r.recipient, r.actor_key, r.recipient_key,
               r.event_text, r.text, r.text_info,
               f.doc_id AS first_doc_id, f.published AS first_published,
               f.source AS first_source, f.title AS first_title, f.url AS first_url
        FROM totals AS t
        JOIN representative AS r USING (story_id)
        JOIN first_report AS f USING (story_id)
        """,
    ),
)

_CLAIM_ID = Migration(
    3,
    "events.claim_id",
    ("ALTER TABLE events ADD COLUMN claim_id VARCHAR DEFAULT ''",),
)

MIGRATIONS: tuple[Migration, ...] = (_INITIAL, _STORIES_VIEW, _CLAIM_ID)
"""Every migration, in order; the last one's number is the current schema version."""

SCHEMA_VERSION = MIGRATIONS[-1].version
"""The schema version this tacitus writes and reads."""

_BOOKKEEPING = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp
)
"""


def applied_versions(con: Any) -> list[int]:
    """The migration numbers recorded in a database (empty for a new one)."""
    found = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
    ).fetchone()
    if not found or not found[0]:
        return []
    rows = con.execute("SELECT version FROM schema_migrations ORDER BY version").fetchall()
    return [int(row[0]) for row in rows]


def migrate(con: Any, migrations: Sequence[Migration] = MIGRATIONS) -> list[int]:
    """Apply the migrations a database lacks, in order, each in its own transaction.

    Returns the numbers applied. Raises StoreError when the database has a migration this
    tacitus does not know (written by a newer version) or when a migration fails; a failed
    migration is rolled back and the ones before it stay.
    """
    numbers = [m.version for m in migrations]
    if numbers != sorted(set(numbers)) or (numbers and numbers[0] < 1):
        raise StoreError("migrations must be numbered 1, 2, ... in increasing order")
    con.execute(_BOOKKEEPING)
    done = applied_versions(con)
    unknown = sorted(set(done) - set(numbers))
    if unknown:
        raise StoreError(
            f"the store has schema version {max(done)} but this tacitus knows only up to "
            f"{max(numbers, default=0)}; upgrade tacitus to read it"
        )
    applied: list[int] = []
    for migration in migrations:
        if migration.version in done:
            continue
        con.begin()
        try:
            for statement in migration.statements:
                con.execute(statement)
            con.execute(
                "INSERT INTO schema_migrations (version, name) VALUES (?, ?)",
                [migration.version, migration.name],
            )
            con.commit()
        except BaseException as err:
            con.rollback()
            if isinstance(err, duckdb.Error):
                raise StoreError(
                    f"migration {migration.version} ({migration.name}) failed and was rolled "
                    f"back: {err}"
                ) from err
            raise
        applied.append(migration.version)
    return applied
