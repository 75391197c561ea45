"""`tacitus query`: list stored events matching filters, as a table, JSON Lines or CSV.

Also the helpers the store commands share: the --db option and opening a store for reading.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.table import Table

from tacitus.errors import TacitusError
from tacitus.store import DEFAULT_DB, EventFilter, Store, StoredEvent, open_store
from tacitus.store.export import write_csv, write_jsonl

__all__ = ["DbOption", "fail", "open_for_reading", "query"]

DbOption = Annotated[
    str, typer.Option("--db", help="The DuckDB store file.", show_default=True)
]


def fail(message: str, code: int = 2) -> NoReturn:
    """Print `tacitus: message` on stderr and exit with `code`."""
    Console(stderr=True).print(
        f"tacitus: {message}", markup=False, highlight=False, soft_wrap=True
    )
    raise typer.Exit(code)


def open_for_reading(db: str) -> Store:
    """Open a store read-only, or exit 2 with the reason (missing, locked, not a store)."""
    try:
        return open_store(db, read_only=True)
    except TacitusError as exc:
        fail(str(exc))


class Format(StrEnum):
    """Output formats of `tacitus query`."""

    table = "table"
    jsonl = "jsonl"
    csv = "csv"


def _codes(actors: tuple[object, ...]) -> str:
    return "+".join(getattr(a, "code", "") or "?" for a in actors) or "-"


def _print_table(rows: list[StoredEvent], console: Console) -> None:
    table = Table(title=f"{len(rows)} events", show_edge=True)
    for name in ("#", "date", "story", "doc", "cameo", "event", "actor", "recipient", "trigger"):
        table.add_column(
            name,
            no_wrap=name in ("#", "date", "story", "cameo"),
            justify="right" if name == "#" else "left",
        )
    for number, stored in enumerate(rows, start=1):
        event = stored.event
        table.add_row(
            str(number),
            event.date or "-",
            stored.story_id[:8],
            event.doc_id,
            event.cameo,
            event.event,
            _codes(event.actor),
            _codes(event.recipient),
            event.event_text,
        )
    console.print(table)
    for number, stored in enumerate(rows, start=1):
        snippet = " ".join(stored.event.text.split())
        console.print(f"{number:>3}. {snippet}", markup=False, highlight=False)


def query(
    db: DbOption = DEFAULT_DB,
    actor: Annotated[
        str, typer.Option("--actor", help="Actor code or its start (USA, USAGOV, IGOUNO).")
    ] = "",
    recipient: Annotated[
        str, typer.Option("--recipient", help="Recipient code or its start.")
    ] = "",
    cameo: Annotated[str, typer.Option("--cameo", help="CAMEO code prefix (17, 174).")] = "",
    quad: Annotated[
        int | None, typer.Option("--quad", min=1, max=4, help="Quad class 1-4.")
    ] = None,
    since: Annotated[str, typer.Option("--since", help="First day, YYYY-MM-DD.")] = "",
    until: Annotated[str, typer.Option("--until", help="Last day, YYYY-MM-DD.")] = "",
    place: Annotated[str, typer.Option("--place", help="Text in the event's location.")] = "",
    text: Annotated[str, typer.Option("--text", help="Text in the evidence sentence.")] = "",
    story: Annotated[str, typer.Option("--story", help="Events of one story id.")] = "",
    doc: Annotated[str, typer.Option("--doc", help="Events of one article id.")] = "",
    limit: Annotated[int | None, typer.Option("--limit", min=0, help="At most N events.")] = None,
    fmt: Annotated[Format, typer.Option("--format", help="table, jsonl or csv.")] = Format.table,
) -> None:
    """List stored events that match every filter given, by day, article and position.

    jsonl rows are the event records of `tacitus code` plus `story_id`; csv has one flat row
    per event (codes of compound actors joined with +). Filters are case-insensitive.

    Example: tacitus query --actor USA --recipient RUS --cameo 17 --since 2016-12-01 --format jsonl
    """
    try:
        flt = EventFilter(
            actor=actor, recipient=recipient, cameo=cameo, quad=quad, since=since, until=until,
            place=place, text=text, story=story, doc=doc, limit=limit,
        )  # fmt: skip
    except TacitusError as exc:
        fail(str(exc))
    with open_for_reading(db) as store:
        if fmt is Format.jsonl:
            write_jsonl(store, sys.stdout, flt)
        elif fmt is Format.csv:
            write_csv(store, sys.stdout, flt)
        else:
            _print_table(list(store.events(flt)), Console())
    sys.stdout.flush()
