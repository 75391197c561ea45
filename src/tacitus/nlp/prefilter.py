"""A cheap test of whether a paragraph can hold an event, before spaCy parses it.

A paragraph can hold an event when one of its words is an inflected form of a trigger of the
lexicon (event verbs and nouns, light verbs, accusable acts), or when it names someone or
something (a capitalised word that is not an ordinary sentence opener): a paragraph that only
introduces a person still matters, later pronouns and surnames refer back to it.

Not wired into the coder yet: a skipped paragraph must still count its sentences (event ids
and `text_info.sentence` number sentences across the article), which needs the parser.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from tacitus.lexicon import EventLexicon, Grammar

__all__ = ["ParagraphFilter", "inflections"]

_WORD = re.compile(r"[A-Za-z][A-Za-z']*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]['\")\]]*\s+|[\"'(\[]\s*)$")
_PARTICLES = frozenset(
    "out up down off in on back over away into with to for of from against about at by".split()
)
_VOWELS = frozenset("aeiou")


def inflections(lemma: str) -> set[str]:
    """Generously, the regular inflected forms of an English verb or noun lemma."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        forms.add(lemma[:-1] + "ing")
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in _VOWELS:
        forms.update({lemma[:-1] + "ies", lemma[:-1] + "ied"})
    if len(lemma) > 2 and lemma[-1] not in _VOWELS and lemma[-2] in _VOWELS:
        # stop -> stopped, stopping; ban -> banned (over-generating "visitted" is harmless)
        forms.update({lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"})
    if lemma.endswith(("sis",)):
        forms.add(lemma[:-3] + "ses")
    return forms


class ParagraphFilter:
    """Decides, from its words alone, whether a paragraph is worth a parse."""

    def __init__(
        self,
        lexicon: EventLexicon,
        grammar: Grammar,
        *,
        nlp: Any = None,
        stop_words: Iterable[str] = (),
    ) -> None:
        lemmas: set[str] = set(lexicon.verbs) | set(lexicon.nouns)
        lemmas |= lexicon.classes.get("LIGHT", frozenset())
        lemmas |= grammar.classes.get("ACCUSABLE", frozenset())
        parts = {
            part
            for lemma in lemmas
            for part in re.split(r"[\s\-_]+", lemma.lower())
            if part and part not in _PARTICLES
        }
        forms: set[str] = set()
        for part in parts:
            forms |= inflections(part)
        forms |= _irregular_forms(nlp, parts)
        self.forms = frozenset(forms)
        self.openers = frozenset(w.lower() for w in stop_words) or _default_openers(nlp)

    def keeps(self, text: str) -> bool:
        """True if `text` has a trigger form or a capitalised name."""
        for match in _WORD.finditer(text):
            word = match.group()
            if word.lower() in self.forms:
                return True
            if word[0].isupper():
                opener = _SENTENCE_START.search(text, 0, match.start()) is not None
                if not opener or word.lower() not in self.openers:
                    return True
        return False


def _irregular_forms(nlp: Any, lemmas: set[str]) -> set[str]:
    """Irregular forms (took, fled, sought) from the model's lemmatizer exception table."""
    if nlp is None or "lemmatizer" not in nlp.pipe_names:
        return set()
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_exc"):
        return set()
    forms: set[str] = set()
    for table in lookups.get_table("lemma_exc").values():
        for form, bases in table.items():
            if any(base in lemmas for base in bases):
                forms.add(form)
    return forms


def _default_openers(nlp: Any) -> frozenset[str]:
    if nlp is not None:
        return frozenset(nlp.Defaults.stop_words)
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)
