"""`tacitus serve`: the web UI and HTTP API over a store (the [web] extra)."""

from __future__ import annotations

import importlib.util
import ipaddress
from typing import Annotated

import typer
from rich.console import Console

from tacitus.cli.query import DbOption, fail
from tacitus.errors import TacitusError
from tacitus.store import DEFAULT_DB

__all__ = ["serve"]

_EXTRA = ("fastapi", "uvicorn", "jinja2")


def _missing() -> list[str]:
    return [name for name in _EXTRA if importlib.util.find_spec(name) is None]


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (loopback only by default).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port.")] = 8000,
    max_body: Annotated[
        int, typer.Option("--max-body", min=1, help="Largest POST /api/code body, in bytes.")
    ] = 64 * 1024,
    time_limit: Annotated[
        float, typer.Option("--time-limit", min=0.1, help="Seconds one POST /api/code may take.")
    ] = 20.0,
) -> None:
    """Browse a store in the browser: events with filters, articles with their coded spans
    highlighted, a dyad's weeks, a map, the stories; JSON API under /api/ (schema at
    /openapi.json). The store is opened read-only. Needs the web extra:
    pip install 'tacitus[web]'.

    Example: tacitus serve --db tacitus.duckdb --port 8000
    """
    missing = _missing()
    if missing:
        fail(
            f"`tacitus serve` needs the web extra ({', '.join(missing)} not installed); "
            f"install it with: pip install 'tacitus[web]'"
        )
    import uvicorn

    from tacitus.web import create_app

    try:
        app = create_app(db, max_body=max_body, code_timeout=time_limit)
    except TacitusError as exc:
        fail(str(exc))
    err = Console(stderr=True, soft_wrap=True)
    if not _is_loopback(host):
        err.print(
            f"tacitus: warning: listening on {host}, reachable from other machines; the "
            f"server has no authentication",
            markup=False, highlight=False,
        )  # fmt: skip
    err.print(
        f"tacitus: serving {db} (read-only) at http://{host}:{port}/", markup=False,
        highlight=False,
    )  # fmt: skip
    uvicorn.run(app, host=host, port=port, log_level="info")
