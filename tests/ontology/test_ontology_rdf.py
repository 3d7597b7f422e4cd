"""KnowledgeGraph → RDF: IRIs, types, labels, direct triples and relation statements."""

from __future__ import annotations

import copy

import pytest
from rdflib import Literal
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from jig.core.graph import KnowledgeGraph, Node, Relationship
from jig.core.schema import Label, PropType, RelType
from ontology.owl import JIG, kind_iri
from ontology.rdf import node_iri, statement_iri, to_rdf, typed_value

DOC = "003_cfe322f93ce14a7f"
S1, S2 = f"{DOC}.s0001", f"{DOC}.s0002"
INSTRUMENT = f"instr_{S1}.Infrastructure"


def _entity(node_id: str, label: Label, kind: str, name: str, name_en: str, **extra) -> Node:
    props = {"id": node_id, "name": name, "name_en": name_en, "aliases": extra.pop("aliases", []), "kind": kind,
             "mentions": 2, "first_year": 2016, "last_year": 2016, "docs": [DOC], "centrality": 0.1,
             "source": "gazetteer", **extra}
    return Node(node_id, label, props)


def _derived(source: Node, rel_type: RelType, target: Node, **props) -> Relationship:
    base = {"weight": 2.0, "docs": [DOC], "evidence": [S1, S2], "cues": ["依托"]}
    return Relationship(source.id, source.label, rel_type, target.id, target.label, {**base, **props})


def sample_graph() -> KnowledgeGraph:
    """A small graph with every layer: entities, taxonomy, target, document, sentences, mentions, an instrument."""
    faw = _entity("inst_faw", Label.INSTITUTION, "Enterprise", "中国第一汽车集团有限公司", "China FAW Group",
                  aliases=["一汽", "中国一汽"], pagerank=0.4, betweenness=0.25, community=0)
    jlu = _entity("inst_jlu", Label.INSTITUTION, "University", "吉林大学", "Jilin University", aliases=["吉大"])
    lab = _entity("plat_3f9a0c1b2d", Label.PLATFORM, "KeyLab", "汽车仿真与控制国家重点实验室",
                  "State Key Laboratory of Automotive Simulation and Control", source="discovered")
    auto = _entity("ind_automotive", Label.INDUSTRY, "Industry", "汽车", "Automotive")
    nev = _entity("ind_new_energy_vehicles", Label.INDUSTRY, "Industry", "新能源汽车", "New energy vehicles")
    city = _entity("reg_changchun", Label.REGION, "City", "长春市", "Changchun")
    target = Node("tgt_0a1b2c3d4e", Label.TARGET, {
        "id": "tgt_0a1b2c3d4e", "name": "R&D经费占GDP比重达到2.5%", "kind": "Target",
        "metric": "R&D经费占GDP比重", "metric_en": "R&D expenditure as a share of GDP", "value": 2.5,
        "unit": "%", "comparator": "达到", "year": 2025, "document": DOC, "sentence": S2})
    doc = Node(DOC, Label.DOCUMENT, {"id": DOC, "file": f"{DOC}.txt", "title": "吉林省促进科技成果转移转化实施方案",
                                     "issuer": "吉林省人民政府办公厅", "date": "2016-10-31", "year": 2016,
                                     "doc_number": "", "text": "一汽依托吉林大学。\nR&D经费占GDP比重达到2.5%。"})
    sentences = [
        Node(S1, Label.SENTENCE, {"id": S1, "document": DOC, "index": 1, "start": 0, "end": 9, "text": "一汽依托吉林大学。"}),
        Node(S2, Label.SENTENCE, {"id": S2, "document": DOC, "index": 2, "start": 10, "end": 26,
                                  "text": "R&D经费占GDP比重达到2.5%。"}),
    ]
    instrument = Node(INSTRUMENT, Label.INSTRUMENT, {
        "id": INSTRUMENT, "kind": "Infrastructure", "side": "supply", "cues": ["依托"], "document": DOC,
        "sentence": S1, "year": 2016})
    nodes = [faw, jlu, lab, auto, nev, city, target, doc, *sentences, instrument]

    def plain(source: Node, rel_type: RelType, target: Node, **props) -> Relationship:
        return Relationship(source.id, source.label, rel_type, target.id, target.label, props)

    relationships = [
        _derived(faw, RelType.ANCHORS, auto),
        _derived(lab, RelType.HOSTED_BY, jlu, weight=1.5, evidence=[S1], cues=[]),
        _derived(faw, RelType.LOCATED_IN, city, weight=1),
        _derived(faw, RelType.CO_MENTIONED, jlu, cues=[]),
        plain(nev, RelType.SUBINDUSTRY_OF, auto),
        plain(doc, RelType.SETS_TARGET, target),
        plain(sentences[0], RelType.MENTIONS, faw, start=0, end=2, surface="一汽"),
        plain(sentences[0], RelType.MENTIONS, jlu, start=4, end=8, surface="吉林大学"),
        plain(sentences[1], RelType.MENTIONS, target, start=10, end=25, surface="R&D经费占GDP比重达到2.5%"),
        *(plain(s, RelType.IN_DOCUMENT, doc) for s in sentences),
        _derived(jlu, RelType.ANCHORS, nev, weight=1.0, evidence=[S1], cues=["围绕"]),
        _derived(jlu, RelType.LEADS, lab, weight=0.5, evidence=[S1], cues=["牵头"]),
        plain(sentences[0], RelType.CODED_AS, instrument),
        plain(instrument, RelType.APPLIES_TO, faw),
        plain(instrument, RelType.APPLIES_TO, jlu),
    ]
    return KnowledgeGraph(nodes=nodes, relationships=relationships)


