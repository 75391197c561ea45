"""Counts over time: events per day, week or month by quad class, with the Goldstein sum,
and a chart of them."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from tacitus.store.db import Store
from tacitus.store.errors import QueryError

__all__ = ["PERIODS", "QUAD_LABELS", "UNITS", "PeriodStats", "parse_dyad", "plot_stats", "stats"]

PERIODS = ("day", "week", "month")
UNITS = ("story", "event")
QUAD_LABELS = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
# Whitelisted SQL for each period: never built from user text.
_PERIOD_SQL = {
    "day": "u.day",
    "week": "CAST(date_trunc('week', u.day) AS DATE)",
    "month": "CAST(date_trunc('month', u.day) AS DATE)",
}
_UNIT_SQL = {
    "story": "SELECT event_id AS id, day, quad_code, goldstein FROM stories",
    "event": "SELECT id, day, quad_code, goldstein FROM events",
}
_SIDE = re.compile(r"^[A-Z0-9]{1,12}$")


@dataclass(frozen=True, slots=True)
class PeriodStats:
    """One period: how many events of each quad class (1-4) and their Goldstein sum."""

    period: date
    quad: tuple[int, int, int, int]
    goldstein: float

    @property
    def total(self) -> int:
        """Events in the period."""
        return sum(self.quad)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready record."""
        return {
            "period": self.period.isoformat(),
            "quad1": self.quad[0],
            "quad2": self.quad[1],
            "quad3": self.quad[2],
            "quad4": self.quad[3],
            "total": self.total,
            "goldstein": round(self.goldstein, 6),
        }


def parse_dyad(value: str) -> tuple[str, str]:
    """"USA,RUS" -> ("USA", "RUS"): actor and recipient codes (or their starts)."""
    parts = [p.strip().upper() for p in value.split(",")]
    if len(parts) != 2 or not all(_SIDE.match(p) for p in parts):
        raise QueryError(f"--dyad {value!r} is not two actor codes; write it as USA,RUS")
    return parts[0], parts[1]


def _next(period: date, by: str) -> date:
    if by == "day":
        return period + timedelta(days=1)
    if by == "week":
        return period + timedelta(days=7)
    return date(period.year + period.month // 12, period.month % 12 + 1, 1)


def stats(
    store: Store, *, by: str = "month", dyad: tuple[str, str] | None = None, unit: str = "story"
) -> tuple[list[PeriodStats], int]:
    """Events per period (every period from the first to the last, empty ones included),
    by quad class with the Goldstein sum; and how many events were left out for having no day.

    `unit` "story" counts each real-world event once (its representative record), "event"
    counts every coded event. `dyad` keeps events from the first side to the second.
    """
    if by not in _PERIOD_SQL:
        raise QueryError(f"--by {by!r} is not a period; use day, week or month")
    if unit not in _UNIT_SQL:
        raise QueryError(f"--unit {unit!r} is not a unit; use story or event")
    conditions: list[str] = []
    params: list[Any] = []
    if dyad is not None:
        for role, code in zip(("actor", "recipient"), dyad, strict=True):
            conditions.append(
                "EXISTS (SELECT 1 FROM actors AS x WHERE x.event_id = u.id AND x.role = ? "
                "AND (starts_with(x.code, ?) OR x.country = ?))"
            )
            params.extend([role, code, code])
    where = " AND ".join(conditions) if conditions else "TRUE"
    units = f"WITH u AS ({_UNIT_SQL[unit]}) "
    rows = store.con.execute(
        f"{units}SELECT {_PERIOD_SQL[by]} AS period, u.quad_code, count(*), sum(u.goldstein) "
        f"FROM u WHERE u.day IS NOT NULL AND {where} GROUP BY ALL ORDER BY 1, 2",
        params,
    ).fetchall()
    undated_row = store.con.execute(
        f"{units}SELECT count(*) FROM u WHERE u.day IS NULL AND {where}", params
    ).fetchone()
    undated = int(undated_row[0]) if undated_row else 0
    table: dict[date, tuple[list[int], float]] = {}
    for period, quad, count, goldstein in rows:
        counts, total = table.setdefault(period, ([0, 0, 0, 0], 0.0))
        counts[int(quad) - 1] += int(count)
        table[period] = (counts, total + float(goldstein))
    out: list[PeriodStats] = []
    if table:
        period, last = min(table), max(table)
        while period <= last:
            counts, total = table.get(period, ([0, 0, 0, 0], 0.0))
            out.append(PeriodStats(period, (counts[0], counts[1], counts[2], counts[3]), total))
            period = _next(period, by)
    return out, undated


_COLOURS = {1: "#4c9a2a", 2: "#a4d17a", 3: "#f4a259", 4: "#c0392b"}


def _label(period: date, by: str) -> str:
    return period.strftime("%Y-%m") if by == "month" else period.isoformat()


def plot_stats(
    rows: list[PeriodStats], path: str | os.PathLike[str], *, by: str, title: str
) -> None:
    """Draw a PNG chart: stacked bars of events by quad class per period above, the Goldstein
    sum per period below (green above zero, red below); Agg backend, no display needed."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(10, 6.5), dpi=100)
    FigureCanvasAgg(figure)
    counts_axes, goldstein_axes = figure.subplots(
        2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 1.4]}
    )
    positions = list(range(len(rows)))
    bottom = [0] * len(rows)
    for quad in (1, 2, 3, 4):
        heights = [r.quad[quad - 1] for r in rows]
        counts_axes.bar(
            positions, heights, width=0.8, bottom=bottom, color=_COLOURS[quad],
            label=f"{quad} {QUAD_LABELS[quad]}",
        )  # fmt: skip
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    counts_axes.set_title(title)
    counts_axes.set_ylabel("events")
    counts_axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    counts_axes.grid(axis="y", alpha=0.3)
    counts_axes.legend(title="quad class", loc="upper left", bbox_to_anchor=(1.01, 1.0),
                       fontsize="small")  # fmt: skip
    sums = [r.goldstein for r in rows]
    goldstein_axes.bar(
        positions, sums, width=0.8, color=["#4c9a2a" if v >= 0 else "#c0392b" for v in sums],
    )  # fmt: skip
    goldstein_axes.axhline(0, color="black", linewidth=0.6)
    goldstein_axes.set_ylabel("Goldstein sum")
    goldstein_axes.grid(axis="y", alpha=0.3)
    step = max(1, -(-len(rows) // 15))  # at most ~15 labels
    ticks = positions[::step]
    goldstein_axes.set_xticks(ticks)
    goldstein_axes.set_xticklabels(
        [_label(rows[i].period, by) for i in ticks], rotation=45, ha="right", fontsize="small"
    )
    goldstein_axes.set_xlim(-0.6, len(rows) - 0.4)
    goldstein_axes.set_xlabel(
        {"day": "day", "week": "week (starting Monday)", "month": "month"}[by]
    )
    figure.tight_layout()
    figure.savefig(os.fspath(path), format="png", metadata={"Software": None})
