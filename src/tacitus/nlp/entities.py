"""Named entities from the actor dictionaries and a few rules, for the fast mode (no NER).

spaCy's statistical NER is about half of the small English pipeline's time. tacitus uses
entities for a few decisions only (who is a person, which words are a place or a date), and
its dictionaries already know most names the coder can code. In the fast mode the pipeline
runs without `ner` and :class:`DictionaryEntities` labels, in this order of preference:

- dictionary names (a PhraseMatcher over every alias of the actor dictionaries, capitalised in
  the text): countries, capitals and cities -> GPE, seats of power -> FAC, demonyms -> NORP,
  organisations -> ORG, people -> PERSON;
- unknown people: a run of proper nouns after a title ("President", "Mr", "spokesman") or
  beginning with a known given name ("John Mwangi");
- places: a run of proper nouns governed by "in", "near", "at", ... that the gazetteer knows;
- dates: weekdays, months with their day and year, years, "yesterday", "last week",
  "three days ago".

It is a plain callable, not a spaCy factory: the Coder calls it on each parsed Doc.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from tacitus.lexicon.actors import ActorLexicon, Hit
from tacitus.resolve.gender import given_names
from tacitus.resolve.places import resolve_place

__all__ = ["DictionaryEntities"]

_KIND_LABEL = {
    "country": "GPE",
    "capital": "GPE",
    "city": "GPE",
    "seat": "FAC",
    "demonym": "NORP",
    "org": "ORG",
    "person": "PERSON",
}
_PREFERENCE = ("country", "capital", "demonym", "seat", "org", "person", "city")
_HONORIFICS = frozenset("mr mrs ms miss dr sir dame lord lady sheikh sheikha".split())
_OFFICE_SECTORS = frozenset("GOV MIL LEG JUD COP SPY".split())
_PLACE_PREPOSITIONS = frozenset(
    "in at near from to into across outside inside around towards toward through".split()
)
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_DEICTIC = frozenset("yesterday today tomorrow tonight".split())
_PERIODS = frozenset("week weekend month year fortnight morning afternoon evening night".split())
_RELATIVE = frozenset("last next this past coming previous early earlier late later".split())
_AGO_UNITS = frozenset("day days week weeks month months year years decade decades".split())
_YEAR = re.compile(r"^(19|20)\d\d$")
_DAY = re.compile(r"^([1-9]|[12]\d|3[01])(st|nd|rd|th)?$")


class DictionaryEntities:
    """Sets `doc.ents` from the actor dictionaries, titles, the gazetteer and date words."""

    def __init__(self, nlp: Any, lexicon: ActorLexicon) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        by_label: dict[str, list[str]] = {}
        for key, hits in lexicon.aliases.items():
            label = _label(hits)
            if label and len(key) > 1:
                by_label.setdefault(label, []).append(key)
        for label, keys in by_label.items():
            self.matcher.add(label, list(nlp.tokenizer.pipe(keys)))
        self.lexicon = lexicon
        roles = lexicon.roles
        self.titles = frozenset(r.split()[-1] for r in roles) | _HONORIFICS
        # titles of office, which may stand inside a run of capitalised words next to a
        # place or a people's name ("Kosovo Prime Minister Albin Kurti")
        self.offices = frozenset(
            r.split()[-1] for r, sector in roles.items() if sector in _OFFICE_SECTORS
        )
        self.given = given_names()

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        for label_id, start, end in self.matcher(doc):
            if not doc[start].text[:1].isupper() or self._inside_longer_name(doc, start, end):
                continue
            span = Span(doc, start, end, label=label_id)
            if span.label_ == "ORG" and end - start > 1:
                # "the Nigerian military": the demonym, as the statistical NER has it
                first = self._label_of(doc[start].text)
                if first in ("NORP", "GPE"):
                    span = Span(doc, start, start + 1, label=first)
            spans.append(span)
        for tok in doc:
            # "U.S.", "U.K.": dotted abbreviations the matcher's keys lost their dots
            if "." in tok.text and tok.text[:1].isupper() and len(tok.text) <= 6:
                label = self._label_of(tok.text)
                if label:
                    spans.append(Span(doc, tok.i, tok.i + 1, label=label))
        known = {i for span in spans for i in range(span.start, span.end)}
        spans.extend(self._names(doc, known))
        spans.extend(_dates(doc))
        doc.set_ents(filter_spans(spans), default="outside")
        return doc

    def _label_of(self, text: str) -> str:
        """The entity label the dictionaries give `text`, or ""."""
        return _label(self.lexicon.lookup(text))

    def _inside_longer_name(self, doc: Doc, start: int, end: int) -> bool:
        """A place or people's name that is only part of a longer name: "Niger" in "Niger
        Delta", "Dutch" in "Royal Dutch Shell" (a title next to it does not count: "Kosovo
        Prime Minister Albin Kurti")."""
        left, right = start, end
        while left > 0 and _name_word(doc[left - 1]):
            left -= 1
        while right < len(doc) and _name_word(doc[right]):
            right += 1
        extra = [*doc[left:start], *doc[end:right]]
        return bool(extra) and not any(t.lower_.rstrip(".") in self.offices for t in extra)

    def _names(self, doc: Doc, known: set[int]) -> Iterable[Span]:
        """People and places among the runs of proper nouns the dictionaries do not know."""
        i = 0
        while i < len(doc):
            if doc[i].pos_ != "PROPN" or i in known or not doc[i].text[:1].isupper():
                i += 1
                continue
            end = i
            while end < len(doc) and doc[end].pos_ == "PROPN" and end not in known:
                end += 1
            # "Prime Minister Albin Kurti", "President Joe Biden": the title is in the run
            titles = [j for j in range(i, end - 1) if doc[j].lower_.rstrip(".") in self.offices]
            if titles:
                i = titles[-1] + 1
            first = doc[i]
            before = doc[i - 1] if i > 0 else None
            titled = before is not None and (
                before.lower_.rstrip(".") in self.titles or before.lemma_.lower() in self.titles
            )
            if titled or (end - i >= 2 and self.given.get(first.lower_) is not None):
                yield Span(doc, i, end, label="PERSON")
            elif _governed_place(doc[i:end]):
                yield Span(doc, i, end, label="GPE")
            i = end


