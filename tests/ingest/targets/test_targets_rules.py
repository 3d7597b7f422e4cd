"""ingest.targets.goals on sentence tables: metric, value, unit, comparator, year, kind, ids, evidence."""

from __future__ import annotations

import unicodedata

import pytest

from ingest.lexicon.gazetteer import default_gazetteer
from ingest.segment.sentences import Segmenter
from ingest.targets.goals import extract_targets, load_metrics, target_id
from jig.core.errors import DataFileError
from jig.core.records import Document, Target

_SEGMENTER: list[Segmenter] = []


def targets_of(text: str, year: int | None = 2014, doc_id: str = "t000") -> list[Target]:
    """Targets of a one-document corpus whose view is the character-wise NFKC form of `text`."""
    if not _SEGMENTER:
        _SEGMENTER.append(Segmenter(default_gazetteer()))
    view = "".join(n if len(n := unicodedata.normalize("NFKC", c)) == 1 else c for c in text)
    document = Document(doc_id, f"{doc_id}.txt", f"{doc_id}.txt", text, view, year=year)
    return extract_targets(_SEGMENTER[0].run(document), {doc_id: document})


def rows(text: str, year: int | None = 2014) -> list[tuple]:
    return [(t.kind, t.metric, t.value, t.unit, t.comparator, t.year) for t in targets_of(text, year)]


CASES = [
    # full-width digits, letters and signs, and a parenthesis inside the metric
    ("到２０１７年，全省Ｒ＆Ｄ（创新与开发）经费投入占ＧＤＰ的比重达到２％左右。",
     [("Target", "R&D经费占GDP比重", 2.0, "%", "左右", 2017)]),
    # several years in one sentence, the nearest one before each value
    ("到2025年研究与试验发展经费支出占地区生产总值比重超过2%，到2035年研究与试验发展经费支出占地区生产总值比重超过3%。",
     [("Target", "R&D经费占GDP比重", 2.0, "%", "超过", 2025), ("Target", "R&D经费占GDP比重", 3.0, "%", "超过", 2035)]),
    # an enumeration of targets, metric before the value, levels of their own
    ("到2017年，建设省级以上企业技术中心400个、省级重点实验室60个、省级中试中心20个。",
     [("Target", "省级企业技术中心数量", 400.0, "个", "", 2017), ("Target", "省级重点实验室数量", 60.0, "个", "", 2017),
      ("Target", "省级中试中心数量", 20.0, "个", "", 2017)]),
    # metric after the value, and amounts of money
    ("到2020年，建设50个省级技术转移示范机构，全省技术合同交易额力争达到50亿元。",
     [("Target", "省级技术转移示范机构数量", 50.0, "个", "", 2020), ("Target", "技术合同交易额", 50.0, "亿元", "达到", 2020)]),
    # a past year: a baseline
    ("2012年全社会研究开发支出首次突破百亿，达到124.618亿元。",
     [("Baseline", "全社会研发经费支出", 124.618, "亿元", "达到", 2012)]),
    # from one year's figure down to another's: both baselines, the second inherits the metric
    ("全社会研究开发投入占GDP的比重从2005年的1.09%下降到2012年的0.96%。",
     [("Baseline", "R&D经费占GDP比重", 1.09, "%", "", 2005), ("Baseline", "R&D经费占GDP比重", 0.96, "%", "", 2012)]),
    # 分别: lists paired in order, the level heading the list applies to every item
    ("全省共有省级科技创新中心、重点实验室、企业技术中心分别达到100个、44个和218个。",
     [("Baseline", "省级科技创新中心数量", 100.0, "个", "达到", None), ("Baseline", "省级重点实验室数量", 44.0, "个", "", None),
      ("Baseline", "省级企业技术中心数量", 218.0, "个", "", None)]),
    # the goal year stated in an earlier sentence of the same paragraph
    ("力争到2015年，基本建成区域创新体系。全省R&D经费占GDP的比重达到2%左右，高技术产业增加值占规模以上工业增加值比重达到20%。",
     [("Target", "R&D经费占GDP比重", 2.0, "%", "左右", 2015), ("Target", "高技术产业增加值占工业增加值比重", 20.0, "%", "达到", 2015)]),
    # a five-year plan's end, carried over the list after the colon
    ("到“十二五”末，我省的目标是：\n1.建设和完善100个重点实验室。\n2.公民具备基本科学素质的比例达到5％。",
     [("Target", "重点实验室数量", 100.0, "个", "", 2015), ("Target", "公民具备科学素质的比例", 5.0, "%", "达到", 2015)]),
    # the metric in the clause before, the value's clause only says when and how much
    ("加快建立产业技术创新战略联盟，到2015年发展到30个。",
     [("Target", "产业技术创新联盟数量", 30.0, "个", "发展到", 2015)]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:14] for c in CASES])
def test_targets_table(text: str, expected: list[tuple]) -> None:
    assert rows(text) == expected


NEGATIVE_CASES = [
    "对列入年度科技计划的联盟项目每项支持50-100万元。",          # a range of grants, no metric
    "完善高新技术企业培育服务体系，在全省重点培育2000户小巨人企业。",  # the metric belongs to another clause
    "分别占全国的3.36%、1.45%和1.77%。",                          # shares without a metric
    "重点实验室达到15%。",                                         # a unit that does not fit the metric
]


@pytest.mark.parametrize("text", NEGATIVE_CASES)
def test_targets_none_without_metric(text: str) -> None:
    assert targets_of(text) == []


def test_targets_paragraph_break_ends_the_goal_year() -> None:
    assert rows("到2017年，建设一批平台。\n全省技术合同交易额达到50亿元。") == [
        ("Target", "技术合同交易额", 50.0, "亿元", "达到", None)]


def test_targets_past_context_makes_baselines() -> None:
    assert rows("“十一五”以来，成效明显。全省建成生产力促进中心42个。") == [
        ("Baseline", "生产力促进中心数量", 42.0, "个", "", None)]


def test_targets_year_after_the_document_is_a_target() -> None:
    assert rows("2030年技术合同交易额达到100亿元。", year=2021)[0][0] == "Target"
    assert rows("2020年技术合同交易额达到100亿元。", year=2021)[0][0] == "Baseline"


def test_targets_stable_ids_and_verbatim_evidence() -> None:
    text = "到２０１７年，全省Ｒ＆Ｄ经费投入占ＧＤＰ的比重达到２％左右。到2017年，R&D经费占GDP比重达到2%。"
    found = targets_of(text)
    assert len(found) == 1  # the same document, metric, year and value: one target
    target = found[0]
    assert target.id == target_id("t000", "R&D经费占GDP比重", 2017, 2.0) == targets_of(text)[0].id
    assert target.id.startswith("tgt_")
    assert text[target.evidence.start:target.evidence.end] == target.evidence.text
    assert target.metric_en == "R&D expenditure as a share of GDP"


def test_targets_metric_file_errors_name_the_line(tmp_path) -> None:
    path = tmp_path / "metrics.yaml"
    path.write_text("levels: []\nmetrics:\n  - name: X\n    name_en: X\n    units: ['%']\n    patterns: ['(']\n",
                    encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        load_metrics(path)
    assert error.value.line == 3
