"""The coder: articles in, events out. Iterators in, iterators out; no I/O of its own."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from tacitus import __version__
from tacitus.clean import CleanText, Dateline, clean, split_dateline
from tacitus.dedupe import merge_mentions
from tacitus.extract import (
    EDGES,
    Mention,
    deep_recipient_heads,
    fallback_recipient_heads,
    find_mentions,
    objects,
    place_phrases,
    reported_accusations,
    subjects,
)
from tacitus.lexicon import Pattern, load_event_lexicon, load_grammar
from tacitus.lexicon.actors import ActorLexicon, load_actor_lexicon
from tacitus.nlp import load_pipeline
from tacitus.nlp.entities import DictionaryEntities
from tacitus.nlp.prefilter import SentenceFilter
from tacitus.ontology import TABLE_VERSION, is_coded, lookup, normalise
from tacitus.resolve.actors import ActorResolver
from tacitus.resolve.dates import resolve_expression
from tacitus.resolve.gender import gender_of_name, gender_of_pronoun
from tacitus.resolve.places import resolve_place
from tacitus.types import Actor, Article, Event, Evidence, Place

__all__ = ["Coder", "CodedMention", "OFFICIAL_SECTORS"]

Token = Any
OFFICIAL_SECTORS = frozenset({"GOV", "MIL", "SPY", "LEG", "JUD", "COP", "ELI"})
_PERSON_PRONOUNS = {"he", "she", "him", "her"}


class _Person(NamedTuple):
    """A person read in an article, for "he" and "she": whether they acted (a subject, not a
    recipient) and in which sentence."""

    actor: Actor
    gender: str
    acting: bool
    sentence: int


class Piece(NamedTuple):
    """A parsed run of an article's cleaned text: where it starts, how many sentences the
    pre-filter skipped just before it, and its Doc."""

    start: int
    skipped: int
    doc: Any


@dataclass(slots=True)
class SentenceCounts:
    """Sentences read and skipped by the pre-filter in this process (for progress reports)."""

    read: int = 0
    skipped: int = 0


@dataclass(slots=True)
class CodedMention:
    """A mention with its actors, date and evidence resolved: one candidate event."""

    mention: Mention
    code: str
    rule: str
    actors: list[Actor]
    recipients: list[Actor]
    modality: str
    date: str
    date_precision: str
    evidence: Evidence
    sentence_text: str
    attribution: Actor | None
    confidence: float
    extra_evidence: list[Evidence] = field(default_factory=list)
    place: Place | None = None
    sentence_countries: set[str] = field(default_factory=set)
    contexts: list[str] = field(default_factory=list)
    counterparts: set[str] = field(default_factory=set)
    claim: str = ""  # shared by an accusation and the denial that answers it
    mutual: bool = False  # "expelled each other's ambassadors"
    guessed_recipient: bool = False  # recipient found by the fallback search, not a slot


class _ArticleState:
    """What the coder remembers while reading one article (for pronouns and context)."""

    def __init__(self) -> None:
        # every person read so far (with the gender of their name, "F", "M" or "", whether
        # they acted and in which sentence), latest last
        self.persons: list[_Person] = []
        # people named in the sentence being read, with the index of their name's last token
        self.sentence_persons: list[tuple[int, _Person]] = []
        self.dateline_country = ""
        self.dateline_place: Place | None = None
        self.main_country = ""  # the country most named in the article, if one dominates
        self.people: dict[str, Actor] = {}  # surname -> the person it named earlier
        self.by_sector: dict[str, Actor] = {}  # sector -> the latest actor of that sector
        self.by_head: dict[str, Actor] = {}  # head noun -> the latest actor it named
        self.last_group: Actor | None = None  # the latest plural or organised actor
        self.last_group_sentence = -10
        self.sentence = 0


class Coder:
    """Loads the spaCy pipeline and the lexicons once, then codes articles.

    Example:
        coder = Coder()
        for event in coder.code_article(Article(id="a1", text="...", published="2017-01-01")):
            print(event.cameo, [a.code for a in event.actor])
    """

    def __init__(
        self,
        *,
        nlp: Any = None,
        include_all: bool = False,
        patterns: Sequence[str] = (),
        actors: Sequence[str] = (),
        prefilter: bool = True,
        fast: bool = False,
    ) -> None:
        self.nlp = nlp if nlp is not None else load_pipeline()
        self.include_all = include_all
        # What rebuilds this coder in another process (None: the caller's own pipeline).
        self._options: dict[str, Any] | None = (
            None
            if nlp is not None
            else {
                "include_all": include_all,
                "patterns": tuple(patterns),
                "actors": tuple(actors),
                "prefilter": prefilter,
                "fast": fast,
            }
        )
        self.lexicon = load_event_lexicon(tuple(patterns))
        self.grammar = load_grammar()
        self.actor_lexicon = load_actor_lexicon(tuple(actors))
        self.resolver = ActorResolver(self.actor_lexicon, frozenset(self.lexicon.nouns))
        self.prefilter = (
            SentenceFilter(
                self.lexicon,
                self.grammar,
                roles=self.actor_lexicon.roles,
                people=(
                    key
                    for key, hits in self.actor_lexicon.aliases.items()
                    if any(hit.kind == "person" for hit in hits)
                ),
                nlp=self.nlp,
            )
            if prefilter
            else None
        )
        self.sentences = SentenceCounts()
        self._demonyms: dict[str, list[str]] = {}
        for key, hits in self.actor_lexicon.aliases.items():
            for hit in hits:
                if hit.kind == "demonym" and hit.country:
                    self._demonyms.setdefault(hit.country, []).append(key)
        # fast: no statistical NER; entities come from the dictionaries (nlp/entities.py)
        self.entities = DictionaryEntities(self.nlp, self.actor_lexicon) if fast else None
        self.version = f"tacitus {__version__}"

    # -- public -------------------------------------------------------------------------
    def code_text(self, text: str, *, date: str = "", doc_id: str = "text") -> list[Event]:
        """Code one text published on `date` (ISO, may be empty)."""
        return self.code_article(Article(id=doc_id, text=text, published=date))

    def code_article(self, article: Article) -> list[Event]:
        """Code one article: every event it reports, deduplicated within the article."""
        for _, events in self.code_articles([article]):
            return events
        return []

    def code_doc(self, doc: Any, *, published: str = "", doc_id: str = "doc") -> list[Event]:
        """Code a Doc parsed by the caller's own pipeline (offsets point into `doc.text`)."""
        text = str(doc.text)
        identity = CleanText(text, tuple(range(len(text))), ((0, len(text)),), 0)
        article = Article(id=doc_id, text=text, published=published)
        return self._code_docs(article, identity, [Piece(0, 0, doc)])

    def code_articles(
        self,
        articles: Iterable[Article],
        *,
        batch_size: int = 64,
        workers: int = 1,
        on_error: Callable[[Article, Exception], None] | None = None,
    ) -> Iterator[tuple[Article, list[Event]]]:
        """Code a stream of articles, in order, parsing their paragraphs in batches.

        `workers` > 1 codes in that many processes, each parsing and coding whole articles;
        the events are the same as with one. The stream is read lazily: only the batches
        being coded are held in memory. An article whose coding fails is handed to
        `on_error` and yielded with no events, so one bad document never stops the stream;
        without `on_error` the error is raised.
        """
        if workers > 1 and self._options is not None:
            from tacitus.workers import code_in_processes

            yield from code_in_processes(
                self, articles, workers=workers, options=self._options,
                batch_size=batch_size, on_error=on_error,
            )  # fmt: skip
            return
        for article, events, error in self._outcomes(articles, batch_size, workers):
            if error is not None:
                if on_error is None:
                    raise error
                on_error(article, error)
            yield article, events

    def code_outcomes(
        self, articles: Iterable[Article], *, batch_size: int = 64
    ) -> Iterator[tuple[Article, list[Event], str]]:
        """Like :meth:`code_articles` in this process, with "" or the reason coding failed."""
        for article, events, error in self._outcomes(articles, batch_size, 1):
            yield article, events, "" if error is None else f"{type(error).__name__}: {error}"

    def _outcomes(
        self, articles: Iterable[Article], batch_size: int, processes: int
    ) -> Iterator[tuple[Article, list[Event], Exception | None]]:
        """(article, events, error) in order; only the sentences the pre-filter keeps are
        parsed, in runs (a whole paragraph when all its sentences are kept)."""
        # number, article, cleaned text, dateline, runs to parse, pieces parsed so far
        prepared: deque[tuple[int, Article, CleanText, Dateline | None, int, list[Piece]]]
        prepared = deque()
        counts = self.sentences

        def runs() -> Iterator[tuple[str, tuple[int, int, int]]]:
            for number, article in enumerate(articles):
                cleaned, dateline = split_dateline(clean(article.text))
                planned: list[tuple[int, int, int]] = []
                carry = 0  # skipped sentences not yet counted before a parsed run
                for start, end in cleaned.blocks:
                    if self.prefilter is None:
                        planned.append((start, end, 0))
                        continue
                    plan = self.prefilter.plan(cleaned.text[start:end])
                    counts.read += plan.sentences
                    counts.skipped += plan.skipped
                    for s, e, skip in plan.runs:
                        planned.append((start + s, start + e, carry + skip))
                        carry = 0
                    carry += plan.skipped - sum(skip for _, _, skip in plan.runs)
                prepared.append((number, article, cleaned, dateline, len(planned), []))
                for start, end, skip in planned:
                    yield cleaned.text[start:end], (number, start, skip)

        def finish(
            article: Article, cleaned: CleanText, pieces: list[Piece], dateline: Dateline | None
        ) -> tuple[Article, list[Event], Exception | None]:
            try:
                return article, self._code_docs(article, cleaned, pieces, dateline), None
            except Exception as exc:  # one bad document must not stop a batch
                return article, [], exc

        def ready(before: int) -> Iterator[tuple[Article, list[Event], Exception | None]]:
            """The articles, up to number `before`, whose every run is parsed."""
            while prepared and prepared[0][0] < before and len(prepared[0][5]) == prepared[0][4]:
                _, article, cleaned, dateline, _, pieces = prepared.popleft()
                yield finish(article, cleaned, pieces, dateline)

        stream = self.nlp.pipe(
            runs(),
            as_tuples=True,
            batch_size=batch_size,
            n_process=max(1, processes),
            disable=["ner"] if self.entities is not None else [],
        )
        for doc, (number, start, skip) in stream:
            if self.entities is not None:
                self.entities(doc)
            yield from ready(number)
            prepared[0][5].append(Piece(start, skip, doc))
            yield from ready(number + 1)
        yield from ready(10**18)

    # -- per article ----------------------------------------------------------------------
    def _code_docs(
        self,
        article: Article,
        cleaned: CleanText,
        pieces: list[Piece],
        dateline: Dateline | None = None,
    ) -> list[Event]:
        state = _ArticleState()
        if dateline is not None:
            state.dateline_country = self._dateline_country(dateline)
            state.dateline_place = resolve_place(
                dateline.place.title(), countries=[state.dateline_country]
            )
            if not article.published:
                # "ANDIJAN, Uzbekistan, 14 May 2005 -": a dated dateline is the publication day.
                for part in dateline.parts:
                    resolved = resolve_expression(part, "")
                    if resolved is not None and resolved[1] == "day":
                        article = replace(article, published=resolved[0])
                        break
        state.main_country = self._main_country(
            [piece.doc for piece in pieces], state.dateline_country
        )
        coded: list[CodedMention] = []
        sent_index = 0
        for block_start, skipped, doc in pieces:
            sent_index += skipped  # sentences the pre-filter skipped keep their numbers
            for sent in doc.sents:
                coded.extend(
                    self._code_sentence(article, cleaned, block_start, sent, sent_index, state)
                )
                sent_index += 1
        for item in coded:
            self._states_as_governments(item)
        for index, item in enumerate(coded):
            # In article order, so that what an event borrows from earlier ones is final.
            self._fill_from_context(coded, index)
            self._object_event_recipient(coded, index)
            if not item.recipients:
                item.recipients = _state_act_target(item.mention, item.actors, state.main_country)
                item.guessed_recipient = bool(item.recipients)
            _agentless_actor(item, item.sentence_countries)
            here = self._named_place(item)
            contexts = item.contexts
            if (
                here is not None
                and item.code[:2] in ("17", "18", "19", "20")
                and self._names_country(item.mention.trigger.sent, here.country)
            ):
                # "killing three soldiers" in Pakistan's Khyber district: force used on the
                # country where it happened, when the sentence names that country
                contexts = [here.country, *(c for c in contexts if c != here.country)]
            _finish_roles(item, contexts, item.sentence_countries, item.counterparts)
            item.place = self._place_of(item, article, state)
            _struck_country(item)
            self._local_branch(item, state.main_country)
            _refine_meeting(item)
            _refine_violence(item)
            _refine_crackdown(item)
            _refine_takeover(item)
            _refine_court(item)
            _refine_alert(item)
        self._link_denials(coded)
        self._attach_definite(coded)
        _protesters_in_opposition(coded)
        kept = [c for c in coded if any(a.code for a in c.actors)]
        merged = merge_mentions(kept, article.published)
        _carry_when_where(merged)
        events = [self._event(article, c) for c in merged]
        if not self.include_all:
            events = [e for e in events if e.modality == "asserted"]
        return events

    def _states_as_governments(self, item: CodedMention) -> None:
        """A country named alone that acts or is acted on in politics is its government:
        "Chile apologised to Peru", "sanctions on Iran" are CHLGOV, PERGOV, IRNGOV, as the
        development gold codes them. Force keeps the bare country ("fired at Syria", "the two
        Koreas exchanged fire"), as do things of a country ("Iranian vessels")."""
        if item.code[:2] in _FORCE_ROOTS:
            return
        countries = self.actor_lexicon.countries

        def state(actor: Actor) -> Actor:
            known = countries.get(actor.country)
            # the resolver gives the country's own entity only to a country named alone
            if actor.sector or known is None or not actor.wikidata:
                return actor
            if actor.wikidata != known.wikidata:
                return actor
            return replace(actor, sector="GOV", code=f"{actor.country}GOV")

        item.actors = _distinct([state(a) for a in item.actors])
        item.recipients = _distinct([state(r) for r in item.recipients])

    def _local_branch(self, item: CodedMention, main_country: str = "") -> None:
        """An armed group acting in another country is that country's branch when the
        dictionaries know one by the demonym: the Taliban in Pakistan are the "Pakistani
        Taliban" (PAKREB), not the Afghan movement. Where the event's place is unknown, the
        country the article is about stands for it."""
        here = item.place.country if item.place is not None else main_country
        if not here:
            return
        for side in (item.actors, item.recipients):
            for index, actor in enumerate(side):
                if actor.sector not in ("REB", "UAF") or actor.country in ("", here):
                    continue
                if actor.entry.startswith("person:"):
                    continue
                # the group's name: the dictionary's, or the capitalised words of the phrase
                names = [actor.name, *re.findall(r"[A-Z][\w'-]*(?: [A-Z][\w'-]*)*", actor.text)]
                local = [
                    hit.org
                    for name in names
                    if name
                    for demonym in self._demonyms.get(here, ())
                    for hit in self.actor_lexicon.lookup(f"{demonym} {name}")
                    if hit.kind == "org" and hit.org is not None and hit.org.country == here
                ]
                if local:
                    org = local[0]
                    side[index] = replace(
                        actor, name=org.name, country=org.country, sector=org.sector,
                        code=org.code, entry=org.code,
                    )  # fmt: skip

    def _resolve(
        self,
        heads: list[Token],
        day: str,
        state: _ArticleState,
        *,
        places: bool = False,
        acting: bool = True,
        corefer: bool = True,
    ) -> list[Actor]:
        """Resolve phrase heads to actors; `acting` actors (not recipients) are what later
        definite descriptions ("the ministry") refer back to."""
        actors: list[Actor] = []
        for head in heads:
            speaker = _reported_speaker(head, self.grammar.classes["SPEECH_VERB"])
            if speaker is not None:
                # "Turkey said it was ready", "Putin said he would": the speaker.
                found_speaker = self.resolver.resolve_all(speaker, day)
                if found_speaker:
                    actors.extend(replace(a, text=head.text) for a in found_speaker)
                    continue
            if head.lower_ in _PERSON_PRONOUNS and (state.persons or state.sentence_persons):
                # the latest person whose name has the pronoun's gender, else the latest
                # whose name does not contradict it; "him"/"her" may take a person named
                # earlier in the same sentence ("X fled, and Vilnius granted him asylum")
                person = _antecedent(head, state)
                if person is not None and person.code not in {"", *(a.code for a in actors)}:
                    actors.append(
                        replace(person, text=head.text, confidence=person.confidence * 0.8)
                    )
                    # "he" stays the one who acts: "He also accused Kurti. He rejected ..."
                    gender = gender_of_pronoun(head.lower_)
                    state.persons.append(_Person(person, gender, acting, state.sentence))
                continue
            if (
                head.lower_ in ("they", "them")
                and state.last_group is not None
                and state.sentence - state.last_group_sentence <= 2
            ):
                group = state.last_group
                actors.append(replace(group, text=head.text, confidence=group.confidence * 0.7))
                continue
            if (
                head.lower_ in ("country", "nation")
                and state.main_country
                and _is_definite(head)
                and not any(c.dep_ in ("amod", "compound", "poss") for c in head.children)
            ):
                # "demanded that the country hold elections", "THE nation and China": the
                # country the article is about
                actors.append(self.resolver.country_itself(head.text, state.main_country, 0.5))
                continue
            if _mutual([head]):
                continue  # "expelled each other's ambassadors": the act is mutual
            found = self.resolver.resolve_all(head, day)
            person_name = _person_key(head)
            if not person_name and head.pos_ == "PROPN" and head.lower_ in state.people:
                person_name = head.lower_  # a surname the tagger took for an organisation
            if person_name and (not found or not found[0].country):
                remembered = state.people.get(person_name)
                if remembered is not None:
                    found = [
                        replace(
                            remembered,
                            text=head.text,
                            confidence=round(remembered.confidence * 0.9, 2),
                        )
                    ]
            if not found:
                found = self._appositive(head, day, state)
            if (
                places
                and not found
                and head.ent_type_ in ("GPE", "LOC", "FAC")
                and head.pos_ == "PROPN"
            ):
                # "the blockade of the Gaza Strip", "the town of Halabja": a place stands for
                # its country, coded bare.
                start = head.i
                while start > head.sent.start and head.doc[start - 1].ent_iob_ == "I":
                    start -= 1
                name = head.doc[start : head.i + 1].text
                place = resolve_place(name)
                if place is not None and place.country:
                    found = [
                        Actor(text=name, country=place.country, code=place.country, confidence=0.5)
                    ]
            owner = state.last_group
            if (
                corefer
                and found
                and owner is not None
                and owner.entry  # an organisation or person the dictionaries know
                and not owner.entry.startswith("person:")
                and not found[0].country
                and not found[0].code.startswith("IGO")
                and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in head.children)
                and state.sentence - state.last_group_sentence <= 1
            ):
                # "ECOWAS condemned the coup. Its commission president arrived ...": the
                # organisation or country just named
                if owner.code.startswith("IGO") or not owner.country:
                    found = [replace(owner, text=head.text, confidence=owner.confidence * 0.8)]
                else:
                    found = [_placed(found[0], owner.country)]
            if corefer and found and not found[0].country and _is_definite(head):
                # "the ministry": the latest actor named by the same noun, else of the sector.
                same_noun = state.by_head.get(head.lemma_.lower())
                if same_noun is not None and same_noun.country:
                    found = [
                        replace(
                            same_noun,
                            text=head.text,
                            confidence=round(same_noun.confidence * 0.8, 2),
                        )
                    ]
                else:
                    earlier = state.by_sector.get(found[0].sector)
                    if earlier is not None and earlier.country:
                        found = [_placed(found[0], earlier.country)]
            for actor in found:
                if person_name and actor.country:
                    state.people[person_name] = actor
                    _note_person(state, actor, _person_name(head, actor), acting)
                elif actor.entry.startswith("person:"):
                    _note_person(state, actor, _person_name(head, actor), acting)
                if actor.sector and actor.country:
                    state.by_head[head.lemma_.lower()] = actor
                    if acting or actor.sector not in state.by_sector:
                        state.by_sector[actor.sector] = actor
                if (
                    (head.tag_ in ("NNS", "NNPS") or actor.entry)
                    and not person_name
                    and (not actor.entry.startswith("person:"))
                ):
                    state.last_group, state.last_group_sentence = actor, state.sentence
                if actor.code not in {a.code for a in actors} or not actor.code:
                    actors.append(actor)
        return actors

    def _denial_accuser(self, item: CodedMention, day: str, state: _ArticleState) -> None:
        """ "rejected Kurti's accusation", "denied the British allegations": the accuser named
        with the allegation is the denial's recipient."""
        if item.code != "016" or item.recipients:
            return
        anchor = item.mention.anchor
        if anchor.pos_ != "VERB":
            return
        allegation_words = self.lexicon.classes["ALLEGATION"]
        # the denied thing, then an allegation named in a clause of the denial: "denied any
        # link, calling Barrow's accusation a smear"
        named = [
            t
            for t in anchor.subtree
            if t.lemma_.lower() in allegation_words and t.head.i != anchor.i and t.pos_ == "NOUN"
        ]
        own = {a.code for a in item.actors}
        own_countries = {a.country for a in item.actors}
        for allegation in [*objects(anchor), *named]:
            owners = [
                c
                for c in allegation.children
                if c.dep_ == "poss"
                or (c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "PROPN"))
            ]
            found = [
                a
                for a in self._resolve(owners, day, state)
                # an accuser of the denier's own country only when named as a possessor
                if a.country not in own_countries
                or (a.code not in own and a.sector and any(o.dep_ == "poss" for o in owners))
            ]
            if found:
                item.recipients = found
                return

    def _remember_people(
        self, sent: Any, day: str, state: _ArticleState
    ) -> list[tuple[int, _Person]]:
        """Note every titled or known person of a sentence, for later surname references and
        definite descriptions ("the president"); return them with the gender of their names
        and the index of their last token (they become "he"/"she" once the sentence is read,
        "him"/"her" after their name within it)."""
        people: list[tuple[int, _Person]] = []
        for ent in sent.ents:
            if ent.label_ != "PERSON":
                root = ent.root
                if root.lower_ not in state.people and self._names_person(root):
                    # a known person the tagger took for a place ("Alejandro Toledo", GPE):
                    # kept for the surname named again ("Toledo's home")
                    actor = self.resolver.resolve(root, day)
                    if actor is not None and actor.entry.startswith("person:"):
                        state.people[root.lower_] = actor
                continue
            key = _person_key(ent.root)
            if not key and ent[0].lower_ in _FAMILY_NAME_FIRST and len(ent.text.split()) > 1:
                key = ent[0].lower_  # "Kang Kyung-wha": the parser's root is "wha"
            if not key:
                continue
            if key in state.people:
                # named again: the latest person read ("Lukashenko has ruled since 1994.
                # The EU has imposed sanctions on him")
                known = state.people[key]
                gender = _gender_of(state, known.name or ent.text)
                person = _Person(known, gender, _is_main_subject(ent.root), state.sentence)
                people.append((ent.end - 1, person))
                continue
            actor = self.resolver.resolve(ent.root, day)
            if actor is None or not actor.country:
                found = self._appositive(ent.root, day, state)
                actor = found[0] if found else actor
            if actor is not None and actor.country:
                state.people[key] = actor
                family = ent[0].lower_
                if len(ent.text.split()) in (2, 3) and family in _FAMILY_NAME_FIRST:
                    # "Wang Yi ... Wang said", "Yoon Suk Yeol ... Yoon": the family name leads
                    state.people.setdefault(family, actor)
                if actor.sector:
                    state.by_sector.setdefault(actor.sector, actor)
                gender = gender_of_name(actor.name or ent.text)
                person = _Person(actor, gender, _is_main_subject(ent.root), state.sentence)
                people.append((ent.end - 1, person))
            elif len(ent) > 1 or ent.root.tag_ == "NNP":
                # someone of no known country: "he" after "Gonzalez left" is not an earlier
                # known person; a sector found ("opposition activist X") is kept
                known = actor if actor is not None and actor.code else Actor(text=ent.text)
                gender = _gender_of(state, ent.text)
                person = _Person(known, gender, _is_main_subject(ent.root), state.sentence)
                people.append((ent.end - 1, person))
        # a surname read before that the tagger did not take for a person this time
        # ("Klimov, 41, was a member ..." tagged as an organisation)
        named = {t.i for ent in sent.ents if ent.label_ == "PERSON" for t in ent}
        by_surname = {
            words[-1]: p for p in state.persons if (words := (p.actor.name or p.actor.text).split())
        }
        for tok in sent:
            earlier = by_surname.get(tok.text)
            if (
                earlier is None
                or tok.i in named
                or tok.pos_ != "PROPN"
                or (tok.i > 0 and tok.nbor(-1).pos_ == "PROPN")
                or (tok.i + 1 < len(tok.doc) and tok.nbor(1).pos_ == "PROPN")
            ):
                continue
            again = _Person(earlier.actor, earlier.gender, _is_main_subject(tok), state.sentence)
            people.append((tok.i, again))
        return sorted(people, key=lambda item: item[0])

    def _appositive(self, head: Token, day: str, state: _ArticleState) -> list[Actor]:
        """An unknown name described by an apposition: "Tahlil Abdishakur, al-Shabaab's
        intelligence chief"."""
        for child in head.children:
            if child.dep_ == "appos":
                found = self.resolver.resolve_all(child, day)
                if found:
                    return [replace(a, text=head.text) for a in found]
        return []

    def _fallback_recipients(
        self, mention: Mention, actors: list[Actor], day: str, state: _ArticleState
    ) -> list[Actor]:
        """When the pattern's slots name no actor, look where news puts the other side:
        the object's owner ("Venezuela's oil sector"), then the prepositions of the verb and
        of its object ("sanctions on Belarus", "troops to the border with Lithuania")."""
        if mention.pattern.recipient == ("none",) or mention.code == "016":
            return []
        own = {a.code for a in actors}
        own_countries = {a.country for a in actors if a.country}
        same_country: list[Actor] = []
        for candidates in (fallback_recipient_heads(mention), deep_recipient_heads(mention)):
            # names deeper in what a statement is about only when the usual places name none
            for heads in candidates:
                found = [
                    r
                    for r in self._resolve(heads, day, state, acting=False)
                    if r.code and r.code not in own
                ]
                foreign = [r for r in found if not r.country or r.country not in own_countries]
                if foreign:
                    return foreign
                if found and not same_country:
                    same_country = found
            if same_country:
                break
        if is_international(mention.code):
            return []
        return same_country

    def _date_of(self, mention: Mention, published: str) -> tuple[str, str]:
        """The nearest date expression in the event's clause, else in its sentence."""
        sent = mention.trigger.sent
        candidates: list[list[Token]] = []
        own = _clause_tokens(mention.anchor)
        if mention.anchor.i != mention.trigger.i:
            own |= _clause_tokens(mention.trigger)
        groups = _date_groups(sent)
        candidates.extend(g for g in groups if any(t.i in own for t in g))
        # Conjoined verbs share a date: "ordered battalions ... and mobilized warplanes on
        # Sunday" dates both.
        verb = mention.anchor
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        for sibling in [verb, *verb.conjuncts]:
            if sibling.pos_ in ("VERB", "AUX") and sibling.i != mention.anchor.i:
                shared = _clause_tokens(sibling)
                candidates.extend(g for g in groups if any(t.i in shared for t in g))
        if mention.speech is not None:
            speech_own = _clause_tokens(mention.speech) - _subtree_ids(mention.anchor)
            pluperfect = any(c.dep_ == "aux" and c.lower_ == "had" for c in mention.anchor.children)
            if not pluperfect:
                candidates.extend(g for g in groups if any(t.i in speech_own for t in g))
        else:
            candidates.extend(g for g in groups if _date_reaches(g, mention.anchor))
        best: tuple[str, str] | None = None
        for group in candidates:
            text = "".join(t.text_with_ws for t in group)
            resolved = resolve_expression(text, published)
            if resolved is None:
                continue
            if resolved[1] == "day":
                return resolved
            if best is None:
                best = resolved
        if best is None and published and _present_tense(mention.anchor, mention.speech):
            # "Sudan is withdrawing its ambassador", "Maduro says he is recalling": news in
            # the present tense happens on the day it is published.
            return (published, "day")
        return best if best is not None else ("", "")

    def _code_sentence(
        self,
        article: Article,
        cleaned: CleanText,
        block_start: int,
        sent: Any,
        sent_index: int,
        state: _ArticleState,
    ) -> list[CodedMention]:
        state.sentence = sent_index
        mentions = find_mentions(sent, sent_index, self.lexicon, self.grammar)
        sentence_people = self._remember_people(sent, article.published, state)
        state.sentence_persons = sentence_people
        start, end = cleaned.original_span(
            block_start + sent.start_char, block_start + sent.end_char
        )
        sentence_text = article.text[start:end]
        day = article.published
        out: list[CodedMention] = []
        for mention in mentions:
            code = normalise(mention.code)
            if not is_coded(code):
                continue
            date, precision = self._date_of(mention, article.published)
            role_day = date if precision == "day" else day
            actors = self._resolve(mention.actor_heads, role_day, state)
            own = {a.code for a in actors}
            own_countries = {a.country for a in actors if a.country}
            # A denial is not directed at the denier's own country ("denied any Russian
            # involvement": the allegation is about the denier).
            own_side = is_international(code) or code == "016"
            recipients = [
                r
                for r in self._resolve(
                    mention.recipient_heads, role_day, state, places=True, acting=False
                )
                if r.code and r.code not in own and not (own_side and r.country in own_countries)
            ]
            if code[:2] == "15":
                # "moved troops to the border": the forces moved are the actor's own
                recipients = [
                    r
                    for r in recipients
                    if not (r.sector in ("MIL", "COP") and r.country in own_countries | {""})
                ]
            guessed = False
            if not recipients:
                recipients = self._fallback_recipients(mention, actors, role_day, state)
                guessed = bool(recipients)
            attribution = None
            if mention.attribution_heads:
                # "..., the foreign ministry said": the acting side's, settled with the roles
                said = self._resolve(mention.attribution_heads, role_day, state, corefer=False)
                attribution = (
                    said[0]
                    if said
                    else Actor(text=" ".join(t.text for t in mention.attribution_heads))
                )
            t_start, t_end = cleaned.original_span(
                block_start + mention.trigger.idx,
                block_start + mention.trigger.idx + len(mention.trigger.text),
            )
            evidence = Evidence(
                sentence=sent_index,
                start=start,
                end=end,
                text=sentence_text,
                trigger=article.text[t_start:t_end],
            )
            confidence = _confidence(mention, actors, recipients)
            out.append(
                CodedMention(
                    mention=mention,
                    code=code,
                    rule=mention.rule,
                    actors=actors,
                    recipients=recipients,
                    modality=mention.modality,
                    date=date,
                    date_precision=precision,
                    evidence=evidence,
                    sentence_text=sentence_text,
                    attribution=attribution,
                    confidence=confidence,
                    mutual=_mutual(mention.recipient_heads),
                    guessed_recipient=guessed,
                )
            )
        out.extend(self._accusations(sent, out, sentence_text, start, end, sent_index, day, state))
        state.persons.extend(person for _, person in sentence_people)
        state.sentence_persons = []
        for item in out:
            self._denial_accuser(item, day, state)
        out.extend(_stated_refusals(out))
        out.extend(_stated_intents(out))

        def warner_countries(verb: Token) -> set[str]:
            return {a.country for a in self._resolve(subjects(verb), day, state) if a.country}

        out.extend(_stated_threats(out, warner_countries))
        self._refusal_recipients(out)
        sentence_countries = self._sentence_countries(sent, out)
        contexts = [
            next(iter(sentence_countries)) if len(sentence_countries) == 1 else "",
            state.main_country,
            state.dateline_country,
        ]
        counterparts = _counterpart_countries(sent, self.actor_lexicon)
        for item in out:
            item.sentence_countries = sentence_countries
            item.contexts = [c for c in contexts if c]
            item.counterparts = counterparts
        return out

    def _country_of(self, text: str, kinds: tuple[str, ...] = ()) -> str:
        """The country of the first dictionary entry of one of `kinds` (default: those that
        name a country itself) that `text` names, or ""."""
        kinds = kinds or _COUNTRY_KINDS
        return next(
            (h.country for h in self.actor_lexicon.lookup(text) if h.kind in kinds and h.country),
            "",
        )

    def _token_country(self, tok: Token) -> str:
        """The country a capitalised name or adjective names by itself ("Georgian",
        "Moldova"), or ""."""
        if tok.pos_ not in ("PROPN", "ADJ") or not tok.text[:1].isupper():
            return ""
        return self._country_of(tok.text)

    def _names_country(self, sent: Any, country: str) -> bool:
        """True if a word of `sent` is the name, a demonym or the capital of `country`."""
        return any(
            hit.kind in ("country", "demonym", "capital") and hit.country == country
            for tok in sent
            if tok.text[:1].isupper()
            for hit in self.actor_lexicon.lookup(tok.text)
        )

    def _names_person(self, root: Token) -> bool:
        """True if a proper noun and the proper nouns before it that the parser hangs on it
        ("former President Alejandro Toledo") end in a name the people dictionary knows, as
        the tagger may take such a name for a place."""
        if root.pos_ != "PROPN":
            return False
        first = min([root.i, *(c.i for c in root.children if c.dep_ == "compound")])
        return any(
            h.kind == "person"
            for start in range(first, root.i)
            for h in self.actor_lexicon.lookup(root.doc[start : root.i + 1].text)
        )

    def _named_place(self, item: CodedMention) -> Place | None:
        """The place a phrase linked to the event names, resolved with what is known of its
        sides so far, or None."""
        countries = [a.country for a in [*item.actors, *item.recipients] if a.country]
        for phrase in place_phrases(item.mention):
            if self._names_person(phrase.root):
                continue  # "former President Alejandro Toledo": a person, not Toledo in Spain
            place = resolve_place(phrase.text, countries=[*countries, *item.contexts])
            if place is not None:
                return place
        return None

    def _place_of(self, item: CodedMention, article: Article, state: _ArticleState) -> Place | None:
        """Where the event happened: a place phrase linked to it in the parse, else the
        dateline city for an event of the dateline's country reported as of that day."""
        place = self._named_place(item)
        if place is not None:
            return place
        dateline = state.dateline_place
        if dateline is None or not any(a.country == dateline.country for a in item.actors):
            return None
        if item.date_precision == "day" and article.published:
            days = abs(
                (dt.date.fromisoformat(article.published) - dt.date.fromisoformat(item.date)).days
            )
            if days > 2:
                return None
        elif item.date:
            return None
        return dateline

    def _dateline_country(self, dateline: Dateline) -> str:
        """The country of a dateline: its place (a capital or city named as a country's) or a
        country among its parts ("ANDIJAN, Uzbekistan, 14 May 2005")."""
        for part in (dateline.place, *dateline.parts):
            country = self._country_of(part.title(), ("country", "capital"))
            if country:
                return country
        return ""

    def _sentence_countries(self, sent: Any, coded: list[CodedMention]) -> set[str]:
        """The countries a sentence names (its actors, and its places and demonyms)."""
        countries: set[str] = set()
        for item in coded:
            for actor in [*item.actors, *item.recipients]:
                # an armed group says where it comes from, not where the sentence is: the
                # Taliban in Pakistan, the Houthis at sea
                if actor.country and not (actor.entry and actor.sector in ("REB", "UAF")):
                    countries.add(actor.country)
            if item.attribution is not None and item.attribution.country:
                countries.add(item.attribution.country)
        for tok in sent:
            # Names the tagger missed or hid in an organisation ("the Georgian Foreign Ministry")
            named = self._token_country(tok)
            if named:
                countries.add(named)
        for ent in sent.ents:
            if ent.label_ == "PERSON":
                person = self._country_of(ent.text, ("person",))
                if person:
                    countries.add(person)
            if ent.label_ in ("GPE", "NORP", "LOC", "FAC"):
                named = self._country_of(ent.text)
                if named:
                    countries.add(named)
                elif ent.label_ in ("GPE", "LOC", "NORP"):
                    # A city or region: "in Aleppo" is a Syrian sentence.
                    place = resolve_place(ent.text, countries=sorted(countries))
                    if place is not None and place.country:
                        countries.add(place.country)
        return countries

    def _main_country(self, docs: list[Any], dateline: str = "") -> str:
        """The country an article is about: named in most of its place and demonym mentions;
        the dateline's country when it is named about as often as the most named one."""
        counts: dict[str, int] = {}
        total = extra = 0
        for doc in docs:
            for ent in doc.ents:
                if ent.label_ not in ("GPE", "NORP", "PERSON"):
                    continue
                if ent.root.dep_ in ("amod", "compound", "poss") and (
                    ent.root.head.lemma_.lower() in EDGES
                ):
                    continue  # "near the Afghan border": a neighbour, not the story's country
                # places and demonyms, and the people the dictionaries know ("Ortega")
                country = self._country_of(
                    ent.text, ("person",) if ent.label_ == "PERSON" else _COUNTRY_KINDS
                )
                if country:
                    counts[country] = counts.get(country, 0) + 1
                    total += 1
            if dateline:
                # the dateline's country also where the tagger did not take its name for a
                # place ("Moldova" read as an organisation)
                counted = ("GPE", "NORP", "PERSON")
                in_ents = {t.i for ent in doc.ents if ent.label_ in counted for t in ent}
                extra += sum(
                    1
                    for tok in doc
                    if tok.i not in in_ents and self._token_country(tok) == dateline
                )
        if not counts:
            return ""
        best = max(sorted(counts), key=lambda c: counts[c])
        if dateline and counts.get(dateline, 0) + extra >= 0.5 * counts[best]:
            return dateline
        return best if counts[best] >= 3 and counts[best] >= 0.5 * total else ""

    def _accusations(
        self,
        sent: Any,
        coded: list[CodedMention],
        sentence_text: str,
        start: int,
        end: int,
        sent_index: int,
        day: str,
        state: _ArticleState,
    ) -> list[CodedMention]:
        """Alleged acts reported by an official of another side become that side's accusation."""
        out: list[CodedMention] = []
        for item in reported_accusations(sent, self.grammar):
            accusers = self._resolve(subjects(item.speech), day, state)
            accused = self._resolve(item.accused_heads, day, state)
            if not accusers or not accused:
                continue
            accuser = accusers[0]
            own_side = any(
                c.dep_ == "poss" and c.lower_ in ("its", "their", "our")
                for head in item.accused_heads
                for c in head.children
            )
            if own_side or {a.code for a in accused} <= {a.code for a in accusers}:
                # "al-Shabaab said its fighters carried out the ambush": a claim of
                # responsibility (015), the act itself only claimed; "the army said its drones
                # struck ..." is a report of its own operation, no accusation.
                claimed = self._claim_of_responsibility(
                    item.speech, accuser, coded, sentence_text, start, end, sent_index
                )
                if claimed is not None:
                    out.append(claimed)
                continue
            if accuser.sector not in OFFICIAL_SECTORS and not accuser.code.startswith("IGO"):
                continue
            if not accuser.country or {a.country for a in accused} <= {accuser.country}:
                continue
            if not all(a.country or a.code.startswith("IGO") for a in accused):
                # "the army said troops had killed ...", "police said gunmen attacked ...": a
                # side of no named country is not shown to be another side; the act stands
                continue
            out.append(
                self._accusation(
                    sent,
                    item.speech,
                    item.clause,
                    accuser,
                    accused,
                    coded,
                    sentence_text,
                    start,
                    end,
                    sent_index,
                    day,
                )
            )
        # Hostile acts an official reports of another side: "said a Russian plane fired a
        # missile" is Georgia's accusation of Russia.
        accused_by = {o.mention.trigger.i for o in out if o.code == "112"}
        for other in list(coded):
            speech = other.mention.speech
            if speech is None or speech.i in accused_by or other.modality != "asserted":
                continue
            if not "14" <= other.code[:2] <= "20" or not other.actors:
                continue
            # no coreference here: "the foreign ministry" must name its country itself
            speakers = self._resolve(subjects(speech), day, state, corefer=False)
            if not speakers:
                continue
            speaker = speakers[0]
            official = speaker.sector in OFFICIAL_SECTORS or speaker.code.startswith("IGO")
            foreign = [a for a in other.actors if a.country and a.country != speaker.country]
            if official and speaker.country and foreign and len(foreign) == len(other.actors):
                out.append(
                    self._accusation(
                        sent,
                        speech,
                        other.mention.anchor,
                        speaker,
                        other.actors,
                        coded,
                        sentence_text,
                        start,
                        end,
                        sent_index,
                        day,
                    )
                )
                accused_by.add(speech.i)
        # Violent acts a group reports of itself: "its fighters had carried out the ambush".
        done = {o.mention.trigger.i for o in out if o.code == "015"}
        for other in coded:
            speech = other.mention.speech
            if speech is None or speech.i in done or not other.actors:
                continue
            if not "18" <= other.code[:2] <= "20" or other.modality != "asserted":
                continue
            speakers = self._resolve(subjects(speech), day, state)
            if speakers and all(_same_side(a, speakers) for a in other.actors):
                claimed = self._claim_of_responsibility(
                    speech, speakers[0], coded, sentence_text, start, end, sent_index
                )
                if claimed is not None:
                    out.append(claimed)
                    done.add(speech.i)
        return out

    def _accusation(
        self,
        sent: Any,
        speech: Token,
        clause: Token,
        accuser: Actor,
        accused: list[Actor],
        coded: list[CodedMention],
        sentence_text: str,
        start: int,
        end: int,
        sent_index: int,
        day: str,
    ) -> CodedMention:
        """The accusation (112) a speaker makes by reporting another side's act; the acts
        reported under the same speech verb become `alleged`, sharing its claim_id."""
        claim = hashlib.sha1(f"112|{sent_index}|{speech.i}".encode()).hexdigest()[:12]
        for other in coded:
            reported = other.mention.speech
            if reported is not None and reported.i == speech.i and other.modality == "asserted":
                other.modality = "alleged"
                other.claim = claim
        date, precision = ("", "")
        groups = [
            g
            for g in _date_groups(sent)
            if any(t.i in _clause_tokens(speech) - _subtree_ids(clause) for t in g)
        ]
        for group in groups:
            resolved = resolve_expression("".join(t.text_with_ws for t in group), day)
            if resolved and resolved[1] == "day":
                date, precision = resolved
                break
        mention = Mention(
            sent_index=sent_index,
            trigger=speech,
            anchor=speech,
            pattern=_REPORTED,
            code="112",
            rule="accuse.reported",
            actor_heads=subjects(speech),
            recipient_heads=subjects(clause) if clause.pos_ in ("VERB", "AUX") else [],
        )
        return CodedMention(
            mention=mention,
            code="112",
            rule="accuse.reported",
            actors=[accuser],
            recipients=accused,
            modality="asserted",
            date=date,
            date_precision=precision,
            evidence=Evidence(sent_index, start, end, sentence_text, speech.text),
            sentence_text=sentence_text,
            attribution=None,
            confidence=round(min(accuser.confidence, 0.75), 2),
            claim=claim,
        )

    def _claim_of_responsibility(
        self,
        speech: Token,
        speaker: Actor,
        coded: list[CodedMention],
        sentence_text: str,
        start: int,
        end: int,
        sent_index: int,
    ) -> CodedMention | None:
        """A side saying that it did a violent act claims responsibility for it — when it
        "claims" it, or when the side is an armed group (an army's report of its own
        operation is a report, not a claim)."""
        armed_group = speaker.sector in ("REB", "UAF", "CRM")
        if speech.lemma_.lower() != "claim" and not armed_group:
            return None
        if all(t.pos_ == "PRON" for t in subjects(speech)):
            return None  # "..., they said": too vague to be a claim
        claimed = [
            other
            for other in coded
            if other.mention.speech is not None and other.mention.speech.i == speech.i
        ]
        if claimed and not any("18" <= c.code[:2] <= "20" for c in claimed):
            return None
        for other in claimed:
            if other.modality == "asserted":
                other.modality = "alleged"
        mention = Mention(
            sent_index=sent_index,
            trigger=speech,
            anchor=speech,
            pattern=_REPORTED,
            code="015",
            rule="claim.reported",
            actor_heads=subjects(speech),
            recipient_heads=[],
        )
        return CodedMention(
            mention=mention,
            code="015",
            rule="claim.reported",
            actors=[speaker],
            recipients=[],
            modality="asserted",
            date="",
            date_precision="",
            evidence=Evidence(sent_index, start, end, sentence_text, speech.text),
            sentence_text=sentence_text,
            attribution=None,
            confidence=round(min(speaker.confidence, 0.7), 2),
        )

    @staticmethod
    def _refusal_recipients(coded: list[CodedMention]) -> None:
        """A refusal with no recipient takes the recipient of the act it refuses."""
        for refusal in coded:
            # refusals, threats, appeals, demands and intents are directed at whoever the
            # act they are about is directed at ("threatened to impose sanctions on X")
            if not refusal.code.startswith(("02", "03", "10", "12", "13")):
                continue
            if refusal.recipients:
                continue
            subtree = _subtree_ids(refusal.mention.anchor)
            own = {a.country for a in refusal.actors}
            for other in coded:
                if other is not refusal and other.mention.anchor.i in subtree and other.recipients:
                    # "ruled out handing Kyrgyz land to ...": not the refuser's own country
                    foreign = [r for r in other.recipients if r.country not in own]
                    if foreign:
                        refusal.recipients = foreign
                        break

    @staticmethod
    def _fill_from_context(coded: list[CodedMention], index: int) -> None:
        """An agentless passive takes the actor of the latest earlier event of its kind.

        "Sanctions were also announced against ..." continues a story whose actor was named
        before; the filled actor is marked by a lower confidence and a rule suffix.
        """
        item = coded[index]
        if item.actors or not item.mention.implicit_actor_ok:
            return
        root = item.code[:2]
        for earlier in reversed(coded[:index]):
            if not earlier.actors or earlier.modality != "asserted":
                continue
            if item.evidence.sentence - earlier.evidence.sentence > 6:
                break
            recipient_countries = {r.country for r in item.recipients if r.country}
            if any(a.country in recipient_countries for a in earlier.actors):
                continue  # "The German ambassador was summoned": not by Germany
            if earlier.code[:2] == root or earlier.code[:2] in _RELATED_ROOTS.get(root, ()):
                item.actors = list(earlier.actors)
                codes = {a.code for a in item.actors}
                item.recipients = [r for r in item.recipients if r.code not in codes]
                if not item.recipients:
                    item.recipients = list(earlier.recipients)
                item.rule += "+context"
                item.confidence = round(item.confidence * 0.7, 2)
                break

    def _object_event_recipient(self, coded: list[CodedMention], index: int) -> None:
        """ "ECOWAS condemned the coup", "demanded the release ...": a statement about an
        event is directed at whoever did it — the actor of that event, in this sentence or
        earlier in the article."""
        item = coded[index]
        if item.recipients or item.code[:2] not in ("02", "10", "11", "12", "13"):
            return
        anchor = item.mention.anchor
        nouns = [o for o in objects(anchor) if o.pos_ == "NOUN"] if anchor.pos_ == "VERB" else []
        for noun in nouns:
            # "condemned the decision ... to impose sanctions": the act inside the object
            inside = {t.i for t in noun.subtree} - {noun.i}
            for other in coded:
                if (
                    other is not item
                    and other.actors
                    and other.evidence.sentence == item.evidence.sentence
                    and other.mention.anchor.i in inside
                ):
                    mine = {a.code for a in item.actors}
                    item.recipients = [a for a in other.actors if a.code not in mine]
                    if item.recipients:
                        item.rule += "+object-event"
                        return
        for noun in nouns:
            lemma = noun.lemma_.lower()
            patterns = self.lexicon.nouns.get(lemma)
            if not patterns:
                continue
            roots = {p.code[:2] for p in patterns}
            # The latest earlier event named by the same word ("the arrests"), else the first
            # of its kind: "condemned the attack" is the story's attack, not a later raid.
            named_alike = [
                o for o in reversed(coded) if o.mention.trigger.lemma_.lower() == lemma
            ]
            for other in [*named_alike, *(o for o in coded if o not in named_alike)]:
                if other is item or not other.actors:
                    continue
                same_token = other.mention.trigger.i == noun.i and (
                    other.evidence.sentence == item.evidence.sentence
                )
                earlier = other.evidence.sentence < item.evidence.sentence and (
                    other.mention.trigger.lemma_.lower() == lemma
                    or other.code[:2] in roots
                    # "demanded the release of the officers": of those who detained them
                    or (lemma in _RELEASE_NOUNS and other.code.startswith(("173", "181")))
                )
                if same_token or earlier:
                    mine = {a.code for a in item.actors}
                    item.recipients = [a for a in other.actors if a.code not in mine]
                    if item.recipients:
                        item.rule += "+object-event"
                        return

    @staticmethod
    def _link_denials(coded: list[CodedMention]) -> None:
        """A denial answers the latest accusation (or investigation) against the denier: it
        takes the accuser as its recipient when it names none, and both share a `claim_id`."""
        for index, item in enumerate(coded):
            if item.code != "016" or not item.actors:
                continue
            countries = {a.country for a in item.actors if a.country}
            named = {r.country for r in item.recipients if r.country}
            for earlier in reversed(coded[:index]):
                # an accusation, or an investigation of the denier ("prosecutors opened an
                # investigation into Toledo ... he has denied any wrongdoing")
                if earlier.code[:2] not in ("09", "11", "12", "13") or not earlier.actors:
                    continue
                if not any(r.country in countries for r in earlier.recipients):
                    continue
                if named and not named & {a.country for a in earlier.actors}:
                    continue
                if not item.recipients:
                    item.recipients = list(earlier.actors)
                claim = earlier.claim or _claim_key(earlier)
                earlier.claim = item.claim = claim
                break

    @staticmethod
    def _attach_definite(coded: list[CodedMention]) -> None:
        """A definite nominal with no actor ("the expulsions") refers back to the one earlier
        event of its kind: it adds its evidence, and its date when that event has none."""
        for index, item in enumerate(coded):
            if item.actors or item.mention.trigger.pos_ != "NOUN":
                continue
            dets = {c.lower_ for c in item.mention.trigger.children if c.dep_ == "det"}
            if not dets & {"the", "this", "these", "those"}:
                continue
            same = [
                c
                for c in coded[:index]
                if c.actors and c.code[:3] == item.code[:3] and c.modality == item.modality
            ]
            if len({tuple(a.code for a in c.actors) for c in same}) != 1:
                continue
            target = max(same, key=lambda c: c.confidence)
            if item.date_precision == "day" and target.date_precision != "day":
                target.date, target.date_precision = item.date, item.date_precision
            target.extra_evidence.append(item.evidence)

    def _event(self, article: Article, item: CodedMention) -> Event:
        info = lookup(item.code)
        actor_codes = [a.code for a in item.actors]
        recipient_codes = [a.code for a in item.recipients]
        key = json.dumps(
            [
                article.id,
                item.code,
                actor_codes,
                recipient_codes,
                item.date,
                item.evidence.sentence,
                item.evidence.trigger,
            ],
            ensure_ascii=False,
        )
        event_id = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
        cite = {
            "codebook": "CAMEO 1.1b3 / PLOVER",
            "version": self.version,
            "tables": TABLE_VERSION,
            "lexicon": self.lexicon.version,
        }
        if article.url:
            cite["url"] = article.url
        if article.title:
            cite["title"] = article.title
        if article.source:
            cite["publication"] = article.source
        evidence = (item.evidence, *item.extra_evidence)
        return Event(
            id=event_id,
            doc_id=article.id,
            cameo=item.code,
            event=info.event,
            mode=info.mode,
            quad_code=info.quad,
            goldstein=info.goldstein,
            context=info.context,
            actor=tuple(item.actors),
            recipient=tuple(item.recipients),
            event_text=item.evidence.trigger,
            text=item.sentence_text,
            text_info=item.evidence,
            modality=item.modality,
            date=item.date,
            date_precision=item.date_precision,
            attribution=item.attribution,
            event_loc=item.place,
            confidence=item.confidence,
            rule=item.rule,
            claim_id=item.claim,
            evidence=evidence,
            cite_info=cite,
        )


