"""Bilingual (zh, en) names and one-line comments for every term of the ontology.

The OWL/RDFS ontology (`ontology/owl.py`) takes its ``rdfs:label`` and ``rdfs:comment`` from here,
and the app uses the same texts for its bilingual UI. A term is one of:

- a `Label` (node label, e.g. ``Label.INSTITUTION``),
- a `Kind` (a kind within a label, e.g. ``Kind(Label.PLATFORM, "KeyLab")``; kinds are per label
  because ``Other`` occurs in several),
- a `RelType` (relation type),
- a property name (a plain ``str`` such as ``"mentions"``; one text per name, whichever label or
  relation carries it),
- a `ModelClass` (classes the RDF model adds to the schema: entity, relation, derived relation).

    >>> label_text(Label.INSTITUTION, "zh")
    '机构'
    >>> label_text(Kind(Label.PLATFORM, "KeyLab"), "en")
    'Key laboratory'
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from jig.core.schema import KINDS, NODE_PROPERTIES, RELATIONS, Label, RelType

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")


@dataclass(frozen=True)
class Kind:
    """A kind within a label, e.g. ``Kind(Label.INSTITUTION, "University")``."""

    label: Label
    name: str


class ModelClass(StrEnum):
    """Classes of the RDF model that are not node labels of the Python schema."""

    ENTITY = "Entity"
    RELATION = "Relation"
    DERIVED_RELATION = "DerivedRelation"


@dataclass(frozen=True)
class TermText:
    """The zh and en label and one-line comment of a term."""

    zh: str
    en: str
    zh_comment: str
    en_comment: str

    def label(self, lang: Lang) -> str:
        """The label in `lang`."""
        return self.zh if lang == "zh" else self.en

    def comment(self, lang: Lang) -> str:
        """The one-line comment in `lang`."""
        return self.zh_comment if lang == "zh" else self.en_comment


Term = Label | Kind | RelType | ModelClass | str

_T = TermText

_LABELS: dict[Label, TermText] = {
    Label.INSTITUTION: _T("机构", "Institution",
                          "从事或组织创新活动的单位：高校、科研院所、企业、政府部门等",
                          "An organisation that does or organises innovation: university, institute, firm, government"),
    Label.PLATFORM: _T("创新平台", "Platform",
                       "重点实验室、工程研究中心、技术创新中心、孵化器等科技创新平台",
                       "A research or innovation platform: key lab, engineering centre, innovation centre, incubator"),
    Label.ALLIANCE: _T("创新联盟", "Alliance",
                       "产业技术创新战略联盟、创新联合体等多方合作组织",
                       "An industry technology alliance or innovation consortium of several organisations"),
    Label.INDUSTRY: _T("产业", "Industry",
                       "产业或产业领域，按上下位关系组成分类体系",
                       "An industry or industrial field, arranged in a broader/narrower taxonomy"),
    Label.TECHNOLOGY: _T("技术", "Technology",
                         "技术或技术领域",
                         "A technology or technical field"),
    Label.PROGRAM: _T("计划", "Program",
                      "科技计划、工程、项目、基金或政策",
                      "A government programme, project, fund or policy"),
    Label.REGION: _T("行政区域", "Region",
                     "省、市、县等行政区域",
                     "An administrative area: province, city, county, country"),
    Label.ZONE: _T("园区", "Zone",
                   "高新区、新区、示范区、开发区、科学城等功能区",
                   "A designated zone: high-tech zone, new area, demonstration zone, development zone, science city"),
    Label.TARGET: _T("量化目标", "Target",
                     "政策文件提出的量化目标或已达到的基数",
                     "A quantitative goal set by a policy document, or an achieved baseline figure"),
    Label.INSTRUMENT: _T("政策工具", "Policy instrument",
                         "对一个政策措施句按 Rothwell–Zegveld 政策工具类型所做的一次编码（供给型、环境型、需求型）",
                         "One coding of a measure sentence with a Rothwell–Zegveld policy-instrument type "
                         "(supply, environment or demand side)"),
    Label.DOCUMENT: _T("文件", "Document",
                       "语料中的政策文件",
                       "A policy document of the corpus"),
    Label.SENTENCE: _T("句子", "Sentence",
                       "文件中的一句话，是每条事实的出处",
                       "A sentence of a document, the evidence every fact is tied to"),
}

_KINDS: dict[Kind, TermText] = {
    Kind(Label.INSTITUTION, "University"): _T("高校", "University", "高等院校", "A university or college"),
    Kind(Label.INSTITUTION, "ResearchInstitute"): _T("科研院所", "Research institute",
                                                     "研究所、研究院等科研机构", "A research institute"),
    Kind(Label.INSTITUTION, "Enterprise"): _T("企业", "Enterprise", "企业或企业集团", "A company or business group"),
    Kind(Label.INSTITUTION, "Government"): _T("政府部门", "Government body",
                                              "政府及其部门", "A government or one of its departments"),
    Kind(Label.INSTITUTION, "Academy"): _T("科学院", "Academy", "科学院、工程院等学术机构",
                                           "An academy of sciences or engineering"),
    Kind(Label.INSTITUTION, "Other"): _T("其他机构", "Other institution", "不属于以上类别的机构",
                                         "An institution of none of the other kinds"),
    Kind(Label.PLATFORM, "KeyLab"): _T("重点实验室", "Key laboratory", "国家或省部级重点实验室",
                                       "A national or provincial key laboratory"),
    Kind(Label.PLATFORM, "EngineeringCenter"): _T("工程研究中心", "Engineering centre",
                                                  "工程研究中心、工程技术研究中心、工程实验室",
                                                  "An engineering (technology) research centre or laboratory"),
    Kind(Label.PLATFORM, "TechInnovationCenter"): _T("技术创新中心", "Technology innovation centre",
                                                     "技术创新中心", "A technology innovation centre"),
    Kind(Label.PLATFORM, "ManufacturingInnovationCenter"): _T("制造业创新中心", "Manufacturing innovation centre",
                                                              "制造业创新中心", "A manufacturing innovation centre"),
    Kind(Label.PLATFORM, "EnterpriseTechCenter"): _T("企业技术中心", "Enterprise technology centre",
                                                     "企业设立的技术中心", "A technology centre run by an enterprise"),
    Kind(Label.PLATFORM, "PilotCenter"): _T("中试基地", "Pilot centre", "中试、熟化基地",
                                            "A pilot-scale testing and scale-up centre"),
    Kind(Label.PLATFORM, "TechTransferCenter"): _T("技术转移机构", "Technology transfer centre",
                                                   "技术转移中心、成果转化服务机构",
                                                   "A technology transfer or commercialisation centre"),
    Kind(Label.PLATFORM, "Incubator"): _T("孵化器", "Incubator", "科技企业孵化器、众创空间",
                                          "A business incubator or maker space"),
    Kind(Label.PLATFORM, "SciencePark"): _T("科技园", "Science park", "大学科技园、科技园区",
                                            "A (university) science park"),
    Kind(Label.PLATFORM, "ResearchFacility"): _T("科研设施", "Research facility", "大科学装置、大型科研设施",
                                                 "A large research facility or instrument"),
    Kind(Label.PLATFORM, "InnovationBase"): _T("创新基地", "Innovation base", "创新基地、产业基地",
                                               "An innovation or industrial base"),
    Kind(Label.PLATFORM, "IndustryResearchInstitute"): _T("产业技术研究院", "Industrial technology institute",
                                                          "新型研发机构、产业技术研究院",
                                                          "A new-type R&D organisation or industrial technology institute"),
    Kind(Label.PLATFORM, "Workstation"): _T("工作站", "Workstation", "院士工作站、博士后工作站",
                                            "An academician or postdoctoral workstation"),
    Kind(Label.PLATFORM, "ServicePlatform"): _T("服务平台", "Service platform", "公共技术服务平台",
                                                "A public technology service platform"),
    Kind(Label.PLATFORM, "TradingPlatform"): _T("交易平台", "Trading platform", "技术交易市场、交易平台",
                                                "A technology market or trading platform"),
    Kind(Label.PLATFORM, "Other"): _T("其他平台", "Other platform", "不属于以上类别的平台",
                                      "A platform of none of the other kinds"),
    Kind(Label.ALLIANCE, "IndustryAlliance"): _T("产业技术创新联盟", "Industry technology alliance",
                                                 "产业技术创新战略联盟", "An industry technology innovation alliance"),
    Kind(Label.ALLIANCE, "InnovationConsortium"): _T("创新联合体", "Innovation consortium",
                                                     "企业牵头组建的创新联合体", "An innovation consortium led by firms"),
    Kind(Label.ALLIANCE, "Other"): _T("其他联盟", "Other alliance", "不属于以上类别的联盟",
                                      "An alliance of none of the other kinds"),
    Kind(Label.PROGRAM, "Project"): _T("项目", "Project", "具体的科技项目或工程", "A specific project"),
    Kind(Label.PROGRAM, "Fund"): _T("基金", "Fund", "资金、基金、专项资金", "A fund or earmarked budget"),
    Kind(Label.PROGRAM, "Policy"): _T("政策", "Policy", "政策措施或行动", "A policy measure or action"),
    Kind(Label.REGION, "Province"): _T("省", "Province", "省级行政区", "A province"),
    Kind(Label.REGION, "City"): _T("市", "City", "地级市或州", "A prefecture-level city or prefecture"),
    Kind(Label.REGION, "County"): _T("县", "County", "县、县级市、区", "A county, county-level city or district"),
    Kind(Label.REGION, "Country"): _T("国家", "Country", "国家", "A country"),
    Kind(Label.REGION, "Other"): _T("其他区域", "Other region", "不属于以上类别的区域",
                                    "A region of none of the other kinds"),
    Kind(Label.ZONE, "HighTechZone"): _T("高新区", "High-tech zone", "高新技术产业开发区",
                                         "A high-tech industrial development zone"),
    Kind(Label.ZONE, "NewArea"): _T("新区", "New area", "国家级或省级新区", "A national or provincial new area"),
    Kind(Label.ZONE, "DemonstrationZone"): _T("示范区", "Demonstration zone", "自主创新示范区等示范区",
                                              "A (national independent innovation) demonstration zone"),
    Kind(Label.ZONE, "DevelopmentZone"): _T("开发区", "Development zone", "经济技术开发区等开发区",
                                            "An economic and technological development zone"),
    Kind(Label.ZONE, "ScienceCity"): _T("科学城", "Science city", "科学城、科技城", "A science city"),
    Kind(Label.ZONE, "Other"): _T("其他园区", "Other zone", "不属于以上类别的园区",
                                  "A zone of none of the other kinds"),
    Kind(Label.TARGET, "Baseline"): _T("基数", "Baseline", "已达到的数值，而非目标",
                                       "An achieved figure rather than a goal"),
    Kind(Label.INSTRUMENT, "Talent"): _T("人才", "Talent", "供给型：人才的培养、引进、激励与流动",
                                         "Supply side: training, attracting, rewarding and moving people"),
    Kind(Label.INSTRUMENT, "Funding"): _T("资金投入", "Funding", "供给型：财政资金、专项资金、补助、资助与奖励",
                                          "Supply side: public money such as special funds, grants, subsidies, awards"),
    Kind(Label.INSTRUMENT, "Infrastructure"): _T("基础设施与平台", "Infrastructure and platforms",
                                                 "供给型：建设实验室、中心、平台、基地、孵化器、园区和科研设施",
                                                 "Supply side: building labs, centres, platforms, bases, incubators, "
                                                 "parks and research facilities"),
    Kind(Label.INSTRUMENT, "TechnicalSupport"): _T("技术支持", "Technical support",
                                                   "供给型：研发与攻关、科技项目、成果转化与技术转移、技术服务",
                                                   "Supply side: R&D and key-technology research, projects, "
                                                   "technology transfer and technical services"),
    Kind(Label.INSTRUMENT, "Information"): _T("信息支持", "Information", "供给型：信息系统与平台、数据库、信息公开与发布",
                                              "Supply side: information systems, databases, reporting and disclosure"),
    Kind(Label.INSTRUMENT, "Tax"): _T("税收优惠", "Tax", "环境型：减税、免税、加计扣除等税收优惠",
                                      "Environment side: tax incentives such as reductions, deductions, exemptions"),
    Kind(Label.INSTRUMENT, "Finance"): _T("金融支持", "Finance", "环境型：信贷、担保、保险、创业投资、引导基金与资本市场",
                                          "Environment side: credit, guarantees, insurance, venture capital, "
                                          "guidance funds and capital markets"),
    Kind(Label.INSTRUMENT, "IntellectualProperty"): _T("知识产权", "Intellectual property",
                                                       "环境型：知识产权的创造、保护、运用与管理",
                                                       "Environment side: creating, protecting, using and managing IP"),
    Kind(Label.INSTRUMENT, "Regulation"): _T("法规管制", "Regulation", "环境型：法规、标准、监督、评价考核、审批与诚信",
                                             "Environment side: laws, standards, supervision, evaluation, approvals, "
                                             "integrity rules"),
    Kind(Label.INSTRUMENT, "GoalPlanning"): _T("目标规划", "Goal planning", "环境型：目标、量化指标、规划与布局",
                                               "Environment side: goals, targets, plans and layouts"),
    Kind(Label.INSTRUMENT, "StrategicMeasures"): _T("策略性措施", "Strategic measures",
                                                    "环境型：体制机制改革、组织协调、合作、市场导向与创新氛围",
                                                    "Environment side: institutional reform, coordination, "
                                                    "cooperation, market orientation, innovation culture"),
    Kind(Label.INSTRUMENT, "Procurement"): _T("政府采购", "Procurement", "需求型：政府采购、首购、订购与首台（套）",
                                              "Demand side: public procurement, first purchase, first sets"),
    Kind(Label.INSTRUMENT, "PilotDemonstration"): _T("示范工程", "Pilot demonstration",
                                                     "需求型：试点、示范项目与示范应用、示范区、应用场景",
                                                     "Demand side: pilots, demonstration projects and applications, "
                                                     "demonstration zones, application scenarios"),
    Kind(Label.INSTRUMENT, "Outsourcing"): _T("服务外包", "Outsourcing", "需求型：政府购买服务、委托、外包与众包",
                                              "Demand side: government purchase of services, commissioning, "
                                              "outsourcing and crowdsourcing"),
    Kind(Label.INSTRUMENT, "TradeMarketAccess"): _T("贸易与市场准入", "Trade and market access",
                                                    "需求型：技术与产品的进出口、海外市场、市场准入与技术交易",
                                                    "Demand side: trade in technology and products, overseas "
                                                    "markets, market access, technology trading"),
}

_RELATIONS: dict[RelType, TermText] = {
    RelType.HOSTED_BY: _T("依托单位", "hosted by", "平台依托某机构建设或运行",
                          "A platform is built on or run by an institution"),
    RelType.ANCHORS: _T("支撑产业", "anchors", "机构在某产业中起骨干作用",
                        "An institution anchors an industry: leads, hosts or is supported for work in it"),
    RelType.FOCUSES_ON: _T("聚焦", "focuses on", "平台、联盟、计划或园区面向某产业或技术",
                           "A platform, alliance, programme or zone works on an industry or technology"),
    RelType.LEADS: _T("牵头", "leads", "机构牵头某联盟、计划或平台",
                      "An institution leads an alliance, programme or platform"),
    RelType.MEMBER_OF: _T("成员", "member of", "机构是某联盟的成员", "An institution is a member of an alliance"),
    RelType.LOCATED_IN: _T("位于", "located in", "位于某行政区域或园区", "Is located in a region or zone"),
    RelType.PART_OF: _T("隶属", "part of", "隶属于同类实体（如研究所隶属于中国科学院）",
                        "Is part of an entity of the same family (an institute of an academy)"),
    RelType.SUPPORTS: _T("支持", "supports", "计划或政府部门支持某机构、产业、平台或联盟",
                         "A programme or government body supports an institution, industry, platform or alliance"),
    RelType.COOPERATES_WITH: _T("合作", "cooperates with", "两家机构合作、共建或联合",
                                "Two institutions cooperate, co-build or act jointly"),
    RelType.SUBINDUSTRY_OF: _T("下位产业", "subindustry of", "产业分类：下位产业指向上位产业",
                               "Industry taxonomy: a narrower industry points to its broader one"),
    RelType.CO_MENTIONED: _T("共现", "co-mentioned", "在同一句中被提及，是加权信号而非类型化关系",
                             "Mentioned in the same sentence: a weighted signal, not a typed relation"),
    RelType.SETS_TARGET: _T("提出目标", "sets target", "文件提出某量化目标", "A document sets a quantitative target"),
    RelType.MENTIONS: _T("提及", "mentions", "句子提及某实体或目标", "A sentence mentions an entity or target"),
    RelType.IN_DOCUMENT: _T("出自文件", "in document", "句子属于某文件", "A sentence belongs to a document"),
    RelType.CODED_AS: _T("编码为", "coded as", "政策措施句被编码为某种政策工具",
                         "A measure sentence is coded as a policy instrument"),
    RelType.APPLIES_TO: _T("作用于", "applies to", "政策工具编码涉及其句子所提及的机构、平台、产业、计划等实体",
                           "An instrument coding concerns an entity its sentence names"),
}

_PROPERTIES: dict[str, TermText] = {
    "id": _T("标识符", "identifier", "稳定的标识符，多次构建保持不变", "Stable identifier, the same across rebuilds"),
    "name": _T("名称", "name", "规范名称（简体中文）", "Canonical name in simplified Chinese"),
    "name_en": _T("英文名称", "English name", "英文名称", "Name in English"),
    "aliases": _T("别名", "aliases", "其他名称及文中出现的写法", "Other names and surface forms seen in the text"),
    "kind": _T("类别", "kind", "标签内的子类", "Sub-type within the label"),
    "mentions": _T("提及次数", "mentions", "提及该实体的句子数", "Number of sentences mentioning the entity"),
    "first_year": _T("首次出现年份", "first year", "最早提及它的文件的年份",
                     "Year of the earliest document mentioning it"),
    "last_year": _T("最近出现年份", "last year", "最晚提及它的文件的年份", "Year of the latest document mentioning it"),
    "docs": _T("来源文件", "documents", "提及它或提供证据的文件", "Documents mentioning it or giving the evidence"),
    "centrality": _T("中心度", "centrality", "类型化关系上的 PageRank，构建时计算",
                     "PageRank over the typed relations, computed at build time"),
    "pagerank": _T("PageRank 中心度", "PageRank", "在机构—平台—产业网络中的 PageRank，构建时计算",
                   "PageRank in the institution-platform-industry network, computed at build time"),
    "betweenness": _T("中介中心度", "betweenness", "在机构—平台—产业网络中的标准化中介中心度：连接作用的大小",
                      "Normalised betweenness in the institution-platform-industry network: how much it bridges"),
    "community": _T("社群", "community", "在机构—平台—产业网络中的 Louvain 社群编号（0 为最大）",
                    "Louvain community in the institution-platform-industry network (0 is the largest)"),
    "side": _T("政策工具面", "side", "供给型（supply）、环境型（environment）或需求型（demand）",
               "'supply', 'environment' or 'demand'"),
    "source": _T("来源", "source", "gazetteer（人工整理）或 discovered（按名称形式发现）",
                 "'gazetteer' (curated) or 'discovered' (found by the form of its name)"),
    "metric": _T("指标", "metric", "规范化的指标名称，如 R&D经费占GDP比重",
                 "Normalised metric name, e.g. R&D expenditure as a share of GDP"),
    "metric_en": _T("英文指标名", "metric (English)", "指标的英文名称", "Metric name in English"),
    "value": _T("数值", "value", "目标或基数的数值", "Numeric value of the target or baseline"),
    "unit": _T("单位", "unit", "单位，如 %、个、亿元", "Unit, e.g. %, items, 100 million yuan"),
    "comparator": _T("比较词", "comparator", "达到、超过、以上、左右等", "Qualifier such as reach, exceed, above, about"),
    "year": _T("年份", "year", "目标年份或文件发布年份", "Year the target is set for, or the issue year"),
    "document": _T("所属文件", "document", "所在或提出它的文件", "The document it belongs to or is set by"),
    "sentence": _T("出处句子", "sentence", "陈述它的句子", "The sentence stating it"),
    "file": _T("文件名", "file", "语料中的文件名", "File name in the corpus"),
    "title": _T("标题", "title", "文件标题", "Title of the document"),
    "issuer": _T("发文机关", "issuer", "发布文件的机关", "The body that issued the document"),
    "date": _T("发布日期", "date", "发布日期（ISO 8601）", "Issue date, ISO 8601"),
    "doc_number": _T("文号", "document number", "发文字号，如 吉政发〔2016〕26号",
                     "Official document number, e.g. Ji Zheng Fa [2016] No. 26"),
    "text": _T("正文", "text", "可读文本；句子偏移量指向其中", "The readable text; sentence offsets point into it"),
    "index": _T("序号", "index", "句子在文件中的位置", "Position of the sentence in its document"),
    "start": _T("起始位置", "start", "在文件正文中的起始偏移量", "Start offset in the document text"),
    "end": _T("结束位置", "end", "在文件正文中的结束偏移量（不含）", "End offset (exclusive) in the document text"),
    "weight": _T("权重", "weight", "关系强度：按线索强弱加权的证据句数",
                 "Strength: evidence sentences weighted by cue strength"),
    "evidence": _T("证据", "evidence", "陈述该关系的句子", "The sentences stating the relation"),
    "cues": _T("线索词", "cues", "提示该关系或政策工具类型的线索词",
               "The cue words that signalled the relation or the instrument type"),
    "surface": _T("原文写法", "surface form", "提及在原文中的写法", "The mention as written"),
}

_MODEL_CLASSES: dict[ModelClass, TermText] = {
    ModelClass.ENTITY: _T("实体", "Entity", "从文本中抽取的领域实体", "A domain entity extracted from the text"),
    ModelClass.RELATION: _T("关系陈述", "Relation statement",
                            "带属性的关系（rdf:Statement）：rdf:subject、rdf:predicate、rdf:object 指明主体、关系类型和客体",
                            "A relationship with properties (an rdf:Statement): rdf:subject, rdf:predicate, rdf:object name its ends and type"),
    ModelClass.DERIVED_RELATION: _T("推导关系", "Derived relation",
                                    "从文本推导出的关系，带权重、来源文件和证据句",
                                    "A relation derived from text, with weight, source documents and evidence sentences"),
}


def property_names() -> tuple[str, ...]:
    """Every property name of the schema, nodes and relationships, in first-seen order."""
    seen: dict[str, None] = {}
    for props in NODE_PROPERTIES.values():
        seen.update((p.name, None) for p in props)
    for relation in RELATIONS.values():
        seen.update((p.name, None) for p in relation.properties)
    return tuple(seen)


def kinds() -> tuple[Kind, ...]:
    """Every kind of every label, in schema order."""
    return tuple(Kind(label, name) for label, names in KINDS.items() for name in names)


def term_text(term: Term) -> TermText:
    """The texts of a term; KeyError naming the term when it is not in the ontology.

    A kind named like its own label (``Kind(Label.INDUSTRY, "Industry")``) shares the label's texts.
    """
    if isinstance(term, Kind):
        if term.name == term.label.value:
            return _LABELS[term.label]
        found = _KINDS.get(term)
    elif isinstance(term, Label):
        found = _LABELS.get(term)
    elif isinstance(term, RelType):
        found = _RELATIONS.get(term)
    elif isinstance(term, ModelClass):
        found = _MODEL_CLASSES.get(term)
    else:
        found = _PROPERTIES.get(term)
    if found is None:
        raise KeyError(f"no vocabulary entry for {term!r}")
    return found


def label_text(term: Term, lang: Lang = "zh") -> str:
    """The display name of a term in `lang` ("zh" or "en")."""
    return term_text(term).label(lang)


def comment_text(term: Term, lang: Lang = "zh") -> str:
    """The one-line description of a term in `lang` ("zh" or "en")."""
    return term_text(term).comment(lang)
