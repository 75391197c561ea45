"""Hand-built events and a small corpus for the store tests (no language model needed)."""

from __future__ import annotations

from pathlib import Path

from tacitus.ontology import lookup
from tacitus.store import open_store
from tacitus.types import Actor, Article, Event, Evidence, Place

USA = Actor("Washington", name="United States", country="USA", sector="GOV", code="USAGOV",
            wikidata="Q30", confidence=0.9)  # fmt: skip
RUS = Actor("Moscow", name="Russia", country="RUS", sector="GOV", code="RUSGOV", confidence=0.9)
UN = Actor("the United Nations", name="United Nations", sector="IGO", code="IGOUNO",
           wikidata="Q1065", confidence=0.9)  # fmt: skip


def make_event(
    article: Article,
    number: int,
    cameo: str,
    actor: Actor,
    recipient: Actor | None,
    sentence: str,
    *,
    date: str = "",
    trigger: str = "",
    place: Place | None = None,
) -> Event:
    """An event as the coder would make it: ontology values from the packaged table."""
    info = lookup(cameo)
    start = article.text.find(sentence)
    assert start >= 0, sentence
    verbs = [w for w in sentence.split() if w in ("expelled", "imposed", "denied", "called")]
    evidence = Evidence(number, start, start + len(sentence), sentence, trigger or verbs[0])
    cite = {"codebook": "CAMEO 1.1b3 / PLOVER", "version": "tacitus 0.1.0"}
    if article.url:
        cite["url"] = article.url
    if article.source:
        cite["publication"] = article.source
    return Event(
        id=f"{article.id}-{number}",
        doc_id=article.id,
        cameo=cameo,
        event=info.event,
        mode=info.mode,
        quad_code=info.quad,
        goldstein=info.goldstein,
        context=info.context,
        actor=(actor,),
        recipient=(recipient,) if recipient else (),
        event_text=evidence.trigger,
        text=sentence,
        text_info=evidence,
        date=date,
        date_precision="day" if len(date) == 10 else ("month" if date else ""),
        event_loc=place,
        confidence=0.8,
        rule="test.v",
        evidence=(evidence,),
        cite_info=cite,
    )


def corpus() -> list[tuple[Article, list[Event]]]:
    """Three outlets report a US expulsion of Russian diplomats and sanctions (Dec 29), one
    of them a Russian denial; a fourth article reports a later, different expulsion, and a UN
    appeal with a place."""
    out: list[tuple[Article, list[Event]]] = []
    texts = {
        "wire-a": ("Alpha Wire", "https://example.org/a",
                   "The United States expelled 35 Russian diplomats on Thursday. "
                   "Washington also imposed sanctions on two Russian spy agencies. "
                   "Moscow denied any role in the hacking."),
        "wire-b": ("Beta News", "https://example.org/b",
                   "Washington expelled 35 Russian diplomats on Thursday over hacking. "
                   "The US imposed sanctions on Russian spy agencies. "
                   "Moscow denied the hacking accusations."),
        "wire-c": ("Gamma Post", "",
                   "The Obama administration expelled 35 Russian diplomats. "
                   "It imposed new sanctions on Russian intelligence agencies."),
    }  # fmt: skip
    for doc_id, (source, url, text) in texts.items():
        article = Article(
            id=doc_id, text=text, title=f"{source} on the expulsions", url=url,
            published="2016-12-30", source=source, origin=f"{doc_id}.txt",
        )  # fmt: skip
        sentences = [s.strip() + "." for s in text.split(".") if s.strip()]
        events = [
            make_event(article, 0, "174", USA, RUS, sentences[0],
                       date="2016-12-29" if doc_id != "wire-c" else ""),
            make_event(article, 1, "163", USA, RUS, sentences[1], date="2016-12-29"),
        ]  # fmt: skip
        if len(sentences) > 2:
            events.append(make_event(article, 2, "016", RUS, USA, sentences[2],
                                     date="2016-12-30"))  # fmt: skip
        out.append((article, events))
    later = Article(
        id="later", published="2017-02-10", source="Alpha Wire",
        text="The United States expelled two more Russian diplomats on Thursday. "
             "The United Nations called on Russia to exercise restraint in Geneva.",
    )  # fmt: skip
    geneva = Place("Geneva", name="Geneva", country="CHE", admin1="GE", lat=46.2, lon=6.15,
                   geonameid=2660646, precision="city")  # fmt: skip
    out.append((later, [
        make_event(later, 0, "174", USA, RUS,
                   "The United States expelled two more Russian diplomats on Thursday.",
                   date="2017-02-09"),
        make_event(later, 1, "02", UN, RUS,
                   "The United Nations called on Russia to exercise restraint in Geneva.",
                   date="2017-02", trigger="called", place=geneva),
    ]))  # fmt: skip
    return out


def build_store(path: Path) -> Path:
    """Write :func:`corpus` into a new store at `path` and close it."""
    with open_store(path) as store:
        store.write_batch(corpus())
    return path
