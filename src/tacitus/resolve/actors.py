"""Resolving a noun phrase of a parsed sentence to a coded actor (country + sector).

The head noun gives the sector (minister -> GOV, troops -> MIL), modifiers give the country
(demonym, country name, possessive), a named person or organisation gives both through the
dictionary, and the date decides a person's role. Nothing is guessed: a phrase with no
recognised part stays unresolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from tacitus.lexicon import load_grammar
from tacitus.lexicon.actors import ActorLexicon, Hit, load_actor_lexicon, normalise
from tacitus.types import Actor

__all__ = ["ActorResolver", "context_countries", "np_tokens", "phrase_head", "resolve_phrase"]

Token = Any

# Dependents of a noun that belong to its phrase for actor resolution.
_NP_LEFT = {"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "case", "npadvmod"}
# Person nouns that say nothing of the sector when an institution modifies them.
_GENERIC_ROLES = frozenset(
    {
        "official",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "member",
        "representative",
        "source",
        "chief",
        "head",
        "leader",
        "officer",
        "staff",
        "personnel",
        "employee",
        "worker",
        "chairman",
        "chairwoman",
        "chairperson",
        "commissioner",
    }
)
# Heads that never name an actor, whatever modifies them.
_NOT_ACTORS = frozenset(
    {"colony", "protectorate", "dominion", "territory", "soil", "waters", "land", "airspace"}
)
# Modifiers that look like role nouns but do not name who acts ("executive order").
_NOT_ROLES = frozenset({"executive", "official", "state", "public", "national", "federal"})
_HYPHENS = frozenset({"-", "\u2010", "\u2011", "\u2013"})
# "pro-Russian separatists", "Iran-backed militias": the named country is a sponsor or an
# object of sympathy, not the actor's own country.
_SPONSOR_PREFIXES = frozenset({"pro", "anti"})
_SPONSOR_SUFFIXES = frozenset(
    {
        "backed",
        "sponsored",
        "funded",
        "supported",
        "allied",
        "aligned",
        "trained",
        "armed",
        "leaning",
        "friendly",
        "affiliated",
        "inspired",
        "linked",
    }
)
_QUANTITIES = frozenset(
    "dozen dozens hundred hundreds thousand thousands millions scores some many most "
    "several few all both one two three four five six seven eight nine ten".split()
)
# Sectors whose members are where they are: a place phrase gives their country.
_LOCAL_SECTORS = frozenset(
    {"CVL", "REF", "EDU", "HLH", "LAB", "AGR", "REL", "JUD", "COP", "OPP", "LEG"}
)
_LOCATIVE_PREPS = frozenset({"in", "from", "at", "across", "throughout"})
_ORIGIN_PREPS = frozenset({"from"})
# A place inside a place: "a mine in Peru".
_NESTED_PREPS = frozenset({"in"})
# Government words that name the government of the place they are in ("authorities in X").
_LOCAL_ROLES = frozenset({"authority", "authorities", "government", "administration", "regime"})
_TITLE_SECTOR_FALLBACK = {"president": "GOV", "minister": "GOV", "king": "GOV", "premier": "GOV"}
# Sectors that can stand for the government of a country named only by its capital/seat.
_GOV = "GOV"


def _singular(word: str) -> str:
    """A naive singular of an English plural noun, for words the lemmatiser left alone."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _acronym(text: str) -> bool:
    """ "WHO", "US": an all-capital name, not the pronoun."""
    return len(text) > 1 and text.isupper()


# "fighters loyal to Haftar": the side names the country ("allied with Iran" does not: an
# ally, like a sponsor, is someone else)
_ALLEGIANCE_ADJ = frozenset(
    {"loyal", "faithful", "linked", "tied", "affiliated", "aligned", "attached", "belonging"}
)
# "a spokesman for the ministry": who speaks or acts for a side
_SPEAKS_FOR = frozenset(
    "spokesman spokeswoman spokesperson envoy ambassador representative negotiator adviser "
    "advisor lawyer attorney official officials spokesmen".split()
)


# Nouns that stand for the organisation an apposition names: "the militant group Boko Haram".
_GROUP_NOUNS = frozenset(
    "group movement organisation organization militia faction party outfit network coalition "
    "alliance front force insurgency".split()
)
# Capitalised party words that make legislators American.
_US_PARTY_WORDS = frozenset({"Democratic", "Republican", "Democrat", "GOP"})
# Nouns of what a state decides or says, beyond the coded acts: "Bolivia's decision".
_STANCE_NOUNS = frozenset(
    "decision move policy plan proposal offer claim statement remark comment stance position "
    "response action measure refusal demand call request support recognition".split()
)
# Nouns that stand for the country or side an apposition names: "its NATO ally Turkey", "the
# communist country Cuba" (the noun says what the named one is to someone, not who acts).
_STANDS_FOR_APPOS = frozenset(
    "ally neighbor neighbour partner rival archrival foe enemy adversary country nation state "
    "kingdom republic emirate power superpower island monarchy".split()
)
# An Arabic article before a capitalised name: "al-Shabab", "el-Sisi", "ad-Dawla".
_ARTICLE_NAME = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ed|ul)\s*-\s*[A-Z]")


