"""RSS/Atom feeds from files and from URLs (a local HTTP server on 127.0.0.1), and net.fetch."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from ingest_samples import PARAGRAPHS, atom_feed, news_page, rss_feed

from tacitus.errors import FetchError
from tacitus.ingest import Rejection, iter_articles
from tacitus.ingest.feeds import looks_like_feed
from tacitus.ingest.net import fetch
from tacitus.settings import IngestSettings, Settings
from tacitus.types import Article

RSS_ITEMS = [
    {
        "title": "Moscow expels <b>two</b> diplomats",
        "link": "https://wire.example.org/world/1",
        "guid": "urn:example:wire-1",
        "pubDate": "Mon, 04 Mar 2024 23:30:00 -0500",
        "description": "<p>Short summary.</p>",
        "content": "<p>" + PARAGRAPHS[0] + "</p><p>" + PARAGRAPHS[1] + "</p><script>x()</script>",
    },
    {
        "title": "Summary only",
        "link": "https://wire.example.org/world/2",
        "description": "<p>" + PARAGRAPHS[2] + "</p>",
    },
    {"title": "Nothing to read", "link": "https://wire.example.org/world/3"},
]


def items_of(paths: list[str], **kwargs: object) -> list[Article | Rejection]:
    return list(iter_articles(paths, **kwargs))  # type: ignore[arg-type]


def test_rss_items_become_articles_with_title_link_and_date(tmp_path: Path) -> None:
    (tmp_path / "wire.rss").write_text(rss_feed(RSS_ITEMS), encoding="utf-8")
    first, second, third = items_of([str(tmp_path / "wire.rss")], default_date="2024-01-01")
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == "urn:example:wire-1"
    assert first.title == "Moscow expels two diplomats"  # HTML stripped from the title too
    assert first.url == "https://wire.example.org/world/1"
    assert first.published == "2024-03-04"  # the outlet's calendar day, not UTC's
    assert first.text == PARAGRAPHS[0] + "\n" + PARAGRAPHS[1]  # content beats summary
    assert first.source == "Example Wire: World"
    assert first.origin.endswith("wire.rss:item 1")
    assert (second.id, second.text) == ("https://wire.example.org/world/2", PARAGRAPHS[2])
    assert second.published == "2024-01-01"  # no date in the item: the --date default
    assert isinstance(third, Rejection) and third.origin.endswith(":item 3")
    assert "no content or summary" in third.reason


def test_atom_entries_become_articles(tmp_path: Path) -> None:
    feed = atom_feed(
        [
            {
                "title": "Talks collapse",
                "link": "https://atom.example.org/a",
                "id": "urn:example:a",
                "published": "2024-03-05T00:30:00+02:00",
                "updated": "2024-03-06T10:00:00Z",
                "content": "<div><p>" + PARAGRAPHS[1] + "</p></div>",
            },
            {
                "title": "Updated only",
                "id": "urn:example:b",
                "updated": "2024-02-01T10:00:00Z",
                "summary": PARAGRAPHS[2],
            },
        ]
    )
    (tmp_path / "desk.atom").write_text(feed, encoding="utf-8")
    first, second = items_of([str(tmp_path / "desk.atom")])
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.id, first.url, first.published) == (
        "urn:example:a",
        "https://atom.example.org/a",
        "2024-03-05",
    )
    assert first.text == PARAGRAPHS[1]
    assert (second.id, second.published, second.text) == (
        "urn:example:b",
        "2024-02-01",
        PARAGRAPHS[2],
    )


def test_xml_that_is_not_a_feed_and_feeds_without_items_are_rejected(tmp_path: Path) -> None:
    (tmp_path / "sitemap.xml").write_text(
        '<?xml version="1.0"?><urlset><url><loc>https://x.example.org/</loc></url></urlset>'
    )
    (tmp_path / "empty.rss").write_text(rss_feed([]))
    (tmp_path / "junk.rss").write_bytes(b"\x00\x01\x02 not a feed")
    found = {Path(i.origin).name: i for i in items_of([str(tmp_path)])}
    assert all(isinstance(i, Rejection) for i in found.values())
    reasons = {name: item.reason for name, item in found.items() if isinstance(item, Rejection)}
    assert "not an RSS or Atom feed" in reasons["sitemap.xml"]
    assert reasons["empty.rss"] == "the feed has no items"
    assert "binary" in reasons["junk.rss"]


def test_feed_sniffing() -> None:
    assert looks_like_feed(rss_feed([]).encode())
    assert looks_like_feed(atom_feed([]).encode())
    assert looks_like_feed(b'<?xml version="1.0"?>\n<!-- c --><rdf:RDF xmlns:rdf="x">')
    assert not looks_like_feed(news_page().encode())
    assert not looks_like_feed(b"plain text")


# -- URLs, through the one network module, against a server on 127.0.0.1 --------------------

ROUTES: dict[str, tuple[int, str, bytes]] = {
    "/feed.xml": (200, "application/rss+xml", rss_feed(RSS_ITEMS[:2]).encode()),
    "/story": (200, "text/html; charset=utf-8", news_page().encode()),
    "/notes.txt": (200, "text/plain; charset=utf-8", PARAGRAPHS[0].encode()),
    "/image.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
}


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 -- stdlib name
        pass

    def do_GET(self) -> None:  # noqa: N802 -- stdlib name
        if self.path in ROUTES:
            status, kind, body = ROUTES[self.path]
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/feed.xml")
            self.end_headers()
        elif self.path == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif self.path == "/slow":
            time.sleep(1.5)  # longer than the test's fetch_timeout, bounded
            self.send_response(200)
            self.end_headers()
        elif self.path == "/endless":
            # No Content-Length: the size cap has to stop the download, not the header.
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"<p>" + b"x" * 8189 + b"</p>"
            try:
                for _ in range(200):  # 1.6 MB at most, far past the test's cap
                    self.wfile.write(chunk)
            except OSError:
                pass  # the client gave up, as it should
        elif self.path == "/big-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(10**9))
            self.end_headers()
        else:
            self.send_error(404, "Not Found")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


FAST = IngestSettings(fetch_timeout=0.5, fetch_max_seconds=5.0, max_input_bytes=100_000)


def test_a_feed_url_is_fetched_and_read_item_by_item(server: str) -> None:
    items = items_of([server + "/feed.xml"], settings=Settings(ingest=FAST))
    assert [type(i) for i in items] == [Article, Article]
    assert isinstance(items[0], Article) and items[0].id == "urn:example:wire-1"
    assert items[0].origin == server + "/feed.xml:item 1"


def test_page_and_text_urls_are_articles_and_redirects_followed(server: str) -> None:
    page, text, moved, _ = items_of(
        [server + "/story", server + "/notes.txt", server + "/moved"],
        settings=Settings(ingest=FAST),
    )
    assert isinstance(page, Article) and page.title == "Moscow expels British diplomats"
    assert page.url == server + "/story"  # where it was read from
    assert isinstance(text, Article) and text.text == PARAGRAPHS[0]
    assert text.url == server + "/notes.txt"
    assert isinstance(moved, Article) and moved.id == "urn:example:wire-1"


def test_bad_urls_are_rejections_and_the_others_still_read(server: str) -> None:
    urls = ["/missing", "/slow", "/endless", "/big-declared", "/to-file", "/loop", "/image.png"]
    items = items_of(
        [server + u for u in urls] + [server + "/story"], settings=Settings(ingest=FAST)
    )
    *bad, good = items
    assert isinstance(good, Article)
    assert all(isinstance(i, Rejection) for i in bad)
    reasons = dict(zip(urls, (i.reason for i in bad if isinstance(i, Rejection)), strict=True))
    assert "HTTP 404" in reasons["/missing"]
    assert "ingest.fetch_timeout" in reasons["/slow"]
    assert "ingest.max_input_bytes" in reasons["/endless"]
    assert "ingest.max_input_bytes" in reasons["/big-declared"]
    assert "file:///etc/passwd" in reasons["/to-file"] and "not allowed" in reasons["/to-file"]
    assert "redirect" in reasons["/loop"]
    assert "content type 'image/png'" in reasons["/image.png"]


def test_fetch_refuses_other_schemes_and_unreachable_hosts() -> None:
    with pytest.raises(FetchError):
        fetch("file:///etc/passwd", max_bytes=10, timeout=1, max_seconds=1)
    with pytest.raises(FetchError, match="cannot connect"):
        # port 9 (discard) on loopback: nothing listens there in a test run
        fetch("http://127.0.0.1:9/", max_bytes=10, timeout=1, max_seconds=1)


def test_fetch_returns_the_final_url_media_type_and_charset(server: str) -> None:
    download = fetch(server + "/story", max_bytes=100_000, timeout=1, max_seconds=5)
    assert (download.media_type, download.charset) == ("text/html", "utf-8")
    assert download.data.startswith(b"<!DOCTYPE html>")
    moved = fetch(server + "/moved", max_bytes=100_000, timeout=1, max_seconds=5)
    assert moved.url == server + "/feed.xml"
    with pytest.raises(FetchError, match="too many redirects"):
        fetch(server + "/moved", max_bytes=100_000, timeout=1, max_seconds=5, max_redirects=0)
