"""`tacitus stories`: the real-world events of a store, each with its reports."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from tacitus.cli.query import DbOption, open_for_reading
from tacitus.store import DEFAULT_DB, StorySummary

__all__ = ["stories"]


class Format(StrEnum):
    """Output formats of `tacitus stories`."""

    table = "table"
    jsonl = "jsonl"


def _print_table(rows: list[StorySummary], console: Console) -> None:
    table = Table(title=f"{len(rows)} stories", show_edge=True)
    for name in ("#", "story", "date", "cameo", "actor", "recipient", "events", "articles"):
        table.add_column(
            name,
            justify="right" if name in ("#", "events", "articles") else "left",
            no_wrap=name not in ("actor", "recipient"),
        )
    for number, story in enumerate(rows, start=1):
        table.add_row(
            str(number),
            story.story_id[:8],
            story.day or "-",
            story.cameo,
            "+".join(story.actor) or "-",
            "+".join(story.recipient) or "-",
            str(story.n_events),
            str(story.n_articles),
        )
    console.print(table)
    for number, story in enumerate(rows, start=1):
        first = story.first_source or story.first_doc_id
        if story.first_published:
            first += f", {story.first_published}"
        outlets = ", ".join(story.outlets) or "-"
        snippet = " ".join(story.text.split())
        console.print(
            f"{number:>3}. {story.event}: first report {first} ({story.first_doc_id}); "
            f"outlets: {outlets}\n     {snippet}",
            markup=False, highlight=False,
        )  # fmt: skip


def stories(
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[Format, typer.Option("--format", help="table or jsonl.")] = Format.table,
    min_articles: Annotated[
        int, typer.Option("--min-articles", min=1, help="Only stories reported by N+ articles.")
    ] = 1,
    limit: Annotated[int | None, typer.Option("--limit", min=0, help="At most N stories.")] = None,
) -> None:
    """List the stories of a store: each real-world event once, with its events count, the
    outlets that reported it and its first report (earliest published article).

    Events from different articles share a story when they have the same dyad and CAMEO root,
    dates within a day of each other and similar evidence (see docs/store.md).

    Example: tacitus stories --db tacitus.duckdb --min-articles 2 --format jsonl
    """
    with open_for_reading(db) as store:
        rows = store.stories(limit=limit, min_articles=min_articles)
    if fmt is Format.jsonl:
        for story in rows:
            sys.stdout.write(
                json.dumps(story.to_dict(), ensure_ascii=False, separators=(", ", ": ")) + "\n"
            )
        sys.stdout.flush()
    else:
        _print_table(rows, Console())
