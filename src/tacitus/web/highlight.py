"""Where an article's events were read: character spans of actors, recipients, triggers and
places, cut into flat segments a template can wrap in marks without nesting."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tacitus.types import Event, Evidence

__all__ = ["KINDS", "Segment", "Span", "event_spans", "segments"]

KINDS = ("sentence", "actor", "recipient", "trigger", "place")
"""Kinds of span, in the order their classes are written (the legend's order)."""


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article text playing one part in one event (by its index)."""

    start: int
    end: int
    kind: str
    event: int


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text with the same spans over all of it."""

    text: str
    kinds: tuple[str, ...] = ()
    events: tuple[int, ...] = ()
    anchors: tuple[int, ...] = ()
    """Events whose first trigger starts here (targets of #ev-N links)."""

    @property
    def css(self) -> str:
        """The classes of the mark: ``hl k-actor k-trigger`` ..."""
        return " ".join(["hl", *(f"k-{kind}" for kind in self.kinds)])


def _find(text: str, needle: str, start: int, end: int) -> tuple[int, int] | None:
    """`needle` as whole words inside text[start:end], case-sensitive first."""
    needle = needle.strip()
    if not needle:
        return None
    pattern = r"(?<!\w)" + re.escape(needle) + r"(?!\w)"
    for flags in (0, re.IGNORECASE):
        match = re.compile(pattern, flags).search(text, start, end)
        if match:
            return match.start(), match.end()
    return None


def _locate(text: str, evidence: Evidence) -> tuple[int, int] | None:
    """The sentence's offsets, checked against the text (a store may hold another cleaning)."""
    start, end = evidence.start, evidence.end
    if 0 <= start < end <= len(text) and (not evidence.text or text[start:end] == evidence.text):
        return start, end
    if evidence.text:
        found = text.find(evidence.text)
        if found >= 0:
            return found, found + len(evidence.text)
    return None


def event_spans(text: str, index: int, event: Event) -> list[Span]:
    """Every span of one event in `text`: its evidence sentences, and inside each the trigger,
    the actors, recipients and place named there (located by their text)."""
    sentences: list[Evidence] = list(event.evidence)
    if all(e.start != event.text_info.start for e in sentences):
        sentences.insert(0, event.text_info)
    spans: list[Span] = []
    for evidence in sentences:
        where = _locate(text, evidence)
        if where is None:
            continue
        start, end = where
        spans.append(Span(start, end, "sentence", index))
        parts: list[tuple[str, str]] = [("trigger", evidence.trigger or event.event_text)]
        parts += [("actor", actor.text) for actor in event.actor]
        parts += [("recipient", actor.text) for actor in event.recipient]
        if event.event_loc is not None:
            parts.append(("place", event.event_loc.text))
        for kind, needle in parts:
            found = _find(text, needle, start, end)
            if found is not None:
                spans.append(Span(found[0], found[1], kind, index))
    return spans


def segments(text: str, spans: Sequence[Span]) -> list[Segment]:
    """Cut `text` at every span boundary; each piece knows the kinds and events over it."""
    cuts = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans})
    first_trigger: dict[int, int] = {}
    for span in spans:
        if span.kind == "trigger":
            first_trigger[span.event] = min(first_trigger.get(span.event, span.start), span.start)
    out: list[Segment] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        if start >= end:
            continue
        over = [s for s in spans if s.start <= start and s.end >= end]
        kinds = tuple(k for k in KINDS if any(s.kind == k for s in over))
        events = tuple(sorted({s.event for s in over}))
        anchors = tuple(sorted(e for e, at in first_trigger.items() if at == start))
        out.append(Segment(text[start:end], kinds, events, anchors))
    return out
