"""Which language an article is in: py3langid (offline, model shipped in the wheel)."""

from __future__ import annotations

from functools import cache
from typing import Any

__all__ = ["identify", "language_problem"]

# The start of an article decides; more text costs time and tells nothing new.
_SAMPLE_CHARS = 10_000


@cache
def _identifier() -> Any:
    # Loading the model takes ~0.7 s: only when the first long enough text needs it.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str, float]:
    """(ISO 639 code, probability) of the language of `text`."""
    lang, prob = _identifier().classify(text[:_SAMPLE_CHARS])
    return str(lang), float(prob)


def language_problem(
    text: str, *, languages: tuple[str, ...], min_chars: int, min_confidence: float
) -> str:
    """Why `text` is not in one of `languages` ("" when it is, or when it cannot be told)."""
    if not languages or len(text) < min_chars:
        return ""
    lang, prob = identify(text)
    if lang in languages or prob < min_confidence:
        return ""
    wanted = ", ".join(languages)
    return (
        f"not in {wanted} (identified as {lang!r}, p={prob:.2f}); skipped. "
        "tacitus codes English text; set ingest.languages to change this"
    )
