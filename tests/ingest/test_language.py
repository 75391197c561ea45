"""Language: non-English articles are rejected with the language named; short texts pass."""

from __future__ import annotations

from pathlib import Path

from ingest_samples import FRENCH, GERMAN, PARAGRAPHS, news_page

from tacitus.ingest import Rejection, iter_articles
from tacitus.ingest.language import identify
from tacitus.settings import IngestSettings, Settings
from tacitus.types import Article


def test_the_identifier_tells_the_languages_apart() -> None:
    assert identify(" ".join(PARAGRAPHS))[0] == "en"
    assert identify(GERMAN)[0] == "de"
    assert identify(FRENCH)[0] == "fr"


def test_non_english_articles_are_rejected_from_every_format(tmp_path: Path) -> None:
    (tmp_path / "de.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "fr.html").write_text(news_page(paragraphs=(FRENCH,)), encoding="utf-8")
    (tmp_path / "en.txt").write_text("\n".join(PARAGRAPHS), encoding="utf-8")
    (tmp_path / "short.txt").write_text("Guten Tag.", encoding="utf-8")  # too short to tell
    items = {Path(i.origin).name: i for i in iter_articles([str(tmp_path)])}
    de, fr = items["de.txt"], items["fr.html"]
    assert isinstance(de, Rejection) and "identified as 'de'" in de.reason
    assert isinstance(fr, Rejection) and "identified as 'fr'" in fr.reason
    assert isinstance(items["en.txt"], Article)
    assert isinstance(items["short.txt"], Article)


def test_the_language_check_follows_the_settings(tmp_path: Path) -> None:
    (tmp_path / "de.txt").write_text(GERMAN, encoding="utf-8")
    path = [str(tmp_path / "de.txt")]
    off = Settings(ingest=IngestSettings(languages=()))
    assert isinstance(next(iter_articles(path, settings=off)), Article)
    german_too = Settings(ingest=IngestSettings(languages=("en", "de")))
    assert isinstance(next(iter_articles(path, settings=german_too)), Article)
    unsure = Settings(ingest=IngestSettings(language_min_confidence=1.0))
    assert isinstance(next(iter_articles(path, settings=unsure)), Article)
    longer = Settings(ingest=IngestSettings(language_min_chars=10_000))
    assert isinstance(next(iter_articles(path, settings=longer)), Article)
