"""The exported Turtle answers planner questions with SPARQL exactly as the Cypher query library does."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal

from jig.core.graph import KnowledgeGraph
from ontology.export import ExportFormat, export_graph
from ontology.owl import JIG
from queries.catalog import run_named
from queries.embedded import EmbeddedStore
from queries.store import open_store
from tests.ontology.test_ontology_rdf import sample_graph

PREFIXES = f"""
PREFIX jig: <{JIG}>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
"""

# An entity matched as the library's Cypher matches it: id, name, alias or English name (any case).
_MATCHES = """
  FILTER EXISTS {{ {{ ?{var} jig:id ?q }} UNION {{ ?{var} jig:name ?q }} UNION {{ ?{var} jig:aliases ?q }}
                  UNION {{ ?{var} jig:nameEn ?en FILTER(LCASE(?en) = LCASE(?q)) }} }}
"""

# Sum of weights and of evidence sentences of the statements ?st of one group.
_EVIDENCE = """
  ?st jig:weight ?w .
  {{ SELECT ?st (COUNT(?e) AS ?n) WHERE {{ ?st a jig:DerivedRelation ; jig:evidence ?e }} GROUP BY ?st }}
"""

SPARQL = {
    "anchors_of_industry": PREFIXES + """
SELECT ?id (SUM(?w) AS ?weight) (SUM(?n) AS ?evidence_count) WHERE {
  ?top a jig:Industry .""" + _MATCHES.format(var="top") + """
  ?sub jig:subindustryOf* ?top .
  ?st rdf:predicate jig:anchors ; rdf:subject ?i ; rdf:object ?sub .
  ?i a jig:Institution ; jig:id ?id .""" + _EVIDENCE.format() + """
} GROUP BY ?id""",
    "platforms_of_institution": PREFIXES + """
SELECT ?id (SUM(?w) AS ?weight) (SUM(?n) AS ?evidence_count) WHERE {
  ?i a jig:Institution .""" + _MATCHES.format(var="i") + """
  { ?st rdf:predicate jig:hostedBy ; rdf:subject ?p ; rdf:object ?i }
  UNION { ?st rdf:predicate jig:leads ; rdf:subject ?i ; rdf:object ?p }
  ?p a jig:Platform ; jig:id ?id .""" + _EVIDENCE.format() + """
} GROUP BY ?id""",
    "targets": PREFIXES + """
SELECT ?id ?year ?value ?unit ?document WHERE {
  ?t a jig:Target ; jig:id ?id ; jig:metric ?metric ; jig:value ?value ; jig:unit ?unit .
  OPTIONAL { ?t jig:metricEn ?metric_en }
  OPTIONAL { ?t jig:year ?year }
  OPTIONAL { ?t jig:document ?doc . ?doc jig:id ?document }
  FILTER(CONTAINS(?metric, ?q) || CONTAINS(LCASE(COALESCE(?metric_en, "")), LCASE(?q)))
}""",
}

_COLUMNS = {
    "anchors_of_industry": ("id", "weight", "evidence_count"),
    "platforms_of_institution": ("id", "weight", "evidence_count"),
    "targets": ("id", "year", "value", "unit", "document"),
}


def _normal(value):
    return round(float(value), 6) if isinstance(value, int | float) and not isinstance(value, bool) else value


def _sparql_answer(rdf: Graph, name: str, value: str) -> set[tuple]:
    rows = rdf.query(SPARQL[name], initBindings={"q": Literal(value)})
    return {tuple(_normal(None if cell is None else cell.toPython()) for cell in row) for row in rows}


def _cypher_answer(store, name: str, param: str, value: str) -> set[tuple]:
    result = run_named(store, name, {param: value})
    return {tuple(_normal(row[c]) for c in _COLUMNS[name]) for row in result.rows}


def _exported_turtle(graph: KnowledgeGraph, tmp_path: Path) -> Graph:
    (out,) = export_graph(graph, ExportFormat.TTL, tmp_path / "graph.ttl")
    return Graph().parse(out, format="turtle")


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory):
    build_dir = tmp_path_factory.mktemp("sparql_sample")
    EmbeddedStore.build(sample_graph(), build_dir)
    store = open_store(build_dir)
    yield store, _exported_turtle(sample_graph(), build_dir)
    store.close()


@pytest.mark.parametrize(("name", "param", "value", "expected"), [
    ("anchors_of_industry", "industry", "汽车", {("inst_faw", 2.0, 2), ("inst_jlu", 1.0, 1)}),
    ("anchors_of_industry", "industry", "new energy VEHICLES", {("inst_jlu", 1.0, 1)}),
    ("platforms_of_institution", "institution", "吉大", {("plat_3f9a0c1b2d", 2.0, 2)}),
    ("targets", "metric", "r&d", {("tgt_0a1b2c3d4e", 2025, 2.5, "%", "003_cfe322f93ce14a7f")}),
])
def test_sparql_sample_answers_match_cypher(sample_store, name, param, value, expected):
    store, rdf = sample_store
    assert _sparql_answer(rdf, name, value) == expected
    assert _cypher_answer(store, name, param, value) == expected


@pytest.fixture(scope="module")
def bundled(built, tmp_path_factory):
    store = open_store(built.build_dir)
    yield store, _exported_turtle(built.graph, tmp_path_factory.mktemp("sparql_bundled"))
    store.close()


@pytest.mark.parametrize(("name", "param", "value"), [
    ("anchors_of_industry", "industry", "碳纤维"),
    ("platforms_of_institution", "institution", "吉林大学"),
    ("targets", "metric", "R&D"),
])
def test_sparql_bundled_answers_match_cypher(bundled, name, param, value):
    store, rdf = bundled
    cypher = _cypher_answer(store, name, param, value)
    assert cypher, f"{name}({value}) has no answer in the bundled graph"
    assert _sparql_answer(rdf, name, value) == cypher
