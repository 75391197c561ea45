"""Coding on Dask (the `[dask]` extra): bags and dataframes of articles in, event dicts out.

Each worker process builds one :class:`tacitus.Coder` the first time it codes a partition
and keeps it (the spaCy model loads once per process, not once per task). Everything sent to
the workers is a module-level function with plain arguments: nothing here needs to pickle a
lambda or a closure. Dask itself is imported only when one of these functions is called, so
``import tacitus.scale`` works without the extra.

Example:
    import dask.bag as db
    from tacitus.scale import code_bag

    articles = db.from_sequence([{"id": "a1", "text": "...", "published": "2017-01-01"}])
    events = code_bag(articles).compute()      # a list of event dicts (the JSONL records)
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from tacitus import __version__
from tacitus.types import Article, Event

if TYPE_CHECKING:
    from tacitus.pipeline import Coder

__all__ = [
    "DaskCoder",
    "code_bag",
    "code_chunk",
    "code_chunk_outcomes",
    "code_dataframe",
    "code_partition",
    "local_client",
    "to_article",
]

_ARTICLE_FIELDS = ("id", "text", "title", "url", "published", "source", "origin")
_CoderKey = tuple[tuple[str, ...], tuple[str, ...], bool, bool]
_coders: dict[_CoderKey, Coder] = {}
# One partition at a time per process: a worker with several threads (or a LocalCluster
# with processes=False) must not run one spaCy pipeline from two threads at once.
_lock = threading.Lock()


def _coder(
    patterns: Sequence[str], actors: Sequence[str], include_all: bool, fast: bool = False
) -> Coder:
    """This process's Coder for these options, built on first use and kept."""
    from tacitus.pipeline import Coder

    key = (tuple(patterns), tuple(actors), include_all, fast)
    if key not in _coders:
        _coders[key] = Coder(patterns=key[0], actors=key[1], include_all=include_all, fast=fast)
    return _coders[key]


def to_article(item: Article | Mapping[str, Any]) -> Article:
    """An Article from an Article or a mapping with its fields (`id` and `text` required).

    Missing or null optional fields become ""; unknown keys are ignored (a dataframe row may
    carry columns of its own).
    """
    if isinstance(item, Article):
        return item
    values = {name: item.get(name) for name in _ARTICLE_FIELDS}
    if not values["id"] or values["text"] is None:
        raise ValueError(f"an article needs an id and a text, got keys {sorted(item)}")
    return Article(**{k: "" if v is None else str(v) for k, v in values.items()})


def code_chunk(
    articles: Sequence[Article],
    patterns: Sequence[str] = (),
    actors: Sequence[str] = (),
    include_all: bool = False,
    fast: bool = False,
) -> list[tuple[Article, list[Event]]]:
    """Code a list of articles in this process (a partition's task); a failure raises."""
    with _lock:
        coder = _coder(patterns, actors, include_all, fast)
        return list(coder.code_articles(articles, batch_size=8))


def code_chunk_outcomes(
    articles: Sequence[Article],
    patterns: Sequence[str] = (),
    actors: Sequence[str] = (),
    include_all: bool = False,
    fast: bool = False,
) -> list[tuple[Article, list[Event], str]]:
    """Like :func:`code_chunk`, with "" or the reason an article's coding failed (the task
    :class:`DaskCoder` submits: one bad article does not fail the chunk)."""
    with _lock:
        coder = _coder(patterns, actors, include_all, fast)
        return list(coder.code_outcomes(articles, batch_size=8))


def code_partition(
    items: Iterable[Article | Mapping[str, Any]],
    patterns: Sequence[str] = (),
    actors: Sequence[str] = (),
    include_all: bool = False,
    fast: bool = False,
) -> list[dict[str, Any]]:
    """Code one partition of articles (or dicts): the event dicts, in article order."""
    articles = [to_article(item) for item in items]
    return [
        event.to_dict()
        for _, events in code_chunk(articles, patterns, actors, include_all, fast)
        for event in events
    ]


def code_bag(
    bag: Any,
    *,
    patterns: Sequence[str] = (),
    actors: Sequence[str] = (),
    include_all: bool = False,
    fast: bool = False,
) -> Any:
    """A dask.bag of event dicts (the JSONL records) from a dask.bag of Articles or dicts.

    Lazy like any bag: nothing is coded before `.compute()` (or `.to_textfiles(...)`).
    """
    return bag.map_partitions(
        code_partition,
        patterns=tuple(patterns),
        actors=tuple(actors),
        include_all=include_all,
        fast=fast,
    )


def code_dataframe(
    ddf: Any,
    *,
    patterns: Sequence[str] = (),
    actors: Sequence[str] = (),
    include_all: bool = False,
    fast: bool = False,
) -> Any:
    """A dask.bag of event dicts from a dask DataFrame with one article per row.

    Columns `id` and `text` are required; `title`, `url`, `published`, `source` are used when
    present. Events nest lists of actors, so they come back as a bag (`.to_dataframe()` or
    `.map(json.dumps).to_textfiles(...)` from there).
    """
    return code_bag(
        ddf.to_bag(index=False, format="dict"),
        patterns=patterns, actors=actors, include_all=include_all, fast=fast,
    )  # fmt: skip


def local_client(workers: int = 2, *, processes: bool = True) -> Any:
    """A Client on a new LocalCluster of `workers` single-threaded workers."""
    from distributed import Client, LocalCluster

    cluster = LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=processes, dashboard_address=None
    )
    return Client(cluster)


class DaskCoder:
    """Codes a stream of articles on a Dask cluster; results come back here, in order.

    It has the interface :func:`tacitus.store.ingest` needs, so a store is written by this
    process alone (one writer) while the workers parse. At most `in_flight` chunks of
    `chunk_size` articles are out at a time: memory stays bounded whatever the stream length.
    """

    def __init__(
        self,
        client: Any,
        *,
        patterns: Sequence[str] = (),
        actors: Sequence[str] = (),
        include_all: bool = False,
        fast: bool = False,
        chunk_size: int = 16,
        in_flight: int = 0,
    ) -> None:
        self.client = client
        self.patterns = tuple(patterns)
        self.actors = tuple(actors)
        self.include_all = include_all
        self.fast = fast
        self.chunk_size = chunk_size
        threads = sum(client.nthreads().values()) or 1
        self.in_flight = in_flight or 2 * threads
        self.version = f"tacitus {__version__}"

    def code_articles(
        self,
        articles: Iterable[Article],
        *,
        batch_size: int = 8,
        workers: int = 1,
        on_error: Callable[[Article, Exception], None] | None = None,
    ) -> Iterator[tuple[Article, list[Event]]]:
        """Code `articles` in chunks on the cluster (`batch_size`, `workers` are the cluster's
        business here and are ignored). An article whose coding fails goes to `on_error`
        (and comes back with no events); without `on_error` the failure is raised."""
        del batch_size, workers
        from tacitus.workers import deliver, in_order

        chunks = in_order(
            articles, self._submit, chunk_size=self.chunk_size, in_flight=self.in_flight
        )
        for future in chunks:
            yield from deliver(future.result(), on_error)

    def _submit(self, chunk: list[Article]) -> Any:
        return self.client.submit(
            code_chunk_outcomes,
            chunk,
            self.patterns,
            self.actors,
            self.include_all,
            self.fast,
            pure=False,
        )
