"""Finding event mentions in a parsed sentence: triggers, roles, modality, attribution.

A mention is a trigger token matched by a lexicon pattern, with the tokens that head its
actor and recipient phrases; resolving those phrases to codes is the resolver's job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tacitus.lexicon import EventLexicon, Grammar, Pattern

__all__ = ["Mention", "find_mentions", "subjects", "objects", "is_passive", "clause_verb"]

Token = Any
Span = Any

_RELATIVE = {"who", "which", "that", "whom"}
_OBJECT_CONTROL = {
    "urge",
    "ask",
    "order",
    "tell",
    "call",
    "force",
    "allow",
    "persuade",
    "encourage",
    "invite",
    "press",
    "pressure",
    "instruct",
    "direct",
    "authorize",
    "authorise",
    "permit",
    "compel",
}
_BLAME_VERBS = {
    "accuse",
    "blame",
    "charge",
    "suspect",
    "condemn",
    "criticise",
    "criticize",
    "denounce",
    "fault",
    "indict",
    "convict",
    "punish",
    "sanction",
    "thank",
    "praise",
    "congratulate",
    "commend",
    "credit",
    "prevent",
    "stop",
    "bar",
    "ban",
    "forbid",
    "prohibit",
    "warn",
}
_ALLEGING_GOVERNORS = {"accuse", "blame", "charge", "suspect", "allege", "indict", "convict"}
# Verbs whose reported clause ("complained that X did Y") is what one side alleges.
_CLAIMING_GOVERNORS = frozenset({"complain"})
_FUTURE_GOVERNORS = {"plan", "set", "due", "schedule", "scheduled", "expect", "poised", "intend"}
_INTENT_NOUNS = frozenset(
    "plan intention bid attempt effort threat offer proposal call demand request hope "
    "readiness willingness promise pledge vow wish desire ability right need order appeal "
    "push move".split()
)
_STATEMENT_NOUNS = frozenset(
    {
        "statement",
        "claim",
        "report",
        "announcement",
        "communique",
        "declaration",
        "message",
        "remark",
        "comment",
        "assertion",
        "allegation",
        "accusation",
    }
)
_CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "parataxis", "xcomp", "csubj"}
_MODALITY_RANK = {"negated": 4, "hypothetical": 3, "future": 2, "alleged": 1, "asserted": 0}


@dataclass(slots=True)
class Mention:
    """One matched trigger with its role heads, before actors are resolved."""

    sent_index: int
    trigger: Token  # the event word (the noun of "imposed sanctions")
    anchor: Token  # the clause's verb used for roles, modality and dates
    pattern: Pattern
    code: str
    rule: str
    actor_heads: list[Token]
    recipient_heads: list[Token]
    modality: str = "asserted"
    speech: Token | None = None  # the speech verb the event is reported under
    attribution_heads: list[Token] = field(default_factory=list)
    implicit_actor_ok: bool = False  # passive without agent: the actor may come from context
    light: Token | None = None


_PARTITIVES = frozenset(
    {
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "dozen",
        "dozens",
        "score",
        "scores",
        "group",
        "groups",
        "number",
        "members",
        "member",
        "some",
        "many",
        "most",
        "several",
        "handful",
        "band",
        "unit",
        "units",
        "contingent",
        "batch",
        "crowd",
        "team",
        "squad",
        "million",
        "millions",
        "couple",
        "one",
        "two",
        "three",
        "four",
        "five",
        "all",
        "each",
    }
)


def _partitive(tok: Token) -> Token:
    """The "of" phrase of a quantity head: "hundreds of workers" -> workers."""
    if tok.lemma_.lower() in _PARTITIVES or tok.lower_ in _PARTITIVES:
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN"):
                        return pobj
    return tok


def _conjuncts(tok: Token) -> list[Token]:
    out = [_partitive(tok)]
    for conj in tok.conjuncts:
        if conj.i > tok.i and conj.pos_ in ("NOUN", "PROPN", "PRON"):
            out.append(_partitive(conj))
    return out


def is_passive(verb: Token) -> bool:
    """True for a passive verb or a past participle modifying a noun ("diplomats expelled")."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    # A participle with its own object is active, however it is attached ("a government air
    # raid killed four people" parsed as a modifier of "raid").
    has_object = any(c.dep_ in ("dobj", "obj") for c in verb.children)
    return bool(verb.dep_ == "acl" and verb.tag_ == "VBN" and not has_object)