def np_tokens(head: Token) -> list[Token]:
    """The tokens of the noun phrase headed by `head`, without clauses and most prepositions.

    "of"-phrases are kept ("the president of Iraq"); relative clauses, appositions and other
    prepositional phrases are not.
    """
    keep: list[Token] = []

    def visit(tok: Token, top: bool) -> None:
        for child in tok.children:
            if child.i < tok.i and (child.dep_ in _NP_LEFT or not top):
                visit(child, False)
                keep.append(child)
        if top:
            keep.append(tok)
        for child in tok.children:
            if child.i > tok.i:
                if child.dep_ == "prep" and child.lower_ == "of":
                    # "the Council of Foreign Ministers of the Arab League": nested too
                    keep.append(child)
                    for grandchild in child.children:
                        if grandchild.dep_ == "pobj":
                            visit(grandchild, False)
                            keep.append(grandchild)
                elif (
                    not top
                    and child.dep_ in _NP_LEFT | {"pobj", "flat"}
                    or child.dep_ in ("compound", "flat", "nmod")
                    and top
                    # a name running on through "for": "the Coalition for Change"
                    or not top
                    and tok.pos_ == "PROPN"
                    and child.dep_ == "prep"
                    and child.lower_ == "for"
                    and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in child.children)
                ):
                    visit(child, False)
                    keep.append(child)

    visit(head, True)
    kept = {t.i: t for t in keep}
    # A hyphen the parser hung elsewhere still joins a name: "Hayat Tahrir al-Sham".
    for tok in list(kept.values()):
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.text in _HYPHENS and nxt.i + 1 in kept:
            kept[nxt.i] = nxt
    return sorted(kept.values(), key=lambda t: t.i)


@dataclass(frozen=True, slots=True)
class _Match:
    start: int  # position in the token list
    end: int
    hits: tuple[Hit, ...]
    text: str


