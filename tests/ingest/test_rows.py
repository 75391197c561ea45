"""JSONL and CSV rows: text or html, streamed, bad rows rejected one by one."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ingest_samples import PARAGRAPHS, news_page

from tacitus.ingest import Rejection, iter_articles
from tacitus.ingest.rows import read_csv, read_jsonl
from tacitus.settings import IngestSettings
from tacitus.types import Article

LIMITS = IngestSettings()


def csv_text(rows: list[dict[str, str]], fields: list[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def test_csv_rows_with_text_or_html(tmp_path: Path) -> None:
    rows = [
        {
            "id": "t1",
            "text": PARAGRAPHS[0] + "\n" + PARAGRAPHS[1],
            "title": "Own",
            "published": "2024-03-01",
            "source": "Wire",
            "url": "",
            "html": "",
        },
        {
            "id": "h1",
            "text": "",
            "html": news_page(),
            "title": "",
            "published": "",
            "source": "",
            "url": "https://mirror.example.org/x",
        },
        {
            "id": "h2",
            "text": "",
            "html": news_page(),
            "title": "Row title",
            "published": "2024-02-29",
            "source": "Row source",
            "url": "",
        },
        {
            "id": "bad",
            "text": "",
            "html": "",
            "title": "",
            "published": "",
            "source": "",
            "url": "",
        },
    ]
    path = tmp_path / "rows.csv"
    path.write_text(
        csv_text(rows, ["id", "text", "html", "title", "url", "published", "source"]),
        encoding="utf-8",
    )
    t1, h1, h2, bad = iter_articles([str(path)])
    assert isinstance(t1, Article) and t1.text == PARAGRAPHS[0] + "\n" + PARAGRAPHS[1]
    assert (t1.title, t1.published, t1.source, t1.origin) == (
        "Own",
        "2024-03-01",
        "Wire",
        f"{path}:2",
    )
    assert isinstance(h1, Article) and h1.text.split("\n") == list(PARAGRAPHS)
    # the page's metadata fills what the row leaves empty; the row's own fields win
    assert (h1.title, h1.published, h1.url) == (
        "Moscow expels British diplomats",
        "2024-03-04",
        "https://mirror.example.org/x",
    )
    assert isinstance(h2, Article)
    assert (h2.title, h2.published, h2.source) == ("Row title", "2024-02-29", "Row source")
    assert h2.text.split("\n") == list(PARAGRAPHS)  # the page headline still dropped
    assert isinstance(bad, Rejection) and "no 'text' or 'html'" in bad.reason


def test_csv_origin_counts_lines_across_quoted_newlines(tmp_path: Path) -> None:
    path = tmp_path / "multi.csv"
    path.write_text('ID,Text\na,"line one\nline two"\n\nb,"third"\n', encoding="utf-8")
    a, b = iter_articles([str(path)])
    assert isinstance(a, Article) and a.text == "line one\nline two"
    assert isinstance(b, Article) and (b.id, b.origin) == ("b", f"{path}:5")


def test_csv_without_a_text_or_html_column_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "no.csv"
    path.write_text("id,body\n1,hello\n", encoding="utf-8")
    (item,) = iter_articles([str(path)])
    assert isinstance(item, Rejection) and "'text' or 'html' column" in item.reason


def test_jsonl_rows_with_html_and_bad_rows_in_between() -> None:
    lines = [
        json.dumps({"id": "h", "html": news_page(), "source": "Feed mirror"}),
        "[1, 2]",
        json.dumps({"id": "t", "text": PARAGRAPHS[2], "published": "someday"}),
        "[" * 100_000,
        json.dumps({"id": "ok", "text": PARAGRAPHS[2]}),
    ]
    stream = io.BytesIO("\n".join(lines).encode() + b"\n\xff\xfe{}\n")
    h, array, date, deep, ok, undecodable = read_jsonl(
        stream, "r.jsonl", limits=LIMITS, default_date=""
    )
    assert isinstance(h, Article) and (h.source, h.published) == ("Feed mirror", "2024-03-04")
    assert isinstance(array, Rejection) and array.origin == "r.jsonl:2"
    assert isinstance(date, Rejection) and "publication date" in date.reason
    assert isinstance(deep, Rejection) and deep.origin == "r.jsonl:4"
    assert isinstance(ok, Article) and ok.id == "ok"
    assert isinstance(undecodable, Rejection) and "not UTF-8" in undecodable.reason


def test_an_overlong_jsonl_line_is_skipped_without_holding_it() -> None:
    limits = IngestSettings(max_row_bytes=1000)
    row = json.dumps({"id": "x", "text": PARAGRAPHS[0]}).encode()
    stream = io.BytesIO(row + b"\n" + b"a" * 50_000 + b"\n" + row + b"\n")
    first, long_line, third = read_jsonl(stream, "r.jsonl", limits=limits, default_date="")
    assert isinstance(first, Article) and isinstance(third, Article)
    assert isinstance(long_line, Rejection) and long_line.origin == "r.jsonl:2"
    assert "ingest.max_row_bytes" in long_line.reason


def test_an_overlong_csv_record_ends_the_file_with_a_named_rejection() -> None:
    limits = IngestSettings(max_row_bytes=1000)
    many_short_lines = '"' + "short line\n" * 500 + '"'
    data = f"id,text\na,{PARAGRAPHS[0]}\nb,{many_short_lines}\nc,never read\n".encode()
    first, too_long = read_csv(io.BytesIO(data), "r.csv", limits=limits, default_date="")
    assert isinstance(first, Article) and first.id == "a"
    assert isinstance(too_long, Rejection) and too_long.origin == "r.csv:3"
    assert "ingest.max_row_bytes" in too_long.reason


def test_csv_with_invalid_utf8_keeps_the_rows_before_it() -> None:
    data = b"id,text\na,fine text\nb,caf\xe9\nc,more\n"
    first, broken = read_csv(io.BytesIO(data), "r.csv", limits=LIMITS, default_date="")
    assert isinstance(first, Article)
    assert isinstance(broken, Rejection) and "line 3 is not UTF-8" in broken.reason
