"""One validated settings object: packaged defaults, a user TOML file on top.

Each stage owns one section: a frozen dataclass whose fields are its settings, each declared
with `setting()` (packaged default, one line of help, bounds). A user file names sections as
TOML tables and overrides only what it names:

    [ingest]
    max_input_bytes = 33_554_432
    languages = ["en"]

The file is given by `--config` or the `TACITUS_CONFIG` environment variable. Unknown
sections or keys, wrong types and out-of-range values raise SettingsError naming the file and
the key. To give another stage settings, declare a `Section` subclass and add it as a field of
`Settings`; loading, checking and the docs table need nothing else.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, ClassVar, get_args, get_origin, get_type_hints

from tacitus.errors import SettingsError

__all__ = [
    "CONFIG_ENV",
    "IngestSettings",
    "LexiconSettings",
    "Section",
    "Settings",
    "describe",
    "load_settings",
    "setting",
    "settings_from_mapping",
]

CONFIG_ENV = "TACITUS_CONFIG"
_MIB = 1024 * 1024


def setting(
    default: Any,
    *,
    doc: str,
    minimum: float | None = None,
    maximum: float | None = None,
    pattern: str | None = None,
) -> Any:
    """Declare one setting: its packaged default, one line of help and its allowed range.

    `pattern` (a regular expression) constrains strings and each string of a tuple.
    """
    return field(
        default=default,
        metadata={"doc": doc, "minimum": minimum, "maximum": maximum, "pattern": pattern},
    )


class Section:
    """Base of a settings section: every value is checked against its type and bounds."""

    __slots__ = ()
    name: ClassVar[str] = ""

    def __post_init__(self) -> None:
        hints = get_type_hints(type(self))
        for item in fields(self):  # type: ignore[arg-type]  # subclasses are dataclasses
            _check_value(
                f"{self.name}.{item.name}",
                hints[item.name],
                getattr(self, item.name),
                item.metadata,
            )


@dataclass(frozen=True, slots=True)
class IngestSettings(Section):
    """Limits and choices of the ingest stage (reading inputs into articles)."""

    name: ClassVar[str] = "ingest"

    max_input_bytes: int = setting(
        16 * _MIB,
        minimum=1,
        doc="Largest input read whole: a .txt, .html or feed file, a downloaded URL, stdin.",
    )
    max_row_bytes: int = setting(
        8 * _MIB,
        minimum=1,
        doc="Largest JSONL line or CSV record (one article, HTML included).",
    )
    max_record_bytes: int = setting(
        16 * _MIB,
        minimum=1,
        doc="Largest WARC record payload (one captured page); WARC files are streamed.",
    )
    max_article_chars: int = setting(
        500_000,
        minimum=1,
        doc="Longest article text, in characters, after HTML extraction.",
    )
    max_line_chars: int = setting(
        100_000,
        minimum=1,
        maximum=1_000_000,
        doc="Longest line of article text; each line is parsed as one spaCy document.",
    )
    max_html_depth: int = setting(
        200,
        minimum=8,
        maximum=255,
        doc="Deepest HTML element nesting; libxml2 drops content below 256 levels.",
    )
    languages: tuple[str, ...] = setting(
        ("en",),
        pattern=r"[a-z]{2,3}",
        doc="Languages (ISO 639 codes) to code; others are rejected. [] turns the check off.",
    )
    language_min_chars: int = setting(
        100,
        minimum=0,
        doc="Texts shorter than this are not language-checked (too short to tell).",
    )
    language_min_confidence: float = setting(
        0.9,
        minimum=0.0,
        maximum=1.0,
        doc="An article is rejected for its language only when the identifier is this sure.",
    )
    fetch_timeout: float = setting(
        10.0,
        minimum=0.01,
        doc="Seconds to wait for a connection or for the next bytes of a download.",
    )
    fetch_max_seconds: float = setting(
        60.0,
        minimum=0.01,
        doc="Most seconds one download (redirects included) may take in all.",
    )
    fetch_max_redirects: int = setting(
        5,
        minimum=0,
        maximum=10,
        doc="Most HTTP redirects followed for one URL (to http and https URLs only).",
    )


@dataclass(frozen=True, slots=True)
class LexiconSettings(Section):
    """User dictionaries loaded on top of the packaged lexicons."""

    name: ClassVar[str] = "lexicon"

    actors: tuple[str, ...] = setting(
        (),
        pattern=r".*\S.*",
        doc="Extra actor dictionary files (see docs/actors.md), loaded before any --actors.",
    )


@dataclass(frozen=True, slots=True)
class Settings:
    """All settings of tacitus, one section per stage."""

    ingest: IngestSettings = field(default_factory=IngestSettings)
    lexicon: LexiconSettings = field(default_factory=LexiconSettings)


def settings_from_mapping(data: Mapping[str, Any], *, source: str = "settings") -> Settings:
    """Packaged defaults overridden by `data` ({section: {key: value}}), checked."""
    sections = get_type_hints(Settings)
    unknown = sorted(set(data) - set(sections))
    if unknown:
        raise SettingsError(
            f"{source}: unknown section [{unknown[0]}]; known sections: "
            + ", ".join(f"[{name}]" for name in sections)
        )
    chosen: dict[str, Section] = {}
    for name, table in data.items():
        if not isinstance(table, Mapping):
            raise SettingsError(
                f"{source}: '{name}' must be a table: write [{name}] and its settings under it"
            )
        chosen[name] = _section(sections[name], name, table, source)
    return Settings(**chosen)  # type: ignore[arg-type]  # keys checked against the fields


def load_settings(
    path: str | Path | None = None, *, environ: Mapping[str, str] | None = None
) -> Settings:
    """The settings in force: packaged defaults, then the file `path`, else `$TACITUS_CONFIG`."""
    env = os.environ if environ is None else environ
    chosen = str(path or "") or env.get(CONFIG_ENV, "")
    if not chosen:
        return Settings()
    file = Path(chosen)
    try:
        raw = file.read_bytes()
    except OSError as err:
        raise SettingsError(
            f"cannot read settings file {file} ({err.strerror or err}); "
            f"check the path given by --config or ${CONFIG_ENV}"
        ) from err
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise SettingsError(f"{file} is not a UTF-8 TOML file: {err}") from err
    return settings_from_mapping(data, source=str(file))


def describe(settings: Settings | None = None) -> Iterator[tuple[str, Any, str]]:
    """Every setting as (section.key, value, help), in declaration order (for docs, --help)."""
    current = settings or Settings()
    for section_field in fields(current):
        section = getattr(current, section_field.name)
        for item in fields(section):
            yield (
                f"{section_field.name}.{item.name}",
                getattr(section, item.name),
                item.metadata["doc"],
            )


def _section(cls: Any, name: str, table: Mapping[str, Any], source: str) -> Section:
    hints = get_type_hints(cls)
    known = [item.name for item in fields(cls)]
    unknown = sorted(set(table) - set(known))
    if unknown:
        raise SettingsError(
            f"{source}: unknown setting {name}.{unknown[0]}; "
            f"the [{name}] settings are: {', '.join(known)}"
        )
    values = {key: _coerce(hints[key], value) for key, value in table.items()}
    try:
        section: Section = cls(**values)
    except SettingsError as err:
        raise SettingsError(f"{source}: {err.message}") from err
    return section


def _coerce(hint: Any, value: Any) -> Any:
    # TOML has arrays, not tuples, and writes 10 where 10.0 is meant.
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if get_origin(hint) is tuple and isinstance(value, list):
        return tuple(value)
    return value


def _check_value(key: str, hint: Any, value: Any, meta: Mapping[str, Any]) -> None:
    if get_origin(hint) is tuple:
        (item_type, _) = get_args(hint)
        ok = isinstance(value, tuple) and all(isinstance(v, item_type) for v in value)
        items = value if ok else ()
        kind = f"a list of {item_type.__name__}"
    elif hint is float:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        items, kind = (), "a number"
    elif hint is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
        items, kind = (), "an integer"
    else:
        ok = isinstance(value, hint)
        items, kind = ((value,) if ok and hint is str else ()), f"a {hint.__name__}"
    if not ok:
        raise SettingsError(f"setting {key} must be {kind}, got {value!r}")
    low, high, pattern = meta.get("minimum"), meta.get("maximum"), meta.get("pattern")
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if number and ((low is not None and value < low) or (high is not None and value > high)):
        bounds = f"at least {low}" if high is None else f"between {low} and {high}"
        raise SettingsError(f"setting {key} must be {bounds}, got {value!r}")
    for item in items:
        if pattern and not re.fullmatch(pattern, item):
            raise SettingsError(f"setting {key}: {item!r} does not match {pattern}")
