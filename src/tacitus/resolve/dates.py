"""Resolving date expressions ("on Thursday", "yesterday", "Dec. 29") against a publication day.

Weekday names follow newspaper usage: in a Sunday paper "on Sunday" is that Sunday and "on
Thursday" the Thursday before; a weekday never resolves into the future of a past-tense story.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

__all__ = ["ResolvedDate", "resolve_expression"]

ResolvedDate = tuple[str, str]  # (ISO date, reduced ISO for week/month/year), precision

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})\.?(?:,?\s+(\d{{4}}))?\b"
)
_MONTH_DAY = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?")
_MONTH_YEAR = re.compile(rf"\b({_MONTH_RE})\.?(?:\s+of)?\s+(\d{{4}})\b")
_MONTH_ONLY = re.compile(rf"\b(?:in|since|during|early|late|mid|last|this)\s+-?\s*({_MONTH_RE})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_YEAR = re.compile(r"\b(?:in|since|during)\s+((?:19|20)\d{2})\b")
_HOLIDAYS = {
    "new year's eve": (12, 31),
    "new year's day": (1, 1),
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "christmas": (12, 25),
    "boxing day": (12, 26),
    "valentine's day": (2, 14),
    "halloween": (10, 31),
}


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _without_year(month: int, day: int, pub: date) -> date | None:
    """A day-and-month with no year: the latest such day not far after publication."""
    candidate = _safe_date(pub.year, month, day)
    if candidate is None:
        return None
    if candidate > pub + timedelta(days=7):
        candidate = _safe_date(pub.year - 1, month, day)
    return candidate


def _week(day: date) -> str:
    iso = day.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def resolve_expression(expression: str, published: str) -> ResolvedDate | None:
    """Resolve one date expression against the publication date (ISO) -> (date, precision).

    Returns None when the expression names no time this resolver knows, or when a relative
    expression has no publication date to resolve against.
    """
    text = expression.lower().replace("\u2019", "'").strip()
    text = re.sub(r"\s+", " ", text)
    pub = date.fromisoformat(published) if published else None

    match = _ISO.search(text)
    if match:
        found = _safe_date(int(match[1]), int(match[2]), int(match[3]))
        if found:
            return (found.isoformat(), "day")
    match = _DAY_MONTH.search(text)
    if match:
        return _day_month(int(match[1]), _MONTHS[match[2]], match[3], pub)
    match = _MONTH_DAY.search(text)
    if match and int(match[2]) <= 31:
        return _day_month(int(match[2]), _MONTHS[match[1]], match[3], pub)
    for name, (month, day) in _HOLIDAYS.items():
        if name in text:
            year_match = re.search(r"\b(\d{4})\b", text)
            if year_match:
                found = _safe_date(int(year_match[1]), month, day)
            elif pub:
                found = _without_year(month, day, pub)
            else:
                found = None
            return (found.isoformat(), "day") if found else None

    if pub is not None:
        relative = _relative(text, pub)
        if relative:
            return relative

    match = _MONTH_YEAR.search(text)
    if match:
        return (f"{int(match[2]):04d}-{_MONTHS[match[1]]:02d}", "month")
    match = _MONTH_ONLY.search(text)
    if match and pub is not None:
        month = _MONTHS[match[1]]
        year = pub.year if month <= pub.month else pub.year - 1
        return (f"{year:04d}-{month:02d}", "month")
    match = _YEAR.search(text) or re.fullmatch(r"((?:19|20)\d{2})", text)
    if match:
        return (match[1], "year")
    return None


def _day_month(day: int, month: int, year: str | None, pub: date | None) -> ResolvedDate | None:
    if year:
        found = _safe_date(int(year), month, day)
    elif pub:
        found = _without_year(month, day, pub)
    else:
        return None
    return (found.isoformat(), "day") if found else None


def _relative(text: str, pub: date) -> ResolvedDate | None:
    if re.search(r"\b(day before yesterday)\b", text):
        return ((pub - timedelta(days=2)).isoformat(), "day")
    if re.search(r"\b(yesterday|last night|overnight)\b", text):
        return ((pub - timedelta(days=1)).isoformat(), "day")
    if re.search(r"\b(today|tonight|this (morning|afternoon|evening)|earlier today)\b", text):
        return (pub.isoformat(), "day")
    if re.search(r"\btomorrow\b", text):
        return ((pub + timedelta(days=1)).isoformat(), "day")
    for index, name in enumerate(_WEEKDAYS):
        if re.search(rf"\b{name}s?\b", text):
            if re.search(rf"\bnext {name}\b", text):
                ahead = (index - pub.weekday()) % 7 or 7
                return ((pub + timedelta(days=ahead)).isoformat(), "day")
            back = (pub.weekday() - index) % 7
            if re.search(rf"\blast {name}\b", text) and back == 0:
                back = 7
            return ((pub - timedelta(days=back)).isoformat(), "day")
    match = re.search(
        r"\b(\d+|a|one|two|three|four|five|six|seven|eight|nine|ten) days? ago\b", text
    )
    if match:
        words = {
            "a": 1,
            "one": 1,
            "two": 2,
            "three": 3,
            "four": 4,
            "five": 5,
            "six": 6,
            "seven": 7,
            "eight": 8,
            "nine": 9,
            "ten": 10,
        }
        count = int(match[1]) if match[1].isdigit() else words[match[1]]
        return ((pub - timedelta(days=count)).isoformat(), "day")
    if re.search(r"\b(last|past|previous) week\b|\b(a|one) week ago\b", text):
        return (_week(pub - timedelta(days=7)), "week")
    if re.search(r"\b(this|earlier this|later this) week\b", text):
        return (_week(pub), "week")
    if re.search(r"\b(last|past|previous) month\b|\b(a|one) month ago\b", text):
        first = pub.replace(day=1) - timedelta(days=1)
        return (f"{first.year:04d}-{first.month:02d}", "month")
    if re.search(r"\b(this|earlier this|later this) month\b", text):
        return (f"{pub.year:04d}-{pub.month:02d}", "month")
    if re.search(r"\blast year\b|\ba year ago\b", text):
        return (f"{pub.year - 1:04d}", "year")
    if re.search(r"\b(this|earlier this) year\b", text):
        return (f"{pub.year:04d}", "year")
    return None
