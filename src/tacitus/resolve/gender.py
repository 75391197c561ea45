"""Gender of a person's name as written in news, and of an English personal pronoun.

For pronoun agreement: in "Merkel met Putin. She said ..." the pronoun can only refer to a person
whose gender is the pronoun's, or unknown. A name's gender comes from, in order:

1. an honorific or title that has one: "Mrs. May", "Queen Elizabeth", "Sheikha Moza", "Mr Putin";
2. the first word found in `data/given_names.tsv`, skipping titles and initials: "Prime Minister
   Theresa May", "Vladimir V. Putin";
3. a title that only suggests one (Sheikh, Syed, Abu, Umm: "Sheikh Hasina" is a woman), or "bin",
   "ibn" or "bint" between two names;

and is otherwise "" (unknown). The last word of a name is its family name and is not looked up: a
single word ("Merkel", "Warren", "Thomas") is a family name too, so it is "" rather than a guess.
The exceptions are a bare title ("the Queen") and the name after a suggestive title ("Sheikh
Hasina"). A given name borne by men and by women in news (Andrea, Jean, Kim; `_AMBIGUOUS`) ends the
search with "": what follows it is a family name, or a second given name that would mislead
("Jean Marie Le Pen").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from tacitus.errors import LexiconError

__all__ = ["DATA_PATH", "gender_of_name", "gender_of_pronoun", "given_names"]

DATA_PATH = Path(__file__).parent / "data" / "given_names.tsv"
_COLUMNS = ("name", "gender")
_GENDERS = frozenset({"F", "M"})
_KEY = re.compile(r"[a-z]+(?:-[a-z]+)*")

# Honorifics and titles that give the bearer's gender, folded like names (no dots or accents).
_TITLES: Mapping[str, str] = {
    **dict.fromkeys(
        """mr mister monsieur herr senor signor senhor sir lord king prince emperor tsar czar duke
        archduke earl count baron marquess marquis viscount emir sultan pope cardinal father fr
        brother ayatollah hojatoleslam imam mullah maulana mawlana mawlawi maulvi mufti patriarch
        monsignor msgr shri shree thiru maharaja nawab mahatma swami pandit sardar mian alhaji
        tuan encik bapak congressman assemblyman councilman spokesman businessman""".split(),
        "M",
    ),
    **dict.fromkeys(
        """mrs ms miss madam madame mme mlle mademoiselle frau fraulein senora senorita sra srta
        signora signorina senhora dona dame lady queen princess empress tsarina czarina duchess
        archduchess countess baroness marchioness viscountess sheikha shaikha sultana begum
        khanum khanom smt shrimati srimati sushri kumari maharani rani daw sister mother sadhvi
        puan datin alhaja ibu lalla congresswoman assemblywoman councilwoman spokeswoman
        chairwoman businesswoman""".split(),
        "F",
    ),
}
# Titles that suggest a gender a given name may overrule: in Bangladesh "Sheikh" is part of the
# names of men and women (Sheikh Mujibur Rahman, Sheikh Hasina).
_WEAK_TITLES: Mapping[str, str] = {
    **dict.fromkeys(
        """sheikh shaikh shaykh sheik cheikh syed sayyid sayed sayyed seyed mirza abu moulay
        khawaja""".split(),
        "M",
    ),
    **dict.fromkeys("umm syeda sayyida".split(), "F"),
}
# Titles and words before a name that say nothing of gender; skipped. None is a given name.
_NEUTRAL_TITLES = frozenset(
    """president vice prime minister premier chancellor secretary general gen lt lieut lieutenant
    col colonel maj major capt captain cpt cmdr commander cdr adm admiral brig brigadier sgt
    sergeant cpl corporal pvt private marshal field air commodore gov governor sen senator rep
    representative congressmember assemblymember councillor councilor cllr mayor speaker judge
    justice magistrate attorney prosecutor ambassador amb envoy consul commissioner director
    chief head leader chair chairman chairperson spokesperson dr doctor prof professor rev
    reverend revd pastor bishop archbishop rabbi hon honourable honorable rt right excellency
    majesty highness royal holiness eminence the former ex late then acting interim deputy
    foreign defence defense finance interior home health state elect designate crown grand
    supreme first mp mep mk mla td sheriff officer detective det inspector insp superintendent
    supt constable comrade citizen engr eng haji hajji hajj dato datuk tun tunku tengku seri khun
    mx hrh""".split()
)
# "His Excellency", "Her Majesty": the possessive gives the gender of the person so addressed.
_POSSESSIVES: Mapping[str, str] = {"his": "M", "her": "F"}
_HONOURS = frozenset(
    "excellency majesty highness holiness eminence grace lordship ladyship beatitude royal".split()
)
_SUFFIXES = frozenset("jr jnr sr snr ii iii iv".split())
# "son of" / "daughter of" between two names: Mohammed bin Salman, Latifa bint Mohammed.
_LINKS: Mapping[str, str] = {"bin": "M", "ibn": "M", "bint": "F"}
# Given names borne by men and by women in news, kept out of the table on purpose (the reasons are
# in the header of given_names.tsv); the search stops at them.
_AMBIGUOUS = frozenset(
    """adama adi alaa alex alexis alix amal amani andrea ariel ashley ashraf ayaan ayo bibi
    blessing bola bukola camille casey chris claude dana dani daniele deniz devrim dominique drew
    dwi eka erin evren farah femi fikile gabi gabriele gal gift guadalupe gul gurpreet hanan
    harpreet hayat hilal hilary hope ilham ilhan iman indra ira jackie jamie jan janis jasmin
    jaspreet jean jess jesse jessie jo joan jody jordan jyoti kadri kai kari kelly kerry kim kiran
    kristen laurence lee lesley leslie lilian lindsay lindsey lou manpreet marian marion marjan
    masih michal michele mika mina morgan mpho nana naseem nasim navjot nermin nicola nika niki
    nikita nikola nino noor nour nur nusrat ofir ola ozgur parvin pat pema precious pushpa qamar
    raja rama rana remi robin rosario sabah sacha salam sam santosh sasha shadi shaheen shai
    shamim shannon shashi sidney simone siviwe sri suman sydney tal taylor tendai terry toni tracy
    tri trinidad tunde umit umut vivian yemi yuli zia""".split()
)

_PRONOUNS: Mapping[str, str] = {
    **dict.fromkeys(("he", "him", "his", "himself"), "M"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "F"),
}
_CONTRACTION = re.compile(r"'(?:s|d|ll)$")

# Letters that NFKD does not take apart into a base letter and an accent.
_SPECIAL_LETTERS = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
        "æ": "ae",
        "Æ": "Ae",
        "œ": "oe",
        "Œ": "Oe",
        "ß": "ss",
        "ı": "i",
        "ħ": "h",
        "Ħ": "H",
        "\u2010": "-",
        "\u2011": "-",
    }
)
# Apostrophes and the letters that romanise Arabic ayn and hamza: Ze'ev -> zeev, Sa'ad -> saad.
_APOSTROPHES = str.maketrans(dict.fromkeys("'\u2019\u2018\u02bc\u02bb\u02bf\u02be`", None))
_POSSESSIVE = re.compile(r"['\u2019\u02bc][sS]$")
_EDGE = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb()[]{},;:!?*"
_INITIALS = re.compile(r"[a-z]|(?:[a-z]\.)+[a-z]?")


def gender_of_name(name: str) -> str:
    """The gender of a person named as in news: "F", "M", or "" when the name does not tell.

    Example: `gender_of_name("Prime Minister Theresa May")` is "F", `gender_of_name("Mr Putin")`
    is "M", `gender_of_name("Merkel")` and `gender_of_name("Xi Jinping")` are "".
    """
    words = _words(name)
    while len(words) > 1 and words[-1][0] in _SUFFIXES:
        words.pop()
    last = len(words) - 1
    weak = ""
    named = False  # a word that is neither a title nor an initial has been seen
    for index, (word, initial) in enumerate(words):
        if initial:
            continue
        if word in _POSSESSIVES and index < last and words[index + 1][0] in _HONOURS:
            return _POSSESSIVES[word]
        if index == last and named and not weak:
            break  # the family name: "Carole King" is not a king
        if word in _TITLES:
            return _TITLES[word]
        if word in _WEAK_TITLES:
            weak = weak or _WEAK_TITLES[word]
            continue
        if word in _NEUTRAL_TITLES or _is_neutral_compound(word):
            continue
        if index == last and not weak:
            break  # a lone family name: "Merkel", "President Trump"
        named = True
        if word in _AMBIGUOUS:
            return weak
        gender = _given_name_gender(word)
        if gender:
            return gender
    if weak:
        return weak
    for index in range(1, last):
        link = _LINKS.get(words[index][0], "")
        if link and not words[index + 1][1]:
            return link
    return ""


def gender_of_pronoun(word: str) -> str:
    """The gender of an English third-person pronoun: "M" for he/him/his/himself, "F" for
    she/her/hers/herself (any case, "he's" and "she'll" too), "" for any other word.
    """
    key = _CONTRACTION.sub("", word.strip().lower().replace("\u2019", "'"))
    return _PRONOUNS.get(key, "")


@functools.cache
def given_names() -> Mapping[str, str]:
    """The table of given names: folded name -> "F" or "M", read once per process."""
    return MappingProxyType(_read(DATA_PATH))


def _given_name_gender(word: str) -> str:
    table = given_names()
    gender = table.get(word, "")
    if gender or "-" not in word:
        return gender
    # A compound missing from the table goes by its first part (Hans-Dietrich, Abdel-Fattah),
    # unless that part is ambiguous: Jean-Marie is M, but "jean" would let "marie" decide.
    first = word.split("-", 1)[0]
    return "" if first in _AMBIGUOUS else table.get(first, "")


def _is_neutral_compound(word: str) -> bool:
    """Ex-president, vice-president, president-elect."""
    return "-" in word and all(part in _NEUTRAL_TITLES for part in word.split("-"))


def _words(name: str) -> list[tuple[str, bool]]:
    """The name's words, folded, each with whether it is an initial ("V.", "J.R.", "X")."""
    words: list[tuple[str, bool]] = []
    for raw in name.split():
        token = _fold(_POSSESSIVE.sub("", raw.strip(_EDGE)).strip(_EDGE))
        if not any(char.isalpha() for char in token):
            continue
        initial = _INITIALS.fullmatch(token) is not None
        words.append((token.replace(".", ""), initial))
    return words


