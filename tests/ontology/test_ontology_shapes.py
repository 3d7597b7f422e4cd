"""SHACL shapes: generated from the schema, and the graph checks they make."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from rdflib import Graph
from rdflib.collection import Collection
from rdflib.namespace import SH

from jig.core.graph import write_jsonl
from jig.core.schema import KINDS, NODE_PROPERTIES, SIDES, RelType
from ontology.owl import class_iri
from ontology.shapes import JIGSH, SHAPES_PATH, shapes_turtle
from ontology.validate import validate_graph
from tests.conftest import ROOT
from tests.ontology.test_ontology_rdf import DOC, S1, broken, sample_graph


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES_PATH, format="turtle")


def test_shapes_committed_turtle_equals_fresh_generation():
    assert SHAPES_PATH.read_text(encoding="utf-8") == shapes_turtle(), (
        "ontology/shapes.ttl is stale: run `python -m ontology generate`")


@pytest.mark.parametrize("label", list(NODE_PROPERTIES), ids=str)
def test_shapes_cover_every_label_and_property(shapes, label):
    shape = JIGSH[label.value]
    assert (shape, SH.targetClass, class_iri(label)) in shapes
    paths = {shapes.value(p, SH.path) for p in shapes.objects(shape, SH.property)}
    assert len(paths) == len(NODE_PROPERTIES[label])
    closed = [p for p in shapes.objects(shape, SH.property) if shapes.value(p, SH["in"]) is not None]
    allowed = sorted([str(k) for k in Collection(shapes, shapes.value(p, SH["in"]))] for p in closed)
    names = {p.name for p in NODE_PROPERTIES[label]}
    expected = [list(KINDS[label])] if "kind" in names else []
    expected += [list(SIDES)] if "side" in names else []
    assert allowed == sorted(expected)


def test_shapes_sample_graph_conforms():
    report = validate_graph(sample_graph())
    assert report.conforms, [str(v) for v in report.violations]


@pytest.mark.parametrize(("change", "expected"), [
    (dict(node_id="inst_faw", name=""), "Institution inst_faw (China FAW Group): name is empty"),
    (dict(node_id="inst_faw", name=None), "Institution inst_faw (China FAW Group): name is missing"),
    (dict(node_id="inst_jlu", kind="Factory"),
     "Institution inst_jlu (吉林大学): kind is 'Factory', not one of: University, ResearchInstitute, Enterprise, "
     "Government, Academy, Other"),
    (dict(node_id="inst_jlu", mentions=-1), "Institution inst_jlu (吉林大学): mentions is -1, below the minimum 0"),
    (dict(node_id="inst_jlu", mentions="many"), "Institution inst_jlu (吉林大学): mentions is 'many', not of type integer"),
    (dict(rel_type=RelType.ANCHORS, evidence=[]), "relation ANCHORS inst_faw → ind_automotive: evidence is missing"),
    (dict(rel_type=RelType.ANCHORS, weight=0),
     "relation ANCHORS inst_faw → ind_automotive: weight is 0.0, must be greater than 0.0"),
    (dict(rel_type=RelType.HOSTED_BY, docs=None), "relation HOSTED_BY plat_3f9a0c1b2d → inst_jlu: docs is missing"),
    (dict(rel_type=RelType.HOSTED_BY, evidence=["nowhere.s0001"]),
     "relation HOSTED_BY plat_3f9a0c1b2d → inst_jlu: evidence points to nowhere.s0001, which is not a Sentence node"),
    (dict(node_id=DOC, year=1800),
     f"Document {DOC} (吉林省促进科技成果转移转化实施方案): year is 1800, below the minimum 1949"),
    (dict(node_id="tgt_0a1b2c3d4e", unit=None), "Target tgt_0a1b2c3d4e (R&D经费占GDP比重达到2.5%): unit is missing"),
    (dict(node_id=S1, document=None), f"Sentence {S1} (一汽依托吉林大学。): document is missing"),
    (dict(node_id=S1, text=""), f"Sentence {S1}: text is empty"),
], ids=lambda x: x if isinstance(x, str) else None)
def test_shapes_violation_is_reported_in_plain_words(change, expected):
    report = validate_graph(broken(sample_graph(), **change))
    assert [str(v) for v in report.violations] == [expected]


def test_shapes_wrong_endpoint_label_is_reported():
    graph = sample_graph()
    rel = next(graph.relationships_of(RelType.ANCHORS))
    graph.relationships.append(type(rel)("reg_changchun", rel.source_label, RelType.SUBINDUSTRY_OF,
                                         "ind_automotive", rel.target_label))
    problems = {str(v) for v in validate_graph(graph).violations}
    assert problems == {"Region reg_changchun (长春市): is the source of a SUBINDUSTRY_OF relation but is not a Industry"}


def _validate_cli(graph_path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ontology", "validate", "--graph", str(graph_path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_shapes_cli_fails_on_a_broken_graph(tmp_path):
    graph = broken(sample_graph(), node_id="inst_faw", name="", kind="Factory")
    graph = broken(graph, rel_type=RelType.ANCHORS, evidence=[])
    write_jsonl(graph, tmp_path / "graph.jsonl")
    result = _validate_cli(tmp_path / "graph.jsonl")
    assert result.returncode == 1
    assert "3 violations" in result.stdout
    assert "Institution inst_faw (China FAW Group): name is empty" in result.stdout
    assert "kind is 'Factory'" in result.stdout
    assert "relation ANCHORS inst_faw → ind_automotive: evidence is missing" in result.stdout
    assert "Traceback" not in result.stderr


def test_shapes_cli_explains_a_missing_graph(tmp_path):
    result = _validate_cli(tmp_path / "graph.jsonl")
    assert result.returncode == 2
    assert "python -m ingest build" in result.stderr
    assert "Traceback" not in result.stderr


def test_shapes_bundled_graph_conforms(built):
    started = time.perf_counter()
    report = validate_graph(built.graph)
    seconds = time.perf_counter() - started
    assert report.conforms, "\n".join(str(v) for v in report.violations[:30])
    assert seconds < 30, f"validation took {seconds:.1f} s for {report.triples} triples"
