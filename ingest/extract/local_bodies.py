"""Government bodies written without their place (市政府, 市委, 县科技局, 省科协), and party committees
written short after their place (长春市委).

Policy and news texts name the local government by its level alone once the place is clear
(长春市召开…会议，市委、市政府高度重视). Such a body is a name only together with that place: the nearest
place of its level mentioned before it in the document (a city for 市/州, a county for 县, a province for
省, else 吉林省, the province of the corpus). Here the bare bodies of one sentence are found; the
extractor binds them to their place in document order (`implied_name`) and drops those it cannot.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ingest.extract import forms
from ingest.extract.boundary import GLUED_PREPOSITIONS
from jig.core.records import SentenceTokens

#: The level character of a bare body → the kind of Region that gives its place.
LEVEL_KINDS: dict[str, str] = {"市": "City", "州": "City", "县": "County", "省": "Province"}
#: The province a bare 省 body belongs to when no province is named before it.
HOME_PROVINCE = "吉林省"
#: Endings of a body after its level character: the government suffixes of the name forms, the party
#: committee (市委, never 市委员会 …) and the association for science and technology (省科协).
_ENDINGS = sorted({f.suffix for f in forms.FORMS if f.kind == "Government"} | {"委", "科协"}, key=len, reverse=True)
_BARE = re.compile("([市州县省])(?:" + "|".join(map(re.escape, _ENDINGS)) + ")(?!员)")


class BareBody(NamedTuple):
    """A body at sentence-local ``[start, end)`` whose place is implied; `level` is 市, 州, 县 or 省."""

    start: int
    end: int
    level: str
    kind: str


def bare_bodies(sv: SentenceTokens) -> list[BareBody]:
    """Bodies starting with their level character as a word of its own (市委, 市政府; not 城市政府, 全市政府),
    or glued by jieba to a preposition before it (由省|科协)."""
    found = []
    for match in _BARE.finditer(sv.view):
        if _starts_word(sv, match.start()) and sv.ends_at(match.end()):
            kind = "Other" if match.group().endswith("科协") else "Government"
            found.append(BareBody(match.start(), match.end(), match.group(1), kind))
    return found


def _starts_word(sv: SentenceTokens, start: int) -> bool:
    if sv.starts_at(start):
        return True
    token = sv.covering(start)
    return (token is not None and token[1] == start - 1 and token[2] == start + 1
            and sv.view[start - 1] in GLUED_PREPOSITIONS)


def is_committee_after(view: str, place_end: int) -> bool:
    """Whether the party committee of a place follows it: 长春市|委 (not 长春市委员会, named by its form)."""
    return view.startswith("委", place_end) and not view.startswith("委员", place_end)


def implied_name(place: str, body: str) -> str:
    """The full name of `body` (市政府) at `place` (长春市): 长春市政府; the place's own level
    character stands for the body's (延边朝鲜族自治州 + 州委 → 延边朝鲜族自治州委)."""
    return place + body[1:]
