"""The fast mode: no statistical NER, entities from the dictionaries and a few rules."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from tacitus.cli import app
from tacitus.pipeline import Coder
from tacitus.types import Article


def _ents(fast_coder: Coder, text: str) -> list[tuple[str, str]]:
    assert fast_coder.entities is not None
    doc = fast_coder.entities(fast_coder.nlp(text, disable=["ner"]))
    return [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian troops shelled Kharkiv on Monday.",
         [("Russian", "NORP"), ("Kharkiv", "GPE"), ("Monday", "DATE")]),
        ("Kosovo Prime Minister Albin Kurti met officials in Pristina last week.",
         [("Kosovo", "GPE"), ("Albin Kurti", "PERSON"), ("Pristina", "GPE"),
          ("last week", "DATE")]),
        ("Spokesman John Mwangi said the Kenyan foreign ministry would reply.",
         [("John Mwangi", "PERSON"), ("Kenyan", "NORP")]),
        ("The U.S. embassy in Kabul closed on May 5, 2021.",
         [("U.S.", "GPE"), ("Kabul", "GPE"), ("May 5, 2021", "DATE")]),
        ("Militants attacked a base in the Niger Delta three days ago.",
         [("Niger Delta", "GPE"), ("three days ago", "DATE")]),  # not the country Niger
        ("Officials at Royal Dutch Shell said output fell in 2019.", [("2019", "DATE")]),
        ("Sergei Lavrov spoke to Antony Blinken by phone.",
         [("Sergei Lavrov", "PERSON"), ("Antony Blinken", "PERSON")]),
        ("The Kremlin said NATO was to blame.", [("Kremlin", "FAC"), ("NATO", "ORG")]),
        ("Theresa May may resign in May.", [("Theresa May", "PERSON")]),
    ],
)  # fmt: skip
def test_dictionary_entities(
    fast_coder: Coder, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _ents(fast_coder, text) == expected


ARTICLE = (
    "German Chancellor Angela Merkel met Chinese Premier Li Keqiang in Berlin on Monday. "
    "Later she criticised Beijing over human rights.\n\n"
    "Russian troops shelled Kharkiv on Tuesday, killing three civilians. "
    "Ukraine accused Moscow of war crimes."
)


def test_the_fast_coder_codes_like_the_default_one(coder: Coder, fast_coder: Coder) -> None:
    article = Article(id="f", text=ARTICLE, published="2016-06-14")

    def summary(events: list) -> list[tuple[str, list[str], list[str], str]]:  # type: ignore[type-arg]
        return [
            (e.cameo, [a.code for a in e.actor], [r.code for r in e.recipient], e.date)
            for e in events
        ]

    fast = summary(fast_coder.code_article(article))
    assert fast == summary(coder.code_article(article))
    assert ("111", ["DEUGOV"], ["CHNGOV"], "") in fast  # "she" is Merkel, not Li


def test_fast_workers_code_what_one_fast_process_does(fast_coder: Coder) -> None:
    articles = [Article(id=f"a{i}", text=ARTICLE, published="2016-06-14") for i in range(6)]
    one = [(a.id, [e.to_dict() for e in ev]) for a, ev in fast_coder.code_articles(articles)]
    two = [
        (a.id, [e.to_dict() for e in ev])
        for a, ev in fast_coder.code_articles(articles, workers=2, batch_size=4)
    ]
    assert two == one and len(one[0][1]) >= 3


def test_code_fast_flag(fast_coder: Coder, monkeypatch: pytest.MonkeyPatch) -> None:
    import tacitus.pipeline

    built: list[dict[str, object]] = []

    def build(**options: object) -> Coder:
        built.append(options)
        return fast_coder

    monkeypatch.setattr(tacitus.pipeline, "Coder", build)
    result = CliRunner().invoke(app, ["code", "-", "--fast", "--date", "2016-06-14"], input=ARTICLE)
    assert result.exit_code == 0, result.output
    assert built and built[0]["fast"] is True
    assert '"cameo": "111"' in result.stdout
