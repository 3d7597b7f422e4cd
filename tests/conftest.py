"""Shared fixtures: the bundled corpus built once per test session (real jieba, real LadybugDB)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from jig.core.graph import KnowledgeGraph, read_jsonl

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"


@dataclass(frozen=True)
class Built:
    """A graph built from the bundled corpus: where it lives and what it holds."""

    build_dir: Path
    graph_path: Path
    graph: KnowledgeGraph


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The bundled corpus (read-only: tests that need to change it copy it first)."""
    return CORPUS


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The bundled corpus run through the whole pipeline into a fresh build directory."""
    from ingest.build import build

    build_dir = tmp_path_factory.mktemp("build")
    build(CORPUS, build_dir)
    graph_path = build_dir / "graph.jsonl"
    return Built(build_dir=build_dir, graph_path=graph_path, graph=read_jsonl(graph_path))
