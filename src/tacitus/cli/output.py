"""Printing events: JSON Lines for machines, a table for people."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from rich.console import Console
from rich.table import Table

from tacitus.types import Event

__all__ = ["event_json", "print_table", "write_jsonl"]


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


def _codes(actors: Iterable[object]) -> str:
    return "+".join(getattr(a, "code", "") or "?" for a in actors) or "-"


def print_table(events: list[Event], console: Console, *, title: str = "") -> None:
    """A readable table: one row per event with its date, code, dyad and evidence."""
    table = Table(title=title or None, show_lines=False, expand=False)
    table.add_column("doc")
    table.add_column("date")
    table.add_column("cameo")
    table.add_column("event")
    table.add_column("actor")
    table.add_column("recipient")
    table.add_column("modality")
    table.add_column("trigger")
    table.add_column("evidence", overflow="fold", max_width=60)
    for event in events:
        snippet = event.text.replace("\n", " ")
        if len(snippet) > 120:
            snippet = snippet[:117] + "..."
        table.add_row(
            event.doc_id,
            event.date or "-",
            event.cameo,
            f"{event.event}/{event.mode}" if event.mode else event.event,
            _codes(event.actor),
            _codes(event.recipient),
            event.modality,
            event.event_text,
            snippet,
        )
    console.print(table)
