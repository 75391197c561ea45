"""Server-side chart geometry: the dyad's weekly quad bars with a Goldstein line, and an
equirectangular world map. Numbers only; the templates draw them as inline SVG."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

__all__ = [
    "QUAD_NAMES",
    "Bar",
    "DyadChart",
    "MapPoint",
    "WeekBin",
    "WorldMap",
    "dyad_chart",
    "weekly_bins",
    "world_map",
]

QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
MAX_BINS = 260
"""More weeks than this are drawn in bins of several weeks."""


@dataclass(slots=True)
class WeekBin:
    """Events of a dyad in one bin of weeks: count per quad class, mean Goldstein."""

    start: date
    days: int
    quads: dict[int, int] = field(default_factory=lambda: {1: 0, 2: 0, 3: 0, 4: 0})
    goldstein_sum: float = 0.0

    @property
    def total(self) -> int:
        """All events in the bin."""
        return sum(self.quads.values())

    @property
    def goldstein(self) -> float | None:
        """Mean Goldstein score of the bin's events (None when it has none)."""
        return self.goldstein_sum / self.total if self.total else None


def weekly_bins(rows: Iterable[tuple[date, int, float]]) -> list[WeekBin]:
    """(day, quad, goldstein) rows binned by ISO week (Monday first), gaps filled."""
    items = [(d, q, g) for d, q, g in rows if q in QUAD_NAMES]
    if not items:
        return []
    first = min(d for d, _, _ in items)
    last = max(d for d, _, _ in items)
    first -= timedelta(days=first.weekday())
    weeks = (last - first).days // 7 + 1
    width = 7 * math.ceil(weeks / MAX_BINS)
    count = (last - first).days // width + 1
    bins = [WeekBin(first + timedelta(days=i * width), width) for i in range(count)]
    for day, quad, goldstein in items:
        slot = bins[(day - first).days // width]
        slot.quads[quad] += 1
        slot.goldstein_sum += goldstein
    return bins


@dataclass(frozen=True, slots=True)
class Bar:
    """One stacked piece of a week's bar."""

    x: float
    y: float
    width: float
    height: float
    quad: int
    title: str


@dataclass(frozen=True, slots=True)
class DyadChart:
    """Everything the dyad template draws, in SVG user units."""

    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    bars: tuple[Bar, ...]
    line: str
    dots: tuple[tuple[float, float, str], ...]
    count_ticks: tuple[tuple[float, int], ...]
    goldstein_ticks: tuple[tuple[float, int], ...]
    date_ticks: tuple[tuple[float, str], ...]
    zero_y: float


def _nice_max(value: int) -> int:
    """The smallest 4 x (1, 2 or 5 x 10^k) at or above `value`: four even ticks."""
    magnitude = 1
    while True:
        for step in (magnitude, 2 * magnitude, 5 * magnitude):
            if 4 * step >= value:
                return 4 * step
        magnitude *= 10


def dyad_chart(bins: Sequence[WeekBin], *, width: int = 820, height: int = 320) -> DyadChart:
    """Stacked bars of events per bin by quad class (left axis) and the bins' mean Goldstein
    score as a line on a fixed -10..10 scale (right axis)."""
    left, right, top, bottom = 48, 48, 16, 36
    plot_w = width - left - right
    plot_h = height - top - bottom
    peak = _nice_max(max((b.total for b in bins), default=0) or 1)
    slot = plot_w / max(len(bins), 1)
    bar_w = max(slot * 0.8, 0.5)
    bars: list[Bar] = []
    points: list[tuple[float, float, str]] = []
    for i, item in enumerate(bins):
        x = left + i * slot + (slot - bar_w) / 2
        base = float(top + plot_h)
        for quad in (1, 2, 3, 4):
            n = item.quads[quad]
            if not n:
                continue
            h = plot_h * n / peak
            base -= h
            label = f"{item.start.isoformat()}: {n} {QUAD_NAMES[quad]}"
            bars.append(Bar(round(x, 2), round(base, 2), round(bar_w, 2), round(h, 2), quad, label))
        score = item.goldstein
        if score is not None:
            y = top + plot_h * (10 - score) / 20
            label = f"{item.start.isoformat()}: mean Goldstein {score:+.1f}"
            points.append((round(left + (i + 0.5) * slot, 2), round(y, 2), label))
    line = " ".join(f"{x},{y}" for x, y, _ in points)
    count_ticks = tuple(
        (round(top + plot_h * (1 - k / 4), 2), peak * k // 4) for k in range(5)
    )
    goldstein_ticks = tuple(
        (round(top + plot_h * (10 - g) / 20, 2), g) for g in (10, 5, 0, -5, -10)
    )
    step = max(1, math.ceil(len(bins) / 8))
    date_ticks = tuple(
        (round(left + (i + 0.5) * slot, 2), bins[i].start.isoformat())
        for i in range(0, len(bins), step)
    )
    return DyadChart(
        width, height, left, right, top, bottom, tuple(bars), line, tuple(points),
        count_ticks, goldstein_ticks, date_ticks, round(top + plot_h / 2, 2),
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class MapPoint:
    """Events at one place, projected."""

    x: float
    y: float
    r: float
    name: str
    country: str
    count: int
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class WorldMap:
    """An equirectangular world: graticule lines (as SVG path data) and points."""

    width: int
    height: int
    graticule: str
    axes: str
    points: tuple[MapPoint, ...]
    labels: tuple[tuple[float, float, str], ...]


def _project(lat: float, lon: float, width: int, height: int) -> tuple[float, float]:
    return round((lon + 180) / 360 * width, 2), round((90 - lat) / 180 * height, 2)


def world_map(
    places: Iterable[tuple[float, float, str, str]], *, width: int = 720, height: int = 360
) -> WorldMap:
    """Points for (lat, lon, name, country) rows, one per place, sized by its events."""
    lines: list[str] = []
    for meridian in range(-150, 180, 30):
        x, _ = _project(0, meridian, width, height)
        if meridian:
            lines.append(f"M{x},0V{height}")
    for parallel in range(-60, 90, 30):
        _, y = _project(parallel, 0, width, height)
        if parallel:
            lines.append(f"M0,{y}H{width}")
    x0, y0 = _project(0, 0, width, height)
    axes = f"M{x0},0V{height}M0,{y0}H{width}"
    labels: list[tuple[float, float, str]] = []
    for meridian in range(-120, 180, 60):
        x, _ = _project(0, meridian, width, height)
        side = "E" if meridian > 0 else "W" if meridian else ""
        labels.append((x + 2, height - 4, f"{abs(meridian)}°{side}"))
    for parallel in (-60, -30, 30, 60):
        _, y = _project(parallel, 0, width, height)
        labels.append((2, y - 2, f"{abs(parallel)}°{'N' if parallel > 0 else 'S'}"))
    grouped: dict[tuple[float, float, str, str], int] = {}
    for lat, lon, name, country in places:
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            continue
        key = (round(lat, 3), round(lon, 3), name, country)
        grouped[key] = grouped.get(key, 0) + 1
    points = []
    for (lat, lon, name, country), count in sorted(grouped.items(), key=lambda kv: -kv[1]):
        x, y = _project(lat, lon, width, height)
        points.append(
            MapPoint(x, y, round(2.5 + 2 * math.sqrt(count), 2), name, country, count, lat, lon)
        )
    return WorldMap(width, height, " ".join(lines), axes, tuple(points), tuple(labels))