class ActorResolver:
    """Resolves noun phrases to actors with one actor lexicon."""

    def __init__(self, lexicon: ActorLexicon, acts: frozenset[str] = frozenset()) -> None:
        self.lexicon = lexicon
        # Nouns that name an act ("annexation", "arrest"): a country owning one did it.
        self.acts = acts
        self.grammar = load_grammar()
        # Words of multiword role terms ("defence" of "defence ministry"), which a tagger may
        # take for names when capitalised.
        self._role_words = frozenset(
            word for term in lexicon.roles if " " in term for word in term.split()
        )

    # -- matching -------------------------------------------------------------------------
    def _matches(self, tokens: list[Token]) -> list[_Match]:
        """Longest alias matches over the phrase, left to right, no overlaps."""
        found: list[_Match] = []
        blocked = self._regions(tokens)
        i = 0
        limit = self.lexicon.max_alias_words + 2
        while i < len(tokens):
            best: _Match | None = None
            for j in range(min(len(tokens), i + limit), i, -1):
                span = tokens[i:j]
                if span[-1].dep_ == "case" or span[0].dep_ == "case":
                    continue
                if any(t.i - s.i != 1 for s, t in zip(span, span[1:], strict=False)):
                    continue
                text = "".join(t.text_with_ws for t in span).strip()
                hits = self.lexicon.aliases.get(normalise(text), ())
                if not hits:
                    continue
                if any(k in blocked for k in range(i, j)) and not (
                    # a name that only begins with a region: "Gulf Cooperation Council"
                    j - i >= 3 and all(h.kind in ("org", "person") for h in hits)
                ):
                    continue
                # Names are capitalised: "us" the pronoun is not the US, "turkey" not Turkey.
                if not (any(c.isupper() for c in text[:2]) or _ARTICLE_NAME.match(text)) or (
                    len(span) == 1 and span[0].pos_ == "PRON" and not _acronym(text)
                ):
                    continue
                best = _Match(i, j, hits, text)
                break
            if best is None:
                i += 1
            else:
                found.append(best)
                i = best.end
        return found

    def _regions(self, tokens: list[Token]) -> set[int]:
        """Positions covered by a regional phrase ("Latin American", "Middle East")."""
        regions = self.grammar.classes["REGION_PHRASES"]
        blocked: set[int] = set()
        for i in range(len(tokens)):
            for j in range(i + 2, min(len(tokens), i + 4) + 1):
                text = " ".join(t.lower_ for t in tokens[i:j]).replace(" - ", "-")
                if text in regions and not self.lexicon.aliases.get(normalise(text)):
                    blocked.update(range(i, j))
        for i, tok in enumerate(tokens):
            if tok.text not in _HYPHENS:
                continue
            if 0 < i < len(tokens) - 1 and tokens[i - 1].lower_ in _SPONSOR_PREFIXES:
                blocked.add(i + 1)
                # the whole name after "pro-": "pro-North Korean"
                for k in range(i + 1, min(len(tokens), i + 4)):
                    if k > i + 1 and tokens[k].pos_ not in ("PROPN", "ADJ"):
                        break
                    if k > i + 1 and not tokens[k].text[:1].isupper():
                        break
                    blocked.add(k)
            elif i + 1 < len(tokens) and tokens[i + 1].lower_ in _SPONSOR_SUFFIXES:
                k = i - 1
                while k >= 0 and tokens[k].text[:1].isupper() and k >= i - 3:
                    blocked.add(k)
                    k -= 1
        for i, tok in enumerate(tokens):
            # one-token forms: "pro-Russian", "Iran-backed"
            first, _, rest = tok.text.partition("-")
            if rest and (first.lower() in _SPONSOR_PREFIXES or rest.lower() in _SPONSOR_SUFFIXES):
                blocked.add(i)
        return blocked

    def resolve_all(self, head: Token, day: str) -> list[Actor]:
        """Like `resolve`, but a phrase with coordinated countries ("Indian and Pakistani
        troops", "the foreign ministers of India and Pakistan", "officials from Kosovo and
        Serbia") gives one actor per country."""
        actor = self.resolve(head, day)
        if actor is None:
            return []
        if not actor.sector or actor.entry:
            return [actor]
        # "officials from Kosovo and Serbia": the countries of a "from" phrase count too
        origin = [
            t
            for prep in head.children
            if prep.dep_ == "prep" and prep.lower_ == "from"
            for t in prep.subtree
        ]
        for tok in [*np_tokens(head), *origin]:
            if tok.i == head.i or not any(c.dep_ == "conj" for c in tok.children):
                continue
            countries: list[str] = []
            for member in [tok, *tok.conjuncts]:
                hits = self.lexicon.aliases.get(normalise(member.text), ())
                country = next(
                    (h.country for h in hits if h.kind in ("country", "demonym") and h.country),
                    "",
                )
                if country and country not in countries:
                    countries.append(country)
            if len(countries) >= 2 and (not actor.country or actor.country in countries):
                return [
                    replace(actor, country=c, code=f"{c}{actor.sector}", name="") for c in countries
                ]
        return [actor]

    def _role_sector(
        self, tokens: list[Token], head_pos: int, *, singular: bool = False
    ) -> tuple[str, str]:
        """Sector from the longest role term ending at the head (lemmas), and that term;
        with `singular`, also a naive singular of the head word ("Prosecutors")."""
        for start in range(max(0, head_pos - 3), head_pos + 1):
            words = [t.lemma_.lower() for t in tokens[start : head_pos + 1]]
            if start < head_pos and any(
                t.pos_ == "PROPN" and t.lower_ not in self._role_words
                for t in tokens[start:head_pos]
            ):
                continue  # a name inside the term, not a role word ("Hamas leader")
            lowered = [t.lower_ for t in tokens[start : head_pos + 1]]
            for candidate in (
                " ".join(words),
                " ".join(lowered),
                # Capitalised plurals the lemmatiser keeps ("State Prosecutors", "Ministers").
                " ".join([*lowered[:-1], _singular(lowered[-1])]) if singular else "",
            ):
                if not candidate:
                    continue
                sector = self.lexicon.role(candidate)
                if sector:
                    return sector, candidate
        return "", ""

    # -- resolution -----------------------------------------------------------------------
    def resolve(self, head: Token, day: str) -> Actor | None:
        """Resolve the phrase headed by `head` on `day`; None if nothing in it is codable."""
        if head.lower_ in _QUANTITIES:
            # "dozens of demonstrators", "three of the soldiers": the "of" object is the actor.
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    objects = [c for c in prep.children if c.dep_ == "pobj"]
                    if objects:
                        found = self.resolve(objects[0], day)
                        if found is not None:
                            first = min(t.i for t in np_tokens(head))
                            last = max(t.i for t in np_tokens(objects[0]))
                            span = head.doc[first : last + 1].text
                            if found.sector in _LOCAL_SECTORS and not found.country:
                                # "dozens of demonstrators in Yerevan": the place may hang on
                                # the quantity
                                here = self._located(head, _LOCATIVE_PREPS)
                                if here:
                                    return self._actor(
                                        span, found.name, here, found.sector, "", 0.7
                                    )
                            return replace(found, text=span)
        party = self._opposition_party(head, day)
        if party is not None:
            return party
        tokens = np_tokens(head)
        if not tokens:
            return None
        text = "".join(t.text_with_ws for t in tokens).strip()
        if text.lower().endswith("'s"):
            text = text[:-2].rstrip()
        head_pos = next(i for i, t in enumerate(tokens) if t.i == head.i)
        if head.lemma_.lower() in _NOT_ACTORS:
            return None  # "the former Portuguese colony" names a place, not Portugal
        matches = self._matches(tokens)
        lowered = {t.lower_ for t in tokens}
        joined = " ".join(t.lower_ for t in tokens).replace(" - ", "-").replace(" -", "-")
        start = tokens[0].i
        ex_before = start >= 2 and [t.lower_ for t in head.doc[start - 2 : start]] == ["ex", "-"]
        former = bool(lowered & self.grammar.classes["FORMER_MOD"]) or "ex-" in joined or ex_before
        elect = "-elect" in joined or "elect" in lowered
        opposition = (
            bool(lowered & self.grammar.classes["OPPOSITION_MOD"])
            or any(mod in joined for mod in self.grammar.classes["OPPOSITION_MOD"] if "-" in mod)
            # "the opposition Pakistan Tehreek-e-Insaf" with "opposition" parsed apart
            or (start >= 1 and head.doc[start - 1].lower_ == "opposition")
        )

        # A known surname inside a longer unknown name is someone else: "Gul Rahman" is not
        # Abdullah Gul, "Odin Sanchez" not Pedro Sanchez.
        matches = [m for m in matches if not self._part_of_other_name(m, tokens, head)]
        on_head = [m for m in matches if m.start <= head_pos < m.end]
        others = [m for m in matches if not (m.start <= head_pos < m.end)]

        # 1. A named person or organisation that is the head of the phrase, or whose name
        # runs on through a preposition ("Doctors Without Borders").
        whole = self._whole_name(head, tokens)
        named_hits: list[tuple[Hit, ...]] = [whole] if whole else []
        for hits in [*named_hits, *(m.hits for m in on_head)]:
            named = self._named(hits, text, day, former or elect)
            if named is not None:
                if opposition and named.entry.startswith("person:") and named.sector == "ELI":
                    # "opposition leader Yair Lapid": out of office, but in opposition.
                    return replace(named, sector="OPP", code=f"{named.country}OPP")
                if opposition and named.sector == "PTY" and named.country:
                    # "the opposition Bangladesh Nationalist Party": a party in opposition
                    return replace(named, sector="OPP", code=f"{named.country}OPP")
                return named

        # An apposition naming a known person: "the president, Barack Obama" (not a list of
        # countries the parser took for appositions: "The United States, India, Israel").
        for child in head.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                named = self.resolve(child, day)
                noun = head.lemma_.lower()
                if (
                    named is not None
                    and not named.entry.startswith("person:")
                    # "the Somali Islamist group al-Shabab": the group is the one named;
                    # "its NATO ally Turkey", "its neighbour Kyrgyzstan": the country is
                    and (
                        (named.entry and noun in _GROUP_NOUNS)
                        or (named.country and noun in _STANDS_FOR_APPOS)
                    )
                ):
                    return replace(named, text=text)
                if named is not None and named.entry.startswith("person:"):
                    sector = "ELI" if former or elect else named.sector
                    return self._actor(
                        text, named.name, named.country, sector, named.wikidata, named.confidence
                    )
        if not matches and head.pos_ == "PROPN":
            # An unknown name described by an apposition: "Mohammad Radmanish, an Afghan
            # defence spokesperson".
            for child in head.children:
                if child.dep_ == "appos" and child.pos_ in ("NOUN", "PROPN"):
                    described = self.resolve(child, day)
                    if described is not None and described.sector:
                        return replace(
                            described,
                            text=text,
                            confidence=round(described.confidence * 0.9, 2),
                        )
        sector, role_term = self._role_sector(tokens, head_pos, singular=not on_head)
        if sector and role_term in _GENERIC_ROLES:
            # "Air Force officials", "police spokesman": the institution names the sector.
            for end in range(head_pos - 1, -1, -1):
                if tokens[end].dep_ != "compound":
                    continue
                specific, term = self._role_sector(tokens, end)
                if specific:
                    sector, role_term = specific, term
                    break
        if not sector:
            # A role named by a modifier of the head: "a coast guard vessel".
            for end in range(head_pos - 1, -1, -1):
                modifier = tokens[end]
                if modifier.dep_ not in ("compound", "amod") or modifier.lower_ in _NOT_ROLES:
                    continue
                sector, role_term = self._role_sector(tokens, end)
                if sector:
                    break
        country = ""
        name = ""
        country_kind = ""
        # 2. The head itself is a country, capital or seat of power (metonymy).
        for match in on_head:
            # A city alone is a place, not an actor ("Aleppo" said nothing); it only modifies.
            hit = next(
                (h for h in match.hits if h.kind not in ("person", "city") and h.country), None
            )
            if hit is not None:
                country, country_kind = hit.country, hit.kind
                name = self._country_name(hit.country)
                if hit.kind in ("capital", "seat"):
                    sector = sector or _GOV
                break
        # 3. Modifiers: a person or organisation of a country, demonyms, country names.
        modifier_person = None
        owner_kind = ""  # the kind of the country name that owns the head ("Russia's")
        for match in sorted(others, key=lambda m: abs(m.start - head_pos)):
            # An organisation's row valid on the day before its other periods: "Taliban
            # attackers" in 2018 are the insurgents, not the government of 2021.
            hits = match.hits
            if day:
                hits = tuple(sorted(hits, key=lambda h: not (h.org and h.org.valid(day))))
            for hit in hits:
                if hit.kind == "person" and hit.person is not None and not country:
                    modifier_person = hit.person
                    country = hit.person.at(day)[0]
                elif hit.kind == "org" and hit.org is not None and not country:
                    # A specific role keeps its own sector: "a Belarusian military attache"
                    # is a diplomat, "the army chief" or "FSB officers" are the organisation.
                    specific_role = (
                        sector in ("GOV", "JUD", "LEG", "MED", "HLH", "EDU", "REL")
                        and role_term not in _GENERIC_ROLES
                    )
                    if (hit.org.valid(day) or not hit.org.end) and not (
                        specific_role and hit.org.sector != "IGO" and hit.org.country
                    ):
                        # "UN envoy", "Houthi leaders", "FSB officers": the organisation codes.
                        org = hit.org
                        return Actor(
                            text=text,
                            name=org.name,
                            country=org.country,
                            sector=org.sector if org.sector != "IGO" else "IGO",
                            code=org.code,
                            wikidata=org.wikidata,
                            entry=org.code,
                            confidence=0.75,
                        )
                    if hit.org.country:
                        country = hit.org.country
                    elif not sector and hit.org.sector == "IGO":
                        return Actor(
                            text=text,
                            name=hit.org.name,
                            sector="IGO",
                            code=hit.org.code,
                            wikidata=hit.org.wikidata,
                            entry=hit.org.code,
                            confidence=0.6,
                        )
                    if not sector and hit.org.sector:
                        sector = hit.org.sector
                elif hit.kind == "city" and (
                    not sector or match.end > head_pos or self._in_person_name(match, tokens)
                ):
                    # "Aleppo residents", "Kabul police": a city before a role gives its
                    # country, never to a name ("Norman Lamont") nor through "of"/"in".
                    continue
                elif hit.country and not country:
                    country = hit.country
                    if hit.kind in ("country", "capital", "seat"):
                        owner_kind = hit.kind if self._owns(tokens[match.end - 1], head) else ""
            if country:
                break
        # "visiting the U.S. capital": a country's capital, read as the country named alone
        its_capital = bool(country) and not country_kind and head.lemma_.lower() == "capital"
        owns_act = bool(owner_kind) and head.lemma_.lower() in self.acts | _STANCE_NOUNS
        if not sector and (its_capital or owns_act):
            # "Russia's annexation", "Tehran's detention of": the country that did the act,
            # as if named alone (a capital or seat is the government)
            if its_capital or owner_kind == "country":
                country_kind, name = "country", self._country_name(country)
            else:
                sector = _GOV
        if modifier_person is not None and not sector and any(
            t.dep_ == "poss" and t.pos_ == "PROPN" for t in tokens[:head_pos]
        ):
            # "Kurti's accusation", "Erdogan's visit": what a person owns stands for them
            owner = self._named(
                tuple(h for m in others for h in m.hits if h.person is modifier_person),
                text,
                day,
                former or elect,
            )
            if owner is not None:
                return owner
        if not country and sector:
            # "a spokesman for Jammeh", "a spokesperson for the White House": one who speaks
            # or acts for a side is that side (a former leader's spokesman is ELI too)
            side = self._spoken_for(head, day)
            if side is not None and (side.country or side.code.startswith("IGO")):
                if side.sector:
                    return replace(side, text=text, confidence=0.8)
                return self._actor(text, side.name, side.country, sector, "", 0.8)
            # "forces loyal to President Assad": the side the phrase names is the country
            country = self._allegiance(head, day)
        if not country and sector == "LEG" and any(t.text in _US_PARTY_WORDS for t in tokens):
            # "Democratic lawmakers", "Republican senators", "GOP congressmen"
            country = "USA"
        located = False
        if not country and sector and not matches:
            # "people in Kabul", "a court in Bishkek", "authorities in Pakistan": where
            # ordinary people, courts, police and governments are is their country; "from"
            # says where anyone comes from ("diplomats from Poland"). Envoys and troops are as
            # often abroad: "the ambassador in Moscow", "troops in Syria" stay without one.
            local = sector in _LOCAL_SECTORS or head.lemma_.lower() in _LOCAL_ROLES
            country = self._located(head, _LOCATIVE_PREPS if local else _ORIGIN_PREPS)
            located = bool(country)
        if not sector and head.ent_type_ == "PERSON":
            title = next((t for t in tokens[:head_pos] if t.lower_ in _TITLE_SECTOR_FALLBACK), None)
            if title is not None:
                sector = _TITLE_SECTOR_FALLBACK[title.lower_]
        if sector and (former or elect) and sector in ("GOV", "MIL", "LEG", "JUD", "SPY", "COP"):
            sector = "ELI"
        if opposition and sector in ("", "PTY", "CVL", "GOV", "LEG"):
            sector = "OPP"
        if not country and not sector:
            return None
        if country and not sector and country_kind == "demonym":
            # "Kyrgyz and Tajik troops" parsed as "Kyrgyz" and "Tajik troops": the demonym
            # shares the noun of the phrase it is coordinated with
            sector = self._shared_role(head)
        if role_term == "" and country_kind == "country" and not sector:
            return self.country_itself(text, country, 0.8)  # "Australia apologised"
        confidence = 0.85 if country and sector else (0.7 if country else 0.45)
        if located:
            confidence = 0.7
        return self._actor(text, name, country, sector, "", confidence)

    def country_itself(self, text: str, iso3: str, confidence: float) -> Actor:
        """A country named alone ("Australia", "the nation" of the story): its code, name and
        Wikidata id and no sector; the coder makes it its government outside force."""
        known = self.lexicon.countries.get(iso3)
        if known is None:
            return self._actor(text, "", iso3, "", "", confidence)
        return self._actor(text, known.name, iso3, "", known.wikidata, confidence)

    def _country_name(self, iso3: str) -> str:
        known = self.lexicon.countries.get(iso3)
        return known.name if known is not None else ""

    def _shared_role(self, head: Token) -> str:
        """The sector of the role noun a coordinated demonym shares ("Kyrgyz" in "Kyrgyz and
        Tajik troops"), or ""."""
        for conj in head.children:
            if conj.dep_ != "conj" or conj.pos_ != "NOUN":
                continue
            before = [c for c in conj.children if c.dep_ in ("amod", "compound") and c.i < conj.i]
            if not any(
                h.kind == "demonym" for c in before for h in self.lexicon.lookup(c.text)
            ):
                continue
            sector, _ = self._role_sector([conj], 0)
            return sector
        return ""

    @staticmethod
    def _owns(token: Token, head: Token) -> bool:
        """True if `token` (the last word of a name) is the possessor of `head`."""
        return bool(token.dep_ == "poss" and token.head.i == head.i)

    def _opposition_party(self, head: Token, day: str) -> Actor | None:
        """A party named right after a bare "opposition" the parser cut off from it ("the
        opposition Pakistan Tehreek-e-Insaf said"): the party, in opposition."""
        if head.lower_ != "opposition" or any(c.dep_ == "compound" for c in head.children):
            return None
        doc = head.doc
        end = head.i + 1
        while end < len(doc) and (doc[end].pos_ == "PROPN" or doc[end].text in _HYPHENS):
            end += 1
        if end == head.i + 1:
            return None
        found = self._matches(list(doc[head.i + 1 : end]))
        if not found or found[0].start != 0:
            return None
        party = next(
            (h.org for h in found[0].hits if h.org and h.org.sector in ("PTY", "OPP")),
            None,
        )
        if party is None or not party.country:
            return None
        text = doc[head.i : head.i + 1 + found[0].end].text
        return self._actor(text, party.name, party.country, "OPP", party.wikidata, 0.85)

    def _spoken_for(self, head: Token, day: str) -> Actor | None:
        """The side a spokesperson, envoy or lawyer of `head` speaks or acts for ("a
        spokesman for the Kremlin"), or None."""
        if head.lemma_.lower() not in _SPEAKS_FOR:
            return None
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "for":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        side = self.resolve(obj, day)
                        if side is not None:
                            return side
        return None

    def _allegiance(self, head: Token, day: str) -> str:
        """The country of the side `head` is loyal to ("fighters loyal to Haftar"), or ""."""
        objects = []
        links = [c for c in head.children if c.dep_ in ("amod", "acl")]
        if head.dep_ == "nsubj" and not any(c.dep_ == "dobj" for c in head.head.children):
            # the small model's clause reading of "gunmen linked to Hezbollah" (not
            # "investigators linked the attack to Iran")
            links.append(head.head)
        for link in links:
            if link.lower_ in _ALLEGIANCE_ADJ:
                objects += [
                    obj
                    for prep in link.children
                    if prep.dep_ == "prep" and prep.lower_ in ("to", "with")
                    for obj in prep.children
                    if obj.dep_ == "pobj"
                ]
        for obj in objects:
            side = self.resolve(obj, day)
            if side is not None and side.country:
                return side.country
        return ""

    def _located(self, head: Token, preps: frozenset[str], depth: int = 0) -> str:
        """The country of the place a prepositional phrase of `head` names ("in Kabul",
        "from Syria") with one of `preps`, or ""."""
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                tokens = np_tokens(obj)
                found = {
                    h.country
                    for m in self._matches(tokens)
                    for h in m.hits
                    if h.country
                    and (
                        h.kind in ("country", "capital")
                        # a city only as the place itself: "in Aleppo", not "at Cerro Verde mine"
                        or (h.kind == "city" and tokens[m.end - 1].i == obj.i)
                    )
                }
                if len(found) == 1:
                    return found.pop()
                if not found and depth < 2:
                    # "at a mine in Peru", "in Buner district in Pakistan": the place's own place
                    nested = self._located(obj, _NESTED_PREPS, depth + 1)
                    if nested:
                        return nested
        return ""

    def _in_person_name(self, match: _Match, tokens: list[Token]) -> bool:
        """True if the words of `match` are, or begin, a person's name the parser found."""
        last = tokens[match.end - 1]
        after = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
        return bool(
            tokens[match.start].ent_type_ == "PERSON"
            or (after is not None and after.pos_ == "PROPN" and after.ent_type_ == "PERSON")
        )

    def _part_of_other_name(self, match: _Match, tokens: list[Token], head: Token) -> bool:
        """True if `match` names only people and covers part of a person's name whose other
        words are not theirs ("Gul" in "Gul Rahman")."""
        people = [h.person for h in match.hits if h.kind == "person" and h.person is not None]
        if not people or len(people) != len(match.hits):
            return False
        covered = {t.i for t in tokens[match.start : match.end]}
        first = tokens[match.start].i
        span = next(
            (e for e in head.doc.ents if e.start <= first < e.end and e.label_ == "PERSON"), None
        )
        if span is None:
            return False
        extra = [t.lower_ for t in span if t.i not in covered and t.is_alpha]
        if not extra:
            return False
        known = {normalise(w) for p in people for w in p.name.split()}
        return not any(normalise(w) in known for w in extra)

    def _named(
        self, hits: tuple[Hit, ...], text: str, day: str, out_of_office: bool
    ) -> Actor | None:
        """The actor of a person's or organisation's name, on `day`."""
        person = next((h.person for h in hits if h.kind == "person" and h.person), None)
        if person is not None:
            if not day:
                # no date: the office the phrase names ("NATO Secretary General Jens
                # Stoltenberg" is NATO's, whatever he holds now), the latest if several
                words = f" {text.lower().replace('-', ' ')} "
                named = [r for r in person.roles if f" {r.title.replace('-', ' ')} " in words]
                if named:
                    day = max(named, key=lambda r: r.start).start
            igo = "" if out_of_office else person.org_at(day)
            if igo:
                # "UN Secretary-General Antonio Guterres": the organisation speaks
                return Actor(
                    text=text,
                    name=person.name,
                    sector="IGO",
                    code=igo,
                    wikidata=person.wikidata,
                    entry=f"person:{person.name}",
                    confidence=0.9,
                )
            country, sector, _ = person.at(day)
            if out_of_office:
                sector = "ELI"
            actor = self._actor(text, person.name, country, sector, person.wikidata, 0.9)
            return replace(actor, entry=f"person:{person.name}")
        orgs = [h.org for h in hits if h.kind == "org" and h.org and h.org.valid(day)]
        if not orgs:
            orgs = [h.org for h in hits if h.kind == "org" and h.org]
        if not orgs:
            return None
        org = orgs[0]
        return Actor(
            text=text,
            name=org.name,
            country=org.country,
            sector=org.sector,
            code=org.code,
            wikidata=org.wikidata,
            entry=org.code,
            confidence=0.9,
        )

    def _whole_name(self, head: Token, tokens: list[Token]) -> tuple[Hit, ...]:
        """Person or organisation entries named by the phrase read on to the end of the
        head's subtree, prepositions included ("the Committee to Protect Journalists")."""
        end = max(t.i for t in head.subtree)
        if end <= tokens[-1].i:
            return ()
        start = tokens[0].i
        while start < head.i and head.doc[start].dep_ in ("det", "poss", "case"):
            start += 1
        if end - start + 1 > self.lexicon.max_alias_words + 1:
            return ()
        span = head.doc[start : end + 1]
        if not span.text[:1].isupper():
            return ()
        hits = self.lexicon.aliases.get(normalise(span.text), ())
        return tuple(h for h in hits if h.kind in ("person", "org"))

    def _actor(
        self, text: str, name: str, country: str, sector: str, wikidata: str, confidence: float
    ) -> Actor:
        code = f"{country}{sector}" if country else sector
        return Actor(
            text=text,
            name=name,
            country=country,
            sector=sector,
            code=code,
            wikidata=wikidata,
            confidence=confidence,
        )


