"""Which names of the learned span tagger join the rules' names.

The rules and the gazetteer give canonical entities, so they win wherever they found a name; the tagger
adds what they missed. It tags only the clauses where a name ending (…中心, …公司) ends no name the
rules found (`windows`), and a proposal is kept when it is likely enough (`THRESHOLD`, tuned on
`tests/gold/real/dev`), starts and ends on a name character, is not a bare class word (重点实验室,
省级重点实验室) and overlaps no rule's name except by containing it whole (an outer name the rules missed).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection, Iterable, Sequence
from typing import NamedTuple

from ingest.extract import forms
from ingest.extract.boundary import GLUED_PREPOSITIONS
from ingest.extract.tagger import TaggedSpan
from jig.core.schema import KINDS, Label

#: How far before a name ending the tagger looks for the start of the name (longer names are rare).
REACH = 24
#: How far after it the tagger sees, so that a suffix inside a longer phrase (基地建设) is seen as such.
AHEAD = 8
#: The least marginal probability of a learned name's tags.
THRESHOLD = 0.9
#: A name neither starts nor ends with these: punctuation and the function words around names.
_EDGE = "，,、。；;：:（）()《》“”\"'‘’ 　的和与及等"
_NAME_CHARACTER = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_CLAUSE_END = re.compile(r"[，,；;：:。！？!?]")
_MODIFIERS_LONGEST_FIRST = sorted(forms.GENERIC_MODIFIERS, key=lambda m: (-len(m), m))


class LearnedName(NamedTuple):
    """A kept proposal: sentence-local ``[start, end)``, its label and kind."""

    start: int
    end: int
    label: Label
    kind: str


class Window(NamedTuple):
    """A stretch ``[start, end)`` of a sentence for the tagger; `cut` when it starts inside its clause."""

    start: int
    end: int
    cut: bool


def windows(view: str, name_ends: Iterable[int]) -> list[Window]:
    """Where the tagger looks: for each of `name_ends`, the stretch of its clause (between ，；：。 and the
    like) that ends there and reaches back at most `REACH` characters; overlapping stretches merge."""
    bounds = [0, *(m.end() for m in _CLAUSE_END.finditer(view)), len(view)]
    merged: list[Window] = []
    for end in sorted(set(name_ends)):
        at = bisect_left(bounds, end)
        start = max(bounds[at - 1], end - REACH)
        stop = min(bounds[at], end + AHEAD)
        if merged and start < merged[-1].end:
            merged[-1] = merged[-1]._replace(end=max(stop, merged[-1].end))
        else:
            merged.append(Window(start, stop, start > bounds[at - 1]))
    return merged


def new_names(proposals: Iterable[TaggedSpan], rule_spans: Sequence[tuple[int, int]], view: str,
              cut_starts: Collection[int] = ()) -> list[LearnedName]:
    """The proposals that add a name to the rules' `rule_spans` in the sentence `view`; one starting
    where a window was cut (`cut_starts`) may be the tail of a longer name and is dropped."""
    kept = []
    for span in (_without_preposition(p, view) for p in proposals):
        text = view[span.start:span.end]
        if (span.probability < THRESHOLD or span.start in cut_starts or text.strip(_EDGE) != text
                or not _NAME_CHARACTER.search(text) or is_class_word(text)):
            continue
        if all(_contains(span, start, end) or not _overlaps(span, start, end) for start, end in rule_spans):
            kept.append(LearnedName(span.start, span.end, span.label, kind_of(span.label, text)))
    return kept


def _without_preposition(span: TaggedSpan, view: str) -> TaggedSpan:
    """A proposal starting on a preposition jieba glued to the name (由|市经开科技有限公司) starts after it."""
    first = view[span.start:span.start + 2]
    if span.end - span.start > 2 and first[0] in GLUED_PREPOSITIONS and first not in forms.word_tags():
        return TaggedSpan(span.start + 1, span.end, span.label, span.probability)
    return span


def kind_of(label: Label, text: str) -> str:
    """The kind of a learned name: that of the longest name form it ends with when the labels agree,
    else the label's catch-all kind ("Other") or its first."""
    endings = sorted((m.group() for m in forms.suffix_pattern().finditer(text) if m.end() == len(text)),
                     key=len, reverse=True)
    form = forms.form_of(endings[0]) if endings else None
    if form is not None and form.label is label:
        return form.kind
    return "Other" if "Other" in KINDS[label] else KINDS[label][0]


def is_class_word(text: str) -> bool:
    """A name ending alone, or after generic modifiers only (重点实验室, 省级重点实验室, 国家级高新区)."""
    rest = text
    while (modifier := next((m for m in _MODIFIERS_LONGEST_FIRST if rest.startswith(m) and len(m) < len(rest)),
                            None)) is not None:
        rest = rest[len(modifier):]
    return any(f.suffix == rest for f in forms.FORMS)


def _contains(span: TaggedSpan, start: int, end: int) -> bool:
    """Whether the proposal holds the rule's name and more."""
    return span.start <= start and end <= span.end and end - start < span.end - span.start


def _overlaps(span: TaggedSpan, start: int, end: int) -> bool:
    return span.start < end and start < span.end
