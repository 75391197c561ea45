"""Coreference within an article, through `Coder.code_text`: pronouns, definite descriptions
("the president", "the ministry", "the rebels") and surnames refer to the entity introduced
earlier. The articles are short stories written for these tests."""

from __future__ import annotations

import pytest

from tacitus.pipeline import Coder
from tacitus.types import Event


def _codes(events: list[Event]) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return [
        (e.cameo, tuple(a.code for a in e.actor), tuple(r.code for r in e.recipient))
        for e in events
    ]


def _event_with(events: list[Event], trigger: str) -> Event:
    """The event whose trigger word starts with `trigger`."""
    found = [
        e
        for e in events
        if e.event_text.lower().startswith(trigger)
        or any(ev.trigger.lower().startswith(trigger) for ev in e.evidence)
    ]
    assert found, (trigger, _codes(events))
    return found[0]


# (article, publication date, trigger word of the event to check, expected actor code)
ARTICLES = [
    pytest.param(
        "British Prime Minister Theresa May met French President Emmanuel Macron in Paris. "
        "Afterwards he praised Britain for its help in the Sahel.",
        "2018-01-18",
        "praise",
        "FRAGOV",
        id="he-skips-a-woman-named-later",
    ),
    pytest.param(
        "French President Emmanuel Macron met British Prime Minister Theresa May in Paris. "
        "Afterwards she praised France for its help in the Sahel.",
        "2018-01-18",
        "praise",
        "GBRGOV",
        id="she-skips-a-man-named-later",
    ),
    pytest.param(
        "Mexican President Andres Manuel Lopez Obrador was in Washington on Wednesday. "
        "The president criticised the United States over its border policy.",
        "2020-07-08",
        "critici",
        "MEXGOV",
        id="the-president-in-a-sentence-without-a-trigger",
    ),
    pytest.param(
        "Russian Foreign Minister Sergei Lavrov arrived in Ankara on Monday. "
        "He condemned the sanctions imposed by the European Union.",
        "2019-03-05",
        "condemn",
        "RUSGOV",
        id="he-after-titled-person",
    ),
    pytest.param(
        "German Chancellor Angela Merkel arrived in Beijing on Monday. "
        "She criticised China over human rights.",
        "2016-06-14",
        "critici",
        "DEUGOV",
        id="she-after-titled-person",
    ),
    pytest.param(
        "German Chancellor Angela Merkel met Chinese Premier Li Keqiang in Berlin. "
        "Later she criticised Beijing over human rights.",
        "2016-06-14",
        "critici",
        "DEUGOV",
        id="she-after-two-people",
    ),
    pytest.param(
        "Kosovo Prime Minister Albin Kurti spoke in Pristina on Tuesday. "
        "Kurti accused Serbia of stoking unrest in the north.",
        "2023-05-30",
        "accus",
        "XKXGOV",
        id="surname-of-unlisted-titled-person",
    ),
    pytest.param(
        "Venezuelan President Nicolas Maduro addressed supporters in Caracas. "
        "Maduro threatened to expel the US ambassador.",
        "2019-01-23",
        "threat",
        "VENGOV",
        id="surname-of-president",
    ),
    pytest.param(
        "Former Peruvian president Pedro Castillo was arrested in Lima on Wednesday. "
        "Castillo denied the charges on Thursday.",
        "2022-12-09",
        "denied",
        "PERELI",
        id="surname-keeps-former",
    ),
    pytest.param(
        "Barack Obama met Israeli Prime Minister Benjamin Netanyahu at the White House. "
        "Obama praised Israel for its restraint.",
        "2010-07-07",
        "praise",
        "USAGOV",
        id="surname-of-known-person",
    ),
    pytest.param(
        "Kenyan President William Ruto condemned the attack on Sunday. "
        "The president accused Ethiopia of arming the militia.",
        "2023-03-06",
        "accus",
        "KENGOV",
        id="the-president",
    ),
    pytest.param(
        "Kenyan President William Ruto flew to Addis Ababa on Sunday. "
        "The president criticised Ethiopia over the border dispute.",
        "2023-03-06",
        "critici",
        "KENGOV",
        id="the-president-introduced-without-an-event",
    ),
    pytest.param(
        "The Iranian foreign ministry condemned the attack on Saturday. "
        "The ministry accused Britain of interfering in Iran's affairs.",
        "2022-11-13",
        "accus",
        "IRNGOV",
        id="the-ministry",
    ),
    pytest.param(
        "The Iranian foreign ministry summoned the British ambassador on Saturday. "
        "The ministry accused Britain of interfering in Iran's affairs.",
        "2022-11-13",
        "accus",
        "IRNGOV",
        id="the-ministry-after-a-foreign-envoy",
    ),
    pytest.param(
        "The Ukrainian defence ministry said on Monday that Russian forces shelled Kharkiv. "
        "The ministry accused Moscow of war crimes.",
        "2022-03-08",
        "accus",
        "UKRMIL",
        id="the-ministry-of-another-sector",
    ),
    pytest.param(
        "Houthi rebels seized a cargo ship in the Red Sea on Sunday. "
        "The rebels threatened to attack more vessels linked to Israel.",
        "2023-11-20",
        "threat",
        "YEMREB",
        id="the-rebels-named-group",
    ),
    pytest.param(
        "Colombian rebels ambushed an army patrol near the Venezuelan border. "
        "The rebels later released two soldiers they had captured.",
        "2021-03-02",
        "releas",
        "COLREB",
        id="the-rebels-demonym",
    ),
    pytest.param(
        "Nigerian troops raided a camp near Maiduguri on Monday. They killed twelve militants.",
        "2020-08-10",
        "kill",
        "NGAMIL",
        id="they-latest-group",
    ),
    pytest.param(
        "Turkish police detained dozens of protesters in Istanbul on Saturday. "
        "The police also arrested two journalists covering the rally.",
        "2021-02-06",
        "arrest",
        "TURCOP",
        id="the-police",
    ),
    pytest.param(
        "Chilean President Gabriel Boric met Argentine officials in Santiago. "
        "He praised Argentina for its cooperation on migration.",
        "2023-05-04",
        "praise",
        "CHLGOV",
        id="he-after-person-and-group",
    ),
    pytest.param(
        "Peruvian riot police arrested twenty farmers on the highway near Cusco on Monday "
        "after they blocked the road for a week.",
        "2022-04-05",
        "block",
        "PERAGR",
        id="they-the-group-acted-on",
    ),
    pytest.param(
        "Serbian President Aleksandar Vucic spoke in Belgrade on Monday. He accused Albin "
        "Kurti of provoking the clashes. He rejected calls for an international inquiry.",
        "2023-06-15",
        "reject",
        "SRBGOV",
        id="he-keeps-the-subject-not-the-accused",
    ),
    pytest.param(
        "The Southern African Development Community condemned the unrest in Maputo on Monday. "
        "Its executive secretary arrived in Maputo on Tuesday and held talks with officials.",
        "2024-11-20",
        "arriv",
        "IGOSADC",
        id="its-official-is-the-organisation-just-named",
    ),
    pytest.param(
        "Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergei Lavrov in Beijing "
        "on Monday. Wang praised Russia for its support.",
        "2023-12-14",
        "prais",
        "CHNGOV",
        id="a-chinese-family-name-comes-first",
    ),
]


