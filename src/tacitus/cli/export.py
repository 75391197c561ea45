"""`tacitus export`: write a store's events as Parquet, CSV, JSON Lines, PLOVER or GDELT."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from tacitus.cli.query import DbOption, fail, open_for_reading
from tacitus.store import DEFAULT_DB
from tacitus.store.export import (
    export_parquet,
    write_csv,
    write_gdelt,
    write_jsonl,
    write_plover,
)

__all__ = ["export"]


class Format(StrEnum):
    """Formats of `tacitus export`."""

    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"
    plover = "plover"
    gdelt = "gdelt"


def export(
    out: Annotated[str, typer.Argument(help="Output file, or - for stdout (not parquet).")],
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[Format, typer.Option("--format", help="parquet, csv, jsonl, plover, gdelt.")]
    = Format.jsonl,
    header: Annotated[
        bool, typer.Option("--header", help="gdelt: write the column names first.")
    ] = False,
) -> None:
    """Export every stored event, sorted by day, article and position (same store, same bytes).

    jsonl: event records plus story_id. csv: one flat row per event. parquet: the events table
    with nested actors and evidence plus article metadata. plover: PLOVER JSON records (link =
    story id). gdelt: the GDELT 2.0 events table, one row per story, 61 tab-separated columns,
    empty where tacitus does not know a value (see docs/store.md).

    Example: tacitus export --db tacitus.duckdb --format gdelt events.gdelt.tsv
    """
    err = Console(stderr=True)
    if out == "-" and fmt is Format.parquet:
        fail("parquet is binary; give a file name instead of -")
    target = Path(out)
    if out != "-" and target.is_dir():
        fail(f"{out} is a folder; give a file name")
    if out != "-" and not target.parent.exists():
        fail(f"folder {target.parent} does not exist")
    skipped = 0
    with open_for_reading(db) as store:
        if fmt is Format.parquet:
            partial = target.with_name(target.name + ".partial")
            count = export_parquet(store, partial)
            os.replace(partial, target)
        else:
            partial = target.with_name(target.name + ".partial")
            stream = sys.stdout if out == "-" else open(partial, "w", encoding="utf-8", newline="")  # noqa: SIM115
            try:
                if fmt is Format.jsonl:
                    count = write_jsonl(store, stream)
                elif fmt is Format.csv:
                    count = write_csv(store, stream)
                elif fmt is Format.plover:
                    count, skipped = write_plover(store, stream)
                else:
                    count = write_gdelt(store, stream, header=header)
            finally:
                if stream is not sys.stdout:
                    stream.close()
            if out != "-":
                os.replace(partial, target)
    unit = "stories" if fmt is Format.gdelt else "events"
    note = f" ({skipped} without a PLOVER category left out)" if skipped else ""
    err.print(
        f"tacitus export: {count} {unit} written to {out}{note}",
        markup=False, highlight=False, soft_wrap=True,
    )  # fmt: skip
