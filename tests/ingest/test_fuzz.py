"""Hostile input, generated: every reader survives it, names it, and keeps reading the rest.

Over 1,000 generated inputs in all (max_examples per reader below, plus stdin): random
bytes, invalid UTF-8, zero-width and right-to-left characters, deeply nested HTML, empty
files, truncated gzip and truncated archives, damaged good documents, and hostile content
inside well-formed containers (a JSONL row's html, a CSV field, a feed item, a WARC record).
A 20 MB single line goes through every reader as an explicit example. For each input the
reader must finish (a hard alarm catches hangs), print nothing, attribute every item to an
input, reject what is certainly bad, and still read the good files around it.
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import io
import json
import signal
from collections.abc import Iterator
from datetime import timedelta
from html import escape
from pathlib import Path
from types import FrameType

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from ingest_samples import PARAGRAPHS, news_page, rss_feed, warc_bytes

from tacitus.ingest import Rejection, iter_articles
from tacitus.types import Article

SUFFIXES = {
    "txt": ".txt",
    "html": ".html",
    "jsonl": ".jsonl",
    "csv": ".csv",
    "feed": ".rss",
    "warc": ".warc",
    "warcgz": ".warc.gz",
}
EXAMPLES_PER_READER = 145  # x 7 readers + stdin: > 1,000 generated inputs
HARD_LIMIT_SECONDS = 60  # a hang, not slowness: the deadline below catches slowness

INVISIBLE = (
    "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069\u061c\u00ad"
)
BIDI_TEXT = INVISIBLE + "abc xyz.,\u05d0\u05d1\u05d2\u0627\u0644\u0639 Moscow London 12"
BAD_UTF8 = [
    b"\xff",
    b"\xfe",
    b"\x80",
    b"\xc3",
    b"\xc3(",
    b"\xed\xa0\x80",
    b"\xf8\x88\x80\x80\x80",
    b"\xe2\x82",
    b"\xf0\x9f\x98",
]
NESTING_TAGS = ["div", "span", "b", "i", "em", "section", "article", "blockquote"]
TWENTY_MB_LINE = b"word " * 4_000_000  # 20 MB, not one newline


def good_document(reader: str) -> bytes:
    text = "\n".join(PARAGRAPHS)
    if reader == "txt":
        return f"title: Good one\n\n{text}\n".encode()
    if reader == "html":
        return news_page().encode()
    if reader == "jsonl":
        return (json.dumps({"id": "good-row", "text": text}) + "\n").encode()
    if reader == "csv":
        out = io.StringIO()
        csv.writer(out).writerows([["id", "text"], ["good-row", text]])
        return out.getvalue().encode()
    if reader == "feed":
        return rss_feed([{"title": "Good", "guid": "urn:good", "description": text}]).encode()
    page = {"uri": "https://news.example.org/good", "body": news_page().encode()}
    return warc_bytes([page], gzip=reader == "warcgz")


def container(reader: str, payload: bytes) -> bytes:
    """`payload` carried inside a well-formed document of the reader's format."""
    text = payload.decode("utf-8", "surrogateescape")
    if reader == "txt":
        return b"title: x\npublished: 2024-01-01\n\n" + payload
    if reader == "html":
        return b"<html><head><title>t</title></head><body><article><p>" + payload + b"</p>"
    if reader == "jsonl":
        return (json.dumps({"id": "x", "html": text}) + "\n" + json.dumps({"text": text})).encode(
            "utf-8", "surrogateescape"
        )
    if reader == "csv":
        out = io.StringIO()
        csv.writer(out).writerows([["id", "html", "text"], ["a", text, ""], ["b", "", text]])
        return out.getvalue().encode("utf-8", "surrogateescape")
    if reader == "feed":
        clean = payload.decode("utf-8", "replace")
        item = {"title": clean[:50], "description": clean, "content": escape(clean)}
        return rss_feed([item]).encode()
    record = {"uri": "https://x.example.org/hostile", "body": payload}
    return warc_bytes([record], gzip=reader == "warcgz")


