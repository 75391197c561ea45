"""Converting PETRARCH/Phoenix .actors and .agents dictionaries (samples written for tacitus)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tacitus.errors import LexiconError
from tacitus.lexicon.actors import load_actor_lexicon
from tacitus.lexicon.petrarch import convert_files, read_actors, read_agents, render

# Sample dictionaries in PETRARCH's documented format; the people and groups are invented.
ACTORS = """\
# sample .actors file written for the tacitus tests
RUFUS_T_FIREFLY_  ; invented head of government
+PRESIDENT_FIREFLY_
+R._T._FIREFLY_
\t[USAELI 19500101-20090119]
\t[USAGOV 20090120-20170120]
\t[USAELI >20170120]

AMBROSE_PINKERTON_
\t[GBRMIL <20100511]
\t[GBRGOV 20100511-20160713]
\t[GBRELI]

OLD_STYLE_MINISTER_
\t[FRAGOV 950517-070516]

RED_DAWN_BRIGADE_ [COLREB]  # an invented armed group
+RED_DAWN_

SHIFTING_FRONT_ [AFGREB]
\t[AFGGOV 960927-011113]

ATLANTIS_LEAGUE_ [IGOATLKBZ]
CHARITY_OF_HOPE_ [NGOHOP]

KINGSTOWN_UPON_SEA_ [GBR]
+NEW_KINGSTOWN_

