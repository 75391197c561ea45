"""The store's errors, defined with all the others in tacitus.errors (re-exported here)."""

from __future__ import annotations

from tacitus.errors import QueryError, StoreError

__all__ = ["QueryError", "StoreError"]
