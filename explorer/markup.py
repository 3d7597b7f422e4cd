"""Escaped output: names marked in evidence, mentions linked in documents, user text safe in Markdown."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence

from explorer.services.documents import MentionSpan

#: ASCII punctuation Streamlit's Markdown gives a meaning (emphasis, links, maths, directives, lists).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")


def markdown_text(text: str) -> str:
    """`text` for a Streamlit Markdown element (title, caption, alert), shown exactly as written."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def name_spans(text: str, names: Iterable[str]) -> list[tuple[int, int]]:
    """Non-overlapping occurrences of any of `names` in `text`, longer names first where they overlap."""
    taken: list[tuple[int, int]] = []
    for name in sorted({n for n in names if n}, key=len, reverse=True):
        start = text.find(name)
        while start != -1:
            end = start + len(name)
            if all(end <= s or start >= e for s, e in taken):
                taken.append((start, end))
            start = text.find(name, start + 1)
    return sorted(taken)


def highlight(text: str, names: Iterable[str]) -> str:
    """`text` as HTML with every occurrence of `names` wrapped in <mark>."""
    return mark(text, name_spans(text, names))


def mark(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """`text` as HTML with each (non-overlapping, half-open) span wrapped in <mark>."""
    return _wrap(text, [(s, e, "<mark>", "</mark>") for s, e in spans])


def annotate(text: str, spans: Sequence[MentionSpan], link: Callable[[MentionSpan], tuple[str, str, str]]) -> str:
    """`text` as HTML with each (non-overlapping) span linked; `link` gives (href, css class, tooltip)."""
    pieces = []
    for span in spans:
        href, css, tooltip = link(span)
        pieces.append((span.start, span.end,
                       f'<a class="{css}" href="{html.escape(href)}" target="_self" title="{html.escape(tooltip)}">',
                       "</a>"))
    return _wrap(text, pieces)


def _wrap(text: str, pieces: Sequence[tuple[int, int, str, str]]) -> str:
    out = []
    position = 0
    for start, end, before, after in sorted(pieces):
        if start < position or end > len(text):
            continue
        out.append(html.escape(text[position:start]))
        out.append(before + html.escape(text[start:end]) + after)
        position = end
    out.append(html.escape(text[position:]))
    return "".join(out).replace("\n", "<br>")