def objects(verb: Token) -> list[Token]:
    """The direct objects of a verb; for passives the passive subject or the modified noun."""
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ in ("dobj", "obj"):
            found.extend(_conjuncts(child))
    if not found:
        # A second "subject" after the verb is its object misparsed ("the ministry summoned
        # Estonia's charge d'affaires")
        subjects_before = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
        if subjects_before:
            for child in verb.children:
                if child.dep_ == "nsubj" and child.i > verb.i:
                    found.extend(_conjuncts(child))
    if not found:
        # "summoned the charge d'affaires to protest": parsed as the subject of the clause
        # that follows, the noun is the verb's object
        for clause in verb.children:
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
            if clause.dep_ in ("ccomp", "xcomp") and clause.i > verb.i and infinitive:
                for child in clause.children:
                    if (
                        child.dep_ == "nsubj"
                        and verb.i < child.i < clause.i
                        and (child.pos_ in ("NOUN", "PROPN"))
                    ):
                        found.extend(_conjuncts(child))
    if is_passive(verb):
        for child in verb.children:
            if child.dep_ == "nsubjpass":
                found.extend(_conjuncts(child))
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            found.extend(_conjuncts(verb.head))
    return found


# Instruments through which their issuer acts: "an order that imposed sanctions"
_DOCUMENT_NOUNS = frozenset(
    "order decree law resolution bill directive measure regulation legislation ordinance "
    "edict ruling".split()
)


def subjects(verb: Token, depth: int = 0) -> list[Token]:
    """Heads of the actor phrase of a verb: subject, passive agent, or the controller."""
    if depth > 4:
        return []
    if is_passive(verb):
        for child in verb.children:
            if child.dep_ == "agent":
                return [t for c in child.children if c.dep_ == "pobj" for t in _conjuncts(c)]
        return []
    nominal = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if len(nominal) > 1:
        nominal = [c for c in nominal if c.i < verb.i] or nominal  # the other is the object
    if (
        len(nominal) == 2
        and nominal[0].pos_ == "NOUN"
        and nominal[1].pos_ == "PROPN"
        and min(t.i for t in nominal[1].subtree) == max(t.i for t in nominal[0].subtree) + 1
    ):
        # "the militant group Boko Haram suspended": a name in apposition the parser
        # made a second subject names the actor
        nominal = nominal[1:]
    for child in nominal:
        if child.dep_ in ("nsubj", "csubj"):
            if child.lower_ in _RELATIVE and verb.dep_ == "relcl":
                antecedent = verb.head
                if antecedent.lemma_.lower() in _DOCUMENT_NOUNS:
                    # "the premier renewed a decree that imposed sanctions": whoever
                    # issued or renewed the decree acts through it
                    owners = [c for c in antecedent.children if c.dep_ == "poss"]
                    if owners:
                        return _conjuncts(owners[0])
                    if antecedent.dep_ in ("dobj", "obj") and antecedent.head.pos_ == "VERB":
                        return subjects(antecedent.head, depth + 1)
                return _conjuncts(antecedent)
            return _conjuncts(child)
    head = verb.head
    if head.i == verb.i:
        return []
    if verb.dep_ in ("acomp", "oprd") and verb.pos_ == "ADJ":
        return subjects(head, depth + 1)  # "Turkey is ready to mediate": ready -> is -> Turkey
    if verb.dep_ == "xcomp":
        if is_passive(head):
            # Raising: "Putin had been expected to respond" -> Putin responds.
            raised = [c for c in head.children if c.dep_ == "nsubjpass"]
            if raised:
                return _conjuncts(raised[0])
        if head.lemma_ in _OBJECT_CONTROL:
            objs = [c for c in head.children if c.dep_ in ("dobj", "obj")]
            if objs:
                return _conjuncts(objs[0])
        return subjects(head, depth + 1)
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        return subjects(head, depth + 1)
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.i != head.i:
        governor = head.head
        objs = [c for c in governor.children if c.dep_ in ("dobj", "obj")]
        if objs and governor.lemma_.lower() in _BLAME_VERBS | _OBJECT_CONTROL:
            # "accused Israel of assassinating": Israel is the one said to act.
            return _conjuncts(objs[0])
    if verb.dep_ in ("advcl", "pcomp") and verb.tag_ in ("VBG", "VBN"):
        return subjects(head if verb.dep_ == "advcl" else head.head, depth + 1)
    if verb.dep_ == "acl" and verb.tag_ == "VB" and head.pos_ == "NOUN":
        # "the decision of the EU to impose sanctions", "Russia's move to expel": the owner
        # of the decision acts; failing that, whoever took it ("X made a decision to ...").
        owners = [c for c in head.children if c.dep_ == "poss"]
        owners += [
            p
            for c in head.children
            if c.dep_ == "prep" and c.lower_ in ("of", "by")
            for p in c.children
            if p.dep_ == "pobj"
        ]
        if owners:
            return _conjuncts(owners[0])
        if head.dep_ in ("dobj", "obj") and head.head.pos_ == "VERB":
            return subjects(head.head, depth + 1)
        return []
    if verb.dep_ == "acl" and (verb.tag_ == "VBG" or not is_passive(verb)):
        return _conjuncts(head)
    if verb.dep_ == "relcl":
        return _conjuncts(head)
    return []