_INTERNATIONAL_ROOTS = frozenset({"03", "04", "05", "06", "07", "16"})
# Alias kinds that name a country itself.
_COUNTRY_KINDS = ("country", "demonym", "capital", "seat")
# Roots whose two sides are often of one country (protest, force, violence).
_DOMESTIC_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})
# Acts that two parties do together: "A and B met / signed / agreed / clashed".
_SYMMETRIC_ROOTS = frozenset({"03", "04", "05", "06", "08", "19"})
# The other side of a break in relations or an expulsion is that country's government.
_DIPLOMATIC_CODES = ("161", "164", "174")
# Violence: assault, fight, mass violence.
_VIOLENT_ROOTS = frozenset({"18", "19", "20"})
# Force: a country named alone in it is the bare country, not its government.
_FORCE_ROOTS = _VIOLENT_ROOTS | {"15"}
# Sectors that belong to a country: a bare "police" in a Kenyan sentence is Kenyan police.
_DOMESTIC_SECTORS = frozenset(
    "GOV MIL SPY COP JUD LEG OPP PTY REB UAF BUS MED CVL ELI REF EDU LAB HLH REL AGR CRM".split()
)


def _struck_country(item: CodedMention) -> None:
    """Force with no one named on the other side, used across a border ("Russian artillery
    shelled a power plant in Kherson"), is used on the country of the place: the bare country,
    as CODING.md codes "fired at Syria"."""
    place = item.place
    if item.recipients or item.code[:2] not in _VIOLENT_ROOTS or place is None:
        return
    if not place.country or not item.actors:
        return
    if all(a.country and a.country != place.country for a in item.actors):
        item.recipients = [Actor(text=place.text, country=place.country, code=place.country)]


