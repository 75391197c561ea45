"""tacitus as a spaCy pipeline component: `nlp.add_pipe("tacitus")` sets `doc._.events`.

spaCy finds the factory through the `spacy_factories` entry point, which imports this module
(the factory is declared here, and only here); the `Doc._.events` extension is registered
when a component is made, never on import.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from tacitus.types import Event

__all__ = ["TacitusComponent", "make_component", "register_extensions"]


def register_extensions() -> None:
    """Register `Doc._.events` (a list of tacitus Events) if it is not registered yet."""
    from spacy.tokens import Doc

    if not Doc.has_extension("events"):
        Doc.set_extension("events", default=None)


class TacitusComponent:
    """Codes the events of a parsed Doc; needs a parser and lemmas earlier in the pipeline."""

    def __init__(self, nlp: Any, name: str, *, published: str, include_all: bool) -> None:
        from tacitus.pipeline import Coder

        register_extensions()
        self.name = name
        self.published = published
        self.coder = Coder(nlp=nlp, include_all=include_all)

    def __call__(self, doc: Any) -> Any:
        events: list[Event] = self.coder.code_doc(doc, published=self.published)
        doc._.events = events
        return doc


@Language.factory("tacitus", default_config={"published": "", "include_all": False})
def make_component(
    nlp: Any, name: str, published: str = "", include_all: bool = False
) -> TacitusComponent:
    """spaCy factory of the "tacitus" component (registered with spaCy's factory registry)."""
    return TacitusComponent(nlp, name, published=published, include_all=include_all)