def _fold(text: str) -> str:
    """Lower case without accents or apostrophes, as the names in given_names.tsv are written."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL_LETTERS))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return plain.translate(_APOSTROPHES).lower()


def _read(path: Path) -> dict[str, str]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise LexiconError(f"{path}: cannot read ({err.strerror}); reinstall tacitus") from err
    lines = [
        (number, line)
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.startswith("#")
    ]
    if not lines or tuple(lines[0][1].split("\t")) != _COLUMNS:
        raise LexiconError(f"{path.name}: the header must be name | gender (tab-separated)")
    table: dict[str, str] = {}
    for number, line in lines[1:]:
        cells = line.split("\t")
        if len(cells) != len(_COLUMNS):
            raise LexiconError(f"{path.name}: line {number} has {len(cells)} cells, expected 2")
        name, gender = cells
        if not _KEY.fullmatch(name):
            raise LexiconError(
                f"{path.name}: line {number}: write {name!r} in lower case without accents"
            )
        if gender not in _GENDERS:
            raise LexiconError(f"{path.name}: line {number}: gender must be F or M, not {gender!r}")
        if name in table:
            raise LexiconError(f"{path.name}: line {number}: {name!r} is already in the table")
        if name in _AMBIGUOUS:
            raise LexiconError(
                f"{path.name}: line {number}: {name!r} is ambiguous; remove it from the table "
                "or from _AMBIGUOUS in gender.py"
            )
        table[name] = gender
    return table
