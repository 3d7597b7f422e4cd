"""Build a corpus into a graph: read → the text stages → assemble → the stores and `graph.jsonl`.

`build` reads a whole corpus; `add` adds documents to the current build. Both take the per-document
analyses of unchanged documents from the cache (`ingest.cache`), recompute resolution, relations and
targets over the whole corpus, and replace their output atomically: nothing on disk but cache entries
changes unless every stage succeeded. A build records its documents, as read, in `documents.json`
beside `graph.jsonl`: that is the corpus `add` adds to, without reading the old files again.

The per-document stages run in `jobs` worker processes (default: the machine's cores): reading the
corpus files, and segmenting and extracting the documents the cache does not hold. The extracting
workers are forked once this process has built its segmenter and extractor (while the files are
read), so they start with them; they get documents and send back only their mentions, pickled
(`ingest.cache.mentions_bytes`: a sentence's jieba tokens do not pickle), and the sentences are cut
again here, as for a cache hit (`ingest.pipeline.with_sentences`). Results are taken in document
order, so the graph is byte-identical whatever `jobs` is.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import multiprocessing
import os
import pickle
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ingest.assemble.assembler import assemble
from ingest.cache import CACHE_DIR, AnalysisCache, mentions_bytes
from ingest.lexicon.gazetteer import Gazetteer, default_gazetteer
from ingest.lock import build_lock
from ingest.pipeline import (
    DocumentAnalysis,
    Progress,
    analyse_document,
    combine_analyses,
    gc_paused,
    quiet,
    warm_up,
    with_sentences,
)
from ingest.read.document import check_distinct, corpus_files, read_corpus, read_document
from ingest.read.manifest import Manifest, load_corpus_manifest
from jig.core.errors import DataFileError, DocumentReadError, GraphNotBuiltError, JilinGraphError, StoreError
from jig.core.graph import write_jsonl
from jig.core.records import Document
from queries.store import DEFAULT_BUILD_DIR

GRAPH_FILE = "graph.jsonl"
DOCUMENTS_FILE = "documents.json"
#: How often a worker process checks that the build that started it is still there.
_PARENT_CHECK_S = 0.5


@dataclass(frozen=True)
class BuildReport:
    """What a build produced: counts per node label and relation type, timings, where it went.

    `cached` documents were taken from the cache, `extracted` ones segmented and extracted afresh (by `jobs`
    processes); after `add`, `added` and `replaced` name the files that came in new and those that replaced a document.
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
    jobs: int = 1


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def build(
    corpus: Path,
    build_dir: Path = DEFAULT_BUILD_DIR,
    *,
    neo4j: bool = False,
    cache: bool = True,
    jobs: int | None = None,
    progress: Progress = quiet,
) -> BuildReport:
    """Build the graph of a corpus: `build_dir/graph.jsonl` and the embedded store, optionally Neo4j.

    With `cache` (the default) unchanged documents are not analysed again, and the cache keeps the
    entries of this corpus only; without it the cache is neither read nor written. The other documents
    are analysed by `jobs` processes (None: `default_jobs()`); the graph is the same for any `jobs`.
    Raises a JilinGraphError subclass (and leaves any previous build untouched) if a document cannot
    be read, evidence is not verbatim, or a store cannot be written.
    """
    started = time.perf_counter()
    build_dir = Path(build_dir)
    jobs = jobs or default_jobs()
    with build_lock(build_dir):
        documents = _read_corpus(Path(corpus), jobs)
        progress("read", len(documents), len(documents))
        analysis_cache = AnalysisCache(build_dir / CACHE_DIR) if cache else None
        report = _build_graph(documents, build_dir, analysis_cache, neo4j=neo4j, jobs=jobs, progress=progress,
                              started=started)
        if analysis_cache is not None:
            analysis_cache.prune({analysis_cache.key(document) for document in documents})
    return report


