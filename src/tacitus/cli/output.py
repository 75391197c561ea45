"""Printing events: JSON Lines for machines, a table for people."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from rich.console import Console
from rich.table import Table

from tacitus.types import Actor, Event

__all__ = ["event_json", "print_table", "write_jsonl"]

_TABLE_WIDTH = 118


def event_json(event: Event) -> str:
    """One event as a JSON line (stable key order, UTF-8 kept)."""
    return json.dumps(event.to_dict(), ensure_ascii=False, separators=(", ", ": "))


def write_jsonl(events: Iterable[Event], stream: TextIO) -> int:
    """Write events as JSON Lines; return how many were written."""
    count = 0
    for event in events:
        stream.write(event_json(event) + "\n")
        count += 1
    stream.flush()
    return count


def _codes(actors: Iterable[Actor]) -> str:
    return "+".join(a.code or "?" for a in actors) or "-"


def print_table(
    events: list[Event], console: Console, *, title: str = "", evidence: bool = True
) -> None:
    """A readable table, one row per event, then the evidence sentence of each row."""
    table = Table(title=title or None, expand=False, show_edge=True)
    table.add_column("#", justify="right", no_wrap=True)
    if len({e.doc_id for e in events}) > 1:
        table.add_column("doc", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("cameo", no_wrap=True)
    table.add_column("event", no_wrap=True)
    table.add_column("actor", no_wrap=True)
    table.add_column("recipient", no_wrap=True)
    table.add_column("modality", no_wrap=True)
    table.add_column("trigger", no_wrap=True)
    many = len({e.doc_id for e in events}) > 1
    for number, event in enumerate(events, start=1):
        row = [str(number)]
        if many:
            row.append(event.doc_id)
        row += [
            event.date or "-",
            event.cameo,
            f"{event.event}/{event.mode}" if event.mode else event.event,
            _codes(event.actor),
            _codes(event.recipient),
            event.modality,
            event.event_text,
        ]
        table.add_row(*row)
    # Codes must never be cut: a narrow or piped console still gets the whole table.
    if console.width < _TABLE_WIDTH:
        console = Console(
            file=console.file,
            width=_TABLE_WIDTH,
            force_terminal=console.is_terminal,
            no_color=console.no_color,
        )
    console.print(table)
    if evidence:
        for number, event in enumerate(events, start=1):
            snippet = " ".join(event.text.split())
            console.print(f"{number:>3}. {snippet}", markup=False, highlight=False)