def _label(hits: Iterable[Hit]) -> str:
    """The entity label of an alias: that of its preferred kind of entry (a country before an
    organisation before a person), or ""."""
    kinds = {hit.kind for hit in hits}
    kind = next((k for k in _PREFERENCE if k in kinds), "")
    return _KIND_LABEL[kind] if kind else ""


def _name_word(tok: Any) -> bool:
    """A capitalised proper noun: part of a name."""
    return bool(tok.pos_ == "PROPN" and tok.text[:1].isupper())


def _dated(doc: Doc, i: int) -> bool:
    """A day or a year stands next to the month word at `i`."""
    after = doc[i + 1].text if i + 1 < len(doc) else ""
    before = doc[i - 1].text if i > 0 else ""
    return bool(_DAY.match(after) or _YEAR.match(after) or _DAY.match(before))


def _governed_place(span: Span) -> bool:
    """A run of proper nouns that is the object of "in", "near", ... and a gazetteer place."""
    root = span.root
    return (
        root.dep_ == "pobj"
        and root.head.lower_ in _PLACE_PREPOSITIONS
        and resolve_place(span.text) is not None
    )


def _dates(doc: Doc) -> Iterable[Span]:
    """Date expressions: "Monday", "last week", "May 5, 2005", "5 May", "in 2015", "3 days ago"."""
    i = 0
    n = len(doc)
    while i < n:
        lower = doc[i].lower_.rstrip(".")
        start, end = i, 0
        if lower in _WEEKDAYS or lower in _DEICTIC:
            end = i + 1
        elif (
            lower in _MONTHS
            and doc[i].text[:1].isupper()
            and (
                lower != "may" or _dated(doc, i)  # "May" alone is the verb or a name
            )
        ):
            end = i + 1
            if end < n and _DAY.match(doc[end].text):
                end += 1
            if end + 1 < n and doc[end].text == "," and _YEAR.match(doc[end + 1].text):
                end += 2
            elif end < n and _YEAR.match(doc[end].text):
                end += 1
            if i > 0 and _DAY.match(doc[i - 1].text):
                start = i - 1
        elif lower in _PERIODS and i > 0 and doc[i - 1].lower_ in _RELATIVE:
            start, end = i - 1, i + 1
            if start > 0 and doc[start - 1].lower_ in _RELATIVE:  # "earlier this month"
                start -= 1
        elif _YEAR.match(doc[i].text) and doc[i].tag_ == "CD":
            end = i + 1
        elif lower == "ago" and i >= 2 and doc[i - 1].lower_ in _AGO_UNITS:
            start, end = i - 2, i + 1
        if end:
            if lower in _WEEKDAYS and start > 0 and doc[start - 1].lower_ in _RELATIVE:
                start -= 1  # "last Monday"
            yield Span(doc, start, end, label="DATE")
            i = end
        else:
            i += 1
