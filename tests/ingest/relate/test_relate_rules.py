"""ingest.relate.relations on hand-built mentions: cue rules, names, gazetteer parents, derivations, co-mentions.

Sentences are segmented by the real Segmenter; the mentions are declared per case (surface → entity),
so these tables test relate alone, whatever the extractor finds.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass

import pytest

from ingest.lexicon.gazetteer import default_gazetteer
from ingest.relate.relations import relate
from ingest.segment.sentences import Segmenter
from jig.core.records import Document, Entity, Mention, ResolvedMention, Sentence
from jig.core.schema import ID_PREFIX, RELATIONS, Label, RelType

GAZETTEER = default_gazetteer()


@dataclass(frozen=True)
class Resolved:
    """The two fields of ingest.resolve.entities.Resolution that relate reads."""

    entities: list[Entity]
    mentions: list[ResolvedMention]


#: Names that are not in the gazetteer, as the extractor would find them by their form.
FORMS: dict[str, tuple[Label, str]] = {
    "吉林大学汽车工程研究院": (Label.PLATFORM, "IndustryResearchInstitute"),
    "吉林省光电子重大创新基地": (Label.PLATFORM, "InnovationBase"),
    "汽车产业技术创新战略联盟": (Label.ALLIANCE, "IndustryAlliance"),
    "新能源汽车产业技术创新战略联盟": (Label.ALLIANCE, "IndustryAlliance"),
    "吉林省碳纤维产业技术创新联盟": (Label.ALLIANCE, "IndustryAlliance"),
    "吉林省光电子产业技术创新战略联盟": (Label.ALLIANCE, "IndustryAlliance"),
    "吉林省科技发展计划": (Label.PROGRAM, "Program"),
    "长春生物制品研究所": (Label.INSTITUTION, "ResearchInstitute"),
    "吉林化工集团公司": (Label.INSTITUTION, "Enterprise"),
    "北湖科学城": (Label.ZONE, "ScienceCity"),
    "汽车电子工程研究中心": (Label.PLATFORM, "EngineeringCenter"),
    "长春工业大学": (Label.INSTITUTION, "University"),
    "吉林省产学研集成创新综合体": (Label.PLATFORM, "InnovationBase"),
    "长春高新北区": (Label.ZONE, "HighTechZone"),
    "中俄科技合作园": (Label.ZONE, "Other"),
    "东北黑土地研究院": (Label.INSTITUTION, "ResearchInstitute"),
    "中科院长春光机所光电子创新基地": (Label.PLATFORM, "InnovationBase"),
    "长春长光辰芯光电技术有限公司": (Label.INSTITUTION, "Enterprise"),
    "长光辰芯": (Label.INSTITUTION, "Enterprise"),
}

_SEGMENTER: list[Segmenter] = []


def segment(text: str, doc_id: str = "t000") -> list[Sentence]:
    """Sentences of a one-document corpus; the view is the NFKC form of the text, char for char."""
    if not _SEGMENTER:
        _SEGMENTER.append(Segmenter(GAZETTEER))
    view = "".join(unicodedata.normalize("NFKC", c) if len(unicodedata.normalize("NFKC", c)) == 1 else c
                   for c in text)
    return _SEGMENTER[0].run(Document(doc_id, f"{doc_id}.txt", f"{doc_id}.txt", text, view))


#: Short forms the cases introduce (X（以下简称“Y”）), as resolution would join them to their full name.
SHORT_FORMS = {"长光辰芯": "长春长光辰芯光电技术有限公司"}


def entity_id(surface: str) -> str:
    entry = GAZETTEER.lookup(surface)
    if entry is not None:
        return entry.id
    surface = SHORT_FORMS.get(surface, surface)
    label, _ = FORMS[surface]
    return f"{ID_PREFIX[label]}_{hashlib.sha1(surface.encode()).hexdigest()[:10]}"


def resolution(sentences: list[Sentence], surfaces: list[str]) -> Resolved:
    """Every occurrence of the declared surfaces as a mention resolved to its entity."""
    entities: dict[str, Entity] = {}
    mentions = []
    for surface in surfaces:
        entry = GAZETTEER.lookup(surface)
        label, kind = (entry.label, entry.kind) if entry else FORMS[surface]
        ident = entity_id(surface)
        entities.setdefault(ident, Entity(ident, label, kind, entry.name if entry else SHORT_FORMS.get(surface, surface)))
        for sentence in sentences:
            at = sentence.view.find(surface)
            while at >= 0:
                start = sentence.start + at
                mention = Mention(sentence.id, sentence.doc_id, start, start + len(surface), surface, surface, label,
                                  kind, "gazetteer" if entry else "form", entry.id if entry else None)
                mentions.append(ResolvedMention(mention, ident))
                at = sentence.view.find(surface, at + 1)
    return Resolved(list(entities.values()), mentions)


def typed_triples(text: str, surfaces: list[str]) -> set[tuple[str, str, str]]:
    sentences = segment(text)
    edges = relate(sentences, resolution(sentences, surfaces), GAZETTEER)
    return {(e.source, e.type.value, e.target) for e in edges if e.type is not RelType.CO_MENTIONED}


def triple(source: str, relation: str, target: str) -> tuple[str, str, str]:
    return entity_id(source), relation, entity_id(target)


CUE_CASES = [
    # HOSTED_BY: the institution after 依托, the platform on either side
    ("依托中科院长春光机所加快推进吉林省光电子重大创新基地。", ["中科院长春光机所", "吉林省光电子重大创新基地"],
     {triple("吉林省光电子重大创新基地", "HOSTED_BY", "中科院长春光机所")}),
    ("吉林省光电子重大创新基地依托长春光机所建设。", ["长春光机所", "吉林省光电子重大创新基地"],
     {triple("吉林省光电子重大创新基地", "HOSTED_BY", "长春光机所")}),
    # LEADS: the subject before 牵头, the alliance after it
    ("由一汽牵头组建汽车产业技术创新战略联盟。", ["一汽", "汽车产业技术创新战略联盟"],
     {triple("一汽", "LEADS", "汽车产业技术创新战略联盟")}),
    # MEMBER_OF with an enumeration of members
    ("吉林大学、长春工业大学和吉林化纤加入吉林省碳纤维产业技术创新联盟。",
     ["吉林大学", "长春工业大学", "吉林化纤", "吉林省碳纤维产业技术创新联盟"],
     {triple(m, "MEMBER_OF", "吉林省碳纤维产业技术创新联盟") for m in ("吉林大学", "长春工业大学", "吉林化纤")}),
    # SUPPORTS: a government body or a programme as subject
    ("省科技厅重点支持吉林大学汽车工程研究院。", ["省科技厅", "吉林大学汽车工程研究院", "吉林大学"],
     {triple("省科技厅", "SUPPORTS", "吉林大学汽车工程研究院")}),
    ("吉林省科技发展计划资助长春工业大学。", ["吉林省科技发展计划", "长春工业大学"],
     {triple("吉林省科技发展计划", "SUPPORTS", "长春工业大学")}),
    # FOCUSES_ON: the industries after 围绕 (an enumeration), the alliance in the next clause
    ("围绕汽车、轨道交通等产业，组建吉林省光电子产业技术创新战略联盟。",
     ["汽车", "轨道交通", "吉林省光电子产业技术创新战略联盟", "光电子"],
     {triple("吉林省光电子产业技术创新战略联盟", "FOCUSES_ON", "汽车"),
      triple("吉林省光电子产业技术创新战略联盟", "FOCUSES_ON", "轨道交通"),
      triple("吉林省光电子产业技术创新战略联盟", "FOCUSES_ON", "光电子")}),
    # LOCATED_IN: a zone right after 在, the thing set up after it
    ("在长春高新北区设立吉林省产学研集成创新综合体。", ["长春高新北区", "吉林省产学研集成创新综合体"],
     {triple("吉林省产学研集成创新综合体", "LOCATED_IN", "长春高新北区")}),
    ("北湖科学城位于长春新区。", ["北湖科学城", "长春新区"], {triple("北湖科学城", "LOCATED_IN", "长春新区")}),
    # COOPERATES_WITH between the institutions around the cue (one edge per pair, either order)
    ("吉林大学与中国一汽合作开展关键技术攻关。", ["吉林大学", "中国一汽"],
     {(min("inst_jlu", "inst_faw"), "COOPERATES_WITH", max("inst_jlu", "inst_faw"))}),
    ("吉林大学联合中国一汽和长春工业大学开展攻关。", ["吉林大学", "中国一汽", "长春工业大学"],
     {tuple([min(a, b), "COOPERATES_WITH", max(a, b)]) for a, b in
      (("inst_jlu", "inst_faw"), ("inst_jlu", entity_id("长春工业大学")), ("inst_faw", entity_id("长春工业大学")))}),
    ("吉林大学加强与中国一汽、长春工业大学的合作。", ["吉林大学", "中国一汽", "长春工业大学"],
     {tuple([min(a, b), "COOPERATES_WITH", max(a, b)]) for a, b in
      (("inst_jlu", "inst_faw"), ("inst_jlu", entity_id("长春工业大学")))}),
    # a short name introduced in parentheses is the same list item as the full name before it
    ("长春工业大学与长春长光辰芯光电技术有限公司（以下简称“长光辰芯”）签署战略合作协议。",
     ["长春工业大学", "长春长光辰芯光电技术有限公司", "长光辰芯"],
     {tuple([*sorted((entity_id("长春工业大学"), entity_id("长光辰芯")))[:1], "COOPERATES_WITH",
             *sorted((entity_id("长春工业大学"), entity_id("长光辰芯")))[1:]])}),
    # PART_OF stated by a cue: the parent right before 所属/下属, or right after 隶属于
    ("中国科学院所属的长春光机所加快发展。", ["中国科学院", "长春光机所"], {triple("长春光机所", "PART_OF", "中国科学院")}),
    ("长春光机所隶属于中国科学院。", ["中国科学院", "长春光机所"], {triple("长春光机所", "PART_OF", "中国科学院")}),
    # ANCHORS statements
    ("以中车长客为龙头的轨道交通装备产业加快发展。", ["中车长客", "轨道交通装备"],
     {triple("中车长客", "ANCHORS", "轨道交通装备")}),
    ("依托一汽发展汽车产业。", ["一汽", "汽车产业"], {triple("一汽", "ANCHORS", "汽车产业")}),
]


@pytest.mark.parametrize(("text", "surfaces", "expected"), CUE_CASES, ids=[c[0][:12] for c in CUE_CASES])
def test_relate_cue_rules(text: str, surfaces: list[str], expected: set[tuple[str, str, str]]) -> None:
    found = typed_triples(text, surfaces)
    assert expected <= found, f"missing {expected - found}; found {found}"


NEGATIVE_CASES = [
    # co-occurrence without any cue: no typed edge between the institutions and the industry
    ("吉林大学、一汽和汽车产业都在长春市。", ["吉林大学", "一汽", "汽车产业", "长春市"]),
    # 支持 with no government or programme subject: no SUPPORTS
    ("支持吉林大学、长春工业大学开展研究生培养工作。", ["吉林大学", "长春工业大学"]),
    # the cue word inside a name is not a cue
    ("吉林大学和长春工业大学入驻中俄科技合作园。", ["吉林大学", "长春工业大学", "中俄科技合作园"]),
    # partners listed after 与 cooperate with the (unnamed) subject, not with each other
    ("加强与吉林大学、长春工业大学等名校的全面合作。", ["吉林大学", "长春工业大学"]),
    # 在 not followed by a place: no LOCATED_IN
    ("在汽车产业领域建设吉林省产学研集成创新综合体。", ["汽车产业", "吉林省产学研集成创新综合体"]),
    # two places, or a unit and its gazetteer parent, named in one sentence: no hierarchy stated
    ("长春市和吉林省共同举办。", ["长春市", "吉林省"]),
    ("中国科学院和长春光机所共同举办。", ["中国科学院", "长春光机所"]),
    # an institution named after a field anchors nothing by its name
    ("东北黑土地研究院召开会议。", ["东北黑土地研究院"]),
    ("鼓励中国北车长春轨道客车股份有限公司开展建站工作。", ["中国北车长春轨道客车股份有限公司", "轨道客车"]),
]


@pytest.mark.parametrize(("text", "surfaces"), NEGATIVE_CASES, ids=[c[0][:12] for c in NEGATIVE_CASES])
def test_relate_no_typed_edge_without_cue(text: str, surfaces: list[str]) -> None:
    assert typed_triples(text, surfaces) == set()


NAME_CASES = [
    ("在建设好吉林大学汽车工程研究院的基础上。", ["吉林大学汽车工程研究院", "吉林大学", "汽车"],
     {triple("吉林大学汽车工程研究院", "HOSTED_BY", "吉林大学"), triple("吉林大学汽车工程研究院", "FOCUSES_ON", "汽车"),
      triple("吉林大学", "ANCHORS", "汽车")}),
    ("长春高新区发展迅速。", ["长春高新区", "长春"], {triple("长春高新区", "LOCATED_IN", "长春")}),
    ("中科院长春光机所成果丰硕。", ["中科院长春光机所", "中科院", "长春"],
     {triple("中科院长春光机所", "PART_OF", "中科院"), triple("中科院长春光机所", "LOCATED_IN", "长春")}),
    # the keyword inside the name, the longest one only (新能源汽车, not 汽车 or 新能源)
    ("新能源汽车产业技术创新战略联盟召开会议。", ["新能源汽车产业技术创新战略联盟", "新能源汽车", "汽车", "新能源"],
     {triple("新能源汽车产业技术创新战略联盟", "FOCUSES_ON", "新能源汽车")}),
    # two institutions written together inside a platform's name: the unit hosts it, its parent heads it
    ("建设中科院长春光机所光电子创新基地。", ["中科院长春光机所光电子创新基地", "中科院", "长春光机所", "光电子"],
     {triple("中科院长春光机所光电子创新基地", "HOSTED_BY", "长春光机所"), triple("长春光机所", "PART_OF", "中科院"),
      triple("中科院长春光机所光电子创新基地", "FOCUSES_ON", "光电子"), triple("长春光机所", "ANCHORS", "光电子")}),
]


@pytest.mark.parametrize(("text", "surfaces", "expected"), NAME_CASES, ids=[c[0][:12] for c in NAME_CASES])
def test_relate_names_and_parents(text: str, surfaces: list[str], expected: set[tuple[str, str, str]]) -> None:
    found = typed_triples(text, surfaces)
    assert expected == {t for t in found if t[1] != "COOPERATES_WITH"}, found


def test_relate_leader_without_industry_takes_it_from_its_name() -> None:
    text = "鼓励中国北车长春轨道客车股份有限公司开展建站工作。支持一汽集团、中车长客等龙头企业开展试点。轨道交通装备加快发展。"
    sentences = segment(text)
    surfaces = ["中国北车长春轨道客车股份有限公司", "中车长客", "一汽集团", "轨道交通装备"]
    edges = relate(sentences, resolution(sentences, surfaces), GAZETTEER)
    anchors = [e for e in edges if e.type is RelType.ANCHORS]
    assert [(e.source, e.target) for e in anchors] == [("inst_crrc_cc", "ind_rail_transit")]
    assert [e.text for e in anchors[0].evidence] == ["支持一汽集团、中车长客等龙头企业开展试点。",
                                                    "鼓励中国北车长春轨道客车股份有限公司开展建站工作。"]
    assert anchors[0].cues == ("龙头", "轨道客车") and anchors[0].weight < 0.5


def test_relate_name_keyword_is_the_cue_of_the_edge() -> None:
    sentences = segment("汽车产业技术创新战略联盟召开会议。汽车工业加快发展。")
    edges = relate(sentences, resolution(sentences, ["汽车产业技术创新战略联盟", "汽车工业"]), GAZETTEER)
    focus = [e for e in edges if e.type is RelType.FOCUSES_ON]
    assert [(e.target, e.cues) for e in focus] == [("ind_automotive", ("汽车产业",))]


def test_relate_industry_before_yituo_is_no_anchor_statement() -> None:
    found = typed_triples("为加快汽车产业发展，依托吉林大学建设吉林省产学研集成创新综合体。",
                          ["汽车产业", "吉林大学", "吉林省产学研集成创新综合体"])
    assert found == {triple("吉林省产学研集成创新综合体", "HOSTED_BY", "吉林大学")}


def test_relate_longest_keyword_only() -> None:
    found = typed_triples("新能源汽车产业技术创新战略联盟召开会议。",
                          ["新能源汽车产业技术创新战略联盟", "新能源汽车", "汽车", "新能源"])
    assert triple("新能源汽车产业技术创新战略联盟", "FOCUSES_ON", "汽车") not in found


def test_relate_derives_anchors_with_underlying_evidence() -> None:
    text = "依托中科院长春光机所加快推进吉林省光电子重大创新基地。"
    sentences = segment(text)
    edges = relate(sentences, resolution(sentences, ["中科院长春光机所", "吉林省光电子重大创新基地", "光电子"]), GAZETTEER)
    anchors = [e for e in edges if e.type is RelType.ANCHORS]
    assert [(e.source, e.target) for e in anchors] == [("inst_ciomp", "ind_optoelectronics")]
    assert anchors[0].evidence[0].text == text
    assert "依托" in anchors[0].cues


def test_relate_heading_gives_topic_to_following_sentences() -> None:
    text = "汽车产业。吉林省和长春市共同实施支持一汽集团自主创新重大科技专项。\n现代农业。支持吉林化纤开展研究。"
    sentences = segment(text)
    edges = relate(sentences, resolution(sentences, ["汽车产业", "一汽集团", "吉林化纤", "现代农业"]), GAZETTEER)
    anchors = {(e.source, e.target): e for e in edges if e.type is RelType.ANCHORS}
    assert set(anchors) == {("inst_faw", "ind_automotive"), ("inst_jcf", "ind_agriculture")}
    faw = anchors[("inst_faw", "ind_automotive")]
    assert [e.text for e in faw.evidence] == ["吉林省和长春市共同实施支持一汽集团自主创新重大科技专项。", "汽车产业。"]
    assert faw.cues == ("支持",)


def test_relate_topic_ends_with_the_passage() -> None:
    text = "汽车产业。加快发展。\n支持一汽集团开展研究。"
    sentences = segment(text)
    edges = relate(sentences, resolution(sentences, ["汽车产业", "一汽集团"]), GAZETTEER)
    assert not [e for e in edges if e.type is RelType.ANCHORS]


def test_relate_merges_duplicates_across_documents() -> None:
    one, two = segment("依托吉林大学建设吉林大学汽车工程研究院。", "d1"), segment("吉林大学汽车工程研究院依托吉林大学建设。", "d2")
    sentences = one + two
    edges = relate(sentences, resolution(sentences, ["吉林大学汽车工程研究院", "吉林大学"]), GAZETTEER)
    hosted = [e for e in edges if e.type is RelType.HOSTED_BY]
    assert len(hosted) == 1
    assert hosted[0].docs == ("d1", "d2")
    assert hosted[0].weight == pytest.approx(2.0)
    assert hosted[0].cues == ("依托", "建设")


def test_relate_co_mentions_counted_per_sentence() -> None:
    sentences = segment("吉林大学和一汽在长春市。吉林大学与一汽。一汽很大。")
    edges = relate(sentences, resolution(sentences, ["吉林大学", "一汽", "长春市"]), GAZETTEER)
    co = {(e.source, e.target): e.weight for e in edges if e.type is RelType.CO_MENTIONED}
    assert co[tuple(sorted(("inst_jlu", "inst_faw")))] == 2.0
    assert co[tuple(sorted(("inst_jlu", "reg_changchun")))] == 1.0
    assert len(co) == 3


def test_relate_full_width_input() -> None:
    text = "依托吉林大学建设吉林大学汽车工程研究院，到２０１７年建成。"
    found = typed_triples(text, ["吉林大学汽车工程研究院", "吉林大学"])
    assert triple("吉林大学汽车工程研究院", "HOSTED_BY", "吉林大学") in found


def test_relate_edges_obey_schema_and_evidence_is_verbatim() -> None:
    text = "".join(case[0] for case in CUE_CASES + NAME_CASES)
    surfaces = sorted({s for case in CUE_CASES + NAME_CASES for s in case[1]}, key=len, reverse=True)
    sentences = segment(text)
    edges = relate(sentences, resolution(sentences, surfaces), GAZETTEER)
    entities = {e.id: e for e in resolution(sentences, surfaces).entities}
    assert edges
    for edge in edges:
        relation = RELATIONS[edge.type]
        assert entities[edge.source].label in relation.sources, edge
        assert entities[edge.target].label in relation.targets, edge
        assert edge.weight > 0 and edge.evidence
        for evidence in edge.evidence:
            assert text[evidence.start:evidence.end] == evidence.text


def test_relate_cue_file_errors_name_the_line(tmp_path) -> None:
    from ingest.lexicon.cues import load_cues
    from jig.core.errors import DataFileError

    path = tmp_path / "cues.yaml"
    path.write_text("rules:\n  - relation: HOSTED_BY\n    cues: [依托]\n    source: {labels: [Region]}\n"
                    "    target: {labels: [Institution]}\n", encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        load_cues(path)
    assert error.value.line == 2 and error.value.text == "Region"
