"""Cleaning before parsing: unicode, quote and whitespace normalisation, repeated lines dropped.

Every character of the cleaned text remembers the offset of the character of the original
text it came from, so evidence offsets can point into the text the user gave.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["CleanText", "Dateline", "clean", "split_dateline"]

# Characters replaced one for one (or by a short string) before parsing.
_REPLACE: dict[str, str] = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u02bc": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": " - ",
    "\u2015": " - ",
    "\u2212": "-",
    "\u2026": "...",
    "\u00a0": " ",
    "\u2007": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\t": " ",
    "\u3000": " ",
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\ufeff": "",
    "\u00ad": "",
    "\r": "",
}

# A line repeated verbatim is dropped only when it is long enough to be a caption or a
# paragraph, not a short separator or a one-word line.
_MIN_DUPLICATE_CHARS = 25


@dataclass(frozen=True, slots=True)
class CleanText:
    """Normalised text, the original offset of each of its characters, and its paragraphs."""

    text: str
    offsets: tuple[int, ...]
    blocks: tuple[tuple[int, int], ...]  # (start, end) in `text` of each kept paragraph
    dropped_lines: int

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the cleaned text to a span of the original text."""
        if not self.offsets:
            return (0, 0)
        start = min(max(start, 0), len(self.offsets) - 1)
        last = min(max(end - 1, start), len(self.offsets) - 1)
        return (self.offsets[start], self.offsets[last] + 1)


def _normalise_char(char: str) -> str:
    if char in _REPLACE:
        return _REPLACE[char]
    if unicodedata.category(char) in ("Cc", "Cf") and char != "\n":
        return ""
    # Compatibility forms (ligatures, full-width letters) become their plain letters; accents
    # stay, names like "Erdoğan" must survive.
    return unicodedata.normalize("NFKC", char)


def clean(raw: str) -> CleanText:
    """Normalise `raw` line by line; drop repeated lines and collapse whitespace."""
    out_chars: list[str] = []
    offsets: list[int] = []
    blocks: list[tuple[int, int]] = []
    seen: set[str] = set()
    dropped = 0
    pos = 0
    for line in raw.split("\n"):
        line_start = pos
        pos += len(line) + 1
        chars: list[str] = []
        line_offsets: list[int] = []
        for i, char in enumerate(line):
            for piece in _normalise_char(char):
                if piece.isspace():
                    if not chars or chars[-1] == " ":
                        continue
                    piece = " "
                chars.append(piece)
                line_offsets.append(line_start + i)
        while chars and chars[-1] == " ":
            chars.pop()
            line_offsets.pop()
        if not chars:
            continue
        key = "".join(chars).casefold()
        if len(key) >= _MIN_DUPLICATE_CHARS and key in seen:
            dropped += 1
            continue
        seen.add(key)
        if out_chars:
            # Paragraph separator: maps to the newline that ended the previous kept line.
            out_chars.append("\n")
            offsets.append(offsets[-1] + 1)
        start = len(out_chars)
        out_chars.extend(chars)
        offsets.extend(line_offsets)
        blocks.append((start, len(out_chars)))
    return CleanText("".join(out_chars), tuple(offsets), tuple(blocks), dropped)


# "MOSCOW, Jan 1 (Reuters) -", "ANDIJAN, Uzbekistan, 14 May 2005 -", "BEIRUT -", "AFP -":
# a place in capitals, optional comma parts (country, date), optional agency, then a dash.
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'.\- ]{1,40}?[A-Z.])"
    r"(?P<rest>(?:,\s*[^,()\n]{1,30}){0,3}?)"
    r"\s*(?:\((?P<agency>[^)\n]{1,40})\))?"
    r"\s*(?:-{1,2}|\u2014|\u2013)\s+"
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """The dateline opening a story: place, the parts after it (country, date), the agency."""

    place: str
    parts: tuple[str, ...]
    agency: str
    text: str


def split_dateline(cleaned: CleanText) -> tuple[CleanText, Dateline | None]:
    """Take the dateline off the first paragraphs that has one (headline excepted), so that
    it is not parsed as part of the first sentence ("PORT MORESBY ... arrived" has no subject
    "MORESBY"). The offsets of the rest are unchanged."""
    for index, (start, end) in enumerate(cleaned.blocks[:3]):
        match = _DATELINE.match(cleaned.text[start:end])
        if not match or match.end() >= end - start:
            continue
        place = match.group("place").strip()
        if len(place.replace(" ", "")) < 2:
            continue
        parts = tuple(p.strip() for p in match.group("rest").split(",") if p.strip())
        dateline = Dateline(place, parts, (match.group("agency") or "").strip(), match.group(0))
        blocks = list(cleaned.blocks)
        blocks[index] = (start + match.end(), end)
        return CleanText(cleaned.text, cleaned.offsets, tuple(blocks), cleaned.dropped_lines), (
            dateline
        )
    return cleaned, None
