"""Form-based name patterns: which name endings make which kind of entity, and the word lists that
decide where a name starts (`ingest.extract.boundary` walks them).

A name found by its form is a *head* followed by a *suffix* from `FORMS` (…大学, …研究所, …重点实验室,
…有限公司, …联盟, …高新区, …专项 …). The suffix is easy; the hard part is the left boundary. Walking
left from the suffix over the sentence's jieba tokens, the head stops at punctuation, numbers and
quantifiers, pronouns and prepositions, clause verbs (依托, 建设, 支持 …) and function words (的, 等 …),
and at a conjunction (和, 与, 及) whose left side is already a complete name (吉林大学和东北师范大学).
Generic leading modifiers (省级, 国家级, 一批, 各类 …) are trimmed off. The head must then pass the
form's `HeadRule`: a proper name (place, organisation, brand), and for platforms also a subject, so
that 省级重点实验室, 一批工程研究中心 or 国家级高新区 are classes of things, not names.

Everything here works on one sentence's `view` with sentence-local offsets.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from enum import Enum
from functools import cache

import jieba

from jig.core.errors import DataFileError
from jig.core.schema import Label


class HeadRule(Enum):
    """What the head of a name must contain for the span to be a name rather than a generic phrase."""

    #: a proper name: a place, an organisation, a brand or another word jieba does not know
    PROPER = "proper"
    #: a place or organisation and a subject besides it (吉林省汽车电子工程研究中心, not
    #: 吉林省重点实验室), or an organisation hosting it (一汽院士工作站)
    PROPER_SUBJECT = "proper+subject"
    #: a place or organisation, or a subject of at least four characters (高分子物理与化学国家重点实验室)
    SUBJECT = "subject"
    #: a proper name or an industry (汽车产业技术创新战略联盟)
    PROPER_OR_INDUSTRY = "proper|industry"
    #: anything that is not a generic modifier (北华大学, but not 重点大学)
    NOT_GENERIC = "not-generic"
    #: a programme title: a place or organisation, or at least four characters after level words
    #: (技术创新工程, 吉林省100户企业上市培育工程, but not 人才工程 or 重大人才工程); numbers may occur
    TITLE = "title"


@dataclass(frozen=True)
class NameForm:
    """A name ending: the suffix, the label and kind it gives, and what its head must contain.

    `closed` forms (programmes) must also be followed by a break (punctuation, a function word or the
    end of the sentence), so that the 工程 of 汽车工程研究院 does not end a name.
    """

    suffix: str
    label: Label
    kind: str
    head: HeadRule
    closed: bool = False


def _forms(label: Label, kind: str, head: HeadRule, *suffixes: str, closed: bool = False) -> list[NameForm]:
    return [NameForm(s, label, kind, head, closed) for s in suffixes]


_I, _P, _A, _Z, _G = Label.INSTITUTION, Label.PLATFORM, Label.ALLIANCE, Label.ZONE, Label.PROGRAM
_H = HeadRule

#: Every name ending the extractor knows. Longer suffixes win over their own endings.
FORMS: tuple[NameForm, ...] = tuple(
    _forms(_I, "University", _H.NOT_GENERIC, "大学")
    + _forms(_I, "University", _H.PROPER, "学院", "专科学校", "学校")
    + _forms(_I, "Academy", _H.PROPER, "科学院", "工程院", "分院")
    + _forms(_I, "ResearchInstitute", _H.SUBJECT, "创新研究院")
    + _forms(_I, "ResearchInstitute", _H.PROPER, "研究所", "研究院", "设计院")
    + _forms(_I, "Enterprise", _H.PROPER, "股份有限公司", "有限责任公司", "有限公司", "集团公司", "集团", "公司",
             "药业", "制药", "参业")
    + _forms(_I, "Government", _H.PROPER, "人民政府", "管理委员会", "管委会", "办公厅", "科学技术局", "科技局",
             "科学技术厅", "科技厅", "发展和改革委员会", "发展改革委", "发改委", "工业和信息化厅", "工业和信息化局",
             "工信厅", "工信局", "教育厅", "财政厅", "商务厅", "知识产权局", "市场监督管理局", "政府",
             "委员会", "党工委", "商务局", "农业农村局", "教育局", "财政局", "管理局", "办公室")
    + _forms(_I, "Other", _H.PROPER, "医院", "科学技术协会", "科协", "检验所", "合作社", "交易所")
    + _forms(_P, "KeyLab", _H.SUBJECT, "国家重点实验室", "全国重点实验室", "国家实验室")
    + _forms(_P, "KeyLab", _H.PROPER_SUBJECT, "重点实验室", "省实验室", "联合实验室", "实验室")
    + _forms(_P, "EngineeringCenter", _H.SUBJECT, "国家工程研究中心", "国家工程技术研究中心", "国家工程实验室",
             "国家地方联合工程研究中心", "国家地方联合工程实验室")
    + _forms(_P, "EngineeringCenter", _H.PROPER_SUBJECT, "工程技术研究中心", "工程研究中心", "工程实验室")
    + _forms(_P, "ManufacturingInnovationCenter", _H.PROPER_SUBJECT, "制造业创新中心")
    + _forms(_P, "TechInnovationCenter", _H.SUBJECT, "国家技术创新中心")
    + _forms(_P, "TechInnovationCenter", _H.PROPER_SUBJECT, "技术创新中心", "科技创新中心", "协同创新中心",
             "产业创新中心", "联合创新中心", "创新中心", "双创中心")
    + _forms(_P, "EnterpriseTechCenter", _H.PROPER_SUBJECT, "企业技术中心", "技术中心")
    + _forms(_P, "Other", _H.PROPER_SUBJECT, "研究中心")
    + _forms(_P, "PilotCenter", _H.PROPER, "中试中心", "中试基地", "概念验证中心")
    + _forms(_P, "TechTransferCenter", _H.PROPER, "技术转移中心", "技术转移示范机构")
    + _forms(_P, "Incubator", _H.PROPER, "科技企业孵化器")
    + _forms(_P, "Incubator", _H.PROPER_SUBJECT, "孵化器", "众创空间", "孵化基地", "加速器")
    + _forms(_P, "SciencePark", _H.PROPER, "大学科技园", "科技园区", "科技园")
    + _forms(_P, "InnovationBase", _H.PROPER_SUBJECT, "基地")
    + _forms(_P, "IndustryResearchInstitute", _H.PROPER_SUBJECT, "产业技术研究院", "产业研究院")
    + _forms(_P, "Workstation", _H.PROPER, "院士专家工作站", "院士工作站")
    + _forms(_P, "Workstation", _H.PROPER_SUBJECT, "博士后科研工作站", "工作站")
    + _forms(_P, "ServicePlatform", _H.PROPER_SUBJECT, "服务平台", "创新平台", "共享平台", "促进中心", "检测中心")
    + _forms(_P, "TradingPlatform", _H.PROPER, "科技大市场", "技术交易市场", "交易市场", "交易中心")
    + _forms(_P, "ResearchFacility", _H.PROPER_SUBJECT, "科技基础设施", "观测站", "实验装置", "种质资源库")
    + _forms(_A, "IndustryAlliance", _H.PROPER_OR_INDUSTRY, "产业技术创新战略联盟", "技术创新战略联盟",
             "产业技术创新联盟", "技术创新联盟", "创新战略联盟", "产业联盟", "战略联盟", "联盟")
    + _forms(_A, "InnovationConsortium", _H.PROPER_OR_INDUSTRY, "创新联合体")
    + _forms(_Z, "HighTechZone", _H.PROPER, "高新技术产业开发区", "高新技术开发区", "高新区")
    + _forms(_Z, "DevelopmentZone", _H.PROPER, "经济技术开发区", "经济开发区", "经开区", "开发区", "工业园区")
    + _forms(_Z, "NewArea", _H.PROPER, "新区")
    + _forms(_Z, "DemonstrationZone", _H.PROPER, "示范区")
    + _forms(_Z, "ScienceCity", _H.PROPER, "科学城", "科技城")
    + _forms(_Z, "Other", _H.PROPER, "国家农业科技园区", "农业科技园区", "农业高新技术产业示范区", "综合保税区",
             "保税区", "先导区", "先行区", "试验区", "合作区", "自贸区", "产业园区", "产业园", "集聚区", "光谷", "碳谷",
             "氢谷", "都市圈", "城市群", "示范园区", "示范园", "物流园", "医药城", "汽车城", "人才城", "小镇", "走廊",
             "集中区", "度假区")
    + _forms(_G, "Fund", _H.PROPER_SUBJECT, "基金", "资金", closed=True)
    + _forms(_G, "Program", _H.TITLE, "行动计划", "专项", "计划", "工程", closed=True)
    + _forms(_G, "Policy", _H.TITLE, "发展战略", "战略", closed=True)
)

#: Suffixes of programmes named inside quotes: “双十”工程, “长白山人才工程”.
PROGRAM_SUFFIXES: tuple[str, ...] = ("行动计划", "工程", "计划", "行动", "专项", "战略布局", "战略", "会战")

#: Abbreviation introduced in the text right after a name: （简称“长春光机所”）, （以下简称XX院）.
ABBREVIATION = re.compile(r"[（(]\s*(?:以下|下文)?\s*(?:简称|下称)\s*[:：]?\s*[“\"‘']?"
                          r"([^”\"’'）)，,、；;：:\s]{2,12})[”\"’']?\s*[）)]")

#: Words that end a head on the left: clause verbs, adverbs and function words.
STOP_WORDS: frozenset[str] = frozenset(
    "依托 依靠 建设 建立 建成 新建 支持 扶持 推进 推动 组建 加快 打造 创建 实施 鼓励 引导 加强 培育 发挥 强化 "
    "围绕 开展 设立 完善 整合 提升 引进 组织 承担 突出 包括 聚焦 面向 牵头 联合 共建 申报 认定 获批 成立 入选 "
    "获得 争取 做好 抓好 加大 扩大 优化 构建 搭建 培养 积极 大力 重点 进一步 全力 着力 努力 继续 逐步 已 已经 "
    "已有 现有 相关 有关 其他 其它 部分 其中 以及 及其 或者 或 并 等 的 之 了 是 有 为 以 在 对 把 将 由 从 向 "
    "到 于 与其 通过 按照 根据 依据 结合 带动 促进 推广 参与 配合 创办 领办 举办 成为 作为 属于 位于 所属 "
    "所在 坚持 瞄准 创设 筹建 布局 谋划 启动 完成 落实 支撑 服务于 用于 给予 授予 评为 命名 批准 共同 分别 "
    "提出 以下 以上 如下 下列 上述 设在 设于 落户 坐落 入驻 迁入 建在 列入 纳入 入选 "
    "对接 保障 印发 贯彻 主动 签约 签署 揭牌 携手 联手 助力 赋能 融入 深化 制定 出台 发布 推行 "
    "运营 委托 调研 视察 考察 走访 重视 感谢 领会 部署 代表 晋升 标志着 标志著 增强 大大 高度 经 拥有 充分利用 "
    "一是 二是 三是 四是 五是 六是 七是 八是 "
    "优先 率先 首批 新增 充分发挥 大力发展 大力推进 加快推进 各 每 该 本 其 我省 我市 全省 全市 全国 各地 各级 各类 一批 若干 一些 一个 多个 这些 那些".split()
)

#: Verbs that do occur inside names (…科技成果转移转化示范区, …资源利用国家重点实验室): never a stop.
NAME_VERBS: frozenset[str] = frozenset(
    "创新 转移 转化 合作 发展 研究 开发 研发 服务 利用 保护 应用 检测 制造 孵化 示范 育种 加工 监测 控制 "
    "仿真 探测 评价 观测 试验 测试 转让 交易 融合 集成 合成 降解 成像 储能 引智 创业 设计 生产 培训 交流 "
    "共享 开放 推广应用 诊断 治疗 防治 修复 回收 传承 种植 养殖 选育 勘探 开采 冶炼 通信 计算 感知 驱动".split()
)

#: Words jieba tags as time words that are ordinary name modifiers (吉林大学现代产业技术研究院).
NAME_TIME_WORDS: frozenset[str] = frozenset("现代 当代 近代 未来 新时代".split())

#: Modifiers that make a class of things, not a name; trimmed from the left of a head.
GENERIC_MODIFIERS: frozenset[str] = frozenset(
    "省级 国家级 市级 县级 省部级 国家 省 市 县 国家地方 地方 省部 省部共建 国家地方共建 共建 新型 大型 "
    "骨干 龙头 高水平 一流 世界一流 国内外 国内 国外 国际 区域 区域性 省属 部属 重点 优势 特色 综合 综合性 "
    "专业 专业化 公共 开放 开放性 企业 行业 产业 高校 高等 院校 科研 科技 研发 创新 技术 高新技术 高技术 "
    "新兴 战略性 战略性新兴 研究型 应用型 知名 著名 主要 基础 领先 现代 先进 高端 示范 试点 标志性 "
    "重大 重要 其他 全国 全省 我国 我省 本省 本市 各 中小 世界 一批 若干 各类".split()
)

#: Level and size words trimmed off the left of a name (省级, 国家级 …); the rest of the head decides.
LEADING_MODIFIERS: frozenset[str] = frozenset(
    "省级 国家级 市级 县级 省部级 新型 大型 骨干 龙头 高水平 一流 世界一流 知名 著名 主要 重大 重要 年度 各项".split()
)

#: Prefixes that belong to a platform's name when they stand right before it (省部共建…重点实验室).
NAME_PREFIXES: tuple[str, ...] = ("省部共建", "国家地方共建", "国家地方联合")

#: Place words jieba may not tag as places but that make a head proper.
PLACE_WORDS: frozenset[str] = frozenset(
    "吉林 长春 东北 东北亚 中俄 中韩 中德 中日 中蒙 中新 长吉 长吉图 长辽梅通白延 延吉 珲春 图们江 长白山 "
    "北京 上海 天津 重庆 大连 沈阳 哈尔滨 深圳 广州 杭州 南京 武汉 西安 成都 "
    "北湖 净月 汽开 梅河口 公主岭 敦化 集安 临江 扶余 洮南 大安 双辽 舒兰 磐石 桦甸 蛟河 龙井 和龙 图们".split()
)

#: Class words: X类/X型 names a kind of things (规划类专利导航工程), never one programme.
CLASS_WORDS: frozenset[str] = frozenset("类 型 种 式 等".split())

#: Districts that are class words or zones, not places named with their city (长春市城区, 长春市高新区).
NOT_DISTRICTS: frozenset[str] = frozenset(
    "城区 市区 新区 园区 景区 社区 地区 辖区 片区 全区 各区 郊区 县区 城郊区 主城区 老城区 开发区 高新区 示范区 "
    "试验区 先导区 合作区 自贸区 功能区 核心区 保税区 各县 全县 郊县 市县 区县".split()
)

#: Conjunctions a name may contain (精密机械与物理, 发展和改革); a stop when the left side is a name.
JOINERS: frozenset[str] = frozenset("与 和 及 暨".split())

#: Characters that may link two parts of one name (延吉—珲春, 中国•东北亚).
LINKERS: frozenset[str] = frozenset("—–-·•")

#: jieba part-of-speech tags that end a head: prepositions, conjunctions, particles, pronouns,
#: numerals, quantifiers, adverbs, time words, interjections.
STOP_TAGS: frozenset[str] = frozenset("p c u uj ul uz ud ug uv r m q d ad t y e o zg".split())

#: jieba tags of brand-like words (person names double as brands: 修正, 东宝, 华为). The tags nz and
#: nt are too noisy in jieba's dictionary (新兴产业 nt, 大力发展 nz) to count.
BRAND_TAGS: frozenset[str] = frozenset("nr nrt nrfg".split())

#: Words jieba tags as places that are not proper names.
COMMON_PLACES: frozenset[str] = frozenset(
    "城市 地区 农村 城乡 乡村 城镇 海外 省内 省外 域外 境外 境内 国内 边境 沿海 内地 "
    "外国 大国 强国 三国 马国 各国 全国 本国 我国 他国 祖国 邻国 万国".split()
)

#: Endings of words that jieba does not know but that describe rather than name (创新型, 战略性).
DESCRIPTIVE_ENDINGS: tuple[str, ...] = tuple("型 性 化 式 级 类 次 级".split())



@cache
def word_tags() -> dict[str, str]:
    """Part-of-speech tag of every word in jieba's main dictionary (loaded once per process)."""
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    with open(path, encoding="utf-8") as handle:
        fields = handle.read().split()  # `word frequency tag` on every line: read in one go
    if len(fields) % 3 or not all(map(str.isdigit, fields[1::3])):
        raise DataFileError(path, "not a jieba dictionary of `word frequency tag` lines")
    return dict(zip(fields[0::3], fields[2::3]))


@cache
def suffix_pattern() -> re.Pattern[str]:
    """One compiled alternation of every suffix, longest first."""
    suffixes = sorted({f.suffix for f in FORMS}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, suffixes)))


@cache
def form_of(suffix: str) -> NameForm:
    """The form of a suffix (the first listed when several share it)."""
    return next(f for f in FORMS if f.suffix == suffix)


@dataclass(frozen=True)
class Span:
    """A sentence-local span naming something already known: a gazetteer hit or a name found by form."""

    start: int
    end: int
    label: Label
    kind: str
