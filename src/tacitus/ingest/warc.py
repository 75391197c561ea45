"""WARC and WARC.gz web archives (Common Crawl's CC-NEWS, wget --warc-file, ...).

Each HTML response (or resource) record with a 2xx status becomes an article: its target URI
is the article's URL and its WARC-Date the publication date unless the page states an earlier
one. The file is streamed record by record by warcio; a record's payload is read up to
ingest.max_record_bytes and no further. Records that are not HTML pages (requests, metadata,
images, redirects) are passed over without a word; a truncated or corrupt file ends with a
Rejection naming the record where reading stopped, after the records before it were read.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator

from tacitus.ingest.base import Rejection, content_id, date_or_empty, read_bounded, size_text
from tacitus.ingest.html import html_article, looks_like_html
from tacitus.settings import IngestSettings
from tacitus.types import Article

__all__ = ["read_warc"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 1 << 16


@contextlib.contextmanager
def _quiet() -> Iterator[io.StringIO]:
    # warcio writes what it finds wrong (bad Content-Length, broken gzip) on stderr; the
    # library never prints, so that text is kept and put in the rejection instead.
    noise = io.StringIO()
    with contextlib.redirect_stderr(noise):
        yield noise


def _next(records: Iterator[Any]) -> tuple[Any, str]:
    with _quiet() as noise:
        try:
            return next(records, None), ""
        except Exception as err:  # noqa: BLE001 -- warcio fails in many ways on broken files
            if "non-chunked gzip" in str(err):
                return None, "compressed as one gzip block, not record by record; gunzip it"
            said = " ".join(noise.getvalue().split())
            return None, f"{type(err).__name__}: {err}" + (f" ({said})" if said else "")


def _file_size(stream: BinaryIO) -> int:
    try:
        return os.fstat(stream.fileno()).st_size
    except (OSError, AttributeError, io.UnsupportedOperation):
        return -1


def read_warc(
    stream: BinaryIO, origin: str, *, limits: IngestSettings, default_date: str
) -> Iterator[Article | Rejection]:
    """One Article or Rejection per HTML page record of a WARC (or WARC.gz) stream."""
    with _quiet():
        archive = ArchiveIterator(stream)
    records = iter(archive)
    number = 0
    member: Any = None
    last_rejected = False
    while True:
        record, problem = _next(records)
        if problem:
            yield Rejection(
                f"{origin}:record {number + 1}",
                f"corrupt or truncated WARC ({problem}); the rest of the file is skipped",
            )
            return
        if record is None:
            break
        number += 1
        length = str(record.rec_headers.get_header("Content-Length") or "").strip()
        if record.rec_type is None or not length.isdigit():
            yield Rejection(
                f"{origin}:record {number}",
                "incomplete WARC record header (no type or Content-Length): truncated or "
                "corrupt file; the rest of the file is skipped",
            )
            return
        with _quiet() as noise:
            item = _record_item(record, f"{origin}:record {number}", limits, default_date)
            said = " ".join(noise.getvalue().split())
        if isinstance(item, Rejection) and said:
            item = Rejection(item.origin, f"{item.reason} ({said})")
        # The gzip member just read (WARC.gz holds one per record); kept to check its end.
        member = getattr(archive.reader, "decompressor", None) or member
        last_rejected = isinstance(item, Rejection)
        if item is not None:
            yield item
    size = _file_size(stream)
    if number == 0:
        yield Rejection(origin, "empty input" if size == 0 else "no WARC records in the file")
    elif last_rejected:
        return  # what went wrong at the end has been said
    elif member is not None and getattr(member, "eof", True) is False:
        yield Rejection(
            f"{origin}:record {number}",
            "truncated gzip: the last compressed record has no proper end",
        )
    elif size > 0 and archive.offset < size:
        yield Rejection(
            f"{origin}:record {number + 1}",
            f"truncated WARC: the last {size_text(size - archive.offset)} are not a whole record",
        )


def _html_type(record: Any) -> tuple[bool, str, str]:
    """(may be an HTML page, its media type, its charset) from the record's headers."""
    if record.rec_type == "response":
        http = record.http_headers
        if http is None or not str(http.get_statuscode() or "").startswith("2"):
            return False, "", ""
        content_type = str(http.get_header("Content-Type") or "")
    elif record.rec_type == "resource":
        content_type = str(record.rec_headers.get_header("Content-Type") or "")
    else:
        return False, "", ""
    media_type, _, params = content_type.partition(";")
    media_type = media_type.strip().lower()
    charset = ""
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'")
    return (not media_type or media_type in _HTML_TYPES), media_type, charset


def _record_item(
    record: Any, where: str, limits: IngestSettings, default_date: str
) -> Article | Rejection | None:
    wanted, media_type, charset = _html_type(record)
    payload: bytes | None = b""
    try:
        if wanted:
            payload = read_bounded(record.content_stream(), limits.max_record_bytes)
        # Drain every record: a declared length the file does not hold means truncation.
        while record.raw_stream.read(_CHUNK):
            pass
    except Exception as err:  # noqa: BLE001 -- broken chunked/gzip payloads raise anything
        return Rejection(where, f"unreadable record payload ({type(err).__name__}: {err})")
    missing = getattr(record.raw_stream, "limit", 0)
    if isinstance(missing, int) and missing > 0:
        return Rejection(where, f"truncated record: {size_text(missing)} of it are missing")
    if not wanted:
        return None
    if payload is None:
        return Rejection(
            where,
            f"record larger than ingest.max_record_bytes ({size_text(limits.max_record_bytes)})",
        )
    if not media_type and not looks_like_html(payload):
        return None
    headers = record.rec_headers
    uri = str(headers.get_header("WARC-Target-URI") or "")
    captured = date_or_empty(str(headers.get_header("WARC-Date") or ""))
    record_id = str(headers.get_header("WARC-Record-ID") or "").strip("<>")
    return html_article(
        payload,
        origin=where,
        doc_id=record_id or content_id(uri),
        limits=limits,
        default_date=default_date,
        known={"url": uri},
        charset=charset,
        fallback_date=captured,
    )
