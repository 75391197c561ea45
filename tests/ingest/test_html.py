"""HTML pages: main text and metadata by trafilatura, boilerplate dropped, hostile pages refused."""

from __future__ import annotations

from pathlib import Path

from ingest_samples import PARAGRAPHS, news_page

from tacitus.ingest import Rejection, iter_articles
from tacitus.ingest.html import html_article, html_to_text
from tacitus.settings import IngestSettings, Settings
from tacitus.types import Article

LIMITS = IngestSettings()


def read_one(data: bytes | str, **kwargs: object) -> Article | Rejection:
    return html_article(data, origin="page.html", doc_id="page", limits=LIMITS, **kwargs)  # type: ignore[arg-type]


def test_main_text_title_date_and_url_come_from_the_page() -> None:
    article = read_one(news_page().encode())
    assert isinstance(article, Article)
    assert article.title == "Moscow expels British diplomats"
    assert article.published == "2024-03-04"  # the date as the outlet wrote it, not UTC
    assert article.url == "https://news.example.org/world/expulsions"
    assert article.source == "The Example Courier"
    assert article.text.split("\n") == list(PARAGRAPHS)


def test_navigation_captions_related_links_and_footer_are_dropped() -> None:
    article = read_one(news_page().encode())
    assert isinstance(article, Article)
    for junk in ("Sign in", "Photograph", "embankment", "Related stories", "Copyright", "Sport"):
        assert junk not in article.text
    # the headline is the title, not the first sentence of the text
    assert not article.text.startswith("Moscow expels")


def test_a_folder_reads_html_and_htm_files_with_the_file_name_as_id(tmp_path: Path) -> None:
    (tmp_path / "one.html").write_text(news_page(), encoding="utf-8")
    (tmp_path / "two.htm").write_text(news_page(published="", url=""), encoding="utf-8")
    items = list(iter_articles([str(tmp_path)], default_date="2024-01-01"))
    assert [type(i) for i in items] == [Article, Article]
    one, two = items
    assert isinstance(one, Article) and isinstance(two, Article)
    assert (one.id, one.published) == ("one", "2024-03-04")
    assert (two.id, two.published, two.url) == ("two", "2024-01-01", "")


def test_declared_charsets_are_honoured_and_wrong_bytes_refused() -> None:
    page = news_page(paragraphs=("Café owners in Zürich protested outside the embassy " * 3,))
    latin = read_one(page.replace("utf-8", "windows-1252").encode("windows-1252"))
    assert isinstance(latin, Article) and "Café owners in Zürich" in latin.text
    undeclared = read_one(page.replace('<meta charset="utf-8">', "").encode("latin-1"))
    assert isinstance(undeclared, Rejection) and "not valid utf-8" in undeclared.reason
    unknown = read_one(page.replace("utf-8", "klingon-8").encode())
    assert isinstance(unknown, Rejection) and "unknown charset" in unknown.reason
    # the HTTP header (WARC records, URLs) wins over the page's own declaration
    by_header = read_one(page.encode("windows-1252"), charset="windows-1252")
    assert isinstance(by_header, Article) and "Zürich" in by_header.text


def test_deep_nesting_is_refused_and_the_limit_is_a_setting() -> None:
    def nested(depth: int) -> bytes:
        inner = "<p>" + " ".join(PARAGRAPHS) + "</p>"
        return f"<html><body>{'<div>' * depth}{inner}{'</div>' * depth}</body></html>".encode()

    deep = read_one(nested(5000))
    assert isinstance(deep, Rejection) and "ingest.max_html_depth" in deep.reason
    assert isinstance(read_one(nested(40)), Article)
    shallow_limit = IngestSettings(max_html_depth=20)
    refused = html_article(nested(40), origin="p", doc_id="p", limits=shallow_limit)
    assert isinstance(refused, Rejection)


def test_pages_without_main_text_binary_and_empty_are_rejected() -> None:
    empty = read_one(b"  \n")
    assert isinstance(empty, Rejection) and empty.reason == "empty input"
    binary = read_one(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    assert isinstance(binary, Rejection) and "binary" in binary.reason
    bare = read_one(b"<html><head><title>x</title></head><body><script>var a = 1;</script></body>")
    assert isinstance(bare, Rejection) and "no main text" in bare.reason


def test_html_fragments_become_lines_of_text() -> None:
    fragment = (
        "<p>First <b>bold</b> point &amp; more.</p><!-- hidden --><script>alert(1)</script>"
        "<ul><li>one</li><li>two</li></ul>Tail<br>after break<figure><figcaption>Cap"
        "</figcaption></figure>"
    )
    assert html_to_text(fragment) == "First bold point & more.\none\ntwo\nTail\nafter break"
    assert html_to_text("Plain &amp; simple") == "Plain & simple"
    assert html_to_text("<div>" * 10_000 + "deep" + "</div>" * 10_000) == "deep"
    assert html_to_text("<p>unclosed <b>tags") == "unclosed tags"


def test_settings_object_reaches_the_html_reader(tmp_path: Path) -> None:
    (tmp_path / "p.html").write_text(news_page(), encoding="utf-8")
    tight = Settings(ingest=IngestSettings(max_input_bytes=1000))
    (item,) = iter_articles([str(tmp_path / "p.html")], settings=tight)
    assert isinstance(item, Rejection) and "ingest.max_input_bytes" in item.reason