def add(
    files: Sequence[Path],
    build_dir: Path = DEFAULT_BUILD_DIR,
    *,
    neo4j: bool = False,
    jobs: int | None = None,
    progress: Progress = quiet,
) -> BuildReport:
    """Add documents to the current build in `build_dir` and rebuild its graph and stores.

    Each file is read with the manifest of its own folder, as `python -m ingest extract` does. A file
    whose document id (its name without the extension) is already in the build replaces that
    document. Raises GraphNotBuiltError when `build_dir` holds no build, DocumentReadError when a file
    cannot be read, two files have the same id, or a file has the text of another document; the previous
    build is then untouched.
    """
    started = time.perf_counter()
    build_dir = Path(build_dir)
    with build_lock(build_dir):
        current = {document.id: document for document in built_documents(build_dir)}
        new = _read_files(files)
        replacing = {document.id for document in new}
        check_distinct([*(d for d in current.values() if d.id not in replacing), *new])  # one text, one document
        progress("read", len(new), len(new))
        added = tuple(document.file for document in new if document.id not in current)
        replaced = tuple(document.file for document in new if document.id in current)
        documents = sorted({**current, **{document.id: document for document in new}}.values(), key=lambda d: d.file)
        analysis_cache = AnalysisCache(build_dir / CACHE_DIR)
        report = _build_graph(documents, build_dir, analysis_cache, neo4j=neo4j, jobs=jobs, progress=progress,
                              started=started)
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
    *, neo4j: bool, jobs: int | None, progress: Progress, started: float,
) -> BuildReport:
    """The text stages, the graph, the stores, `graph.jsonl` and `documents.json` of documents already read."""
    from queries.embedded import EmbeddedStore

    gazetteer = default_gazetteer()
    with gc_paused():
        analyses, cached, workers = _analyses(documents, gazetteer, cache, progress, jobs or default_jobs())
        extraction = combine_analyses(analyses, gazetteer, progress)
        del analyses
        graph = assemble(extraction, gazetteer)
        del extraction  # the sentences and their tokens: not needed by the stores
    stores = ["neo4j", "embedded"] if neo4j else ["embedded"]
    progress("load", 0, len(stores))
    if neo4j:  # first: the step most likely to fail (a server), before anything local changes
        from queries.neo4j_store import Neo4jStore

        Neo4jStore.from_env().load(graph)
    graph_path = build_dir / GRAPH_FILE
    try:
        EmbeddedStore.build(graph, build_dir)
        write_jsonl(graph, graph_path)
        _record_documents(documents, build_dir / DOCUMENTS_FILE)
    except OSError as exc:  # a full disk, a folder that is not writable
        raise StoreError(f"{build_dir}: cannot write the build ({(exc.strerror or str(exc)).lower()}): "
                         "free some space or choose another --out folder") from None
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
        jobs=workers,
    )


def _analyses(
    documents: list[Document], gazetteer: Gazetteer, cache: AnalysisCache | None, progress: Progress, jobs: int,
) -> tuple[list[DocumentAnalysis], int, int]:
    """Each document's analysis, from the cache when it holds one (else stored there), how many came from
    it, and how many processes analysed the others (1: this one)."""
    found = [cache.get(document, gazetteer) if cache is not None else None for document in documents]
    missing = [document for document, analysis in zip(documents, found, strict=True) if analysis is None]
    cached = len(documents) - len(missing)
    progress("extract", cached, len(documents))
    workers = max(1, min(jobs, len(missing)))
    analyses: list[DocumentAnalysis] = []
    done = cached
    with closing(_analysed(missing, gazetteer, workers)) as fresh:  # closing it stops the workers
        for analysis in found:
            if analysis is None:
                analysis, data = next(fresh)
                if cache is not None:
                    cache.put(analysis, data)
                done += 1
                progress("extract", done, len(documents))
            analyses.append(analysis)
    return analyses, cached, workers


def _read_corpus(corpus: Path, jobs: int) -> list[Document]:
    """`read_corpus(corpus)`, the files read by `jobs` worker processes; meanwhile this process warms up."""
    files = corpus_files(corpus) if corpus.is_dir() and jobs > 1 else []
    if len(files) < 2 * jobs:
        return read_corpus(corpus)
    manifest = load_corpus_manifest(corpus)
    if manifest:  # the checks of read_corpus, before any file is read
        manifest.check_files(path.name for path in files)
    own = [_entry_of(manifest, path.name) for path in files]  # a worker gets a file's entry, not the whole manifest
    with _worker_pool(jobs, warm=False) as pool:
        read = pool.map(_Failure.caught(read_document), files, own, chunksize=_chunk(files, jobs))
        warm_up()  # the extracting workers, forked later, start with the segmenter and extractor built
        documents = [_Failure.raised(document) for document in read]
    check_distinct(documents)
    return documents


