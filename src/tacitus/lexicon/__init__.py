"""Event patterns and word classes: versioned data files, schema-checked on load.

The packaged files live in `tacitus/lexicon/data/`; users add their own pattern files on top
(`load_event_lexicon(extra=[...])`), which are checked against the same schema.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from tacitus.errors import LexiconError

__all__ = [
    "DATA_DIR",
    "EventLexicon",
    "Pattern",
    "Grammar",
    "load_event_lexicon",
    "load_grammar",
    "parse_patterns",
]

DATA_DIR = Path(str(resources.files("tacitus.lexicon") / "data"))

_PATTERN_KEYS = {
    "id",
    "verb",
    "noun",
    "code",
    "obj",
    "prep",
    "prep_obj",
    "xcomp",
    "mod",
    "recipient",
    "actor",
    "note",
}
_SLOTS = {
    "dobj",
    "dative",
    "nsubjpass",
    "of",
    "poss",
    "compound",
    "none",
    "prep_obj",
    "xcomp",
}
_DEFAULT_VERB_RECIPIENT = ("dobj", "dative")
_DEFAULT_NOUN_RECIPIENT = ("prep:against", "prep:on", "of")
_DEFAULT_NOUN_ACTOR = ("poss", "prep:by")


@dataclass(frozen=True, slots=True)
class Pattern:
    """One trigger with its argument constraints, mapped to a CAMEO code."""

    id: str
    kind: str  # "verb" | "noun"
    lemma: str
    particle: str
    code: str
    obj: frozenset[str] | None = None
    obj_none: bool = False
    prep: str = ""
    prep_obj: frozenset[str] | None = None
    xcomp: frozenset[str] | None = None
    mod: frozenset[str] | None = None  # a modifier the trigger must have ("hunger" strike)
    recipient: tuple[str, ...] = ()
    actor: tuple[str, ...] = ()
    source: str = ""  # file the pattern came from

    @property
    def specificity(self) -> int:
        """How many constraints the pattern has: more constrained patterns win."""
        return sum(
            (
                self.obj is not None or self.obj_none,
                bool(self.prep),
                self.prep_obj is not None,
                self.xcomp is not None,
                self.mod is not None,
                bool(self.particle),
            )
        )


@dataclass(frozen=True, slots=True)
class EventLexicon:
    """All event patterns indexed by trigger lemma, and the word classes they use."""

    version: str
    verbs: dict[str, tuple[Pattern, ...]]
    nouns: dict[str, tuple[Pattern, ...]]
    classes: dict[str, frozenset[str]]
    files: tuple[str, ...] = field(default=())

    def in_class(self, name: str, lemma: str) -> bool:
        """True if `lemma` belongs to the word class `name`."""
        return lemma in self.classes.get(name, frozenset())


@dataclass(frozen=True, slots=True)
class Grammar:
    """The engine's own word lists (modality governors, speech verbs, ...)."""

    version: str
    classes: dict[str, frozenset[str]]

    def has(self, name: str, word: str) -> bool:
        """True if `word` (lower case) is in the engine word list `name`."""
        return word in self.classes[name]


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise LexiconError(f"{path}: cannot read as JSON ({err}); fix the file") from err


def _read_classes(path: Path) -> tuple[str, dict[str, frozenset[str]]]:
    data = _read_json(path)
    if not isinstance(data, dict) or not isinstance(data.get("classes"), dict):
        raise LexiconError(f"{path}: expected an object with a 'classes' mapping")
    classes: dict[str, frozenset[str]] = {}
    for name, words in data["classes"].items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise LexiconError(f"{path}: class {name!r} must be a list of strings")
        classes[str(name)] = frozenset(w.lower() for w in words)
    return str(data.get("version", "")), classes


def _word_set(
    value: Any, key: str, where: str, classes: dict[str, frozenset[str]]
) -> frozenset[str]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise LexiconError(f"{where}: '{key}' must be a non-empty list of words or @CLASSES")
    words: set[str] = set()
    for item in value:
        if item.startswith("@"):
            if item[1:] not in classes:
                raise LexiconError(f"{where}: '{key}' names unknown word class {item}")
            words |= classes[item[1:]]
        else:
            words.add(item.lower())
    return frozenset(words)


