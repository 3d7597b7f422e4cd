"""The Neo4j loader's rows and statements, generated from the ontology (no server needed)."""

from __future__ import annotations

import pytest

from jig.core.schema import NODE_PROPERTIES, RELATIONS, Label, RelType
from queries.neo4j_store import (
    loader_statements,
    node_rows,
    node_statement,
    relationship_rows,
    relationship_statement,
    schema_statements,
)
from tests.sample_graphs import small_graph


def test_neo4j_schema_has_a_unique_id_per_label_and_name_indexes():
    statements = schema_statements()
    for label in Label:
        assert f"CREATE CONSTRAINT {label.value.lower()}_id IF NOT EXISTS FOR (n:{label.value}) " \
               "REQUIRE n.id IS UNIQUE" in statements
    for label in (Label.INSTITUTION, Label.INDUSTRY):
        assert any(f"(n:{label.value}) ON (n.name_en)" in s for s in statements)


def test_neo4j_statements_cover_every_label_and_pair():
    names = {name for name, _ in loader_statements()}
    assert {f"merge {label.value}" for label in Label} <= names
    assert {f"merge {r.type.value} {s.value}->{t.value}" for r in RELATIONS.values() for s, t in r.pairs()} <= names
    assert {f"prune {t.value}" for t in RelType} | {f"prune {label.value}" for label in Label} <= names


@pytest.mark.parametrize(
    ("call", "args"),
    [
        (node_statement, ("Person",)),
        (relationship_statement, ("KNOWS", "Institution", "Industry")),
        (relationship_statement, ("ANCHORS", "Institution", "X) DETACH DELETE (n")),
    ],
)
def test_neo4j_statements_refuse_names_outside_the_ontology(call, args):
    with pytest.raises(ValueError, match="unknown"):
        call(*args)


def test_neo4j_rows_keep_ontology_properties_only():
    graph = small_graph()
    rows = node_rows(graph)
    jcf = next(r for r in rows[Label.INSTITUTION] if r["id"] == "inst_jcf")
    assert jcf["props"]["id"] == "inst_jcf"
    assert set(jcf["props"]) <= {p.name for p in NODE_PROPERTIES[Label.INSTITUTION]}
    assert sum(len(r) for r in rows.values()) == len(graph.nodes)
    rels = relationship_rows(graph)
    assert sum(len(r) for r in rels.values()) == len(graph.relationships)
    anchors = rels[(RelType.ANCHORS, Label.INSTITUTION, Label.INDUSTRY)]
    assert anchors[0]["props"]["evidence"] == ["d2014.s0000", "d2016.s0001"]


def test_neo4j_parallel_relationships_get_distinct_merge_keys():
    graph = small_graph()
    graph.relationships.append(graph.relationships[-3])  # a second MENTIONS of the same pair
    rows = relationship_rows(graph)[(RelType.MENTIONS, Label.SENTENCE, Label.INSTITUTION)]
    pairs = [(r["source"], r["target"], r["seq"]) for r in rows]
    assert len(pairs) == len(set(pairs))
