"""Coding in several processes gives the events of one; a failing article stops nothing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tacitus.pipeline import Coder
from tacitus.types import Article
from tacitus.workers import Failure

TEXTS = [
    "Russian troops shelled the Ukrainian city of Kharkiv on Monday, killing three civilians.",
    "",
    "The Kenyan foreign ministry summoned the Ugandan ambassador on Tuesday.\n\n"
    "Kenya accused Uganda of arming rebels along the border.",
    "No one did anything of note here.",
    "Turkish Foreign Minister Mevlut Cavusoglu met Iranian President Hassan Rouhani in Tehran.",
    "Police arrested 40 protesters in Caracas on Wednesday, the opposition said.",
]


def _articles(copies: int = 3) -> list[Article]:
    return [
        Article(id=f"a{n}-{i}", text=text, published="2018-03-05")
        for n in range(copies)
        for i, text in enumerate(TEXTS)
    ]


def _dump(pairs: Iterator[tuple[Article, list[Any]]]) -> list[tuple[str, list[dict[str, Any]]]]:
    return [(article.id, [e.to_dict() for e in events]) for article, events in pairs]


def test_two_processes_code_exactly_what_one_does(coder: Coder) -> None:
    articles = _articles()
    one = _dump(coder.code_articles(articles, workers=1))
    two = _dump(coder.code_articles(iter(articles), workers=2, batch_size=4))
    assert [a for a, _ in one] == [a.id for a in articles]  # every article, in order
    assert sum(len(events) for _, events in one) >= 6
    assert two == one


@pytest.fixture
def failing(coder: Coder, monkeypatch: pytest.MonkeyPatch) -> Coder:
    """The session coder, made to fail on articles whose id ends in '-2'."""
    original = Coder._code_docs

    def code_docs(self: Coder, article: Article, *args: Any) -> Any:
        if article.id.endswith("-2"):
            raise ValueError("broken on purpose")
        return original(self, article, *args)

    monkeypatch.setattr(Coder, "_code_docs", code_docs)
    return coder


@pytest.mark.parametrize("workers", [1, 2])
def test_a_failing_article_is_reported_and_the_others_are_coded(
    failing: Coder, workers: int
) -> None:
    articles = _articles(copies=2)
    failed: list[tuple[str, str]] = []
    coded = _dump(
        failing.code_articles(
            articles, workers=workers, on_error=lambda a, e: failed.append((a.id, str(e)))
        )
    )
    assert [a for a, _ in coded] == [a.id for a in articles]
    assert [a for a, _ in failed] == ["a0-2", "a1-2"]
    assert all("broken on purpose" in reason for _, reason in failed)
    assert dict(coded)["a0-2"] == []
    assert dict(coded)["a0-0"]  # the shelling is still coded


@pytest.mark.parametrize("workers", [1, 2])
def test_without_a_handler_the_failure_is_raised(failing: Coder, workers: int) -> None:
    with pytest.raises((ValueError, Failure), match="broken on purpose"):
        list(failing.code_articles(_articles(copies=1), workers=workers))


def test_outcomes_carry_the_reason(failing: Coder) -> None:
    reasons = {a.id: reason for a, _, reason in failing.code_outcomes(_articles(copies=1))}
    assert reasons["a0-2"] == "ValueError: broken on purpose"
    assert reasons["a0-0"] == ""
