"""The layering of ARCHITECTURE.md holds: no import cycle between modules, no import from a lower
layer to a higher one (core ← lexicon ← stages in data-flow order ← pipeline ← analysis cache
← stores/exports/evaluation ← commands and app), and no module far past the size of one job."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("jig", "ingest", "evaluation", "ontology", "queries", "explorer", "benchmarks")
MAX_LINES = 430

#: Module-name prefixes, lowest layer first; a module belongs to the layer of its longest prefix.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("jig.core",),
    ("ingest.lexicon",),
    ("ingest.read",),
    ("ingest.segment",),
    ("ingest.extract",),
    ("ingest.resolve",),
    ("ingest.relate",),
    ("ingest.targets",),
    ("ingest.instruments",),
    ("ingest.assemble",),
    ("ingest.pipeline",),
    ("ingest.cache", "ingest.lock"),
    ("ontology", "queries", "evaluation"),
    ("ingest.build", "ingest.__main__", "queries.__main__", "ontology.__main__", "explorer", "app", "benchmarks"),
)


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    files = [ROOT / "app.py", *(p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py") if "node_modules" not in p.parts)]
    return {_module_name(p): p for p in files}


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """Project modules imported anywhere in the file (function bodies and TYPE_CHECKING blocks too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{alias.name}" for alias in node.names] + [node.module]
        else:
            continue
        for name in names:
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name:
                found.add(name)
    return found


#: Namespace packages of several layers: their `__init__` holds a docstring only, so they sit at the bottom.
NAMESPACES = frozenset({"jig", "ingest"})


def layer_of(module: str) -> int:
    """The layer of a module: the index of its longest matching prefix in LAYERS."""
    if module in NAMESPACES:
        return 0
    best, best_len = -1, -1
    for index, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best_len:
                best, best_len = index, len(prefix)
    if best < 0:
        raise AssertionError(f"{module} belongs to no layer of tests/test_architecture.py: add it to LAYERS")
    return best


@pytest.fixture(scope="module")
def import_graph() -> nx.DiGraph:
    modules = _modules()
    graph = nx.DiGraph()
    for name, path in modules.items():
        graph.add_node(name)
        for imported in _imports(path, modules):
            # a package's __init__ is its own module; importing a submodule does not import its package's code here
            if imported != name and not name.startswith(imported + "."):
                graph.add_edge(name, imported)
    return graph


def test_architecture_every_module_has_a_layer(import_graph: nx.DiGraph) -> None:
    for module in import_graph:
        layer_of(module)


def test_architecture_no_import_cycles(import_graph: nx.DiGraph) -> None:
    cycles = [sorted(c) for c in nx.strongly_connected_components(import_graph) if len(c) > 1]
    assert cycles == []


def test_architecture_no_upward_imports(import_graph: nx.DiGraph) -> None:
    upward = [f"{a} (layer {layer_of(a)}) imports {b} (layer {layer_of(b)})"
              for a, b in import_graph.edges if layer_of(a) < layer_of(b)]
    assert upward == []


def test_architecture_core_imports_nothing_of_the_project(import_graph: nx.DiGraph) -> None:
    outside = [f"{a} imports {b}" for a, b in import_graph.edges
               if a.startswith("jig.core") and not b.startswith("jig.core")]
    assert outside == []


def test_architecture_modules_stay_small() -> None:
    large = {name: n for name, path in _modules().items()
             if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert large == {}


def test_architecture_layer_check_catches_an_upward_import(tmp_path: Path) -> None:
    """The checker itself: a core module importing a stage is reported."""
    assert layer_of("jig.core.graph") < layer_of("ingest.relate.relations") < layer_of("explorer.ui")
    graph = nx.DiGraph([("jig.core.graph", "ingest.relate.relations")])
    assert [(a, b) for a, b in graph.edges if layer_of(a) < layer_of(b)] == [("jig.core.graph", "ingest.relate.relations")]