def _protesters_in_opposition(coded: list[CodedMention]) -> None:
    """Protesters of a country whose story has them protest against its government are
    anti-government protesters (CODING.md: OPP), in every event of the story: "a crowd of
    5,000 demonstrating against Karimov's government", then "opened fire on protesters"."""
    against: set[str] = set()
    for item in coded:
        if item.code[:2] != "14":
            continue
        for actor in item.actors:
            # a government the text names ("against Karimov's government"), not one implied
            if actor.sector in ("CVL", "OPP") and any(
                r.sector == "GOV" and r.country == actor.country and r.text
                for r in item.recipients
            ):
                against.add(actor.country)
    if not against:
        return

    def opposed(actor: Actor) -> Actor:
        if actor.sector != "CVL" or actor.country not in against:
            return actor
        if not _PROTESTER_WORDS & set(actor.text.lower().split()):
            return actor
        return replace(actor, sector="OPP", code=f"{actor.country}OPP")

    for item in coded:
        item.actors = _distinct([opposed(a) for a in item.actors])
        item.recipients = _distinct([opposed(r) for r in item.recipients])


# Words naming people in a protest.
_PROTESTER_WORDS = frozenset(
    "protesters protester protestors protestor demonstrators demonstrator crowd crowds "
    "marchers rioters".split()
)


