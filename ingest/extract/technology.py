"""Technologies found by their form, for those the gazetteer does not list.

Two shapes: a distinctive technical noun phrase followed by 技术 (基因编辑育种技术, 动力电池热管理关键技术,
光纤光栅传感器技术), and a device noun with a distinctive modifier (CMOS图像传感器, 类脑智能芯片).
Precision comes first: a wrong Technology node is worse than a missed one. So the 技术 must close the
phrase (技术创新, 技术转移, 技术市场, 工程技术研究中心 are other things), the head is delimited on the left
strictly (punctuation, function and clause words, conjunctions, organisations and places, and an
industry at the left edge, which names the field of application: 新能源汽车|动力电池热管理技术), and
the head must hold a distinctive word: a curated technology, a Latin acronym (CMOS, 5G), a word of
three or more characters jieba does not know, or a noun that is not a broad field or a generic
qualifier (关键, 核心, 共性, 前沿, 先进, 生物, 信息 …); such a generic word also ends the head on the
left (高端|CMOS图像传感器, 特色产业|技术).

Works on one sentence's `view` with sentence-local offsets, like `ingest.extract.forms`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.extract.boundary import is_stop
from ingest.extract.forms import JOINERS, Span, word_tags
from jig.core.records import SentenceTokens
from jig.core.schema import Label

#: Endings of technology names: 技术, and device nouns that name a technology with their modifier.
TECH_SUFFIX = re.compile(r"技术|传感器|芯片|激光器|探测器")

#: Qualifiers between a technology and its 技术 that are not part of its name (…热管理关键技术).
QUALIFIERS: tuple[str, ...] = ("关键核心", "核心关键", "共性关键", "关键共性", "关键", "核心", "共性", "前沿")

#: Qualifiers and scopes: never part of a technology's name, they end its head on the left
#: (特色产业|关键技术, 高端|CMOS图像传感器).
QUALIFIER_WORDS: frozenset[str] = frozenset(
    "关键 核心 共性 前沿 先进 适用 先进适用 新 高 高新 新兴 新型 重大 重要 主要 基础 公共 产业 行业 实用 "
    "配套 相关 一般 传统 现代 尖端 颠覆性 原创 底层 通用 成熟 单项 专有 自主 国际 国内 国外 海外 高端 "
    "新一代 下一代 未来 领域 方向 体系 平台 企业 单一 跨国 外部 引进 共享 公益 社会 民生 农村 城市 各类 "
    "各项 有关 特种 专用 单位 主导 特色 应急 高技术 应用型 集成创新 项目 成果 市场 服务 能力 水平 标准 质量 "
    "产品".split()
)

#: Broad fields and general nouns: they may stand in a technology's name (动力电池热管理技术) but
#: make none by themselves (生物技术, 信息技术, 检测技术).
GENERIC_WORDS: frozenset[str] = QUALIFIER_WORDS | frozenset(
    "绿色 低碳 节能 环保 清洁 安全 数字 信息 生物 工程 科学 科技 管理 专业 集成 应用 "
    "工业 农业 医疗 医学 临床 能源 材料 资源 环境 生态 海洋 化学 物理 电子 机械 制造 生产 加工 "
    "设备 装备 系统 工艺 方法 手段 研发 开发 研究 检测 测试 监测 控制 处理 保护 利用 治理 修复 防治 "
    "诊断 治疗 改造 升级 储备 支撑 通信 计算 智能 智慧 网络 互联网 数据 软件 硬件 器件 元件 部件".split()
)

#: Verbs that open a clause before a technology (重点发展|山葡萄酿造技术) though they may stand in names.
CLAUSE_VERBS: frozenset[str] = frozenset(
    "发展 研究 研发 开发 攻关 突破 攻克 掌握 采用 应用 推广 运用 使用 示范 转化 创新 合作 服务 提供 形成 "
    "推动 促进 拥有 具备 具有 实现 开展 加快 重点".split()
)

#: Words that may follow 技术 and leave it a technology (…技术研发, …技术攻关, …技术的应用).
FOLLOWERS: frozenset[str] = frozenset(
    "研发 研究 攻关 突破 开发 应用 推广 集成 产业化 示范 储备 路线 瓶颈 难题 为 在 上 方面 领域 研发和".split()
)

_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]*|\d+[A-Za-z]+[A-Za-z0-9]*")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_MAX_HEAD = 12
#: jieba tags of words that may stand in a technology's head.
_NOUN_TAGS = frozenset("n nz ng vn an j l i".split())


@dataclass(frozen=True)
class TechSpan:
    """A technology found by form: `start`/`end` of the whole phrase (qualifiers included)."""

    start: int
    end: int


def technologies(sentence: SentenceTokens, known: Sequence[Span], name_suffixes: Sequence[tuple[int, int]],
                 quotes: Sequence[tuple[int, int]]) -> list[TechSpan]:
    """Technologies named by form in a sentence.

    `known` are the names already found in the sentence (gazetteer hits, names found by form);
    `name_suffixes` the (start, end) of every organisation or platform suffix (…研究中心, …研究院): a
    技术 that belongs to one of those names is not a technology. `quotes` are (start, end) of quoted
    spans: an opening quote is a hard left limit.
    """
    view = sentence.view
    found: list[TechSpan] = []
    for match in TECH_SUFFIX.finditer(view):
        start, end = match.span()
        device = match.group() != "技术"
        # 技术 right before or inside a name's suffix belongs to that name (…技术研究中心); a device
        # may be named inside a platform's name (…图像传感器联合实验室)
        reach = end - 1 if device else end
        if not sentence.ends_at(end) or any(s <= reach and start < e for s, e in name_suffixes):
            continue
        if not device and not _closed(sentence, end):
            continue
        floor = max([q + 1 for q, e in quotes if q < start < e] + [0])
        head_start = _head_start(sentence, start, floor, known)
        if head_start is not None and _distinctive(sentence, head_start, _unqualified(view, head_start, start), known):
            found.append(TechSpan(head_start, end))
    return found


def canonical_technology(name: str) -> str:
    """The canonical name of a technology found by form: qualifiers before 技术 dropped
    (动力电池热管理关键技术 → 动力电池热管理技术)."""
    if name.endswith("技术"):
        stem = name[:-2]
        for qualifier in QUALIFIERS:
            if stem.endswith(qualifier) and len(stem) > len(qualifier):
                return stem[:-len(qualifier)] + "技术"
    return name


def _closed(sentence: SentenceTokens, end: int) -> bool:
    """Whether 技术 ends the phrase: end of sentence, punctuation, a conjunction, a function word or a
    word of `FOLLOWERS` next (not 技术创新, 技术转移, 技术市场, 技术人员 …)."""
    if end >= len(sentence.view):
        return True
    if not (_CJK.match(sentence.view[end]) or sentence.view[end].isalnum()):
        return True
    following = sentence.after(end)
    if following in FOLLOWERS or following in JOINERS:
        return True
    return bool(following) and word_tags().get(following) in ("u", "uj", "c", "p")


def _head_start(sentence: SentenceTokens, suffix_start: int, floor: int, known: Sequence[Span]) -> int | None:
    """Where the technology's head begins, walking left over tokens; None when there is no head."""
    view = sentence.view
    hits = {k.end: k for k in sorted(known, key=lambda k: k.end - k.start)}  # the longest name per end
    pos = suffix_start
    straddling = sentence.covering(pos - 1) if pos > 0 else None
    if straddling and straddling[1] < pos < straddling[2]:
        if view[straddling[1]:pos] not in QUALIFIERS:
            return None  # 技术 glued to a word that is not a qualifier: 高技术, 生物技术 as one token
        pos = straddling[1]
    while pos > floor and suffix_start - pos < _MAX_HEAD:
        hit = hits.get(pos)
        if hit is not None:
            if hit.label is not Label.TECHNOLOGY or hit.start < floor:
                break  # an organisation, place or industry ends the head (新能源汽车|动力电池…)
            pos = hit.start
            continue
        token = sentence.ending_at(pos)
        if token is None:
            break
        word, start, _ = token
        if not (_CJK.search(word) or _LATIN.fullmatch(word)) or word in JOINERS or word in CLAUSE_VERBS \
                or is_stop(word):
            break
        if word in QUALIFIER_WORDS or word[-2:] in QUALIFIER_WORDS or (word.endswith(("性", "型", "类", "化", "式")) and len(word) > 1):
            break  # a qualifier or broad field inside the phrase ends it (特色产业|技术, 高端|CMOS…)
        pos = start
    return pos if pos < suffix_start else None


