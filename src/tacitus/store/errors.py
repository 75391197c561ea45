"""Errors of the store (to move into tacitus.errors with the next change to that module)."""

from __future__ import annotations

from tacitus.errors import TacitusError

__all__ = ["QueryError", "StoreError"]


class StoreError(TacitusError):
    """A store cannot be opened, read or written (missing, locked, not DuckDB, too new)."""

    code = "E020"


class QueryError(TacitusError):
    """A query filter or an export/stats option is not valid."""

    code = "E021"