def _implied_actor(country: str, sector: str) -> Actor:
    """A side no phrase names, implied by the event: the government of the country whose
    authorities act, the protesters a crackdown is done to."""
    return Actor(text="", country=country, sector=sector, code=f"{country}{sector}", confidence=0.4)


def _placed(actor: Actor, country: str) -> Actor:
    """`actor` (a role with no country) in the country coreference found for it."""
    return replace(
        actor,
        country=country,
        code=f"{country}{actor.sector}",
        confidence=round(actor.confidence * 0.8, 2),
    )


def _with_country(actor: Actor, country: str) -> Actor:
    if actor.country or actor.entry or actor.sector not in _DOMESTIC_SECTORS or not country:
        return actor
    return replace(
        actor,
        country=country,
        code=f"{country}{actor.sector}",
        confidence=round(actor.confidence * 0.85, 2),
    )


def _counterpart_sector(actor: Actor, other_side: list[Actor]) -> Actor:
    """A "counterpart" takes the sector of the official it is the counterpart of."""
    if "counterpart" not in actor.text.lower() or actor.sector != "GOV" or not actor.country:
        return actor
    sectors = {a.sector for a in other_side if a.sector and a.sector != "GOV"}
    if len(sectors) != 1 or not sectors <= OFFICIAL_SECTORS - {"ELI"}:
        return actor
    sector = sectors.pop()
    return replace(actor, sector=sector, code=f"{actor.country}{sector}")