def _entry_of(manifest: Manifest | None, file: str) -> Manifest | None:
    """The manifest with the entry of `file` only: what reading that file needs."""
    if manifest is None:
        return None
    entry = manifest.entry(file)
    return dataclasses.replace(manifest, entries={file: entry} if entry else {})


def _analysed(
    documents: list[Document], gazetteer: Gazetteer, workers: int,
) -> Iterator[tuple[DocumentAnalysis, bytes | None]]:
    """The analyses of `documents`, in order, in this process or by `workers` worker processes; with the
    pickle of the mentions when a worker sent them (`ingest.cache.mentions_bytes`)."""
    if workers == 1:
        yield from ((analyse_document(document, gazetteer), None) for document in documents)
        return
    warm_up(gazetteer)  # before the workers are forked: they start with the segmenter and extractor built
    with _worker_pool(workers, warm=True) as pool:
        sent = pool.map(_Failure.caught(_mentions), documents, chunksize=_chunk(documents, workers))
        for document, data in zip(documents, sent, strict=True):
            data = _Failure.raised(data)
            yield with_sentences(document, pickle.loads(data), gazetteer), data


def _chunk(items: Sequence[object], workers: int) -> int:
    """Items per task: a few, so that the workers share the work evenly and the progress moves."""
    return max(1, min(8, len(items) // (workers * 8)))


@contextmanager
def _worker_pool(workers: int, *, warm: bool) -> Iterator[ProcessPoolExecutor]:
    """`workers` processes for the per-document stages, forked where the platform allows it; `warm`: each
    has its segmenter and extractor."""
    methods = multiprocessing.get_all_start_methods()
    method = next(m for m in ("fork", "forkserver", "spawn") if m in methods)
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method), initializer=_start_worker,
                               initargs=(os.getpid(), warm))
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _start_worker(parent: int, warm: bool) -> None:
    """A worker's start: it ends when the build process does (killed, it would not tell its workers), and,
    `warm`, builds its segmenter and extractor once (already there when forked after `warm_up`)."""
    threading.Thread(target=_end_with, args=(parent,), daemon=True, name="end-with-the-build").start()
    if warm:
        warm_up(default_gazetteer())


def _end_with(parent: int) -> None:
    """End this worker once `parent` is gone (a worker forked by a killed build would wait for ever)."""
    while os.getppid() == parent:
        time.sleep(_PARENT_CHECK_S)
    os._exit(1)


def _mentions(document: Document) -> bytes:
    """The mentions of one document, pickled (in a worker: only they travel back)."""
    return mentions_bytes(analyse_document(document, default_gazetteer()).mentions)


@dataclass(frozen=True)
class _Failure:
    """A project error raised in a worker, carried back whole (its class, message and fields): the
    errors' own pickling would call their constructors with the message alone."""

    error_type: type[JilinGraphError]
    args: tuple
    fields: dict

    @staticmethod
    def caught(work: Callable) -> Callable:
        """`work`, returning a `_Failure` where it raises a JilinGraphError."""
        return functools.partial(_Failure._run, work)

    @staticmethod
    def _run(work: Callable, *args: object) -> object:
        try:
            return work(*args)
        except JilinGraphError as exc:
            return _Failure(type(exc), exc.args, dict(vars(exc)))

    @staticmethod
    def raised(result: object) -> object:
        """`result`, or the error it carries raised again here."""
        if isinstance(result, _Failure):
            error = result.error_type.__new__(result.error_type)
            error.args = result.args
            vars(error).update(result.fields)
            raise error
        return result


def _record_documents(documents: list[Document], path: Path) -> None:
    """Write the documents of a build to `path` atomically (a temporary file renamed into place)."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    record = {"documents": [dataclasses.asdict(document) for document in documents]}
    tmp.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, path)
