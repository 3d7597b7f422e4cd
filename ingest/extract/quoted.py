"""Programmes named in quotes: “长白山人才工程” (the quote is the name), “双十”工程 and “一主六双”高质量发展战略
(quote + a programme ending), a project's title (重点研发项目“…”, “…”项目) and a name ending in a target year
(“吉林制造2025”).

Works on one sentence's tokens with sentence-local offsets, like `ingest.extract.forms`.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import NamedTuple

from ingest.extract import boundary, forms
from jig.core.records import SentenceTokens

#: A quoted stretch: “…” or "…".
QUOTE = re.compile(r"“([^“”]{1,40})”|\"([^\"]{1,40})\"")
_TAIL = re.compile(r"[\u4e00-\u9fff]{0,10}?(?:" + "|".join(forms.PROGRAM_SUFFIXES) + ")")
#: A quote or tail holding these is a list or a phrase, not one name.
_BREAKS = frozenset("和与及等的、，,")
#: A quoted title named as a project: 重点研发项目“…”, “…”项目.
_PROJECT_WORDS = ("项目", "课题")
#: A quoted name ending in a target year is a programme or strategy: “吉林制造2025”.
_YEAR_NAMED = re.compile(r"[\u4e00-\u9fff]{2,}20\d\d")


class QuotedName(NamedTuple):
    """A programme ``[start, end)``, its kind, and where its ending starts (the quote's end for “双十”工程)."""

    start: int
    end: int
    kind: str
    suffix_start: int


def programmes(sv: SentenceTokens, curated: Collection[tuple[int, int]] = ()) -> list[QuotedName]:
    """The programmes named in quotes in a sentence; a quote whose inside is a `curated` span (a curated
    programme: “一带一路”建设 is 一带一路) is left to it."""
    view = sv.view
    found = []
    for match in QUOTE.finditer(view):
        inner_start, inner_end = match.span(1) if match.group(1) is not None else match.span(2)
        inner = view[inner_start:inner_end].strip()
        if _BREAKS.intersection(inner) or (inner_start, inner_end) in curated:
            continue
        if any(inner.endswith(s) and len(inner) > len(s) for s in forms.PROGRAM_SUFFIXES):
            found.append(QuotedName(inner_start, inner_end, "Program", inner_end))
            continue
        project = (view[:match.start()].rstrip().endswith(_PROJECT_WORDS)
                   or view[match.end():].lstrip().startswith(_PROJECT_WORDS))
        if (project and len(inner) >= 6) or _YEAR_NAMED.fullmatch(inner):
            found.append(QuotedName(inner_start, inner_end, "Project" if project else "Policy", inner_end))
            continue
        tail = _TAIL.match(view, match.end())
        if tail and not _BREAKS.intersection(tail.group()) and boundary.closed_at(sv, tail.end()):
            found.append(QuotedName(match.start(), tail.end(), "Program", match.end()))
    return found