def broken(graph: KnowledgeGraph, node_id: str | None = None, rel_type: RelType | None = None, **changes
           ) -> KnowledgeGraph:
    """A deep copy of `graph` with property changes on one node or the first relationship of a type."""
    graph = copy.deepcopy(graph)
    if node_id is not None:
        props = graph.node(node_id).properties
    else:
        props = next(graph.relationships_of(rel_type)).properties
    for key, value in changes.items():
        if value is None:
            props.pop(key, None)
        else:
            props[key] = value
    return graph


@pytest.fixture(scope="module")
def rdf():
    return to_rdf(sample_graph())


def test_rdf_node_has_label_and_kind_types(rdf):
    faw, lab = node_iri("inst_faw"), node_iri("plat_3f9a0c1b2d")
    assert (faw, RDF.type, JIG.Institution) in rdf
    assert (faw, RDF.type, JIG.Enterprise) in rdf
    assert (lab, RDF.type, kind_iri(Label.PLATFORM, "KeyLab")) in rdf
    assert str(faw) == "https://w3id.org/jilin-innovation-graph/id/inst_faw"


def test_rdf_node_has_zh_and_en_labels(rdf):
    labels = set(rdf.objects(node_iri("inst_faw"), RDFS.label))
    assert labels == {Literal("中国第一汽车集团有限公司", lang="zh"), Literal("China FAW Group", lang="en")}
    assert Literal("吉林省促进科技成果转移转化实施方案", lang="zh") in set(rdf.objects(node_iri(DOC), RDFS.label))


def test_rdf_properties_are_typed_and_lists_split(rdf):
    faw = node_iri("inst_faw")
    assert rdf.value(faw, JIG.mentionCount) == Literal(2)
    assert rdf.value(faw, JIG.centrality).datatype is not None
    assert set(rdf.objects(faw, JIG.aliases)) == {Literal("一汽"), Literal("中国一汽")}
    assert set(rdf.objects(faw, SKOS.altLabel)) == {Literal("一汽"), Literal("中国一汽")}
    assert rdf.value(faw, JIG.docs) == node_iri(DOC)


