"""The explorer while its store changes underneath it: rebuilt, removed, held by a writer, damaged."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from jig.core.graph import KnowledgeGraph, write_jsonl
from jig.core.schema import Label
from queries.embedded import EmbeddedStore, store_path
from tests.sample_graphs import small_graph

APP = Path(__file__).resolve().parents[2] / "app.py"


def _build(graph: KnowledgeGraph, build_dir: Path) -> None:
    """What a build leaves: the store swapped in, then graph.jsonl."""
    EmbeddedStore.build(graph, build_dir)
    write_jsonl(graph, build_dir / "graph.jsonl")


def _institutions_shown(at: AppTest) -> str:
    return next(m.value for m in at.metric if m.label.startswith(("机构", "Institution")))


@pytest.fixture
def overview(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """The overview page of a running app, on a build of the small sample graph in `tmp_path`."""
    monkeypatch.setenv("JIG_BUILD_DIR", str(tmp_path))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    _build(small_graph(), tmp_path)
    return AppTest.from_file(str(APP), default_timeout=60).run()


def _without_one_institution(graph: KnowledgeGraph) -> KnowledgeGraph:
    gone = next(n.id for n in graph.nodes if n.label == Label.INSTITUTION)
    return dataclasses.replace(
        graph,
        nodes=[n for n in graph.nodes if n.id != gone],
        relationships=[r for r in graph.relationships if gone not in (r.source, r.target)],
    )


def test_app_shows_the_new_graph_after_a_rebuild_underneath(overview: AppTest, tmp_path: Path) -> None:
    assert not overview.exception
    before = int(_institutions_shown(overview))
    _build(_without_one_institution(small_graph()), tmp_path)
    overview.run()
    assert not overview.exception
    assert int(_institutions_shown(overview)) == before - 1


def test_app_says_how_to_build_when_the_store_is_removed_underneath(overview: AppTest, tmp_path: Path) -> None:
    for entry in tmp_path.iterdir():
        shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
    overview.run()
    assert not overview.exception
    assert any("python -m ingest build" in i.value for i in overview.info)


def test_app_reads_while_another_process_holds_the_store_for_writing(overview: AppTest, tmp_path: Path) -> None:
    _build(_without_one_institution(small_graph()), tmp_path)  # a new store, not yet opened by the app
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from queries.embedded import EmbeddedStore; "
         f"EmbeddedStore.open({str(tmp_path)!r}, read_only=False); print('held', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True, cwd=APP.parent,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        overview.run()
        assert not overview.exception
        assert not overview.error
    finally:
        holder.kill()
        holder.wait()


def test_app_names_a_damaged_store_in_plain_words(overview: AppTest, tmp_path: Path) -> None:
    _build(small_graph(), tmp_path)  # a new store, not yet opened by the app
    database = store_path(tmp_path).resolve()
    database.write_bytes(b"not a database")
    overview.run()
    assert not overview.exception
    assert any("cannot open the embedded graph" in e.value for e in overview.error)
