"""Scoring: known precision, recall and F1 on small hand-made predicted and gold sets."""

from __future__ import annotations

import pytest

from evaluation.gold import GoldEntity, GoldItem, GoldRelation, expected_relations, normalize_name
from evaluation.report import format_report
from evaluation.scoring import PredictedEntity, PredictedRelation, Score, match_entities, score_item, summarize
from jig.core.schema import Label, RelType

INST, PLAT, REG = Label.INSTITUTION, Label.PLATFORM, Label.REGION

GOLD = GoldItem(
    id="g",
    entities=(
        GoldEntity(INST, "吉林大学", ("吉大",)),
        GoldEntity(INST, "长春理工大学"),
        GoldEntity(PLAT, "吉林大学科技园"),
        GoldEntity(REG, "长春市", ("长春",)),
    ),
    relations=(
        GoldRelation(RelType.HOSTED_BY, "吉林大学科技园", "吉林大学"),
        GoldRelation(RelType.COOPERATES_WITH, "吉林大学", "长春理工大学"),
        GoldRelation(RelType.LOCATED_IN, "长春理工大学", "长春市"),
    ),
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("長春理工大學", "长春理工大学"),
        ("“双十”工程", "双十工程"),
        ("吉林省１００户企业", "吉林省100户企业"),
        ("产学研（省校合作）协同创新计划", "产学研(省校合作)协同创新计划"),
        ("「吉大一院」", "吉大一院"),
    ],
)
def test_evaluate_normalize_name(text: str, expected: str):
    assert normalize_name(text) == expected


@pytest.mark.parametrize(
    ("score", "precision", "recall", "f1"),
    [
        (Score(tp=3, predicted=4, gold=6), 0.75, 0.5, 0.6),
        (Score(tp=0, predicted=0, gold=2), 0.0, 0.0, 0.0),
        (Score(tp=2, predicted=2, gold=2), 1.0, 1.0, 1.0),
        (Score(tp=0, predicted=3, gold=0), 0.0, 0.0, 0.0),
    ],
)
def test_evaluate_score_precision_recall_f1(score: Score, precision: float, recall: float, f1: float):
    assert (score.precision, score.recall, score.f1) == pytest.approx((precision, recall, f1))


# (predicted entities, predicted relations, entity (tp, predicted, gold), relation (tp, predicted, gold))
_CASES = [
    pytest.param(
        [PredictedEntity("a", INST, ("吉林大学", "吉大")), PredictedEntity("b", INST, ("长春理工大学",)),
         PredictedEntity("c", PLAT, ("吉林大学科技园",)), PredictedEntity("d", REG, ("长春市",))],
        [PredictedRelation(RelType.HOSTED_BY, "c", "a"), PredictedRelation(RelType.COOPERATES_WITH, "b", "a"),
         PredictedRelation(RelType.LOCATED_IN, "b", "d")],
        (4, 4, 4), (3, 3, 3), id="perfect; COOPERATES_WITH is symmetric",
    ),
    pytest.param(
        [PredictedEntity("a", INST, ("吉大",)), PredictedEntity("d", REG, ("長春",))],
        [],
        (2, 2, 4), (0, 0, 3), id="matched by alternatives and traditional script",
    ),
    pytest.param(
        [PredictedEntity("a", INST, ("吉林大学",)), PredictedEntity("a2", INST, ("吉大",)),
         PredictedEntity("x", REG, ("吉林大学",))],
        [],
        (1, 3, 4), (0, 0, 3), id="split entity is one hit and one false positive; label must agree",
    ),
    pytest.param(
        [PredictedEntity("a", INST, ("吉林大学",)), PredictedEntity("c", PLAT, ("吉林大学科技园",)),
         PredictedEntity("e", INST, ("东北师范大学",))],
        [PredictedRelation(RelType.HOSTED_BY, "c", "a"), PredictedRelation(RelType.HOSTED_BY, "c", "e"),
         PredictedRelation(RelType.CO_MENTIONED, "a", "e"), PredictedRelation(RelType.LEADS, "a", "c")],
        (2, 3, 4), (1, 3, 3), id="unmatched endpoints and wrong types are false positives; CO_MENTIONED ignored",
    ),
]


