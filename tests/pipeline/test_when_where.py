"""Event dates and places in context: the event's own clause, the dateline, the sentence."""

from __future__ import annotations

import pytest

from tacitus.pipeline import Coder
from tacitus.types import Article

CASES = [
    # (text, published, cameo prefix, expected date, expected place country or None)
    ("Britain expelled two Russian diplomats on Thursday.", "2017-01-01", "174",
     "2016-12-29", None),
    ("Britain expelled two Russian diplomats yesterday.", "2017-01-01", "174", "2016-12-31", None),
    ("Britain expelled two Russian diplomats on Dec. 29.", "2017-01-01", "174", "2016-12-29",
     None),
    ("Britain expelled two Russian diplomats last week.", "2017-01-01", "174", "2016-W51", None),
    ("Israeli troops raided a refugee camp in Jenin on Sunday.", "2023-07-04", "",
     "2023-07-02", "PSE"),
    ("Police arrested 40 protesters in Nairobi on New Year's Eve.", "2024-01-02", "173",
     "2023-12-31", "KEN"),
    ("Police arrested the opposition leader on Monday.", "2024-03-06", "173", "2024-03-04",
     None),
    ("On Tuesday, China expelled two Canadian diplomats.", "2024-03-06", "174", "2024-03-05",
     None),
    ("China expelled two Canadian diplomats on Dec. 29, 2018.", "2019-01-02", "174",
     "2018-12-29", None),
    ("Iran seized a Greek tanker last week.", "2024-03-06", "", "2024-W09", None),
    ("Kenya deployed troops to the Somali border in 2024.", "2025-02-01", "", "2024", None),
    ("Rebels attacked an army convoy near Goma yesterday, officials said.", "2024-03-06", "19",
     "2024-03-05", "COD"),
    ("Turkish police detained 40 protesters in Ankara on Saturday night.", "2023-06-05", "173",
     "2023-06-03", "TUR"),
    # "the city of X" is a place whatever the tagger takes X for (here a person)
    ("Russian artillery shelled a power plant in the southern city of Kherson on Wednesday.",
     "2025-04-18", "19", "2025-04-16", "UKR"),
    # conjoined verbs share a date
    ("Chavez ordered troops to the border and mobilized warplanes on Sunday.", "2008-03-03",
     "15", "2008-03-02", None),
    # a participle does not take the date of the main clause
    ("Diplomats expelled by Poland left Warsaw on Sunday.", "2023-05-16", "174", "", None),
    # the partner's place phrase is the meeting's
    ("Vietnam's foreign minister held talks with his Cambodian counterpart in Hanoi on Monday.",
     "2023-12-14", "046", "2023-12-11", "VNM"),
    # an act told right after a dated, placed event of the same actor happened then and there
    ("Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergei Lavrov in Beijing "
     "on Monday. China thanked Russia for its support.", "2023-12-14", "05", "2023-12-11",
     "CHN"),
    # ... not a reaction of the other side, nor an act at another time
    ("Russia expelled two British diplomats in Moscow on Monday. The British government "
     "condemned the expulsion.", "2024-03-06", "11", "", None),
    ("Kenya and Ethiopia signed a trade agreement in Nairobi on Wednesday. Later Kenya "
     "praised Ethiopia for its help.", "2024-03-22", "051", "", None),
    # background in the perfect does not take the day of the news
    ("Kenyan police arrested 40 opposition protesters in Nairobi on Monday. The opposition "
     "has staged protests against the government for months.", "2023-12-14", "14", "", None),
    # a pluperfect act reported on Saturday has no day
    ("The army said on Saturday that troops had killed six rebels.", "2021-03-08", "19", "",
     None),
]


@pytest.mark.parametrize(("text", "published", "code", "date", "country"), CASES)
def test_date_and_place(
    coder: Coder, text: str, published: str, code: str, date: str, country: str | None
) -> None:
    events = [e for e in coder.code_text(text, date=published) if e.cameo.startswith(code)]
    assert events, text
    event = events[0]
    assert event.date == date
    if country is not None:
        assert event.event_loc is not None and event.event_loc.country == country
        assert event.event_loc.lat is not None


def test_no_publication_date_gives_no_relative_day(coder: Coder) -> None:
    events = coder.code_text("Britain expelled two Russian diplomats on Thursday.")
    assert events and events[0].date == ""


def test_dateline_is_place_and_not_subject(coder: Coder) -> None:
    text = (
        "MANILA, June 18 (Wire) - Philippine President Ferdinand Marcos Jr. summoned "
        "China's ambassador on Monday."
    )
    events = coder.code_article(Article(id="x", text=text, published="2024-06-18"))
    summons = next(e for e in events if e.cameo.startswith("11"))
    assert summons.actor[0].code == "PHLGOV"
    assert summons.date == "2024-06-17"
    assert summons.event_loc is not None and summons.event_loc.country == "PHL"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Volodymyr Zelensky met Olaf Scholz in Berlin on Friday.", "042"),
        ("Olaf Scholz met Volodymyr Zelensky in Berlin on Friday.", "043"),
        ("The foreign ministers of India and Pakistan met in Astana.", "044"),
    ],
)
def test_meetings_by_place(coder: Coder, text: str, code: str) -> None:
    events = coder.code_text(text, date="2024-02-17")
    assert [e.cameo for e in events if e.cameo.startswith("04")] == [code]


def test_a_known_person_taken_for_a_place_is_no_place(coder: Coder) -> None:
    """The tagger reads "Alejandro Toledo" as a place; the people dictionary knows him, so the
    investigation is not placed in Toledo, Ohio."""
    events = coder.code_text(
        "Peruvian prosecutors began a formal inquiry into allegations that former President "
        "Alejandro Toledo accepted millions in kickbacks.",
        date="2017-02-06",
    )
    probe = next(e for e in events if e.cameo.startswith("09"))
    assert probe.event_loc is None
