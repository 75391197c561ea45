"""Scoring coded events against gold events: precision, recall and F1 at several granularities.

Gold and predicted events are compared as dyads: a compound actor or recipient list expands
to one dyad per (actor, recipient) pair, as the field's scorers do.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from tacitus.lexicon.actors import SECTORS

__all__ = ["Dyad", "Score", "country_of", "dyads_of_event", "dyads_of_gold", "score"]


@dataclass(frozen=True, slots=True)
class Dyad:
    """One (source, target, code) triple with its date, for matching."""

    source: str
    target: str
    cameo: str
    date: str = ""

    @property
    def root(self) -> str:
        return self.cameo[:2]


@dataclass(frozen=True, slots=True)
class Score:
    """Precision, recall and F1 with their counts."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def country_of(code: str) -> str:
    """The country part of an actor code; IGO codes are kept whole, bare sectors give ""."""
    code = (code or "").upper().strip()
    if code.startswith("IGO"):
        return code
    if len(code) >= 3 and code[:3] not in SECTORS:
        return code[:3]
    return ""


def dyads_of_event(event: Mapping[str, Any]) -> list[Dyad]:
    """Dyads of an event in the output contract (actor/recipient lists of objects)."""

    def codes(items: Any) -> list[str]:
        out = [str(a.get("code") or "") for a in items or [] if isinstance(a, Mapping)]
        return out or [""]

    cameo = str(event.get("cameo") or "")
    date = str(event.get("date") or "")
    return [
        Dyad(a, r, cameo, date)
        for a in codes(event.get("actor"))
        for r in codes(event.get("recipient"))
    ]


def dyads_of_gold(actor: str, recipient: str, cameo: str, date: str = "") -> list[Dyad]:
    """Dyads of a gold row whose compound actors are joined with '+'."""
    actors = [a for a in actor.split("+") if a] or [""]
    recipients = [r for r in recipient.split("+") if r] or [""]
    return [Dyad(a, r, cameo, date) for a in actors for r in recipients]


KEYS: dict[str, Callable[[Dyad], tuple[str, ...]]] = {
    "root": lambda d: (d.root,),
    "root+countries": lambda d: (d.root, country_of(d.source), country_of(d.target)),
    "root+src country": lambda d: (d.root, country_of(d.source)),
    "code+actors": lambda d: (d.cameo[:3], d.source, d.target),
}


def score(
    gold: Mapping[str, Iterable[Dyad]], predicted: Mapping[str, Iterable[Dyad]]
) -> dict[str, Score]:
    """Micro-averaged scores per granularity over the documents of `gold`."""
    results: dict[str, Score] = {}
    for name, key in KEYS.items():
        tp = fp = fn = 0
        for doc in gold:
            g = Counter(key(d) for d in gold[doc])
            p = Counter(key(d) for d in predicted.get(doc, ()))
            hit = sum((g & p).values())
            tp += hit
            fp += sum(p.values()) - hit
            fn += sum(g.values()) - hit
        results[name] = Score(tp, fp, fn)
    return results


def score_by_root(
    gold: Mapping[str, Iterable[Dyad]], predicted: Mapping[str, Iterable[Dyad]]
) -> dict[str, Score]:
    """Scores at root granularity, one per CAMEO root seen in gold or predictions."""
    counts: dict[str, list[int]] = {}
    for doc in gold:
        g = Counter(d.root for d in gold[doc])
        p = Counter(d.root for d in predicted.get(doc, ()))
        for root in set(g) | set(p):
            hit = min(g[root], p[root])
            row = counts.setdefault(root, [0, 0, 0])
            row[0] += hit
            row[1] += p[root] - hit
            row[2] += g[root] - hit
    return {root: Score(*row) for root, row in sorted(counts.items())}