@pytest.mark.parametrize(("predicted", "relations", "entity_counts", "relation_counts"), _CASES)
def test_evaluate_score_item(predicted, relations, entity_counts, relation_counts):
    item = score_item(GOLD, predicted, relations)
    entities = sum(item.entities.values(), Score())
    relation_total = sum(item.relations.values(), Score())
    assert (entities.tp, entities.predicted, entities.gold) == entity_counts
    assert (relation_total.tp, relation_total.predicted, relation_total.gold) == relation_counts


def test_evaluate_match_entities_is_one_to_one_and_maximal():
    gold = [GoldEntity(INST, "吉林大学", ("吉大",)), GoldEntity(INST, "吉大一院", ("吉大",))]
    predicted = [PredictedEntity("x", INST, ("吉大",)), PredictedEntity("y", INST, ("吉林大学",))]
    assert match_entities(predicted, gold) == {0: 1, 1: 0}


def test_evaluate_summarize_per_label_overall_and_unseen():
    seen = score_item(GOLD, [PredictedEntity("a", INST, ("吉林大学",))], [])
    unseen_item = GoldItem("u", (GoldEntity(INST, "北华大学"), GoldEntity(REG, "吉林市")), (), unseen=True)
    unseen = score_item(unseen_item, [PredictedEntity("b", INST, ("北华大学",)),
                                      PredictedEntity("c", PLAT, ("北华大学科技园",))], [])
    report = summarize([seen, unseen])
    assert report.entities["Institution"] == Score(tp=2, predicted=2, gold=3)
    assert report.entities["Platform"] == Score(tp=0, predicted=1, gold=1)
    assert report.entity_overall == Score(tp=2, predicted=3, gold=6)
    assert report.unseen == Score(tp=1, predicted=2, gold=2)
    assert report.unseen_recall == pytest.approx(0.5)
    assert report.relation_overall == Score(tp=0, predicted=0, gold=3)
    text = format_report(report, details=True)
    assert "Institution" in text and "unseen-passage entity recall: 0.500 (1/2)" in text
    assert "Region 吉林市" in text and "Platform 北华大学科技园" in text


_DERIVATION = GoldItem(
    id="d",
    entities=(
        GoldEntity(INST, "吉林大学"),
        GoldEntity(INST, "长春新区管理委员会", kind="Government"),
        GoldEntity(PLAT, "吉林大学汽车工程研究院"),
        GoldEntity(Label.ALLIANCE, "汽车产业技术创新战略联盟"),
        GoldEntity(Label.PROGRAM, "吉林省科技发展计划"),
        GoldEntity(Label.INDUSTRY, "汽车"),
        GoldEntity(Label.INDUSTRY, "光电子"),
        GoldEntity(Label.TECHNOLOGY, "CMOS图像传感器"),
    ),
    relations=(
        GoldRelation(RelType.HOSTED_BY, "吉林大学汽车工程研究院", "吉林大学"),
        GoldRelation(RelType.HOSTED_BY, "吉林大学汽车工程研究院", "长春新区管理委员会"),
        GoldRelation(RelType.FOCUSES_ON, "吉林大学汽车工程研究院", "汽车"),
        GoldRelation(RelType.FOCUSES_ON, "吉林大学汽车工程研究院", "CMOS图像传感器"),
        GoldRelation(RelType.LEADS, "吉林大学", "汽车产业技术创新战略联盟"),
        GoldRelation(RelType.FOCUSES_ON, "汽车产业技术创新战略联盟", "汽车"),
        GoldRelation(RelType.SUPPORTS, "吉林省科技发展计划", "吉林大学"),
        GoldRelation(RelType.FOCUSES_ON, "吉林省科技发展计划", "光电子"),
    ),
)


def test_evaluate_expected_relations_add_derived_anchors():
    derived = {(r.source, r.target) for r in expected_relations(_DERIVATION) if r.type is RelType.ANCHORS}
    # hosting and leading give 汽车 (once), being supported by a programme gives 光电子; a technology
    # is no industry, and a government body anchors nothing
    assert derived == {("吉林大学", "汽车"), ("吉林大学", "光电子")}
    assert expected_relations(_DERIVATION)[:len(_DERIVATION.relations)] == _DERIVATION.relations


def test_evaluate_derived_anchors_are_scored():
    predicted = [PredictedEntity("a", INST, ("吉林大学",)), PredictedEntity("i", Label.INDUSTRY, ("汽车",))]
    item = score_item(_DERIVATION, predicted, [PredictedRelation(RelType.ANCHORS, "a", "i")])
    assert item.relations[RelType.ANCHORS] == Score(tp=1, predicted=1, gold=2)
