"""`tacitus code`: code articles from files, folders or stdin and print their events."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console

from tacitus.errors import TacitusError
from tacitus.ingest import Rejection, iter_articles, parse_date
from tacitus.settings import load_settings
from tacitus.types import Article, Event

FastOption = Annotated[
    bool,
    typer.Option(
        "--fast",
        help="No statistical NER: names and dates from the dictionaries (about 1.6x faster; "
        "see docs/scale.md for the accuracy).",
    ),
]

ConfigOption = Annotated[
    str,
    typer.Option("--config", help="Settings file (TOML); default: $TACITUS_CONFIG."),
]

__all__ = ["ConfigOption", "FastOption", "code"]


class Format(StrEnum):
    """Output formats of `tacitus code`."""

    jsonl = "jsonl"
    table = "table"


def code(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or - (stdin).")],
    date: Annotated[
        str, typer.Option("--date", help="Publication date YYYY-MM-DD when the input has none.")
    ] = "",
    fmt: Annotated[Format, typer.Option("--format", help="jsonl or table.")] = Format.jsonl,
    all_events: Annotated[
        bool, typer.Option("--all", help="Also print negated, hypothetical, future, alleged.")
    ] = False,
    patterns: Annotated[
        list[str] | None, typer.Option("--patterns", help="Extra event pattern file (JSONL).")
    ] = None,
    actors: Annotated[
        list[str] | None, typer.Option("--actors", help="Extra actor dictionary file.")
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Stop at the first bad input.")] = False,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Parsing processes (same events as one).")
    ] = 1,
    fast: FastOption = False,
    config: ConfigOption = "",
) -> None:
    """Code news articles into CAMEO/PLOVER events.

    Inputs: .txt (optional `key: value` header, then a blank line), .html, RSS/Atom feeds,
    WARC files, .jsonl and .csv (one article per row: id, text or html, title, url, published,
    source), http(s) URLs, folders (recursively) and - for stdin.
    Bad inputs are reported on stderr and the others still coded; the exit status is then 1.

    Example: tacitus code story.txt --date 2017-01-01 --format table
    """
    err = Console(stderr=True, soft_wrap=True)
    try:
        settings = load_settings(config or None)
    except TacitusError as exc:
        err.print(f"tacitus: {exc}", markup=False)
        raise typer.Exit(2) from exc
    if date:
        try:
            date = parse_date(date)
        except TacitusError as exc:
            err.print(f"tacitus: {exc}", markup=False)
            raise typer.Exit(2) from exc
    from tacitus.cli.output import event_json, print_table
    from tacitus.pipeline import Coder

    try:
        coder = Coder(
            include_all=all_events,
            fast=fast,
            patterns=patterns or (),
            actors=(*settings.lexicon.actors, *(actors or ())),
        )
    except TacitusError as exc:
        err.print(f"tacitus: {exc}", markup=False)
        raise typer.Exit(2) from exc
    rejected = 0
    table_events: list[Event] = []

    def accepted() -> Iterator[Article]:
        nonlocal rejected
        for item in iter_articles(paths, default_date=date, settings=settings):
            if isinstance(item, Rejection):
                rejected += 1
                err.print(f"tacitus: {item.origin}: {item.reason}", markup=False)
                if strict:
                    raise typer.Exit(1)
                continue
            yield item

    def coding_failed(article: Article, error: Exception) -> None:
        nonlocal rejected
        rejected += 1
        err.print(f"tacitus: {article.origin or article.id}: coding failed: {error}", markup=False)
        if strict:
            raise typer.Exit(1)

    coded = coder.code_articles(
        accepted(), batch_size=16, workers=workers, on_error=coding_failed
    )
    for _article, events in coded:
        if fmt is Format.jsonl:
            for event in events:
                sys.stdout.write(event_json(event) + "\n")
            sys.stdout.flush()
        else:
            table_events.extend(events)
    if fmt is Format.table:
        print_table(
            table_events,
            Console(),
            title=f"{len(table_events)} event{'' if len(table_events) == 1 else 's'}",
        )
    if rejected:
        raise typer.Exit(1)
