"""Size limits are settings: each is enforced with a reason that names the setting."""

from __future__ import annotations

import io
import time
from pathlib import Path

from ingest_samples import PARAGRAPHS

from tacitus.ingest import SUFFIXES, Rejection, format_of, iter_articles, screen
from tacitus.settings import IngestSettings, Settings
from tacitus.types import Article

TWENTY_MB_LINE = b"word " * 4_000_000


def test_a_20_mb_line_is_refused_by_the_first_limit_it_meets(tmp_path: Path) -> None:
    path = tmp_path / "line.txt"
    path.write_bytes(TWENTY_MB_LINE)
    started = time.monotonic()
    (default,) = iter_articles([str(path)])
    assert isinstance(default, Rejection) and "ingest.max_input_bytes" in default.reason
    roomy = IngestSettings(max_input_bytes=32 << 20)
    (article_size,) = iter_articles([str(path)], settings=Settings(ingest=roomy))
    assert isinstance(article_size, Rejection)
    assert "ingest.max_article_chars" in article_size.reason
    roomier = IngestSettings(max_input_bytes=32 << 20, max_article_chars=30_000_000)
    (line_size,) = iter_articles([str(path)], settings=Settings(ingest=roomier))
    assert isinstance(line_size, Rejection) and "ingest.max_line_chars" in line_size.reason
    assert time.monotonic() - started < 30


def test_screening_checks_text_size_lines_and_readability() -> None:
    limits = IngestSettings(max_article_chars=1000, max_line_chars=200)
    ok = Article(id="a", text="\n".join(PARAGRAPHS), origin="a")
    assert screen(ok, limits) is ok
    long_text = Article(id="b", text="x. " * 400, origin="b")
    assert isinstance(screen(long_text, limits), Rejection)
    long_line = Article(id="c", text="word " * 50, origin="c")
    rejected = screen(long_line, limits)
    assert isinstance(rejected, Rejection) and "a line of 250 characters" in rejected.reason
    invisible = Article(id="d", text="\u200b\u202e\u200f \u2066...", origin="d")
    rejected = screen(invisible, limits)
    assert isinstance(rejected, Rejection) and "no readable text" in rejected.reason


def test_stdin_is_bounded_too() -> None:
    tight = Settings(ingest=IngestSettings(max_input_bytes=100))
    (item,) = iter_articles(["-"], stdin=io.StringIO("x" * 101), settings=tight)
    assert isinstance(item, Rejection) and item.origin == "-"
    (item,) = iter_articles(["-"], stdin=io.TextIOWrapper(io.BytesIO(b"y" * 500)), settings=tight)
    assert isinstance(item, Rejection) and "ingest.max_input_bytes" in item.reason


def test_formats_are_told_by_name_and_sniffed_when_the_name_says_nothing(
    tmp_path: Path,
) -> None:
    assert {".warc.gz", ".html", ".rss", ".atom", ".csv", ".jsonl", ".txt"} <= set(SUFFIXES)
    assert format_of("CRAWL-0001.WARC.GZ") == "warc"
    assert format_of("notes.gz") == ""
    page = b"<!DOCTYPE html><html><body><article><p>" + PARAGRAPHS[0].encode() + b"</p>"
    (tmp_path / "story.download").write_bytes(page)
    (item,) = iter_articles([str(tmp_path / "story.download")])
    assert isinstance(item, Article) and item.text == PARAGRAPHS[0]
    # folders are read by name only: unknown endings there are not inputs
    assert list(iter_articles([str(tmp_path)])) == []


def test_utf16_text_with_a_bom_is_text_not_binary(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes("\n".join(PARAGRAPHS).encode("utf-16"))
    (item,) = iter_articles([str(path)])
    assert isinstance(item, Article) and item.text == "\n".join(PARAGRAPHS)
