"""RSS and Atom feeds: each item an article (title, link, date; its content or summary as text).

Feeds are parsed by feedparser from bytes in memory (a feed is one document, bounded by
ingest.max_input_bytes); feedparser never sees a URL or a file name, so it never opens one.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator
from typing import Any

import feedparser

from tacitus.ingest.base import Rejection, content_id, date_or_empty, looks_binary, make_article
from tacitus.ingest.html import html_to_text
from tacitus.types import Article

__all__ = ["looks_like_feed", "read_feed"]

_FEED_ROOT = re.compile(rb"<(?:[A-Za-z0-9_-]+:)?(rss|feed|RDF)[\s>/]")


def looks_like_feed(data: bytes) -> bool:
    """The first element of `data` is <rss>, <feed> (Atom) or <rdf:RDF> (RSS 1.0)."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<"):
        return False
    # Skip the XML declaration, comments, doctypes and stylesheet instructions.
    body = re.sub(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", b"", head, flags=re.S).lstrip()
    return bool(_FEED_ROOT.match(body))


def _text_of(entry: Any) -> str:
    contents = [c.get("value", "") for c in entry.get("content") or [] if isinstance(c, dict)]
    best = max(contents, key=len, default="")
    summary = str(entry.get("summary") or "")
    raw = best if len(best) >= len(summary) else summary
    return html_to_text(str(raw))


def _date_of(entry: Any) -> str:
    for key in ("published", "updated", "created", "dc_date"):
        value = entry.get(key)
        if isinstance(value, str) and value.strip():
            parsed = date_or_empty(value)
            if parsed:
                return parsed
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return time.strftime("%Y-%m-%d", value)
    return ""


def read_feed(
    data: bytes, *, origin: str, default_date: str = "", base_url: str = ""
) -> Iterator[Article | Rejection]:
    """One Article (or Rejection) per item of the RSS/Atom feed in `data`."""
    if not data.strip():
        yield Rejection(origin, "empty input")
        return
    if looks_binary(data):
        yield Rejection(origin, "binary input (NUL or control bytes); give an RSS or Atom feed")
        return
    headers = {"content-location": base_url} if base_url else {}
    try:
        feed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    except Exception as err:  # noqa: BLE001 -- a third-party parser must not kill the batch
        yield Rejection(origin, f"feed parsing failed ({type(err).__name__}: {err})")
        return
    entries = list(feed.get("entries") or [])
    if not feed.get("version") and not entries:
        problem = feed.get("bozo_exception")
        detail = f" ({problem})" if problem else ""
        yield Rejection(origin, f"not an RSS or Atom feed{detail}")
        return
    if not entries:
        yield Rejection(origin, "the feed has no items")
        return
    source = html_to_text(str(feed.get("feed", {}).get("title") or ""))
    for number, entry in enumerate(entries, start=1):
        where = f"{origin}:item {number}"
        text = _text_of(entry)
        if not text.strip():
            yield Rejection(where, "feed item has no content or summary text")
            continue
        link = str(entry.get("link") or "")
        meta = {
            "title": html_to_text(str(entry.get("title") or "")),
            "url": link,
            "published": _date_of(entry),
            "source": source,
        }
        doc_id = str(entry.get("id") or link or content_id(text))
        yield make_article(meta, text, doc_id=doc_id, origin=where, default_date=default_date)