def _invalid_utf8(text: str, bad: bytes, where: int) -> bytes:
    data = text.encode()
    where = min(where, len(data))
    return data[:where] + bad + data[where:]


def _nested(depth: int, tag: str, closed: bool) -> bytes:
    inner = "<p>" + " ".join(PARAGRAPHS) + "</p>"
    tail = f"</{tag}>" * depth if closed else ""
    return f"<html><body>{f'<{tag}>' * depth}{inner}{tail}</body></html>".encode()


def _gzip_cut(payload: bytes, fraction: float) -> bytes:
    packed = gzip.compress(payload)
    return packed[: max(1, min(len(packed) - 1, int(len(packed) * fraction)))]


def _warc_cut(compressed: bool, fraction: float) -> bytes:
    pages = [{"uri": f"https://x.example.org/{n}", "body": news_page().encode()} for n in range(2)]
    first = warc_bytes(pages[:1], gzip=compressed)
    data = first + warc_bytes(pages[1:], gzip=compressed, with_info=False)
    start = len(first)  # where the last record begins
    end = len(data) - (1 if compressed else 5)  # not in the closing bytes that carry nothing
    return data[: start + 1 + int((end - start - 1) * fraction)]


def _damaged(reader: str, cut: float, flips: list[tuple[float, int]]) -> bytes:
    data = bytearray(good_document(reader))
    for where, value in flips:
        data[int(where * (len(data) - 1))] = value
    return bytes(data[: max(0, int(len(data) * cut))])


# (kind, bytes): the kinds in MUST_REJECT are certainly bad, whatever the reader.
def hostile(reader: str) -> st.SearchStrategy[tuple[str, bytes]]:
    fraction = st.floats(0.0, 1.0, allow_nan=False)
    raw = st.one_of(
        st.tuples(st.just("random"), st.binary(max_size=600)),
        st.tuples(
            st.just("invalid_utf8"),
            st.builds(
                _invalid_utf8, st.text(max_size=200), st.sampled_from(BAD_UTF8), st.integers(0, 300)
            ),
        ),
        st.tuples(
            st.just("invisible"),
            st.text(alphabet=INVISIBLE + " \n", max_size=200).map(str.encode),
        ),
        st.tuples(st.just("bidi"), st.text(alphabet=BIDI_TEXT, max_size=300).map(str.encode)),
        st.tuples(
            st.just("nested"),
            st.builds(
                _nested, st.integers(201, 3000), st.sampled_from(NESTING_TAGS), st.booleans()
            ),
        ),
        st.tuples(st.just("empty"), st.sampled_from([b"", b" ", b"\n", b"\r\n\t ", b"\n\n\n"])),
        st.tuples(
            st.just("gzip"),
            st.builds(
                _gzip_cut,
                st.binary(min_size=1, max_size=2000) | st.just(good_document(reader)),
                fraction,
            ),
        ),
        st.tuples(
            st.just("damaged"),
            st.builds(
                _damaged,
                st.just(reader),
                fraction,
                st.lists(st.tuples(fraction, st.integers(0, 255)), max_size=8),
            ),
        ),
    )
    wrapped = raw.map(
        lambda kind_data: ("wrapped_" + kind_data[0], container(reader, kind_data[1]))
    )
    options = [raw, wrapped]
    if reader.startswith("warc"):
        options.append(
            st.tuples(
                st.just("truncated_warc"),
                st.builds(_warc_cut, st.just(reader == "warcgz"), fraction),
            )
        )
    return st.one_of(*options)


def must_reject(reader: str, kind: str) -> bool:
    """Kinds of input that are certainly bad for this reader (for others: no crash suffices)."""
    certain = {"invalid_utf8", "invisible", "empty", "gzip", "truncated_warc"}
    if reader == "html":
        certain.add("nested")
    return kind in certain


