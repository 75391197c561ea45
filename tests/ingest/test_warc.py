"""WARC and WARC.gz: each HTML page record an article, streamed; broken archives reported."""

from __future__ import annotations

import gzip as gzip_lib
import io
import zlib
from pathlib import Path

import pytest
from ingest_samples import PARAGRAPHS, news_page, warc_bytes

from tacitus.ingest import Rejection, iter_articles
from tacitus.ingest.warc import read_warc
from tacitus.settings import IngestSettings, Settings
from tacitus.types import Article

LIMITS = IngestSettings()
PAGE = news_page().encode()
UNDATED = news_page(published="", url="").encode()


def mixed_records() -> list[dict[str, object]]:
    return [
        {"type": "request", "uri": "https://news.example.org/a", "body": b""},
        {"uri": "https://news.example.org/a", "body": PAGE, "date": "2024-03-06T10:00:00Z"},
        {
            "uri": "https://news.example.org/logo.png",
            "body": b"\x89PNG\r\n",
            "content_type": "image/png",
        },
        {
            "uri": "https://news.example.org/gone",
            "body": b"<html>gone</html>",
            "status": "404 Not Found",
        },
        {"uri": "https://news.example.org/b", "body": UNDATED, "date": "2024-03-07T23:59:00Z"},
        {"type": "resource", "uri": "https://news.example.org/c", "body": UNDATED},
        {
            "uri": "https://news.example.org/d",
            "body": news_page(published="2024-03-10").encode(),
            "date": "2024-03-05T08:00:00Z",
        },
    ]


@pytest.mark.parametrize("compressed", [True, False], ids=["warc.gz", "warc"])
def test_html_response_records_become_articles(tmp_path: Path, compressed: bool) -> None:
    name = "crawl.warc.gz" if compressed else "crawl.warc"
    (tmp_path / name).write_bytes(warc_bytes(mixed_records(), gzip=compressed))
    items = list(iter_articles([str(tmp_path)]))
    assert all(isinstance(i, Article) for i in items), items
    dated, undated, resource, future = items
    assert isinstance(dated, Article) and isinstance(undated, Article)
    assert isinstance(resource, Article) and isinstance(future, Article)
    assert future.published == "2024-03-05"  # a page date after the capture is not believed
    # the record's target URI is the URL, even where the page names a canonical one
    assert dated.url == "https://news.example.org/a"
    assert dated.published == "2024-03-04"  # the page's own date, earlier than the capture
    assert undated.url == "https://news.example.org/b"
    assert undated.published == "2024-03-07"  # no date in the page: the WARC-Date
    assert dated.id.startswith("urn:uuid:") and dated.id != undated.id
    assert dated.origin.endswith(f"{name}:record 3")  # warcinfo, request, then the page
    assert dated.text.split("\n") == list(PARAGRAPHS)
    assert dated.title == "Moscow expels British diplomats"


def test_chunked_and_gzip_encoded_payloads_are_decoded(tmp_path: Path) -> None:
    squeezed = zlib.compressobj(wbits=31)
    body = squeezed.compress(PAGE) + squeezed.flush()
    chunked = (
        b"".join(
            b"%x\r\n%s\r\n" % (len(body[i : i + 500]), body[i : i + 500])
            for i in range(0, len(body), 500)
        )
        + b"0\r\n\r\n"
    )
    headers = [("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")]
    data = warc_bytes([{"uri": "https://x.example.org/", "body": chunked, "headers": headers}])
    (tmp_path / "enc.warc.gz").write_bytes(data)
    (item,) = iter_articles([str(tmp_path / "enc.warc.gz")])
    assert isinstance(item, Article) and item.text.split("\n") == list(PARAGRAPHS)


class Watched(io.BytesIO):
    """A file that remembers how far it has been read."""

    furthest = 0

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        self.furthest = max(self.furthest, self.tell())
        return data