def _counterpart_countries(sent: Any, lexicon: ActorLexicon) -> set[str]:
    """Countries of "his Chinese counterpart": the other side, never the speaker's."""
    found: set[str] = set()
    for tok in sent:
        if tok.lemma_.lower() != "counterpart":
            continue
        for child in tok.children:
            for hit in lexicon.lookup(child.text):
                if hit.kind in ("demonym", "country") and hit.country:
                    found.add(hit.country)
    return found


# What refusing an act is coded as, by the act's code prefix (longest first).
_REFUSAL_CODES = (
    ("081", "1241"),
    ("082", "1242"),
    ("084", "1243"),
    ("085", "1244"),
    ("086", "1245"),
    ("087", "1246"),
    ("08", "124"),
    ("045", "126"),
    ("04", "125"),
    ("06", "121"),
    ("07", "122"),
)
_REFUSING_AUX = frozenset({"will", "would", "shall", "'ll", "wo"})


def _derived(
    item: CodedMention,
    coded: list[CodedMention],
    table: tuple[tuple[str, str], ...],
    default: str,
    rule: str,
    factor: float,
) -> CodedMention | None:
    """A statement event derived from an act (a refusal, an intent, a threat): coded by the
    act's code through `table`, asserted, unless the sentence already holds one of its root."""
    root = default[:2]
    sentence = item.evidence.sentence
    if any(o.code.startswith(root) and o.evidence.sentence == sentence for o in coded):
        return None
    code = next((c for prefix, c in table if item.code.startswith(prefix)), default)
    return replace(
        item,
        code=code,
        rule=f"{rule}+{item.rule}",
        modality="asserted",
        confidence=round(item.confidence * factor, 2),
        extra_evidence=[],
    )