def _marked_clauses(verb: Token, mark: str) -> list[Token]:
    """Adverbial clauses of `verb` introduced by `mark`: "called for X to resign"."""
    return [
        c
        for c in verb.children
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == mark for m in c.children)
    ]


# What is fired, dropped or launched: never the other side of the act.
_WEAPONS = frozenset(
    "missile rocket drone shell bomb mortar grenade bullet round artillery munition "
    "torpedo projectile warhead".split()
)


def clause_verb(tok: Token) -> Token:
    """The verb of the clause a token belongs to."""
    cur = tok
    for _ in range(20):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("aux", "auxpass"):
            return cur
        if cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


class _Matcher:
    def __init__(self, lexicon: EventLexicon, grammar: Grammar) -> None:
        self.lexicon = lexicon
        self.grammar = grammar
        self.light = lexicon.classes.get("LIGHT", frozenset())

    # -- pattern constraints --------------------------------------------------------------
    @staticmethod
    def _lemma(tok: Token) -> str:
        return str(tok.lemma_).lower()

    def _has_particle(self, tok: Token, particle: str) -> bool:
        return any(
            c.dep_ in ("prt", "advmod", "prep", "dobj", "npadvmod") and c.lower_ == particle
            for c in tok.children
        )

    def _preps(self, tok: Token, prep: str) -> list[Token]:
        """Prepositions `prep` attached to `tok`, except those of a date ("on Tuesday")."""
        return [
            c
            for c in tok.children
            if c.dep_ in ("prep", "agent", "dative")
            and c.lower_ == prep
            and not any(p.ent_type_ in ("DATE", "TIME") for p in c.children if p.dep_ == "pobj")
        ]

    def _pobjs(self, prep: Token) -> list[Token]:
        found = []
        for child in prep.children:
            if child.dep_ in ("pobj", "pcomp"):
                found.extend(_conjuncts(child))
        return found

    def _fits(self, words: frozenset[str], toks: list[Token]) -> bool:
        return any(self._lemma(t) in words or t.lower_ in words for t in toks)

    def _has_mod(self, tok: Token, words: frozenset[str]) -> bool:
        """A modifier of the trigger ("hunger strike", "suicide bombing", "cyber attack")."""
        for child in tok.children:
            if child.dep_ in ("compound", "amod", "nmod", "advmod", "npadvmod") and (
                self._lemma(child) in words or child.lower_ in words
            ):
                return True
        return False

    def verb_pattern(self, verb: Token) -> Pattern | None:
        for pattern in self.lexicon.verbs.get(self._lemma(verb), ()):
            if pattern.particle and not self._has_particle(verb, pattern.particle):
                continue
            if pattern.mod is not None and not self._has_mod(verb, pattern.mod):
                continue
            objs = [o for o in objects(verb) if o.i != verb.i]
            if pattern.obj_none and objs:
                continue
            if pattern.obj is not None and not self._fits(pattern.obj, objs):
                continue
            marked: list[Token] = []
            if pattern.prep:
                preps = self._preps(verb, pattern.prep)
                for obj in objs:  # "accused the government of war crimes"
                    preps += self._preps(obj, pattern.prep)
                if pattern.xcomp is not None:
                    # "called for the premier to step down", parsed as a clause marked by "for"
                    marked = _marked_clauses(verb, pattern.prep)
                if not preps and not marked and pattern.prep != pattern.particle:
                    continue
                if pattern.prep_obj is not None and not self._fits(
                    pattern.prep_obj, [p for prep in preps for p in self._pobjs(prep)]
                ):
                    continue
            if pattern.xcomp is not None:
                comps = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")] + marked
                for obj in objs:
                    comps.extend(c for c in obj.children if c.dep_ in ("xcomp", "acl", "relcl"))
                names = set()
                for comp in comps:
                    names.add(self._lemma(comp))
                    names.update(
                        f"{self._lemma(comp)} {c.lower_}" for c in comp.children if c.dep_ == "prt"
                    )
                if not names & pattern.xcomp:
                    continue
            return pattern
        return None

    def noun_pattern(self, noun: Token, light: Token | None = None) -> Pattern | None:
        for pattern in self.lexicon.nouns.get(self._lemma(noun), ()):
            if pattern.particle and not self._has_particle(noun, pattern.particle):
                continue
            if pattern.mod is not None and not self._has_mod(noun, pattern.mod):
                continue
            if pattern.prep:
                preps = self._preps(noun, pattern.prep)
                if light is not None:  # "opened an investigation into the killing"
                    preps += self._preps(light, pattern.prep)
                if not preps:
                    continue
                if pattern.prep_obj is not None and not self._fits(
                    pattern.prep_obj, [p for prep in preps for p in self._pobjs(prep)]
                ):
                    continue
            if pattern.obj is not None:
                of = [p for prep in self._preps(noun, "of") for p in self._pobjs(prep)]
                if not self._fits(pattern.obj, of):
                    continue
            return pattern
        return None

    # -- roles ----------------------------------------------------------------------------
    def slot_heads(
        self, slot: str, trigger: Token, pattern: Pattern, extra: Token | None
    ) -> list[Token]:
        holders = [trigger] + ([extra] if extra is not None else [])
        heads: list[Token] = []
        for holder in holders:
            if slot == "dobj":
                if holder.pos_ in ("VERB", "AUX"):
                    heads.extend(
                        o
                        for o in objects(holder)
                        if o.i != trigger.i and not (extra is not None and o.i == trigger.i)
                    )
            elif slot == "dative":
                heads.extend(
                    t
                    for c in holder.children
                    if c.dep_ == "dative"
                    for t in _conjuncts(c)
                    if t.pos_ in ("NOUN", "PROPN", "PRON")
                )
                for c in holder.children:
                    if c.dep_ == "dative" and c.pos_ == "ADP":
                        heads.extend(self._pobjs(c))
            elif slot == "nsubjpass":
                heads.extend(
                    t for c in holder.children if c.dep_ == "nsubjpass" for t in _conjuncts(c)
                )
            elif slot.startswith("prep:"):
                owners = [holder]
                if holder.pos_ in ("VERB", "AUX"):
                    owners += [o for o in objects(holder) if o.i != holder.i]
                    # "spoke by telephone with Putin": the phrase hangs on another phrase
                    owners += [
                        p
                        for c in holder.children
                        if c.dep_ == "prep"
                        for p in c.children
                        if p.dep_ == "pobj"
                    ]
                for owner in owners:
                    for prep in self._preps(owner, slot[5:]):
                        heads.extend(self._pobjs(prep))
            elif slot == "prep_obj" and pattern.prep:
                for prep in self._preps(holder, pattern.prep):
                    heads.extend(self._pobjs(prep))
                for clause in _marked_clauses(holder, pattern.prep):
                    heads.extend(
                        t for c in clause.children if c.dep_ == "nsubj" for t in _conjuncts(c)
                    )
            elif slot == "of" and holder.pos_ in ("NOUN", "PROPN"):
                for prep in self._preps(holder, "of"):
                    heads.extend(self._pobjs(prep))
            elif slot == "poss":
                heads.extend(t for c in holder.children if c.dep_ == "poss" for t in _conjuncts(c))
            elif slot == "compound" and holder.pos_ in ("NOUN", "PROPN"):
                heads.extend(
                    c
                    for c in holder.children
                    if c.dep_ in ("compound", "amod") and c.pos_ in ("PROPN", "ADJ")
                )
        return [h for h in heads if h.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "X")]

    def recipients(self, trigger: Token, pattern: Pattern, extra: Token | None) -> list[Token]:
        for slot in pattern.recipient:
            if slot == "none":
                return []
            heads = self.slot_heads(slot, trigger, pattern, extra)
            heads = [h for h in heads if h.i != trigger.i]
            if heads:
                return heads
        return []

    def noun_actor(self, noun: Token, pattern: Pattern) -> tuple[list[Token], bool]:
        """Actor heads of a nominal trigger and whether context may supply a missing actor."""
        for slot in pattern.actor:
            heads = self.slot_heads(slot, noun, pattern, None)
            if heads:
                return heads, False
        for child in noun.children:
            if child.dep_ == "acl" and child.tag_ == "VBN":
                agents = subjects(child)
                if agents:
                    return agents, False
                return [], True
        head = noun.head
        if (
            noun.dep_ == "pobj"
            and head.lower_ in ("with", "through", "via")
            and head.head.i != head.i
        ):
            verb = head.head
            if verb.pos_ in ("VERB", "AUX"):
                return subjects(verb), False
        return [], False

    # -- modality and attribution ---------------------------------------------------------
    def own_modality(self, tok: Token) -> str:
        grammar = self.grammar
        found = "asserted"

        def bump(value: str) -> None:
            nonlocal found
            if _MODALITY_RANK[value] > _MODALITY_RANK[found]:
                found = value

        for child in tok.children:
            low = child.lower_
            if child.dep_ == "neg" or (child.dep_ == "det" and low in grammar.classes["NEG_DET"]):
                bump("negated")
            elif child.dep_ in ("aux", "auxpass") and low in grammar.classes["HYPO_AUX"]:
                bump("hypothetical")
            elif child.dep_ in ("aux", "auxpass") and low in grammar.classes["FUTURE_AUX"]:
                bump("future")
            elif child.dep_ == "mark" and low in ("if", "unless", "whether"):
                bump("hypothetical")
            elif child.dep_ in ("amod", "advmod") and low in grammar.classes["ALLEGE_MOD"]:
                bump("alleged")
        return found

    def modality_and_speech(self, mention: Mention) -> tuple[str, Token | None]:
        grammar = self.grammar
        rank = 0
        found = "asserted"

        def bump(value: str) -> None:
            nonlocal rank, found
            if _MODALITY_RANK[value] > rank:
                rank, found = _MODALITY_RANK[value], value

        bump(self.own_modality(mention.trigger))
        if mention.anchor.i != mention.trigger.i:
            bump(self.own_modality(mention.anchor))
        cur = mention.anchor
        speech = None
        for _ in range(12):
            head = cur.head
            if head.i == cur.i:
                break
            dep = cur.dep_
            if (
                dep in ("acl", "ccomp")
                and head.pos_ == "NOUN"
                and head.lemma_.lower() in ("report", "claim", "allegation", "accusation")
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in cur.children)
            ):
                # "denied Armenian reports that its troops had opened fire": what the report
                # says is alleged, whatever is then said of the report
                bump("alleged")
                cur = head
                continue
            if dep == "acl" and cur.tag_ == "VB" and head.pos_ == "NOUN":
                # "no plans to break off relations", "an attempt to seize": the noun says
                # whether the act happened
                noun = head.lemma_.lower()
                if any(
                    c.dep_ == "det" and c.lower_ in grammar.classes["NEG_DET"]
                    for c in head.children
                ):
                    bump("negated")
                elif noun in _INTENT_NOUNS:
                    bump("hypothetical")
                cur = head
                continue
            if dep not in {
                "xcomp",
                "ccomp",
                "advcl",
                "pcomp",
                "prep",
                "pobj",
                "dobj",
                "acomp",
                "conj",
                "nsubjpass",
                "attr",
                "oprd",
                "dative",
                "agent",
            }:
                break
            lemma = self._lemma(head)
            particle = next((c.lower_ for c in head.children if c.dep_ == "prt"), "")
            phrase = f"{lemma} {particle}".strip()
            if dep in ("ccomp", "parataxis") and lemma in grammar.classes["SPEECH_VERB"]:
                speech = head
                if lemma in _ALLEGING_GOVERNORS or lemma in _CLAIMING_GOVERNORS:
                    bump("alleged")  # "rights groups alleged that police had abducted ..."
                break
            if dep == "conj":
                # Conjoined verbs share the auxiliaries and negation written on the first,
                # unless they have their own ("is not in Peru but has denied ...").
                own_aux = any(c.dep_ in ("aux", "auxpass", "neg") for c in cur.children)
                between = cur.doc[min(head.i, cur.i) + 1 : max(head.i, cur.i) + 1]
                contrary = any(
                    t.dep_ == "advmod" and t.lower_ in ("rather", "instead") for t in between
                )
                if not own_aux:
                    for child in head.children:
                        if child.dep_ in ("aux", "neg"):
                            shared = self.own_modality(head)
                            if contrary and shared == "negated":
                                # "would not stoop ... but rather attempt": the contrary of the
                                # negated verb is what is meant, only as a hypothesis
                                shared = "hypothetical"
                            bump(shared)
                            break
                cur = head
                continue
            if (lemma in _ALLEGING_GOVERNORS and dep in ("pcomp", "prep", "ccomp", "xcomp")) or (
                lemma in _CLAIMING_GOVERNORS and dep == "ccomp"
            ):
                bump("alleged")
            elif lemma in _FUTURE_GOVERNORS and dep in ("xcomp", "ccomp") and not _past(head):
                bump("future")
            elif (
                phrase in grammar.classes["NEG_GOVERNOR"]
                or lemma in grammar.classes["NEG_GOVERNOR"]
            ):
                if not (lemma == "deny" and dep == "dobj"):
                    bump("negated")
            elif lemma in grammar.classes["HYPO_GOVERNOR"] and dep in (
                "xcomp",
                "ccomp",
                "pcomp",
                "pobj",
                "prep",
                "dobj",
                "advcl",
                "acomp",
            ):
                if not (lemma in self.light and dep == "dobj"):
                    bump("hypothetical")
            elif head.lower_ in grammar.classes["FUTURE_ADJ"] and not _past(head.head):
                bump("future")
            elif head.lower_ in grammar.classes["HYPO_ADJ"]:
                bump("hypothetical" if head.lower_ not in grammar.classes["NEG_ADJ"] else "negated")
            head_modality = self.own_modality(head)
            if head_modality != "alleged":
                bump(head_modality)
            cur = head
        if mention.trigger.sent.text.rstrip().endswith("?"):
            bump("hypothetical")
        if speech is None:
            # "Diplomats expelled by Obama have left, agencies report": the report covers
            # everything in its reported clause, the participle in its subject included.
            cur = mention.anchor
            for _ in range(20):
                head = cur.head
                if head.i == cur.i:
                    break
                if (
                    cur.dep_ in ("ccomp", "parataxis")
                    and self._lemma(head) in grammar.classes["SPEECH_VERB"]
                ):
                    speech = head
                    break
                if cur.dep_ in ("acl", "ccomp", "relcl") and self._lemma(head) in _STATEMENT_NOUNS:
                    # "saying in a statement that troops had opened fire": the verb the
                    # statement hangs on carries the report
                    verb = head.head
                    if verb.pos_ == "ADP" and verb.head.i != verb.i:
                        verb = verb.head
                    if verb.pos_ == "VERB":
                        speech = verb
                        break
                cur = head
        return found, speech


