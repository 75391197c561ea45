"""Measure tacitus on the shared development sets (measurement only; nothing is committed
from them). Prints figures; asserts nothing.

    python bench/measure_accuracy.py [--shared ../shared] [--sample 500]

1. The 24 real articles of dev/articles scored by tools/score_articles.py.
2. ConfliBERT 5-way class on dev/confli-cameo-class-train.tsv: the most confident coded event
   of each sentence gives the class (0 = roots 01-02, 1 = 03-05, 2 = 06-08, 3 = 09-13,
   4 = 14-20); a sentence with no coded event is class 0. Accuracy and macro-F1.
3. PLOVER event type on a sample of the NGEC synthetic stories: does the story's label appear
   among the PLOVER types of its events (recall), and is the most confident event's type the
   label (accuracy).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from pathlib import Path

from tacitus.ingest import iter_articles
from tacitus.pipeline import Coder
from tacitus.types import Article


def five_way(cameo: str, reduce_relations_verbal: bool = False) -> int:
    root = int(cameo[:2])
    if reduce_relations_verbal and root == 16:
        return 3  # the ConfliBERT labels treat "reduce relations" (16) as verbal conflict
    if root <= 2:
        return 0
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def macro_f1(gold: list[int], pred: list[int], classes: int = 5) -> float:
    scores = []
    for c in range(classes):
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p != c)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(scores) / classes


def articles(shared: Path, coder: Coder) -> None:
    paths = sorted(str(p) for p in (shared / "dev" / "articles").glob("d*.txt"))
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as out:
        for item in iter_articles(paths):
            if isinstance(item, Article):
                for event in coder.code_article(item):
                    out.write(json.dumps(event.to_dict()) + "\n")
    print("== 24 dev articles (score_articles.py)")
    result = subprocess.run(
        [
            sys.executable,
            str(shared / "tools" / "score_articles.py"),
            str(shared / "dev" / "gold"),
            out.name,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    print(result.stdout)


def confli(shared: Path, coder: Coder) -> None:
    gold: list[int] = []
    pred: list[int] = []
    alt: list[int] = []
    with (shared / "dev" / "confli-cameo-class-train.tsv").open(encoding="utf-8") as fh:
        rows = [line.rstrip("\n").rsplit("\t", 1) for line in fh if line.strip()]
    for text, label in rows:
        events = coder.code_text(text)
        gold.append(int(label))
        best = max(events, key=lambda e: e.confidence, default=None)
        pred.append(five_way(best.cameo) if best else 0)
        alt.append(five_way(best.cameo, reduce_relations_verbal=True) if best else 0)
    accuracy = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)
    print(
        f"== ConfliBERT 5-way ({len(gold)} sentences): accuracy={accuracy:.3f} "
        f"macro-F1={macro_f1(gold, pred):.3f}"
    )
    alt_accuracy = sum(g == p for g, p in zip(gold, alt, strict=True)) / len(gold)
    print(
        f"   with root 16 counted as verbal conflict (as the labels do): "
        f"accuracy={alt_accuracy:.3f} macro-F1={macro_f1(gold, alt):.3f}"
    )
    confusion = Counter(zip(gold, pred, strict=True))
    print("   gold\\pred " + " ".join(f"{c:>5}" for c in range(5)))
    for g in range(5):
        print(f"   {g:>9} " + " ".join(f"{confusion[(g, p)]:>5}" for p in range(5)))


def plover(shared: Path, coder: Coder, sample: int) -> None:
    with zipfile.ZipFile(shared / "dev" / "ngec-synthetic-plover-stories.csv.zip") as z:
        name = z.namelist()[0]
        rows = list(csv.DictReader(io.TextIOWrapper(z.open(name), "utf-8")))
    random.Random(13).shuffle(rows)
    rows = rows[:sample]
    top_hits = any_hits = with_events = 0
    started = time.perf_counter()
    for row in rows:
        events = coder.code_text(row["text"])
        types = {e.event for e in events}
        with_events += bool(events)
        any_hits += row["label"] in types
        best = max(events, key=lambda e: e.confidence, default=None)
        top_hits += bool(best and best.event == row["label"])
    seconds = time.perf_counter() - started
    print(
        f"== NGEC PLOVER type, {len(rows)} stories: top-event accuracy={top_hits / len(rows):.3f}"
        f" label-among-events={any_hits / len(rows):.3f} stories-with-events="
        f"{with_events / len(rows):.3f} ({len(rows) / seconds:.1f} stories/s)"
    )


def when_where(shared: Path, coder: Coder, sample: int) -> None:
    """Share of events with a day-precise date and with a resolved place (NGEC stories carry
    no publication date, so a fixed one stands in for it: relative dates resolve against it)."""
    with zipfile.ZipFile(shared / "dev" / "ngec-synthetic-plover-stories.csv.zip") as z:
        name = z.namelist()[0]
        rows = list(csv.DictReader(io.TextIOWrapper(z.open(name), "utf-8")))
    random.Random(5).shuffle(rows)
    rows = rows[:sample]
    events = day = place = 0
    precisions: Counter[str] = Counter()
    for row in rows:
        for event in coder.code_text(row["text"], date="2023-06-15"):
            events += 1
            precisions[event.date_precision or "none"] += 1
            day += event.date_precision == "day"
            place += event.event_loc is not None
    print(
        f"== dates and places, {len(rows)} NGEC stories, {events} events: "
        f"day-precise date {day / max(events, 1):.3f}, resolved place "
        f"{place / max(events, 1):.3f}; precisions {dict(precisions)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    parser.add_argument("--sample", type=int, default=500)
    parser.add_argument("--only", choices=["articles", "confli", "plover", "when"], default=None)
    args = parser.parse_args()
    shared = Path(args.shared)
    coder = Coder()
    if args.only in (None, "articles"):
        articles(shared, coder)
    if args.only in (None, "confli"):
        confli(shared, coder)
    if args.only in (None, "plover"):
        plover(shared, coder, args.sample)
    if args.only in (None, "when"):
        when_where(shared, coder, min(args.sample, 200))


if __name__ == "__main__":
    main()