def _stated_refusals(coded: list[CodedMention]) -> list[CodedMention]:
    """ "X will not lift the ban": a stated refusal is an event (12x) of its own; the act
    stays negated. A plain past negation ("did not lift") is not a refusal."""
    out: list[CodedMention] = []
    for item in coded:
        if item.modality != "negated" or not item.actors or item.code.startswith("12"):
            continue
        anchor = item.mention.anchor
        auxes = {c.lower_ for c in anchor.children if c.dep_ in ("aux", "auxpass")}
        negated_here = any(c.dep_ == "neg" for c in anchor.children)
        if not (auxes & _REFUSING_AUX and negated_here):
            continue
        derived = _derived(item, coded, _REFUSAL_CODES, "12", "refuse.stated", 0.9)
        if derived is not None:
            out.append(derived)
    return out


# What stating an intent to do a cooperative act is coded as (03x), by the act's code.
_INTENT_CODES = (
    ("045", "039"),
    ("04", "036"),
    ("05", "032"),
    ("06", "031"),
    ("071", "0331"),
    ("072", "0332"),
    ("073", "0333"),
    ("074", "0334"),
    ("07", "033"),
    ("081", "0351"),
    ("082", "0352"),
    ("083", "034"),
    ("084", "0353"),
    ("085", "0354"),
    ("086", "0355"),
    ("087", "0356"),
    ("08", "035"),
)
_INTENT_GOVERNORS = frozenset(
    {
        "agree",
        "promise",
        "pledge",
        "vow",
        "offer",
        "commit",
        "ready",
        "willing",
        "prepared",
        "prepare",
        "determined",
        "eager",
        "keen",
        "undertake",
        "volunteer",
        # "Vietnam wants to promote cooperation with Benin", "hopes to deepen ties"
        "want",
        "hope",
        "wish",
        "seek",
    }
)


def _intent_governor(anchor: Token) -> Token | None:
    """The word stating an intent to act: "agreed to lend", "is ready to mediate"."""
    cur = anchor
    for _ in range(3):
        if cur.dep_ not in ("xcomp", "ccomp", "pcomp", "prep", "pobj", "acomp", "conj") or (
            cur.head.i == cur.i
        ):
            return None
        cur = cur.head
        if cur.lemma_.lower() in _INTENT_GOVERNORS or cur.lower_ in _INTENT_GOVERNORS:
            return cur
    return None


def _stated_intents(coded: list[CodedMention]) -> list[CodedMention]:
    """ "Australia agreed to lend $1 billion", "Turkey is ready to mediate": stating an intent
    to cooperate is itself an event (03x); the act stays hypothetical."""
    out: list[CodedMention] = []
    for item in coded:
        if item.modality not in ("hypothetical", "future") or not item.actors:
            continue
        if not ("03" <= item.code[:2] <= "08"):
            continue
        governor = _intent_governor(item.mention.anchor)
        if governor is None:
            continue
        if any(c.dep_ == "neg" for c in governor.children):
            continue
        if item.code[:2] == "03":
            # "Belgrade was willing to accept an inquiry": the act is itself an intent (03x),
            # so stating it is the event
            item.modality, item.rule = "asserted", f"intent.stated+{item.rule}"
            continue
        derived = _derived(item, coded, _INTENT_CODES, "03", "intent.stated", 0.85)
        if derived is not None:
            out.append(derived)
    return out


# What announcing a hostile act of one's own is coded as (13x), by the act's code.
_THREAT_CODES = (
    ("174", "1313"),
    ("162", "1311"),
    ("163", "1312"),
    ("161", "1313"),
    ("164", "1313"),
    ("16", "131"),
    ("175", "137"),
    ("17", "132"),
    ("14", "133"),
    ("15", "138"),
    ("18", "138"),
    ("19", "138"),
    ("20", "138"),
)


def _warning_governor(anchor: Token) -> Token | None:
    """The verb of warning a hostile act hangs on: "warned that Russia would expel ..."."""
    cur = anchor
    for _ in range(3):
        if cur.dep_ not in ("ccomp", "xcomp", "advcl", "conj") or cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.lemma_.lower() in ("warn", "threaten", "vow", "pledge", "promise"):
            return cur
    return None


