"""Across articles: events that report the same real-world event share a story.

Outlets rewrite the same wire story, and every rewrite is coded on its own; a dataset should
count the real-world event once, with all the articles that reported it. Two events belong to
the same story when

- their actors resolve to the same countries (``actor_key``) and their CAMEO roots match;
- their recipients resolve to the same countries, or one of them has no recipient;
- their dates are within a window: the gap between their date spans (a day, a week, a month,
  or for an undated event the days before its publication) is 0 days, or at most
  ``window_days`` when their evidence is very similar;
- their evidence is similar: the Jaccard overlap of the word stems of their evidence
  sentences reaches ``same_day_similarity`` (dates overlap) or ``near_day_similarity``
  (dates a day apart, or unknown); an event joins a story when it is that similar to one
  of the story's events dated like it, and very similar to every one dated a day apart;
- they come from different articles (an article's own mentions were merged already, so two
  events of one article are two events).

Clustering is greedy over the events of one (actor_key, root) block sorted by date and id, with
complete linkage on dates, articles and recipients (no story spans more than the window, so
stories do not chain day after day), single linkage on similarity among events dated alike
and complete linkage on similarity across days. The result depends only
on the set of events, never on the order they were ingested in, and the id of a story is derived
from its earliest event. Pure functions; the store calls them for the blocks a batch touched.
"""

from __future__ import annotations

import calendar
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from tacitus.types import Actor

__all__ = [
    "StoryItem",
    "StorySettings",
    "assign_stories",
    "best_day",
    "date_span",
    "dyad_keys",
    "evidence_signature",
    "similarity",
    "story_id_of",
]

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_STEM_LENGTH = 5
# Function words, reporting verbs and calendar words: they say nothing about which event a
# sentence reports (dates are compared on their own).
_STOPWORDS = frozenset(
    """
    a about after against ago all also an and any are as at be been before being but by can
    could did do does during for from had has have he her his how if in into is it its last
    may more most new not of on one or other our out over said says saying she should since
    so some such than that the their them then there these they this those through to told
    under up was we were what when where which while who will with would yet you
    according added reported reports statement spokesman spokeswoman spokesperson official
    officials news agency
    monday tuesday wednesday thursday friday saturday sunday today yesterday tonight week
    weekend month year earlier later morning afternoon evening night
    january february march april june july august september october november december
    """.split()
)


@dataclass(frozen=True, slots=True)
class StorySettings:
    """How close two events must be to count as one real-world event."""

    window_days: int = 1
    """Largest gap in days between two events' date spans that can still be one event."""
    undated_days: int = 2
    """An event with no date of its own happened at most this many days before publication."""
    same_day_similarity: float = 0.2
    """Evidence similarity needed when the date spans overlap."""
    near_day_similarity: float = 0.6
    """Evidence similarity needed when the spans are a day or more apart, or a date is unknown."""


@dataclass(frozen=True, slots=True)
class StoryItem:
    """What story assignment needs to know about one stored event."""

    event_id: str
    doc_id: str
    actor_key: str
    recipient_key: str
    root: str
    start: date | None
    end: date | None
    signature: frozenset[str] = field(default_factory=frozenset)


def _side_key(actors: Sequence[Actor]) -> str:
    return "+".join(sorted({a.country or a.code for a in actors if a.country or a.code}))


def dyad_keys(actor: Sequence[Actor], recipient: Sequence[Actor]) -> tuple[str, str]:
    """The dyad of an event as two keys: the sorted countries (else codes) of each side.

    "USA" for Obama (USAGOV) and the FBI (USASPY) alike; "IGOUNO" for the UN; "" for no
    recipient.
    """
    return _side_key(actor), _side_key(recipient)


def _stem(word: str) -> str:
    # A 5-letter prefix is a crude but language-agnostic stemmer: "expelled" and "expels",
    # "Russia" and "Russian", "diplomats" and "diplomatic" meet.
    return word if word.isdigit() else word[:_STEM_LENGTH]


