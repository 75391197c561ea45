"""Streaming articles into a store: code the new ones, commit in batches, skip the known.

Idempotent (an article whose id is stored with the same text is skipped before it is coded)
and crash-safe (each batch of articles, their events, stories and the rejections seen so far
is one transaction: a killed run loses at most the batch in flight, and running it again codes
exactly the articles that are missing).
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from tacitus.errors import InputError
from tacitus.ingest import Rejection
from tacitus.store.db import Store
from tacitus.store.records import content_hash
from tacitus.types import Article, Event

__all__ = ["ArticleCoder", "IngestProgress", "ingest"]


class ArticleCoder(Protocol):
    """What ingest needs of a coder (:class:`tacitus.Coder` is one)."""

    version: str

    def code_articles(
        self,
        articles: Iterable[Article],
        *,
        batch_size: int = ...,
        workers: int = ...,
        on_error: Callable[[Article, Exception], None] | None = ...,
    ) -> Iterator[tuple[Article, list[Event]]]: ...


@dataclass(slots=True)
class IngestProgress:
    """Counts of one ingest run, updated as it goes."""

    read: int = 0
    """Articles read from the inputs (rejected inputs not included)."""
    added: int = 0
    """New articles coded and committed."""
    coded: int = 0
    """New articles coded (committed or still in the open batch)."""
    skipped: int = 0
    """Articles already in the store with the same text."""
    events: int = 0
    """Events of the new articles."""
    rejected: int = 0
    """Inputs rejected in this run (unreadable, empty, id clash ...)."""
    batches: int = 0
    """Transactions committed."""
    sentences: int = 0
    """Sentences of the new articles seen by the coder's pre-filter (0: no pre-filter)."""
    sentences_skipped: int = 0
    """Of those, the sentences not parsed (no trigger word or no possible actor)."""
    started: float = field(default_factory=time.monotonic)

    @property
    def rate(self) -> float:
        """New articles coded per second so far."""
        elapsed = time.monotonic() - self.started
        return self.coded / elapsed if elapsed > 0 else 0.0


ProgressHook = Callable[[str, IngestProgress, Rejection | None], None]
"""Called with ("article" | "commit" | "rejection", counts, the rejection or None)."""


def _ignore(kind: str, progress: IngestProgress, rejection: Rejection | None) -> None:
    del kind, progress, rejection


def ingest(
    store: Store,
    items: Iterable[Article | Rejection],
    coder: ArticleCoder | Callable[[], ArticleCoder],
    *,
    batch_size: int = 32,
    strict: bool = False,
    workers: int = 1,
    on_progress: ProgressHook = _ignore,
) -> IngestProgress:
    """Code the articles of `items` the store lacks and store them, `batch_size` per commit.

    `coder` may be a factory, called only if there is a new article to code (re-ingesting a
    corpus does not load the language model). Rejections are stored with the next batch.
    With `strict`, the first rejection raises InputError (batches before it stay committed).
    `workers` > 1 parses in that many processes; the store ends the same as with one (this
    process stays the single writer).
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    if workers < 1:
        raise ValueError("workers must be at least 1")
    progress = IngestProgress()
    rejections: list[Rejection] = []
    in_run: dict[str, str] = {}

    def reject(rejection: Rejection) -> None:
        progress.rejected += 1
        rejections.append(rejection)
        on_progress("rejection", progress, rejection)
        if strict:
            raise InputError(f"{rejection.origin}: {rejection.reason}")

    def new_articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, Rejection):
                reject(item)
                continue
            progress.read += 1
            digest = content_hash(item.text)
            known = in_run.get(item.id) or store.article_hash(item.id)
            if known == digest:
                progress.skipped += 1
                continue
            if known is not None:
                reject(
                    Rejection(
                        item.origin or item.id,
                        f"article id {item.id!r} is already stored with a different text; "
                        f"give it another id",
                    )
                )
                continue
            in_run[item.id] = digest
            yield item

    stream = new_articles()
    first = next(stream, None)
    batch: list[tuple[Article, Sequence[Event]]] = []
    if first is not None:
        active = coder() if callable(coder) else coder
        progress.started = time.monotonic()  # the rate is of coding, not of loading the model
        failed: set[str] = set()

        def coding_failed(article: Article, error: Exception) -> None:
            failed.add(article.id)
            in_run.pop(article.id, None)  # not stored: a later run tries it again
            reject(Rejection(article.origin or article.id, f"coding failed: {error}"))

        coded = active.code_articles(
            itertools.chain([first], stream),
            batch_size=32,
            workers=workers,
            on_error=coding_failed,
        )
        counts = getattr(active, "sentences", None)
        base = (counts.read, counts.skipped) if counts is not None else (0, 0)
        for article, events in coded:
            if counts is not None:
                progress.sentences = counts.read - base[0]
                progress.sentences_skipped = counts.skipped - base[1]
            if article.id in failed:
                continue
            batch.append((article, events))
            progress.coded += 1
            progress.events += len(events)
            on_progress("article", progress, None)
            if len(batch) >= batch_size:
                _commit(store, batch, rejections, active.version, progress, on_progress)
                batch.clear()
                rejections.clear()
        version = active.version
    else:
        version = ""
    if batch or rejections:
        _commit(store, batch, rejections, version, progress, on_progress)
    return progress


def _commit(
    store: Store,
    batch: list[tuple[Article, Sequence[Event]]],
    rejections: list[Rejection],
    version: str,
    progress: IngestProgress,
    on_progress: ProgressHook,
) -> None:
    progress.added += store.write_batch(batch, rejections, coder=version)
    progress.batches += 1
    on_progress("commit", progress, None)