def _past(verb: Token) -> bool:
    """Past tense or past perfect: "had been expected", "planned" (not "is expected")."""
    if any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "was", "were") for c in verb.children
    ):
        return True
    return bool(verb.tag_ == "VBD")


def _according_to(sent: Span) -> list[Token]:
    for tok in sent:
        if tok.lower_ == "according":
            for child in tok.children:
                if child.lower_ == "to":
                    return [t for c in child.children if c.dep_ == "pobj" for t in _conjuncts(c)]
    return []


def find_mentions(
    sent: Span, sent_index: int, lexicon: EventLexicon, grammar: Grammar
) -> list[Mention]:
    """Every event mention in one parsed sentence."""
    matcher = _Matcher(lexicon, grammar)
    mentions: list[Mention] = []
    consumed: set[int] = set()
    # Light verbs first: "imposed sanctions" is the noun's event with the verb's subject.
    for tok in sent:
        if tok.pos_ != "VERB" or matcher._lemma(tok) not in matcher.light:
            continue
        candidates = objects(tok)
        for obj in list(candidates):
            if obj.lemma_.lower() in grammar.classes["QUANTITY_NOUN"]:
                # "held a fresh round of talks": the event noun is inside the quantity
                candidates += [
                    p
                    for c in obj.children
                    if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children
                    if p.dep_ == "pobj"
                ]
        for obj in candidates:
            if obj.i in consumed or obj.pos_ not in ("NOUN", "PROPN"):
                continue
            pattern = matcher.noun_pattern(obj, tok)
            if pattern is None:
                continue
            consumed.add(obj.i)
            actor_heads = subjects(tok)
            recipient = matcher.recipients(obj, pattern, tok)
            mentions.append(
                Mention(
                    sent_index=sent_index,
                    trigger=obj,
                    anchor=tok,
                    pattern=pattern,
                    code=pattern.code,
                    rule=f"{matcher._lemma(tok)}+{pattern.id}",
                    actor_heads=actor_heads,
                    recipient_heads=recipient,
                    implicit_actor_ok=not actor_heads and is_passive(tok),
                    light=tok,
                )
            )
    # Verbs before nouns: "eased sanctions" is the easing, not a second sanctions event.
    ordered = [t for t in sent if t.pos_ == "VERB"] + [t for t in sent if t.pos_ != "VERB"]
    for tok in ordered:
        if tok.i in consumed:
            continue
        if tok.pos_ == "VERB":
            if any(m.light is not None and m.light.i == tok.i for m in mentions):
                continue
            if (
                tok.dep_ == "xcomp"
                and tok.head.lemma_ == "be"
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
            ):
                continue  # "Russia might not be to blame": a predicate, not an act
            if tok.dep_ == "acl" and tok.tag_ == "VBN" and any(
                c.dep_ == "prep" and c.lower_ == "with" for c in tok.children
            ):
                continue  # "militants armed with rockets": what they carry, not an act
            pattern = matcher.verb_pattern(tok)
            if pattern is None:
                continue
            actor_heads = subjects(tok)
            if pattern.obj is not None:
                consumed.update(o.i for o in objects(tok) if o.i != tok.i)
            implicit = not actor_heads and is_passive(tok)
        elif tok.pos_ in ("NOUN", "PROPN"):
            pattern = matcher.noun_pattern(tok)
            if pattern is None:
                continue
            actor_heads, implicit = matcher.noun_actor(tok, pattern)
        else:
            continue
        mentions.append(
            Mention(
                sent_index=sent_index,
                trigger=tok,
                anchor=tok,
                pattern=pattern,
                code=pattern.code,
                rule=pattern.id,
                actor_heads=actor_heads,
                recipient_heads=matcher.recipients(tok, pattern, None),
                implicit_actor_ok=implicit,
            )
        )
    according = _according_to(sent)
    mentions.sort(key=lambda m: m.trigger.i)
    for mention in mentions:
        mention.modality, mention.speech = matcher.modality_and_speech(mention)
        if mention.speech is not None:
            mention.attribution_heads = subjects(mention.speech)
        elif according:
            mention.attribution_heads = according
    return mentions


