"""A table row as one line of text, so that a table of names or targets reads as sentences."""

from __future__ import annotations

from collections.abc import Iterable

CELL_SEPARATOR = "，"
#: A cell ending in one of these needs no separator after it.
_PUNCTUATION = "。，；：！？、,;:!?"


def row_text(cells: Iterable[str]) -> str:
    """The row's non-blank cells in order, stripped and joined by a comma (none after a cell ending in punctuation)."""
    text = ""
    for cell in (cell.strip() for cell in cells):
        if cell:
            text += (CELL_SEPARATOR if text and text[-1] not in _PUNCTUATION else "") + cell
    return text
