"""Filters over stored events, compiled to SQL with every value a bound parameter."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tacitus.errors import DateError
from tacitus.ingest import parse_date
from tacitus.store.errors import QueryError

__all__ = ["EventFilter", "ORDER_BY", "where_clause"]

_CODE = re.compile(r"^[A-Z0-9]{1,12}$")
_CAMEO = re.compile(r"^[0-9]{1,4}$")

ORDER_BY = (
    "e.day NULLS LAST, e.doc_id, e.text_info.sentence, e.text_info.start, e.id"
)
"""The one order of event listings and exports: by day, article, position, id."""


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFilter:
    """Which events to read. Empty fields do not filter.

    - ``actor`` / ``recipient``: an actor code or its start ("USA" matches USAGOV and
      USASPY, "IGOUNO" the UN), or a country code; matches any actor of a compound side.
    - ``cameo``: a CAMEO code prefix ("17" matches 17, 172, 174).
    - ``quad``: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
      4 material conflict.
    - ``since`` / ``until``: inclusive bounds on the event's day (YYYY-MM-DD).
    - ``place``: text in the event location's text, name or country.
    - ``text``: text in the evidence sentence (case-insensitive, no wildcards).
    - ``story``: a story id.  ``doc``: an article id.  ``limit``: at most this many events.
    """

    actor: str = ""
    recipient: str = ""
    cameo: str = ""
    quad: int | None = None
    since: str = ""
    until: str = ""
    place: str = ""
    text: str = ""
    story: str = ""
    doc: str = ""
    limit: int | None = None

    def __post_init__(self) -> None:
        for name in ("actor", "recipient"):
            value = getattr(self, name).strip().upper()
            if value and not _CODE.match(value):
                raise QueryError(
                    f"--{name} {getattr(self, name)!r} is not an actor code; give a code or "
                    f"its start, e.g. USA, USAGOV, IGOUNO"
                )
            object.__setattr__(self, name, value)
        cameo = self.cameo.strip()
        if cameo and not _CAMEO.match(cameo):
            raise QueryError(f"--cameo {self.cameo!r} is not a CAMEO code prefix; e.g. 17 or 174")
        object.__setattr__(self, "cameo", cameo)
        if self.quad is not None and self.quad not in (1, 2, 3, 4):
            raise QueryError(f"--quad {self.quad} is not a quad class; use 1, 2, 3 or 4")
        for name in ("since", "until"):
            value = getattr(self, name).strip()
            if value:
                try:
                    value = parse_date(value)
                except DateError as err:
                    raise QueryError(f"--{name}: {err.message}") from err
            object.__setattr__(self, name, value)
        if self.since and self.until and self.since > self.until:
            raise QueryError(f"--since {self.since} is after --until {self.until}")
        if self.limit is not None and self.limit < 0:
            raise QueryError(f"--limit {self.limit} is negative; give 0 or more")


def _actor_condition(role: str, code: str, params: list[Any]) -> str:
    params.extend([role, code, code])
    return (
        "EXISTS (SELECT 1 FROM actors AS x WHERE x.event_id = e.id AND x.role = ? "
        "AND (starts_with(x.code, ?) OR x.country = ?))"
    )


def where_clause(flt: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE condition (over ``events AS e``) and its parameters for a filter."""
    parts: list[str] = []
    params: list[Any] = []
    if flt.actor:
        parts.append(_actor_condition("actor", flt.actor, params))
    if flt.recipient:
        parts.append(_actor_condition("recipient", flt.recipient, params))
    if flt.cameo:
        parts.append("starts_with(e.cameo, ?)")
        params.append(flt.cameo)
    if flt.quad is not None:
        parts.append("e.quad_code = ?")
        params.append(flt.quad)
    if flt.since:
        parts.append("e.day >= CAST(? AS DATE)")
        params.append(flt.since)
    if flt.until:
        parts.append("e.day <= CAST(? AS DATE)")
        params.append(flt.until)
    if flt.place:
        parts.append(
            "(e.event_loc IS NOT NULL AND (contains(lower(e.event_loc.text), lower(?)) "
            "OR contains(lower(e.event_loc.name), lower(?)) OR upper(e.event_loc.country) = "
            "upper(?)))"
        )
        params.extend([flt.place, flt.place, flt.place])
    if flt.text:
        parts.append(
            "(contains(lower(e.text), lower(?)) OR "
            "len(list_filter(e.evidence, lambda x: contains(lower(x.text), lower(?)))) > 0)"
        )
        params.extend([flt.text, flt.text])
    if flt.story:
        parts.append("e.story_id = ?")
        params.append(flt.story)
    if flt.doc:
        parts.append("e.doc_id = ?")
        params.append(flt.doc)
    return (" AND ".join(parts) if parts else "TRUE"), params
