"""Neo4j integration: load, idempotent reload, pruning, constraints, every library query's Neo4j variant.

Runs against a real Neo4j 5 server when NEO4J_URI is set (`docker compose up -d`, then
`export NEO4J_URI=bolt://localhost:7687 NEO4J_USER=neo4j NEO4J_PASSWORD=jilin-graph`); skipped otherwise.
These tests replace the graph in the configured database.
"""

from __future__ import annotations

import os

import pytest

from jig.core.errors import QueryError, ReadOnlyQueryError
from jig.core.graph import KnowledgeGraph
from jig.core.schema import Label, RelType
from queries.catalog import load_catalog, run_named
from queries.embedded import EmbeddedStore
from tests.sample_graphs import small_graph

pytestmark = [
    pytest.mark.neo4j,
    pytest.mark.skipif(
        not os.environ.get("NEO4J_URI"),
        reason="NEO4J_URI is not set; start Neo4j with `docker compose up -d` and export "
               "NEO4J_URI=bolt://localhost:7687 NEO4J_USER=neo4j NEO4J_PASSWORD=jilin-graph",
    ),
]


@pytest.fixture(scope="module")
def neo4j_store():
    from queries.neo4j_store import Neo4jStore

    with Neo4jStore.from_env() as store:
        yield store


def _counts(store) -> tuple[dict[str, int], dict[str, int]]:
    labels = {label.value: store.query(f"MATCH (n:{label.value}) RETURN count(n) AS n").rows[0]["n"]
              for label in Label}
    types = {t.value: store.query(f"MATCH ()-[r:{t.value}]->() RETURN count(r) AS n").rows[0]["n"] for t in RelType}
    return labels, types


def _expected(graph: KnowledgeGraph) -> tuple[dict[str, int], dict[str, int]]:
    labels, types = graph.label_counts(), graph.type_counts()
    by_label = {label.value: labels.get(label.value, 0) for label in Label}
    return by_label, {t.value: types.get(t.value, 0) for t in RelType}


def test_neo4j_load_is_idempotent(neo4j_store):
    graph = small_graph()
    first = neo4j_store.load(graph)
    assert (first.nodes, first.relationships) == (len(graph.nodes), len(graph.relationships))
    assert _counts(neo4j_store) == _expected(graph)
    second = neo4j_store.load(graph, batch_size=3)
    assert (second.pruned_nodes, second.pruned_relationships) == (0, 0)
    assert _counts(neo4j_store) == _expected(graph)


def test_neo4j_load_prunes_what_vanished(neo4j_store):
    neo4j_store.load(small_graph())
    smaller = small_graph()
    smaller.nodes = [n for n in smaller.nodes if n.label != Label.TARGET]
    smaller.relationships = [r for r in smaller.relationships
                             if r.type not in (RelType.SETS_TARGET, RelType.CO_MENTIONED)]
    report = neo4j_store.load(smaller)
    assert report.pruned_nodes == 2 and report.pruned_relationships == 3
    assert _counts(neo4j_store) == _expected(smaller)


def test_neo4j_constraints_exist(neo4j_store):
    neo4j_store.ensure_schema()
    rows = neo4j_store.query("SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type RETURN *").rows
    unique = {(r["labelsOrTypes"][0], tuple(r["properties"])) for r in rows if "UNIQUENESS" in r["type"]}
    assert {(label.value, ("id",)) for label in Label} <= unique


def test_neo4j_query_channel_is_read_only(neo4j_store):
    neo4j_store.load(small_graph())
    with pytest.raises(ReadOnlyQueryError, match="read-only"):
        neo4j_store.query("MATCH (n) DETACH DELETE n")
    with pytest.raises(QueryError):
        neo4j_store.query("MATCH (n RETURN n")
    assert _counts(neo4j_store) == _expected(small_graph())
    assert neo4j_store.query("MATCH (n) RETURN n.id AS id", row_cap=2).truncated


@pytest.mark.parametrize("name", sorted(load_catalog()))
def test_neo4j_library_query_matches_embedded(neo4j_store, tmp_path, name):
    graph = small_graph()
    neo4j_store.load(graph)
    EmbeddedStore.build(graph, tmp_path)
    query = load_catalog()[name]
    params = {"entity": "吉林化纤", "name": "吉林化纤", "industry": "碳纤维", "institution": "吉林化纤",
              "region": "吉林", "metric": "R&D", "source": "吉林化纤", "target": "新材料", "limit": 5}
    bound = {p.name: params[p.name] for p in query.parameters if p.name in params}
    with EmbeddedStore.open(tmp_path) as embedded:
        expected = run_named(embedded, name, bound)
    got = run_named(neo4j_store, name, bound)
    assert got.columns == expected.columns
    assert got.rows == expected.rows
