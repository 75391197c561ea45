"""Plain text articles: an optional `key: value` header ended by a blank line, then the text."""

from __future__ import annotations

import re

from tacitus.ingest.base import Rejection, make_article
from tacitus.types import Article

__all__ = ["HEADER_KEYS", "read_text_article"]

HEADER_KEYS = ("title", "url", "published", "outlet", "source", "author", "date", "id")
_HEADER_LINE = re.compile(r"^([A-Za-z_]+):[ \t]*(.*)$")
# A header is a handful of short lines; looking further would scan a whole corpus line.
_MAX_HEADER_LINES = 32


def read_text_article(
    raw: str, *, doc_id: str, origin: str, default_date: str = ""
) -> Article | Rejection:
    """Split an optional `key: value` header (ended by a blank line) from the article text."""
    meta: dict[str, str] = {}
    lines = raw.split("\n", _MAX_HEADER_LINES + 1)[: _MAX_HEADER_LINES + 1]
    body = raw
    header_end = None
    for i, line in enumerate(lines):
        if not line.strip():
            header_end = i if i > 0 else None
            break
        match = _HEADER_LINE.match(line.strip()) if len(line) < 4096 else None
        if not match or match.group(1).lower() not in HEADER_KEYS:
            break
    if header_end is not None:
        for line in lines[:header_end]:
            match = _HEADER_LINE.match(line.strip())
            assert match is not None  # every line before header_end matched above
            meta[match.group(1).lower()] = match.group(2).strip()
        parts = raw.split("\n", header_end + 1)
        body = parts[header_end + 1] if len(parts) > header_end + 1 else ""
    if not body.strip():
        return Rejection(origin, "no article text (empty, or only a header)")
    return make_article(meta, body, doc_id=doc_id, origin=origin, default_date=default_date)
