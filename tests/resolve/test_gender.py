"""Gender of names as written in news and of pronouns, for pronoun agreement; the names table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tacitus.errors import LexiconError
from tacitus.resolve import gender
from tacitus.resolve.gender import gender_of_name, gender_of_pronoun, given_names

# (name as written in news, expected gender)
NAME_CASES: list[tuple[str, str]] = [
    # --- the examples of the brief ---------------------------------------------------------------
    ("Angela Merkel", "F"),
    ("Mrs. May", "F"),
    ("Prime Minister Theresa May", "F"),
    ("Queen Elizabeth", "F"),
    ("Sheikh Tamim bin Hamad Al Thani", "M"),
    ("Mr Putin", "M"),
    ("Vladimir V. Putin", "M"),
    ("Merkel", ""),
    # --- honorifics and titles decide -------------------------------------------------------------
    ("Mr. Biden", "M"),
    ("Ms Harris", "F"),
    ("Miss Universe", "F"),
    ("Madam Speaker", "F"),
    ("Mme Lagarde", "F"),
    ("Frau Weidel", "F"),
    ("Herr Scholz", "M"),
    ("Sir Keir Starmer", "M"),
    ("Dame Judi Dench", "F"),
    ("Lord Cameron", "M"),
    ("Baroness Ashton", "F"),
    ("King Abdullah II", "M"),
    ("Crown Prince Mohammed bin Salman", "M"),
    ("Princess Diana", "F"),
    ("Emir Tamim", "M"),
    ("Sheikha Moza bint Nasser", "F"),
    ("Sultan Haitham bin Tariq", "M"),
    ("Pope Francis", "M"),
    ("Grand Ayatollah Ali al-Sistani", "M"),
    ("Mullah Omar", "M"),
    ("Mother Teresa", "F"),
    ("Begum Khaleda Zia", "F"),
    ("Daw Aung San Suu Kyi", "F"),
    ("Her Majesty Queen Elizabeth II", "F"),
    ("His Excellency Salva Kiir", "M"),
    ("the Queen", "F"),
    ("Kremlin spokesman Dmitry Peskov", "M"),
    # --- a suggestive title gives way to the given name -------------------------------------------
    ("Sheikh Hasina", "F"),
    ("Sheikh Mujibur Rahman", "M"),
    ("Umm Kulthum", "F"),
    ("Abu Bakr al-Baghdadi", "M"),
    # --- neutral titles and initials are skipped --------------------------------------------------
    ("President Emmanuel Macron", "M"),
    ("Sen. Elizabeth Warren", "F"),
    ("Rep. Alexandria Ocasio-Cortez", "F"),
    ("Lt. Gen. Abdel Fattah al-Burhan", "M"),
    ("Ex-President Mohamed Morsi", "M"),
    ("President-elect Donald J. Trump", "M"),
    ("Dr. Tedros Adhanom Ghebreyesus", "M"),
    ("Russian Foreign Minister Sergei Lavrov", "M"),
    ("J.D. Vance", ""),
    ("Martin Luther King Jr.", "M"),
    ("Malcolm X", "M"),
    # --- names of many regions --------------------------------------------------------------------
    ("Ursula von der Leyen", "F"),
    ("Giorgia Meloni", "F"),
    ("Pedro Sánchez", "M"),
    ("Luiz Inácio Lula da Silva", "M"),
    ("Dilma Rousseff", "F"),
    ("Claudia Sheinbaum", "F"),
    ("Volodymyr Zelensky", "M"),
    ("Yulia Tymoshenko", "F"),
    ("Łukasz Kowalski", "M"),
    ("Małgorzata Kidawa-Błońska", "F"),
    ("Recep Tayyip Erdoğan", "M"),
    ("Meral Akşener", "F"),
    ("Masoud Pezeshkian", "M"),
    ("Narges Mohammadi", "F"),
    ("Narendra Modi", "M"),
    ("Mamata Banerjee", "F"),
    ("Benazir Bhutto", "F"),
    ("Shehbaz Sharif", "M"),
    ("Benjamin Netanyahu", "M"),
    ("Ze'ev Elkin", "M"),
    ("Ayelet Shaked", "F"),
    ("Cyril Ramaphosa", "M"),
    ("Ngozi Okonjo-Iweala", "F"),
    ("Abiy Ahmed", "M"),
    ("Samia Suluhu Hassan", "F"),
    ("Prabowo Subianto", "M"),
    ("Megawati Sukarnoputri", "F"),
    ("Paetongtarn Shinawatra", "F"),
    ("Kaja Kallas", "F"),
    ("Kristen Michal", ""),  # Estonian prime minister, a man: Kristen is ambiguous
    ("Mette Frederiksen", "F"),
    ("Jean-Marie Le Pen", "M"),
    ("Hans-Dietrich Genscher", "M"),
    ("Mohammed bin Salman", "M"),
    ("ANGELA MERKEL", "F"),
    ("Angela Merkel's", "F"),
    # --- unknown: family names alone, ambiguous and East Asian given names ------------------------
    ("Putin", ""),
    ("Warren", ""),
    ("President Trump", ""),
    ("Carole King", "F"),
    ("Billie Jean King", ""),
    ("Xi Jinping", ""),
    ("Kim Jong Un", ""),
    ("Lee Jae-myung", ""),
    ("Shinzo Abe", ""),
    ("Jean Castex", ""),
    ("Jean Marie Le Pen", ""),
    ("Jean-Ping Okoye", ""),
    ("Andrea Nahles", ""),
    ("Nicola Sturgeon", ""),
    ("Ilhan Omar", ""),
    ("Ilham Aliyev", ""),
    ("Wang Bin", ""),
    ("", ""),
    ("  ", ""),
]


@pytest.mark.parametrize(("name", "expected"), NAME_CASES)
def test_gender_of_name(name: str, expected: str) -> None:
    assert gender_of_name(name) == expected


PRONOUN_CASES: list[tuple[str, str]] = [
    ("he", "M"),
    ("him", "M"),
    ("his", "M"),
    ("himself", "M"),
    ("He", "M"),
    ("HIS", "M"),
    ("he's", "M"),
    ("she", "F"),
    ("her", "F"),
    ("hers", "F"),
    ("herself", "F"),
    ("She", "F"),
    ("she\u2019ll", "F"),
    (" her ", "F"),
    ("they", ""),
    ("it", ""),
    ("them", ""),
    ("the", ""),
    ("", ""),
]


@pytest.mark.parametrize(("word", "expected"), PRONOUN_CASES)
def test_gender_of_pronoun(word: str, expected: str) -> None:
    assert gender_of_pronoun(word) == expected


def test_the_data_file_follows_its_schema() -> None:
    lines = gender.DATA_PATH.read_text(encoding="utf-8").splitlines()
    comments = [line for line in lines if line.startswith("#")]
    data = [line for line in lines if line.strip() and not line.startswith("#")]
    assert comments and lines[0].startswith("#")
    assert lines.index(data[0]) > lines.index(comments[-1])  # comments only at the top
    assert data[0] == "name\tgender"
    rows = [line.split("\t") for line in data[1:]]
    assert all(len(row) == 2 for row in rows)
    names = [name for name, _ in rows]
    assert {sex for _, sex in rows} == {"F", "M"}
    assert len(names) == len(set(names)), "duplicate names"
    assert len(names) >= 1500
    assert names == sorted(names)
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", name) for name in names)


def test_the_table_is_loaded_once_and_matches_the_file() -> None:
    table = given_names()
    assert table is given_names()
    assert len(table) >= 1500
    assert table["angela"] == "F" and table["vladimir"] == "M"


def test_ambiguous_names_and_titles_are_not_given_names() -> None:
    table = given_names()
    assert not gender._AMBIGUOUS & table.keys()
    assert not gender._NEUTRAL_TITLES & table.keys()
    # A title that is also a given name (Sultan, Earl) must not contradict it.
    for title, sex in {**gender._TITLES, **gender._WEAK_TITLES}.items():
        assert table.get(title, sex) == sex, title


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("name\tsex\nanna\tF\n", "header"),
        ("name\tgender\nanna\n", "cells"),
        ("name\tgender\nAnna\tF\n", "lower case"),
        ("name\tgender\nanna\tX\n", "F or M"),
        ("name\tgender\nanna\tF\nanna\tF\n", "already"),
        ("name\tgender\nandrea\tF\n", "ambiguous"),
    ],
)
def test_bad_rows_are_rejected(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "given_names.tsv"
    path.write_text("# a comment\n" + body, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        gender._read(path)


def test_a_missing_file_is_a_lexicon_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="reinstall"):
        gender._read(tmp_path / "missing.tsv")
