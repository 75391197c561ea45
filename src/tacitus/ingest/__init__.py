"""Reading inputs into Articles: text files with an optional header, JSON Lines, CSV, stdin.

Every input either becomes Articles or a Rejection naming the input and the reason; a bad
input never stops the others.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tacitus.errors import DateError
from tacitus.types import Article

__all__ = ["Rejection", "iter_articles", "parse_date", "read_text_article", "SUFFIXES"]

SUFFIXES = (".txt", ".text", ".jsonl", ".ndjson", ".csv")
HEADER_KEYS = ("title", "url", "published", "outlet", "source", "author", "date", "id")
_HEADER_LINE = re.compile(r"^([A-Za-z_]+):[ \t]*(.*)$")
_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d %B %Y", "%B %d, %Y", "%b %d, %Y", "%d %b %Y")
csv.field_size_limit(2**28)


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be coded, and why."""

    origin: str
    reason: str


def parse_date(value: str) -> str:
    """Return `value` as an ISO date YYYY-MM-DD; DateError when it is not a recognisable date."""
    text = value.strip()
    if re.match(r"^\d{4}-\d{2}-\d{2}([T ].*)?$", text):
        text = text[:10]
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    raise DateError(f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2017-01-01")


def _content_id(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _decode(data: bytes, origin: str) -> str | Rejection:
    if not data.strip():
        return Rejection(origin, "empty input")
    if b"\x00" in data[:8192]:
        return Rejection(origin, "binary input (NUL bytes); give text, JSONL or CSV")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return Rejection(origin, f"not UTF-8 text (byte {err.start}); convert it to UTF-8")


def read_text_article(
    raw: str, *, doc_id: str, origin: str, default_date: str = ""
) -> Article | Rejection:
    """Split an optional `key: value` header (ended by a blank line) from the article text."""
    meta: dict[str, str] = {}
    lines = raw.split("\n")
    body = raw
    header_end = None
    for i, line in enumerate(lines):
        if not line.strip():
            header_end = i if i > 0 else None
            break
        match = _HEADER_LINE.match(line.strip())
        if not match or match.group(1).lower() not in HEADER_KEYS:
            break
    if header_end is not None:
        for line in lines[:header_end]:
            match = _HEADER_LINE.match(line.strip())
            assert match is not None  # every line before header_end matched above
            meta[match.group(1).lower()] = match.group(2).strip()
        body = "\n".join(lines[header_end + 1 :])
    if not body.strip():
        return Rejection(origin, "no article text (empty, or only a header)")
    return _make_article(meta, body, doc_id=doc_id, origin=origin, default_date=default_date)


def _make_article(
    meta: dict[str, Any], body: str, *, doc_id: str, origin: str, default_date: str
) -> Article | Rejection:
    published = str(meta.get("published") or meta.get("date") or "").strip()
    if published:
        try:
            published = parse_date(published)
        except DateError:
            return Rejection(origin, f"unreadable publication date {published!r}; use YYYY-MM-DD")
    return Article(
        id=str(meta.get("id") or doc_id or _content_id(body)),
        text=body,
        title=str(meta.get("title") or ""),
        url=str(meta.get("url") or ""),
        published=published or default_date,
        source=str(meta.get("source") or meta.get("outlet") or ""),
        origin=origin,
    )


def _rows_jsonl(raw: str, origin: str, default_date: str) -> Iterator[Article | Rejection]:
    for number, line in enumerate(raw.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            yield Rejection(where, f"invalid JSON ({err.msg} at column {err.colno})")
            continue
        if not isinstance(row, dict):
            yield Rejection(where, "a JSONL row must be an object with a 'text' field")
            continue
        yield _row_article(row, where, default_date)


def _row_article(row: dict[str, Any], where: str, default_date: str) -> Article | Rejection:
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        if row.get("html"):
            return Rejection(where, "HTML rows are not supported yet; give a 'text' field")
        return Rejection(where, "row has no 'text' field (or it is empty)")
    doc_id = str(row.get("id") or "") or _content_id(text)
    return _make_article(row, text, doc_id=doc_id, origin=where, default_date=default_date)


def _rows_csv(raw: str, origin: str, default_date: str) -> Iterator[Article | Rejection]:
    reader = csv.DictReader(io.StringIO(raw))
    if not reader.fieldnames or "text" not in reader.fieldnames:
        yield Rejection(origin, "CSV needs a header row with a 'text' column")
        return
    for number, row in enumerate(reader, start=2):
        yield _row_article(dict(row), f"{origin}:{number}", default_date)


def _read_one(path: Path, default_date: str) -> Iterator[Article | Rejection]:
    origin = str(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        yield Rejection(origin, f"cannot read: {err.strerror or err}")
        return
    raw = _decode(data, origin)
    if isinstance(raw, Rejection):
        yield raw
        return
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        yield from _rows_jsonl(raw, origin, default_date)
    elif suffix == ".csv":
        yield from _rows_csv(raw, origin, default_date)
    else:
        yield read_text_article(raw, doc_id=path.stem, origin=origin, default_date=default_date)


def _expand(paths: Iterable[str]) -> Iterator[str | Path]:
    for name in paths:
        if name == "-":
            yield "-"
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and child.suffix.lower() in SUFFIXES and not hidden:
                    yield child
        else:
            yield path


def iter_articles(
    paths: Iterable[str], *, default_date: str = "", stdin: io.TextIOBase | None = None
) -> Iterator[Article | Rejection]:
    """Stream Articles (or Rejections) from files, folders (recursively) and `-` (stdin)."""
    if default_date:
        default_date = date.fromisoformat(parse_date(default_date)).isoformat()
    for item in _expand(paths):
        if item == "-":
            stream = stdin if stdin is not None else sys.stdin
            raw = stream.read()
            if not raw.strip():
                yield Rejection("-", "empty input on stdin")
                continue
            yield read_text_article(
                raw, doc_id=_content_id(raw), origin="-", default_date=default_date
            )
        elif isinstance(item, Path) and not item.exists():
            yield Rejection(str(item), "no such file or folder")
        else:
            assert isinstance(item, Path)
            yield from _read_one(item, default_date)
