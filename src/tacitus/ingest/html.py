"""HTML pages: main text, title, date and URL through trafilatura; fragments to plain text.

Navigation, headers, footers, figure captions, comments and tables are left out: they are
not the report. The page is decoded here, never guessed at: a BOM, then the charset the HTTP
response or the page declares, then UTF-8; bytes that do not decode reject the page.
"""

from __future__ import annotations

import codecs
import html as html_lib
import re
from collections.abc import Mapping
from datetime import date
from html.parser import HTMLParser
from typing import Any

import trafilatura

from tacitus.ingest.base import Rejection, content_id, date_or_empty, looks_binary, make_article
from tacitus.settings import IngestSettings
from tacitus.types import Article

__all__ = ["decode_html", "html_article", "html_to_text", "looks_like_html"]

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]{0,512}\?>")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Elements whose start or end breaks a line when a fragment becomes text.
_BLOCKS = frozenset(
    "address article aside blockquote br dd div dl dt figure footer h1 h2 h3 h4 h5 h6 header "
    "hr li main nav ol p pre section table td th tr ul".split()
)
_DROPPED = frozenset("script style noscript figcaption template iframe object svg".split())


def looks_like_html(data: bytes) -> bool:
    """The first bytes say this is an HTML document (for stdin and unknown file names)."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html")) or (
        head.startswith(b"<?xml") and b"<html" in head
    )


def decode_html(data: bytes, *, charset: str = "") -> tuple[str, str]:
    """(page, "") or ("", reason): decoded by its BOM, else `charset`, its meta, UTF-8."""
    encoding = ""
    for bom, name in _BOMS:
        if data.startswith(bom):
            encoding = name
            break
    declared = charset.strip().strip("\"'")
    if not encoding and not declared:
        match = _META_CHARSET.search(data[:4096])
        declared = match.group(1).decode("ascii") if match else ""
    if not encoding:
        encoding = declared or "utf-8"
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        return "", f"the page declares an unknown charset {encoding!r}"
    if declared and codec.startswith(("utf-16", "utf-32")):
        # A UTF-16 label without a BOM on ASCII-compatible bytes is a common server lie;
        # browsers read such pages as UTF-8, and so do we.
        codec = "utf-8"
    try:
        return data.decode(codec), ""
    except UnicodeDecodeError as err:
        said = f"declared {encoding!r}" if declared else "no charset declared, so UTF-8"
        return "", f"not valid {codec} text (byte {err.start}; {said}); fix the charset"


def _depth_over(root: Any, limit: int) -> int:
    """The nesting depth of `root` if it exceeds `limit`, else 0 (iterative: no recursion)."""
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return depth
        stack.extend((child, depth + 1) for child in node)
    return 0


def _same_line(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def html_article(
    data: bytes | str,
    *,
    origin: str,
    doc_id: str,
    limits: IngestSettings,
    default_date: str = "",
    known: Mapping[str, Any] | None = None,
    charset: str = "",
    fallback_date: str = "",
) -> Article | Rejection:
    """An Article from an HTML page: main text and metadata by trafilatura.

    `known` fields (title, url, published, source, id: from a CSV/JSONL row or a WARC record)
    win over what the page says. The page's own publication date comes next, then
    `fallback_date` (a WARC-Date, which the page's date may not be later than), then
    `default_date`.
    """
    if isinstance(data, bytes):
        if not data.strip():
            return Rejection(origin, "empty input")
        if looks_binary(data):
            return Rejection(origin, "binary input (NUL or control bytes); give an HTML page")
        page, reason = decode_html(data, charset=charset)
        if reason:
            return Rejection(origin, reason)
    else:
        page = data
    page = _XML_DECLARATION.sub("", page, count=1)
    if not page.strip():
        return Rejection(origin, "empty input")
    tree = trafilatura.load_html(page)
    if tree is None:
        return Rejection(origin, "not an HTML page (no document to parse)")
    too_deep = _depth_over(tree, limits.max_html_depth)
    if too_deep:
        return Rejection(
            origin,
            f"HTML nested more than {limits.max_html_depth} levels deep "
            "(ingest.max_html_depth); a page this deep is junk or an attack",
        )
    known = known or {}
    url = str(known.get("url") or "")
    params = {
        "original_date": True,
        "extensive_search": False,
        "max_date": date.today().isoformat(),
    }
    try:
        doc = trafilatura.bare_extraction(
            tree,
            url=url or None,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            deduplicate=False,
            date_extraction_params=params,
        )
    except Exception as err:  # noqa: BLE001 -- a third-party parser must not kill the batch
        return Rejection(origin, f"HTML extraction failed ({type(err).__name__}: {err})")
    text = str(getattr(doc, "text", "") or "") if doc is not None else ""
    if not text.strip():
        return Rejection(origin, "no main text found in the HTML page")
    page_title = str(getattr(doc, "title", "") or "")
    title = str(known.get("title") or page_title)
    first, _, rest = text.partition("\n")
    if rest.strip() and any(_same_line(first, t) for t in (title, page_title) if t):
        text = rest  # trafilatura keeps the headline; it is the title, not a sentence
    page_date = date_or_empty(str(getattr(doc, "date", "") or ""))
    if fallback_date and page_date > fallback_date:
        page_date = ""  # published after it was captured: the page's date is wrong
    meta = {
        "id": known.get("id") or "",
        "title": title,
        "url": url or str(getattr(doc, "url", "") or ""),
        "published": known.get("published") or page_date or fallback_date,
        "source": known.get("source")
        or str(getattr(doc, "sitename", "") or getattr(doc, "hostname", "") or ""),
    }
    return make_article(
        meta, text, doc_id=doc_id or content_id(text), origin=origin, default_date=default_date
    )


class _FragmentText(HTMLParser):
    """Collects the text of an HTML fragment; blocks become lines, scripts and captions go."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed item's content): blocks become lines."""
    if "<" not in fragment:
        return " ".join(html_lib.unescape(fragment).split())
    parser = _FragmentText()
    parser.feed(fragment)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)