def evidence_signature(texts: Iterable[str]) -> tuple[str, ...]:
    """The sorted word stems of evidence sentences, without function and calendar words."""
    stems: set[str] = set()
    for text in texts:
        for match in _WORD.finditer(text.lower()):
            word = match.group(0)
            if word in _STOPWORDS or (len(word) < 3 and not word.isdigit()):
                continue
            stems.add(_stem(word))
    return tuple(sorted(stems))


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard overlap of two signatures (0.0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


def period_bounds(value: str) -> tuple[date, date] | None:
    """The first and last day of an ISO day, week, month or year, or None."""
    try:
        if match := _DAY.match(value):
            day = date(int(match[1]), int(match[2]), int(match[3]))
            return day, day
        if match := _WEEK.match(value):
            monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
            return monday, monday + timedelta(days=6)
        if match := _MONTH.match(value):
            year, month = int(match[1]), int(match[2])
            last = calendar.monthrange(year, month)[1]
            return date(year, month, 1), date(year, month, last)
        if match := _YEAR.match(value):
            year = int(match[1])
            if year < 1:
                return None
            return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None
    return None


def _published(value: str) -> date | None:
    found = period_bounds(value)
    return found[0] if found and found[0] == found[1] else None


def date_span(
    event_date: str, published: str, *, settings: StorySettings | None = None
) -> tuple[date | None, date | None]:
    """The days an event may have happened on: its day, week, month or year; for an event
    with no date, the ``undated_days`` before its publication; (None, None) if unknown."""
    settings = settings or StorySettings()
    found = period_bounds(event_date.strip())
    if found is not None:
        return found
    day = _published(published.strip())
    if day is None:
        return None, None
    return day - timedelta(days=settings.undated_days), day


def best_day(event_date: str, published: str) -> date | None:
    """One day to file an event under: its own day; for a week, month or year, the
    publication day if it falls inside, else the first day; for no date, the publication day."""
    found = period_bounds(event_date.strip())
    day = _published(published.strip())
    if found is None:
        return day
    start, end = found
    if day is not None and start <= day <= end:
        return day
    return start


def story_id_of(anchor_event_id: str) -> str:
    """The id of the story whose earliest event is `anchor_event_id` (16 hex digits)."""
    return hashlib.sha1(f"story:{anchor_event_id}".encode()).hexdigest()[:16]


class _Cluster:
    __slots__ = ("members", "docs", "recipient", "min_end")

    def __init__(self, first: StoryItem) -> None:
        self.members: list[StoryItem] = [first]
        self.docs = {first.doc_id}
        self.recipient = first.recipient_key
        self.min_end = first.end

    def add(self, item: StoryItem) -> None:
        self.members.append(item)
        self.docs.add(item.doc_id)
        if not self.recipient:
            self.recipient = item.recipient_key
        if item.end is not None and (self.min_end is None or item.end < self.min_end):
            self.min_end = item.end


def _gap(a: StoryItem, b: StoryItem) -> int | None:
    if a.start is None or a.end is None or b.start is None or b.end is None:
        return None
    return max(0, (b.start - a.end).days, (a.start - b.end).days)


def _score(cluster: _Cluster, item: StoryItem, settings: StorySettings) -> float | None:
    """How well `item` fits `cluster`, or None if it cannot be the same event.

    Every member dated apart from the item (by 1 to ``window_days`` days) must be very similar
    to it; among the members whose dates overlap the item's (or are unknown), the most similar
    one must reach its threshold, and gives the score.
    """
    if item.doc_id in cluster.docs:
        return None
    if item.recipient_key and cluster.recipient and item.recipient_key != cluster.recipient:
        return None
    best: float | None = None
    for member in cluster.members:
        gap = _gap(member, item)
        if gap is not None and gap > settings.window_days:
            return None
        score = similarity(member.signature, item.signature)
        if gap is not None and gap > 0:
            if score < settings.near_day_similarity:
                return None
            best = score if best is None else max(best, score)
            continue
        needed = settings.same_day_similarity if gap == 0 else settings.near_day_similarity
        if score >= needed and (best is None or score > best):
            best = score
    return best


def _cluster_block(items: list[StoryItem], settings: StorySettings) -> list[_Cluster]:
    dated = sorted((i for i in items if i.start is not None), key=lambda i: (i.start, i.event_id))
    undated = sorted((i for i in items if i.start is None), key=lambda i: i.event_id)
    clusters: list[_Cluster] = []
    active: list[_Cluster] = []
    for item in dated:
        assert item.start is not None
        horizon = item.start - timedelta(days=settings.window_days)
        active = [c for c in active if c.min_end is None or c.min_end >= horizon]
        target = _best(active, item, settings)
        if target is None:
            target = _Cluster(item)
            clusters.append(target)
            active.append(target)
        else:
            target.add(item)
    for item in undated:
        target = _best(clusters, item, settings)
        if target is None:
            clusters.append(_Cluster(item))
        else:
            target.add(item)
    return clusters


def _best(candidates: list[_Cluster], item: StoryItem, settings: StorySettings) -> _Cluster | None:
    best: tuple[float, _Cluster] | None = None
    for cluster in candidates:
        score = _score(cluster, item, settings)
        if score is not None and (best is None or score > best[0]):
            best = (score, cluster)
    return best[1] if best else None


def assign_stories(
    items: Iterable[StoryItem], *, settings: StorySettings | None = None
) -> dict[str, str]:
    """Group events into stories; returns event id -> story id.

    The assignment is a function of the set of items (not of their order): items are grouped
    by (actor_key, root) and processed by date, then id.
    """
    settings = settings or StorySettings()
    blocks: dict[tuple[str, str], list[StoryItem]] = defaultdict(list)
    for item in items:
        blocks[(item.actor_key, item.root)].append(item)
    assignment: dict[str, str] = {}
    for key in sorted(blocks):
        for cluster in _cluster_block(blocks[key], settings):
            story = story_id_of(cluster.members[0].event_id)
            for member in cluster.members:
                assignment[member.event_id] = story
    return assignment