@dataclass(slots=True)
class ReportedAccusation:
    """A speech verb whose reported clause blames someone for a hostile act."""

    speech: Token
    accused_heads: list[Token]
    clause: Token  # the verb (or noun) of the hostile act


def reported_accusations(sent: Span, grammar: Grammar) -> list[ReportedAccusation]:
    """Find "X says Y hacked/was behind ..." clauses: candidates for an accusation by X of Y."""
    found: list[ReportedAccusation] = []
    accusable = grammar.classes["ACCUSABLE"]
    for speech in sent:
        if speech.pos_ != "VERB" or speech.lemma_.lower() not in grammar.classes["ALLEGE_VERB"]:
            continue
        for comp in speech.children:
            if comp.dep_ not in ("ccomp", "parataxis"):
                continue
            for tok in comp.subtree:
                if tok.pos_ not in ("VERB", "AUX"):
                    continue
                words = {tok.lemma_.lower()}
                for child in tok.children:
                    if child.dep_ in ("dobj", "attr", "nsubjpass"):
                        words.add(child.lemma_.lower())
                        words.update(
                            c.lemma_.lower()
                            for c in child.children
                            if c.dep_ in ("compound", "nmod", "amod")
                        )
                    if child.dep_ == "prep" and child.lower_ in ("behind", "for"):
                        words.add(child.lower_)
                        words.update(g.lemma_.lower() for g in child.subtree if g.i != child.i)
                    if (
                        child.dep_ == "acomp"
                        and child.lower_ in grammar.classes["RESPONSIBLE_PRED"]
                    ):
                        words.add("responsible")
                hostile = bool(words & accusable) or ("behind" in words or "responsible" in words)
                if any(c.dep_ == "neg" for c in tok.children):
                    continue  # "saying its forces had not struck": a denial, not a charge
                if not hostile:
                    continue
                accused = subjects(tok)
                if accused:
                    found.append(ReportedAccusation(speech, accused, tok))
                    break
    return found