def _slots(value: Any, key: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(f"{where}: '{key}' must be a list of slot names")
    for slot in value:
        if slot not in _SLOTS and not slot.startswith("prep:"):
            raise LexiconError(
                f"{where}: unknown slot {slot!r} in '{key}'; use one of "
                f"{sorted(_SLOTS)} or prep:<preposition>"
            )
    return tuple(value)


def parse_patterns(
    lines: Iterable[str], *, source: str, classes: dict[str, frozenset[str]], valid_code: Any
) -> list[Pattern]:
    """Parse JSON Lines of patterns (blank and `#` lines skipped), checking the schema."""
    patterns: list[Pattern] = []
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        where = f"{source}:{number}"
        try:
            row = json.loads(text)
        except json.JSONDecodeError as err:
            raise LexiconError(f"{where}: invalid JSON ({err.msg})") from err
        if not isinstance(row, dict):
            raise LexiconError(f"{where}: a pattern must be a JSON object")
        unknown = set(row) - _PATTERN_KEYS
        if unknown:
            raise LexiconError(f"{where}: unknown keys {sorted(unknown)}")
        if not isinstance(row.get("id"), str) or not row["id"]:
            raise LexiconError(f"{where}: every pattern needs an 'id'")
        if ("verb" in row) == ("noun" in row):
            raise LexiconError(f"{where}: give exactly one of 'verb' or 'noun'")
        kind = "verb" if "verb" in row else "noun"
        trigger = row[kind]
        if not isinstance(trigger, str) or not trigger.strip():
            raise LexiconError(f"{where}: '{kind}' must be a non-empty string")
        words = trigger.lower().split()
        if len(words) > 2:
            raise LexiconError(f"{where}: a trigger is one lemma, optionally with a particle")
        code = row.get("code")
        if not isinstance(code, str) or not valid_code(code):
            raise LexiconError(f"{where}: 'code' {code!r} is not a CAMEO code")
        obj = row.get("obj")
        obj_none = obj == ["-"]
        prep = row.get("prep", "")
        if not isinstance(prep, str):
            raise LexiconError(f"{where}: 'prep' must be a string")
        default_recipient = _DEFAULT_VERB_RECIPIENT if kind == "verb" else _DEFAULT_NOUN_RECIPIENT
        patterns.append(
            Pattern(
                id=row["id"],
                kind=kind,
                lemma=words[0],
                particle=words[1] if len(words) == 2 else "",
                code=code,
                obj=None if obj is None or obj_none else _word_set(obj, "obj", where, classes),
                obj_none=obj_none,
                prep=prep.lower(),
                prep_obj=(
                    _word_set(row["prep_obj"], "prep_obj", where, classes)
                    if "prep_obj" in row
                    else None
                ),
                xcomp=_word_set(row["xcomp"], "xcomp", where, classes) if "xcomp" in row else None,
                mod=_word_set(row["mod"], "mod", where, classes) if "mod" in row else None,
                recipient=(
                    _slots(row["recipient"], "recipient", where)
                    if "recipient" in row
                    else default_recipient
                ),
                actor=(
                    _slots(row["actor"], "actor", where)
                    if "actor" in row
                    else (_DEFAULT_NOUN_ACTOR if kind == "noun" else ())
                ),
                source=source,
            )
        )
    return patterns


def _index(patterns: Sequence[Pattern], kind: str) -> dict[str, tuple[Pattern, ...]]:
    index: dict[str, list[Pattern]] = {}
    for pattern in patterns:
        if pattern.kind == kind:
            index.setdefault(pattern.lemma, []).append(pattern)
    return {
        lemma: tuple(sorted(items, key=lambda p: -p.specificity)) for lemma, items in index.items()
    }


@functools.cache
def load_grammar() -> Grammar:
    """The engine's word lists from the packaged grammar.json."""
    version, classes = _read_classes(DATA_DIR / "grammar.json")
    return Grammar(version, classes)


@functools.cache
def load_event_lexicon(extra: tuple[str, ...] = ()) -> EventLexicon:
    """Load the packaged event patterns plus the user's pattern files in `extra`."""
    from tacitus.errors import UnknownCodeError
    from tacitus.ontology import lookup

    def valid_code(code: str) -> bool:
        try:
            lookup(code)
        except UnknownCodeError:
            return False
        return True

    version, classes = _read_classes(DATA_DIR / "classes.json")
    files = [DATA_DIR / "events.jsonl", *(Path(p) for p in extra)]
    patterns: list[Pattern] = []
    seen: dict[str, str] = {}
    for path in files:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as err:
            raise LexiconError(f"{path}: cannot read pattern file ({err.strerror})") from err
        for pattern in parse_patterns(
            lines, source=path.name, classes=classes, valid_code=valid_code
        ):
            if pattern.id in seen:
                raise LexiconError(
                    f"{path.name}: pattern id {pattern.id!r} already defined in {seen[pattern.id]}"
                )
            seen[pattern.id] = path.name
            patterns.append(pattern)
    return EventLexicon(
        version=version or "events",
        verbs=_index(patterns, "verb"),
        nouns=_index(patterns, "noun"),
        classes=classes,
        files=tuple(p.name for p in files),
    )