<!-- a commented-out block
IGNORED_ACTOR_ [USAGOV]
-->
NOWHERE_PARTY_ [XQZPTY]
CABINET_OF_FREEDONIA_ [USAGOVFRM]
"""

AGENTS = """\
<!-- sample .agents file written for the tacitus tests -->
!PERSON! = MAN, WOMAN, PERSON
CONGRESS!PERSON! {} [~LEG] # substitution set
RIOT_SQUAD {} [~COP]
FOREIGN_SECRETARY [~GOVFRM]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
AID_CHARITY [NGO~]
RIGHTS_CAMPAIGNER [NGM~]
CORPORATION [MNC~]
HOOLIGAN [~XYZ]
"""


@pytest.fixture()
def files(tmp_path: Path) -> tuple[Path, Path]:
    actors = tmp_path / "sample.actors"
    agents = tmp_path / "sample.agents"
    actors.write_text(ACTORS, encoding="utf-8")
    agents.write_text(AGENTS, encoding="utf-8")
    return actors, agents


def _countries():  # type: ignore[no-untyped-def]
    return load_actor_lexicon().countries


def test_dated_codes_become_dated_roles(files: tuple[Path, Path]) -> None:
    out = read_actors(files[0], countries=_countries())
    people = {p["name"]: p for p in out.people}
    firefly = people["Rufus T Firefly"]
    assert firefly["aliases"] == ["President Firefly", "R. T. Firefly"]
    assert firefly["roles"] == [
        {"country": "USA", "sector": "ELI", "from": "1950-01-01", "to": "2009-01-20"},
        {"country": "USA", "sector": "GOV", "from": "2009-01-20", "to": "2017-01-20"},
        {"country": "USA", "sector": "ELI", "from": "2017-01-20", "to": None},
    ]


def test_before_restriction_default_and_two_digit_years(files: tuple[Path, Path]) -> None:
    out = read_actors(files[0], countries=_countries())
    people = {p["name"]: p for p in out.people}
    roles = people["Ambrose Pinkerton"]["roles"]
    # "<20100511" is inclusive, but the next office starts that day: the handover day is its.
    assert roles[0] == {"country": "GBR", "sector": "MIL", "to": "2010-05-11"}
    assert roles[1] == {"country": "GBR", "sector": "GOV", "from": "2010-05-11", "to": "2016-07-14"}
    assert roles[2] == {"country": "GBR", "sector": "ELI", "to": None}
    old = people["Old Style Minister"]["roles"]
    assert old == [{"country": "FRA", "sector": "GOV", "from": "1995-05-17", "to": "2007-05-17"}]


def test_undated_and_dated_organisations(files: tuple[Path, Path]) -> None:
    out = read_actors(files[0], countries=_countries())
    rows = {(r[1], r[0]): r for r in out.organisations}
    assert rows[("Red Dawn Brigade", "COLREB")][2:5] == ["Red Dawn", "COL", "REB"]
    # A dated code of an organisation with no ELI: organisation rows, the dated one first.
    front = [r for r in out.organisations if r[1] == "Shifting Front"]
    assert [r[0] for r in front] == ["AFGGOV", "AFGREB"]
    assert front[0][5:7] == ["1996-09-27", "2001-11-14"]
    assert front[1][5:7] == ["", ""]
    assert rows[("Atlantis League", "IGOATL")][3:5] == ["", "IGO"]
    assert rows[("Charity Of Hope", "NGOHOP")][3:5] == ["", "NGO"]
    # Secondary CAMEO roles tacitus has no sector for are dropped: GOVFRM -> GOV.
    assert rows[("Cabinet Of Freedonia", "USAGOV")][4] == "GOV"


def test_bare_country_codes_are_country_names(files: tuple[Path, Path]) -> None:
    out = read_actors(files[0], countries=_countries())
    assert out.countries == {"GBR": ["Kingstown Upon Sea", "New Kingstown"]}


def test_comments_and_unknown_countries(files: tuple[Path, Path]) -> None:
    out = read_actors(files[0], countries=_countries())
    names = [p["name"] for p in out.people] + [r[1] for r in out.organisations]
    assert "Ignored Actor" not in names
    assert any("XQZPTY names no country" in s and "sample.actors:32" in s for s in out.skipped)


def test_agents_become_roles(files: tuple[Path, Path]) -> None:
    out = read_agents(files[1])
    roles = dict(out.roles)
    assert roles["congressman"] == "LEG"
    assert roles["congresswoman"] == "LEG"
    assert roles["congressperson"] == "LEG"
    assert roles["riot squad"] == "COP"
    assert roles["foreign secretary"] == "GOV"
    assert roles["attorney general"] == roles["attorneys general"] == "GOV"
    assert roles["aid charity"] == "NGO"
    assert roles["rights campaigner"] == "NGO"
    assert roles["corporation"] == "BUS"
    assert "hooligan" not in roles
    assert any("~XYZ" in s for s in out.skipped)


def test_the_converted_files_load_and_resolve(files: tuple[Path, Path], tmp_path: Path) -> None:
    countries = _countries()
    conversion = convert_files(list(files), countries=countries)
    written = render(conversion, countries=countries)
    assert set(written) == {"people.jsonl", "organisations.tsv", "roles.tsv", "countries.tsv"}
    paths = []
    for name, text in written.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    lexicon = load_actor_lexicon(tuple(paths))
    (hit,) = lexicon.lookup("President Firefly")
    assert hit.person is not None
    assert hit.person.at("2010-06-01")[:2] == ("USA", "GOV")
    assert hit.person.at("2017-01-20")[:2] == ("USA", "ELI")
    assert hit.person.at("2009-01-19")[:2] == ("USA", "ELI")
    assert lexicon.role("riot squad") == "COP"
    assert any(h.country == "GBR" for h in lexicon.lookup("New Kingstown"))
    assert lexicon.countries["GBR"].wikidata == load_actor_lexicon().countries["GBR"].wikidata
    first = json.loads(written["people.jsonl"].splitlines()[1])
    assert set(first) == {"name", "aliases", "roles"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("\t[USAGOV >20090120]\n", "sample.actors:1: a date restriction before any actor"),
        ("+ALIAS_\n", "sample.actors:1: a synonym"),
        ("SOMEONE_\n\t[USAGOV >20091350]\n", "sample.actors:2: '20091350' is not a date"),
        ("SOMEONE_\n\t[USAGOV 20090120]\n", "sample.actors:2: a single date needs < or >"),
        ("SOMEONE_\n\t[USAGOV >2009-01-20]\n", "sample.actors:2: cannot read the restriction"),
        ("SOMEONE_\n\tUSAGOV >20090120\n", "sample.actors:2: expected [CODE <date]"),
    ],
)
def test_malformed_actors_name_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "sample.actors"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match="E010") as caught:
        read_actors(path, countries=_countries())
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("SOLDIER\n", "sample.agents:1: expected PHRASE {plural} [~CODE]"),
        ("SOLDIER [MIL]\n", "sample.agents:1: expected PHRASE"),
        ("BIG!THING! [~MIL]\n", "sample.agents:1: substitution marker"),
    ],
)
def test_malformed_agents_name_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "sample.agents"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        read_agents(path)
    assert message in str(caught.value)


def test_other_suffixes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "sample.verbs"
    path.write_text("SAY [010]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="end in .actors or .agents"):
        convert_files([path], countries=_countries())
