"""The whole ingest pipeline: read → segment → extract → resolve → relate → targets → assemble → load.

`extract_documents` runs the text stages on documents already read (no database, no files written);
`build` runs everything for a corpus directory and replaces the build atomically: nothing on disk
changes unless every stage succeeded.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ingest.assemble import assemble
from ingest.extract import Extractor
from ingest.gazetteer import Gazetteer, default_gazetteer
from ingest.graph import write_jsonl
from ingest.model import Document, Edge, Mention, Sentence, Target
from ingest.read import read_corpus
from ingest.relate import relate
from ingest.resolve import Resolution, resolve
from ingest.segment import Segmenter
from ingest.targets import extract_targets

log = logging.getLogger(__name__)

#: Called as progress(stage, done, total) while the pipeline runs.
Progress = Callable[[str, int, int], None]

DEFAULT_BUILD_DIR = Path("data/build")
GRAPH_FILE = "graph.jsonl"


@dataclass(frozen=True)
class Extraction:
    """Everything the text stages found in a set of documents."""

    documents: list[Document]
    sentences: list[Sentence]
    mentions: list[Mention]
    resolution: Resolution
    edges: list[Edge]
    targets: list[Target]


@dataclass(frozen=True)
class BuildReport:
    """What a build produced: counts per node label and relation type, timings, where it went."""

    documents: int
    label_counts: dict[str, int]
    type_counts: dict[str, int]
    seconds: float
    graph_path: Path
    stores: list[str] = field(default_factory=list)


def _quiet(stage: str, done: int, total: int) -> None:
    """A progress callback that reports nothing."""


def extract_documents(
    documents: Sequence[Document], gazetteer: Gazetteer | None = None, progress: Progress = _quiet
) -> Extraction:
    """Run segment, extract, resolve, relate and targets over documents already read.

    The stages make hundreds of thousands of small records that live to the end of the run; Python's
    cyclic garbage collector would walk them again and again (about a fifth of the run's time), so it
    is paused while they run and set back as it was afterwards.
    """
    gazetteer = gazetteer or default_gazetteer()
    collecting = gc.isenabled()
    gc.disable()
    try:
        segmenter = Segmenter.shared(gazetteer)
        extractor = Extractor(gazetteer)
        sentences: list[Sentence] = []
        mentions: list[Mention] = []
        for done, document in enumerate(documents, start=1):
            document_sentences = segmenter.run(document)
            sentences.extend(document_sentences)
            mentions.extend(extractor.run(document_sentences))
            progress("extract", done, len(documents))
        resolution = resolve(mentions, gazetteer)
        progress("relate", 0, 1)
        edges = relate(sentences, resolution, gazetteer)
        targets = extract_targets(sentences, {d.id: d for d in documents})
        progress("relate", 1, 1)
    finally:
        if collecting:
            gc.enable()
    return Extraction(list(documents), sentences, mentions, resolution, edges, targets)


def build(
    corpus: Path,
    build_dir: Path = DEFAULT_BUILD_DIR,
    *,
    neo4j: bool = False,
    progress: Progress = _quiet,
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
