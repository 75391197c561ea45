"""Reading inputs into Articles: text, HTML, JSON Lines, CSV, RSS/Atom feeds, WARC, stdin, URLs.

Every input either becomes Articles or a Rejection naming the input and the reason; a bad
input never stops the others. One module per format (text, html, rows, feeds, warc), one for
language identification and one, net, for the only network access of tacitus. Readers are
generators: corpora (JSONL, CSV, WARC) are streamed, single documents are read whole up to
the size limits of the `ingest` settings.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

from tacitus.errors import FetchError
from tacitus.ingest import net
from tacitus.ingest.base import (
    Rejection,
    content_id,
    decode_text,
    parse_date,
    read_bounded,
    size_text,
)
from tacitus.ingest.feeds import looks_like_feed, read_feed
from tacitus.ingest.html import html_article, looks_like_html
from tacitus.ingest.language import language_problem
from tacitus.ingest.rows import read_csv, read_jsonl
from tacitus.ingest.text import HEADER_KEYS, read_text_article
from tacitus.ingest.warc import read_warc
from tacitus.settings import IngestSettings, Settings, load_settings
from tacitus.types import Article

__all__ = [
    "HEADER_KEYS",
    "SUFFIXES",
    "Rejection",
    "format_of",
    "iter_articles",
    "parse_date",
    "read_text_article",
    "screen",
]

# File name endings read from folders, by format. Files named on the command line are read
# whatever their name: an unknown ending is sniffed (HTML, feed, WARC), else read as text.
FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".warc": "warc",
    ".warc.gz": "warc",
}
SUFFIXES = tuple(FORMATS)
_SNIFF_BYTES = 4096


def format_of(name: str) -> str:
    """The format a file name says ("text", "html", "jsonl", ...), or "" when it says none."""
    lower = name.lower()
    for suffix in sorted(FORMATS, key=len, reverse=True):
        if lower.endswith(suffix):
            return FORMATS[suffix]
    return ""


def _sniff(head: bytes) -> str:
    if head.startswith(b"\x1f\x8b") or head.startswith(b"WARC/"):
        return "warc"
    if looks_like_html(head):
        return "html"
    if looks_like_feed(head):
        return "feed"
    return "text"


def screen(article: Article, limits: IngestSettings) -> Article | Rejection:
    """Article-level checks every reader's output passes: text, size, line length, language."""
    text = article.text
    if len(text) > limits.max_article_chars:
        return Rejection(
            article.origin,
            f"article text of {len(text):,} characters, more than ingest.max_article_chars "
            f"({limits.max_article_chars:,})",
        )
    if not any(ch.isalnum() for ch in text):
        return Rejection(
            article.origin, "no readable text (only spaces, symbols or invisible characters)"
        )
    longest = max(len(line) for line in text.split("\n"))
    if longest > limits.max_line_chars:
        return Rejection(
            article.origin,
            f"a line of {longest:,} characters, more than ingest.max_line_chars "
            f"({limits.max_line_chars:,}); split the text into paragraphs",
        )
    problem = language_problem(
        text,
        languages=limits.languages,
        min_chars=limits.language_min_chars,
        min_confidence=limits.language_min_confidence,
    )
    return Rejection(article.origin, problem) if problem else article


def _too_large(origin: str, limits: IngestSettings) -> Rejection:
    return Rejection(
        origin,
        f"larger than ingest.max_input_bytes ({size_text(limits.max_input_bytes)}); "
        "raise it in a settings file (--config) if this is one article",
    )


def _document(
    data: bytes,
    kind: str,
    *,
    origin: str,
    doc_id: str,
    limits: IngestSettings,
    default_date: str,
    url: str = "",
    charset: str = "",
) -> Iterator[Article | Rejection]:
    """A single document already in memory: text, HTML page or feed."""
    if kind == "html":
        yield html_article(
            data,
            origin=origin,
            doc_id=doc_id,
            limits=limits,
            default_date=default_date,
            known={"url": url} if url else None,
            charset=charset,
        )
    elif kind == "feed":
        yield from read_feed(data, origin=origin, default_date=default_date, base_url=url)
    else:
        raw = decode_text(data, origin, what="text, HTML, JSONL, CSV, a feed or WARC")
        if isinstance(raw, Rejection):
            yield raw
            return
        article = read_text_article(raw, doc_id=doc_id, origin=origin, default_date=default_date)
        if url and isinstance(article, Article) and not article.url:
            article = replace(article, url=url)
        yield article


