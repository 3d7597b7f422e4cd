"""Every stage of a build timed on its own, in this process on one core: wall and CPU seconds each.

read → segment → extract → resolve → relate → targets → instruments → assemble → store load (the embedded store's
bulk COPY, then `graph.jsonl`), and jieba alone tokenizing the same text: the floor the text stages
are compared with. The segmenter and extractor are built first and timed apart (`warm-up`: jieba's
dictionary and the tagger model, once per process), so the stages and the floor are steady-state
costs. The garbage collector is paused, as `ingest.build` does. With `NEO4J_URI` set, the graph is
also loaded into Neo4j (batched `UNWIND … MERGE`).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.clock import Clock
from ingest.assemble.assembler import assemble
from ingest.extract.mentions import Extractor
from ingest.instruments.coding import code_instruments
from ingest.lexicon.gazetteer import Gazetteer, default_gazetteer
from ingest.pipeline import gc_paused
from ingest.read.document import read_corpus
from ingest.relate.relations import relate
from ingest.resolve.entities import resolve
from ingest.segment.sentences import Segmenter
from ingest.targets.goals import extract_targets
from jig.core.graph import KnowledgeGraph, write_jsonl
from jig.core.records import Document, Extraction

#: The text stages (`ingest.pipeline`): what the pipeline adds to jieba.
TEXT_STAGES = ("segment", "extract", "resolve", "relate", "targets", "instruments")
#: Every stage of a build, in order.
BUILD_STAGES = ("read", *TEXT_STAGES, "assemble", "store load", "graph.jsonl")


def text_stages(
    documents: Sequence[Document], gazetteer: Gazetteer, clock: Clock,
    segmenter: Segmenter | None = None, extractor: Extractor | None = None,
) -> Extraction:
    """The text stages of `ingest.pipeline` over `documents`, one by one, each timed by `clock`."""
    segmenter = segmenter or Segmenter.shared(gazetteer)
    extractor = extractor or Extractor.shared(gazetteer)
    per_document = clock.time("segment", lambda: [segmenter.run(d) for d in documents])
    mentions = clock.time("extract", lambda: [m for sentences in per_document for m in extractor.run(sentences)])
    sentences = [s for group in per_document for s in group]
    resolution = clock.time("resolve", lambda: resolve(mentions, gazetteer))
    edges = clock.time("relate", lambda: relate(sentences, resolution, gazetteer))
    by_id = {d.id: d for d in documents}
    targets = clock.time("targets", lambda: extract_targets(sentences, by_id))
    instruments = clock.time("instruments", lambda: code_instruments(sentences, resolution, targets, by_id))
    return Extraction(list(documents), sentences, mentions, resolution, edges, targets, instruments)


@dataclass(frozen=True)
class StageRun:
    """What one stage-by-stage build measured."""

    clock: Clock
    documents: int
    characters: int
    jieba_tokens: int
    nodes: int
    relationships: int
    store_bytes: int
    neo4j_s: float | None

    def as_json(self) -> dict:
        text = self.clock.cpu(*TEXT_STAGES)
        jieba = self.clock.cpu("jieba alone")
        load = self.clock.wall("store load")
        rows = self.nodes + self.relationships
        return {
            "documents": self.documents,
            "characters": self.characters,
            "stages": {s.name: {"wall_s": round(s.wall_s, 3), "cpu_s": round(s.cpu_s, 3)} for s in self.clock.steps},
            "jieba_tokens": self.jieba_tokens,
            "text_stages_cpu_s": round(text, 3),
            "pipeline_to_jieba": round(text / jieba, 3) if jieba else None,
            "segment_extract_to_jieba": round(self.clock.cpu("segment", "extract") / jieba, 3) if jieba else None,
            "graph": {"nodes": self.nodes, "relationships": self.relationships},
            "store_bytes": self.store_bytes,
            "embedded_rows_per_s": round(rows / load) if load else None,
            "neo4j_unwind_rows_per_s": round(rows / self.neo4j_s) if self.neo4j_s else None,
        }


def run_stages(corpus: Path, build_dir: Path) -> StageRun:
    """Build `corpus` into `build_dir` stage by stage, timing each (see the module docstring)."""
    from queries.embedded import EmbeddedStore

    gazetteer = default_gazetteer()
    clock = Clock()
    with gc_paused():
        segmenter, extractor = clock.time("warm-up", lambda: (Segmenter.shared(gazetteer), Extractor.shared(gazetteer)))
        documents = clock.time("read", lambda: read_corpus(corpus))
        tokens = clock.time("jieba alone", lambda: sum(1 for d in documents for _ in segmenter.tokenizer.tokenize(d.view)))
        extraction = text_stages(documents, gazetteer, clock, segmenter, extractor)
        graph = clock.time("assemble", lambda: assemble(extraction, gazetteer))
        del extraction
        clock.time("store load", lambda: EmbeddedStore.build(graph, build_dir))
        clock.time("graph.jsonl", lambda: write_jsonl(graph, build_dir / "graph.jsonl"))
        neo4j_s = _neo4j_load(graph, clock) if os.environ.get("NEO4J_URI") else None
    store_bytes = sum(p.stat().st_size for p in (build_dir / "ladybug").rglob("*") if p.is_file())
    return StageRun(clock, len(documents), sum(len(d.text) for d in documents), tokens, len(graph.nodes),
                    len(graph.relationships), store_bytes, neo4j_s)


def _neo4j_load(graph: KnowledgeGraph, clock: Clock) -> float:
    """Load the graph into the Neo4j of `NEO4J_URI` (the build's loader); its wall seconds."""
    from queries.neo4j_store import Neo4jStore

    with Neo4jStore.from_env() as store:
        clock.time("neo4j load", lambda: store.load(graph))
    return clock.wall("neo4j load")
