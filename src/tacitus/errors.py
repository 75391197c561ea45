"""Exception classes of tacitus, each with a stable code and a message that says what to do."""

from __future__ import annotations


class TacitusError(Exception):
    """Base class: every error tacitus raises on purpose carries a code (E001 ...)."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class InputError(TacitusError):
    """An input could not be read as an article (unreadable, binary, empty, malformed)."""

    code = "E001"


class DateError(TacitusError):
    """A date given by the user is not an ISO date (YYYY-MM-DD)."""

    code = "E002"


class ModelError(TacitusError):
    """The spaCy English pipeline is missing or cannot be loaded."""

    code = "E003"


class LexiconError(TacitusError):
    """A lexicon or dictionary data file does not follow its schema."""

    code = "E010"


class UnknownCodeError(TacitusError):
    """A CAMEO code is not in the project's CAMEO table."""

    code = "E011"


class SettingsError(TacitusError):
    """A settings file or value is invalid (unknown key, wrong type, out of range)."""

    code = "E004"


class FetchError(InputError):
    """A URL given as input could not be downloaded (refused, timed out, too large, HTTP error)."""

    code = "E005"


class StoreError(TacitusError):
    """A store cannot be opened, read or written (missing, locked, not DuckDB, too new)."""

    code = "E020"


class QueryError(TacitusError):
    """A query filter or an export/stats option is not valid."""

    code = "E021"
