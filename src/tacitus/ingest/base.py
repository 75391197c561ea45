"""What every reader shares: Rejection, dates, ids, decoding and bounded reading."""

from __future__ import annotations

import codecs
import email.utils
import hashlib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, BinaryIO

from tacitus.errors import DateError
from tacitus.types import Article

__all__ = [
    "Rejection",
    "content_id",
    "date_or_empty",
    "decode_text",
    "lines_bounded",
    "looks_binary",
    "make_article",
    "parse_date",
    "read_bounded",
    "size_text",
]

_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d %B %Y", "%B %d, %Y", "%b %d, %Y", "%d %b %Y")
_ISO_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}([T ].*)?$")
_CHUNK = 1 << 16


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be coded, and why."""

    origin: str
    reason: str


def date_or_empty(value: str) -> str:
    """`value` as an ISO date YYYY-MM-DD, or "" when it is not a recognisable date.

    ISO timestamps keep the calendar date as written (no conversion to UTC): that is the
    day the outlet published on, which relative dates in the text refer to.
    """
    text = value.strip()
    if _ISO_PREFIX.match(text):
        text = text[:10]
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    # RFC 822 dates of RSS feeds and HTTP headers: "Tue, 02 Mar 2021 10:00:00 GMT".
    parsed = email.utils.parsedate_tz(text) if len(text) < 64 else None
    if parsed is not None and 1 <= parsed[1] <= 12 and 1 <= parsed[2] <= 31 and parsed[0] > 0:
        try:
            return datetime(parsed[0], parsed[1], parsed[2]).date().isoformat()
        except ValueError:
            return ""
    return ""


def parse_date(value: str) -> str:
    """Return `value` as an ISO date YYYY-MM-DD; DateError when it is not a recognisable date."""
    parsed = date_or_empty(value)
    if not parsed:
        raise DateError(f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2017-01-01")
    return parsed


def content_id(text: str) -> str:
    """A short stable id made from the text itself (for inputs that carry no id)."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def size_text(count: int) -> str:
    """A byte count for people: 16 MiB, 200 KiB, 12 bytes."""
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if count >= size:
            value = count / size
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{count} bytes"


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or many control characters, near the start: not a text document."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(head.count(bytes([c])) for c in range(32) if c not in (9, 10, 12, 13))
    return controls > max(8, len(head) // 100)


def decode_text(data: bytes, origin: str, *, what: str = "text") -> str | Rejection:
    """UTF-8 text of `data`, or a Rejection saying why it is not a text document."""
    if not data.strip():
        return Rejection(origin, "empty input")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Windows editors save "Unicode" text as UTF-16 with a BOM: text, though full of NULs.
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            return Rejection(origin, f"not UTF-16 text though it starts like it (byte {err.start})")
    if looks_binary(data):
        return Rejection(origin, f"binary input (NUL or control bytes); give {what}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return Rejection(origin, f"not UTF-8 text (byte {err.start}); convert it to UTF-8")


def read_bounded(stream: BinaryIO, limit: int) -> bytes | None:
    """Up to `limit` bytes of `stream`; None when it holds more (nothing more is read)."""
    parts: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = stream.read(min(_CHUNK, limit + 1 - size))
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
    return None if size > limit else b"".join(parts)


def make_article(
    meta: Mapping[str, Any], body: str, *, doc_id: str, origin: str, default_date: str
) -> Article | Rejection:
    """An Article from metadata (title, url, published|date, source|outlet, id) and text."""
    published = str(meta.get("published") or meta.get("date") or "").strip()
    if published:
        parsed = date_or_empty(published)
        if not parsed:
            return Rejection(origin, f"unreadable publication date {published!r}; use YYYY-MM-DD")
        published = parsed
    return Article(
        id=str(meta.get("id") or doc_id or content_id(body)),
        text=body,
        title=str(meta.get("title") or ""),
        url=str(meta.get("url") or ""),
        published=published or default_date,
        source=str(meta.get("source") or meta.get("outlet") or ""),
        origin=origin,
    )


def lines_bounded(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) for each line of `stream`; None for a line longer than `limit`.

    An over-long line is skipped in chunks, never held whole in memory.
    """
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while True:
                rest = stream.readline(_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, None
            continue
        yield number, line
