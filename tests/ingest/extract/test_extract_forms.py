"""Form-based discovery: names not in the gazetteer, found by their ending and delimited on the left."""

from __future__ import annotations

import pytest

from tests.extract_helpers import found, mentions

FORM_CASES = [
    # universities, colleges, academies, institutes
    ("北华大学、延边大学和长春理工大学联合申报。", [("北华大学", "Institution", "University"),
                                                  ("延边大学", "Institution", "University"),
                                                  ("长春理工大学", "Institution", "University")]),
    ("支持吉林师范学院开展合作。", [("吉林师范学院", "Institution", "University")]),
    ("白城市农业科学院承担育种任务。", [("白城市农业科学院", "Institution", "Academy")]),
    ("吉林省人参研究院和吉林省养蜂研究所组建团队。", [("吉林省人参研究院", "Institution", "ResearchInstitute"),
                                                    ("吉林省养蜂研究所", "Institution", "ResearchInstitute")]),
    # companies
    ("吉林敖东药业集团股份有限公司发布新产品。", [("吉林敖东药业集团股份有限公司", "Institution", "Enterprise")]),
    ("长春长光辰芯光电技术有限公司获批。", [("长春长光辰芯光电技术有限公司", "Institution", "Enterprise")]),
    ("长春高新技术产业（集团）股份有限公司扩大产能。",
     [("长春高新技术产业（集团）股份有限公司", "Institution", "Enterprise")]),
    # key labs and centres
    ("中国科学院长春应用化学研究所高分子物理与化学国家重点实验室通过评估。",
     [("中国科学院长春应用化学研究所高分子物理与化学国家重点实验室", "Platform", "KeyLab"),
      ("中国科学院长春应用化学研究所", "Institution", "ResearchInstitute")]),
    ("依托吉林大学建设汽车仿真与控制国家重点实验室。", [("汽车仿真与控制国家重点实验室", "Platform", "KeyLab"),
                                                      ("吉林大学", "Institution", "University")]),
    ("吉林大学超硬材料全国重点实验室揭牌。",
     [("吉林大学超硬材料全国重点实验室", "Platform", "KeyLab"), ("吉林大学", "Institution", "University")]),
    ("支持建设吉林省汽车电子工程研究中心。", [("吉林省汽车电子工程研究中心", "Platform", "EngineeringCenter")]),
    ("组建吉林省生物医药工程技术研究中心。",
     [("吉林省生物医药工程技术研究中心", "Platform", "EngineeringCenter")]),
    ("创建吉林省碳纤维技术创新中心。", [("吉林省碳纤维技术创新中心", "Platform", "TechInnovationCenter")]),
    ("认定一汽企业技术中心。", [("一汽企业技术中心", "Platform", "EnterpriseTechCenter")]),
    ("建设长春新区概念验证中心和延边中试中心。", [("长春新区概念验证中心", "Platform", "PilotCenter"),
                                                ("延边中试中心", "Platform", "PilotCenter")]),
    ("强化珲春国际技术转移中心作用。", [("珲春国际技术转移中心", "Platform", "TechTransferCenter")]),
    ("重点建设吉林大学现代产业技术研究院。", [("吉林大学现代产业技术研究院", "Platform", "IndustryResearchInstitute")]),
    ("吉林大学汽车工程研究院牵头攻关。", [("吉林大学汽车工程研究院", "Platform", "IndustryResearchInstitute"),
                                        ("吉林大学", "Institution", "University")]),
    # incubators, parks, bases
    ("长春北湖科技园和吉林省化工新材料孵化器入驻企业。", [("长春北湖科技园", "Platform", "SciencePark"),
                                                       ("吉林省化工新材料孵化器", "Platform", "Incubator")]),
    ("推动建设长春中德产业园、中俄科技园等园区。", [("长春中德产业园", "Zone", "Other"),
                                                ("中俄科技园", "Platform", "SciencePark")]),
    ("建设四平专用车生产基地。", [("四平专用车生产基地", "Platform", "InnovationBase")]),
    # alliances
    ("吉林省汽车产业技术创新战略联盟成立。", [("吉林省汽车产业技术创新战略联盟", "Alliance", "IndustryAlliance")]),
    ("在已有汽车产业技术创新战略联盟的基础上。", [("汽车产业技术创新战略联盟", "Alliance", "IndustryAlliance")]),
    ("一汽牵头组建智能网联汽车创新联合体。", [("智能网联汽车创新联合体", "Alliance", "InnovationConsortium")]),
    # zones
    ("支持延吉国家高新区和公主岭经济开发区发展。", [("公主岭经济开发区", "Zone", "DevelopmentZone")]),
    ("打造北湖科学城。", [("北湖科学城", "Zone", "ScienceCity")]),
    ("建设长春国家自主创新示范区。", [("长春国家自主创新示范区", "Zone", "DemonstrationZone")]),
    ("在中韩（长春）国际合作示范区建设科技产业示范区。", [("中韩（长春）国际合作示范区", "Zone", "DemonstrationZone")]),
    ("建设延吉—珲春海洋科技成果转化试验区。", [("延吉—珲春海洋科技成果转化试验区", "Zone", "Other")]),
    # programmes
    ("继续实施“双十”工程。", [("“双十”工程", "Program", "Program")]),
    ("实施技术创新工程，促进成果转化。", [("技术创新工程", "Program", "Program")]),
    ("列入吉林省100户企业上市培育工程。", [("吉林省100户企业上市培育工程", "Program", "Program")]),
    ("吉林大学第一医院牵头。", [("吉林大学第一医院", "Institution", "Other")]),
    ("通化东宝药业股份有限公司技术中心获认定。", [("通化东宝药业股份有限公司技术中心", "Platform", "EnterpriseTechCenter")]),
    ("研究院设在梅河口市医药高新技术产业开发区。", [("梅河口市医药高新技术产业开发区", "Zone", "HighTechZone")]),
    ("深入实施“长白山人才工程”等重大人才工程。", [("长白山人才工程", "Program", "Program")]),
    ("实施“专精特新”中小企业培育计划。", [("“专精特新”中小企业培育计划", "Program", "Program")]),
    ("实施支持一汽集团自主创新重大科技专项。", [("一汽集团自主创新重大科技专项", "Program", "Program")]),
    ("资金从吉林省人才开发基金中列支。", [("吉林省人才开发基金", "Program", "Fund")]),
]


