"""JSON Lines and CSV: one article per row (id, text or html, title, url, published, source).

Both are streamed line by line from the file; a row longer than ingest.max_row_bytes is
skipped (JSONL) or ends the file (CSV, whose records can span lines) with a Rejection that
names the line. A row's `html` is read like an HTML page; its own fields win over the page's.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from tacitus.ingest.base import (
    Rejection,
    content_id,
    date_or_empty,
    lines_bounded,
    make_article,
    size_text,
)
from tacitus.ingest.html import html_article
from tacitus.settings import IngestSettings
from tacitus.types import Article

__all__ = ["read_csv", "read_jsonl", "row_article"]

# Quoted CSV fields may be long (a whole article's HTML): the row size limit bounds them.
csv.field_size_limit(2**31 - 1)


def row_article(
    row: dict[str, Any], where: str, *, limits: IngestSettings, default_date: str
) -> Article | Rejection:
    """An Article from one row: `text` as given, else `html` through trafilatura."""
    row = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
    text = row.get("text")
    html = row.get("html")
    doc_id = str(row.get("id") or "")
    if isinstance(text, str) and text.strip():
        return make_article(
            row, text, doc_id=doc_id or content_id(text), origin=where, default_date=default_date
        )
    if isinstance(html, str) and html.strip():
        known = {k: row.get(k) for k in ("id", "title", "url", "source")}
        known["source"] = known["source"] or row.get("outlet")
        published = str(row.get("published") or row.get("date") or "").strip()
        known["published"] = date_or_empty(published)
        if published and not known["published"]:
            return Rejection(where, f"unreadable publication date {published!r}; use YYYY-MM-DD")
        return html_article(
            html, origin=where, doc_id=doc_id, limits=limits, default_date=default_date, known=known
        )
    return Rejection(where, "row has no 'text' or 'html' field (or it is empty)")


def read_jsonl(
    stream: BinaryIO, origin: str, *, limits: IngestSettings, default_date: str
) -> Iterator[Article | Rejection]:
    """One Article or Rejection per non-blank line of a JSON Lines stream."""
    empty = True
    for number, line in lines_bounded(stream, limits.max_row_bytes):
        where = f"{origin}:{number}"
        if line is None:
            empty = False
            yield Rejection(
                where,
                f"line longer than ingest.max_row_bytes ({size_text(limits.max_row_bytes)}); "
                "skipped",
            )
            continue
        if not line.strip():
            continue
        empty = False
        try:
            decoded = line.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as err:
            yield Rejection(where, f"not UTF-8 text (byte {err.start}); convert it to UTF-8")
            continue
        try:
            row = json.loads(decoded)
        except json.JSONDecodeError as err:
            yield Rejection(where, f"invalid JSON ({err.msg} at column {err.colno})")
            continue
        except RecursionError:
            yield Rejection(where, "invalid JSON (nested too deeply)")
            continue
        if not isinstance(row, dict):
            yield Rejection(where, "a JSONL row must be an object with a 'text' or 'html' field")
            continue
        yield row_article(row, where, limits=limits, default_date=default_date)
    if empty:
        yield Rejection(origin, "empty input")


class _Lines:
    """Lines of a CSV stream for csv.reader, stopping at the first one that is too long."""

    def __init__(self, stream: BinaryIO, limit: int) -> None:
        self._lines = lines_bounded(stream, limit)
        self.limit = limit
        self.number = 0
        self.record_bytes = 0  # bytes of the record being read (it may span lines)
        self.problem = ""

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self.problem:
            raise StopIteration
        number, line = next(self._lines)
        self.number = number
        if line is not None:
            self.record_bytes += len(line)
        if line is None or self.record_bytes > self.limit:
            self.problem = (
                f"CSV record at line {number} longer than ingest.max_row_bytes "
                f"({size_text(self.limit)}); the rest of the file is skipped"
            )
            raise StopIteration
        try:
            return line.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as err:
            self.problem = (
                f"line {number} is not UTF-8 text (byte {err.start}); the rest of the file "
                "is skipped; convert it to UTF-8"
            )
            raise StopIteration from err


def read_csv(
    stream: BinaryIO, origin: str, *, limits: IngestSettings, default_date: str
) -> Iterator[Article | Rejection]:
    """One Article or Rejection per data row of a CSV file with a header row."""
    lines = _Lines(stream, limits.max_row_bytes)
    reader = csv.reader(lines)
    try:
        header = next(reader, None)
        if lines.problem or header is None:
            yield Rejection(origin, lines.problem or "empty input")
            return
        names = [name.strip().lower() for name in header]
        if "text" not in names and "html" not in names:
            yield Rejection(origin, "CSV needs a header row with a 'text' or 'html' column")
            return
        while True:
            lines.record_bytes = 0
            start = lines.number + 1
            values = next(reader, None)
            if lines.problem:
                yield Rejection(f"{origin}:{start}", lines.problem)
                return
            if values is None:
                return
            if not any(v.strip() for v in values):
                continue
            row = dict(zip(names, values, strict=False))
            yield row_article(row, f"{origin}:{start}", limits=limits, default_date=default_date)
    except csv.Error as err:
        yield Rejection(f"{origin}:{lines.number}", f"malformed CSV ({err})")
