"""A small hand-made knowledge graph for store, query and CLI tests (every label, every relation type)."""

from __future__ import annotations

from jig.core.graph import KnowledgeGraph, Node, Relationship
from jig.core.schema import Label, RelType

L, R = Label, RelType


def entity_node(node_id: str, label: Label, name: str, name_en: str, aliases=(), **extra) -> Node:
    props = {"name": name, "name_en": name_en, "aliases": list(aliases), "kind": extra.pop("kind", label.value),
             "mentions": extra.pop("mentions", 1), "first_year": 2014, "last_year": 2016, "docs": ["d2016"],
             "source": "gazetteer", **extra}
    return Node(node_id, label, props)


def derived_rel(source: Node, rel_type: RelType, target: Node, weight: float = 1.0, evidence=("d2016.s0001",)) -> Relationship:
    props = {"weight": weight, "docs": ["d2016"], "evidence": list(evidence), "cues": ["依托"]}
    return Relationship(source.id, source.label, rel_type, target.id, target.label, props)


def instrument_node(sentence: str, kind: str, side: str, cues: list[str], year: int) -> Node:
    """An instrument coding of one sentence of the small graph."""
    node_id = f"instr_{sentence}.{kind}"
    props = {"kind": kind, "side": side, "cues": cues, "document": sentence.split(".")[0], "sentence": sentence,
             "year": year}
    return Node(node_id, L.INSTRUMENT, props)


def small_graph() -> KnowledgeGraph:
    """A hand-made graph with every kind of record the library queries read (two documents, real names)."""
    jcf = entity_node("inst_jcf", L.INSTITUTION, "吉林化纤集团有限责任公司", "Jilin Chemical Fiber Group",
                  ["吉林化纤"], kind="Enterprise", centrality=0.30, mentions=4, pagerank=0.4, betweenness=0.5,
                  community=0)
    jlu = entity_node("inst_jlu", L.INSTITUTION, "吉林大学", "Jilin University", ["吉大"], kind="University",
                  centrality=0.45, mentions=9, pagerank=0.2, betweenness=0.1, community=1)
    gov = entity_node("inst_jl_gov", L.INSTITUTION, "吉林省人民政府", "People's Government of Jilin Province",
                  ["省政府"], kind="Government", centrality=0.10)
    materials = entity_node("ind_new_materials", L.INDUSTRY, "新材料", "New materials", ["新材料产业"])
    carbon = entity_node("ind_carbon_fiber", L.INDUSTRY, "碳纤维", "Carbon fibre", ["碳纤维产业"], mentions=3)
    lab = entity_node("plat_cf_lab", L.PLATFORM, "碳纤维工程技术研究中心", "Carbon fibre engineering centre",
                  kind="EngineeringCenter")
    alliance = entity_node("alli_cf", L.ALLIANCE, "碳纤维产业技术创新联盟", "Carbon fibre alliance",
                       kind="IndustryAlliance")
    province = entity_node("reg_jilin", L.REGION, "吉林省", "Jilin Province", ["吉林"], kind="Province")
    city = entity_node("reg_changchun", L.REGION, "长春市", "Changchun", ["长春"], kind="City")
    zone = entity_node("zone_cc_hitech", L.ZONE, "长春高新技术产业开发区", "Changchun High-tech Zone", ["长春高新区"],
                   kind="HighTechZone")
    programme = entity_node("prog_cf", L.PROGRAM, "碳纤维产业发展专项", "Carbon fibre programme", kind="Program")
    docs = [
        Node("d2014", L.DOCUMENT, {"file": "d2014.txt", "title": "意见", "year": 2014, "text": "吉林化纤发展碳纤维。"}),
        Node("d2016", L.DOCUMENT, {"file": "d2016.txt", "title": "方案", "year": 2016, "text": "依托吉林化纤建设中心。"}),
    ]
    sentences = [
        Node("d2014.s0000", L.SENTENCE, {"document": "d2014", "index": 0, "start": 0, "end": 10,
                                         "text": "吉林化纤发展碳纤维。"}),
        Node("d2016.s0001", L.SENTENCE, {"document": "d2016", "index": 1, "start": 0, "end": 11,
                                         "text": "依托吉林化纤建设中心。"}),
    ]
    targets = [
        Node(f"tgt_rd_{year}", L.TARGET, {"name": f"R&D经费占GDP比重达到{value}%", "kind": kind,
                                         "metric": "R&D经费占GDP比重", "metric_en": "R&D expenditure as share of GDP",
                                         "value": value, "unit": "%", "comparator": "达到", "year": year,
                                         "document": "d2016", "sentence": "d2016.s0001"})
        for year, value, kind in ((2025, 2.5, "Target"), (2015, 1.2, "Baseline"))
    ]
    instruments = [
        instrument_node("d2014.s0000", "TechnicalSupport", "supply", ["发展"], 2014),
        instrument_node("d2016.s0001", "Infrastructure", "supply", ["中心"], 2016),
        instrument_node("d2016.s0001", "Tax", "environment", ["税收优惠"], 2016),
    ]
    applies = [(instruments[0], jcf), (instruments[0], carbon), (instruments[1], jcf), (instruments[2], jcf)]
    entities = [jcf, jlu, gov, materials, carbon, lab, alliance, province, city, zone, programme]
    rels = [
        derived_rel(jcf, R.ANCHORS, carbon, 3.0, ("d2014.s0000", "d2016.s0001")),
        derived_rel(jlu, R.ANCHORS, materials, 1.0),
        derived_rel(lab, R.HOSTED_BY, jcf, 2.0),
        derived_rel(alliance, R.FOCUSES_ON, carbon, 1.5),
        derived_rel(jcf, R.LEADS, alliance, 1.0),
        derived_rel(zone, R.LOCATED_IN, city),
        derived_rel(city, R.PART_OF, province),
        derived_rel(programme, R.SUPPORTS, carbon, 2.0),
        derived_rel(gov, R.SUPPORTS, jcf),
        derived_rel(jcf, R.CO_MENTIONED, carbon, 2.0, ("d2014.s0000", "d2016.s0001")),
        Relationship(carbon.id, L.INDUSTRY, R.SUBINDUSTRY_OF, materials.id, L.INDUSTRY, {}),
        Relationship("d2016.s0001", L.SENTENCE, R.IN_DOCUMENT, "d2016", L.DOCUMENT, {}),
        Relationship("d2014.s0000", L.SENTENCE, R.IN_DOCUMENT, "d2014", L.DOCUMENT, {}),
        Relationship("d2014.s0000", L.SENTENCE, R.MENTIONS, jcf.id, L.INSTITUTION,
                     {"start": 0, "end": 4, "surface": "吉林化纤"}),
        Relationship("d2014.s0000", L.SENTENCE, R.MENTIONS, carbon.id, L.INDUSTRY,
                     {"start": 6, "end": 9, "surface": "碳纤维"}),
        Relationship("d2016.s0001", L.SENTENCE, R.MENTIONS, jcf.id, L.INSTITUTION,
                     {"start": 2, "end": 6, "surface": "吉林化纤"}),
        *(Relationship("d2016", L.DOCUMENT, R.SETS_TARGET, t.id, L.TARGET, {}) for t in targets),
        *(Relationship(c.properties["sentence"], L.SENTENCE, R.CODED_AS, c.id, L.INSTRUMENT, {}) for c in instruments),
        *(Relationship(c.id, L.INSTRUMENT, R.APPLIES_TO, e.id, e.label, {}) for c, e in applies),
    ]
    return KnowledgeGraph(nodes=[*entities, *docs, *sentences, *targets, *instruments], relationships=rels)
