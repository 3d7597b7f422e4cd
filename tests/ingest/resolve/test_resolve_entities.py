"""Resolution: one entity per real thing, curated or discovered, with stable ids and English names."""

from __future__ import annotations

import hashlib

import pytest

from ingest.lexicon.gazetteer import default_gazetteer
from ingest.resolve.entities import Resolution, canonical_name, entity_id, resolve
from ingest.resolve.name_en import english_name
from jig.core.schema import Label
from tests.extract_helpers import mentions


def _resolved(*texts: str) -> Resolution:
    return resolve(mentions(*texts), default_gazetteer())


def _ids_of(resolution: Resolution, *names: str) -> set[str]:
    return {r.entity_id for r in resolution.mentions if r.mention.normalized in names}


SAME_ENTITY_CASES = [
    (("长春光机所", "中科院长春光机所", "中国科学院长春光学精密机械与物理研究所"), "inst_ciomp"),
    (("一汽", "一汽集团", "中国一汽"), "inst_faw"),
    (("中国北车长春轨道客车股份有限公司", "中车长客"), "inst_crrc_cc"),
]


@pytest.mark.parametrize(("names", "expected"), SAME_ENTITY_CASES, ids=[c[1] for c in SAME_ENTITY_CASES])
def test_resolve_aliases_and_renamed_organisations_to_one_curated_entity(names: tuple[str, ...], expected: str) -> None:
    resolution = _resolved(*(f"支持{name}开展研发。" for name in names))
    assert _ids_of(resolution, *names) == {expected}
    entity = next(e for e in resolution.entities if e.id == expected)
    assert entity.source == "gazetteer" and entity.name_en
    assert set(names) - {entity.name} <= set(entity.aliases)


def test_resolve_traditional_script_to_the_curated_entity() -> None:
    resolution = _resolved("吉林大學與東北師範大學聯合攻關。")
    assert _ids_of(resolution, "吉林大学") == {"inst_jlu"}
    jlu = next(e for e in resolution.entities if e.id == "inst_jlu")
    assert jlu.name == "吉林大学" and "吉林大學" in jlu.aliases


def test_resolve_discovered_names_across_documents_and_cas_prefixes() -> None:
    resolution = _resolved("中科院长春技术转移中心成立。", "中国科学院长春技术转移中心开展服务。")
    ids = _ids_of(resolution, "中科院长春技术转移中心", "中国科学院长春技术转移中心")
    assert len(ids) == 1
    entity = next(e for e in resolution.entities if e.id in ids)
    assert entity.name == "中国科学院长春技术转移中心" and entity.source == "discovered"
    assert entity.label is Label.PLATFORM and entity.kind == "TechTransferCenter"
    assert entity.id == entity_id(Label.PLATFORM, "中国科学院长春技术转移中心")


def test_resolve_abbreviation_introduced_in_text_links_to_the_full_name() -> None:
    resolution = _resolved("组建吉林省生物医药研究院（以下简称“生物院”）。生物院牵头攻关。", "生物院与吉林大学合作。")
    ids = _ids_of(resolution, "吉林省生物医药研究院", "生物院")
    assert len(ids) == 1
    entity = next(e for e in resolution.entities if e.id in ids)
    assert entity.name == "吉林省生物医药研究院" and "生物院" in entity.aliases
    assert sum(1 for r in resolution.mentions if r.entity_id in ids) == 4


def test_resolve_neighbouring_names_are_not_taken_for_abbreviations() -> None:
    resolution = _resolved("长春理工大学、长春大学和北华大学联合申报。")
    assert len(_ids_of(resolution, "长春理工大学", "长春大学", "北华大学")) == 3


def test_resolve_ids_are_stable_across_runs() -> None:
    text = "北华大学与吉林省汽车电子工程研究中心、吉林大学共建实验室。"
    first, second = _resolved(text), _resolved(text)
    assert [e.id for e in first.entities] == [e.id for e in second.entities]
    assert [r.entity_id for r in first.mentions] == [r.entity_id for r in second.mentions]
    beihua = next(e for e in first.entities if e.name == "北华大学")
    assert beihua.id == "inst_" + hashlib.sha1("北华大学".encode()).hexdigest()[:10]


def test_resolve_every_mention_resolves_to_a_listed_entity() -> None:
    resolution = _resolved("吉林省人民政府支持延边大学、吉林化纤和长春新区建设“双十”工程。")
    ids = {e.id for e in resolution.entities}
    assert len(ids) == len(resolution.entities)
    assert {r.entity_id for r in resolution.mentions} == ids
    assert {"inst_jl_gov", "inst_jcf", "zone_changchun_new_area"} <= ids


@pytest.mark.parametrize(("text", "expected"), [
    ("“双十”工程", "双十工程"),
    ("中科院长春分院", "中国科学院长春分院"),
    ("  《长白山人才工程》，", "长白山人才工程"),
])
def test_resolve_canonical_name(text: str, expected: str) -> None:
    assert canonical_name(text) == expected


@pytest.mark.parametrize(("name", "expected"), [
    ("北华大学", "Beihua University"),
    ("延边大学", "Yanbian University"),
    ("长春理工大学", "Changchun University of Science and Technology"),
    ("吉林省养蜂研究所", "Jilin Provincial Institute of Apiculture"),
    ("高分子物理与化学国家重点实验室", "State Key Laboratory of Polymer Physics and Chemistry"),
    ("吉林省汽车电子工程研究中心", "Jilin Provincial Engineering Research Center of Automotive Electronics"),
    ("汽车产业技术创新战略联盟", "Automotive Industrial Technology Innovation Strategic Alliance"),
    ("中韩（长春）国际合作示范区", "China-Korea (Changchun) International Cooperation Demonstration Zone"),
    ("吉林大学汽车工程研究院", "Jilin University Research Institute of Automotive Engineering"),
    ("吉林敖东药业集团股份有限公司", "Jilin Aodong Pharmaceutical Group Co., Ltd."),
    ("国务院办公厅", "General Office of the State Council of China"),
    ("吉林省人民政府办公厅", "General Office of the People's Government of Jilin Province"),
    ("长春市科技局", "Changchun Science and Technology Bureau"),
])
def test_resolve_english_names_of_discovered_entities(name: str, expected: str) -> None:
    assert english_name(name, default_gazetteer()) == expected
