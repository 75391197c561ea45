"""The pre-filter skips sentences that cannot hold an event, and nothing else changes."""

from __future__ import annotations

import pytest

from tacitus.nlp.prefilter import SentenceFilter, split_sentences
from tacitus.pipeline import Coder
from tacitus.types import Article


@pytest.fixture(scope="module")
def keeper(coder: Coder) -> SentenceFilter:
    assert coder.prefilter is not None
    return coder.prefilter


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Troops fired on protesters. Three died.", ["Troops fired on protesters.", "Three died."]),
        ('"We will respond," he said. Talks ended.',
         ['"We will respond," he said.', "Talks ended."]),
        ("Gen. Smith met Lt. Col. Jones in the U.S. capital on Jan. 5 at 10 a.m. Monday.",
         ["Gen. Smith met Lt. Col. Jones in the U.S. capital on Jan. 5 at 10 a.m. Monday."]),
        # after a capitalised word the rule is unsure ("No!" or "Gen."): no split
        ("Is it over? No! It is not.", ["Is it over?", "No! It is not."]),
        ("Prices rose 3.5 percent in 2019. Growth slowed.",
         ["Prices rose 3.5 percent in 2019.", "Growth slowed."]),
        ("He left.  ", ["He left."]),
        ("", []),
    ],
)  # fmt: skip
def test_sentences_split_only_where_sure(text: str, sentences: list[str]) -> None:
    assert [text[s:e] for s, e in split_sentences(text)] == sentences


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian troops shelled Kharkiv on Monday.",
        "He condemned the decision.",
        "Police arrested 40 protesters.",
        "The rebels seized the town overnight.",
        "They stormed the building.",
        "Talks between Ankara and Moscow resumed.",  # a noun trigger and capitalised names
    ],
)
def test_sentences_that_can_hold_an_event_are_kept(keeper: SentenceFilter, sentence: str) -> None:
    assert keeper.keeps(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The weather was mild for the season.",  # no trigger
        "It is 40 kilometres from the coast.",  # a pronoun, no trigger
        "Prices of wheat and rice were stable.",  # no trigger, no actor
        "Rain fell on the capital for a third day.",  # neither
    ],
)
def test_sentences_that_cannot_are_skipped(keeper: SentenceFilter, sentence: str) -> None:
    assert not keeper.keeps(sentence)


def test_a_plan_parses_whole_paragraphs_when_nothing_is_skipped(keeper: SentenceFilter) -> None:
    text = "Troops fired on protesters. He condemned the shooting."
    plan = keeper.plan(text)
    assert (plan.runs, plan.skipped, plan.sentences) == (((0, len(text), 0),), 0, 2)


def test_a_plan_parses_runs_and_counts_what_it_skips(keeper: SentenceFilter) -> None:
    text = (
        "The weather was mild. Troops fired on protesters. He condemned it. "
        "Rain fell for a day. Prices were stable. Rebels seized the town."
    )
    plan = keeper.plan(text)
    parsed = [(text[s:e], skipped) for s, e, skipped in plan.runs]
    assert parsed == [
        ("Troops fired on protesters. He condemned it.", 1),
        ("Rebels seized the town.", 2),
    ]
    assert (plan.skipped, plan.sentences) == (3, 6)


TEXT = (
    "The weather in the region was mild for the season.\n\n"
    "Russian troops shelled Kharkiv on Monday, killing three civilians. The city lies "
    "40 kilometres from the border. Ukraine condemned the attack.\n\n"
    "Prices of bread were stable."
)


def test_skipping_changes_no_event_and_no_offset(coder: Coder) -> None:
    article = Article(id="t", text=TEXT, published="2022-05-02")
    unfiltered = Coder(nlp=coder.nlp, prefilter=False)
    before = coder.sentences.skipped
    filtered = [e.to_dict() for e in coder.code_article(article)]
    assert coder.sentences.skipped - before == 3
    plain = [e.to_dict() for e in unfiltered.code_article(article)]
    assert filtered == plain
    assert {e["cameo"][:2] for e in filtered} >= {"19", "11"}
    for event in filtered:
        for evidence in event["evidence"]:
            assert TEXT[evidence["start"] : evidence["end"]] in TEXT.split("\n\n")[1]
