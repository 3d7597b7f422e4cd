"""Build a corpus into a graph: read → the text stages → assemble → the stores and `graph.jsonl`.

`build` reads a whole corpus; `add` adds documents to the current build. Both take the per-document
analyses of unchanged documents from the cache (`ingest.cache`), recompute resolution, relations and
targets over the whole corpus, and replace their output atomically: nothing on disk but cache entries
changes unless every stage succeeded. A build records its documents, as read, in `documents.json`
beside `graph.jsonl`: that is the corpus `add` adds to, without reading the old files again.
"""

from __future__ import annotations

import dataclasses
import json
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ingest.assemble.assembler import assemble
from ingest.cache import CACHE_DIR, AnalysisCache
from ingest.lexicon.gazetteer import Gazetteer, default_gazetteer
from ingest.pipeline import DocumentAnalysis, Progress, analyse_document, combine_analyses, gc_paused, quiet
from ingest.read.document import read_corpus, read_document
from ingest.read.manifest import load_corpus_manifest
from jig.core.errors import DataFileError, DocumentReadError, GraphNotBuiltError
from jig.core.graph import write_jsonl
from jig.core.records import Document
from queries.store import DEFAULT_BUILD_DIR

GRAPH_FILE = "graph.jsonl"
DOCUMENTS_FILE = "documents.json"


@dataclass(frozen=True)
class BuildReport:
    """What a build produced: counts per node label and relation type, timings, where it went.

    `cached` documents were taken from the cache, `extracted` ones segmented and extracted afresh; after `add`,
    `added` and `replaced` name the files that came in new and those that replaced a document.
    """

    documents: int
    label_counts: dict[str, int]
    type_counts: dict[str, int]
    seconds: float
    graph_path: Path
    stores: list[str] = field(default_factory=list)
    cached: int = 0
    extracted: int = 0
    added: tuple[str, ...] = ()
    replaced: tuple[str, ...] = ()


def build(
    corpus: Path,
    build_dir: Path = DEFAULT_BUILD_DIR,
    *,
    neo4j: bool = False,
    cache: bool = True,
    progress: Progress = quiet,
) -> BuildReport:
    """Build the graph of a corpus: `build_dir/graph.jsonl` and the embedded store, optionally Neo4j.

    With `cache` (the default) unchanged documents are not analysed again, and the cache keeps the
    entries of this corpus only; without it the cache is neither read nor written.
    Raises a JilinGraphError subclass (and leaves any previous build untouched) if a document cannot
    be read, evidence is not verbatim, or a store cannot be written.
    """
    started = time.perf_counter()
    build_dir = Path(build_dir)
    documents = read_corpus(corpus)
    progress("read", len(documents), len(documents))
    analysis_cache = AnalysisCache(build_dir / CACHE_DIR) if cache else None
    report = _build_graph(documents, build_dir, analysis_cache, neo4j=neo4j, progress=progress, started=started)
    if analysis_cache is not None:
        analysis_cache.prune({analysis_cache.key(document) for document in documents})
    return report


def add(
    files: Sequence[Path],
    build_dir: Path = DEFAULT_BUILD_DIR,
    *,
    neo4j: bool = False,
    progress: Progress = quiet,
) -> BuildReport:
    """Add documents to the current build in `build_dir` and rebuild its graph and stores.

    Each file is read with the manifest of its own folder, as `python -m ingest extract` does. A file
    whose document id (its name without the extension) is already in the build replaces that
    document. Raises GraphNotBuiltError when `build_dir` holds no build, DocumentReadError when a file
    cannot be read or two files have the same id; the previous build is then untouched.
    """
    started = time.perf_counter()
    build_dir = Path(build_dir)
    current = {document.id: document for document in built_documents(build_dir)}
    new = _read_files(files)
    progress("read", len(new), len(new))
    added = tuple(document.file for document in new if document.id not in current)
    replaced = tuple(document.file for document in new if document.id in current)
    documents = sorted({**current, **{document.id: document for document in new}}.values(), key=lambda d: d.file)
    analysis_cache = AnalysisCache(build_dir / CACHE_DIR)
    report = _build_graph(documents, build_dir, analysis_cache, neo4j=neo4j, progress=progress, started=started)
    return dataclasses.replace(report, added=added, replaced=replaced)


