"""tacitus: news articles in, coded political events (CAMEO / PLOVER) out.

Example:
    import tacitus
    for event in tacitus.code("Russia expelled two British diplomats on Monday.",
                              date="2024-03-06"):
        print(event.cameo, event.actor[0].code, event.recipient[0].code, event.date)
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING  # noqa: E402

from tacitus.types import Actor, Article, Event, Place  # noqa: E402

if TYPE_CHECKING:
    from tacitus.pipeline import Coder
    from tacitus.store import open_store

__all__ = ["Actor", "Article", "Coder", "Event", "Place", "__version__", "code", "open_store"]


def code(text: str, *, date: str = "", include_all: bool = False) -> list[Event]:
    """Code one text published on `date` (YYYY-MM-DD) and return its events.

    The spaCy pipeline and the lexicons are loaded once per process and reused.
    """
    return _coder(include_all).code_text(text, date=date)


_CODERS: dict[bool, object] = {}


def _coder(include_all: bool) -> Coder:
    from tacitus.pipeline import Coder

    coder = _CODERS.get(include_all)
    if not isinstance(coder, Coder):
        coder = Coder(include_all=include_all)
        _CODERS[include_all] = coder
    return coder


def __getattr__(name: str) -> object:
    if name == "open_store":
        from tacitus.store import open_store

        return open_store
    if name == "Coder":
        from tacitus.pipeline import Coder

        return Coder
    raise AttributeError(name)
