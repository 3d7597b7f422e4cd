"""English names for discovered entities: a glossary of place prefixes, organisation suffixes and
common words, curated English names of the gazetteer's places and organisations, and pinyin for the rest.

The name is cut greedily into the longest known terms; runs of unknown characters are cut into
jieba's dictionary words (磁悬浮|列车), digits and Latin letters kept as written, and each word
becomes one capitalised pinyin word (北华 → Beihua, 磁悬浮列车 → Cixuanfu Lieche). Characters with a
reading of their own at the start of a proper name get it (长光 → Changguang, not Zhangguang;
朝阳 → Chaoyang). Curated technologies give their English names (动力电池 → Power Battery). Leading places and organisations stay in front; a suffix
such as 重点实验室 takes the "X of Y" order of official English names
(吉林省汽车电子重点实验室 → Jilin Provincial Key Laboratory of Automotive Electronics).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pypinyin import lazy_pinyin

from ingest.extract.forms import word_tags
from ingest.lexicon.gazetteer import Gazetteer
from jig.core.schema import Label

#: Organisation suffixes: (English, takes "of" order). Longest match wins.
SUFFIXES: dict[str, tuple[str, bool]] = {
    "大学": ("University", False),
    "理工大学": ("University of Science and Technology", False),
    "工业大学": ("University of Technology", False),
    "师范大学": ("Normal University", False),
    "农业大学": ("Agricultural University", False),
    "医科大学": ("Medical University", False),
    "中医药大学": ("University of Chinese Medicine", False),
    "科技大学": ("University of Science and Technology", False),
    "学院": ("College", False),
    "师范学院": ("Normal College", False),
    "职业技术学院": ("Vocational and Technical College", False),
    "科学院": ("Academy of Sciences", False),
    "农业科学院": ("Academy of Agricultural Sciences", False),
    "工程院": ("Academy of Engineering", False),
    "分院": ("Branch", False),
    "研究所": ("Institute", True),
    "研究院": ("Research Institute", True),
    "创新研究院": ("Innovation Research Institute", False),
    "设计院": ("Design Institute", False),
    "股份有限公司": ("Co., Ltd.", False),
    "有限责任公司": ("Co., Ltd.", False),
    "有限公司": ("Co., Ltd.", False),
    "集团公司": ("Group Corporation", False),
    "集团": ("Group", False),
    "公司": ("Company", False),
    "人民政府": ("People's Government", False),
    "办公厅": ("General Office", True),
    "办公室": ("Office", True),
    "科技局": ("Science and Technology Bureau", False),
    "局": ("Bureau", False),
    "管理委员会": ("Administrative Committee", False),
    "管委会": ("Administrative Committee", False),
    "国家重点实验室": ("State Key Laboratory", True),
    "全国重点实验室": ("State Key Laboratory", True),
    "国家实验室": ("National Laboratory", True),
    "重点实验室": ("Key Laboratory", True),
    "省实验室": ("Provincial Laboratory", True),
    "联合实验室": ("Joint Laboratory", True),
    "实验室": ("Laboratory", True),
    "国家工程研究中心": ("National Engineering Research Center", True),
    "国家工程技术研究中心": ("National Engineering Technology Research Center", True),
    "国家工程实验室": ("National Engineering Laboratory", True),
    "工程技术研究中心": ("Engineering Technology Research Center", True),
    "工程研究中心": ("Engineering Research Center", True),
    "工程实验室": ("Engineering Laboratory", True),
    "制造业创新中心": ("Manufacturing Innovation Center", True),
    "国家技术创新中心": ("National Technology Innovation Center", True),
    "技术创新中心": ("Technology Innovation Center", True),
    "科技创新中心": ("Science and Technology Innovation Center", True),
    "协同创新中心": ("Collaborative Innovation Center", True),
    "产业创新中心": ("Industrial Innovation Center", True),
    "企业技术中心": ("Enterprise Technology Center", False),
    "中试中心": ("Pilot Plant Center", False),
    "中试基地": ("Pilot Base", False),
    "概念验证中心": ("Proof-of-Concept Center", False),
    "技术转移中心": ("Technology Transfer Center", False),
    "技术转移示范机构": ("Technology Transfer Demonstration Agency", False),
    "孵化器": ("Incubator", False),
    "众创空间": ("Maker Space", False),
    "孵化基地": ("Incubation Base", False),
    "加速器": ("Accelerator", False),
    "大学科技园": ("University Science Park", False),
    "科技园区": ("Science Park", False),
    "科技园": ("Science Park", False),
    "产业园区": ("Industrial Park", False),
    "产业园": ("Industrial Park", False),
    "基地": ("Base", False),
    "产业技术研究院": ("Industrial Technology Research Institute", False),
    "产业研究院": ("Industrial Research Institute", False),
    "院士专家工作站": ("Academician and Expert Workstation", False),
    "院士工作站": ("Academician Workstation", False),
    "博士后科研工作站": ("Postdoctoral Research Workstation", False),
    "工作站": ("Workstation", False),
    "服务平台": ("Service Platform", False),
    "创新平台": ("Innovation Platform", False),
    "科技大市场": ("Technology Market", False),
    "技术交易市场": ("Technology Trading Market", False),
    "交易中心": ("Trading Center", False),
    "交易所": ("Exchange", False),
    "科技基础设施": ("Science and Technology Infrastructure", False),
    "观测站": ("Observation Station", False),
    "实验装置": ("Experimental Facility", False),
    "产业技术创新战略联盟": ("Industrial Technology Innovation Strategic Alliance", False),
    "技术创新战略联盟": ("Technology Innovation Strategic Alliance", False),
    "产业技术创新联盟": ("Industrial Technology Innovation Alliance", False),
    "技术创新联盟": ("Technology Innovation Alliance", False),
    "创新战略联盟": ("Innovation Strategic Alliance", False),
    "产业联盟": ("Industry Alliance", False),
    "战略联盟": ("Strategic Alliance", False),
    "联盟": ("Alliance", False),
    "创新联合体": ("Innovation Consortium", False),
    "高新技术产业开发区": ("Hi-tech Industrial Development Zone", False),
    "高新技术开发区": ("Hi-tech Development Zone", False),
    "高新区": ("High-tech Zone", False),
    "经济技术开发区": ("Economic and Technological Development Zone", False),
    "经济开发区": ("Economic Development Zone", False),
    "开发区": ("Development Zone", False),
    "工业园区": ("Industrial Park", False),
    "新区": ("New Area", False),
    "示范区": ("Demonstration Zone", False),
    "科学城": ("Science City", False),
    "科技城": ("Science and Technology City", False),
    "先导区": ("Pilot Zone", False),
    "试验区": ("Pilot Zone", False),
    "合作区": ("Cooperation Zone", False),
    "自贸区": ("Free Trade Zone", False),
    "基金": ("Fund", False),
    "行动计划": ("Action Plan", False),
    "专项": ("Special Programme", False),
    "计划": ("Programme", False),
    "工程": ("Project", False),
    "行动": ("Initiative", False),
    "项目": ("Project", False),
}

#: Place prefixes and common words of names.
WORDS: dict[str, str] = {
    "吉林省": "Jilin Provincial", "吉林": "Jilin", "长春": "Changchun", "中国": "China", "国家": "National",
    "省": "Provincial", "市": "Municipal", "东北": "Northeast", "东北亚": "Northeast Asia", "中俄": "Sino-Russian",
    "中韩": "China-Korea", "中德": "Sino-German", "中白": "China-Belarus", "独联体": "CIS", "国际": "International",
    "合作": "Cooperation", "科技": "Science and Technology", "技术": "Technology", "科学": "Science",
    "创新": "Innovation", "产业": "Industry", "工业": "Industrial", "农业": "Agricultural", "农作物": "Crop",
    "种质资源": "Germplasm Resources", "主要": "Major", "汽车": "Automotive", "工程": "Engineering",
    "电子": "Electronics", "光电": "Optoelectronic", "光电子": "Optoelectronics", "材料": "Materials",
    "新材料": "New Materials", "化工": "Chemical", "化学": "Chemistry", "物理": "Physics", "高分子": "Polymer",
    "应用": "Applied", "生物": "Biological", "医药": "Pharmaceutical", "中医药": "Traditional Chinese Medicine",
    "中药": "Chinese Medicine", "药业": "Pharmaceutical", "医学": "Medical", "转化": "Translation",
    "科技成果": "S&T Achievements", "成果": "Achievements", "转移": "Transfer", "碳纤维": "Carbon Fiber",
    "人参": "Ginseng", "养蜂": "Apiculture", "蚕业": "Sericulture", "黑土地": "Black Soil", "数字": "Digital",
    "影视": "Film and Television", "动漫": "Animation", "信息": "Information", "资源": "Resources",
    "服务": "Service", "标准化": "Standardization", "战略性新兴产业": "Strategic Emerging Industries",
    "卫星": "Satellite", "人造卫星": "Artificial Satellite", "观测": "Observation", "空间": "Space",
    "目标": "Target", "国家天文台": "National Astronomical Observatories", "湿地": "Wetland",
    "钢铁": "Iron and Steel", "化纤": "Chemical Fiber", "轨道客车": "Railway Vehicles", "专用车": "Special Vehicle",
    "生产": "Production", "发展": "Development", "研究": "Research", "人才": "Talent", "海洋": "Marine",
    "一体化": "Integration", "区域": "Regional", "玉米": "Corn", "加工": "Processing", "孵化": "Incubation",
    "高新技术": "High-tech", "新能源": "New Energy", "现代": "Modern", "特产": "Special Products",
    "专家": "Expert", "院士": "Academician", "博士后": "Postdoctoral", "管理": "Management", "示范": "Demonstration",
    "高速": "High-speed", "智能": "Intelligent", "制造": "Manufacturing", "装备": "Equipment",
    "精密": "Precision", "机械": "Machinery", "光学": "Optics", "地理": "Geography", "生态": "Ecology",
    "健康": "Health", "能源": "Energy", "环境": "Environment", "安全": "Safety", "软件": "Software",
    "大数据": "Big Data", "人工智能": "Artificial Intelligence", "半导体": "Semiconductor", "激光": "Laser",
    "稀土": "Rare Earth", "利用": "Utilization", "保护": "Protection", "开发": "Development", "开放": "Opening-up",
    "金融": "Finance", "专利": "Patent", "知识产权": "Intellectual Property", "公共": "Public",
    "自主创新": "Independent Innovation", "协同": "Collaborative", "仿生": "Bionic", "种业": "Seed Industry",
    "长吉": "Changchun-Jilin", "重大": "Major", "国际化": "Internationalization", "清华": "Tsinghua",
    "北京": "Beijing", "上海": "Shanghai", "中小企业": "SME", "培育": "Cultivation",
    "企业": "Enterprise", "能力": "Capability", "建设": "Construction", "提升": "Enhancement", "上市": "Listing",
    "融资": "Financing", "人员": "Personnel", "引进": "Recruitment", "引领": "Leading", "骨干": "Backbone",
    "基础": "Basic", "农村": "Rural", "乡村": "Rural", "文化": "Cultural", "融合": "Integration",
    "领域": "Field", "特色": "Characteristic", "科技型": "Technology-based", "高层次": "High-level",
    "创业": "Entrepreneurship", "就业": "Employment", "支持": "Support", "计划": "Programme",
    "芯片": "Chip", "传感器": "Sensor", "激光器": "Laser", "探测器": "Detector", "图像": "Image",
    "集成": "Integrated", "药物": "Drug", "筛选": "Screening", "基因": "Gene", "编辑": "Editing",
    "育种": "Breeding", "热管理": "Thermal Management", "电池": "Battery", "磁悬浮": "Maglev",
    "列车": "Train", "量子": "Quantum", "通信": "Communication", "导航": "Navigation", "遥感": "Remote Sensing",
    "雷达": "Radar", "光纤": "Optical Fiber", "检测": "Testing", "诊疗": "Diagnosis and Treatment",
    "精准": "Precision", "肿瘤": "Tumor", "作物": "Crop", "分子": "Molecular", "结合": "Integration",
    "器件": "Device", "功率": "Power", "疫病": "Epidemic Disease", "溯源": "Tracing", "医工": "Medical-Engineering",
    "区": "District", "县": "County",
    "与": "and", "和": "and", "及": "and", "暨": "and",
}

#: Readings that polyphonic characters take at the start of a name's word (长光 is Changguang, 朝阳 is
#: Chaoyang), where pypinyin's everyday reading (zhang, zhao) is wrong.
_NAME_READINGS: dict[str, str] = {"长": "chang", "朝": "chao"}

_PIECES = re.compile(r"[A-Za-z0-9]+|[^A-Za-z0-9]+")
_SPACES = re.compile(r"\s+")
_ACRONYM = re.compile(r"\s*\([A-Z]+\)$")
_REGION_TYPE = re.compile(r"\s+(Province|Korean Autonomous Prefecture)$")
_PUNCT = {"（": "(", "）": ")", "(": "(", ")": ")", "—": "-", "-": "-", "·": " ", "•": " "}


@dataclass(frozen=True)
class _Term:
    zh: str
    en: str
    leading: bool = False


def english_name(name: str, gazetteer: Gazetteer | None = None) -> str:
    """An English rendering of a Chinese entity name (glossary, curated names, pinyin for the rest)."""
    lexicon = _lexicon(gazetteer)
    terms = _cut(name, lexicon)
    if not terms:
        return ""
    leading = []
    while terms and terms[0].leading and len(terms) > 1:
        leading.append(terms.pop(0))
    suffix = SUFFIXES.get(terms[-1].zh)
    words = [t.en for t in leading]
    if suffix and suffix[1] and len(terms) == 1 and leading:  # 国务院办公厅: General Office of the State Council
        words = [suffix[0], "of the", *words]
    elif suffix and suffix[1] and len(terms) > 1:
        words += [suffix[0], "of", *(t.en for t in terms[:-1])]
    else:
        words += [t.en for t in terms[:-1]] + [suffix[0] if suffix else terms[-1].en]
    text = _SPACES.sub(" ", " ".join(words)).strip()
    return text.replace("( ", "(").replace(" )", ")").replace(" - ", "-")


@cache
def _lexicon(gazetteer: Gazetteer | None) -> tuple[dict[str, _Term], int]:
    lexicon: dict[str, _Term] = {zh: _Term(zh, en) for zh, (en, _) in SUFFIXES.items()}
    lexicon.update({zh: _Term(zh, en) for zh, en in WORDS.items()})
    for entry in gazetteer.entries if gazetteer else ():
        if entry.label in (Label.REGION, Label.INSTITUTION, Label.ZONE) and entry.name_en:
            english = _ACRONYM.sub("", entry.name_en)
            if entry.label is Label.REGION:
                english = _REGION_TYPE.sub("", english)
            for form in entry.surface_forms:
                if form not in WORDS:
                    lexicon[form] = _Term(form, english, leading=True)
    for entry in gazetteer.with_label(Label.TECHNOLOGY) if gazetteer else ():
        english = _ACRONYM.sub("", entry.name_en)
        english = english[:1].upper() + re.sub(r" ([a-z])", lambda m: " " + m.group(1).upper(), english[1:])
        for form in entry.surface_forms:
            lexicon.setdefault(form, _Term(form, english))
    for place in ("吉林省", "吉林", "长春", "中国", "国家", "东北", "东北亚", "中俄", "中韩", "中德", "中白"):
        lexicon[place] = _Term(place, WORDS[place], leading=True)
    return lexicon, max(map(len, lexicon))


def _cut(name: str, lexicon: tuple[dict[str, _Term], int]) -> list[_Term]:
    """Greedy longest-match cut of `name` into known terms; unknown runs become pinyin terms."""
    table, longest = lexicon
    terms: list[_Term] = []
    unknown = ""
    pos = 0
    while pos < len(name):
        for size in range(min(longest, len(name) - pos), 0, -1):
            term = table.get(name[pos:pos + size])
            if term:
                break
        else:
            term = None
        char = name[pos]
        if term is None and char in _PUNCT:
            term, size = _Term(char, _PUNCT[char]), 1
        if term is None:
            unknown += char
            pos += 1
            continue
        if unknown:
            terms.append(_pinyin(unknown))
            unknown = ""
        terms.append(term)
        pos += size
    if unknown:
        terms.append(_pinyin(unknown))
    return [t for t in terms if t.en.strip()]


def _pinyin(text: str) -> _Term:
    """Pinyin of an unknown run: one capitalised word per dictionary word, characters outside the
    dictionary two to a word (Chinese words are mostly two characters), digits and Latin kept."""
    words = []
    for piece in _PIECES.findall(text):
        if piece.isascii():
            words.append(piece)
            continue
        for word in _dictionary_words(piece):
            syllables = lazy_pinyin(word, errors=lambda chars: list(chars))
            syllables[0] = _NAME_READINGS.get(word[0], syllables[0])
            joined = "".join(syllables)
            words.append(joined[:1].upper() + joined[1:])
    return _Term(text, " ".join(words))


def _dictionary_words(text: str) -> list[str]:
    """`text` cut greedily into jieba's dictionary words; leftover characters two to a word."""
    tags = word_tags()
    words: list[str] = []
    singles = ""
    pos = 0
    while pos < len(text):
        size = next((n for n in range(min(4, len(text) - pos), 1, -1) if text[pos:pos + n] in tags), 1)
        if size == 1:
            singles += text[pos]
        else:
            words.extend(singles[i:i + 2] for i in range(0, len(singles), 2))
            singles = ""
            words.append(text[pos:pos + size])
        pos += size
    words.extend(singles[i:i + 2] for i in range(0, len(singles), 2))
    return words