def built_documents(build_dir: Path = DEFAULT_BUILD_DIR) -> list[Document]:
    """The documents of the current build, as they were read (from `build_dir/documents.json`).

    Raises GraphNotBuiltError when there is no build, DataFileError when the record is unreadable.
    """
    path = Path(build_dir) / DOCUMENTS_FILE
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        return [Document(**fields) for fields in record["documents"]]
    except FileNotFoundError:
        raise GraphNotBuiltError(f"no build in {build_dir}: run `python -m ingest build` first") from None
    except (OSError, ValueError, TypeError, KeyError) as exc:
        problem = f"the record of the build's documents is unreadable ({exc}); run `python -m ingest build` again"
        raise DataFileError(path, problem) from None


def _read_files(files: Sequence[Path]) -> list[Document]:
    """Each file read with its folder's manifest; DocumentReadError when two of them have the same id."""
    documents: dict[str, Document] = {}
    for path in map(Path, files):
        document = read_document(path, load_corpus_manifest(path.parent))
        if document.id in documents:
            problem = f"two files have the document id {document.id!r}: {documents[document.id].path} and {path}"
            raise DocumentReadError(path, problem)
        documents[document.id] = document
    return list(documents.values())


def _build_graph(
    documents: list[Document], build_dir: Path, cache: AnalysisCache | None,
    *, neo4j: bool, progress: Progress, started: float,
) -> BuildReport:
    """The text stages, the graph, the stores, `graph.jsonl` and `documents.json` of documents already read."""
    from queries.embedded import EmbeddedStore

    gazetteer = default_gazetteer()
    with gc_paused():
        analyses, cached = _analyses(documents, gazetteer, cache, progress)
        extraction = combine_analyses(analyses, gazetteer, progress)
    graph = assemble(extraction, gazetteer)
    stores = ["neo4j", "embedded"] if neo4j else ["embedded"]
    progress("load", 0, len(stores))
    if neo4j:  # first: the step most likely to fail (a server), before anything local changes
        from queries.neo4j_store import Neo4jStore

        Neo4jStore.from_env().load(graph)
    EmbeddedStore.build(graph, build_dir)
    graph_path = build_dir / GRAPH_FILE
    write_jsonl(graph, graph_path)
    _record_documents(documents, build_dir / DOCUMENTS_FILE)
    progress("load", len(stores), len(stores))
    return BuildReport(
        documents=len(documents),
        label_counts=dict(sorted(graph.label_counts().items())),
        type_counts=dict(sorted(graph.type_counts().items())),
        seconds=time.perf_counter() - started,
        graph_path=graph_path,
        stores=stores,
        cached=cached,
        extracted=len(documents) - cached,
    )


def _analyses(
    documents: list[Document], gazetteer: Gazetteer, cache: AnalysisCache | None, progress: Progress,
) -> tuple[list[DocumentAnalysis], int]:
    """Each document's analysis, from the cache when it holds one (else stored there), and how many came from it."""
    analyses: list[DocumentAnalysis] = []
    cached = 0
    for done, document in enumerate(documents, start=1):
        analysis = cache.get(document, gazetteer) if cache is not None else None
        if analysis is None:
            analysis = analyse_document(document, gazetteer)
            if cache is not None:
                cache.put(analysis)
        else:
            cached += 1
        analyses.append(analysis)
        progress("extract", done, len(documents))
    return analyses, cached


def _record_documents(documents: list[Document], path: Path) -> None:
    """Write the documents of a build to `path` atomically (a temporary file renamed into place)."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    record = {"documents": [dataclasses.asdict(document) for document in documents]}
    tmp.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, path)
