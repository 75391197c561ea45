"""Measure actor resolution on the ConfliBERT CAMEO NER spans (measurement only; nothing
from the shared data is committed). Prints figures; asserts nothing.

    python bench/measure_actors.py [--shared ../shared] [--show 20]

Input: dev/confli-cameo-ner-train.txt, one `token TAG` a line, a blank line between
sentences; B-S/I-S mark a source span, B-T/I-T a target span (B-R/I-R are not used).
Each sentence is parsed as its own tokens (so spans align with tokens), each span's head is
the span token whose syntactic head lies outside the span (the last such token), and the
head is resolved by `ActorResolver.resolve` exactly as the coder resolves a role, with no
date and no article context.

The file has no gold actor codes, so what is measured is defined here:

- resolved: share of spans resolved to any actor; with a country; with a sector.
- country agreement: over the spans whose own text names a country (a country name, a
  demonym, a capital or a seat of power found by the lexicon in the span's tokens, regions
  excluded), the share whose resolved country is one of the countries named; "wrong" is the
  share resolved to a country the span does not name, "none" to no country at all.
- unnamed spans given a country: spans that name no country but were still given one
  (through a known person or organisation); listed with --show for inspection.
- sector agreement: over the spans whose head word is in this script's own small keyword
  table (independent of roles.tsv: soldiers -> MIL, police -> COP, rebels -> REB,
  ministry -> GOV, ...), the share whose resolved sector is the keyword's sector.
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from tacitus.lexicon.actors import load_actor_lexicon, normalise
from tacitus.nlp import load_pipeline
from tacitus.resolve.actors import ActorResolver, resolve_phrase

# Head words whose sector no convention disputes (CODING.md "Actors"); independent of roles.tsv.
KEYWORDS: dict[str, str] = {
    **dict.fromkeys(
        "soldier soldiers troops army armies military militaries navy airforce "
        "servicemen paratroopers marines commandos".split(),
        "MIL",
    ),
    **dict.fromkeys("police policemen policeman officers gendarmes".split(), "COP"),
    **dict.fromkeys(
        "rebels rebel insurgents insurgent guerrillas guerrilla militants militant".split(),
        "REB",
    ),
    **dict.fromkeys(
        "ministry ministries minister ministers government governments cabinet "
        "president premier diplomats diplomat ambassador embassy authorities".split(),
        "GOV",
    ),
    **dict.fromkeys("parliament lawmakers legislators senators congress".split(), "LEG"),
    **dict.fromkeys("court courts judge judges prosecutors".split(), "JUD"),
    **dict.fromkeys("civilians villagers residents".split(), "CVL"),
}


def read_sentences(path: Path) -> Iterator[tuple[list[str], list[str]]]:
    """(tokens, tags) of each sentence of a one-token-a-line BIO file."""
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if words:
                yield words, tags
            words, tags = [], []
            continue
        words.append(parts[0])
        tags.append(parts[-1] if len(parts) > 1 else "O")
    if words:
        yield words, tags


def spans(tags: list[str]) -> Iterator[tuple[str, int, int]]:
    """(kind, start, end) of each S or T span."""
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        inside = tag.startswith("I-") and tag[2:] == kind
        if start >= 0 and not inside:
            yield kind, start, i
            start, kind = -1, ""
        if tag.startswith("B-") and tag[2:] in ("S", "T"):
            start, kind = i, tag[2:]


def span_head(doc: Any, start: int, end: int) -> Any:
    """The first nominal token of the span whose syntactic head is outside it (or is
    itself); a phrase the parser attached to the verb ("detained dozens of demonstrators
    in Yerevan") has its noun first."""
    heads = [t for t in doc[start:end] if not (start <= t.head.i < end) or t.head.i == t.i]
    nominal = [t for t in heads if t.pos_ in ("NOUN", "PROPN", "PRON", "NUM")]
    if nominal:
        return nominal[0]
    return heads[-1] if heads else doc[end - 1]


def detokenise(text: str) -> str:
    """The span as news would print it: "Japan 's Prime Minister" -> "Japan's Prime Minister"."""
    text = re.sub(r" ([’']) ?s\b", r"\1s", text)
    text = re.sub(r" ([,.;:)])", r"\1", text)
    text = re.sub(r"\( ", "(", text)
    return re.sub(r" - ", "-", text)


SPONSORS = {"backed", "sponsored", "funded", "supported", "allied", "aligned", "drafted"}


def named_countries(words: list[str], lexicon: Any, regions: set[str]) -> set[str]:
    """Countries the span's own words name (names, demonyms, capitals, seats), leaving out
    sponsors and sympathies ("US - backed", "pro - Russian"), which are not the actor's."""
    found: set[str] = set()
    i = 0
    while i < len(words):
        step = 1
        if words[i].lower() in ("pro", "anti") and i + 2 < len(words) and words[i + 1] == "-":
            i += 3
            continue
        for j in range(min(len(words), i + 5), i, -1):
            text = " ".join(words[i:j])
            if not text[:1].isupper():
                continue
            if text.lower() in regions:
                step = j - i
                break
            hits = lexicon.aliases.get(normalise(text), ())
            countries = {
                h.country
                for h in hits
                if h.kind in ("country", "demonym", "capital", "seat") and h.country
            }
            if countries:
                sponsor = j + 1 < len(words) and words[j] == "-" and words[j + 1] in SPONSORS
                if not sponsor:
                    found |= countries
                step = j - i
                break
        i += step
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", default=str(Path(__file__).parents[2] / "shared"))
    parser.add_argument("--show", type=int, default=0, help="print N disagreements of each kind")
    parser.add_argument(
        "--phrase",
        action="store_true",
        help="resolve each span's text as a phrase (as `tacitus actor` does) instead of its "
        "head within the parsed sentence",
    )
    args = parser.parse_args()
    path = Path(args.shared) / "dev" / "confli-cameo-ner-train.txt"
    nlp = load_pipeline()
    lexicon = load_actor_lexicon()
    resolver = ActorResolver(lexicon)
    regions = {r.lower() for r in resolver.grammar.classes["REGION_PHRASES"]}
    counts: Counter[str] = Counter()
    shown: dict[str, list[str]] = {"wrong": [], "none": [], "unnamed": [], "sector": []}
    began = time.perf_counter()
    for words, tags in read_sentences(path):
        doc = nlp(Doc(nlp.vocab, words=words))
        for kind, start, end in spans(tags):
            counts["spans"] += 1
            counts[f"spans_{kind}"] += 1
            head = span_head(doc, start, end)
            text = " ".join(words[start:end])
            if args.phrase:
                found = resolve_phrase(detokenise(text), lexicon=lexicon, nlp=nlp)
                actor = found if (found.country or found.sector or found.code) else None
            else:
                actor = resolver.resolve(head, "")
            if actor is not None:
                counts["resolved"] += 1
                counts["with_country"] += bool(actor.country)
                counts["with_sector"] += bool(actor.sector)
            country = actor.country if actor is not None else ""
            named = named_countries(words[start:end], lexicon, regions)
            code = actor.code if actor is not None else "-"
            if named:
                counts["named"] += 1
                if country in named:
                    counts["named_agree"] += 1
                elif country:
                    counts["named_wrong"] += 1
                    shown["wrong"].append(f"{text!r} -> {code} (names {sorted(named)})")
                else:
                    counts["named_none"] += 1
                    shown["none"].append(f"{text!r} -> {code} (names {sorted(named)})")
            elif country:
                counts["unnamed_country"] += 1
                shown["unnamed"].append(f"{text!r} -> {code}")
            expected = KEYWORDS.get(head.lower_, "")
            if expected:
                counts["keyword"] += 1
                sector = actor.sector if actor is not None else ""
                if sector == expected or (expected == "GOV" and sector == "ELI"):
                    counts["keyword_agree"] += 1
                else:
                    shown["sector"].append(f"{text!r} -> {code} (head {head.text}: {expected})")
    seconds = time.perf_counter() - began

    def share(part: str, whole: str) -> str:
        return f"{counts[part] / counts[whole]:.3f} ({counts[part]}/{counts[whole]})"

    print(f"spans: {counts['spans']} (source {counts['spans_S']}, target {counts['spans_T']})")
    print(f"resolved to an actor: {share('resolved', 'spans')}")
    print(f"  with a country:     {share('with_country', 'spans')}")
    print(f"  with a sector:      {share('with_sector', 'spans')}")
    print(f"country agreement (spans naming a country): {share('named_agree', 'named')}")
    print(f"  resolved to another country: {share('named_wrong', 'named')}")
    print(f"  resolved to no country:      {share('named_none', 'named')}")
    print(f"spans naming no country but given one: {counts['unnamed_country']}")
    print(f"sector agreement (keyword heads): {share('keyword_agree', 'keyword')}")
    print(f"time: {seconds:.1f}s")
    for label, items in shown.items():
        for item in items[: args.show]:
            print(f"[{label}] {item}")


if __name__ == "__main__":
    main()
