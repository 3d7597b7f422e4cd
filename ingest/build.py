"""Build a corpus into a graph: read → the text stages → assemble → the stores and `graph.jsonl`.

The build replaces its output atomically: nothing on disk changes unless every stage succeeded.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from ingest.assemble.assembler import assemble
from ingest.lexicon.gazetteer import default_gazetteer
from ingest.pipeline import Progress, extract_documents, quiet
from ingest.read.document import read_corpus
from jig.core.graph import write_jsonl
from queries.store import DEFAULT_BUILD_DIR

GRAPH_FILE = "graph.jsonl"


@dataclass(frozen=True)
class BuildReport:
    """What a build produced: counts per node label and relation type, timings, where it went."""

    documents: int
    label_counts: dict[str, int]
    type_counts: dict[str, int]
    seconds: float
    graph_path: Path
    stores: list[str] = field(default_factory=list)


def build(
    corpus: Path,
    build_dir: Path = DEFAULT_BUILD_DIR,
    *,
    neo4j: bool = False,
    progress: Progress = quiet,
) -> BuildReport:
    """Build the graph of a corpus: `build_dir/graph.jsonl` and the embedded store, optionally Neo4j.

    Raises a JilinGraphError subclass (and leaves any previous build untouched) if a document cannot
    be read, evidence is not verbatim, or a store cannot be written.
    """
    from queries.embedded import EmbeddedStore

    started = time.perf_counter()
    gazetteer = default_gazetteer()
    documents = read_corpus(corpus)
    progress("read", len(documents), len(documents))
    extraction = extract_documents(documents, gazetteer, progress)
    graph = assemble(extraction, gazetteer)
    stores = ["neo4j", "embedded"] if neo4j else ["embedded"]
    progress("load", 0, len(stores))
    if neo4j:  # first: the step most likely to fail (a server), before anything local changes
        from queries.neo4j_store import Neo4jStore

        Neo4jStore.from_env().load(graph)
    EmbeddedStore.build(graph, build_dir)
    graph_path = build_dir / GRAPH_FILE
    write_jsonl(graph, graph_path)
    progress("load", len(stores), len(stores))
    return BuildReport(
        documents=len(documents),
        label_counts=dict(sorted(graph.label_counts().items())),
        type_counts=dict(sorted(graph.type_counts().items())),
        seconds=time.perf_counter() - started,
        graph_path=graph_path,
        stores=stores,
    )