def _stated_threats(
    coded: list[CodedMention], warner_countries: Callable[[Token], set[str]]
) -> list[CodedMention]:
    """ "Iran will impose sanctions against European entities": a side announcing a hostile
    act of its own is threatening it (13x); the act itself stays future."""
    out: list[CodedMention] = []
    for item in coded:
        if not item.actors or not "14" <= item.code[:2] <= "20":
            continue
        anchor = item.mention.anchor
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in anchor.children):
            continue  # the condition of a warning, not what is threatened
        governor = _warning_governor(anchor)
        # "Russia warned it would expel": the side that warns is the one that would act
        # ("analysts warned that the Taliban could step up attacks" is no threat)
        warned = governor is not None and bool(
            warner_countries(governor) & {a.country for a in item.actors if a.country}
        )
        if not (item.modality == "future" or (item.modality == "hypothetical" and warned)):
            continue
        said_by = item.attribution
        own_side = said_by is not None and (
            said_by.country in {a.country for a in item.actors if a.country}
            or said_by.code in {a.code for a in item.actors}
        )
        if not (warned or own_side):
            continue  # a forecast or a schedule ("are set to approve"), not a threat
        derived = _derived(item, coded, _THREAT_CODES, "13", "threat.stated", 0.8)
        if derived is not None:
            out.append(derived)
    return out


_AIR_WORDS = frozenset(
    {
        "airstrike",
        "airstrikes",
        "air",
        "warplane",
        "warplanes",
        "aircraft",
        "helicopter",
        "helicopters",
        "drone",
        "drones",
        "jet",
        "jets",
        "bomber",
        "bombers",
        "gunship",
    }
)
_ARTILLERY_WORDS = frozenset(
    {
        "artillery",
        "shelling",
        "shell",
        "shells",
        "mortar",
        "mortars",
        "tank",
        "tanks",
        "howitzer",
    }
)
# Sectors of people who do not fight: killing them is violence against civilians.
_CIVILIAN_SECTORS = frozenset({"CVL", "REF", "EDU", "HLH", "REL", "MED", "AGR", "LAB", "JRN"})


def _refine_alert(item: CodedMention) -> None:
    """Raising the alert of the police is 151, of the military 152 (CAMEO)."""
    if item.code == "152" and item.actors and all(a.sector == "COP" for a in item.actors):
        item.code, item.rule = "151", item.rule + "+151:police"


def _refine_violence(item: CodedMention) -> None:
    """Unspecified fighting (19) against people who do not fight is an assault (18): "kill"
    by soldiers of rebels is fighting, of villagers it is not (CAMEO 18 vs 19)."""
    if item.code not in ("19", "190"):
        return
    # The weapon decides first: an air strike is 195, shelling 194, whoever is hit.
    words = set(" ".join(a.text.lower() for a in item.actors).replace("-", " ").split())
    words |= {item.mention.trigger.lemma_.lower()}
    if words & _AIR_WORDS:
        item.code, item.rule = "195", item.rule + "+195:air"
    elif words & _ARTILLERY_WORDS:
        item.code, item.rule = "194", item.rule + "+194:artillery"
    elif item.recipients and all(r.sector in _CIVILIAN_SECTORS for r in item.recipients):
        item.code = "18"
        item.rule += "+18:civilians"


def _state_act_target(mention: Mention, actors: list[Actor], country: str) -> list[Actor]:
    """Criticism or rejection of a state's act with no side named ("rights groups dismissed
    the legal proceedings as a sham") is addressed to the government of the country the
    article is about, when the critic is not of that country."""
    if not country or mention.code[:2] not in ("11", "12") or not actors:
        return []
    if any(a.country == country for a in actors):
        return []
    anchor = mention.anchor
    targets = objects(anchor) if anchor.pos_ == "VERB" else []
    if not any(t.lemma_.lower() in _STATE_ACTS for t in targets):
        return []
    return [_implied_actor(country, "GOV")]


# What a state does that others criticise without naming the state.
_STATE_ACTS = frozenset(
    "proceeding trial verdict sentence ruling election vote crackdown arrest detention law "
    "decision policy ban execution".split()
)


def _refine_crackdown(item: CodedMention) -> None:
    """Repressing protests (175) with no one named is done to the protesters, people of the
    repressing side's country: "troops crushed the demonstrations last year"."""
    if (item.recipients and not item.guessed_recipient) or not item.code.startswith("175"):
        return  # (a guessed recipient, "protests in Minsk" -> the capital, gives way)
    anchor = item.mention.anchor
    targets = objects(anchor) if anchor.pos_ == "VERB" else []
    if not any(t.lemma_.lower() in _PROTEST_WORDS for t in targets):
        return
    countries = {a.country for a in item.actors if a.country}
    if len(countries) == 1:
        country = next(iter(countries))
        item.recipients = [_implied_actor(country, "CVL")]


_PROTEST_WORDS = frozenset(
    "protest protests demonstration rally march unrest dissent riot uprising".split()
)


def _refine_court(item: CodedMention) -> None:
    """Whoever sentences, convicts or acquits, when the text names no one, is a court: an
    actor borrowed from context or the sentence for "was sentenced" is its country's JUD."""
    if not item.rule.endswith(("+context", "+passive")):
        return
    if item.mention.trigger.lemma_.lower() not in _COURT_VERBS:
        return
    item.actors = [
        replace(a, sector="JUD", code=f"{a.country}JUD") if a.country else a
        for a in item.actors
    ]


_COURT_VERBS = frozenset({"sentence", "convict", "acquit"})


def _refine_takeover(item: CodedMention) -> None:
    """Soldiers taking control of their own country's capital is a coup (17, CODING.md), not
    an occupation of territory (192): "mutinous troops took control of the capital"."""
    if not item.code.startswith("192") or len(item.recipients) != 1:
        return
    target = item.recipients[0]
    if not target.country or "capital" not in target.text.lower():
        return
    if not item.actors or any(
        a.sector != "MIL" or a.country not in ("", target.country) for a in item.actors
    ):
        return
    country = target.country
    item.code, item.rule = "17", item.rule + "+17:coup"
    item.actors = [replace(a, country=country, code=f"{country}MIL") for a in item.actors]
    item.recipients = [replace(target, sector="GOV", code=f"{country}GOV")]


def _refine_meeting(item: CodedMention) -> None:
    """A meeting (04) becomes a visit (042), a hosted visit (043) or a meeting at a third
    location (044) by where it took place: in the recipient's country, the actor's own, or
    neither."""
    if item.code not in ("04", "040") or item.place is None or not item.place.country:
        return
    actor_countries = {a.country for a in item.actors if a.country}
    recipient_countries = {r.country for r in item.recipients if r.country}
    if not actor_countries or not recipient_countries or actor_countries & recipient_countries:
        return
    where = item.place.country
    if where in recipient_countries:
        item.code = "042"
    elif where in actor_countries:
        item.code = "043"
    else:
        item.code = "044"
    item.rule += f"+{item.code}:place"


def _reported_speaker(pronoun: Token, speech_verbs: frozenset[str]) -> Token | None:
    """The subject of the speech verb whose reported clause a subject pronoun opens."""
    own_people = pronoun.pos_ == "NOUN" and any(
        c.dep_ == "poss" and c.lower_ in ("its", "their") for c in pronoun.children
    )  # "the group said its fighters ...": the fighters are the group's
    if not own_people and (
        pronoun.pos_ != "PRON" or pronoun.lower_ not in ("it", "he", "she", "they", "we")
    ):
        return None
    if pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = pronoun.head
    for _ in range(3):
        if clause.dep_ in ("ccomp", "parataxis") and clause.head.lemma_.lower() in speech_verbs:
            speaker = next(
                (c for c in clause.head.children if c.dep_ in ("nsubj", "nsubjpass")), None
            )
            if speaker is None or speaker.pos_ == "PRON":
                return None
            return speaker
        if clause.dep_ not in ("xcomp", "conj", "acomp") or clause.head.i == clause.i:
            return None
        clause = clause.head
    return None


def _same_side(actor: Actor, speakers: list[Actor]) -> bool:
    """Whether an actor is (part of) the speaker: the same code, or the speaker's sector with
    no country of its own ("its fighters" of al-Shabaab)."""
    return any(
        actor.code == s.code or (not actor.country and actor.sector and actor.sector == s.sector)
        for s in speakers
    )


def _mutual(heads: list[Token]) -> bool:
    """True when the recipient phrase is "each other" / "one another"."""
    for head in heads:
        words = [t.lower_ for t in head.subtree]
        pairs = set(zip(words, words[1:], strict=False))
        if ("each", "other") in pairs or ("one", "another") in pairs:
            return True
    return False


def _claim_key(item: CodedMention) -> str:
    key = f"{item.code}|{item.evidence.sentence}|{item.evidence.trigger}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _present_tense(verb: Token, speech: Token | None) -> bool:
    """A verb in the present or present progressive ("withdraws", "is withdrawing"), or
    reported by a present-tense speech verb ("says he is recalling")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if not verb.sent.text.rstrip().rstrip("\"'").endswith((".", "!")):
        return False  # a headline's present tense is not a date ("Ukraine recalls envoy")
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & {"will", "would", "could", "may", "might", "should", "can", "had", "has", "have"}:
        return False
    if verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VBG" and auxes & {"is", "are", "'s", "'re"}):
        return speech is None or speech.tag_ in ("VBZ", "VBP")
    return False


def _note_person(state: _ArticleState, actor: Actor, name: str, acting: bool) -> None:
    """`actor` is the latest person read (for "he" and "she")."""
    state.persons.append(_Person(actor, gender_of_name(name), acting, state.sentence))


def _gender_of(state: _ArticleState, name: str) -> str:
    """The gender of a person's name, else of the latest person read with its surname
    ("Klimov" after "Andrei Klimov")."""
    surname = name.split()[-1:]
    return gender_of_name(name) or next(
        (
            p.gender
            for p in reversed(state.persons)
            if p.gender and (p.actor.name or p.actor.text).split()[-1:] == surname
        ),
        "",
    )


# Words that move an act away from the time of the events before it.
_OTHER_TIME = frozenset(
    "later earlier afterwards afterward previously subsequently formerly ago before since "
    "once".split()
)


def _carry_when_where(coded: list[CodedMention]) -> None:
    """An act told in the sentences right after a dated, placed event of the same actor,
    with no time or place of its own, happened then and there: "... met in Lima on March 3.
    The minister praised the talks ..." (CODING.md: an event tied to a dated act takes its
    date). Background told in the perfect ("has staged protests since") is left alone."""
    for index, item in enumerate(coded):
        if item.date and item.place is not None:
            continue
        anchor = item.mention.anchor
        if any(c.dep_ == "aux" and c.lemma_ == "have" for c in anchor.children):
            continue
        if any(t.lower_ in _OTHER_TIME for t in anchor.sent):
            continue  # "Later she criticised Beijing": another time, not said which
        acting = {a.country for a in item.actors}
        if not acting or "" in acting:
            continue
        for earlier in reversed(coded[:index]):
            if item.evidence.sentence - earlier.evidence.sentence > 2:
                break
            if earlier.evidence.sentence == item.evidence.sentence:
                continue
            if earlier.modality != "asserted" or earlier.date_precision != "day":
                continue
            if not acting <= {a.country for a in earlier.actors}:
                continue  # a reaction of the other side ("Britain condemned the expulsion")
            if not item.date:
                item.date, item.date_precision = earlier.date, earlier.date_precision
            if item.place is None and earlier.place is not None:
                item.place = earlier.place
            break


def _is_subject(token: Token) -> bool:
    return token.dep_ in ("nsubj", "nsubjpass")


def _is_main_subject(token: Token) -> bool:
    """The subject of the sentence's main verb ("Novak" in "Novak sat in the assembly that
    the president dissolved", not "the president")."""
    return _is_subject(token) and token.head.dep_ == "ROOT"


