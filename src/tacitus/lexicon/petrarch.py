"""Converting PETRARCH/Phoenix actor and agent dictionaries into tacitus's actor files.

PETRARCH's text formats (docs/source/dictionaries.rst of PETRARCH 2):

- `.actors`: records of a primary phrase with an optional default code, synonyms on lines
  starting with `+`, and indented date restrictions `[CODE <date]`, `[CODE >date]`,
  `[CODE date-date]` (dates YYYYMMDD or YYMMDD, limits inclusive); `[CODE]` alone on an
  indented line is a default.
- `.agents`: `PHRASE {plural} [~GOV]` lines (`~` before the code: the agent follows the
  country code; after it, `NGO~`: it precedes), `!MARKER! = A, B` substitution sets.
- Comments: `#` and `;` to the end of the line, `<!-- ... -->` (also over several lines).

What each record becomes is explained in docs/actors.md. The functions here read files and
return text; writing the output is the command line's job.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tacitus.errors import LexiconError
from tacitus.lexicon.actors import SECTORS, Country

__all__ = [
    "Conversion",
    "KINDS",
    "convert_files",
    "read_actors",
    "read_agents",
    "render",
]

KINDS = ("auto", "people", "organisations")
# Two-digit years (YYMMDD) below this are 20xx, the others 19xx ("450703" is 1945,
# "070723" 2007), as in PETRARCH's own dictionaries.
CENTURY_PIVOT = 30
# CAMEO role codes tacitus has no sector of its own for, and the sector that stands in.
CAMEO_SECTORS = {"NGM": "NGO", "MNC": "BUS", "INS": "REB", "SEP": "REB", "HRI": "NGO"}
_STATELESS = ("IGO", "NGO")
_CODE = re.compile(r"\[([^\]}]*)[\]}]")
_RESTRICTION = re.compile(r"^(\S+)(?:\s+(<|>)?\s*(\d{6}|\d{8})(?:\s*-\s*(\d{6}|\d{8}))?)?$")
_MARKER_DEF = re.compile(r"^(![A-Z0-9_]+!)\s*=\s*(.+)$")
_PLURAL = re.compile(r"\{([^}]*)\}")

PEOPLE_FILE = "people.jsonl"
ORGANISATIONS_FILE = "organisations.tsv"
ROLES_FILE = "roles.tsv"
COUNTRIES_FILE = "countries.tsv"
_ORG_HEADER = "code\tname\taliases\tcountry\tsector\tfrom\tto\twikidata"
_COUNTRY_HEADER = "iso3\tname\taliases\tdemonyms\tcapital\tseats\twikidata"


@dataclass(slots=True)
class Conversion:
    """What a set of PETRARCH files converted to, plus what had to be left out and why."""

    people: list[dict[str, object]] = field(default_factory=list)
    organisations: list[list[str]] = field(default_factory=list)
    roles: list[tuple[str, str]] = field(default_factory=list)
    countries: dict[str, list[str]] = field(default_factory=dict)  # iso3 -> aliases
    skipped: list[str] = field(default_factory=list)

    def extend(self, other: Conversion) -> None:
        """Add another file's conversion to this one."""
        self.people.extend(other.people)
        self.organisations.extend(other.organisations)
        self.roles.extend(other.roles)
        for iso3, aliases in other.countries.items():
            bucket = self.countries.setdefault(iso3, [])
            bucket.extend(a for a in aliases if a not in bucket)
        self.skipped.extend(other.skipped)


@dataclass(slots=True)
class _Code:
    country: str
    sector: str
    code: str
    start: str = ""
    end: str = ""  # exclusive, as in tacitus files
    end_inclusive: str = ""


@dataclass(slots=True)
class _Record:
    line: int
    name: str
    aliases: list[str] = field(default_factory=list)
    default: str = ""
    restrictions: list[tuple[int, str]] = field(default_factory=list)


