"""Industries named as the items of a list that shares one head word, or inside a name before its 产业.

重点发展汽车、石化、医药健康产业 names three industries (汽车, 石化, 医药健康). Each item is its own entity, named as written without the shared head (the gold
conventions, tests/gold/README.md). The items are split at 、 and at a final 和/及/与; the first item
starts after the clause verb or function word before it (发展, 重点, 推动 …), found on jieba tokens.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.extract.boundary import is_stop
from jig.core.records import SentenceTokens
from jig.core.schema import Label

#: The shared head word and the label it gives the items.
HEADS: dict[str, Label] = {"产业": Label.INDUSTRY, "行业": Label.INDUSTRY}
_HEAD = re.compile("|".join(HEADS))
#: A head that opens a list of the fields it names: 主导产业为…, 重点产业包括….
_LEAD = re.compile(r"产业(?:为|是|包括|涵盖|主要有|主要包括)")
#: Between the items of such a list: 、, and a joiner before the last item.
_LIST_SEPARATOR = re.compile(r"、|(?:以及|和|及|与)(?=[^、]*$)")
_LIST_END = re.compile(r"[，,；;。：:（(“等]")
_SEPARATOR = "、"
_LAST_JOINERS = ("和", "及", "与", "以及")
_WORD_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
_ITEM = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{2,10}")
#: Words that open a list of fields without being part of its first item.
_OPENERS = frozenset("发展 壮大 做强 做大 做优 涵盖 覆盖 形成 培育 聚焦 围绕 包括 布局 突破 攻克 引进 加快 推动 支持 重点".split())
#: Items that are class words, not fields (新兴、传统产业).
_GENERIC = frozenset("战略性新兴 战略性 新兴 传统 主导 优势 支柱 特色 高技术 高新技术 未来 重点 相关 关键 核心 共性 前沿 先进 新型".split())
_MAX_FIRST_TOKENS = 3
#: Words that may follow the head of a list of fields.
_AFTER_HEAD = frozenset("的 等 和 与 及 集群 链 发展 领域 方面 为 是 在 上 中 创新 升级".split())
#: Generic qualifiers between the list and its head (新材料、生物医药等新兴产业).
_QUALIFIERS = ("关键", "核心", "共性", "前沿", "先进", "重大", "新兴", "高新")
_NOT_IN_ITEMS = "的等之和与及或全两几"
#: An item ending like this is a head of its own, not a field (现代产业, 技术创新示范基地).
_HEAD_ENDINGS = ("产业", "行业", "技术", "基地", "园区", "机构", "项目", "中心", "实验室", "研究院", "地区", "领域")
_BREAKS = "，,；;。：:（(“"
#: A field holding these names an organisation (中国恒天集团碳纤维制品产业基地), not an industry.
_ORGANISATION_WORDS = ("集团", "公司", "大学", "学院", "研究院", "研究所")


@dataclass(frozen=True)
class ListedField:
    """An item of a list of fields: sentence-local span on the view, and its label."""

    start: int
    end: int
    label: Label


def listed_fields(sentence: SentenceTokens) -> list[ListedField]:
    """Every item of every list of two or more fields with a shared head in the sentence.

    Lists headed by 技术 are left out: on the dev sets they name activities (修复回收、资源化利用等技术)
    as often as technologies; technologies come from the gazetteer and their form."""
    view = sentence.view
    found: list[ListedField] = []
    for head in _HEAD.finditer(view):
        if not _closes(sentence, head.end()):
            continue
        end = head.start()
        for word in _QUALIFIERS:  # 新材料、生物医药等新兴产业: the qualifier and 等 stand between list and head
            if view.startswith(word, end - len(word)):
                end -= len(word)
                break
        end -= view[end - 1:end] == "等"
        items = _items(sentence, end)
        if len(items) >= 2:
            found.extend(ListedField(s, e, HEADS[head.group()]) for s, e in items)
    for lead in _LEAD.finditer(view):  # 主导产业为汽车整车、汽车零部件和汽车服务业
        items = _items_after(sentence, lead.end())
        if len(items) >= 2:
            found.extend(ListedField(s, e, Label.INDUSTRY) for s, e in items)
    return found


def _items_after(sentence: SentenceTokens, start: int) -> list[tuple[int, int]]:
    """The items of a list that follows its head (产业为A、B和C。), up to the clause's end or 等; none
    unless every piece is an item."""
    view = sentence.view
    stop = next((m.start() for m in _LIST_END.finditer(view, start)), len(view))
    items, pos = [], start
    for separator in [*_LIST_SEPARATOR.finditer(view, start, stop), None]:
        end = separator.start() if separator else stop
        if not (_is_item(view[pos:end]) and _clean(sentence, pos, end)
                and sentence.starts_at(pos) and sentence.ends_at(end)):
            return []
        items.append((pos, end))
        pos = separator.end() if separator else stop
    return items


def _items(sentence: SentenceTokens, end: int) -> list[tuple[int, int]]:
    """The items of the list ending at `end`, first to last (fewer than two when there is no list)."""
    view = sentence.view
    floor = max(view.rfind(c, 0, end) for c in _BREAKS) + 1
    items: list[tuple[int, int]] = []
    while True:
        separator = view.rfind(_SEPARATOR, floor, end)
        start = separator + 1 if separator >= 0 else floor
        if not items:  # the last two items may be joined by 和/及/与 (汽车电子和电力电子)
            piece = view[start:end]
            at, word = max(((piece.rfind(w), w) for w in _LAST_JOINERS), key=lambda x: x[0])
            if at > 0 and _is_item(piece[at + len(word):]):
                items.append((start + at + len(word), end))
                end = start + at
        if separator < 0 or not _is_item(view[start:end]):
            first = _first_item(sentence, max(start, floor), end)
            if first is not None and _is_item(view[first[0]:first[1]]):
                items.append(first)
            break
        items.append((start, end))
        end = separator
    items.reverse()
    return [(s, e) for s, e in items if _clean(sentence, s, e)]


def _first_item(sentence: SentenceTokens, start: int, end: int) -> tuple[int, int] | None:
    """The first item: the last few tokens before its end that are not a verb opening the list."""
    first = end
    tokens = 0
    while first > start and tokens < _MAX_FIRST_TOKENS:
        token = sentence.covering(first - 1)
        if token is None or is_stop(token.word) or token.word in _OPENERS or token.start < start:
            break
        first = token.start
        tokens += 1
    return (first, end) if first < end else None


def _closes(sentence: SentenceTokens, end: int) -> bool:
    """Whether the head word ends the phrase (产业。, 产业的, 产业集群), not a longer word (产业园区, 技术创新)."""
    if end >= len(sentence.view) or not _WORD_CHAR.match(sentence.view[end]):
        return True
    return sentence.starts_at(end) and sentence.after(end) in _AFTER_HEAD


def _clean(sentence: SentenceTokens, start: int, end: int) -> bool:
    """No clause word inside the item (为经开区精细化工 is no field)."""
    pos = start
    while pos < end:
        token = sentence.covering(pos)
        if token is None or is_stop(token.word) or token.word in _OPENERS:
            return False
        pos = token.end
    return True


def _is_item(text: str) -> bool:
    return (bool(_ITEM.fullmatch(text)) and text not in _GENERIC and not is_stop(text)
            and not any(ch in text for ch in _NOT_IN_ITEMS) and not text.endswith(_HEAD_ENDINGS))


def field_in_name(sentence: SentenceTokens, start: int, end: int, known_ends: Sequence[int]) -> ListedField | None:
    """The industry a name is about, written before 产业 in it (吉林省药用包装材料产业科技创新联合体 → 药用包装材料,
    吉林省细胞产业科技创新联合体 → 细胞): from the end of the last place named in it (`known_ends`) to 产业, a
    field of two to ten characters with no clause word and not a class word."""
    view = sentence.view
    head = view.find("产业", start, end)
    if head < 0:
        return None
    first = max([e for e in known_ends if start <= e < head], default=None)
    if first is None or not (sentence.starts_at(first) and sentence.starts_at(head)):
        return None
    field = view[first:head]
    if _is_item(field) and _clean(sentence, first, head) and not any(w in field for w in _ORGANISATION_WORDS):
        return ListedField(first, head, Label.INDUSTRY)
    return None
