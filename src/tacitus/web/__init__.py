"""The web UI and HTTP API of a tacitus store (the ``[web]`` extra: FastAPI, uvicorn, Jinja2).

Pages: ``/`` events with filters, ``/articles/{doc_id}`` an article with its coded spans
highlighted, ``/dyads/{A}/{B}`` a dyad's weekly events and Goldstein line, ``/map`` event
locations, ``/stories`` the dedup clusters. API under ``/api/``; schema at ``/openapi.json``.
See docs/web.md.

Example:
    from tacitus.web import create_app
    app = create_app("tacitus.duckdb")   # the store is opened read-only
"""

from __future__ import annotations

from tacitus.web.app import DEFAULT_CODE_TIMEOUT, DEFAULT_MAX_BODY, create_app

__all__ = ["DEFAULT_CODE_TIMEOUT", "DEFAULT_MAX_BODY", "create_app"]
