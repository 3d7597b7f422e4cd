"""ingest.instruments.coding through the real pipeline: which sentences are measures, their types and cues,
goal figures, the entities a coding applies to, ids and order."""

from __future__ import annotations

import pytest

from ingest.instruments.coding import code_view, instrument_id
from ingest.pipeline import extract_documents
from jig.core.records import Document, Extraction
from jig.core.schema import INSTRUMENT_SIDES, INSTRUMENT_TARGETS
from jig.core.text import simplified_view


def extraction_of(text: str, year: int = 2016, doc_id: str = "t100") -> Extraction:
    """The whole text pipeline on a one-document corpus."""
    return extract_documents([Document(doc_id, f"{doc_id}.txt", f"{doc_id}.txt", text, simplified_view(text),
                                       year=year)])


def types_of(text: str, year: int = 2016) -> dict[str, tuple[str, ...]]:
    return {i.kind: i.cues for i in extraction_of(text, year).instruments}


CASES = [
    # supply side: talent, funding, platforms, technology, information
    ("鼓励企业与高校联合设立人才培训基地。", {"Talent", "Infrastructure"}),
    ("对获得当年吉林省专利奖的项目，每件一次性给予5万元的奖励。", {"Funding", "IntellectualProperty"}),
    ("攻克一批重大关键技术和共性技术，促进先进适用技术转化应用。", {"TechnicalSupport"}),
    ("建立跨部门的全省科技信息系统和全省科技报告系统。", {"Information"}),
    # environment side
    ("合理使用税收抵扣、减免和加速折旧等政策，鼓励企业加大投入；", {"Tax"}),
    ("鼓励商业银行积极开展股权质押和专利权质押贷款。", {"Finance", "IntellectualProperty"}),
    ("建立知识产权维权援助机制，依法查处侵犯知识产权的违法犯罪行为。", {"IntellectualProperty", "Regulation"}),
    ("（二）加强组织领导，形成部门间计划协调与政策联动。", {"StrategicMeasures"}),
    # demand side
    ("拓展政府采购的扶持功能，支持省内具有自主知识产权的重要高新技术装备及产品生产；", {"Procurement"}),
    ("以政府购买服务等方式，支持中介服务企业发展。", {"Outsourcing", "TechnicalSupport"}),
    ("开展战略性新兴产业创新成果应用试点和示范。", {"PilotDemonstration"}),
    ("发挥东北亚博览会作用，扩大开展国际化技术产权交易。", {"TradeMarketAccess"}),
    # no measure: furniture, purpose clauses, reports, bare headings
    ("为贯彻落实国务院意见精神，促进我省科技服务业健康发展，现提出如下实施意见：", set()),
    ("“十一五”期间，全省科技工作取得了突破性进展，做出了重要贡献。", set()),
    ("各县（市）、区人民政府，开发区管委会：", set()),
    ("二○一一年六月七日", set()),
    # a cited title is not looked into
    ("根据《吉林省专利条例》制定本方案。", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_coding_types_of_a_sentence(text, expected):
    assert set(types_of(text)) == expected


def test_coding_keeps_the_cue_words_found():
    cues = types_of("鼓励商业银行积极开展股权质押和专利权质押贷款。")
    assert cues["Finance"] == ("质押", "贷款") and cues["IntellectualProperty"] == ("专利",)


def test_coding_a_goal_figure_makes_goal_planning_with_the_target_as_cue():
    cues = types_of("到2025年，研究与试验发展经费支出占地区生产总值比重达到2.5%。", year=2021)
    assert "GoalPlanning" in cues and any("2.5%" in cue for cue in cues["GoalPlanning"])


def test_coding_a_report_of_figures_only_is_no_measure():
    assert types_of("2012年，全省建设省级重点实验室60个，引进人才100名。", year=2014) == {}


def test_coding_record_carries_side_year_sentence_and_entities():
    text = "支持吉林大学建设汽车仿真与控制国家重点实验室，加快长春市汽车产业发展。"
    extraction = extraction_of(text, year=2016)
    labels = {e.id: e.label for e in extraction.resolution.entities}
    (sentence,) = extraction.sentences
    codings = extraction.instruments
    assert [c.kind for c in codings] == [k for k in INSTRUMENT_SIDES if k in {c.kind for c in codings}]
    for coding in codings:
        assert coding.id == instrument_id(sentence.id, coding.kind) == f"instr_{sentence.id}.{coding.kind}"
        assert coding.side == INSTRUMENT_SIDES[coding.kind] and coding.year == 2016 and coding.doc_id == "t100"
        assert coding.evidence.text == text and coding.evidence.sentence_id == sentence.id
        assert "inst_jlu" in coding.entities and "ind_automotive" in coding.entities
        assert all(labels[e] in INSTRUMENT_TARGETS for e in coding.entities)
    assert not any(e.startswith("reg_") for c in codings for e in c.entities)


def test_coding_view_reads_traditional_script():
    assert set(code_view(simplified_view("鼓勵商業銀行開展專利權質押貸款。"))) == {"Finance", "IntellectualProperty"}