@contextlib.contextmanager
def hard_time_limit(seconds: int) -> Iterator[None]:
    def stop(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"reading took more than {seconds} s: a hang")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path, list[str]]]:
    """Per reader: a good file to read before the bad one, one after, and their article ids."""
    root = tmp_path_factory.mktemp("fuzz")
    out = {}
    for reader, suffix in SUFFIXES.items():
        before, after = root / f"good_a_{reader}{suffix}", root / f"good_b_{reader}{suffix}"
        before.write_bytes(good_document(reader))
        after.write_bytes(good_document(reader))
        items = list(iter_articles([str(before), str(after)]))
        assert all(isinstance(i, Article) for i in items), items
        ids = [i.id for i in items]
        assert len(ids) == 2, f"each good {reader} document gives one article"
        out[reader] = (before, after, ids)
    return out


def check(
    reader: str,
    kind: str,
    data: bytes,
    corpus: dict[str, tuple[Path, Path, list[str]]],
) -> None:
    before, after, good_ids = corpus[reader]
    bad = before.parent / f"hostile_{reader}{SUFFIXES[reader]}"
    bad.write_bytes(data)
    noise = io.StringIO()
    with hard_time_limit(HARD_LIMIT_SECONDS), contextlib.redirect_stderr(noise):
        items = list(iter_articles([str(before), str(bad), str(after)]))
    assert noise.getvalue() == "", "a reader printed on stderr"
    mine = [i for i in items if i.origin.startswith(str(bad))]
    theirs = [i for i in items if not i.origin.startswith(str(bad))]
    assert len(mine) + len(theirs) == len(items)
    assert all(i.origin.startswith((str(before), str(after))) for i in theirs)
    assert [i.id for i in theirs if isinstance(i, Article)] == good_ids, theirs
    for item in mine:
        if isinstance(item, Rejection):
            assert item.reason.strip(), "a rejection must say why"
        else:
            assert isinstance(item, Article) and item.text.strip()
    if must_reject(reader, kind):
        assert any(isinstance(i, Rejection) for i in mine), (kind, data[:200], mine)


FUZZ = settings(
    max_examples=EXAMPLES_PER_READER,
    deadline=timedelta(seconds=20),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _reader_test(reader: str) -> object:
    @FUZZ
    @given(case=hostile(reader))
    @example(case=("empty", b""))
    @example(case=("long_line", TWENTY_MB_LINE))
    def test(corpus: dict[str, tuple[Path, Path, list[str]]], case: tuple[str, bytes]) -> None:
        kind, data = case
        check(reader, kind, data, corpus)
        if kind == "long_line":  # 20 MB in one line is over every default limit
            bad = corpus[reader][0].parent / f"hostile_{reader}{SUFFIXES[reader]}"
            assert all(isinstance(i, Rejection) for i in iter_articles([str(bad)]))

    test.__name__ = f"test_hostile_{reader}_input_is_survived_and_named"
    return test


test_hostile_txt = _reader_test("txt")
test_hostile_html = _reader_test("html")
test_hostile_jsonl = _reader_test("jsonl")
test_hostile_csv = _reader_test("csv")
test_hostile_feed = _reader_test("feed")
test_hostile_warc = _reader_test("warc")
test_hostile_warcgz = _reader_test("warcgz")


@settings(
    max_examples=60, deadline=timedelta(seconds=20), suppress_health_check=[HealthCheck.too_slow]
)
@given(case=hostile("txt") | hostile("html") | hostile("feed"))
def test_hostile_stdin_is_survived_and_named(case: tuple[str, bytes]) -> None:
    kind, data = case
    with hard_time_limit(HARD_LIMIT_SECONDS):
        items = list(iter_articles(["-"], stdin=io.TextIOWrapper(io.BytesIO(data))))
    assert items and all(i.origin == "-" or i.origin.startswith("-:item ") for i in items)
    if kind in ("empty", "invalid_utf8", "invisible", "gzip"):
        assert any(isinstance(i, Rejection) for i in items), (kind, data[:200], items)
