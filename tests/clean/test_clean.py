from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tacitus.clean import clean


def test_quotes_and_spaces_are_normalised() -> None:
    raw = "\u201cThe plane  has\u00a0taken off,\u201d the embassy\u2019s statement said."
    cleaned = clean(raw)
    assert cleaned.text == '"The plane has taken off," the embassy\'s statement said.'


def test_repeated_caption_line_is_dropped_and_offsets_survive() -> None:
    caption = "The minister arrives in the capital for talks (Photo: Wire)"
    raw = f"Headline here\n\n{caption}\n{caption}\n\nTroops \u2018withdrew\u2019 on Monday."
    cleaned = clean(raw)
    assert cleaned.dropped_lines == 1
    assert cleaned.text.count(caption) == 1
    start = cleaned.text.index("withdrew")
    s, e = cleaned.original_span(start, start + len("withdrew"))
    assert raw[s:e] == "withdrew"


def test_short_repeated_lines_are_kept() -> None:
    cleaned = clean("Yes.\nYes.\n")
    assert cleaned.text == "Yes.\nYes."
    assert cleaned.dropped_lines == 0


def test_blocks_are_the_non_empty_lines() -> None:
    cleaned = clean("  first line  \n\n\n second\tline ")
    assert [cleaned.text[s:e] for s, e in cleaned.blocks] == ["first line", "second line"]


@given(st.text(max_size=300))
def test_every_clean_character_maps_into_the_original(raw: str) -> None:
    cleaned = clean(raw)
    assert len(cleaned.offsets) == len(cleaned.text)
    assert all(0 <= o < max(len(raw), 1) for o in cleaned.offsets)
    assert list(cleaned.offsets) == sorted(cleaned.offsets)
