"""One event per real-world event: merging repeated mentions within an article."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tacitus.dedupe.stories import period_bounds

if TYPE_CHECKING:
    from tacitus.pipeline import CodedMention
    from tacitus.types import Actor

__all__ = ["merge_mentions"]

_MODALITY_ORDER = ("asserted", "alleged", "future", "hypothetical", "negated")


def _countries(actors: Sequence[Actor]) -> frozenset[str]:
    return frozenset(a.country or a.code for a in actors)


def _compatible(a: CodedMention, b: CodedMention, published: str = "") -> bool:
    if a.modality != b.modality:
        return False
    dated = a.date or b.date
    if published and dated and not (a.date and b.date) and _long_before(dated, published):
        # "troops retaliated" (no date) is today's news, not the operation of a year ago
        return False
    same_code = a.code[:3] == b.code[:3] or (
        a.code[:2] == b.code[:2] and (len(a.code) == 2 or len(b.code) == 2)
    )
    if not same_code:
        return False
    if _countries(a.actors) != _countries(b.actors):
        return False
    # A recipient without a country ("the envoy") is compatible with any named one.
    a_known = _countries([r for r in a.recipients if r.country or r.code.startswith("IGO")])
    b_known = _countries([r for r in b.recipients if r.country or r.code.startswith("IGO")])
    if a_known and b_known and a_known != b_known:
        return False
    # Same country, different kinds of target ("protesters" then "journalists"): two acts.
    a_full = {r.code for r in a.recipients if r.country and r.sector}
    b_full = {r.code for r in b.recipients if r.country and r.sector}
    if a_full and b_full and not a_full & b_full:
        return False
    # Dates agree when one contains the other: "2023-07" and "2023-07-29" may be one event,
    # protests "since last year" (2022) and a rally on 2023-07-29 are two.
    return not (a.date and b.date) or _within(*sorted((a.date, b.date), key=len))


def _within(period: str, date: str) -> bool:
    """True if `date` (ISO day, month or week) may fall in `period` (year, month or week)."""
    if "W" in period:
        if "W" in date or len(date) < 10:
            return period == date or period[:4] == date[:4]
        year, week, _ = dt.date.fromisoformat(date).isocalendar()
        return period == f"{year}-W{week:02d}"
    if "W" in date:
        return period[:4] == date[:4]
    return date.startswith(period)


def _long_before(period: str, published: str) -> bool:
    """True if all of `period` (ISO year, month, week or day) lies more than a month before
    the publication day."""
    event = period_bounds(period)
    day = period_bounds(published[:10])
    return event is not None and day is not None and (day[0] - event[1]).days > _RECENT_DAYS


# How long before publication an event is still the story's own news.
_RECENT_DAYS = 31


def _better(a: CodedMention, b: CodedMention) -> bool:
    """True if `a` is the better primary mention (more specific code, fuller, surer)."""

    def rank(m: CodedMention) -> tuple[int, bool, bool, bool, float]:
        return (
            len(m.code),
            any(r.country for r in m.recipients),
            bool(m.recipients),
            m.date_precision == "day",
            m.confidence,
        )

    return rank(a) > rank(b)


def merge_mentions(items: list[CodedMention], published: str = "") -> list[CodedMention]:
    """Merge mentions of the same real-world event; the merged event lists all its evidence.
    An undated mention does not join one dated more than a month before `published`."""
    merged: list[CodedMention] = []
    for item in items:
        target = next((m for m in merged if _compatible(m, item, published)), None)
        if target is None:
            merged.append(item)
            continue
        primary, other = (item, target) if _better(item, target) else (target, item)
        if not any(r.country for r in primary.recipients) and any(
            r.country for r in other.recipients
        ):
            primary.recipients = other.recipients
        if (
            primary.date_precision != "day"
            and other.date_precision == "day"
            or not primary.date
            and other.date
        ):
            primary.date, primary.date_precision = other.date, other.date_precision
        if not primary.claim:
            primary.claim = other.claim
        if primary.attribution is None:
            primary.attribution = other.attribution
        evidence = [target.evidence, *target.extra_evidence, item.evidence, *item.extra_evidence]
        seen: set[tuple[int, int, str]] = set()
        ordered = []
        for ev in sorted(evidence, key=lambda e: (e.sentence, e.start)):
            key = (ev.sentence, ev.start, ev.trigger)
            if key not in seen:
                seen.add(key)
                ordered.append(ev)
        primary.extra_evidence = [e for e in ordered if e != primary.evidence]
        primary.confidence = round(min(0.99, max(primary.confidence, other.confidence) + 0.03), 2)
        merged[merged.index(target)] = primary
    return merged
