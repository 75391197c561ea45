"""`tacitus stats`: events per day, week or month by quad class, with a chart."""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from tacitus.cli.query import DbOption, fail, open_for_reading
from tacitus.errors import TacitusError
from tacitus.store import DEFAULT_DB
from tacitus.store.stats import QUAD_LABELS, PeriodStats, parse_dyad, plot_stats
from tacitus.store.stats import stats as count

__all__ = ["stats"]


class Period(StrEnum):
    """Periods of `tacitus stats`."""

    day = "day"
    week = "week"
    month = "month"


class Unit(StrEnum):
    """What `tacitus stats` counts."""

    story = "story"
    event = "event"


class Format(StrEnum):
    """Output formats of `tacitus stats`."""

    table = "table"
    csv = "csv"
    jsonl = "jsonl"


_SHORT = {1: "1 v-coop", 2: "2 m-coop", 3: "3 v-conf", 4: "4 m-conf"}


def _print_table(rows: list[PeriodStats], console: Console, title: str) -> None:
    table = Table(title=title, show_edge=True)
    table.add_column("period", no_wrap=True)
    for quad in (1, 2, 3, 4):
        table.add_column(_SHORT[quad], justify="right")
    table.add_column("total", justify="right")
    table.add_column("Goldstein sum", justify="right")
    for row in rows:
        table.add_row(
            row.period.isoformat(), *(str(n) for n in row.quad), str(row.total),
            f"{row.goldstein:.1f}",
        )  # fmt: skip
    console.print(table)
    console.print(
        "quad classes: " + "; ".join(f"{q} {QUAD_LABELS[q]}" for q in (1, 2, 3, 4)),
        markup=False, highlight=False,
    )  # fmt: skip


def stats(
    db: DbOption = DEFAULT_DB,
    dyad: Annotated[
        str, typer.Option("--dyad", help="Actor,recipient codes (or their starts): USA,RUS.")
    ] = "",
    by: Annotated[Period, typer.Option("--by", help="day, week or month.")] = Period.month,
    unit: Annotated[
        Unit, typer.Option("--unit", help="story: each real-world event once; event: all.")
    ] = Unit.story,
    plot: Annotated[str, typer.Option("--plot", help="Also draw a PNG chart here.")] = "",
    fmt: Annotated[Format, typer.Option("--format", help="table, csv or jsonl.")] = Format.table,
) -> None:
    """Count events per period by quad class (1 verbal cooperation, 2 material cooperation,
    3 verbal conflict, 4 material conflict) with the sum of their Goldstein values.

    Periods run from the first to the last with events, empty ones included; a week starts on
    Monday. By default each story (real-world event) counts once; --unit event counts every
    coded event. Events with no day are left out and counted on stderr.

    Example: tacitus stats --db tacitus.duckdb --dyad USA,RUS --by week --plot usa-rus.png
    """
    err = Console(stderr=True)
    try:
        pair = parse_dyad(dyad) if dyad else None
    except TacitusError as exc:
        fail(str(exc))
    if plot:
        target = Path(plot)
        if target.suffix.lower() != ".png":
            fail(f"--plot {plot}: the chart is a PNG; give a file name ending in .png")
        if not target.parent.exists():
            fail(f"--plot {plot}: folder {target.parent} does not exist")
    with open_for_reading(db) as store:
        rows, undated = count(store, by=by.value, dyad=pair, unit=unit.value)
    what = "real-world events (stories)" if unit is Unit.story else "events"
    scope = f" {pair[0]} -> {pair[1]}" if pair else ""
    title = f"{what.capitalize()}{scope} per {by.value}"
    if fmt is Format.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row.to_dict()) + "\n")
    elif fmt is Format.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["period", "quad1", "quad2", "quad3", "quad4", "total", "goldstein"])
        for row in rows:
            record = row.to_dict()
            writer.writerow([record[k] for k in record])
    else:
        _print_table(rows, Console(), title)
    sys.stdout.flush()
    if undated:
        err.print(
            f"tacitus stats: {undated} {what} without a day left out", markup=False, soft_wrap=True
        )
    if plot:
        if not rows:
            fail("nothing to plot: no dated events match", 1)
        plot_stats(rows, plot, by=by.value, title=f"tacitus: {title}")
        err.print(
            f"tacitus stats: chart written to {plot}", markup=False, highlight=False, soft_wrap=True
        )