def test_records_are_streamed_not_the_whole_file_read() -> None:
    records = [
        {"uri": f"https://news.example.org/{n}", "body": PAGE + b"<!--" + b"x" * 20_000 + b"-->"}
        for n in range(60)
    ]
    stream = Watched(warc_bytes(records, gzip=False))
    size = len(stream.getvalue())
    items = read_warc(stream, "big.warc", limits=LIMITS, default_date="")
    first = next(items)
    assert isinstance(first, Article)
    assert stream.furthest < size / 10  # one record in, most of the file still unread
    assert sum(isinstance(i, Article) for i in items) == 59


def test_an_oversized_record_is_rejected_and_the_next_read(tmp_path: Path) -> None:
    big = PAGE.replace(b"</article>", b"<p>" + b"word " * 50_000 + b"</p></article>")
    data = warc_bytes(
        [
            {"uri": "https://x.example.org/big", "body": big},
            {"uri": "https://x.example.org/ok", "body": PAGE},
        ]
    )
    (tmp_path / "c.warc.gz").write_bytes(data)
    tight = Settings(ingest=IngestSettings(max_record_bytes=100_000))
    big_item, ok = iter_articles([str(tmp_path / "c.warc.gz")], settings=tight)
    assert isinstance(big_item, Rejection) and "ingest.max_record_bytes" in big_item.reason
    assert big_item.origin.endswith("c.warc.gz:record 2")
    assert isinstance(ok, Article) and ok.url == "https://x.example.org/ok"


@pytest.mark.parametrize("compressed", [True, False], ids=["warc.gz", "warc"])
def test_truncated_archives_keep_the_whole_records_and_name_the_broken_one(
    tmp_path: Path, compressed: bool
) -> None:
    records = [{"uri": f"https://news.example.org/{n}", "body": PAGE} for n in range(3)]
    head = warc_bytes(records[:2], gzip=compressed)
    data = head + warc_bytes(records[2:], gzip=compressed, with_info=False)
    last = len(head)  # where the third record starts
    path = tmp_path / ("t.warc.gz" if compressed else "t.warc")
    # cut inside the last record's header, then inside its payload, then near its end
    for cut in (last + 30, (last + len(data)) // 2, len(data) - 20):
        path.write_bytes(data[:cut])
        items = list(iter_articles([str(path)]))
        assert [type(i) for i in items[:2]] == [Article, Article]
        assert isinstance(items[-1], Rejection), items
        assert "truncated" in items[-1].reason or "incomplete" in items[-1].reason
        assert items[-1].origin.startswith(str(path))


def test_not_a_warc_empty_and_whole_file_gzip_are_rejected(tmp_path: Path) -> None:
    (tmp_path / "text.warc").write_text("Just some text, not an archive.\n")
    (tmp_path / "empty.warc.gz").write_bytes(b"")
    plain = warc_bytes([{"uri": "https://x.example.org/", "body": PAGE}] * 2, gzip=False)
    (tmp_path / "whole.warc.gz").write_bytes(gzip_lib.compress(plain))
    found = {Path(i.origin.split(":")[0]).name: i for i in iter_articles([str(tmp_path)])}
    assert isinstance(found["text.warc"], Rejection)
    assert found["empty.warc.gz"] == Rejection(str(tmp_path / "empty.warc.gz"), "empty input")
    whole = found["whole.warc.gz"]
    assert isinstance(whole, Rejection) and "gunzip" in whole.reason


def test_warcio_complaints_never_reach_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = warc_bytes([{"uri": "https://x.example.org/", "body": PAGE}], gzip=False)
    # a Content-Length that is too short: warcio would print a warning on stderr
    broken = data.replace(b"Content-Length: ", b"Content-Length: 1", 1)
    (tmp_path / "b.warc").write_bytes(broken)
    list(iter_articles([str(tmp_path / "b.warc")]))
    assert capsys.readouterr().err == ""
