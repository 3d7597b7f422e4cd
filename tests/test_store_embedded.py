"""The embedded LadybugDB store: bulk build, atomic swap, read-only querying, errors (real LadybugDB)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.errors import GraphNotBuiltError, QueryError, ReadOnlyQueryError, StoreError
from ingest.graph import KnowledgeGraph, Node, Relationship
from ontology.schema import NODE_PROPERTIES, RELATIONS, Label, RelType
from queries.embedded import STORE_DIR, EmbeddedStore, store_path
from queries.ladybug_tables import ddl_statements
from queries.store import open_store

L, R = Label, RelType


def _entity(node_id: str, label: Label, name: str, name_en: str, aliases=(), **extra) -> Node:
    props = {"name": name, "name_en": name_en, "aliases": list(aliases), "kind": extra.pop("kind", label.value),
             "mentions": extra.pop("mentions", 1), "first_year": 2014, "last_year": 2016, "docs": ["d2016"],
             "source": "gazetteer", **extra}
    return Node(node_id, label, props)


def _rel(source: Node, rel_type: RelType, target: Node, weight: float = 1.0, evidence=("d2016.s0001",)) -> Relationship:
    props = {"weight": weight, "docs": ["d2016"], "evidence": list(evidence), "cues": ["依托"]}
    return Relationship(source.id, source.label, rel_type, target.id, target.label, props)


def small_graph() -> KnowledgeGraph:
    """A hand-made graph with every kind of record the library queries read (two documents, real names)."""
    jcf = _entity("inst_jcf", L.INSTITUTION, "吉林化纤集团有限责任公司", "Jilin Chemical Fiber Group",
                  ["吉林化纤"], kind="Enterprise", centrality=0.30, mentions=4)
    jlu = _entity("inst_jlu", L.INSTITUTION, "吉林大学", "Jilin University", ["吉大"], kind="University",
                  centrality=0.45, mentions=9)
    gov = _entity("inst_jl_gov", L.INSTITUTION, "吉林省人民政府", "People's Government of Jilin Province",
                  ["省政府"], kind="Government", centrality=0.10)
    materials = _entity("ind_new_materials", L.INDUSTRY, "新材料", "New materials", ["新材料产业"])
    carbon = _entity("ind_carbon_fiber", L.INDUSTRY, "碳纤维", "Carbon fibre", ["碳纤维产业"], mentions=3)
    lab = _entity("plat_cf_lab", L.PLATFORM, "碳纤维工程技术研究中心", "Carbon fibre engineering centre",
                  kind="EngineeringCenter")
    alliance = _entity("alli_cf", L.ALLIANCE, "碳纤维产业技术创新联盟", "Carbon fibre alliance",
                       kind="IndustryAlliance")
    province = _entity("reg_jilin", L.REGION, "吉林省", "Jilin Province", ["吉林"], kind="Province")
    city = _entity("reg_changchun", L.REGION, "长春市", "Changchun", ["长春"], kind="City")
    zone = _entity("zone_cc_hitech", L.ZONE, "长春高新技术产业开发区", "Changchun High-tech Zone", ["长春高新区"],
                   kind="HighTechZone")
    programme = _entity("prog_cf", L.PROGRAM, "碳纤维产业发展专项", "Carbon fibre programme", kind="Program")
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
    entities = [jcf, jlu, gov, materials, carbon, lab, alliance, province, city, zone, programme]
    rels = [
        _rel(jcf, R.ANCHORS, carbon, 3.0, ("d2014.s0000", "d2016.s0001")),
        _rel(jlu, R.ANCHORS, materials, 1.0),
        _rel(lab, R.HOSTED_BY, jcf, 2.0),
        _rel(alliance, R.FOCUSES_ON, carbon, 1.5),
        _rel(jcf, R.LEADS, alliance, 1.0),
        _rel(zone, R.LOCATED_IN, city),
        _rel(city, R.PART_OF, province),
        _rel(programme, R.SUPPORTS, carbon, 2.0),
        _rel(gov, R.SUPPORTS, jcf),
        _rel(jcf, R.CO_MENTIONED, carbon, 2.0, ("d2014.s0000", "d2016.s0001")),
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
    ]
    return KnowledgeGraph(nodes=[*entities, *docs, *sentences, *targets], relationships=rels)


@pytest.fixture
def small_store(tmp_path: Path):
    """The small graph built into a fresh directory and opened read-only."""
    EmbeddedStore.build(small_graph(), tmp_path)
    with EmbeddedStore.open(tmp_path) as store:
        yield store


def _counts(store) -> tuple[int, int]:
    nodes = store.query("MATCH (n) RETURN count(n) AS n").rows[0]["n"]
    rels = store.query("MATCH ()-[r]->() RETURN count(r) AS n").rows[0]["n"]
    return nodes, rels


def test_embedded_ddl_covers_the_ontology():
    ddl = "\n".join(ddl_statements())
    for label, props in NODE_PROPERTIES.items():
        assert f"CREATE NODE TABLE {label.value}(" in ddl
        assert all(f"`{p.name}` {p.type.value}" in ddl for p in props)
    for rel in RELATIONS.values():
        assert all(f"FROM {s.value} TO {t.value}" in ddl for s, t in rel.pairs())


def test_embedded_build_loads_every_record(small_store):
    graph = small_graph()
    assert _counts(small_store) == (len(graph.nodes), len(graph.relationships))
    row = small_store.query("MATCH (i:Institution {id: $id}) RETURN i.aliases AS aliases, i.centrality AS c",
                            {"id": "inst_jcf"}).rows[0]
    assert row == {"aliases": ["吉林化纤"], "c": 0.30}


def test_embedded_build_swaps_atomically_and_keeps_old_graph_on_failure(tmp_path: Path):
    EmbeddedStore.build(small_graph(), tmp_path)
    broken = small_graph()
    broken.relationships.append(Relationship("inst_jcf", L.INSTITUTION, R.ANCHORS, "ind_missing", L.INDUSTRY,
                                             {"weight": 1.0, "docs": [], "evidence": [], "cues": []}))
    with pytest.raises(StoreError, match="ANCHORS"):
        EmbeddedStore.build(broken, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [STORE_DIR]
    with EmbeddedStore.open(tmp_path) as store:
        assert _counts(store) == (len(small_graph().nodes), len(small_graph().relationships))


def test_embedded_rebuild_replaces_the_graph(tmp_path: Path):
    EmbeddedStore.build(small_graph(), tmp_path)
    smaller = small_graph()
    smaller.relationships = [r for r in smaller.relationships if r.type != R.CO_MENTIONED]
    EmbeddedStore.build(smaller, tmp_path)
    with EmbeddedStore.open(tmp_path) as store:
        assert store.query("MATCH ()-[r:CO_MENTIONED]->() RETURN count(r) AS n").rows == [{"n": 0}]
    assert not [p for p in tmp_path.iterdir() if p.name != STORE_DIR]


def test_embedded_bad_property_type_is_a_store_error(tmp_path: Path):
    graph = small_graph()
    graph.nodes.append(_entity("inst_bad", L.INSTITUTION, "坏", "Bad", mentions="many"))
    with pytest.raises(StoreError, match="mentions"):
        EmbeddedStore.build(graph, tmp_path)
    assert not store_path(tmp_path).exists()


def test_embedded_missing_graph_says_how_to_build(tmp_path: Path, monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    with pytest.raises(GraphNotBuiltError, match="python -m ingest build"):
        open_store(tmp_path)


@pytest.mark.parametrize(
    "statement",
    [
        "CREATE (n:Institution {id: 'x'})",
        "MATCH (n) DETACH DELETE n",
        "MATCH (n:Institution) SET n.name = 'x'",
        "MATCH (a:Institution), (b:Industry) CREATE (a)-[:ANCHORS]->(b)",
    ],
)
def test_embedded_read_only_store_refuses_writes(small_store, statement):
    before = _counts(small_store)
    with pytest.raises(ReadOnlyQueryError, match="read-only"):
        small_store.query(statement)
    assert _counts(small_store) == before


@pytest.mark.parametrize(
    ("statement", "message"),
    [
        ("MATCH (n:Institution RETURN n", "Parser exception"),
        ("MATCH (n:Nonexistent) RETURN n", "Nonexistent"),
        ("RETURN 1 / 0", "Divide by zero"),
        ("RETURN 1; RETURN 2", "one statement at a time"),
    ],
)
def test_embedded_errors_carry_the_database_message(small_store, statement, message):
    with pytest.raises(QueryError, match=message):
        small_store.query(statement)


def test_embedded_row_cap_truncates(small_store):
    result = small_store.query("MATCH (n) RETURN n.id AS id ORDER BY id", row_cap=3)
    assert len(result.rows) == 3 and result.truncated
    assert not small_store.query("MATCH (n:Region) RETURN n.id AS id", row_cap=3).truncated


def test_embedded_values_are_plain(small_store):
    row = small_store.query(
        "MATCH (i:Institution {id: 'inst_jcf'})-[r:ANCHORS]->(d) RETURN i, r, sum(size(r.evidence)) AS n").rows[0]
    assert row["n"] == 2 and isinstance(row["n"], int)
    assert row["i"]["_label"] == "Institution" and row["i"]["id"] == "inst_jcf"
    assert row["r"]["_label"] == "ANCHORS" and row["r"]["weight"] == 3.0


def test_embedded_writable_store_accepts_writes(tmp_path: Path):
    EmbeddedStore.build(small_graph(), tmp_path)
    with EmbeddedStore.open(tmp_path, read_only=False) as store:
        store.query("MATCH (n:Target) DETACH DELETE n")
        assert store.query("MATCH (n:Target) RETURN count(n) AS n").rows == [{"n": 0}]

