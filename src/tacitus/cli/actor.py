"""`tacitus actor`: resolve actor phrases to country + sector codes and print them as JSON."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Annotated, Any, TextIO

import typer

from tacitus.errors import TacitusError
from tacitus.ingest import parse_date
from tacitus.settings import load_settings
from tacitus.types import Actor

__all__ = ["actor", "actor_record"]

_FIELDS = ("text", "name", "country", "sector", "code", "wikidata")


def actor_record(actor: Actor, *, record_id: Any = None, with_id: bool = False) -> dict[str, Any]:
    """The JSON object printed for one phrase: every field present, empty when unknown;
    with `with_id`, the input line's `id` first (null when the line had none)."""
    out: dict[str, Any] = {"id": record_id} if with_id else {}
    for key in _FIELDS:
        out[key] = getattr(actor, key)
    out["confidence"] = round(actor.confidence, 2)
    return out


def _dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": "))


def _lines(path: str) -> Iterator[tuple[int, str]]:
    stream: TextIO = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
    try:
        yield from enumerate(stream, start=1)
    finally:
        if stream is not sys.stdin:
            stream.close()


def _request(line: str) -> tuple[Any, str, str, str]:
    """(id, text, date, context) of one input line; ValueError saying what is wrong."""
    try:
        row = json.loads(line)
    except json.JSONDecodeError as err:
        raise ValueError(f"not JSON ({err.msg})") from err
    if not isinstance(row, dict):
        raise ValueError('expected an object {"id", "text", "date", "context"}')
    unknown = sorted(set(row) - {"id", "text", "date", "context"})
    if unknown:
        raise ValueError(f"unknown keys {unknown}; allowed: id, text, date, context")
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("'text' must be a non-empty string")
    day = row.get("date") or ""
    context = row.get("context") or ""
    if not isinstance(day, str) or not isinstance(context, str):
        raise ValueError("'date' and 'context' must be strings")
    if day:
        try:
            day = parse_date(day)
        except TacitusError as err:
            raise ValueError(err.message) from err
    return row.get("id"), text, day, context


def actor(
    text: Annotated[
        str, typer.Argument(help="The actor phrase, e.g. 'Peruvian riot police'.")
    ] = "",
    date: Annotated[
        str, typer.Option("--date", help="Day of the mention, YYYY-MM-DD (decides offices).")
    ] = "",
    context: Annotated[
        str,
        typer.Option("--context", help="Text around the phrase; a country it names fills in."),
    ] = "",
    jsonl: Annotated[
        str,
        typer.Option("--jsonl", help='File (or -) of lines {"id", "text", "date", "context"}.'),
    ] = "",
    actors: Annotated[
        list[str] | None, typer.Option("--actors", help="Extra actor dictionary file.")
    ] = None,
    config: Annotated[
        str,
        typer.Option("--config", help="Settings file (TOML); default: $TACITUS_CONFIG."),
    ] = "",
) -> None:
    """Resolve actor phrases to country + sector codes, as `tacitus code` resolves them.

    Prints one JSON object per phrase: text, name, country, sector, code, wikidata,
    confidence (and the input's id with --jsonl). A phrase nothing of which is recognised
    prints with empty codes and confidence 0.0. With --jsonl, bad lines are named on stderr,
    the others still resolved, and the exit status is then 1.

    Example: tacitus actor "President Donald Trump" --date 2017-01-01
    """

    def fail(message: str) -> None:
        typer.echo(f"tacitus: {message}", err=True)
        raise typer.Exit(2)

    if bool(text) == bool(jsonl):
        fail("give either a phrase or --jsonl FILE (not both)")
    try:
        settings = load_settings(config or None)
        if date:
            date = parse_date(date)
        from tacitus.lexicon.actors import load_actor_lexicon
        from tacitus.nlp import load_pipeline
        from tacitus.resolve.actors import resolve_phrase

        lexicon = load_actor_lexicon((*settings.lexicon.actors, *(actors or ())))
        nlp = load_pipeline()
    except TacitusError as exc:
        fail(str(exc))
        return
    if text:
        found = resolve_phrase(text, date=date, context=context, lexicon=lexicon, nlp=nlp)
        sys.stdout.write(_dumps(actor_record(found)) + "\n")
        return
    bad = 0
    try:
        for number, line in _lines(jsonl):
            if not line.strip():
                continue
            try:
                record_id, phrase, day, around = _request(line)
            except ValueError as exc:
                bad += 1
                typer.echo(f"tacitus: {jsonl}:{number}: {exc}", err=True)
                continue
            found = resolve_phrase(phrase, date=day, context=around, lexicon=lexicon, nlp=nlp)
            sys.stdout.write(_dumps(actor_record(found, record_id=record_id, with_id=True)) + "\n")
            sys.stdout.flush()
    except OSError as exc:
        fail(f"cannot read {jsonl} ({exc.strerror or exc})")
    except UnicodeDecodeError as exc:
        fail(f"{jsonl} is not UTF-8 text ({exc.reason})")
    if bad:
        typer.echo(f"tacitus: {bad} bad line{'' if bad == 1 else 's'} in {jsonl}", err=True)
        raise typer.Exit(1)