def _unqualified(view: str, head_start: int, suffix_start: int) -> int:
    """End of the head without its trailing qualifier (动力电池热管理|关键)."""
    head = view[head_start:suffix_start]
    for qualifier in QUALIFIERS:
        if head.endswith(qualifier):
            return suffix_start - len(qualifier)
    return suffix_start


def _distinctive(sentence: SentenceTokens, start: int, end: int, known: Sequence[Span]) -> bool:
    """Whether `view[start:end]` holds a word that makes a technology's name (see the module doc),
    and is not just an industry or field."""
    if end <= start:
        return False
    if any(k.label is Label.TECHNOLOGY and start <= k.start and k.end <= end for k in known):
        return True
    if any(k.label is Label.INDUSTRY and k.start <= start and end <= k.end for k in known):
        return False
    tags = word_tags()
    pos = start
    while pos < end:
        token = sentence.covering(pos)
        if token is None:
            return False
        word = sentence.view[pos:min(token[2], end)]
        if word == token[0] and word not in GENERIC_WORDS:
            tag = tags.get(word)
            if _LATIN.fullmatch(word) or (tag is None and len(word) >= 3 and _CJK.search(word)):
                return True
            if tag in _NOUN_TAGS and tag != "vn" and len(word) >= 2:
                return True
        pos = min(token[2], end)
    return False
