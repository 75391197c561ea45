"""Verb forms the model's rule lemmatiser strips to another word get their own lemma."""

from __future__ import annotations

import pytest

from tacitus.pipeline import Coder


@pytest.mark.parametrize(
    ("sentence", "form", "lemma"),
    [
        ("Chile hopes to deepen ties with Japan.", "hopes", "hope"),
        ("The court fined the newspaper.", "fined", "fine"),
        ("The rebels waged war on the army.", "waged", "wage"),
        ("The opposition staged a protest.", "staged", "stage"),
        ("The minister lambasted the decision.", "lambasted", "lambaste"),
        ("The rabbit hops away.", "hops", "hop"),  # a real "hop" stays one
    ],
)
def test_verb_lemmas(coder: Coder, sentence: str, form: str, lemma: str) -> None:
    token = next(t for t in coder.nlp(sentence) if t.text == form)
    assert token.lemma_ == lemma


def test_a_hope_to_cooperate_is_an_intent(coder: Coder) -> None:
    events = coder.code_text("Chile hopes to deepen ties with Japan.", date="2024-05-02")
    assert [(e.cameo[:2], e.actor[0].country, e.recipient[0].country) for e in events] == [
        ("03", "CHL", "JPN")
    ]
