"""Sentence -> events tables for the engine's devices: roles, voice, coordination, modality.

Each case names the expected (root, actor code, recipient code, modality) of the events the
coder finds with `--all`; a case checks only the events of the roots it names.
"""

from __future__ import annotations

import pytest

from tacitus.pipeline import Coder

CASES = [
    # what a denied report says is alleged; an alleged act is alleged even with no accuser
    # of another country
    (
        "Georgia denied Russian reports that its troops had shelled villages near Tskhinvali.",
        "2008-08-09",
        [("01", "GEOGOV", "RUS", "asserted"), ("19", "GEOMIL", "", "alleged")],
    ),
    (
        "Ugandan rights groups alleged that police had beaten dozens of opposition supporters.",
        "2021-01-20",
        [("17", "UGACOP", "UGAOPP", "alleged")],
    ),
    # state forces a side reports are its own, whatever the article is mostly about
    (
        "Venezuela's president ordered tank battalions to the border on Sunday. Venezuela "
        "closed its embassy in Bogota, and Venezuelan jets flew near the border. Colombia's "
        "army said on Saturday troops had killed a FARC commander in a raid on a jungle camp "
        "in Ecuador.",
        "2008-03-03",
        [("19", "COLMIL", "COLREB", "asserted")],
    ),
    # a side of no named country reported by the police is not another side: the act stands
    (
        "Kenyan police said gunmen attacked a bus near Mombasa on Sunday, killing six "
        "passengers.",
        "2024-03-06",
        [("18", "KENUAF", "KENCVL", "asserted")],
    ),
    # ... a named foreign side is accused
    (
        "Georgia's interior ministry said Russian jets had bombed a village near Gori.",
        "2008-08-10",
        [("11", "GEOGOV", "RUSMIL", "asserted"), ("19", "RUSMIL", "GEO", "alleged")],
    ),
    # "officials from X and Y ... accusing each other": one side each
    (
        "Officials from Armenia and Azerbaijan accused each other of violating the ceasefire "
        "on Tuesday.",
        "2023-06-15",
        [("11", "ARMGOV", "AZEGOV", "asserted")],
    ),
    # criticism of a state's act with no side named: the government of the article's country
    (
        "An Egyptian court sentenced 20 activists to prison in Cairo on Monday. Egypt's "
        "government said the activists had planned riots. Rights groups dismissed the trial "
        "as a sham.",
        "2024-03-06",
        [("11", "NGO", "EGYGOV", "asserted")],
    ),
    # repressing protests with no one named is done to people of the repressing country
    (
        "Belarusian riot police violently broke up protests in Minsk on Sunday.",
        "2020-08-11",
        [("17", "BLRCOP", "BLRCVL", "asserted")],
    ),
    # a denial answers an investigation of the denier
    (
        "Prosecutors in Argentina opened an investigation on Monday into claims that former "
        "President Alberto Fernandez took bribes. The former president has denied any "
        "wrongdoing.",
        "2024-08-10",
        [("09", "ARGJUD", "ARGELI", "asserted"), ("01", "ARGELI", "ARGJUD", "asserted")],
    ),
    # an investigation into a claim about a named person: that person
    (
        "Prosecutors in Argentina opened an investigation on Monday into claims that former "
        "President Alberto Fernandez took bribes.",
        "2024-08-10",
        [("09", "ARGJUD", "ARGELI", "asserted")],
    ),
    # criticism of a named side deep in a clause: "what he said was ... from the United States"
    (
        "Iran's president denounced what he said was a long campaign of pressure from the "
        "United States.",
        "2019-01-01",
        [("11", "IRNGOV", "USAGOV", "asserted")],
    ),
    # an army's report of its own operation is a report: the strike is asserted, no accusation
    (
        "The Malian army said its drones and fighter jets struck rebel hideouts near Kidal on "
        "Friday, killing 30 fighters.",
        "2024-03-14",
        [("19", "MLIMIL", "MLIREB", "asserted")],
    ),
    # "condemned the attack": the story's attack, not a later operation of the other side
    (
        "Islamic State fighters ambushed a Nigerien army convoy on Sunday, killing 14 soldiers. "
        "Nigerien troops swept the area on Tuesday and destroyed two camps. Mali's government "
        "condemned the attack on Wednesday.",
        "2024-03-14",
        [("11", "MLIGOV", "REB", "asserted")],
    ),
    # an intent to cooperate stated with want/hope: 03 asserted, the act itself hypothetical
    (
        "Vietnam wants to promote multifaceted cooperation with Laos.",
        "2023-12-14",
        [("03", "VNMGOV", "LAOGOV", "asserted"), ("05", "VNMGOV", "LAOGOV", "hypothetical")],
    ),
    (
        "Russia does not want to expand cooperation with NATO.",
        "2023-12-14",
        [("05", "RUSGOV", "IGONATO", "negated")],
    ),
    # passive with and without an agent
    (
        "Two Dutch diplomats were expelled by Turkey on Monday.",
        "2019-03-06",
        [("17", "TURGOV", "NLDGOV", "asserted")],
    ),
    (
        "Russian diplomats expelled by President Barack Obama left Washington.",
        "2016-12-31",
        [("17", "USAGOV", "RUSGOV", "asserted")],
    ),
    # coordinated actors: one event with an actor list
    (
        "The United States and the European Union condemned the arrest of the journalist.",
        "2021-05-24",
        [("11", "USAGOV+IGOEU", "", "asserted")],
    ),
    # coordinated recipients: one event with a recipient list
    (
        "Venezuela recalled its ambassadors from Spain and Italy.",
        "2019-02-01",
        [("16", "VENGOV", "ESPGOV+ITAGOV", "asserted")],
    ),
    # conjoined verbs: two events sharing the subject
    (
        "Britain imposed sanctions on Belarus and expelled two Belarusian diplomats.",
        "2021-06-21",
        [("16", "GBRGOV", "BLRGOV", "asserted"), ("17", "GBRGOV", "BLRGOV", "asserted")],
    ),
    # light verbs and nominal triggers
    (
        "Israeli troops launched an offensive against Hamas militants in Gaza.",
        "2014-07-17",
        [("19", "ISRMIL", "PSEREB", "asserted")],
    ),
    # reported speech: the act is coded, the speaker is the attribution
    (
        "Police said rebels attacked a military convoy near the border.",
        "2018-04-02",
        [("19", "REB", "MIL", "asserted")],
    ),
    # negation, refusal, expectation, future, allegation
    (
        "Putin has ruled out expelling American diplomats.",
        "2016-12-31",
        [("12", "RUSGOV", "USAGOV", "asserted"), ("17", "RUSGOV", "USAGOV", "negated")],
    ),
    (
        "China did not impose sanctions on Australia.",
        "2020-05-01",
        [("16", "CHNGOV", "AUSGOV", "negated")],
    ),
    (
        "Iran had been expected to expel the British ambassador.",
        "2019-07-20",
        [("17", "IRNGOV", "GBRGOV", "hypothetical")],
    ),
    (
        "Turkey will expel ten Western ambassadors, the president said.",
        "2021-10-23",
        [("17", "TURGOV", "GOV", "future")],
    ),
    (
        "The alleged attack on the embassy by militants angered the government.",
        "2020-01-01",
        [("18", "REB", "GOV", "alleged")],
    ),
    # statements derived from acts: a stated refusal, an intent, an announced hostile act,
    # a claim of responsibility
    (
        "The government will not lift the curfew in the capital, the minister said.",
        "2021-01-05",
        [("12", "GOV", "", "asserted"), ("08", "GOV", "", "negated")],
    ),
    (
        "Norway said it was ready to mediate between Ethiopia and Eritrea.",
        "2019-03-01",
        [("03", "NORGOV", "ETHGOV", "asserted"), ("04", "NORGOV", "ETHGOV", "hypothetical")],
    ),
    (
        "An armed group said in a statement that its fighters had ambushed the convoy.",
        "2022-06-01",
        [("01", "UAF", "", "asserted")],
    ),
    # an official reporting another side's hostile act accuses it; the act is only alleged
    (
        "Indian officials said Pakistani troops shelled villages along the border.",
        "2019-06-14",
        [("11", "INDGOV", "PAKMIL", "asserted"), ("19", "PAKMIL", "", "alleged")],
    ),
    # "no plans to" negates the act
    (
        "Estonia has no plans to expel Russian diplomats, the minister said.",
        "2023-05-14",
        [("17", "ESTGOV", "RUSGOV", "negated")],
    ),
    # "would not X but rather Y": Y is meant, as a hypothesis, not negated
    ("Russia said it would not expel diplomats but rather attempt to repair relations with "
     "Britain.", "2018-03-20",
     [("17", "RUSGOV", "GBRGOV", "negated"), ("05", "RUSGOV", "GBRGOV", "hypothetical")]),
    # killing people who do not fight is assault, not fighting
    (
        "Soldiers killed six villagers near the border.",
        "2022-02-09",
        [("18", "MIL", "CVL", "asserted")],
    ),
    # a denial answers the accusation before it
    (
        "Ukraine accused Russia of shelling a school. Moscow denied the accusation.",
        "2022-03-01",
        [("11", "UKRGOV", "RUSGOV", "asserted"), ("01", "RUSGOV", "UKRGOV", "asserted")],
    ),
    # a country named alone in politics is its government; in force, the bare country; so
    # are things of a country ("Serbian licence plates")
    (
        "Chile apologised to Peru for the remarks of its ambassador.",
        "2024-05-01",
        [("05", "CHLGOV", "PERGOV", "asserted")],
    ),
    ("Israel struck targets in Syria on Sunday.", "2024-05-01", [("19", "ISR", "SYR", "asserted")]),
    # a coordinated demonym shares the noun: "Kyrgyz and Tajik officials"
    (
        "Kyrgyz and Tajik officials met in Batken on Tuesday.",
        "2024-05-15",
        [("04", "KGZGOV", "TJKGOV", "asserted")],
    ),
    # force across a border with no one named on the other side is used on the place's country
    (
        "Russian artillery shelled a power plant in the southern city of Kherson on Wednesday.",
        "2025-04-18",
        [("19", "RUSMIL", "UKR", "asserted")],
    ),
    (
        "Nigerian troops destroyed two camps in the town of Gwoza on Monday.",
        "2025-04-18",
        [("19", "NGAMIL", "", "asserted")],
    ),
    (
        "Kosovo banned cars with Serbian licence plates.",
        "2024-05-01",
        [("16", "XKXGOV", "SRB", "asserted")],
    ),
    # a country that owns an act or a stance did it: "Russia's annexation", "Bolivia's decision"
    (
        "Ukraine condemned Russia's annexation of the peninsula.",
        "2024-05-01",
        [("11", "UKRGOV", "RUSGOV", "asserted")],
    ),
    (
        "The Kenyan foreign minister was visiting the Ugandan capital on Monday.",
        "2022-03-01",
        [("04", "KENGOV", "UGAGOV", "asserted")],
    ),
    (
        "Peru's president criticised Bolivia's decision to close the border crossing.",
        "2024-05-01",
        [("11", "PERGOV", "BOLGOV", "asserted")],
    ),
]


def _codes(actors: list[dict[str, str]]) -> str:
    return "+".join(sorted(a.get("code", "") for a in actors))


@pytest.mark.parametrize(("sentence", "published", "expected"), CASES)
def test_sentence(
    coder_all: Coder, sentence: str, published: str, expected: list[tuple[str, str, str, str]]
) -> None:
    events = [e.to_dict() for e in coder_all.code_text(sentence, date=published)]
    roots = {root for root, *_ in expected}
    found = sorted(
        (e["cameo"][:2], _codes(e["actor"]), _codes(e["recipient"]), e["modality"])
        for e in events
        if e["cameo"][:2] in roots
    )
    want = sorted(
        (root, "+".join(sorted(a.split("+"))), "+".join(sorted(r.split("+"))) if r else "", m)
        for root, a, r, m in expected
    )
    assert found == want, f"{sentence}\n{[(e['cameo'], e['rule']) for e in events]}"


def test_default_output_holds_only_asserted_events(coder: Coder) -> None:
    events = coder.code_text("Putin has ruled out expelling American diplomats.", date="2016-12-31")
    assert events and all(e.modality == "asserted" for e in events)
    assert not any(e.cameo.startswith("17") for e in events)