@pytest.mark.parametrize(("text", "day", "trigger", "code"), ARTICLES)
def test_later_mentions_refer_to_the_entity_introduced_earlier(
    coder: Coder, text: str, day: str, trigger: str, code: str
) -> None:
    events = coder.code_text(text, date=day)
    event = _event_with(events, trigger)
    assert [a.code for a in event.actor] == [code], _codes(events)


def test_a_pronoun_no_earlier_name_agrees_with_is_not_guessed(coder: Coder) -> None:
    events = coder.code_text(
        "British Prime Minister Theresa May arrived in Paris on Thursday. "
        "He condemned the attack on the embassy.",
        date="2018-01-18",
    )
    assert [e.cameo for e in events if e.actor[0].country == "GBR"] == ["042"], _codes(events)


def test_a_pronoun_after_an_unknown_man_is_not_an_earlier_known_one(coder: Coder) -> None:
    """ "him" after an unlisted man is that man (no code), not the president named before."""
    events = coder.code_text(
        "Russian President Vladimir Putin spoke in Moscow on Monday. Opposition activist "
        "Mikhail Petrov fled to Lithuania in May, and Vilnius granted him asylum.",
        date="2023-06-10",
    )
    asylum = next(e for e in events if e.cameo.startswith("07"))
    assert not any(r.code.startswith("RUSGOV") for r in asylum.recipient), _codes(events)


