"""Where a name found by its form starts: the left boundary over jieba tokens, and whether the head
is a name (`HeadRule`) rather than a class of things (省级重点实验室, 一批工程研究中心).

Everything here works on one sentence's `view` with sentence-local offsets.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ingest.extract.forms import (
    BRAND_TAGS,
    CLASS_WORDS,
    COMMON_PLACES,
    DESCRIPTIVE_ENDINGS,
    GENERIC_MODIFIERS,
    JOINERS,
    LEADING_MODIFIERS,
    LINKERS,
    NAME_TIME_WORDS,
    NAME_VERBS,
    NOT_DISTRICTS,
    PLACE_WORDS,
    STOP_TAGS,
    STOP_WORDS,
    HeadRule,
    Span,
    word_tags,
)
from jig.core.records import SentenceTokens
from jig.core.schema import Label

_MAX_NAME = 40
_MAX_PAREN = 8
_CJK = re.compile(r"[\u4e00-\u9fff]")


_INSIDE_NAMES = NAME_VERBS | NAME_TIME_WORDS | JOINERS | PLACE_WORDS
_PLACE = re.compile("|".join(sorted(PLACE_WORDS)))
_ORDINAL = re.compile(r"第[一二三四五六七八九十百]+")
#: Last characters of place names (永春镇, 朝阳区): one stands before a conjunction as a name of its own.
_PLACE_ENDINGS = frozenset("省市县区镇乡村旗")
_COUNT = re.compile(r"\d+|[一二三四五六七八九十百千万]+")


def is_stop(word: str, numbers: bool = False) -> bool:
    """Whether a token ends a head on the left (a clause verb, function word, number or quantifier).

    Ordinals stay inside names (吉林大学第一医院); with `numbers`, so do counts (100户企业上市培育工程).
    """
    if word in _INSIDE_NAMES or _ORDINAL.fullmatch(word):
        return False
    if (numbers and (_COUNT.fullmatch(word) or word_tags().get(word) in ("m", "q"))
            and word not in STOP_WORDS and word not in CLASS_WORDS):
        return False
    if word in STOP_WORDS or any(ch.isdigit() for ch in word):
        return True
    tag = word_tags().get(word)
    if tag in STOP_TAGS or (tag in ("v", "a") and len(word) == 1):
        return True
    return len(word) > 2 and word[-2:] in STOP_WORDS and word[-2:] not in NAME_VERBS


def left_boundary(sentence: SentenceTokens, suffix_start: int, floor: int,
                  name_ends: frozenset[int], name_starts: frozenset[int], programme: bool = False) -> int:
    """Where the head of a name ending in a suffix at `suffix_start` begins (local offset).

    `floor` is a hard limit (an opening quote or title mark); `name_ends` and `name_starts` are the
    offsets of names already known in the sentence: a conjunction with a name on either side of it
    separates two names (吉林大学和北华大学, 生物院与吉林大学) instead of joining one. A `programme`
    title may hold counts (100户企业上市培育工程) and ends in a verb (人才培育计划).
    """
    pos = suffix_start
    straddling = sentence.covering(pos - 1) if pos > 0 else None
    if straddling and straddling[1] < pos < straddling[2]:
        pos = max(straddling[1], floor)
    while pos > floor and suffix_start - pos < _MAX_NAME:
        token = sentence.ending_at(pos) or sentence.covering(pos - 1)
        if token is None:
            break
        word, start, _ = token
        start = max(start, floor)
        if word in ("）", ")"):
            opened = _parenthetical_start(sentence.view, pos, floor)
            if opened is None:
                break
            pos = opened
        elif word in LINKERS or set(word) <= LINKERS:
            if not _CJK.match(sentence.view[start - 1:start] or " "):
                break
            pos = start
        elif not _CJK.search(word) and not word.isascii():
            break
        elif not word.isalnum():
            break
        elif word in JOINERS:
            if start in name_ends or pos in name_starts or start == floor or pos == suffix_start:
                break
            before = sentence.ending_at(start)
            if before is None or is_stop(before[0]) or before[0][-1] in _PLACE_ENDINGS:
                break  # …镇和朝阳经济开发区: a place before the conjunction is a name of its own
            pos = start
        elif is_stop(word, programme) and not _ends_name(word, start, pos, suffix_start, name_ends):
            break
        elif glued := _glued_clause_word(word):
            pos = start + glued
            break
        else:
            pos = start
    return _trim_generic(sentence, pos, suffix_start, verbs=not programme)


#: Prepositions that jieba's HMM may glue onto the next, unknown word (由北华 | 大学).
GLUED_PREPOSITIONS: frozenset[str] = frozenset("由 在 对 把 将 从 向 被 经 让 给 据 自 为".split())


def _glued_clause_word(word: str) -> int:
    """Length of a clause word glued to the name's first word, or 0: a two-character clause verb
    (实施|规划), or a preposition inside a token that is not in jieba's dictionary (由|北华, the HMM's guess)."""
    if len(word) > 2 and word[:2] in STOP_WORDS and word[:2] not in NAME_VERBS:
        return 2
    if len(word) > 1 and word[0] in GLUED_PREPOSITIONS and word not in word_tags():
        return 1
    return 0


def classified(sentence: SentenceTokens, start: int) -> bool:
    """Whether the name starting at `start` follows a class word (规划类|专利导航工程): a kind of thing."""
    before = sentence.ending_at(start)
    return before is not None and (before[0] in CLASS_WORDS or before[0][-1:] in ("类", "型"))


def is_district(sentence: SentenceTokens, start: int, end: int) -> bool:
    """Whether `view[start:end]` (…区, …县 right after a city) names a district or county: not a
    class word or a zone, no function word, verb or digit in it (九台区 has a numeral, and is one)."""
    word = sentence.view[start:end]
    if word in NOT_DISTRICTS or any(word.endswith(z) for z in NOT_DISTRICTS if len(z) > 2):
        return False
    pos = start
    while pos < end:
        token = sentence.covering(pos)
        if token is None or token[0] in STOP_WORDS or token[0].isascii() or word_tags().get(token[0]) == "v":
            return False
        pos = token[2]
    return True


def _ends_name(word: str, start: int, pos: int, suffix_start: int, name_ends: frozenset[int]) -> bool:
    """A verb right before the suffix belongs to the name (人才培养基地, 人才培育计划) unless a name
    ends just before it (…委员会给予资金) or it is a clause opener (大力支持, 到)."""
    verb = _is_verb(word) or (len(word) > 2 and word[-2:] in STOP_WORDS)
    opener = len(word) == 1 or (len(word) > 2 and word[:2] in STOP_WORDS)
    return pos == suffix_start and verb and not opener and start not in name_ends


def _parenthetical_start(view: str, close_end: int, floor: int) -> int | None:
    """Start of a short parenthetical inside a name (中韩（长春）…, …（集团）…), or None."""
    opened = max(view.rfind("（", floor, close_end), view.rfind("(", floor, close_end))
    if opened < 0 or close_end - opened > _MAX_PAREN + 2:
        return None
    inner = view[opened + 1:close_end - 1]
    return opened if inner and _CJK.search(inner) and inner.isalnum() and opened > floor else None


def _trim_generic(sentence: SentenceTokens, start: int, end: int, verbs: bool) -> int:
    """Move `start` right past leading level modifiers (省级, 国家级 …), joiners and verbs: verbs may
    stand inside a name (稀土资源利用国家重点实验室, 概念验证中心) but a name does not start with one."""
    while start < end:
        token = sentence.covering(start)
        if token is None or token[1] != start or token[2] > end:
            return start
        word = token[0]
        if word in LEADING_MODIFIERS or word in JOINERS or word in LINKERS or (verbs and _is_verb(word)):
            start = token[2]
        else:
            return start
    return start


def _is_verb(word: str) -> bool:
    return word in NAME_VERBS or word_tags().get(word) in ("v", "vd", "vn")


@dataclass(frozen=True)
class Head:
    """What a head is made of.

    `named`: a place or a known organisation; `branded`: a word that looks like a brand or a name
    jieba does not know (北华, 敖东); `industry`: an industry name; `subject_chars`: characters of
    other, non-generic words; `organisation`: a known institution or platform.
    """

    named: bool
    branded: bool
    industry: bool
    subject_chars: int
    organisation: bool


def analyse_head(sentence: SentenceTokens, start: int, end: int, known: Sequence[Span],
                 industry: Callable[[int, int], bool]) -> Head:
    """Classify the head `view[start:end]`: which proper names, industries and subject words it holds.

    `known` are spans already recognised in the sentence (gazetteer hits, shorter names found by form);
    `industry(start, end)` tells whether a span is an industry name.
    """
    named = branded = organisation = has_industry = False
    subject = 0
    covered: set[int] = set()
    for span in known:
        if start <= span.start < end:
            if span.label in (Label.INDUSTRY, Label.TECHNOLOGY):
                has_industry = True
                subject += span.end - span.start
                covered.update(range(span.start, span.end))
                continue
            named = True
            organisation = organisation or span.label in (Label.INSTITUTION, Label.PLATFORM)
            covered.update(range(span.start, span.end))
    named = named or _PLACE.search(sentence.view, start, end) is not None
    pos = start
    tags = word_tags()
    while pos < end:
        token = sentence.covering(pos)
        if token is None:
            pos += 1
            continue
        word, _, token_end = token
        piece = sentence.view[pos:min(token_end, end)]
        if pos not in covered:
            if _is_place(piece, tags):
                named = True
            elif piece == word and _is_brand(word, tags):
                branded = True
            elif piece not in GENERIC_MODIFIERS and _CJK.search(piece):
                subject += len(piece)
                has_industry = has_industry or industry(pos, min(token_end, end))
        pos = min(token_end, end)
    return Head(named, branded, has_industry, subject, organisation)


def _is_place(word: str, tags: dict[str, str]) -> bool:
    return word in PLACE_WORDS or (tags.get(word) == "ns" and word not in COMMON_PLACES)


def _is_brand(word: str, tags: dict[str, str]) -> bool:
    if word.isascii():
        return word.isalpha() and len(word) >= 2
    tag = tags.get(word)
    if tag in BRAND_TAGS:
        return True
    return tag is None and len(word) >= 2 and bool(_CJK.search(word)) and not word.endswith(DESCRIPTIVE_ENDINGS)


def head_is_name(rule: HeadRule, head: Head, text: str) -> bool:
    """Whether a head passes its form's rule (`text` is the head itself)."""
    if not text:
        return False
    if rule is HeadRule.PROPER:
        return head.named or head.branded
    if rule is HeadRule.PROPER_SUBJECT:
        return ((head.named or head.branded) and head.subject_chars > 0) or head.organisation
    if rule is HeadRule.TITLE:
        return head.named or len(text) >= 4
    if rule is HeadRule.SUBJECT:
        return head.named or head.subject_chars >= 4
    if rule is HeadRule.PROPER_OR_INDUSTRY:
        return head.named or head.branded or head.industry
    return head.named or head.branded or head.subject_chars > 0


def closed_at(sentence: SentenceTokens, end: int) -> bool:
    """Whether a name may end at `end`: end of sentence, punctuation, or a stop word next."""
    if end >= len(sentence.view):
        return True
    nxt = sentence.view[end]
    if not (_CJK.match(nxt) or nxt.isalnum()):
        return True
    following = sentence.after(end)
    return bool(following) and (following in JOINERS or is_stop(following) or word_tags().get(following) == "f")
