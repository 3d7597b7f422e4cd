"""Technologies: curated ones by the gazetteer, unseen ones by form (…技术, …传感器), precision first."""

from __future__ import annotations

import pytest

from ingest.extract.technology import canonical_technology
from ingest.lexicon.gazetteer import default_gazetteer
from ingest.resolve.entities import resolve
from jig.core.schema import Label
from tests.extract_helpers import mentions


def _technologies(text: str) -> set[str]:
    return {m.normalized for m in mentions(text) if m.label is Label.TECHNOLOGY}


FOUND_CASES = [
    ("实验室聚焦玉米、大豆等作物的基因编辑育种技术。", {"基因编辑育种技术"}),
    ("项目“新能源汽车动力电池热管理关键技术研究”由吉林大学牵头。", {"动力电池热管理关键技术"}),
    ("双方将共建高端CMOS图像传感器联合实验室。", {"CMOS图像传感器"}),
    ("公司重点攻关碳化硅功率器件、激光雷达技术和MEMS传感器技术。",
     {"碳化硅功率器件", "激光雷达技术", "MEMS传感器技术"}),
    ("加快北斗导航、卫星遥感和５Ｇ在农业中的应用。", {"北斗导航", "卫星遥感", "5G"}),
    ("推动區塊鏈、物聯網和雲計算技術融合應用。", {"区块链", "物联网", "云计算技术"}),
    ("重点发展山葡萄酿造技术。", {"山葡萄酿造技术"}),
    ("开展光纤光栅传感器技术研发。", {"光纤光栅传感器技术"}),
]


@pytest.mark.parametrize(("text", "expected"), FOUND_CASES, ids=[c[0][:12] for c in FOUND_CASES])
def test_extract_technologies_by_gazetteer_and_form(text: str, expected: set[str]) -> None:
    assert _technologies(text) == expected


NOT_TECHNOLOGY_CASES = [
    "要加强关键技术、核心技术和共性技术攻关。",
    "推动技术创新和技术转移，培育技术市场。",
    "各地要支持企业开展新技术、新工艺研发，推进先进适用技术转化应用。",
    "发展电子信息、生物技术、高端装备制造等高技术产业。",
    "打好特色产业关键技术攻关战，加强行业共性关键技术研发。",
    "建设吉林省汽车电子工程技术研究中心和光电子技术研究院。",
    "发挥企业家整合技术、资金、人才的作用，引进外部人才、技术。",
    "长光卫星技术股份有限公司发布新产品。",
    "构建疫病应急技术攻关研发平台，开展海洋生态保护技术研究。",
    "光电子技术和新材料技术是我省优势领域。",
]


@pytest.mark.parametrize("text", NOT_TECHNOLOGY_CASES, ids=[c[:12] for c in NOT_TECHNOLOGY_CASES])
def test_extract_generic_technology_phrases_are_not_technologies(text: str) -> None:
    assert not _technologies(text)


def test_extract_technology_is_not_nested_in_an_industry_or_institution() -> None:
    result = mentions("吉林化工学院与新能源汽车企业合作研发燃料电池。")
    labels = {(m.normalized, m.label) for m in result}
    assert ("新能源", Label.INDUSTRY) not in labels and ("化工", Label.INDUSTRY) not in labels
    assert ("燃料电池", Label.TECHNOLOGY) in labels


@pytest.mark.parametrize(("name", "expected"), [
    ("动力电池热管理关键技术", "动力电池热管理技术"),
    ("疫病溯源核心技术", "疫病溯源技术"),
    ("基因编辑育种技术", "基因编辑育种技术"),
    ("关键技术", "关键技术"),
    ("CMOS图像传感器", "CMOS图像传感器"),
])
def test_resolve_canonical_technology_drops_qualifiers(name: str, expected: str) -> None:
    assert canonical_technology(name) == expected


def test_resolve_technologies_have_english_names_and_curated_forms_resolve() -> None:
    text = "研究动力电池热管理关键技术和氢燃料电池技术，共建CMOS图像传感器实验室。"
    entities = {e.name: e for e in resolve(mentions(text), default_gazetteer()).entities
                if e.label is Label.TECHNOLOGY}
    assert entities["动力电池热管理技术"].name_en == "Power Battery Thermal Management Technology"
    assert entities["动力电池热管理技术"].source == "discovered"
    assert entities["燃料电池"].id == "tech_fuel_cell" and entities["燃料电池"].name_en == "Fuel cell"
    assert entities["CMOS图像传感器"].name_en == "CMOS Image Sensor"
