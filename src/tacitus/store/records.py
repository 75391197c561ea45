"""Events and articles to table rows and back, losslessly.

An event is stored with every field of :class:`tacitus.types.Event` (actor and recipient lists,
place, evidence with its sentences, citation in its key order), plus columns derived once at
write time for querying and story assignment: ``root``, ``day``, ``actor_key``,
``recipient_key`` and the evidence ``signature``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Any

from tacitus.dedupe.stories import best_day, dyad_keys, evidence_signature
from tacitus.types import Actor, Article, Event, Evidence, Place

__all__ = [
    "ARTICLE_COLUMNS",
    "EVENT_COLUMNS",
    "ACTOR_COLUMNS",
    "actor_rows",
    "article_row",
    "content_hash",
    "event_from_row",
    "event_row",
]

ARTICLE_COLUMNS = (
    "id", "content_hash", "title", "url", "published", "source", "origin", "text", "n_events",
    "coder",
)  # fmt: skip
EVENT_COLUMNS = (
    "id", "doc_id", "story_id", "date", "date_precision", "day", "event", "mode", "context",
    "cameo", "root", "quad_code", "goldstein", "actor", "recipient", "actor_key",
    "recipient_key", "event_loc", "event_text", "text", "text_info", "evidence", "modality",
    "attribution", "confidence", "rule", "cite_info", "signature", "claim_id",
)  # fmt: skip
ACTOR_COLUMNS = (
    "event_id", "role", "position", "text", "name", "country", "sector", "code", "wikidata",
    "entry", "confidence",
)  # fmt: skip

_ACTOR_FIELDS = ("text", "name", "country", "sector", "code", "wikidata", "entry", "confidence")


def content_hash(text: str) -> str:
    """SHA-1 of an article's text (hex): tells a re-ingested article from a changed one."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def article_row(article: Article, *, n_events: int, coder: str) -> tuple[Any, ...]:
    """The ``articles`` row of an article, in :data:`ARTICLE_COLUMNS` order."""
    return (
        article.id,
        content_hash(article.text),
        article.title,
        article.url,
        article.published,
        article.source,
        article.origin,
        article.text,
        n_events,
        coder,
    )


def _actor(actor: Actor) -> dict[str, Any]:
    return {name: getattr(actor, name) for name in _ACTOR_FIELDS}


def _evidence(evidence: Evidence) -> dict[str, Any]:
    return {
        "sentence": evidence.sentence,
        "start": evidence.start,
        "end": evidence.end,
        "text": evidence.text,
        "trigger": evidence.trigger,
    }


def _place(place: Place) -> dict[str, Any]:
    return {
        "text": place.text,
        "name": place.name,
        "country": place.country,
        "admin1": place.admin1,
        "lat": place.lat,
        "lon": place.lon,
        "geonameid": place.geonameid,
        "precision": place.precision,
    }


def event_row(event: Event, *, published: str) -> tuple[Any, ...]:
    """The ``events`` row of an event (story not yet assigned), in :data:`EVENT_COLUMNS` order.

    `published` is the article's publication date: the day of an undated event.
    """
    actor_key, recipient_key = dyad_keys(event.actor, event.recipient)
    texts = [event.text, *(e.text for e in event.evidence)]
    return (
        event.id,
        event.doc_id,
        None,
        event.date,
        event.date_precision,
        best_day(event.date, published),
        event.event,
        event.mode,
        list(event.context),
        event.cameo,
        event.cameo[:2],
        event.quad_code,
        event.goldstein,
        [_actor(a) for a in event.actor],
        [_actor(a) for a in event.recipient],
        actor_key,
        recipient_key,
        _place(event.event_loc) if event.event_loc is not None else None,
        event.event_text,
        event.text,
        _evidence(event.text_info),
        [_evidence(e) for e in event.evidence],
        event.modality,
        _actor(event.attribution) if event.attribution is not None else None,
        event.confidence,
        event.rule,
        [{"key": k, "value": v} for k, v in event.cite_info.items()],
        list(evidence_signature(texts)),
        event.claim_id,
    )


def actor_rows(event: Event) -> list[tuple[Any, ...]]:
    """The ``actors`` rows of an event: one per actor, recipient and attribution."""
    rows: list[tuple[Any, ...]] = []
    roles: list[tuple[str, Sequence[Actor]]] = [
        ("actor", event.actor),
        ("recipient", event.recipient),
    ]
    if event.attribution is not None:
        roles.append(("attribution", (event.attribution,)))
    for role, actors in roles:
        for position, actor in enumerate(actors):
            rows.append((event.id, role, position, *(getattr(actor, f) for f in _ACTOR_FIELDS)))
    return rows


def _to_actor(data: Mapping[str, Any]) -> Actor:
    return Actor(
        text=data["text"],
        name=data["name"],
        country=data["country"],
        sector=data["sector"],
        code=data["code"],
        wikidata=data["wikidata"],
        entry=data["entry"],
        confidence=data["confidence"],
    )


def _to_evidence(data: Mapping[str, Any]) -> Evidence:
    return Evidence(
        sentence=data["sentence"],
        start=data["start"],
        end=data["end"],
        text=data["text"],
        trigger=data["trigger"],
    )


def _to_place(data: Mapping[str, Any]) -> Place:
    return Place(
        text=data["text"],
        name=data["name"],
        country=data["country"],
        admin1=data["admin1"],
        lat=data["lat"],
        lon=data["lon"],
        geonameid=data["geonameid"],
        precision=data["precision"],
    )


def event_from_row(row: Mapping[str, Any]) -> Event:
    """The Event stored in an ``events`` row (a mapping of column name to value)."""
    loc = row["event_loc"]
    attribution = row["attribution"]
    return Event(
        id=row["id"],
        doc_id=row["doc_id"],
        cameo=row["cameo"],
        event=row["event"],
        mode=row["mode"],
        quad_code=row["quad_code"],
        goldstein=row["goldstein"],
        actor=tuple(_to_actor(a) for a in row["actor"]),
        recipient=tuple(_to_actor(a) for a in row["recipient"]),
        event_text=row["event_text"],
        text=row["text"],
        text_info=_to_evidence(row["text_info"]),
        modality=row["modality"],
        date=row["date"],
        date_precision=row["date_precision"],
        context=tuple(row["context"]),
        event_loc=_to_place(loc) if loc is not None else None,
        attribution=_to_actor(attribution) if attribution is not None else None,
        confidence=row["confidence"],
        rule=row["rule"],
        claim_id=row["claim_id"] or "",
        evidence=tuple(_to_evidence(e) for e in row["evidence"]),
        cite_info={item["key"]: item["value"] for item in row["cite_info"]},
    )
