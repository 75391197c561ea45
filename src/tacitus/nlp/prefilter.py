"""A cheap test of which sentences can hold an event, before spaCy parses anything.

A sentence can hold an event when it has both
- a trigger: an inflected form of an event verb or noun of the lexicon, a light verb, or an
  accusable act; and
- someone who could be its actor: a capitalised name (not an ordinary sentence opener), a
  role noun of the actor dictionaries ("police", "troops", "protesters"), or a pronoun that
  refers back to one.

A sentence without a trigger is still kept when it introduces a person later sentences may
refer to ("Kenyan President William Ruto flew to Addis Ababa. The president criticised ..."):
a role noun before a capitalised name, or the name of a person of the actor dictionaries.

Only sentences that fail the test are skipped; the rest of a paragraph is parsed as it is.
Sentences are split by a conservative rule (a full stop, question or exclamation mark after a
lower-case word or a number, before a capital or a quote): where the rule is unsure it does
not split, and the sentence is kept with its neighbour, so a skip never cuts a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from tacitus.lexicon import EventLexicon, Grammar

__all__ = ["Plan", "SentenceFilter", "inflections", "split_sentences"]

_WORD = re.compile(r"[A-Za-z][A-Za-z']*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]['\")\]]*\s+|[\"'(\[]\s*)$")
# The end of a sentence: a lower-case word (2+ letters) or a number, then . ! or ?, closing
# quotes or brackets, white space, and a capital letter, a digit or an opening quote.
_BOUNDARY = re.compile(
    r"(?<=[a-z0-9][a-z0-9])[.!?]['\"\u201d\u2019)\]]*(\s+)(?=[\"'\u201c\u2018(]?[A-Z0-9])"
)
# Abbreviations that end in a full stop without ending the sentence ("Gen. Smith", "Jan. 5").
_ABBREVIATIONS = frozenset(
    "gen sen rep gov capt sgt col maj cmdr adm prof rev supt insp cpl pvt brig lieut cdr "
    "jan feb mar apr jun jul aug sep sept oct nov dec inc corp co ltd bros jr sr vs etc est "
    "approx dept univ assn ave blvd mt ft pp vol fig ed eds al".split()
)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)$")
_PARTICLES = frozenset(
    "out up down off in on back over away into with to for of from against about at by".split()
)
_PRONOUNS = frozenset("he she they we i it him her them us his their its our".split())
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


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, by the conservative rule above."""
    spans = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        before = _WORD_BEFORE.search(text, 0, match.start())
        if before is not None and before.group(1).lower() in _ABBREVIATIONS:
            continue
        spans.append((start, match.start(1)))
        start = match.end(1)
    spans.append((start, len(text.rstrip())))
    return [(s, e) for s, e in spans if e > s]


@dataclass(frozen=True, slots=True)
class Plan:
    """What of a paragraph to parse: `runs` of kept sentences (start, end, sentences skipped
    just before the run), and the number of sentences skipped in all."""

    runs: tuple[tuple[int, int, int], ...]
    skipped: int
    sentences: int


class SentenceFilter:
    """Decides, from its words alone, which sentences of a paragraph are worth a parse."""

    def __init__(
        self,
        lexicon: EventLexicon,
        grammar: Grammar,
        *,
        roles: Iterable[str] = (),
        people: Iterable[str] = (),
        nlp: Any = None,
        stop_words: Iterable[str] = (),
    ) -> None:
        lemmas: set[str] = set(lexicon.verbs) | set(lexicon.nouns)
        lemmas |= lexicon.classes.get("LIGHT", frozenset())
        lemmas |= grammar.classes.get("ACCUSABLE", frozenset())
        self.forms = _forms(lemmas, nlp)
        self.actors = _forms({w for role in roles for w in role.lower().split()[-1:]}, nlp)
        self.openers = frozenset(w.lower() for w in stop_words) or _default_openers(nlp)
        # the words of the known people's names that are not ordinary words ("ruto", "lavrov")
        self.names = frozenset(
            word for name in people for word in name.lower().split() if word not in self.openers
        )

    def keeps(self, text: str) -> bool:
        """True if `text` has a trigger form and a possible actor, or introduces a person."""
        trigger = actor = False
        role_before = False  # the previous word was a role noun ("President", "minister")
        for match in _WORD.finditer(text):
            word = match.group()
            lower = word.lower()
            trigger = trigger or lower in self.forms
            capitalised = word[0].isupper()
            if capitalised and (role_before or lower in self.names):
                return True  # a person is introduced
            role_before = lower in self.actors
            if not actor:
                if lower in _PRONOUNS or role_before:
                    actor = True
                elif capitalised:
                    opener = _SENTENCE_START.search(text, 0, match.start()) is not None
                    actor = not opener or lower not in self.openers
            if trigger and actor:
                return True
        return False

    def plan(self, text: str) -> Plan:
        """The runs of `text` to parse (whole paragraph when every sentence is kept)."""
        sentences = split_sentences(text)
        runs: list[tuple[int, int, int]] = []
        skipped = pending = 0
        run: list[int] | None = None
        for start, end in sentences:
            if self.keeps(text[start:end]):
                if run is None:
                    run = [start, end, pending]
                    pending = 0
                else:
                    run[1] = end
            else:
                if run is not None:
                    runs.append((run[0], run[1], run[2]))
                    run = None
                skipped += 1
                pending += 1
        if run is not None:
            runs.append((run[0], run[1], run[2]))
        if not skipped:
            return Plan(((0, len(text), 0),), 0, len(sentences))
        return Plan(tuple(runs), skipped, len(sentences))


def _forms(lemmas: set[str], nlp: Any) -> frozenset[str]:
    parts = {
        part
        for lemma in lemmas
        for part in re.split(r"[\s\-_]+", lemma.lower())
        if part and part not in _PARTICLES
    }
    forms: set[str] = set()
    for part in parts:
        forms |= inflections(part)
    return frozenset(forms | _irregular_forms(nlp, parts))


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
