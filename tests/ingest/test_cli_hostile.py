"""End to end: `tacitus code` over a folder mixing good and hostile files."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

from ingest_samples import GERMAN, PARAGRAPHS, news_page, rss_feed, warc_bytes

import tacitus


def run_code(*args: str, config: str = "") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    # the tacitus under test, wherever it is installed from
    env["PYTHONPATH"] = os.pathsep.join(
        [str(Path(tacitus.__file__).resolve().parents[1]), env.get("PYTHONPATH", "")]
    )
    env.pop("TACITUS_CONFIG", None)
    if config:
        env["TACITUS_CONFIG"] = config
    return subprocess.run(
        [sys.executable, "-c", "from tacitus.cli import main; main()", "code", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def test_good_files_are_coded_and_each_hostile_one_named(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    text = "\n".join(PARAGRAPHS)
    good = {
        "story.txt": f"title: Expulsions\npublished: 2024-03-04\n\n{text}\n".encode(),
        "page.html": news_page().encode(),
        "wire.rss": rss_feed(
            [
                {
                    "title": "Expulsions",
                    "guid": "urn:wire:1",
                    "pubDate": "Mon, 04 Mar 2024 10:00:00 GMT",
                    "description": text,
                }
            ]
        ).encode(),
        "crawl.warc.gz": warc_bytes(
            [{"uri": "https://news.example.org/a", "body": news_page().encode()}]
        ),
        "rows.jsonl": (
            json.dumps({"id": "row-1", "text": text, "published": "2024-03-04"}) + "\n{not json\n"
        ).encode(),
    }
    whole = warc_bytes([{"uri": "https://news.example.org/b", "body": news_page().encode()}])
    hostile = {
        "binary.txt": bytes(range(256)) * 8,
        "empty.html": b"",
        "truncated.warc.gz": whole[: len(whole) // 2],
        "latin1.csv": b"id,text\nx,caf\xe9 society\n",
        "german.txt": GERMAN.encode(),
        "oneline.txt": b"word " * 4_000_000,  # a 20 MB single line
        "nested.html": b"<html><body>" + b"<div>" * 5000 + b"x" + b"</div>" * 5000,
        "invisible.txt": ("\u200b\u202e\u2066\u200f" * 50).encode(),
        "junk.rss": gzip.compress(b"<rss>" * 100)[:40],
    }
    for name, data in {**good, **hostile}.items():
        (folder / name).write_bytes(data)

    result = run_code(str(folder))

    assert result.returncode == 1, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    coded = {event["doc_id"] for event in events}
    warc_ids = {e["doc_id"] for e in events if e["doc_id"].startswith("urn:uuid:")}
    assert {"story", "page", "urn:wire:1", "row-1"} <= coded, coded
    assert len(warc_ids) == 1  # the whole WARC record; none from the truncated archive
    assert all(e["cameo"] for e in events)
    # the CLI's console wraps long lines (even inside file names): read it unwrapped
    said = result.stderr.replace("\n", "")
    for name in hostile:
        assert f"tacitus: {folder / name}" in said, (name, result.stderr)
    assert f"{folder / 'rows.jsonl'}:2: invalid JSON" in said
    for name in good:
        assert f"{folder / name}: " not in said, result.stderr


def test_settings_come_from_config_or_the_environment(tmp_path: Path) -> None:
    story = tmp_path / "german.txt"
    story.write_text(GERMAN, encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text("[ingest]\nmax_bytes = 10\n", encoding="utf-8")
    refused = run_code(str(story), "--config", str(bad))
    assert refused.returncode == 2
    assert "unknown setting ingest.max_bytes" in refused.stderr.replace("\n", "")
    german = tmp_path / "german.toml"
    german.write_text('[ingest]\nlanguages = ["en", "de"]\n', encoding="utf-8")
    accepted = run_code(str(story), config=str(german))
    assert accepted.returncode == 0, accepted.stderr
    assert run_code(str(story)).returncode == 1  # English only by default