_FALLBACK_PREPS = (
    "against",
    "on",
    "with",
    "to",
    "into",
    "toward",
    "towards",
    "at",
    "in",
    "between",
    "near",
    "around",
    "over",
    "across",
    "inside",
    "along",
    "upon",
)


# Prepositions that place an act; a border after them is where it happened.
_WHERE_PREPS = frozenset({"in", "at", "near", "around", "over", "across", "inside", "along"})
# Where a country ends: "near the Afghan border" places an act, it names no side.
EDGES = frozenset({"border", "frontier", "boundary"})


def _trigger_and_anchor(mention: Mention) -> list[Token]:
    """The trigger, and the light verb a nominal trigger hangs on when there is one."""
    if mention.anchor.i != mention.trigger.i:
        return [mention.trigger, mention.anchor]
    return [mention.trigger]


def fallback_recipient_heads(mention: Mention) -> list[list[Token]]:
    """Candidate recipient phrases, best first, for a mention whose slots named no actor."""
    holders = _trigger_and_anchor(mention)
    objs: list[Token] = []
    for holder in holders:
        if holder.pos_ in ("VERB", "AUX"):
            objs.extend(o for o in objects(holder) if o.i != mention.trigger.i)
        else:
            objs.extend(
                p
                for c in holder.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children
                if p.dep_ == "pobj"
            )
    candidates: list[list[Token]] = []
    for obj in objs:
        owners = [c for c in obj.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")]
        if owners:
            candidates.append(owners)
        if obj.lemma_.lower() not in _WEAPONS:  # "fired missiles at the village"
            candidates.append(_conjuncts(obj))
    # "fired tear gas to disperse the crowd": the object of the purpose clause.
    for holder in holders:
        if holder.pos_ not in ("VERB", "AUX"):
            continue
        for clause in holder.children:
            if clause.dep_ in ("xcomp", "advcl") and clause.pos_ == "VERB":
                targets = [o for o in objects(clause) if o.i != clause.i]
                if targets:
                    candidates.append(targets)
    # "complained that Australia's policy ...": the subject of the reported clause.
    for holder in holders:
        for comp in holder.children:
            if comp.dep_ == "ccomp":
                for subject in subjects(comp):
                    owners = [c for c in subject.children if c.dep_ == "poss"]
                    candidates.append(owners or [subject])
    for prep_name in _FALLBACK_PREPS:
        if prep_name in ("in", "at") and mention.code in ("04", "040"):
            continue  # "met in Astana" says where they met, not whom
        for holder in [*holders, *objs]:
            for prep in holder.children:
                if prep.dep_ != "prep" or prep.lower_ != prep_name:
                    continue
                pobjs = [
                    t
                    for c in prep.children
                    if c.dep_ == "pobj"
                    for t in _conjuncts(c)
                    # "the attack near the Afghan border": where, not whom ("troops sent to
                    # the border" do face the other side)
                    if not (prep_name in _WHERE_PREPS and t.lemma_.lower() in EDGES)
                ]
                if not pobjs:
                    continue
                if prep_name == "between":
                    pobjs = pobjs[:1]  # mediation "between A and B": A is the recipient
                candidates.append(pobjs)
                for pobj in pobjs:
                    inner = [
                        g
                        for c in pobj.children
                        if c.dep_ == "prep" and c.lower_ in ("with", "of")
                        for g in c.children
                        if g.dep_ == "pobj"
                    ]
                    inner += [c for c in pobj.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
                    if inner:
                        candidates.append(inner)
    # "spoke by phone with Wang Yi and agreed to ...": a verb conjoined to a first one shares
    # the partner the first names with "with"
    for holder in holders:
        if holder.dep_ == "conj" and holder.head.pos_ in ("VERB", "AUX"):
            partners = [
                t
                for prep in holder.head.children
                if prep.dep_ == "prep" and prep.lower_ == "with"
                for c in prep.children
                if c.dep_ == "pobj"
                for t in _conjuncts(c)
            ]
            if holder.head.lemma_.lower() in _PARTNER_VERBS:
                # "met Erdogan and agreed", "visited Moscow and signed"
                partners += [o for o in objects(holder.head) if o.dep_ == "dobj"]
            if partners:
                candidates.append(partners)
    return candidates


def deep_recipient_heads(mention: Mention) -> list[list[Token]]:
    """For an investigation, demand, criticism, refusal or threat whose slots and usual places
    name no side: the names deeper in what it is about, the nearest first ("denounced what he
    called years of pressure from Washington", "a probe into claims that the former
    president took kickbacks")."""
    if mention.code[:2] not in ("09", "10", "11", "12", "13"):
        return []
    holders = _trigger_and_anchor(mention)
    objs = [o for h in holders if h.pos_ in ("VERB", "AUX") for o in objects(h) if o.i != h.i]
    about = [
        c
        for h in holders
        for c in h.children
        if c.dep_ == "ccomp" or (c.dep_ == "prep" and c.lower_ in ("into", "over", "about"))
    ]
    candidates: list[list[Token]] = []
    for obj in [*objs, *about]:
        names = sorted(
            (
                t
                for t in obj.subtree
                if t.pos_ == "PROPN" and t.ent_type_ in _SIDE_LABELS and t.i != obj.i
            ),
            key=lambda t: abs(t.i - obj.i),
        )
        candidates.extend([name] for name in names)
    return candidates


# Entity labels of a name that can be a side.
_SIDE_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON"})


_PARTNER_VERBS = frozenset({"meet", "host", "receive", "phone", "call", "visit", "welcome"})


_PLACE_PREPS = (
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "across",
    "around",
    "off",
    "into",
    "on",
    "through",
    "throughout",
    "within",
)
_PLACE_LABELS = ("GPE", "LOC", "FAC")
# Nouns naming a settlement or district by an "of" phrase: "the city of Kherson".
_SETTLEMENTS = frozenset({"city", "town", "village", "port", "province", "district", "region"})


def place_phrases(mention: Mention) -> list[Span]:
    """Named places linked to the event through the parse, best first: a place phrase
    ("in Gaza", "near the border town of Sake") attached to the trigger, to its light verb or
    to its object — never just any place name in the sentence."""
    holders = [mention.trigger]
    if mention.anchor.i != mention.trigger.i:
        holders.append(mention.anchor)
    elif mention.trigger.pos_ in ("NOUN", "PROPN"):
        # "turned out in Jakarta for a protest": the verb a nominal event hangs on
        up = mention.trigger.head
        if up.pos_ == "ADP" and up.head.i != up.i:
            up = up.head
        if up.pos_ == "VERB" and up.i != mention.trigger.i:
            holders.append(up)
    if mention.trigger.dep_ == "advcl" and mention.trigger.tag_ == "VBG":
        # "attacked a police station in Peshawar, killing three policemen": the killing
        # happened where the attack did
        holders.append(mention.trigger.head)
    for holder in list(holders):
        if holder.pos_ in ("VERB", "AUX"):
            holders.extend(o for o in objects(holder) if o.i != holder.i)
        else:
            holders.extend(
                p
                for c in holder.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children
                if p.dep_ == "pobj"
            )
    # "held talks with his counterpart in Hanoi", "clashed with protesters in Nairobi": the
    # parser hangs the place on the partner
    holders.extend(
        p
        for holder in list(holders)
        for c in holder.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for p in c.children
        if p.dep_ == "pobj"
    )
    found: list[Span] = []
    seen: set[int] = set()
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in _PLACE_PREPS:
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                ids = {t.i for t in pobj.subtree}
                for ent in pobj.doc.ents:
                    if ent.label_ in _PLACE_LABELS and ent.start in ids and ent.start not in seen:
                        seen.add(ent.start)
                        found.append(ent)
                named = _named_settlement(pobj)
                if named is not None and named.start not in seen:
                    seen.add(named.start)
                    found.append(named)
    return found


def _named_settlement(noun: Token) -> Span | None:
    """The name in "the city of Kherson", "the town of Sake", whatever the tagger took the
    name for (it reads some as people), or None."""
    if noun.lemma_.lower() not in _SETTLEMENTS:
        return None
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for name in prep.children:
                if name.dep_ == "pobj" and name.pos_ == "PROPN" and name.text[:1].isupper():
                    first = min(t.i for t in name.subtree)
                    return noun.doc[first : name.i + 1]
    return None
