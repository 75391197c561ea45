"""Speed and memory of tacitus against its physical limit, on one corpus, in one run.

Prints figures, asserts nothing:
1. bare spaCy (the same model, nlp.pipe over the very paragraphs tacitus parses) vs tacitus
   end to end (Coder.code_articles), default and --fast (no statistical NER), in words/s and
   articles/s, and their ratio; the share of sentences the pre-filter skipped;
2. tacitus with 2 worker processes vs 1;
3. peak RSS of a child process coding a stream of SMALL vs LARGE articles (the corpus
   cycled with fresh ids), to show memory does not grow with the stream.

Example:
    python bench/bench_speed.py --n 200 --rss-sizes 1000,10000
"""

from __future__ import annotations

import argparse
import csv
import io
import itertools
import os
import resource
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

from tacitus.clean import clean, split_dateline
from tacitus.pipeline import Coder
from tacitus.types import Article

CORPUS = Path(__file__).resolve().parents[2] / "shared/dev/ngec-synthetic-plover-stories.csv.zip"
BATCH = 64


def read_corpus(path: Path) -> list[Article]:
    """Every story of the NGEC synthetic PLOVER corpus, as Articles."""
    with zipfile.ZipFile(path) as archive:
        name = archive.namelist()[0]
        with archive.open(name) as raw:
            rows = csv.DictReader(io.TextIOWrapper(raw, "utf-8"))
            return [
                Article(id=f"ngec{i}", text=row["text"], title=row["title"],
                        source=row["source"])  # fmt: skip
                for i, row in enumerate(rows)
                if row["text"].strip()
            ]


def cycled(articles: list[Article], count: int) -> Iterator[Article]:
    """`count` articles: the corpus over and over, each copy with its own id."""
    for number, article in zip(range(count), itertools.cycle(articles), strict=False):
        yield Article(id=f"r{number}", text=article.text, title=article.title,
                      source=article.source)  # fmt: skip


def paragraphs(articles: list[Article]) -> list[str]:
    """The texts tacitus hands to spaCy: the cleaned paragraphs of each article."""
    out = []
    for article in articles:
        cleaned, _ = split_dateline(clean(article.text))
        out.extend(cleaned.text[s:e] for s, e in cleaned.blocks)
    return out


def timed_spacy(coder: Coder, texts: list[str]) -> float:
    start = time.perf_counter()
    for _ in coder.nlp.pipe(texts, batch_size=BATCH):
        pass
    return time.perf_counter() - start


def timed_tacitus(coder: Coder, articles: list[Article], workers: int) -> tuple[float, int]:
    start = time.perf_counter()
    events = sum(len(e) for _, e in coder.code_articles(articles, batch_size=BATCH,
                                                          workers=workers))  # fmt: skip
    return time.perf_counter() - start, events


def child_rss(count: int, corpus: Path) -> None:
    """(In a child process) code `count` articles as a stream; print peak RSS in MB."""
    articles = read_corpus(corpus)
    coder = Coder()
    loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    events = 0
    for _, coded in coder.code_articles(cycled(articles, count), batch_size=BATCH):
        events += len(coded)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{count} {loaded:.0f} {peak:.0f} {elapsed:.1f} {events}")


def measure_rss(count: int, corpus: Path) -> str:
    result = subprocess.run(
        [sys.executable, __file__, "--child-rss", str(count), "--corpus", str(corpus)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    number, loaded, peak, elapsed, events = result.stdout.split()
    return (f"  {int(number):>6} articles: peak RSS {peak} MB (after loading {loaded} MB), "
            f"{events} events in {elapsed} s")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=800, help="stories timed (default 800)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--rss-sizes", default="1000,10000",
                        help="stream lengths for the RSS check, comma-separated ('' skips)")
    parser.add_argument("--child-rss", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_rss:
        child_rss(args.child_rss, args.corpus)
        return

    articles = read_corpus(args.corpus)[: args.n]
    texts = paragraphs(articles)
    words = sum(len(a.text.split()) for a in articles)
    print(f"corpus: {len(articles)} stories of {args.corpus.name}, {words} words, "
          f"{len(texts)} paragraphs; {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}")
    coder = Coder()
    fast = Coder(fast=True)  # its own options, so that its workers code whole articles too
    for warm in (coder, fast):  # warm up: first calls build caches
        for _ in warm.code_articles(articles[:5]):
            pass

    bare = timed_spacy(coder, texts)
    before = (coder.sentences.read, coder.sentences.skipped)
    one, events = timed_tacitus(coder, articles, 1)
    read, skipped = coder.sentences.read - before[0], coder.sentences.skipped - before[1]
    quick, events_fast = timed_tacitus(fast, articles, 1)
    two, events_two = timed_tacitus(coder, articles, 2)
    quick_two, events_fast_two = timed_tacitus(fast, articles, 2)
    rows = [
        ("bare spaCy (nlp.pipe, 1 process)", bare, None),
        ("tacitus, 1 worker", one, events),
        ("tacitus --fast, 1 worker", quick, events_fast),
        ("tacitus, 2 workers", two, events_two),
        ("tacitus --fast, 2 workers", quick_two, events_fast_two),
    ]
    for label, seconds, count in rows:
        print(f"{label + ':':36} {seconds:7.1f} s  {words / seconds:7.0f} words/s  "
              f"{len(articles) / seconds:6.2f} articles/s"
              + (f"  ({count} events)" if count is not None else ""))  # fmt: skip
    print(f"pre-filter: {skipped} of {read} sentences skipped ({skipped / max(read, 1):.1%})")
    print(f"speed tacitus / bare spaCy (1 process): {bare / one:.2f}x, "
          f"--fast {bare / quick:.2f}x  (goal >= 1.5x)")  # fmt: skip
    print(f"speed 2 workers / 1 worker: {one / two:.2f}x, --fast {quick / quick_two:.2f}x  "
          f"(goal >= 1.8x)")  # fmt: skip
    sizes = [int(s) for s in args.rss_sizes.split(",") if s.strip()]
    if sizes:
        print("peak RSS of a child coding a stream (1 worker; goal < 1.5 GB, flat):")
        for size in sizes:
            print(measure_rss(size, args.corpus), flush=True)


if __name__ == "__main__":
    main()
