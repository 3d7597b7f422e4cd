"""Form-based discovery on news and notices unlike the bundled corpus: other years and cities,
enumerations with 、 and 和, quotes, traditional script, full-width digits."""

from __future__ import annotations

import pytest

from ingest.lexicon.gazetteer import default_gazetteer
from ingest.resolve.name_en import english_name
from tests.extract_helpers import found, mentions

NEWS_CASES = [
    ("據悉，由北華大學牽頭組建的吉林省森林食品產業技術創新戰略聯盟也將參與研發。",
     [("北华大学", "Institution", "University"),
      ("吉林省森林食品产业技术创新战略联盟", "Alliance", "IndustryAlliance")]),
    ("2023年5月，哈尔滨工业大学与黑龙江省科学院签署协议，共建寒地黑土保护利用联合实验室。",
     [("哈尔滨工业大学", "Institution", "University"), ("黑龙江省科学院", "Institution", "Academy"),
      ("寒地黑土保护利用联合实验室", "Platform", "KeyLab"), ("黑龙江省", "Region", "Province")]),
    ("四平市人民政府、吉林师范大学和四平红嘴集团有限公司共同发起成立四平市专用车产业技术创新联盟。",
     [("四平市人民政府", "Institution", "Government"), ("吉林师范大学", "Institution", "University"),
      ("四平红嘴集团有限公司", "Institution", "Enterprise"),
      ("四平市专用车产业技术创新联盟", "Alliance", "IndustryAlliance")]),
    ("據悉，白城師範學院、白城市農業科學院聯合申報的「吉林省燕麥育種工程研究中心」已獲批建設。",
     [("白城师范学院", "Institution", "University"), ("白城市农业科学院", "Institution", "Academy"),
      ("吉林省燕麦育种工程研究中心", "Platform", "EngineeringCenter")]),
    ("延边大学依托“长白山人参基因编辑育种技术”项目，与敦化市人民政府开展合作。",
     [("延边大学", "Institution", "University"), ("长白山人参基因编辑育种技术", "Program", "Project"),
      ("人参基因编辑育种技术", "Technology", "Technology"), ("敦化市人民政府", "Institution", "Government")]),
    ("通化市东昌区将建设通化葡萄酒产业园，重点发展山葡萄酿造技术。",
     [("通化市东昌区", "Region", "County"), ("通化葡萄酒产业园", "Zone", "Other"),
      ("山葡萄酿造技术", "Technology", "Technology")]),
    ("吉林省将实施“吉林科技2030”，并设立总规模１０亿元的吉林省科技成果转化引导基金。",
     [("吉林科技2030", "Program", "Policy"), ("吉林省科技成果转化引导基金", "Program", "Fund")]),
    ("松原市宁江区、长春市双阳区和长春市九台区入选省级创新型县（市、区）。",
     [("松原市宁江区", "Region", "County"), ("长春市双阳区", "Region", "County"),
      ("长春市九台区", "Region", "County")]),
    ("长春工程学院、吉林建筑大学等高校的技术市场交易额增长２０％。",
     [("长春工程学院", "Institution", "University"), ("吉林建筑大学", "Institution", "University")]),
    ("吉林省氢能产业技术创新中心依托吉林电力股份有限公司建设，聚焦氢燃料电池和碱性电解水制氢技术。",
     [("吉林省氢能产业技术创新中心", "Platform", "TechInnovationCenter"),
      ("吉林电力股份有限公司", "Institution", "Enterprise"), ("氢燃料电池", "Technology", "Technology"),
      ("电解水制氢技术", "Technology", "Technology")]),
    ("２０２４年，長春光華學院與大連理工大學合作共建的智能製造產業學院正式揭牌。",
     [("长春光华学院", "Institution", "University"), ("大连理工大学", "Institution", "University"),
      ("大连", "Region", "City")]),
    ("沈阳自动化研究所、吉林大学和中国科学院长春分院联合承担国家重点研发计划项目“黑土地保护性耕作关键技术”。",
     [("沈阳自动化研究所", "Institution", "ResearchInstitute"), ("吉林大学", "Institution", "University"),
      ("中国科学院长春分院", "Institution", "Academy"), ("黑土地保护性耕作关键技术", "Program", "Project")]),
    ("梅河口市人民政府与北京中关村科技园区管理委员会签约，共建梅河口中关村创新中心孵化器。",
     [("梅河口市人民政府", "Institution", "Government"), ("北京", "Region", "City"),
      ("梅河口中关村创新中心孵化器", "Platform", "Incubator")]),
]


@pytest.mark.parametrize(("text", "expected"), NEWS_CASES, ids=[c[0][:14] for c in NEWS_CASES])
def test_extract_news_from_other_years_and_cities(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert set(expected) <= found(text)


NOT_NAMES_CASES = [
    ("在50家企业分别实施规划类专利导航工程和运营类专利导航工程。", "专利导航工程"),
    ("东北亚区域合作不断深化。", "东北"),
    ("吉大正元信息技术股份有限公司发布年报。", "吉大"),
    ("长春市城区和长春市高新区的企业数量增长。", "长春市城区"),
    ("要加强关键技术、核心技术和共性技术攻关，推动技术创新和技术转移。", "技术"),
]


@pytest.mark.parametrize(("text", "absent"), NOT_NAMES_CASES, ids=[c[1] for c in NOT_NAMES_CASES])
def test_extract_class_words_and_parts_of_longer_names_are_not_mentions(text: str, absent: str) -> None:
    assert not any(m.normalized.endswith(absent) or m.normalized == absent for m in mentions(text))


@pytest.mark.parametrize(("name", "expected"), [
    ("长春长光辰芯光电技术有限公司", "Changchun Changguang Chenxin Optoelectronic Technology Co., Ltd."),
    ("长春市朝阳区", "Changchun Chaoyang District"),
    ("长岭县", "Changling County"),
    ("吉林制造2025", "Jilin Manufacturing 2025"),
    ("磁悬浮列车技术", "Maglev Train Technology"),
    ("医工结合创新研究院", "Medical-Engineering Integration Innovation Research Institute"),
])
def test_resolve_english_names_read_polyphones_as_in_names(name: str, expected: str) -> None:
    assert english_name(name, default_gazetteer()) == expected