# -- one phrase, outside any article -------------------------------------------------------
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
# Confidence of a phrase nothing in which was recognised, and the discount for a country
# taken from the context rather than from the phrase itself.
_UNRESOLVED_CONFIDENCE = 0.0
_CONTEXT_DISCOUNT = 0.8


def phrase_head(doc: Any) -> Token | None:
    """The head noun of a parsed phrase: the root when it is nominal, else the root of the
    first noun chunk ("the ministry said" -> ministry), else the last noun of the phrase."""
    sent = next(iter(doc.sents), None)
    if sent is None:
        return None
    root = sent.root
    if root.pos_ in _NOMINAL:
        return root
    chunks = list(doc.noun_chunks)
    if chunks:
        return chunks[0].root
    nouns = [t for t in doc if t.pos_ in _NOMINAL]
    # A lone name the tagger took for a verb or adjective ("ECOWAS", "Kyiv") is still the head.
    return nouns[-1] if nouns else root


_FRAME = "said."


def _framed_head(doc: Any, length: int) -> Token | None:
    """The head of the phrase occupying the first `length` characters of `doc`: its token
    whose syntactic head lies outside it (the last such nominal token)."""
    inside = [t for t in doc if t.idx < length]
    heads = [t for t in inside if t.head.idx >= length or t.head.i == t.i]
    nominal = [t for t in heads if t.pos_ in _NOMINAL]
    if (
        len(nominal) > 1
        and nominal[0].lemma_.lower() in _STANDS_FOR_APPOS
        and nominal[-1].pos_ == "PROPN"
    ):
        # "Washington's close ally Israel said": the name the relation noun announces
        return nominal[-1]
    if len(nominal) > 1 and nominal[0].dep_ in ("nsubj", "nsubjpass") and nominal[0].pos_ == "NOUN":
        # a mis-parse made two subjects of the frame: "rebels loyal to ... Machar said" -
        # the first common noun heads the phrase, what follows hangs on it
        return nominal[0]
    if nominal:
        return nominal[-1]
    if heads and heads[-1].lower_ in _ALLEGIANCE_ADJ:
        # "Hackers linked to the Iranian government" read as a clause: its subject heads
        subjects = [c for c in heads[-1].children if c.dep_ == "nsubj" and c.idx < length]
        if subjects:
            return subjects[0]
    return heads[-1] if heads else None