def _strip_comments(lines: Iterable[str]) -> list[str]:
    """Lines without `#`/`;` comments and `<!-- -->` blocks (line numbers kept)."""
    out: list[str] = []
    in_block = False
    for line in lines:
        text = line.rstrip("\n")
        kept = ""
        while text:
            if in_block:
                end = text.find("-->")
                if end < 0:
                    text = ""
                else:
                    text, in_block = text[end + 3 :], False
                continue
            start = text.find("<!--")
            if start < 0:
                kept += text
                text = ""
            else:
                kept += text[:start]
                text, in_block = text[start + 4 :], True
        for mark in ("#", ";"):
            cut = kept.find(mark)
            if cut >= 0:
                kept = kept[:cut]
        out.append(kept.rstrip())
    return out


def _phrase(text: str) -> str:
    """A PETRARCH phrase as text: underscores are spaces, the trailing `_` dropped."""
    return " ".join(text.replace("_", " ").split())


def _title(text: str) -> str:
    return " ".join(w.capitalize() if w.isupper() or w.islower() else w for w in text.split())


def _date(value: str, where: str) -> str:
    if len(value) == 6:
        year = int(value[:2])
        value = f"{2000 + year if year < CENTURY_PIVOT else 1900 + year}{value[2:]}"
    try:
        return dt.date(int(value[:4]), int(value[4:6]), int(value[6:8])).isoformat()
    except ValueError as err:
        raise LexiconError(f"{where}: {value!r} is not a date (YYYYMMDD or YYMMDD)") from err


def _next_day(day: str) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()


def _split_code(code: str, countries: Mapping[str, Country]) -> tuple[str, str, str] | None:
    """(country, sector, tacitus code) of a CAMEO actor code, or None if not codable here.

    The country is the first three letters when they are an ISO code tacitus knows; the
    sector the first following three-letter role tacitus has (GOVFRM -> GOV); IGO/NGO
    codes keep their first organisation group (IGOUNOKBZ -> IGOUNO)."""
    code = code.strip().upper()
    if not re.fullmatch(r"[A-Z]{3,}", code) or len(code) % 3:
        return None
    head, rest = code[:3], [code[i : i + 3] for i in range(3, len(code), 3)]
    if head in _STATELESS:
        return ("", head, head + (rest[0] if rest else ""))
    if head not in countries:
        return None
    for part in rest:
        sector = CAMEO_SECTORS.get(part, part)
        if sector in SECTORS:
            return (head, sector, head + sector)
    return (head, "", head)


def _records(lines: list[str], where: str) -> list[_Record]:
    records: list[_Record] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        here = f"{where}:{number}"
        stripped = line.strip()
        if line[0].isspace() or stripped.startswith("["):
            if not records:
                raise LexiconError(f"{here}: a date restriction before any actor")
            match = _CODE.fullmatch(stripped)
            if match is None:
                raise LexiconError(f"{here}: expected [CODE <date], [CODE >date] or [CODE a-b]")
            records[-1].restrictions.append((number, match.group(1).strip()))
            continue
        if stripped.startswith("+"):
            if not records:
                raise LexiconError(f"{here}: a synonym (+NAME) before any actor")
            alias = _phrase(_CODE.sub("", stripped[1:]))
            if alias:
                records[-1].aliases.append(_title(alias))
            continue
        codes = _CODE.findall(stripped)
        name = _phrase(_CODE.sub("", stripped))
        if not name or "[" in name or "]" in name:
            raise LexiconError(f"{here}: expected an actor phrase, e.g. BARACK_OBAMA_ [USAGOV]")
        records.append(_Record(number, _title(name), default=codes[0].strip() if codes else ""))
    return records