def _antecedent(pronoun: Token, state: _ArticleState) -> Actor | None:
    """The person a personal pronoun refers to: the latest person whose name has the
    pronoun's gender, else the latest whose name does not contradict it. "him"/"her" may take
    a person named earlier in the same sentence ("X fled, and Vilnius granted him asylum"); a
    subject "he"/"she" prefers, within the sentence of that latest person, the one who acted
    ("Vucic accused Kurti. He rejected ..." is Vucic)."""
    gender = gender_of_pronoun(pronoun.lower_)
    candidates = list(state.persons)
    if pronoun.lower_ in ("him", "her") and pronoun.dep_ in ("dobj", "dative", "pobj"):
        candidates += [p for end, p in state.sentence_persons if end < pronoun.i]
    for fits in (lambda g: g == gender, lambda g: not g):
        matching = [p for p in candidates if fits(p.gender)]
        if not matching:
            continue
        latest = matching[-1]
        if _is_subject(pronoun) and not latest.acting:
            same = [p for p in matching if p.sentence == latest.sentence and p.acting]
            if same:
                return same[-1].actor
        return latest.actor
    return None


def _person_name(head: Token, actor: Actor) -> str:
    """The fullest name of a person mention: the dictionary's, else the PERSON entity's."""
    if actor.name:
        return actor.name
    for ent in head.doc.ents:
        if ent.start <= head.i < ent.end and ent.label_ == "PERSON":
            return str(ent.text)
    return str(head.text)


# Common Chinese and Korean family names, which come first and are what news calls the
# person by later ("Wang Yi" ... "Wang said"); Vietnamese names are called by the last word.
_FAMILY_NAME_FIRST = frozenset(
    "wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao liang "
    "zheng xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du "
    "ye cheng wei su lu ding ren shen yao qin xi "
    "kim lee park choi jung chung kang cho yoon jang lim shin moon yoo ahn hwang jeon hong "
    "ko son bae baek nam noh roh ban".split()
)


def _person_key(head: Token) -> str:
    """Surname key of a person's name ("Maduro" for "Nicolas Maduro"), or ""."""
    if head.ent_type_ != "PERSON" or head.pos_ != "PROPN":
        return ""
    return str(head.text).lower()


def _is_definite(head: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)


def _agentless_actor(item: CodedMention, countries: set[str]) -> None:
    """An agentless passive with no actor from context is the act of a government named in
    the sentence: the one country that is not the recipient's ("The Russian ambassador to
    Tbilisi was summoned" -> Georgia), or, for arrests and trials, the only country named."""
    if item.actors or not item.mention.implicit_actor_ok:
        return
    others = countries - {r.country for r in item.recipients}
    if len(others) == 1:
        country = next(iter(others))
    elif not others and len(countries) == 1 and item.code[:2] == "17":
        country = next(iter(countries))
    else:
        return
    item.actors = [_implied_actor(country, "GOV")]
    item.rule += "+passive"
    item.confidence = round(item.confidence * 0.7, 2)


def is_international(code: str) -> bool:
    """Codes whose two sides are, by their nature, different countries (talks, visits, aid,
    ties, expulsions)."""
    return code[:2] in _INTERNATIONAL_ROOTS or code.startswith("174")


def _finish_roles(
    item: CodedMention,
    contexts: list[str],
    sentence_countries: set[str] | None = None,
    counterparts: set[str] | None = None,
) -> None:
    """Conventions applied once roles are resolved (CODING.md "Actors").

    A role with no country ("the ministry", "police") takes the country the sentence, else
    the article, is about; for acts between countries, not the other side's country (nor
    that of "his Chinese counterpart"): of two countries named, the other one.
    """
    international = is_international(item.code)
    named = sentence_countries or set()

    def pick(other_side: list[Actor]) -> str:
        taken = {a.country for a in other_side if a.country}
        if international:
            taken |= counterparts or set()
            rest = named - taken
            if len(rest) == 1:
                return next(iter(rest))
        # The other side's country is a poor guess for this side ("the government accused
        # France": not France); a domestic act may still fall back to it.
        if item.code[:2] in _DOMESTIC_ROOTS and not international:
            return contexts[0] if contexts else ""
        fresh = next((c for c in contexts if c not in taken), "")
        if fresh or international:
            return fresh
        return contexts[0] if contexts else ""

    # "Colombia's military said troops had killed ...": state forces a side reports are its own
    said_by = item.attribution.country if item.attribution is not None else ""
    item.actors = [
        _with_country(a, said_by)
        if said_by and not a.country and a.sector in ("MIL", "COP", "SPY")
        else a
        for a in item.actors
    ]
    item.actors = [_with_country(a, pick(item.recipients)) for a in item.actors]
    if item.attribution is not None and not item.attribution.country:
        # "..., the foreign ministry said": the ministry of the side that acted, usually
        own_side = next((a.country for a in item.actors if a.country), "")
        item.attribution = _with_country(item.attribution, own_side or pick(item.recipients))
    item.recipients = [_with_country(r, pick(item.actors)) for r in item.recipients]
    # "Defence Minister Shoigu met his Chinese counterpart": a counterpart holds the same post
    item.recipients = [_counterpart_sector(r, item.actors) for r in item.recipients]
    item.actors = [_counterpart_sector(a, item.recipients) for a in item.actors]
    # "its drones and fighter jets": two phrases, one side once their country is filled in
    item.actors = _distinct(item.actors)
    item.recipients = _distinct(item.recipients)
    context = contexts[0] if contexts else ""
    joint = item.code[:2] in _SYMMETRIC_ROOTS or item.mutual
    if len(item.actors) >= 2 and joint and (not item.recipients or item.guessed_recipient):
        item.actors, item.recipients = item.actors[:1], item.actors[1:]
    if item.code[:2] == "15":
        # "mobilized warplanes": the forces moved are the actor's own, not the other side
        own = {a.country for a in item.actors}
        item.recipients = [r for r in item.recipients if r.country not in own]
    protest_of_government = any(a.country == context and a.sector == "GOV" for a in item.actors)
    if not item.recipients and item.code[:2] == "14" and context and not protest_of_government:
        item.recipients = [_implied_actor(context, "GOV")]
    if item.code.startswith("161"):
        # Recalling one's own envoy: the envoy is not the other side, the host country is.
        item.recipients = [r for r in item.recipients if r.country or r.sector == "IGO"]
    if item.code.startswith(_DIPLOMATIC_CODES):
        item.recipients = [
            replace(r, sector="GOV", code=f"{r.country}GOV") if r.country and not r.sector else r
            for r in item.recipients
        ]


def _distinct(actors: list[Actor]) -> list[Actor]:
    """The actors with each code once (the first phrase that gave it), in order."""
    seen: set[str] = set()
    out = []
    for actor in actors:
        if actor.code and actor.code in seen:
            continue
        seen.add(actor.code)
        out.append(actor)
    return out


# Nouns of freeing captives: a demand for it is addressed to whoever holds them.
_RELEASE_NOUNS = frozenset({"release", "freedom", "freeing", "return"})


# Roots whose events continue one another in a story (sanctions after expulsions).
# Only the direction news writes them in: sanctions announced after expulsions; an arrest is
# not done by whoever imposed sanctions before.
_RELATED_ROOTS: dict[str, tuple[str, ...]] = {
    "16": ("17",),
    "12": ("11",),
}


# The pattern of statements built from reported speech (accusations, claims), which no
# lexicon pattern matched as such.
_REPORTED = Pattern(id="reported", kind="verb", lemma="", particle="", code="")


def _subtree_ids(tok: Token) -> set[int]:
    return {t.i for t in tok.subtree}


def _clause_tokens(anchor: Token) -> set[int]:
    """Tokens of the anchor's own clause: its subtree without embedded clauses."""
    ids: set[int] = set()
    stack = [anchor]
    while stack:
        tok = stack.pop()
        ids.add(tok.i)
        for child in tok.children:
            if child.dep_ in ("ccomp", "advcl", "relcl", "parataxis", "csubj"):
                continue
            if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
                continue
            stack.append(child)
    return ids


def _date_reaches(group: list[Token], anchor: Token) -> bool:
    """Whether a date written elsewhere in the sentence applies to the event at `anchor`.

    It does when it modifies a clause the event is part of, but not across a participle or
    relative clause ("diplomats, expelled ..., left on Sunday": Sunday is the leaving), and it
    does for an event tied by a copula to a dated act ("the expulsions were part of the
    sanctions ordered on Thursday").
    """
    head = group[0]
    ids = {t.i for t in group}
    while head.head.i != head.i and head.head.i in ids:
        head = head.head
    governor = head.head
    while governor.pos_ not in ("VERB", "AUX") and governor.head.i != governor.i:
        governor = governor.head
    cur = anchor
    for _ in range(30):
        if cur.i == governor.i:
            return True
        if cur.dep_ in ("acl", "relcl", "appos"):
            break
        if cur.head.i == cur.i:
            break
        if cur.dep_ in ("nsubj", "nsubjpass") and cur.head.lemma_ == "be":
            return governor.i in {t.i for t in cur.head.subtree}
        cur = cur.head
    return False


_WEEKDAY_WORDS = {
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "tonight",
}


def _date_groups(sent: Any) -> list[list[Token]]:
    """Date expressions of a sentence: spaCy DATE/TIME entities plus bare weekday words."""
    groups: list[list[Token]] = []
    covered: set[int] = set()
    for ent in sent.ents:
        if ent.label_ in ("DATE", "TIME", "EVENT"):
            tokens = list(ent)
            groups.append(tokens)
            covered.update(t.i for t in tokens)
    for tok in sent:
        if tok.i not in covered and tok.lower_ in _WEEKDAY_WORDS:
            groups.append([tok])
    return groups


def _confidence(mention: Mention, actors: list[Actor], recipients: list[Actor]) -> float:
    score = 0.6 + 0.08 * min(mention.pattern.specificity, 3)
    if mention.light is not None:
        score += 0.05
    if actors:
        score *= max(a.confidence for a in actors) ** 0.5
    if mention.recipient_heads and not recipients:
        score -= 0.1
    return round(max(0.05, min(score, 0.99)), 2)