def _from_names(
    doc: Any, length: int, resolver: ActorResolver, day: str, actor: Actor | None
) -> Actor | None:
    """When a mis-parse cut the phrase's names off its head ("IAEA chief Rafael Grossi" with
    "IAEA" tagged a verb), the first named entity of the phrase that resolves: its code,
    or its country for the head's sector ("Haftar's forces")."""
    for ent in doc.ents:
        if ent.start_char >= length or ent.label_ not in ("ORG", "PERSON", "NORP"):
            continue  # a place ("the ambassador in Moscow") says where, not whose
        if any(t.dep_ == "prep" and t.idx < length for t in ent.root.ancestors):
            continue
        after = [t.lower_ for t in doc[ent.end : ent.end + 2]]
        before = [t.lower_ for t in doc[max(0, ent.start - 2) : ent.start]]
        if (after[:1] == ["-"] and after[1:] and after[1] in _SPONSOR_SUFFIXES) or (
            before[-1:] == ["-"] and before[:1] and before[0] in _SPONSOR_PREFIXES
        ):
            continue  # "Iranian-backed", "pro-Russian": a sponsor, not the actor
        named = resolver.resolve(ent.root, day)
        if named is None or not (named.country or named.entry):
            continue
        if actor is None or not actor.sector or named.sector in ("IGO", "NGO"):
            return replace(named, confidence=round(named.confidence * _CONTEXT_DISCOUNT, 2))
        if named.country:
            return replace(
                actor,
                country=named.country,
                code=f"{named.country}{actor.sector}",
                confidence=round(actor.confidence * 1.3, 2),
            )
    return None


