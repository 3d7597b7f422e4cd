"""`open_store`: backends registered by name, imported lazily, chosen by NEO4J_URI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from jig.core.errors import StoreError
from queries.embedded import EmbeddedStore
from queries.store import GraphStore, backend_class, open_store
from tests.sample_graphs import small_graph

ROOT = Path(__file__).resolve().parents[2]


def test_store_open_embedded_without_neo4j_uri(tmp_path: Path, monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    EmbeddedStore.build(small_graph(), tmp_path)
    store = open_store(tmp_path)
    try:
        assert isinstance(store, GraphStore) and store.backend == "embedded"
    finally:
        store.close()


def test_store_open_neo4j_when_uri_is_set(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "bolt://localhost:7687")
    monkeypatch.setenv("NEO4J_PASSWORD", "secret")
    monkeypatch.delenv("NEO4J_DATABASE", raising=False)
    store = open_store(tmp_path)
    try:
        assert isinstance(store, GraphStore) and store.backend == "neo4j"
        assert (store.config.user, store.config.database) == ("neo4j", "neo4j")
    finally:
        store.close()


def test_store_open_neo4j_without_password_says_what_is_missing(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "bolt://localhost:7687")
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    with pytest.raises(StoreError, match="NEO4J_PASSWORD not set"):
        open_store(tmp_path)


def test_store_unknown_backend_is_refused():
    with pytest.raises(ValueError, match="unknown graph store backend 'sqlite'"):
        backend_class("sqlite")


def test_store_embedded_path_never_imports_neo4j():
    code = ("import sys, queries.store, queries.embedded, queries.catalog, queries.neo4j_store; "
            "from queries.neo4j_store import loader_statements; loader_statements(); "
            "print('neo4j' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "False"
