"""`tacitus ingest`: code articles into a DuckDB store, in batches, resumable after a crash."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Sequence
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TaskID, TextColumn, TimeElapsedColumn

from tacitus.cli.code import ConfigOption, FastOption
from tacitus.cli.query import DbOption, fail
from tacitus.errors import InputError, TacitusError
from tacitus.ingest import Rejection, iter_articles, parse_date
from tacitus.settings import load_settings
from tacitus.store import DEFAULT_DB, ArticleCoder, IngestProgress, Store, open_store
from tacitus.store import ingest as ingest_articles
from tacitus.types import Article

__all__ = ["ingest"]


class _LazyCoder:
    """Builds the Coder (spaCy + lexicons) only when there is something new to code."""

    def __init__(self, patterns: Sequence[str], actors: Sequence[str], fast: bool) -> None:
        self.patterns = tuple(patterns)
        self.actors = tuple(actors)
        self.fast = fast

    def __call__(self) -> ArticleCoder:
        from tacitus.pipeline import Coder

        return Coder(patterns=self.patterns, actors=self.actors, fast=self.fast)


@contextlib.contextmanager
def _dask_coder(
    address: str, patterns: Sequence[str], actors: Sequence[str], fast: bool
) -> Iterator[Any]:
    """A DaskCoder on a 2-worker LocalCluster (`local`) or the scheduler at `address`."""
    try:
        from distributed import Client

        from tacitus.scale import DaskCoder, local_client
    except ImportError:
        fail('--dask needs the dask extra: pip install "tacitus[dask]"')
    client = local_client(2) if address == "local" else Client(address)
    try:
        yield DaskCoder(client, patterns=patterns, actors=actors, fast=fast)
    finally:
        cluster = client.cluster if address == "local" else None
        client.close()
        if cluster is not None:
            cluster.close()


class _Report:
    """Shows progress: a live bar on a terminal, one log line per commit otherwise."""

    def __init__(self, err: Console, *, live: bool) -> None:
        self.err = err
        self.live = live
        self.bar: Progress | None = None
        self.task: TaskID | None = None

    def __enter__(self) -> _Report:
        if self.live:
            self.bar = Progress(
                SpinnerColumn(),
                TextColumn("{task.fields[coded]} articles"),
                TextColumn("{task.fields[rate]:.1f} articles/s"),
                TextColumn("{task.fields[events]} events"),
                TextColumn("{task.fields[rejected]} rejected"),
                TextColumn("{task.fields[skipped]} already stored"),
                TimeElapsedColumn(),
                console=self.err,
                transient=False,
            )
            self.bar.__enter__()
            self.task = self.bar.add_task(
                "ingest", total=None, coded=0, rate=0.0, events=0, rejected=0, skipped=0
            )
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)

    def __call__(self, kind: str, progress: IngestProgress, rejection: Rejection | None) -> None:
        if rejection is not None:
            console = self.bar.console if self.bar is not None else self.err
            console.print(
                f"tacitus: {rejection.origin}: {rejection.reason}",
                markup=False, highlight=False, soft_wrap=True,
            )  # fmt: skip
        if self.bar is not None and self.task is not None:
            self.bar.update(
                self.task, coded=progress.coded, rate=progress.rate, events=progress.events,
                rejected=progress.rejected, skipped=progress.skipped,
            )  # fmt: skip
        elif kind == "commit":
            self.err.print(
                f"tacitus ingest: batch {progress.batches} committed: {progress.added} new "
                f"articles ({progress.rate:.1f}/s), {progress.events} events, "
                f"{progress.rejected} rejected, {progress.skipped} already stored",
                markup=False, highlight=False, soft_wrap=True,
            )  # fmt: skip


def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or - (stdin).")],
    db: DbOption = DEFAULT_DB,
    date: Annotated[
        str, typer.Option("--date", help="Publication date YYYY-MM-DD when the input has none.")
    ] = "",
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Articles per transaction.")
    ] = 32,
    patterns: Annotated[
        list[str] | None, typer.Option("--patterns", help="Extra event pattern file (JSONL).")
    ] = None,
    actors: Annotated[
        list[str] | None, typer.Option("--actors", help="Extra actor dictionary file.")
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Stop at the first bad input.")] = False,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            help="Parsing processes (default: the machine's cores); same store as one.",
        ),
    ] = None,
    dask: Annotated[
        str,
        typer.Option(
            "--dask",
            metavar="local|ADDRESS",
            help="Code on Dask: a 2-worker LocalCluster, or a scheduler address "
            "(tcp://host:8786). Needs the dask extra; this process still writes the store.",
        ),
    ] = "",
    fast: FastOption = False,
    config: ConfigOption = "",
) -> None:
    """Code articles into a DuckDB store (created if missing), committing every batch.

    An article's id is its given id (JSONL/CSV `id`, header `id:`, else the file name), or its
    content hash for stdin; articles already stored with the same text are skipped, so running
    the same command again adds nothing, and a run that was killed resumes where its last
    commit ended. Same-id articles with a different text are rejected. Stories (one per
    real-world event, across outlets) are updated with every batch. Parsing runs in --workers
    processes, or on a Dask cluster with --dask; either way the store is the same.

    Example: tacitus ingest corpus/ wires.jsonl --db events.duckdb --date 2017-01-01
    """
    err = Console(stderr=True)
    if date:
        try:
            date = parse_date(date)
        except TacitusError as exc:
            fail(str(exc))
    try:
        store: Store = open_store(db)
    except TacitusError as exc:
        fail(str(exc))
    workers = workers or os.cpu_count() or 1
    try:
        settings = load_settings(config or None)
    except TacitusError as exc:
        fail(str(exc))
    actors = [*settings.lexicon.actors, *(actors or ())]
    items: Iterator[Article | Rejection] = iter_articles(
        paths, default_date=date, settings=settings
    )
    try:
        with contextlib.ExitStack() as stack:
            stack.enter_context(store)
            coder: ArticleCoder | _LazyCoder = _LazyCoder(patterns or (), actors, fast)
            if dask:
                coder = stack.enter_context(_dask_coder(dask, patterns or (), actors, fast))
            report = stack.enter_context(_Report(err, live=err.is_terminal))
            progress = ingest_articles(
                store, items, coder,
                batch_size=batch_size, strict=strict, workers=workers, on_progress=report,
            )  # fmt: skip
            counts = store.counts()
    except InputError as exc:
        fail(f"stopped (--strict): {exc.message}", 1)
    except TacitusError as exc:
        fail(str(exc))
    err.print(
        f"tacitus ingest: {progress.added} new articles, {progress.skipped} already stored, "
        f"{progress.events} events, {progress.rejected} rejected; {db} now holds "
        f"{counts['articles']} articles, {counts['events']} events in {counts['stories']} "
        f"stories",
        markup=False, highlight=False, soft_wrap=True,
    )  # fmt: skip
    if progress.sentences:
        err.print(
            f"tacitus ingest: the pre-filter skipped {progress.sentences_skipped} of "
            f"{progress.sentences} sentences "
            f"({100 * progress.sentences_skipped / progress.sentences:.1f}%) without parsing them",
            markup=False, highlight=False, soft_wrap=True,
        )  # fmt: skip
    if progress.rejected:
        raise typer.Exit(1)
