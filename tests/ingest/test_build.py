"""The whole pipeline on the bundled corpus: the facts a planner relies on, with honest evidence."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.build import build
from jig.core.graph import KnowledgeGraph, check_endpoints
from jig.core.paths import CORPUS_DIR as CORPUS
from jig.core.schema import DERIVED_RELATIONS, Label, RelType
from tests.conftest import ROOT, Built


def _edge(graph: KnowledgeGraph, source: str, rel_type: RelType, target: str):
    return next((r for r in graph.relationships_of(rel_type) if r.source == source and r.target == target), None)


@pytest.mark.parametrize(
    ("institution", "industry"),
    [
        ("inst_faw", "ind_automotive"),
        ("inst_crrc_cc", "ind_rail_transit"),
        ("inst_ciomp", "ind_optoelectronics"),
        ("inst_jcf", "ind_carbon_fiber"),
    ],
)
def test_pipeline_major_actors_anchor_their_industries(built: Built, institution: str, industry: str) -> None:
    edge = _edge(built.graph, institution, RelType.ANCHORS, industry)
    assert edge is not None, f"{institution} should anchor {industry}"
    assert edge.properties["evidence"] and edge.properties["docs"] and edge.properties["weight"] > 0


@pytest.mark.parametrize("surface", ["中国北车长春轨道客车股份有限公司", "中车长客"])
def test_pipeline_renamed_crrc_resolves_to_one_node(built: Built, surface: str) -> None:
    targets = {r.target for r in built.graph.relationships_of(RelType.MENTIONS) if r.properties["surface"] == surface}
    assert targets == {"inst_crrc_cc"}


def test_pipeline_every_derived_edge_has_linking_evidence(built: Built) -> None:
    graph = built.graph
    sentences = {n.id: n.properties["text"] for n in graph.nodes_with(Label.SENTENCE)}
    surfaces: dict[tuple[str, str], set[str]] = {}
    for mention in graph.relationships_of(RelType.MENTIONS):
        surfaces.setdefault((mention.source, mention.target), set()).add(mention.properties["surface"])
    derived = [r for r in graph.relationships if r.type in DERIVED_RELATIONS]
    assert derived
    for edge in derived:
        evidence = edge.properties["evidence"]
        assert evidence, f"{edge.type} {edge.source}->{edge.target} has no evidence"

        def links(sentence_id: str) -> bool:
            text = sentences[sentence_id]
            both = surfaces.get((sentence_id, edge.source)) and surfaces.get((sentence_id, edge.target))
            return bool(both) or any(cue in text for cue in edge.properties["cues"])

        assert any(links(s) for s in evidence), f"{edge.type} {edge.source}->{edge.target}: no linking sentence"


def test_pipeline_sentences_are_verbatim_substrings(built: Built) -> None:
    documents = {n.id: n.properties["text"] for n in built.graph.nodes_with(Label.DOCUMENT)}
    for sentence in built.graph.nodes_with(Label.SENTENCE):
        p = sentence.properties
        assert documents[p["document"]][p["start"]:p["end"]] == p["text"]


def test_pipeline_graph_is_consistent_with_the_ontology(built: Built) -> None:
    assert check_endpoints(built.graph) == []
    counts = built.graph.label_counts()
    assert counts["Document"] == len([p for p in CORPUS.iterdir() if p.name != "manifest.yaml"])
    for label in (Label.INSTITUTION, Label.PLATFORM, Label.INDUSTRY, Label.REGION, Label.TARGET):
        assert counts[label.value] > 0, label


def test_pipeline_rebuild_is_idempotent(built: Built, tmp_path: Path) -> None:
    first = built.graph_path.read_bytes()
    build(ROOT / "data" / "corpus", tmp_path)
    assert (tmp_path / "graph.jsonl").read_bytes() == first
    build(ROOT / "data" / "corpus", tmp_path)
    assert (tmp_path / "graph.jsonl").read_bytes() == first


def _run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ingest", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [("broken.txt", b"\x00\x01\x02PK\x03\x04" * 50, "binary"), ("empty.txt", b"", "empty")],
)
def test_pipeline_bad_file_fails_cleanly_and_keeps_the_previous_build(
    built: Built, tmp_path: Path, name: str, content: bytes, problem: str
) -> None:
    out = tmp_path / "build"
    shutil.copytree(built.build_dir, out, symlinks=True)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "data" / "corpus", corpus)
    (corpus / name).write_bytes(content)
    result = _run_cli("build", "--corpus", str(corpus), "--out", str(out))
    assert result.returncode == 1
    assert name in result.stderr and problem in result.stderr
    assert "Traceback" not in result.stderr
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before


def test_pipeline_extract_json_follows_the_contract() -> None:
    result = _run_cli("extract", "data/corpus/003_cfe322f93ce14a7f.txt", "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert set(payload) == {"documents", "entities", "relations"}
    assert payload["documents"][0]["file"] == "003_cfe322f93ce14a7f.txt"
    assert set(payload["documents"][0]) == {"file", "title", "date", "doc_number"}
    for entity in payload["entities"]:
        assert set(entity) == {"id", "name", "type", "kind", "name_en", "aliases", "docs"}
        assert entity["type"] in {label.value for label in Label}
    ids = {e["id"] for e in payload["entities"]}
    for relation in payload["relations"]:
        assert set(relation) == {"source", "type", "target", "doc", "evidence"}
        assert relation["target"] in ids
        assert relation["source"] in ids or relation["source"] == relation["doc"]
        assert relation["evidence"]