def _read_file(
    path: Path, limits: IngestSettings, default_date: str
) -> Iterator[Article | Rejection]:
    origin = str(path)
    try:
        stream = path.open("rb")
    except OSError as err:
        yield Rejection(origin, f"cannot read: {err.strerror or err}")
        return
    with stream:
        kind = format_of(path.name)
        if not kind:
            kind = _sniff(stream.read(_SNIFF_BYTES))
            stream.seek(0)
        try:
            if kind == "jsonl":
                yield from read_jsonl(stream, origin, limits=limits, default_date=default_date)
            elif kind == "csv":
                yield from read_csv(stream, origin, limits=limits, default_date=default_date)
            elif kind == "warc":
                yield from read_warc(stream, origin, limits=limits, default_date=default_date)
            else:
                data = read_bounded(stream, limits.max_input_bytes)
                if data is None:
                    yield _too_large(origin, limits)
                    return
                yield from _document(
                    data,
                    kind,
                    origin=origin,
                    doc_id=path.stem,
                    limits=limits,
                    default_date=default_date,
                )
        except OSError as err:
            yield Rejection(origin, f"cannot read: {err.strerror or err}")


def _read_stdin(
    stream: io.TextIOBase | None, limits: IngestSettings, default_date: str
) -> Iterator[Article | Rejection]:
    source = stream if stream is not None else sys.stdin
    binary = getattr(source, "buffer", None)
    if binary is not None:
        # Bytes, not text: invalid UTF-8 on stdin is a rejection, not a crash.
        data = read_bounded(binary, limits.max_input_bytes)
    else:
        raw = source.read(limits.max_input_bytes + 1)
        data = raw.encode("utf-8", "surrogateescape")
        data = None if len(raw) > limits.max_input_bytes else data
    if data is None:
        yield _too_large("-", limits)
        return
    if not data.strip():
        yield Rejection("-", "empty input on stdin")
        return
    kind = _sniff(data[:_SNIFF_BYTES])
    if kind == "warc":
        yield Rejection("-", "a WARC archive must be given as a file, not on stdin")
        return
    yield from _document(
        data,
        kind,
        origin="-",
        doc_id=content_id(data.decode("utf-8", "replace")),
        limits=limits,
        default_date=default_date,
    )


def _read_url(url: str, limits: IngestSettings, default_date: str) -> Iterator[Article | Rejection]:
    try:
        download = net.fetch(
            url,
            max_bytes=limits.max_input_bytes,
            timeout=limits.fetch_timeout,
            max_seconds=limits.fetch_max_seconds,
            max_redirects=limits.fetch_max_redirects,
        )
    except FetchError as err:
        yield Rejection(url, err.message)
        return
    media = download.media_type
    head = download.data[:_SNIFF_BYTES]
    if "html" in media or looks_like_html(head):
        kind = "html"
    elif "xml" in media or "rss" in media or "atom" in media or looks_like_feed(head):
        kind = "feed"
    elif media.startswith("text/plain"):
        kind = "text"
    else:
        yield Rejection(url, f"not a feed, HTML page or text (content type {media!r})")
        return
    yield from _document(
        download.data,
        kind,
        origin=url,
        doc_id=content_id(download.url),
        limits=limits,
        default_date=default_date,
        url=download.url,
        charset=download.charset,
    )


def _expand(paths: Iterable[str]) -> Iterator[str | Path]:
    for name in paths:
        if name == "-" or net.is_url(name):
            yield name
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and format_of(child.name) and not hidden:
                    yield child
        else:
            yield path


def iter_articles(
    paths: Iterable[str],
    *,
    default_date: str = "",
    stdin: io.TextIOBase | None = None,
    settings: Settings | None = None,
) -> Iterator[Article | Rejection]:
    """Stream Articles (or Rejections) from files, folders (recursively), URLs and `-` (stdin).

    `settings` gives the size limits and languages (default: `load_settings()`, i.e. the
    packaged defaults, or the file named by $TACITUS_CONFIG).
    """
    limits = (settings or load_settings()).ingest
    if default_date:
        default_date = date.fromisoformat(parse_date(default_date)).isoformat()
    for item in _expand(paths):
        if item == "-":
            items = _read_stdin(stdin, limits, default_date)
        elif isinstance(item, str):
            items = _read_url(item, limits, default_date)
        elif not item.exists():
            items = iter([Rejection(str(item), "no such file or folder")])
        else:
            items = _read_file(item, limits, default_date)
        for found in items:
            yield screen(found, limits) if isinstance(found, Article) else found
