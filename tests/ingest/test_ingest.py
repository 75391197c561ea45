from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tacitus.errors import DateError
from tacitus.ingest import Rejection, iter_articles, parse_date, read_text_article
from tacitus.types import Article


def test_header_is_metadata_not_text() -> None:
    raw = "title: Border row\npublished: 2020-05-04\noutlet: Wire\n\nTroops moved in.\n"
    article = read_text_article(raw, doc_id="x", origin="x.txt")
    assert isinstance(article, Article)
    assert article.title == "Border row"
    assert article.published == "2020-05-04"
    assert article.source == "Wire"
    assert article.text == "Troops moved in.\n"


def test_text_without_header_is_all_text() -> None:
    raw = "Warning: this is not a header line\n\nBody."
    article = read_text_article(raw, doc_id="x", origin="x.txt", default_date="2020-01-01")
    assert isinstance(article, Article)
    assert article.text == raw
    assert article.published == "2020-01-01"


def test_folder_jsonl_and_bad_inputs(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("published: 2019-02-03\n\nText one.", encoding="utf-8")
    rows = [{"id": "r1", "text": "Row one."}, {"id": "r2"}, {"id": "r3", "text": "Row three."}]
    (tmp_path / "b.jsonl").write_text(
        "\n".join(json.dumps(r) for r in rows) + "\n{broken\n", encoding="utf-8"
    )
    (tmp_path / "c.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "d.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "e.csv").write_text('id,text,published\nc1,"Csv text.",2018-01-01\n')
    items = list(iter_articles([str(tmp_path), str(tmp_path / "missing.txt")]))
    articles = [i for i in items if isinstance(i, Article)]
    rejections = [i for i in items if isinstance(i, Rejection)]
    assert [a.id for a in articles] == ["a", "r1", "r3", "c1"]
    assert articles[0].published == "2019-02-03"
    assert articles[3].published == "2018-01-01"
    reasons = {Path(r.origin.split(":")[0]).name: r.reason for r in rejections}
    assert "binary" in reasons["c.txt"]
    assert "empty" in reasons["d.txt"]
    assert "no such file" in reasons["missing.txt"]
    assert any("invalid JSON" in r.reason for r in rejections)
    assert any("no 'text'" in r.reason for r in rejections)


def test_stdin_is_read_with_default_date() -> None:
    items = list(iter_articles(["-"], default_date="2017-01-01", stdin=io.StringIO("Hello.")))
    assert len(items) == 1 and isinstance(items[0], Article)
    assert items[0].published == "2017-01-01"


def test_dates_are_parsed_or_refused() -> None:
    assert parse_date("2017-01-01T10:00:00Z") == "2017-01-01"
    assert parse_date("January 1, 2017") == "2017-01-01"
    with pytest.raises(DateError):
        parse_date("soon")