def test_a_pronoun_with_no_person_before_it_is_not_guessed(coder: Coder) -> None:
    events = coder.code_text("He condemned the attack on the embassy.", date="2020-01-01")
    assert all(not a.country for e in events for a in e.actor), _codes(events)


def test_surname_before_any_introduction_is_not_resolved_by_context(coder: Coder) -> None:
    # "Zubrovka" was never introduced: it must not take anyone's code.
    events = coder.code_text(
        "Zubrovka condemned the sanctions. German Chancellor Olaf Scholz visited Kyiv.",
        date="2022-06-16",
    )
    condemn = [e for e in events if e.event_text.lower().startswith("condemn")]
    assert all(a.code != "DEUGOV" for e in condemn for a in e.actor), _codes(events)


def test_a_surname_keeps_the_office_of_its_day(coder: Coder) -> None:
    events = coder.code_text(
        "President Barack Obama arrived in Havana on Sunday. "
        "Obama urged Cuba to free political prisoners.",
        date="2016-03-21",
    )
    urged = [e for e in events if e.event_text.lower().startswith("urg")]
    assert urged and [a.code for a in urged[0].actor] == ["USAGOV"], _codes(events)


# (article, publication date, cameo prefix of the event to check, its expected recipients)
RECIPIENTS = [
    pytest.param(
        "Belarusian President Alexander Lukashenko met Russian officials in Minsk on Monday. "
        "Police arrested opposition activist Pavel Sevyarynets on Tuesday. Lukashenko has "
        "ruled Belarus since 1994. The European Union imposed sanctions on him on Wednesday.",
        "2021-06-10",
        "163",
        ["BLRGOV"],
        # a known person named again is the latest read, also in a sentence with no event
        id="him-is-the-person-named-again",
    ),
    pytest.param(
        "Kenyan police arrested opposition leaders in Nairobi on Monday, Kenya's interior "
        "ministry said. The opposition demanded that the country hold new elections.",
        "2024-03-06",
        "10",
        ["KENGOV"],
        id="the-country-is-the-one-the-article-is-about",
    ),
    pytest.param(
        "Prosecutors opened an inquiry into whether former President Alejandro Toledo accepted "
        "bribes. Police searched Toledo's house in Lima on Saturday.",
        "2017-02-06",
        "091",
        ["PERELI"],
        # the tagger takes "Alejandro Toledo" for a place; the dictionary knows the person, and
        # "Toledo's house" is his, not the city's (nor Lima's)
        id="a-person-tagged-as-a-place-is-named-again",
    ),
    pytest.param(
        "Japanese Foreign Minister Toshimitsu Motegi met South Korean Foreign Minister Kang "
        "Kyung-wha in Tokyo on Monday. Motegi later invited Kang to visit Japan again in the "
        "spring.",
        "2020-02-11",
        "036",
        ["KORGOV"],
        # a Korean family name leads a hyphenated given name: "Kang" is Kang Kyung-wha
        id="a-family-name-before-a-hyphenated-given-name",
    ),
]


@pytest.mark.parametrize(("text", "day", "cameo", "codes"), RECIPIENTS)
def test_recipients_refer_back(
    coder: Coder, text: str, day: str, cameo: str, codes: list[str]
) -> None:
    events = coder.code_text(text, date=day)
    event = next(e for e in events if e.cameo.startswith(cameo))
    assert [r.code for r in event.recipient] == codes, _codes(events)
