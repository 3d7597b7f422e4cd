"""Relations in news phrasing, through the real stages: builders named before the verb, class words
referring back to a named platform or zone (该中心, 孵化器由…), places a platform is set in (设在)."""

from __future__ import annotations

import pytest

from ingest.lexicon.gazetteer import default_gazetteer
from ingest.relate.relations import relate
from ingest.resolve.entities import resolve
from tests.extract_helpers import sentences, stages

GAZETTEER = default_gazetteer()


def typed(text: str) -> set[tuple[str, str, str]]:
    """(source name, type, target name) of every typed edge of `text`."""
    found = sentences(text)
    resolution = resolve(stages()[1].run(found), GAZETTEER)
    names = {e.id: e.name for e in resolution.entities}
    return {(names[e.source], e.type.value, names[e.target]) for e in relate(found, resolution, GAZETTEER)
            if e.type.value != "CO_MENTIONED"}


@pytest.mark.parametrize(("text", "expected"), [
    ("由长春理工大学承建的长春光电子中试基地通过验收。", ("长春光电子中试基地", "HOSTED_BY", "长春理工大学")),
    ("东北师范大学建设的紫外光发射材料与技术教育部重点实验室揭牌。",
     ("紫外光发射材料与技术教育部重点实验室", "HOSTED_BY", "东北师范大学")),
    ("吉林省光电子产业孵化器已孵化企业300家。孵化器由中国科学院长春光学精密机械与物理研究所与长春新区管委会共同建设。",
     ("吉林省光电子产业孵化器", "HOSTED_BY", "中国科学院长春光学精密机械与物理研究所")),
    ("吉林省光电子产业孵化器已孵化企业300家。孵化器由中国科学院长春光学精密机械与物理研究所与长春新区管委会共同建设。",
     ("吉林省光电子产业孵化器", "HOSTED_BY", "长春新区管委会")),
    ("依托吉林农业大学建设的吉林省大豆食品加工工程技术研究中心通过验收。该中心围绕农产品加工领域开展研究。",
     ("吉林省大豆食品加工工程技术研究中心", "FOCUSES_ON", "农产品加工")),
    ("科技部批复建设吉林公主岭国家农业科技园区。园区位于公主岭市。",
     ("吉林公主岭国家农业科技园区", "LOCATED_IN", "公主岭市")),
    ("长春光电子中试基地设在长春经济技术开发区。", ("长春光电子中试基地", "LOCATED_IN", "长春经济技术开发区")),
    # 该… within a paragraph, several sentences back; an institution by its kind (该公司)
    ("吉林省大豆食品加工工程技术研究中心通过验收。中心有科研人员50人。今年新增专利10项。经费充足。该中心依托吉林农业大学建设。",
     ("吉林省大豆食品加工工程技术研究中心", "HOSTED_BY", "吉林农业大学")),
    ("长春长光辰芯光电技术有限公司成立于2012年。今年销售额增长三成。该公司与长春理工大学签约。",
     ("长春理工大学", "COOPERATES_WITH", "长春长光辰芯光电技术有限公司")),
    # news cue phrases
    ("长春长光辰芯光电技术有限公司入驻长春新区。", ("长春长光辰芯光电技术有限公司", "LOCATED_IN", "长春新区")),
])
def test_relate_reads_news_phrasings(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in typed(text)


@pytest.mark.parametrize(("text", "unexpected"), [
    # the builder must stand right before the verb: a supporter further left hosts nothing
    ("吉林省科学技术厅支持企业建设吉林省大豆食品加工工程技术研究中心。",
     ("吉林省大豆食品加工工程技术研究中心", "HOSTED_BY", "吉林省科学技术厅")),
    # a class word refers back only to a name ending with it, and only within two sentences
    ("吉林省光电子产业孵化器已孵化企业300家。园区位于长春市。", ("吉林省光电子产业孵化器", "LOCATED_IN", "长春市")),
    ("吉林省光电子产业孵化器已孵化企业300家。今年新增企业50家。全市企业发展良好。孵化器位于长春市。",
     ("吉林省光电子产业孵化器", "LOCATED_IN", "长春市")),
    # a class word inside a sentence (not opening it or a clause) stands for nothing
    ("吉林省光电子产业孵化器已孵化企业300家。新建孵化器位于长春市。", ("吉林省光电子产业孵化器", "LOCATED_IN", "长春市")),
])
def test_relate_news_phrasings_keep_precision(text: str, unexpected: tuple[str, str, str]) -> None:
    assert unexpected not in typed(text)
