"""CAMEO and PLOVER: the event ontology tables and a thin, cached loader.

The table (``data/cameo.tsv``) holds one row per CAMEO 1.1b3 event code: the project's own
short label, GDELT's Goldstein value for that exact code, and the PLOVER event type, mode and
contexts the code maps to. How each column was derived, and every place where tacitus departs
from the 2021 CAMEO-to-PLOVER table, is documented in ``docs/ontology.md``.

The packaged table is read and schema-checked once, on first use; a malformed row raises
:class:`~tacitus.errors.LexiconError` naming the file and line.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from tacitus.errors import LexiconError, UnknownCodeError

__all__ = [
    "NO_EVENT",
    "PLOVER_CONTEXTS",
    "PLOVER_EVENTS",
    "PLOVER_MODES",
    "TABLE_PATH",
    "TABLE_VERSION",
    "CodeInfo",
    "CodeTable",
    "all_codes",
    "is_coded",
    "is_statement",
    "lookup",
    "normalise",
    "quad_of",
    "read_table",
    "root_of",
]

TABLE_VERSION = "cameo-1.1b3+plover-2021/tacitus-1"
"""Version of the packaged table; recorded with every event (``cite_info.codebook``)."""

TABLE_PATH = Path(__file__).parent / "data" / "cameo.tsv"
"""The packaged CAMEO/PLOVER table."""

NO_EVENT = "NONE"
"""``event`` value of CAMEO codes that have no PLOVER event (PLOVER dropped plain comments)."""

PLOVER_MODES: Mapping[str, frozenset[str]] = MappingProxyType({
    "AGREE": frozenset(),
    "CONSULT": frozenset({"visit", "third-party", "multilateral", "phone"}),
    "SUPPORT": frozenset(),
    "CONCEDE": frozenset(),
    "COOPERATE": frozenset(),
    "AID": frozenset(),
    "RETREAT": frozenset({"withdraw", "release", "disarm", "ceasefire", "access", "resign"}),
    "REQUEST": frozenset({"assist", "change", "yield", "meet"}),
    "ACCUSE": frozenset({"disapprove", "investigate", "allege"}),
    "REJECT": frozenset({"assist", "change", "yield", "meet"}),
    "THREATEN": frozenset({"restrict", "arrest", "relations", "expel", "territory", "violence"}),
    "PROTEST": frozenset({"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"}),
    "SANCTION": frozenset({"convict", "expel", "withdraw", "discontinue"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police", "militia"}),
    "COERCE": frozenset(
        {
            "seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport",
            "withhold", "misinformation", "cyber",
        }
    ),
    "ASSAULT": frozenset(
        {
            "abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive",
            "firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons",
            "crowd-control", "unconventional",
        }
    ),
})  # fmt: skip
"""The modes each PLOVER event type allows (PLOVER manual, 2021)."""

PLOVER_EVENTS: frozenset[str] = frozenset(PLOVER_MODES)
"""The 16 PLOVER event types."""

PLOVER_CONTEXTS: frozenset[str] = frozenset(
    {
        "military", "intelligence", "executive", "legislative", "election",
        "political_institutions", "pro_democracy", "pro_autocracy", "economic", "legal",
        "reparations", "human_rights", "rights_freedoms", "repression", "human_security",
        "gender", "lgbt", "religion_ethnicity", "inequality", "diplomatic", "territory",
        "peacekeeping", "health", "asylum", "migration", "disasters", "natural_resource",
        "environment", "technology", "terrorism", "cbrn", "cyber", "misinformation", "crime",
        "corruption", "illegal_drugs", "trafficking",
    }
)  # fmt: skip
"""The PLOVER general contexts (PLOVER manual, 2021)."""

_COLUMNS = ("code", "label", "goldstein", "event", "mode", "context")
_CODE_RE = re.compile(r"[0-9]{2,4}")
_VERSION_RE = re.compile(r"#\s*version:\s*(\S+)\s*$")
# Roots of the statement categories: comments, appeals, intents, consultations and
# diplomatic cooperation (quad 1), and demands, disapproval, rejections, threats (quad 3).
_STATEMENT_ROOTS = frozenset({"01", "02", "03", "04", "05", "10", "11", "12", "13"})
# Plain statements and comments, which the coding conventions leave uncoded (root 01 is
# the same as its "not otherwise specified" code 010).
_UNCODED = frozenset({"01", "010", "011", "012", "013", "014", "017", "018", "019"})


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """One CAMEO code with its label, scale values and PLOVER equivalent.

    ``quad`` is derived from ``root`` (1 = 01-05, 2 = 06-08, 3 = 09-13, 4 = 14-20);
    ``event`` is :data:`NO_EVENT` when PLOVER has no equivalent; ``mode`` may be empty.
    """

    code: str
    label: str
    root: str
    quad: int
    goldstein: float
    event: str
    mode: str
    context: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CodeTable:
    """A parsed table: its version (from the ``# version:`` comment, else "") and rows."""

    version: str
    codes: tuple[CodeInfo, ...]


def _quad_of_root(root: str) -> int:
    number = int(root)
    if 1 <= number <= 5:
        return 1
    if number <= 8:
        return 2
    if number <= 13:
        return 3
    return 4


def _parse_row(fields: list[str], where: str) -> CodeInfo:
    if len(fields) != len(_COLUMNS):
        raise LexiconError(
            f"{where}: expected {len(_COLUMNS)} tab-separated fields, got "
            f"{len(fields)}. Fix the row or its tabs."
        )
    code, label, goldstein_text, event, mode, context_text = (f.strip() for f in fields)
    if not _CODE_RE.fullmatch(code) or not 1 <= int(code[:2]) <= 20:
        raise LexiconError(f"{where}: {code!r} is not a CAMEO code (2-4 digits, root 01-20).")
    if not label:
        raise LexiconError(f"{where}: code {code} has an empty label.")
    try:
        goldstein = float(goldstein_text)
    except ValueError:
        raise LexiconError(
            f"{where}: goldstein {goldstein_text!r} of code {code} is not a number."
        ) from None
    if not math.isfinite(goldstein) or not -10.0 <= goldstein <= 10.0:
        raise LexiconError(f"{where}: goldstein {goldstein} of code {code} is outside [-10, 10].")
    context = tuple(context_text.split("|")) if context_text else ()
    if event == NO_EVENT:
        if mode or context:
            raise LexiconError(
                f"{where}: code {code} has event {NO_EVENT} but a mode or "
                f"context; leave both empty."
            )
    elif event not in PLOVER_EVENTS:
        raise LexiconError(
            f"{where}: {event!r} is not a PLOVER event type (use one of "
            f"{', '.join(sorted(PLOVER_EVENTS))} or {NO_EVENT})."
        )
    elif mode and mode not in PLOVER_MODES[event]:
        allowed = ", ".join(sorted(PLOVER_MODES[event])) or "none"
        raise LexiconError(f"{where}: {mode!r} is not a mode of {event} (allowed: {allowed}).")
    for item in context:
        if item not in PLOVER_CONTEXTS:
            raise LexiconError(f"{where}: {item!r} is not a PLOVER context.")
    root = code[:2]
    return CodeInfo(
        code=code,
        label=label,
        root=root,
        quad=_quad_of_root(root),
        goldstein=goldstein,
        event=event,
        mode=mode,
        context=context,
    )


def read_table(path: Path | str) -> CodeTable:
    """Read and schema-check a CAMEO/PLOVER table file.

    The file is UTF-8, tab-separated, with optional ``#`` comment lines at the top (one of
    them may be ``# version: <version>``), then the header ``code label goldstein event mode
    context``, then one row per code. Every 3-digit code needs its root and every 4-digit
    code its 3-digit parent in the same file.

    Raises:
        LexiconError: the file cannot be read or a line breaks the schema; the message
            names the file and the line.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise LexiconError(f"{path}: cannot read the ontology table ({err}).") from err
    version = ""
    header_seen = False
    rows: dict[str, CodeInfo] = {}
    for number, line in enumerate(lines, start=1):
        where = f"{path}, line {number}"
        if not header_seen:
            if line.startswith("#"):
                match = _VERSION_RE.match(line)
                if match:
                    version = match.group(1)
                continue
            if tuple(f.strip() for f in line.split("\t")) != _COLUMNS:
                raise LexiconError(
                    f"{where}: expected the tab-separated header {' '.join(_COLUMNS)!r}."
                )
            header_seen = True
            continue
        if not line.strip():
            continue
        info = _parse_row(line.split("\t"), where)
        if info.code in rows:
            raise LexiconError(f"{where}: code {info.code} appears twice.")
        parent = info.code[:-1] if len(info.code) == 4 else info.code[:2]
        if len(info.code) > 2 and parent not in rows:
            raise LexiconError(
                f"{where}: code {info.code} comes before (or without) its parent {parent}."
            )
        rows[info.code] = info
    if not header_seen:
        raise LexiconError(f"{path}: no header line; the table is empty.")
    return CodeTable(version=version, codes=tuple(rows.values()))


@functools.cache
def _index() -> dict[str, CodeInfo]:
    table = read_table(TABLE_PATH)
    if table.version != TABLE_VERSION:
        raise LexiconError(
            f"{TABLE_PATH}: version {table.version!r} does not match "
            f"TABLE_VERSION {TABLE_VERSION!r}; reinstall tacitus."
        )
    index = {info.code: info for info in table.codes}
    missing = [f"{n:02d}" for n in range(1, 21) if f"{n:02d}" not in index]
    if missing:
        raise LexiconError(f"{TABLE_PATH}: roots {', '.join(missing)} are missing.")
    return index


def lookup(code: str) -> CodeInfo:
    """Return the table row of a CAMEO code (surrounding whitespace ignored).

    The code is taken as given: ``lookup("130")`` is the row of 130, not of its root 13
    (their Goldstein values differ); call :func:`normalise` first to merge the two.

    Raises:
        UnknownCodeError: the code is not in the table.
    """
    key = code.strip()
    info = _index().get(key)
    if info is None:
        raise UnknownCodeError(
            f"{code!r} is not a CAMEO 1.1b3 event code; use a 2-, 3- or "
            f"4-digit code such as '17', '174' or '0211'."
        )
    return info


def normalise(code: str) -> str:
    """Return the canonical form of a CAMEO code.

    A "not otherwise specified" code (010, 020, ... 200) becomes its 2-digit root, which it
    is the same as; every other code is returned unchanged; whitespace is stripped.

    Raises:
        UnknownCodeError: the code is not in the table.
    """
    info = lookup(code)
    if len(info.code) == 3 and info.code.endswith("0"):
        return info.root
    return info.code


def quad_of(code: str) -> int:
    """Return the quad class of a code: 1 = roots 01-05, 2 = 06-08, 3 = 09-13, 4 = 14-20.

    Raises:
        UnknownCodeError: the code is not in the table.
    """
    return lookup(code).quad


def root_of(code: str) -> str:
    """Return the 2-digit root (cue category) of a code, e.g. ``"17"`` for ``"174"``.

    Raises:
        UnknownCodeError: the code is not in the table.
    """
    return lookup(code).root


def all_codes() -> tuple[CodeInfo, ...]:
    """Return every row of the packaged table, in table order (roots before children)."""
    return tuple(_index().values())


def is_statement(code: str) -> bool:
    """Tell whether a code is a statement category (roots 01-05 and 10-13).

    Statements (appeals, intents, demands, accusations, refusals, threats ...) are events in
    themselves: the default output keeps them alongside asserted acts.

    Raises:
        UnknownCodeError: the code is not in the table.
    """
    return lookup(code).root in _STATEMENT_ROOTS


def is_coded(code: str) -> bool:
    """Tell whether events with this code are coded at all.

    False for plain statements and comments (01/010-014, 017-019), which the coding
    conventions do not code; True for every other code, including 015 and 016.

    Raises:
        UnknownCodeError: the code is not in the table.
    """
    return lookup(code).code not in _UNCODED
