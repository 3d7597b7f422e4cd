"""Places the gazetteer does not hold: districts named with their city, and places jieba's dictionary knows.

Works on one sentence's tokens with sentence-local offsets, like `ingest.extract.forms`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from ingest.extract import boundary, forms
from jig.core.records import SentenceTokens

#: A district or county named right after its city (长春市绿园区).
_DISTRICT = re.compile(r"[\u4e00-\u9fff]{1,3}?[区县]")
#: The next item of a list of districts: 、宽城区, 和九台区.
_NEXT_DISTRICT = re.compile(r"(?:、|和|及|与)([\u4e00-\u9fff]{1,3}?[区县])")
#: Endings of a place name that jieba's dictionary knows (敦化市, 抚松县, 山东省, 朝阳区, 东北地区, 美国)
#: and the kind of Region each names, with the least length of the word.
_PLACE_ENDS = re.compile(r"地区|三角洲|[市县旗省区国]")
_PLACE_KINDS: dict[str, tuple[str, int]] = {"省": ("Province", 3), "国": ("Country", 2), "地区": ("Other", 4),
                                            "三角洲": ("Other", 5)}
_LONGEST_PLACE = 12


class Place(NamedTuple):
    """A place at ``[start, end)`` of a sentence's view and its Region kind."""

    start: int
    end: int
    kind: str


class District(NamedTuple):
    """A district or county ``[city_end, end)`` named right after the city ending at `city_end` (or, in a
    list of districts, on its own: then `city_end` is where it starts)."""

    city_end: int
    end: int
    kind: str


def districts(sv: SentenceTokens, city_ends: Sequence[int]) -> list[District]:
    """Districts and counties named with their city (长春市绿园区, 吉林市船营区): city + a short name + 区/县
    that is a word of its own and not a zone (长春市高新区) or a class word (市区, 城区)."""
    found = []
    for city_end in city_ends:
        if sv.starts_at(city_end):
            match = _DISTRICT.match(sv.view, city_end)
            if match and sv.ends_at(match.end()) and boundary.is_district(sv, city_end, match.end()):
                found.append(District(city_end, match.end(), "County"))
                found.extend(_listed_after(sv, match.end()))
    return found


def _listed_after(sv: SentenceTokens, end: int) -> list[District]:
    """The districts listed after one named with its city (长春市朝阳区、宽城区、二道区和九台区), each named
    without the city: `city_end` is its own start."""
    found = []
    while (item := _NEXT_DISTRICT.match(sv.view, end)) is not None:
        start = item.start(1)
        if not (sv.starts_at(start) and sv.ends_at(item.end()) and boundary.is_district(sv, start, item.end())):
            break
        found.append(District(start, item.end(), "County"))
        end = item.end()
    return found


def dictionary_places(sv: SentenceTokens, taken: Sequence[tuple[int, int]]) -> list[Place]:
    """Places outside the `taken` spans: one jieba word that jieba's dictionary tags as a place, ending in a
    place ending (`_PLACE_ENDS`: 敦化市, 抚松县, 山东省, 朝阳区, 东北地区, 美国; not 城市, 超市, 该县, 全国),
    of three or more characters (two for a country); and the districts listed after such a district."""
    found = []
    known = place_words()
    for match in _PLACE_ENDS.finditer(sv.view):
        end = match.end()
        kind, least = _PLACE_KINDS.get(match.group(), ("County", 3))
        if not any(sv.view[end - size:end] in known for size in range(least, min(end, _LONGEST_PLACE) + 1)):
            continue  # no place word ends here: no need to cut the text
        token = sv.ending_at(end)
        if (token is not None and len(token.word) >= least and token.word in known
                and token.word not in forms.COMMON_PLACES
                and not any(start < token.end and token.start < stop for start, stop in taken)):
            found.append(Place(token.start, token.end, kind))
            if kind == "County" and token.word[-1] in "区县":
                found.extend(Place(d.city_end, d.end, d.kind) for d in _listed_after(sv, token.end))
    return found


@cache
def place_words() -> frozenset[str]:
    """The words jieba's dictionary tags as places (ns)."""
    return frozenset(word for word, tag in forms.word_tags().items() if tag == "ns")