def _restriction(
    text: str, where: str, countries: Mapping[str, Country]
) -> tuple[_Code | None, str]:
    """One restriction as a code with dates (None and a reason when it cannot be used)."""
    match = _RESTRICTION.match(text)
    if match is None:
        raise LexiconError(f"{where}: cannot read the restriction [{text}]")
    code, sign, first, second = match.groups()
    split = _split_code(code, countries)
    if split is None:
        return None, f"{where}: code {code} names no country tacitus knows"
    coded = _Code(*split)
    if first and second:
        coded.start = _date(first, where)
        coded.end_inclusive = _date(second, where)
    elif first and sign == ">":
        coded.start = _date(first, where)
    elif first and sign == "<":
        coded.end_inclusive = _date(first, where)
    elif first:
        raise LexiconError(f"{where}: a single date needs < or >, as in [{code} >{first}]")
    return coded, ""


def _close(codes: list[_Code]) -> None:
    """Inclusive ends to tacitus's exclusive ones; on a handover day ("...-20170120" then
    ">20170120") the new role wins."""
    starts = {c.start for c in codes if c.start}
    for coded in codes:
        if coded.end_inclusive:
            day = coded.end_inclusive
            coded.end = day if day in starts else _next_day(day)


def read_actors(path: Path, *, countries: Mapping[str, Country], kind: str = "auto") -> Conversion:
    """Convert one `.actors` file.

    Entries coded with a bare country become aliases of that country; entries with an ELI
    code, or dated codes and no default, become people with dated roles (kind "auto"), other
    entries organisation rows; `kind` "people"/"organisations" forces one of the two.
    """
    if kind not in KINDS:
        raise LexiconError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    where = str(path)
    out = Conversion()
    for record in _records(_read(path), where):
        here = f"{where}:{record.line}"
        dated: list[_Code] = []
        default: _Code | None = None
        for number, text in record.restrictions:
            coded, reason = _restriction(text, f"{where}:{number}", countries)
            if coded is None:
                out.skipped.append(reason)
            elif coded.start or coded.end_inclusive:
                dated.append(coded)
            else:
                default = coded
        if record.default:
            coded, reason = _restriction(record.default, here, countries)
            if coded is None:
                out.skipped.append(reason)
            elif default is None:
                default = coded
        _close(dated)
        codes = [*dated, *([default] if default else [])]
        if not codes:
            if not record.default and not record.restrictions:
                out.skipped.append(f"{here}: {record.name} has no code")
            continue
        if all(not c.sector and c.country for c in codes) and len({c.country for c in codes}) == 1:
            bucket = out.countries.setdefault(codes[0].country, [])
            for alias in [record.name, *record.aliases]:
                if alias not in bucket:
                    bucket.append(alias)
            continue
        # Only people fall back to ELI; a dated entry whose default is another code is an
        # organisation that changed status (a rebel group in power for a while).
        person = any(c.sector == "ELI" for c in codes) or (bool(dated) and default is None)
        if kind == "people" or (kind == "auto" and person):
            _person(record, codes, here, out)
        else:
            _organisation(record, codes, here, out)
    return out


def _person(record: _Record, codes: list[_Code], where: str, out: Conversion) -> None:
    roles: list[dict[str, object]] = []
    for coded in codes:
        if not coded.country or not coded.sector:
            out.skipped.append(f"{where}: {record.name}: {coded.code} has no country and sector")
            continue
        role: dict[str, object] = {"country": coded.country, "sector": coded.sector}
        if coded.start:
            role["from"] = coded.start
        role["to"] = coded.end or None
        roles.append(role)
    if roles:
        out.people.append({"name": record.name, "aliases": record.aliases, "roles": roles})


def _organisation(record: _Record, codes: list[_Code], where: str, out: Conversion) -> None:
    for coded in codes:
        if not coded.sector:
            out.skipped.append(f"{where}: {record.name}: {coded.code} has no sector")
            continue
        out.organisations.append(
            [
                coded.code,
                record.name,
                "|".join(record.aliases),
                coded.country,
                coded.sector,
                coded.start,
                coded.end,
                "",
            ]
        )


def _agent_sector(code: str) -> str:
    """The sector of an agent code: `~GOVFRM` -> GOV, `NGO~` -> NGO, `~NGM` -> NGO."""
    parts = code.replace("~", "").strip().upper()
    for i in range(0, len(parts) - 2, 3):
        group = parts[i : i + 3]
        sector = CAMEO_SECTORS.get(group, group)
        if sector in SECTORS:
            return sector
    return ""