@pytest.mark.parametrize(("text", "expected"), FORM_CASES, ids=[c[0][:14] for c in FORM_CASES])
def test_extract_finds_names_by_form(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert set(expected) <= found(text)


GENERIC_CASES = [
    "建设50个省级重点实验室和20个省级科技企业孵化器。",
    "打造一批工程研究中心和企业技术中心。",
    "推动高校和科研院所建立技术转移机构。",
    "各类孵化器、众创空间要向创业者开放。",
    "推进国家级高新区高质量发展。",
    "支持企业建设重点实验室、院士工作站等研发平台。",
    "支持保险公司、租赁公司、信用担保公司和小额贷款公司提供服务。",
    "培育建设国家重点实验室或省部共建国家重点实验室。",
    "汽车、动漫、碳纤维等31个产业技术创新联盟发挥作用。",
    "鼓励企业和企业集团建立研发机构。",
    "创建国家创新驱动发展试验区。",
    "建设世界一流大学和一流学科。",
    "实施一批重大人才工程。",
    "支持仿生科学与工程、半导体激光等优势领域。",
    "大力支持大学科技园发展，鼓励研究生和博士后到工作站开展研究。",
    "优化整合高分子物理与化学、稀土资源利用等现有国家重点实验室。",
]


@pytest.mark.parametrize("text", GENERIC_CASES, ids=[c[:14] for c in GENERIC_CASES])
def test_extract_generic_phrases_are_not_names(text: str) -> None:
    assert not [m for m in mentions(text) if m.source == "form"]


LEFT_BOUNDARY_CASES = [
    ("依托吉林大学建设的长春汽车工程研究中心投入运行。", "长春汽车工程研究中心"),
    ("充分发挥吉林大学、东北师范大学等高校作用。", None),
    ("鼓励吉林大学和北华大学设立技术转移中心。", "北华大学"),
    ("支持中国农业科学院特产研究所组建团队。", "中国农业科学院特产研究所"),
    ("以省部共建东北特色中药资源重点实验室为依托。", "省部共建东北特色中药资源重点实验室"),
    ("积极推进中科院国家天文台长春人造卫星观测站建设。", "中科院国家天文台长春人造卫星观测站"),
]


@pytest.mark.parametrize(("text", "outermost"), LEFT_BOUNDARY_CASES, ids=[c[0][:14] for c in LEFT_BOUNDARY_CASES])
def test_extract_left_boundary_stops_at_verbs_and_function_words(text: str, outermost: str | None) -> None:
    names = {m.normalized for m in mentions(text)}
    assert all(not n.startswith(("依托", "充分", "鼓励", "支持", "以", "积极", "推进")) for n in names)
    assert outermost is None or outermost in names
    assert "吉林大学和北华大学" not in names


def test_extract_titles_are_documents_but_their_issuers_are_mentioned() -> None:
    text = "按照《国务院办公厅关于印发促进科技成果转移转化行动方案的通知》和《创新型吉林建设科技行动计划》。"
    names = {name for name, _, _ in found(text)}
    assert {"国务院办公厅", "国务院"} <= names
    assert not any(name.endswith(("通知", "行动计划", "方案")) for name in names)


def test_extract_enumeration_keeps_each_institution_separate() -> None:
    names = [m.normalized for m in mentions("推动长春光机所、长春应化所、东北地理所等科研院所开展合作。")]
    assert {"长春光机所", "长春应化所", "东北地理所"} <= set(names)
    assert not any("、" in n for n in names)


def test_extract_traditional_script_is_matched_through_the_view() -> None:
    text = "北華大學與長春理工大學聯合建設吉林省汽車電子工程研究中心。"
    by_surface = {m.surface: m for m in mentions(text)}
    assert by_surface["北華大學"].normalized == "北华大学"
    assert by_surface["長春理工大學"].label.value == "Institution"
    assert by_surface["吉林省汽車電子工程研究中心"].kind == "EngineeringCenter"


def test_extract_abbreviation_introduced_in_text_is_found_again_later() -> None:
    result = mentions("成立吉林省光电子产业研究院（简称“光电院”）。光电院牵头组建联盟。")
    full = next(m for m in result if m.normalized == "吉林省光电子产业研究院")
    short = [m for m in result if m.normalized == "光电院"]
    assert [m.sentence_id for m in short] == ["d0.s0000", "d0.s0001"]
    assert {(m.label, m.kind) for m in short} == {(full.label, full.kind)}
