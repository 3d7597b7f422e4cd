"""Gazetteer matching: longest match over the view, token boundaries, nested names, offsets into the text."""

from __future__ import annotations

import pytest

from tests.extract_helpers import mentions, sentences

GAZETTEER_CASES = [
    ("中科院长春光机所与一汽集团签约。", {("中科院长春光机所", "inst_ciomp"), ("一汽集团", "inst_faw")}),
    ("中车长客和中国北车长春轨道客车股份有限公司", {("中车长客", "inst_crrc_cc"),
                                              ("中国北车长春轨道客车股份有限公司", "inst_crrc_cc")}),
    ("长春高新区和长春新区", {("长春高新区", "zone_changchun_hitech"), ("长春新区", "zone_changchun_new_area")}),
    ("加强“吉林一号”卫星组网。", {("吉林一号", "prog_jilin1")}),
]


@pytest.mark.parametrize(("text", "expected"), GAZETTEER_CASES, ids=[c[0][:12] for c in GAZETTEER_CASES])
def test_extract_gazetteer_longest_match(text: str, expected: set[tuple[str, str]]) -> None:
    assert expected <= {(m.normalized, m.gazetteer_id) for m in mentions(text)}


def test_extract_short_form_is_not_a_separate_top_level_mention_inside_a_longer_name() -> None:
    result = mentions("长春光机所研制成功。")
    outer = next(m for m in result if m.gazetteer_id == "inst_ciomp")
    changchun = [m for m in result if m.gazetteer_id == "reg_changchun"]
    assert len(changchun) == 1 and outer.start <= changchun[0].start and changchun[0].end <= outer.end
    assert not any(m.gazetteer_id == "inst_ciomp" and m is not outer for m in result)


def test_extract_nested_entities_are_emitted_inside_the_outer_name() -> None:
    result = mentions("吉林大学汽车工程研究院牵头。")
    spans = {m.normalized: (m.start, m.end) for m in result}
    assert spans["吉林大学汽车工程研究院"] == (0, 11)
    assert spans["吉林大学"] == (0, 4)
    assert ("汽车", "Industry") in {(m.normalized, m.label.value) for m in result}


def test_extract_cas_institute_contains_the_academy() -> None:
    ids = {m.gazetteer_id for m in mentions("中国科学院长春光学精密机械与物理研究所承担任务。")}
    assert {"inst_ciomp", "inst_cas", "reg_changchun"} <= ids


def test_extract_curated_names_cut_through_a_token_are_not_mentions() -> None:
    assert not any(m.gazetteer_id == "inst_crrc_cc" for m in mentions("经济增长客观上需要创新。"))


def test_extract_mention_offsets_point_into_the_original_text() -> None:
    text = "　　吉林大學與長春光機所合作，共建長春理工大學研究中心。"
    result = mentions(text)
    assert all(text[m.start:m.end] == m.surface for m in result)
    assert {"吉林大學", "長春光機所"} <= {m.surface for m in result}
    assert {m.sentence_id for m in result} == {s.id for s in sentences(text, "d0")}


def test_extract_every_mention_has_a_kind_of_its_label() -> None:
    from jig.core.schema import KINDS

    text = "吉林省科技厅支持长春理工大学、吉林化纤集团和长春新区共建长春市光电子产业技术创新战略联盟。"
    for mention in mentions(text):
        assert mention.kind in KINDS[mention.label]
        assert mention.source in ("gazetteer", "form")