def context_countries(doc: Any, lexicon: ActorLexicon) -> list[str]:
    """The countries a parsed text names, in order of first mention: country names,
    demonyms, capitals, seats of power and known people (by their country)."""
    found: list[str] = []
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "NORP", "LOC", "FAC", "ORG", "PERSON"):
            continue
        text = ent.text[:-2] if ent.text.endswith("'s") else ent.text
        for hit in lexicon.lookup(text):
            if hit.kind in ("country", "demonym", "capital", "seat", "person") and hit.country:
                if hit.country not in found:
                    found.append(hit.country)
                break
    return found


def resolve_phrase(
    text: str,
    *,
    date: str = "",
    context: str = "",
    lexicon: ActorLexicon | None = None,
    nlp: Any = None,
) -> Actor:
    """Resolve one actor phrase ("Turkish Foreign Minister Mevlut Cavusoglu") on `date`.

    The phrase is parsed with the shared pipeline and resolved from its head, as the coder
    resolves the phrases of a sentence. `context` is the text around the phrase: when the
    phrase names a sector but no country ("the foreign minister", "police") and the context
    names exactly one country, that country is taken, with a lower confidence — the rule
    the coder applies to a sentence. A phrase of which nothing is recognised comes back with
    empty codes and confidence 0.0, never a guess.
    """
    lexicon = lexicon if lexicon is not None else load_actor_lexicon()
    if nlp is None:
        from tacitus.nlp import load_pipeline

        nlp = load_pipeline()
    phrase = " ".join(text.split())
    unresolved = Actor(text=phrase, confidence=_UNRESOLVED_CONFIDENCE)
    if not phrase:
        return unresolved
    resolver = ActorResolver(lexicon)
    actor = None
    # News names actors as subjects: parsed as the subject of "said" the phrase gets the
    # noun-phrase reading it has in a sentence ("Boko Haram fighters", "Kyiv"); the bare
    # parse is the fallback.
    framed = nlp(f"{phrase} {_FRAME}")
    head = _framed_head(framed, len(phrase))
    if head is not None:
        actor = resolver.resolve(head, date)
    if actor is None:
        head = phrase_head(nlp(phrase))
        actor = resolver.resolve(head, date) if head is not None else None
    if actor is None or not (actor.country or actor.entry):
        actor = _from_names(framed, len(phrase), resolver, date, actor) or actor
    if actor is None:
        return unresolved
    actor = replace(actor, text=phrase)
    if actor.sector and not actor.country and context.strip():
        named = context_countries(nlp(" ".join(context.split())), lexicon)
        if len(named) == 1 and actor.sector not in ("IGO", "NGO"):
            country = named[0]
            actor = replace(
                actor,
                country=country,
                code=f"{country}{actor.sector}",
                confidence=round(actor.confidence * _CONTEXT_DISCOUNT, 2),
            )
    return actor