def test_rdf_relation_is_direct_triple_and_statement(rdf):
    rel = sample_graph().relationships[0]
    statement = statement_iri(rel)
    assert (node_iri("inst_faw"), JIG.anchors, node_iri("ind_automotive")) in rdf
    assert (statement, RDF.type, JIG.DerivedRelation) in rdf
    assert rdf.value(statement, RDF.subject) == node_iri("inst_faw")
    assert rdf.value(statement, RDF.predicate) == JIG.anchors
    assert rdf.value(statement, RDF.object) == node_iri("ind_automotive")
    assert rdf.value(statement, JIG.weight) == Literal(2.0)
    assert set(rdf.objects(statement, PROV.wasDerivedFrom)) == {node_iri(S1), node_iri(S2)}


def test_rdf_provenance_of_sentences_and_documents(rdf):
    assert (node_iri(S1), DCTERMS.isPartOf, node_iri(DOC)) in rdf
    assert (node_iri(S1), PROV.wasQuotedFrom, node_iri(DOC)) in rdf
    assert rdf.value(node_iri(DOC), DCTERMS.title) == Literal("吉林省促进科技成果转移转化实施方案")
    assert rdf.value(node_iri("tgt_0a1b2c3d4e"), PROV.wasDerivedFrom) == node_iri(S2)


def test_rdf_taxonomy_is_skos_broader(rdf):
    assert (node_iri("ind_new_energy_vehicles"), SKOS.broader, node_iri("ind_automotive")) in rdf


def test_rdf_plain_relations_without_properties_have_no_statement(rdf):
    statements = set(rdf.subjects(RDF.predicate, JIG.subindustryOf)) | set(rdf.subjects(RDF.predicate, JIG.inDocument))
    assert statements == set()
    assert len(set(rdf.subjects(RDF.predicate, JIG.mentions))) == 3


def test_rdf_repeated_triples_get_distinct_statements():
    graph = sample_graph()
    repeat = copy.deepcopy(graph.relationships[6])
    repeat.properties.update(start=30, end=32)
    graph.relationships.append(repeat)
    rdf = to_rdf(graph)
    assert (statement_iri(repeat, 2), RDF.subject, node_iri(S1)) in rdf


@pytest.mark.parametrize(("prop_type", "value", "expected"), [
    (PropType.INT, 2016.0, 2016),
    (PropType.INT, "2016", "2016"),
    (PropType.DOUBLE, 3, 3.0),
    (PropType.DOUBLE, True, True),
    (PropType.STRING_LIST, "一汽", ["一汽"]),
    (PropType.STRING_LIST, ("a", "b"), ["a", "b"]),
    (PropType.STRING, "吉林", "吉林"),
])
def test_rdf_typed_value(prop_type, value, expected):
    result = typed_value(prop_type, value)
    assert result == expected and type(result) is type(expected)


def test_rdf_instrument_coding_is_typed_and_tied_to_its_sentence(rdf):
    coding = node_iri(INSTRUMENT)
    assert (coding, RDF.type, JIG.Instrument) in rdf
    assert (coding, RDF.type, kind_iri(Label.INSTRUMENT, "Infrastructure")) in rdf
    assert rdf.value(coding, JIG.side) == Literal("supply")
    assert set(rdf.objects(coding, JIG.cues)) == {Literal("依托")}
    assert rdf.value(coding, PROV.wasDerivedFrom) == node_iri(S1)
    assert (node_iri(S1), JIG.codedAs, coding) in rdf
    assert set(rdf.objects(coding, DCTERMS.subject)) == {node_iri("inst_faw"), node_iri("inst_jlu")}


def test_rdf_network_roles_are_typed_properties(rdf):
    faw = node_iri("inst_faw")
    assert rdf.value(faw, JIG.community) == Literal(0)
    assert float(rdf.value(faw, JIG.betweenness)) == 0.25 and float(rdf.value(faw, JIG.pagerank)) == 0.4
