"""The graph-store interface every backend implements, and `open_store` to pick one.

Backends are registered by name and imported only when used, so the embedded path never imports the
Neo4j driver. `open_store` returns Neo4j when `NEO4J_URI` is set, else the embedded LadybugDB store.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

DEFAULT_BUILD_DIR = Path("data/build")
DEFAULT_TIMEOUT_S = 10.0
DEFAULT_ROW_CAP = 5000

#: Backend name -> "module:Class", imported lazily by `backend_class`.
BACKENDS: dict[str, str] = {
    "embedded": "queries.embedded:EmbeddedStore",
    "neo4j": "queries.neo4j_store:Neo4jStore",
}


@dataclass(frozen=True)
class QueryResult:
    """Rows of a query, one dict per row keyed by column, and whether the row cap cut them short."""

    columns: list[str]
    rows: list[dict[str, Any]] = field(default_factory=list)
    truncated: bool = False


@runtime_checkable
class GraphStore(Protocol):
    """A graph database holding the knowledge graph, queried with Cypher through a read-only channel."""

    backend: str

    def query(
        self,
        cypher: str,
        params: dict[str, Any] | None = None,
        *,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        row_cap: int = DEFAULT_ROW_CAP,
    ) -> QueryResult:
        """Run one read-only statement with `$params`; raise ReadOnlyQueryError on writes, QueryError on failures."""
        ...

    def close(self) -> None:
        """Release the database handles."""
        ...


def backend_class(name: str) -> type:
    """The store class registered under `name` ("embedded" or "neo4j"), imported on first use."""
    try:
        module_name, class_name = BACKENDS[name].split(":")
    except KeyError:
        raise ValueError(f"unknown graph store backend {name!r}; known: {', '.join(BACKENDS)}") from None
    return getattr(importlib.import_module(module_name), class_name)


def open_store(build_dir: Path = DEFAULT_BUILD_DIR, *, read_only: bool = True) -> GraphStore:
    """Open the graph store: Neo4j when NEO4J_URI is set, else the embedded store under `build_dir/ladybug`.

    Raises GraphNotBuiltError when the embedded graph has not been built yet.
    """
    if os.environ.get("NEO4J_URI"):
        return backend_class("neo4j").from_env()
    return backend_class("embedded").open(build_dir, read_only=read_only)
