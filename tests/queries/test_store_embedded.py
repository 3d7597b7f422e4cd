"""The embedded LadybugDB store: bulk build, atomic swap, read-only querying, errors (real LadybugDB)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jig.core.errors import GraphNotBuiltError, QueryError, ReadOnlyQueryError, StoreError
from jig.core.graph import Relationship
from jig.core.schema import NODE_PROPERTIES, RELATIONS, Label, RelType
from queries.embedded import STORE_DIR, EmbeddedStore, store_generation, store_path
from queries.ladybug_tables import ddl_statements
from queries.store import open_store
from tests.sample_graphs import entity_node, small_graph

L, R = Label, RelType


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
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(StoreError, match="ANCHORS"):
        EmbeddedStore.build(broken, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == before == [STORE_DIR, store_generation(tmp_path)]
    with EmbeddedStore.open(tmp_path) as store:
        assert _counts(store) == (len(small_graph().nodes), len(small_graph().relationships))


def test_embedded_rebuild_replaces_the_graph(tmp_path: Path):
    EmbeddedStore.build(small_graph(), tmp_path)
    smaller = small_graph()
    smaller.relationships = [r for r in smaller.relationships if r.type != R.CO_MENTIONED]
    EmbeddedStore.build(smaller, tmp_path)
    with EmbeddedStore.open(tmp_path) as store:
        assert store.query("MATCH ()-[r:CO_MENTIONED]->() RETURN count(r) AS n").rows == [{"n": 0}]


def test_embedded_rebuild_keeps_the_store_it_replaced_until_the_next_one(tmp_path: Path):
    generations = []
    for _ in range(3):
        EmbeddedStore.build(small_graph(), tmp_path)
        generations.append(store_generation(tmp_path))
    assert len(set(generations)) == 3
    assert (tmp_path / STORE_DIR).is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([STORE_DIR, *generations[1:]])


def test_embedded_reader_keeps_its_store_while_a_rebuild_swaps_another_in(tmp_path: Path):
    EmbeddedStore.build(small_graph(), tmp_path)
    smaller = small_graph()
    smaller.relationships = [r for r in smaller.relationships if r.type != R.CO_MENTIONED]
    with EmbeddedStore.open(tmp_path) as reader:
        EmbeddedStore.build(smaller, tmp_path)
        assert _counts(reader) == (len(small_graph().nodes), len(small_graph().relationships))
    with EmbeddedStore.open(tmp_path) as store:
        assert _counts(store) == (len(smaller.nodes), len(smaller.relationships))


def test_embedded_store_folder_of_the_older_layout_is_taken_over(tmp_path: Path):
    EmbeddedStore.build(small_graph(), tmp_path)
    link = tmp_path / STORE_DIR
    folder = tmp_path / store_generation(tmp_path)
    link.unlink()
    folder.rename(link)  # the layout before the link: the store in a folder of that name
    EmbeddedStore.build(small_graph(), tmp_path)
    assert link.is_symlink()
    with EmbeddedStore.open(tmp_path) as store:
        assert _counts(store) == (len(small_graph().nodes), len(small_graph().relationships))


def test_embedded_bad_property_type_is_a_store_error(tmp_path: Path):
    graph = small_graph()
    graph.nodes.append(entity_node("inst_bad", L.INSTITUTION, "坏", "Bad", mentions="many"))
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

