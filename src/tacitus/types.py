"""The frozen dataclasses that cross stage boundaries: Article, Actor, Place, Event."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Article:
    """One input document: its text (after any metadata header) and what is known about it."""

    id: str
    text: str
    title: str = ""
    url: str = ""
    published: str = ""  # ISO date YYYY-MM-DD or ""
    source: str = ""  # outlet / publication
    origin: str = ""  # where it was read from (file name, "-", row number)


@dataclass(frozen=True, slots=True)
class Actor:
    """A coded participant of an event: the text that names it and what it resolved to."""

    text: str
    name: str = ""
    country: str = ""
    sector: str = ""
    code: str = ""
    wikidata: str = ""
    entry: str = ""  # id of the dictionary entry that coded it ("" if none)
    confidence: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON form: empty optional fields are left out."""
        out: dict[str, Any] = {"text": self.text}
        for key in ("name", "country", "sector", "code", "wikidata"):
            value = getattr(self, key)
            if value:
                out[key] = value
        return out


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved location (filled by the places resolver)."""

    text: str
    name: str = ""
    country: str = ""
    admin1: str = ""
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON form: empty optional fields are left out."""
        out: dict[str, Any] = {"text": self.text}
        for key in ("name", "country", "admin1", "lat", "lon", "geonameid", "precision"):
            value = getattr(self, key)
            if value not in ("", None):
                out[key] = value
        return out


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where in the article an event was read: sentence index and character offsets."""

    sentence: int
    start: int
    end: int
    text: str
    trigger: str


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event in the output contract of DESIGN.md."""

    id: str
    doc_id: str
    cameo: str
    event: str
    mode: str
    quad_code: int
    goldstein: float
    actor: tuple[Actor, ...]
    recipient: tuple[Actor, ...]
    event_text: str
    text: str
    text_info: Evidence
    modality: str = "asserted"
    date: str = ""
    date_precision: str = ""
    context: tuple[str, ...] = ()
    event_loc: Place | None = None
    attribution: Actor | None = None
    confidence: float = 0.0
    rule: str = ""
    claim_id: str = ""  # shared by an accusation, its denial and the act it alleges
    evidence: tuple[Evidence, ...] = ()
    cite_info: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The event as a JSON-ready dict with the contract's field names, in a fixed order."""
        out: dict[str, Any] = {
            "id": self.id,
            "doc_id": self.doc_id,
            "date": self.date or None,
            "date_precision": self.date_precision or None,
            "event": self.event,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "quad_code": self.quad_code,
            "goldstein": self.goldstein,
            "actor": [a.to_dict() for a in self.actor],
            "recipient": [a.to_dict() for a in self.recipient],
            "event_loc": self.event_loc.to_dict() if self.event_loc else None,
            "event_text": self.event_text,
            "text": self.text,
            "text_info": {
                "sentence": self.text_info.sentence,
                "start": self.text_info.start,
                "end": self.text_info.end,
            },
            "evidence": [
                {"sentence": e.sentence, "start": e.start, "end": e.end, "trigger": e.trigger}
                for e in self.evidence
            ],
            "modality": self.modality,
            "attribution": self.attribution.to_dict() if self.attribution else None,
            "confidence": self.confidence,
            "rule": self.rule,
            "claim_id": self.claim_id or None,
            "cite_info": dict(self.cite_info),
        }
        return out