def read_agents(path: Path) -> Conversion:
    """Convert one `.agents` file into role rows (lower-case term -> sector)."""
    where = str(path)
    out = Conversion()
    markers: dict[str, list[str]] = {}
    seen: set[str] = set()
    for number, line in enumerate(_read(path), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        here = f"{where}:{number}"
        definition = _MARKER_DEF.match(stripped)
        if definition is not None:
            values = [v.strip() for v in definition.group(2).split(",") if v.strip()]
            markers[definition.group(1)] = values
            continue
        codes = _CODE.findall(stripped)
        if len(codes) != 1 or "~" not in codes[0]:
            raise LexiconError(f"{here}: expected PHRASE {{plural}} [~CODE], e.g. ARMY [~MIL]")
        sector = _agent_sector(codes[0])
        if not sector:
            out.skipped.append(f"{here}: agent code {codes[0].strip()} has no tacitus sector")
            continue
        body = _CODE.sub("", stripped)
        plurals = [_phrase(p) for p in _PLURAL.findall(body) if p.strip()]
        phrase = _phrase(_PLURAL.sub("", body))
        if not phrase:
            raise LexiconError(f"{here}: an agent needs a phrase before its code")
        terms = [phrase, *plurals]
        for marker, values in markers.items():
            terms = [t.replace(marker, v) if marker in t else t for t in terms for v in values]
        for term in terms:
            if "!" in term:
                raise LexiconError(f"{here}: substitution marker in {term!r} is not defined")
            key = term.lower()
            if key not in seen:
                seen.add(key)
                out.roles.append((key, sector))
    return out


def _read(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        text = path.read_text(encoding="latin-1")  # older dictionaries are Latin-1
    except OSError as err:
        raise LexiconError(f"{path}: cannot read ({err.strerror})") from err
    return _strip_comments(text.splitlines())


def convert_files(
    paths: Sequence[Path], *, countries: Mapping[str, Country], kind: str = "auto"
) -> Conversion:
    """Convert `.actors` and `.agents` files (chosen by their suffix) into one Conversion."""
    out = Conversion()
    for path in paths:
        suffix = path.suffix.lower()
        if suffix == ".actors":
            out.extend(read_actors(path, countries=countries, kind=kind))
        elif suffix == ".agents":
            out.extend(read_agents(path))
        else:
            raise LexiconError(f"{path}: PETRARCH dictionaries end in .actors or .agents")
    return out


def render(conversion: Conversion, *, countries: Mapping[str, Country]) -> dict[str, str]:
    """The tacitus files of a conversion: file name -> content (only non-empty files)."""
    banner = "# converted from PETRARCH dictionaries by `tacitus dict import-petrarch`"
    files: dict[str, str] = {}
    if conversion.people:
        lines = [banner, *(json.dumps(p, ensure_ascii=False) for p in conversion.people)]
        files[PEOPLE_FILE] = "\n".join(lines) + "\n"
    if conversion.organisations:
        rows = ["\t".join(r) for r in conversion.organisations]
        files[ORGANISATIONS_FILE] = "\n".join([banner, _ORG_HEADER, *rows]) + "\n"
    if conversion.roles:
        rows = [f"{term}\t{sector}" for term, sector in conversion.roles]
        files[ROLES_FILE] = "\n".join([banner, "term\tsector", *rows]) + "\n"
    if conversion.countries:
        rows = []
        for iso3, aliases in conversion.countries.items():
            known = countries.get(iso3)
            name = known.name if known else aliases[0]
            rest = [a for a in aliases if a.lower() != name.lower()]
            wikidata = known.wikidata if known else ""
            rows.append("\t".join([iso3, name, "|".join(rest), "", "", "", wikidata]))
        files[COUNTRIES_FILE] = "\n".join([banner, _COUNTRY_HEADER, *rows]) + "\n"
    return files
