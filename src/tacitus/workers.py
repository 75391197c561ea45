"""Coding in several processes: each process parses and codes whole articles.

spaCy's own multiprocessing (`nlp.pipe(n_process=N)`) only parses in the workers; the coding
of every parse then queues up in the parent, which becomes the bottleneck on a 2-core machine.
Here each worker runs a complete :class:`tacitus.Coder` on chunks of articles and sends back
the events, so N workers keep N cores busy. Results come back in input order, and at most
`in_flight` chunks are out at a time, so memory stays bounded whatever the stream length.

On Linux the workers are forked from the process that owns the Coder (the loaded model and
dictionaries are shared copy-on-write, nothing is pickled); elsewhere they are spawned and
build their own Coder from the same options. A worker gets SIGTERM when its parent dies,
even by SIGKILL, so a killed run leaves no orphan behind (Linux).
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING, Any, TypeVar

from tacitus.types import Article, Event

if TYPE_CHECKING:
    from tacitus.pipeline import Coder

__all__ = ["Failure", "code_in_processes", "deliver", "die_with_parent", "in_order"]

F = TypeVar("F")

# The Coder of this process: inherited from the parent when forked, built when spawned.
_coder: Coder | None = None
# Set in the parent while it starts a pool, so that forked workers inherit its Coder.
_parent: Coder | None = None

Outcome = tuple[Article, list[Event], str]
"""An article, its events, and "" or the reason its coding failed."""


class Failure(Exception):
    """Coding one article failed in a worker; `reason` is the worker's error, as text."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def die_with_parent() -> None:
    """In a worker process: get SIGTERM when the parent dies, even by SIGKILL (Linux only)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    if os.getppid() == 1:  # the parent died before the call
        os._exit(1)


def _start(options: dict[str, Any]) -> None:
    global _coder
    die_with_parent()
    if _parent is not None:
        _coder = _parent
    else:
        from tacitus.pipeline import Coder

        _coder = Coder(**options)


def _code_chunk(chunk: list[Article], batch_size: int) -> tuple[list[Outcome], int, int]:
    """The chunk's outcomes, and the sentences the pre-filter read and skipped for it."""
    assert _coder is not None, "worker started without a coder"
    counts = _coder.sentences
    read, skipped = counts.read, counts.skipped
    outcomes = list(_coder.code_outcomes(chunk, batch_size=batch_size))
    return outcomes, counts.read - read, counts.skipped - skipped


def in_order(
    articles: Iterable[Article],
    submit: Callable[[list[Article]], F],
    *,
    chunk_size: int,
    in_flight: int,
) -> Iterator[F]:
    """Submit `articles` in chunks of `chunk_size` and yield the pending results in input
    order, keeping at most `in_flight` of them out: memory stays bounded on any stream."""
    pending: deque[F] = deque()
    stream = iter(articles)
    while chunk := list(itertools.islice(stream, chunk_size)):
        pending.append(submit(chunk))
        while len(pending) >= in_flight:
            yield pending.popleft()
    while pending:
        yield pending.popleft()


def deliver(
    outcomes: Iterable[Outcome], on_error: Callable[[Article, Exception], None] | None
) -> Iterator[tuple[Article, list[Event]]]:
    """(article, events) of each outcome; a failed article goes to `on_error` (and comes
    with no events), or is raised as :class:`Failure` without one."""
    for article, events, reason in outcomes:
        if reason:
            if on_error is None:
                raise Failure(f"{article.id}: {reason}")
            on_error(article, Failure(reason))
        yield article, events


def code_in_processes(
    coder: Coder,
    articles: Iterable[Article],
    *,
    workers: int,
    options: dict[str, Any],
    batch_size: int = 64,
    chunk_size: int = 32,
    in_flight: int = 0,
    on_error: Callable[[Article, Exception], None] | None = None,
) -> Iterator[tuple[Article, list[Event]]]:
    """Code `articles` in `workers` processes, yielding (article, events) in input order.

    `options` are the keyword arguments that rebuild `coder` in a spawned process. An article
    whose coding fails is passed to `on_error` (and yielded with no events); without
    `on_error` the failure is raised as :class:`Failure`.
    """
    global _parent
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    in_flight = in_flight or 2 * workers
    _parent = coder if context.get_start_method() == "fork" else None
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start, initargs=(options,))

    def submit(chunk: list[Article]) -> Future[tuple[list[Outcome], int, int]]:
        return pool.submit(_code_chunk, chunk, batch_size)

    try:
        for future in in_order(articles, submit, chunk_size=chunk_size, in_flight=in_flight):
            outcomes, read, skipped = future.result()
            coder.sentences.read += read
            coder.sentences.skipped += skipped
            yield from deliver(outcomes, on_error)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _parent = None
