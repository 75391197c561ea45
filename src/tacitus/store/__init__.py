"""The store: a tacitus dataset in one embedded DuckDB file.

Tables ``articles`` (text, content hash, source metadata), ``events`` (the full event record,
``story_id`` and columns derived for querying), ``actors`` (one row per actor, recipient and
attribution of an event), ``rejections`` (inputs that could not be read, and why), the view
``stories`` (one row per real-world event) and ``schema_migrations``. See docs/store.md.

Example:
    import tacitus
    with tacitus.open_store("tacitus.duckdb") as store:
        frame = store.events_df()
"""

from __future__ import annotations

from tacitus.store.db import (
    DEFAULT_DB,
    FLAT_COLUMNS,
    Store,
    StoredEvent,
    StorySummary,
    open_store,
)
from tacitus.store.errors import QueryError, StoreError
from tacitus.store.ingest import ArticleCoder, IngestProgress, ingest
from tacitus.store.migrations import MIGRATIONS, SCHEMA_VERSION, Migration
from tacitus.store.query import EventFilter

__all__ = [
    "DEFAULT_DB",
    "FLAT_COLUMNS",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "ArticleCoder",
    "EventFilter",
    "IngestProgress",
    "Migration",
    "QueryError",
    "Store",
    "StoreError",
    "StoredEvent",
    "StorySummary",
    "ingest",
    "open_store",
]
