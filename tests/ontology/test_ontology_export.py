"""Exports load back: Turtle and JSON-LD into rdflib, GraphML into networkx, CSV row counts."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph
from typer.testing import CliRunner

from jig.core.graph import KnowledgeGraph, write_jsonl
from ontology.__main__ import app
from ontology.export import ExportError, ExportFormat, export_graph, write_neo4j_csv
from ontology.rdf import to_rdf
from tests.conftest import ROOT
from tests.ontology.test_ontology_rdf import INSTRUMENT, broken, sample_graph


def _rdf_round_trip(graph: KnowledgeGraph, tmp_path: Path) -> None:
    expected = set(to_rdf(graph))
    for fmt, parser in ((ExportFormat.TTL, "turtle"), (ExportFormat.JSONLD, "json-ld")):
        (out,) = export_graph(graph, fmt, tmp_path / f"graph.{fmt}")
        loaded = Graph().parse(out, format=parser)
        assert len(loaded) == len(expected), fmt
        assert set(loaded) == expected, fmt


def _graphml_round_trip(graph: KnowledgeGraph, tmp_path: Path) -> nx.MultiDiGraph:
    (out,) = export_graph(graph, ExportFormat.GRAPHML, tmp_path / "graph.graphml")
    loaded = nx.read_graphml(out, force_multigraph=True)
    assert loaded.number_of_nodes() == len(graph.nodes)
    assert loaded.number_of_edges() == len(graph.relationships)
    return loaded


def _csv_rows(directory: Path, prefix: str) -> dict[str, list[dict[str, str]]]:
    rows = {}
    for path in sorted(directory.glob(f"{prefix}_*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            rows[path.name] = list(csv.DictReader(handle))
    return rows


def _csv_round_trip(graph: KnowledgeGraph, tmp_path: Path) -> None:
    write_neo4j_csv(graph, tmp_path / "csv")
    nodes = _csv_rows(tmp_path / "csv", "nodes")
    rels = _csv_rows(tmp_path / "csv", "rels")
    assert {name: len(r) for name, r in nodes.items()} == {
        f"nodes_{label}.csv": count for label, count in graph.label_counts().items()}
    by_type = Counter()
    for name, r in rels.items():
        by_type[name.removeprefix("rels_").split("__")[0]] += len(r)
    assert by_type == graph.type_counts()
    readme = (tmp_path / "csv" / "README.txt").read_text(encoding="utf-8")
    for name in [*nodes, *rels]:
        assert f"--nodes={name}" in readme or f"--relationships={name}" in readme


def test_export_rdf_round_trip(tmp_path):
    _rdf_round_trip(sample_graph(), tmp_path)


def test_export_graphml_round_trip_with_scalar_attributes(tmp_path):
    loaded = _graphml_round_trip(sample_graph(), tmp_path)
    faw = loaded.nodes["inst_faw"]
    assert (faw["label"], faw["kind"], faw["name"], faw["name_en"], faw["mentions"]) == (
        "Institution", "Enterprise", "中国第一汽车集团有限公司", "China FAW Group", 2)
    assert faw["aliases"] == "一汽;中国一汽"
    (edge,) = loaded.get_edge_data("inst_faw", "ind_automotive").values()
    assert (edge["type"], edge["weight"], edge["evidence_count"]) == ("ANCHORS", 2.0, 2)
    assert edge["docs"] == "003_cfe322f93ce14a7f"
    assert (faw["pagerank"], faw["betweenness"], faw["community"]) == (0.4, 0.25, 0)
    coding = loaded.nodes[INSTRUMENT]
    assert (coding["label"], coding["kind"], coding["side"], coding["cues"], coding["year"]) == (
        "Instrument", "Infrastructure", "supply", "依托", 2016)
    assert {(v, kind) for _, v, kind in loaded.out_edges(INSTRUMENT, data="type")} == {
        ("inst_faw", "APPLIES_TO"), ("inst_jlu", "APPLIES_TO")}


def test_export_csv_layout_for_neo4j_admin(tmp_path):
    _csv_round_trip(sample_graph(), tmp_path)
    header = (tmp_path / "csv" / "nodes_Institution.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("id:ID(Institution),name,name_en,aliases:string[],kind,mentions:int,")
    assert header.endswith(",:LABEL")
    header = (tmp_path / "csv" / "rels_ANCHORS__Institution__Industry.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == ":START_ID(Institution),:END_ID(Industry),:TYPE,weight:double,docs:string[],evidence:string[],cues:string[]"
    header = (tmp_path / "csv" / "nodes_Instrument.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == "id:ID(Instrument),kind,side,cues:string[],document,sentence,year:int,:LABEL"
    assert (tmp_path / "csv" / "rels_APPLIES_TO__Instrument__Institution.csv").is_file()
    readme = (tmp_path / "csv" / "README.txt").read_text(encoding="utf-8")
    assert re.search(r"^neo4j-admin database import full \\$", readme, re.M)
    assert "--array-delimiter=';'" in readme


def test_export_csv_refuses_the_array_delimiter_inside_a_value(tmp_path):
    graph = broken(sample_graph(), node_id="inst_faw", aliases=["一汽;集团"])
    with pytest.raises(ExportError, match="inst_faw: aliases element '一汽;集团'"):
        write_neo4j_csv(graph, tmp_path)


def test_export_cli_writes_each_format(tmp_path):
    write_jsonl(sample_graph(), tmp_path / "graph.jsonl")
    runner = CliRunner()
    for fmt in ExportFormat:
        out = tmp_path / ("csv" if fmt == ExportFormat.CSV else f"graph.{fmt}")
        result = runner.invoke(app, ["export", "--format", fmt.value, "--out", str(out),
                                     "--graph", str(tmp_path / "graph.jsonl")])
        assert result.exit_code == 0, result.output
        assert out.exists()


def test_export_cli_explains_a_missing_graph(tmp_path):
    result = subprocess.run([sys.executable, "-m", "ontology", "export", "--format", "ttl", "--out",
                             str(tmp_path / "x.ttl"), "--graph", str(tmp_path / "none.jsonl")],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "no graph at" in result.stderr and "python -m ingest build" in result.stderr
    assert "Traceback" not in result.stderr


def test_export_bundled_graph_round_trips(built, tmp_path):
    _rdf_round_trip(built.graph, tmp_path)
    _graphml_round_trip(built.graph, tmp_path)
    _csv_round_trip(built.graph, tmp_path)
